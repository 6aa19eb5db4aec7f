/**
 * A client hanging up during a job that is inside onnxruntime (gram, cnn-tv), and a job stopped
 * by the time limit, must not take the service down: the worker is killed, replaced, and the
 * service keeps answering with the same memory. (The 50-hang-up loop is bench/hangup.bench.ts.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { dataPath } from '../helpers/shared.js';
import { hangUpDuring, health } from './hangup.js';
import { colourImage, form, png, type Running, startServer } from './helpers.js';

let s: Running;
before(async () => {
  s = await startServer({ concurrency: 1 });
});
after(async () => {
  await s.app.close();
});

/** A gram request on a real pair that runs far longer than the test waits (tens of seconds). */
async function gramBody(): Promise<FormData> {
  const file = (name: string) =>
    new Blob([new Uint8Array(readFileSync(dataPath(`exemplar/${name}`)))], { type: 'image/png' });
  return form({
    target: file('002_target.png'),
    reference: file('002_reference.png'),
    iterations: 5000,
    workingSize: 256,
  });
}

describe('hang-ups and time limits', () => {
  test('hang-ups during gram and cnn-tv leave the service answering, with the same memory', async () => {
    const truth = resizeImage((await readImage(dataPath('exemplar/002_truth.png'))).image, 320, 240, 'area');
    const gray = await png({ width: 320, height: 240, channels: [lumaOf(truth).slice()] });
    const cnnTv = () => form({ gray });
    // One of each first, so the lazily loaded parts of the server are in the baseline.
    // Hang up while onnxruntime runs: in the optimiser loop of gram (forward and backward passes
    // of VGG-19), in the CNN stage of cnn-tv. With worker threads, terminating the thread there
    // aborted the whole process (SIGABRT, "terminate called after throwing an instance of
    // 'Napi::Error'").
    const gramAt = /^gram: iteration/;
    const cnnAt = /^cnn-tv: cnn$/;
    await hangUpDuring(s.base, '/v1/colorize/gram', await gramBody(), gramAt);
    await hangUpDuring(s.base, '/v1/colorize/cnn-tv', cnnTv(), cnnAt);
    const rss0 = process.memoryUsage().rss;
    for (let i = 0; i < 1; i++) {
      await hangUpDuring(s.base, '/v1/colorize/gram', await gramBody(), gramAt, 100 * i);
      await hangUpDuring(s.base, '/v1/colorize/cnn-tv', cnnTv(), cnnAt, 20 * i);
    }
    const grown = (process.memoryUsage().rss - rss0) / 2 ** 20;
    assert.ok(grown < 40, `the server grew by ${grown.toFixed(1)} MiB over 2 hang-ups`);
    assert.equal((await health(s.base)).status, 'ok');
    // A fresh worker still does real work.
    const res = await fetch(`${s.base}/v1/colorize/reinhard`, {
      method: 'POST',
      body: form({ target: await png(colourImage(32, 24, 0.5)), reference: await png(colourImage(32, 24)) }),
    });
    assert.equal(res.status, 200, await res.clone().text());
  });

  test('a gram job stopped by the time limit is a 422 naming the limit, and the service goes on', async () => {
    const t = await startServer({ concurrency: 1, jobTimeoutMs: 6000 });
    try {
      const res = await fetch(`${t.base}/v1/colorize/gram`, { method: 'POST', body: await gramBody() });
      assert.equal(res.status, 422);
      assert.match(((await res.json()) as { message: string }).message, /time limit of 6 s/);
      const again = await fetch(`${t.base}/v1/colorize/sleep`, {
        method: 'POST',
        body: form({ target: await png(colourImage(16, 16)), ms: 10 }),
      });
      assert.equal(again.status, 200);
    } finally {
      await t.app.close();
    }
  });

  test('a worker killed from outside (out of memory) is a 500 naming the signal, and is replaced', async () => {
    const res = await fetch(`${s.base}/v1/colorize/crash`, {
      method: 'POST',
      body: form({ target: await png(colourImage(16, 16)) }),
    });
    assert.equal(res.status, 500);
    assert.match(
      ((await res.json()) as { message: string }).message,
      /the worker stopped: it was killed by SIGKILL/,
    );
    const again = await fetch(`${s.base}/v1/colorize/sleep`, {
      method: 'POST',
      body: form({ target: await png(colourImage(16, 16)), ms: 10 }),
    });
    assert.equal(again.status, 200);
  });
});
