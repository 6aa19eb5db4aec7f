/**
 * RGB Poisson merging (report §3.1.2, eq. 7): each of R, G, B minimises
 *   Σ (x − t)² + λ Σ_{4-neighbours} (x_r − x_s − t_r + t_s)²
 * with x fixed to the stroke colour at stroke pixels, t the gray image. Its normal equations
 * (eq. 7) are (I + λL)x = (I + λL)t with L the 4-neighbour Laplacian; with δ = x − t they read
 * (I + λL)δ = 0, δ = stroke − t at strokes. Solved with the same multigrid PCG (a 5-point
 * operator is a 9-point stencil with zero diagonals).
 *
 * What this does to colour: the system and t are the same for R, G and B, so any chroma
 * combination k·x with Σk = 0 (U, V, I, Q) cancels t and solves (I + λL)u = 0 with u = the
 * strokes' chroma at strokes. The chroma is an interpolation of the stroke chroma that never sees
 * the gray image (harmonic, Lu = 0, for the default λ = 1e10): it does not follow the gray
 * gradients and does not stop at edges. The gray gradients are kept in each of R, G, B, i.e. as
 * luminance; where a stroke's luma differs from the gray under it, that offset spreads too (the
 * report's "luminance drift", figs. 20–22). `output: 'finished'` (default) recombines the chroma
 * with the gray luminance exactly (finish stage); `output: 'raw'` returns the merged RGB itself.
 */

import { type LinearSpace, rgbToLumaChroma } from '../../../color/linear-spaces.js';
import { checkChoice, checkNumber } from '../../../errors.js';
import { type FinishOptions, finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { checkWorkingPixels, resizePlane, workingGrid } from '../../../image/resize.js';
import { dirichletSystem } from '../../../solve/dirichlet.js';
import { solveSpd } from '../../../solve/spd-solve.js';
import { createStencil9 } from '../../../solve/stencil9.js';
import {
  type ChromaResult,
  grayPlane,
  LEVIN_WORKING_PIXELS,
  SCRIBBLE_SPACES,
  type ScribbleSolveOptions,
  strokeChromaAt,
} from '../levin/levin.js';
import { reduceStrokes, type StrokeSet, strokeCount } from '../strokes.js';

export interface PoissonOptions extends ScribbleSolveOptions {
  /** Weight λ of the gradient term (report fig. 21 uses 1e10; 0 leaves the gray image untouched off the strokes). */
  lambda?: number;
  /**
   * `colorizePoisson` only: 'finished' (default) gives the merged chroma on the gray luminance
   * (finish stage); 'raw' gives the merged RGB of eq. 7 itself, clamped to [0, 1], with the
   * luminance drift of the report's figs. 20–22.
   */
  output?: PoissonOutput;
}

/** Output forms of {@link colorizePoisson}. */
export const POISSON_OUTPUTS = ['finished', 'raw'] as const;
export type PoissonOutput = (typeof POISSON_OUTPUTS)[number];

/** Report default for λ (§3.1.3, fig. 21). */
export const POISSON_DEFAULT_LAMBDA = 1e10;

/**
 * Solves eq. 7 for R, G, B and returns the (unclamped) RGB planes with the stroke colours at stroke pixels.
 *
 * @example
 * ```ts
 * import { createImage, poissonMergeRgb, rasterizeStrokes } from 'colorize-toolkit/internals';
 * const gray = createImage(16, 8, 1); gray.channels[0].fill(0.5);
 * const strokes = rasterizeStrokes([{ points: [0, 4], radius: 1, rgb: [0.7, 0.5, 0.3] }], 16, 8);
 * const { rgb } = poissonMergeRgb(gray, strokes);
 * console.log(rgb.channels[0][4 * 16 + 15].toFixed(2)); // 0.70: the offset spreads
 * ```
 */
export function poissonMergeRgb(
  gray: ImageF32,
  strokes: StrokeSet,
  options: PoissonOptions = {},
): { rgb: ImageF32; stats: ChromaResult['stats'] } {
  const lambda = checkNumber('lambda', options.lambda ?? POISSON_DEFAULT_LAMBDA, 0);
  const { width: W, height: H } = gray;
  const t = grayPlane(gray);
  const n = W * H;
  const t0 = performance.now();
  const L = createStencil9(W, H);
  const { pad, e, s, diag } = L;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = pad + y * W + x;
      if (x + 1 < W) e[i] = lambda;
      if (y + 1 < H) s[i] = lambda;
      const deg = (x > 0 ? 1 : 0) + (x + 1 < W ? 1 : 0) + (y > 0 ? 1 : 0) + (y + 1 < H ? 1 : 0);
      diag[i] = 1 + lambda * deg;
    }
  }
  const delta = strokes.colors.channels.map((c) => {
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++) if (strokes.mask[i]) d[i] = c[i] - t[i];
    return d;
  });
  const sys = dirichletSystem(L, strokes.mask, delta);
  const t1 = performance.now();
  const res = solveSpd(sys, options);
  const rgb = res.planes.map((d, c) => {
    const out = new Float32Array(n);
    const col = strokes.colors.channels[c];
    for (let i = 0; i < n; i++) out[i] = strokes.mask[i] ? col[i] : t[i] + d[i];
    return out;
  });
  const strokePixels = strokeCount(strokes);
  return {
    rgb: { width: W, height: H, channels: rgb },
    stats: {
      strokePixels,
      iterations: res.iterations,
      relativeResidual: res.relativeResidual,
      converged: res.converged,
      buildMs: t1 - t0,
      setupMs: res.setupMs,
      solveMs: res.solveMs,
    },
  };
}

