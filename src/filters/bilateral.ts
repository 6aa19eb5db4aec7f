/**
 * Joint (cross) bilateral filter: values are averaged with weights
 * exp(−|p−q|²/2σs²) · exp(−(I_p − I_q)²/2σr²) taken from a separate guide I.
 *
 * - `jointBilateralExact`: the definition, window radius ⌈3σs⌉, O(σs²) per pixel (reference).
 * - `jointBilateralGrid`: the bilateral grid of Chen, Paris & Durand (SIGGRAPH 2007): splat
 *   into a (x/σs, y/σs, I/σr) grid with trilinear weights, blur the grid with a Gaussian of one
 *   cell, slice trilinearly. Cost is linear in pixels and nearly independent of σs.
 */
import { checkNumber } from '../errors.js';
import { resizePlane } from '../image/resize.js';

export interface BilateralOptions {
  /** Spatial σ in pixels (default 8). */
  sigmaSpatial?: number;
  /** Range σ in guide units (default 0.1 for a guide in [0, 1]). */
  sigmaRange?: number;
}

function params(o: BilateralOptions): { ss: number; sr: number } {
  return {
    ss: checkNumber('sigmaSpatial', o.sigmaSpatial ?? 8, 1e-6),
    sr: checkNumber('sigmaRange', o.sigmaRange ?? 0.1, 1e-6),
  };
}

/**
 * Exact joint bilateral filter (reference implementation).
 *
 * @example
 * ```ts
 * import { jointBilateralExact } from 'colorize-toolkit/internals';
 * const guide = new Float32Array(16).map((_, i) => (i % 4 < 2 ? 0 : 1));
 * const [out] = jointBilateralExact(guide, [guide.slice()], 4, 4, { sigmaSpatial: 2, sigmaRange: 0.1 });
 * console.log(out[1].toFixed(3), out[2].toFixed(3)); // 0.000 1.000
 * ```
 */
export function jointBilateralExact(
  guide: Float32Array,
  values: Float32Array[],
  width: number,
  height: number,
  options: BilateralOptions = {},
): Float32Array[] {
  const { ss, sr } = params(options);
  const r = Math.ceil(3 * ss);
  const spatial = new Float64Array(2 * r + 1);
  for (let d = -r; d <= r; d++) spatial[d + r] = Math.exp((-d * d) / (2 * ss * ss));
  const inv2r = 1 / (2 * sr * sr);
  const outs = values.map(() => new Float32Array(width * height));
  const acc = new Float64Array(values.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const gp = guide[p];
      let wsum = 0;
      acc.fill(0);
      for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
        const wy = spatial[yy - y + r];
        for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
          const q = yy * width + xx;
          const dg = guide[q] - gp;
          const wgt = wy * spatial[xx - x + r] * Math.exp(-dg * dg * inv2r);
          wsum += wgt;
          for (let c = 0; c < values.length; c++) acc[c] += wgt * values[c][q];
        }
      }
      for (let c = 0; c < values.length; c++) outs[c][p] = acc[c] / wsum;
    }
  }
  return outs;
}

/**
 * Fast joint bilateral filter on a bilateral grid.
 *
 * @example
 * ```ts
 * import { jointBilateralGrid } from 'colorize-toolkit/internals';
 * const guide = new Float32Array(64 * 64).map((_, i) => (i % 64 < 32 ? 0.2 : 0.8));
 * const [out] = jointBilateralGrid(guide, [guide.slice()], 64, 64, { sigmaSpatial: 4, sigmaRange: 0.1 });
 * console.log(Math.abs(out[31] - 0.2) < 0.02, Math.abs(out[32] - 0.8) < 0.02); // true true
 * ```
 */
