/**
 * Colorization using Optimization (Levin, Lischinski & Weiss, SIGGRAPH 2004; report §3.2, eq. 8):
 * keep the gray image as luminance Y and find chroma U, V (or I, Q) that equal the stroke chroma
 * at stroke pixels and elsewhere vary only where Y varies. Three systems (`system`):
 *
 * - `levin` (default): Levin et al.'s own u_r − Σ_s w_rs u_s = 0 at free pixels, as their
 *   getColorExact.m builds it; non-symmetric, solved by BiCGStab preconditioned with the
 *   multigrid of the symmetrised Laplacian.
 * - `symmetric`: the graph Laplacian of W = (w + wᵀ)/2, SPD, multigrid-preconditioned CG.
 * - `report`: the report's eq. 8 weights (4-neighbourhood, σ = variance, 1e-2 floor) and the
 *   normal equations of eq. 9.
 *
 * Both chroma planes go through every solve together. Ends in the finish stage (gamut clamp,
 * original luminance kept exactly).
 */

import { forwardMatrix, type LinearSpace, lumaOf } from '../../../color/linear-spaces.js';
import { checkChoice } from '../../../errors.js';
import { type ChromaSpace, type FinishOptions, type FixedChroma, finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { checkWorkingPixels, resizePlane, workingGrid } from '../../../image/resize.js';
import { REBALANCE_LOG_RANGE, stationaryBalance } from '../../../solve/balance.js';
import type { IterationReport } from '../../../solve/bicgstab.js';
import { dirichletSystem } from '../../../solve/dirichlet.js';
import { solveGeneral, solveLeastSquares } from '../../../solve/general-solve.js';
import {
  type DirichletPlanes,
  type GeneralStencil9,
  generalDirichletSystem,
} from '../../../solve/general-stencil9.js';
import {
  type SolverKind,
  type SpdSolveOptions,
  type SpdSolveResult,
  solveSpd,
} from '../../../solve/spd-solve.js';
import type { Stencil9 } from '../../../solve/stencil9.js';
import { planeBytes, WasmArena } from '../../../solve/wasm/arena.js';
import { ARENA_PLANES_PER_COARSE_LEVEL, levelSizes } from '../../../solve/wasm/arena-multigrid.js';
import { reduceStrokes, type StrokeSet, strokeCount } from '../strokes.js';
import { type AffinityOptions, levinOperator, symmetricAffinity } from './affinity.js';
import { reportOperator, reportPreconditioner } from './report-system.js';

export const SCRIBBLE_SPACES: readonly LinearSpace[] = ['yuv', 'yiq'];

/** Which system `levin` solves (see the module comment). */
export type LevinSystem = 'levin' | 'symmetric' | 'report';
export const LEVIN_SYSTEMS: readonly LevinSystem[] = ['levin', 'symmetric', 'report'];

/**
 * Default of {@link LevinOptions.balance}: balance images of at least this many pixels. With the
 * balanced cycle's two post-smoothing sweeps (solve/general-multigrid.ts) the whole balanced solve
 * (fit included) of the benchmark photo is about as fast as the unbalanced one at 0.01–0.03 MP
 * and faster from 0.1 MP on (0.1 MP: 76 against 87 ms; 0.25 MP: 143 against 190 ms; 0.75 MP:
 * 0.50 against 0.97 s, medians of 5), and closer to the exact solve (docs/scribbles.md).
 */
export const BALANCE_MIN_PIXELS = 100_000;

/**
 * Default relative residual for Levin's non-symmetric system. BiCGStab's residual says less
 * about the error than CG's does for the SPD forms (there is no energy norm to minimise), so it
 * needs a tighter stop to land as close to the exact solve. Chosen against scipy's exact solve on
 * all 293 val photos at 700 px (scripts/eval-scribble-hard.ts all; docs/scribbles.md): at 5·10⁻⁵
 * 28 were more than 0.05 dB (PSNR against the truth) from it, some after 7 iterations (up to
 * 0.64 dB: a residual that falls fast and then dwells, with stroke-free regions still settling);
 * at 2·10⁻⁵ 6; at 10⁻⁵ 1, the one that did not converge until the retry of levinChroma (now none;
 * worst 0.039 dB with the true-residual check of solve/general-solve.ts). The benchmark photo
 * takes 9 iterations at 1 MP (7 at 5·10⁻⁵).
 */
export const LEVIN_TOLERANCE = 1e-5;

export interface ScribbleSolveOptions {
  /** Chroma space: 'yuv' (report eq. 1, Levin et al.'s paper; default) or 'yiq' (their MATLAB code). */
  space?: LinearSpace;
  /** 'multigrid' (default) or 'direct' (exact band Cholesky; small images only). */
  solver?: SolverKind;
  /** Relative residual at which CG stops (default DEFAULT_TOLERANCE of solve/spd-solve). */
  tolerance?: number;
  /** CG iteration limit (default 200). */
  maxIterations?: number;
  /** Warm start: chroma planes of a previous solve at the same size. */
  initial?: Float32Array[];
  /** Iterative solver precision: 'single' (default) or 'double' (tight reference solves). */
  precision?: 'single' | 'double';
  /**
   * Largest image solved at full resolution (default {@link LEVIN_WORKING_PIXELS}; 0: always full
   * resolution). A larger one is solved on a grid of about this many pixels, its strokes reduced
   * so that none is lost, and the finish stage brings the chroma up guided by the full-size gray,
   * keeping the exact stroke chroma at every stroke pixel. Used by {@link colorizeLevin}.
   */
  workingPixels?: number;
  /**
   * Run one block of rows of each large kernel on the helper thread (../../../solve/wasm/helper-thread.ts;
   * default: where there is one). The result is the same either way, bit for bit.
   */
  threads?: boolean;
}

export interface LevinOptions extends ScribbleSolveOptions, AffinityOptions {
  /**
   * 'levin' (default): Levin et al.'s non-symmetric system, exactly as their code; 'symmetric':
   * the symmetrised graph Laplacian; 'report': the report's eq. 8 weights and eq. 9 normal equations.
   * The affinity options apply to 'levin' and 'symmetric' (the report fixes its own weights).
   */
  system?: LevinSystem;
  /**
   * Balance the rows of Levin's system before solving (solve/balance.ts): the same solution, and
   * an iteration count that grows much less with the image (7 at 1 MP and 6 at 4 MP on the
   * benchmark photo, instead of 18 and 33). Default: from {@link BALANCE_MIN_PIXELS} pixels on,
   * where the saved iterations outweigh the cost of the fit.
   */
  balance?: boolean;
  /**
   * Called during the iterative solve of Levin's own system after each iteration, with the
   * iterations so far (a retry's counted on from the first solve's) and the running solve's largest
   * relative residual, which need not fall every iteration: progress for a long solve.
   */
  onIteration?: IterationReport;
}

export interface ScribbleStats {
  strokePixels: number;
  iterations: number;
  relativeResidual: number;
  converged: boolean;
  /** Affinity/operator construction, solver set-up, and iterations, in ms. */
  buildMs: number;
  setupMs: number;
  solveMs: number;
  /** The grid the solve ran on, when smaller than the image (see `workingPixels`). */
  working?: { width: number; height: number };
  /** Where the iterations ran (../../../solve/wasm): 'wasm' (SIMD kernels) or 'javascript'. */
  kernels?: 'wasm' | 'javascript';
  /** Whether Levin's system was row-balanced before the solve (`LevinOptions.balance`). */
  balanced?: boolean;
  /**
   * Whether the first solve failed to converge and its retry gave the result: a balanced solve
   * retried with the row factors clamped closer (solve/balance.ts, REBALANCE_LOG_RANGE), an
   * unbalanced one balanced (`balanced` then says true). `iterations` counts both solves.
   */
  rebalanced?: boolean;
  /**
   * 'double' where the single-precision result was out of the strokes' range or unconverged and
   * the solve in double precision gave the result instead (`iterations` counts both).
   */
  precision?: 'double';
  /**
   * How far (chroma units) the solve's result had gone beyond the range of the stroke values
   * before it was clamped to it (absent: not at all). Levin's exact solution stays within it.
   */
  outOfRange?: number;
  /** True where the strokes have one colour and its chroma everywhere, the exact solution, was returned without a solve. */
  oneColour?: boolean;
  /**
   * The solve's memory (MiB) and the wall time (ms) its first writes took, from the arena's making
   * to its last page, where the helper thread faulted it in. Fresh memory costs 0.1–2.5 ms per MiB
   * on the virtual machines measured, depending on how recently the host backed it
   * (docs/scribbles.md, "Fresh memory"); part of `buildMs`, or before the call where a front end
   * reserved the arena.
   */
  faultIn?: { mib: number; ms: number };
}

/** What a scribble method returns: chroma planes at the gray image's size, their space, and figures. */
export interface ChromaResult {
  chroma: ImageF32;
  space: ChromaSpace;
  stats: ScribbleStats;
}

/** Luminance plane of a gray or RGB image (Rec. 601 luma for RGB). */
export function grayPlane(img: ImageF32): Float32Array {
  return img.channels.length === 1 ? img.channels[0] : lumaOf(img);
}

/**
 * Stroke chroma planes in `space`: the two chroma channels of the stroke colours at stroke
 * pixels, 0 elsewhere (the solves read them at stroke pixels only, so only those are converted).
 */
export function strokeChroma(
  strokes: StrokeSet,
  space: LinearSpace,
  into?: [Float32Array, Float32Array],
  at: FixedChroma = strokeChromaAt(strokes, space),
): Float32Array[] {
  const n = strokes.mask.length;
  // `at`: the stroke pixels and their chroma, where the caller has listed them already.
  const { index, c1, c2 } = at;
  // `into`: zeroed planes to spread them in (a wasm arena's: no fresh pages to fault in).
  const [u, v] = into ?? [new Float32Array(n), new Float32Array(n)];
  for (let k = 0; k < index.length; k++) {
    u[index[k]] = c1[k];
    v[index[k]] = c2[k];
  }
  return [u, v];
}

/** Solves a chroma problem on operator `L` with the strokes as Dirichlet constraints. */
export function solveChroma(
  L: Stencil9,
  strokes: StrokeSet,
  space: LinearSpace,
  options: SpdSolveOptions,
  buildMs: number,
): ChromaResult {
  const { width, height } = L;
  const t0 = performance.now();
  const sys = dirichletSystem(L, strokes.mask, strokeChroma(strokes, space));
  const t1 = performance.now();
  return packResult(solveSpd(sys, options), strokeCount(strokes), space, width, height, buildMs + (t1 - t0));
}

function packResult(
  res: SpdSolveResult,
  strokePixels: number,
  space: LinearSpace,
  width: number,
  height: number,
  buildMs: number,
): ChromaResult {
  return {
    chroma: { width, height, channels: res.planes },
    space,
    stats: {
      strokePixels,
      iterations: res.iterations,
      relativeResidual: res.relativeResidual,
      converged: res.converged,
      buildMs,
      setupMs: res.setupMs,
      solveMs: res.solveMs,
      kernels: res.kernels,
    },
  };
}

/**
 * Chroma from strokes by Levin et al.'s optimisation, in the system `options.system` (default:
 * their own non-symmetric one).
 *
 * @example
 * ```ts
 * import { createImage, levinChroma, rasterizeStrokes } from 'colorize-toolkit/internals';
 * const gray = createImage(32, 32, 1); gray.channels[0].fill(0.5);
 * const strokes = rasterizeStrokes([{ points: [4, 4, 20, 4], radius: 2, rgb: [0.8, 0.4, 0.3] }], 32, 32);
 * const { chroma } = levinChroma(gray, strokes);
 * console.log(chroma.channels[1][31 * 32 + 31] > 0.05); // true: warm V everywhere
 * ```
 */
export function levinChroma(gray: ImageF32, strokes: StrokeSet, options: LevinOptions = {}): ChromaResult {
  const space = checkChoice('space', options.space ?? 'yuv', SCRIBBLE_SPACES);
  const system = checkChoice('system', options.system ?? 'levin', LEVIN_SYSTEMS);
  const { width, height } = gray;
  const t0 = performance.now();
  const Y = grayPlane(gray);
  if (system === 'symmetric') {
    const L = symmetricAffinity(Y, width, height, options);
    return solveChroma(L, strokes, space, options, performance.now() - t0);
  }
  if (system === 'report') {
    const values = strokeChroma(strokes, space);
    const E = reportOperator(Y, width, height);
    const t1 = performance.now();
    const res = solveLeastSquares(E, strokes.mask, values, () => reportPreconditioner(E), options);
    return packResult(res, strokeCount(strokes), space, width, height, t1 - t0);
  }
  const precision = options.precision ?? 'single';
  // One arena for the whole solve where the kernels run: operator, fit, hierarchy and vectors
  // are built in it, nothing is copied (issue 14: the 4 MP peak).
  const arena = solvesInArena(options)
    ? (takeReservedArena(width, height, options.threads) ?? levinArena(width, height, options.threads))
    : undefined;
  // The stroke pixels listed now, on this thread, while the helper faults the arena's memory in.
  const at = strokeChromaAt(strokes, space);
  const one = uniformChroma(at);
  if (one) {
    // Strokes of one colour: that colour everywhere is the exact solution (every free row's
    // weights sum to one), given without a solve: an iterative solve finds it only as well as its
    // residual says, poorly where edges almost cut a region off (one stroke on examples/scene.png:
    // 629 chroma units off at first, 0.31 since the products keep the rows' sums).
    arena?.releaseHelper();
    const channels = one.map((v) => new Float32Array(width * height).fill(v));
    return {
      chroma: { width, height, channels },
      space,
      stats: {
        strokePixels: at.index.length,
        iterations: 0,
        relativeResidual: 0,
        converged: true,
        buildMs: performance.now() - t0,
        setupMs: 0,
        solveMs: 0,
        oneColour: true,
      },
    };
  }
  let balance = options.balance ?? width * height >= BALANCE_MIN_PIXELS;
  const start = arena?.mark();
  // Iterations of the solves before this one, so that a retry's progress counts on.
  let spent = 0;
  const report = options.onIteration;
  const onIteration = report && ((k: number, r: number) => report(spent + k, r));
  // `inDouble`: the double-precision retry below, outside the arena, at DOUBLE_RETRY_TOLERANCE.
  const solve = (balanced: boolean, logRange?: number, inDouble = false): ChromaResult => {
    const where = inDouble ? undefined : arena;
    const A = levinOperator(Y, width, height, options, inDouble ? 'double' : precision, where);
    // Row balancing (solve/balance.ts): same solution, a preconditioner that sees the walk's drift.
    const rowScale = balanced ? stationaryBalance(A, { arena: where, logRange }) : undefined;
    const retry = inDouble && {
      precision: 'double' as const,
      tolerance: (options.tolerance ?? LEVIN_TOLERANCE) * DOUBLE_RETRY_TOLERANCE,
    };
    let res: ChromaResult;
    try {
      res = solveLevinSystem(
        A,
        strokes,
        space,
        { ...options, rowScale, arena: where, ...retry, ...(onIteration && { onIteration }) },
        performance.now() - t0,
        true,
        at,
      );
    } catch (e) {
      // A run cancelled at a progress report (`onIteration` throwing) lets the helper go as well.
      arena?.releaseHelper();
      throw e;
    }
    spent += res.stats.iterations;
    return res;
  };
  let res = solve(balance);
  let rebalanced = false;
  // A solve that ends unconverged is done once more, in the same arena, with the row balancing
  // that may rescue it: a balanced one with φ clamped closer (REBALANCE_LOG_RANGE: factors too far
  // apart for the single-precision hierarchy), an unbalanced one (balanced by default from
  // BALANCE_MIN_PIXELS only) balanced, unless the caller chose `balance: false`. The result with
  // the smaller residual is kept.
  if (!res.stats.converged && (balance || options.balance === undefined)) {
    if (arena && start) {
      arena.release(start);
      arena.resetSpare();
    }
    const again = solve(true, balance ? REBALANCE_LOG_RANGE : undefined);
    const iterations = res.stats.iterations + again.stats.iterations;
    if (again.stats.relativeResidual < res.stats.relativeResidual) {
      res = again;
      balance = true;
      rebalanced = true;
    }
    res = {
      ...res,
      stats: {
        ...res.stats,
        iterations,
        buildMs: performance.now() - t0 - res.stats.setupMs - res.stats.solveMs,
      },
    };
  }
  const fault = arena?.faultInTime();
  // The result is copied out: the helper thread may let go of the arena's memory.
  arena?.releaseHelper();
  const faultIn = fault ? { mib: fault.bytes / 2 ** 20, ms: fault.ms } : undefined;
  // A region that no stroke touches and that strong edges almost cut off hangs on couplings down
  // to 1e-10 of its rows. Before the products kept the rows' sums their rounding (6e-8) drowned
  // them and put such regions far from the exact solution; a result that still leaves the
  // strokes' range (Levin's solution is a convex combination of the stroke values), or did not
  // converge, is solved again in double precision, and the better kept.
  const overshoot = res.stats.outOfRange ?? 0;
  if (
    precision === 'single' &&
    width * height <= DOUBLE_RETRY_MAX_PIXELS &&
    (!res.stats.converged || overshoot > STROKE_RANGE_SLACK)
  ) {
    const exact = solve(balance, undefined, true);
    const better =
      (exact.stats.converged || !res.stats.converged) &&
      (exact.stats.outOfRange ?? 0) <= Math.max(overshoot, STROKE_RANGE_SLACK);
    const iterations = res.stats.iterations + exact.stats.iterations;
    const base = better ? exact : res;
    return {
      ...base,
      stats: {
        ...base.stats,
        iterations,
        buildMs: performance.now() - t0 - base.stats.setupMs - base.stats.solveMs,
        balanced: balance,
        ...(rebalanced && !better && { rebalanced }),
        ...(better && { precision: 'double' as const }),
        ...(faultIn && { faultIn }),
      },
    };
  }
  return {
    ...res,
    stats: {
      ...res.stats,
      balanced: balance,
      ...(rebalanced && { rebalanced }),
      ...(faultIn && { faultIn }),
    },
  };
}

/**
 * Clamps each chroma plane to the range of the stroke values and returns how far (chroma units)
 * the solution had gone beyond it, NaN counting as infinitely far (a NaN becomes the range's
 * middle). Levin's free rows are u_r = Σ_s w_rs u_s with w ≥ 0 summing to 1, so the exact
 * solution lies within the range: the projection never moves a value away from it.
 *
 * @example
 * ```ts
 * import { clampToStrokeRange, rasterizeStrokes, strokeChromaAt } from 'colorize-toolkit/internals';
 * const strokes = rasterizeStrokes([{ points: [1, 1], radius: 0.5, rgb: [1, 0, 0] }], 4, 4);
 * const at = strokeChromaAt(strokes, 'yuv');
 * const chroma = { width: 4, height: 4, channels: [new Float32Array(16).fill(at.c1[0]), new Float32Array(16).fill(at.c2[0])] };
 * chroma.channels[1][5] += 0.25;
 * console.log(clampToStrokeRange(chroma, at).toFixed(2), chroma.channels[1][5] === at.c2[0]); // 0.25 true
 * ```
 */
export function clampToStrokeRange(chroma: ImageF32, at: FixedChroma): number {
  if (at.index.length === 0) return 0;
  let worst = 0;
  const values = [at.c1, at.c2];
  for (let c = 0; c < 2; c++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values[c]) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const plane = chroma.channels[c];
    for (let i = 0; i < plane.length; i++) {
      const v = plane[i];
      if (v >= lo && v <= hi) continue;
      const out = v < lo ? lo - v : v > hi ? v - hi : Number.POSITIVE_INFINITY;
      if (out > worst) worst = out;
      plane[i] = v < lo ? lo : v > hi ? hi : (lo + hi) / 2;
    }
  }
  return worst;
}

