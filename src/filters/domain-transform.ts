/**
 * Edge-preserving smoothing by the domain transform of Gastal & Oliveira (SIGGRAPH 2011), the
 * recursive-filter (RF) variant (§4 and §5 of the paper): the guide defines a 1-D distance
 * ct(x) = ∫ 1 + σs/σr |I'(u)| du along each row and column (eq. 11, L1 over channels), and the
 * values are filtered by a first-order recursive filter whose feedback a^d shrinks with that
 * distance (eq. 21), run left→right then right→left, rows then columns, N times with
 * σ_Hi = σs √3 2^(N−i) / √(4^N − 1) (eq. 14). Cost is O(1) per pixel and iteration.
 */
import { checkInteger, checkNumber } from '../errors.js';

export interface DomainTransformOptions {
  /** Spatial σs in pixels (default 20). */
  sigmaSpatial?: number;
  /** Range σr in guide units (default 0.1 for a guide in [0, 1]). */
  sigmaRange?: number;
  /** Number of horizontal + vertical passes N (default 3, the paper's choice). */
  iterations?: number;
}

/**
 * Filters each of `values` (planes of width × height) with the recursive domain transform
 * guided by `guide` (one plane, or several planes whose differences add in L1).
 *
 * @example
 * ```ts
 * import { domainTransformRF } from 'colorize-toolkit/internals';
 * const step = new Float32Array(8 * 8).map((_, i) => (i % 8 < 4 ? 0 : 1));
 * const [out] = domainTransformRF([step], [step.slice()], 8, 8, { sigmaSpatial: 10, sigmaRange: 0.05 });
 * console.log(out[3] < 0.01, out[4] > 0.99); // true true
 * ```
 */
export function domainTransformRF(
  guide: Float32Array[],
  values: Float32Array[],
  width: number,
  height: number,
  options: DomainTransformOptions = {},
): Float32Array[] {
  const ss = checkNumber('sigmaSpatial', options.sigmaSpatial ?? 20, 1e-6);
  const sr = checkNumber('sigmaRange', options.sigmaRange ?? 0.1, 1e-6);
  const N = checkInteger('iterations', options.iterations ?? 3, 1, 20);
  const n = width * height;
  // Derivatives of the transformed domain, eq. 11: horizontal (x → x+1) and vertical (y → y+1).
  const dH = new Float32Array(n);
  const dV = new Float32Array(n);
  const ratio = ss / sr;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      let sh = 0;
      let sv = 0;
      for (const g of guide) {
        if (x + 1 < width) sh += Math.abs(g[p + 1] - g[p]);
        if (y + 1 < height) sv += Math.abs(g[p + width] - g[p]);
      }
      dH[p] = 1 + ratio * sh;
      dV[p] = 1 + ratio * sv;
    }
  const outs = values.map((v) => Float64Array.from(v));
  const wH = new Float64Array(n);
  const wV = new Float64Array(n);
  for (let i = 0; i < N; i++) {
    const sigmaH = (ss * Math.sqrt(3) * 2 ** (N - i - 1)) / Math.sqrt(4 ** N - 1);
    const a = Math.exp(-Math.SQRT2 / sigmaH);
    for (let p = 0; p < n; p++) {
      wH[p] = a ** dH[p];
      wV[p] = a ** dV[p];
    }
    for (const o of outs) {
      // Rows: causal then anti-causal pass (eq. 21).
      for (let y = 0; y < height; y++) {
        const row = y * width;
        for (let x = 1; x < width; x++) {
          const p = row + x;
          const w = wH[p - 1];
          o[p] += w * (o[p - 1] - o[p]);
        }
        for (let x = width - 2; x >= 0; x--) {
          const p = row + x;
          const w = wH[p];
          o[p] += w * (o[p + 1] - o[p]);
        }
      }
      // Columns.
      for (let y = 1; y < height; y++) {
        const row = y * width;
        for (let x = 0; x < width; x++) {
          const p = row + x;
          o[p] += wV[p - width] * (o[p - width] - o[p]);
        }
      }
      for (let y = height - 2; y >= 0; y--) {
        const row = y * width;
        for (let x = 0; x < width; x++) {
          const p = row + x;
          o[p] += wV[p] * (o[p + width] - o[p]);
        }
      }
    }
  }
  return outs.map((o) => Float32Array.from(o));
}
