/**
 * The two automatic methods of Mouzon, Pierre & Berger (SSVM 2019): `cnn`, the CNN alone decoded
 * by the annealed mean (§2, Zhang et al. eq. 5), and `cnn-tv`, the CNN's distributions up-sampled
 * and regularised by the coupled-TV candidate selection (§3–4). Both end in the shared finish
 * stage, which keeps the original luminance at full resolution.
 */
import { annealedMean } from '../../../color/ab-bins.js';
import { grayToL, labImageToRgb } from '../../../color/lab.js';
import { ColorizeError, checkInteger, checkNumber } from '../../../errors.js';
import { finish, type UpsampleMethod } from '../../../finish/finish.js';
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

/**
 * How the 1/4-resolution chroma reaches full resolution: 'joint-bilateral' (default, along the
 * gray image's edges), 'guided', or 'bilinear' (Zhang et al.'s own up-sampling, the baseline of
 * Mouzon et al. Figs. 1, 4–5, with its halos).
 */
export type CnnUpsample = UpsampleMethod;
/** The values of `--upsample` for `cnn` and `cnn-tv`. */
export const CNN_UPSAMPLE_METHODS: readonly CnnUpsample[] = ['joint-bilateral', 'guided', 'bilinear'];

export interface CnnOptions {
  /** Annealed-mean temperature T (default 0.38). */
  temperature?: number;
  /** Chroma up-sampling to full resolution (default 'joint-bilateral'; 'bilinear' is Zhang et al.'s). */
  upsample?: CnnUpsample;
  /** Called with a fraction in [0, 1] and a stage name. */
  onProgress?(fraction: number, stage: string): void;
}

export interface CnnTvOptions extends Omit<CoupledTvOptions, 'onIteration'> {
  /** Candidates per pixel (default 10, §4). */
  candidates?: number;
  /** Working-resolution cap of the TV step in pixels (default 1,000,000). */
  workingPixels?: number;
  /** Chroma up-sampling when the image is above the working cap (default 'joint-bilateral'). */
  upsample?: CnnUpsample;
  onProgress?(fraction: number, stage: string): void;
  /**
   * Receives diagnostic pictures at the working resolution: `candidate-k` (the k-th most probable
   * colour of each pixel, with the image's L*), `weight-k` (its final weight w_k, black 0 to white
   * 1) and `winner` (the index of the winning candidate, k / (K − 1) as gray).
   */
  onDebug?(name: string, image: ImageF32): void;
}

function checkUpsample(v: unknown): CnnUpsample {
  if (v === undefined) return 'joint-bilateral';
  if (!CNN_UPSAMPLE_METHODS.includes(v as CnnUpsample))
    throw new ColorizeError(
      `option "upsample" = ${JSON.stringify(v)} is invalid: expected one of ${CNN_UPSAMPLE_METHODS.join(', ')}`,
      'usage',
    );
  return v as CnnUpsample;
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
 * import { colorizeCnn, readImage } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const rgb = await colorizeCnn(gray);
 * console.log(rgb.width === gray.width, rgb.channels.length); // true 3
 * ```
 */
export async function colorizeCnn(gray: ImageF32, options: CnnOptions = {}): Promise<ImageF32> {
  checkGray(gray);
  const T = checkNumber('temperature', options.temperature ?? DEFAULT_TEMPERATURE, 0.01, 10);
  const upsample = checkUpsample(options.upsample);
  options.onProgress?.(0, 'cnn');
  const dist = await predictColorDistribution(gray);
  options.onProgress?.(0.8, 'decode');
  const rgb = decodeAnnealedMean(gray, dist, T, upsample);
  options.onProgress?.(1, 'done');
  return rgb;
}

/**
 * The `cnn` decoding of a distribution already predicted for `gray` (annealed mean + finish);
 * `upsample: 'bilinear'` gives Zhang et al.'s baseline as Mouzon et al. compare against it.
 */
export function decodeAnnealedMean(
  gray: ImageF32,
  dist: ColorDistribution,
  temperature = DEFAULT_TEMPERATURE,
  upsample: CnnUpsample = 'joint-bilateral',
): ImageF32 {
  const { a, b } = annealedMean(dist.probs, dist.width * dist.height, temperature, dist.bins);
  return finish(
    {
      original: gray,
      chroma: { width: dist.width, height: dist.height, channels: [a, b] },
      space: 'lab',
    },
    { upsample },
  );
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
 * import { colorizeCnnTv, readImage } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const rgb = await colorizeCnnTv(gray, { iterations: 20 });
 * console.log(rgb.width === gray.width, rgb.channels.length); // true 3
 * ```
 */
export async function colorizeCnnTv(gray: ImageF32, options: CnnTvOptions = {}): Promise<ImageF32> {
  checkGray(gray);
  options.onProgress?.(0, 'cnn');
  const dist = await predictColorDistribution(gray);
  const run = selectWithCoupledTv(gray, dist, options);
  if (options.onDebug) cnnTvDebugPictures(gray, run, options.onDebug);
  return run.image;
}

/**
 * The diagnostic pictures of a `cnn-tv` run (see {@link CnnTvOptions.onDebug}): K candidates, K
 * final weights, the winning-candidate map.
 *
 * @example
 * ```ts
 * import { cnnTvDebugPictures, predictColorDistribution, readImage, selectWithCoupledTv } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const run = selectWithCoupledTv(gray, await predictColorDistribution(gray));
 * const names: string[] = [];
 * cnnTvDebugPictures(gray, run, (name) => names.push(name));
 * console.log(names.length, names[0], names[20]); // 21 candidate-0 winner
 * ```
 */
export function cnnTvDebugPictures(
  gray: ImageF32,
  run: CnnTvRun,
  sink: (name: string, image: ImageF32) => void,
): void {
  const { width: W, height: H, candidates: c, tv } = run;
  const n = W * H;
  const K = c.count;
  const g =
    W === gray.width && H === gray.height
      ? gray.channels[0]
      : resizePlane(gray.channels[0], gray.width, gray.height, W, H, 'area');
  const L = new Float32Array(n);
  for (let i = 0; i < n; i++) L[i] = grayToL(g[i]);
  for (let k = 0; k < K; k++) {
    const a = new Float32Array(n);
    const b = new Float32Array(n);
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = c.a[i * K + k];
      b[i] = c.b[i * K + k];
      w[i] = tv.weight[i * K + k];
    }
    sink(`candidate-${k}`, labImageToRgb({ width: W, height: H, channels: [L, a, b] }));
    sink(`weight-${k}`, { width: W, height: H, channels: [w] });
  }
  const win = new Float32Array(n);
  for (let i = 0; i < n; i++) win[i] = K > 1 ? tv.winner[i] / (K - 1) : 0;
  sink('winner', { width: W, height: H, channels: [win] });
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
  const upsample = checkUpsample(options.upsample);
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
  const image = finish(
    {
      original: gray,
      chroma: { width: W, height: H, channels: [r.a, r.b] },
      space: 'lab',
    },
    { upsample },
  );
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
