/**
 * The finish stage every colorization method ends in (DESIGN.md §6):
 *   1. bring chroma computed at a working resolution up to the full resolution with edge-aware
 *      upsampling guided by the original luminance: joint bilateral upsampling (Kopf et al. 2007,
 *      default, with bilinear spatial weights) or guided upsampling (the guided filter's local
 *      linear model fitted on the working grid, applied to the full-resolution luminance);
 *   2. clamp chroma into the sRGB gamut along its own hue ray (no hue shift, no colour blocks);
 *   3. recombine with the original luminance, which is kept exactly: by default the Rec. 601 luma
 *      (the output converted to gray is the input gray), or CIELAB L* on request.
 */

import { clampLinearGamut, matchLuma } from '../color/gamut.js';
import { labImageToRgb, lightnessOf } from '../color/lab.js';
import { inverseMatrix, type LinearSpace, lumaOf } from '../color/linear-spaces.js';
import { ColorizeError, checkChoice, checkNumber, invalidOption } from '../errors.js';
import { jointBilateralGrid, jointBilateralUpsample, jointBilateralUpsampler } from '../filters/bilateral.js';
import { guidedFilter, guidedUpsample } from '../filters/guided.js';
import type { ImageF32 } from '../image/image.js';
import { resizePlane } from '../image/resize.js';

/** Space the chroma planes are expressed in. Lab chroma is a*, b*; YUV/YIQ chroma is on the [0,1] scale, centred on 0. */
export type ChromaSpace = 'lab' | LinearSpace;
export type UpsampleMethod = 'guided' | 'joint-bilateral' | 'bilinear';

export const CHROMA_SPACES: readonly ChromaSpace[] = ['lab', 'yuv', 'yiq', 'yuv601'];
export const UPSAMPLE_METHODS: readonly UpsampleMethod[] = ['guided', 'joint-bilateral', 'bilinear'];

export interface FinishOptions {
  /** How to bring chroma to full resolution (default 'joint-bilateral'). */
  upsample?: UpsampleMethod;
  /** Guided upsampling: window radius on the working grid (default 1; 2 at full resolution). */
  radius?: number;
  /** Guided-filter ε on a [0,1] guide (default 1e-4). */
  eps?: number;
  /** Joint bilateral σ in working-grid pixels (default 1; 2 full-resolution pixels when refining). */
  sigmaSpatial?: number;
  /** Joint bilateral range σ on a [0,1] guide (default 0.1 when upsampling, 0.05 when refining). */
  sigmaRange?: number;
  /** Joint bilateral upsampling spatial kernel: 'tent' (bilinear weights, default) or 'gaussian' (Kopf et al.). */
  spatialKernel?: 'tent' | 'gaussian';
  /**
   * Which luminance the output keeps exactly: 'luma' (default), the Rec. 601 luma
   * 0.299 R + 0.587 G + 0.114 B of the original, so converting the result to gray gives back the
   * input gray (the convention of the data sets and of most software); or 'lightness', CIELAB L*
   * (Lab chroma only). For gray originals from Rec. 601 luma this is worth 0.2–0.4 dB against truth.
   */
  keep?: 'luma' | 'lightness';
  /** Also edge-filter chroma that is already at full resolution (default false). */
  refineFullResolution?: boolean;
}

export interface FinishInput {
  /** The original image at full resolution: one gray channel or RGB; its luminance is kept. */
  original: ImageF32;
  /** Two chroma planes at any working resolution. */
  chroma: ImageF32;
  /** Space of the chroma planes. */
  space: ChromaSpace;
  /**
   * Full-resolution chroma to keep exactly at some pixels (e.g. the strokes of a scribble method
   * solved at a working resolution): after upsampling, `c1[k]`, `c2[k]` replace the chroma at pixel
   * `index[k]` (before the gamut clamp, as a full-resolution solve's fixed values would be).
   */
  fixed?: FixedChroma;
}

/** Sparse full-resolution chroma values: pixel indices (y · width + x) and their two chroma values. */
export interface FixedChroma {
  index: Uint32Array;
  c1: Float32Array;
  c2: Float32Array;
}

/**
 * Writes sparse chroma into two full planes: `c1[index[k]] = fixed.c1[k]`, likewise c2 (e.g. the
 * strokes' own chroma, {@link FixedChroma} from `strokeChromaAt`, over a propagated result).
 *
 * @example
 * ```ts
 * import { setFixedChroma } from 'colorize-toolkit/internals';
 * const u = new Float32Array(4); const v = new Float32Array(4);
 * setFixedChroma(u, v, { index: Uint32Array.of(2), c1: Float32Array.of(0.1), c2: Float32Array.of(-0.2) });
 * console.log(u[2].toFixed(1), v[2].toFixed(1)); // 0.1 -0.2
 * ```
 */
