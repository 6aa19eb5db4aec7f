/**
 * The studio's fused preview (issue 18): the `fuse` model at a preview size, redone after every
 * stroke. What does not change with a stroke — the CNN's distribution and the reference's
 * candidates, computed once (by the service) when the automatic/reference hints change — is set
 * with {@link FusePreview.setSources}; a stroke re-does only the stroke candidate (Levin et al.'s
 * propagation on a ≤ 40 000-pixel grid, warm-started, as the scribble preview; the geodesic
 * confidence) and the coupled-TV selection on a ≤ 20 000-pixel grid, warm-started from the
 * previous selection; the finish stage brings the chroma to the preview image (≤ 0.25 MP).
 *
 * The same session also previews the local re-colouring of a colour photo (`recolourLocal`):
 * the strokes' chroma blended into the photo's with the confidence c = α·exp(−d/σ), α a feathered
 * mask painted with the mask brush.
 *
 * Browser-safe: no ONNX Runtime, no file I/O.
 */
import { grayToL, rgbImageToLab } from '../../color/lab.js';
import { rgbToLumaChroma } from '../../color/linear-spaces.js';
import { ColorizeError, checkInteger } from '../../errors.js';
import { gaussianBlur } from '../../filters/gaussian.js';
import { preparedFinish, recombine, setFixedChroma } from '../../finish/finish.js';
import type { ImageF32 } from '../../image/image.js';
import { resizeImage, resizePlane } from '../../image/resize.js';
import {
  type Candidates,
  type CoupledTvResult,
  coupledTvMultiscale,
  coupledTvSelect,
} from '../../solve/coupled-tv.js';
import type { GeneralStencil9 } from '../../solve/general-stencil9.js';
import { stageTimer } from '../../stage-timer.js';
import type { ColorDistribution } from '../automatic/cnn-tv/candidates.js';
import { candidatesFromDistribution } from '../automatic/cnn-tv/candidates.js';
import type { ExemplarCandidates } from '../exemplar/superpixel/exemplar-candidates.js';
import { levinOperator } from '../scribbles/levin/affinity.js';
import { grayPlane, solveLevinSystem, strokeChromaAt } from '../scribbles/levin/levin.js';
import { DEFAULT_PREVIEW_PIXELS, PREVIEW_TOLERANCE, type RasterStroke } from '../scribbles/levin/preview.js';
import { rasterizeStrokes, type StrokeSet } from '../scribbles/strokes.js';
import { FUSE_DEFAULTS, type FuseLayout, type FuseSources, fusedCandidates } from './candidates.js';
import { geodesicDistance, strokeConfidence } from './geodesic.js';

/**
 * Largest coupled-TV grid of the preview (about 163 × 122 on a 4:3 photo): the selection at
 * 0.26 MP took 2.7 s in the full method. On ≤ 40 000 px it cost about 0.25 s more CPU per stroke
 * for 1.3–2 dB closer to the full run and the same PSNR against the truth
 * (bench/fuse-preview.bench.ts, docs/fuse.md).
 */
export const FUSE_PREVIEW_TV_PIXELS = 20_000;
/** A re-coloured pixel whose confidence is below this keeps the photo's values exactly. */
export const RECOLOUR_MIN_CONFIDENCE = 1 / 512;
/** Largest preview image (pixels). */
export const FUSE_PREVIEW_OUTPUT_PIXELS = 250_000;
/** Phase-1 iterations of a warm-started preview update (a cold start runs the method's multiscale scheme). */
export const FUSE_PREVIEW_WARM_ITERATIONS = 10;

/** The sources that do not change with a stroke (the service computes them: CNN, VGG-19). */
export interface FuseStaticSources {
  dist?: ColorDistribution;
  exemplar?: ExemplarCandidates;
}

/** The fused method's weights and σ, as {@link fuseColorize} resolves them. */
export interface FusePreviewModel extends FuseLayout {
  /** σ of the stroke confidence in the full method's working pixels (≤ 262 144 px). */
  strokeSigma: number;
  edgeCost: number;
  lambda?: number;
  gamma?: number;
  /** The full method's working size (σ is scaled from it to the preview grid). */
  workingPixels: number;
}

