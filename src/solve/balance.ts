/**
 * Row balancing of a non-symmetric 9-point operator whose couplings are transition weights
 * (Levin et al.'s I − w, w row-stochastic): positive row factors π that make the couplings of
 * Π(I − w) as nearly symmetric as they can be, π_r w_rs ≈ π_s w_sr.
 *
 * Why: a random walk with transitions w and stationary density π is reversible exactly when
 * π_r w_rs = π_s w_sr. Levin's walk is not (σ differs per pixel), and the ratios w_rs / w_sr
 * accumulate over distance into a drift that a symmetric multigrid does not see; BiCGStab
 * preconditioned with the multigrid of (w + wᵀ)/2 then needs more iterations the larger the
 * image (12 → 19 → 32 from 0.25 to 4 MP). With φ = log π fitted so that φ_s − φ_r ≈
 * log(w_rs / w_sr) in least squares, the symmetric part of Π(I − w) carries that drift, and the
 * same preconditioner built from it needs 7 and 6 iterations at 1 and 4 MP (measured, docs/scribbles.md).
 * Row scaling leaves the solution unchanged, so π only has to be roughly right: the fit is a
 * graph-Laplacian system, solved by default with two CG steps on its multigrid's first coarse
 * level (the drift is smooth; {@link BalanceOptions.fit}).
 *
 * Each pair (r, s) enters the fit with weight √(w_rs w_sr): a pair that is strong both ways pins
 * its ratio; a pair with a vanishing weight in one direction carries a huge, meaningless log
 * ratio and almost no weight (with the arithmetic mean as weight the fit followed those pairs
 * and BiCGStab stopped converging).
 */
import type { GeneralStencil9 } from './general-stencil9.js';
import { buildMultigrid, coarseCorrection, vcycle2 } from './multigrid.js';
import { pcg } from './pcg.js';
import { solveSpd } from './spd-solve.js';
import { applyStencil9x2, createStencil9, type GridVector, gridVector, type Stencil9 } from './stencil9.js';
import { planeBytes, WasmArena, wasmKernelsAvailable, zeroVector } from './wasm/arena.js';
import { buildMultigridInArena } from './wasm/arena-multigrid.js';
import { arenaStencil9 } from './wasm/arena-stencils.js';

export interface BalanceOptions {
  /**
   * How the fit's Laplacian system is solved. 'coarse' (default): on the multigrid's first coarse
   * level only, φ = P·x with x from two CG steps on the Galerkin operator there (preconditioned
   * by the V-cycle from that level) for Pᵀ b. π only steers a preconditioner and the drift it
   * carries is smooth, so the fine grid's smoothing buys little: BiCGStab took 16, 10, 9, 11, 10,
   * 9 iterations at 0.5, 1, 1.5, 2, 3, 4 MP against 'cg''s 19, 9, 10, 11, 8, 7, for a fit about
   * four times cheaper (docs/scribbles.md; measured with one post-smoothing sweep, before
   * BALANCED_POST_SWEEPS). 'cg': CG on the fine grid preconditioned by full
   * V-cycles, to `tolerance` or `maxIterations`, for a fit solved properly.
   */
  fit?: 'coarse' | 'cg';
  /** Relative residual of the 'cg' fit (default 0.1). */
  tolerance?: number;
  /** CG iteration cap of the 'cg' fit (default 2: two multigrid-preconditioned steps). */
  maxIterations?: number;
  /**
   * The wasm arena A's planes lie in: the fit then runs inside it (its Laplacian and scratch at
   * the arena's top, its multigrid and CG vectors at the bottom) and hands all of it back before
   * returning, so it costs no memory beyond what the solve after it takes anyway.
   */
  arena?: WasmArena;
  /**
   * φ is clamped to ±logRange of its mean (default {@link LOG_RANGE}): π spans at most e^(2·logRange).
   * A narrower range trades balance for a hierarchy that single precision can still represent
   * (../methods/scribbles/levin/levin.ts retries a failed solve with {@link REBALANCE_LOG_RANGE}).
   */
  logRange?: number;
}

/** CG steps of the 'coarse' fit on the first coarse level (see {@link BalanceOptions.fit}). */
const COARSE_FIT_STEPS = 2;