export function setFixedChroma(c1: Float32Array, c2: Float32Array, fixed: FixedChroma): void {
  const { index } = fixed;
  for (let k = 0; k < index.length; k++) {
    const i = index[k];
    if (i >= c1.length)
      throw new ColorizeError(`finish: fixed chroma index ${i} outside the image`, 'internal');
    c1[i] = fixed.c1[k];
    c2[i] = fixed.c2[k];
  }
}

/** Luminance plane of `img` in the given space: L* for Lab, Rec. 601 luma for YUV and YIQ. */
export function luminanceFor(img: ImageF32, space: ChromaSpace): Float32Array {
  return space === 'lab' ? lightnessOf(img) : lumaOf(img).slice();
}

/**
 * Produces the final full-resolution sRGB image.
 *
 * @example
 * ```ts
 * import { createImage, finish } from 'colorize-toolkit/internals';
 * const gray = createImage(64, 48, 1); gray.channels[0].fill(0.5);
 * const chroma = createImage(16, 12, 2); chroma.channels[0].fill(40); // a* = 40: reddish
 * const rgb = finish({ original: gray, chroma, space: 'lab' });
 * console.log(rgb.width, rgb.channels[0][0] > rgb.channels[1][0]); // 64 true
 * ```
 */
export function finish(input: FinishInput, options: FinishOptions = {}): ImageF32 {
  const { original, chroma } = input;
  const space = checkChoice('space', input.space, CHROMA_SPACES);
  const method = checkChoice('upsample', options.upsample ?? 'joint-bilateral', UPSAMPLE_METHODS);
  if (chroma.channels.length !== 2) {
    throw new ColorizeError(`finish: chroma must have 2 planes, got ${chroma.channels.length}`, 'internal');
  }
  const W = original.width;
  const H = original.height;
  const n = W * H;
  // Owned by this call (a new plane): recombine below writes the result into it.
  const lum = luminanceFor(original, space);
  const sameSize = chroma.width === W && chroma.height === H;
  const keep = checkChoice('keep', options.keep ?? 'luma', ['luma', 'lightness'] as const);
  if (keep === 'lightness' && space !== 'lab') invalidOption('keep', keep, "'luma' for YUV/YIQ chroma");
  let c1: Float32Array;
  let c2: Float32Array;
  // The [0, 1] guide: the luma itself for YUV/YIQ, L*/100 for Lab (a full-size plane each: at
  // 24 MP, 96 MB; the guide and the recombination in place keep the finish stage to about six).
  let guide: Float32Array | null = lum;
  if (space === 'lab') {
    guide = new Float32Array(n);
    const norm = 1 / 100;
    for (let i = 0; i < n; i++) guide[i] = lum[i] * norm;
  }
  if (!sameSize && method !== 'bilinear') {
    const low = [chroma.channels[0], chroma.channels[1]];
    if (method === 'guided') {
      const radius = checkNumber('radius', options.radius ?? 1, 0);
      const eps = checkNumber('eps', options.eps ?? 1e-4, 0);
      [c1, c2] = guidedUpsample(guide, W, H, low, chroma.width, chroma.height, { radius, eps });
    } else {
      const sigmaSpatial = checkNumber('sigmaSpatial', options.sigmaSpatial ?? 1, 0.1);
      const sigmaRange = checkNumber('sigmaRange', options.sigmaRange ?? 0.1, 1e-4);
      [c1, c2] = jointBilateralUpsample(guide, W, H, low, chroma.width, chroma.height, {
        sigmaSpatial,
        sigmaRange,
        spatialKernel: options.spatialKernel ?? 'tent',
      });
    }
  } else {
    c1 = resizePlane(chroma.channels[0], chroma.width, chroma.height, W, H, 'bilinear');
    c2 = resizePlane(chroma.channels[1], chroma.width, chroma.height, W, H, 'bilinear');
  }
  if (sameSize && options.refineFullResolution && method !== 'bilinear') {
    if (method === 'guided') {
      const radius = checkNumber('radius', options.radius ?? 2, 0);
      const eps = checkNumber('eps', options.eps ?? 1e-4, 0);
      [c1, c2] = guidedFilter(guide, [c1, c2], W, H, { radius, eps });
    } else {
      const sigmaSpatial = checkNumber('sigmaSpatial', options.sigmaSpatial ?? 2, 0.5);
      const sigmaRange = checkNumber('sigmaRange', options.sigmaRange ?? 0.05, 1e-4);
      [c1, c2] = jointBilateralGrid(guide, [c1, c2], W, H, { sigmaSpatial, sigmaRange });
    }
  }
  guide = null; // not needed any more: let it go before the result planes are written
  const fixed = input.fixed;
  if (fixed) {
    if (fixed.c1.length !== fixed.index.length || fixed.c2.length !== fixed.index.length)
      throw new ColorizeError('finish: fixed chroma needs one c1 and one c2 value per index', 'internal');
    // c1/c2 may still be the caller's planes (same size, no refinement): never write into those.
    if (c1 === chroma.channels[0]) c1 = c1.slice();
    if (c2 === chroma.channels[1]) c2 = c2.slice();
    setFixedChroma(c1, c2, fixed);
  }
  // lum, c1 and c2 are this call's own planes: the result is written into them.
  const rgb = recombine(lum, c1, c2, W, H, space, true);
  // YUV/YIQ keep Rec. 601 luma by construction; Lab keeps L*, so restore luma if asked.
  if (space === 'lab' && keep === 'luma') matchLuma(rgb, lumaOf(original));
  return rgb;
}

