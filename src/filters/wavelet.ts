/**
 * Multi-level 2-D discrete wavelet transform with orthonormal wavelets (Haar and Daubechies),
 * periodic extension, float64 coefficients. Used by the wavelet-coefficient merging of the
 * re-colorization report §2.2.2 (coefficients h_1(X) … h_k(X), l_k(X)).
 *
 * Perfect reconstruction for any size: periodised orthonormal filters give an orthogonal
 * transform on even-length lines, and an odd row or column count is first made even by
 * repeating the last row/column (cropped again on the way back), so `idwt2(dwt2(x)) = x` to
 * float64 rounding.
 */
import { checkChoice, checkInteger } from '../errors.js';

export type WaveletName = 'haar' | 'db2' | 'db4';
export const WAVELET_NAMES: readonly WaveletName[] = ['haar', 'db2', 'db4'];

const S = Math.SQRT1_2;
/** Decomposition low-pass filters (orthonormal, Σh = √2), Daubechies' "dbN" with N vanishing moments. */
const LOWPASS: Record<WaveletName, readonly number[]> = {
  haar: [S, S],
  db2: [0.48296291314469025, 0.836516303737469, 0.22414386804185735, -0.12940952255092145],
  db4: [
    0.23037781330885523, 0.7148465705525415, 0.6308807679295904, -0.02798376941698385, -0.18703481171888114,
    0.030841381835986965, 0.032883011666982945, -0.010597401784997278,
  ],
};

/** Low-pass h and its quadrature-mirror high-pass g[k] = (−1)^k h[L−1−k]. */
export function waveletFilters(name: WaveletName): { h: Float64Array; g: Float64Array } {
  const h = Float64Array.from(LOWPASS[checkChoice('wavelet', name, WAVELET_NAMES)]);
  const L = h.length;
  const g = new Float64Array(L);
  for (let k = 0; k < L; k++) g[k] = (k % 2 === 0 ? 1 : -1) * h[L - 1 - k];
  return { h, g };
}

/** One level's detail bands h_j(X): horizontal, vertical and diagonal, each `bandWidth × bandHeight`. */
export interface WaveletLevel {
  /** Size of the image this level decomposed (before padding to even). */
  width: number;
  height: number;
  bandWidth: number;
  bandHeight: number;
  details: [Float64Array, Float64Array, Float64Array];
}

export interface WaveletDecomposition {
  wavelet: WaveletName;
  width: number;
  height: number;
  /** Finest level first: levels[0] holds h_1, levels[k−1] holds h_k (report §2.2.2). */
  levels: WaveletLevel[];
  /** Low-pass l_k of the last level. */
  approx: Float64Array;
  approxWidth: number;
  approxHeight: number;
}

/** Largest level count that still halves the shorter side: ⌈log2(min(w, h))⌉, at least 1. */
export function maxWaveletLevels(width: number, height: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, Math.min(width, height)))));
}

/** Analysis of one even-length line: lo[n] = Σ h[k] x[(2n+k) mod N], hi likewise with g. */
function analyze(
  x: Float64Array,
  n: number,
  h: Float64Array,
  g: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
): void {
  const half = n >> 1;
  const L = h.length;
  for (let i = 0; i < half; i++) {
    let a = 0;
    let d = 0;
    for (let k = 0; k < L; k++) {
      const v = x[(2 * i + k) % n];
      a += h[k] * v;
      d += g[k] * v;
    }
    lo[i] = a;
    hi[i] = d;
  }
}

/** Synthesis (transpose of {@link analyze}): x[(2n+k) mod N] += h[k] lo[n] + g[k] hi[n]. */
function synthesize(
  lo: Float64Array,
  hi: Float64Array,
  n: number,
  h: Float64Array,
  g: Float64Array,
  x: Float64Array,
): void {
  const half = n >> 1;
  const L = h.length;
  x.fill(0, 0, n);
  for (let i = 0; i < half; i++) {
    const a = lo[i];
    const d = hi[i];
    for (let k = 0; k < L; k++) x[(2 * i + k) % n] += h[k] * a + g[k] * d;
  }
}

