/**
 * One measurement of bench/scribble.bench.ts, run in its own process so peak memory belongs to it:
 *   node --import tsx bench/scribble-case.ts <megapixels> <levin|levin-unbalanced|symmetric|report|scipy|preview|write> [dir]
 * Prints one JSON line. The test photo is ../shared/data/exemplar/002_truth.png upscaled (bicubic)
 * to the requested size with a little deterministic grain, so the affinities see texture; strokes
 * are short 3-px strokes carrying the true colours under them, STROKES_PER_MP per megapixel
 * (about 1 % of the pixels).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scipyLevin } from '../scripts/levin-reference.js';
import { shortStrokeLines, shortStrokes } from '../scripts/stroke-simulation.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import { finish } from '../src/finish/finish.js';
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { colorizeLevin, type LevinSystem } from '../src/methods/scribbles/levin/levin.js';
import { ScribblePreview } from '../src/methods/scribbles/levin/preview.js';
import { markedImage, rasterizeStrokes } from '../src/methods/scribbles/strokes.js';
import { psnr } from '../src/metrics/psnr.js';
import { seededRandom } from '../src/random.js';
import { startSolverThreads } from '../src/solve/wasm/helper-thread.js';
import { peakRssMiB, streamGBs } from './util.js';

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

/** Short strokes per megapixel: about 1 % of the pixels. */
export const STROKES_PER_MP = 200;

const main = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
// As `colorize scribble` does: the solver's helper thread starts while the inputs are read.
if (main) startSolverThreads();
const [mpArg, mode, dir] = main ? process.argv.slice(2) : ['0', 'none', ''];
const mp = Number(mpArg);
const truth = main ? await photo(mp) : createImage(1, 1, 3);
const gray: ImageF32 = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
const strokes = main
  ? shortStrokes(truth, STROKES_PER_MP, 5)
  : rasterizeStrokes([{ points: [0, 0], radius: 1, rgb: [0, 0, 0] }], 1, 1);
let strokePixels = 0;
for (const m of strokes.mask) strokePixels += m;
const base = { megapixels: mp, width: truth.width, height: truth.height, strokePixels };
const warmUp = (system: LevinSystem) =>
  colorizeLevin(
    createImage(64, 64, 1),
    rasterizeStrokes([{ points: [3, 3], radius: 2, rgb: [1, 0, 0] }], 64, 64),
    { system },
  ); // JIT warm-up
if (mode === 'write') {
  await writeImage(path.join(dir, 'gray.png'), gray);
  await writeImage(path.join(dir, 'marked.png'), markedImage(gray, strokes));
  console.log(JSON.stringify(base));
} else if (mode === 'levin' || mode === 'levin-unbalanced' || mode === 'symmetric' || mode === 'report') {
  // levin-unbalanced: Levin's system without the row balancing (src/solve/balance.ts), the reference for it.
  const system = mode === 'levin-unbalanced' ? 'levin' : mode;
  warmUp(system);
  const rss0 = peakRssMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const fast = colorizeLevin(
    gray,
    strokes,
    mode === 'levin-unbalanced' ? { system, balance: false } : { system },
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const s = fast.stats;
  const peak = peakRssMiB();
  console.log(
    JSON.stringify({
      ...base,
      system: mode,
      balanced: fast.stats.balanced ?? false,
      buildMs: Math.round(s.buildMs),
      setupMs: Math.round(s.setupMs),
      iterateMs: Math.round(s.solveMs),
      solveMs: Math.round(s.buildMs + s.setupMs + s.solveMs),
      withFinishMs: Math.round(ms),
      // CPU time of this process over the same span: less sensitive to other jobs on the machine.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      iterations: s.iterations,
      relativeResidual: Number(s.relativeResidual.toExponential(2)),
      // The arena's first writes (part of buildMs): what this minute's fresh memory cost.
      ...(s.faultIn && {
        faultInMs: Math.round(s.faultIn.ms),
        faultInMiB: Math.round(s.faultIn.mib),
        faultInMsPerMiB: Number((s.faultIn.ms / s.faultIn.mib).toFixed(2)),
      }),
      peakRssMiB: Math.round(peak),
      baseRssMiB: Math.round(rss0),
      psnrVsTruth: Number(psnr(fast.rgb, truth).toFixed(3)),
      // After the solve, not counted in its peak: this minute's memory throughput.
      streamGBs: await streamGBs(),
    }),
  );
} else if (mode === 'scipy') {
  // The exact solve of Levin et al.'s system (getColorExact.m in scipy), and our default beside it.
  const ref = scipyLevin(gray, strokes);
  const exact = finish({
    original: gray,
    chroma: { width: gray.width, height: gray.height, channels: ref.planes },
    space: 'yuv',
  });
  warmUp('levin');
  const fast = colorizeLevin(gray, strokes);
  console.log(
    JSON.stringify({
      ...base,
      scipy: ref.info.scipy,
      scipyBuildMs: Math.round(ref.info.buildMs),
      scipyFactorMs: Math.round(ref.info.factorMs),
      scipySolveMs: Math.round(ref.info.solveMs),
      scipyTotalMs: Math.round(ref.info.totalMs),
      pyamg: ref.info.pyamg,
      psnrExactVsTruth: Number(psnr(exact, truth).toFixed(3)),
      psnrLevinVsTruth: Number(psnr(fast.rgb, truth).toFixed(3)),
      psnrLevinVsExact: Number(psnr(fast.rgb, exact).toFixed(2)),
    }),
  );
} else if (mode === 'preview') {
  // The studio's live preview: one update per added stroke, warm-started, as the Web Worker runs
  // it (updateStrokes: polylines rasterised on the preview grid, one colour per stroke), and the
  // same from full-size raster stroke sets (update: reduced to the grid at every stroke).
  const lines = shortStrokeLines(truth, STROKES_PER_MP, 5);
  const measure = (step: (k: number) => { ms: number }) => {
    const times: number[] = [];
    for (let k = 1; k <= 20; k++) {
      const r = step(k);
      if (k > 2) times.push(r.ms); // the first updates include JIT compilation
    }
    times.sort((a, b) => a - b);
    return { median: Math.round(times[times.length >> 1]), max: Math.round(times[times.length - 1]) };
  };
  const studio = new ScribblePreview(gray);
  const drawn = measure((k) => studio.updateStrokes(lines.slice(0, Math.ceil((lines.length * k) / 20))));
  const preview = new ScribblePreview(gray);
  const order = Array.from({ length: strokes.mask.length }, (_, i) => i).filter((i) => strokes.mask[i]);
  const raster = measure((k) => {
    const part = { ...strokes, mask: new Uint8Array(strokes.mask.length) };
    for (let j = 0; j < Math.ceil((order.length * k) / 20); j++) part.mask[order[j]] = 1;
    return preview.update(part);
  });
  console.log(
    JSON.stringify({
      ...base,
      previewPixels: preview.width * preview.height,
      previewMedianMs: drawn.median,
      previewMaxMs: drawn.max,
      rasterPreviewMedianMs: raster.median,
      rasterPreviewMaxMs: raster.max,
    }),
  );
}