export interface FusePreviewOptions {
  /** Levin's grid (default 40 000 pixels, the scribble preview's). */
  levinPixels?: number;
  /** The coupled-TV grid (default {@link FUSE_PREVIEW_TV_PIXELS}). */
  tvPixels?: number;
  /** The preview image (default {@link FUSE_PREVIEW_OUTPUT_PIXELS}). */
  outputPixels?: number;
  /** Phase-1 and phase-2 iterations of a warm-started update (default {@link FUSE_PREVIEW_WARM_ITERATIONS} each). */
  warmIterations?: number;
  warmSelectIterations?: number;
  /** The photo's colours, for re-colouring ({@link FusePreview.recolour}). */
  colour?: ImageF32;
}

export interface FusePreviewResult {
  rgb: ImageF32;
  /** Milliseconds of this update, and per stage. */
  ms: number;
  timings: Record<string, number>;
  /** What ran: 'strokes' (strokes alone: Levin et al.), 'fuse' (the TV selection), 'recolour'. */
  mode: 'strokes' | 'fuse' | 'recolour';
}

function fitSize(w: number, h: number, cap: number): { width: number; height: number } {
  if (w * h <= cap) return { width: w, height: h };
  const s = Math.sqrt(cap / (w * h));
  return { width: Math.max(2, Math.round(w * s)), height: Math.max(2, Math.round(h * s)) };
}

/** Strokes drawn in photo pixels, rasterised onto a w × h grid over the same photo. */
function strokesOnGrid(
  strokes: ReadonlyArray<RasterStroke>,
  photoW: number,
  photoH: number,
  w: number,
  h: number,
): StrokeSet {
  const sx = w / photoW;
  const sy = h / photoH;
  const onGrid = strokes.map((s) => ({
    ...s,
    points: s.points.map((v, k) => (v + 0.5) * (k % 2 === 0 ? sx : sy) - 0.5),
    radius: s.radius * Math.sqrt(sx * sy),
  }));
  return rasterizeStrokes(onGrid, w, h);
}

/**
 * A fused-preview session over one photo.
 *
 * @example
 * ```ts
 * import { FusePreview, createImage } from 'colorize-toolkit/internals';
 * const gray = createImage(200, 100, 1); gray.channels[0].fill(0.5);
 * const p = new FusePreview(gray);
 * const r = p.update([{ points: [20, 50, 60, 50], radius: 3, rgb: [0.8, 0.2, 0.2] }]);
 * console.log(r.mode, r.rgb.width); // strokes 200
 * ```
 */
export class FusePreview {
  readonly gray: ImageF32;
  private readonly Y: Float32Array;
  private readonly levinSize: { width: number; height: number };
  private readonly levinGray: Float32Array;
  private operator: GeneralStencil9 | null = null;
  private lastLevin: Float32Array[] | undefined;
  private readonly tv: { width: number; height: number };
  private readonly tvGray: Float32Array;
  private readonly tvLum: Float32Array;
  private readonly outputGray: ImageF32;
  private readonly outputColour: ImageF32 | undefined;
  private sources: FuseStaticSources = {};
  private readonly warm: { iterations: number; selectIterations: number };
  private lastTv: CoupledTvResult | undefined;
  private model: FusePreviewModel | undefined;
  /** The CNN's candidates per scale, kept while the sources are. */
  private autoCache = new Map<string, Candidates>();