/**
 * How far beyond the strokes' range (chroma units: 0.02 is about five 8-bit code values) a
 * single-precision result may go before it is solved again in double precision. On 25 val photos
 * with two strokes of different colours single precision went at most 0.014 beyond it, and since
 * the products keep the rows' sums (GeneralStencil9.rowSum) 2·10⁻⁶ (three strokes: 10⁻⁷); two
 * strokes of nearly one colour on examples/scene.png, 0.008, as double precision at the same
 * tolerance does (0.001) within the tolerance's error.
 */
export const STROKE_RANGE_SLACK = 0.02;

/**
 * The double-precision retry's tolerance, as a fraction of the solve's: a region decided by weak
 * couplings is near the system's null space, so a small residual still leaves a large error there
 * (one stroke on examples/scene.png: 0.030 off the exact constant at 1e-5, 3.4e-4 at 1e-7, for
 * 45 % more iterations).
 */
export const DOUBLE_RETRY_TOLERANCE = 0.01;

/**
 * The largest image levinChroma solves again in double precision: its JavaScript kernels take
 * about 0.35 s an iteration at 1 MP (six times the single-precision solve) and twice the memory.
 */
export const DOUBLE_RETRY_MAX_PIXELS = 1 << 20;

/** The stroke chroma where every stroke pixel has the same, else null. */
function uniformChroma(at: FixedChroma): [number, number] | null {
  const n = at.index.length;
  if (n === 0) return null;
  const [a, b] = [at.c1[0], at.c2[0]];
  for (let k = 1; k < n; k++) if (at.c1[k] !== a || at.c2[k] !== b) return null;
  return [a, b];
}

