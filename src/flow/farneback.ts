/**
 * Dense optical flow by polynomial expansion: G. Farnebäck, "Two-frame motion estimation based on
 * polynomial expansion", SCIA 2003 (§2 polynomial expansion, §3 displacement estimation, §4
 * iterative and multi-scale refinement, §5 averaging over a neighbourhood), following the layout of
 * OpenCV's `calcOpticalFlowFarneback` (box-window averaging, the same pyramid and border weights) so
 * that its result can serve as an independent reference (test/flow/farneback.test.ts, fixture made by
 * scripts/make-flow-fixture.py with Debian's python3-opencv).
 *
 * Convention: `flow` at pixel (x, y) of `prev` is the displacement (u, v) such that
 * prev(x, y) ≈ next(x + u, y + v). Planes are row-major Float32Array, values on any scale
 * (internally ×255 when `unitRange` is set, so the regulariser matches OpenCV's 8-bit inputs).
 *
 * Pure TypeScript, no Node modules.
 */
import { checkInteger, checkNumber } from '../errors.js';

/** A dense flow field: horizontal and vertical displacement planes, in pixels. */
export interface FlowField {
  readonly width: number;
  readonly height: number;
  readonly u: Float32Array;
  readonly v: Float32Array;
}

export interface FarnebackOptions {
  /** Pyramid scale between levels (OpenCV `pyr_scale`), default 0.5. */
  pyrScale?: number;
  /** Number of coarser levels (OpenCV `levels`; a level is dropped when a side would be below 32 px), default 4. */
  levels?: number;
  /** Side of the averaging window (§5; OpenCV `winsize`), default 15. */
  winSize?: number;
  /** Refinement iterations per level (§4; OpenCV `iterations`), default 3. */
  iterations?: number;
  /** Half-size of the polynomial expansion neighbourhood (§2; OpenCV `poly_n`), default 5. */
  polyN?: number;
  /** σ of the Gaussian applicability of the expansion (§2; OpenCV `poly_sigma`), default 1.1. */
  polySigma?: number;
  /** Input planes are on [0, 1] (scaled ×255 inside, as OpenCV's 8-bit frames); default true. */
  unitRange?: boolean;
}

/** OpenCV's commonly used parameters (pyr_scale 0.5, winsize 15, iterations 3, poly_n 5, poly_sigma 1.1). */
export const FARNEBACK_DEFAULTS: Required<FarnebackOptions> = {
  pyrScale: 0.5,
  levels: 4,
  winSize: 15,
  iterations: 3,
  polyN: 5,
  polySigma: 1.1,
  unitRange: true,
};

const MIN_SIZE = 32;

/** Gaussian kernel, its x- and x²-moments, and the four distinct entries of G⁻¹ (§2, eq. 3 normal equations). */
function prepareGaussian(n: number, sigma: number) {
  const g = new Float64Array(2 * n + 1);
  let s = 0;
  for (let x = -n; x <= n; x++) {
    g[x + n] = Math.exp((-x * x) / (2 * sigma * sigma));
    s += g[x + n];
  }
  const xg = new Float64Array(2 * n + 1);
  const xxg = new Float64Array(2 * n + 1);
  for (let x = -n; x <= n; x++) {
    g[x + n] /= s;
    xg[x + n] = x * g[x + n];
    xxg[x + n] = x * x * g[x + n];
  }
  // Moments of the applicability over the 2-D window for the basis {1, x, y, x², y², xy}.
  let m0 = 0;
  let m2 = 0;
  let m4 = 0;
  let m22 = 0;
  for (let y = -n; y <= n; y++) {
    for (let x = -n; x <= n; x++) {
      const w = g[y + n] * g[x + n];
      m0 += w;
      m2 += w * x * x;
      m4 += w * x ** 4;
      m22 += w * x * x * y * y;
    }
  }
  // The 3×3 block of G on {1, x², y²} is [[m0, m2, m2], [m2, m4, m22], [m2, m22, m4]]; invert it.
  const a = m0;
  const b = m2;
  const c = m4;
  const d = m22;
  // Symmetric in x²↔y²: reduce to the 2×2 system on {1, (x²+y²)} and (x²−y²).
  // inv = [[p, q, q], [q, r, t], [q, t, r]] with r − t = 1/(c − d) and the rest from [[a, 2b],[b, c+d]].
  const det2 = a * (c + d) - 2 * b * b;
  const q = -b / det2;
  const rPlusT = a / det2;
  const rMinusT = 1 / (c - d);
  return {
    g,
    xg,
    xxg,
    ig11: 1 / m2,
    ig03: q,
    ig33: (rPlusT + rMinusT) / 2,
    ig55: 1 / m22,
  };
}

