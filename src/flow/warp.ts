/**
 * Using a flow field: backward warping (bilinear) and the forward–backward consistency check that
 * marks occlusions and unreliable flow (Sundaram, Brox & Keutzer, "Dense point trajectories by
 * GPU-accelerated large displacement optical flow", ECCV 2010, §4: |w + ŵ|² < 0.01 (|w|² + |ŵ|²) + 0.5),
 * optionally with a photometric test (the warped frame must match: smooth flows such as
 * Farnebäck's stay consistent over content that appears or is replaced, the intensities do not).
 *
 * Pure TypeScript, no Node modules.
 */
import type { FlowField } from './farneback.js';

/**
 * Backward warp: out(x) = plane(x + flow(x)), bilinear, coordinates clamped to the frame.
 * With `flow` from frame t to frame s, a plane of frame s comes out aligned with frame t.
 *
 * @example
 * ```ts
 * import { warpPlane } from 'colorize-toolkit/internals';
 * const flow = { width: 3, height: 1, u: new Float32Array([1, 1, 1]), v: new Float32Array(3) };
 * console.log(Array.from(warpPlane(new Float32Array([0, 10, 20]), flow))); // [ 10, 20, 20 ]
 * ```
 */
export function warpPlane(plane: Float32Array, flow: FlowField): Float32Array {
  return warpPlanes([plane], flow)[0];
}

/**
 * {@link warpPlane} of several planes along one flow, the sample positions and weights computed
 * once.
 *
 * @example
 * ```ts
 * import { warpPlanes } from 'colorize-toolkit/internals';
 * const flow = { width: 3, height: 1, u: new Float32Array([1, 1, 1]), v: new Float32Array(3) };
 * const [a, b] = warpPlanes([new Float32Array([0, 10, 20]), new Float32Array([1, 2, 3])], flow);
 * console.log(Array.from(a), Array.from(b)); // [ 10, 20, 20 ] [ 2, 3, 3 ]
 * ```
 */
export function warpPlanes(planes: readonly Float32Array[], flow: FlowField): Float32Array[] {
  const { width, height, u, v } = flow;
  const outs = planes.map(() => new Float32Array(width * height));
  const k = planes.length;
  const xMax = width - 2 < 0 ? 0 : width - 2;
  const yMax = height - 2 < 0 ? 0 : height - 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let fx = x + u[i];
      let fy = y + v[i];
      fx = fx < 0 ? 0 : fx > width - 1 ? width - 1 : fx;
      fy = fy < 0 ? 0 : fy > height - 1 ? height - 1 : fy;
      const x0 = Math.min(Math.floor(fx), xMax);
      const y0 = Math.min(Math.floor(fy), yMax);
      const x1 = Math.min(x0 + 1, width - 1);
      const y1 = Math.min(y0 + 1, height - 1);
      const ax = fx - x0;
      const ay = fy - y0;
      const i00 = y0 * width + x0;
      const i01 = y0 * width + x1;
      const i10 = y1 * width + x0;
      const i11 = y1 * width + x1;
      for (let c = 0; c < k; c++) {
        const p = planes[c];
        const top = p[i00] * (1 - ax) + p[i01] * ax;
        const bot = p[i10] * (1 - ax) + p[i11] * ax;
        outs[c][i] = top * (1 - ay) + bot * ay;
      }
    }
  }
  return outs;
}

/** Frames for the photometric part of {@link flowConsistency}. */
export interface PhotometricCheck {
  /** Gray plane of frame t (where `flow` starts). */
  from: Float32Array;
  /** Gray plane of frame s (where `flow` points). */
  to: Float32Array;
  /** Largest |from(x) − to(x + w(x))| of a reliable pixel (same scale as the planes). */
  tolerance: number;
}

/**
 * Reliability of `flow` (frame t → frame s) by the forward–backward check against `back`
 * (frame s → frame t): 1 where |w(x) + ŵ(x + w(x))|² ≤ 0.01 (|w|² + |ŵ|²) + 0.5 and x + w(x) lies
 * inside the frame (and, with `photometric`, |I_t(x) − I_s(x + w(x))| ≤ tolerance), else 0
 * (occluded, disoccluded, replaced or wrong).
 *
 * @example
 * ```ts
 * import { flowConsistency } from 'colorize-toolkit/internals';
 * const f = (d: number) => ({ width: 4, height: 1, u: new Float32Array(4).fill(d), v: new Float32Array(4) });
 * console.log(Array.from(flowConsistency(f(1), f(-1)))); // [ 1, 1, 1, 0 ]
 * console.log(Array.from(flowConsistency(f(1), f(1)))); // [ 0, 0, 0, 0 ]
 * ```
 */
export function flowConsistency(
  flow: FlowField,
  back: FlowField,
  photometric?: PhotometricCheck,
): Uint8Array {
  const { width, height, u, v } = flow;
  const [bu, bv, warped = null] = warpPlanes(
    photometric ? [back.u, back.v, photometric.to] : [back.u, back.v],
    flow,
  );
  const from = photometric?.from;
  const tol = photometric?.tolerance ?? Infinity;
  const ok = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const tx = x + u[i];
      const ty = y + v[i];
      if (tx < 0 || ty < 0 || tx > width - 1 || ty > height - 1) continue;
      const du = u[i] + bu[i];
      const dv = v[i] + bv[i];
      const lim = 0.01 * (u[i] * u[i] + v[i] * v[i] + bu[i] * bu[i] + bv[i] * bv[i]) + 0.5;
      ok[i] =
        du * du + dv * dv <= lim && (!warped || Math.abs((from as Float32Array)[i] - warped[i]) <= tol)
          ? 1
          : 0;
    }
  }
  return ok;
}
