/**
 * Colour fusion (IPOL 2024 §3.1, eq. 4–6, after Giraud et al. 2017):
 *   Î_T(p) = Σ_j W(p, j) Ī_R(j) / Σ_j W(p, j),   W(p, j) = Σ_i d(p, i) A(i, j),
 *   d(p, i) = exp(−(V_T(p) − V̄_T(i))ᵀ Σ_i⁻¹ (V_T(p) − V̄_T(i)) / σ_g),
 *   Σ_i = diag(δs² Cov(p), δc² Cov(I_T(p))) over the pixels of S_T(i),
 * with V_T(p) = [position, colour of the target] (gray level for colorization, RGB for transfer).
 *
 * Because every row of A sums to 1, the two sums reorder into
 *   Î_T(p) = Σ_i d(p, i) C_i / Σ_i d(p, i),   C_i = Σ_j A(i, j) Ī_R(j),
 * so each pixel costs one pass over target superpixels instead of N_T × N_R.
 *
 * Restricted neighbourhood (the documented bound): the colour term is ≥ 0, so
 * d(p, i) ≤ exp(−Δpᵀ(δs² Cov_i)⁻¹Δp / σ_g). Superpixels whose spatial term alone exceeds
 * κ² (option `cutoff`, default 9) are left out: each left-out term has d(p, i) ≤ e^−κ²
 * (1.2·10⁻⁴ for κ² = 9) on the paper's absolute scale. They lie outside the disc of radius
 * κ δs √(σ_g λmax(Cov_i)) around the centroid (≈ 8.7 superpixel widths with the defaults), which
 * is how candidates are found. Weights are normalised after subtracting the smallest exponent
 * (the ratio in eq. 4 is unchanged), since with δc = 0.1 absolute values underflow doubles.
 * If no superpixel passes (a pixel far from every centroid of odd-shaped regions), the pixel
 * takes the colour C_i of its own superpixel.
 */
import type { Superpixels } from '../../../segment/slic.js';

export interface FusionOptions {
  /** δs, weight of the spatial covariance (paper default 10). */
  deltaS: number;
  /** δc, weight of the colour covariance (paper default 0.1). */
  deltaC: number;
  /** σ_g, the overall scale of eq. 5 (the paper gives no value; default 1). */
  sigmaG: number;
  /** κ², the spatial exponent beyond which superpixels are left out (default 9). */
  cutoff: number;
}

/** Variance floors: pixel positions are quantised (1/12); colours to about 2.5/255. */
const POS_VAR_FLOOR = 1 / 12;
const COLOUR_VAR_FLOOR = 1e-4;

/** Per-superpixel centroid and inverse covariances of eq. 5–6. */
export interface FusionStats {
  count: number;
  dims: number;
  cx: Float64Array;
  cy: Float64Array;
  /** Spatial precision (δs² Cov(p))⁻¹ as [a, b, c] for [[a, b], [b, c]]. */
  ps: Float64Array;
  /** Colour mean, N × dims. */
  mc: Float64Array;
  /** Colour precision (δc² Cov(I))⁻¹, N × dims², row-major. */
  pc: Float64Array;
  /** Radius beyond which the spatial exponent (÷ σ_g) exceeds the cutoff. */
  radius: Float64Array;
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  const k = 1 / det;
  return [
    A * k,
    -(b * i - c * h) * k,
    (b * f - c * e) * k,
    B * k,
    (a * i - c * g) * k,
    -(a * f - c * d) * k,
    C * k,
    -(a * h - b * g) * k,
    (a * e - b * d) * k,
  ];
}

