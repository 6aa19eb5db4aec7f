/**
 * Interactive preview for the web studio (issue 4, item 5): Levin's optimisation on a reduced
 * grid, chroma brought to full resolution by the finish stage's edge-aware (guided) upsampling,
 * and a warm start from the previous solution after every new stroke, solving the
 * same system as the full-resolution solve (`options.system`, Levin's own by default). No
 * Node-only imports: this runs in a Web Worker.
 */

import type { LinearSpace } from '../../../color/linear-spaces.js';
import { checkChoice, checkNumber } from '../../../errors.js';
import { type FinishOptions, preparedFinish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizeImage, resizePlane } from '../../../image/resize.js';
import type { GeneralStencil9 } from '../../../solve/general-stencil9.js';
import { rasterizeStrokes, reduceStrokes, type StrokeSet } from '../strokes.js';

export { reduceStrokes };

import { levinOperator } from './affinity.js';
import {
  type ChromaResult,
  grayPlane,
  type LevinOptions,
  levinChroma,
  SCRIBBLE_SPACES,
  solveLevinSystem,
} from './levin.js';

/** Relative residual at which a preview update stops (unless `tolerance` is given). */
export const PREVIEW_TOLERANCE = 1e-3;

/** Default size of the preview's working grid, in pixels (200²). */
export const DEFAULT_PREVIEW_PIXELS = 40_000;

export interface PreviewOptions extends LevinOptions {
  /**
   * Largest number of pixels solved for (default 40 000 ≈ 200²); smaller images are solved at full
   * size. Measured on a 0.25 MP photo with 60 strokes: 50–75 ms per update in Node against
   * 80–240 ms when solving all 0.25 MP, 47.5 dB from the full-resolution solve (PSNR against the
   * truth no lower), and a 95 ms median stroke-to-preview time in the studio (Chromium).
   */
  maxPixels?: number;
  /** Options of the finish stage (default: guided upsampling). */
  finish?: FinishOptions;
  /**
   * Largest size of the preview image, in pixels (default: the photo's own size). The studio
   * asks for about a screen's worth (1 MP): finishing a 24 MP photo at every stroke took 14 s.
   */
  outputPixels?: number;
}

/** A stroke as the studio draws it: a polyline in photo pixels, a radius and an sRGB colour in [0, 1]. */
export interface RasterStroke {
  points: readonly number[];
  radius: number;
  rgb: readonly [number, number, number];
}

export interface PreviewResult extends ChromaResult {
  /** The sRGB result, at the photo's size or at most `outputPixels`. */
  rgb: ImageF32;
  /** Total time of this update in ms. */
  ms: number;
}

/**
 * A preview session over one gray image.
 *
 * @example
 * ```ts
 * import { ScribblePreview, createImage, rasterizeStrokes } from 'colorize-toolkit/internals';
 * const gray = createImage(800, 600, 1); gray.channels[0].fill(0.5);
 * const preview = new ScribblePreview(gray, { maxPixels: 40_000 });
 * let strokes = rasterizeStrokes([{ points: [100, 100, 300, 120], radius: 4, rgb: [0.9, 0.3, 0.2] }], 800, 600);
 * const first = preview.update(strokes);
 * strokes = rasterizeStrokes([{ points: [100, 100, 300, 120], radius: 4, rgb: [0.9, 0.3, 0.2] },
 *                             { points: [600, 500], radius: 6, rgb: [0.2, 0.4, 0.9] }], 800, 600);
 * const second = preview.update(strokes); // warm-started from `first`
 * console.log(first.rgb.width, second.stats.iterations >= 0); // 800 true
 * ```
 */
export class ScribblePreview {
  readonly gray: ImageF32;
  readonly width: number;
  readonly height: number;
  private readonly options: PreviewOptions;
  private readonly space: LinearSpace;
  private readonly reducedGray: ImageF32;
  private last: Float32Array[] | undefined;
  /** The gray the result is finished on: the photo, or its reduction to `outputPixels`. */
  private readonly outputGray: ImageF32;
  /** Levin's operator of the reduced gray, built once (the default system); other systems solve from scratch. */
  private readonly operator: GeneralStencil9 | null;
  /**
   * The finish stage's default upsampling (joint bilateral, tent) prepared once for this photo:
   * its weights depend only on the gray, so a stroke only pays for the weighted sums.
   */
  private readonly finishOf: (chroma: Float32Array[]) => ImageF32;

