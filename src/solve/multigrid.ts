/**
 * Geometric multigrid with operator-dependent ("black box", Dendy 1982) interpolation and
 * Galerkin coarse operators A_c = Pᵀ·A·P, for symmetric 9-point stencils with inactive
 * (Dirichlet) pixels. Used as the preconditioner of ./pcg.ts.
 *
 * Why this shape: affinity Laplacians (Levin et al.) have couplings that jump by orders of
 * magnitude across image edges. Bilinear interpolation would smear corrections across those
 * edges; Dendy's interpolation weighs each coarse neighbour by the collapsed stencil, so a
 * correction stops at an edge just as the fine operator does. Stroke constraints coarsen
 * naturally: a constrained fine pixel gets interpolation weight 0 (its error is always 0),
 * and its couplings survive in the Galerkin product only as anchor terms on the diagonal of
 * the coarse operator, so coarse grids feel "a stroke is nearby" with the right strength.
 * Coarse points whose whole support is constrained become inactive identity rows.
 *
 * Coarse point (cx, cy) sits on fine point (2cx, 2cy). Each fine point interpolates from the
 * up to four coarse points (cx, cy), (cx+1, cy), (cx, cy+1), (cx+1, cy+1) with cx = ⌊x/2⌋,
 * cy = ⌊y/2⌋, with weights q00, q10, q01, q11 (zero where not used).
 */

import { ColorizeError } from '../errors.js';
import { factorStencil9, type StencilCholesky, solveStencil9 } from './banded-cholesky.js';
import { galerkinAccumulate } from './galerkin-kernel.js';
import { accumulateInBlockOrder } from './row-blocks.js';
import {
  createStencil9,
  type GridVector,
  gaussSeidel9x2,
  gaussSeidelFromZero9x2,
  gridVector32,
  padFor,
  type Stencil9,
} from './stencil9.js';
import { copyVector, wasmProlongAdd2, wasmResidual2, wasmRestrict2, zeroVector } from './wasm/arena.js';
import { type SetupKernels, wasmSetupKernels } from './wasm/setup-arena.js';

export interface MultigridOptions {
  /**
   * Run in the WebAssembly SIMD kernels where available (default true; `false`, or COLORIZE_WASM=0
   * in the environment, keeps the JavaScript loops): the set-up here, the iterations in the solvers.
   */
  wasm?: boolean;
  /** Gauss–Seidel sweeps before and after each coarse correction (default 1). */
  smoothing?: number;
  /** Stop coarsening once a grid has at most this many points; it is then solved exactly (default 2048). */
  coarsestSize?: number;
}

const NO_VECTOR = new Float32Array(0);

/**
 * The interleaved interpolation weights of a level for the JavaScript loops. A level moved into a
 * wasm arena keeps only their planar copy, which the wasm kernels read; they always run there.
 */
function weightsOf(level: MultigridLevel): Float32Array {
  if (level.q) return level.q;
  throw new ColorizeError('multigrid: a level in a wasm arena reached the JavaScript loops', 'internal');
}

export interface MultigridLevel {
  A: Stencil9;
  /** Interpolation weights from the next coarser level, interleaved q00, q10, q01, q11 per padded point. */
  q?: Float32Array;
  x0: GridVector;
  x1: GridVector;
  b0: GridVector;
  b1: GridVector;
  /** Residual scratch, where the level lives in a wasm arena (./wasm/solve-arena.ts). */
  r0?: GridVector;
  r1?: GridVector;
  /** The weights q in planar form, in the wasm arena (./wasm/arena.ts `planarWeights`). */
  qp?: Float32Array;
}

export interface Multigrid {
  readonly levels: readonly MultigridLevel[];
  readonly coarsest: StencilCholesky;
  readonly smoothing: number;
}

/**
 * Builds the hierarchy. `active[i]` (unpadded index) is 0 for fixed pixels, whose rows of A
 * must be identity rows without couplings.
 *
 * @example
 * ```ts
 * import { buildMultigrid, createStencil9, gridVector, vcycle2 } from 'colorize-toolkit/internals';
 * const A = createStencil9(64, 64); A.diag.fill(1); // identity
 * const mg = buildMultigrid(A, new Uint8Array(64 * 64).fill(1));
 * const b = gridVector(64, 64); b.fill(1, A.pad, A.pad + 4096);
 * const z = gridVector(64, 64); const z2 = gridVector(64, 64);
 * vcycle2(mg, b, b, z, z2);
 * console.log(z[A.pad]); // 1
 * ```
 */
