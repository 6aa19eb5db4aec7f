/**
 * Solving constrained systems that are not SPD, on the multigrid of a related SPD operator:
 *
 * - `solveGeneral`: a general 9-point system (Levin et al.'s I − w) by BiCGStab, right-
 *   preconditioned with V-cycles of the symmetrised graph Laplacian under the same constraints.
 *   Where w is nearly symmetric the two operators nearly agree, so a handful of iterations do.
 * - `solveLeastSquares`: min Σ_r ((E u)_r)² over the free pixels with the others fixed (the
 *   report's eq. 9, E = I − w): CG on the normal equations E_fᵀ E_f, preconditioned by two
 *   V-cycles of the symmetrised Laplacian (an SPD approximation of (E_fᵀ E_f)⁻¹ ≈ L⁻²).
 *
 * Both have an exact mode (band LU in double precision) for tests and small images.
 */
import { ColorizeError, checkChoice, checkInteger, checkNumber } from '../errors.js';
import { bicgstab, type IterationReport } from './bicgstab.js';
import { dirichletSystem } from './dirichlet.js';
import { hybridVcycle2 } from './general-multigrid.js';
import {
  applyGeneral9x2,
  applyGeneralTranspose9x2,
  bandLuSolve,
  GENERAL_OFFSETS,
  type GeneralDirichletSystem,
  type GeneralStencil9,
  solveGeneralDirect,
  symmetrise,
} from './general-stencil9.js';
import { buildMultigrid, type Multigrid, vcycle2 } from './multigrid.js';
import { pcg } from './pcg.js';
import {
  DEFAULT_TOLERANCE,
  iterativeResult,
  SOLVER_KINDS,
  type SpdSolveOptions,
  type SpdSolveResult,
} from './spd-solve.js';
import { type GridVector, gridVector, gridVector32, type Stencil9, toGrid } from './stencil9.js';
import { type WasmArena, zeroVector } from './wasm/arena.js';
import { buildMultigridInArena } from './wasm/arena-multigrid.js';
import { arenaStencil9 } from './wasm/arena-stencils.js';
import { moveGeneralSolve } from './wasm/solve-arena.js';

/** Ridge added to the diagonal of the explicit normal matrix in the direct least-squares solve. */
const LEAST_SQUARES_RIDGE = 1e-9;

interface Resolved {
  direct: boolean;
  tolerance: number;
  maxIterations: number;
  single: boolean;
}

function resolve(options: SpdSolveOptions): Resolved {
  return {
    direct: checkChoice('solver', options.solver ?? 'multigrid', SOLVER_KINDS) === 'direct',
    tolerance: checkNumber('tolerance', options.tolerance ?? DEFAULT_TOLERANCE, 1e-15, 1),
    maxIterations: checkInteger('maxIterations', options.maxIterations ?? 200, 1),
    single:
      checkChoice('precision', options.precision ?? 'single', ['single', 'double'] as const) === 'single',
  };
}

function checkDirectSize(W: number, H: number, band: number): void {
  const gib = (W * H * (2 * band + 1) * 8) / 2 ** 30;
  if (gib > 4) {
    throw new ColorizeError(
      `the direct solver would need ${gib.toFixed(1)} GiB for a ${W}×${H} image; use the multigrid solver`,
      'input',
    );
  }
}

/** Start vectors: the warm start where given, fixed pixels at their values. */
function startVectors(
  b: GridVector[],
  active: Uint8Array,
  W: number,
  H: number,
  pad: number,
  single: boolean,
  initial: Float32Array[] | undefined,
  fixedValue: (c: number, i: number) => number,
  arena?: WasmArena,
): GridVector[] {
  const n = W * H;
  return b.map((_, c) => {
    const g = arena ? arena.f32(n + 2 * pad) : single ? gridVector32(W, H) : gridVector(W, H);
    const init = initial?.[c];
    if (init) toGrid(init, W, H, g);
    for (let i = 0; i < n; i++) if (!active[i]) g[pad + i] = fixedValue(c, i);
    return g;
  });
}

