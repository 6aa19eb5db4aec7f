/**
 * The multigrid hierarchy of ../multigrid.ts built straight into the arena its solve runs in.
 *
 * Why: building it in JavaScript and then copying it into a new arena (./solve-arena.ts) holds
 * every plane twice for a moment, plus a scratch arena for the set-up kernels; at 4 MP that was
 * most of the 1.3 GiB peak (docs/scribbles.md). Here the set-up kernels (Dendy's weights, the
 * Galerkin product) read the finer stencil where it lies, their scratch is taken from the arena's
 * top end and handed back level by level, and each coarse stencil is assembled into its final
 * planes. The arithmetic is the same as the JavaScript loops' and ./setup-arena.ts's, so the
 * hierarchy is bit for bit the one {@link buildMultigrid} then `moveSpdSolve` produce (tested).
 */
import { factorStencil9 } from '../banded-cholesky.js';
import {
  assembleCoarse,
  IDENTITY_ROW_FACTOR,
  type Multigrid,
  type MultigridLevel,
  type MultigridOptions,
} from '../multigrid.js';
import { padFor, type Stencil9 } from '../stencil9.js';
import { planarWeights, type WasmArena } from './arena.js';
import { arenaStencil9 } from './arena-stencils.js';
import { sizeOnly } from './solve-arena.js';

const NO_VECTOR = new Float32Array(0);

export interface ArenaMultigridOptions extends MultigridOptions {
  /**
   * What the finest level keeps: 'operator' (the stencil, registered, and residual planes: a
   * symmetric V-cycle applies it, ../spd-solve.ts) or 'size' (its size only: the hybrid cycle of
   * ../general-multigrid.ts smooths on the general operator instead).
   */
  finest: 'operator' | 'size';
  /**
   * Real channels the cycles will carry (default 2). With 1, each level's second-channel vectors
   * share one plane: the solvers pair a single channel with a zero dummy, and zeros stay zeros.
   */
  channels?: 1 | 2;
}

/**
 * The sizes of the levels {@link buildMultigridInArena} builds for a `width` × `height` grid
 * (the same rule as ../multigrid.ts's `buildMultigrid`), finest first.
 */
export function levelSizes(width: number, height: number, coarsestSize = 2048): Array<[number, number]> {
  const sizes: Array<[number, number]> = [[width, height]];
  let [w, h] = [width, height];
  while (!(w * h <= coarsestSize || w < 3 || h < 3)) {
    w = (w + 1) >> 1;
    h = (h + 1) >> 1;
    sizes.push([w, h]);
  }
  return sizes;
}

/** Planes (of each level's own size) a level built here takes from the bottom, coarse levels. */
export const ARENA_PLANES_PER_COARSE_LEVEL = 18;

/**
 * Builds the multigrid of `S` (its planes and diagonal in `arena`; with `finest: 'operator'` it
 * must be registered there) with `active` marking its free pixels. Levels, weights and vectors
 * are taken from the arena's bottom; the set-up scratch from its top, handed back before this
 * returns. The result is in the form the solvers' wasm paths expect (planar weights `qp`,
 * residual planes, registered stencils).
 *
 * @example
 * ```ts
 * import { arenaStencil9, buildMultigridInArena, WasmArena } from 'colorize-toolkit/internals';
 * const arena = WasmArena.create(1 << 22);
 * if (arena) {
 *   const S = arenaStencil9(arena, 64, 64);
 *   S.diag.fill(1);
 *   arena.registerSymmetric(S);
 *   const mg = buildMultigridInArena(S, new Uint8Array(64 * 64).fill(1), arena, { finest: 'operator' });
 *   console.log(mg.levels.length); // 2
 * }
 * ```
 */
