/**
 * Merging of wavelet coefficients, report §2.2.2:
 *   I = W⁻¹(λ_k h_1(T) + (1 − λ_k) h_1(S), …, λ_1 h_k(T) + (1 − λ_1) h_k(S), λ_0 l_k(T) + (1 − λ_0) l_k(S)),
 * with λ ∈ [0, 1]^(k+1): λ_0 weighs the low-pass, λ_1 the coarsest details, λ_k the finest.
 * λ = 1 keeps the target (T), λ = 0 takes the reference (S).
 */
import { ColorizeError, checkInteger, checkNumber } from '../../../errors.js';
import { dwt2, idwt2, type WaveletName } from '../../../filters/wavelet.js';

/** Largest level count accepted. */
export const MAX_MERGE_LEVELS = 16;

/**
 * The default λ for k levels: λ_i = min(1, 0.2 i), i.e. [0, 0.2, 0.4, 0.6, 0.8, 1, 1, …], the
 * second smoothed λ of report §2.2.3 / figure 13 (which has k = 10).
 *
 * @example
 * ```ts
 * import { defaultLambda } from 'colorize-toolkit/internals';
 * console.log(defaultLambda(6)); // [ 0, 0.2, 0.4, 0.6, 0.8, 1, 1 ]
 * ```
 */
export function defaultLambda(levels: number): number[] {
  return Array.from({ length: levels + 1 }, (_, i) => Math.min(1, Math.round(2 * i) / 10));
}

/**
 * Resolves λ and the level count k from user options: λ alone fixes k = |λ| − 1; k alone takes
 * {@link defaultLambda}; both must agree.
 */
export function resolveLambda(
  lambda: readonly number[] | undefined,
  levels: number | undefined,
): { lambda: number[]; levels: number } {
  if (levels !== undefined) checkInteger('levels', levels, 1, MAX_MERGE_LEVELS);
  if (lambda === undefined) {
    const k = levels ?? 10;
    return { lambda: defaultLambda(k), levels: k };
  }
  if (!Array.isArray(lambda) || lambda.length < 2) {
    throw new ColorizeError(
      `option "lambda" needs at least 2 values (λ₀ for the low-pass, then one per level from coarse to fine), got ${JSON.stringify(lambda)}`,
      'usage',
    );
  }
  for (const [i, v] of lambda.entries()) checkNumber(`lambda[${i}]`, v, 0, 1);
  if (levels !== undefined && lambda.length !== levels + 1) {
    throw new ColorizeError(
      `option "lambda" has ${lambda.length} values but levels = ${levels} needs ${levels + 1} ` +
        `(λ₀ for the low-pass, then λ₁…λ${levels} from the coarsest level to the finest)`,
      'usage',
    );
  }
  const k = lambda.length - 1;
  checkInteger('levels', k, 1, MAX_MERGE_LEVELS);
  return { lambda: [...lambda], levels: k };
}

/**
 * Merges the k-level DWTs of two same-size planes with weights λ and reconstructs.
 *
 * @example
 * ```ts
 * import { mergeWaveletPlanes } from 'colorize-toolkit/internals';
 * const t = Float32Array.from({ length: 64 }, (_, i) => (i % 8) / 7);
 * const s = new Float32Array(64).fill(0.5);
 * const out = mergeWaveletPlanes(t, s, 8, 8, [1, 1, 1, 1], 'haar');
 * console.log(out.every((v, i) => Math.abs(v - t[i]) < 1e-12)); // true
 * ```
 */
export function mergeWaveletPlanes(
  target: Float32Array,
  reference: Float32Array,
  width: number,
  height: number,
  lambda: readonly number[],
  wavelet: WaveletName,
): Float32Array {
  const k = lambda.length - 1;
  const dt = dwt2(target, width, height, k, wavelet);
  const ds = dwt2(reference, width, height, k, wavelet);
  const mix = (a: Float64Array, b: Float64Array, l: number) => {
    for (let i = 0; i < a.length; i++) a[i] = l * a[i] + (1 - l) * b[i];
  };
  mix(dt.approx, ds.approx, lambda[0]);
  // levels[j] holds h_{j+1}; report: h_1 weighs λ_k, h_k weighs λ_1.
  for (let j = 0; j < k; j++) {
    const l = lambda[k - j];
    for (let b = 0; b < 3; b++) mix(dt.levels[j].details[b], ds.levels[j].details[b], l);
  }
  return Float32Array.from(idwt2(dt));
}
