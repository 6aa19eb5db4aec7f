import assert from 'node:assert/strict';
import { test } from 'node:test';
import { symmetricAffinity } from '../../src/methods/scribbles/levin/affinity.js';
import { bandCholesky, bandSolve, factorStencil9, solveStencil9 } from '../../src/solve/banded-cholesky.js';
import { dirichletSystem } from '../../src/solve/dirichlet.js';
import { buildMultigrid, vcycle2 } from '../../src/solve/multigrid.js';
import { solveSpd } from '../../src/solve/spd-solve.js';
import { applyStencil9, createStencil9, gridVector, type Stencil9 } from '../../src/solve/stencil9.js';
import { rng } from '../helpers/images.js';

/** An affinity Laplacian of a random image with hard edges, plus random fixed pixels. */
function problem(W: number, H: number, seed: number, fixedShare = 0.02) {
  const r = rng(seed);
  const Y = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) Y[y * W + x] = (x > W / 3 ? 0.6 : 0.2) + (y > H / 2 ? 0.2 : 0) + 0.02 * r();
  const L = symmetricAffinity(Y, W, H);
  const fixed = new Uint8Array(W * H);
  for (let i = 0; i < fixed.length; i++) fixed[i] = r() < fixedShare ? 1 : 0;
  fixed[0] = 1;
  const vals = [0, 1].map(() => Float32Array.from({ length: W * H }, () => r() - 0.5));
  return { L, fixed, vals };
}

function residualNorm(A: Stencil9, x: Float32Array, b: Float64Array): number {
  const xg = gridVector(A.width, A.height);
  xg.set(x, A.pad);
  const y = gridVector(A.width, A.height);
  applyStencil9(A, xg, y);
  let s = 0;
  for (let i = A.pad; i < A.pad + A.width * A.height; i++) s += (b[i] - y[i]) ** 2;
  return Math.sqrt(s);
}

test('band Cholesky solves a small SPD system', () => {
  // Tridiagonal [2 −1; −1 2 −1; ...] of size 5 with x = 1 → b = (1, 0, 0, 0, 1).
  const F = bandCholesky(5, 1, (i, j) => (i === j ? 2 : -1));
  const x = Float64Array.of(1, 0, 0, 0, 1);
  bandSolve(F, x);
  for (const v of x) assert.ok(Math.abs(v - 1) < 1e-12, `${v}`);
});

test('stencil factor solves A x = b for both grid orientations', () => {
  for (const [W, H] of [
    [9, 14],
    [14, 9],
  ]) {
    const { L, fixed, vals } = problem(W, H, 3, 0.1);
    const sys = dirichletSystem(L, fixed, vals);
    const F = factorStencil9(sys.A);
    const x = sys.rhs[0].slice();
    solveStencil9(F, x);
    assert.ok(
      residualNorm(
        sys.A,
        x.subarray(sys.A.pad, sys.A.pad + W * H).slice() as unknown as Float32Array,
        sys.rhs[0] as Float64Array,
      ) < 1e-6,
    );
  }
});

test('the V-cycle is a symmetric operator (required by CG)', () => {
  const W = 70;
  const H = 53;
  const { L, fixed } = problem(W, H, 5);
  const sys = dirichletSystem(L, fixed, [new Float32Array(W * H)]);
  const active = sys.active;
  const mg = buildMultigrid(sys.A, active, { coarsestSize: 100 });
  assert.ok(mg.levels.length >= 3, `levels ${mg.levels.length}`);
  const r = rng(9);
  const u = gridVector(W, H);
  const v = gridVector(W, H);
  for (let i = 0; i < W * H; i++) {
    if (!active[i]) continue;
    u[sys.A.pad + i] = r() - 0.5;
    v[sys.A.pad + i] = r() - 0.5;
  }
  const Mu = gridVector(W, H);
  const Mv = gridVector(W, H);
  vcycle2(mg, u, v, Mu, Mv);
  let a = 0;
  let b = 0;
  for (let i = 0; i < u.length; i++) {
    a += u[i] * Mv[i];
    b += Mu[i] * v[i];
  }
  // Single-precision work vectors inside the V-cycle: symmetric to float32 rounding.
  assert.ok(Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a)), `uᵀMv = ${a}, (Mu)ᵀv = ${b}`);
});