/** φ is kept within ±LOG_RANGE of its mean so that π and the scaled rows stay normal floats. */
export const LOG_RANGE = 30;

/**
 * The clamp of a retried solve ({@link BalanceOptions.logRange}). Where φ spans e^±10 and more
 * (stroke-free panes closed in by edges, whose stationary mass hangs on the ratio of weak
 * couplings in and out), the single-precision hierarchy of diag(π)·A can lose the panes
 * altogether: curban100_img_056 at 700 px (φ from −12.6 to +9.5 about its mean) stopped at the
 * 200-iteration cap with a residual of 4·10⁻³, 2.79 dB (PSNR against the truth) from scipy's
 * exact solve; clamped to ±4 it converges in 127 iterations, 0.016 dB from it. Not the default:
 * as the only clamp it left all 293 val photos within 0.05 dB of the exact solve, but took the
 * benchmark photo at 1 MP (φ from −7.9 to +4.0) from 9 iterations to 37.
 */
export const REBALANCE_LOG_RANGE = 4;

/**
 * Row factors π (one per pixel, unpadded) with π_r w_rs ≈ π_s w_sr for the couplings of `A`
 * (see the module comment). Pixels without couplings get π near 1.
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, stationaryBalance } from 'colorize-toolkit/internals';
 * // A 2-pixel walk: 0 → 1 with weight 1, 1 → 0 with weight 0.25: π₀·1 = π₁·0.25 balances it.
 * const A = createGeneralStencil9(2, 1); A.diag.fill(1);
 * A.c[1][A.pad] = 1; A.c[0][A.pad + 1] = 0.25;
 * const pi = stationaryBalance(A, { tolerance: 1e-9, maxIterations: 50 });
 * console.log((pi[1] / pi[0]).toFixed(3)); // 4.000
 * ```
 */
export function stationaryBalance(A: GeneralStencil9, options: BalanceOptions = {}): Float32Array {
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const end = pad + n;
  const arena = options.arena;
  if (arena && A.c.every((c) => arena.holds(c))) {
    // π at the bottom, kept, between zero padding (the solve can take it as its padded factors:
    // GeneralSolveOptions.consumeRowScale); the fit's planes above it and at the top, handed back.
    const pi = arena.f32(n + 2 * pad).subarray(pad, end);
    const mark = arena.mark();
    try {
      const L = arenaStencil9(arena, W, H, 'top');
      const b = arena.f32(W * H + 2 * pad, 'top');
      const pairs = arena.mark();
      const g = arena.f32(W * H + 2 * pad, 'top');
      for (const [forward, backward, off, plane] of pairDirections(A, L))
        pairsAndSpread(arena, forward, backward, off, plane, g, b, pad, end);
      arena.releaseTop(pairs);
      return fit(
        L,
        b,
        options,
        (S) => arena.registerSymmetric(S, 'top'),
        pi,
        () => arena.f32(n, 'top'),
      );
    } finally {
      arena.release(mark);
    }
  }
  const L = createStencil9(W, H);
  const b = gridVector(W, H);
  if (!fitInWasm(A, L, b)) fitInJavaScript(A, L, b);
  return fit(L, b, options);
}

/**
 * Solves the fit's Laplacian system L φ = b (couplings in L, diagonal still to form) and returns
 * π = e^(φ − mean φ), clamped. `register`: puts L in the arena its planes lie in; `pi` and `phi`:
 * a plane for π and where the 'cg' fit's φ goes (in the arena: no fresh memory to fault in).
 */