export function jointBilateralGrid(
  guide: Float32Array,
  values: Float32Array[],
  width: number,
  height: number,
  options: BilateralOptions = {},
): Float32Array[] {
  const { ss, sr } = params(options);
  let gmin = Infinity;
  let gmax = -Infinity;
  for (let i = 0; i < guide.length; i++) {
    const g = guide[i];
    if (g < gmin) gmin = g;
    if (g > gmax) gmax = g;
  }
  if (!(gmax > gmin)) gmax = gmin + 1e-6;
  const pad = 2;
  const gw = Math.ceil((width - 1) / ss) + 1 + 2 * pad;
  const gh = Math.ceil((height - 1) / ss) + 1 + 2 * pad;
  const gd = Math.ceil((gmax - gmin) / sr) + 1 + 2 * pad;
  const nc = values.length + 1; // homogeneous weight last
  const cells = gw * gh * gd;
  let grid = new Float32Array(cells * nc);
  const strideZ = nc;
  const strideX = gd * nc;
  const strideY = gw * gd * nc;
  // Trilinear corners of pixel p: 8 grid offsets and weights, shared by splat and slice.
  const cornerBase = new Int32Array(8);
  const cornerWeight = new Float64Array(8);
  const corners = (x: number, y: number, g: number) => {
    const fy = y / ss + pad;
    const fx = x / ss + pad;
    const fz = (g - gmin) / sr + pad;
    const y0 = Math.floor(fy);
    const x0 = Math.floor(fx);
    const z0 = Math.floor(fz);
    const ty = fy - y0;
    const tx = fx - x0;
    const tz = fz - z0;
    let k = 0;
    for (let dy = 0; dy <= 1; dy++)
      for (let dx = 0; dx <= 1; dx++)
        for (let dz = 0; dz <= 1; dz++, k++) {
          cornerWeight[k] = (dy ? ty : 1 - ty) * (dx ? tx : 1 - tx) * (dz ? tz : 1 - tz);
          cornerBase[k] = (y0 + dy) * strideY + (x0 + dx) * strideX + (z0 + dz) * strideZ;
        }
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      corners(x, y, guide[p]);
      for (let k = 0; k < 8; k++) {
        const wgt = cornerWeight[k];
        if (wgt === 0) continue;
        const base = cornerBase[k];
        for (let c = 0; c < nc - 1; c++) grid[base + c] += wgt * values[c][p];
        grid[base + nc - 1] += wgt;
      }
    }
  // Blur each axis with the sampled unit-σ Gaussian [1 4 6 4 1]/16 (σ = 1 cell).
  const k = [1 / 16, 4 / 16, 6 / 16, 4 / 16, 1 / 16];
  let tmp = new Float32Array(grid.length);
  for (const [stride, len] of [
    [strideX, gw],
    [strideY, gh],
    [strideZ, gd],
  ] as const) {
    tmp.fill(0);
    for (let i = 0; i < grid.length; i++) {
      const pos = Math.floor(i / stride) % len;
      let s = 0;
      for (let t = -2; t <= 2; t++) {
        const q = pos + t;
        if (q < 0 || q >= len) continue;
        s += k[t + 2] * grid[i + t * stride];
      }
      tmp[i] = s;
    }
    const sw = grid;
    grid = tmp;
    tmp = sw;
  }
  // Slice.
  const outs = values.map(() => new Float32Array(width * height));
  const acc = new Float64Array(nc);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      corners(x, y, guide[p]);
      acc.fill(0);
      for (let k = 0; k < 8; k++) {
        const wgt = cornerWeight[k];
        if (wgt === 0) continue;
        const base = cornerBase[k];
        for (let c = 0; c < nc; c++) acc[c] += wgt * grid[base + c];
      }
      const wsum = acc[nc - 1];
      for (let c = 0; c < nc - 1; c++) outs[c][p] = wsum > 0 ? acc[c] / wsum : values[c][p];
    }
  }
  return outs;
}

/**
 * Joint bilateral upsampling of Kopf, Cohen, Lischinski & Uyttendaele (SIGGRAPH 2007):
 * each full-resolution pixel p averages the low-resolution samples q near p↓, weighted by a
 * spatial kernel of |p↓ − q| and a range Gaussian of the full-resolution guide at p against the
 * guide reduced (area) to the low grid at q. Spatial kernel 'gaussian' (Kopf et al.: σ in low-res
 * pixels, window `radius`) or 'tent' (the bilinear weights of the 2×2 nearest samples): the tent
 * reduces to bilinear interpolation in flat regions and measured best on real photos
 * (+0.3 to +2.8 dB over bilinear at 2–8× on the exemplar truths; see test/finish).
 *
 * @example
 * ```ts
 * import { jointBilateralUpsample } from 'colorize-toolkit/internals';
 * const guide = new Float32Array(64).map((_, i) => (i % 8 < 4 ? 0 : 1));
 * const low = new Float32Array(16).map((_, i) => (i % 4 < 2 ? -1 : 1));
 * const [up] = jointBilateralUpsample(guide, 8, 8, [low], 4, 4, { sigmaSpatial: 1, sigmaRange: 0.1 });
 * console.log(up[3] < -0.9, up[4] > 0.9); // true true
 * ```
 */
