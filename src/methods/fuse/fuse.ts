/**
 * Hints that work together (issue 18): strokes, a colour reference and the automatic CNN
 * prediction become weighted colour candidates of every pixel, and the coupled-TV candidate
 * selection of Mouzon, Pierre & Berger (SSVM 2019, eq. 2 and 7; `solve/coupled-tv.ts`) chooses
 * among all of them with the luminance-coupled regularity.
 *
 * Candidates of pixel x, each with an initial weight (the pixel's weights are normalised to sum
 * to 1, the simplex Δ of eq. 2):
 *
 * - auto: the K_a most probable bins of the CNN's distribution (as `cnn-tv`), weights w_a·p_i;
 * - reference: the eq. 4–6 fused colour of the superpixel method and the k reference superpixel
 *   colours of largest attention (eq. 7) for x's superpixel; weights w_r/2 for the fused colour and
 *   w_r/2·A_j (renormalised over the k) for the others;
 * - strokes: the Levin et al. propagation of the stroke chroma at x, weight w_s·exp(−d(x)/σ) with
 *   d the edge-aware geodesic distance to the nearest stroke (geodesic.ts).
 *
 * Strokes are hard where drawn: at a stroke pixel every candidate is the stroke colour, and the
 * full-resolution output there is the gray's luma with the stroke's YUV chroma (as `levin`).
 * With strokes alone there is one candidate per pixel and nothing to select: the result is the
 * `levin` method's at full resolution.
 */

import { grayToL, rgbImageToLab } from '../../color/lab.js';
import { rgbToLumaChroma } from '../../color/linear-spaces.js';
import { ColorizeError, checkInteger, checkNumber } from '../../errors.js';
import { finish, recombine, setFixedChroma } from '../../finish/finish.js';
import type { ImageF32 } from '../../image/image.js';
import { resizePlane } from '../../image/resize.js';
import { type CoupledTvOptions, coupledTvMultiscale, DEFAULT_TV_ITERATIONS } from '../../solve/coupled-tv.js';
import { stageTimer } from '../../stage-timer.js';
import type { ColorDistribution } from '../automatic/cnn-tv/network.js';
import { workingSize } from '../automatic/cnn-tv/pipeline.js';
import type { FeatureChoice } from '../exemplar/superpixel/options.js';
import type { ExemplarCandidates } from '../exemplar/superpixel/pipeline.js';
import { colorizeLevin, levinChroma, strokeChromaAt } from '../scribbles/levin/levin.js';
import { type StrokeSet, strokeCount } from '../scribbles/strokes.js';
import {
  downsampleStrokes,
  FUSE_DEFAULTS,
  type FuseLayout,
  type FuseSources,
  fusedCandidates,
  shiftedByStrokes,
} from './candidates.js';
import { geodesicDistance, strokeConfidence } from './geodesic.js';
import type { FuseStaticSources } from './preview.js';

export {
  downsampleStrokes,
  FUSE_DEFAULTS,
  type FuseLayout,
  type FuseSources,
  fusedCandidates,
  shiftedByStrokes,
};

/** The hints of one fused run; any non-empty combination. */
export interface FuseHints {
  strokes?: StrokeSet;
  /** A colour reference photo (RGB). */
  reference?: ImageF32;
  /** Use the automatic CNN prediction. */
  auto?: boolean;
}

export interface FuseOptions extends Omit<CoupledTvOptions, 'onIteration' | 'init'> {
  prior?: number;
  /** Move the reference's colours by the mean stroke-minus-reference difference at the strokes. */
  referenceShift?: boolean;
  strokeWeight?: number;
  referenceWeight?: number;
  autoWeight?: number;
  strokeSigma?: number;
  edgeCost?: number;
  autoCandidates?: number;
  referenceCandidates?: number;
  /** Levin's propagation on at most this many pixels (default {@link FUSE_DEFAULTS}.levinPixels). */
  levinPixels?: number;
  /** Working-resolution cap (pixels) of the candidates and the TV step. */
  workingPixels?: number;
  /** Features of the exemplar matching (default 'auto': VGG-19 when its weights are there). */
  features?: FeatureChoice;
  onProgress?(fraction: number, stage: string): void;
}

