/**
 * Histogram (CDF) matching of one plane to another, the building block of the re-colorization
 * report §2.1: the style metric h_k(X) = (1/size X) Σ I[x ≤ k] of §2.1.1 is a cumulative
 * histogram, and the monotone look-up table of §2.1.2 maps each target level i to the first
 * reference level j whose cumulative share reaches the target's. Two forms:
 * - binned (`matchHistogramLut`): the report's 256-level LUT, any bin count;
 * - exact (`matchHistogramExact`): float CDF matching without quantisation, by sorting.
 * Both accept masks choosing which pixels count in each histogram (§2.3.2 uses non-edge pixels);
 * the LUT is then applied to every target pixel.
 */
import { ColorizeError, checkInteger } from '../errors.js';

/** Bin of a [0, 1] value among `bins` levels (round to nearest, clamped). */
function binOf(v: number, top: number): number {
  const b = Math.round(v * top);
  return b < 0 ? 0 : b > top ? top : b;
}

/**
 * Cumulative histogram h_k = share of (masked) samples with level ≤ k, report §2.1.1.
 *
 * @example
 * ```ts
 * import { cumulativeHistogram } from 'colorize-toolkit/internals';
 * console.log([...cumulativeHistogram(Float32Array.of(0, 0, 1, 0.5), 3)]); // [ 0.5, 0.75, 1 ]
 * ```
 */
export function cumulativeHistogram(values: Float32Array, bins = 256, mask?: Uint8Array): Float64Array {
  checkInteger('bins', bins, 2, 65536);
  const top = bins - 1;
  const h = new Float64Array(bins);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && !mask[i]) continue;
    h[binOf(values[i], top)]++;
    count++;
  }
  if (count === 0) throw new ColorizeError('histogram of an empty pixel set', 'internal');
  let s = 0;
  for (let k = 0; k < bins; k++) {
    s += h[k];
    h[k] = s / count;
  }
  return h;
}

/**
 * The LUT of report §2.1.2: LUT(i) = min { j : C_ref(j) ≥ C_target(i) }, built with the report's
 * single forward sweep (monotone by construction, so pixel order is preserved: d_c = 0).
 *
 * The report's listing calls g the target and h the source histogram, but its loop compares
 * g(j+1) < h(i+1) and maps i → j, which only transfers the style when h is the target's CDF; we
 * follow the loop's evident intent.
 *
 * @example
 * ```ts
 * import { lutFromCdfs } from 'colorize-toolkit/internals';
 * console.log([...lutFromCdfs(Float64Array.of(0.5, 1, 1), Float64Array.of(0, 0.5, 1))]); // [ 1, 2, 2 ]
 * ```
 */
export function lutFromCdfs(cdfTarget: Float64Array, cdfRef: Float64Array): Uint32Array {
  const n = cdfTarget.length;
  const top = cdfRef.length - 1;
  const lut = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    // The 1e-12 slack keeps equal shares equal despite float rounding of the cumulative sums.
    while (j < top && cdfRef[j] < cdfTarget[i] - 1e-12) j++;
    lut[i] = j;
  }
  return lut;
}

export interface MatchMasks {
  /** Target pixels counted in the target histogram (default all). */
  targetMask?: Uint8Array;
  /** Reference pixels counted in the reference histogram (default all). */
  refMask?: Uint8Array;
}

/**
 * Binned histogram matching: values of `target` mapped through the §2.1.2 LUT so that their
 * histogram takes the shape of `reference`'s. Values are in [0, 1]; output levels are j/(bins−1).
 *
 * @example
 * ```ts
 * import { matchHistogramLut } from 'colorize-toolkit/internals';
 * const out = matchHistogramLut(Float32Array.of(0, 0.2, 0.4, 0.6), Float32Array.of(0.5, 0.6, 0.7, 1));
 * console.log([...out].map((v) => Math.round(v * 255))); // [ 128, 153, 178, 255 ]
 * ```
 */
export function matchHistogramLut(
  target: Float32Array,
  reference: Float32Array,
  bins = 256,
  masks: MatchMasks = {},
): Float32Array {
  const lut = lutFromCdfs(
    cumulativeHistogram(target, bins, masks.targetMask),
    cumulativeHistogram(reference, bins, masks.refMask),
  );
  const top = bins - 1;
  const levels = new Float32Array(bins);
  for (let k = 0; k < bins; k++) levels[k] = lut[k] / top;
  const out = new Float32Array(target.length);
  for (let i = 0; i < target.length; i++) out[i] = levels[binOf(target[i], top)];
  return out;
}

function sortedMasked(values: Float32Array, mask?: Uint8Array): Float32Array {
  let n = 0;
  if (mask) for (let i = 0; i < values.length; i++) n += mask[i] ? 1 : 0;
  else n = values.length;
  if (n === 0) throw new ColorizeError('histogram of an empty pixel set', 'internal');
  const out = new Float32Array(n);
  if (mask) {
    for (let i = 0, k = 0; i < values.length; i++) if (mask[i]) out[k++] = values[i];
  } else out.set(values);
  return out.sort();
}

/** Number of entries of sorted `a` that are < v (strict) or ≤ v. */
function bound(a: Float32Array, v: number, orEqual: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v || (orEqual && a[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Exact (unbinned) CDF matching: each target value v goes to the reference quantile at its
 * mid-rank share F(v) = (#{t < v} + #{t ≤ v}) / 2n, linearly interpolated between sorted
 * reference samples. Equal inputs stay equal and order is kept; when the target has n distinct
 * values and the reference n samples, the output is a permutation of the reference.
 *
 * @example
 * ```ts
 * import { matchHistogramExact } from 'colorize-toolkit/internals';
 * console.log([...matchHistogramExact(Float32Array.of(0.3, 0.1, 0.2), Float32Array.of(0.9, 0.5, 0.7))]);
 * // [ 0.8999999761581421, 0.5, 0.699999988079071 ]
 * ```
 */
export function matchHistogramExact(
  target: Float32Array,
  reference: Float32Array,
  masks: MatchMasks = {},
): Float32Array {
  const st = sortedMasked(target, masks.targetMask);
  const sr = sortedMasked(reference, masks.refMask);
  const nt = st.length;
  const nr = sr.length;
  const quantile = (share: number): number => {
    let pos = share * nr - 0.5;
    pos = pos < 0 ? 0 : pos > nr - 1 ? nr - 1 : pos;
    const k = Math.floor(pos);
    const f = pos - k;
    return f > 0 && k + 1 < nr ? sr[k] + f * (sr[k + 1] - sr[k]) : sr[k];
  };
  // Distinct target levels with their mapped values: photos hold few distinct levels (≤ 2^16),
  // so each is resolved once and pixels only search the short table.
  const levels: number[] = [];
  const mapped: number[] = [];
  for (let i = 0; i < nt; ) {
    let j = i + 1;
    while (j < nt && st[j] === st[i]) j++;
    levels.push(st[i]);
    mapped.push(quantile((i + j) / (2 * nt)));
    i = j;
  }
  const lv = Float32Array.from(levels);
  const out = new Float32Array(target.length);
  for (let i = 0; i < target.length; i++) {
    const v = target[i];
    const lo = bound(lv, v, false);
    if (lo < lv.length && lv[lo] === v) out[i] = mapped[lo];
    else out[i] = quantile((bound(st, v, false) + bound(st, v, true)) / (2 * nt)); // unmasked value
  }
  return out;
}
