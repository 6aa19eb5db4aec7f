/** Parameters of Deep Colorization and their validation (README.md lists them with the paper's values). */
import { ColorizeError, checkChoice, checkInteger, checkNumber } from '../../../errors.js';
import { checkWorkingPixels } from '../../../image/resize.js';

/** The paper's feature ablations (Figs. 2–4): the full descriptor or one group dropped. */
export const CHENG_FEATURE_SETS = ['full', 'no-patch', 'no-daisy', 'no-semantic'] as const;
export type ChengFeatureSetName = (typeof CHENG_FEATURE_SETS)[number];

/** Global colour styles (§IV-C, Fig. 13): the ordinary one, or a network fine-tuned on warm photos. */
export const CHENG_STYLES = ['natural', 'warm'] as const;
export type ChengStyle = (typeof CHENG_STYLES)[number];

/** Default of {@link ChengOptions.workingSize} (0: the input size). */
export const CHENG_WORKING_SIZE = 0;

/**
 * Default of {@link ChengOptions.workingPixels}: photos up to 2 MP run at their own size; larger
 * ones at about 2 MP. The descriptors cost about 0.3 GB per megapixel (DAISY field, 21 semantic
 * planes, refinement grid), so a 24 MP photo at full size needed about 8 GB; at 2 MP the whole run
 * stays under 2 GB, and the features see a scale closer to the one they were trained at (longest
 * side 320).
 */
export const CHENG_WORKING_PIXELS = 2_000_000;

/** Default of {@link ChengOptions.chromaGain}: 1, the paper's output (docs/cheng.md measures others). */
export const CHENG_CHROMA_GAIN = 1;

/** Default of {@link ChengOptions.members}: 1, the paper's single global network. */
export const CHENG_MEMBERS = 1;

export interface ChengOptions {
  /** Adaptive image clustering (§III-C): pick the cluster network (default true); false = the global network. */
  clustering?: boolean;
  /** Joint bilateral chrominance refinement (§III-B.4, default true). */
  refine?: boolean;
  /** Feature set (default 'full'); the ablations use networks trained without one group, without clustering. */
  features?: ChengFeatureSetName;
  /** Global style (default 'natural'); 'warm' uses the warm-style network, without clustering. */
  style?: ChengStyle;
  /** k of the top-k GIST search before the semantic-histogram choice (§III-C.1; default 3). */
  topK?: number;
  /** Refinement: joint bilateral spatial σ in pixels (default 8). */
  refineSigmaSpatial?: number;
  /** Refinement: joint bilateral range σ on the [0, 1] gray guide (default 0.08). */
  refineSigmaRange?: number;
  /** Pixels per inference batch (default 32768; bounds memory on large images). */
  batch?: number;
  /**
   * Longest side, in pixels, at which the descriptors and the network run (default 0: the input
   * size). A larger input is reduced (area average) to this size and the chrominance is brought
   * back to full resolution by the finish stage (joint bilateral upsampling guided by the full-size
   * gray), so DAISY, the 7×7 patch and the semantic smoothing see the scale they were trained at
   * (training photos: longest side 320).
   */
  workingSize?: number;
  /**
   * Largest pixel count at which the descriptors run when `workingSize` is 0 (default
   * {@link CHENG_WORKING_PIXELS}; 0: no limit). A larger input is reduced (area average) to about
   * this many pixels and the chrominance brought back to full size by the finish stage, as with
   * `workingSize`.
   */
  workingPixels?: number;
  /**
   * Factor on the predicted U, V before the refinement (default {@link CHENG_CHROMA_GAIN}). Least
   * squares (eq. 1) predicts the conditional mean of the chrominance, which is greyer than any
   * one plausible colour; a gain above 1 restores saturation. 1 is the paper's output.
   */
  chromaGain?: number;
  /**
   * Global networks averaged (default {@link CHENG_MEMBERS}: the paper's one). The model holds
   * `global`, `global.2`, … trained on the same samples with other seeds; their mean is a better
   * conditional-mean estimate (docs/cheng.md: about +0.1 dB at equal colourfulness with 3). Needs
   * the global network: clustering off, features 'full', style 'natural'.
   */
  members?: number;
}

export interface ResolvedChengOptions {
  clustering: boolean;
  refine: boolean;
  features: ChengFeatureSetName;
  style: ChengStyle;
  topK: number;
  refineSigmaSpatial: number;
  refineSigmaRange: number;
  batch: number;
  workingSize: number;
  workingPixels: number;
  chromaGain: number;
  members: number;
}

function bool(name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean')
    throw new ColorizeError(
      `option "${name}" = ${JSON.stringify(v)} is invalid: expected true or false`,
      'usage',
    );
  return v;
}

/**
 * Validates options and fills in defaults.
 *
 * @example
 * ```ts
 * import { resolveChengOptions } from 'colorize-toolkit/internals';
 * console.log(resolveChengOptions({ refine: false }).refineSigmaSpatial); // 8
 * ```
 */
export function resolveChengOptions(o: ChengOptions = {}): ResolvedChengOptions {
  return {
    clustering: bool('clustering', o.clustering, true),
    refine: bool('refine', o.refine, true),
    features: checkChoice('features', o.features ?? 'full', CHENG_FEATURE_SETS),
    style: checkChoice('style', o.style ?? 'natural', CHENG_STYLES),
    topK: checkInteger('topK', o.topK ?? 3, 1, 1000),
    refineSigmaSpatial: checkNumber('refineSigmaSpatial', o.refineSigmaSpatial ?? 8, 0.5, 1000),
    refineSigmaRange: checkNumber('refineSigmaRange', o.refineSigmaRange ?? 0.08, 1e-3, 10),
    batch: checkInteger('batch', o.batch ?? 32768, 1, 1 << 24),
    workingSize:
      (o.workingSize ?? CHENG_WORKING_SIZE) === 0
        ? 0
        : checkInteger('workingSize', o.workingSize ?? CHENG_WORKING_SIZE, 16, 1 << 16),
    workingPixels: checkWorkingPixels('workingPixels', o.workingPixels ?? CHENG_WORKING_PIXELS),
    chromaGain: checkNumber('chromaGain', o.chromaGain ?? CHENG_CHROMA_GAIN, 0, 4),
    members: checkInteger('members', o.members ?? CHENG_MEMBERS, 1, 64),
  };
}
