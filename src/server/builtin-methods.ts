/**
 * Registers the methods of the scribble and exemplar families with the front-end catalogue
 * (the transfer family comes from its own registry through catalogue.ts, including the
 * superpixel transfer method, which the exemplar `superpixel` below replaces by name). Importing this module
 * is what makes them available to `colorize serve` and its job workers.
 */
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import '../methods/transfer/builtin.js';
import '../methods/exemplar/superpixel/transfer-method.js';
import '../methods/automatic/builtin.js';
import {
  GRAM_DEFAULTS,
  GRAM_INITS,
  GRAM_NORMALIZATIONS,
  GRAM_OPTIMIZERS,
  type GramInit,
  type GramNormalization,
  type GramOptimizer,
  parseLayerWeights,
} from '../methods/exemplar/gram/options.js';
import { AFFINITY_DEFAULTS } from '../methods/scribbles/levin/affinity.js';
import {
  colorizeLevin,
  LEVIN_SYSTEMS,
  LEVIN_TOLERANCE,
  SCRIBBLE_SPACES,
} from '../methods/scribbles/levin/levin.js';
import {
  colorizePoisson,
  POISSON_DEFAULT_LAMBDA,
  POISSON_OUTPUTS,
} from '../methods/scribbles/poisson/poisson.js';
import {
  MARKED_THRESHOLD,
  type StrokeSet,
  strokesFromJson,
  strokesFromMarked,
} from '../methods/scribbles/strokes.js';
import { getTransferMethod } from '../methods/transfer/registry.js';
import { DEFAULT_TOLERANCE, SOLVER_KINDS } from '../solve/spd-solve.js';
import { type InputImage, type InputSpec, type MethodInputs, registerServiceMethod } from './catalogue.js';
import { type OptionSpec, optionsFromFlags } from './option-specs.js';

const SCRIBBLE_INPUTS: InputSpec[] = [
  {
    name: 'gray',
    kind: 'image',
    required: true,
    description: 'the gray photo (a colour photo is used by its luma)',
  },
  {
    name: 'marked',
    kind: 'image',
    required: false,
    description: 'the gray photo with coloured strokes painted on it (pixels that differ from gray)',
  },
  {
    name: 'strokes',
    kind: 'json',
    required: false,
    description: 'strokes as JSON polylines {"strokes":[{"points":[[x,y],...],"width":5,"color":"#rrggbb"}]}',
  },
];

const SOLVE_OPTIONS: OptionSpec[] = [
  {
    key: 'space',
    type: 'string',
    enum: [...SCRIBBLE_SPACES],
    default: 'yuv',
    description: 'chroma space: yuv (report eq. 1) or yiq (Levin et al.’s code)',
  },
  {
    key: 'solver',
    type: 'string',
    enum: [...SOLVER_KINDS],
    default: 'multigrid',
    description: 'multigrid (fast) or direct (exact, small images only)',
  },
  {
    key: 'tolerance',
    type: 'number',
    defaultText: `${LEVIN_TOLERANCE} for the levin system, ${DEFAULT_TOLERANCE} otherwise`,
    minimum: 1e-15,
    maximum: 1,
    description: 'relative residual at which the solver stops',
  },
  {
    key: 'threshold',
    type: 'number',
    default: MARKED_THRESHOLD,
    minimum: 0,
    description:
      'marked image: a pixel is a stroke when Σ|marked − gray| over R, G, B exceeds this (0–1 scale)',
  },
];

/** The stroke set of a scribble request: from `strokes` JSON if given, else from the marked image. */
export function strokesOf(
  inputs: MethodInputs,
  threshold: number | undefined,
): { gray: ImageF32; strokes: StrokeSet } {
  const gray = inputs.images.gray!.image;
  const json = inputs.texts.strokes;
  if (json !== undefined) return { gray, strokes: strokesFromJson(json, gray.width, gray.height, 'strokes') };
  const marked = inputs.images.marked;
  if (!marked) throw new ColorizeError('give the strokes: a "marked" image or "strokes" JSON', 'usage');
  return { gray, strokes: strokesFromMarked(gray, marked.image, threshold ?? MARKED_THRESHOLD) };
}

function solveOptions(o: Record<string, unknown>): Record<string, unknown> {
  const { threshold: _t, ...rest } = o;
  return rest;
}

