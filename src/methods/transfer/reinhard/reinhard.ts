/**
 * Reinhard, Ashikhmin, Gooch & Shirley (2001), "Color transfer between images", eqs. (10)–(11):
 * in a decorrelated space, each channel of the target is shifted and scaled so that its mean and
 * standard deviation become the reference's: x' = (σ_ref / σ_tgt)(x − μ_tgt) + μ_ref. CIELAB is
 * the default space; the paper's own lαβ is an option.
 *
 * A gray target has σ = 0 in both chroma channels, so the transfer is undefined there. By
 * default it is refused (use Welsh et al.); with `grayTarget: 'mean-chroma'` the limit case is
 * taken as the baseline: the target keeps its own lightness (its luminance is the truth's) and
 * every pixel gets the reference's mean chroma (μ_ref + 0 · (x − μ_tgt)), a constant colour cast,
 * recombined by the finish stage.
 */

import { clampLabGamut } from '../../../color/gamut.js';
import { labImageToRgb, rgbImageToLab } from '../../../color/lab.js';
import { ColorizeError, checkChoice } from '../../../errors.js';
import { finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { clampImage01, isGrayImage, planeStats, requireColourReference, targetAsRgb } from '../common.js';
import { lalphabetaToRgb, rgbToLalphabeta } from './lalphabeta.js';

export type ReinhardSpace = 'lab' | 'lalphabeta';
export const REINHARD_SPACES: readonly ReinhardSpace[] = ['lab', 'lalphabeta'];
export type GrayTargetPolicy = 'reject' | 'mean-chroma';
export const GRAY_TARGET_POLICIES: readonly GrayTargetPolicy[] = ['reject', 'mean-chroma'];

export interface ReinhardOptions {
  /** Space the statistics are matched in (default 'lab'; 'lalphabeta' is the paper's). */
  space?: ReinhardSpace;
  /** What to do with a gray target (default 'reject'). */
  grayTarget?: GrayTargetPolicy;
}

/**
 * Per-channel mean/std transfer, Reinhard et al. eq. (11). A channel with σ_tgt = 0 maps to μ_ref.
 *
 * @example
 * ```ts
 * import { transferStatistics, fromPlanes } from 'colorize-toolkit/internals';
 * const t = fromPlanes(4, 1, [Float32Array.of(0, 1, 2, 3)]);
 * const r = fromPlanes(4, 1, [Float32Array.of(10, 10, 30, 30)]);
 * console.log([...transferStatistics(t, r).channels[0]].map((v) => v.toFixed(2)));
 * // [ '6.58', '15.53', '24.47', '33.42' ]
 * ```
 */
export function transferStatistics(target: ImageF32, reference: ImageF32): ImageF32 {
  const channels = target.channels.map((t, c) => {
    const st = planeStats(t);
    const sr = planeStats(reference.channels[c]);
    const k = st.std > 0 ? sr.std / st.std : 0;
    const out = new Float32Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = k * (t[i] - st.mean) + sr.mean;
    return out;
  });
  return { width: target.width, height: target.height, channels };
}

/**
 * Reinhard et al. colour transfer of `reference`'s colour statistics onto `target`.
 *
 * @example
 * ```ts
 * import { reinhardTransfer, createImage } from 'colorize-toolkit/internals';
 * const t = createImage(16, 16, 3); t.channels[0].forEach((_, i, a) => { a[i] = (i % 16) / 15; });
 * t.channels[1].fill(0.5); t.channels[2].forEach((_, i, a) => { a[i] = Math.floor(i / 16) / 15; });
 * const r = createImage(16, 16, 3); r.channels[0].fill(0.8); r.channels[1].forEach((_, i, a) => { a[i] = (i % 7) / 6; });
 * r.channels[2].fill(0.3);
 * console.log(reinhardTransfer(t, r).channels.length); // 3
 * ```
 */
export function reinhardTransfer(
  target: ImageF32,
  reference: ImageF32,
  options: ReinhardOptions = {},
): ImageF32 {
  const space = checkChoice('space', options.space ?? 'lab', REINHARD_SPACES);
  const policy = checkChoice('grayTarget', options.grayTarget ?? 'reject', GRAY_TARGET_POLICIES);
  requireColourReference(reference, 'reinhard');
  const ref = targetAsRgb(reference);
  if (isGrayImage(target)) {
    if (policy === 'reject') {
      throw new ColorizeError(
        'reinhard needs a colour target: a gray image has no chroma statistics to rescale. ' +
          'For a gray target use --method welsh (or histogram, wavelet --space lab); ' +
          'reinhard --gray-target mean-chroma gives the constant-cast baseline',
        'input',
      );
    }
    return meanChromaCast(target, ref);
  }
  const t = targetAsRgb(target);
  if (space === 'lalphabeta')
    return clampImage01(lalphabetaToRgb(transferStatistics(rgbToLalphabeta(t), rgbToLalphabeta(ref))));
  const lab = transferStatistics(rgbImageToLab(t), rgbImageToLab(ref));
  clampLabGamut(lab.channels[0], lab.channels[1], lab.channels[2]);
  return clampImage01(labImageToRgb(lab));
}

/** The gray-target limit of eq. (11): target lightness, reference mean a*, b* everywhere. */
function meanChromaCast(target: ImageF32, ref: ImageF32): ImageF32 {
  const lab = rgbImageToLab(ref);
  const n = target.width * target.height;
  const a = new Float32Array(n).fill(planeStats(lab.channels[1]).mean);
  const b = new Float32Array(n).fill(planeStats(lab.channels[2]).mean);
  return finish({
    original: target,
    chroma: { width: target.width, height: target.height, channels: [a, b] },
    space: 'lab',
  });
}