export function buildMultigrid(A: Stencil9, active: Uint8Array, options: MultigridOptions = {}): Multigrid {
  const smoothing = options.smoothing ?? 1;
  const coarsestSize = options.coarsestSize ?? 2048;
  const levels: MultigridLevel[] = [];
  let cur = A;
  let act = active;
  // Above a few thousand points the set-up loops run in wasm (./wasm/setup-arena.ts).
  const setup = options.wasm !== false && A.width * A.height > 4 * coarsestSize ? wasmSetupKernels(A) : null;
  for (;;) {
    // Single precision inside the preconditioner: half the memory traffic, and CG corrects the rest.
    // The finest level works on the caller's vectors (vcycle2's b and z), so it keeps none.
    const v = levels.length === 0 ? () => NO_VECTOR : () => gridVector32(cur.width, cur.height);
    const level: MultigridLevel = { A: cur, x0: v(), x1: v(), b0: v(), b1: v() };
    levels.push(level);
    if (cur.width * cur.height <= coarsestSize || cur.width < 3 || cur.height < 3) break;
    const next = coarsen(cur, act, setup, level);
    cur = next.A;
    act = next.active;
  }
  return { levels, coarsest: factorStencil9(cur), smoothing };
}

/**
 * Dendy's operator-dependent interpolation weights for the fine grid of `A` (interleaved q00, q10,
 * q01, q11 per padded point; 0 at inactive points).
 */
function dendyInterpolation(A: Stencil9, active: Uint8Array): Float32Array {
  const { width: W, height: H, pad, diag: d, e, s, se, sw } = A;
  const q = new Float32Array(4 * (W * H + 2 * pad));
  const ratio = (num: number, den: number): number => (den > 0 ? num / den : 0);
  // Each point's weights sum to at most 1 in magnitude (see `bounded` in the kernels: a row that
  // lost dominance otherwise sent them to 10⁴ within four levels).
  const bounded = (den: number, sum: number): number => (den < sum ? sum : den);
  // Pass 1: points on coarse points and on coarse grid lines.
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const k = y * W + x;
      if (!active[k]) continue;
      const i = pad + k;
      const ox = x & 1;
      const oy = y & 1;
      if (!ox && !oy) {
        q[4 * i] = 1;
      } else if (ox && !oy) {
        const a = e[i - 1] + se[i - W - 1] + sw[i];
        const b = e[i] + sw[i - W + 1] + se[i];
        const den = bounded(d[i] - s[i] - s[i - W], Math.abs(a) + Math.abs(b));
        q[4 * i] = ratio(a, den);
        q[4 * i + 1] = ratio(b, den);
      } else if (!ox && oy) {
        const a = s[i - W] + se[i - W - 1] + sw[i - W + 1];
        const b = s[i] + se[i] + sw[i];
        const den = bounded(d[i] - e[i] - e[i - 1], Math.abs(a) + Math.abs(b));
        q[4 * i] = ratio(a, den);
        q[4 * i + 2] = ratio(b, den);
      }
    }
  }
  // Pass 2: cell centres, from their 4 coarse corners directly and through their 4 edge neighbours.
  for (let y = 1; y < H; y += 2) {
    for (let x = 1; x < W; x += 2) {
      const k = y * W + x;
      if (!active[k]) continue;
      const i = pad + k;
      const den = d[i];
      const wN = s[i - W];
      const wS = s[i];
      const wW = e[i - 1];
      const wE = e[i];
      const n = 4 * (i - W); // north neighbour: on a coarse row, slots 00 (west) and 10 (east)
      const so = 4 * (i + W);
      const we = 4 * (i - 1); // west neighbour: on a coarse column, slots 00 (north) and 01 (south)
      const ea = 4 * (i + 1);
      const a = se[i - W - 1] + wN * q[n] + wW * q[we];
      const b = sw[i - W + 1] + wN * q[n + 1] + wE * q[ea];
      const c = sw[i] + wS * q[so] + wW * q[we + 2];
      const g = se[i] + wS * q[so + 1] + wE * q[ea + 2];
      const den2 = bounded(den, Math.abs(a) + Math.abs(b) + Math.abs(c) + Math.abs(g));
      q[4 * i] = ratio(a, den2);
      q[4 * i + 1] = ratio(b, den2);
      q[4 * i + 2] = ratio(c, den2);
      q[4 * i + 3] = ratio(g, den2);
    }
  }
  return q;
}