/** One 2-D analysis step on a w×h plane; returns LL and the three detail bands. */
function dwtStep(src: Float64Array, w: number, hgt: number, h: Float64Array, g: Float64Array) {
  const W = w + (w & 1);
  const H = hgt + (hgt & 1);
  const bw = W >> 1;
  const bh = H >> 1;
  // Rows: low and high halves, H rows each (the odd row is repeated at the end).
  const rowLo = new Float64Array(bw * H);
  const rowHi = new Float64Array(bw * H);
  const line = new Float64Array(W);
  const lo = new Float64Array(bw);
  const hi = new Float64Array(bw);
  for (let y = 0; y < H; y++) {
    const sy = y < hgt ? y : hgt - 1;
    for (let x = 0; x < W; x++) line[x] = src[sy * w + (x < w ? x : w - 1)];
    analyze(line, W, h, g, lo, hi);
    rowLo.set(lo, y * bw);
    rowHi.set(hi, y * bw);
  }
  // Columns, walked row-wise for contiguous memory access.
  const cols = (plane: Float64Array): [Float64Array, Float64Array] => {
    const a = new Float64Array(bw * bh);
    const d = new Float64Array(bw * bh);
    for (let i = 0; i < bh; i++) {
      for (let k = 0; k < h.length; k++) {
        const srow = ((2 * i + k) % H) * bw;
        const hk = h[k];
        const gk = g[k];
        for (let x = 0; x < bw; x++) {
          const v = plane[srow + x];
          a[i * bw + x] += hk * v;
          d[i * bw + x] += gk * v;
        }
      }
    }
    return [a, d];
  };
  const [ll, lh] = cols(rowLo);
  const [hl, hh] = cols(rowHi);
  return { ll, details: [lh, hl, hh] as [Float64Array, Float64Array, Float64Array], bw, bh };
}

/** Inverse of {@link dwtStep}: rebuilds the w×h plane. */
function idwtStep(
  ll: Float64Array,
  details: [Float64Array, Float64Array, Float64Array],
  w: number,
  hgt: number,
  h: Float64Array,
  g: Float64Array,
): Float64Array {
  const W = w + (w & 1);
  const H = hgt + (hgt & 1);
  const bw = W >> 1;
  const bh = H >> 1;
  const [lh, hl, hh] = details;
  const cols = (a: Float64Array, d: Float64Array): Float64Array => {
    const out = new Float64Array(bw * H);
    for (let i = 0; i < bh; i++) {
      for (let k = 0; k < h.length; k++) {
        const drow = ((2 * i + k) % H) * bw;
        const hk = h[k];
        const gk = g[k];
        for (let x = 0; x < bw; x++) out[drow + x] += hk * a[i * bw + x] + gk * d[i * bw + x];
      }
    }
    return out;
  };
  const rowLo = cols(ll, lh);
  const rowHi = cols(hl, hh);
  const out = new Float64Array(w * hgt);
  const line = new Float64Array(W);
  for (let y = 0; y < hgt; y++) {
    synthesize(rowLo.subarray(y * bw, (y + 1) * bw), rowHi.subarray(y * bw, (y + 1) * bw), W, h, g, line);
    out.set(line.subarray(0, w), y * w);
  }
  return out;
}

/**
 * k-level 2-D DWT of one plane (MATLAB's wavedec2 with periodic extension).
 *
 * @example
 * ```ts
 * import { dwt2, idwt2 } from 'colorize-toolkit/internals';
 * const x = Float32Array.from({ length: 35 }, (_, i) => Math.sin(i));
 * const dec = dwt2(x, 7, 5, 2, 'db2');
 * const back = idwt2(dec);
 * console.log(dec.levels.length, Math.max(...back.map((v, i) => Math.abs(v - x[i]))) < 1e-6); // 2 true
 * ```
 */
export function dwt2(
  plane: ArrayLike<number>,
  width: number,
  height: number,
  levels: number,
  wavelet: WaveletName = 'haar',
): WaveletDecomposition {
  checkInteger('levels', levels, 1, 30);
  const { h, g } = waveletFilters(wavelet);
  let cur: Float64Array = Float64Array.from(plane as ArrayLike<number>);
  let w = width;
  let ht = height;
  const out: WaveletLevel[] = [];
  for (let j = 0; j < levels; j++) {
    const step = dwtStep(cur, w, ht, h, g);
    out.push({ width: w, height: ht, bandWidth: step.bw, bandHeight: step.bh, details: step.details });
    cur = step.ll;
    w = step.bw;
    ht = step.bh;
  }
  return { wavelet, width, height, levels: out, approx: cur, approxWidth: w, approxHeight: ht };
}

/** Reconstructs the plane from a (possibly edited) decomposition. */
export function idwt2(dec: WaveletDecomposition): Float64Array {
  const { h, g } = waveletFilters(dec.wavelet);
  let cur: Float64Array = dec.approx;
  for (let j = dec.levels.length - 1; j >= 0; j--) {
    const lv = dec.levels[j];
    cur = idwtStep(cur, lv.details, lv.width, lv.height, h, g);
  }
  return cur;
}
