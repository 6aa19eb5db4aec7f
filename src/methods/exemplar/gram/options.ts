/** Options of Gram-matrix colorization (report §4.3–4.4), with the report's defaults. */
import { ColorizeError, checkChoice, checkInteger, checkNumber, invalidOption } from '../../../errors.js';
import type { ChromaSpace, FinishOptions } from '../../../finish/finish.js';
import { VGG19_CONV_NAMES, type VggConvName } from '../../../models/vgg19-grad.js';
import { GRAM_PARAMETRIZATIONS, type GramParametrization } from './parametrization.js';

export { GRAM_PARAMETRIZATIONS, type GramParametrization };

/**
 * 'adam' (§4.3.2), 'lbfgs' (with Armijo backtracking) or 'lbfgs-fixed': L-BFGS with the unit step
 * and no line search, as the report ran PyTorch's `optim.LBFGS` (§4.3.2, fig. 30).
 */
export type GramOptimizer = 'adam' | 'lbfgs' | 'lbfgs-fixed';
export const GRAM_OPTIMIZERS: readonly GramOptimizer[] = ['adam', 'lbfgs', 'lbfgs-fixed'];
export type GramInit = 'average' | 'content';
export const GRAM_INITS: readonly GramInit[] = ['average', 'content'];
/**
 * How the loss terms are scaled (docs/gram.md "Normalisation"). 'gatys' (default): Gatys et al.'s
 * E_c = ½ Σ (F − P)² and E_s = Σ (F Fᵀ − S Sᵀ)² / (4 C² M²) on features divided by each layer's
 * mean ReLU activation (their normalisation, which makes the weights independent of the network's
 * input scale), with the weights acting squared as in the report's §4.3.1 code. 'relative': each
 * term divided by its target's energy, weights linear (the behaviour before; with the report's
 * weights the content term is then effectively off).
 */
export type GramNormalization = 'gatys' | 'relative';
export const GRAM_NORMALIZATIONS: readonly GramNormalization[] = ['gatys', 'relative'];
/**
 * How one evaluation of the objective runs: 'fused' (default), one ONNX graph for forward, losses
 * and backward; 'separate', the reference path (features graph, losses in TypeScript with the
 * Gram products as small ONNX graphs, backward graph that recomputes the forward pass). Same
 * numbers to float precision; kept for the tests and the bench.
 */
export type GramEvaluation = 'fused' | 'separate';
export const GRAM_EVALUATIONS: readonly GramEvaluation[] = ['fused', 'separate'];
/** Per-layer weights, e.g. { conv3_1: 1 }. */
export type LayerWeights = Partial<Record<VggConvName, number>>;

/** One optimisation step, for progress display and loss curves. */
export interface GramProgress {
  /** Counted over all levels. */
  iteration: number;
  /** Pyramid level: 0 is the working size, k is working size / 2^k. */
  level?: number;
  loss: number;
  content: number;
  style: number;
}

