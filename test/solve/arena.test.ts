/**
 * One arena per Levin solve (issue 14, the 4 MP memory): the two-ended allocator, the multigrid
 * built inside the arena against the JavaScript builder, and the arena's size against what the
 * operator, the fit and the solve take at awkward image sizes.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { levinOperator } from '../../src/methods/scribbles/levin/affinity.js';
import {
  LEVIN_TOLERANCE,
  levinArena,
  levinChroma,
  strokeChroma,
} from '../../src/methods/scribbles/levin/levin.js';
import { stationaryBalance } from '../../src/solve/balance.js';
import { constrainedSymmetricPart, solveGeneral } from '../../src/solve/general-solve.js';
import { generalDirichletSystem } from '../../src/solve/general-stencil9.js';
import { buildMultigrid } from '../../src/solve/multigrid.js';
import { WasmArena } from '../../src/solve/wasm/arena.js';
import { buildMultigridInArena } from '../../src/solve/wasm/arena-multigrid.js';
import { arenaStencil9 } from '../../src/solve/wasm/arena-stencils.js';
import { photoLevinSystem } from '../helpers/levin-photo.js';
import { dataPath } from '../helpers/shared.js';

const VAL = dataPath('val');

test('the arena hands out zeroed planes at both ends and takes them back at a mark', () => {
  const arena = WasmArena.create(1 << 16);
  assert.ok(arena, 'wasm kernels unavailable');
  const keep = arena.f32(100);
  keep.fill(7);
  const mark = arena.mark();
  const a = arena.f32(1000);
  const b = arena.f32(1000, 'top');
  a.fill(1);
  b.fill(2);
  assert.ok(a.byteOffset + 4000 <= b.byteOffset, 'the two ends overlap');
  arena.release(mark);
  // The same memory again, zeroed, from either end; what was below the mark is untouched.
  const a2 = arena.f32(1000);
  const b2 = arena.f32(1000, 'top');
  assert.equal(a2.byteOffset, a.byteOffset);
  assert.equal(b2.byteOffset, b.byteOffset);
  assert.ok(
    a2.every((v) => v === 0) && b2.every((v) => v === 0),
    'released memory handed out again unzeroed',
  );
  assert.ok(keep.every((v) => v === 7));
  // Top planes taken where bottom planes were (and the reverse) are zeroed too.
  arena.release(mark);
  arena.f32(1000, 'top').fill(3);
  arena.release(mark);
  const big = arena.f32(arena.free() >> 2);
  assert.ok(
    big.every((v) => v === 0),
    'a bottom plane over old top planes is not zero',
  );
  assert.throws(() => arena.f32(16), /wasm arena full/);
  assert.throws(() => arena.release({ bottom: 1 << 30, top: 0 }), /older than the last release/);
});

// 320×240 is above the split size: Dendy's weights and the Galerkin product then run in two
// blocks of rows on two threads, and the JavaScript builder sums in the same block order.
for (const [W, H, threads] of [
  [181, 127, false],
  [320, 240, true],
] as const)
  test(`the multigrid built inside the arena is the JavaScript builder’s, bit for bit (${W}×${H}${threads ? ', two threads' : ''})`, async () => {
    const sys = (await photoLevinSystem(W, H))();
    const S = constrainedSymmetricPart(sys);
    const js = buildMultigrid(S, sys.active, { wasm: false });
    const arena = WasmArena.create(1 << 26, { threads });
    assert.ok(arena, 'wasm kernels unavailable');
    const T = arenaStencil9(arena, W, H, 'top');
    for (const key of ['diag', 'e', 's', 'se', 'sw'] as const) T[key].set(S[key]);
    arena.registerSymmetric(T, 'top');
    const mg = buildMultigridInArena(T, sys.active, arena, { finest: 'operator' });
    assert.equal(mg.levels.length, js.levels.length);
    assert.ok(js.levels.length >= 3, `${js.levels.length} levels`);
    for (let l = 0; l < js.levels.length; l++) {
      const a = js.levels[l];
      const b = mg.levels[l];
      for (const key of ['diag', 'e', 's', 'se', 'sw'] as const)
        assert.deepEqual(Array.from(b.A[key]), Array.from(a.A[key]), `${key} of level ${l}`);
      const q = a.q;
      if (!q) continue;
      const qp = b.qp;
      assert.ok(qp && arena.holds(qp), `level ${l}: weights not in the arena`);
      const len = q.length >> 2;
      for (let i = 0; i < len; i++)
        for (let k = 0; k < 4; k++)
          assert.equal(qp[k * len + i], q[4 * i + k], `weight ${k} at ${i}, level ${l}`);
      assert.ok(l === 0 || (b.r0 && arena.holds(b.x0, b.x1, b.b0, b.b1, b.r0)), `level ${l}: vectors`);
    }
    // A cycle's working set is in the arena; the set-up scratch was handed back.
    assert.ok(arena.holds(mg.levels[1].A.e));
  });

/** Levin's balanced solve in pieces, without an arena (the path before issue 14's memory work). */
function withoutArena(gray: ImageF32, strokes: ReturnType<typeof shortStrokes>) {
  const { width: W, height: H } = gray;
  const A = levinOperator(gray.channels[0], W, H);
  const pi = stationaryBalance(A);
  const values = strokeChroma(strokes, 'yuv');
  const sys = generalDirichletSystem(A, strokes.mask, values, true, {}, pi);
  return solveGeneral(sys, { tolerance: LEVIN_TOLERANCE, rowScale: pi });
}

test('one arena holds the whole balanced solve at awkward sizes, and solves what the solve without it does', async () => {
  const src = (await readImage(path.join(VAL, 'bsds500_100039.jpg'))).image;
  for (const [W, H] of [
    [3, 300],
    [300, 3],
    [129, 65],
    [2, 2],
    [64, 33],
    [257, 190],
  ]) {
    const truth = resizeImage(src, W, H, 'area');
    const gray: ImageF32 = { width: W, height: H, channels: [lumaOf(truth)] };
    const strokes = shortStrokes(truth, 4000, 5);
    // The arena is what levinChroma solves in; an arena too small throws "wasm arena full".
    assert.ok(levinArena(W, H), 'wasm kernels unavailable');
    const fast = levinChroma(gray, strokes, { balance: true });
    const ref = withoutArena(gray, strokes);
    assert.equal(fast.stats.kernels, 'wasm');
    let worst = 0;
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < W * H; i++)
        worst = Math.max(worst, Math.abs(fast.chroma.channels[c][i] - ref.planes[c][i]));
    assert.ok(
      worst < 2e-3,
      `${W}×${H}: max |Δ| ${worst} (${fast.stats.iterations} vs ${ref.iterations} iterations)`,
    );
  }
});
