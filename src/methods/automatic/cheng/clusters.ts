/**
 * Test-time choice of the network (Deep Colorization §III-C.1): the top-k clusters nearest to the
 * image by Euclidean distance of GIST descriptors, then among them the one whose semantic
 * histogram has the largest cosine similarity with the image's.
 */
export interface ClusterKey {
  gist: Float32Array;
  histogram: Float32Array | null;
}

/** Cosine similarity (0 when either vector is zero). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Index of the chosen cluster: top-k by GIST distance, then the best semantic-histogram cosine
 * (the nearest by GIST when there are no histograms).
 *
 * @example
 * ```ts
 * import { selectCluster } from 'colorize-toolkit/internals';
 * const clusters = [
 *   { gist: Float32Array.of(0, 0), histogram: Float32Array.of(1, 0) },
 *   { gist: Float32Array.of(1, 0), histogram: Float32Array.of(0, 1) },
 *   { gist: Float32Array.of(9, 9), histogram: Float32Array.of(0, 1) },
 * ];
 * // Nearest by GIST is cluster 0, but among the 2 nearest, cluster 1 has the same semantics.
 * console.log(selectCluster(clusters, Float32Array.of(0.2, 0), Float32Array.of(0, 1), 2)); // 1
 * console.log(selectCluster(clusters, Float32Array.of(0.2, 0), Float32Array.of(0, 1), 1)); // 0
 * ```
 */
export function selectCluster(
  clusters: readonly ClusterKey[],
  gist: Float32Array,
  histogram: Float32Array | null,
  topK: number,
): number {
  const dist = clusters.map((c, i) => {
    let d = 0;
    for (let j = 0; j < gist.length; j++) d += (c.gist[j] - gist[j]) ** 2;
    return { i, d };
  });
  dist.sort((a, b) => a.d - b.d || a.i - b.i);
  const top = dist.slice(0, Math.max(1, topK));
  if (!histogram) return top[0].i;
  let best = top[0].i;
  let bestSim = -Infinity;
  for (const { i } of top) {
    const h = clusters[i].histogram;
    const s = h ? cosineSimilarity(h, histogram) : -Infinity;
    if (s > bestSim) {
      bestSim = s;
      best = i;
    }
  }
  return best;
}
