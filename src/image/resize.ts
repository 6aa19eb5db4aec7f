/**
 * Separable resampling of planar float images.
 * - `area`: exact pixel-area averaging (each output pixel is the mean of the source area it
 *   covers); the right choice for reductions.
 * - `bilinear` and `bicubic` (Keys, a = −0.5): point sampling with half-pixel centres and
 *   replicated edges, for enlargements.
 */
import { invalidOption } from '../errors.js';
import type { ImageF32 } from './image.js';

export type ResizeKernel = 'area' | 'bilinear' | 'bicubic';

interface Taps {
  start: Int32Array;
  count: Int32Array;
  index: Int32Array;
  weight: Float32Array;
  maxTaps: number;
}

function cubic(x: number): number {
  const a = -0.5;
  const t = Math.abs(x);
  if (t <= 1) return (a + 2) * t * t * t - (a + 3) * t * t + 1;
  if (t < 2) return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a;
  return 0;
}

function buildTaps(inSize: number, outSize: number, kernel: ResizeKernel): Taps {
  const scale = inSize / outSize;
  const lists: Array<Array<[number, number]>> = [];
  const clampI = (i: number) => (i < 0 ? 0 : i >= inSize ? inSize - 1 : i);
  for (let o = 0; o < outSize; o++) {
    const taps: Array<[number, number]> = [];
    if (kernel === 'area') {
      const lo = o * scale;
      const hi = (o + 1) * scale;
      for (let i = Math.floor(lo); i < Math.min(inSize, Math.ceil(hi)); i++) {
        const ov = Math.min(hi, i + 1) - Math.max(lo, i);
        if (ov > 1e-12) taps.push([i, ov / scale]);
      }
    } else if (kernel === 'bilinear') {
      const c = (o + 0.5) * scale - 0.5;
      const i0 = Math.floor(c);
      const f = c - i0;
      taps.push([clampI(i0), 1 - f], [clampI(i0 + 1), f]);
    } else {
      const c = (o + 0.5) * scale - 0.5;
      const i0 = Math.floor(c);
      const f = c - i0;
      let s = 0;
      for (let k = -1; k <= 2; k++) {
        const wv = cubic(k - f);
        taps.push([clampI(i0 + k), wv]);
        s += wv;
      }
      for (const t of taps) t[1] /= s;
    }
    lists.push(taps);
  }
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  let total = 0;
  let maxTaps = 0;
  for (let o = 0; o < outSize; o++) {
    start[o] = total;
    count[o] = lists[o].length;
    total += lists[o].length;
    maxTaps = Math.max(maxTaps, lists[o].length);
  }
  const index = new Int32Array(total);
  const weight = new Float32Array(total);
  for (let o = 0; o < outSize; o++)
    lists[o].forEach(([i, wv], k) => {
      index[start[o] + k] = i;
      weight[start[o] + k] = wv;
    });
  return { start, count, index, weight, maxTaps };
}

/**
 * Resizes one plane.
 *
 * @example
 * ```ts
 * import { resizePlane } from 'colorize-toolkit';
 * const out = resizePlane(Float32Array.of(0, 2, 4, 6), 2, 2, 1, 1, 'area');
 * console.log(out[0]); // 3
 * ```
 */
export function resizePlane(
  src: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  kernel: ResizeKernel = 'bilinear',
): Float32Array {
  if (outWidth === width && outHeight === height) return src.slice();
  if (outWidth < 1 || outHeight < 1) throw new RangeError(`cannot resize to ${outWidth}×${outHeight}`);
  const hx = buildTaps(width, outWidth, kernel);
  const hy = buildTaps(height, outHeight, kernel);
  const tmp = new Float32Array(outWidth * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const orow = y * outWidth;
    for (let x = 0; x < outWidth; x++) {
      let s = 0;
      const st = hx.start[x];
      for (let k = 0; k < hx.count[x]; k++) s += hx.weight[st + k] * src[row + hx.index[st + k]];
      tmp[orow + x] = s;
    }
  }
  const out = new Float32Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const orow = y * outWidth;
    const st = hy.start[y];
    for (let k = 0; k < hy.count[y]; k++) {
      const wv = hy.weight[st + k];
      const srow = hy.index[st + k] * outWidth;
      for (let x = 0; x < outWidth; x++) out[orow + x] += wv * tmp[srow + x];
    }
  }
  return out;
}

/** Resizes every channel of an image. */
export function resizeImage(
  img: ImageF32,
  outWidth: number,
  outHeight: number,
  kernel: ResizeKernel = 'bilinear',
): ImageF32 {
  return {
    width: outWidth,
    height: outHeight,
    channels: img.channels.map((c) => resizePlane(c, img.width, img.height, outWidth, outHeight, kernel)),
  };
}

/** Size that fits within `maxSide` on the long side, keeping the aspect ratio (never enlarges). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  const s = maxSide / long;
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

/**
 * The working grid for an image over `cap` pixels: the same aspect ratio, at most `cap` pixels.
 *
 * @example
 * ```ts
 * import { workingGrid } from 'colorize-toolkit/internals';
 * console.log(workingGrid(6000, 4000, 4_000_000)); // { width: 2449, height: 1632 }
 * ```
 */
export function workingGrid(width: number, height: number, cap: number): { width: number; height: number } {
  const f = Math.sqrt(cap / (width * height));
  if (f >= 1) return { width, height };
  return {
    width: Math.max(2, Math.floor(width * f)),
    height: Math.max(2, Math.floor(height * f)),
  };
}

/**
 * Validates a `workingPixels` option: 0 (no limit) or an integer of at least 4096; returns it.
 *
 * @example
 * ```ts
 * import { checkWorkingPixels } from 'colorize-toolkit/internals';
 * console.log(checkWorkingPixels('workingPixels', 0), checkWorkingPixels('workingPixels', 5000)); // 0 5000
 * ```
 */
export function checkWorkingPixels(name: string, value: unknown): number {
  if (value === 0) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 4096)
    invalidOption(name, value, '0 (no limit) or an integer of at least 4096');
  return value;
}