export interface GramOptions {
  /**
   * Content layers and weights (report §4.4.1–4.4.2: weight 1 on the fifth conv layer, conv_5 =
   * conv3_1).
   */
  contentLayers?: LayerWeights;
  /** Style layers and weights (§4.4.1: 500 on the first five conv layers, conv1_1 … conv3_1). */
  styleLayers?: LayerWeights;
  /** 'adam' (default; §4.3.2 found it smoother), 'lbfgs' or 'lbfgs-fixed' (see {@link GramOptimizer}). */
  optimizer?: GramOptimizer;
  /** Maximum optimiser iterations at the working size (default 20; coarser levels get more, see `levels`). */
  iterations?: number;
  /** Adam step on [0, 1] pixel values (default 0.02). */
  learningRate?: number;
  /** Adaptive stop: relative loss improvement over `window` iterations below this (default 0.002). */
  tolerance?: number;
  /** Iterations the adaptive stop looks back (default 20). */
  window?: number;
  /** Long side of the working images (default 256; §4.4.3 used 256², and 512² for the final result). */
  workingSize?: number;
  /** Space whose chroma is taken from the optimised image: 'lab' (default) or 'yuv'. */
  space?: Extract<ChromaSpace, 'lab' | 'yuv'>;
  /**
   * Initialisation: 'average' of content and style (§4.3.2, default) or 'content'. With
   * `parametrization: 'chroma'`: 'average' starts from the reference's mean (U, V) everywhere,
   * 'content' from c = 0 (the gray target).
   */
  init?: GramInit;
  /**
   * What is optimised (see {@link GramParametrization}, parametrization.ts): 'rgb', the image's
   * pixels, or 'chroma', two YUV chroma planes on the target's own luma (X = Y_t·(1,1,1) + M·c).
   */
  parametrization?: GramParametrization;
  /**
   * With 'chroma': the chroma planes live on a grid this many times coarser than the working size
   * and are upsampled bilinearly before VGG-19 sees them (default 4; 1 = one chroma value per
   * working pixel). Keeps the style term from painting fine texture into the chroma.
   */
  chromaFactor?: number;
  /**
   * β of a pixel-level luma fidelity term β Σ (Y(X) − Y_t)² added to the loss (Y: BT.601 luma on
   * [0, 1], summed over the working-size pixels; coarse levels scale it by the area ratio like the
   * content term). Default 0 (off). A soft version of `parametrization: 'chroma'`, whose luma is
   * exact; with 'chroma' the term is identically 0.
   */
  lumaWeight?: number;
  /** Loss normalisation, 'gatys' (default) or 'relative' (see {@link GramNormalization}). */
  normalization?: GramNormalization;
  /**
   * Coarse-to-fine levels (default 2): the optimisation first runs at workingSize / 2^(levels−1),
   * and each level starts from the previous one's result, upsampled; 1 is a single level. Level k
   * (working size / 2^k) runs at most `iterations` · 2^k iterations.
   */
  levels?: number;
  /** 'fused' (default) or 'separate', the reference path (see {@link GramEvaluation}). */
  evaluation?: GramEvaluation;
  /** Called after every iteration. */
  onProgress?: (p: GramProgress) => void;
  /** Options of the finish stage. */
  finish?: FinishOptions;
}

export const GRAM_DEFAULTS = {
  contentLayers: { conv3_1: 1 } as LayerWeights,
  styleLayers: { conv1_1: 500, conv1_2: 500, conv2_1: 500, conv2_2: 500, conv3_1: 500 } as LayerWeights,
  optimizer: 'adam' as GramOptimizer,
  iterations: 20,
  learningRate: 0.02,
  tolerance: 0.002,
  window: 20,
  workingSize: 256,
  space: 'lab' as const,
  init: 'average' as GramInit,
  parametrization: 'chroma' as GramParametrization,
  lumaWeight: 0,
  chromaFactor: 8,
  normalization: 'gatys' as GramNormalization,
  levels: 2,
  evaluation: 'fused' as GramEvaluation,
};

export type ResolvedGramOptions = Required<Omit<GramOptions, 'onProgress' | 'finish'>> &
  Pick<GramOptions, 'onProgress'> & { finish: FinishOptions };

/** Report layer names: conv_1 … conv_8 are conv1_1 … conv3_4; conv_9 and later are not in the weights. */
const REPORT_NAMES: Record<string, VggConvName> = Object.fromEntries(
  VGG19_CONV_NAMES.map((n, i) => [`conv_${i + 1}`, n]),
);

/** Accepts "conv3_1" or the report's "conv_5"; explains layers the weights do not hold. */
export function layerName(raw: string): VggConvName {
  const name = raw.trim();
  if ((VGG19_CONV_NAMES as readonly string[]).includes(name)) return name as VggConvName;
  if (REPORT_NAMES[name]) return REPORT_NAMES[name];
  if (/^conv(_(9|1[0-6])|[45]_[1-4])$/.test(name))
    throw new ColorizeError(
      `layer ${JSON.stringify(name)} is in VGG-19 blocks 4–5, which ../shared/models/vgg19 does not hold; available: ${VGG19_CONV_NAMES.join(', ')} (or conv_1 … conv_8)`,
      'usage',
    );
  throw new ColorizeError(
    `unknown layer ${JSON.stringify(name)}: expected one of ${VGG19_CONV_NAMES.join(', ')} (or the report's conv_1 … conv_8)`,
    'usage',
  );
}

