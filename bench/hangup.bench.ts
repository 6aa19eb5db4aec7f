/**
 * The service under hang-ups (issue 21): 50 clients that close their socket while their job is
 * inside onnxruntime (25 during the optimiser loop of `gram`, 25 during the CNN stage of
 * `cnn-tv`), then one ordinary request. Figures: the server's RSS and heap before and after, the
 * time from hang-up to a free worker, and the same request's time on a fresh server (reference).
 * HANGUPS=n overrides the count (for a quick look).
 */
import { readFileSync } from 'node:fs';
import { lumaOf } from '../src/color/linear-spaces.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { dataPath } from '../test/helpers/shared.js';
import { hangUpDuring, health } from '../test/server/hangup.js';
import { colourImage, form, png, startServer } from '../test/server/helpers.js';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

const mib = (b: number) => round(b / 2 ** 20, 1);

export default async function (): Promise<BenchRecord[]> {
  const n = Number(process.env.HANGUPS ?? 50);
  const file = (name: string) =>
    new Blob([new Uint8Array(readFileSync(dataPath(`exemplar/${name}`)))], { type: 'image/png' });
  const gramBody = () =>
    form({ target: file('002_target.png'), reference: file('002_reference.png'), iterations: 5000 });
  const truth = resizeImage((await readImage(dataPath('exemplar/002_truth.png'))).image, 320, 240, 'area');
  const gray = await png({ width: 320, height: 240, channels: [lumaOf(truth).slice()] });
  const okBody = async () =>
    form({ target: await png(colourImage(64, 48, 0.5)), reference: await png(colourImage(64, 48)) });

  const s = await startServer({ concurrency: 1 });
  const records: BenchRecord[] = [];
  try {
    const timeOk = async () => {
      const t0 = performance.now();
      const res = await fetch(`${s.base}/v1/colorize/reinhard`, { method: 'POST', body: await okBody() });
      if (res.status !== 200) throw new Error(`answer ${res.status}: ${await res.text()}`);
      return performance.now() - t0;
    };
    const refMs = await timeOk();
    // Warm-up: one hang-up of each kind, so lazily loaded parts are in the baseline.
    await hangUpDuring(s.base, '/v1/colorize/gram', gramBody(), /^gram: iteration/);
    await hangUpDuring(s.base, '/v1/colorize/cnn-tv', form({ gray }), /^cnn-tv: cnn$/);
    globalThis.gc?.();
    const before = process.memoryUsage();
    const stages = new Map<string, number>();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const [route, body, at] =
        i % 2 === 0
          ? ['/v1/colorize/gram', gramBody(), /^gram: iteration/]
          : ['/v1/colorize/cnn-tv', form({ gray }), /^cnn-tv: cnn$/];
      const stage = await hangUpDuring(s.base, route as string, body as FormData, at as RegExp, 50 * (i % 5));
      const key = stage.replace(/\d+/, 'n');
      stages.set(key, (stages.get(key) ?? 0) + 1);
    }
    const loopMs = performance.now() - t0;
    globalThis.gc?.();
    const after = process.memoryUsage();
    const okMs = await timeOk();
    records.push({
      hangups: n,
      stages: [...stages].map(([k, v]) => `${v}× ${k}`).join('; '),
      status_after: (await health(s.base)).status,
      mean_hangup_cycle_s: round(loopMs / n / 1000, 2),
      rss_before_mib: mib(before.rss),
      rss_after_mib: mib(after.rss),
      heap_before_mib: mib(before.heapUsed),
      heap_after_mib: mib(after.heapUsed),
      request_after_ms: round(okMs, 0),
      reference_request_fresh_ms: round(refMs, 0),
    });
  } finally {
    await s.app.close();
  }
  return records;
}
