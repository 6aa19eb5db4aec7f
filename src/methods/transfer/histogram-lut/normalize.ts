/**
 * The range normalisation of report §2.1.4 that brings RGB computed from matched YUV back into
 * the displayable range, channel by channel: if min < 0 shift the channel up by −min; then if
 * max > 1 (the report's 256 on the 8-bit scale) divide by max. The report's listing tests G's
 * maximum before rescaling B, an evident typo; each channel here tests its own maximum.
 */
import type { ImageF32 } from '../../../image/image.js';

/**
 * @example
 * ```ts
 * import { normalizeReportRange } from 'colorize-toolkit/internals';
 * const img = { width: 2, height: 1, channels: [Float32Array.of(-0.5, 1), Float32Array.of(0, 2), Float32Array.of(0.2, 0.4)] };
 * normalizeReportRange(img);
 * console.log([...img.channels[0]], [...img.channels[1]]); // [ 0, 1 ] [ 0, 1 ]
 * ```
 */
export function normalizeReportRange(img: ImageF32): ImageF32 {
  for (const p of img.channels) {
    let min = Infinity;
    for (let i = 0; i < p.length; i++) if (p[i] < min) min = p[i];
    if (min < 0) for (let i = 0; i < p.length; i++) p[i] -= min;
    let max = -Infinity;
    for (let i = 0; i < p.length; i++) if (p[i] > max) max = p[i];
    if (max > 1) for (let i = 0; i < p.length; i++) p[i] /= max;
  }
  return img;
}