/**
 * Polynomial expansion (§2): per pixel the coefficients of f(x) ≈ xᵀAx + bᵀx + c fitted with a
 * Gaussian applicability by separable correlation. Returns 5 interleaved values per pixel in
 * OpenCV's order: b_y, b_x, A_yy, A_xx, 2·A_xy.
 */
export function polyExpansion(
  src: Float32Array,
  width: number,
  height: number,
  n: number,
  sigma: number,
): Float32Array {
  const { g, xg, xxg, ig11, ig03, ig33, ig55 } = prepareGaussian(n, sigma);
  const dst = new Float32Array(width * height * 5);
  const row = new Float64Array((width + 2 * n) * 3);
  const o = n * 3;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      row[o + x * 3] = src[base + x] * g[n];
      row[o + x * 3 + 1] = 0;
      row[o + x * 3 + 2] = 0;
    }
    for (let k = 1; k <= n; k++) {
      const g0 = g[n + k];
      const g1 = xg[n + k];
      const g2 = xxg[n + k];
      const r0 = Math.max(y - k, 0) * width;
      const r1 = Math.min(y + k, height - 1) * width;
      for (let x = 0; x < width; x++) {
        const a = src[r0 + x];
        const b = src[r1 + x];
        const p = a + b;
        row[o + x * 3] += g0 * p;
        row[o + x * 3 + 1] += g1 * (b - a);
        row[o + x * 3 + 2] += g2 * p;
      }
    }
    // Replicate the border columns.
    for (let x = 0; x < n; x++) {
      for (let c = 0; c < 3; c++) {
        row[o - (x + 1) * 3 + c] = row[o + c];
        row[o + (width + x) * 3 + c] = row[o + (width - 1) * 3 + c];
      }
    }
    for (let x = 0; x < width; x++) {
      const cx = o + x * 3;
      let b1 = row[cx] * g[n];
      let b2 = 0;
      let b3 = row[cx + 1] * g[n];
      let b4 = 0;
      let b5 = row[cx + 2] * g[n];
      let b6 = 0;
      for (let k = 1; k <= n; k++) {
        const ip = cx + k * 3;
        const im = cx - k * 3;
        const g0 = g[n + k];
        const tg = row[ip] + row[im];
        b1 += tg * g0;
        b4 += tg * xxg[n + k];
        b2 += (row[ip] - row[im]) * xg[n + k];
        b3 += (row[ip + 1] + row[im + 1]) * g0;
        b6 += (row[ip + 1] - row[im + 1]) * xg[n + k];
        b5 += (row[ip + 2] + row[im + 2]) * g0;
      }
      const d = (base + x) * 5;
      dst[d] = b3 * ig11;
      dst[d + 1] = b2 * ig11;
      dst[d + 2] = b1 * ig03 + b5 * ig33;
      dst[d + 3] = b1 * ig03 + b4 * ig33;
      dst[d + 4] = b6 * ig55;
    }
  }
  return dst;
}

const BORDER = [0.14, 0.14, 0.4472, 0.4472, 0.4472];

