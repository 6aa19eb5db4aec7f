/**
 * `levin`'s default solve with very few strokes, against scipy's exact solve:
 *
 *   node --import tsx scripts/eval-scribble-sparse.ts [strokes] [step]
 *
 * Every `step`-th colour photo of ../shared/data/val (default 25) at its own size, with `strokes`
 * (default 1) segments of 8–24 px and radius 2 at seeded random places (seed 7 + the photo's index
 * in the sorted folder), coloured alternately (0.2, 0.3, 0.9), (0.5, 0.3, 0.9) and (0.2, 0.3, 0.4)
 * (levin-reference.ts, sparseCase).
 * Prints and writes bench/results/scribble-sparse-<strokes>.json: iterations, whether it
 * converged, whether the result came from the double-precision retry, how far the solve went
 * beyond the strokes' range before the clamp, and the largest |u − exact| in chroma units.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { levinChroma } from '../src/methods/scribbles/levin/levin.js';
import { scipyLevin, sparseCase } from './levin-reference.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(here, '../../shared');
const count = Number(process.argv[2] ?? 1);
const step = Number(process.argv[3] ?? 25);
const valDir = path.join(shared, 'data/val');
const names = readdirSync(valDir)
  .filter((n) => /\.(png|jpe?g)$/i.test(n))
  .sort();
const rows = [];
for (let k = 0; k < names.length; k += step) {
  const name = names[k];
  const made = await sparseCase(valDir, name, count);
  if (!made) continue; // a gray photo
  const { gray, strokes } = made;
  const ref = scipyLevin(gray, strokes);
  const t0 = performance.now();
  const res = levinChroma(gray, strokes);
  const ms = performance.now() - t0;
  let err = 0;
  for (let c = 0; c < 2; c++) {
    const a = res.chroma.channels[c];
    const b = ref.planes[c];
    for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i] - b[i]));
  }
  const row = {
    name,
    width: gray.width,
    height: gray.height,
    iterations: res.stats.iterations,
    converged: res.stats.converged,
    precision: res.stats.precision ?? 'single',
    outOfRange: Number((res.stats.outOfRange ?? 0).toExponential(2)),
    maxError: Number(err.toExponential(2)),
    ms: Math.round(ms),
  };
  rows.push(row);
  console.log(
    `${name.padEnd(22)} ${row.iterations}${row.converged ? '' : ' (not converged)'} it ${row.precision}  beyond the range ${row.outOfRange}  max |u − exact| ${row.maxError}  ${row.ms} ms`,
  );
}
const summary = {
  photos: rows.length,
  worstMaxError: Math.max(...rows.map((r) => r.maxError)),
  solvedInDouble: rows.filter((r) => r.precision === 'double').map((r) => r.name),
  unconverged: rows.filter((r) => !r.converged).map((r) => r.name),
};
console.log(JSON.stringify(summary));
writeFileSync(
  path.resolve(here, `../bench/results/scribble-sparse-${count}.json`),
  `${JSON.stringify({ name: `scribble-sparse-${count}`, date: new Date().toISOString(), strokes: count, step, summary, rows }, null, 2)}\n`,
);
process.exit(0);
