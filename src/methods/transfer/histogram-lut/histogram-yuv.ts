/**
 * Histogram LUT transfer in YUV, re-colorization report §2.1.4. Matching U and V of a gray
 * target cannot work (they are constant 128), so the report composes `match_YUV(T, S) =
 * to_RGB(match(to_YUV(match_RGB(T, S)), to_YUV(S)))`: RGB matching first (figure 9), then a
 * LUT per Y, U, V channel (eq. 1 forward, eq. 4 back), then the range normalisation of the
 * report's listing. `rgbFirst: false` gives the direct YUV matching of figure 8.
 */

import { lumaChromaToRgb, rgbToLumaChroma, YUV_REPORT_OFFSET } from '../../../color/linear-spaces.js';
import { checkChoice } from '../../../errors.js';
import type { ImageF32 } from '../../../image/image.js';
import { clampImage01, requireColourReference, targetAsRgb } from '../common.js';
import { type HistogramLutOptions, matchChannels } from './histogram-lut.js';
import { normalizeReportRange } from './normalize.js';

export type RangeNormalization = 'report' | 'clamp';
export const RANGE_NORMALIZATIONS: readonly RangeNormalization[] = ['report', 'clamp'];

export interface HistogramYuvOptions extends HistogramLutOptions {
  /** Match RGB before matching YUV (report figure 9; default true). */
  rgbFirst?: boolean;
  /** Back into [0, 1]: the report's shift-and-scale per channel (default) or a plain clamp. */
  normalize?: RangeNormalization;
}

/** YUV of eq. (1) in the report's offset form on the [0, 1] scale, so every channel bins over [0, 1]. */
function toReportYuv(rgb: ImageF32): ImageF32 {
  const yuv = rgbToLumaChroma(rgb, 'yuv');
  for (const c of [1, 2]) {
    const p = yuv.channels[c];
    for (let i = 0; i < p.length; i++) p[i] += YUV_REPORT_OFFSET;
  }
  return yuv;
}

function fromReportYuv(yuv: ImageF32): ImageF32 {
  for (const c of [1, 2]) {
    const p = yuv.channels[c];
    for (let i = 0; i < p.length; i++) p[i] -= YUV_REPORT_OFFSET;
  }
  return lumaChromaToRgb(yuv, 'yuv');
}

/**
 * `match_YUV(T, S)` of report §2.1.4.
 *
 * @example
 * ```ts
 * import { histogramYuvTransfer, createImage } from 'colorize-toolkit/internals';
 * const gray = createImage(8, 8, 1); gray.channels[0].forEach((_, i, a) => { a[i] = i / 63; });
 * const ref = createImage(8, 8, 3); ref.channels[0].forEach((_, i, a) => { a[i] = (i % 8) / 7; });
 * ref.channels[2].fill(0.3);
 * const out = histogramYuvTransfer(gray, ref);
 * console.log(out.channels.length, out.width); // 3 8
 * ```
 */
export function histogramYuvTransfer(
  target: ImageF32,
  reference: ImageF32,
  options: HistogramYuvOptions = {},
): ImageF32 {
  requireColourReference(reference, 'histogram-yuv');
  const normalize = checkChoice('normalize', options.normalize ?? 'report', RANGE_NORMALIZATIONS);
  // Each full-size intermediate is dropped as soon as the next exists (a 24 MP RGB image is
  // 288 MB): the same steps, in the same order, as match_YUV(match_RGB(T, S), S).
  const ref = targetAsRgb(reference);
  let t: ImageF32 | null = targetAsRgb(target);
  if (options.rgbFirst ?? true) t = matchChannels(t, ref, options);
  let ty: ImageF32 | null = toReportYuv(t);
  t = null;
  let matched: ImageF32 | null = matchChannels(ty, toReportYuv(ref), options);
  ty = null;
  const rgb = fromReportYuv(matched);
  matched = null;
  return normalize === 'report' ? clampImage01(normalizeReportRange(rgb)) : clampImage01(rgb);
}