/**
 * The SPD neighbour of a constrained general operator whose multigrid preconditions it: couplings
 * (c_rs + c_sr)/2, and on the diagonal their sum plus the row's anchor ½(moved + inflow), where
 * moved = diag − Σ_k c_k (row r's couplings to fixed pixels, now on the right-hand side) and
 * inflow = the fixed pixels' couplings toward r: exactly the symmetrised Laplacian of the
 * unconstrained operator with the same pixels fixed, built without keeping that operator.
 */
export function constrainedSymmetricPart(
  sys: GeneralDirichletSystem,
  into?: Stencil9,
  rowScale?: Float32Array,
): Stencil9 {
  const { A, inflow, active } = sys;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  // Couplings and degrees of the constrained operator; the anchors go on top of the degrees.
  // `rowScale`: of diag(rowScale)·A (the system's inflow must be the scaled one).
  const L = symmetrise(A, into, rowScale);
  const { pad, diag } = L;
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    if (!active[i - pad]) {
      diag[i] = 1;
      continue;
    }
    const moved =
      (rowScale ? rowScale[i - pad] : 1) *
      (A.diag[i] - (cW[i] + cE[i] + cN[i] + cS[i] + cNW[i] + cNE[i] + cSW[i] + cSE[i]));
    diag[i] += 0.5 * (Math.max(0, moved) + inflow[i - pad]);
  }
  return L;
}

export interface GeneralSolveOptions extends SpdSolveOptions {
  /**
   * Row factors π that balance the system (one per pixel, unpadded; ./balance.ts). The system
   * itself stays as it is: BiCGStab iterates on it, so the stopping test ‖b − Ax‖ ≤ tol·‖b‖ keeps
   * its meaning. The preconditioner is that of diag(π)·A: its hierarchy is built from the
   * symmetric part of diag(π)·A (the system's inflow must have been built with the same π,
   * `generalDirichletSystem`'s `rowScale`), and the hybrid cycle smooths on A itself, which is
   * the same as smoothing on diag(π)·A (Gauss–Seidel does not see row scaling), and scales the
   * residual it hands to the coarse grids.
   */
  rowScale?: Float32Array;
  /**
   * `rowScale` may be overwritten and lies in `arena` between `pad` zeros on either side (as
   * ./balance.ts's factors in an arena): its fixed pixels are set to 1 and it serves as the
   * padded factors itself, one plane less than a padded copy.
   */
  consumeRowScale?: boolean;
  /** Progress of the iterations (./bicgstab.ts `BicgstabOptions.onIteration`). */
  onIteration?: IterationReport;
}

/**
 * A single-precision solve goes on from its result, on the true residual, while that ‖b − A x‖
 * is above this many times the tolerance (at most {@link TRUE_RESIDUAL_RESTARTS} times;
 * ./bicgstab.ts `trueResidual`).
 */
export const TRUE_RESIDUAL_SLACK = 4;
export const TRUE_RESIDUAL_RESTARTS = 3;

/** The nonzeros of v over [from, to): their indices and values. */
function sparseCopy(v: GridVector, from: number, to: number): { index: Int32Array; value: Float32Array } {
  let count = 0;
  for (let i = from; i < to; i++) if (v[i] !== 0) count++;
  const index = new Int32Array(count);
  const value = new Float32Array(count);
  let k = 0;
  for (let i = from; i < to; i++)
    if (v[i] !== 0) {
      index[k] = i;
      value[k++] = v[i];
    }
  return { index, value };
}

/** v = the vector {@link sparseCopy} kept (zero elsewhere). */
function restoreSparse(v: GridVector, kept: { index: Int32Array; value: Float32Array }): void {
  zeroVector(v);
  for (let k = 0; k < kept.index.length; k++) v[kept.index[k]] = kept.value[k];
}

/** The arena the system's operator lies in, where a single-precision solve runs in it. */
function homeArena(
  sys: GeneralDirichletSystem,
  options: GeneralSolveOptions,
  single: boolean,
): WasmArena | undefined {
  const { arena } = options;
  return single && arena && sys.A.c.every((c) => arena.holds(c)) ? arena : undefined;
}

/** Planes a row-scaled solve adds to the arena: the factors. */
const ROW_SCALE_PLANES = 1;

