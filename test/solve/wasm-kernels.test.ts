/**
 * The WebAssembly SIMD kernels (src/solve/wasm) against the JavaScript loops they replace, which
 * are written independently (scalar, double-precision arithmetic): every kernel on random
 * operators of odd and even sizes, the whole hybrid V-cycle on a real photo's Levin system, and
 * the solve against the exact band LU. Also: the committed binary is the one the source compiles to.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { levinOperator } from '../../src/methods/scribbles/levin/affinity.js';
import { strokeChroma } from '../../src/methods/scribbles/levin/levin.js';
import { bicgstab } from '../../src/solve/bicgstab.js';
import { hybridVcycle2 } from '../../src/solve/general-multigrid.js';
import {
  constrainedSymmetricPart,
  solveGeneral,
  symmetricPartInArena,
} from '../../src/solve/general-solve.js';
import {
  applyGeneral9x2,
  createGeneralStencil9,
  type GeneralStencil9,
  gaussSeidelGeneral9x2,
  solveGeneralDirect,
} from '../../src/solve/general-stencil9.js';
import { buildMultigrid } from '../../src/solve/multigrid.js';
import { gridDot } from '../../src/solve/pcg.js';
import {
  applyStencil9x2,
  createStencil9,
  gaussSeidel9x2,
  gaussSeidelFromZero9x2,
  gridVector32,
  type Stencil9,
} from '../../src/solve/stencil9.js';
import {
  arenaOf,
  WasmArena,
  wasmBicgStep,
  wasmBicgStepShadow,
  wasmDot,
  wasmDot2,
  wasmKernelsAvailable,
} from '../../src/solve/wasm/arena.js';
import { arenaGeneralStencil9, arenaStencil9 } from '../../src/solve/wasm/arena-stencils.js';
import { moveGeneralSolve } from '../../src/solve/wasm/solve-arena.js';
import { rng } from '../helpers/images.js';
import { photoLevinSystem } from '../helpers/levin-photo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VAL = path.resolve(root, '../shared/data/val');

test('the wasm kernels are available on Node 20 (so the fast path is what the tests exercise)', () => {
  assert.equal(wasmKernelsAvailable(), true);
});

test('the committed kernels-binary.ts is what wasm/solver-kernels.ts compiles to', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-wasm.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
});

function randomGeneral(W: number, H: number, seed: number): GeneralStencil9 {
  const r = rng(seed);
  const A = createGeneralStencil9(W, H);
  const offs = [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = A.pad + y * W + x;
      let sum = 0;
      for (let k = 0; k < 8; k++) {
        const [dx, dy] = offs[k];
        const inside = x + dx >= 0 && x + dx < W && y + dy >= 0 && y + dy < H;
        A.c[k][i] = inside ? r() : 0;
        sum += A.c[k][i];
      }
      A.diag[i] = sum + 0.1 + r();
    }
  return A;
}

function randomSymmetric(W: number, H: number, seed: number): Stencil9 {
  const r = rng(seed);
  const S = createStencil9(W, H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = S.pad + y * W + x;
      S.e[i] = x + 1 < W ? r() : 0;
      S.s[i] = y + 1 < H ? r() : 0;
      S.se[i] = x + 1 < W && y + 1 < H ? 0.3 * r() : 0;
      S.sw[i] = x > 0 && y + 1 < H ? 0.3 * r() : 0;
    }
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = S.pad + y * W + x;
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
    }
  return S;
}

function randomVector(len: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: len }, () => r() - 0.5);
}

/** Zero padding, random pixels. */
function gridOf(W: number, H: number, seed: number): Float32Array {
  const g = gridVector32(W, H);
  g.set(randomVector(W * H, seed), W + 1);
  return g;
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** A's rows divided by their diagonals: unit diagonal, as Levin et al.'s I − w. */
function unitRows(A: GeneralStencil9): GeneralStencil9 {
  const diag = new Float32Array(A.diag.length);
  for (let i = A.pad; i < A.pad + A.width * A.height; i++) {
    for (const c of A.c) c[i] /= A.diag[i];
    diag[i] = 1;
  }
  return { ...A, diag };
}

for (const [W, H, unit] of [
  [1, 5, false],
  [7, 3, false],
  [37, 23, false],
  [64, 48, false],
  [7, 3, true],
  [37, 23, true],
  [64, 48, true],
] as const) {
  test(`general and symmetric 9-point kernels in wasm equal the scalar loops (${W}×${H}${unit ? ', unit diagonal' : ''})`, () => {
    const len = W * H + 2 * (W + 1);
    const arena = WasmArena.create(64 * len * 4 + (1 << 16));
    assert.ok(arena);
    const G = unit ? unitRows(randomGeneral(W, H, W + H)) : randomGeneral(W, H, W + H);
    const Gw: GeneralStencil9 = {
      ...G,
      c: G.c.map((c) => arena.copy32(c)),
      diag: unit ? arena.copy32(G.diag) : G.diag,
    };
    const free = arena.free();
    arena.registerGeneral(Gw);
    // A unit diagonal is given to the kernels as such (no inverse plane); any other gets one.
    assert.equal(arena.free() === free, unit, 'inverse plane taken only for a non-unit diagonal');
    const S = randomSymmetric(W, H, 7 * W + H);
    const Sw: Stencil9 = {
      ...S,
      e: arena.copy32(S.e),
      s: arena.copy32(S.s),
      se: arena.copy32(S.se),
      sw: arena.copy32(S.sw),
    };
    arena.registerSymmetric(Sw);
    const pair = (seed: number) => [gridOf(W, H, seed), gridOf(W, H, seed + 1)];
    const inArena = (v: Float32Array[]) => v.map((g) => arena.copy32(g));
    const [x0, x1] = pair(1);
    const [b0, b1] = pair(3);
    const [X0, X1] = inArena([x0, x1]);
    const [B0, B1] = inArena([b0, b1]);
    // y = A x
    const y = [gridVector32(W, H), gridVector32(W, H)];
    const Y = [arena.f32(len), arena.f32(len)];
    applyGeneral9x2(G, x0, x1, y[0], y[1]);
    applyGeneral9x2(Gw, X0, X1, Y[0], Y[1]);
    assert.ok(maxDiff(y[0], Y[0]) < 1e-5 && maxDiff(y[1], Y[1]) < 1e-5, 'general apply');
    applyStencil9x2(S, x0, x1, y[0], y[1]);
    applyStencil9x2(Sw, X0, X1, Y[0], Y[1]);
    assert.ok(maxDiff(y[0], Y[0]) < 1e-5 && maxDiff(y[1], Y[1]) < 1e-5, 'symmetric apply');
    // Gauss–Seidel: from zero, forward, backward, on both operators.
    for (const [name, js, wasm] of [
      ['general', G, Gw],
      ['symmetric', S, Sw],
    ] as const) {
      const z = [x0.slice(), x1.slice()];
      const Z = inArena(z);
      const sweep = (A: GeneralStencil9 | Stencil9, v: Float32Array[], c: Float32Array[], mode: number) => {
        if ('c' in A) gaussSeidelGeneral9x2(A, v[0], v[1], c[0], c[1], mode === 2, mode === 0);
        else if (mode === 0) gaussSeidelFromZero9x2(A, v[0], v[1], c[0], c[1]);
        else gaussSeidel9x2(A, v[0], v[1], c[0], c[1], mode === 2);
      };
      for (const mode of [0, 1, 2, 2, 1]) {
        sweep(js, z, [b0, b1], mode);
        sweep(wasm, Z, [B0, B1], mode);
        const d = Math.max(maxDiff(z[0], Z[0]), maxDiff(z[1], Z[1]));
        assert.ok(d < 1e-5, `${name} sweep ${mode}: ${d}`);
      }
    }
    // Dot products keep double-precision sums.
    const from = W + 1;
    const to = from + W * H;
    assert.ok(Math.abs(gridDot(x0, b0, from, to) - gridDot(X0, B0, from, to)) < 1e-9);
  });
}

test('the hybrid V-cycle and BiCGStab in the arena match the JavaScript path on a real photo', async () => {
  const make = await photoLevinSystem(181, 127);
  const js = make();
  const mgJs = buildMultigrid(constrainedSymmetricPart(js), js.active);
  const fast = make();
  const moved = moveGeneralSolve(fast.A, buildMultigrid(constrainedSymmetricPart(fast), fast.active), 2);
  assert.ok(moved);
  assert.ok(arenaOf(fast.A.c[0] as Float32Array), 'the operator planes moved into the arena');
  const len = 181 * 127 + 2 * 182;
  const r0 = Float32Array.from(js.rhs[0]);
  const r1 = Float32Array.from(js.rhs[1]);
  const z0 = gridVector32(181, 127);
  const z1 = gridVector32(181, 127);
  hybridVcycle2(mgJs, js.A, r0, r1, z0, z1);
  const R0 = moved.arena.copy32(r0);
  const R1 = moved.arena.copy32(r1);
  const Z0 = moved.arena.f32(len);
  const Z1 = moved.arena.f32(len);
  hybridVcycle2(moved.mg, fast.A, R0, R1, Z0, Z1);
  const scale = Math.max(...Array.from(z0, Math.abs));
  assert.ok(maxDiff(z0, Z0) < 1e-5 * scale && maxDiff(z1, Z1) < 1e-5 * scale, 'one hybrid V-cycle');
  // A whole solve against the exact band LU: single precision reaches ~5e-5 either way (chroma range 0.23).
  const exact = solveGeneralDirect(make());
  const wasm = solveGeneral(make(), { tolerance: 1e-7 });
  const plain = solveGeneral(make(), { tolerance: 1e-7, wasm: false });
  for (let c = 0; c < 2; c++) {
    let dw = 0;
    let dj = 0;
    for (let i = 0; i < 181 * 127; i++) {
      dw = Math.max(dw, Math.abs(wasm.planes[c][i] - exact[c][i]));
      dj = Math.max(dj, Math.abs(plain.planes[c][i] - exact[c][i]));
    }
    assert.ok(dw < 1e-4, `wasm solve channel ${c}: ${dw}`);
    assert.ok(dj < 1e-4, `JavaScript solve channel ${c}: ${dj}`);
  }
  // BiCGStab's own vectors are taken from the arena (room for them was reserved: x reuses Z).
  Z0.fill(0);
  Z1.fill(0);
  let inArena = false;
  bicgstab(
    {
      width: 181,
      height: 127,
      apply: (a, b, c, d) => {
        inArena ||= arenaOf(c) !== undefined;
        applyGeneral9x2(fast.A, a, b, c, d);
      },
      precondition: (a, b, c, d) => hybridVcycle2(moved.mg, fast.A, a, b, c, d),
    },
    [R0, R1],
    [Z0, Z1],
    { tolerance: 1e-3 },
  );
  assert.ok(inArena);
});

test('the symmetric solve (PCG, symmetric V-cycles) in the arena meets the exact band Cholesky as the JavaScript path does', async () => {
  const { symmetricAffinity } = await import('../../src/methods/scribbles/levin/affinity.js');
  const { dirichletSystem } = await import('../../src/solve/dirichlet.js');
  const { solveSpd } = await import('../../src/solve/spd-solve.js');
  const src = (await readImage(path.join(VAL, 'bsds500_100007.jpg'))).image;
  const truth = resizeImage(src, 160, 107, 'area');
  const strokes = shortStrokes(truth, 400, 2);
  const sys = () =>
    dirichletSystem(symmetricAffinity(lumaOf(truth), 160, 107), strokes.mask, strokeChroma(strokes, 'yuv'));
  const exact = solveSpd(sys(), { solver: 'direct' });
  const wasm = solveSpd(sys(), { tolerance: 1e-6 });
  const plain = solveSpd(sys(), { tolerance: 1e-6, wasm: false });
  for (let c = 0; c < 2; c++) {
    let dw = 0;
    let dj = 0;
    for (let i = 0; i < 160 * 107; i++) {
      dw = Math.max(dw, Math.abs(wasm.planes[c][i] - exact.planes[c][i]));
      dj = Math.max(dj, Math.abs(plain.planes[c][i] - exact.planes[c][i]));
    }
    assert.ok(dw < 1e-4 && dj < 1e-4, `channel ${c}: wasm ${dw}, JavaScript ${dj}`);
  }
  assert.ok(Math.abs(wasm.iterations - plain.iterations) <= 1, `${wasm.iterations} vs ${plain.iterations}`);
});

test('coupled TV: the wasm primal-dual iteration follows the JavaScript one on a real photo', async () => {
  const { srgbToLab } = await import('../../src/color/lab.js');
  const { coupledTvEnergy, coupledTvSelect } = await import('../../src/solve/coupled-tv.js');
  const src = (await readImage(path.join(VAL, 'bsds500_100039.jpg'))).image;
  // Odd sizes, so every border and tail path of the kernels runs.
  const truth = resizeImage(src, 157, 103, 'area');
  const n = 157 * 103;
  const K = 3;
  const lum = new Float32Array(n);
  const a = new Float32Array(n * K);
  const b = new Float32Array(n * K);
  const weight = new Float32Array(n * K);
  const r = rng(5);
  for (let i = 0; i < n; i++) {
    const [L, A, B] = srgbToLab(truth.channels[0][i], truth.channels[1][i], truth.channels[2][i]);
    lum[i] = L;
    // The true colour, a shifted one and gray, with noisy weights: a selection with something to choose.
    const cands = [
      [A, B],
      [A + 25, B - 15],
      [0, 0],
    ];
    let sum = 0;
    for (let j = 0; j < K; j++) {
      a[i * K + j] = cands[j][0];
      b[i * K + j] = cands[j][1];
      weight[i * K + j] = 0.2 + r();
      sum += weight[i * K + j];
    }
    for (let j = 0; j < K; j++) weight[i * K + j] /= sum;
  }
  const c = { width: 157, height: 103, count: K, a, b, weight };
  const opts = { iterations: 60, selectIterations: 30 };
  const fast = coupledTvSelect(lum, c, opts);
  const plain = coupledTvSelect(lum, c, { ...opts, wasm: false });
  let d = 0;
  for (let i = 0; i < n; i++)
    d = Math.max(d, Math.abs(fast.a[i] - plain.a[i]), Math.abs(fast.b[i] - plain.b[i]));
  let same = 0;
  for (let i = 0; i < n; i++) if (fast.winner[i] === plain.winner[i]) same++;
  const ef = coupledTvEnergy(lum, c, fast.a, fast.b, fast.weight, 0.02, 4);
  const ej = coupledTvEnergy(lum, c, plain.a, plain.b, plain.weight, 0.02, 4);
  assert.ok(d < 0.5, `largest a*b* difference ${d}`);
  assert.ok(same / n > 0.995, `same candidate at ${((100 * same) / n).toFixed(2)} % of pixels`);
  assert.ok(Math.abs(ef - ej) < 1e-3 * ej, `energy ${ef} against ${ej}`);
  assert.equal(fast.iterations, plain.iterations);
});

test("coupled TV's w steps in wasm equal the steps written out with projectSimplex, bit for bit", async () => {
  const { projectSimplex } = await import('../../src/solve/coupled-tv.js');
  const n = 3000;
  const K = 7;
  const r = rng(17);
  const created = WasmArena.create(1 << 20);
  assert.ok(created);
  const arena: WasmArena = created;
  const ua = Float32Array.from({ length: n }, () => 100 * (r() - 0.5));
  const ub = Float32Array.from({ length: n }, () => 100 * (r() - 0.5));
  const ca = Float32Array.from({ length: n * K }, () => 100 * (r() - 0.5));
  const cb = Float32Array.from({ length: n * K }, () => 100 * (r() - 0.5));
  const cost = Float32Array.from({ length: n * K }, () => r());
  const w0 = Float32Array.from({ length: n * K }, () => r() / K);
  for (const withCost of [false, true]) {
    // Phase 1 step, literally: w_j − τ_w (λ/2 ‖u − c_j‖² + cost_j), projected, then Σ w_j c_j.
    const wStep = 0.05 * 0.5 * 0.02 * 40; // large enough that some pixels become vertices
    const w = w0.slice();
    const ma = new Float32Array(n);
    const mb = new Float32Array(n);
    const scratch = new Uint8Array(K);
    for (let i = 0; i < n; i++) {
      const v = Array.from({ length: K }, (_, j) => {
        const d = (ua[i] - ca[i * K + j]) ** 2 + (ub[i] - cb[i * K + j]) ** 2;
        return w[i * K + j] - wStep * d - (withCost ? 0.05 * cost[i * K + j] : 0);
      });
      const sorted = [...v].sort((x, y) => y - x);
      for (let j = 0; j < K; j++) w[i * K + j] = v[j];
      if (sorted[0] - sorted[1] >= 1) {
        const bi = v.indexOf(sorted[0]);
        for (let j = 0; j < K; j++) w[i * K + j] = j === bi ? 1 : 0;
      } else projectSimplex(w, i * K, K, scratch);
      let sa = 0;
      let sb = 0;
      for (let j = 0; j < K; j++) {
        sa += w[i * K + j] * ca[i * K + j];
        sb += w[i * K + j] * cb[i * K + j];
      }
      ma[i] = sa;
      mb[i] = sb;
    }
    const A: Float32Array[] = [ua, ub, ca, cb, w0, cost].map((v) => arena.copy32(v));
    const [Ua, Ub, Ca, Cb, W, Cost] = A;
    const Ma: Float32Array = arena.f32(n);
    const Mb: Float32Array = arena.f32(n);
    const act: Uint8Array = arena.u8(K);
    const o = (v: ArrayBufferView) => v.byteOffset;
    const costAt = withCost ? o(Cost) : 0;
    arena.kernels.tvGradientW(
      n,
      K,
      o(Ua),
      o(Ub),
      o(Ca),
      o(Cb),
      o(W),
      costAt,
      o(Ma),
      o(Mb),
      wStep,
      0.05,
      o(act),
    );
    assert.deepEqual(W, w, 'weights');
    assert.deepEqual(Ma, ma, 'Σ w c (a*)');
    assert.deepEqual(Mb, mb, 'Σ w c (b*)');
    // Phase 2: the nearest candidate (with 2 cost / λ), ties keep the current winner.
    const winner = new Uint8Array(n).map(() => Math.floor(r() * K));
    const Winner = arena.u8(n);
    Winner.set(winner);
    const costScale = 2 / 0.02;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const d = (j: number) =>
        (ua[i] - ca[i * K + j]) ** 2 +
        (ub[i] - cb[i * K + j]) ** 2 +
        (withCost ? costScale * cost[i * K + j] : 0);
      let bi = winner[i];
      for (let j = 0; j < K; j++) if (d(j) < d(bi)) bi = j;
      if (bi !== winner[i]) changed++;
      winner[i] = bi;
    }
    // F(u, w) of eq. 2 against coupledTvEnergy (as a 60 × 50 image).
    const { coupledTvEnergy } = await import('../../src/solve/coupled-tv.js');
    const lum = Float32Array.from({ length: n }, () => 100 * r());
    const cands = {
      width: 60,
      height: 50,
      count: K,
      a: ca,
      b: cb,
      weight: w,
      cost: withCost ? cost : undefined,
    };
    const e = coupledTvEnergy(lum, cands, ua, ub, w, 0.02, 4);
    const E = arena.kernels.tvEnergy(
      60,
      50,
      K,
      o(arena.copy32(lum)),
      o(Ua),
      o(Ub),
      o(Ca),
      o(Cb),
      o(W),
      costAt,
      0.02,
      4,
    );
    assert.equal(E, e, 'energy');
    const got = arena.kernels.tvSelectW(
      n,
      K,
      o(Ua),
      o(Ub),
      o(Ca),
      o(Cb),
      o(W),
      costAt,
      costScale,
      o(Winner),
      o(Ma),
      o(Mb),
      1,
    );
    assert.equal(got, changed);
    assert.deepEqual(Winner, winner);
    for (let i = 0; i < n; i++) assert.equal(W[i * K + winner[i]], 1);
  }
});