/**
 * §3 eq. 9–13 with §4's a-priori displacement: per pixel the 5 entries of AᵀA and AᵀΔb, with A the
 * mean of the two expansions' A (R1 sampled at x + d), Δb = −½(b₁ − b₀) + A d; down-weighted in
 * the 5-pixel border (§5 certainty, OpenCV's weights).
 */
function updateMatrices(
  R0: Float32Array,
  R1: Float32Array,
  u: Float32Array,
  v: Float32Array,
  width: number,
  height: number,
  M: Float32Array,
): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const dx = u[i];
      const dy = v[i];
      let fx = x + dx;
      let fy = y + dy;
      const x1 = Math.floor(fx);
      const y1 = Math.floor(fy);
      const p0 = i * 5;
      let r2: number;
      let r3: number;
      let r4: number;
      let r5: number;
      let r6: number;
      if (x1 >= 0 && x1 < width - 1 && y1 >= 0 && y1 < height - 1) {
        fx -= x1;
        fy -= y1;
        const a00 = (1 - fx) * (1 - fy);
        const a01 = fx * (1 - fy);
        const a10 = (1 - fx) * fy;
        const a11 = fx * fy;
        const q = (y1 * width + x1) * 5;
        const q1 = q + width * 5;
        r2 = a00 * R1[q] + a01 * R1[q + 5] + a10 * R1[q1] + a11 * R1[q1 + 5];
        r3 = a00 * R1[q + 1] + a01 * R1[q + 6] + a10 * R1[q1 + 1] + a11 * R1[q1 + 6];
        r4 = a00 * R1[q + 2] + a01 * R1[q + 7] + a10 * R1[q1 + 2] + a11 * R1[q1 + 7];
        r5 = a00 * R1[q + 3] + a01 * R1[q + 8] + a10 * R1[q1 + 3] + a11 * R1[q1 + 8];
        r6 = a00 * R1[q + 4] + a01 * R1[q + 9] + a10 * R1[q1 + 4] + a11 * R1[q1 + 9];
        r4 = (R0[p0 + 2] + r4) * 0.5;
        r5 = (R0[p0 + 3] + r5) * 0.5;
        r6 = (R0[p0 + 4] + r6) * 0.25;
      } else {
        r2 = 0;
        r3 = 0;
        r4 = R0[p0 + 2];
        r5 = R0[p0 + 3];
        r6 = R0[p0 + 4] * 0.5;
      }
      r2 = (R0[p0] - r2) * 0.5;
      r3 = (R0[p0 + 1] - r3) * 0.5;
      r2 += r4 * dy + r6 * dx;
      r3 += r6 * dy + r5 * dx;
      if (x < 5 || x >= width - 5 || y < 5 || y >= height - 5) {
        const s =
          (x < 5 ? BORDER[x] : 1) *
          (x >= width - 5 ? BORDER[width - x - 1] : 1) *
          (y < 5 ? BORDER[y] : 1) *
          (y >= height - 5 ? BORDER[height - y - 1] : 1);
        r2 *= s;
        r3 *= s;
        r4 *= s;
        r5 *= s;
        r6 *= s;
      }
      M[p0] = r4 * r4 + r6 * r6;
      M[p0 + 1] = (r4 + r5) * r6;
      M[p0 + 2] = r5 * r5 + r6 * r6;
      M[p0 + 3] = r4 * r2 + r6 * r3;
      M[p0 + 4] = r6 * r2 + r5 * r3;
    }
  }
}

