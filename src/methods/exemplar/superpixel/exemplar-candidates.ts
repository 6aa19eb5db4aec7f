/** The type of `superpixelCandidates`' result, apart so that browser code (the studio's fused preview) can name it. */
/**
 * The exemplar side of the fused method (`fuse`, issue 18) as colour candidates: per target
 * superpixel, the `k` reference superpixels of largest attention A(i, j) (eq. 7, the softmax of
 * the summed correlations) with their mean colours and their attention renormalised over the k,
 * and per pixel the eq. 4–6 fused colour. All colours as CIELAB a*, b* at the working size.
 */
export interface ExemplarCandidates {
  /** Working size of the target (long side `workingSize`). */
  width: number;
  height: number;
  /** Superpixel label of every working pixel. */
  labels: Int32Array;
  /** Target superpixels. */
  segments: number;
  /** Candidates per superpixel. */
  k: number;
  /** Superpixel-major: candidate j of superpixel i is (a[i*k+j], b[i*k+j]). */
  a: Float32Array;
  b: Float32Array;
  /** The attention of each candidate, renormalised so each superpixel's k sum to 1. */
  weight: Float32Array;
  /** The eq. 4–6 fused colour of each working pixel (a*, b*). */
  fusedA: Float32Array;
  fusedB: Float32Array;
  features: string;
  notices: string[];
}