/**
 * Levin's system on a prepared operator (`levinOperator`), for callers that solve one gray image
 * for many stroke sets (the preview): only the constraints and the multigrid are rebuilt. With
 * `consumeOperator`, A is constrained in place and must not be reused. `at`: the strokes' pixels
 * and chroma (`strokeChromaAt`), where the caller has listed them already.
 */
export function solveLevinSystem(
  A: GeneralStencil9,
  strokes: StrokeSet,
  space: LinearSpace,
  options: ScribbleSolveOptions &
    Pick<LevinOptions, 'onIteration'> & {
      rowScale?: Float32Array;
      arena?: WasmArena;
      consumeRowScale?: boolean;
    },
  buildMs = 0,
  consumeOperator = false,
  at: FixedChroma = strokeChromaAt(strokes, space),
): ChromaResult {
  // `rowScale`: factors balancing A's rows for the preconditioner (solve/balance.ts); A stays as it
  // is. They are taken as the solve's padded factors (GeneralSolveOptions.consumeRowScale) with
  // the operator unless `consumeRowScale` says otherwise.
  // `arena`: the one A lies in; the right-hand sides are built there too.
  const t0 = performance.now();
  const home = options.arena?.holds(A.c[0]) ? options.arena : undefined;
  const len = A.width * A.height + 2 * A.pad;
  const n = A.width * A.height;
  // In the arena (memory already faulted in, no copies later): the right-hand sides and the
  // mask for the whole solve, the inflow at the top until the preconditioner is built, and the
  // stroke planes above it only while the system is built.
  const outer = home?.mark();
  const planes: DirichletPlanes = home
    ? {
        rhs: [home.f32(len), home.f32(len)],
        active: home.u8(n, 'bottom', 1),
        inflow: home.f32(n, 'top'),
        release: () => outer && home.releaseTop(outer),
      }
    : {};
  const mark = home?.mark();
  const spread = home && home.free() >= 2 * n * 4 + 1024;
  // The stroke pixels listed once: their colours, the constraints and the count all use the list.
  const values = strokeChroma(
    strokes,
    space,
    spread ? [home.f32(n, 'top'), home.f32(n, 'top')] : undefined,
    at,
  );
  const sys = generalDirichletSystem(
    A,
    strokes.mask,
    values,
    consumeOperator,
    { ...planes, fixedIndex: at.index },
    options.rowScale,
  );
  if (home && mark) home.releaseTop(mark);
  const t1 = performance.now();
  const res = solveGeneral(sys, {
    ...options,
    tolerance: options.tolerance ?? LEVIN_TOLERANCE,
    // A consumed operator's factors are levinChroma's own (stationaryBalance's, in the arena).
    consumeRowScale: options.consumeRowScale ?? consumeOperator,
  });
  const out = packResult(res, at.index.length, space, A.width, A.height, buildMs + (t1 - t0));
  // Levin's solution lies within the strokes' range (a convex combination of their values), so
  // the projection onto it only takes error away; how far it had to go is kept for levinChroma.
  const outOfRange = clampToStrokeRange(out.chroma, at);
  return outOfRange > 0 ? { ...out, stats: { ...out.stats, outOfRange } } : out;
}

