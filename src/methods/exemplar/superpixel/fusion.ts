/**
 * Colour fusion (IPOL 2024 §3.1, eq. 4–6, after Giraud et al. 2017):
 *   Î_T(p) = Σ_j W(p, j) Ī_R(j) / Σ_j W(p, j),   W(p, j) = Σ_i d(p, i) A(i, j),
 *   d(p, i) = exp(−(V_T(p) − V̄_T(i))ᵀ Σ_i⁻¹ (V_T(p) − V̄_T(i)) / σ_g),
 *   Σ_i = diag(δs² Cov(p), δc² Cov(I_T(p))) over the pixels of S_T(i),
 * with V_T(p) = [position, colour of the target] (gray level for colorization, RGB for transfer).
 * Since Σ_i enters inverted, a larger δs (δc) makes the spatial (colour) distance count less.
 *
 * Because every row of A sums to 1, the two sums reorder into
 *   Î_T(p) = Σ_i d(p, i) C_i / Σ_i d(p, i),   C_i = Σ_j A(i, j) Ī_R(j),
 * so each pixel costs one pass over target superpixels instead of N_T × N_R.
 *
 * σ_g (not given in the paper) — option `normalise`:
 *   - 'fixed': one σ_g for every pixel, as eq. 5 is written;
 *   - 'per-pixel': σ_g(p) = σ_g · max(1, e_min(p)), with e_min(p) = min_i of the exponent's
 *     numerator, as Giraud et al.'s fusion code normalises the exponent per pixel. The colour term
 *     (δc = 0.1, covariances of near-flat superpixels) dominates the numerator, so with a fixed
 *     σ_g = 1 most pixels take their colour from one or two superpixels; normalising spreads the
 *     weight over the superpixels that fit the pixel about as well as its best one.
 *
 * Truncation relative to each pixel's best term (option `cutoff`, κ²): a term is left out only if
 * its exponent exceeds the pixel's smallest one by more than κ² (in units of σ_g(p)), i.e. only if
 * d(p, i) ≤ e^−κ² · max_i d(p, i). The colour term is ≥ 0, so the spatial term alone bounds the
 * exponent from below; an upper bound U(p) on the smallest exponent comes from the superpixels
 * present in the pixel's 8 × 8 tile, and superpixels whose spatial term exceeds
 * U(p) + κ² σ_g(U(p)) are skipped without computing their colour term. They lie outside the disc
 * of radius √(B λmax(δs² Cov_i)) around their centroid (B the tile's largest such bound), which
 * is how candidates are found; for a gray guide a candidate is also dropped for the whole tile
 * when its colour term alone exceeds B over the tile's gray range. Weights are normalised after subtracting the smallest exponent
 * (the ratio in eq. 4 is unchanged), since with δc = 0.1 absolute values underflow doubles.
 */
import type { Superpixels } from '../../../segment/slic.js';

export interface FusionOptions {
  /** δs, weight of the spatial covariance (paper default 10). */
  deltaS: number;
  /** δc, weight of the colour covariance (paper default 0.1). */
  deltaC: number;
  /** σ_g, the overall scale of eq. 5 (the paper gives no value). */
  sigmaG: number;
  /** κ²: terms below e^−κ² times the pixel's largest d(p, i) may be left out. */
  cutoff: number;
  /** 'fixed' σ_g (eq. 5 as written) or 'per-pixel' σ_g(p) = σ_g · max(1, e_min(p)) (Giraud et al.). */
  normalise?: FusionNormalise;
}

