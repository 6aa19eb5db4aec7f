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
 * present in the pixel's 16 × 16 tile, and superpixels whose spatial
 * term exceeds U(p) + κ² σ_g(U(p)) are skipped without computing their colour term. They lie
 * outside the disc of radius √(B λmax(δs² Cov_i)) around their centroid (B the tile's largest
 * such bound), which is how candidates are found; a candidate is also dropped for the whole tile
 * when its colour term alone exceeds B over the tile's gray (or luma) range, and each pixel
 * visits only the candidates whose colour term alone can be within its bound (see
 * {@link colourFusion}). Weights are normalised after subtracting the smallest exponent
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
  /** Colour mean projected on {@link KEY_WEIGHTS} (the gray level itself for a gray guide). */
  key: Float64Array;
  /**
   * √(wᵀ δc² Cov(I) w) for the projection w: the colour term is ≥ (wᵀ(I − μ_i))² / reach_i²,
   * its smallest value over colours with that projection.
   */
  reach: Float64Array;
}

/** Projection of an RGB guide for the colour-term windows (Rec. 601 luma weights). */
export const KEY_WEIGHTS = [0.299, 0.587, 0.114] as const;

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
    key: new Float64Array(N),
    reach: new Float64Array(N),
  };
  const kw = d === 1 ? [1] : KEY_WEIGHTS;
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
    let key = 0;
    let wcw = 0;
    for (let c = 0; c < d; c++) {
      key += kw[c] * mean[c];
      for (let e = 0; e < d; e++) wcw += kw[c] * cov[c * d + e] * kw[e];
    }
    s.key[i] = key;
    s.reach[i] = Math.sqrt(wcw);
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

/** Centroids bucketed on a grid, so that a tile finds the superpixels near it quickly. */
interface CentroidGrid {
  cell: number;
  gx: number;
  gy: number;
  /** First superpixel of each cell (−1: none), then `next` along the cell's list. */
  head: Int32Array;
  next: Int32Array;
  /** Largest λmax over all superpixels. */
  lmaxAll: number;
}

function centroidGrid(s: FusionStats, W: number, H: number): CentroidGrid {
  const N = s.count;
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
  return { cell, gx, gy, head, next, lmaxAll };
}

/** The distinct labels of the tile [tx, x1] × [ty, y1], written to `out`; returns their number. */
function tileLabels(
  labels: Int32Array,
  W: number,
  tx: number,
  ty: number,
  x1: number,
  y1: number,
  out: Int32Array,
): number {
  let nl = 0;
  for (let y = ty; y <= y1; y++)
    for (let x = tx; x <= x1; x++) {
      const l = labels[y * W + x];
      let seen = false;
      for (let t = 0; t < nl; t++)
        if (out[t] === l) {
          seen = true;
          break;
        }
      if (!seen) out[nl++] = l;
    }
  return nl;
}

/** Exponent numerator (σ_g = 1) of superpixel i at (x, y) for a gray guide value g. */
function grayExponent(s: FusionStats, i: number, x: number, y: number, g: number): number {
  const { ps } = s;
  const dx = x - s.cx[i];
  const dy = y - s.cy[i];
  const v = g - s.mc[i];
  return ps[i * 3] * dx * dx + 2 * ps[i * 3 + 1] * dx * dy + ps[i * 3 + 2] * dy * dy + v * v * s.pc[i];
}

/** Exponent numerator (σ_g = 1) of superpixel i at (x, y) for an RGB guide value (g0, g1, g2). */
function rgbExponent(
  s: FusionStats,
  i: number,
  x: number,
  y: number,
  g0: number,
  g1: number,
  g2: number,
): number {
  const { ps, mc, pc } = s;
  const dx = x - s.cx[i];
  const dy = y - s.cy[i];
  const o9 = i * 9;
  const v0 = g0 - mc[i * 3];
  const v1 = g1 - mc[i * 3 + 1];
  const v2 = g2 - mc[i * 3 + 2];
  return (
    ps[i * 3] * dx * dx +
    2 * ps[i * 3 + 1] * dx * dy +
    ps[i * 3 + 2] * dy * dy +
    (v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) +
      v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) +
      v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2))
  );
}

/** σ_g(p) for a pixel whose smallest exponent numerator is e. */
function pixelScale(e: number, sg: number, perPixel: boolean): number {
  return perPixel ? sg * Math.max(1, e) : sg;
}

