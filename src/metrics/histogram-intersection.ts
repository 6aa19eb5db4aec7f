/**
 * Histogram intersection (HIS) of the ab histograms of two images, as used to score how well a
 * result takes the colours of its reference: 21×21 bins over a, b ∈ [−110, 110], each histogram
 * normalised to sum 1, HIS = Σ min(h1, h2) ∈ [0, 1]. Values outside the range fall in the edge bins.
 */

import { rgbImageToLab } from '../color/lab.js';
import type { ImageF32 } from '../image/image.js';

export const HIS_BINS = 21;
export const HIS_RANGE = 110;

/** Normalised 21×21 ab histogram of an sRGB image. */
export function abHistogram(img: ImageF32): Float64Array {
  const h = new Float64Array(HIS_BINS * HIS_BINS);
  if (img.channels.length === 1) {
    h[((HIS_BINS - 1) / 2) * HIS_BINS + (HIS_BINS - 1) / 2] = 1;
    return h;
  }
  const lab = rgbImageToLab(img);
  const [, A, B] = lab.channels;
  const step = (2 * HIS_RANGE) / HIS_BINS;
  for (let i = 0; i < A.length; i++) {
    let ia = Math.floor((A[i] + HIS_RANGE) / step);
    let ib = Math.floor((B[i] + HIS_RANGE) / step);
    ia = ia < 0 ? 0 : ia >= HIS_BINS ? HIS_BINS - 1 : ia;
    ib = ib < 0 ? 0 : ib >= HIS_BINS ? HIS_BINS - 1 : ib;
    h[ia * HIS_BINS + ib] += 1;
  }
  for (let k = 0; k < h.length; k++) h[k] /= A.length;
  return h;
}

/**
 * @example
 * ```ts
 * import { fromPlanes, histogramIntersection } from 'colorize-toolkit';
 * const red = fromPlanes(1, 1, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]);
 * console.log(histogramIntersection(red, red)); // 1
 * ```
 */
export function histogramIntersection(a: ImageF32, b: ImageF32): number {
  const ha = abHistogram(a);
  const hb = abHistogram(b);
  let s = 0;
  for (let k = 0; k < ha.length; k++) s += Math.min(ha[k], hb[k]);
  return s;
}
