/**
 * SSIM of Wang, Bovik, Sheikh & Simoncelli (IEEE TIP 2004) with the paper's 11×11 Gaussian
 * window (σ = 1.5), K1 = 0.01, K2 = 0.03, data range 255, computed as scikit-image's
 * `structural_similarity(gaussian_weights=True, sigma=1.5, data_range=255, channel_axis=-1)`:
 * Gaussian filtering with truncate 3.5 (its 'reflect' borders never matter: the mean is taken
 * over the image cropped by 5 pixels, the kernel radius), channels averaged. `sampleCovariance` (scikit-image's
 * `use_sample_covariance`, its default) scales the (co)variances by N/(N−1), N = 121; the
 * paper's definition, and our default, leaves them unscaled.
 */

import { gaussianKernel } from '../filters/gaussian.js';
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
  const K = kernel.length;
  // Only the image cropped by `pad` = the kernel radius is averaged, so every tap of every kept
  // output lies inside the image: no border rule is needed, and the five filtered planes are
  // computed in one fused pass.
  const n = w * h;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const hx = new Float64Array(n);
  const hy = new Float64Array(n);
  const hxx = new Float64Array(n);
  const hyy = new Float64Array(n);
  const hxy = new Float64Array(n);
  const vx = new Float64Array(w);
  const vy = new Float64Array(w);
  const vxx = new Float64Array(w);
  const vyy = new Float64Array(w);
  const vxy = new Float64Array(w);
  let total = 0;
  for (let c = 0; c < pred.channels.length; c++) {
    const pc = pred.channels[c];
    const tc = truth.channels[c];
    for (let i = 0; i < n; i++) {
      // Round-trip through 8-bit values so float32 storage does not move the figure.
      x[i] = Math.round(pc[i] * 255 * 1e4) / 1e4;
      y[i] = Math.round(tc[i] * 255 * 1e4) / 1e4;
    }
    for (let r = 0; r < h; r++) {
      const row = r * w;
      for (let q = pad; q < w - pad; q++) {
        let sx = 0;
        let sy = 0;
        let sxx = 0;
        let syy = 0;
        let sxy = 0;
        for (let k = 0, j = row + q - pad; k < K; k++, j++) {
          const wk = kernel[k];
          const a = x[j];
          const b = y[j];
          sx += wk * a;
          sy += wk * b;
          sxx += wk * a * a;
          syy += wk * b * b;
          sxy += wk * a * b;
        }
        const i = row + q;
        hx[i] = sx;
        hy[i] = sy;
        hxx[i] = sxx;
        hyy[i] = syy;
        hxy[i] = sxy;
      }
    }
    let s = 0;
    for (let r = pad; r < h - pad; r++) {
      vx.fill(0);
      vy.fill(0);
      vxx.fill(0);
      vyy.fill(0);
      vxy.fill(0);
      for (let k = 0; k < K; k++) {
        const wk = kernel[k];
        const src = (r + k - pad) * w;
        for (let q = pad; q < w - pad; q++) {
          const i = src + q;
          vx[q] += wk * hx[i];
          vy[q] += wk * hy[i];
          vxx[q] += wk * hxx[i];
          vyy[q] += wk * hyy[i];
          vxy[q] += wk * hxy[i];
        }
      }
      for (let q = pad; q < w - pad; q++) {
        const mx = vx[q];
        const my = vy[q];
        const sx2 = covNorm * (vxx[q] - mx * mx);
        const sy2 = covNorm * (vyy[q] - my * my);
        const sxy = covNorm * (vxy[q] - mx * my);
        s += ((2 * mx * my + C1) * (2 * sxy + C2)) / ((mx * mx + my * my + C1) * (sx2 + sy2 + C2));
      }
    }
    total += s / ((w - 2 * pad) * (h - 2 * pad));
  }
  return total / pred.channels.length;
}