  constructor(gray: ImageF32, options: FusePreviewOptions = {}) {
    if (gray.channels.length !== 1) throw new RangeError('FusePreview: expected a one-channel gray image');
    this.gray = gray;
    const { width: W, height: H } = gray;
    this.Y = grayPlane(gray);
    this.levinSize = fitSize(
      W,
      H,
      checkInteger('levinPixels', options.levinPixels ?? DEFAULT_PREVIEW_PIXELS, 64),
    );
    this.levinGray = resizePlane(this.Y, W, H, this.levinSize.width, this.levinSize.height, 'area');
    this.warm = {
      iterations: checkInteger('warmIterations', options.warmIterations ?? FUSE_PREVIEW_WARM_ITERATIONS, 0),
      selectIterations: checkInteger(
        'warmSelectIterations',
        options.warmSelectIterations ?? FUSE_PREVIEW_WARM_ITERATIONS,
        0,
      ),
    };
    this.tv = fitSize(W, H, checkInteger('tvPixels', options.tvPixels ?? FUSE_PREVIEW_TV_PIXELS, 64));
    this.tvGray = resizePlane(this.Y, W, H, this.tv.width, this.tv.height, 'area');
    this.tvLum = this.tvGray.map(grayToL);
    const out = fitSize(
      W,
      H,
      checkInteger('outputPixels', options.outputPixels ?? FUSE_PREVIEW_OUTPUT_PIXELS, 64),
    );
    this.outputGray = out.width === W ? gray : resizeImage(gray, out.width, out.height, 'area');
    const c = options.colour;
    if (c && (c.width !== W || c.height !== H || c.channels.length !== 3))
      throw new RangeError('FusePreview: the colour photo does not match the gray one');
    this.outputColour = c && (out.width === W ? c : resizeImage(c, out.width, out.height, 'area'));
  }

  /**
   * The finish stage's upsampling (joint bilateral, tent) from a grid to the preview image,
   * prepared once per grid and space: its weights depend only on the photo, and recomputing them
   * was the largest part of an update (120–260 ms of 270–525 ms at 0.25 MP).
   */
  private finishers = new Map<string, (chroma: Float32Array[]) => ImageF32>();

  private finishFrom(chroma: Float32Array[], width: number, height: number, space: 'yuv' | 'lab'): ImageF32 {
    const key = `${space} ${width}×${height}`;
    let finishOf = this.finishers.get(key);
    if (!finishOf) {
      finishOf = preparedFinish(this.outputGray, space, width, height);
      this.finishers.set(key, finishOf);
    }
    return finishOf(chroma);
  }

  /** Size of the coupled-TV grid. */
  get tvSize(): { width: number; height: number } {
    return { ...this.tv };
  }

  /** Size of the preview image. */
  get outputSize(): { width: number; height: number } {
    return { width: this.outputGray.width, height: this.outputGray.height };
  }

  /** The sources that change only when the reference or the automatic toggle does; the next update starts the selection afresh. */
  setSources(sources: FuseStaticSources, model?: FusePreviewModel): void {
    this.sources = sources;
    this.model = model;
    this.lastTv = undefined;
    this.autoCache.clear();
  }

  /** The fused candidates at w × h, the CNN's part computed once per scale. */
  private candidates(src: FuseSources, model: FusePreviewModel, w: number, h: number): Candidates {
    let auto: Candidates | undefined;
    if (src.dist) {
      const key = `${w}x${h}x${model.ka}`;
      auto = this.autoCache.get(key);
      if (!auto) {
        auto = candidatesFromDistribution(src.dist, w, h, model.ka);
        this.autoCache.set(key, auto);
      }
    }
    return fusedCandidates(src, model, w, h, auto);
  }

  /** Levin et al.'s chroma (YUV) of the strokes on the Levin grid, warm-started from the last. */
  private levin(strokes: ReadonlyArray<RasterStroke>): Float32Array[] {
    const { width: w, height: h } = this.levinSize;
    this.operator ??= levinOperator(this.levinGray, w, h, {});
    const small = strokesOnGrid(strokes, this.gray.width, this.gray.height, w, h);
    const res = solveLevinSystem(this.operator, small, 'yuv', {
      tolerance: PREVIEW_TOLERANCE,
      initial: this.lastLevin,
    });
    this.lastLevin = res.chroma.channels;
    return res.chroma.channels;
  }

