/**
 * Registers the methods of the scribble and exemplar families with the front-end catalogue
 * (the transfer family comes from its own registry through catalogue.ts). Importing this module
 * is what makes them available to `colorize serve` and its job workers.
 */
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { FEATURE_CHOICES, SUPERPIXEL_DEFAULTS } from '../methods/exemplar/superpixel/options.js';
import '../methods/transfer/builtin.js';
import { AFFINITY_DEFAULTS } from '../methods/scribbles/levin/affinity.js';
import { colorizeLevin, SCRIBBLE_SPACES } from '../methods/scribbles/levin/levin.js';
import { colorizePoisson, POISSON_DEFAULT_LAMBDA } from '../methods/scribbles/poisson/poisson.js';
import {
  MARKED_THRESHOLD,
  type StrokeSet,
  strokesFromJson,
  strokesFromMarked,
} from '../methods/scribbles/strokes.js';
import { DEFAULT_TOLERANCE, SOLVER_KINDS } from '../solve/spd-solve.js';
import { type InputSpec, type MethodInputs, registerServiceMethod } from './catalogue.js';
import type { OptionSpec } from './option-specs.js';

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
    default: DEFAULT_TOLERANCE,
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
  ],
  browser: true,
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOf(inputs, o.threshold as number | undefined);
    ctx.progress(0.1, 'solving');
    return colorizePoisson(gray, strokes, solveOptions(o)).rgb;
  },
});

// Loaded on first use: the exemplar pipeline pulls in ONNX Runtime, which only this method needs.
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
  options: [
    {
      key: 'tau',
      type: 'number',
      default: SUPERPIXEL_DEFAULTS.tau,
      description: 'softmax temperature τ of the attention (IPOL eq. 1/7)',
    },
    {
      key: 'deltaS',
      type: 'number',
      default: SUPERPIXEL_DEFAULTS.deltaS,
      description: 'spatial weight δs of the colour fusion (eq. 6)',
    },
    {
      key: 'deltaC',
      type: 'number',
      default: SUPERPIXEL_DEFAULTS.deltaC,
      description: 'colour weight δc of the colour fusion (eq. 6)',
    },
    {
      key: 'superpixels',
      type: 'integer',
      defaultText: '3⌊√(HW)⌋ at working size',
      minimum: 2,
      maximum: 100_000,
      description: 'SLIC superpixels per image',
    },
    {
      key: 'workingSize',
      type: 'integer',
      default: SUPERPIXEL_DEFAULTS.workingSize,
      minimum: 16,
      description: 'long side of the working images in pixels',
    },
    {
      key: 'features',
      type: 'string',
      enum: [...FEATURE_CHOICES],
      default: 'auto',
      description: 'vgg19 (paper), handcrafted, or auto = VGG-19 when its weights are found',
    },
  ],
  browser: false,
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target!;
    const reference = inputs.images.reference!;
    if (reference.isGray)
      throw new ColorizeError('reference is gray; exemplar colorization needs a colour reference');
    const { superpixelColorize, superpixelTransfer } = await import(
      '../methods/exemplar/superpixel/pipeline.js'
    );
    ctx.progress(0.05, target.isGray ? 'colorizing (Algorithm 4)' : 'transferring (Algorithm 3)');
    const run = target.isGray ? superpixelColorize : superpixelTransfer;
    const res = await run(target.image, reference.image, o);
    for (const n of res.notices) ctx.notice(n);
    return res.rgb;
  },
});
