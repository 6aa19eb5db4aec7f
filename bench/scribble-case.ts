/**
 * One measurement of bench/scribble.bench.ts, run in its own process so peak memory belongs to it:
 *   node --import tsx bench/scribble-case.ts <megapixels> <fast|direct|write> [dir]
 * Prints one JSON line. The test photo is ../shared/data/exemplar/002_truth.png upscaled (bicubic)
 * to the requested size with a little deterministic grain, so the affinities see texture; strokes
 * are 60 short random polylines carrying the true colours under them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lumaOf } from '../src/color/linear-spaces.js';
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { colorizeLevin } from '../src/methods/scribbles/levin/levin.js';
import { markedImage, rasterizeStrokes, type StrokeSet } from '../src/methods/scribbles/strokes.js';
import { psnr } from '../src/metrics/psnr.js';
import { seededRandom } from '../src/random.js';
import { peakRssMiB } from './util.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.resolve(here, '../../shared/data/exemplar/002_truth.png');

const rng = seededRandom;

export async function photo(megapixels: number): Promise<ImageF32> {
  const src = (await readImage(SOURCE)).image;
  const f = Math.sqrt((megapixels * 1e6) / (src.width * src.height));
  const img = resizeImage(src, Math.round(src.width * f), Math.round(src.height * f), 'bicubic');
  const r = rng(11);
  for (let i = 0; i < img.width * img.height; i++) {
    const g = 0.012 * (r() - 0.5);
    for (const c of img.channels) c[i] = Math.min(1, Math.max(0, c[i] + g));
  }
  return img;
}

export function strokesFor(truth: ImageF32, count = 60): StrokeSet {
  const { width: W, height: H } = truth;
  const r = rng(5);
  const radius = Math.max(1.5, 0.003 * (W + H));
  const set = rasterizeStrokes(
    Array.from({ length: count }, () => {
      const x = r() * (W - 1);
      const y = r() * (H - 1);
      const pts = [x, y];
      for (let k = 1; k < 4; k++) {
        pts.push(
          Math.min(W - 1, Math.max(0, pts[2 * k - 2] + (r() - 0.5) * 0.08 * W)),
          Math.min(H - 1, Math.max(0, pts[2 * k - 1] + (r() - 0.5) * 0.08 * H)),
        );
      }
      return { points: pts, radius, rgb: [0, 0, 0] as [number, number, number] };
    }),
    W,
    H,
  );
  for (let c = 0; c < 3; c++)
    for (let i = 0; i < W * H; i++) if (set.mask[i]) set.colors.channels[c][i] = truth.channels[c][i];
  return set;
}

const main = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
const [mpArg, mode, dir] = main ? process.argv.slice(2) : ['0', 'none', ''];
const mp = Number(mpArg);
const truth = main ? await photo(mp) : createImage(1, 1, 3);
const gray: ImageF32 = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
const strokes = main
  ? strokesFor(truth)
  : rasterizeStrokes([{ points: [0, 0], radius: 1, rgb: [0, 0, 0] }], 1, 1);
const base = { megapixels: mp, width: truth.width, height: truth.height };
if (mode === 'write') {
  await writeImage(path.join(dir, 'gray.png'), gray);
  await writeImage(path.join(dir, 'marked.png'), markedImage(gray, strokes));
  console.log(JSON.stringify(base));
} else if (mode === 'fast') {
  colorizeLevin(
    createImage(64, 64, 1),
    rasterizeStrokes([{ points: [3, 3], radius: 2, rgb: [1, 0, 0] }], 64, 64),
  ); // JIT warm-up
  const rss0 = peakRssMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const fast = colorizeLevin(gray, strokes);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rss = peakRssMiB();
  const exact = colorizeLevin(gray, strokes, { tolerance: 1e-12, maxIterations: 1000, precision: 'double' });
  const s = fast.stats;
  console.log(
    JSON.stringify({
      ...base,
      strokePixels: s.strokePixels,
      affinityMs: Math.round(s.buildMs),
      setupMs: Math.round(s.setupMs),
      iterateMs: Math.round(s.solveMs),
      solveMs: Math.round(s.buildMs + s.setupMs + s.solveMs),
      withFinishMs: Math.round(ms),
      // CPU time of this process over the same span: less sensitive to other jobs on the machine.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      iterations: s.iterations,
      relativeResidual: Number(s.relativeResidual.toExponential(2)),
      peakRssMiB: Math.round(rss),
      baseRssMiB: Math.round(rss0),
      exactIterations: exact.stats.iterations,
      psnrFastVsExact: Number(psnr(fast.rgb, exact.rgb).toFixed(2)),
      psnrFastVsTruth: Number(psnr(fast.rgb, truth).toFixed(3)),
      psnrExactVsTruth: Number(psnr(exact.rgb, truth).toFixed(3)),
    }),
  );
} else if (mode === 'direct') {
  const t0 = performance.now();
  const direct = colorizeLevin(gray, strokes, { solver: 'direct' });
  const ms = performance.now() - t0;
  const rss = peakRssMiB();
  const fast = colorizeLevin(gray, strokes);
  console.log(
    JSON.stringify({
      ...base,
      directSolveMs: Math.round(direct.stats.buildMs + direct.stats.setupMs + direct.stats.solveMs),
      directWithFinishMs: Math.round(ms),
      directPeakRssMiB: Math.round(rss),
      psnrFastVsDirect: Number(psnr(fast.rgb, direct.rgb).toFixed(2)),
      psnrDirectVsTruth: Number(psnr(direct.rgb, truth).toFixed(3)),
    }),
  );
}
