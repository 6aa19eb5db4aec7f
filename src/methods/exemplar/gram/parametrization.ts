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

/**
 * Optimising the (U, V) planes on the fixed luma `y` (the target's, at width × height): see the
 * module comment.
 */
export function chromaParametrization(y: Float32Array, width: number, height: number): ImageParametrization {
  const n = width * height;
  if (y.length !== n) throw new Error(`chromaParametrization: luma has ${y.length} values, expected ${n}`);
  const [ru, rv, gu, gv, bu, bv] = CHROMA_TO_RGB;
  return {
    kind: 'chroma',
    width,
    height,
    planes: 2,
    toImage: (v) => {
      const R = new Float32Array(n);
      const G = new Float32Array(n);
      const B = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const u = v[i];
        const w = v[n + i];
        R[i] = y[i] + ru * u + rv * w;
        G[i] = y[i] + gu * u + gv * w;
        B[i] = y[i] + bu * u + bv * w;
      }
      return fromPlanes(width, height, [R, G, B]);
    },
    pullBack: ([gR, gG, gB]) => {
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        out[i] = ru * gR[i] + gu * gG[i] + bu * gB[i];
        out[n + i] = rv * gR[i] + gv * gG[i] + bv * gB[i];
      }
      return out;
    },
    project: (v) => {
      for (let i = 0; i < n; i++) {
        const u = v[i];
        const w = v[n + i];
        const l = y[i];
        // Largest t ≤ 1 with l + t·d_k in [0, 1] for the three channels' offsets d_k.
        let t = 1;
        for (const d of [ru * u + rv * w, gu * u + gv * w, bu * u + bv * w]) {
          if (d > 0 && l + d > 1) t = Math.min(t, (1 - l) / d);
          else if (d < 0 && l + d < 0) t = Math.min(t, -l / d);
        }
        if (t < 1) {
          const s = Math.max(0, t);
          v[i] = u * s;
          v[n + i] = w * s;
        }
      }
    },
  };
}