/** A_c = Pᵀ A P (the unrolled accumulation is generated: ./galerkin-kernel.ts), then inactive coarse rows. */
/**
 * The next coarser level of `A`: Dendy's weights (stored on `level`) and the Galerkin operator,
 * through the wasm set-up kernels when given (bit for bit the same as the loops here).
 */
function coarsen(A: Stencil9, active: Uint8Array, setup: SetupKernels | null, level: MultigridLevel) {
  const Wc = (A.width + 1) >> 1;
  const padc = padFor(Wc);
  if (setup) {
    const { q, acc } = setup.coarsen(A, active, Wc, padc);
    level.q = q;
    return assembleCoarse(Wc, (A.height + 1) >> 1, acc);
  }
  level.q = dendyInterpolation(A, active);
  return galerkin(A, level.q);
}

function galerkin(A: Stencil9, q: Float32Array) {
  const { width: W, height: H } = A;
  const Wc = (W + 1) >> 1;
  const Hc = (H + 1) >> 1;
  const padc = padFor(Wc);
  const nc = Wc * Hc;
  // Matrix entries of the coarse forward stencil (diag, E, S, SE, SW), summed in double precision.
  const acc = new Float64Array(5 * (nc + 2 * padc));
  accumulateInBlockOrder(W, H, (from, to) => galerkinAccumulate(A, q, Wc, padc, acc, from, to));
  return assembleCoarse(Wc, Hc, acc);
}

/** A coarse point whose diagonal is at most this times the largest has no fine support (identity row). */
export const IDENTITY_ROW_FACTOR = 1e-12;

/**
 * The coarse stencil from its Galerkin matrix entries (into `C` when given, a zero stencil of
 * Wc × Hc); rows without fine support become identity rows.
 */
export function assembleCoarse(
  Wc: number,
  Hc: number,
  acc: Float64Array,
  C: Stencil9 = createStencil9(Wc, Hc),
): { A: Stencil9; active: Uint8Array } {
  const padc = C.pad;
  const nc = Wc * Hc;
  const active = new Uint8Array(nc);
  let maxDiag = 0;
  const { diag: cd, e: ce, s: cs, se: cse, sw: csw } = C;
  // Row by row (no division per point): couplings are minus the matrix entries; entries
  // pointing outside the grid are dropped.
  for (let cy = 0, k = padc; cy < Hc; cy++) {
    const below = cy + 1 < Hc;
    for (let cx = 0; cx < Wc; cx++, k++) {
      const a = 5 * k;
      const d = acc[a];
      cd[k] = d;
      if (d > maxDiag) maxDiag = d;
      const right = cx + 1 < Wc;
      ce[k] = right ? -acc[a + 1] : 0;
      cs[k] = below ? -acc[a + 2] : 0;
      cse[k] = right && below ? -acc[a + 3] : 0;
      csw[k] = cx > 0 && below ? -acc[a + 4] : 0;
    }
  }
  const tiny = maxDiag * IDENTITY_ROW_FACTOR;
  for (let I = 0; I < nc; I++) {
    const k = padc + I;
    if (cd[k] > tiny) {
      active[I] = 1;
      continue;
    }
    // No fine support: an identity row, decoupled from its neighbours.
    cd[k] = 1;
    ce[k] = cs[k] = cse[k] = csw[k] = 0;
    if (I % Wc > 0) ce[k - 1] = 0;
    cs[k - Wc] = 0;
    cse[k - Wc - 1] = 0;
    csw[k - Wc + 1] = 0;
  }
  return { A: C, active };
}

/**
 * One symmetric V-cycle z ≈ A⁻¹ b on two channels (forward Gauss–Seidel before, backward after
 * the coarse correction, exact solve on the coarsest grid): a fixed SPD preconditioner for PCG.
 * All vectors are padded grid vectors of the finest level; `z0`, `z1` are overwritten.
 */