test("the multigrid set-up in wasm (Dendy's weights, Galerkin products) builds the JavaScript loops' hierarchy bit for bit", async () => {
  const sys = (await photoLevinSystem(181, 127))();
  const S = constrainedSymmetricPart(sys);
  const js = buildMultigrid(S, sys.active, { wasm: false });
  const fast = buildMultigrid(S, sys.active);
  assert.equal(fast.levels.length, js.levels.length);
  assert.ok(js.levels.length >= 3, `${js.levels.length} levels`);
  for (let l = 0; l < js.levels.length; l++) {
    const a = js.levels[l];
    const b = fast.levels[l];
    assert.deepEqual(b.q, a.q, `weights of level ${l}`);
    for (const key of ['diag', 'e', 's', 'se', 'sw'] as const)
      assert.deepEqual(b.A[key], a.A[key], `${key} of level ${l}`);
  }
});

test("Levin's affinities in wasm (SIMD exp, single precision) equal the double-precision JavaScript loop on a real photo", async () => {
  const src = (await readImage(path.join(VAL, 'bsds500_10081.jpg'))).image;
  // The whole photo, odd sizes that leave 1–3 interior pixels per row to the scalar tail, and
  // bands: 64 rows per band, so 130 rows cross two band boundaries.
  for (const [W, H] of [
    [src.width, src.height],
    [131, 130],
    [6, 3],
    [9, 7],
    [10, 66],
  ]) {
    const img = W === src.width ? src : resizeImage(src, W, H, 'area');
    const Y = lumaOf(img);
    const fast = levinOperator(Y, W, H);
    const exact = levinOperator(Y, W, H, {}, 'double');
    let worst = 0;
    for (let k = 0; k < 8; k++)
      for (let i = 0; i < exact.c[k].length; i++)
        worst = Math.max(worst, Math.abs(fast.c[k][i] - exact.c[k][i]));
    assert.ok(worst <= 1e-6, `${W}×${H}: max |Δw| ${worst}`);
    for (let i = exact.pad; i < exact.pad + W * H; i++) assert.equal(fast.diag[i], 1);
    // Every row still sums to 1 (the weights are normalised per pixel).
    for (let i = fast.pad; i < fast.pad + W * H; i += 7) {
      let sum = 0;
      for (let k = 0; k < 8; k++) sum += fast.c[k][i];
      assert.ok(Math.abs(sum - 1) < 1e-5, `${W}×${H}: row ${i} sums to ${sum}`);
    }
  }
});

