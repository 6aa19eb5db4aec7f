/**
 * GIST global scene descriptor of Oliva & Torralba ("Modeling the shape of the scene", IJCV 2001),
 * following their released LMgist code (LMgist.m, prefilt.m, gistGabor.m, createGabor.m) for a
 * gray image:
 *
 * 1. resize the short side to `imageSize` (default 128) and crop the centre square; stretch the
 *    values to [0, 255] (img − min, then 255·img / max);
 * 2. pre-filter (`prefilt`, fc = 4): log(1 + I), symmetric padding of 5 pixels, subtract a
 *    Gaussian low-pass exp(−|f|²/s1²), s1 = fc/√ln 2, and divide by 0.2 + the low-passed local
 *    standard deviation, on the padded (imageSize + 10)² grid as LMgist;
 * 3. symmetric padding of `boundaryExtension` = 32 pixels (gistGabor), then a Gabor bank in the
 *    frequency domain built for the padded size N = imageSize + 64 (`createGabor`): for scale i
 *    (0-based) and orientation j of n_i, G = exp(−3.5 (|f|/(N·0.3/1.85^i) − 1)² −
 *    2π·(n_i²/64)·(θ + πj/n_i)²);
 * 4. the magnitude of each filtered image, cropped back to imageSize², averaged over a
 *    `blocks`×`blocks` grid (downN).
 *
 * Default 4 scales × 8 orientations × 4×4 blocks = 512 values, ordered filter by filter (scale,
 * then orientation), blocks column-major as in LMgist. The padded sizes (138, 192) are not powers
 * of two: the FFT here is mixed-radix.
 */
import { checkInteger } from '../errors.js';
import { resizePlane } from '../image/resize.js';

export interface GistOptions {
  /** Side of the square the image is brought to (default 128; even). */
  imageSize?: number;
  /** Orientations per scale (default [8, 8, 8, 8]). */
  orientationsPerScale?: readonly number[];
  /** Blocks per side for averaging (default 4). */
  blocks?: number;
  /** Pre-filter cut-off fc in cycles per image (default 4). */
  fc?: number;
  /** Symmetric padding before the Gabor filters, pixels per side (default 32, LMgist). */
  boundaryExtension?: number;
}

/** In-place radix-2 complex FFT of length n (a power of two); `inverse` omits the 1/n scale. */
function fftPow2(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b] * cr - im[b] * ci;
        const xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
        const t = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = t;
      }
    }
  }
}

/**
 * Tables for a length n = q·2^k (q odd): cos/sin(2πj/n), and scratch for the q decimated
 * sequences x[q·i + r] of length m = 2^k.
 */
interface MixedPlan {
  q: number;
  m: number;
  cos: Float64Array;
  sin: Float64Array;
  subRe: Float64Array[];
  subIm: Float64Array[];
  outRe: Float64Array;
  outIm: Float64Array;
}
const planCache = new Map<number, MixedPlan>();

function mixedPlan(n: number): MixedPlan {
  const hit = planCache.get(n);
  if (hit) return hit;
  let m = 1;
  while (n % (2 * m) === 0) m *= 2;
  const q = n / m;
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    cos[j] = Math.cos((2 * Math.PI * j) / n);
    sin[j] = Math.sin((2 * Math.PI * j) / n);
  }
  const plan: MixedPlan = {
    q,
    m,
    cos,
    sin,
    subRe: Array.from({ length: q }, () => new Float64Array(m)),
    subIm: Array.from({ length: q }, () => new Float64Array(m)),
    outRe: new Float64Array(n),
    outIm: new Float64Array(n),
  };
  planCache.set(n, plan);
  return plan;
}

/**
 * In-place complex FFT of any length n = q·2^k: the q decimated sequences x[q·i + r] go through
 * the radix-2 FFT, then X[k] = Σ_r W_n^(r·k) Y_r[k mod 2^k] (a direct sum over the odd factor,
 * q·n operations: cheap for GIST's 192 = 3·64 and 138 = 69·2). `inverse` omits the 1/n scale.
 */