/** The projection wᵀI of the guide at pixel p (the gray level for a gray guide). */
function keyAt(p0: Float32Array, p1: Float32Array, p2: Float32Array, gray: boolean, p: number): number {
  return gray ? p0[p] : KEY_WEIGHTS[0] * p0[p] + KEY_WEIGHTS[1] * p1[p] + KEY_WEIGHTS[2] * p2[p];
}

/**
 * Per pixel of the tile, b(p) = U(p) + κ² σ_g(U(p)) with U(p) the smallest exponent over the
 * tile's own superpixels (≥ the pixel's smallest exponent, so no kept term exceeds b(p)), into
 * `bound`; `range` gets [max b, min key, max key] over the tile (key: {@link keyAt}).
 */
function tileBounds(
  s: FusionStats,
  guide: Float32Array[],
  W: number,
  tx: number,
  ty: number,
  x1: number,
  y1: number,
  T: number,
  tl: Int32Array,
  nl: number,
  cut: number,
  sg: number,
  perPixel: boolean,
  bound: Float64Array,
  range: Float64Array,
): void {
  const gray = guide.length === 1;
  const p0 = guide[0];
  const p1 = gray ? p0 : guide[1];
  const p2 = gray ? p0 : guide[2];
  let B = 0;
  let kmin = Infinity;
  let kmax = -Infinity;
  for (let y = ty; y <= y1; y++)
    for (let x = tx; x <= x1; x++) {
      const p = y * W + x;
      const g0 = p0[p];
      const kv = keyAt(p0, p1, p2, gray, p);
      if (kv < kmin) kmin = kv;
      if (kv > kmax) kmax = kv;
      let u = Infinity;
      for (let t = 0; t < nl; t++) {
        const i = tl[t];
        const e = gray ? grayExponent(s, i, x, y, g0) : rgbExponent(s, i, x, y, g0, p1[p], p2[p]);
        if (e < u) u = e;
      }
      const b = u + cut * pixelScale(u, sg, perPixel);
      bound[(y - ty) * T + (x - tx)] = b;
      if (b > B) B = b;
    }
  range[0] = B;
  range[1] = kmin;
  range[2] = kmax;
}

/**
 * Superpixels whose exponent can be ≤ B somewhere in the tile: the spatial part bounded from
 * below by the distance to the tile's rectangle over λmax, the colour part by the gap between the
 * superpixel's key and the tile's key range over its reach (a gray guide: the gap in gray level
 * times the precision). Written to `cand`; returns their number.
 */
function tileCandidates(
  s: FusionStats,
  grid: CentroidGrid,
  tx: number,
  ty: number,
  x1: number,
  y1: number,
  range: Float64Array,
  gray: boolean,
  cand: Int32Array,
): number {
  const { cx, cy, pc, lmax, key, reach } = s;
  const { cell, gx, gy, head, next } = grid;
  const B = range[0];
  const kmin = range[1];
  const kmax = range[2];
  const rmax = Math.sqrt(B * grid.lmaxAll);
  const bx0 = Math.max(0, Math.floor((tx - rmax) / cell));
  const bx1 = Math.min(gx - 1, Math.floor((x1 + rmax) / cell));
  const by0 = Math.max(0, Math.floor((ty - rmax) / cell));
  const by1 = Math.min(gy - 1, Math.floor((y1 + rmax) / cell));
  let nc = 0;
  for (let by = by0; by <= by1; by++)
    for (let bx = bx0; bx <= bx1; bx++)
      for (let i = head[by * gx + bx]; i >= 0; i = next[i]) {
        const ex = Math.max(tx - cx[i], 0, cx[i] - x1);
        const ey = Math.max(ty - cy[i], 0, cy[i] - y1);
        let lb = (ex * ex + ey * ey) / lmax[i];
        const gap = Math.max(0, kmin - key[i], key[i] - kmax);
        if (gray) lb += gap * gap * pc[i];
        else {
          // (1 − 10⁻⁹): the bound is exact in real numbers; leave room for rounding.
          const r = gap / reach[i];
          lb += r * r * (1 - 1e-9);
        }
        if (lb <= B) cand[nc++] = i;
      }
  return nc;
}