for (const n of [1003, 100_003]) {
  test(`the balance's factors in wasm (SIMD exp) equal e^(φ − mean φ), clamped to ±30, written out in double precision (n = ${n})`, () => {
    // n = 1003: not a multiple of 4, the tail goes through the scalar lanes; 100 003: the mean and
    // the factors in two halves, one on the helper thread.
    const arena = WasmArena.create(8 * n + (1 << 20), { threads: true });
    assert.ok(arena);
    const phi = arena.f32(n);
    const pi = arena.f32(n);
    const r = rng(17);
    for (let i = 0; i < n; i++) phi[i] = 80 * (r() - 0.5); // ±40 around 0: some clamped at ±30
    const sum = arena.rangeOf('sumRange', [phi.byteOffset], 0, n);
    arena.rangeOf('expFactors', [phi.byteOffset, pi.byteOffset, sum / n, 30], 0, n);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += phi[i];
    assert.ok(Math.abs(sum - mean) < 1e-9 * n, `Σφ ${sum} against ${mean}`);
    mean /= n;
    let clamped = 0;
    for (let i = 0; i < n; i++) {
      const d = phi[i] - mean;
      if (Math.abs(d) > 30) clamped++;
      const want = Math.exp(Math.min(30, Math.max(-30, d)));
      // φ − mean is formed in single precision: half an ulp of |d| ≤ 30 is 9.5e-7, plus the exp's 2e-7.
      assert.ok(Math.abs(pi[i] / want - 1) < 1.2e-6, `π[${i}] = ${pi[i]}, e^${d.toFixed(3)} = ${want}`);
    }
    assert.ok(clamped > 50, `the clamp was exercised (${clamped} values)`);
    arena.releaseHelper();
  });
}

