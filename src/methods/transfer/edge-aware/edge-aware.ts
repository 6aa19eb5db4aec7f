/**
 * Edge-aware histogram transfer, report §2.3. The edge probability P_e of the luminance
 * (§2.3.1: a Laplacian-type kernel of eq. 5 after Gaussian denoising, see filters/edges.ts)
 * marks pixels that are content (edges) rather than style. The style metric of §2.3.2,
 *   d_s(X, S) = Σ_{C∈{R,G,B}} ‖h(C(X)⁻) − h(C(S)⁻)‖²,  A⁻ = { a_ij : P_e(a_ij) < t },
 * counts only non-edge pixels, and the content metric d_c = ‖P_e(Y(X)) − P_e(T)‖² is kept at zero
 * by a monotone per-channel map (as in §2.1.2). So the LUT of each channel is built from the
 * cumulative histograms of the target's and the reference's non-edge pixels and applied to every
 * target pixel. If fewer than `minPixels` pixels of an image fall below t, all its pixels count.
 */

import { lumaOf } from '../../../color/linear-spaces.js';
import { checkNumber } from '../../../errors.js';
import { type EdgeKernelName, edgeProbability } from '../../../filters/edges.js';
import type { ImageF32 } from '../../../image/image.js';
import { requireColourReference, targetAsRgb } from '../common.js';
import { type HistogramLutOptions, matchChannels } from '../histogram-lut/histogram-lut.js';

export interface EdgeAwareOptions extends HistogramLutOptions {
  /** Threshold t on P_e: pixels with P_e < t count in the histograms (default 0.01). */
  threshold?: number;
  /** Edge kernel of §2.3.1 (default 'laplacian4'). */
  kernel?: EdgeKernelName;
  /** Gaussian σ applied before the kernel (default 1). */
  edgeSigma?: number;
}

/** Fewest non-edge pixels an image may keep before the mask is dropped. */
const MIN_PIXELS = 16;

/** Non-edge mask A⁻ of an RGB image: 1 where P_e(Y) < t. */
export function nonEdgeMask(
  rgb: ImageF32,
  threshold: number,
  kernel?: EdgeKernelName,
  sigma?: number,
): Uint8Array {
  const p = edgeProbability(lumaOf(rgb), rgb.width, rgb.height, { kernel, sigma });
  const mask = new Uint8Array(p.length);
  let count = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < threshold) {
      mask[i] = 1;
      count++;
    }
  }
  if (count < Math.min(MIN_PIXELS, p.length)) mask.fill(1);
  return mask;
}

/**
 * @example
 * ```ts
 * import { edgeAwareTransfer, createImage } from 'colorize-toolkit';
 * const t = createImage(16, 16, 1); t.channels[0].forEach((_, i, a) => { a[i] = (i % 16) / 15; });
 * const r = createImage(16, 16, 3); r.channels[0].forEach((_, i, a) => { a[i] = (i % 16) / 15; });
 * r.channels[1].fill(0.2); r.channels[2].fill(0.6);
 * const out = edgeAwareTransfer(t, r, { threshold: 0.05 });
 * console.log(out.channels[2][5].toFixed(2)); // 0.60
 * ```
 */
export function edgeAwareTransfer(
  target: ImageF32,
  reference: ImageF32,
  options: EdgeAwareOptions = {},
): ImageF32 {
  const threshold = checkNumber('threshold', options.threshold ?? 0.01, 0, 1);
  const sigma = checkNumber('edgeSigma', options.edgeSigma ?? 1, 0, 20);
  requireColourReference(reference, 'edge-aware');
  const t = targetAsRgb(target);
  const r = targetAsRgb(reference);
  const targetMask = nonEdgeMask(t, threshold, options.kernel, sigma);
  const refMask = nonEdgeMask(r, threshold, options.kernel, sigma);
  return matchChannels(t, r, options, { targetMask, refMask });
}