/** The tile's candidates' parameters, gathered contiguously in candidate order. */
interface Gathered {
  cx: Float64Array;
  cy: Float64Array;
  /** Spatial precision [a, 2b, c]. */
  p0: Float64Array;
  p1: Float64Array;
  p2: Float64Array;
  mc: Float64Array;
  pc: Float64Array;
  key: Float64Array;
  C: Float64Array;
}

function gathered(N: number, d: number, k: number): Gathered {
  return {
    cx: new Float64Array(N),
    cy: new Float64Array(N),
    p0: new Float64Array(N),
    p1: new Float64Array(N),
    p2: new Float64Array(N),
    mc: new Float64Array(N * d),
    pc: new Float64Array(N * d * d),
    key: new Float64Array(N),
    C: new Float64Array(N * k),
  };
}

function gather(s: FusionStats, C: Float32Array, k: number, cand: Int32Array, nc: number, g: Gathered): void {
  const d = s.dims;
  const dd = d * d;
  const { ps, mc, pc } = s;
  for (let t = 0; t < nc; t++) {
    const i = cand[t];
    g.cx[t] = s.cx[i];
    g.cy[t] = s.cy[i];
    g.p0[t] = ps[i * 3];
    g.p1[t] = 2 * ps[i * 3 + 1];
    g.p2[t] = ps[i * 3 + 2];
    g.key[t] = s.key[i];
    for (let c = 0; c < d; c++) g.mc[t * d + c] = mc[i * d + c];
    for (let c = 0; c < dd; c++) g.pc[t * dd + c] = pc[i * dd + c];
    for (let c = 0; c < k; c++) g.C[t * k + c] = C[i * k + c];
  }
}

/**
 * The global order of superpixels the tile's candidates are sorted in — by class of colour reach
 * (classes a factor 2 apart), then by key — so that at a pixel with key κ and bound b, a class's
 * superpixels whose colour term alone can be ≤ b, |κ − key_i| ≤ √b · reach_i, form one run found
 * by binary search.
 */
interface KeyOrder {
  /** Position of each superpixel in the order. */
  rank: Int32Array;
  /** Superpixel at each position. */
  order: Int32Array;
  /** Class of each superpixel. */
  cls: Int32Array;
}

function keyOrder(s: FusionStats): KeyOrder {
  const N = s.count;
  const { reach, key } = s;
  let rmin = Infinity;
  for (let i = 0; i < N; i++) if (reach[i] > 0 && reach[i] < rmin) rmin = reach[i];
  const cls = new Int32Array(N);
  for (let i = 0; i < N; i++)
    cls[i] = reach[i] > 0 ? Math.min(60, Math.max(0, Math.floor(Math.log2(reach[i] / rmin)))) : 0;
  const order = Int32Array.from({ length: N }, (_, i) => i).sort(
    (a, b) => cls[a] - cls[b] || key[a] - key[b],
  );
  const rank = new Int32Array(N);
  for (let t = 0; t < N; t++) rank[order[t]] = t;
  return { rank, order, cls };
}

/**
 * Sorts the tile's candidates into the key order and splits them into runs of one class each:
 * run r is [runStart[r], runStart[r + 1]) with largest reach runReach[r]. Returns the number of runs.
 */
function keyRuns(
  s: FusionStats,
  ko: KeyOrder,
  cand: Int32Array,
  nc: number,
  keys: Int32Array,
  runStart: Int32Array,
  runReach: Float64Array,
): number {
  for (let t = 0; t < nc; t++) keys[t] = ko.rank[cand[t]];
  keys.subarray(0, nc).sort();
  let nr = 0;
  let prev = -1;
  for (let t = 0; t < nc; t++) {
    const i = ko.order[keys[t]];
    cand[t] = i;
    const c = ko.cls[i];
    if (c !== prev) {
      runStart[nr] = t;
      runReach[nr] = 0;
      nr++;
      prev = c;
    }
    if (s.reach[i] > runReach[nr - 1]) runReach[nr - 1] = s.reach[i];
  }
  runStart[nr] = nc;
  return nr;
}

