/**
 * Declares `gram`: VGG-19 Gram-matrix optimisation (Gatys et al. 2016; re-colorization report §4),
 * the chroma of the optimised image put on the original luminance. About a minute of CPU at 512²
 * (docs/gram.md "Speed"), so the service runs it best as a job, whose progress follows the optimiser's iterations. Layer lists use
 * the syntax "conv1_1:500,conv2_1" or the report's "conv_5".
 */
import { colourReference, REFERENCE_ONE_OF, referenceInputs } from '../../catalogue/inputs.js';
import type { MethodDeclaration } from '../../catalogue/types.js';
import {
  GRAM_DEFAULTS,
  GRAM_INITS,
  GRAM_NORMALIZATIONS,
  GRAM_OPTIMIZERS,
  GRAM_PARAMETRIZATIONS,
  type GramInit,
  type GramNormalization,
  type GramOptimizer,
  type GramParametrization,
  parseLayerWeights,
} from './options.js';

export const gramMethod: MethodDeclaration = {
  name: 'gram',
  family: 'exemplar',
  summary:
    'VGG-19 Gram-matrix optimisation (Gatys et al. 2016; re-colorization report §4), original luma kept',
  paper: 'semi-interactive re-colorization report §4.2–4.4 (Gatys, Ecker & Bethge 2016)',
  inputs: referenceInputs('gray photo to colour', 'colour photo whose style is used'),
  oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
  targets: 'any',
  browser: false,
  options: [
    {
      flags: '--optimizer <name>',
      key: 'optimizer',
      type: 'string',
      choices: GRAM_OPTIMIZERS,
      default: GRAM_DEFAULTS.optimizer,
      description:
        "adam (report §4.3.2), lbfgs, or lbfgs-fixed (the report's L-BFGS: unit step, no line search)",
    },
    {
      flags: '--iterations <n>',
      key: 'iterations',
      type: 'number',
      integer: true,
      min: 1,
      max: 5000,
      default: GRAM_DEFAULTS.iterations,
      description: 'maximum optimiser iterations at the working size (stops earlier on a plateau)',
    },
    {
      flags: '--levels <n>',
      key: 'levels',
      type: 'number',
      integer: true,
      min: 1,
      max: 6,
      default: GRAM_DEFAULTS.levels,
      description: 'coarse-to-fine levels: the first runs at working size / 2^(levels − 1)',
    },
    {
      flags: '--init <name>',
      key: 'init',
      type: 'string',
      choices: GRAM_INITS,
      default: GRAM_DEFAULTS.init,
      description:
        "starting image: mean of target and reference, or the target (chroma: the reference's mean colour, or gray)",
      source: 'report fig. 32',
    },
    {
      flags: '--parametrization <name>',
      key: 'parametrization',
      type: 'string',
      choices: GRAM_PARAMETRIZATIONS,
      default: GRAM_DEFAULTS.parametrization,
      description:
        "what is optimised: rgb (the pixels) or chroma (YUV U, V on the target's luma, which then holds by construction)",
      source: 'docs/gram.md',
    },
    {
      flags: '--chroma-factor <k>',
      key: 'chromaFactor',
      type: 'number',
      integer: true,
      min: 1,
      max: 64,
      default: GRAM_DEFAULTS.chromaFactor,
      description:
        'with --parametrization chroma: chroma optimised on a grid k times coarser than the working size, upsampled bilinearly',
      source: 'docs/gram.md',
    },
    {
      flags: '--luma-weight <beta>',
      key: 'lumaWeight',
      type: 'number',
      min: 0,
      max: 1e9,
      default: GRAM_DEFAULTS.lumaWeight,
      description: 'β of a luma fidelity term β Σ (Y(X) − Y_target)² (rgb; 0 = off)',
      source: 'docs/gram.md',
    },
    {
      flags: '--normalization <name>',
      key: 'normalization',
      type: 'string',
      choices: GRAM_NORMALIZATIONS,
      default: GRAM_DEFAULTS.normalization,
      description: "loss scaling: gatys (Gatys et al.'s, weights squared as the report's code) or relative",
      source: 'docs/gram.md',
    },
    {
      flags: '--working-size <px>',
      key: 'workingSize',
      type: 'number',
      integer: true,
      unit: 'px',
      min: 16,
      max: 1024,
      default: GRAM_DEFAULTS.workingSize,
      description: 'long side of the working images',
      source: 'report §4.4.3',
    },
    {
      flags: '--learning-rate <r>',
      key: 'learningRate',
      type: 'number',
      min: 0,
      max: 1,
      default: GRAM_DEFAULTS.learningRate,
      description: 'Adam step on [0, 1] pixel values',
    },
    {
      flags: '--content-layers <list>',
      key: 'contentLayers',
      type: 'string',
      default: 'conv3_1:1',
      description: "content layers[:weight]: conv1_1 … conv3_4 or the report's conv_1 … conv_8",
      source: 'report §4.4.1–4.4.2',
    },
    {
      flags: '--style-layers <list>',
      key: 'styleLayers',
      type: 'string',
      default: 'conv1_1,conv1_2,conv2_1,conv2_2,conv3_1',
      description: 'style layers[:weight] (weight 500 when omitted)',
      source: 'report §4.4.1',
    },
    {
      flags: '--space <space>',
      key: 'space',
      type: 'string',
      choices: ['lab', 'yuv'],
      default: GRAM_DEFAULTS.space,
      description: 'space whose chroma is taken from the optimised image',
    },
  ],
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target!;
    const reference = colourReference(inputs);
    const iterations = (o.iterations as number | undefined) ?? GRAM_DEFAULTS.iterations;
    const levels = (o.levels as number | undefined) ?? GRAM_DEFAULTS.levels;
    // Level k of the coarse-to-fine start runs up to 2^k × the iterations.
    const total = iterations * (2 ** levels - 1);
    const { gramColorize } = await import('./pipeline.js');
    const t0 = performance.now();
    ctx.progress?.(0.02, 'optimising');
    const res = await gramColorize(target.image, reference.image, {
      optimizer: o.optimizer as GramOptimizer | undefined,
      iterations,
      levels,
      init: o.init as GramInit | undefined,
      normalization: o.normalization as GramNormalization | undefined,
      parametrization: o.parametrization as GramParametrization | undefined,
      lumaWeight: o.lumaWeight as number | undefined,
      chromaFactor: o.chromaFactor as number | undefined,
      workingSize: o.workingSize as number | undefined,
      learningRate: o.learningRate as number | undefined,
      space: o.space as 'lab' | 'yuv' | undefined,
      contentLayers:
        o.contentLayers === undefined
          ? undefined
          : parseLayerWeights(String(o.contentLayers), 1, 'contentLayers'),
      styleLayers:
        o.styleLayers === undefined
          ? undefined
          : parseLayerWeights(String(o.styleLayers), 500, 'styleLayers'),
      onProgress: (p) =>
        ctx.progress?.(
          0.02 + (0.95 * Math.min(p.iteration, total)) / total,
          `iteration ${p.iteration}, loss ${p.loss.toPrecision(4)}`,
        ),
    });
    const first = res.losses[0].toPrecision(4);
    const best = Math.min(...res.losses).toPrecision(4);
    return {
      rgb: res.rgb,
      summary: `gram (${(o.optimizer as string | undefined) ?? GRAM_DEFAULTS.optimizer}), ${res.iterations} iterations (${res.stopped}), loss ${first} → ${best}, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    };
  },
};
