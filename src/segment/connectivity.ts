/**
 * Connectivity enforcement for label maps (Achanta et al. 2012, §3.2 post-processing): every
 * 4-connected component becomes its own label, and components smaller than `minSize` are merged
 * into the neighbouring label met just before them in raster order, as in the reference SLIC code.
 */

/**
 * Relabels `labels` in place so that each label is one 4-connected region of at least `minSize`
 * pixels (unless the whole image is smaller); returns the number of labels, numbered 0 … count−1.
 *
 * @example
 * ```ts
 * import { enforceConnectivity } from 'colorize-toolkit/internals';
 * const labels = Int32Array.of(0, 1, 0, 0, 1, 0); // 3 × 2: label 0 is split in two pieces
 * console.log(enforceConnectivity(labels, 3, 2, 1), Array.from(labels)); // 3 [0, 1, 2, 0, 1, 2]
 * ```
 */
export function enforceConnectivity(
  labels: Int32Array,
  width: number,
  height: number,
  minSize: number,
): number {
  const n = width * height;
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (out[start] >= 0) continue;
    const original = labels[start];
    // The label of an already-visited 4-neighbour of the seed: where a small fragment goes.
    const sx = start % width;
    let adjacent = -1;
    if (sx > 0) adjacent = out[start - 1];
    if (adjacent < 0 && start >= width) adjacent = out[start - width];
    out[start] = next;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const p = queue[head++];
      const x = p % width;
      if (x > 0 && out[p - 1] < 0 && labels[p - 1] === original) {
        out[p - 1] = next;
        queue[tail++] = p - 1;
      }
      if (x < width - 1 && out[p + 1] < 0 && labels[p + 1] === original) {
        out[p + 1] = next;
        queue[tail++] = p + 1;
      }
      if (p >= width && out[p - width] < 0 && labels[p - width] === original) {
        out[p - width] = next;
        queue[tail++] = p - width;
      }
      if (p + width < n && out[p + width] < 0 && labels[p + width] === original) {
        out[p + width] = next;
        queue[tail++] = p + width;
      }
    }
    if (tail < minSize && adjacent >= 0) {
      // Too small: the fragment joins its neighbour (which is connected to it through the seed).
      for (let q = 0; q < tail; q++) out[queue[q]] = adjacent;
    } else {
      next++;
    }
  }
  labels.set(out);
  return next;
}