/** First t in [lo, hi) with a[t] ≥ v (hi if none). */
function lowerBound(a: Float64Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Exponent numerator of gathered candidate t at (x, y) for a gray guide value v0. */
function grayTerm(g: Gathered, t: number, x: number, y: number, v0: number): number {
  const v = v0 - g.mc[t];
  const dx = x - g.cx[t];
  const dy = y - g.cy[t];
  return g.p0[t] * dx * dx + g.p1[t] * dx * dy + g.p2[t] * dy * dy + v * v * g.pc[t];
}

/** Exponent numerator of gathered candidate t at (x, y) for an RGB guide value (g0, g1, g2). */
function rgbTerm(g: Gathered, t: number, x: number, y: number, g0: number, g1: number, g2: number): number {
  const { mc, pc } = g;
  const dx = x - g.cx[t];
  const dy = y - g.cy[t];
  const e = g.p0[t] * dx * dx + g.p1[t] * dx * dy + g.p2[t] * dy * dy;
  const o9 = t * 9;
  const v0 = g0 - mc[t * 3];
  const v1 = g1 - mc[t * 3 + 1];
  const v2 = g2 - mc[t * 3 + 2];
  return (
    e +
    v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) +
    v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) +
    v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2)
  );
}

/**
 * One pixel: the candidates whose exponent is ≤ b, into `kept` / `keptE`; returns their number
 * and adds the exponents computed to `count[0]`. First the two candidates nearest the pixel's key
 * κ in each run give a tighter bound b' = e + κ² σ_g(e) (still ≥ the truncation limit), then each
 * run is visited over its window |κ − key| ≤ √b' · reach (widened by 10⁻⁹ against rounding).
 * `rgb` false: gray guide (g0); true: RGB (g0, g1, g2).
 */
function pixelTerms(
  g: Gathered,
  rgb: boolean,
  x: number,
  y: number,
  kv: number,
  g0: number,
  g1: number,
  g2: number,
  b: number,
  nr: number,
  runStart: Int32Array,
  runReach: Float64Array,
  runPos: Int32Array,
  cut: number,
  sg: number,
  perPixel: boolean,
  kept: Int32Array,
  keptE: Float64Array,
  count: Float64Array,
): number {
  const { key } = g;
  let n = 0;
  let eBest = Infinity;
  for (let r = 0; r < nr; r++) {
    const start = runStart[r];
    const end = runStart[r + 1];
    const pos = lowerBound(key, start, end, kv);
    runPos[r] = pos;
    for (let t = pos - 1; t <= pos; t++) {
      if (t < start || t >= end) continue;
      n++;
      const et = rgb ? rgbTerm(g, t, x, y, g0, g1, g2) : grayTerm(g, t, x, y, g0);
      if (et < eBest) eBest = et;
    }
  }
  const bb = eBest + cut * pixelScale(eBest, sg, perPixel);
  if (bb < b) b = bb;
  const sb = Math.sqrt(b) * (1 + 1e-9);
  let m = 0;
  for (let r = 0; r < nr; r++) {
    const half = sb * runReach[r];
    const hiV = kv + half;
    const end = runStart[r + 1];
    const lo = lowerBound(key, runStart[r], runPos[r], kv - half);
    if (rgb) {
      // The spatial term first: the 3 × 3 colour term only where it can matter.
      for (let t = lo; t < end && key[t] <= hiV; t++) {
        const dx = x - g.cx[t];
        const dy = y - g.cy[t];
        if (g.p0[t] * dx * dx + g.p1[t] * dx * dy + g.p2[t] * dy * dy > b) continue;
        n++;
        const et = rgbTerm(g, t, x, y, g0, g1, g2);
        kept[m] = t;
        keptE[m] = et;
        m += et <= b ? 1 : 0;
      }
    } else
      for (let t = lo; t < end && key[t] <= hiV; t++) {
        n++;
        const et = grayTerm(g, t, x, y, g0);
        // Branch-free: the slot is overwritten unless the term is kept.
        kept[m] = t;
        keptE[m] = et;
        m += et <= b ? 1 : 0;
      }
  }
  count[0] += n;
  return m;
}

/**
 * Eq. 4 at pixel p from its terms with exponent ≤ b(p): weights exp((e_min − e) / σ_g(p)) for
 * the terms within κ² σ_g(p) of the smallest, the weighted mean of C_i into `out`. Returns the
 * pixel's effective number of superpixels (Σw)² / Σw².
 */
