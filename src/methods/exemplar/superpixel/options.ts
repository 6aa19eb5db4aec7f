/** Options of the superpixel non-local matching method, with the IPOL 2024 paper's defaults. */
import { checkChoice, checkInteger, checkNumber, invalidOption } from '../../../errors.js';
import type { FeatureExtractor } from '../../../features/feature-extractor.js';
import type { FinishOptions } from '../../../finish/finish.js';
import { FUSION_NORMALISE, type FusionNormalise, type FusionOptions } from './fusion.js';

export type FeatureChoice = 'auto' | 'vgg19' | 'handcrafted';
export const FEATURE_CHOICES: readonly FeatureChoice[] = ['auto', 'vgg19', 'handcrafted'];

/**
 * The final step: 'edge-aware' (ours: a*, b* up-sampled by joint bilateral upsampling guided by
 * the original luminance, Rec. 601 luma kept), 'paper' (§3.1, Alg. 3–4 literally: a*, b* resized
 * bilinearly, the original's CIELAB L* put back), or 'rgb' (the paper's Fig. 3c / 9c ablation:
 * the fused RGB image resized, no CIELAB step, the original luminance not put back).
 */
export type FinishMode = 'edge-aware' | 'paper' | 'rgb';
export const FINISH_MODES: readonly FinishMode[] = ['edge-aware', 'paper', 'rgb'];

export interface SuperpixelOptions {
  /** τ, softmax temperature of eq. 1 / eq. 7 (paper: 0.015). */
  tau?: number;
  /** δs, spatial weight of eq. 6 (paper: 10). */
  deltaS?: number;
  /** δc, colour weight of eq. 6 (paper: 0.1). */
  deltaC?: number;
  /** σ_g of eq. 5 (not given in the paper; see fusionNormalise for the default). */
  sigmaG?: number;
  /**
   * How σ_g applies (not in the paper): 'per-pixel' σ_g(p) = σ_g · max(1, e_min(p)) as Giraud et
   * al.'s fusion code (default: best PSNR on ../shared/data/exemplar, see docs/superpixel.md) or
   * 'fixed' σ_g (eq. 5 as written).
   */
  fusionNormalise?: FusionNormalise;
  /** κ², relative fusion truncation (see fusion.ts; default 20: dropped terms d ≤ e^−20 × the best). */
  cutoff?: number;
  /** Superpixels per image (paper: 3⌊√(HW)⌋ at working size, per image). */
  superpixels?: number;
  /** Long side of the working images in pixels (§3.1 "down-sizing"; default 256). */
  workingSize?: number;
  /** Features: 'vgg19' (paper), 'handcrafted', or 'auto' = VGG-19 when its weights are found. */
  features?: FeatureChoice | FeatureExtractor;
  /** Layer weights w_l of eq. 3 / eq. 7 (paper: all 1). */
  layerWeights?: number[];
  /** SLIC compactness (default 10, scikit-image's). */
  compactness?: number;
  /** Return debug pictures (superpixel maps, matches) in the result. */
  debug?: boolean;
  /** The final step (default 'edge-aware'; 'paper' is §3.1 literally). */
  finishMode?: FinishMode;
  /** Options of the 'edge-aware' finish stage (chroma up-sampling guided by the original luminance). */
  finish?: FinishOptions;
}

export interface ResolvedOptions {
  tau: number;
  deltaS: number;
  deltaC: number;
  sigmaG: number;
  fusionNormalise: FusionNormalise;
  cutoff: number;
  superpixels: number | undefined;
  workingSize: number;
  features: FeatureChoice | FeatureExtractor;
  layerWeights: number[];
  compactness: number;
  debug: boolean;
  finishMode: FinishMode;
  finish: FinishOptions;
}

export const SUPERPIXEL_DEFAULTS = {
  tau: 0.015,
  deltaS: 10,
  deltaC: 0.1,
  sigmaG: 1,
  fusionNormalise: 'per-pixel',
  cutoff: 20,
  finishMode: 'edge-aware',
  workingSize: 256,
  compactness: 10,
} as const;

/** Validates options (naming the option, its value and what is allowed) and fills in defaults. */
export function resolveOptions(o: SuperpixelOptions = {}): ResolvedOptions {
  const features = o.features ?? 'auto';
  if (typeof features === 'string') checkChoice('features', features, FEATURE_CHOICES);
  const layerWeights = o.layerWeights ?? [1, 1, 1];
  if (
    !Array.isArray(layerWeights) ||
    layerWeights.some((w) => typeof w !== 'number' || !(w >= 0)) ||
    !layerWeights.some((w) => w > 0)
  ) {
    invalidOption('layerWeights', layerWeights, 'non-negative numbers, at least one positive');
  }
  return {
    tau: checkNumber('tau', o.tau ?? SUPERPIXEL_DEFAULTS.tau, 1e-6, 1e6),
    deltaS: checkNumber('deltaS', o.deltaS ?? SUPERPIXEL_DEFAULTS.deltaS, 1e-6, 1e6),
    deltaC: checkNumber('deltaC', o.deltaC ?? SUPERPIXEL_DEFAULTS.deltaC, 1e-6, 1e6),
    sigmaG: checkNumber('sigmaG', o.sigmaG ?? SUPERPIXEL_DEFAULTS.sigmaG, 1e-6, 1e6),
    fusionNormalise: checkChoice(
      'fusionNormalise',
      o.fusionNormalise ?? SUPERPIXEL_DEFAULTS.fusionNormalise,
      FUSION_NORMALISE,
    ),
    cutoff: checkNumber('cutoff', o.cutoff ?? SUPERPIXEL_DEFAULTS.cutoff, 0.1, 1e4),
    superpixels:
      o.superpixels === undefined ? undefined : checkInteger('superpixels', o.superpixels, 2, 100_000),
    workingSize: checkInteger('workingSize', o.workingSize ?? SUPERPIXEL_DEFAULTS.workingSize, 16, 8192),
    features,
    layerWeights,
    compactness: checkNumber('compactness', o.compactness ?? SUPERPIXEL_DEFAULTS.compactness, 1e-3, 1e4),
    debug: o.debug ?? false,
    finishMode: checkChoice('finishMode', o.finishMode ?? SUPERPIXEL_DEFAULTS.finishMode, FINISH_MODES),
    finish: o.finish ?? {},
  };
}

/**
 * The colour fusion's options (eq. 4–6) out of the method's: resolved options, or
 * {@link SUPERPIXEL_DEFAULTS} for the defaults.
 *
 * @example
 * ```ts
 * import { fusionOptionsOf, SUPERPIXEL_DEFAULTS } from 'colorize-toolkit/internals';
 * console.log(fusionOptionsOf(SUPERPIXEL_DEFAULTS).normalise); // per-pixel
 * ```
 */
export function fusionOptionsOf(o: {
  deltaS: number;
  deltaC: number;
  sigmaG: number;
  cutoff: number;
  fusionNormalise: FusionNormalise;
}): FusionOptions {
  return {
    deltaS: o.deltaS,
    deltaC: o.deltaC,
    sigmaG: o.sigmaG,
    cutoff: o.cutoff,
    normalise: o.fusionNormalise,
  };
}
