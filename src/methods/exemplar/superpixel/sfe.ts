/**
 * Super-Features Encoding (IPOL 2024 §2.1, Algorithm 1): the features of the pixels of each
 * superpixel are averaged per channel, giving an N × C matrix per layer.
 *
 * The paper first brings every feature map back to image resolution (§2.1.2). Here the
 * bilinear up-sampling (half-pixel centres, replicated edges: the one of image/resize) is folded
 * into the pooling: the mean over S(i) of the up-sampled map equals Σ_q w_i(q) f(q) / P_i, where
 * w_i(q) sums the interpolation weights of coarse pixel q over the pixels of S(i). That gives
 * the same numbers without materialising 256-channel maps at full resolution.
 */
import type { FeatureMap } from '../../../features/feature-extractor.js';
import type { Superpixels } from '../../../segment/slic.js';

/** For each coarse index q, the fine indices it contributes to and their bilinear weights. */
function inverseTaps(
  coarse: number,
  fine: number,
): { start: Int32Array; index: Int32Array; weight: Float32Array } {
  const scale = coarse / fine;
  const lists: Array<Array<[number, number]>> = Array.from({ length: coarse }, () => []);
  const clamp = (i: number) => (i < 0 ? 0 : i >= coarse ? coarse - 1 : i);
  for (let o = 0; o < fine; o++) {
    const c = (o + 0.5) * scale - 0.5;
    const i0 = Math.floor(c);
    const f = c - i0;
    const a = clamp(i0);
    const b = clamp(i0 + 1);
    if (a === b) lists[a].push([o, 1]);
    else {
      if (1 - f > 0) lists[a].push([o, 1 - f]);
      if (f > 0) lists[b].push([o, f]);
    }
  }
  const start = new Int32Array(coarse + 1);
  for (let q = 0; q < coarse; q++) start[q + 1] = start[q] + lists[q].length;
  const index = new Int32Array(start[coarse]);
  const weight = new Float32Array(start[coarse]);
  for (const [q, l] of lists.entries())
    for (const [k, [o, w]] of l.entries()) {
      index[start[q] + k] = o;
      weight[start[q] + k] = w;
    }
  return { start, index, weight };
}

/**
 * Algorithm 1: super-features F (N × C, row-major) of one feature layer over a superpixel map.
 * The map may be coarser than the superpixel map (a pooled CNN layer); see the file comment.
 *
 * @example
 * ```ts
 * import { superFeatures } from 'colorize-toolkit/internals';
 * const sp = { width: 2, height: 1, labels: Int32Array.of(0, 1), count: 2 };
 * const map = { channels: 1, width: 2, height: 1, data: Float32Array.of(3, 5) };
 * console.log(Array.from(superFeatures(map, sp))); // [3, 5]
 * ```
 */
export function superFeatures(map: FeatureMap, sp: Superpixels): Float32Array {
  const { width: W, height: H, labels, count: N } = sp;
  const C = map.channels;
  const w = map.width;
  const h = map.height;
  const nq = w * h;
  const acc = new Float64Array(N * C);
  const size = new Float64Array(N);
  for (let p = 0; p < W * H; p++) size[labels[p]] += 1;
  if (w === W && h === H) {
    for (let c = 0; c < C; c++) {
      const plane = map.data.subarray(c * nq, (c + 1) * nq);
      for (let p = 0; p < nq; p++) acc[labels[p] * C + c] += plane[p];
    }
  } else {
    const tx = inverseTaps(w, W);
    const ty = inverseTaps(h, H);
    let maxX = 0;
    let maxY = 0;
    for (let q = 0; q < w; q++) maxX = Math.max(maxX, tx.start[q + 1] - tx.start[q]);
    for (let q = 0; q < h; q++) maxY = Math.max(maxY, ty.start[q + 1] - ty.start[q]);
    // Per coarse pixel: the (few) superpixels its footprint covers, with summed weights.
    const lab = new Int32Array(maxX * maxY);
    const wt = new Float64Array(maxX * maxY);
    for (let qy = 0; qy < h; qy++)
      for (let qx = 0; qx < w; qx++) {
        let m = 0;
        for (let ky = ty.start[qy]; ky < ty.start[qy + 1]; ky++) {
          const row = ty.index[ky] * W;
          const wy = ty.weight[ky];
          for (let kx = tx.start[qx]; kx < tx.start[qx + 1]; kx++) {
            const l = labels[row + tx.index[kx]];
            const v = wy * tx.weight[kx];
            let j = 0;
            while (j < m && lab[j] !== l) j++;
            if (j === m) {
              lab[m] = l;
              wt[m++] = v;
            } else wt[j] += v;
          }
        }
        const q = qy * w + qx;
        for (let j = 0; j < m; j++) {
          const o = lab[j] * C;
          const v = wt[j];
          for (let c = 0; c < C; c++) acc[o + c] += v * map.data[c * nq + q];
        }
      }
  }
  const out = new Float32Array(N * C);
  for (let i = 0; i < N; i++) {
    const s = size[i] > 0 ? 1 / size[i] : 0;
    for (let c = 0; c < C; c++) out[i * C + c] = acc[i * C + c] * s;
  }
  return out;
}

/** Mean colour (or any planes) per superpixel: N × planes.length, row-major. */
export function superpixelMeans(planes: Float32Array[], sp: Superpixels): Float32Array {
  const d = planes.length;
  const acc = new Float64Array(sp.count * d);
  const size = new Float64Array(sp.count);
  for (let p = 0; p < sp.labels.length; p++) {
    const l = sp.labels[p];
    size[l] += 1;
    for (let c = 0; c < d; c++) acc[l * d + c] += planes[c][p];
  }
  const out = new Float32Array(sp.count * d);
  for (let i = 0; i < sp.count; i++)
    for (let c = 0; c < d; c++) out[i * d + c] = size[i] > 0 ? acc[i * d + c] / size[i] : 0;
  return out;
}
