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