  constructor(gray: ImageF32, options: PreviewOptions = {}) {
    this.gray = gray;
    this.options = options;
    this.space = checkChoice('space', options.space ?? 'yuv', SCRIBBLE_SPACES);
    const maxPixels = checkNumber('maxPixels', options.maxPixels ?? DEFAULT_PREVIEW_PIXELS, 64);
    const n = gray.width * gray.height;
    const f = n > maxPixels ? Math.sqrt(maxPixels / n) : 1;
    this.width = Math.max(2, Math.round(gray.width * f));
    this.height = Math.max(2, Math.round(gray.height * f));
    const Y = grayPlane(gray);
    const reduced = f === 1 ? Y : resizePlane(Y, gray.width, gray.height, this.width, this.height, 'area');
    this.reducedGray = { width: this.width, height: this.height, channels: [reduced] };
    const out =
      options.outputPixels === undefined ? n : checkNumber('outputPixels', options.outputPixels, 64);
    const g = n > out ? Math.sqrt(out / n) : 1;
    this.outputGray =
      g === 1
        ? gray
        : resizeImage(
            gray,
            Math.max(2, Math.round(gray.width * g)),
            Math.max(2, Math.round(gray.height * g)),
            'area',
          );
    this.operator =
      (options.system ?? 'levin') === 'levin'
        ? levinOperator(reduced, this.width, this.height, options)
        : null;
    this.finishOf = preparedFinish(this.outputGray, this.space, this.width, this.height, options.finish);
  }

  /** Solves for the current strokes (full-resolution stroke set) and returns the full-resolution result. */
  update(strokes: StrokeSet): PreviewResult {
    const t0 = performance.now();
    return this.solve(reduceStrokes(strokes, this.width, this.height), t0);
  }

  /**
   * The same from the strokes as drawn (polylines in photo pixels), rasterised straight onto the
   * working grid: the cost follows the strokes' area on the grid, not the photo's size (a full-size
   * stroke raster of a 24 MP photo and its reduction took 3.5 s). A stroke thinner than a grid cell
   * still marks every cell its centre line passes through (rasterizeStrokes' half-cell floor), as
   * {@link reduceStrokes} keeps such strokes.
   */
  updateStrokes(strokes: ReadonlyArray<RasterStroke>): PreviewResult {
    const t0 = performance.now();
    const sx = this.width / this.gray.width;
    const sy = this.height / this.gray.height;
    const onGrid = strokes.map((s) => ({
      ...s,
      points: s.points.map((v, k) => (v + 0.5) * (k % 2 === 0 ? sx : sy) - 0.5),
      radius: s.radius * Math.sqrt(sx * sy),
    }));
    return this.solve(rasterizeStrokes(onGrid, this.width, this.height), t0);
  }

  private solve(small: StrokeSet, t0: number): PreviewResult {
    // A preview stops earlier than a final solve (1e-3 unless asked otherwise): it is redrawn at
    // every stroke, warm-started, and the full-resolution solve follows on request.
    const opts = {
      ...this.options,
      tolerance: this.options.tolerance ?? PREVIEW_TOLERANCE,
      initial: this.last,
    };
    const res = this.operator
      ? solveLevinSystem(this.operator, small, this.space, opts)
      : levinChroma(this.reducedGray, small, opts);
    this.last = res.chroma.channels;
    const rgb = this.finishOf(res.chroma.channels);
    return { ...res, rgb, ms: performance.now() - t0 };
  }

  /** Forgets the previous solution (the next update starts from zero chroma). */
  reset(): void {
    this.last = undefined;
  }

  /** The reduced gray image the solve runs on. */
  get workingGray(): ImageF32 {
    return this.reducedGray;
  }
}