  /**
   * The fused preview for these strokes (photo pixels) and the sources set last. Without static
   * sources it is the scribble preview (Levin et al.'s result; one candidate, nothing to select).
   */
  update(strokes: ReadonlyArray<RasterStroke>): FusePreviewResult {
    const t0 = performance.now();
    const timings: Record<string, number> = {};
    const lap = stageTimer(timings);
    const hasStatic = this.sources.dist !== undefined || this.sources.exemplar !== undefined;
    if (strokes.length === 0 && !hasStatic)
      throw new ColorizeError('no hint: paint a stroke, or give a reference or auto', 'usage');
    const { width: W, height: H } = this.tv;
    const src: FuseSources = { W, H, ...this.sources };
    if (strokes.length > 0) {
      const [U, V] = this.levin(strokes);
      lap('levin');
      if (!hasStatic) {
        const rgb = this.finishFrom([U, V], this.levinSize.width, this.levinSize.height, 'yuv');
        lap('finish');
        return { rgb, ms: performance.now() - t0, timings, mode: 'strokes' };
      }
      const { width: lw, height: lh } = this.levinSize;
      const Ut = resizePlane(U, lw, lh, W, H, 'bilinear');
      const Vt = resizePlane(V, lw, lh, W, H, 'bilinear');
      const sw = strokesOnGrid(strokes, this.gray.width, this.gray.height, W, H);
      setFixedChroma(Ut, Vt, strokeChromaAt(sw, 'yuv'));
      const lab = rgbImageToLab(recombine(this.tvGray, Ut, Vt, W, H, 'yuv'));
      const model = this.requireModel();
      // σ is given in the full method's working pixels: the same reach on the preview grid.
      const full = fitSize(this.gray.width, this.gray.height, model.workingPixels);
      const sigma = model.strokeSigma * (W / full.width);
      const conf = strokeConfidence(geodesicDistance(this.tvLum, W, H, sw.mask, model.edgeCost), sigma);
      src.stroke = { a: lab.channels[1], b: lab.channels[2], conf, mask: sw.mask };
      lap('strokes');
    }
    const model = this.requireModel();
    const opts = { lambda: model.lambda, gamma: model.gamma };
    const level = (w: number, h: number) => ({
      lum: w === W && h === H ? this.tvLum : resizePlane(this.tvLum, W, H, w, h, 'area'),
      candidates: this.candidates(src, model, w, h),
    });
    // A warm start (the previous stroke's selection) needs only a few iterations at the one grid.
    let warmCands: Candidates | undefined;
    if (this.lastTv) {
      warmCands = this.candidates(src, model, W, H);
      lap('candidates');
    }
    const r =
      this.lastTv && warmCands
        ? coupledTvSelect(this.tvLum, warmCands, {
            ...opts,
            iterations: this.warm.iterations,
            selectIterations: this.warm.selectIterations,
            init: { a: this.lastTv.a, b: this.lastTv.b, dual: this.lastTv.dual },
          })
        : coupledTvMultiscale(W, H, level, opts);
    this.lastTv = r;
    lap('tv');
    const rgb = this.finishFrom([r.a, r.b], W, H, 'lab');
    lap('finish');
    return { rgb, ms: performance.now() - t0, timings, mode: 'fuse' };
  }

  private requireModel(): FusePreviewModel {
    if (!this.model) throw new Error('FusePreview: setSources(…, model) first');
    return this.model;
  }

