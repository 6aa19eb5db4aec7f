/** Automatic colorization over HTTP: the cnn and cnn-tv methods of the automatic registry. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { colorfulness } from '../../src/metrics/colorfulness.js';
import { dataPath } from '../helpers/shared.js';
import { decodeResponse, form, png, type Running, startServer } from './helpers.js';

let s: Running;
before(async () => {
  s = await startServer({ concurrency: 1 });
});
after(async () => {
  await s.app.close();
});

describe('automatic methods over HTTP', () => {
  test('GET /v1/methods lists cnn and cnn-tv in the automatic family with their typed options', async () => {
    const res = await fetch(`${s.base}/v1/methods/cnn-tv`);
    assert.equal(res.status, 200);
    const m = (await res.json()) as {
      family: string;
      inputs: Array<{ name: string }>;
      options: Array<{ key: string; default: unknown }>;
    };
    assert.equal(m.family, 'automatic');
    assert.deepEqual(
      m.inputs.map((i) => i.name),
      ['gray'],
    );
    assert.equal(m.options.find((o) => o.key === 'candidates')?.default, 10);
  });

  test('POST /v1/colorize/cnn colours a gray photo and keeps its luma', async () => {
    const truth = resizeImage((await readImage(dataPath('exemplar/002_truth.png'))).image, 160, 120, 'area');
    const y = lumaOf(truth).slice();
    const res = await fetch(`${s.base}/v1/colorize/cnn`, {
      method: 'POST',
      body: form({ gray: await png({ width: 160, height: 120, channels: [y] }) }),
      headers: { accept: 'image/png' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const out = (await decodeResponse(res)).image;
    assert.equal(out.width, 160);
    assert.ok(colorfulness(out) > 10);
    const yo = lumaOf(out);
    let maxDiff = 0;
    for (let i = 0; i < y.length; i++) maxDiff = Math.max(maxDiff, Math.abs(yo[i] - y[i]));
    assert.ok(maxDiff < 2 / 255, `luma differs by ${maxDiff * 255}/255`);
  });

  test('an invalid option is a 400 naming it', async () => {
    const res = await fetch(`${s.base}/v1/colorize/cnn-tv`, {
      method: 'POST',
      body: form({
        gray: await png({ width: 8, height: 8, channels: [new Float32Array(64).fill(0.5)] }),
        candidates: 0,
      }),
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /candidates/);
  });
});

describe('attention exemplar network over HTTP', () => {
  test('POST /v1/colorize/attention colours a gray target from a reference', async () => {
    const truth = resizeImage((await readImage(dataPath('exemplar/002_truth.png'))).image, 160, 120, 'area');
    const ref = resizeImage(
      (await readImage(dataPath('exemplar/002_reference.png'))).image,
      160,
      120,
      'area',
    );
    const res = await fetch(`${s.base}/v1/colorize/attention`, {
      method: 'POST',
      body: form({
        target: await png({ width: 160, height: 120, channels: [lumaOf(truth).slice()] }),
        reference: await png(ref),
      }),
      headers: { accept: 'image/png' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const out = (await decodeResponse(res)).image;
    assert.equal(out.width, 160);
    assert.ok(colorfulness(out) > 5);
  });
});
