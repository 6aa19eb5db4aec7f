/**
 * Edge-aware histogram transfer, report §2.3. The edge probability P_e of the luminance
 * (§2.3.1: a Laplacian-type kernel of eq. 5 after Gaussian denoising, see filters/edges.ts)
 * marks pixels that are content (edges) rather than style. The style metric of §2.3.2,
 *   d_s(X, S) = Σ_{C∈{R,G,B}} ‖h(C(X)⁻) − h(C(S)⁻)‖²,  A⁻ = { a_ij : P_e(a_ij) < t },
 * counts only non-edge pixels. So the LUT of each channel is built from the cumulative histograms
 * of the target's and the reference's non-edge pixels and applied to every target pixel. If fewer
 * than `minPixels` pixels of an image fall below t, all its pixels count.
 *
 * The content metric of §2.3.2, d_c = ‖P_e(Y(X)) − P_e(T)‖², is not optimised by the LUT (the
 * report leaves it there: "to find the best X is particularly difficult"), and it is not zero.
 * A monotone per-channel LUT keeps the content metric of §2.1.1 (the order of each channel's
 * values) at zero, but P_e is linear in the luminance before the absolute value, so any change
 * of contrast scales it: Y → aY + b gives d_c = (a − 1)²‖P_e(T)‖². Measured with
 * {@link edgeContentDistance} on the example pair (examples/scene_gray.png to
 * examples/sunset.png, defaults): d_c = 0.41 ‖P_e(T)‖² (0.30 with the colour examples/scene.png
 * as target). `contentWeight` > 0 lowers it afterwards by gradient descent (content.ts).
 */

import { lumaOf } from '../../../color/linear-spaces.js';
import { ColorizeError, checkNumber } from '../../../errors.js';
import { type EdgeKernelName, edgeProbability } from '../../../filters/edges.js';
import type { ImageF32 } from '../../../image/image.js';
import { requireColourReference, targetAsRgb } from '../common.js';
import { type HistogramLutOptions, matchChannels } from '../histogram-lut/histogram-lut.js';
import { optimiseContent } from './content.js';

export interface EdgeAwareOptions extends HistogramLutOptions {
  /** Threshold t on P_e: pixels with P_e < t count in the histograms (default 0.01). */
  threshold?: number;
  /** Edge kernel of §2.3.1 (default 'laplacian4'). */
  kernel?: EdgeKernelName;
  /** Gaussian σ applied before the kernel (default 1). */
  edgeSigma?: number;
  /**
   * α of the optional content optimisation after the LUT (content.ts: minimise
   * α·d_c/‖P_e(T)‖² + mean (X − X_LUT)² in [0, 1]); default 0, off (the report's method).
   */
  contentWeight?: number;
  /** Projected gradient steps of the content optimisation (default 50). */
  contentIterations?: number;
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
 * import { edgeAwareTransfer, createImage } from 'colorize-toolkit/internals';
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
  const weight = checkNumber('contentWeight', options.contentWeight ?? 0, 0);
  const iterations = checkNumber('contentIterations', options.contentIterations ?? 50, 1, 10_000);
  const lut = matchChannels(t, r, options, { targetMask, refMask });
  if (weight === 0) return lut;
  return optimiseContent(lut, t, { weight, iterations, kernel: options.kernel, edgeSigma: sigma }).rgb;
}

/** The content term of §2.3.2 for a result X of target T: d_c and the scale ‖P_e(T)‖². */
export interface EdgeContentDistance {
  /** d_c(X, T) = ‖P_e(Y(X)) − P_e(T)‖²_F. */
  dc: number;
  /** ‖P_e(T)‖²_F, what d_c would be if X had no edges at all. */
  targetNorm: number;
  /** dc / targetNorm. */
  ratio: number;
}

/**
 * Content metric of report §2.3.2, d_c(X, T) = ‖P_e(Y(X)) − P_e(T)‖²_F, with P_e of the Rec. 601
 * luminance (filters/edges.ts, same kernel and σ as the transfer).
 *
 * @example
 * ```ts
 * import { createImage, edgeContentDistance } from 'colorize-toolkit/internals';
 * const t = createImage(16, 16, 1); t.channels[0].forEach((_, i, a) => { a[i] = ((i % 16) / 15) ** 2; });
 * const x = createImage(16, 16, 1); x.channels[0].forEach((_, i, a) => { a[i] = 0.2 + 0.6 * t.channels[0][i]; });
 * console.log(edgeContentDistance(x, t).ratio.toFixed(2)); // 0.16: contrast 0.6 gives (1 − 0.6)²
 * ```
 */
export function edgeContentDistance(
  result: ImageF32,
  target: ImageF32,
  options: Pick<EdgeAwareOptions, 'kernel' | 'edgeSigma'> = {},
): EdgeContentDistance {
  const { width, height } = target;
  if (result.width !== width || result.height !== height) {
    throw new ColorizeError(
      `result is ${result.width}×${result.height} but the target is ${width}×${height}; they must be the same size`,
      'input',
    );
  }
  const sigma = checkNumber('edgeSigma', options.edgeSigma ?? 1, 0, 20);
  const pt = edgeProbability(lumaOf(targetAsRgb(target)), width, height, { kernel: options.kernel, sigma });
  const px = edgeProbability(lumaOf(targetAsRgb(result)), width, height, { kernel: options.kernel, sigma });
  let dc = 0;
  let targetNorm = 0;
  for (let i = 0; i < pt.length; i++) {
    dc += (px[i] - pt[i]) ** 2;
    targetNorm += pt[i] ** 2;
  }
  return { dc, targetNorm, ratio: targetNorm > 0 ? dc / targetNorm : dc > 0 ? Infinity : 0 };
}
