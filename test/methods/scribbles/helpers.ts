/** Shared fixtures for the scribble tests: synthetic photos with strokes sampled from the truth. */

import { lumaOf } from '../../../src/color/linear-spaces.js';
import { createImage, type ImageF32 } from '../../../src/image/image.js';
import { rasterizeStrokes, type StrokeSet } from '../../../src/methods/scribbles/strokes.js';
import { rng } from '../../helpers/images.js';

/** A piecewise-smooth colour image with several regions and soft and hard edges. */
export function scene(width: number, height: number, seed = 1): ImageF32 {
  const img = createImage(width, height, 3);
  const r = rng(seed);
  const cx = [r(), r(), r()].map((v) => v * width);
  const cy = [r(), r(), r()].map((v) => v * height);
  const cols = [0, 1, 2, 3].map(() => [0.15 + 0.7 * r(), 0.15 + 0.7 * r(), 0.15 + 0.7 * r()]);
  const [R, G, B] = img.channels;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let k = 3;
      for (let j = 0; j < 3; j++)
        if ((x - cx[j]) ** 2 + (y - cy[j]) ** 2 < (0.22 * (width + height)) ** 2 / (j + 1)) k = j;
      const shade = 0.85 + 0.15 * Math.sin((x + 2 * y) / (0.15 * width));
      R[i] = Math.min(1, cols[k][0] * shade + 0.01 * r());
      G[i] = Math.min(1, cols[k][1] * shade + 0.01 * r());
      B[i] = Math.min(1, cols[k][2] * shade + 0.01 * r());
    }
  return img;
}

export function grayOf(img: ImageF32): ImageF32 {
  return { width: img.width, height: img.height, channels: [lumaOf(img)] };
}

/** Short random strokes whose colours are the true colours under them. */
export function simulatedStrokes(truth: ImageF32, count: number, seed = 7, radius = 1.5): StrokeSet {
  const { width, height } = truth;
  const r = rng(seed);
  const base = rasterizeStrokes(
    Array.from({ length: count }, () => {
      const x = r() * (width - 1);
      const y = r() * (height - 1);
      const x2 = Math.min(width - 1, Math.max(0, x + (r() - 0.5) * 0.2 * width));
      const y2 = Math.min(height - 1, Math.max(0, y + (r() - 0.5) * 0.2 * height));
      return { points: [x, y, x2, y2], radius, rgb: [0, 0, 0] as [number, number, number] };
    }),
    width,
    height,
  );
  for (let c = 0; c < 3; c++) {
    const dst = base.colors.channels[c];
    const src = truth.channels[c];
    for (let i = 0; i < dst.length; i++) if (base.mask[i]) dst[i] = src[i];
  }
  return base;
}
