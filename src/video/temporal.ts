/**
 * The pieces of temporal consistency for film (issue 19), pure TypeScript on planes:
 * shot boundaries by luminance-histogram distance, flow between consecutive frames at a working
 * size with its reliability, and the blend that pulls a frame's chroma toward the previous result
 * warped along the flow where the flow is reliable.
 */
import { lightnessOf } from '../color/lab.js';
import {
  type FarnebackOptions,
  type FlowField,
  type FlowPyramid,
  flowBetween,
  flowPyramid,
  resizeBilinear,
} from '../flow/farneback.js';
import { fillTexturelessFlow, textureConfidence } from '../flow/fill.js';
import { flowConsistency, warpPlanes } from '../flow/warp.js';
import type { ImageF32 } from '../image/image.js';
import { resizePlane } from '../image/resize.js';

/** Number of bins of the luminance histograms compared for cuts. */
export const CUT_BINS = 64;

/** Normalised luminance histogram (CUT_BINS bins over [0, 1]) of a gray plane. */
export function lumaHistogram(gray: Float32Array): Float64Array {
  const h = new Float64Array(CUT_BINS);
  for (let i = 0; i < gray.length; i++) {
    const b = Math.min(CUT_BINS - 1, Math.max(0, Math.floor(gray[i] * CUT_BINS)));
    h[b]++;
  }
  for (let b = 0; b < CUT_BINS; b++) h[b] /= gray.length;
  return h;
}

/**
 * Histogram distance in [0, 1]: half the L1 distance of two normalised histograms (1 − their
 * intersection). A cut between two shots gives 0.4–1; a pan or zoom within one shot stays near 0.05.
 *
 * @example
 * ```ts
 * import { histogramDistance, lumaHistogram } from 'colorize-toolkit/internals';
 * const dark = lumaHistogram(new Float32Array(100).fill(0.1));
 * const light = lumaHistogram(new Float32Array(100).fill(0.9));
 * console.log(histogramDistance(dark, light), histogramDistance(dark, dark)); // 1 0
 * ```
 */
export function histogramDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / 2;
}

/** A gray frame at the flow's working size. */
export interface SmallFrame {
  width: number;
  height: number;
  gray: Float32Array;
  /** Its flow pyramid, made on first use. */
  pyramid?: FlowPyramid;
  /** Its texture confidence (for filling the flow of flat areas), made on first use. */
  texture?: Float32Array;
}

function pyramidOf(f: SmallFrame, options?: FarnebackOptions): FlowPyramid {
  f.pyramid ??= flowPyramid(f.gray, f.width, f.height, options);
  return f.pyramid;
}

/** Size whose long side is at most `maxSide` (the frame's own when smaller). */
export function flowWorkingSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(8, Math.round(width * s)), height: Math.max(8, Math.round(height * s)) };
}

/** The gray plane reduced (area average) to the flow's working size. */
export function smallFrame(gray: Float32Array, width: number, height: number, maxSide: number): SmallFrame {
  const s = flowWorkingSize(width, height, maxSide);
  const g =
    s.width === width && s.height === height
      ? gray
      : resizePlane(gray, width, height, s.width, s.height, 'area');
  return { ...s, gray: g };
}

/** Flow from frame t back to frame t − 1 at full resolution, and its per-pixel reliability in [0, 1]. */
export interface BackwardFlow {
  flow: FlowField;
  reliability: Float32Array;
  /** Fraction of reliable pixels. */
  reliableFraction: number;
}

export interface BackwardFlowOptions {
  farneback?: FarnebackOptions;
  /** Largest gray difference (on [0, 1]) after warping for a reliable pixel (default 0.06). */
  photoTolerance?: number;
  /**
   * Fill the flow of textureless pixels from the textured ones around them (`../flow/fill.ts`),
   * default true: Farnebäck's flow tends to 0 on flat areas, and neither check sees it.
   */
  fillTextureless?: boolean;
}

/**
 * Flow from `cur` (frame t) to `prev` (frame t − 1) computed at the small size, checked
 * forward–backward and photometrically, then brought to `width` × `height` (displacements scaled).
 */
export function backwardFlow(
  cur: SmallFrame,
  prev: SmallFrame,
  width: number,
  height: number,
  options: BackwardFlowOptions = {},
): BackwardFlow {
  const { width: w, height: h } = cur;
  const pc = pyramidOf(cur, options.farneback);
  const pp = pyramidOf(prev, options.farneback);
  let back = flowBetween(pc, pp, options.farneback);
  let fwd = flowBetween(pp, pc, options.farneback);
  if (options.fillTextureless !== false) {
    cur.texture ??= textureConfidence(cur.gray, w, h);
    prev.texture ??= textureConfidence(prev.gray, prev.width, prev.height);
    back = fillTexturelessFlow(back, cur.gray, { confidence: cur.texture });
    fwd = fillTexturelessFlow(fwd, prev.gray, { confidence: prev.texture });
  }
  const ok = flowConsistency(back, fwd, {
    from: cur.gray,
    to: prev.gray,
    tolerance: options.photoTolerance ?? 0.06,
  });
  let count = 0;
  const okF = new Float32Array(w * h);
  for (let i = 0; i < ok.length; i++) {
    okF[i] = ok[i];
    count += ok[i];
  }
  const sx = width / w;
  const sy = height / h;
  const same = w === width && h === height;
  const u = same ? back.u : resizeBilinear(back.u, w, h, width, height);
  const v = same ? back.v : resizeBilinear(back.v, w, h, width, height);
  if (!same) {
    for (let i = 0; i < u.length; i++) {
      u[i] *= sx;
      v[i] *= sy;
    }
  }
  const reliability = same ? okF : resizeBilinear(okF, w, h, width, height);
  return { flow: { width, height, u, v }, reliability, reliableFraction: count / ok.length };
}

/**
 * The temporal step: chroma planes pulled toward the previous result warped along `flow`:
 * c = own + α·r·(warp(prev) − own), r the reliability. α = 0 is per-frame colouring; α → 1
 * carries the previous colours wherever the flow is trusted.
 *
 * @example
 * ```ts
 * import { temporalBlend } from 'colorize-toolkit/internals';
 * const flow = { width: 2, height: 1, u: new Float32Array(2), v: new Float32Array(2) };
 * const [a] = temporalBlend([new Float32Array([0, 0])], [new Float32Array([10, 10])], flow, new Float32Array([1, 0]), 0.8);
 * console.log(Array.from(a)); // [ 8, 0 ]
 * ```
 */
export function temporalBlend(
  own: Float32Array[],
  prev: Float32Array[],
  flow: FlowField,
  reliability: Float32Array,
  alpha: number,
): Float32Array[] {
  const warped = warpPlanes(prev, flow);
  return own.map((o, c) => {
    const w = warped[c];
    const out = new Float32Array(o.length);
    for (let i = 0; i < o.length; i++) out[i] = o[i] + alpha * reliability[i] * (w[i] - o[i]);
    return out;
  });
}

/** Rec. 601 luma of an RGB frame, or the plane of a gray one. */
export function frameGray(img: ImageF32): Float32Array {
  if (img.channels.length === 1) return img.channels[0];
  const [r, g, b] = img.channels;
  const out = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = 0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i];
  return out;
}

/** CIELAB L* of a gray plane (for the finish stage's luminance). */
export function grayLightness(gray: Float32Array, width: number, height: number): Float32Array {
  return lightnessOf({ width, height, channels: [gray] });
}