registerServiceMethod({
  name: 'levin',
  family: 'scribbles',
  summary: 'Levin, Lischinski & Weiss 2004: colorization using optimisation (strokes spread along luminance)',
  inputs: SCRIBBLE_INPUTS,
  oneOf: [['marked', 'strokes']],
  options: [
    ...SOLVE_OPTIONS,
    {
      key: 'system',
      type: 'string',
      enum: [...LEVIN_SYSTEMS],
      default: 'levin',
      description:
        'levin: Levin et al.’s own system (getColorExact.m); symmetric: the symmetrised graph Laplacian; report: the report’s eq. 8 weights and eq. 9 normal equations',
    },
    {
      key: 'varianceScale',
      type: 'number',
      default: AFFINITY_DEFAULTS.varianceScale,
      minimum: 0,
      description: '2σ_r² = factor · local variance (Levin’s code: 0.6)',
    },
    {
      key: 'minNeighbourWeight',
      type: 'number',
      default: AFFINITY_DEFAULTS.minNeighbourWeight,
      minimum: 0,
      description: 'weight the most similar neighbour keeps at least',
    },
  ],
  browser: true,
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOf(inputs, o.threshold as number | undefined);
    ctx.progress(0.1, 'solving');
    return colorizeLevin(gray, strokes, solveOptions(o)).rgb;
  },
});

registerServiceMethod({
  name: 'poisson',
  family: 'scribbles',
  summary: 'RGB Poisson merging of the strokes with the gray image (report §3.1.2, eq. 7)',
  inputs: SCRIBBLE_INPUTS,
  oneOf: [['marked', 'strokes']],
  options: [
    ...SOLVE_OPTIONS,
    {
      key: 'lambda',
      type: 'number',
      default: POISSON_DEFAULT_LAMBDA,
      minimum: 0,
      description: 'weight λ of the gradient term (report fig. 21)',
    },
    {
      key: 'output',
      type: 'string',
      enum: [...POISSON_OUTPUTS],
      default: 'finished',
      description:
        'finished: the merged chroma on the gray luminance; raw: the merged RGB of eq. 7 (luminance drift and all, report figs. 20–22)',
    },
  ],
  browser: true,
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOf(inputs, o.threshold as number | undefined);
    ctx.progress(0.1, 'solving');
    return colorizePoisson(gray, strokes, solveOptions(o)).rgb;
  },
});

/** The reference image of an exemplar request; a gray one is refused (it has no colours to give). */
function colourReference(inputs: MethodInputs): InputImage {
  const reference = inputs.images.reference!;
  if (reference.isGray)
    throw new ColorizeError('reference is gray; exemplar colorization needs a colour reference');
  return reference;
}

// The transfer registry's `superpixel` (Algorithm 3) refuses gray targets, as `colorize transfer`
// does, where `colorize exemplar` takes them. The service offers one `superpixel` method for both:
// a colour target goes to the registry's method (same options, notes through the context), a
// gray target to Algorithm 4. So it replaces the registry entry by name here, in the exemplar
// family and server-only (ONNX Runtime), with the registry's options. The pipeline is loaded on
// first use: it pulls in ONNX Runtime, which only this method needs.
const superpixelTransfer = getTransferMethod('superpixel');
registerServiceMethod({
  name: 'superpixel',
  family: 'exemplar',
  summary:
    'superpixel non-local matching of VGG-19 features (Carrillo et al. 2022, IPOL 2024): gray target → Alg. 4, colour target → Alg. 3',
  inputs: [
    {
      name: 'target',
      kind: 'image',
      required: true,
      description: 'gray photo to colour (a colour photo gets the reference’s colours)',
    },
    { name: 'reference', kind: 'image', required: true, description: 'colour photo whose colours are used' },
  ],
  options: optionsFromFlags(superpixelTransfer.flags),
  browser: false,
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target!;
    const reference = colourReference(inputs);
    const notice = (text: string) => ctx.notice(text);
    if (!target.isGray) {
      ctx.progress(0.05, 'transferring (Algorithm 3)');
      return superpixelTransfer.run(target.image, reference.image, o, { notice });
    }
    const { superpixelColorize } = await import('../methods/exemplar/superpixel/pipeline.js');
    ctx.progress(0.05, 'colorizing (Algorithm 4)');
    const res = await superpixelColorize(target.image, reference.image, o);
    for (const n of res.notices) notice(n);
    return res.rgb;
  },
});

