/**
 * The multigrid set-up's two heavy loops in wasm (../multigrid.ts): Dendy's interpolation weights
 * and the Galerkin product PᵀAP, run in one scratch arena sized for the finest level and reused
 * level by level. Both kernels do the JavaScript loops' arithmetic in the same order (f64 sums of
 * f32 couplings), so the hierarchy is bit for bit the one the JavaScript loops build
 * (test/solve/wasm-kernels.test.ts); only the time changes (about 5× less at 1 MP).
 */
import { accumulateInBlockOrder } from '../row-blocks.js';
import type { Stencil9 } from '../stencil9.js';
import { WasmArena } from './arena.js';

export interface SetupKernels {
  /**
   * Dendy's weights q of `A` with `active` (4 interleaved per padded point, a new array) and the
   * Galerkin entries of Pᵀ A P (diag, E, S, SE, SW per padded coarse point of a Wc-wide grid with
   * padding padc): a view valid until the next call.
   */
  coarsen(A: Stencil9, active: Uint8Array, Wc: number, padc: number): { q: Float32Array; acc: Float64Array };
}

function bytesFor(W: number, H: number): number {
  const len = W * H + 2 * (W + 1);
  const Wc = (W + 1) >> 1;
  const lenc = Wc * ((H + 1) >> 1) + 2 * (Wc + 1);
  // 4 coupling planes and 4 weight planes (f32), the diagonal (f64), the mask, the coarse entries (5 f64).
  return 8 * (4 * len + 16) + 8 * len + W * H + 40 * lenc + 64 * 1024;
}

/**
 * Set-up kernels for a hierarchy whose finest stencil is `A` (coarser levels fit in the same
 * scratch memory), or null where wasm is unavailable (or turned off with COLORIZE_WASM=0).
 *
 * @example
 * ```ts
 * import { createStencil9, wasmSetupKernels } from 'colorize-toolkit/internals';
 * const A = createStencil9(5, 5); A.diag.fill(4); A.e.fill(1); A.s.fill(1);
 * const k = wasmSetupKernels(A);
 * const out = k?.coarsen(A, new Uint8Array(25).fill(1), 3, 4);
 * console.log(out === undefined || out.q[4 * A.pad] === 1); // true: a coarse point interpolates itself
 * ```
 */
export function wasmSetupKernels(A: Stencil9): SetupKernels | null {
  const arena = WasmArena.create(bytesFor(A.width, A.height));
  if (!arena) return null;
  const { kernels } = arena;
  const copy = <T extends Float32Array | Float64Array | Uint8Array>(
    view: T,
    src: ArrayLike<number>,
  ): number => {
    view.set(src);
    return view.byteOffset;
  };
  return {
    coarsen(S, active, Wc, padc) {
      arena.reset();
      const { width: W, height: H, pad } = S;
      const d = copy(arena.f64(S.diag.length), S.diag);
      const [e, s, se, sw] = [S.e, S.s, S.se, S.sw].map((p) => copy(arena.f32(p.length), p));
      const mask = copy(arena.u8(active.length), active);
      const q = arena.f32(4 * S.diag.length);
      q.fill(0);
      kernels.dendy(d, e, s, se, sw, mask, q.byteOffset, W, H, pad);
      const acc = arena.f64(5 * (Wc * ((H + 1) >> 1) + 2 * padc));
      acc.fill(0);
      accumulateInBlockOrder(W, H, (from, to) =>
        kernels.galerkinAccumulate(d, e, s, se, sw, q.byteOffset, W, pad, Wc, padc, acc.byteOffset, from, to),
      );
      return { q: q.slice(), acc };
    },
  };
}
