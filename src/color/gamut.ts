/**
 * Gamut handling that keeps hue and lightness: an out-of-gamut colour is moved towards the
 * neutral axis along its own chroma ray (scaling a/b, or U/V, by the largest s ∈ [0, 1] that
 * keeps R, G and B in [0, 1]). Clipping R, G, B separately instead shifts the hue and makes the
 * flat colour blocks seen when predicted a/b overflow.
 */

import { inverseMatrix, type LinearSpace } from './linear-spaces.js';
import { D65_WHITE, linearToSrgb, XYZ_TO_RGB } from './srgb.js';

const EPS = 216 / 24389;
const KAPPA = 24389 / 27;
const [XN, YN, ZN] = D65_WHITE;
const LIN_TOL = 1e-7;

function fInv(t: number): number {
  const t3 = t * t * t;
  return t3 > EPS ? t3 : (116 * t - 16) / KAPPA;
}

/** True when Lab (L, a, b) maps to linear RGB within [0, 1] (tolerance 1e-7). */
export function labInGamut(L: number, a: number, b: number): boolean {
  const fy = (L + 16) / 116;
  const x = XN * fInv(fy + a / 500);
  const y = YN * fInv(fy);
  const z = ZN * fInv(fy - b / 200);
  const m = XYZ_TO_RGB;
  const r = m[0] * x + m[1] * y + m[2] * z;
  const g = m[3] * x + m[4] * y + m[5] * z;
  const bl = m[6] * x + m[7] * y + m[8] * z;
  return (
    r >= -LIN_TOL &&
    r <= 1 + LIN_TOL &&
    g >= -LIN_TOL &&
    g <= 1 + LIN_TOL &&
    bl >= -LIN_TOL &&
    bl <= 1 + LIN_TOL
  );
}

/**
 * Largest s ∈ [0, 1] such that (L, s·a, s·b) is inside the sRGB gamut (L is first clamped to [0, 100]).
 *
 * @example
 * ```ts
 * import { labChromaScale } from 'colorize-toolkit/internals';
 * console.log(labChromaScale(50, 0, 0)); // 1
 * console.log(labChromaScale(50, 200, 0) < 0.5); // true
 * ```
 */
export function labChromaScale(L: number, a: number, b: number, iterations = 20): number {
  if (labInGamut(L, a, b)) return 1;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < iterations; k++) {
    const mid = 0.5 * (lo + hi);
    if (labInGamut(L, mid * a, mid * b)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Clamps a, b planes in place so every pixel is displayable, keeping L and hue. L is clamped
 * to [0, 100]. Returns the number of pixels that were moved.
 */
export function clampLabGamut(L: Float32Array, a: Float32Array, b: Float32Array): number {
  let moved = 0;
  for (let i = 0; i < L.length; i++) {
    let l = L[i];
    if (l < 0) l = L[i] = 0;
    else if (l > 100) l = L[i] = 100;
    const s = labChromaScale(l, a[i], b[i]);
    if (s < 1) {
      a[i] *= s;
      b[i] *= s;
      moved++;
    }
  }
  return moved;
}

/**
 * Clamps chroma planes of a linear luma/chroma space (YUV, YIQ; [0, 1] scale, chroma centred on 0)
 * in place so that RGB stays in [0, 1]. Exact: RGB is affine in the chroma scale s, so the bound
 * comes in closed form. Luma is clamped to [0, 1]. Returns the number of pixels moved.
 */
export function clampLinearGamut(
  Y: Float32Array,
  c1: Float32Array,
  c2: Float32Array,
  space: LinearSpace,
): number {
  const m = inverseMatrix(space);
  let moved = 0;
  for (let i = 0; i < Y.length; i++) {
    let y = Y[i];
    if (y < 0) y = Y[i] = 0;
    else if (y > 1) y = Y[i] = 1;
    const u = c1[i];
    const v = c2[i];
    // Luma row of the inverse is (1, *, *) for both spaces, so RGB_k = y + d_k.
    let s = 1;
    for (let k = 0; k < 3; k++) {
      const d = m[3 * k + 1] * u + m[3 * k + 2] * v;
      if (y + d > 1) s = Math.min(s, (1 - y) / d);
      else if (y + d < 0) s = Math.min(s, -y / d);
    }
    if (s < 1) {
      c1[i] = u * s;
      c2[i] = v * s;
      moved++;
    }
  }
  return moved;
}

/** Clamps a single sRGB-encoded value to [0, 1]. */
export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Encodes linear RGB to sRGB with clamping, for callers that already work in linear light. */
export function encodeClamped(v: number): number {
  return linearToSrgb(clamp01(v));
}

/**
 * Makes the Rec. 601 luma of every pixel of an sRGB image equal `luma`, in place: adds the gray
 * offset (which leaves the YUV chroma unchanged) and, where that leaves the cube, scales the
 * chroma towards the neutral axis just enough (closed form). Luma values are clamped to [0, 1].
 *
 * @example
 * ```ts
 * import { fromPlanes, matchLuma } from 'colorize-toolkit/internals';
 * const px = fromPlanes(1, 1, [Float32Array.of(0.8), Float32Array.of(0.4), Float32Array.of(0.2)]);
 * matchLuma(px, Float32Array.of(0.5));
 * const [r, g, b] = px.channels.map((c) => c[0]);
 * console.log((0.299 * r + 0.587 * g + 0.114 * b).toFixed(6)); // 0.500000
 * ```
 */
export function matchLuma(rgb: { channels: Float32Array[] }, luma: Float32Array): void {
  const [R, G, B] = rgb.channels;
  for (let i = 0; i < R.length; i++) {
    const t = luma[i] < 0 ? 0 : luma[i] > 1 ? 1 : luma[i];
    const y = 0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i];
    const cr = R[i] - y;
    const cg = G[i] - y;
    const cb = B[i] - y;
    const s = Math.min(chromaBound(t, cr), chromaBound(t, cg), chromaBound(t, cb));
    R[i] = t + s * cr;
    G[i] = t + s * cg;
    B[i] = t + s * cb;
  }
}

/** Largest s ≤ 1 with t + s·c inside [0, 1] (t itself in [0, 1]). */
function chromaBound(t: number, c: number): number {
  if (t + c > 1) return (1 - t) / c;
  if (t + c < 0) return -t / c;
  return 1;
}