/**
 * Parses "conv3_1" (weight `defaultWeight`), "conv3_1:1,conv1_1:500" or "conv_5:1" into weights.
 *
 * @example
 * ```ts
 * import { parseLayerWeights } from 'colorize-toolkit/internals';
 * console.log(parseLayerWeights('conv_1:200,conv2_2', 500)); // { conv1_1: 200, conv2_2: 500 }
 * ```
 */
export function parseLayerWeights(spec: string, defaultWeight: number, option = 'layers'): LayerWeights {
  const out: LayerWeights = {};
  const parts = spec.split(',').filter((s) => s.trim() !== '');
  if (parts.length === 0)
    invalidOption(option, spec, 'a comma-separated list of layers, e.g. conv1_1:500,conv2_1');
  for (const p of parts) {
    const [n, w] = p.split(':');
    const weight = w === undefined ? defaultWeight : Number(w);
    if (!Number.isFinite(weight) || weight < 0) invalidOption(option, p, 'layer[:weight] with a weight ≥ 0');
    out[layerName(n)] = weight;
  }
  return out;
}

function checkLayers(name: string, l: LayerWeights, allowEmpty: boolean): LayerWeights {
  if (typeof l !== 'object' || l === null) invalidOption(name, l, 'an object of layer weights');
  const out: LayerWeights = {};
  for (const [k, w] of Object.entries(l)) out[layerName(k)] = checkNumber(`${name}.${k}`, w, 0, 1e12);
  if (!allowEmpty && Object.keys(out).length === 0) invalidOption(name, l, 'at least one layer');
  return out;
}

/** Validates options (naming the option, its value and what is allowed) and fills in defaults. */
export function resolveGramOptions(o: GramOptions = {}): ResolvedGramOptions {
  const d = GRAM_DEFAULTS;
  const contentLayers = checkLayers('contentLayers', o.contentLayers ?? d.contentLayers, true);
  const styleLayers = checkLayers('styleLayers', o.styleLayers ?? d.styleLayers, false);
  return {
    contentLayers,
    styleLayers,
    optimizer: checkChoice('optimizer', o.optimizer ?? d.optimizer, GRAM_OPTIMIZERS),
    iterations: checkInteger('iterations', o.iterations ?? d.iterations, 1, 100_000),
    learningRate: checkNumber('learningRate', o.learningRate ?? d.learningRate, 1e-6, 10),
    tolerance: checkNumber('tolerance', o.tolerance ?? d.tolerance, 0, 1),
    window: checkInteger('window', o.window ?? d.window, 1, 10_000),
    workingSize: checkInteger('workingSize', o.workingSize ?? d.workingSize, 16, 4096),
    space: checkChoice('space', o.space ?? d.space, ['lab', 'yuv'] as const),
    init: checkChoice('init', o.init ?? d.init, GRAM_INITS),
    parametrization: checkChoice(
      'parametrization',
      o.parametrization ?? d.parametrization,
      GRAM_PARAMETRIZATIONS,
    ),
    chromaFactor: checkInteger('chromaFactor', o.chromaFactor ?? d.chromaFactor, 1, 64),
    lumaWeight: checkNumber('lumaWeight', o.lumaWeight ?? d.lumaWeight, 0, 1e12),
    levels: checkInteger('levels', o.levels ?? d.levels, 1, 6),
    normalization: checkChoice('normalization', o.normalization ?? d.normalization, GRAM_NORMALIZATIONS),
    evaluation: checkChoice('evaluation', o.evaluation ?? d.evaluation, GRAM_EVALUATIONS),
    onProgress: o.onProgress,
    finish: o.finish ?? {},
  };
}