export type FusionNormalise = 'fixed' | 'per-pixel';
export const FUSION_NORMALISE: readonly FusionNormalise[] = ['fixed', 'per-pixel'];

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
  /** Largest eigenvalue of δs² Cov(p): the spatial exponent is ≥ |p − p̄_i|² / lmax. */
  lmax: Float64Array;
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
export function fusionStats(
  guide: Float32Array[],
  sp: Superpixels,
  o: Pick<FusionOptions, 'deltaS' | 'deltaC'>,
): FusionStats {
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
    lmax: new Float64Array(N),
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
    s.lmax[i] = lmax;
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

/** Optional report of a fusion run. */
export interface FusionReport {
  /**
   * Mean over pixels of the effective number of superpixels a pixel takes its colour from,
   * 1 / Σ_i w(p, i)² with w(p, i) = d(p, i) / Σ_i d(p, i) (inverse Simpson index).
   */
  effectiveSuperpixels: number;
  /** Mean number of terms whose exponent was computed per pixel (the cost). */
  termsPerPixel: number;
}

/**
 * Eq. 4 with the reordering and the relative truncation above: the fused colour of every pixel,
 * as `C.length / N` planes (C is N_T × k, row-major: the attention-weighted reference colours C_i).
 * Pass `report` to get the effective number of superpixels per pixel.
 *
 * @example
 * ```ts
 * import { colourFusion } from 'colorize-toolkit/internals';
 * const sp = { width: 2, height: 1, labels: Int32Array.of(0, 1), count: 2 };
 * const out = colourFusion([Float32Array.of(0, 1)], sp, Float32Array.of(0.2, 0.8),
 *   { deltaS: 10, deltaC: 0.1, sigmaG: 1, cutoff: 30 });
 * console.log(Array.from(out[0], (v) => v.toFixed(2))); // ['0.20', '0.80']
 * ```
 */
export function colourFusion(
  guide: Float32Array[],
  sp: Superpixels,
  C: Float32Array,
  o: FusionOptions,
  report?: FusionReport,
): Float32Array[] {
  const { width: W, height: H, labels, count: N } = sp;
  const k = C.length / N;
  const s = fusionStats(guide, sp, o);
  const d = guide.length;
  const perPixel = (o.normalise ?? 'fixed') === 'per-pixel';
  const sg = o.sigmaG;
  const cut = o.cutoff;
  /** σ_g(p) for a pixel whose smallest exponent numerator is e. */
  const scale = (e: number) => (perPixel ? sg * Math.max(1, e) : sg);
  const out = Array.from({ length: k }, () => new Float32Array(W * H));
  // Bucket centroids on a grid so each tile finds its candidates quickly.
  const cell = Math.max(4, Math.round(Math.sqrt((W * H) / N)));
  const gx = Math.ceil(W / cell);
  const gy = Math.ceil(H / cell);
  const head = new Int32Array(gx * gy).fill(-1);
  const next = new Int32Array(N);
  let lmaxAll = 0;
  for (let i = 0; i < N; i++) {
    const b =
      Math.min(gy - 1, Math.max(0, Math.floor(s.cy[i] / cell))) * gx +
      Math.min(gx - 1, Math.max(0, Math.floor(s.cx[i] / cell)));
    next[i] = head[b];
    head[b] = i;
    lmaxAll = Math.max(lmaxAll, s.lmax[i]);
  }
  const T = 8;
  const cand = new Int32Array(N);
  const expo = new Float64Array(N);
  const tileLabels = new Int32Array(T * T);
  const bound = new Float64Array(T * T);
  const col = new Float64Array(d);
  const acc = new Float64Array(k);
  const tcx = new Float64Array(N);
  const tcy = new Float64Array(N);
  const tp0 = new Float64Array(N);
  const tp1 = new Float64Array(N);
  const tp2 = new Float64Array(N);
  const tmc = new Float64Array(N * d);
  const tpc = new Float64Array(N * d * d);
  const tC = new Float64Array(N * k);
  const { ps, mc, pc, cx, cy } = s;
  /** Exponent numerator (σ_g = 1) of superpixel i at pixel (x, y) with colour `col`. */
  const colourTerm = (i: number): number => {
    if (d === 1) {
      const v = col[0] - mc[i];
      return v * v * pc[i];
    }
    const o9 = i * 9;
    const v0 = col[0] - mc[i * 3];
    const v1 = col[1] - mc[i * 3 + 1];
    const v2 = col[2] - mc[i * 3 + 2];
    return (
      v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) +
      v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) +
      v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2)
    );
  };
  const spatialTerm = (i: number, x: number, y: number): number => {
    const dx = x - cx[i];
    const dy = y - cy[i];
    return ps[i * 3] * dx * dx + 2 * ps[i * 3 + 1] * dx * dy + ps[i * 3 + 2] * dy * dy;
  };
  let effSum = 0;
  let terms = 0;
  for (let ty = 0; ty < H; ty += T)
    for (let tx = 0; tx < W; tx += T) {
      const x1 = Math.min(W, tx + T) - 1;
      const y1 = Math.min(H, ty + T) - 1;
      // Superpixels present in the tile: their exponents bound each pixel's smallest one.
      let nl = 0;
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const l = labels[y * W + x];
          let seen = false;
          for (let t = 0; t < nl; t++)
            if (tileLabels[t] === l) {
              seen = true;
              break;
            }
          if (!seen) tileLabels[nl++] = l;
        }
      let B = 0;
      let gmin = Infinity;
      let gmax = -Infinity;
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          for (let c = 0; c < d; c++) col[c] = guide[c][p];
          if (col[0] < gmin) gmin = col[0];
          if (col[0] > gmax) gmax = col[0];
          let u = Infinity;
          for (let t = 0; t < nl; t++) {
            const i = tileLabels[t];
            const e = spatialTerm(i, x, y) + colourTerm(i);
            if (e < u) u = e;
          }
          const b = u + cut * scale(u);
          bound[(y - ty) * T + (x - tx)] = b;
          if (b > B) B = b;
        }
      // Candidates: superpixels whose spatial term can be ≤ B somewhere in the tile.
      const rmax = Math.sqrt(B * lmaxAll);
      let nc = 0;
      const bx0 = Math.max(0, Math.floor((tx - rmax) / cell));
      const bx1 = Math.min(gx - 1, Math.floor((x1 + rmax) / cell));
      const by0 = Math.max(0, Math.floor((ty - rmax) / cell));
      const by1 = Math.min(gy - 1, Math.floor((y1 + rmax) / cell));
      for (let by = by0; by <= by1; by++)
        for (let bx = bx0; bx <= bx1; bx++)
          for (let i = head[by * gx + bx]; i >= 0; i = next[i]) {
            const ex = Math.max(tx - cx[i], 0, cx[i] - x1);
            const ey = Math.max(ty - cy[i], 0, cy[i] - y1);
            // Lower bound of the exponent over the tile: spatial part from the distance to the
            // rectangle; for a gray guide, colour part from the gap to the tile's gray range.
            let lb = (ex * ex + ey * ey) / s.lmax[i];
            if (d === 1) {
              const gap = Math.max(0, gmin - mc[i], mc[i] - gmax);
              lb += gap * gap * pc[i];
            }
            if (lb <= B) cand[nc++] = i;
          }
      // Gather the candidates' parameters contiguously (the inner loop reads them in order).
      for (let t = 0; t < nc; t++) {
        const i = cand[t];
        tcx[t] = cx[i];
        tcy[t] = cy[i];
        tp0[t] = ps[i * 3];
        tp1[t] = 2 * ps[i * 3 + 1];
        tp2[t] = ps[i * 3 + 2];
        for (let c = 0; c < d; c++) tmc[t * d + c] = mc[i * d + c];
        for (let c = 0; c < d * d; c++) tpc[t * d * d + c] = pc[i * d * d + c];
        for (let c = 0; c < k; c++) tC[t * k + c] = C[i * k + c];
      }
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          const b = bound[(y - ty) * T + (x - tx)];
          let emin = Infinity;
          if (d === 1) {
            const g0 = guide[0][p];
            for (let t = 0; t < nc; t++) {
              const dx = x - tcx[t];
              const dy = y - tcy[t];
              const e = tp0[t] * dx * dx + tp1[t] * dx * dy + tp2[t] * dy * dy;
              const v = g0 - tmc[t];
              const et = e > b ? Infinity : e + v * v * tpc[t];
              expo[t] = et;
              if (et < emin) emin = et;
            }
            terms += nc;
          } else {
            const g0 = guide[0][p];
            const g1 = guide[1][p];
            const g2 = guide[2][p];
            for (let t = 0; t < nc; t++) {
              const dx = x - tcx[t];
              const dy = y - tcy[t];
              const e = tp0[t] * dx * dx + tp1[t] * dx * dy + tp2[t] * dy * dy;
              if (e > b) {
                expo[t] = Infinity;
                continue;
              }
              terms++;
              const o9 = t * 9;
              const v0 = g0 - tmc[t * 3];
              const v1 = g1 - tmc[t * 3 + 1];
              const v2 = g2 - tmc[t * 3 + 2];
              const et =
                e +
                v0 * (tpc[o9] * v0 + tpc[o9 + 1] * v1 + tpc[o9 + 2] * v2) +
                v1 * (tpc[o9 + 3] * v0 + tpc[o9 + 4] * v1 + tpc[o9 + 5] * v2) +
                v2 * (tpc[o9 + 6] * v0 + tpc[o9 + 7] * v1 + tpc[o9 + 8] * v2);
              expo[t] = et;
              if (et < emin) emin = et;
            }
          }
          // emin is finite: the tile's best superpixel passes its bound. Terms more than κ²
          // (in units of σ_g(p)) above it are the ones the truncation leaves out.
          const sgp = scale(emin);
          const lim = emin + cut * sgp;
          const inv = 1 / sgp;
          acc.fill(0);
          let wsum = 0;
          let w2sum = 0;
          for (let t = 0; t < nc; t++) {
            const e = expo[t];
            if (e > lim) continue; // also skips Infinity
            const wgt = Math.exp((emin - e) * inv);
            wsum += wgt;
            w2sum += wgt * wgt;
            for (let c = 0; c < k; c++) acc[c] += wgt * tC[t * k + c];
          }
          effSum += (wsum * wsum) / w2sum;
          for (let c = 0; c < k; c++) out[c][p] = acc[c] / wsum;
        }
    }
  if (report) {
    report.effectiveSuperpixels = effSum / (W * H);
    report.termsPerPixel = terms / (W * H);
  }
  return out;
}