/**
 * The arena a Levin solve of a `width` × `height` image runs in (undefined where the kernels are
 * unavailable or it would pass the 4 GiB of a wasm memory), sized to what it needs at most, since
 * every page of it is faulted in before the solve (at 1 MP the 137 MiB take 40–200 ms on the VM
 * measured). In finest-grid planes P, the solve's need is the largest: the operator (8 couplings,
 * the diagonal and the row sums, 10 P; a unit diagonal takes no inverse plane), right-hand sides 2 P, the
 * interpolation weights 4 P, solutions 2 P, BiCGStab 10 P (r̂ in the right-hand sides), the
 * mask ¼ P, and either the row factors (1 P, padded in place: GeneralSolveOptions.consumeRowScale)
 * or, unbalanced, the hybrid cycle's residuals (2 P): 30¼ P, plus at most
 * {@link ARENA_PLANES_PER_COARSE_LEVEL} planes of their own size per coarse level. The fit before
 * it (its multigrid 6 P and two vectors, and at the top its Laplacian, diagonals and right-hand
 * side 9 P, with the operator and π below) and the set-up scratch stay under that (at 0.25, 1
 * and 4 MP the fit takes 34.9 and the solve 35.3 finest-grid planes with the coarse levels;
 * scripts/probe-levin-memory.ts prints both). Six planes more lie above
 * all that as the arena's spare, untouched unless BiCGStab hands over to BiCGStab(2).
 */