export function jointBilateralUpsample(
  guide: Float32Array,
  width: number,
  height: number,
  lowValues: Float32Array[],
  lowWidth: number,
  lowHeight: number,
  options: BilateralOptions & { radius?: number; spatialKernel?: 'gaussian' | 'tent' } = {},
): Float32Array[] {
  const tent = options.spatialKernel === 'tent';
  const ss = checkNumber('sigmaSpatial', options.sigmaSpatial ?? 1, 1e-3);
  const sr = checkNumber('sigmaRange', options.sigmaRange ?? 0.1, 1e-6);
  const R = tent ? 1 : Math.max(1, Math.floor(options.radius ?? Math.ceil(2 * ss)));
  const low = areaReduce(guide, width, height, lowWidth, lowHeight);
  const sx = lowWidth / width;
  const sy = lowHeight / height;
  const inv2s = 1 / (2 * ss * ss);
  const inv2r = 1 / (2 * sr * sr);
  const outs = lowValues.map(() => new Float32Array(width * height));
  const nc = lowValues.length;
  const acc = new Float64Array(nc);
  if (tent) {
    tentUpsample(guide, width, height, low, lowValues, lowWidth, lowHeight, inv2r, outs);
    return outs;
  }
  for (let y = 0; y < height; y++) {
    const fy = (y + 0.5) * sy - 0.5;
    const cy = Math.round(fy);
    for (let x = 0; x < width; x++) {
      const fx = (x + 0.5) * sx - 0.5;
      const cx = Math.round(fx);
      const p = y * width + x;
      const g = guide[p];
      let wsum = 0;
      acc.fill(0);
      for (let qy = Math.max(0, cy - R); qy <= Math.min(lowHeight - 1, cy + R); qy++) {
        const dy = qy - fy;
        for (let qx = Math.max(0, cx - R); qx <= Math.min(lowWidth - 1, cx + R); qx++) {
          const dx = qx - fx;
          const q = qy * lowWidth + qx;
          const dg = low[q] - g;
          const wgt = Math.exp(-(dx * dx + dy * dy) * inv2s - dg * dg * inv2r);
          wsum += wgt;
          for (let c = 0; c < nc; c++) acc[c] += wgt * lowValues[c][q];
        }
      }
      if (wsum < 1e-30) {
        const q =
          Math.min(lowHeight - 1, Math.max(0, cy)) * lowWidth + Math.min(lowWidth - 1, Math.max(0, cx));
        for (let c = 0; c < nc; c++) outs[c][p] = lowValues[c][q];
      } else for (let c = 0; c < nc; c++) outs[c][p] = acc[c] / wsum;
    }
  }
  return outs;
}

/**
 * The tent kernel's weights at p↓ = (fx, fy) for guide value g: the (up to) 2×2 low-resolution
 * samples q[k] = (⌊fx⌋ + (k & 1), ⌊fy⌋ + (k >> 1)) with t·exp(−Δg²/2σ_r²), in the order the general
 * window visits them (row by row), −1 where a sample is outside the grid or has no weight.
 * Returns the sum of the weights.
 */
function tentWeights(
  fx: number,
  fy: number,
  g: number,
  low: Float32Array,
  lowWidth: number,
  lowHeight: number,
  inv2r: number,
  q: Int32Array,
  w: Float64Array,
): number {
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  let wsum = 0;
  for (let k = 0; k < 4; k++) {
    q[k] = -1;
    w[k] = 0;
    const qx = x0 + (k & 1);
    const qy = y0 + (k >> 1);
    if (qx < 0 || qy < 0 || qx >= lowWidth || qy >= lowHeight) continue;
    const dx = qx - fx;
    const dy = qy - fy;
    const t = (1 - Math.abs(dx)) * (1 - Math.abs(dy));
    if (!(t > 0) || Math.abs(dx) >= 1 || Math.abs(dy) >= 1) continue;
    const i = qy * lowWidth + qx;
    const dg = low[i] - g;
    q[k] = i;
    w[k] = t * Math.exp(-dg * dg * inv2r);
    wsum += w[k];
  }
  return wsum;
}