function fit(
  L: Stencil9,
  b: GridVector,
  options: BalanceOptions,
  register?: (L: Stencil9) => void,
  pi: Float32Array = new Float32Array(L.width * L.height),
  phi?: () => Float32Array,
): Float32Array {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  const end = pad + n;
  const { e, s, se, sw, diag } = L;
  // A small ridge makes L definite (φ is defined up to a constant per connected part).
  const RIDGE = 1e-6;
  const arena = options.arena;
  if (arena && diag instanceof Float64Array && arena.owns(diag) && arena.holds(e, s, se, sw)) {
    // The degrees in two halves, then RIDGE times the largest added (its scale: the largest degree).
    const top = arena.rangeMax(
      'degrees',
      [e.byteOffset, s.byteOffset, se.byteOffset, sw.byteOffset, diag.byteOffset, W],
      pad,
      end,
    );
    arena.rangeOf('addScalar64', [diag.byteOffset, RIDGE * (top || 1)], pad, end);
  } else {
    let scale = 0;
    for (let i = pad; i < end; i++) {
      diag[i] = e[i] + e[i - 1] + s[i] + s[i - W] + se[i] + se[i - W - 1] + sw[i] + sw[i - W + 1];
      scale = Math.max(scale, diag[i]);
    }
    const ridge = RIDGE * (scale || 1);
    for (let i = pad; i < end; i++) diag[i] += ridge;
  }
  register?.(L);
  const range = options.logRange ?? LOG_RANGE;
  if ((options.fit ?? 'coarse') === 'coarse') return coarseFit(L, b, arena, pi, range);
  const res = solveSpd(
    { A: L, rhs: [b], active: new Uint8Array(n).fill(1) },
    {
      tolerance: options.tolerance ?? 0.1,
      maxIterations: options.maxIterations ?? 2,
      arena: options.arena,
      into: phi && [phi()],
    },
  );
  return factorsOf(res.planes[0], pi, range, arena);
}

/**
 * The 'coarse' fit (see {@link BalanceOptions.fit}) on L's multigrid (in `arena` where L is
 * registered there, with its vectors), then π from φ.
 */
function coarseFit(
  L: Stencil9,
  b: GridVector,
  arena: WasmArena | undefined,
  pi: Float32Array,
  range: number,
): Float32Array {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  const home = arena?.registered(L) && arena.owns(b) ? arena : undefined;
  const len = n + 2 * pad;
  // One real channel: the solvers' kernels work in pairs, so b goes in as both (no plane of
  // zeros) and the second output is never read.
  const vec = (): GridVector => (home ? home.f32(len) : gridVector(W, H));
  const active = home ? home.u8(n, 'bottom', 1) : new Uint8Array(n).fill(1);
  const mg = home
    ? buildMultigridInArena(L, active, home, { finest: 'operator', channels: 1 })
    : buildMultigrid(L, active);
  const [phi, unused] = [vec(), vec()];
  // A grid small enough to be its own coarsest level is solved exactly.
  if (mg.levels.length === 1) vcycle2(mg, b, b, phi, unused);
  else {
    // φ = P·(COARSE_FIT_STEPS CG steps on the first coarse level's Galerkin operator, from Pᵀ b).
    const A1 = mg.levels[1].A;
    const below = { ...mg, levels: mg.levels.slice(1) };
    coarseCorrection(mg, b, b, phi, unused, undefined, true, (b1, _copy, x1) => {
      zeroVector(x1);
      pcg(
        {
          width: A1.width,
          height: A1.height,
          apply: (p0, p1, q0, q1) => applyStencil9x2(A1, p0, p1, q0, q1),
          precondition: (r0, r1, z0, z1) => vcycle2(below, r0, r1, z0, z1),
        },
        [b1],
        [x1],
        { tolerance: 1e-3, maxIterations: COARSE_FIT_STEPS, zeroStart: true },
      );
    });
  }
  return factorsOf(phi.subarray(pad, pad + n), pi, range, home);
}

/**
 * π = e^(φ − mean φ) with the exponent clamped to ±`range`, into `pi`: in `arena`'s kernel
 * (a SIMD exponential, relative error < 2e-7) where both lie in it, else in JavaScript.
 */
function factorsOf(logs: GridVector, pi: Float32Array, range: number, arena?: WasmArena): Float32Array {
  const n = pi.length;
  if (arena?.owns(logs) && arena.owns(pi)) {
    const mean = arena.rangeOf('sumRange', [logs.byteOffset], 0, n) / (n || 1);
    arena.rangeOf('expFactors', [logs.byteOffset, pi.byteOffset, mean, range], 0, n);
    return pi;
  }
  let mean = 0;
  for (let r = 0; r < n; r++) mean += logs[r];
  mean /= n || 1;
  for (let r = 0; r < n; r++) {
    const d = Math.min(range, Math.max(-range, logs[r] - mean));
    pi[r] = Math.exp(d);
  }
  return pi;
}

