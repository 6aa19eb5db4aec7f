/**
 * SSIM of Wang, Bovik, Sheikh & Simoncelli (IEEE TIP 2004) with the paper's 11×11 Gaussian
 * window (σ = 1.5), K1 = 0.01, K2 = 0.03, data range 255, computed as scikit-image's
 * `structural_similarity(gaussian_weights=True, sigma=1.5, data_range=255, channel_axis=-1)`:
 * Gaussian filtering with truncate 3.5 and 'reflect' borders, the mean taken over the image
 * cropped by 5 pixels, channels averaged. `sampleCovariance` (scikit-image's
 * `use_sample_covariance`, its default) scales the (co)variances by N/(N−1), N = 121; the
 * paper's definition, and our default, leaves them unscaled.
 */

import { convolveSeparable, gaussianKernel } from '../filters/gaussian.js';
import type { ImageF32 } from '../image/image.js';
import { assertSameShape } from './shape.js';

export interface SsimOptions {
  /** Scale (co)variances by N/(N−1) as scikit-image does by default (default false: Wang et al.). */
  sampleCovariance?: boolean;
}

/**
 * Mean SSIM over channels (images in [0, 1], evaluated on the 8-bit scale).
 *
 * @example
 * ```ts
 * import { createImage, ssim } from 'colorize-toolkit';
 * const a = createImage(16, 16, 1); a.channels[0].forEach((_, i, p) => {
    p[i] = (i % 7) / 7;
  });
 * console.log(ssim(a, a)); // 1
 * ```
 */
export function ssim(pred: ImageF32, truth: ImageF32, options: SsimOptions = {}): number {
  assertSameShape(pred, truth);
  const { width: w, height: h } = pred;
  const pad = 5;
  if (w <= 2 * pad || h <= 2 * pad)
    throw new RangeError(`SSIM needs images larger than 11×11, got ${w}×${h}`);
  const kernel = gaussianKernel(1.5, 3.5);
  const N = 121;
  const covNorm = options.sampleCovariance ? N / (N - 1) : 1;
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  const n = w * h;
  let total = 0;
  for (let c = 0; c < pred.channels.length; c++) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const xx = new Float64Array(n);
    const yy = new Float64Array(n);
    const xy = new Float64Array(n);
    const pc = pred.channels[c];
    const tc = truth.channels[c];
    for (let i = 0; i < n; i++) {
      // Round-trip through 8-bit values so float32 storage does not move the figure.
      const a = Math.round(pc[i] * 255 * 1e4) / 1e4;
      const b = Math.round(tc[i] * 255 * 1e4) / 1e4;
      x[i] = a;
      y[i] = b;
      xx[i] = a * a;
      yy[i] = b * b;
      xy[i] = a * b;
    }
    const ux = convolveSeparable(x, w, h, kernel);
    const uy = convolveSeparable(y, w, h, kernel);
    const uxx = convolveSeparable(xx, w, h, kernel);
    const uyy = convolveSeparable(yy, w, h, kernel);
    const uxy = convolveSeparable(xy, w, h, kernel);
    let s = 0;
    for (let r = pad; r < h - pad; r++) {
      for (let q = pad; q < w - pad; q++) {
        const i = r * w + q;
        const mx = ux[i];
        const my = uy[i];
        const vx = covNorm * (uxx[i] - mx * mx);
        const vy = covNorm * (uyy[i] - my * my);
        const vxy = covNorm * (uxy[i] - mx * my);
        s += ((2 * mx * my + C1) * (2 * vxy + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
      }
    }
    total += s / ((w - 2 * pad) * (h - 2 * pad));
  }
  return total / pred.channels.length;
}
