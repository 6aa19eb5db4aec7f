/**
 * Box (moving-average) filter: separable running sums, O(1) per pixel whatever the radius.
 * The window is clipped at the borders and the mean taken over the pixels inside the image,
 * the normalisation the guided filter of He et al. uses.
 */

/**
 * Mean over the (2r+1)×(2r+1) window clipped to the image.
 *
 * @example
 * ```ts
 * import { boxFilter } from 'colorize-toolkit/internals';
 * const out = boxFilter(Float32Array.of(0, 3, 6, 9), 4, 1, 1);
 * console.log([...out]); // [ 1.5, 3, 6, 7.5 ]
 * ```
 */
export function boxFilter(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
  out?: Float32Array,
): Float32Array {
  const r = Math.max(0, Math.floor(radius));
  const n = width * height;
  const dst = out ?? new Float32Array(n);
  if (r === 0) {
    if (dst !== src) dst.set(src);
    return dst;
  }
  const tmp = new Float32Array(n);
  // Horizontal: running sum along each row.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let s = 0;
    const lastInit = Math.min(r, width - 1);
    for (let x = 0; x <= lastInit; x++) s += src[row + x];
    for (let x = 0; x < width; x++) {
      const lo = x - r;
      const hi = x + r;
      const count = Math.min(hi, width - 1) - Math.max(lo, 0) + 1;
      tmp[row + x] = s / count;
      if (hi + 1 < width) s += src[row + hi + 1];
      if (lo >= 0) s -= src[row + lo];
    }
  }
  // Vertical: running sum of whole rows, so memory is walked row by row.
  const acc = new Float64Array(width);
  const lastInit = Math.min(r, height - 1);
  for (let y = 0; y <= lastInit; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) acc[x] += tmp[row + x];
  }
  for (let y = 0; y < height; y++) {
    const lo = y - r;
    const hi = y + r;
    const inv = 1 / (Math.min(hi, height - 1) - Math.max(lo, 0) + 1);
    const row = y * width;
    for (let x = 0; x < width; x++) dst[row + x] = acc[x] * inv;
    if (hi + 1 < height) {
      const add = (hi + 1) * width;
      for (let x = 0; x < width; x++) acc[x] += tmp[add + x];
    }
    if (lo >= 0) {
      const sub = lo * width;
      for (let x = 0; x < width; x++) acc[x] -= tmp[sub + x];
    }
  }
  return dst;
}

/** Reference box filter by direct summation, O(r²) per pixel; for tests and benchmarks. */
export function boxFilterNaive(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      let c = 0;
      for (let yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++)
        for (let xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
          s += src[yy * width + xx];
          c++;
        }
      out[y * width + x] = s / c;
    }
  return out;
}
