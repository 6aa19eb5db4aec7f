/**
 * The flow of textureless areas, filled in from textured ones. Farnebäck's displacement is the
 * solution of a local least-squares system whose matrix vanishes where the gray frame is flat
 * (sky, a plain wall); with OpenCV's small regulariser the flow there tends to 0 instead of the
 * motion around it, and the forward–backward and photometric checks cannot see the error (zero
 * is consistent both ways, and a flat area matches itself). Colours carried along such a flow
 * stay behind while the camera moves: a method whose colours vary inside flat gray areas then
 * flickers there (issue 19: welsh on the second shot of the cut clip, 1 px of endpoint error on
 * a 3.9 px pan, almost all of it on flat pixels).
 *
 * Here each pixel gets a texture confidence c = e⁸ / (e⁸ + e₀⁸), e the RMS gray gradient (central
 * differences) over a (2r+1)² window, e₀ = 0.03, and its flow becomes c·w + (1 − c)·w̄, where w̄ is the
 * normalised convolution of the flow with weights c (Knutsson & Westin, "Normalized and
 * differential convolution", CVPR 1993): box-filtered c·w over box-filtered c, at a small radius
 * where enough textured pixels are near, a large one where some are, else the frame's mean. Textured pixels keep their own
 * flow; flat ones take the motion of the texture around them.
 *
 * Pure TypeScript, no Node modules.
 */
import type { FlowField } from './farneback.js';

export interface FillOptions {
  /** Half side of the window of the texture measure, px (default 3). */
  radius?: number;
  /** RMS gradient (on [0, 1] gray) at which the confidence is ½ (default 0.03). */
  textureScale?: number;
  /** Radii of the two normalised convolutions, px (default: long side / 40 and / 8, at least 4 and 8). */
  nearRadius?: number;
  farRadius?: number;
  /** The gray frame's {@link textureConfidence}, when already made (a frame takes part in two flows). */
  confidence?: Float32Array;
}

/** Mean over a clamped (2r+1)-wide window along rows then columns (in-bounds pixels only). */
function boxMean(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const tmp = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let s = 0;
    let n = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x++) {
      s += src[row + x];
      n++;
    }
    for (let x = 0; x < width; x++) {
      tmp[row + x] = s / n;
      const add = x + r + 1;
      const drop = x - r;
      if (add < width) {
        s += src[row + add];
        n++;
      }
      if (drop >= 0) {
        s -= src[row + drop];
        n--;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let s = 0;
    let n = 0;
    for (let y = 0; y <= Math.min(r, height - 1); y++) {
      s += tmp[y * width + x];
      n++;
    }
    for (let y = 0; y < height; y++) {
      out[y * width + x] = s / n;
      const add = y + r + 1;
      const drop = y - r;
      if (add < height) {
        s += tmp[add * width + x];
        n++;
      }
      if (drop >= 0) {
        s -= tmp[drop * width + x];
        n--;
      }
    }
  }
  return out;
}

/**
 * Texture confidence in [0, 1] of every pixel of a gray plane: e⁸ / (e⁸ + e₀⁸), e the RMS
 * central-difference gradient over a (2r+1)² window.
 *
 * @example
 * ```ts
 * import { textureConfidence } from 'colorize-toolkit/internals';
 * const flat = textureConfidence(new Float32Array(64).fill(0.5), 8, 8);
 * const stripes = textureConfidence(Float32Array.from({ length: 64 }, (_, i) => (i % 4) * 0.25), 8, 8);
 * console.log(flat[27], stripes[27] > 0.9); // 0 true
 * ```
 */
