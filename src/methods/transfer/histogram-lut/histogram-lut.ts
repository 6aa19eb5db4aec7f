/**
 * Pixel-wise histogram LUT transfer in RGB, re-colorization report §2.1.1–2.1.3: with α = ∞
 * (content kept: every channel goes through a monotone map f) and β = 1, the best f is the
 * CDF-matching look-up table of §2.1.2, built independently for R, G and B. A gray target is
 * treated as R = G = B; its three LUTs differ, which is what gives it colour (report figure 6).
 */
import { checkInteger } from '../../../errors.js';
import { type MatchMasks, matchHistogramExact, matchHistogramLut } from '../../../filters/histogram-match.js';
import type { ImageF32 } from '../../../image/image.js';
import { requireColourReference, targetAsRgb } from '../common.js';

export interface HistogramLutOptions {
  /** Levels per channel of the LUT; the report uses 256 (8-bit). */
  bins?: number;
  /** Full-resolution float CDF matching instead of the binned LUT (default false). */
  exact?: boolean;
}

export const HISTOGRAM_LUT_DEFAULTS: Required<HistogramLutOptions> = { bins: 256, exact: false };

/** Resolves and validates options, naming the bad one. */
export function resolveHistogramLutOptions(o: HistogramLutOptions = {}): Required<HistogramLutOptions> {
  return {
    bins: checkInteger('bins', o.bins ?? HISTOGRAM_LUT_DEFAULTS.bins, 2, 65536),
    exact: o.exact ?? HISTOGRAM_LUT_DEFAULTS.exact,
  };
}

/** Matches each channel of `target` to the same channel of `reference` (same channel count). */
export function matchChannels(
  target: ImageF32,
  reference: ImageF32,
  options: HistogramLutOptions = {},
  masks: MatchMasks = {},
): ImageF32 {
  const { bins, exact } = resolveHistogramLutOptions(options);
  const channels = target.channels.map((t, c) =>
    exact
      ? matchHistogramExact(t, reference.channels[c], masks)
      : matchHistogramLut(t, reference.channels[c], bins, masks),
  );
  return { width: target.width, height: target.height, channels };
}

/**
 * `match_RGB(T, S)` of the report: the target recoloured channel by channel with the reference's
 * R, G, B histograms.
 *
 * @example
 * ```ts
 * import { histogramLutTransfer, createImage } from 'colorize-toolkit/internals';
 * const gray = createImage(8, 8, 1); gray.channels[0].forEach((_, i, a) => { a[i] = i / 63; });
 * const ref = createImage(8, 8, 3); ref.channels[0].fill(0.9); ref.channels[2].fill(0.2);
 * const out = histogramLutTransfer(gray, ref);
 * console.log(out.channels.length, out.channels[0][10].toFixed(2)); // 3 0.90
 * ```
 */
export function histogramLutTransfer(
  target: ImageF32,
  reference: ImageF32,
  options: HistogramLutOptions = {},
): ImageF32 {
  requireColourReference(reference, 'histogram');
  return matchChannels(targetAsRgb(target), targetAsRgb(reference), options);
}
