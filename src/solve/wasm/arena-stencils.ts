/**
 * Zero stencils whose planes lie in a wasm arena (./arena.ts), so that an operator is built where
 * its solve runs instead of being copied there (issue 14: a 4 MP Levin solve in 1 GiB).
 */
import { GENERAL_OFFSETS, type GeneralStencil9 } from '../general-stencil9.js';
import { padFor, type Stencil9 } from '../stencil9.js';
import type { ArenaEnd, WasmArena } from './arena.js';

/**
 * A zero symmetric stencil of `width` × `height` in `arena` (couplings f32, diagonal f64), from
 * either end.
 *
 * @example
 * ```ts
 * import { arenaStencil9, WasmArena } from 'colorize-toolkit/internals';
 * const arena = WasmArena.create(1 << 16);
 * const S = arena && arenaStencil9(arena, 8, 8, 'top');
 * console.log(S === null || arena?.holds(S.e)); // true
 * ```
 */
export function arenaStencil9(
  arena: WasmArena,
  width: number,
  height: number,
  end: ArenaEnd = 'bottom',
): Stencil9 {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  return {
    width,
    height,
    pad,
    diag: arena.f64(len, end),
    e: arena.f32(len, end),
    s: arena.f32(len, end),
    se: arena.f32(len, end),
    sw: arena.f32(len, end),
  };
}

/**
 * A zero general stencil (../general-stencil9.ts, single precision) with its 8 coupling planes
 * and its diagonal (f32 too: it is the kernels' diagonal as it is) at the bottom of `arena`;
 * `rowSums`: with a zero row-sum plane (GeneralStencil9.rowSum) after them.
 *
 * @example
 * ```ts
 * import { arenaGeneralStencil9, WasmArena } from 'colorize-toolkit/internals';
 * const arena = WasmArena.create(1 << 16);
 * const A = arena && arenaGeneralStencil9(arena, 8, 8);
 * console.log(A === null || A.c.length); // 8
 * ```
 */
export function arenaGeneralStencil9(
  arena: WasmArena,
  width: number,
  height: number,
  rowSums = false,
): GeneralStencil9 {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  const diag = arena.f32(len);
  const c = GENERAL_OFFSETS.map(() => arena.f32(len));
  return { width, height, pad, diag, c, ...(rowSums && { rowSum: arena.f32(len) }) };
}
