/**
 * The high-level semantic feature of Deep Colorization §III-B.3 and the semantic histogram of
 * §III-C.1. The paper runs a scene-parsing FCN (Long et al.) retrained on gray SIFT Flow images
 * (33 scene and object classes: sky, sea, tree, building, road, …); here DeepLab v3
 * (models/deeplab.ts) runs on the gray image given as R = G = B. The default is the Cityscapes
 * model (19 classes: road, building, vegetation, terrain, sky, person, car, …), the one the
 * committed ensemble is trained with; several networks can be combined ('cityscapes+pascal-dm05':
 * the class planes are concatenated, and so are the per-network histograms). Each network's per-class
 * probabilities (a grid about 1/16 of the image) are brought to full resolution bilinearly and
 * smoothed by the domain transform (Gastal & Oliveira 2011) guided by the gray image, as the paper
 * does, so class boundaries follow image edges.
 */

import { ColorizeError } from '../../../errors.js';
import { domainTransformRF } from '../../../filters/domain-transform.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizeImage } from '../../../image/resize.js';
import { DEEPLAB_MODELS, type DeeplabVariant, deeplabProbabilities } from '../../../models/deeplab.js';

/**
 * The segmentation network(s) of the committed ensemble (models/cheng/model.json "semantic"), the
 * default of {@link semanticFeature}.
 */
export const CHENG_SEMANTIC_VARIANT = 'cityscapes';

export interface SemanticOptions {
  /**
   * Segmentation network, or several joined by '+' (default {@link CHENG_SEMANTIC_VARIANT},
   * 'cityscapes': 19 classes).
   */
  variant?: DeeplabVariant | string;
  /** Domain-transform σs in pixels (default 16: about one logit cell of a 320-px photo … two). */
  sigmaSpatial?: number;
  /** Domain-transform σr on the [0, 1] gray guide (default 0.1). */
  sigmaRange?: number;
}

export interface SemanticFeature {
  /** Smoothed class probabilities at full resolution, one plane per class. */
  planes: Float32Array[];
  /** Fraction of pixels whose most probable class is c (the semantic histogram, §III-C.1). */
  histogram: Float32Array;
}

/**
 * Class probabilities smoothed by the domain transform (upsampled from `low`, the network's grid).
 *
 * @example
 * ```ts
 * import { createImage, smoothSemantic } from 'colorize-toolkit/internals';
 * const gray = createImage(32, 32, 1);
 * const low = createImage(2, 2, 2);
 * low.channels[0].fill(0.75); low.channels[1].fill(0.25);
 * const { planes, histogram } = smoothSemantic(gray, low);
 * console.log(planes[0][100].toFixed(2), Array.from(histogram)); // 0.75 [ 1, 0 ]
 * ```
 */
export function smoothSemantic(
  gray: ImageF32,
  low: ImageF32,
  options: SemanticOptions = {},
): SemanticFeature {
  const { width: W, height: H } = gray;
  const up = resizeImage(low, W, H, 'bilinear');
  const planes = domainTransformRF([gray.channels[0]], up.channels, W, H, {
    sigmaSpatial: options.sigmaSpatial ?? 16,
    sigmaRange: options.sigmaRange ?? 0.1,
  });
  const C = planes.length;
  const histogram = new Float32Array(C);
  for (let p = 0; p < W * H; p++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (planes[c][p] > planes[best][p]) best = c;
    histogram[best]++;
  }
  for (let c = 0; c < C; c++) histogram[c] /= W * H;
  return { planes, histogram };
}

/**
 * Runs the segmentation network(s) on `gray` and returns the smoothed semantic feature: for
 * 'a+b', the planes of a then b, and the histogram of each network (each sums to 1) one after the
 * other.
 *
 * @example
 * ```ts
 * import { createImage, semanticFeature } from 'colorize-toolkit/internals';
 * const gray = createImage(64, 48, 1);
 * gray.channels[0].fill(0.5);
 * const { planes, histogram } = await semanticFeature(gray); // Cityscapes, 19 classes
 * console.log(planes.length, histogram.length); // 19 19
 * ```
 */
export async function semanticFeature(
  gray: ImageF32,
  options: SemanticOptions = {},
): Promise<SemanticFeature> {
  const variants = String(options.variant ?? CHENG_SEMANTIC_VARIANT).split('+');
  const planes: Float32Array[] = [];
  const hist: number[] = [];
  for (const v of variants) {
    if (!(v in DEEPLAB_MODELS))
      throw new ColorizeError(
        `cheng semantic: unknown segmentation network "${v}" (expected ${Object.keys(DEEPLAB_MODELS).join(', ')}, or several joined by '+')`,
        'usage',
      );
    const { probabilities } = await deeplabProbabilities(gray, v as DeeplabVariant);
    const f = smoothSemantic(gray, probabilities, options);
    planes.push(...f.planes);
    hist.push(...f.histogram);
  }
  return { planes, histogram: Float32Array.from(hist) };
}
