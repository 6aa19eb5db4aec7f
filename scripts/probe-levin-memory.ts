/**
 * Where the memory of a Levin solve goes: peak and current RSS, JS heap and ArrayBuffers after
 * each stage of `levinChroma` (operator, balancing fit, constraints, solve), on the benchmark's
 * photo (bench/scribble-case.ts) at the given size. With --expose-gc each line also shows the
 * figures after a full collection (what is live, as opposed to garbage not yet collected).
 *
 *   node [--expose-gc] --import tsx scripts/probe-levin-memory.ts [megapixels=4]
 */
import { photo } from '../bench/scribble-case.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import { levinOperator } from '../src/methods/scribbles/levin/affinity.js';
import { strokeChroma } from '../src/methods/scribbles/levin/levin.js';
import { scaleRows, stationaryBalance } from '../src/solve/balance.js';
import { solveGeneral } from '../src/solve/general-solve.js';
import { generalDirichletSystem } from '../src/solve/general-stencil9.js';
import { shortStrokes } from './stroke-simulation.js';

const mb = (x: number) => Math.round(x / 2 ** 20);
const report = (what: string) => {
  const m = process.memoryUsage();
  const gcd = (globalThis as { gc?: () => void }).gc;
  const peak = process.resourceUsage().maxRSS / 1024;
  let after = '';
  if (gcd) {
    gcd();
    const m2 = process.memoryUsage();
    after = ` | after GC rss ${mb(m2.rss)} ab ${mb(m2.arrayBuffers)}`;
  }
  console.log(
    `${what.padEnd(24)} peak ${Math.round(peak)} rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ab ${mb(m.arrayBuffers)}${after}`,
  );
};
const mp = Number(process.argv[2] ?? 4);
const truth = await photo(mp);
const strokes = shortStrokes(truth, 200, 5);
const Y = lumaOf(truth);
const W = truth.width,
  H = truth.height;
report('inputs');
const A = levinOperator(Y, W, H, {}, 'single');
report('levinOperator');
const pi = stationaryBalance(A);
report('stationaryBalance');
scaleRows(A, pi);
const sys = generalDirichletSystem(A, strokes.mask, strokeChroma(strokes, 'yuv'), true);
report('dirichlet');
const res = solveGeneral(sys, { tolerance: 5e-5, rowScale: pi });
report(`solve (${res.iterations} it)`);