/** Where sample i goes among pixel p's four weights of the 2×2 block at (bx, by). */
function slotOf(p: number, i: number, lowWidth: number, bx: number, by: number): number {
  const qy = Math.floor(i / lowWidth);
  return 4 * p + (i - qy * lowWidth - bx) + 2 * (qy - by);
}

/** The sample nearest p↓, the fallback where no sample has weight. */
function nearestSample(fx: number, fy: number, lowWidth: number, lowHeight: number): number {
  const cx = Math.min(lowWidth - 1, Math.max(0, Math.round(fx)));
  const cy = Math.min(lowHeight - 1, Math.max(0, Math.round(fy)));
  return cy * lowWidth + cx;
}

/**
 * One axis of the tent kernel: for each full-resolution coordinate o, the low-resolution samples
 * ⌊f⌋ and ⌊f⌋ + 1 around f = (o + ½)·low/n − ½, their tent factors 1 − |q − f|, and whether each
 * can have weight (inside the grid, |q − f| < 1, factor > 0) — the tests {@link tentWeights}
 * makes per pixel, done once per row and column.
 */
function tentAxis(
  n: number,
  lowN: number,
): { i0: Int32Array; a0: Float64Array; a1: Float64Array; ok0: Uint8Array; ok1: Uint8Array } {
  const s = lowN / n;
  const i0 = new Int32Array(n);
  const a0 = new Float64Array(n);
  const a1 = new Float64Array(n);
  const ok0 = new Uint8Array(n);
  const ok1 = new Uint8Array(n);
  for (let o = 0; o < n; o++) {
    const f = (o + 0.5) * s - 0.5;
    const q0 = Math.floor(f);
    i0[o] = q0;
    const d0 = q0 - f;
    const d1 = q0 + 1 - f;
    a0[o] = 1 - Math.abs(d0);
    a1[o] = 1 - Math.abs(d1);
    ok0[o] = q0 >= 0 && q0 < lowN && a0[o] > 0 && Math.abs(d0) < 1 ? 1 : 0;
    ok1[o] = q0 + 1 >= 0 && q0 + 1 < lowN && a1[o] > 0 && Math.abs(d1) < 1 ? 1 : 0;
  }
  return { i0, a0, a1, ok0, ok1 };
}

/**
 * The tent kernel of {@link jointBilateralUpsample}: only the 2×2 samples around p↓ can have
 * weight. The same arithmetic as {@link tentWeights} in the same order (so the same result to the
 * bit), with the per-axis parts computed once per row and column.
 */
function tentUpsample(
  guide: Float32Array,
  width: number,
  height: number,
  low: Float32Array,
  lowValues: Float32Array[],
  lowWidth: number,
  lowHeight: number,
  inv2r: number,
  outs: Float32Array[],
): void {
  const sx = lowWidth / width;
  const sy = lowHeight / height;
  const nc = lowValues.length;
  const X = tentAxis(width, lowWidth);
  const Y = tentAxis(height, lowHeight);
  for (let y = 0; y < height; y++) {
    const ay0 = Y.a0[y];
    const ay1 = Y.a1[y];
    const oy0 = Y.ok0[y] === 1;
    const oy1 = Y.ok1[y] === 1;
    const r0 = Y.i0[y] * lowWidth;
    const r1 = r0 + lowWidth;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const g = guide[p];
      const cx = X.i0[x];
      const ax0 = X.a0[x];
      const ax1 = X.a1[x];
      const k0 = oy0 && X.ok0[x] === 1;
      const k1 = oy0 && X.ok1[x] === 1;
      const k2 = oy1 && X.ok0[x] === 1;
      const k3 = oy1 && X.ok1[x] === 1;
      let wsum = 0;
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      let w3 = 0;
      if (k0) {
        const dg = low[r0 + cx] - g;
        w0 = ax0 * ay0 * Math.exp(-dg * dg * inv2r);
        wsum += w0;
      }
      if (k1) {
        const dg = low[r0 + cx + 1] - g;
        w1 = ax1 * ay0 * Math.exp(-dg * dg * inv2r);
        wsum += w1;
      }
      if (k2) {
        const dg = low[r1 + cx] - g;
        w2 = ax0 * ay1 * Math.exp(-dg * dg * inv2r);
        wsum += w2;
      }
      if (k3) {
        const dg = low[r1 + cx + 1] - g;
        w3 = ax1 * ay1 * Math.exp(-dg * dg * inv2r);
        wsum += w3;
      }
      if (wsum < 1e-30) {
        const n = nearestSample((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, lowWidth, lowHeight);
        for (let c = 0; c < nc; c++) outs[c][p] = lowValues[c][n];
        continue;
      }
      for (let c = 0; c < nc; c++) {
        const v = lowValues[c];
        let a = 0;
        if (k0) a += w0 * v[r0 + cx];
        if (k1) a += w1 * v[r0 + cx + 1];
        if (k2) a += w2 * v[r1 + cx];
        if (k3) a += w3 * v[r1 + cx + 1];
        outs[c][p] = a / wsum;
      }
    }
  }
}

