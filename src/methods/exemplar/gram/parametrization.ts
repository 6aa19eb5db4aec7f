/**
 * What the optimiser varies (issue 15 §2; docs/gram.md "Parametrisation").
 *
 * - 'rgb': the image X itself, three planes in [0, 1] (report §4.3: Gatys et al. optimise the
 *   pixels).
 * - 'chroma': two chroma planes c = (U, V) of the report's YUV (eq. 1 and its inverse eq. 4:
 *   BT.601 full range, Y = 0.299 R + 0.587 G + 0.114 B, U and V centred on 0 on the [0, 1] scale,
 *   `RGB_TO_YUV` in color/linear-spaces.ts). The image given to VGG-19 is
 *   X = Y_t·(1, 1, 1) + M·c, with Y_t the target's luma at the working size and M the U and V
 *   columns of eq. 4 (its Y column is (1, 1, 1)); since eq. 1's Y row is orthogonal to M's
 *   columns, Y(X) = Y_t whatever c is. The gradient is ∂L/∂c = Mᵀ·∂L/∂X. The luminance is then
 *   the target's by construction and the style term can act only through colour.
 *
 * Both keep X in the sRGB cube: 'rgb' by clamping each value to [0, 1]; 'chroma' by shrinking each
 * pixel's (U, V) towards 0 along its own hue ray until Y_t + M·c is inside [0, 1]³ (gray, c = 0,
 * always is: Y_t ∈ [0, 1]), which keeps the luma exact.
 */
import { YUV_TO_RGB } from '../../../color/linear-spaces.js';
import { fromPlanes, type ImageF32 } from '../../../image/image.js';

export type GramParametrization = 'rgb' | 'chroma';
export const GRAM_PARAMETRIZATIONS: readonly GramParametrization[] = ['rgb', 'chroma'];

/** The map from the optimiser's vector to the image VGG-19 sees, and its adjoint. */
export interface ImageParametrization {
  kind: GramParametrization;
  width: number;
  height: number;
  /** Planes in the vector: 3 (R, G, B) or 2 (U, V). */
  planes: number;
  /** Size of each plane of the vector: the working size, or the coarser chroma grid. */
  gridWidth: number;
  gridHeight: number;
  /** The image X(v) (planes copied). */
  toImage(v: Float32Array): ImageF32;
  /** ∂L/∂v from ∂L/∂X (R, G, B planes): the identity, or Mᵀ·∂L/∂X. */
  pullBack(gradX: Float32Array[]): Float32Array;
  /** Brings v back to the feasible set in place (X inside [0, 1]³), after each optimiser step. */
  project(v: Float32Array): void;
}

/**
 * M of X = Y_t·(1, 1, 1) + M·c: the U and V columns of the report's eq. 4, rows R, G, B
 * ([R_u, R_v, G_u, G_v, B_u, B_v]; R_u and B_v are 0 up to rounding of the inverse).
 */
export const CHROMA_TO_RGB: readonly number[] = [
  YUV_TO_RGB[1],
  YUV_TO_RGB[2],
  YUV_TO_RGB[4],
  YUV_TO_RGB[5],
  YUV_TO_RGB[7],
  YUV_TO_RGB[8],
];

/** Optimising the pixels themselves, kept in [0, 1]. */
export function rgbParametrization(width: number, height: number): ImageParametrization {
  const n = width * height;
  return {
    kind: 'rgb',
    width,
    height,
    planes: 3,
    gridWidth: width,
    gridHeight: height,
    toImage: (v) => fromPlanes(width, height, [v.slice(0, n), v.slice(n, 2 * n), v.slice(2 * n, 3 * n)]),
    pullBack: (g) => {
      const out = new Float32Array(3 * n);
      g.forEach((p, k) => {
        out.set(p, k * n);
      });
      return out;
    },
    project: (v) => {
      for (let i = 0; i < v.length; i++) v[i] = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
    },
  };
}

/** Linear interpolation weights along one axis from `n` samples to `m` (pixel centres aligned). */
function axisWeights(n: number, m: number): { i0: Int32Array; i1: Int32Array; w1: Float32Array } {
  const i0 = new Int32Array(m);
  const i1 = new Int32Array(m);
  const w1 = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    const s = Math.min(Math.max(((i + 0.5) * n) / m - 0.5, 0), n - 1);
    const a = Math.floor(s);
    i0[i] = a;
    i1[i] = Math.min(a + 1, n - 1);
    w1[i] = s - a;
  }
  return { i0, i1, w1 };
}

/**
 * Bilinear upsampling U from cw × ch to w × h (separable, pixel centres aligned, edges clamped)
 * and its adjoint Uᵀ, exactly (the gradient of the chroma parametrisation goes through Uᵀ).
 */
