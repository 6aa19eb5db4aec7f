/**
 * The two automatic methods of Mouzon, Pierre & Berger (SSVM 2019): `cnn`, the CNN alone decoded
 * by the annealed mean (§2, Zhang et al. eq. 5), and `cnn-tv`, the CNN's distributions up-sampled
 * and regularised by the coupled-TV candidate selection (§3–4). Both end in the shared finish
 * stage, which keeps the original luminance at full resolution.
 */
import { annealedMean } from '../../../color/ab-bins.js';
import { grayToL } from '../../../color/lab.js';
import { checkInteger, checkNumber } from '../../../errors.js';
import { finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizePlane } from '../../../image/resize.js';
import {
  type Candidates,
  type CoupledTvOptions,
  type CoupledTvResult,
  coupledTvMultiscale,
  DEFAULT_TV_ITERATIONS,
} from '../../../solve/coupled-tv.js';
import { candidatesFromDistribution, DEFAULT_CANDIDATES } from './candidates.js';
import { type ColorDistribution, predictColorDistribution } from './network.js';

/** Annealed-mean temperature (Zhang et al. §3.3). */
export const DEFAULT_TEMPERATURE = 0.38;
/**
 * Largest working resolution of the TV step (pixels); larger images are solved at this size and
 * brought to full resolution by the finish stage's edge-aware upsampling, so memory stays bounded.
 */
export const DEFAULT_WORKING_PIXELS = 1_000_000;

export interface CnnOptions {
  /** Annealed-mean temperature T (default 0.38). */
  temperature?: number;
  /** Called with a fraction in [0, 1] and a stage name. */
  onProgress?(fraction: number, stage: string): void;
}

export interface CnnTvOptions extends Omit<CoupledTvOptions, 'onIteration'> {
  /** Candidates per pixel (default 10, §4). */
  candidates?: number;
  /** Working-resolution cap of the TV step in pixels (default 1,000,000). */
  workingPixels?: number;
  onProgress?(fraction: number, stage: string): void;
}

function checkGray(gray: ImageF32): void {
  if (gray.channels.length !== 1)
    throw new RangeError(`expected a one-channel gray image, got ${gray.channels.length} channels`);
}

/**
 * Fully automatic colorization by the CNN alone: annealed mean of the 313-bin distributions on
 * the 56² grid, then the finish stage (joint bilateral upsampling guided by the gray image).
 *
 * @example
 * ```ts
 * import { colorizeCnn, readImage } from 'colorize-toolkit';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const rgb = await colorizeCnn(gray);
 * console.log(rgb.width === gray.width, rgb.channels.length); // true 3
 * ```
 */
export async function colorizeCnn(gray: ImageF32, options: CnnOptions = {}): Promise<ImageF32> {
  checkGray(gray);
  const T = checkNumber('temperature', options.temperature ?? DEFAULT_TEMPERATURE, 0.01, 10);
  options.onProgress?.(0, 'cnn');
  const dist = await predictColorDistribution(gray);
  options.onProgress?.(0.8, 'decode');
  const rgb = decodeAnnealedMean(gray, dist, T);
  options.onProgress?.(1, 'done');
  return rgb;
}

/** The `cnn` decoding of a distribution already predicted for `gray` (annealed mean + finish). */
export function decodeAnnealedMean(
  gray: ImageF32,
  dist: ColorDistribution,
  temperature = DEFAULT_TEMPERATURE,
): ImageF32 {
  const { a, b } = annealedMean(dist.probs, dist.width * dist.height, temperature, dist.bins);
  return finish({
    original: gray,
    chroma: { width: dist.width, height: dist.height, channels: [a, b] },
    space: 'lab',
  });
}

