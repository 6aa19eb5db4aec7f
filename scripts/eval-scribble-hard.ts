/**
 * `levin`'s default solve against the exact one on the hardest val photos (scripts/hard-scribble-photos.ts):
 *
 *   node --import tsx scripts/eval-scribble-hard.ts [hard|all|native] [count]
 *
 * `hard` (default): the 34 photos of HARD_PHOTOS. `all`: every colour photo of ../shared/data/val,
 * made as the 700-px survey made them (seed: the index in the sorted folder, plus 1), to
 * bench/results/scribble-hard-all.json. `native`: the same photos and seeds at their own size
 * (BSDS500 481×321, Urban100 about 384×288 here), to bench/results/scribble-hard-native.json.
 *
 * For each photo: scipy's exact solve of Levin et al.'s system (scripts/levin_exact.py), then the
 * default `colorize scribble` solve; PSNR of both against the truth, their difference (the issue's
 * 0.05 dB), PSNR of the default against the exact result, iterations and time. Prints a table and
 * writes bench/results/scribble-hard.json (`all`: scribble-hard-all.json). With
 * LEVIN_EXACT_CACHE=<dir>, scipy's solutions are kept there and reused (they take most of the
 * time); LEVIN_TOLERANCE=<t> solves the default at another tolerance (the results then go to
 * bench/results/scribble-hard-tol<t>.json and scribble-hard-all-tol<t>.json); LEVIN_OPTIONS=<json>
 * adds options to the solve (for trials: printed, nothing written).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish } from '../src/finish/finish.js';
import type { ImageF32 } from '../src/image/image.js';
import { colorizeLevin, LEVIN_TOLERANCE } from '../src/methods/scribbles/levin/levin.js';
import type { StrokeSet } from '../src/methods/scribbles/strokes.js';
import { psnr } from '../src/metrics/psnr.js';
import { HANDED_OVER_TOLERANCE } from '../src/solve/bicgstab.js';
import { HARD_LONG_SIDE, HARD_PHOTOS, HARD_STROKES_PER_MP, hardCase } from './hard-scribble-photos.js';
import { scipyLevin } from './levin-reference.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(here, '../../shared');
const set = process.argv[2] ?? 'hard';
if (set !== 'hard' && set !== 'all' && set !== 'native')
  throw new Error(`eval-scribble-hard: unknown set ${set} (hard, all or native)`);
const longSide = set === 'native' ? 'native' : HARD_LONG_SIDE;
const valDir = path.join(shared, 'data/val');
const photos: ReadonlyArray<readonly [string, number]> =
  set === 'hard'
    ? HARD_PHOTOS
    : readdirSync(valDir)
        .filter((n) => /\.(jpe?g|png)$/i.test(n))
        .sort()
        .map((n, k) => [n, k + 1] as const);
const count = Number(process.argv[3] ?? photos.length);

const tolerance = process.env.LEVIN_TOLERANCE ? Number(process.env.LEVIN_TOLERANCE) : undefined;
const cache = process.env.LEVIN_EXACT_CACHE;
const trial = process.env.LEVIN_OPTIONS ? JSON.parse(process.env.LEVIN_OPTIONS) : undefined;

/** scipy's exact solve, from LEVIN_EXACT_CACHE where it was kept. */
function exactSolve(
  name: string,
  seed: number,
  gray: ImageF32,
  strokes: StrokeSet,
): { planes: Float32Array[]; info: { totalMs: number } } {
  const file = cache && path.join(cache, `${name}-${seed}-${longSide}-${HARD_STROKES_PER_MP}.f32`);
  const n = gray.width * gray.height;
  if (file && existsSync(file)) {
    const raw = readFileSync(file);
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
    return { planes: [all.slice(0, n), all.slice(n, 2 * n)], info: { totalMs: Number.NaN } };
  }
  const ref = scipyLevin(gray, strokes);
  if (file) {
    mkdirSync(cache, { recursive: true });
    const both = new Float32Array(2 * n);
    both.set(ref.planes[0], 0);
    both.set(ref.planes[1], n);
    writeFileSync(file, Buffer.from(both.buffer));
  }
  return ref;
}

const rows: Record<string, number | string | boolean>[] = [];
for (const [name, seed] of photos.slice(0, count)) {
  const made = await hardCase(valDir, name, seed, longSide);
  if (!made) continue; // a gray photo: nothing to simulate strokes from
  const { truth, gray, strokes } = made;
  const ref = exactSolve(name, seed, gray, strokes);
  const exact = finish({
    original: gray,
    chroma: { width: gray.width, height: gray.height, channels: ref.planes },
    space: 'yuv',
  });
  const t0 = performance.now();
  const fast = colorizeLevin(gray, strokes, { ...trial, ...(tolerance !== undefined && { tolerance }) });
  const ms = performance.now() - t0;
  const exactPsnr = psnr(exact, truth);
  const levinPsnr = psnr(fast.rgb, truth);
  const row = {
    name,
    seed,
    width: gray.width,
    height: gray.height,
    iterations: fast.stats.iterations,
    converged: fast.stats.converged,
    relativeResidual: Number(fast.stats.relativeResidual.toExponential(2)),
    levinMs: Math.round(ms),
    scipyMs: Math.round(ref.info.totalMs),
    exactPsnr: Number(exactPsnr.toFixed(3)),
    levinPsnr: Number(levinPsnr.toFixed(3)),
    diffDb: Number((levinPsnr - exactPsnr).toFixed(4)),
    levinVsExact: Number(psnr(fast.rgb, exact).toFixed(2)),
    ...(fast.stats.precision && { precision: fast.stats.precision }),
  };
  rows.push(row);
  console.log(
    `${name.padEnd(22)} ${row.iterations}${row.converged ? '' : ' (not converged)'}${row.precision ? ' (double)' : ''} it  ${row.levinMs} ms  exact ${row.exactPsnr}  levin ${row.levinPsnr}  diff ${row.diffDb.toFixed(3)} dB  vs exact ${row.levinVsExact} dB`,
  );
}
const within = rows.filter((r) => Math.abs(Number(r.diffDb)) <= 0.05).length;
const summary = {
  photos: rows.length,
  withinHalfTenthDb: within,
  worstDiffDb: Math.max(...rows.map((r) => Math.abs(Number(r.diffDb)))),
  iterations: rows.reduce((s, r) => s + Number(r.iterations), 0),
  unconverged: rows.filter((r) => !r.converged).map((r) => r.name),
  solvedInDouble: rows.filter((r) => r.precision).map((r) => r.name),
};
console.log(JSON.stringify(summary));
if (trial) process.exit(0);
const outName = `${set === 'hard' ? 'scribble-hard' : `scribble-hard-${set}`}${tolerance === undefined ? '' : `-tol${tolerance}`}`;
writeFileSync(
  path.resolve(here, `../bench/results/${outName}.json`),
  `${JSON.stringify(
    {
      name: outName,
      tolerance: tolerance ?? LEVIN_TOLERANCE,
      date: new Date().toISOString(),
      longSide,
      strokesPerMP: HARD_STROKES_PER_MP,
      handedOverTolerance: HANDED_OVER_TOLERANCE,
      summary,
      rows,
    },
    null,
    2,
  )}\n`,
);