export function vcycle2(mg: Multigrid, b0: GridVector, b1: GridVector, z0: GridVector, z1: GridVector): void {
  cycle(mg, 0, z0, z1, b0, b1);
}

function cycle(
  mg: Multigrid,
  l: number,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
): void {
  const level = mg.levels[l];
  const A = level.A;
  if (l === mg.levels.length - 1) {
    copyVector(x0, b0);
    copyVector(x1, b1);
    solveStencil9(mg.coarsest, x0);
    solveStencil9(mg.coarsest, x1);
    return;
  }
  gaussSeidelFromZero9x2(A, x0, x1, b0, b1);
  for (let k = 1; k < mg.smoothing; k++) gaussSeidel9x2(A, x0, x1, b0, b1, false);
  const coarse = mg.levels[l + 1];
  restrictResidual2(level, x0, x1, b0, b1, coarse);
  cycle(mg, l + 1, coarse.x0, coarse.x1, coarse.b0, coarse.b1);
  prolongAdd2(level, coarse, x0, x1);
  for (let k = 0; k < mg.smoothing; k++) gaussSeidel9x2(A, x0, x1, b0, b1, true);
}

/**
 * z += P·(coarse V-cycle of Pᵀ r): the finest level's coarse-grid correction for a residual r
 * computed elsewhere (by ./general-multigrid.ts for a non-symmetric operator). With `assign`,
 * z = P·(…): z's old values are not read (nor need zeroing first).
 */
export function coarseCorrection(
  mg: Multigrid,
  r0: GridVector,
  r1: GridVector,
  z0: GridVector,
  z1: GridVector,
  rowScale?: GridVector,
  assign = false,
  coarseSolve?: (b0: GridVector, b1: GridVector, x0: GridVector, x1: GridVector) => void,
): void {
  const level = mg.levels[0];
  const coarse = mg.levels[1];
  restrict2(level, r0, r1, coarse, rowScale);
  if (coarseSolve) coarseSolve(coarse.b0, coarse.b1, coarse.x0, coarse.x1);
  else cycle(mg, 1, coarse.x0, coarse.x1, coarse.b0, coarse.b1);
  prolongAdd2(level, coarse, z0, z1, assign);
}

/** coarse.b = Pᵀ r for both channels; with `f`, Pᵀ (f ⊙ r) (row factors, padded). */
function restrict2(
  level: MultigridLevel,
  r0: GridVector,
  r1: GridVector,
  coarse: MultigridLevel,
  f?: GridVector,
): void {
  const { width: W, height: H, pad } = level.A;
  const { b0: c0, b1: c1 } = coarse;
  const Wc = coarse.A.width;
  const padc = padFor(Wc);
  zeroVector(c0);
  zeroVector(c1);
  if (level.qp && wasmRestrict2(level.qp, W, H, r0, r1, c0, c1, Wc, f)) {
    // The last fine row adds 0·r below the coarse grid's last row; padding stays exactly zero.
    const stop = padc + Wc * ((H + 1) >> 1);
    zeroVector(c0, stop);
    zeroVector(c1, stop);
    return;
  }
  const q = weightsOf(level);
  for (let y = 0; y < H; y++) {
    const cRow = padc + (y >> 1) * Wc;
    for (let x = 0, i = pad + y * W; x < W; x++, i++) {
      const g = f ? f[i] : 1;
      const v0 = g * r0[i];
      const v1 = g * r1[i];
      const c = cRow + (x >> 1);
      const qa = q[4 * i];
      const qb = q[4 * i + 1];
      const qc = q[4 * i + 2];
      const qd = q[4 * i + 3];
      c0[c] += qa * v0;
      c1[c] += qa * v1;
      c0[c + 1] += qb * v0;
      c1[c + 1] += qb * v1;
      c0[c + Wc] += qc * v0;
      c1[c + Wc] += qc * v1;
      c0[c + Wc + 1] += qd * v0;
      c1[c + Wc + 1] += qd * v1;
    }
  }
  const end = padc + Wc * ((H + 1) >> 1);
  c0.fill(0, 0, padc);
  c1.fill(0, 0, padc);
  c0.fill(0, end);
  c1.fill(0, end);
}