export function levinArena(width: number, height: number, threads?: boolean): WasmArena | undefined {
  const [, ...coarse] = levelSizes(width, height);
  // A quarter plane to spare: the counts above, measured, leave about 1.2 planes free.
  let bytes = planeBytes(width * height + 2 * (width + 1), 30.5);
  for (const [w, h] of coarse) bytes += planeBytes(w * h + 2 * (w + 1), ARENA_PLANES_PER_COARSE_LEVEL);
  const arena = WasmArena.create(bytes + planeBytes(width + 8, 4) + (1 << 16), {
    threads: threads ?? true,
    prefault: true,
    // BiCGStab(2)'s three more vectors per channel, for a solve that stalls (solve/bicgstab.ts):
    // not faulted in, so they cost nothing until one does.
    spare: planeBytes(width * height + 2 * (width + 1), 6) + 96,
  });
  // The Gauss–Seidel scratch rows first, below every mark the fit and the solve take.
  arena?.scratchRows(width);
  return arena ?? undefined;
}

/** Whether Levin's own system solves in an arena with these options (levinChroma, reserveLevinArena). */
function solvesInArena(options: LevinOptions): boolean {
  return (options.precision ?? 'single') === 'single' && options.solver !== 'direct';
}

/** The arena {@link reserveLevinArena} made, until a solve of its size takes it. */
let reserved: { width: number; height: number; threads: boolean; arena: WasmArena } | null = null;