/**
 * Poisson merging, then either the finish stage (`output: 'finished'`, default: the chroma of the
 * merged RGB in `space`, recombined with the original gray luminance) or the merged RGB itself
 * (`output: 'raw'`, clamped to [0, 1]; the report's figs. 20–22). `chroma` is the merged RGB's
 * chroma in both cases, `merged` the unclamped RGB of eq. 7.
 *
 * @example
 * ```ts
 * import { colorizePoisson, createImage, lumaOf, rasterizeStrokes } from 'colorize-toolkit/internals';
 * const gray = createImage(16, 8, 1); gray.channels[0].fill(0.5);
 * const strokes = rasterizeStrokes([{ points: [0, 4], radius: 1, rgb: [0.7, 0.5, 0.3] }], 16, 8);
 * const { rgb } = colorizePoisson(gray, strokes);
 * console.log(rgb.channels[0][0] > rgb.channels[2][0]); // true
 * console.log(lumaOf(rgb)[15].toFixed(2)); // 0.50: the gray luminance is kept
 * const raw = colorizePoisson(gray, strokes, { output: 'raw' }).rgb;
 * console.log(lumaOf(raw)[15].toFixed(2)); // 0.54: the stroke's luma (0.537) has spread
 * ```
 */
export function colorizePoisson(
  gray: ImageF32,
  strokes: StrokeSet,
  options: PoissonOptions = {},
  finishOptions: FinishOptions = {},
): ChromaResult & { rgb: ImageF32; merged: ImageF32 } {
  const space = checkChoice('space', options.space ?? 'yuv', SCRIBBLE_SPACES);
  const output = checkChoice('output', options.output ?? 'finished', POISSON_OUTPUTS);
  const cap = checkWorkingPixels('workingPixels', options.workingPixels ?? LEVIN_WORKING_PIXELS);
  if (cap !== 0 && gray.width * gray.height > cap)
    return poissonAtWorkingSize(gray, strokes, space, output, cap, options, finishOptions);
  const { rgb: merged, stats } = poissonMergeRgb(gray, strokes, options);
  const lc = rgbToLumaChroma(merged, space);
  const chroma = { width: gray.width, height: gray.height, channels: [lc.channels[1], lc.channels[2]] };
  const rgb =
    output === 'raw'
      ? { width: gray.width, height: gray.height, channels: merged.channels.map(clamp01) }
      : finish({ original: gray, chroma, space }, finishOptions);
  return { chroma, space, stats, rgb, merged };
}

/**
 * {@link colorizePoisson} over the working size: eq. 7 solved on a reduced grid with every stroke
 * kept (reduceStrokes). 'finished': its chroma brought up by the finish stage guided by the
 * full-size gray, with the exact stroke chroma at every full-resolution stroke pixel. 'raw': the
 * full-size gray plus the bilinearly upsampled correction d = merged − gray, and the stroke colours
 * at the stroke pixels. `merged` and `chroma` are those of the working grid.
 */
function poissonAtWorkingSize(
  gray: ImageF32,
  strokes: StrokeSet,
  space: LinearSpace,
  output: PoissonOutput,
  cap: number,
  options: PoissonOptions,
  finishOptions: FinishOptions,
): ChromaResult & { rgb: ImageF32; merged: ImageF32 } {
  const { width: W, height: H } = gray;
  const { width: w, height: h } = workingGrid(W, H, cap);
  const t = grayPlane(gray);
  const small = resizePlane(t, W, H, w, h, 'area');
  const { rgb: merged, stats: solveStats } = poissonMergeRgb(
    { width: w, height: h, channels: [small] },
    reduceStrokes(strokes, w, h),
    options,
  );
  const lc = rgbToLumaChroma(merged, space);
  const chroma = { width: w, height: h, channels: [lc.channels[1], lc.channels[2]] };
  const strokePixels = strokeCount(strokes);
  const stats = { ...solveStats, strokePixels, working: { width: w, height: h } };
  if (output === 'raw') {
    const channels = merged.channels.map((m, c) => {
      const d = new Float32Array(w * h);
      for (let i = 0; i < d.length; i++) d[i] = m[i] - small[i];
      const up = resizePlane(d, w, h, W, H, 'bilinear');
      const col = strokes.colors.channels[c];
      for (let i = 0; i < up.length; i++) {
        const v = strokes.mask[i] ? col[i] : t[i] + up[i];
        up[i] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
      return up;
    });
    return { chroma, space, stats, rgb: { width: W, height: H, channels }, merged };
  }
  const fixed = strokeChromaAt(strokes, space);
  const rgb = finish({ original: gray, chroma, space, fixed }, finishOptions);
  return { chroma, space, stats, rgb, merged };
}

function clamp01(p: Float32Array): Float32Array {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] < 0 ? 0 : p[i] > 1 ? 1 : p[i];
  return out;
}
