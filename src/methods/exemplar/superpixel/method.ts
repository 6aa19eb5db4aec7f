/**
 * Declares `superpixel` (Carrillo, Clément & Bugeau 2022; IPOL 2024, Leduc, Carrillo & Papadakis):
 * a gray target is coloured from the reference (Algorithm 4), a colour target gets the reference's
 * colours (Algorithm 3). One method for both, offered by `colorize exemplar` and `colorize
 * transfer`. The pipeline (and ONNX Runtime with it) is loaded on the first run.
 */
import { createImage } from '../../../image/image.js';
import { colourReference, REFERENCE_ONE_OF, referenceInputs } from '../../catalogue/inputs.js';
import type { MethodDeclaration, MethodOption } from '../../catalogue/types.js';
import { FUSION_NORMALISE } from './fusion.js';
import { FEATURE_CHOICES, FINISH_MODES, SUPERPIXEL_DEFAULTS, type SuperpixelOptions } from './options.js';

const real = (
  flags: string,
  key: string,
  description: string,
  dflt: number,
  source: string,
): MethodOption => ({
  flags,
  key,
  type: 'number',
  description,
  source,
  default: dflt,
  min: 1e-6,
  max: 1e6,
});

/** The options of the superpixel method, with the ranges resolveOptions (options.ts) checks. */
export const SUPERPIXEL_OPTIONS: MethodOption[] = [
  real('--tau <t>', 'tau', 'softmax temperature τ of the attention', SUPERPIXEL_DEFAULTS.tau, 'IPOL eq. 1/7'),
  real(
    '--delta-s <v>',
    'deltaS',
    'spatial weight δs of the colour fusion; larger δs = position counts less (eq. 5 uses Σ⁻¹)',
    SUPERPIXEL_DEFAULTS.deltaS,
    'IPOL eq. 6',
  ),
  real(
    '--delta-c <v>',
    'deltaC',
    'colour weight δc of the colour fusion; larger δc = gray level counts less (eq. 5 uses Σ⁻¹)',
    SUPERPIXEL_DEFAULTS.deltaC,
    'IPOL eq. 6',
  ),
  real(
    '--sigma-g <v>',
    'sigmaG',
    'σ_g of the fusion exponent (not in the paper)',
    SUPERPIXEL_DEFAULTS.sigmaG,
    'IPOL eq. 5; Giraud et al.’s fusion code',
  ),
  {
    flags: '--fusion-normalise <mode>',
    key: 'fusionNormalise',
    type: 'string',
    choices: FUSION_NORMALISE,
    default: SUPERPIXEL_DEFAULTS.fusionNormalise,
    description: 'per-pixel: σ_g scaled by each pixel’s best term (Giraud et al.); fixed: eq. 5 as written',
    source: 'docs/superpixel.md',
  },
  {
    flags: '--cutoff <k2>',
    key: 'cutoff',
    type: 'number',
    default: SUPERPIXEL_DEFAULTS.cutoff,
    min: 0.1,
    max: 1e4,
    description: 'κ²: fusion terms below e^−κ² × each pixel’s best are dropped',
    source: 'IPOL eq. 4',
  },
  {
    flags: '--superpixels <n>',
    key: 'superpixels',
    type: 'number',
    integer: true,
    description: 'SLIC superpixels per image',
    defaultText: '3⌊√(HW)⌋ at working size',
    min: 2,
    max: 100_000,
    source: 'IPOL §3.1, Fig. 4',
  },
  {
    flags: '--compactness <m>',
    key: 'compactness',
    type: 'number',
    default: SUPERPIXEL_DEFAULTS.compactness,
    min: 1e-3,
    max: 1e4,
    description: 'SLIC compactness',
    source: 'scikit-image default',
  },
  {
    flags: '--layer-weights <list>',
    key: 'layerWeights',
    type: 'number-list',
    default: [1, 1, 1],
    min: 0,
    max: 1e6,
    description: 'weights w_l of the VGG-19 layers (conv1_1, conv2_1, conv3_1) in the distance',
    source: 'IPOL eq. 3 / 7',
  },
  {
    flags: '--working-size <px>',
    key: 'workingSize',
    type: 'number',
    integer: true,
    unit: 'px',
    description: 'long side of the working images',
    default: SUPERPIXEL_DEFAULTS.workingSize,
    min: 16,
    max: 8192,
    source: 'IPOL §3.1',
  },
  {
    flags: '--features <name>',
    key: 'features',
    type: 'string',
    description: 'auto = vgg19 when its weights are found, else handcrafted with a note',
    choices: FEATURE_CHOICES,
    default: 'auto',
  },
  {
    flags: '--finish <mode>',
    key: 'finishMode',
    type: 'string',
    choices: FINISH_MODES,
    default: SUPERPIXEL_DEFAULTS.finishMode,
    description:
      'edge-aware: a*b* up-sampled guided by the luminance (ours); paper: a*b* resized, L* put back (§3.1, Alg. 3–4); rgb: the fused RGB resized (Fig. 3c/9c)',
    source: 'IPOL §3.1',
  },
];

export const superpixelMethod: MethodDeclaration = {
  name: 'superpixel',
  family: 'exemplar',
  alsoIn: ['transfer'],
  familyDefault: true,
  summary:
    'superpixel non-local matching of VGG-19 features (Carrillo et al. 2022, IPOL 2024): gray target → Alg. 4, colour target → Alg. 3',
  paper: 'Leduc, Carrillo & Papadakis, IPOL 2024, Algorithms 3–4',
  inputs: referenceInputs('gray photo to colour (a colour photo gets the reference’s colours)'),
  oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
  targets: 'any',
  options: SUPERPIXEL_OPTIONS,
  browser: false,
  debugPictures: true,
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target!;
    const reference = colourReference(inputs);
    const { superpixelColorize, superpixelTransfer } = await import('./pipeline.js');
    const options = { ...(o as SuperpixelOptions), debug: ctx.debugImage !== undefined };
    ctx.progress?.(0.05, target.isGray ? 'colorizing (Algorithm 4)' : 'transferring (Algorithm 3)');
    const res = target.isGray
      ? await superpixelColorize(target.image, reference.image, options)
      : await superpixelTransfer(target.image, reference.image, options);
    for (const n of res.notices) ctx.notice?.(n);
    if (ctx.debugImage) {
      for (const [name, image] of Object.entries(res.debug ?? {})) await ctx.debugImage(name, image);
      // The a*, b* planes as a picture: mid-gray = neutral.
      const a = res.chroma;
      const ab = createImage(a.width, a.height, 3);
      for (let p = 0; p < a.channels[0].length; p++) {
        ab.channels[0][p] = 0.5 + a.channels[0][p] / 200;
        ab.channels[1][p] = 0.5;
        ab.channels[2][p] = 0.5 + a.channels[1][p] / 200;
      }
      await ctx.debugImage('chroma-ab', ab);
    }
    return { rgb: res.rgb };
  },
};