function fft1(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  if (isPow2(n)) {
    fftPow2(re, im, inverse);
    return;
  }
  const { q, m, cos, sin, subRe, subIm, outRe, outIm } = mixedPlan(n);
  for (let r = 0; r < q; r++) {
    const a = subRe[r];
    const b = subIm[r];
    for (let i = 0; i < m; i++) {
      a[i] = re[q * i + r];
      b[i] = im[q * i + r];
    }
    if (m > 1) fftPow2(a, b, inverse);
  }
  const sign = inverse ? 1 : -1;
  for (let k = 0; k < n; k++) {
    const km = k % m;
    let sr = 0;
    let si = 0;
    let j = 0; // (r·k) mod n
    for (let r = 0; r < q; r++) {
      const c = cos[j];
      const sn = sign * sin[j];
      const xr = subRe[r][km];
      const xi = subIm[r][km];
      sr += xr * c - xi * sn;
      si += xr * sn + xi * c;
      j += k;
      if (j >= n) j -= n;
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  re.set(outRe);
  im.set(outIm);
}

/** 2-D FFT of an n×n complex array (row-major), in place; the inverse includes 1/n². */
export function fft2(re: Float64Array, im: Float64Array, n: number, inverse = false): void {
  const r = new Float64Array(n);
  const i = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    r.set(re.subarray(y * n, y * n + n));
    i.set(im.subarray(y * n, y * n + n));
    fft1(r, i, inverse);
    re.set(r, y * n);
    im.set(i, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      r[y] = re[y * n + x];
      i[y] = im[y * n + x];
    }
    fft1(r, i, inverse);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = r[y];
      im[y * n + x] = i[y];
    }
  }
  if (inverse) {
    const s = 1 / (n * n);
    for (let k = 0; k < re.length; k++) {
      re[k] *= s;
      im[k] *= s;
    }
  }
}

/** Signed frequency of FFT index k on an n-point grid (fftshift convention: −n/2 … n/2−1). */
function freq(k: number, n: number): number {
  return k < n / 2 ? k : k - n;
}

function isPow2(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

const gaborCache = new Map<string, Float64Array[]>();

/** LMgist createGabor: transfer functions on an n×n grid (FFT order, not shifted). */
function gaborBank(orientations: readonly number[], n: number): Float64Array[] {
  const key = `${orientations.join(',')}/${n}`;
  const hit = gaborCache.get(key);
  if (hit) return hit;
  const bank: Float64Array[] = [];
  orientations.forEach((no, s) => {
    for (let j = 0; j < no; j++) {
      const p1 = 0.35;
      const p2 = 0.3 / 1.85 ** s;
      const p3 = (16 * no * no) / (32 * 32);
      const p4 = (Math.PI / no) * j;
      const g = new Float64Array(n * n);
      for (let ky = 0; ky < n; ky++)
        for (let kx = 0; kx < n; kx++) {
          const fx = freq(kx, n);
          const fy = freq(ky, n);
          const fr = Math.sqrt(fx * fx + fy * fy);
          let tr = Math.atan2(fy, fx) + p4;
          if (tr < -Math.PI) tr += 2 * Math.PI;
          else if (tr > Math.PI) tr -= 2 * Math.PI;
          g[ky * n + kx] = Math.exp(-10 * p1 * (fr / n / p2 - 1) ** 2 - 2 * p3 * Math.PI * tr * tr);
        }
      bank.push(g);
    }
  });
  gaborCache.set(key, bank);
  return bank;
}

/** MATLAB padarray(…, 'symmetric') index: the edge value is repeated (… 1 0 | 0 1 … n−1 | n−1 n−2 …). */
function symIndex(i: number, len: number): number {
  const period = 2 * len;
  let j = ((i % period) + period) % period;
  if (j >= len) j = period - 1 - j;
  return j;
}

/** `img` (n×n) padded symmetrically by w on every side: an (n + 2w)² array. */
function padSymmetric(img: Float64Array, n: number, w: number): Float64Array {
  const N = n + 2 * w;
  const out = new Float64Array(N * N);
  for (let y = 0; y < N; y++) {
    const sy = symIndex(y - w, n) * n;
    for (let x = 0; x < N; x++) out[y * N + x] = img[sy + symIndex(x - w, n)];
  }
  return out;
}

/** LMgist prefilt on an n×n image (values already log-scaled): padded by 5, filtered at (n + 10)². */
function prefilter(img: Float64Array, n: number, fc: number): Float64Array {
  const w = 5;
  const N = n + 2 * w; // even for even n: LMgist's n + mod(n, 2) adds nothing
  const s1 = fc / Math.sqrt(Math.LN2);
  const gf = new Float64Array(N * N);
  for (let ky = 0; ky < N; ky++)
    for (let kx = 0; kx < N; kx++) {
      const fx = freq(kx, N);
      const fy = freq(ky, N);
      gf[ky * N + kx] = Math.exp(-(fx * fx + fy * fy) / (s1 * s1));
    }
  const re = padSymmetric(img, n, w);
  const lowpass = (src: Float64Array): Float64Array => {
    const r = src.slice();
    const i = new Float64Array(N * N);
    fft2(r, i, N);
    for (let k = 0; k < r.length; k++) {
      r[k] *= gf[k];
      i[k] *= gf[k];
    }
    fft2(r, i, N, true);
    return r;
  };
  const low = lowpass(re);
  const hp = new Float64Array(N * N);
  for (let k = 0; k < hp.length; k++) hp[k] = re[k] - low[k];
  const sq = new Float64Array(N * N);
  for (let k = 0; k < sq.length; k++) sq[k] = hp[k] * hp[k];
  const lstd = lowpass(sq);
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const k = (y + w) * N + x + w;
      out[y * n + x] = hp[k] / (0.2 + Math.sqrt(Math.abs(lstd[k])));
    }
  return out;
}