export function textureConfidence(
  gray: Float32Array,
  width: number,
  height: number,
  radius = 3,
  textureScale = 0.03,
): Float32Array {
  const g2 = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const ym = y > 0 ? y - 1 : y;
    const yp = y < height - 1 ? y + 1 : y;
    for (let x = 0; x < width; x++) {
      const xm = x > 0 ? x - 1 : x;
      const xp = x < width - 1 ? x + 1 : x;
      const gx = (gray[y * width + xp] - gray[y * width + xm]) / Math.max(1, xp - xm);
      const gy = (gray[yp * width + x] - gray[ym * width + x]) / Math.max(1, yp - ym);
      g2[y * width + x] = gx * gx + gy * gy;
    }
  }
  const e2 = boxMean(g2, width, height, radius);
  const s2 = textureScale * textureScale;
  const s8 = s2 ** 4;
  for (let i = 0; i < e2.length; i++) {
    const e8 = e2[i] ** 4;
    e2[i] = e8 / (e8 + s8);
  }
  return e2;
}

/**
 * The flow with its textureless pixels filled in from the textured ones around them (see the
 * file's comment); `gray` is the frame the flow starts from, at the flow's size.
 *
 * @example
 * ```ts
 * import { fillTexturelessFlow } from 'colorize-toolkit/internals';
 * // Left half textured, right half flat; all moves 3 px, but the flat part's flow came out 0.
 * const W = 32, H = 8;
 * const gray = Float32Array.from({ length: W * H }, (_, i) => (i % W < 16 ? (i % 4) * 0.25 : 0.5));
 * const u = Float32Array.from({ length: W * H }, (_, i) => (i % W < 20 ? 3 : 0));
 * const f = fillTexturelessFlow({ width: W, height: H, u, v: new Float32Array(W * H) }, gray);
 * console.log(f.u[4 * W + 28].toFixed(1)); // 3.0
 * ```
 */
export function fillTexturelessFlow(
  flow: FlowField,
  gray: Float32Array,
  options: FillOptions = {},
): FlowField {
  const { width, height, u, v } = flow;
  const n = width * height;
  const c =
    options.confidence ??
    textureConfidence(gray, width, height, options.radius ?? 3, options.textureScale ?? 0.03);
  const side = Math.max(width, height);
  const near = options.nearRadius ?? Math.max(4, Math.round(side / 40));
  const far = options.farRadius ?? Math.max(8, Math.round(side / 8));
  const cu = new Float32Array(n);
  const cv = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    cu[i] = c[i] * u[i];
    cv[i] = c[i] * v[i];
  }
  // Two box passes approximate a Gaussian.
  const blur = (p: Float32Array, r: number) => boxMean(boxMean(p, width, height, r), width, height, r);
  const [cn, un, vn] = [c, cu, cv].map((p) => blur(p, near));
  const [cf, uf, vf] = [c, cu, cv].map((p) => blur(p, far));
  // Beyond the far radius of any texture: the confidence-weighted mean flow of the frame.
  let sc = 0;
  let su = 0;
  let sv = 0;
  for (let i = 0; i < n; i++) {
    sc += c[i];
    su += cu[i];
    sv += cv[i];
  }
  const gu = sc > 1e-6 ? su / sc : 0;
  const gv = sc > 1e-6 ? sv / sc : 0;
  const ou = new Float32Array(n);
  const ov = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ci = c[i];
    // Near fill where enough textured pixels are close, the far fill where some are, else the frame's.
    const beta = Math.min(1, cn[i] / 0.3);
    const gamma = Math.min(1, cf[i] / 0.05);
    let fu = sc > 1e-6 ? gu : u[i];
    let fv = sc > 1e-6 ? gv : v[i];
    if (cf[i] > 1e-6) {
      fu = gamma * (uf[i] / cf[i]) + (1 - gamma) * fu;
      fv = gamma * (vf[i] / cf[i]) + (1 - gamma) * fv;
    }
    if (cn[i] > 1e-6) {
      fu = beta * (un[i] / cn[i]) + (1 - beta) * fu;
      fv = beta * (vn[i] / cn[i]) + (1 - beta) * fv;
    }
    ou[i] = ci * u[i] + (1 - ci) * fu;
    ov[i] = ci * v[i] + (1 - ci) * fv;
  }
  return { width, height, u: ou, v: ov };
}
