/**
 * The three systems of `levin` side by side (issue: "Levin solves a different system"):
 *
 *   node --import tsx scripts/eval-scribble-systems.ts [count=10] [longSide=400] [perMP=400]
 *
 * On the first `count` photos of ../shared/data/val (sorted names, resized to `longSide`) with
 * short strokes simulated from the truth (`perMP` per megapixel), and on the 7 stroke sets of
 * ../shared/data/scribbles (no truth there: their rows compare with the exact solve only), it
 * runs each system with its default solver and Levin's system exactly with scipy (getColorExact.m
 * ported: scripts/levin_exact.py). Prints a table and writes bench/results/scribble-systems.json.
 * With EVAL_BALANCE=1 it compares Levin's system with and without row balancing instead
 * (bench/results/scribble-balance.json).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lumaOf } from '../src/color/linear-spaces.js';
import { finish } from '../src/finish/finish.js';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { colorizeLevin, LEVIN_SYSTEMS, type LevinOptions } from '../src/methods/scribbles/levin/levin.js';
import { strokesFromMarked } from '../src/methods/scribbles/strokes.js';
import { psnr } from '../src/metrics/psnr.js';
import { ssim } from '../src/metrics/ssim.js';
import { scipyLevin } from './levin-reference.js';
import { shortStrokes } from './stroke-simulation.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(here, '../../shared');
const [count, longSide, perMP] = [10, 400, 400].map((d, k) => Number(process.argv[2 + k] ?? d));

interface Row {
  name: string;
  width: number;
  height: number;
  strokePixels: number;
  [key: string]: number | string | null;
}

// EVAL_BALANCE=1: Levin's system with and without row balancing (solve/balance.ts) instead of the three systems.
const BALANCE = process.env.EVAL_BALANCE === '1';
const VARIANTS: [string, LevinOptions][] = BALANCE
  ? [
      ['levin', { system: 'levin', balance: false }],
      ['levinBalanced', { system: 'levin', balance: true }],
    ]
  : LEVIN_SYSTEMS.map((system) => [system, { system }]);
const NAMES = VARIANTS.map(([name]) => name);

const rows: Row[] = [];
const mean = (k: string, set: Row[]) => set.reduce((s, r) => s + Number(r[k]), 0) / set.length;

async function runCase(
  name: string,
  gray: ImageF32,
  strokes: ReturnType<typeof shortStrokes>,
  truth: ImageF32 | null,
) {
  let strokePixels = 0;
  for (const m of strokes.mask) strokePixels += m;
  const row: Row = { name, width: gray.width, height: gray.height, strokePixels };
  const ref = scipyLevin(gray, strokes);
  const exact = finish({
    original: gray,
    chroma: { width: gray.width, height: gray.height, channels: ref.planes },
    space: 'yuv',
  });
  row.scipyMs = Math.round(ref.info.totalMs);
  if (truth) {
    row.exactPsnr = psnr(exact, truth);
    row.exactSsim = ssim(exact, truth);
  }
  for (const [system, options] of VARIANTS) {
    const t0 = performance.now();
    const res = colorizeLevin(gray, strokes, options);
    row[`${system}Ms`] = Math.round(performance.now() - t0);
    row[`${system}Iterations`] = res.stats.iterations;
    row[`${system}VsExact`] = psnr(res.rgb, exact);
    if (truth) {
      row[`${system}Psnr`] = psnr(res.rgb, truth);
      row[`${system}Ssim`] = ssim(res.rgb, truth);
    }
  }
  rows.push(row);
  const f = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
  console.log(
    [
      name,
      `${gray.width}x${gray.height}`,
      ...NAMES.map(
        (s) =>
          `${s} ${f(row[`${s}Psnr`] ?? '-')} vsExact ${f(row[`${s}VsExact`])} ${row[`${s}Ms`]}ms/${row[`${s}Iterations`]}it`,
      ),
      `exact ${f(row.exactPsnr ?? '-')} scipy ${row.scipyMs}ms`,
    ].join('  '),
  );
}

const valDir = path.join(shared, 'data/val');
const names = readdirSync(valDir)
  .filter((n) => /\.(jpe?g|png)$/i.test(n))
  .sort()
  .slice(0, count);
for (const [k, name] of names.entries()) {
  const src = (await readImage(path.join(valDir, name))).image;
  if (src.channels.length !== 3) continue;
  const f = Math.min(1, longSide / Math.max(src.width, src.height));
  const truth = f < 1 ? resizeImage(src, Math.round(src.width * f), Math.round(src.height * f), 'area') : src;
  const gray: ImageF32 = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
  await runCase(`val/${name}`, gray, shortStrokes(truth, perMP, k + 1), truth);
}
const scribDir = path.join(shared, 'data/scribbles');
for (const file of readdirSync(scribDir)
  .filter((n) => n.endsWith('_gray.png'))
  .sort()) {
  const base = file.replace(/_gray\.png$/, '');
  const gray = (await readImage(path.join(scribDir, file))).image;
  const marked = (await readImage(path.join(scribDir, `${base}_marked.png`))).image;
  await runCase(`scribbles/${base}`, gray, strokesFromMarked(gray, marked), null);
}
const val = rows.filter((r) => r.name.startsWith('val/'));
const summary: Record<string, number> = {
  photos: val.length,
  exactPsnr: mean('exactPsnr', val),
  exactSsim: mean('exactSsim', val),
};
for (const s of NAMES) {
  summary[`${s}Psnr`] = mean(`${s}Psnr`, val);
  summary[`${s}Ssim`] = mean(`${s}Ssim`, val);
  summary[`${s}Ms`] = mean(`${s}Ms`, val);
  summary[`${s}MinVsExactScribbles`] = Math.min(
    ...rows.filter((r) => r.name.startsWith('scribbles/')).map((r) => Number(r[`${s}VsExact`])),
  );
}
for (const s of NAMES.filter((n) => n.startsWith('levin')))
  summary[`${s}MaxAbsDeltaDb`] = Math.max(
    ...val.map((r) => Math.abs(Number(r[`${s}Psnr`]) - Number(r.exactPsnr))),
  );
console.log(JSON.stringify(summary, null, 1));
writeFileSync(
  path.resolve(here, `../bench/results/${BALANCE ? 'scribble-balance' : 'scribble-systems'}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), count, longSide, perMegapixel: perMP, summary, rows }, null, 2)}\n`,
);