/**
 * {@link finish} for many chroma results on one photo at one working-grid size (a preview redrawn
 * at every stroke). With the default options the upsampling's weights, which depend only on the
 * photo, are prepared once (`jointBilateralUpsampler`); the result equals `finish` to float
 * rounding. Other options, or chroma already at full size, finish each call as `finish` does.
 *
 * @example
 * ```ts
 * import { createImage, preparedFinish } from 'colorize-toolkit/internals';
 * const gray = createImage(64, 48, 1); gray.channels[0].fill(0.5);
 * const finishOf = preparedFinish(gray, 'lab', 16, 12);
 * const rgb = finishOf([new Float32Array(192).fill(40), new Float32Array(192)]); // a* = 40
 * console.log(rgb.channels[0][0] > rgb.channels[1][0]); // true: reddish
 * ```
 */
export function preparedFinish(
  original: ImageF32,
  space: ChromaSpace,
  lowWidth: number,
  lowHeight: number,
  options?: FinishOptions,
): (chroma: Float32Array[]) => ImageF32 {
  const { width: W, height: H } = original;
  const once = (c: Float32Array[]) =>
    finish({ original, chroma: { width: lowWidth, height: lowHeight, channels: c }, space }, options);
  if (options !== undefined || (lowWidth === W && lowHeight === H)) return once;
  // The guide finish() uses: the luma for YUV/YIQ, L*/100 for Lab.
  const guide = luminanceFor(original, space);
  if (space === 'lab') for (let i = 0; i < guide.length; i++) guide[i] /= 100;
  const up = jointBilateralUpsampler(guide, W, H, lowWidth, lowHeight, { sigmaRange: 0.1 });
  return (c) => finish({ original, chroma: { width: W, height: H, channels: up(c) }, space });
}

/**
 * Gamut-clamps full-resolution chroma and recombines it with luminance `lum` (L* or Y) into sRGB.
 * `lum` is not modified except for clamping into its valid range. With `inPlace` the result's R,
 * G, B planes are `lum`, `c1`, `c2` themselves, overwritten (no new full-size planes).
 */
export function recombine(
  lum: Float32Array,
  c1: Float32Array,
  c2: Float32Array,
  width: number,
  height: number,
  space: ChromaSpace,
  inPlace = false,
): ImageF32 {
  // Lab: hue-ray gamut clamp fused with the conversion (labImageToRgb does both in one pass).
  if (space === 'lab') return labImageToRgb({ width, height, channels: [lum, c1, c2] }, true, inPlace);
  const n = width * height;
  const L = inPlace ? lum : lum.slice();
  // Each pixel is read whole (y, u, v) before its r, g, b are written.
  const R = inPlace ? L : new Float32Array(n);
  const G = inPlace ? c1 : new Float32Array(n);
  const B = inPlace ? c2 : new Float32Array(n);
  {
    clampLinearGamut(L, c1, c2, space);
    const m = inverseMatrix(space);
    for (let i = 0; i < n; i++) {
      const y = L[i];
      const u = c1[i];
      const v = c2[i];
      const r = m[0] * y + m[1] * u + m[2] * v;
      const g = m[3] * y + m[4] * u + m[5] * v;
      const b = m[6] * y + m[7] * u + m[8] * v;
      R[i] = r < 0 ? 0 : r > 1 ? 1 : r;
      G[i] = g < 0 ? 0 : g > 1 ? 1 : g;
      B[i] = b < 0 ? 0 : b > 1 ? 1 : b;
    }
  }
  return { width, height, channels: [R, G, B] };
}