export interface FuseResult {
  rgb: ImageF32;
  /** The sources used, in the order strokes, reference, auto. */
  sources: string[];
  /** One-line account of the run. */
  summary: string;
  notices: string[];
  /** Working resolution and candidates per pixel (0 when the TV step was not needed). */
  width: number;
  height: number;
  candidates: number;
  iterations: number;
  timings: Record<string, number>;
}

/** The stroke colour at stroke pixels of `out` (an RGB image of the strokes' size): gray's luma, stroke's YUV chroma. */
function imposeStrokes(out: ImageF32, gray: Float32Array, strokes: StrokeSet): void {
  const { index, c1: U, c2: V } = strokeChromaAt(strokes, 'yuv');
  const k = index.length;
  if (k === 0) return;
  const Y = new Float32Array(k);
  for (let j = 0; j < k; j++) Y[j] = gray[index[j]];
  const rgb = recombine(Y, U, V, k, 1, 'yuv');
  for (let j = 0; j < k; j++) for (let c = 0; c < 3; c++) out.channels[c][index[j]] = rgb.channels[c][j];
}

/**
 * What {@link fuseColorize} may keep between runs on the same inputs (parameter studies): the
 * CNN's distribution, the exemplar candidates, the Levin result at the working size.
 */
export interface FuseCache {
  dist?: ColorDistribution;
  exemplar?: ExemplarCandidates;
  levinLab?: ImageF32;
}

/**
 * Colours a gray photo from any non-empty combination of strokes, a colour reference and the
 * automatic CNN prediction, all as candidates of one coupled-TV selection.
 *
 * @example
 * ```ts
 * import { fuseColorize, rasterizeStrokes, readImage } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const strokes = rasterizeStrokes([{ points: [40, 40, 60, 40], radius: 2, rgb: [0.8, 0.3, 0.2] }], gray.width, gray.height);
 * const { rgb, sources } = await fuseColorize(gray, { strokes, auto: true }, { iterations: 20 });
 * console.log(rgb.width === gray.width, sources); // true [ 'strokes', 'auto' ]
 * ```
 */
