/**
 * Solving a constrained 9-point SPD system for several channels: multigrid-preconditioned CG
 * (fast, matrix-free, memory linear in pixels) or band Cholesky (exact, small images only).
 */
import { ColorizeError, checkChoice, checkInteger, checkNumber } from '../errors.js';
import { factorStencil9, solveStencil9 } from './banded-cholesky.js';
import type { DirichletSystem } from './dirichlet.js';
import { buildMultigrid, type Multigrid, type MultigridOptions, vcycle2 } from './multigrid.js';
import { type PcgResult, pcg } from './pcg.js';
import {
  applyStencil9x2,
  fromGrid,
  type GridVector,
  gridVector,
  gridVector32,
  padFor,
  type Stencil9,
  toGrid,
} from './stencil9.js';
import type { WasmArena } from './wasm/arena.js';
import { buildMultigridInArena } from './wasm/arena-multigrid.js';
import { moveSpdSolve } from './wasm/solve-arena.js';

export type SolverKind = 'multigrid' | 'direct';
export const SOLVER_KINDS: readonly SolverKind[] = ['multigrid', 'direct'];

/**
 * Default relative-residual tolerance of the multigrid solver, chosen by measurement
 * (bench/scribble.bench.ts, test/methods/scribbles/levin.test.ts): the colour result's PSNR
 * against the truth stays within 0.013 dB of the exact solution's from 0.01 to 4 MP (8× inside
 * the 0.1 dB requirement; 3e-3 breaks it at 4 MP with 0.115 dB). The residual is relative to a
 * right-hand side that carries the stroke values, which is why 1e-3 suffices here. 3e-4 costs
 * two more V-cycles at 1 MP for no visible gain (0.008 → 0.001 dB).
 */
export const DEFAULT_TOLERANCE = 1e-3;

export interface SpdSolveOptions extends MultigridOptions {
  /** 'multigrid' (default) or 'direct' (band Cholesky: exact, O(n·min(W,H)²) time). */
  solver?: SolverKind;
  /** Relative residual ‖b − Ax‖/‖b‖ at which CG stops (default {@link DEFAULT_TOLERANCE}). */
  tolerance?: number;
  /** CG iteration limit (default 200). */
  maxIterations?: number;
  /** Start values, one plane per channel (warm start); fixed pixels are reset to their values. */
  initial?: Float32Array[];
  /**
   * Vector precision of the iterative solver: 'single' (default; half the memory traffic, enough
   * for tolerances down to about 1e-6) or 'double' (for tight reference solves).
   */
  precision?: 'single' | 'double';
  /**
   * Internal: the wasm arena the operator's planes already lie in (registered there). The
   * hierarchy and every vector are then built in it (./wasm/arena-multigrid.ts) instead of
   * copied into a new one. Right-hand sides that lie in it are consumed by a general solve
   * (../general-solve.ts).
   */
  arena?: WasmArena;
  /**
   * Internal: unpadded planes, one per channel, to receive the solutions instead of new ones
   * (in `arena`: planes already faulted in, copied by its kernel).
   */
  into?: Float32Array[];
}

export interface SpdSolveResult {
  /** One unpadded plane per channel. */
  planes: Float32Array[];
  /** CG iterations (0 for the direct solver). */
  iterations: number;
  /** Final relative residual (largest over channels). */
  relativeResidual: number;
  converged: boolean;
  /** Time spent building the multigrid hierarchy or the factor, and iterating, in ms. */
  setupMs: number;
  solveMs: number;
  /** Where the iterations ran: the WebAssembly SIMD kernels or the JavaScript loops (absent for a direct solve). */
  kernels?: 'wasm' | 'javascript';
}

/**
 * The multigrid of `A`; in single precision moved into a wasm arena with the operator
 * (./wasm/solve-arena.ts), where the SIMD kernels run. Its finest level's stencil is the operator
 * to apply (the arena's copy when moved).
 */
function hierarchy(
  A: Stencil9,
  active: Uint8Array,
  options: SpdSolveOptions,
  single: boolean,
  channels: number,
): { mg: Multigrid; arena?: WasmArena } {
  const { arena } = options;
  if (single && arena?.holds(A.e) && arena.registered(A))
    return {
      mg: buildMultigridInArena(A, active, arena, {
        ...options,
        finest: 'operator',
        channels: channels === 1 ? 1 : 2,
      }),
      arena,
    };
  const built = buildMultigrid(A, active, options);
  const moved = single && options.wasm !== false ? moveSpdSolve(built, channels) : null;
  return moved ?? { mg: built };
}

