/** POST /v1/colorize/fuse: strokes alone give levin's result; no hint is refused with the reason. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readImage } from '../../src/image/io.js';
import '../../src/methods/builtin.js';
import { colorizeLevin } from '../../src/methods/scribbles/levin/levin.js';
import { strokesFromJson } from '../../src/methods/scribbles/strokes.js';
import { buildServer } from '../../src/server/app.js';
import { formBody, formPart, MULTIPART_TYPE } from '../helpers/multipart.js';
import { REPO_ROOT } from '../helpers/shared.js';

test('the service runs fuse: strokes alone = levin; no hint → 400 naming the hints', async () => {
  const grayFile = path.join(REPO_ROOT, 'examples/scene_gray.png');
  const json = readFileSync(path.join(REPO_ROOT, 'examples/scene_strokes.json'), 'utf8');
  const app = await buildServer({ concurrency: 1 });
  try {
    const post = (parts: Buffer[]) =>
      app.inject({
        method: 'POST',
        url: '/v1/colorize/fuse',
        headers: { 'content-type': MULTIPART_TYPE, accept: 'image/png' },
        payload: formBody(parts),
      });
    const gray = formPart('gray', readFileSync(grayFile), 'g.png');
    const none = await post([gray]);
    assert.equal(none.statusCode, 400, none.body);
    assert.match(none.body, /no hint given/);
    const res = await post([gray, formPart('strokes', json)]);
    assert.equal(res.statusCode, 200, res.body);
    const served = (await readImage(res.rawPayload)).image;
    const g = (await readImage(grayFile)).image;
    const want = colorizeLevin(g, strokesFromJson(json, g.width, g.height, 'strokes')).rgb;
    let d = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < want.channels[c].length; i++)
        d = Math.max(d, Math.abs(want.channels[c][i] - served.channels[c][i]));
    assert.ok(d <= 0.5 / 255 + 1e-6, `service vs levin: max diff ${d}`);
  } finally {
    await app.close();
  }
});