/**
 * The hybrid V-cycle's hierarchy; in single precision moved with the operator into a wasm arena
 * (./wasm/solve-arena.ts), where the SIMD kernels run. Built in its own frame so the JavaScript
 * copies can be collected once moved.
 */
function preconditioner(
  sys: GeneralDirichletSystem,
  options: GeneralSolveOptions,
  single: boolean,
  pi?: GridVector,
): { mg: Multigrid; arena?: WasmArena } {
  const { A } = sys;
  const arena = homeArena(sys, options, single);
  if (arena) {
    // Everything in the arena A lies in: the symmetric part at its top, dropped once its
    // hierarchy is built (./wasm/arena-multigrid.ts), so nothing is held twice.
    const mark = arena.mark();
    const S = arenaStencil9(arena, A.width, A.height, 'top');
    if (!symmetricPartInArena(sys, S, arena, pi)) constrainedSymmetricPart(sys, S, options.rowScale);
    const mg = buildMultigridInArena(S, sys.active, arena, { ...options, finest: 'size' });
    arena.releaseTop(mark);
    if (!arena.registered(A)) arena.registerGeneral(A);
    return { mg, arena };
  }
  const built = buildMultigrid(
    constrainedSymmetricPart(sys, undefined, options.rowScale),
    sys.active,
    options,
  );
  const extra = options.rowScale ? ROW_SCALE_PLANES : 0;
  const moved =
    single && options.wasm !== false ? moveGeneralSolve(sys.A, built, sys.rhs.length, extra) : null;
  return moved ?? { mg: built };
}

/**
 * Solves a constrained general 9-point system for all its channels: BiCGStab preconditioned by
 * the hybrid V-cycle on the multigrid of {@link constrainedSymmetricPart}, or band LU with
 * `solver: 'direct'`.
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, generalDirichletSystem, solveGeneral } from 'colorize-toolkit/internals';
 * const L = createGeneralStencil9(3, 1); L.diag.fill(1);
 * L.c[0][L.pad + 1] = 0.25; L.c[1][L.pad + 1] = 0.75; // x1 = ¼x0 + ¾x2
 * const sys = generalDirichletSystem(L, Uint8Array.of(1, 0, 1), [Float32Array.of(0, 0, 1)]);
 * console.log(solveGeneral(sys, { tolerance: 1e-9 }).planes[0][1].toFixed(4)); // 0.7500
 * ```
 */
export function solveGeneral(sys: GeneralDirichletSystem, options: GeneralSolveOptions = {}): SpdSolveResult {
  const o = resolve(options);
  const { A, rhs, active } = sys;
  const { width: W, height: H, pad } = A;
  const t0 = performance.now();
  if (o.direct) {
    checkDirectSize(W, H, Math.min(W, H) + 1);
    const planes = solveGeneralDirect(sys).map((v) => Float32Array.from(v));
    const t1 = performance.now();
    return { planes, iterations: 0, relativeResidual: 0, converged: true, setupMs: t1 - t0, solveMs: 0 };
  }
  // The row factors first where the system is in an arena: the symmetric part is built from them there.
  const home = homeArena(sys, options, o.single);
  let pi =
    options.rowScale && home
      ? paddedFactors(options.rowScale, sys, true, home, options.consumeRowScale)
      : undefined;
  const { mg, arena } = preconditioner(sys, options, o.single, pi);
  sys.release?.();
  const t1 = performance.now();
  const b = o.single
    ? rhs.map((v) => (arena ? (arena.holds(v) ? v : arena.copy32(v)) : Float32Array.from(v)))
    : rhs;
  const x = startVectors(b, active, W, H, pad, o.single, options.initial, (c, i) => b[c][pad + i], arena);
  if (options.rowScale && !pi) pi = paddedFactors(options.rowScale, sys, o.single, arena);
  const problem = {
    width: W,
    height: H,
    apply: (x0: GridVector, x1: GridVector, y0: GridVector, y1: GridVector) =>
      applyGeneral9x2(A, x0, x1, y0, y1),
    precondition: (r0: GridVector, r1: GridVector, z0: GridVector, z1: GridVector) =>
      hybridVcycle2(mg, A, r0, r1, z0, z1, pi),
  };
  // b's nonzeros (the fixed pixels and their free neighbours: a few per cent of the pixels) are
  // kept, so that b can be restored for a restart after the solve has consumed it.
  const kept = o.single ? b.map((v) => sparseCopy(v, pad, pad + W * H)) : undefined;
  // In single precision b is a copy, or the system's own planes in the arena (consumed: the
  // right-hand sides of a system solved in its arena do not survive the solve).
  const res = bicgstab(problem, b, x, {
    tolerance: o.tolerance,
    maxIterations: o.maxIterations,
    consumeRhs: o.single,
    ...(options.onIteration && { onIteration: options.onIteration }),
    // BiCGStab updates its residual by recurrence; in single precision it can drift far from the
    // true b − A x (bsds500_246009: 1.7·10⁻⁶ reported, 6.4·10⁻⁴ true, 0.79 dB from the exact
    // solve). The true residual is checked at the end, from b's kept nonzeros.
    ...(kept && {
      trueResidual: {
        restore: (c: number, into: GridVector) => restoreSparse(into, kept[c]),
        slack: TRUE_RESIDUAL_SLACK,
        restarts: TRUE_RESIDUAL_RESTARTS,
      },
    }),
  });
  const out = iterativeResult(x, res, W, H, t1 - t0, t1);
  // An arena of this solve's own: its results are copied out, the helper thread may let it go.
  if (arena && arena !== options.arena) arena.releaseHelper();
  return { ...out, kernels: arena ? 'wasm' : 'javascript' };
}

