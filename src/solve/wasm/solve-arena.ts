/**
 * Moves a constrained general 9-point solve (./../general-solve.ts) into one wasm arena: the
 * operator's coupling planes, the multigrid hierarchy of its SPD neighbour, and room for the
 * right-hand sides, the solutions and every BiCGStab work vector. Afterwards the existing solver
 * code runs unchanged; its kernels find their arrays in the arena and run in wasm.
 */
import type { GeneralStencil9 } from '../general-stencil9.js';
import type { Multigrid, MultigridLevel } from '../multigrid.js';
import type { Stencil9 } from '../stencil9.js';
import { planarWeights, planeBytes, WasmArena } from './arena.js';

/** Vectors of the finest grid per channel in BiCGStab (r, r̂, p, v, p̂ = ŝ, t) plus b and x. */
const VECTORS_PER_CHANNEL = 8;

/** Planes per coarse level: 4 couplings, diagonal and its inverse, 4 interpolation planes, x, b and r for two channels. */
const PLANES_PER_LEVEL = 16;

function lengthOf(W: number, H: number): number {
  return W * H + 2 * (W + 1);
}

/**
 * Copies `A`'s coupling planes and `mg`'s levels into a new arena and returns it (null when the
 * kernels are unavailable, the precision is double, or the arena would exceed 4 GiB). `A` is
 * changed in place: its planes become arena views holding the same values, so the caller's
 * object keeps working and its old planes can be collected. Allocate the solve's vectors with
 * `arena.f32` afterwards (room for `channels` channels and `extraPlanes` more finest-grid planes
 * is reserved).
 *
 * @example
 * ```ts
 * import { buildMultigrid, createGeneralStencil9, createStencil9, moveGeneralSolve } from 'colorize-toolkit/internals';
 * const G = createGeneralStencil9(32, 32); G.diag.fill(1);
 * const S = createStencil9(32, 32); S.diag.fill(1);
 * const moved = moveGeneralSolve(G, buildMultigrid(S, new Uint8Array(1024).fill(1)), 2);
 * console.log(moved === null || moved.arena.holds(G.c[0] as Float32Array)); // true
 * ```
 */
export function moveGeneralSolve(
  A: GeneralStencil9,
  mg: Multigrid,
  channels: number,
  extraPlanes = 0,
): { arena: WasmArena; mg: Multigrid } | null {
  if (!(A.c[0] instanceof Float32Array)) return null;
  if (A.rowSum && !(A.rowSum instanceof Float32Array)) return null;
  const len0 = lengthOf(A.width, A.height);
  const pairs = channels + (channels & 1);
  const operatorPlanes = A.rowSum ? 11 : 10;
  const arena = WasmArena.create(
    planeBytes(len0, operatorPlanes + VECTORS_PER_CHANNEL * pairs + 2 + extraPlanes) +
      hierarchyBytes(mg, A.width),
    { threads: true },
  );
  if (!arena) return null;
  for (let k = 0; k < A.c.length; k++) A.c[k] = arena.copy32(A.c[k]);
  if (A.rowSum) A.rowSum = arena.copy32(A.rowSum);
  arena.registerGeneral(A);
  const levels = mg.levels;
  const moved = levels.map((level, l) => {
    if (l > 0) return moveLevel(arena, level, l === levels.length - 1);
    // With coarser levels the finest stencil is never read again (the hybrid cycle smooths on
    // A itself, on the solver's vectors); only its size and weights are: drop its planes.
    const S = levels.length > 1 ? sizeOnly(level.A) : level.A;
    // Only the planar copy of the weights is kept: the kernels read nothing else.
    return { ...level, A: S, q: undefined, qp: level.q && planarWeights(arena, level.q) };
  });
  return { arena, mg: { ...mg, levels: moved } };
}

/**
 * The same for a symmetric solve (../spd-solve.ts: PCG with symmetric V-cycles): a new arena
 * holding the hierarchy, its finest stencil included, and room for `channels` channels of PCG
 * vectors. Returns the moved hierarchy; its `levels[0].A` is the operator to apply.
 *
 * @example
 * ```ts
 * import { buildMultigrid, createStencil9, moveSpdSolve } from 'colorize-toolkit/internals';
 * const S = createStencil9(32, 32); S.diag.fill(1);
 * const moved = moveSpdSolve(buildMultigrid(S, new Uint8Array(1024).fill(1)), 2);
 * console.log(moved === null || moved.arena.holds(moved.mg.levels[0].A.e)); // true
 * ```
 */
export function moveSpdSolve(mg: Multigrid, channels: number): { arena: WasmArena; mg: Multigrid } | null {
  const A = mg.levels[0].A;
  const len0 = lengthOf(A.width, A.height);
  const pairs = channels + (channels & 1);
  const arena = WasmArena.create(
    planeBytes(len0, PLANES_PER_LEVEL + SPD_VECTORS_PER_CHANNEL * pairs) + hierarchyBytes(mg, A.width),
    { threads: true },
  );
  if (!arena) return null;
  const levels = mg.levels;
  const moved = levels.map((level, l) => {
    if (l > 0) return moveLevel(arena, level, l === levels.length - 1);
    const last = levels.length === 1;
    const len = len0;
    // The finest level runs on the caller's vectors; it needs its stencil, weights and a residual.
    return {
      ...level,
      A: copyStencil(arena, level.A),
      q: undefined,
      qp: level.q && planarWeights(arena, level.q),
      r0: last ? undefined : arena.f32(len),
      r1: last ? undefined : arena.f32(len),
    };
  });
  return { arena, mg: { ...mg, levels: moved } };
}

/** Vectors per channel of PCG (r, z, p, q) plus b and x. */
const SPD_VECTORS_PER_CHANNEL = 6;

/** Bytes for the coarse levels and the finest level's weights, plus scratch rows and slack. */
function hierarchyBytes(mg: Multigrid, width: number): number {
  const levels = mg.levels;
  let bytes = levels.length > 1 ? planeBytes(4 * lengthOf(levels[0].A.width, levels[0].A.height)) : 0;
  for (let l = 1; l < levels.length; l++) {
    const L = levels[l].A;
    bytes += planeBytes(lengthOf(L.width, L.height), PLANES_PER_LEVEL);
  }
  return bytes + planeBytes(width + 8, 4) + 64 * 1024;
}

function moveLevel(arena: WasmArena, level: MultigridLevel, last: boolean): MultigridLevel {
  const S = copyStencil(arena, level.A);
  const len = lengthOf(S.width, S.height);
  return {
    A: S,
    qp: level.q && planarWeights(arena, level.q),
    x0: arena.f32(len),
    x1: arena.f32(len),
    b0: arena.f32(len),
    b1: arena.f32(len),
    r0: last ? undefined : arena.f32(len),
    r1: last ? undefined : arena.f32(len),
  };
}

/** A stand-in for a stencil whose planes are no longer needed: its size only. */
export function sizeOnly(S: Stencil9): Stencil9 {
  const none = new Float32Array(0);
  return {
    width: S.width,
    height: S.height,
    pad: S.pad,
    diag: new Float64Array(0),
    e: none,
    s: none,
    se: none,
    sw: none,
  };
}

function copyStencil(arena: WasmArena, S: Stencil9): Stencil9 {
  const C: Stencil9 = {
    width: S.width,
    height: S.height,
    pad: S.pad,
    diag: S.diag,
    e: arena.copy32(S.e),
    s: arena.copy32(S.s),
    se: arena.copy32(S.se),
    sw: arena.copy32(S.sw),
  };
  arena.registerSymmetric(C);
  return C;
}