export function buildMultigridInArena(
  S: Stencil9,
  active: Uint8Array,
  arena: WasmArena,
  options: ArenaMultigridOptions,
): Multigrid {
  const smoothing = options.smoothing ?? 1;
  const coarsestSize = options.coarsestSize ?? 2048;
  const levels: MultigridLevel[] = [];
  let cur = S;
  let act = active;
  for (;;) {
    const { width: W, height: H, pad } = cur;
    const len = W * H + 2 * pad;
    const last = W * H <= coarsestSize || W < 3 || H < 3;
    const finest = levels.length === 0;
    const vec = () => (finest ? NO_VECTOR : arena.f32(len));
    const residuals = !last && (!finest || options.finest === 'operator');
    const x0 = vec();
    const b0 = vec();
    const r0 = residuals ? arena.f32(len) : undefined;
    // One channel: the dummy's x, b and r share a plane (see ArenaMultigridOptions.channels).
    const shared = options.channels === 1 && (!finest || residuals) ? arena.f32(len) : undefined;
    const level: MultigridLevel = {
      A: finest && options.finest === 'size' && !last ? sizeOnly(cur) : cur,
      x0,
      x1: finest ? NO_VECTOR : (shared ?? vec()),
      b0,
      b1: finest ? NO_VECTOR : (shared ?? vec()),
      r0,
      r1: residuals ? (shared ?? arena.f32(len)) : undefined,
    };
    levels.push(level);
    if (last) break;
    const Wc = (W + 1) >> 1;
    const Hc = (H + 1) >> 1;
    const padc = padFor(Wc);
    const lenc = Wc * Hc + 2 * padc;
    const scratch = arena.mark();
    const d = arena.owns(cur.diag) ? cur.diag : arenaCopy64(arena, cur.diag);
    const mask = arena.u8(act.length, 'top');
    mask.set(act);
    const q = arena.f32(4 * len, 'top');
    const [e, s, se, sw] = [cur.e, cur.s, cur.se, cur.sw].map((p) => p.byteOffset);
    const acc = arena.f64(5 * lenc, 'top');
    // Both set-up kernels split across the helper thread where the grid is large (../row-blocks.ts).
    // Dendy's corners read their edge neighbours' weights: every edge first.
    const dendyArgs = [d.byteOffset, e, s, se, sw, mask.byteOffset, q.byteOffset, W, pad];
    arena.rowsOf('dendyEdges', dendyArgs, W, H, false);
    arena.rowsOf('dendyCorners', dendyArgs, W, H, false);
    const galerkinArgs = [d.byteOffset, e, s, se, sw, q.byteOffset, W, pad, Wc, padc, acc.byteOffset];
    arena.accumulateRowsOf('galerkinAccumulate', galerkinArgs, W, H);
    level.qp = planarWeights(arena, q);
    const next = assembleCoarseInArena(arena, Wc, Hc, acc, arenaStencil9(arena, Wc, Hc));
    arena.releaseTop(scratch);
    arena.registerSymmetric(next.A);
    cur = next.A;
    act = next.active;
  }
  return { levels, coarsest: factorStencil9(cur), smoothing };
}

/**
 * ../multigrid.ts's `assembleCoarse` in the kernels (the same copies, negations and test, so the
 * same stencil bit for bit): on a shared memory JavaScript's stores run at less than half speed.
 */
function assembleCoarseInArena(
  arena: WasmArena,
  Wc: number,
  Hc: number,
  acc: Float64Array,
  C: Stencil9,
): { A: Stencil9; active: Uint8Array } {
  if (!arena.owns(acc) || !(C.diag instanceof Float64Array) || !arena.owns(C.diag))
    return assembleCoarse(Wc, Hc, acc, C);
  const { kernels } = arena;
  const at = [C.diag, C.e, C.s, C.se, C.sw].map((p) => p.byteOffset);
  const maxDiag = kernels.coarseEntries(acc.byteOffset, ...at, Wc, Hc, C.pad);
  const mark = arena.mark();
  const mask = arena.u8(Wc * Hc, 'top');
  kernels.coarseIdentityRows(...at, mask.byteOffset, Wc, Hc, C.pad, maxDiag * IDENTITY_ROW_FACTOR);
  const active = new Uint8Array(Wc * Hc);
  active.set(mask);
  arena.releaseTop(mark);
  return { A: C, active };
}

function arenaCopy64(arena: WasmArena, v: Float64Array): Float64Array {
  const out = arena.f64(v.length, 'top');
  out.set(v);
  return out;
}
