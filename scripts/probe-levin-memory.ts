/**
 * Where the memory of a Levin solve goes: peak and current RSS, JS heap and ArrayBuffers after
 * each stage of `levinChroma` (operator, balancing fit, constraints and solve), on the benchmark's
 * photo (bench/scribble-case.ts) at the given size. With --expose-gc each line also shows the
 * figures after a full collection (what is live, as opposed to garbage not yet collected).
 *
 *   node [--expose-gc] --import tsx scripts/probe-levin-memory.ts [megapixels=4] [--no-arena]
 */
import { photo } from '../bench/scribble-case.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import { levinOperator } from '../src/methods/scribbles/levin/affinity.js';
import { levinArena, solveLevinSystem } from '../src/methods/scribbles/levin/levin.js';
import { stationaryBalance } from '../src/solve/balance.js';
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
const mp = Number(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 4);
const truth = await photo(mp);
const strokes = shortStrokes(truth, 200, 5);
const Y = lumaOf(truth);
const W = truth.width,
  H = truth.height;
report('inputs');
// As levinChroma runs it: one arena for the operator, the fit and the solve (unless --no-arena).
const arena = process.argv.includes('--no-arena') ? undefined : levinArena(W, H);
report('arena');
const A = levinOperator(Y, W, H, {}, 'single', arena);
report('levinOperator');
const pi = stationaryBalance(A, { arena });
report('stationaryBalance');
if (arena)
  console.log(
    `  arena high water after the fit: ${(arena.highWater / (4 * (W * H + 2 * (W + 1)))).toFixed(1)} planes`,
  );
// The constraints and the solve as levinChroma runs them (right-hand sides, mask and inflow in the arena).
const res = solveLevinSystem(A, strokes, 'yuv', { rowScale: pi, arena }, 0, true);
const len = W * H + 2 * (W + 1);
report(`solve (${res.stats.iterations} it)`);
if (arena) {
  const plane = 4 * len;
  console.log(
    `arena: ${mb(arena.memory.buffer.byteLength)} MiB reserved, at most ${mb(arena.highWater)} MiB in use at once ` +
      `(${(arena.memory.buffer.byteLength / plane).toFixed(1)} and ${(arena.highWater / plane).toFixed(1)} finest-grid planes)`,
  );
}
