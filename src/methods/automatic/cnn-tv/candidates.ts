/**
 * Colour candidates at the working resolution (Mouzon et al. §4): the CNN's distributions are
 * up-sampled (bilinearly, the distributions and not the colours) and the K most probable bins of
 * each pixel are kept, their probabilities renormalised to initialise w.
 *
 * Exactness: the interpolated probability of a bin is computed exactly, but only for the bins in
 * the union of the four neighbours' top-M lists (M = 2K); a bin outside all four lists has less
 * mass at every neighbour than each neighbour's M-th bin, so it cannot beat the K-th best
 * unless the lists disagree a lot. The test compares against the full 313-bin interpolation.
 */
import type { AbBins } from '../../../color/ab-bins.js';
import { checkInteger } from '../../../errors.js';
import type { Candidates } from '../../../solve/coupled-tv.js';

/** Per-pixel probabilities over the 313 bins on the CNN grid. */
export interface ColorDistribution {
  width: number;
  height: number;
  /** Pixel-major: probability of bin q at pixel p is probs[p * 313 + q]. */
  probs: Float32Array;
  bins: AbBins;
}

/** Candidates per pixel (§4: 8–9 are usually enough, 10 is the paper's trade-off). */
export const DEFAULT_CANDIDATES = 10;

/** Indices of the `m` largest values of probs[off .. off+q), largest first. */
function topM(
  probs: Float32Array,
  off: number,
  q: number,
  m: number,
  out: Int32Array,
  outOff: number,
  val: Float64Array,
): void {
  val.fill(-1);
  for (let k = 0; k < q; k++) {
    const v = probs[off + k];
    if (v <= val[m - 1]) continue;
    let j = m - 1;
    while (j > 0 && val[j - 1] < v) {
      val[j] = val[j - 1];
      out[outOff + j] = out[outOff + j - 1];
      j--;
    }
    val[j] = v;
    out[outOff + j] = k;
  }
}

/**
 * The K most probable colours of every pixel of a width × height grid.
 *
 * @example
 * ```ts
 * import { abBins, candidatesFromDistribution } from 'colorize-toolkit/internals';
 * const bins = abBins(), probs = new Float32Array(4 * bins.count);
 * for (let p = 0; p < 4; p++) { probs[p * bins.count + 7] = 0.7; probs[p * bins.count + 9] = 0.3; }
 * const c = candidatesFromDistribution({ width: 2, height: 2, probs, bins }, 8, 8, 2);
 * console.log(c.a[0] === bins.a[7], c.weight[0].toFixed(2)); // true 0.70
 * ```
 */
export function candidatesFromDistribution(
  dist: ColorDistribution,
  width: number,
  height: number,
  count = DEFAULT_CANDIDATES,
): Candidates {
  const K = checkInteger('candidates', count, 1, 64);
  const bins: AbBins = dist.bins;
  const Q = bins.count;
  const M = Math.min(Q, 2 * K);
  const { width: w0, height: h0, probs } = dist;
  const top = new Int32Array(w0 * h0 * M);
  const scratch = new Float64Array(M);
  for (let p = 0; p < w0 * h0; p++) topM(probs, p * Q, Q, M, top, p * M, scratch);
  // Per grid cell (its four corner neighbours), the union of their top-M bins and the four
  // probabilities of each, stored contiguously: every output pixel in the cell reads only these.
  const cellBins: Int32Array[] = new Array(w0 * h0);
  const cellProbs: Float32Array[] = new Array(w0 * h0);
  const stamp = new Int32Array(Q).fill(-1);
  const union = new Int32Array(4 * M);
  for (let y0 = 0; y0 < h0; y0++)
    for (let x0 = 0; x0 < w0; x0++) {
      const cell = y0 * w0 + x0;
      const x1 = Math.min(x0 + 1, w0 - 1);
      const y1 = Math.min(y0 + 1, h0 - 1);
      const nb = [cell, y0 * w0 + x1, y1 * w0 + x0, y1 * w0 + x1];
      let u = 0;
      for (const p of nb)
        for (let m = 0; m < M; m++) {
          const q = top[p * M + m];
          if (stamp[q] === cell) continue;
          stamp[q] = cell;
          union[u++] = q;
        }
      const pr = new Float32Array(4 * u);
      for (let j = 0; j < u; j++) for (let k = 0; k < 4; k++) pr[4 * j + k] = probs[nb[k] * Q + union[j]];
      cellBins[cell] = union.slice(0, u);
      cellProbs[cell] = pr;
    }
  const n = width * height;
  const ca = new Float32Array(n * K);
  const cb = new Float32Array(n * K);
  const cw = new Float32Array(n * K);
  const bestV = new Float64Array(K);
  const bestK = new Int32Array(K);
  const sx = w0 / width;
  const sy = h0 / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h0 - 1);
    const y0 = Math.min(Math.floor(fy), h0 - 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w0 - 1);
      const x0 = Math.min(Math.floor(fx), w0 - 1);
      const tx = fx - x0;
      const w00 = (1 - tx) * (1 - ty);
      const w10 = tx * (1 - ty);
      const w01 = (1 - tx) * ty;
      const w11 = tx * ty;
      const cell = y0 * w0 + x0;
      const ub = cellBins[cell];
      const pr = cellProbs[cell];
      bestV.fill(-1);
      for (let j = 0; j < ub.length; j++) {
        const v = w00 * pr[4 * j] + w10 * pr[4 * j + 1] + w01 * pr[4 * j + 2] + w11 * pr[4 * j + 3];
        if (v <= bestV[K - 1]) continue;
        let s = K - 1;
        while (s > 0 && bestV[s - 1] < v) {
          bestV[s] = bestV[s - 1];
          bestK[s] = bestK[s - 1];
          s--;
        }
        bestV[s] = v;
        bestK[s] = ub[j];
      }
      const i = y * width + x;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.max(bestV[k], 0);
      for (let k = 0; k < K; k++) {
        const o = i * K + k;
        const q = bestK[k];
        ca[o] = bins.a[q];
        cb[o] = bins.b[q];
        cw[o] = sum > 0 ? Math.max(bestV[k], 0) / sum : 1 / K;
      }
    }
  }
  return { width, height, count: K, a: ca, b: cb, weight: cw };
}
