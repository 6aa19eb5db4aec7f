/**
 * The working image: planar Float32Array channels, row-major, values nominally in [0, 1]
 * for colour data. Planar layout keeps per-channel filters and solvers cache-friendly.
 */
export interface ImageF32 {
  readonly width: number;
  readonly height: number;
  readonly channels: Float32Array[];
}

/**
 * Allocates a zeroed planar image.
 *
 * @example
 * ```ts
 * import { createImage } from 'colorize-toolkit';
 * const img = createImage(4, 3, 3);
 * console.log(img.channels.length, img.channels[0].length); // 3 12
 * ```
 */
export function createImage(width: number, height: number, channelCount: number): ImageF32 {
  const channels: Float32Array[] = [];
  for (let c = 0; c < channelCount; c++) channels.push(new Float32Array(width * height));
  return { width, height, channels };
}

/** Wraps existing planes, checking that every plane has width × height samples. */
export function fromPlanes(width: number, height: number, channels: Float32Array[]): ImageF32 {
  const n = width * height;
  for (const [i, p] of channels.entries()) {
    if (p.length !== n)
      throw new RangeError(`plane ${i} has ${p.length} samples, expected ${width}×${height}=${n}`);
  }
  return { width, height, channels };
}

/** A deep copy. */
export function cloneImage(img: ImageF32): ImageF32 {
  return { width: img.width, height: img.height, channels: img.channels.map((c) => c.slice()) };
}

/** Replicates a one-channel image to three channels (shares nothing with the input). */
export function grayToRgb(img: ImageF32): ImageF32 {
  if (img.channels.length === 3) return img;
  if (img.channels.length !== 1) throw new RangeError(`expected 1 or 3 channels, got ${img.channels.length}`);
  const g = img.channels[0];
  return { width: img.width, height: img.height, channels: [g.slice(), g.slice(), g.slice()] };
}

/** Converts planar data to interleaved (HWC) samples. */
export function toInterleaved(img: ImageF32): Float32Array {
  const n = img.width * img.height;
  const c = img.channels.length;
  const out = new Float32Array(n * c);
  for (let k = 0; k < c; k++) {
    const p = img.channels[k];
    for (let i = 0, j = k; i < n; i++, j += c) out[j] = p[i];
  }
  return out;
}

/** Converts interleaved (HWC) samples, scaled by `scale`, to planar channels. */
export function fromInterleaved(
  data: ArrayLike<number>,
  width: number,
  height: number,
  channelCount: number,
  scale = 1,
): ImageF32 {
  const img = createImage(width, height, channelCount);
  const n = width * height;
  for (let k = 0; k < channelCount; k++) {
    const p = img.channels[k];
    for (let i = 0, j = k; i < n; i++, j += channelCount) p[i] = data[j] * scale;
  }
  return img;
}

/**
 * The width × height window of an image whose top-left pixel is (x0, y0), as a new image.
 *
 * @example
 * ```ts
 * import { createImage, cropImage } from 'colorize-toolkit';
 * const img = createImage(4, 3, 1); img.channels[0][1 * 4 + 2] = 0.5;
 * console.log(cropImage(img, 2, 1, 2, 2).channels[0][0]); // 0.5
 * ```
 */
export function cropImage(img: ImageF32, x0: number, y0: number, width: number, height: number): ImageF32 {
  return {
    width,
    height,
    channels: img.channels.map((p) => {
      const out = new Float32Array(width * height);
      for (let y = 0; y < height; y++)
        out.set(p.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + width), y * width);
      return out;
    }),
  };
}

/**
 * True when the image carries no colour: one channel, or R = G = B at every pixel to within
 * `tolerance` (in the data's units; one code value of the source is the usual choice, 1/255 for
 * 8-bit). Strict on purpose: a photo with a few coloured strokes (a marked image) must stay colour,
 * so no average over pixels may decide this.
 *
 * @example
 * ```ts
 * import { createImage, isNeutralGray } from 'colorize-toolkit';
 * const img = createImage(2, 1, 3); img.channels[0][1] = 0.5; // one reddish pixel
 * console.log(isNeutralGray(img, 1 / 255)); // false
 * ```
 */
export function isNeutralGray(img: ImageF32, tolerance: number): boolean {
  if (img.channels.length < 3) return true;
  const [r, g, b] = img.channels;
  // A hair above the tolerance absorbs float rounding of the code values.
  const t = tolerance * (1 + 1e-4);
  for (let i = 0; i < r.length; i++) {
    const ri = r[i];
    const gi = g[i];
    const bi = b[i];
    if (Math.abs(ri - gi) > t || Math.abs(gi - bi) > t || Math.abs(ri - bi) > t) return false;
  }
  return true;
}