/** §5: box-average the 5 planes of M over a (2m+1)² window (replicated border), solve the 2×2 system per pixel. */
function solveFlow(
  M: Float32Array,
  width: number,
  height: number,
  blockSize: number,
  u: Float32Array,
  v: Float32Array,
  vsum: Float64Array,
): void {
  const m = blockSize >> 1;
  const scale = 1 / (blockSize * blockSize);
  const W5 = width * 5;
  // vsum holds the vertical window sums of row y, padded by m+1 pixels each side.
  const pad = (m + 1) * 5;
  vsum.fill(0);
  for (let x = 0; x < W5; x++) vsum[pad + x] = M[x] * (m + 2);
  for (let y = 1; y < m; y++) {
    const r = Math.min(y, height - 1) * W5;
    for (let x = 0; x < W5; x++) vsum[pad + x] += M[r + x];
  }
  for (let y = 0; y < height; y++) {
    const r0 = Math.max(y - m - 1, 0) * W5;
    const r1 = Math.min(y + m, height - 1) * W5;
    for (let x = 0; x < W5; x++) vsum[pad + x] += M[r1 + x] - M[r0 + x];
    for (let x = 0; x < pad; x++) {
      vsum[pad - 1 - x] = vsum[pad + 4 - x];
      vsum[pad + W5 + x] = vsum[pad + W5 + x - 5];
    }
    let g11 = vsum[pad] * (m + 2);
    let g12 = vsum[pad + 1] * (m + 2);
    let g22 = vsum[pad + 2] * (m + 2);
    let h1 = vsum[pad + 3] * (m + 2);
    let h2 = vsum[pad + 4] * (m + 2);
    for (let x = 1; x < m; x++) {
      g11 += vsum[pad + x * 5];
      g12 += vsum[pad + x * 5 + 1];
      g22 += vsum[pad + x * 5 + 2];
      h1 += vsum[pad + x * 5 + 3];
      h2 += vsum[pad + x * 5 + 4];
    }
    const out = y * width;
    for (let x = 0; x < width; x++) {
      const add = pad + (x + m) * 5;
      const sub = pad + (x - m) * 5 - 5;
      g11 += vsum[add] - vsum[sub];
      g12 += vsum[add + 1] - vsum[sub + 1];
      g22 += vsum[add + 2] - vsum[sub + 2];
      h1 += vsum[add + 3] - vsum[sub + 3];
      h2 += vsum[add + 4] - vsum[sub + 4];
      const a = g11 * scale;
      const b = g12 * scale;
      const c = g22 * scale;
      const e = h1 * scale;
      const f = h2 * scale;
      const idet = 1 / (a * c - b * b + 1e-3);
      u[out + x] = (a * f - b * e) * idet;
      v[out + x] = (c * e - b * f) * idet;
    }
  }
}

/** OpenCV's fixed small Gaussian kernels (sigma ≤ 0) and the sampled kernel otherwise, normalised. */
function smoothingKernel(size: number, sigma: number): Float64Array {
  const k = new Float64Array(size);
  if (sigma <= 0 && size === 3) {
    k.set([0.25, 0.5, 0.25]);
    return k;
  }
  const s = sigma > 0 ? sigma : 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
  let sum = 0;
  const h = (size - 1) / 2;
  for (let i = 0; i < size; i++) {
    k[i] = Math.exp(-((i - h) ** 2) / (2 * s * s));
    sum += k[i];
  }
  for (let i = 0; i < size; i++) k[i] /= sum;
  return k;
}

function reflect101(i: number, n: number): number {
  if (n === 1) return 0;
  while (i < 0 || i >= n) {
    if (i < 0) i = -i;
    if (i >= n) i = 2 * n - 2 - i;
  }
  return i;
}

/** Separable blur with reflect-101 borders (OpenCV's default). */
function blurPlane(src: Float32Array, width: number, height: number, k: Float64Array): Float32Array {
  const r = (k.length - 1) >> 1;
  const tmp = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  const xs = new Int32Array(width + 2 * r);
  for (let i = 0; i < xs.length; i++) xs[i] = reflect101(i - r, width);
  const ys = new Int32Array(height + 2 * r);
  for (let i = 0; i < ys.length; i++) ys[i] = reflect101(i - r, height) * width;
  const line = new Float32Array(width + 2 * r);
  for (let y = 0; y < height; y++) {
    const b = y * width;
    for (let i = 0; i < line.length; i++) line[i] = src[b + xs[i]];
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) s += k[j] * line[x + j];
      tmp[b + x] = s;
    }
  }
  const acc = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    for (let j = 0; j < k.length; j++) {
      const row = ys[y + j];
      const kj = k[j];
      for (let x = 0; x < width; x++) acc[x] += kj * tmp[row + x];
    }
    const b = y * width;
    for (let x = 0; x < width; x++) out[b + x] = acc[x];
  }
  return out;
}

