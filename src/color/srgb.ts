/**
 * sRGB transfer function (IEC 61966-2-1) and the linear-sRGB ↔ CIE XYZ (D65) matrices.
 * The matrix is derived from the sRGB primaries and the D65 white point; the reference white
 * used by CIELAB is its row sums, so RGB white maps to L* = 100, a* = b* = 0 exactly.
 */

/** Linear-sRGB → XYZ (D65), rows X, Y, Z. */
export const RGB_TO_XYZ: readonly number[] = [
  0.4123907992659595, 0.357584339383878, 0.1804807884018343, 0.21263900587151036, 0.715168678767756,
  0.07219231536073371, 0.01933081871559185, 0.11919477979462599, 0.9505321522496606,
];

/** XYZ (D65) → linear-sRGB, the exact inverse of {@link RGB_TO_XYZ}. */
export const XYZ_TO_RGB: readonly number[] = invert3(RGB_TO_XYZ);

/** D65 reference white (Xn, Yn, Zn) consistent with {@link RGB_TO_XYZ}. */
export const D65_WHITE: readonly [number, number, number] = [
  RGB_TO_XYZ[0] + RGB_TO_XYZ[1] + RGB_TO_XYZ[2],
  RGB_TO_XYZ[3] + RGB_TO_XYZ[4] + RGB_TO_XYZ[5],
  RGB_TO_XYZ[6] + RGB_TO_XYZ[7] + RGB_TO_XYZ[8],
];

/**
 * sRGB-encoded value in [0, 1] → linear light.
 *
 * @example
 * ```ts
 * import { srgbToLinear } from 'colorize-toolkit/internals';
 * console.log(srgbToLinear(0.5).toFixed(4)); // 0.2140
 * ```
 */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** Linear light → sRGB-encoded value. */
export function linearToSrgb(v: number): number {
  return v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
}

const LUT_SIZE = 4096;
let decodeLut: Float32Array | null = null;

/**
 * The decode table: srgbToLinear at i / 4096 for i = 0 … 4097, for callers that inline the
 * interpolation in hot loops.
 */
export function srgbDecodeTable(): Float32Array {
  if (decodeLut === null) {
    decodeLut = new Float32Array(LUT_SIZE + 2);
    for (let i = 0; i <= LUT_SIZE + 1; i++) decodeLut[i] = srgbToLinear(i / LUT_SIZE);
  }
  return decodeLut;
}

/** Fast sRGB decode by table with linear interpolation (max error < 2e-7 on [0,1]). */
export function srgbToLinearFast(v: number): number {
  if (v <= 0.04045) return v / 12.92;
  if (v >= 1) return srgbToLinear(v);
  if (decodeLut === null) {
    decodeLut = new Float32Array(LUT_SIZE + 2);
    for (let i = 0; i <= LUT_SIZE + 1; i++) decodeLut[i] = srgbToLinear(i / LUT_SIZE);
  }
  const x = v * LUT_SIZE;
  const i = x | 0;
  const f = x - i;
  return decodeLut[i] + (decodeLut[i + 1] - decodeLut[i]) * f;
}

const ENC_SIZE = 65536;
let encodeLut: Float32Array | null = null;

/**
 * Fast sRGB encode of linear light clamped to [0, 1]: linear segment exact, power segment by a
 * 65536-entry table with linear interpolation (max error < 1e-6).
 */
export function linearToSrgbFast(v: number): number {
  if (v <= 0.0031308) return v <= 0 ? 0 : v * 12.92;
  if (v >= 1) return 1;
  if (encodeLut === null) {
    encodeLut = new Float32Array(ENC_SIZE + 2);
    for (let i = 0; i <= ENC_SIZE + 1; i++) encodeLut[i] = linearToSrgb(Math.min(1, i / ENC_SIZE));
  }
  const x = v * ENC_SIZE;
  const i = x | 0;
  return encodeLut[i] + (encodeLut[i + 1] - encodeLut[i]) * (x - i);
}

/** Inverse of a row-major 3×3 matrix. */
export function invert3(m: readonly number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (det === 0) throw new RangeError('singular matrix');
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}