/**
 * {@link constrainedSymmetricPart} into `S` by the wasm kernels (two passes, each split over the
 * helper thread), when A (couplings and f32 diagonal) and `S` lie in `arena`; `pi`: the padded
 * row factors in the arena, or none (all 1). False where the kernels cannot run (the caller
 * builds it in JavaScript).
 *
 * @example
 * ```ts
 * import { arenaGeneralStencil9, arenaStencil9, generalDirichletSystem, symmetricPartInArena, WasmArena } from 'colorize-toolkit/internals';
 * const arena = WasmArena.create(1 << 20)!;
 * const A = arenaGeneralStencil9(arena, 2, 1); A.diag.fill(1);
 * A.c[1][A.pad] = 1; A.c[0][A.pad + 1] = 0.5; // 0 → 1 with weight 1, 1 → 0 with 0.5
 * const sys = generalDirichletSystem(A, Uint8Array.of(0, 0), [], true);
 * const S = arenaStencil9(arena, 2, 1, 'top');
 * console.log(symmetricPartInArena(sys, S, arena, undefined), S.e[S.pad]); // true 0.75
 * ```
 */
export function symmetricPartInArena(
  sys: GeneralDirichletSystem,
  S: Stencil9,
  arena: WasmArena,
  pi: GridVector | undefined,
): boolean {
  const { A, active, inflow } = sys;
  const { width: W, height: H, pad } = A;
  if (!(A.diag instanceof Float32Array) || !arena.holds(A.diag, S.e, S.s, S.se, S.sw)) return false;
  if (!(S.diag instanceof Float64Array) || !arena.owns(S.diag)) return false;
  if (pi && !arena.holds(pi)) return false;
  const n = W * H;
  let factors = pi;
  if (!factors) {
    factors = arena.f32(n + 2 * pad, 'top');
    factors.fill(1, pad, pad + n);
  }
  // The system's own mask and inflow where they lie in the arena (../methods/scribbles/levin/levin.ts).
  const mask = arena.owns(active) ? active : arena.u8(n, 'top');
  if (mask !== active) mask.set(active);
  const into = arena.owns(inflow) ? inflow : arena.copy32(inflow, 'top');
  const couplings = A.c.map((c) => c.byteOffset);
  const [e, s, se, sw] = [S.e, S.s, S.se, S.sw].map((p) => p.byteOffset);
  // Two passes, each split in two halves: the diagonal reads couplings on both sides of a split.
  arena.rangeOf('symmetricCouplings', [...couplings, factors.byteOffset, e, s, se, sw, W], pad, pad + n);
  arena.rangeOf(
    'symmetricDiagonal',
    [
      ...couplings,
      A.diag.byteOffset,
      factors.byteOffset,
      mask.byteOffset,
      into.byteOffset,
      e,
      s,
      se,
      sw,
      S.diag.byteOffset,
      W,
      pad,
    ],
    0,
    n,
  );
  return true;
}

