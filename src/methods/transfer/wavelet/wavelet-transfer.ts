/**
 * Wavelet-coefficient merging transfer, report §2.2: the target and the reference (resized to the
 * target's size, since coefficients are merged position by position) are decomposed, merged with
 * λ (see merge.ts) and reconstructed, in one of three ways (§2.2.3):
 * - `space: 'rgb'`: R, G, B merged, luminance included (figures 12–14);
 * - `space: 'yuv'` or `'lab'`: only the chrominances are merged and the target's luminance is
 *   kept ("merging in chrominances", figure 16), recombined by the finish stage.
 * Options: `preMatch` matches the RGB histograms first and uses merging as fine-tuning (figure 14),
 * `contrast` applies the localized contrast enhancement of figure 15 to the target first.
 */

import { rgbImageToLab } from '../../../color/lab.js';
import { rgbToLumaChroma } from '../../../color/linear-spaces.js';
import { checkChoice, checkNumber } from '../../../errors.js';
import { WAVELET_NAMES, type WaveletName } from '../../../filters/wavelet.js';
import { finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizeImage } from '../../../image/resize.js';
import { clampImage01, requireColourReference, targetAsRgb } from '../common.js';
import { matchChannels } from '../histogram-lut/histogram-lut.js';
import { enhanceLocalContrast } from './contrast.js';
import { mergeWaveletPlanes, resolveLambda } from './merge.js';

export type WaveletSpace = 'rgb' | 'yuv' | 'lab';
export const WAVELET_SPACES: readonly WaveletSpace[] = ['rgb', 'yuv', 'lab'];

export interface WaveletTransferOptions {
  /** λ₀ (low-pass), λ₁ (coarsest) … λ_k (finest); default [0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1]. */
  lambda?: number[];
  /** Decomposition levels k (default |λ| − 1, or 10). */
  levels?: number;
  /** Wavelet (default 'haar', whose square blocks are the report's figure 12). */
  wavelet?: WaveletName;
  /** Channels merged (default 'rgb'); 'yuv' / 'lab' merge chroma only and keep the target's luminance. */
  space?: WaveletSpace;
  /** Histogram-match RGB before merging (figure 14; default false). */
  preMatch?: boolean;
  /** Localized contrast gain applied to the target first (figure 15; default 1 = off). */
  contrast?: number;
  /** Gaussian σ in pixels of the local mean for `contrast` (default 8). */
  contrastSigma?: number;
}

/**
 * @example
 * ```ts
 * import { waveletTransfer, createImage } from 'colorize-toolkit/internals';
 * const t = createImage(32, 32, 1); t.channels[0].forEach((_, i, a) => { a[i] = (i % 32) / 31; });
 * const r = createImage(48, 40, 3); r.channels[0].fill(0.9); r.channels[1].fill(0.5); r.channels[2].fill(0.1);
 * const out = waveletTransfer(t, r, { lambda: [0, 0.5, 1, 1], space: 'lab' });
 * console.log(out.width, out.channels[0][100] > out.channels[2][100]); // 32 true
 * ```
 */
export function waveletTransfer(
  target: ImageF32,
  reference: ImageF32,
  options: WaveletTransferOptions = {},
): ImageF32 {
  const { lambda } = resolveLambda(options.lambda, options.levels);
  const wavelet = checkChoice('wavelet', options.wavelet ?? 'haar', WAVELET_NAMES);
  const space = checkChoice('space', options.space ?? 'rgb', WAVELET_SPACES);
  const gain = checkNumber('contrast', options.contrast ?? 1, 0, 10);
  const sigma = checkNumber('contrastSigma', options.contrastSigma ?? 8, 0.5, 1000);
  requireColourReference(reference, 'wavelet');
  const { width, height } = target;
  let ref = targetAsRgb(reference);
  if (ref.width !== width || ref.height !== height) ref = resizeImage(ref, width, height, 'bilinear');
  // A gray target as RGB: its one plane three times, not three copies (nothing below writes
  // into t; at 24 MP a copy is 96 MB a plane).
  let t =
    target.channels.length === 1
      ? { width, height, channels: [target.channels[0], target.channels[0], target.channels[0]] }
      : targetAsRgb(target);
  if (options.preMatch) t = matchChannels(t, ref);
  if (gain !== 1) t = enhanceLocalContrast(t, gain, sigma);
  const merge = (a: Float32Array, b: Float32Array) =>
    mergeWaveletPlanes(a, b, width, height, lambda, wavelet);
  if (space === 'rgb') {
    return clampImage01({ width, height, channels: t.channels.map((p, c) => merge(p, ref.channels[c])) });
  }
  const toSpace = (img: ImageF32) => (space === 'lab' ? rgbImageToLab(img) : rgbToLumaChroma(img, 'yuv'));
  const tc = toSpace(t);
  const rc = toSpace(ref);
  const chroma = {
    width,
    height,
    channels: [merge(tc.channels[1], rc.channels[1]), merge(tc.channels[2], rc.channels[2])],
  };
  // The target's own luminance (after the optional pre-match / contrast step) is kept exactly.
  return finish({ original: t, chroma, space });
}