/**
 * Makes the arena that the next `colorizeLevin(gray, strokes, options)` of a `width` × `height`
 * photo will solve in, now, so that the helper thread faults its memory in while the caller still
 * decodes the other inputs (a front end calls it through the declaration's `prepare`; at 1 MP the
 * 146 MiB take 55–280 ms to fault in on the VM measured). Only the last reservation is kept; it
 * does nothing where that solve would not use an arena, or where the options are invalid (the
 * solve reports them). Returns whether an arena was reserved.
 *
 * @example
 * ```ts
 * import { colorizeLevin, createImage, rasterizeStrokes, reserveLevinArena } from 'colorize-toolkit/internals';
 * reserveLevinArena(64, 64);
 * const gray = createImage(64, 64, 1); gray.channels[0].fill(0.5);
 * const strokes = rasterizeStrokes([{ points: [8, 8], radius: 2, rgb: [0.2, 0.5, 0.8] }], 64, 64);
 * console.log(colorizeLevin(gray, strokes).stats.iterations >= 0); // true
 * ```
 */
export function reserveLevinArena(width: number, height: number, options: LevinOptions = {}): boolean {
  reserved = null;
  try {
    if ((options.system ?? 'levin') !== 'levin' || !solvesInArena(options)) return false;
    const cap = checkWorkingPixels('workingPixels', options.workingPixels ?? LEVIN_WORKING_PIXELS);
    const grid = cap === 0 || width * height <= cap ? { width, height } : workingGrid(width, height, cap);
    const threads = options.threads ?? true;
    const arena = levinArena(grid.width, grid.height, threads);
    if (arena) reserved = { ...grid, threads, arena };
    return !!arena;
  } catch {
    return false;
  }
}