export function bilinearUpsampler(cw: number, ch: number, w: number, h: number) {
  const ax = axisWeights(cw, w);
  const ay = axisWeights(ch, h);
  return {
    up(src: Float32Array): Float32Array {
      const tmp = new Float32Array(ch * w);
      for (let y = 0; y < ch; y++)
        for (let x = 0; x < w; x++)
          tmp[y * w + x] = (1 - ax.w1[x]) * src[y * cw + ax.i0[x]] + ax.w1[x] * src[y * cw + ax.i1[x]];
      const out = new Float32Array(w * h);
      for (let y = 0; y < h; y++) {
        const a = ay.i0[y] * w;
        const b = ay.i1[y] * w;
        const t = ay.w1[y];
        for (let x = 0; x < w; x++) out[y * w + x] = (1 - t) * tmp[a + x] + t * tmp[b + x];
      }
      return out;
    },
    adjoint(g: Float32Array): Float32Array {
      const tmp = new Float32Array(ch * w);
      for (let y = 0; y < h; y++) {
        const a = ay.i0[y] * w;
        const b = ay.i1[y] * w;
        const t = ay.w1[y];
        for (let x = 0; x < w; x++) {
          tmp[a + x] += (1 - t) * g[y * w + x];
          tmp[b + x] += t * g[y * w + x];
        }
      }
      const out = new Float32Array(cw * ch);
      for (let y = 0; y < ch; y++)
        for (let x = 0; x < w; x++) {
          const v = tmp[y * w + x];
          out[y * cw + ax.i0[x]] += (1 - ax.w1[x]) * v;
          out[y * cw + ax.i1[x]] += ax.w1[x] * v;
        }
      return out;
    },
  };
}

/** Size of the chroma variable for a working size and a chroma factor (sides ⌈w / f⌉, ⌈h / f⌉). */
export function chromaGrid(width: number, height: number, factor: number): { width: number; height: number } {
  return { width: Math.max(1, Math.ceil(width / factor)), height: Math.max(1, Math.ceil(height / factor)) };
}

/**
 * Optimising the (U, V) planes on the fixed luma `y` (the target's, at width × height): see the
 * module comment. With `factor` f > 1 the planes live on a grid f times coarser (sides ⌈w / f⌉)
 * and are brought to the working size by bilinear upsampling U before X is formed:
 * X = Y_t·(1, 1, 1) + M·U·c, ∂L/∂c = Uᵀ·Mᵀ·∂L/∂X. The projection then shrinks each coarse value
 * against the mean luma of its cell (Y_t area-averaged to the coarse grid), so X can leave the
 * cube slightly where a pixel's luma is far from its cell's mean; the finish stage's gamut clamp
 * takes care of the output.
 */
export function chromaParametrization(
  y: Float32Array,
  width: number,
  height: number,
  factor = 1,
): ImageParametrization {
  const n = width * height;
  if (y.length !== n) throw new Error(`chromaParametrization: luma has ${y.length} values, expected ${n}`);
  const [ru, rv, gu, gv, bu, bv] = CHROMA_TO_RGB;
  const g = chromaGrid(width, height, factor);
  const nc = g.width * g.height;
  const coarse = nc !== n;
  const U = coarse ? bilinearUpsampler(g.width, g.height, width, height) : null;
  // Luma the projection tests against: the pixel's own, or its cell's mean on the coarse grid.
  let yc = y;
  if (coarse) {
    yc = new Float32Array(nc);
    const count = new Float32Array(nc);
    for (let py = 0; py < height; py++)
      for (let px = 0; px < width; px++) {
        const j =
          Math.min(Math.floor((py * g.height) / height), g.height - 1) * g.width +
          Math.min(Math.floor((px * g.width) / width), g.width - 1);
        yc[j] += y[py * width + px];
        count[j]++;
      }
    for (let j = 0; j < nc; j++) yc[j] /= Math.max(count[j], 1);
  }
  return {
    kind: 'chroma',
    width,
    height,
    planes: 2,
    gridWidth: g.width,
    gridHeight: g.height,
    toImage: (v) => {
      const uu = U ? U.up(v.subarray(0, nc)) : v;
      const vv = U ? U.up(v.subarray(nc, 2 * nc)) : v.subarray(n, 2 * n);
      const R = new Float32Array(n);
      const G = new Float32Array(n);
      const B = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const u = uu[i];
        const w = vv[i];
        R[i] = y[i] + ru * u + rv * w;
        G[i] = y[i] + gu * u + gv * w;
        B[i] = y[i] + bu * u + bv * w;
      }
      return fromPlanes(width, height, [R, G, B]);
    },
    pullBack: ([gR, gG, gB]) => {
      const gu2 = new Float32Array(n);
      const gv2 = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        gu2[i] = ru * gR[i] + gu * gG[i] + bu * gB[i];
        gv2[i] = rv * gR[i] + gv * gG[i] + bv * gB[i];
      }
      const out = new Float32Array(2 * nc);
      out.set(U ? U.adjoint(gu2) : gu2, 0);
      out.set(U ? U.adjoint(gv2) : gv2, nc);
      return out;
    },
    project: (v) => {
      for (let i = 0; i < nc; i++) {
        const u = v[i];
        const w = v[nc + i];
        const l = yc[i];
        // Largest t ≤ 1 with l + t·d_k in [0, 1] for the three channels' offsets d_k.
        let t = 1;
        for (const d of [ru * u + rv * w, gu * u + gv * w, bu * u + bv * w]) {
          if (d > 0 && l + d > 1) t = Math.min(t, (1 - l) / d);
          else if (d < 0 && l + d < 0) t = Math.min(t, -l / d);
        }
        if (t < 1) {
          const s = Math.max(0, t);
          v[i] = u * s;
          v[nc + i] = w * s;
        }
      }
    },
  };
}