test('prolong2 (x = P e) writes what prolongAdd2 adds to a zero vector, without reading x', () => {
  const arena = WasmArena.create(1 << 20);
  assert.ok(arena);
  const fw = 37; // odd, and not a multiple of 4: the scalar tail runs
  const H = 11;
  const wc = (fw + 1) >> 1;
  const hc = (H + 1) >> 1;
  const r = rng(23);
  const qlen = fw * H + 2 * (fw + 1);
  const q = arena.f32(4 * qlen);
  for (let i = 0; i < q.length; i++) q[i] = r();
  const clen = wc * hc + 2 * (wc + 1);
  const [e0, e1] = [arena.f32(clen), arena.f32(clen)];
  for (let i = wc + 1; i < wc + 1 + wc * hc; i++) {
    e0[i] = r() - 0.5;
    e1[i] = r() - 0.5;
  }
  const [a0, a1, b0, b1] = [arena.f32(qlen), arena.f32(qlen), arena.f32(qlen), arena.f32(qlen)];
  const pad = fw + 1;
  for (let i = pad; i < pad + fw * H; i++) b0[i] = b1[i] = Number.NaN; // prolong2 must not read these
  const k = arena.kernels;
  const args = [q.byteOffset, qlen, e0.byteOffset, e1.byteOffset];
  k.prolongAdd2(...args, a0.byteOffset, a1.byteOffset, fw, wc, 0, H);
  k.prolong2(...args, b0.byteOffset, b1.byteOffset, fw, wc, 0, H);
  assert.deepEqual(b0, a0);
  assert.deepEqual(b1, a1);
  assert.ok(a0.some((v) => v !== 0));
});