/** Working size for the TV step: the image itself, or scaled down to at most `cap` pixels. */
export function workingSize(width: number, height: number, cap: number): { width: number; height: number } {
  if (width * height <= cap) return { width, height };
  const s = Math.sqrt(cap / (width * height));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

/**
 * Fully automatic colorization by the CNN and the coupled-TV candidate selection (Mouzon et al.
 * §4): distributions up-sampled to the working resolution, the 10 most probable colours kept per
 * pixel, F(u, w) of eq. 2 minimised from the CNN's weights.
 *
 * @example
 * ```ts
 * import { colorizeCnnTv, readImage } from 'colorize-toolkit';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const rgb = await colorizeCnnTv(gray, { iterations: 20 });
 * console.log(rgb.width === gray.width, rgb.channels.length); // true 3
 * ```
 */
export async function colorizeCnnTv(gray: ImageF32, options: CnnTvOptions = {}): Promise<ImageF32> {
  checkGray(gray);
  options.onProgress?.(0, 'cnn');
  const dist = await predictColorDistribution(gray);
  return selectWithCoupledTv(gray, dist, options).image;
}

/** What {@link selectWithCoupledTv} did, for benchmarks and diagnostics. */
export interface CnnTvRun {
  image: ImageF32;
  /** Working resolution of the TV step. */
  width: number;
  height: number;
  iterations: number;
  /** Phase-2 (selection) iterations, at the working resolution. */
  selectIterations: number;
  /** Scales of the multiscale solve. */
  scales: number;
  /** The candidates at the working resolution (their initial weights are the CNN's). */
  candidates: Candidates;
  /** The solver's result (u, final w, winning candidate per pixel). */
  tv: CoupledTvResult;
  /** Milliseconds per stage. */
  timings: { candidates: number; tv: number; finish: number };
}

/**
 * The `cnn-tv` selection for a distribution already predicted for `gray`: candidates at each
 * scale of a pyramid, the coupled TV solved coarse to fine ({@link coupledTvMultiscale}), finish.
 */
export function selectWithCoupledTv(
  gray: ImageF32,
  dist: ColorDistribution,
  options: CnnTvOptions = {},
): CnnTvRun {
  checkGray(gray);
  const K = checkInteger('candidates', options.candidates ?? DEFAULT_CANDIDATES, 1, 64);
  const cap = checkInteger('workingPixels', options.workingPixels ?? DEFAULT_WORKING_PIXELS, 4096);
  const progress = options.onProgress;
  const { width: W, height: H } = workingSize(gray.width, gray.height, cap);
  progress?.(0.2, 'candidates');
  let tCand = 0;
  const g =
    W === gray.width && H === gray.height
      ? gray.channels[0]
      : resizePlane(gray.channels[0], gray.width, gray.height, W, H, 'area');
  const lumFull = new Float32Array(W * H);
  for (let i = 0; i < lumFull.length; i++) lumFull[i] = grayToL(g[i]);
  let fine: Candidates | null = null;
  const level = (w: number, h: number) => {
    const t = performance.now();
    const candidates = candidatesFromDistribution(dist, w, h, K);
    const lum = w === W && h === H ? lumFull : resizePlane(lumFull, W, H, w, h, 'area');
    if (w === W && h === H) fine = candidates;
    tCand += performance.now() - t;
    return { lum, candidates };
  };
  const t0 = performance.now();
  const maxIt = options.iterations ?? DEFAULT_TV_ITERATIONS;
  const r = coupledTvMultiscale(W, H, level, {
    ...options,
    onIteration: (it) => progress?.(0.3 + 0.6 * Math.min(1, it / Math.max(1, 4 * maxIt)), 'tv'),
  });
  const tTv = performance.now() - t0 - tCand;
  progress?.(0.9, 'finish');
  const t1 = performance.now();
  const image = finish({
    original: gray,
    chroma: { width: W, height: H, channels: [r.a, r.b] },
    space: 'lab',
  });
  const tFinish = performance.now() - t1;
  progress?.(1, 'done');
  return {
    image,
    width: W,
    height: H,
    iterations: r.iterations,
    selectIterations: r.selectIterations,
    scales: r.scales,
    candidates: fine as unknown as Candidates,
    tv: r,
    timings: { candidates: tCand, tv: tTv, finish: tFinish },
  };
}
