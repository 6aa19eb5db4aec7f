/**
 * The second core (src/solve/wasm/helper-thread.ts, src/solve/row-blocks.ts): Gauss–Seidel in
 * block order against the update written out pixel by pixel in the documented order; the
 * forward/backward pair as a symmetric operator; a hybrid V-cycle with every kernel split across
 * two threads against the JavaScript loops (whose restriction and prolongation are not split);
 * and a whole Levin solve on a real photo, bit for bit the same with and without the helper.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { levinChroma } from '../../src/methods/scribbles/levin/levin.js';
import { hybridVcycle2 } from '../../src/solve/general-multigrid.js';
import { constrainedSymmetricPart } from '../../src/solve/general-solve.js';
import {
  createGeneralStencil9,
  GENERAL_OFFSETS,
  type GeneralStencil9,
  gaussSeidelGeneral9x2,
} from '../../src/solve/general-stencil9.js';
import { buildMultigrid } from '../../src/solve/multigrid.js';
import { splitRow } from '../../src/solve/row-blocks.js';
import {
  createStencil9,
  gaussSeidel9x2,
  gaussSeidelFromZero9x2,
  gridVector32,
} from '../../src/solve/stencil9.js';
import { WasmArena } from '../../src/solve/wasm/arena.js';
import { kernelHelper } from '../../src/solve/wasm/helper-thread.js';
import { moveGeneralSolve } from '../../src/solve/wasm/solve-arena.js';
import { rng } from '../helpers/images.js';
import { photoLevinSystem } from '../helpers/levin-photo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VAL = path.resolve(root, '../shared/data/val');
// 69 000 pixels: above the split size, so every sweep runs in two blocks and a separator row.
const W = 300;
const H = 230;

function randomGeneral(seed: number): GeneralStencil9 {
  const r = rng(seed);
  const A = createGeneralStencil9(W, H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = A.pad + y * W + x;
      let sum = 0;
      GENERAL_OFFSETS.forEach(([dx, dy], k) => {
        const inside = x + dx >= 0 && x + dx < W && y + dy >= 0 && y + dy < H;
        A.c[k][i] = inside ? r() : 0;
        sum += A.c[k][i];
      });
      A.diag[i] = sum + 0.1 + r();
    }
  return A;
}

function randomGrid(seed: number): Float32Array {
  const r = rng(seed);
  const g = gridVector32(W, H);
  for (let i = 0; i < W * H; i++) g[W + 1 + i] = r() - 0.5;
  return g;
}

/** The rows in the order the module comment of row-blocks.ts gives (forward). */
function documentedRowOrder(): number[] {
  const m = splitRow(W, H);
  assert.ok(m > 0, 'the test grid is split');
  const rows: number[] = [];
  for (let y = 0; y < m - 1; y++) rows.push(y);
  for (let y = m; y < H; y++) rows.push(y);
  rows.push(m - 1);
  return rows;
}

/** Gauss–Seidel written out: pixels in `order`, x_i = (b_i + Σ_k c_k x_nb) / d_i, in double precision. */
function literalSweep(
  A: GeneralStencil9,
  x: Float64Array,
  b: Float32Array,
  order: number[],
  backward: boolean,
): void {
  const rows = backward ? [...order].reverse() : order;
  for (const y of rows)
    for (let k = 0; k < W; k++) {
      const xx = backward ? W - 1 - k : k;
      const i = A.pad + y * W + xx;
      let s = b[i];
      GENERAL_OFFSETS.forEach(([dx, dy], c) => {
        if (A.c[c][i] !== 0) s += A.c[c][i] * x[i + dy * W + dx];
      });
      x[i] = s / A.diag[i];
    }
}

function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return d / (s || 1);
}

const twoCpus = availableParallelism() >= 2;

test('the helper thread exists on this machine (so the split path is what the tests exercise)', {
  skip: twoCpus ? false : 'one CPU: no helper thread',
}, () => {
  assert.ok(kernelHelper());
});