test('the symmetric part of diag(π)·A built by the split wasm passes is the JavaScript construction’s', async () => {
  // 320×240: above the split size, so each pass runs in two halves (on two threads).
  const [W, H] = [320, 240];
  const js = (await photoLevinSystem(W, H))();
  const n = W * H;
  const r = rng(5);
  const pi = new Float32Array(n).map(() => 0.2 + 3 * r());
  const arena = WasmArena.create(1 << 26, { threads: true });
  assert.ok(arena, 'wasm kernels unavailable');
  const A = arenaGeneralStencil9(arena, W, H);
  A.diag.set(js.A.diag);
  for (let k = 0; k < 8; k++) A.c[k].set(js.A.c[k]);
  const padded = arena.f32(n + 2 * A.pad);
  padded.set(pi, A.pad);
  const S = arenaStencil9(arena, W, H, 'top');
  assert.ok(symmetricPartInArena({ ...js, A }, S, arena, padded));
  const ref = constrainedSymmetricPart(js, undefined, pi);
  let worst = 0;
  for (const key of ['e', 's', 'se', 'sw', 'diag'] as const)
    for (let i = A.pad; i < A.pad + n; i++) {
      const d = Math.abs(S[key][i] - ref[key][i]) / Math.max(1e-3, Math.abs(ref[key][i]));
      worst = Math.max(worst, d);
    }
  assert.ok(worst < 1e-6, `worst relative difference ${worst.toExponential(2)}`);
});

