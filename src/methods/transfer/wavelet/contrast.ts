/**
 * Localized contrast enhancement of the target before merging, report §2.2.3 / figure 15: "the
 * amplified target image gives stronger boundaries, weakening the visual effect of
 * pseudo-edges". The report's code listing for this step is missing from the text, so this is
 * our reconstruction of it: each channel is pushed away from its local (Gaussian) mean,
 * x' = m + gain · (x − m), m = G_σ * x, clamped to [0, 1].
 */
import { checkNumber } from '../../../errors.js';
import { gaussianBlur } from '../../../filters/gaussian.js';
import type { ImageF32 } from '../../../image/image.js';

/**
 * @example
 * ```ts
 * import { enhanceLocalContrast, createImage } from 'colorize-toolkit/internals';
 * const img = createImage(32, 1, 1); img.channels[0].forEach((_, i, a) => { a[i] = i < 16 ? 0.4 : 0.6; });
 * const out = enhanceLocalContrast(img, 2, 4);
 * console.log(out.channels[0][15] < 0.4, out.channels[0][16] > 0.6); // true true
 * ```
 */
export function enhanceLocalContrast(img: ImageF32, gain: number, sigma: number): ImageF32 {
  checkNumber('contrast', gain, 0, 10);
  checkNumber('contrastSigma', sigma, 0.5, 1000);
  const channels = img.channels.map((p) => {
    const m = gaussianBlur(p, img.width, img.height, sigma);
    const out = new Float32Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const v = m[i] + gain * (p[i] - m[i]);
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    return out;
  });
  return { width: img.width, height: img.height, channels };
}