// Gram-matrix optimisation (report §4): server-only (ONNX Runtime, minutes of CPU at 512²), so it
// is best called as a job, whose progress follows the optimiser's iterations. Layer lists use the
// command line's syntax ("conv1_1:500,conv2_1" or the report's "conv_5").
const GRAM_OPTIONS: OptionSpec[] = [
  {
    key: 'optimizer',
    type: 'string',
    enum: [...GRAM_OPTIMIZERS],
    default: GRAM_DEFAULTS.optimizer,
    description: "adam (report §4.3.2), lbfgs, or lbfgs-fixed (the report's L-BFGS without line search)",
  },
  {
    key: 'iterations',
    type: 'number',
    integer: true,
    minimum: 1,
    maximum: 5000,
    default: GRAM_DEFAULTS.iterations,
    description: 'maximum optimiser iterations per pyramid level (stops earlier on a plateau)',
  },
  {
    key: 'levels',
    type: 'number',
    integer: true,
    minimum: 1,
    maximum: 6,
    default: GRAM_DEFAULTS.levels,
    description: 'coarse-to-fine levels: the first runs at workingSize / 2^(levels − 1)',
  },
  {
    key: 'init',
    type: 'string',
    enum: [...GRAM_INITS],
    default: GRAM_DEFAULTS.init,
    description: 'starting image: average of target and reference (report fig. 32) or the target',
  },
  {
    key: 'normalization',
    type: 'string',
    enum: [...GRAM_NORMALIZATIONS],
    default: GRAM_DEFAULTS.normalization,
    description:
      "loss scaling: gatys (Gatys et al.'s, weights squared as the report's code) or relative (before)",
  },
  {
    key: 'workingSize',
    type: 'number',
    integer: true,
    minimum: 16,
    maximum: 1024,
    default: GRAM_DEFAULTS.workingSize,
    description: 'long side of the working images',
  },
  {
    key: 'learningRate',
    type: 'number',
    minimum: 0,
    maximum: 1,
    default: GRAM_DEFAULTS.learningRate,
    description: 'Adam step on [0, 1] pixel values',
  },
  {
    key: 'contentLayers',
    type: 'string',
    default: 'conv3_1:1',
    description: "content layers[:weight]: conv1_1 … conv3_4 or the report's conv_1 … conv_8",
  },
  {
    key: 'styleLayers',
    type: 'string',
    default: 'conv1_1,conv1_2,conv2_1,conv2_2,conv3_1',
    description: 'style layers[:weight] (weight 500 when omitted, report §4.4)',
  },
  {
    key: 'space',
    type: 'string',
    enum: ['lab', 'yuv'],
    default: GRAM_DEFAULTS.space,
    description: 'space whose chroma is taken from the optimised image',
  },
];

registerServiceMethod({
  name: 'gram',
  family: 'exemplar',
  summary:
    'VGG-19 Gram-matrix optimisation (Gatys et al. 2016; re-colorization report §4), original luma kept',
  inputs: [
    { name: 'target', kind: 'image', required: true, description: 'gray photo to colour' },
    { name: 'reference', kind: 'image', required: true, description: 'colour photo whose style is used' },
  ],
  options: GRAM_OPTIONS,
  browser: false,
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target!;
    const reference = colourReference(inputs);
    const iterations = (o.iterations as number | undefined) ?? GRAM_DEFAULTS.iterations;
    const levels = (o.levels as number | undefined) ?? GRAM_DEFAULTS.levels;
    // Level k of the coarse-to-fine start runs up to 2^k × the iterations.
    const total = iterations * (2 ** levels - 1);
    const { gramColorize } = await import('../methods/exemplar/gram/pipeline.js');
    ctx.progress(0.02, 'optimising');
    const res = await gramColorize(target.image, reference.image, {
      optimizer: o.optimizer as GramOptimizer | undefined,
      iterations,
      levels,
      init: o.init as GramInit | undefined,
      normalization: o.normalization as GramNormalization | undefined,
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
        ctx.progress(0.02 + (0.95 * Math.min(p.iteration, total)) / total, `iteration ${p.iteration}`),
    });
    return res.rgb;
  },
});

// The attention exemplar network (Gorriz Blanch et al.): server-only (ONNX Runtime), no options
// over HTTP (the --model override is a command-line tool for ablations).
registerServiceMethod({
  name: 'attention',
  family: 'exemplar',
  summary:
    'attention-based exemplar colourisation network (axial attention, pyramid decoder; trained here at 128²)',
  inputs: [
    { name: 'target', kind: 'image', required: true, description: 'gray photo to colour' },
    { name: 'reference', kind: 'image', required: true, description: 'colour photo whose colours are used' },
  ],
  options: [],
  browser: false,
  run: async (inputs, _o, ctx) => {
    const reference = colourReference(inputs);
    const { attentionColorize } = await import('../methods/exemplar/attention/pipeline.js');
    ctx.progress(0.05, 'colorizing');
    return (await attentionColorize(inputs.images.target!.image, reference.image)).rgb;
  },
});