/**
 * The grid of the arena {@link reserveLevinArena} holds, or null (for tests and diagnostics).
 *
 * @example
 * ```ts
 * import { reserveLevinArena, reservedLevinGrid } from 'colorize-toolkit/internals';
 * reserveLevinArena(4000, 3000); // 12 MP: solved on the 4 MP working grid
 * console.log(reservedLevinGrid()?.width === undefined || reservedLevinGrid()!.width < 4000); // true
 * ```
 */
export function reservedLevinGrid(): { width: number; height: number } | null {
  return reserved && { width: reserved.width, height: reserved.height };
}

/**
 * Drops the arena {@link reserveLevinArena} made if no solve took it (a front end calls it through
 * the declaration's `release` when a run ends): its memory is then the collector's, not held
 * until the next reservation. Returns whether one was dropped.
 *
 * @example
 * ```ts
 * import { releaseLevinReservation, reserveLevinArena, reservedLevinGrid } from 'colorize-toolkit/internals';
 * reserveLevinArena(64, 64);
 * releaseLevinReservation();
 * console.log(reservedLevinGrid()); // null
 * ```
 */
export function releaseLevinReservation(): boolean {
  const had = reserved !== null;
  reserved?.arena.releaseHelper();
  reserved = null;
  return had;
}

/** The reserved arena if it was made for this grid (handed out once). */
function takeReservedArena(width: number, height: number, threads = true): WasmArena | undefined {
  const r = reserved;
  reserved = null;
  return r && r.width === width && r.height === height && r.threads === threads ? r.arena : undefined;
}

