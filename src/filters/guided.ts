/**
 * Guided filter of He, Sun & Tang (ECCV 2010 / TPAMI 2013) with a gray guide: a local linear
 * model q = a·I + b fitted in every (2r+1)² window, edge-preserving and O(1) per pixel through
 * box filters. With `subsample` > 1 it is the fast guided filter (He & Sun 2015): a and b are
 * fitted on a reduced grid and brought back with bilinear interpolation.
 */
import { checkInteger, checkNumber } from '../errors.js';
import { resizePlane } from '../image/resize.js';
import { boxFilter } from './box.js';

export interface GuidedFilterOptions {
  /** Window radius r in pixels of the full-resolution image (default 4). */
  radius?: number;
  /** Regularisation ε, in squared guide units (default 1e-3 for a guide in [0, 1]). */
  eps?: number;
  /** Fast guided filter reduction factor s ≥ 1 (default 1: exact). */
  subsample?: number;
}

/**
 * Filters each input plane guided by `guide`.
 *
 * @example
 * ```ts
 * import { guidedFilter } from 'colorize-toolkit';
 * const guide = new Float32Array(16).map((_, i) => (i % 4 < 2 ? 0 : 1)); // a vertical edge
 * const noisy = guide.map((v, i) => v + (i % 3 === 0 ? 0.05 : -0.05));
 * const [out] = guidedFilter(guide, [noisy], 4, 4, { radius: 1, eps: 1e-4 });
 * console.log(out[1] < 0.2 && out[2] > 0.8); // true: the edge is kept
 * ```
 */
export function guidedFilter(
  guide: Float32Array,
  inputs: Float32Array[],
  width: number,
  height: number,
  options: GuidedFilterOptions = {},
): Float32Array[] {
  const radius = checkNumber('radius', options.radius ?? 4, 0);
  const eps = checkNumber('eps', options.eps ?? 1e-3, 0);
  const s = checkInteger('subsample', options.subsample ?? 1, 1, 64);
  let I = guide;
  let ps = inputs;
  let w = width;
  let h = height;
  let r = radius;
  if (s > 1) {
    w = Math.max(1, Math.round(width / s));
    h = Math.max(1, Math.round(height / s));
    I = resizePlane(guide, width, height, w, h, 'area');
    ps = inputs.map((p) => resizePlane(p, width, height, w, h, 'area'));
    r = Math.max(1, Math.round(radius / s));
  }
  const n = w * h;
  const meanI = boxFilter(I, w, h, r);
  const II = new Float32Array(n);
  for (let i = 0; i < n; i++) II[i] = I[i] * I[i];
  const varI = boxFilter(II, w, h, r);
  for (let i = 0; i < n; i++) varI[i] -= meanI[i] * meanI[i];
  const prod = new Float32Array(n);
  return ps.map((p) => {
    const meanP = boxFilter(p, w, h, r);
    for (let i = 0; i < n; i++) prod[i] = I[i] * p[i];
    const a = boxFilter(prod, w, h, r);
    const b = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const ai = (a[i] - meanI[i] * meanP[i]) / (varI[i] + eps);
      a[i] = ai;
      b[i] = meanP[i] - ai * meanI[i];
    }
    let ma = boxFilter(a, w, h, r);
    let mb = boxFilter(b, w, h, r);
    if (s > 1) {
      ma = resizePlane(ma, w, h, width, height, 'bilinear');
      mb = resizePlane(mb, w, h, width, height, 'bilinear');
    }
    const q = new Float32Array(width * height);
    for (let i = 0; i < q.length; i++) q[i] = ma[i] * guide[i] + mb[i];
    return q;
  });
}

/**
 * Guided upsampling: fits the guided filter's local linear model q = a·I + b on the low-resolution
 * grid (guide reduced by area averaging), brings the averaged coefficients up bilinearly and
 * applies them to the full-resolution guide. Chroma then follows every luminance edge of the
 * full image without being smoothed more than the low-resolution data already is.
 *
 * @example
 * ```ts
 * import { guidedUpsample } from 'colorize-toolkit';
 * const guide = new Float32Array(64).map((_, i) => (i % 8 < 4 ? 0 : 1)); // 8×8, edge at x = 4
 * const low = new Float32Array(16).map((_, i) => (i % 4 < 2 ? -1 : 1)); // 4×4 chroma
 * const [up] = guidedUpsample(guide, 8, 8, [low], 4, 4, { radius: 1, eps: 1e-4 });
 * console.log(up[3] < -0.9, up[4] > 0.9); // true true: the edge stays sharp
 * ```
 */
export function guidedUpsample(
  guide: Float32Array,
  width: number,
  height: number,
  lowInputs: Float32Array[],
  lowWidth: number,
  lowHeight: number,
  options: { radius?: number; eps?: number } = {},
): Float32Array[] {
  const r = checkNumber('radius', options.radius ?? 1, 0);
  const eps = checkNumber('eps', options.eps ?? 1e-4, 0);
  const I = resizePlane(guide, width, height, lowWidth, lowHeight, 'area');
  const n = lowWidth * lowHeight;
  const meanI = boxFilter(I, lowWidth, lowHeight, r);
  const II = new Float32Array(n);
  for (let i = 0; i < n; i++) II[i] = I[i] * I[i];
  const varI = boxFilter(II, lowWidth, lowHeight, r);
  for (let i = 0; i < n; i++) varI[i] -= meanI[i] * meanI[i];
  const prod = new Float32Array(n);
  return lowInputs.map((p) => {
    const meanP = boxFilter(p, lowWidth, lowHeight, r);
    for (let i = 0; i < n; i++) prod[i] = I[i] * p[i];
    const a = boxFilter(prod, lowWidth, lowHeight, r);
    const b = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const ai = (a[i] - meanI[i] * meanP[i]) / (varI[i] + eps);
      a[i] = ai;
      b[i] = meanP[i] - ai * meanI[i];
    }
    const A = resizePlane(
      boxFilter(a, lowWidth, lowHeight, r),
      lowWidth,
      lowHeight,
      width,
      height,
      'bilinear',
    );
    const B = resizePlane(
      boxFilter(b, lowWidth, lowHeight, r),
      lowWidth,
      lowHeight,
      width,
      height,
      'bilinear',
    );
    for (let i = 0; i < A.length; i++) A[i] = A[i] * guide[i] + B[i];
    return A;
  });
}
