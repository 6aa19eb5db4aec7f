/**
 * POST /v1/fuse/sources (the studio's fused view): the CNN distribution it returns is the one
 * `fuseStaticSources` computes in this process on the same photo; the re-colouring's `mask` is a
 * field of POST /v1/colorize/fuse; a request with nothing to compute is refused with the reason.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readImage } from '../../src/image/io.js';
import '../../src/methods/builtin.js';
import { fuseStaticSources } from '../../src/methods/fuse/fuse.js';
import { decodeFuseSources, FUSE_SOURCES_MIME } from '../../src/methods/fuse/sources-wire.js';
import { buildServer } from '../../src/server/app.js';
import { formBody, formPart, MULTIPART_TYPE } from '../helpers/multipart.js';
import { dataPath } from '../helpers/shared.js';

test('POST /v1/fuse/sources: the CNN distribution of the photo; nothing to compute → 400', async () => {
  const file = dataPath('scribbles/flower_gray.png');
  const app = await buildServer({ concurrency: 1 });
  try {
    const post = (url: string, parts: Buffer[]) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': MULTIPART_TYPE },
        payload: formBody(parts),
      });
    const gray = formPart('gray', readFileSync(file), 'g.png');
    const none = await post('/v1/fuse/sources', [gray]);
    assert.equal(none.statusCode, 400, none.body);
    assert.match(none.body, /nothing to compute/);
    const res = await post('/v1/fuse/sources', [gray, formPart('auto', 'true')]);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], FUSE_SOURCES_MIME);
    const served = decodeFuseSources(new Uint8Array(res.rawPayload));
    const want = await fuseStaticSources((await readImage(file)).image, { auto: true });
    assert.equal(served.exemplar, undefined);
    assert.equal(served.dist?.width, want.dist?.width);
    let d = 0;
    const a = served.dist!.probs;
    const b = want.dist!.probs;
    assert.equal(a.length, b.length);
    for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
    assert.ok(d < 1e-6, `max |Δp| ${d}`);
    // The region mask is an input of fuse (it was refused as an unknown field).
    const refused = await post('/v1/colorize/fuse', [gray, formPart('mask', readFileSync(file), 'm.png')]);
    assert.doesNotMatch(refused.body, /unknown field "mask"/);
  } finally {
    await app.close();
  }
});