/**
 * Full pipeline: Levin chroma, then the finish stage (original luminance kept, gamut clamped).
 *
 * @example
 * ```ts
 * import { colorizeLevin, createImage, rasterizeStrokes } from 'colorize-toolkit/internals';
 * const gray = createImage(16, 16, 1); gray.channels[0].fill(0.5);
 * const strokes = rasterizeStrokes([{ points: [8, 8], radius: 1, rgb: [0.2, 0.5, 0.8] }], 16, 16);
 * const { rgb } = colorizeLevin(gray, strokes);
 * console.log(rgb.channels[2][0] > rgb.channels[0][0]); // true: blue everywhere
 * ```
 */
export function colorizeLevin(
  gray: ImageF32,
  strokes: StrokeSet,
  options: LevinOptions = {},
  finishOptions: FinishOptions = {},
): ChromaResult & { rgb: ImageF32 } {
  const { width, height } = gray;
  const cap = checkWorkingPixels('workingPixels', options.workingPixels ?? LEVIN_WORKING_PIXELS);
  if (cap === 0 || width * height <= cap) {
    const res = levinChroma(gray, strokes, options);
    const rgb = finish({ original: gray, chroma: res.chroma, space: res.space }, finishOptions);
    return { ...res, rgb };
  }
  // Larger than the working size: solve on a reduced grid (every stroke kept by reduceStrokes),
  // bring the chroma up with the finish stage guided by the full-size gray, and keep the exact
  // stroke chroma at every full-resolution stroke pixel.
  const space = checkChoice('space', options.space ?? 'yuv', SCRIBBLE_SPACES);
  const { width: w, height: h } = workingGrid(width, height, cap);
  const small: ImageF32 = {
    width: w,
    height: h,
    channels: [resizePlane(grayPlane(gray), width, height, w, h, 'area')],
  };
  const res = levinChroma(small, reduceStrokes(strokes, w, h), options);
  const fixed = strokeChromaAt(strokes, space);
  const rgb = finish({ original: gray, chroma: res.chroma, space: res.space, fixed }, finishOptions);
  return {
    ...res,
    rgb,
    stats: { ...res.stats, strokePixels: fixed.index.length, working: { width: w, height: h } },
  };
}

/**
 * Default of {@link ScribbleSolveOptions.workingPixels}: photos up to 4 MP are solved at full
 * resolution; larger ones on a grid of about 4 MP (peak memory of the solve grows with the pixel
 * count: about 0.24 GB per megapixel, so a 24 MP photo solved at full size needs about 6 GB).
 */
export const LEVIN_WORKING_PIXELS = 4_000_000;

/**
 * The stroke chroma at every stroke pixel of `strokes` (full resolution), as sparse fixed values
 * for the finish stage ({@link strokeChroma} spreads them into full-size planes for the solves).
 *
 * @example
 * ```ts
 * import { rasterizeStrokes, strokeChromaAt } from 'colorize-toolkit/internals';
 * const strokes = rasterizeStrokes([{ points: [2, 2], radius: 0.5, rgb: [1, 0, 0] }], 8, 8);
 * const fixed = strokeChromaAt(strokes, 'yuv');
 * console.log(fixed.index.length > 0, fixed.c2[0].toFixed(1)); // true 0.5
 * ```
 */
export function strokeChromaAt(strokes: StrokeSet, space: LinearSpace): FixedChroma {
  const { mask } = strokes;
  // Strokes cover about 1 % of the pixels: skip the mask four bytes at a time where they are all 0
  // (this runs once per solve, mostly before the optimising compiler has seen it).
  const aligned = mask.byteOffset % 4 === 0;
  const words = aligned
    ? new Uint32Array(mask.buffer, mask.byteOffset, mask.length >> 2)
    : new Uint32Array(0);
  const rest = words.length << 2;
  let count = 0;
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) continue;
    for (let i = w << 2; i < (w << 2) + 4; i++) if (mask[i]) count++;
  }
  for (let i = rest; i < mask.length; i++) if (mask[i]) count++;
  const index = new Uint32Array(count);
  let k = 0;
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) continue;
    for (let i = w << 2; i < (w << 2) + 4; i++) if (mask[i]) index[k++] = i;
  }
  for (let i = rest; i < mask.length; i++) if (mask[i]) index[k++] = i;
  const c1 = new Float32Array(count);
  const c2 = new Float32Array(count);
  const [R, G, B] = strokes.colors.channels;
  const m = forwardMatrix(space);
  for (let t = 0; t < count; t++) {
    const i = index[t];
    const r = R[i];
    const g = G[i];
    const b = B[i];
    c1[t] = m[3] * r + m[4] * g + m[5] * b;
    c2[t] = m[6] * r + m[7] * g + m[8] * b;
  }
  return { index, c1, c2 };
}