/**
 * Bilinear resampling with pixel centres aligned (OpenCV INTER_LINEAR, edge samples clamped).
 *
 * @example
 * ```ts
 * import { resizeBilinear } from 'colorize-toolkit/internals';
 * const p = resizeBilinear(new Float32Array([0, 1, 2, 3]), 2, 2, 4, 4);
 * console.log(p.length, p[0], p[15]); // 16 0 3
 * ```
 */
export function resizeBilinear(
  src: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  const sx = width / outWidth;
  const sy = height / outHeight;
  const xi = new Int32Array(outWidth);
  const xf = new Float32Array(outWidth);
  for (let x = 0; x < outWidth; x++) {
    let fx = (x + 0.5) * sx - 0.5;
    if (fx < 0) fx = 0;
    let x0 = Math.floor(fx);
    if (x0 >= width - 1) {
      x0 = width - 1;
      fx = x0;
    }
    xi[x] = x0;
    xf[x] = fx - x0;
  }
  for (let y = 0; y < outHeight; y++) {
    let fy = (y + 0.5) * sy - 0.5;
    if (fy < 0) fy = 0;
    let y0 = Math.floor(fy);
    if (y0 >= height - 1) {
      y0 = height - 1;
      fy = y0;
    }
    const wy = fy - y0;
    const r0 = y0 * width;
    const r1 = Math.min(y0 + 1, height - 1) * width;
    for (let x = 0; x < outWidth; x++) {
      const x0 = xi[x];
      const x1 = Math.min(x0 + 1, width - 1);
      const wx = xf[x];
      const top = src[r0 + x0] * (1 - wx) + src[r0 + x1] * wx;
      const bot = src[r1 + x0] * (1 - wx) + src[r1 + x1] * wx;
      out[y * outWidth + x] = top * (1 - wy) + bot * wy;
    }
  }
  return out;
}

function checkOptions(o: Required<FarnebackOptions>): void {
  checkNumber('pyrScale', o.pyrScale, 0.1, 0.9);
  checkInteger('levels', o.levels, 0, 20);
  checkInteger('winSize', o.winSize, 3, 101);
  checkInteger('iterations', o.iterations, 1, 50);
  checkInteger('polyN', o.polyN, 2, 9);
  checkNumber('polySigma', o.polySigma, 0.3, 5);
}

/**
 * Dense optical flow from `prev` to `next` (two gray planes of the same size), coarse to fine.
 *
 * @example
 * ```ts
 * import { farnebackFlow } from 'colorize-toolkit/internals';
 * const w = 64, h = 48;
 * const pat = (x: number, y: number) => 0.5 + 0.25 * Math.sin(x / 3) * Math.cos(y / 4);
 * const a = new Float32Array(w * h), b = new Float32Array(w * h);
 * for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { a[y * w + x] = pat(x, y); b[y * w + x] = pat(x - 1, y); }
 * const f = farnebackFlow(a, b, w, h);
 * console.log(f.u[24 * w + 32].toFixed(1)); // 1.0
 * ```
 */
export function farnebackFlow(
  prev: Float32Array,
  next: Float32Array,
  width: number,
  height: number,
  options: FarnebackOptions = {},
): FlowField {
  return flowBetween(
    flowPyramid(prev, width, height, options),
    flowPyramid(next, width, height, options),
    options,
  );
}

