import type { ImageF32 } from '../../src/image/image.js';

/** Interleaved 8-bit RGBA of an image's planes (gray or RGB), for ImageData in a page or a worker. */
export function planesToRgba(img: ImageF32): Uint8ClampedArray {
  const n = img.width * img.height;
  const out = new Uint8ClampedArray(n * 4);
  const [r, g, b] =
    img.channels.length === 3 ? img.channels : [img.channels[0], img.channels[0], img.channels[0]];
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    out[j] = r[i] * 255 + 0.5;
    out[j + 1] = g[i] * 255 + 0.5;
    out[j + 2] = b[i] * 255 + 0.5;
    out[j + 3] = 255;
  }
  return out;
}
