/**
 * Stroke confidence for the fused method (issue 18): how far the colour of the nearest stroke can
 * be trusted. The distance is geodesic and edge-aware, Dijkstra's shortest path on the 4-neighbour
 * pixel grid from every stroke pixel, where one step from p to a neighbour q costs
 *
 *   c(p, q) = 1 + β |L*(p) − L*(q)|      (L* in 0–100; β = `edgeCost`)
 *
 * so crossing a luminance edge of 10 L* costs as much as 1 + 10β pixels of flat ground (the
 * geodesic distance of Criminisi et al. 2010 and of Yatziv & Sapiro 2006's stroke blending, here
 * in its simplest form). The confidence is exp(−d / σ).
 *
 * Pure TypeScript: the studio's Web Worker may run it.
 */
import { checkNumber } from '../../errors.js';

/** Binary min-heap of (key, node) pairs; stale entries are skipped by the caller. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let i = this.size++;
    const { keys, nodes } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the smallest entry; its key and node are in `topKey`, `topNode`. */
  pop(): void {
    const { keys, nodes } = this;
    this.topKey = keys[0];
    this.topNode = nodes[0];
    const n = --this.size;
    const key = keys[n];
    const node = nodes[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  topKey = 0;
  topNode = 0;
}

/**
 * Geodesic distance (in pixel steps weighted by 1 + β|ΔL*|) from the nearest seed pixel; Infinity
 * where no seed is reachable (no seeds at all).
 *
 * @example
 * ```ts
 * import { geodesicDistance } from 'colorize-toolkit/internals';
 * const lum = Float32Array.of(0, 0, 50, 50); // a 4×1 row with an edge of 50 L*
 * const d = geodesicDistance(lum, 4, 1, Uint8Array.of(1, 0, 0, 0), 0.1);
 * console.log(Array.from(d)); // [ 0, 1, 7, 8 ]
 * ```
 */
export function geodesicDistance(
  lum: Float32Array,
  width: number,
  height: number,
  seeds: Uint8Array,
  edgeCost: number,
): Float32Array {
  const beta = checkNumber('edgeCost', edgeCost, 0);
  const n = width * height;
  if (lum.length !== n || seeds.length !== n)
    throw new RangeError('geodesicDistance: luminance and seed arrays do not match the image size');
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const heap = new MinHeap(n);
  for (let i = 0; i < n; i++)
    if (seeds[i]) {
      dist[i] = 0;
      heap.push(0, i);
    }
  const done = new Uint8Array(n);
  while (heap.size > 0) {
    heap.pop();
    const p = heap.topNode;
    if (done[p] || heap.topKey > dist[p]) continue;
    done[p] = 1;
    const dp = dist[p];
    const x = p % width;
    const lp = lum[p];
    const relax = (q: number) => {
      if (done[q]) return;
      const d = dp + 1 + beta * Math.abs(lp - lum[q]);
      if (d < dist[q]) {
        dist[q] = d;
        heap.push(d, q);
      }
    };
    if (x > 0) relax(p - 1);
    if (x < width - 1) relax(p + 1);
    if (p >= width) relax(p - width);
    if (p + width < n) relax(p + width);
  }
  return Float32Array.from(dist);
}

/**
 * Confidence exp(−d / σ) of every pixel for a geodesic distance map (1 at the strokes).
 *
 * @example
 * ```ts
 * import { strokeConfidence } from 'colorize-toolkit/internals';
 * console.log(Array.from(strokeConfidence(Float32Array.of(0, 10), 10)).map((c) => c.toFixed(3))); // [ '1.000', '0.368' ]
 * ```
 */
export function strokeConfidence(distance: Float32Array, sigma: number): Float32Array {
  const s = checkNumber('strokeSigma', sigma, 1e-6);
  const out = new Float32Array(distance.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(-distance[i] / s);
  return out;
}
