/**
 * GIST global scene descriptor of Oliva & Torralba ("Modeling the shape of the scene", IJCV 2001),
 * following their released LMgist code for a gray image:
 *
 * 1. resize the short side to `imageSize` (default 128) and crop the centre square;
 * 2. pre-filter (`prefilt`, fc = 4): log(1 + 255·I), subtract a Gaussian low-pass
 *    exp(−|f|²/s1²), s1 = fc/√ln 2, and divide by 0.2 + the low-passed local standard deviation
 *    (symmetric padding of 5 pixels; here the padded square is zero-filled up to a power of two and
 *    the filter is scaled to the padded size LMgist would use, so the frequencies match);
 * 3. a Gabor bank in the frequency domain (`createGabor`): for scale i (0-based) and orientation
 *    j of n_i, G = exp(−3.5 (|f|/(N·0.3/1.85^i) − 1)² − 2π·(n_i²/64)·(θ + πj/n_i)²);
 * 4. the magnitude of each filtered image averaged over a `blocks`×`blocks` grid.
 *
 * Default 4 scales × 8 orientations × 4×4 blocks = 512 values, ordered filter by filter (scale,
 * then orientation), blocks column-major as in LMgist.
 */
import { checkInteger } from '../errors.js';
import { resizePlane } from '../image/resize.js';

export interface GistOptions {
  /** Side of the square the image is brought to (default 128; a power of two). */
  imageSize?: number;
  /** Orientations per scale (default [8, 8, 8, 8]). */
  orientationsPerScale?: readonly number[];
  /** Blocks per side for averaging (default 4). */
  blocks?: number;
  /** Pre-filter cut-off fc in cycles per image (default 4). */
  fc?: number;
}

/** In-place radix-2 complex FFT of length n (a power of two); `inverse` omits the 1/n scale. */
function fft1(re: Float64Array, im: Float64Array, inverse: boolean): void {
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

/** LMgist prefilt on an n×n image (values already log-scaled). */
function prefilter(img: Float64Array, n: number, fc: number): Float64Array {
  const w = 5;
  const padded = n + 2 * w; // LMgist's size, already even
  let N = 1;
  while (N < padded) N <<= 1;
  const s1 = fc / Math.sqrt(Math.LN2);
  const scale = padded / N; // index k on the N grid is frequency k·padded/N on LMgist's grid
  const gf = new Float64Array(N * N);
  for (let ky = 0; ky < N; ky++)
    for (let kx = 0; kx < N; kx++) {
      const fx = freq(kx, N) * scale;
      const fy = freq(ky, N) * scale;
      gf[ky * N + kx] = Math.exp(-(fx * fx + fy * fy) / (s1 * s1));
    }
  // Symmetric padding by w, then symmetric continuation up to N (keeps the borders smooth).
  const sym = (i: number, len: number): number => {
    const period = 2 * len;
    let j = (((i % period) + period) % period) | 0;
    if (j >= len) j = period - 1 - j;
    return j;
  };
  const re = new Float64Array(N * N);
  for (let y = 0; y < N; y++)
    for (let x = 0; x < N; x++) re[y * N + x] = img[sym(y - w, n) * n + sym(x - w, n)];
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
  if (!isPow2(n)) throw new RangeError(`GIST imageSize must be a power of two, got ${n}`);
  const orientations = options.orientationsPerScale ?? [8, 8, 8, 8];
  const blocks = checkInteger('blocks', options.blocks ?? 4, 1, n);
  const fc = options.fc ?? 4;
  // imresizecrop: short side to n, centre crop.
  const s = n / Math.min(width, height);
  const rw = Math.max(n, Math.round(width * s));
  const rh = Math.max(n, Math.round(height * s));
  const resized = resizePlane(gray, width, height, rw, rh, 'area');
  const ox = (rw - n) >> 1;
  const oy = (rh - n) >> 1;
  const img = new Float64Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      img[y * n + x] = Math.log(1 + 255 * Math.max(0, resized[(y + oy) * rw + x + ox]));
  const pre = prefilter(img, n, fc);
  const Fr = pre.slice();
  const Fi = new Float64Array(n * n);
  fft2(Fr, Fi, n);
  const bank = gaborBank(orientations, n);
  const out = new Float32Array(bank.length * blocks * blocks);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  // Block boundaries as LMgist downN: round(linspace(0, n, blocks+1)).
  const edges = Array.from({ length: blocks + 1 }, (_, i) => Math.round((i * n) / blocks));
  bank.forEach((g, f) => {
    for (let k = 0; k < n * n; k++) {
      re[k] = Fr[k] * g[k];
      im[k] = Fi[k] * g[k];
    }
    fft2(re, im, n, true);
    for (let bx = 0; bx < blocks; bx++)
      for (let by = 0; by < blocks; by++) {
        let sum = 0;
        for (let y = edges[by]; y < edges[by + 1]; y++)
          for (let x = edges[bx]; x < edges[bx + 1]; x++) sum += Math.hypot(re[y * n + x], im[y * n + x]);
        out[f * blocks * blocks + bx * blocks + by] =
          sum / ((edges[by + 1] - edges[by]) * (edges[bx + 1] - edges[bx]));
      }
  });
  return out;
}