/** A frame's polynomial expansions at every pyramid level: computed once, used by every flow it is part of. */
export interface FlowPyramid {
  readonly width: number;
  readonly height: number;
  /** Finest first. */
  readonly levels: { w: number; h: number; R: Float32Array }[];
}

/**
 * The pyramid of expansions of one frame (§2 at every level of §4's pyramid), as OpenCV builds it:
 * level k is the frame blurred with σ = (1/scale − 1)/2 then resized bilinearly.
 *
 * @example
 * ```ts
 * import { flowPyramid } from 'colorize-toolkit/internals';
 * const p = flowPyramid(new Float32Array(128 * 96), 128, 96);
 * console.log(p.levels.map((l) => `${l.w}x${l.h}`).join(' ')); // 128x96 64x48
 * ```
 */
export function flowPyramid(
  plane: Float32Array,
  width: number,
  height: number,
  options: FarnebackOptions = {},
): FlowPyramid {
  const o = { ...FARNEBACK_DEFAULTS, ...options };
  checkOptions(o);
  if (plane.length !== width * height)
    throw new RangeError(`flow: the plane must have ${width}×${height} samples`);
  const f = o.unitRange ? plane.map((p) => p * 255) : plane;
  let count = 0;
  let scale = 1;
  for (; count < o.levels; count++) {
    scale *= o.pyrScale;
    if (width * scale < MIN_SIZE || height * scale < MIN_SIZE) break;
  }
  const levels: { w: number; h: number; R: Float32Array }[] = [];
  for (let k = 0; k <= count; k++) {
    const s = o.pyrScale ** k;
    const sigma = (1 / s - 1) * 0.5;
    const smooth = Math.max(Math.round(sigma * 5) | 1, 3);
    const w = Math.round(width * s);
    const h = Math.round(height * s);
    const I = resizeBilinear(
      blurPlane(f, width, height, smoothingKernel(smooth, sigma)),
      width,
      height,
      w,
      h,
    );
    levels.push({ w, h, R: polyExpansion(I, w, h, o.polyN, o.polySigma) });
  }
  return { width, height, levels };
}

/**
 * Flow from the frame of `p0` to the frame of `p1`, coarse to fine (§4), from their pyramids
 * (made with the same options).
 */
export function flowBetween(p0: FlowPyramid, p1: FlowPyramid, options: FarnebackOptions = {}): FlowField {
  const o = { ...FARNEBACK_DEFAULTS, ...options };
  if (p0.width !== p1.width || p0.height !== p1.height || p0.levels.length !== p1.levels.length)
    throw new RangeError('flow: both frames must have the same size and pyramid');
  let u: Float32Array | null = null;
  let v: Float32Array | null = null;
  let pw = 0;
  let ph = 0;
  for (let k = p0.levels.length - 1; k >= 0; k--) {
    const { w, h, R: R0 } = p0.levels[k];
    const R1 = p1.levels[k].R;
    if (u && v) {
      u = resizeBilinear(u, pw, ph, w, h);
      v = resizeBilinear(v, pw, ph, w, h);
      const inv = 1 / o.pyrScale;
      for (let i = 0; i < w * h; i++) {
        u[i] *= inv;
        v[i] *= inv;
      }
    } else {
      u = new Float32Array(w * h);
      v = new Float32Array(w * h);
    }
    const M = new Float32Array(w * h * 5);
    const vsum = new Float64Array((w + 2 * ((o.winSize >> 1) + 1)) * 5);
    updateMatrices(R0, R1, u, v, w, h, M);
    for (let it = 0; it < o.iterations; it++) {
      solveFlow(M, w, h, o.winSize, u, v, vsum);
      if (it < o.iterations - 1) updateMatrices(R0, R1, u, v, w, h, M);
    }
    pw = w;
    ph = h;
  }
  return { width: p0.width, height: p0.height, u: u as Float32Array, v: v as Float32Array };
}
