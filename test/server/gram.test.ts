/** Gram-matrix colorization over HTTP: typed options and a short real run, as a job with progress. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { GRAM_DEFAULTS } from '../../src/methods/exemplar/gram/options.js';
import {
  colourImage,
  decodeResponse,
  form,
  grayRamp,
  png,
  type Running,
  startServer,
  waitFor,
} from './helpers.js';

let s: Running;
before(async () => {
  s = await startServer({ concurrency: 1 });
});
after(async () => {
  await s.app.close();
});

describe('gram over HTTP', () => {
  test('GET /v1/methods/gram lists its typed options with the report defaults', async () => {
    const res = await fetch(`${s.base}/v1/methods/gram`);
    assert.equal(res.status, 200);
    const m = (await res.json()) as {
      family: string;
      browser: boolean;
      options: Array<Record<string, unknown>>;
    };
    assert.equal(m.family, 'exemplar');
    assert.equal(m.browser, false);
    const byKey = new Map(m.options.map((o) => [o.key, o]));
    assert.deepEqual(byKey.get('optimizer')!.enum, ['adam', 'lbfgs', 'lbfgs-fixed']);
    // One default for the library, the command line and the service.
    assert.equal(byKey.get('iterations')!.default, GRAM_DEFAULTS.iterations);
    assert.equal(byKey.get('levels')!.default, GRAM_DEFAULTS.levels);
    assert.deepEqual(byKey.get('init')!.enum, ['average', 'content']);
    assert.deepEqual(byKey.get('normalization')!.enum, ['gatys', 'relative']);
    assert.equal(byKey.get('styleLayers')!.default, 'conv1_1,conv1_2,conv2_1,conv2_2,conv3_1');
  });

  test('a short job colours a gray target, keeps its luma and reports progress', async () => {
    const gray = grayRamp(64, 48);
    const body = form({
      method: 'gram',
      target: await png(gray),
      reference: await png(colourImage(64, 48, 0.1)),
      iterations: 3,
      workingSize: 32,
    });
    const res = await fetch(`${s.base}/v1/jobs`, { method: 'POST', body });
    assert.equal(res.status, 202, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    const done = await waitFor(async () => {
      const st = (await (await fetch(`${s.base}/v1/jobs/${id}`)).json()) as {
        status: string;
        progress: number;
      };
      return st.status === 'done' || st.status === 'failed' ? st : undefined;
    }, 120_000);
    assert.equal(done.status, 'done');
    assert.equal(done.progress, 1);
    const out = (await decodeResponse(await fetch(`${s.base}/v1/jobs/${id}/result`))).image;
    assert.equal(out.width, 64);
    const y = lumaOf(out);
    let worst = 0;
    for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - gray.channels[0][i]));
    assert.ok(worst <= 1.5 / 255, `luma kept to ${worst * 255} levels`);
  });

  test('a bad layer name is a 400 that names the layer', async () => {
    const body = form({
      target: await png(grayRamp(32, 32)),
      reference: await png(colourImage(32, 32)),
      styleLayers: 'conv4_1',
    });
    const res = await fetch(`${s.base}/v1/colorize/gram`, { method: 'POST', body });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /conv4_1.*blocks 4–5/);
  });
});
