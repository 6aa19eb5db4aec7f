/**
 * Welsh, Ashikhmin & Mueller (2002), "Transferring color to greyscale images", global image
 * matching procedure (§2 of the paper):
 *   1. luminance remapping: the reference luminance is shifted and scaled so its mean and std
 *      match the target's, L' = (σ_T / σ_R)(L_R − μ_R) + μ_T;
 *   2. about 200 reference samples on a jittered grid (sampling.ts);
 *   3. every target pixel takes the sample minimising a weighted sum of squared differences of
 *      luminance and of the luminance standard deviation over a 5×5 neighbourhood (weights
 *      50/50 in the paper);
 *   4. the sample's chroma is transferred, the target keeps its own luminance.
 * Welsh et al. work in lαβ; we use CIELAB (L*, a*, b*) by default, or the report's YUV (eq. 1)
 * with `space: 'yuv'`, so that step 4 is the shared finish stage, which keeps the luminance
 * (L* or Rec. 601 luma Y) exactly and clamps chroma to the gamut. The match itself does not depend
 * on the luminance unit (both terms scale alike). A colour target is used through its luminance.
 */

import { lightnessOf, rgbImageToLab } from '../../../color/lab.js';
import { lumaOf, rgbToLumaChroma } from '../../../color/linear-spaces.js';
import { checkChoice, checkInteger, checkNumber, invalidOption } from '../../../errors.js';
import { boxFilter } from '../../../filters/box.js';
import { finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { planeStats, requireColourReference, targetAsRgb } from '../common.js';
import { jitteredSamples } from './sampling.js';

export interface WelshOptions {
  /** Number of jittered reference samples (default 200). */
  samples?: number;
  /** Side of the square neighbourhood for the std statistic, odd (default 5). */
  window?: number;
  /** Weight of the luminance term; the std term weighs 1 − weight (default 0.5). */
  weight?: number;
  /** Seed of the jitter (default 1). */
  seed?: number;
  /** Apply the luminance remapping (default true). */
  remap?: boolean;
  /** Luminance/chroma space: 'lab' (default) or 'yuv' (keeps the target's Rec. 601 luma exactly). */
  space?: WelshSpace;
}

export type WelshSpace = 'lab' | 'yuv';
export const WELSH_SPACES: readonly WelshSpace[] = ['lab', 'yuv'];

/** Local standard deviation over a (2r+1)² window (clipped at borders), via box means of x and x². */
export function localStd(p: Float32Array, width: number, height: number, radius: number): Float32Array {
  const sq = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) sq[i] = p[i] * p[i];
  const m = boxFilter(p, width, height, radius);
  const m2 = boxFilter(sq, width, height, radius);
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = m2[i] - m[i] * m[i];
    out[i] = v > 0 ? Math.sqrt(v) : 0;
  }
  return out;
}

export interface WelshChroma {
  a: Float32Array;
  b: Float32Array;
  /** Reference pixel indices of the samples. */
  samples: Uint32Array;
}

/**
 * Steps 1–3 on luminance planes: chroma for every target pixel from the best-matching sample.
 * `refLab` holds the reference's luminance and two chroma planes (Lab or YUV, same as `targetL`).
 */
export function welshChroma(
  targetL: Float32Array,
  width: number,
  height: number,
  refLab: ImageF32,
  options: WelshOptions = {},
): WelshChroma {
  const count = checkInteger('samples', options.samples ?? 200, 1, 100_000);
  const window = checkInteger('window', options.window ?? 5, 1, 99);
  if (window % 2 === 0) invalidOption('window', window, 'an odd integer in [1, 99]');
  const w = checkNumber('weight', options.weight ?? 0.5, 0, 1);
  const seed = checkInteger('seed', options.seed ?? 1, 0, 2 ** 32 - 1);
  const radius = (window - 1) >> 1;
  const [refL0, refA, refB] = refLab.channels;
  let refL = refL0;
  if (options.remap ?? true) {
    const st = planeStats(targetL);
    const sr = planeStats(refL0);
    const k = sr.std > 0 ? st.std / sr.std : 1;
    refL = new Float32Array(refL0.length);
    for (let i = 0; i < refL.length; i++) refL[i] = k * (refL0[i] - sr.mean) + st.mean;
  }
  const samples = jitteredSamples(refLab.width, refLab.height, count, seed);
  const refStd = localStd(refL, refLab.width, refLab.height, radius);
  const m = samples.length;
  const sL = new Float64Array(m);
  const sS = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    sL[k] = refL[samples[k]];
    sS[k] = refStd[samples[k]];
  }
  const tStd = localStd(targetL, width, height, radius);
  const a = new Float32Array(width * height);
  const b = new Float32Array(width * height);
  const wl = w;
  const ws = 1 - w;
  for (let i = 0; i < a.length; i++) {
    const l = targetL[i];
    const s = tStd[i];
    let best = 0;
    let bestD = Infinity;
    for (let k = 0; k < m; k++) {
      const dl = l - sL[k];
      const ds = s - sS[k];
      const d = wl * dl * dl + ws * ds * ds;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    a[i] = refA[samples[best]];
    b[i] = refB[samples[best]];
  }
  return { a, b, samples };
}

/**
 * Colours a gray target from a colour reference (Welsh et al. 2002, global matching).
 *
 * @example
 * ```ts
 * import { welshTransfer, createImage } from 'colorize-toolkit/internals';
 * const gray = createImage(32, 32, 1); gray.channels[0].forEach((_, i, a) => { a[i] = (i % 32) < 16 ? 0.2 : 0.8; });
 * const ref = createImage(32, 32, 3);
 * ref.channels.forEach((c, k) => c.forEach((_, i, a) => { a[i] = (i % 32) < 16 ? [0.4, 0.1, 0.1][k] : [0.7, 0.8, 1][k]; }));
 * const out = welshTransfer(gray, ref);
 * console.log(out.channels[0][3] > out.channels[2][3], out.channels[2][30] > out.channels[0][30]); // true true
 * ```
 */
export function welshTransfer(target: ImageF32, reference: ImageF32, options: WelshOptions = {}): ImageF32 {
  const space = checkChoice('space', options.space ?? 'lab', WELSH_SPACES);
  requireColourReference(reference, 'welsh');
  const ref = targetAsRgb(reference);
  const refSpace = space === 'lab' ? rgbImageToLab(ref) : rgbToLumaChroma(ref, 'yuv');
  const L = space === 'lab' ? lightnessOf(target) : lumaOf(target);
  const { a, b } = welshChroma(L, target.width, target.height, refSpace, options);
  return finish({
    original: target,
    chroma: { width: target.width, height: target.height, channels: [a, b] },
    space,
  });
}