test('Gauss–Seidel in block order, in JavaScript and in wasm with and without the helper, equals the update written out in the documented order', () => {
  const A = randomGeneral(3);
  const b0 = randomGrid(5);
  const b1 = randomGrid(6);
  const start0 = randomGrid(7);
  const start1 = randomGrid(8);
  const order = documentedRowOrder();
  // Reference: from zero, then forward, backward, backward, forward, in double precision.
  const modes = ['zero', 'forward', 'backward', 'backward', 'forward'] as const;
  const ref = [new Float64Array(start0.length), new Float64Array(start1.length)];
  const results: Record<string, Float32Array[]> = {};
  for (const [c, bc] of [b0, b1].entries())
    for (const mode of modes) literalSweep(A, ref[c], bc, order, mode === 'backward');
  const runs = {
    javascript: null,
    'wasm, one thread': WasmArena.create(40 * start0.length * 4, { threads: false }),
    'wasm, two threads': WasmArena.create(40 * start0.length * 4, { threads: true }),
  };
  for (const [name, arena] of Object.entries(runs)) {
    const copy = (v: ArrayLike<number>) => (arena ? arena.copy32(v) : Float32Array.from(v));
    const G: GeneralStencil9 = arena ? { ...A, c: A.c.map(copy) } : A;
    if (arena) arena.registerGeneral(G);
    // From zero: whatever x holds is overwritten (start from garbage to show it).
    const x = [copy(start0), copy(start1)];
    const b = [copy(b0), copy(b1)];
    for (const mode of modes)
      gaussSeidelGeneral9x2(G, x[0], x[1], b[0], b[1], mode === 'backward', mode === 'zero');
    results[name] = x;
    for (let c = 0; c < 2; c++) {
      const d = maxRelDiff(x[c], ref[c]);
      assert.ok(d < 1e-4, `${name}, channel ${c}: ${d}`);
    }
  }
  assert.deepEqual(results['wasm, two threads'], results['wasm, one thread'], 'bit for bit');
});

test('a forward sweep from zero and a backward sweep in block order make a symmetric preconditioner (two threads)', () => {
  // Symmetric S: z(r) = backward(forward-from-zero(r)) is the symmetric Gauss–Seidel
  // preconditioner only if the backward sweep visits in the exact reverse order.
  const r = rng(11);
  const S = createStencil9(W, H);
  for (let i = S.pad; i < S.pad + W * H; i++) {
    const x = (i - S.pad) % W;
    const y = Math.floor((i - S.pad) / W);
    S.e[i] = x + 1 < W ? r() : 0;
    S.s[i] = y + 1 < H ? r() : 0;
    S.se[i] = x + 1 < W && y + 1 < H ? 0.3 * r() : 0;
    S.sw[i] = x > 0 && y + 1 < H ? 0.3 * r() : 0;
  }
  for (let i = S.pad; i < S.pad + W * H; i++)
    S.diag[i] =
      0.05 +
      S.e[i] +
      S.e[i - 1] +
      S.s[i] +
      S.s[i - W] +
      S.se[i] +
      S.se[i - W - 1] +
      S.sw[i] +
      S.sw[i - W + 1];
  const arena = WasmArena.create(40 * S.e.length * 4, { threads: true });
  assert.ok(arena);
  const Sw = {
    ...S,
    e: arena.copy32(S.e),
    s: arena.copy32(S.s),
    se: arena.copy32(S.se),
    sw: arena.copy32(S.sw),
  };
  arena.registerSymmetric(Sw);
  const u = arena.copy32(randomGrid(21));
  const v = arena.copy32(randomGrid(22));
  const zu = arena.f32(u.length);
  const zv = arena.f32(u.length);
  gaussSeidelFromZero9x2(Sw, zu, zv, u, v);
  gaussSeidel9x2(Sw, zu, zv, u, v, true);
  let a = 0;
  let b = 0;
  for (let i = 0; i < u.length; i++) {
    a += zu[i] * v[i];
    b += u[i] * zv[i];
  }
  assert.ok(Math.abs(a - b) < 1e-4 * Math.abs(a), `<z(u), v> = ${a}, <u, z(v)> = ${b}`);
  // The same in double precision written out: symmetric to rounding in the documented order,
  // and measurably not when the backward sweep ignores the blocks (plain reverse lexicographic).
  const G = createGeneralStencil9(W, H);
  for (let i = S.pad; i < S.pad + W * H; i++) {
    G.diag[i] = S.diag[i];
    [S.e[i - 1], S.e[i], S.s[i - W], S.s[i], S.se[i - W - 1], S.sw[i - W + 1], S.sw[i], S.se[i]].forEach(
      (c, k) => {
        G.c[k][i] = c;
      },
    );
  }
  const order = documentedRowOrder();
  const lexicographic = Array.from({ length: H }, (_, y) => y);
  const asymmetry = (backwardOrder: number[]) => {
    const z = [u, v].map((b) => {
      const x = new Float64Array(b.length);
      literalSweep(G, x, b, order, false);
      literalSweep(G, x, b, backwardOrder, true);
      return x;
    });
    let p = 0;
    let q = 0;
    for (let i = 0; i < u.length; i++) {
      p += z[0][i] * v[i];
      q += u[i] * z[1][i];
    }
    return Math.abs(p - q) / Math.abs(p);
  };
  assert.ok(asymmetry(order) < 1e-10, `documented order: ${asymmetry(order)}`);
  assert.ok(asymmetry(lexicographic) > 1e-3, `mismatched order: ${asymmetry(lexicographic)}`);
});

