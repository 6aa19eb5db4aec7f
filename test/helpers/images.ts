/** Small deterministic test images. */
import type { ImageF32 } from '../../src/image/image.js';
import { createImage } from '../../src/image/image.js';
import { seededRandom } from '../../src/random.js';

/** Deterministic pseudo-random numbers in [0, 1) (the library's mulberry32). */
export const rng = seededRandom;

/** A smooth colourful RGB image with an edge, values in [0, 1]. */
export function syntheticRgb(width: number, height: number, seed = 1): ImageF32 {
  const img = createImage(width, height, 3);
  const r = rng(seed);
  const [R, G, B] = img.channels;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const u = x / width;
      const v = y / height;
      const edge = u + 0.3 * v > 0.6 ? 1 : 0;
      R[i] = Math.min(1, Math.max(0, 0.2 + 0.6 * u * (1 - edge) + 0.1 * edge + 0.02 * r()));
      G[i] = Math.min(1, Math.max(0, 0.3 + 0.4 * v + 0.02 * r()));
      B[i] = Math.min(1, Math.max(0, 0.1 + 0.7 * edge * (1 - v) + 0.02 * r()));
    }
  return img;
}