export async function fuseColorize(
  gray: ImageF32,
  hints: FuseHints,
  options: FuseOptions = {},
  cache?: FuseCache,
): Promise<FuseResult> {
  if (gray.channels.length !== 1)
    throw new RangeError(`expected a one-channel gray image, got ${gray.channels.length} channels`);
  const sources: string[] = [];
  if (hints.strokes) sources.push('strokes');
  if (hints.reference) sources.push('reference');
  if (hints.auto) sources.push('auto');
  if (sources.length === 0)
    throw new ColorizeError(
      'no hint given: give strokes (--strokes or --marked), a reference (--reference or --gallery) or --auto, or several',
      'usage',
    );
  const D = FUSE_DEFAULTS;
  const layout: FuseLayout = {
    ws: checkNumber('strokeWeight', options.strokeWeight ?? D.strokeWeight, 0, 1e6),
    wr: checkNumber('referenceWeight', options.referenceWeight ?? D.referenceWeight, 0, 1e6),
    wa: checkNumber('autoWeight', options.autoWeight ?? D.autoWeight, 0, 1e6),
    // The prior weighs sources against each other; one source alone is its own method's model.
    prior: sources.length > 1 ? checkNumber('prior', options.prior ?? D.prior, 0, 1e6) : 0,
    ka: checkInteger('autoCandidates', options.autoCandidates ?? D.autoCandidates, 1, 64),
    kr: checkInteger('referenceCandidates', options.referenceCandidates ?? D.referenceCandidates, 1, 32),
  };
  const sigma = checkNumber(
    'strokeSigma',
    options.strokeSigma ?? (hints.reference ? D.strokeSigma : D.strokeSigmaWithoutReference),
    1e-3,
    1e6,
  );
  const beta = checkNumber('edgeCost', options.edgeCost ?? D.edgeCost, 0, 1e3);
  const cap = checkInteger('workingPixels', options.workingPixels ?? D.workingPixels, 4096);
  const strokes = hints.strokes;
  if (strokes) {
    if (strokes.width !== gray.width || strokes.height !== gray.height)
      throw new ColorizeError(
        `the strokes are ${strokes.width}×${strokes.height} but the gray image is ${gray.width}×${gray.height}; they must be the same size`,
        'input',
      );
    if (strokeCount(strokes) === 0) throw new ColorizeError('no strokes found', 'input');
  }
  if (hints.reference && hints.reference.channels.length !== 3)
    throw new ColorizeError(
      'the reference is gray, so it has no colours to use; give a colour reference',
      'input',
    );
  const progress = options.onProgress;
  const timings: Record<string, number> = {};
  const lap = stageTimer(timings);
  const notices: string[] = [];

  if (strokes && sources.length === 1) {
    // One candidate per pixel: nothing to select, Levin et al.'s result as `levin` gives it.
    progress?.(0.1, 'levin');
    const res = colorizeLevin(gray, strokes);
    lap('levin');
    return {
      rgb: res.rgb,
      sources,
      summary: `fuse (strokes): levin, ${res.stats.strokePixels} stroke pixels, ${res.stats.iterations} iterations`,
      notices,
      width: gray.width,
      height: gray.height,
      candidates: 0,
      iterations: 0,
      timings,
    };
  }

  const { width: W, height: H } = workingSize(gray.width, gray.height, cap);
  const g =
    W === gray.width && H === gray.height
      ? gray.channels[0]
      : resizePlane(gray.channels[0], gray.width, gray.height, W, H, 'area');
  const lum = new Float32Array(W * H);
  for (let i = 0; i < lum.length; i++) lum[i] = grayToL(g[i]);
  const src: FuseSources = { W, H };
  if (hints.auto) {
    progress?.(0.05, 'cnn');
    const { predictColorDistribution } = await import('../automatic/cnn-tv/network.js');
    src.dist = cache?.dist ?? (await predictColorDistribution(gray));
    if (cache) cache.dist = src.dist;
    lap('cnn');
  }
  if (hints.reference) {
    progress?.(0.2, 'exemplar matching');
    const { superpixelCandidates } = await import('../exemplar/superpixel/pipeline.js');
    src.exemplar =
      cache?.exemplar?.k === layout.kr
        ? cache.exemplar
        : await superpixelCandidates(
            gray,
            hints.reference,
            { features: options.features ?? 'auto' },
            layout.kr,
          );
    if (cache) cache.exemplar = src.exemplar;
    notices.push(...src.exemplar.notices);
    lap('exemplar');
  }
  if (strokes) {
    progress?.(0.4, 'levin');
    const sw = downsampleStrokes(strokes, W, H);
    const grayW = { width: W, height: H, channels: [g] };
    let lab = cache?.levinLab;
    if (!lab) {
      const lp = checkInteger('levinPixels', options.levinPixels ?? D.levinPixels, 1024);
      const ls = workingSize(W, H, lp);
      let U: Float32Array;
      let V: Float32Array;
      if (ls.width === W && ls.height === H) {
        const lev = levinChroma(grayW, sw);
        [U, V] = lev.chroma.channels;
      } else {
        // Levin's propagation on a coarser grid (its result is smooth away from the strokes),
        // brought to the working size; the stroke pixels get their own chroma back.
        const gl = resizePlane(g, W, H, ls.width, ls.height, 'area');
        const lev = levinChroma(
          { width: ls.width, height: ls.height, channels: [gl] },
          downsampleStrokes(strokes, ls.width, ls.height),
        );
        U = resizePlane(lev.chroma.channels[0], ls.width, ls.height, W, H, 'bilinear');
        V = resizePlane(lev.chroma.channels[1], ls.width, ls.height, W, H, 'bilinear');
        setFixedChroma(U, V, strokeChromaAt(sw, 'yuv'));
      }
      lab = rgbImageToLab(recombine(g, U, V, W, H, 'yuv'));
      if (cache) cache.levinLab = lab;
    }
    const conf = strokeConfidence(geodesicDistance(lum, W, H, sw.mask, beta), sigma);
    src.stroke = { a: lab.channels[1], b: lab.channels[2], conf, mask: sw.mask };
    lap('levin');
    if (src.exemplar && (options.referenceShift ?? D.referenceShift))
      src.exemplar = shiftedByStrokes(src.exemplar, src.stroke, W, H);
  }
  progress?.(0.5, 'tv');
  let K = 0;
  const maxIt = options.iterations ?? DEFAULT_TV_ITERATIONS;
  const r = coupledTvMultiscale(
    W,
    H,
    (w, h) => {
      const candidates = fusedCandidates(src, layout, w, h);
      K = candidates.count;
      return { lum: w === W && h === H ? lum : resizePlane(lum, W, H, w, h, 'area'), candidates };
    },
    {
      ...options,
      onIteration: (it) => progress?.(0.5 + 0.4 * Math.min(1, it / Math.max(1, 4 * maxIt)), 'tv'),
    },
  );
  lap('tv');
  progress?.(0.9, 'finish');
  const rgb = finish({ original: gray, chroma: { width: W, height: H, channels: [r.a, r.b] }, space: 'lab' });
  if (strokes) imposeStrokes(rgb, gray.channels[0], strokes);
  lap('finish');
  progress?.(1, 'done');
  return {
    rgb,
    sources,
    summary: `fuse (${sources.join(' + ')}), ${K} candidates per pixel at ${W}×${H}, ${r.iterations} TV iterations`,
    notices,
    width: W,
    height: H,
    candidates: K,
    iterations: r.iterations,
    timings,
  };
}