test('a hybrid V-cycle split across two threads follows the JavaScript one on a real photo (320×240)', async () => {
  const make = await photoLevinSystem(320, 240);
  const js = make();
  const mgJs = buildMultigrid(constrainedSymmetricPart(js), js.active);
  const fast = make();
  const moved = moveGeneralSolve(fast.A, buildMultigrid(constrainedSymmetricPart(fast), fast.active), 2);
  assert.ok(moved?.arena.threaded || !twoCpus, 'the arena runs on two threads');
  assert.ok(moved);
  const runsBefore = kernelHelper()?.kernelRuns ?? 0;
  const z0 = gridVector32(320, 240);
  const z1 = gridVector32(320, 240);
  hybridVcycle2(mgJs, js.A, Float32Array.from(js.rhs[0]), Float32Array.from(js.rhs[1]), z0, z1);
  const len = z0.length;
  const Z0 = moved.arena.f32(len);
  const Z1 = moved.arena.f32(len);
  hybridVcycle2(moved.mg, fast.A, moved.arena.copy32(js.rhs[0]), moved.arena.copy32(js.rhs[1]), Z0, Z1);
  if (twoCpus) assert.ok((kernelHelper()?.kernelRuns ?? 0) > runsBefore, 'the helper ran kernels');
  assert.ok(maxRelDiff(Z0, z0) < 1e-5 && maxRelDiff(Z1, z1) < 1e-5, 'one hybrid V-cycle');
});

test('a Levin solve on a real photo is the same bit for bit with and without the helper thread', async () => {
  const src = (await readImage(path.join(VAL, 'bsds500_100007.jpg'))).image;
  const truth = resizeImage(src, 360, 240, 'area');
  const gray = { width: 360, height: 240, channels: [lumaOf(truth)] };
  const strokes = shortStrokes(truth, 300, 4);
  const before = kernelHelper()?.kernelRuns ?? 0;
  const two = levinChroma(gray, strokes, { threads: true, balance: true });
  const between = kernelHelper()?.kernelRuns ?? 0;
  const one = levinChroma(gray, strokes, { threads: false, balance: true });
  if (twoCpus) assert.ok(between > before, 'the threaded solve used the helper');
  assert.equal(kernelHelper()?.kernelRuns ?? 0, between, 'the single-threaded solve did not');
  assert.ok(two.stats.converged);
  assert.equal(two.stats.iterations, one.stats.iterations);
  assert.deepEqual(two.chroma.channels, one.chroma.channels);
});