/** coarse.b = Pᵀ (b − A x) for both channels; the residual is formed on the fly, never stored. */
function restrictResidual2(
  level: MultigridLevel,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  coarse: MultigridLevel,
): void {
  if (level.r0 && level.r1 && wasmResidual2(level.A, x0, x1, b0, b1, level.r0, level.r1)) {
    restrict2(level, level.r0, level.r1, coarse);
    return;
  }
  const { width: W, height: H, pad, diag, e, s, se, sw } = level.A;
  const q = weightsOf(level);
  const { b0: c0, b1: c1 } = coarse;
  const Wc = coarse.A.width;
  const padc = padFor(Wc);
  zeroVector(c0);
  zeroVector(c1);
  for (let y = 0; y < H; y++) {
    const cRow = padc + (y >> 1) * Wc;
    for (let x = 0, i = pad + y * W; x < W; x++, i++) {
      const cE = e[i];
      const cW = e[i - 1];
      const cS = s[i];
      const cN = s[i - W];
      const cSE = se[i];
      const cNW = se[i - W - 1];
      const cSW = sw[i];
      const cNE = sw[i - W + 1];
      const d = diag[i];
      const v0 =
        b0[i] -
        (d * x0[i] -
          cE * x0[i + 1] -
          cW * x0[i - 1] -
          cS * x0[i + W] -
          cN * x0[i - W] -
          cSE * x0[i + W + 1] -
          cNW * x0[i - W - 1] -
          cSW * x0[i + W - 1] -
          cNE * x0[i - W + 1]);
      const v1 =
        b1[i] -
        (d * x1[i] -
          cE * x1[i + 1] -
          cW * x1[i - 1] -
          cS * x1[i + W] -
          cN * x1[i - W] -
          cSE * x1[i + W + 1] -
          cNW * x1[i - W - 1] -
          cSW * x1[i + W - 1] -
          cNE * x1[i - W + 1]);
      const c = cRow + (x >> 1);
      const qa = q[4 * i];
      const qb = q[4 * i + 1];
      const qc = q[4 * i + 2];
      const qd = q[4 * i + 3];
      c0[c] += qa * v0;
      c1[c] += qa * v1;
      c0[c + 1] += qb * v0;
      c1[c + 1] += qb * v1;
      c0[c + Wc] += qc * v0;
      c1[c + Wc] += qc * v1;
      c0[c + Wc + 1] += qd * v0;
      c1[c + Wc + 1] += qd * v1;
    }
  }
  // The scatter may add 0·r to padding; keep padding exactly zero.
  const end = padc + Wc * ((H + 1) >> 1);
  c0.fill(0, 0, padc);
  c1.fill(0, 0, padc);
  c0.fill(0, end);
  c1.fill(0, end);
}

/** x += P·coarse.x for both channels; with `assign`, x = P·coarse.x. */
function prolongAdd2(
  level: MultigridLevel,
  coarse: MultigridLevel,
  x0: GridVector,
  x1: GridVector,
  assign = false,
): void {
  const { width: W, height: H, pad } = level.A;
  const { x0: e0, x1: e1 } = coarse;
  const Wc = coarse.A.width;
  if (level.qp && wasmProlongAdd2(level.qp, W, H, e0, e1, x0, x1, Wc, assign)) return;
  if (assign) {
    zeroVector(x0);
    zeroVector(x1);
  }
  const q = weightsOf(level);
  const padc = padFor(Wc);
  for (let y = 0; y < H; y++) {
    const cRow = padc + (y >> 1) * Wc;
    for (let x = 0, i = pad + y * W; x < W; x++, i++) {
      const c = cRow + (x >> 1);
      const a = q[4 * i];
      const b = q[4 * i + 1];
      const cc = q[4 * i + 2];
      const dd = q[4 * i + 3];
      x0[i] += a * e0[c] + b * e0[c + 1] + cc * e0[c + Wc] + dd * e0[c + Wc + 1];
      x1[i] += a * e1[c] + b * e1[c + 1] + cc * e1[c + Wc] + dd * e1[c + Wc + 1];
    }
  }
}