export interface RecolourOptions {
  /** σ of the stroke confidence exp(−d/σ), full-resolution pixels (default {@link FUSE_DEFAULTS}.strokeSigma). */
  strokeSigma?: number;
  /** β of the geodesic step cost 1 + β|ΔL*| (default {@link FUSE_DEFAULTS}.edgeCost). */
  edgeCost?: number;
  /** Region weight α in [0, 1] per pixel (a feathered mask): strokes change nothing where α = 0. */
  region?: Float32Array;
}

/**
 * Local re-colouring of a colour photo (issue 18): the strokes' chroma spread by Levin et al.'s
 * propagation over the photo's luma, and the photo's own chroma as a prior weighted down near the
 * strokes. Per pixel (YUV chroma, the luma kept):
 *
 *   u(x) = argmin_u  c(x) ‖u − u_levin(x)‖² + (1 − c(x)) ‖u − u_photo(x)‖²
 *        = c(x) u_levin(x) + (1 − c(x)) u_photo(x),      c = α · exp(−d / σ)
 *
 * with d the edge-aware geodesic distance to the nearest stroke (geodesic.ts) and α the region
 * mask (1 without one). At a stroke c = 1 and u_levin is the stroke's chroma (hard where drawn);
 * far from every stroke (d ≫ σ) or outside the region, the photo keeps its colour.
 *
 * @example
 * ```ts
 * import { rasterizeStrokes, readImage, recolourLocal } from 'colorize-toolkit/internals';
 * const photo = (await readImage('examples/scene.png')).image;
 * const strokes = rasterizeStrokes([{ points: [30, 200, 60, 200], radius: 2, rgb: [0.2, 0.3, 0.9] }], photo.width, photo.height);
 * const out = recolourLocal(photo, strokes);
 * console.log(out.width === photo.width, out.channels[0][0] === photo.channels[0][0] || Math.abs(out.channels[0][0] - photo.channels[0][0]) < 1e-3); // true true
 * ```
 */