/** The row factors on the padded grid (1 at fixed pixels, whose rows stay identity rows). */
function paddedFactors(
  rowScale: Float32Array,
  sys: GeneralDirichletSystem,
  single: boolean,
  arena: WasmArena | undefined,
  consume = false,
): GridVector {
  const { width: W, height: H, pad } = sys.A;
  const n = W * H;
  const padded = consume && arena ? paddedView(rowScale, pad, arena) : undefined;
  if (padded) {
    for (let r = 0; r < n; r++) if (!sys.active[r]) rowScale[r] = 1;
    return padded;
  }
  const pi = arena ? arena.f32(n + 2 * pad) : single ? gridVector32(W, H) : gridVector(W, H);
  for (let r = 0; r < n; r++) pi[pad + r] = sys.active[r] ? rowScale[r] : 1;
  return pi;
}

/** The padded plane around `v` (`pad` floats either side) where it lies in `arena` with zero padding. */
function paddedView(v: Float32Array, pad: number, arena: WasmArena): Float32Array | undefined {
  const at = v.byteOffset - 4 * pad;
  if (at < 0 || !arena.owns(v)) return undefined;
  const plane = new Float32Array(v.buffer, at, v.length + 2 * pad);
  if (!arena.owns(plane)) return undefined;
  for (let k = 0; k < pad; k++) if (plane[k] !== 0 || plane[pad + v.length + k] !== 0) return undefined;
  return plane;
}

/**
 * min Σ_r ((E u)_r)² over every row r of E, with u fixed to `values` where `fixed` ≠ 0: the
 * normal equations E_fᵀ E_f u_f = −E_fᵀ E_s c. CG preconditioned by two V-cycles of
 * `preconditioner` (SPD, same constraints), or band LU on the explicit normal matrix with
 * `solver: 'direct'` (built entry by entry from E, independently of the matrix-free operator).
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, solveLeastSquares, symmetrise } from 'colorize-toolkit/internals';
 * const E = createGeneralStencil9(3, 1); E.diag.fill(1);
 * E.c[1][E.pad] = 1; E.c[0][E.pad + 1] = 0.5; E.c[1][E.pad + 1] = 0.5; E.c[0][E.pad + 2] = 1;
 * const u = solveLeastSquares(E, Uint8Array.of(1, 0, 1), [Float32Array.of(0, 0, 1)], () => symmetrise(E), { solver: 'direct' });
 * console.log(u.planes[0][1].toFixed(4)); // 0.5000
 * ```
 */
