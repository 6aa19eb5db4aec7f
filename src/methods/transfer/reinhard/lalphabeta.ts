/**
 * The lαβ space of Ruderman et al. used by Reinhard, Ashikhmin, Gooch & Shirley (2001), "Color
 * transfer between images", eqs. (1)–(6): RGB → LMS (their combined RGB→XYZ→LMS matrix),
 * log10, then a decorrelating rotation. Reinhard et al. apply it to the stored RGB values (no
 * gamma linearisation) and so do we. log10(0) is avoided by flooring RGB at one 8-bit level.
 */

import { invert3 } from '../../../color/srgb.js';
import type { ImageF32 } from '../../../image/image.js';

/** Reinhard et al. eq. (2)+(3): RGB → LMS. */
const RGB_TO_LMS = [0.3811, 0.5783, 0.0402, 0.1967, 0.7244, 0.0782, 0.0241, 0.1288, 0.8444];
/**
 * LMS → RGB: the exact inverse of RGB_TO_LMS. Reinhard et al.'s eq. (8) prints it to 4 digits
 * (4.4679, −3.5873, 0.1193; …), which would make the round trip drift by ~1e-3.
 */
const LMS_TO_RGB = invert3(RGB_TO_LMS);
/** Floor on RGB before the logarithm: one level on the 8-bit scale. */
const RGB_FLOOR = 1 / 255;
const R3 = 1 / Math.sqrt(3);
const R6 = 1 / Math.sqrt(6);
const R2 = 1 / Math.sqrt(2);

/**
 * Planar sRGB image → lαβ (Reinhard et al. eq. 4 with log10 LMS).
 *
 * @example
 * ```ts
 * import { rgbToLalphabeta, lalphabetaToRgb, fromPlanes } from 'colorize-toolkit/internals';
 * const px = fromPlanes(1, 1, [Float32Array.of(0.8), Float32Array.of(0.4), Float32Array.of(0.2)]);
 * const back = lalphabetaToRgb(rgbToLalphabeta(px));
 * console.log(back.channels.map((c) => c[0].toFixed(2))); // [ '0.80', '0.40', '0.20' ]
 * ```
 */
export function rgbToLalphabeta(img: ImageF32): ImageF32 {
  const n = img.width * img.height;
  const [R, G, B] = img.channels;
  const l = new Float32Array(n);
  const al = new Float32Array(n);
  const be = new Float32Array(n);
  const m = RGB_TO_LMS;
  for (let i = 0; i < n; i++) {
    const r = Math.max(R[i], RGB_FLOOR);
    const g = Math.max(G[i], RGB_FLOOR);
    const b = Math.max(B[i], RGB_FLOOR);
    const L = Math.log10(m[0] * r + m[1] * g + m[2] * b);
    const M = Math.log10(m[3] * r + m[4] * g + m[5] * b);
    const S = Math.log10(m[6] * r + m[7] * g + m[8] * b);
    l[i] = R3 * (L + M + S);
    al[i] = R6 * (L + M - 2 * S);
    be[i] = R2 * (L - M);
  }
  return { width: img.width, height: img.height, channels: [l, al, be] };
}

/** lαβ → planar sRGB (Reinhard et al. eqs. 6–8; not clamped). */
export function lalphabetaToRgb(img: ImageF32): ImageF32 {
  const n = img.width * img.height;
  const [l, al, be] = img.channels;
  const R = new Float32Array(n);
  const G = new Float32Array(n);
  const B = new Float32Array(n);
  const m = LMS_TO_RGB;
  for (let i = 0; i < n; i++) {
    const a = l[i] / Math.sqrt(3);
    const b = al[i] / Math.sqrt(6);
    const c = be[i] / Math.sqrt(2);
    const L = 10 ** (a + b + c);
    const M = 10 ** (a + b - c);
    const S = 10 ** (a - 2 * b);
    R[i] = m[0] * L + m[1] * M + m[2] * S;
    G[i] = m[3] * L + m[4] * M + m[5] * S;
    B[i] = m[6] * L + m[7] * M + m[8] * S;
  }
  return { width: img.width, height: img.height, channels: [R, G, B] };
}