export function recolourLocal(photo: ImageF32, strokes: StrokeSet, options: RecolourOptions = {}): ImageF32 {
  if (photo.channels.length !== 3)
    throw new ColorizeError('re-colouring needs a colour photo (three channels)', 'input');
  const { width: W, height: H } = photo;
  if (strokes.width !== W || strokes.height !== H)
    throw new ColorizeError(
      `the strokes are ${strokes.width}×${strokes.height} but the photo is ${W}×${H}; they must be the same size`,
      'input',
    );
  if (strokeCount(strokes) === 0) throw new ColorizeError('no strokes found', 'input');
  const sigma = checkNumber('strokeSigma', options.strokeSigma ?? FUSE_DEFAULTS.strokeSigma, 1e-3, 1e6);
  const beta = checkNumber('edgeCost', options.edgeCost ?? FUSE_DEFAULTS.edgeCost, 0, 1e3);
  const n = W * H;
  const [Y, U, V] = rgbToLumaChroma(photo, 'yuv').channels;
  const gray: ImageF32 = { width: W, height: H, channels: [Y] };
  const lev = levinChroma(gray, strokes, { space: 'yuv' });
  const lum = new Float32Array(n);
  for (let i = 0; i < n; i++) lum[i] = grayToL(Y[i]);
  const conf = strokeConfidence(geodesicDistance(lum, W, H, strokes.mask, beta), sigma);
  const region = options.region;
  if (region && region.length !== n)
    throw new RangeError('recolourLocal: the region does not match the photo');
  const [Ul, Vl] = lev.chroma.channels;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = strokes.mask[i] ? 1 : region ? region[i] * conf[i] : conf[i];
    if (c <= 0) continue;
    changed = true;
    U[i] = c * Ul[i] + (1 - c) * U[i];
    V[i] = c * Vl[i] + (1 - c) * V[i];
  }
  if (!changed) return photo;
  const out = recombine(Y, U, V, W, H, 'yuv');
  // Pixels the strokes do not reach keep the photo's own values exactly (no round trip).
  for (let i = 0; i < n; i++) {
    const c = strokes.mask[i] ? 1 : region ? region[i] * conf[i] : conf[i];
    if (c > 0) continue;
    for (let k = 0; k < 3; k++) out.channels[k][i] = photo.channels[k][i];
  }
  return out;
}

/**
 * The sources of {@link fuseColorize} that do not depend on the strokes, computed as it computes
 * them: the CNN's distribution (auto) and the superpixel method's candidates (reference). The
 * studio's fused preview asks the service for them once per reference/auto change
 * (`POST /v1/fuse/sources`) and redoes only the strokes' part after each stroke.
 *
 * @example
 * ```ts
 * import { fuseStaticSources, readImage } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const s = await fuseStaticSources(gray, { auto: true });
 * console.log(s.dist?.width, s.exemplar); // 56 undefined
 * ```
 */
export async function fuseStaticSources(
  gray: ImageF32,
  hints: { reference?: ImageF32; auto?: boolean },
  options: { features?: FeatureChoice; referenceCandidates?: number } = {},
): Promise<FuseStaticSources & { notices: string[] }> {
  if (gray.channels.length !== 1)
    throw new RangeError(`expected a one-channel gray image, got ${gray.channels.length} channels`);
  const out: FuseStaticSources & { notices: string[] } = { notices: [] };
  if (hints.auto) {
    const { predictColorDistribution } = await import('../automatic/cnn-tv/network.js');
    out.dist = await predictColorDistribution(gray);
  }
  if (hints.reference) {
    if (hints.reference.channels.length !== 3)
      throw new ColorizeError(
        'the reference is gray, so it has no colours to use; give a colour reference',
        'input',
      );
    const kr = checkInteger(
      'referenceCandidates',
      options.referenceCandidates ?? FUSE_DEFAULTS.referenceCandidates,
      1,
      32,
    );
    const { superpixelCandidates } = await import('../exemplar/superpixel/pipeline.js');
    out.exemplar = await superpixelCandidates(
      gray,
      hints.reference,
      { features: options.features ?? 'auto' },
      kr,
    );
    out.notices.push(...out.exemplar.notices);
  }
  return out;
}