/** Eq. 6 statistics of the target superpixels for colour planes `guide` (1 or 3 planes). */
export function fusionStats(guide: Float32Array[], sp: Superpixels, o: FusionOptions): FusionStats {
  const { width: W, labels, count: N } = sp;
  const d = guide.length;
  const nS = 1 + 2 + 3 + d + (d * (d + 1)) / 2;
  const acc = new Float64Array(N * nS);
  for (let p = 0; p < labels.length; p++) {
    const x = p % W;
    const y = (p - x) / W;
    const o0 = labels[p] * nS;
    acc[o0] += 1;
    acc[o0 + 1] += x;
    acc[o0 + 2] += y;
    acc[o0 + 3] += x * x;
    acc[o0 + 4] += x * y;
    acc[o0 + 5] += y * y;
    let k = o0 + 6;
    for (let c = 0; c < d; c++) acc[k++] += guide[c][p];
    for (let c = 0; c < d; c++) for (let e = c; e < d; e++) acc[k++] += guide[c][p] * guide[e][p];
  }
  const s: FusionStats = {
    count: N,
    dims: d,
    cx: new Float64Array(N),
    cy: new Float64Array(N),
    ps: new Float64Array(N * 3),
    mc: new Float64Array(N * d),
    pc: new Float64Array(N * d * d),
    radius: new Float64Array(N),
  };
  const ds2 = o.deltaS * o.deltaS;
  const dc2 = o.deltaC * o.deltaC;
  for (let i = 0; i < N; i++) {
    const a = acc.subarray(i * nS, (i + 1) * nS);
    const n = Math.max(1, a[0]);
    const mx = a[1] / n;
    const my = a[2] / n;
    s.cx[i] = mx;
    s.cy[i] = my;
    const vxx = (a[3] / n - mx * mx + POS_VAR_FLOOR) * ds2;
    const vxy = (a[4] / n - mx * my) * ds2;
    const vyy = (a[5] / n - my * my + POS_VAR_FLOOR) * ds2;
    const det = vxx * vyy - vxy * vxy;
    s.ps[i * 3] = vyy / det;
    s.ps[i * 3 + 1] = -vxy / det;
    s.ps[i * 3 + 2] = vxx / det;
    const lmax = (vxx + vyy) / 2 + Math.sqrt(((vxx - vyy) / 2) ** 2 + vxy * vxy);
    s.radius[i] = Math.sqrt(o.cutoff * o.sigmaG * lmax);
    const mean: number[] = [];
    for (let c = 0; c < d; c++) mean.push(a[6 + c] / n);
    for (let c = 0; c < d; c++) s.mc[i * d + c] = mean[c];
    const cov: number[] = new Array(d * d).fill(0);
    let k = 6 + d;
    for (let c = 0; c < d; c++)
      for (let e = c; e < d; e++) {
        const v = (a[k++] / n - mean[c] * mean[e]) * dc2;
        cov[c * d + e] = v;
        cov[e * d + c] = v;
      }
    for (let c = 0; c < d; c++) cov[c * d + c] += COLOUR_VAR_FLOOR * dc2;
    const inv = d === 1 ? [1 / cov[0]] : d === 3 ? invert3(cov) : [];
    for (let t = 0; t < d * d; t++) s.pc[i * d * d + t] = inv[t];
  }
  return s;
}

/** The exponent of eq. 5 divided by σ_g, split as [spatial, colour], for pixel (x, y, colour). */
export function fusionExponent(
  s: FusionStats,
  i: number,
  x: number,
  y: number,
  colour: ArrayLike<number>,
  sigmaG: number,
): [number, number] {
  const dx = x - s.cx[i];
  const dy = y - s.cy[i];
  const sp = (s.ps[i * 3] * dx * dx + 2 * s.ps[i * 3 + 1] * dx * dy + s.ps[i * 3 + 2] * dy * dy) / sigmaG;
  const d = s.dims;
  let col = 0;
  for (let c = 0; c < d; c++)
    for (let e = 0; e < d; e++)
      col += (colour[c] - s.mc[i * d + c]) * s.pc[(i * d + c) * d + e] * (colour[e] - s.mc[i * d + e]);
  return [sp, col / sigmaG];
}

/**
 * Eq. 4 with the reordering and bound above: the fused colour of every pixel, as `C.length / N`
 * planes (C is N_T × k, row-major: the attention-weighted reference colours C_i).
 *
 * @example
 * ```ts
 * import { colourFusion } from 'colorize-toolkit';
 * const sp = { width: 2, height: 1, labels: Int32Array.of(0, 1), count: 2 };
 * const out = colourFusion([Float32Array.of(0, 1)], sp, Float32Array.of(0.2, 0.8),
 *   { deltaS: 10, deltaC: 0.1, sigmaG: 1, cutoff: 9 });
 * console.log(Array.from(out[0], (v) => v.toFixed(2))); // ['0.20', '0.80']
 * ```
 */