test('multigrid PCG converges to the direct solution, in few iterations', () => {
  for (const [W, H, seed] of [
    [61, 47, 1],
    [128, 96, 2],
  ]) {
    const { L, fixed, vals } = problem(W, H, seed);
    const sys = dirichletSystem(L, fixed, vals);
    const exact = solveSpd(sys, { solver: 'direct' });
    const fast = solveSpd(sys, { tolerance: 1e-10, precision: 'double' });
    assert.ok(fast.converged);
    assert.ok(fast.iterations < 40, `iterations ${fast.iterations}`);
    for (let c = 0; c < 2; c++) {
      let maxErr = 0;
      for (let i = 0; i < W * H; i++)
        maxErr = Math.max(maxErr, Math.abs(fast.planes[c][i] - exact.planes[c][i]));
      assert.ok(maxErr < 1e-6, `channel ${c}: max error ${maxErr}`);
    }
  }
});

test('a warm start from the solution needs no iterations', () => {
  const { L, fixed, vals } = problem(40, 30, 4);
  const sys = dirichletSystem(L, fixed, vals);
  const first = solveSpd(sys, { tolerance: 1e-6 });
  const again = solveSpd(sys, { tolerance: 1e-4, initial: first.planes });
  assert.equal(again.iterations, 0);
});

test("Dendy's weights of a point sum to at most 1 in magnitude where rows are not dominant, in JavaScript and in wasm alike", () => {
  // Couplings of both signs and diagonals below their rows' sums: what rounding and Galerkin
  // products leave on the coarse levels of a near-singular Laplacian (test/solve/balance.test.ts).
  const W = 97;
  const H = 71;
  const r = rng(5);
  const A = createStencil9(W, H);
  for (let i = A.pad; i < A.pad + W * H; i++) {
    for (const c of [A.e, A.s, A.se, A.sw]) c[i] = r() < 0.1 ? -0.2 * r() : r();
  }
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = A.pad + y * W + x;
      const sum =
        A.e[i] + A.e[i - 1] + A.s[i] + A.s[i - W] + A.se[i] + A.se[i - W - 1] + A.sw[i] + A.sw[i - W + 1];
      A.diag[i] = (0.3 + 0.9 * r()) * Math.abs(sum);
    }
  // Clear what the padding would couple to (the stencil's couplings leaving the grid).
  for (let y = 0; y < H; y++) {
    const i = A.pad + y * W + W - 1;
    A.e[i] = 0;
    A.se[i] = 0;
    A.sw[i - W + 1] = 0;
  }
  for (let x = 0; x < W; x++) {
    const i = A.pad + (H - 1) * W + x;
    A.s[i] = 0;
    A.se[i] = 0;
    A.sw[i] = 0;
  }
  const active = new Uint8Array(W * H).fill(1);
  const weights = (wasm: boolean) => {
    const q = buildMultigrid(A, active, { wasm, coarsestSize: 64 }).levels[0].q;
    assert.ok(q, 'interleaved weights on the finest level');
    return q;
  };
  const js = weights(false);
  const simd = weights(true);
  assert.deepEqual(simd, js);
  let worst = 0;
  for (let i = A.pad; i < A.pad + W * H; i++)
    worst = Math.max(
      worst,
      Math.abs(js[4 * i]) + Math.abs(js[4 * i + 1]) + Math.abs(js[4 * i + 2]) + Math.abs(js[4 * i + 3]),
    );
  assert.ok(worst <= 1 + 1e-6, `largest Σ|q| ${worst}`);
  assert.ok(worst > 0.99, `the bound is reached: ${worst}`);
});