function fusePixel(
  kept: Int32Array,
  keptE: Float64Array,
  m: number,
  tC: Float64Array,
  k: number,
  cut: number,
  sg: number,
  perPixel: boolean,
  acc: Float64Array,
  out: Float32Array[],
  p: number,
): number {
  // m ≥ 1: the pixel's own superpixel is a candidate within the bound.
  let emin = Infinity;
  for (let t = 0; t < m; t++) if (keptE[t] < emin) emin = keptE[t];
  const sgp = pixelScale(emin, sg, perPixel);
  const lim = emin + cut * sgp;
  const inv = 1 / sgp;
  acc.fill(0);
  let wsum = 0;
  let w2sum = 0;
  for (let t = 0; t < m; t++) {
    const e = keptE[t];
    if (e > lim) continue;
    const wgt = Math.exp((emin - e) * inv);
    wsum += wgt;
    w2sum += wgt * wgt;
    const o = kept[t] * k;
    for (let c = 0; c < k; c++) acc[c] += wgt * tC[o + c];
  }
  for (let c = 0; c < k; c++) out[c][p] = acc[c] / wsum;
  return (wsum * wsum) / w2sum;
}

/**
 * Eq. 4 with the reordering and the relative truncation above: the fused colour of every pixel,
 * as `C.length / N` planes (C is N_T × k, row-major: the attention-weighted reference colours C_i).
 * Pass `report` to get the effective number of superpixels per pixel.
 *
 * Finding the terms (each step drops only terms whose exponent provably exceeds b(p) ≥ the
 * pixel's truncation limit, so the kept terms are those of the plain search; the fused colours
 * differ from it only by the order of the sums): per 16 × 16 tile, the candidates of
 * {@link tileCandidates}, sorted by colour-reach class and key (the gray level, or the luma
 * projection of an RGB guide: the colour term is ≥ (wᵀ(I − μ))² / wᵀΣw). At each pixel the two
 * candidates nearest its key in each class give a tighter b(p), and the pixel visits only the
 * candidates whose colour term alone can be ≤ b(p) (one binary search per class). The colour term
 * is what bounds the sum with δc = 0.1: on the exemplar photos at 256 px this cut the exponents
 * computed per pixel from 330–460 to 72–93 for colorization and from 540–633 to 121–345 for
 * transfer (test/superpixel/fusion-previous.test.ts checks the colours against the previous
 * search).
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
  const gray = d === 1;
  const perPixel = (o.normalise ?? 'fixed') === 'per-pixel';
  const sg = o.sigmaG;
  const cut = o.cutoff;
  const out = Array.from({ length: k }, () => new Float32Array(W * H));
  const grid = centroidGrid(s, W, H);
  const ko = keyOrder(s);
  const T = 16;
  const cand = new Int32Array(N);
  const keys = new Int32Array(N);
  const runStart = new Int32Array(N + 1);
  const runReach = new Float64Array(N);
  const runPos = new Int32Array(N);
  const kept = new Int32Array(N);
  const keptE = new Float64Array(N);
  const tl = new Int32Array(T * T);
  const bound = new Float64Array(T * T);
  const range = new Float64Array(3);
  const acc = new Float64Array(k);
  const count = new Float64Array(1);
  const g = gathered(N, d, k);
  const p0 = guide[0];
  const p1 = gray ? p0 : guide[1];
  const p2 = gray ? p0 : guide[2];
  let effSum = 0;
  for (let ty = 0; ty < H; ty += T)
    for (let tx = 0; tx < W; tx += T) {
      const x1 = Math.min(W, tx + T) - 1;
      const y1 = Math.min(H, ty + T) - 1;
      const nl = tileLabels(labels, W, tx, ty, x1, y1, tl);
      tileBounds(s, guide, W, tx, ty, x1, y1, T, tl, nl, cut, sg, perPixel, bound, range);
      const nc = tileCandidates(s, grid, tx, ty, x1, y1, range, gray, cand);
      const nr = keyRuns(s, ko, cand, nc, keys, runStart, runReach);
      gather(s, C, k, cand, nc, g);
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          const b = bound[(y - ty) * T + (x - tx)];
          const m = pixelTerms(
            g,
            !gray,
            x,
            y,
            keyAt(p0, p1, p2, gray, p),
            p0[p],
            p1[p],
            p2[p],
            b,
            nr,
            runStart,
            runReach,
            runPos,
            cut,
            sg,
            perPixel,
            kept,
            keptE,
            count,
          );
          effSum += fusePixel(kept, keptE, m, g.C, k, cut, sg, perPixel, acc, out, p);
        }
    }
  if (report) {
    report.effectiveSuperpixels = effSum / (W * H);
    report.termsPerPixel = count[0] / (W * H);
  }
  return out;
}