  /**
   * Local re-colouring of the colour photo at the preview size (`recolourLocal`'s model): per
   * pixel the YUV chroma c·u_levin + (1 − c)·u_photo, c = α·exp(−d/σ) (1 at a stroke), α the
   * mask strokes rasterised and feathered (1 everywhere without mask strokes). σ and the
   * feather are in photo pixels.
   */
  recolour(
    strokes: ReadonlyArray<RasterStroke>,
    options: { mask?: ReadonlyArray<RasterStroke>; strokeSigma: number; edgeCost: number; feather: number },
  ): FusePreviewResult {
    const t0 = performance.now();
    const timings: Record<string, number> = {};
    const lap = stageTimer(timings);
    const photo = this.outputColour;
    if (!photo) throw new ColorizeError('re-colouring needs a colour photo', 'input');
    if (strokes.length === 0) throw new ColorizeError('no strokes found', 'input');
    const { width: w, height: h } = photo;
    const n = w * h;
    const [Ul, Vl] = this.levin(strokes);
    const { width: lw, height: lh } = this.levinSize;
    const Uu = resizePlane(Ul, lw, lh, w, h, 'bilinear');
    const Vu = resizePlane(Vl, lw, lh, w, h, 'bilinear');
    lap('levin');
    const scale = w / this.gray.width;
    const sw = strokesOnGrid(strokes, this.gray.width, this.gray.height, w, h);
    const [Y, U, V] = rgbToLumaChroma(photo, 'yuv').channels;
    setFixedChroma(Uu, Vu, strokeChromaAt(sw, 'yuv'));
    const lum = Y.map(grayToL);
    const conf = strokeConfidence(
      geodesicDistance(lum, w, h, sw.mask, options.edgeCost),
      options.strokeSigma * scale,
    );
    let region: Float32Array | undefined;
    if (options.mask && options.mask.length > 0) {
      const hard = strokesOnGrid(options.mask, this.gray.width, this.gray.height, w, h).mask;
      const f = options.feather * scale;
      region = f > 0 ? gaussianBlur(Float32Array.from(hard), w, h, f) : Float32Array.from(hard);
    }
    lap('confidence');
    const changed: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = sw.mask[i] ? 1 : region ? Math.min(1, Math.max(0, region[i])) * conf[i] : conf[i];
      // Below 1/512 the change is under half an 8-bit level whatever the chroma (|Δu| ≤ 1), but
      // the YUV round trip could still flip a level: such pixels keep the photo's values.
      if (c < RECOLOUR_MIN_CONFIDENCE) continue;
      changed.push(i);
      U[i] = c * Uu[i] + (1 - c) * U[i];
      V[i] = c * Vu[i] + (1 - c) * V[i];
    }
    const blended = recombine(Y, U, V, w, h, 'yuv');
    // Pixels the strokes do not reach keep the photo's values exactly.
    const out: ImageF32 = { width: w, height: h, channels: photo.channels.map((c) => c.slice()) };
    for (const i of changed) for (let k = 0; k < 3; k++) out.channels[k][i] = blended.channels[k][i];
    lap('blend');
    return { rgb: out, ms: performance.now() - t0, timings, mode: 'recolour' };
  }
}

/**
 * The preview's model from the method's options (only those the user changed), resolved as
 * `fuseColorize` resolves them: the prior only with two or more sources, σ 60 with a reference
 * and 200 without.
 *
 * @example
 * ```ts
 * import { fusePreviewModel } from 'colorize-toolkit/internals';
 * console.log(fusePreviewModel({ strokes: true, auto: true }).strokeSigma); // 200
 * ```
 */
export function fusePreviewModel(
  hints: { strokes?: boolean; reference?: boolean; auto?: boolean },
  options: Partial<Record<string, unknown>> = {},
): FusePreviewModel {
  const D = FUSE_DEFAULTS;
  const num = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
  const sources = [hints.strokes, hints.reference, hints.auto].filter(Boolean).length;
  return {
    ws: num('strokeWeight', D.strokeWeight),
    wr: num('referenceWeight', D.referenceWeight),
    wa: num('autoWeight', D.autoWeight),
    prior: sources > 1 ? num('prior', D.prior) : 0,
    ka: num('autoCandidates', D.autoCandidates),
    kr: num('referenceCandidates', D.referenceCandidates),
    strokeSigma: num('strokeSigma', hints.reference ? D.strokeSigma : D.strokeSigmaWithoutReference),
    edgeCost: num('edgeCost', D.edgeCost),
    lambda: typeof options.lambda === 'number' ? options.lambda : undefined,
    gamma: typeof options.gamma === 'number' ? options.gamma : undefined,
    workingPixels: num('workingPixels', D.workingPixels),
  };
}