export function solveLeastSquares(
  E: GeneralStencil9,
  fixed: Uint8Array,
  values: Float32Array[],
  preconditioner: () => Stencil9,
  options: SpdSolveOptions = {},
): SpdSolveResult {
  const o = resolve(options);
  const { width: W, height: H, pad } = E;
  const n = W * H;
  const t0 = performance.now();
  const m = values.length;
  // Right-hand side −E_fᵀ E_s c: apply E to the fixed values alone, then Eᵀ, keep free rows.
  const mm = m + (m & 1);
  const cvec = Array.from({ length: mm }, (_, c) => {
    const g = gridVector(W, H);
    if (c < m) for (let i = 0; i < n; i++) if (fixed[i]) g[pad + i] = values[c][i];
    return g;
  });
  const tmp = cvec.map(() => gridVector(W, H));
  const rhs = cvec.map(() => gridVector(W, H));
  for (let c = 0; c < mm; c += 2) {
    applyGeneral9x2(E, cvec[c], cvec[c + 1], tmp[c], tmp[c + 1]);
    applyGeneralTranspose9x2(E, tmp[c], tmp[c + 1], rhs[c], rhs[c + 1]);
  }
  for (const g of rhs) for (let i = 0; i < n; i++) g[pad + i] = fixed[i] ? 0 : -g[pad + i];
  const withFixed = (planes: Float32Array[]): Float32Array[] =>
    planes.slice(0, m).map((p, c) => {
      for (let i = 0; i < n; i++) if (fixed[i]) p[i] = values[c][i];
      return p;
    });
  if (o.direct) {
    const transpose = H < W;
    const short = transpose ? H : W;
    checkDirectSize(W, H, 2 * short);
    const idx = (x: number, y: number): number => (transpose ? x * H + y : y * W + x);
    // The explicit normal matrix K = E_fᵀ E_f, row by row of E: K(a, b) += E_ra E_rb.
    const K = new Map<number, number>();
    const key = (a: number, b: number): number => a * n + b;
    const cols = new Int32Array(9);
    const vals = new Float64Array(9);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const r = y * W + x;
        let cnt = 0;
        if (!fixed[r]) {
          cols[cnt] = idx(x, y);
          vals[cnt++] = E.diag[pad + r];
        }
        for (let k = 0; k < 8; k++) {
          const cv = E.c[k][pad + r];
          const xx = x + GENERAL_OFFSETS[k][0];
          const yy = y + GENERAL_OFFSETS[k][1];
          if (cv === 0 || xx < 0 || yy < 0 || xx >= W || yy >= H || fixed[yy * W + xx]) continue;
          cols[cnt] = idx(xx, yy);
          vals[cnt++] = -cv;
        }
        for (let a = 0; a < cnt; a++)
          for (let b2 = 0; b2 < cnt; b2++) {
            const kk = key(cols[a], cols[b2]);
            K.set(kk, (K.get(kk) ?? 0) + vals[a] * vals[b2]);
          }
      }
    }
    const isFixedBand = new Uint8Array(n);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) isFixedBand[idx(x, y)] = fixed[y * W + x];
    // K is singular where the weights cut a group of free pixels off both ways (no stroke reaches
    // it, nothing outside depends on it); a 1e-9 ridge then picks the smallest solution there,
    // the one CG reaches from 0, and changes nothing measurable elsewhere.
    const entry = (i: number, j: number): number => {
      if (isFixedBand[i] || isFixedBand[j]) return i === j ? 1 : 0;
      return (K.get(key(i, j)) ?? 0) + (i === j ? LEAST_SQUARES_RIDGE : 0);
    };
    const rows = rhs.slice(0, m).map((g) => {
      const v = new Float64Array(n);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) v[idx(x, y)] = g[pad + y * W + x];
      return v;
    });
    bandLuSolve(n, 2 * short, entry, rows);
    const planes = rows.map((v) => {
      const out = new Float32Array(n);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[y * W + x] = v[idx(x, y)];
      return out;
    });
    const t1 = performance.now();
    return {
      planes: withFixed(planes),
      iterations: 0,
      relativeResidual: 0,
      converged: true,
      setupMs: t1 - t0,
      solveMs: 0,
    };
  }
  const P = dirichletSystem(preconditioner(), fixed, []);
  const mg = buildMultigrid(P.A, P.active, options);
  const t1 = performance.now();
  const b = o.single ? rhs.map((v) => Float32Array.from(v)) : rhs;
  const active = P.active;
  const x = startVectors(b, active, W, H, pad, o.single, options.initial, () => 0);
  const vec = (): GridVector => (o.single ? gridVector32(W, H) : gridVector(W, H));
  const e0 = vec();
  const e1 = vec();
  const z0 = vec();
  const z1 = vec();
  const res = pcg(
    {
      width: W,
      height: H,
      apply: (x0, x1, y0, y1) => {
        applyGeneral9x2(E, x0, x1, e0, e1);
        applyGeneralTranspose9x2(E, e0, e1, y0, y1);
        for (let i = 0; i < n; i++) {
          if (active[i]) continue;
          y0[pad + i] = 0;
          y1[pad + i] = 0;
        }
      },
      precondition: (r0, r1, q0, q1) => {
        vcycle2(mg, r0, r1, z0, z1);
        vcycle2(mg, z0, z1, q0, q1);
      },
    },
    b,
    x,
    { tolerance: o.tolerance, maxIterations: o.maxIterations },
  );
  const out = iterativeResult(x, res, W, H, t1 - t0, t1);
  return { ...out, planes: withFixed(out.planes) };
}
