import type { ImageF32 } from '../image/image.js';
import { assertSameShape } from './shape.js';

/**
 * PSNR in dB on the 8-bit scale over all channels: 10·log10(255² / MSE), with images given in
 * [0, 1] (so 8-bit inputs give exactly skimage's `peak_signal_noise_ratio(data_range=255)`).
 * Identical images give +Infinity.
 *
 * @example
 * ```ts
 * import { fromPlanes, psnr } from 'colorize-toolkit';
 * const a = fromPlanes(1, 1, [Float32Array.of(0)]);
 * const b = fromPlanes(1, 1, [Float32Array.of(1 / 255)]);
 * console.log(psnr(a, b).toFixed(2)); // 48.13
 * ```
 */
export function psnr(pred: ImageF32, truth: ImageF32): number {
  assertSameShape(pred, truth);
  let se = 0;
  let count = 0;
  for (let c = 0; c < pred.channels.length; c++) {
    const p = pred.channels[c];
    const t = truth.channels[c];
    for (let i = 0; i < p.length; i++) {
      const d = (p[i] - t[i]) * 255;
      se += d * d;
    }
    count += p.length;
  }
  const mse = se / count;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