/**
 * Solves a {@link DirichletSystem} for all its channels.
 *
 * @example
 * ```ts
 * import { createStencil9, dirichletSystem, solveSpd } from 'colorize-toolkit/internals';
 * const L = createStencil9(3, 1); L.e[L.pad] = L.e[L.pad + 1] = 1; L.diag.set([1, 2, 1], L.pad);
 * const fixed = Uint8Array.of(1, 0, 1);
 * const sys = dirichletSystem(L, fixed, [Float32Array.of(0, 0, 1)]);
 * console.log(solveSpd(sys, { solver: 'direct' }).planes[0][1]); // 0.5
 * ```
 */
export function solveSpd(sys: DirichletSystem, options: SpdSolveOptions = {}): SpdSolveResult {
  const solver = checkChoice('solver', options.solver ?? 'multigrid', SOLVER_KINDS);
  const tolerance = checkNumber('tolerance', options.tolerance ?? DEFAULT_TOLERANCE, 1e-15, 1);
  const maxIterations = checkInteger('maxIterations', options.maxIterations ?? 200, 1);
  const { A, rhs, active } = sys;
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const t0 = performance.now();
  if (solver === 'direct') {
    const gib = (n * (Math.min(W, H) + 2) * 8) / 2 ** 30;
    if (gib > 4) {
      throw new ColorizeError(
        `the direct solver would need ${gib.toFixed(1)} GiB for a ${W}×${H} image; use the multigrid solver`,
        'input',
      );
    }
    const F = factorStencil9(A);
    const t1 = performance.now();
    const planes = rhs.map((b) => {
      const x = b.slice();
      solveStencil9(F, x);
      return fromGrid(x, W, H);
    });
    return {
      planes,
      iterations: 0,
      relativeResidual: 0,
      converged: true,
      setupMs: t1 - t0,
      solveMs: performance.now() - t1,
    };
  }
  const single =
    checkChoice('precision', options.precision ?? 'single', ['single', 'double'] as const) === 'single';
  const { mg, arena } = hierarchy(A, active, options, single, rhs.length);
  const op = mg.levels[0].A;
  const t1 = performance.now();
  const b = single
    ? rhs.map((v) => (arena ? (arena.holds(v) ? v : arena.copy32(v)) : Float32Array.from(v)))
    : rhs;
  const x = b.map((bc, c) => {
    const init = options.initial?.[c];
    const g = arena ? arena.f32(n + 2 * pad) : single ? gridVector32(W, H) : gridVector(W, H);
    if (init) toGrid(init, W, H, g);
    // Fixed pixels are identity rows: start them at their value so their residual is 0 throughout.
    for (let i = 0; i < n; i++) if (!active[i]) g[pad + i] = bc[pad + i];
    return g;
  });
  const res = pcg(
    {
      width: W,
      height: H,
      apply: (x0, x1, y0, y1) => applyStencil9x2(op, x0, x1, y0, y1),
      precondition: (r0, r1, z0, z1) => vcycle2(mg, r0, r1, z0, z1),
    },
    b,
    x,
    // Without a warm start or fixed pixels x starts at zero (the balancing fit, for one).
    { tolerance, maxIterations, zeroStart: !options.initial && active.indexOf(0) < 0 },
  );
  const out = iterativeResult(x, res, W, H, t1 - t0, t1, options.into, arena);
  // An arena of this solve's own: its results are copied out, the helper thread may let it go.
  if (arena && arena !== options.arena) arena.releaseHelper();
  return { ...out, kernels: arena ? 'wasm' : 'javascript' };
}

/**
 * The {@link SpdSolveResult} of an iterative solve: the planes of the padded solutions `x`, the
 * solver's figures, `setupMs`, and the time since `solveStart` as `solveMs`.
 */
export function iterativeResult(
  x: GridVector[],
  res: PcgResult,
  width: number,
  height: number,
  setupMs: number,
  solveStart: number,
  into?: Float32Array[],
  arena?: WasmArena,
): SpdSolveResult {
  const pad = padFor(width);
  const n = width * height;
  const copy = (g: GridVector, out: Float32Array): Float32Array => {
    // Typed-array `set` on a shared memory is many times slower than the kernel (./wasm/arena.ts).
    if (arena?.owns(g) && arena.owns(out)) arena.kernels.copy(out.byteOffset, g.byteOffset + 4 * pad, 4 * n);
    else out.set(g.subarray(pad, pad + n));
    return out;
  };
  return {
    planes: x.map((g, c) => (into?.[c] ? copy(g, into[c]) : fromGrid(g, width, height))),
    iterations: res.iterations,
    relativeResidual: Math.max(...res.relativeResiduals),
    converged: res.converged,
    setupMs,
    solveMs: performance.now() - solveStart,
  };
}