for (const n of [1003, 100_003]) {
  test(`BiCGStab's fused sums (dot2, bicgStepShadow) equal the separate kernels bit for bit (n = ${n})`, () => {
    // 100 003: split in two halves, one on the helper thread, each half's sums written apart.
    const arena = WasmArena.create(64 * n + (1 << 20), { threads: true });
    assert.ok(arena);
    const r = rng(29);
    const plane = () => {
      const v = arena.f32(n);
      for (let i = 0; i < n; i++) v[i] = r() - 0.5;
      return v;
    };
    const [t, s, v, x, h, q] = [plane(), plane(), plane(), plane(), plane(), plane()];
    const [tt, ts] = wasmDot2(t, s, 0, n) ?? [Number.NaN, Number.NaN];
    assert.equal(tt, wasmDot(t, t, 0, n));
    assert.equal(ts, wasmDot(t, s, 0, n));
    // The step on copies: r −= a·v, x += a·h, with Σ r² and Σ r̂·r of the new r.
    const [r1, x1, r2, x2] = [arena.copy32(s), arena.copy32(x), arena.copy32(s), arena.copy32(x)];
    const sums = wasmBicgStepShadow(r1, v, x1, h, q, 0.37, 0, n);
    const rr = wasmBicgStep(r2, v, x2, h, 0.37, 0, n);
    assert.ok(sums);
    assert.equal(sums[0], rr);
    assert.equal(sums[1], wasmDot(q, r2, 0, n));
    assert.deepEqual(r1, r2);
    assert.deepEqual(x1, x2);
    arena.releaseHelper();
  });
}