function areaReduce(src: Float32Array, w: number, h: number, lw: number, lh: number): Float32Array {
  return resizePlane(src, w, h, lw, lh, 'area');
}

/**
 * {@link jointBilateralUpsample} with the tent kernel, prepared once for a fixed guide and grid:
 * the weights of each full-resolution pixel's (up to) 2×2 low-resolution samples depend only on
 * the guide, so they are computed here and every call only forms the weighted sums. For
 * previews that upsample new chroma from the same photo at every stroke (the studio); the
 * result equals `jointBilateralUpsample(..., { spatialKernel: 'tent' })` to float rounding.
 * Memory: 20 bytes per full-resolution pixel.
 *
 * @example
 * ```ts
 * import { jointBilateralUpsampler } from 'colorize-toolkit/internals';
 * const guide = new Float32Array(64).map((_, i) => (i % 8 < 4 ? 0 : 1));
 * const up = jointBilateralUpsampler(guide, 8, 8, 4, 4, { sigmaRange: 0.1 });
 * const [c] = up([new Float32Array(16).map((_, i) => (i % 4 < 2 ? -1 : 1))]);
 * console.log(c[3] < -0.9, c[4] > 0.9); // true true
 * ```
 */
export function jointBilateralUpsampler(
  guide: Float32Array,
  width: number,
  height: number,
  lowWidth: number,
  lowHeight: number,
  options: { sigmaRange?: number } = {},
): (lowValues: Float32Array[]) => Float32Array[] {
  const sr = checkNumber('sigmaRange', options.sigmaRange ?? 0.1, 1e-6);
  const inv2r = 1 / (2 * sr * sr);
  const low = areaReduce(guide, width, height, lowWidth, lowHeight);
  const sx = lowWidth / width;
  const sy = lowHeight / height;
  const n = width * height;
  // Per pixel: the top-left sample index and the normalised weights of the 2×2 block from it.
  const base = new Int32Array(n);
  const wts = new Float32Array(4 * n);
  const q = new Int32Array(4);
  const w = new Float64Array(4);
  const bxMax = Math.max(0, lowWidth - 2);
  const byMax = Math.max(0, lowHeight - 2);
  for (let y = 0; y < height; y++) {
    const fy = (y + 0.5) * sy - 0.5;
    for (let x = 0; x < width; x++) {
      const fx = (x + 0.5) * sx - 0.5;
      const p = y * width + x;
      const wsum = tentWeights(fx, fy, guide[p], low, lowWidth, lowHeight, inv2r, q, w);
      // Out-of-grid corners are clamped onto the grid (their weight is 0).
      const bx = Math.min(Math.max(Math.floor(fx), 0), bxMax);
      const by = Math.min(Math.max(Math.floor(fy), 0), byMax);
      base[p] = by * lowWidth + bx;
      if (wsum < 1e-30) {
        wts[slotOf(p, nearestSample(fx, fy, lowWidth, lowHeight), lowWidth, bx, by)] = 1;
        continue;
      }
      for (let k = 0; k < 4; k++) if (q[k] >= 0) wts[slotOf(p, q[k], lowWidth, bx, by)] += w[k] / wsum;
    }
  }
  const dxs = lowWidth > 1 ? 1 : 0;
  const dys = lowHeight > 1 ? lowWidth : 0;
  return (lowValues) =>
    lowValues.map((v) => {
      const out = new Float32Array(n);
      for (let p = 0; p < n; p++) {
        const b = base[p];
        const k = 4 * p;
        out[p] =
          wts[k] * v[b] + wts[k + 1] * v[b + dxs] + wts[k + 2] * v[b + dys] + wts[k + 3] * v[b + dys + dxs];
      }
      return out;
    });
}
