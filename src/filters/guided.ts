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
 * import { guidedFilter } from 'colorize-toolkit/internals';
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
  if (s === 1)
    return applyModels(fitLinearModels(guide, inputs, width, height, radius, eps), guide, width, height);
  // Fast guided filter: fit on a grid reduced s times, apply at full resolution.
  const w = Math.max(1, Math.round(width / s));
  const h = Math.max(1, Math.round(height / s));
  const I = resizePlane(guide, width, height, w, h, 'area');
  const ps = inputs.map((p) => resizePlane(p, width, height, w, h, 'area'));
  return applyModels(
    fitLinearModels(I, ps, w, h, Math.max(1, Math.round(radius / s)), eps),
    guide,
    width,
    height,
  );
}

interface LinearModel {
  /** Window-averaged a and b of q = a·I + b on the grid they were fitted on. */
  a: Float32Array;
  b: Float32Array;
  width: number;
  height: number;
}

/** He et al. eq. (5)–(6) and the averaging of eq. (8): per-pixel mean a, b for every input. */
function fitLinearModels(
  I: Float32Array,
  inputs: Float32Array[],
  w: number,
  h: number,
  r: number,
  eps: number,
): LinearModel[] {
  const n = w * h;
  const meanI = boxFilter(I, w, h, r);
  const II = new Float32Array(n);
  for (let i = 0; i < n; i++) II[i] = I[i] * I[i];
  const varI = boxFilter(II, w, h, r);
  for (let i = 0; i < n; i++) varI[i] -= meanI[i] * meanI[i];
  const prod = new Float32Array(n);
  return inputs.map((p) => {
    const meanP = boxFilter(p, w, h, r);
    for (let i = 0; i < n; i++) prod[i] = I[i] * p[i];
    const a = boxFilter(prod, w, h, r);
    const b = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const ai = (a[i] - meanI[i] * meanP[i]) / (varI[i] + eps);
      a[i] = ai;
      b[i] = meanP[i] - ai * meanI[i];
    }
    return { a: boxFilter(a, w, h, r), b: boxFilter(b, w, h, r), width: w, height: h };
  });
}

/** q = ā·I + b̄ on the full-resolution guide, bringing ā, b̄ up bilinearly when fitted on a smaller grid. */
function applyModels(
  models: LinearModel[],
  guide: Float32Array,
  width: number,
  height: number,
): Float32Array[] {
  return models.map(({ a, b, width: w, height: h }) => {
    const A = resizePlane(a, w, h, width, height, 'bilinear');
    const B = w === width && h === height ? b : resizePlane(b, w, h, width, height, 'bilinear');
    for (let i = 0; i < A.length; i++) A[i] = A[i] * guide[i] + B[i];
    return A;
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
 * import { guidedUpsample } from 'colorize-toolkit/internals';
 * const guide = new Float32Array(64).map((_, i) => (i % 8 < 4 ? 0 : 1)); // 8×8, edge at x = 4
 * const low = new Float32Array(16).map((_, i) => (i % 4 < 2 ? -1 : 1)); // 4×4 chroma
 * const [up] = guidedUpsample(guide, 8, 8, [low], 4, 4, { radius: 1, eps: 1e-4 });
 * console.log(up[3].toFixed(2), up[4].toFixed(2)); // -0.83 0.83: the edge stays one pixel sharp
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
  return applyModels(fitLinearModels(I, lowInputs, lowWidth, lowHeight, r, eps), guide, width, height);
}