test('a prefaulted arena is resident once its first split kernel has run, what the caller wrote meanwhile is kept, and its fault-in is timed', {
  skip: kernelHelper() ? false : 'no helper thread here',
}, async () => {
  const MIB = 2 ** 20;
  // The process's RSS is the measure: collect the earlier tests' garbage first, so that its
  // release does not fall inside the measurement (a combined run once saw the figure short).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // The memories let go of before (an earlier test's, the first call's) are freed after both
  // threads collect, and V8 frees a backing store some time after the collection that found it:
  // all of that happens first, so that no release falls inside the measurement.
  const settle = async () => {
    const small = WasmArena.create(2 * MIB, { threads: true })!;
    const v = small.f32(8);
    small.together('dot', [v.byteOffset, v.byteOffset, 0, 4], [v.byteOffset, v.byteOffset, 4, 8]);
    small.releaseHelper();
    for (let k = 0; k < 3; k++) {
      gc();
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  const resident = async (prefault: boolean) => {
    await settle();
    const before = process.memoryUsage().rss;
    const arena = WasmArena.create(64 * MIB, { threads: true, prefault })!;
    // Written while the helper is (or may be) faulting the same memory in.
    const head = arena.f32(1 << 20);
    for (let i = 0; i < head.length; i += 977) head[i] = i + 0.5;
    const tail = arena.f32(1 << 20, 'top');
    for (let i = 0; i < tail.length; i += 977) tail[i] = -i;
    // A split kernel: the caller takes the chunks left and waits for the helper.
    const sum = arena.together(
      'dot',
      [head.byteOffset, head.byteOffset, 0, 8],
      [tail.byteOffset, tail.byteOffset, 0, 8],
    );
    assert.equal(sum, 0.25);
    for (let i = 0; i < head.length; i += 977) assert.equal(head[i], i + 0.5);
    for (let i = 0; i < tail.length; i += 977) assert.equal(tail[i], -i);
    const grown = (process.memoryUsage().rss - before) / MIB;
    // Its fault-in is timed once every chunk is written (and only where it was asked for).
    const timed = arena.faultInTime();
    if (prefault) {
      assert.ok(
        timed && timed.bytes >= 64 * MIB && timed.bytes < 65 * MIB,
        `faulted in ${timed?.bytes} bytes`,
      );
      assert.ok(timed.ms > 0 && timed.ms < 60_000, `fault-in took ${timed.ms} ms`);
    } else assert.equal(timed, null);
    arena.releaseHelper();
    assert.equal(arena.faultInTime(), null);
    return grown;
  };
  const without = await resident(false);
  const withPrefault = await resident(true);
  assert.ok(withPrefault >= 56, `prefaulted: RSS grew by ${withPrefault.toFixed(1)} MiB of 64`);
  assert.ok(without < 24, `not prefaulted: RSS grew by ${without.toFixed(1)} MiB`);
});

test('arenas let go of are collected: 24 faulted-in shared arenas of 96 MiB, one after the other, do not stay resident', {
  skip: kernelHelper() ? false : 'no helper thread here',
}, () => {
  // Neither the helper's collector nor the caller's ran by itself (a shared memory does not
  // count towards V8's heap growth): each solve's arena stayed resident, 3.5 GiB after 25 at 1 MP.
  const MIB = 2 ** 20;
  const before = process.memoryUsage().rss;
  let most = 0;
  for (let k = 0; k < 24; k++) {
    const arena = WasmArena.create(96 * MIB, { threads: true, prefault: true })!;
    const v = arena.f32(1024);
    // A split kernel: the caller waits for the helper, so the whole arena is faulted in.
    assert.equal(
      arena.together('dot', [v.byteOffset, v.byteOffset, 0, 4], [v.byteOffset, v.byteOffset, 4, 8]),
      0,
    );
    arena.releaseHelper();
    most = Math.max(most, (process.memoryUsage().rss - before) / MIB);
  }
  // Collected once 1 GiB of them has been made: at most about 11 at a time, not 24 (2304 MiB).
  assert.ok(most < 1500, `RSS grew by up to ${most.toFixed(0)} MiB`);
});