export function colourFusion(
  guide: Float32Array[],
  sp: Superpixels,
  C: Float32Array,
  o: FusionOptions,
): Float32Array[] {
  const { width: W, height: H, labels, count: N } = sp;
  const k = C.length / N;
  const s = fusionStats(guide, sp, o);
  const d = guide.length;
  const out = Array.from({ length: k }, () => new Float32Array(W * H));
  // Bucket centroids on a grid so each tile finds its candidates quickly.
  const cell = Math.max(4, Math.round(Math.sqrt((W * H) / N)));
  const gx = Math.ceil(W / cell);
  const gy = Math.ceil(H / cell);
  const head = new Int32Array(gx * gy).fill(-1);
  const next = new Int32Array(N);
  let rmax = 0;
  for (let i = 0; i < N; i++) {
    const b =
      Math.min(gy - 1, Math.max(0, Math.floor(s.cy[i] / cell))) * gx +
      Math.min(gx - 1, Math.max(0, Math.floor(s.cx[i] / cell)));
    next[i] = head[b];
    head[b] = i;
    rmax = Math.max(rmax, s.radius[i]);
  }
  const T = 8;
  const cand = new Int32Array(N);
  const expo = new Float64Array(N);
  const col = new Float64Array(d);
  const acc = new Float64Array(k);
  const sg = o.sigmaG;
  const cut = o.cutoff;
  for (let ty = 0; ty < H; ty += T)
    for (let tx = 0; tx < W; tx += T) {
      const x1 = Math.min(W, tx + T) - 1;
      const y1 = Math.min(H, ty + T) - 1;
      let nc = 0;
      const bx0 = Math.max(0, Math.floor((tx - rmax) / cell));
      const bx1 = Math.min(gx - 1, Math.floor((x1 + rmax) / cell));
      const by0 = Math.max(0, Math.floor((ty - rmax) / cell));
      const by1 = Math.min(gy - 1, Math.floor((y1 + rmax) / cell));
      for (let by = by0; by <= by1; by++)
        for (let bx = bx0; bx <= bx1; bx++)
          for (let i = head[by * gx + bx]; i >= 0; i = next[i]) {
            // Distance from the centroid to the tile rectangle against this superpixel's radius.
            const ex = Math.max(tx - s.cx[i], 0, s.cx[i] - x1);
            const ey = Math.max(ty - s.cy[i], 0, s.cy[i] - y1);
            if (ex * ex + ey * ey <= s.radius[i] * s.radius[i]) cand[nc++] = i;
          }
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          for (let c = 0; c < d; c++) col[c] = guide[c][p];
          let emin = Infinity;
          for (let t = 0; t < nc; t++) {
            const i = cand[t];
            const dx = x - s.cx[i];
            const dy = y - s.cy[i];
            const e =
              (s.ps[i * 3] * dx * dx + 2 * s.ps[i * 3 + 1] * dx * dy + s.ps[i * 3 + 2] * dy * dy) / sg;
            if (e > cut) {
              expo[t] = Infinity;
              continue;
            }
            let ec = 0;
            if (d === 1) {
              const v = col[0] - s.mc[i];
              ec = v * v * s.pc[i];
            } else {
              const o9 = i * 9;
              const v0 = col[0] - s.mc[i * 3];
              const v1 = col[1] - s.mc[i * 3 + 1];
              const v2 = col[2] - s.mc[i * 3 + 2];
              const pc = s.pc;
              ec =
                v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) +
                v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) +
                v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2);
            }
            const et = e + ec / sg;
            expo[t] = et;
            if (et < emin) emin = et;
          }
          if (emin === Infinity) {
            const i = labels[p];
            for (let c = 0; c < k; c++) out[c][p] = C[i * k + c];
            continue;
          }
          acc.fill(0);
          let wsum = 0;
          for (let t = 0; t < nc; t++) {
            const e = expo[t];
            if (e === Infinity || e - emin > 40) continue; // e^−40 ≈ 4·10⁻¹⁸: no effect on a float32
            const wgt = Math.exp(emin - e);
            const i = cand[t];
            wsum += wgt;
            for (let c = 0; c < k; c++) acc[c] += wgt * C[i * k + c];
          }
          for (let c = 0; c < k; c++) out[c][p] = acc[c] / wsum;
        }
    }
  return out;
}
