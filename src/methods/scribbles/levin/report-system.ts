/**
 * The re-colorization report's own variant of Levin et al. (report §3.2.1): the weights of
 * eq. (8) as its `w(i, j, ori, T)` listing computes them, over the 4-neighbourhood,
 *
 *   w_rs = exp(−(t_r − t_s)² / (2σ_r²)) / Σ_s',   σ_r = var_{s∈N₄(r)}(t_s) (unbiased, as MATLAB's var),
 *   σ_r = 1e-2 where that variance is 0,
 *
 * and the energy J(U) = Σ_r (u_r − Σ_s w_rs u_s)² over every pixel r minimised over the free
 * pixels: the normal equations of eq. (9), (E_fᵀ E_f) u_f = −E_fᵀ E_s c with E = I − w. That
 * operator has a 13-point stencil and the condition number of E squared.
 *
 * Intensities are on the report's 0–255 scale (its §1.1: "an integer value … between 0 and 255";
 * YUV in [0, 255]). The scale matters: σ is a variance squared again in the exponent, so on a
 * [0, 1] scale the weights underflow to 0 across every edge and the normal equations turn
 * singular on real photos (measured: 200 CG iterations stall at 1e-2), while on 0–255 they are
 * gentle and well posed.
 */
import { ColorizeError } from '../../../errors.js';
import {
  createGeneralStencil9,
  GENERAL_OFFSETS,
  type GeneralStencil9,
  symmetrise,
} from '../../../solve/general-stencil9.js';
import type { Stencil9 } from '../../../solve/stencil9.js';

/** Floor of σ_r where the 4 neighbours are all equal (the report's `sigma_r = 1e-2`). */
export const REPORT_SIGMA_FLOOR = 1e-2;

/** Intensity scale of the report's listings: luminance in [0, 1] is multiplied by this. */
export const REPORT_INTENSITY_SCALE = 255;

/**
 * E = I − w with the report's 4-neighbour weights (eq. 8 as its listing computes them), as a
 * general 9-point stencil whose diagonal couplings are 0.
 *
 * @example
 * ```ts
 * import { reportOperator } from 'colorize-toolkit/internals';
 * const Y = new Float32Array(9).fill(0.5); // flat 3×3: σ = 0 → floor, equal weights
 * const E = reportOperator(Y, 3, 3);
 * console.log(E.c[1][E.pad + 4]); // 0.25 (centre pixel, east neighbour)
 * ```
 */
export function reportOperator(Y: Float32Array, width: number, height: number): GeneralStencil9 {
  if (width < 2 || height < 2)
    throw new ColorizeError(`the report's system needs at least 2×2 pixels, got ${width}×${height}`, 'input');
  const E = createGeneralStencil9(width, height);
  const d2 = new Float64Array(4);
  const inside = new Uint8Array(4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = y * width + x;
      const yr = Y[r] * REPORT_INTENSITY_SCALE;
      let m = 0;
      let sum = 0;
      for (let k = 0; k < 4; k++) {
        const xx = x + GENERAL_OFFSETS[k][0];
        const yy = y + GENERAL_OFFSETS[k][1];
        inside[k] = xx >= 0 && yy >= 0 && xx < width && yy < height ? 1 : 0;
        if (inside[k]) {
          sum += Y[yy * width + xx] * REPORT_INTENSITY_SCALE;
          m++;
        }
      }
      const mean = sum / m;
      let ss = 0;
      let minD2 = Infinity;
      for (let k = 0; k < 4; k++) {
        if (!inside[k]) continue;
        const t =
          Y[y * width + x + GENERAL_OFFSETS[k][1] * width + GENERAL_OFFSETS[k][0]] * REPORT_INTENSITY_SCALE;
        ss += (t - mean) * (t - mean);
        d2[k] = (t - yr) * (t - yr);
        if (d2[k] < minD2) minD2 = d2[k];
      }
      let sigma = ss / (m - 1);
      if (sigma === 0) sigma = REPORT_SIGMA_FLOOR;
      // exp(−d²/2σ²) normalised; shifting every exponent by the smallest d² changes nothing
      // mathematically and keeps a tiny σ from underflowing every weight to 0.
      const inv = 1 / (2 * sigma * sigma);
      let total = 0;
      const g = [0, 0, 0, 0];
      for (let k = 0; k < 4; k++) {
        if (!inside[k]) continue;
        g[k] = Math.exp(-(d2[k] - minD2) * inv);
        total += g[k];
      }
      const i = E.pad + r;
      E.diag[i] = 1;
      for (let k = 0; k < 4; k++) E.c[k][i] = g[k] / total;
    }
  }
  return E;
}

/**
 * The SPD operator whose multigrid preconditions the report's normal equations: the symmetrised
 * 4-neighbour graph of E with every coupling raised to at least `floor`. The report's weights
 * underflow to 0 across strong edges (σ is a variance, squared again in the exponent), which can
 * cut the graph into parts without a stroke; the floor keeps the preconditioner definite. It
 * changes only the preconditioner, never the system solved.
 */
export function reportPreconditioner(E: GeneralStencil9, floor = 1e-3): Stencil9 {
  const L = symmetrise(E);
  const { width: W, height: H, pad, e, s, diag } = L;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = pad + y * W + x;
      if (x + 1 < W && e[i] < floor) e[i] = floor;
      if (y + 1 < H && s[i] < floor) s[i] = floor;
    }
  const end = pad + W * H;
  for (let i = pad; i < end; i++) diag[i] = e[i] + e[i - 1] + s[i] + s[i - W];
  return L;
}
