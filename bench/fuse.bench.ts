/**
 * The fused method (issue 18): quality and speed.
 *
 * Quality: the evaluation halves (the second half of the sorted hard exemplar sets; val photos
 * after the first 6, which tuned the weights: scripts/tune-fuse.ts) with strokes simulated from
 * the truth at 50 per megapixel (bench/fuse-cases.ts). Mean PSNR, SSIM and ΔE00 against the truth
 * for each single source by its own method (levin, superpixel, cnn-tv) and each fused combination.
 * The same-run references are the single sources: the goals are fused > every single source it
 * combines on mean PSNR, and strokes + reference ≥ strokes alone + 1 dB.
 *
 * Speed: a 1 MP photo (exemplar 002 truth upscaled) with all three hints, end to end (wall and
 * CPU), defaults (Levin on ≤ 65,536 px), Levin on the working size (the earlier default) and TV on
 * ≤ 131,072 px, against cnn-tv alone
 * on the same photo. Goal ≤ 4 s. FUSE_BENCH_SPEED_ONLY=1 runs only this part.
 *
 * FUSE_BENCH_VAL (default 12) sets how many val photos are scored.
 */
import path from 'node:path';
import { shortStrokes } from '../scripts/stroke-simulation.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { colorizeCnnTv } from '../src/methods/automatic/cnn-tv/pipeline.js';
import { type FuseOptions, fuseColorize } from '../src/methods/fuse/fuse.js';
import type { Scores } from '../src/metrics/evaluate.js';
import {
  exemplarCase,
  FUSE_STROKES_PER_MP,
  HARD_SETS,
  meanOf,
  runCase,
  SHARED,
  valCase,
  valNames,
} from './fuse-cases.js';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  if (!process.env.FUSE_BENCH_SPEED_ONLY) {
    const nVal = Number(process.env.FUSE_BENCH_VAL ?? 12);
    const ex: Array<Record<string, Scores>> = [];
    for (const id of HARD_SETS.slice(HARD_SETS.length / 2))
      ex.push(await runCase(await exemplarCase(id), ['sr', 'sa', 'ra', 'sra']));
    const val: Array<Record<string, Scores>> = [];
    for (const n of valNames().slice(6, 6 + nVal)) val.push(await runCase(await valCase(n), ['sa']));
    for (const [set, rows] of [
      ['exemplar (hard, 9 sets)', ex],
      [`val (${val.length} photos)`, val],
    ] as const)
      for (const [run, m] of Object.entries(meanOf(rows)))
        records.push({
          set,
          run,
          psnr: round(m.psnr),
          ssim: round(m.ssim, 4),
          deltaE00: round(m.de),
          n: m.n,
        });
  }

  // Speed at 1 MP, all three hints.
  const src = (await readImage(path.join(SHARED, 'exemplar', '002_truth.png'))).image;
  const f = Math.sqrt(1e6 / (src.width * src.height));
  const truth = resizeImage(src, Math.round(src.width * f), Math.round(src.height * f), 'bicubic');
  const gray = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
  const reference = (await readImage(path.join(SHARED, 'exemplar', '002_reference.png'))).image;
  const strokes = shortStrokes(truth, FUSE_STROKES_PER_MP, 1);
  await fuseColorize(gray, { strokes, reference, auto: true }); // warm-up (models, JIT)
  const time = async (fn: () => unknown) => {
    let best = { wall: Infinity, cpu: Infinity };
    for (let k = 0; k < 2; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (wall < best.wall) best = { wall, cpu: (c.user + c.system) / 1000 };
    }
    return best;
  };
  const settings: Array<[string, FuseOptions]> = [
    ['fuse-sra (defaults: Levin on ≤ 65 536 px)', {}],
    [
      'fuse-sra --levin-pixels 262144 (Levin on the working size, the earlier default)',
      { levinPixels: 262_144 },
    ],
    ['fuse-sra --working-pixels 131072', { workingPixels: 131072 }],
  ];
  for (const [run, options] of settings) {
    let timings: Record<string, number> = {};
    const t = await time(async () => {
      timings = (await fuseColorize(gray, { strokes, reference, auto: true }, options)).timings;
    });
    records.push({
      set: `speed ${truth.width}×${truth.height}`,
      run,
      wallMs: Math.round(t.wall),
      cpuMs: Math.round(t.cpu),
      stages: Object.entries(timings)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', '),
    });
  }
  // Same-run reference: a single-source method at the same size (Levin at 1 MP with 50 strokes
  // takes minutes: its BiCGStab converges slowly with so few constraints).
  const cnnTv = await time(() => colorizeCnnTv(gray));
  records.push({
    set: `speed ${truth.width}×${truth.height}`,
    run: 'cnn-tv (reference)',
    wallMs: Math.round(cnnTv.wall),
    cpuMs: Math.round(cnnTv.cpu),
  });
  return records;
}