/**
 * Each unordered pair once, from its upper/left end r toward s = r + off: the coupling planes of
 * both directions, the offset, and L's plane that receives the pair's weight.
 */
function pairDirections(A: GeneralStencil9, L: Stencil9) {
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const W = A.width;
  return [
    [cE, cW, 1, L.e],
    [cS, cN, W, L.s],
    [cSE, cNW, W + 1, L.se],
    [cSW, cNE, W - 1, L.sw],
  ] as const;
}

/** The pairs' weights into L's couplings and the fit's right-hand side into b, in JavaScript. */
function fitInJavaScript(A: GeneralStencil9, L: Stencil9, b: Float64Array): void {
  const end = A.pad + A.width * A.height;
  for (const [forward, backward, off, out] of pairDirections(A, L)) {
    for (let i = A.pad; i < end; i++) {
      const a = forward[i];
      if (a === 0) continue;
      const c = backward[i + off];
      if (c === 0) continue;
      const weight = Math.sqrt(a * c);
      const g = weight * Math.log(a / c);
      out[i] = weight;
      // Normal equations of Σ weight·(φ_s − φ_r − log(a/c))²: L φ = −Σ_s weight_rs·log(w_rs/w_sr).
      b[i] -= g;
      b[i + off] += g;
    }
  }
}

/**
 * The same in the wasm kernels (a SIMD logarithm good to 1e-6: π only steers a preconditioner);
 * false where they are unavailable or A is in double precision.
 */
function fitInWasm(A: GeneralStencil9, L: Stencil9, b: Float64Array): boolean {
  if (!(A.c[0] instanceof Float32Array) || !wasmKernelsAvailable()) return false;
  const { width: W, height: H, pad } = A;
  const len = W * H + 2 * pad;
  const arena = WasmArena.create(planeBytes(len, 5));
  if (!arena) return false;
  const [fw, bw, g, rhs] = [arena.f32(len), arena.f32(len), arena.f32(len), arena.f32(len)];
  const out = arena.f32(len);
  const end = pad + W * H;
  for (const [forward, backward, off, plane] of pairDirections(A, L)) {
    fw.set(forward);
    bw.set(backward);
    pairsAndSpread(arena, fw, bw, off, out, g, rhs, pad, end);
    plane.set(out);
  }
  b.set(rhs);
  return true;
}

/**
 * One direction's pairs over [from, to) in `arena`'s kernels: weights into `plane` and weighted
 * log ratios into `g`, then g spread into `b` at both ends of each pair. Each pass is split over
 * the helper thread where the arena has one; the spread reads g across the split, so it waits for
 * all the pairs.
 */
function pairsAndSpread(
  arena: WasmArena,
  forward: GridVector,
  backward: GridVector,
  off: number,
  plane: GridVector,
  g: GridVector,
  b: GridVector,
  from: number,
  to: number,
): void {
  arena.rangeOf(
    'balancePairs',
    [forward.byteOffset, backward.byteOffset, off, plane.byteOffset, g.byteOffset],
    from,
    to,
  );
  arena.rangeOf('balanceSpread', [g.byteOffset, off, b.byteOffset], from, to);
}

/**
 * Multiplies row r of `A` (diagonal, couplings and row sum) by `pi[r]`, in place: the system's solution is
 * unchanged; its right-hand side must be scaled the same way. (The Levin solve does not form the
 * scaled operator: solveGeneral's `rowScale` builds its preconditioner from it implicitly.)
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, scaleRows } from 'colorize-toolkit/internals';
 * const A = createGeneralStencil9(2, 1); A.diag.fill(1); A.c[1][A.pad] = 0.5;
 * scaleRows(A, Float32Array.of(4, 1));
 * console.log(A.diag[A.pad], A.c[1][A.pad]); // 4 2
 * ```
 */
export function scaleRows(A: GeneralStencil9, pi: Float32Array): void {
  const { pad } = A;
  const n = A.width * A.height;
  for (let r = 0; r < n; r++) {
    const p = pi[r];
    const i = pad + r;
    A.diag[i] *= p;
    for (let k = 0; k < 8; k++) A.c[k][i] *= p;
    if (A.rowSum) A.rowSum[i] *= p;
  }
}