/**
 * LMgist's imresizecrop: the short side brought to n (area average), then the centre n×n square.
 *
 * @example
 * ```ts
 * import { gistSquare } from 'colorize-toolkit/internals';
 * const sq = gistSquare(new Float32Array(64 * 32).fill(0.5), 64, 32, 16);
 * console.log(sq.length, sq[0]); // 256 0.5
 * ```
 */
export function gistSquare(gray: Float32Array, width: number, height: number, n: number): Float64Array {
  const s = n / Math.min(width, height);
  const rw = Math.max(n, Math.round(width * s));
  const rh = Math.max(n, Math.round(height * s));
  const resized = resizePlane(gray, width, height, rw, rh, 'area');
  const ox = (rw - n) >> 1;
  const oy = (rh - n) >> 1;
  const img = new Float64Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) img[y * n + x] = resized[(y + oy) * rw + x + ox];
  return img;
}

/**
 * GIST descriptor of a gray image (values in [0, 1]).
 *
 * @example
 * ```ts
 * import { gist } from 'colorize-toolkit/internals';
 * const img = new Float32Array(64 * 48).map((_, i) => ((i % 64) >> 3) % 2);
 * const g = gist(img, 64, 48);
 * console.log(g.length); // 512
 * ```
 */
export function gist(
  gray: Float32Array,
  width: number,
  height: number,
  options: GistOptions = {},
): Float32Array {
  const n = checkInteger('imageSize', options.imageSize ?? 128, 16, 1024);
  if (n % 2 !== 0) throw new RangeError(`GIST imageSize must be even, got ${n}`);
  const orientations = options.orientationsPerScale ?? [8, 8, 8, 8];
  const blocks = checkInteger('blocks', options.blocks ?? 4, 1, n);
  const fc = options.fc ?? 4;
  const be = checkInteger('boundaryExtension', options.boundaryExtension ?? 32, 0, n);
  const img = gistSquare(gray, width, height, n);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n * n; k++) {
    if (img[k] < lo) lo = img[k];
    if (img[k] > hi) hi = img[k];
  }
  // LMgist: img − min, then 255·img/max (a flat image stays 0 instead of LMgist's 0/0).
  const stretch = hi > lo ? 255 / (hi - lo) : 0;
  for (let k = 0; k < n * n; k++) img[k] = Math.log(1 + (img[k] - lo) * stretch);
  const pre = prefilter(img, n, fc);
  // gistGabor: symmetric padding by `be`, Gabor bank on the padded grid, crop back to n².
  const N = n + 2 * be;
  const Fr = padSymmetric(pre, n, be);
  const Fi = new Float64Array(N * N);
  fft2(Fr, Fi, N);
  const bank = gaborBank(orientations, N);
  const out = new Float32Array(bank.length * blocks * blocks);
  const re = new Float64Array(N * N);
  const im = new Float64Array(N * N);
  // Block boundaries as LMgist downN: fix(linspace(0, n, blocks+1)).
  const edges = Array.from({ length: blocks + 1 }, (_, i) => Math.floor((i * n) / blocks + 1e-9));
  bank.forEach((g, f) => {
    for (let k = 0; k < N * N; k++) {
      re[k] = Fr[k] * g[k];
      im[k] = Fi[k] * g[k];
    }
    fft2(re, im, N, true);
    for (let bx = 0; bx < blocks; bx++)
      for (let by = 0; by < blocks; by++) {
        let sum = 0;
        for (let y = edges[by]; y < edges[by + 1]; y++)
          for (let x = edges[bx]; x < edges[bx + 1]; x++) {
            const k = (y + be) * N + x + be;
            sum += Math.sqrt(re[k] * re[k] + im[k] * im[k]);
          }
        out[f * blocks * blocks + bx * blocks + by] =
          sum / ((edges[by + 1] - edges[by]) * (edges[bx + 1] - edges[bx]));
      }
  });
  return out;
}
