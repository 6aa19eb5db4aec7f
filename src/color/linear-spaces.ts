/**
 * Linear luma/chroma spaces used by the papers.
 *
 * - YUV of the re-colorization report, eq. (1) and its inverse eq. (4): BT.601 full range,
 *   Y = 0.299 R + 0.587 G + 0.114 B; in the report's 8-bit form U and V carry an offset of 128.
 *   Here channels are on the [0, 1] scale with U, V centred on 0; `YUV_REPORT_OFFSET` gives the
 *   offset (128/255) that turns them into the report's form.
 * - YIQ (NTSC) as used by Levin, Lischinski & Weiss (MATLAB's rgb2ntsc).
 * - Analogue BT.601 YUV (ITU-R BT.601 / BT.470): U = 0.492 (B − Y), V = 0.877 (R − Y), so
 *   U ∈ [−0.436, 0.436] and V ∈ [−0.615, 0.615]: the YUV of Deep Colorization (Cheng et al.,
 *   §III-A). The report's `yuv` above is the JPEG/YCbCr scaling (U, V ∈ [−0.5, 0.5]).
 */
import type { ImageF32 } from '../image/image.js';
import { invert3 } from './srgb.js';

/** Report eq. (1), rows Y, U, V (applied to R, G, B; U and V then get +128 in 8-bit form). */
export const RGB_TO_YUV: readonly number[] = [
  0.299, 0.587, 0.114, -0.1687, -0.3313, 0.5, 0.5, -0.4187, -0.0813,
];
/** Report eq. (4): the inverse of {@link RGB_TO_YUV}. */
export const YUV_TO_RGB: readonly number[] = invert3(RGB_TO_YUV);
/** The 128 offset of U and V in the report's 8-bit form, on the [0, 1] scale. */
export const YUV_REPORT_OFFSET = 128 / 255;

/** rgb2ntsc of MATLAB, used by Levin et al.'s code: rows Y, I, Q. */
export const RGB_TO_YIQ: readonly number[] = [
  0.299, 0.587, 0.114, 0.596, -0.274, -0.322, 0.211, -0.523, 0.312,
];
/** ntsc2rgb: the inverse of {@link RGB_TO_YIQ}. */
export const YIQ_TO_RGB: readonly number[] = invert3(RGB_TO_YIQ);

/**
 * Analogue BT.601 YUV, rows Y, U, V: U = 0.492111 (B − Y), V = 0.877283 (R − Y), the factors
 * 0.436 / (1 − 0.114) and 0.615 / (1 − 0.299) that put U in ±0.436 and V in ±0.615.
 */
export const RGB_TO_YUV601: readonly number[] = (() => {
  const ku = 0.436 / (1 - 0.114);
  const kv = 0.615 / (1 - 0.299);
  const y = [0.299, 0.587, 0.114];
  return [...y, -ku * y[0], -ku * y[1], ku * (1 - y[2]), kv * (1 - y[0]), -kv * y[1], -kv * y[2]];
})();
/** The inverse of {@link RGB_TO_YUV601}. */
export const YUV601_TO_RGB: readonly number[] = invert3(RGB_TO_YUV601);

/** A luma + two chroma space that is a linear map of sRGB values. */
export type LinearSpace = 'yuv' | 'yiq' | 'yuv601';

export function forwardMatrix(space: LinearSpace): readonly number[] {
  return space === 'yuv' ? RGB_TO_YUV : space === 'yuv601' ? RGB_TO_YUV601 : RGB_TO_YIQ;
}
export function inverseMatrix(space: LinearSpace): readonly number[] {
  return space === 'yuv' ? YUV_TO_RGB : space === 'yuv601' ? YUV601_TO_RGB : YIQ_TO_RGB;
}

/** Applies a 3×3 matrix to every pixel of a 3-channel planar image. */
export function applyMatrix(img: ImageF32, m: readonly number[]): ImageF32 {
  const n = img.width * img.height;
  const [A, B, C] = img.channels;
  const X = new Float32Array(n);
  const Y = new Float32Array(n);
  const Z = new Float32Array(n);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = m;
  for (let i = 0; i < n; i++) {
    const a = A[i];
    const b = B[i];
    const c = C[i];
    X[i] = m0 * a + m1 * b + m2 * c;
    Y[i] = m3 * a + m4 * b + m5 * c;
    Z[i] = m6 * a + m7 * b + m8 * c;
  }
  return { width: img.width, height: img.height, channels: [X, Y, Z] };
}

/**
 * sRGB image → YUV (report eq. 1) or YIQ, on the [0, 1] scale with chroma centred on 0.
 *
 * @example
 * ```ts
 * import { fromPlanes, rgbToLumaChroma } from 'colorize-toolkit/internals';
 * const red = fromPlanes(1, 1, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]);
 * const [y, u, v] = rgbToLumaChroma(red, 'yuv').channels;
 * console.log(y[0].toFixed(3), u[0].toFixed(4), v[0].toFixed(1)); // 0.299 -0.1687 0.5
 * ```
 */
export function rgbToLumaChroma(img: ImageF32, space: LinearSpace): ImageF32 {
  return applyMatrix(img, forwardMatrix(space));
}

/** YUV/YIQ image → sRGB (not clamped). */
export function lumaChromaToRgb(img: ImageF32, space: LinearSpace): ImageF32 {
  return applyMatrix(img, inverseMatrix(space));
}

/** Rec. 601 luma plane of an RGB image, or the plane itself for a one-channel image. */
export function lumaOf(img: ImageF32): Float32Array {
  if (img.channels.length === 1) return img.channels[0];
  const [R, G, B] = img.channels;
  const out = new Float32Array(R.length);
  for (let i = 0; i < R.length; i++) out[i] = 0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i];
  return out;
}
