/**
 * Declares `fuse` (issue 18): strokes, a colour reference (or a gallery pick) and the automatic
 * CNN prediction as candidates of one coupled-TV selection (Mouzon, Pierre & Berger 2019 eq. 2, 7).
 * The heavy parts (ONNX Runtime for the CNN and VGG-19) load on first use.
 */
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import { DEFAULT_TV_GAMMA, DEFAULT_TV_ITERATIONS, DEFAULT_TV_LAMBDA } from '../../solve/coupled-tv.js';
import { COLOUR_AS_GRAY_NOTE, colourReference, GALLERY_INPUT, grayInput } from '../catalogue/inputs.js';
import { DEFAULT_FEATHER, FEATHER_OPTION, featheredMask, REGION_MASK_INPUT } from '../catalogue/region.js';
import type { MethodDeclaration, MethodOption } from '../catalogue/types.js';
import { FEATURE_CHOICES } from '../exemplar/superpixel/options.js';
import { SCRIBBLE_INPUTS, strokesOfInputs } from '../scribbles/declare.js';
import { MARKED_THRESHOLD, type StrokeSet } from '../scribbles/strokes.js';
import { FUSE_DEFAULTS, type FuseOptions, fuseColorize, recolourLocal } from './fuse.js';

const num = (
  flags: string,
  key: string,
  description: string,
  dflt: number,
  min: number,
  max: number,
  extra: Partial<MethodOption> = {},
): MethodOption => ({ flags, key, type: 'number', description, default: dflt, min, max, ...extra });

export const FUSE_OPTIONS: MethodOption[] = [
  {
    flags: '--auto',
    key: 'auto',
    type: 'boolean',
    default: false,
    description: 'use the automatic CNN prediction (its top bins) as candidates too',
  },
  num(
    '--stroke-weight <w>',
    'strokeWeight',
    'weight of the stroke candidate (times its confidence)',
    FUSE_DEFAULTS.strokeWeight,
    0,
    1e6,
    {
      source: 'chosen on val/ and exemplar/ (docs/fuse.md)',
    },
  ),
  num(
    '--reference-weight <w>',
    'referenceWeight',
    'weight of the reference candidates',
    FUSE_DEFAULTS.referenceWeight,
    0,
    1e6,
    {
      source: 'chosen on val/ and exemplar/ (docs/fuse.md)',
    },
  ),
  num('--auto-weight <w>', 'autoWeight', 'weight of the CNN candidates', FUSE_DEFAULTS.autoWeight, 0, 1e6, {
    source: 'chosen on val/ and exemplar/ (docs/fuse.md)',
  }),
  num(
    '--stroke-sigma <px>',
    'strokeSigma',
    'stroke confidence exp(−d/σ): σ of the geodesic distance d',
    FUSE_DEFAULTS.strokeSigma,
    1e-3,
    1e6,
    {
      unit: 'px',
      defaultText: `${FUSE_DEFAULTS.strokeSigma} with a reference, ${FUSE_DEFAULTS.strokeSigmaWithoutReference} without (strokes + auto)`,
      source: 'chosen on val/ and exemplar/ (docs/fuse.md)',
    },
  ),
  num(
    '--edge-cost <β>',
    'edgeCost',
    'geodesic step cost 1 + β|ΔL*|: how much a luminance edge stops a stroke',
    FUSE_DEFAULTS.edgeCost,
    0,
    1e3,
  ),
  num(
    '--auto-candidates <k>',
    'autoCandidates',
    'CNN bins kept per pixel',
    FUSE_DEFAULTS.autoCandidates,
    1,
    64,
    {
      integer: true,
      source: 'Mouzon et al. §4',
    },
  ),
  num(
    '--reference-candidates <k>',
    'referenceCandidates',
    'reference superpixels of largest attention kept per superpixel',
    FUSE_DEFAULTS.referenceCandidates,
    1,
    32,
    {
      integer: true,
      source: 'IPOL 2024 eq. 7',
    },
  ),
  num('--lambda <λ>', 'lambda', 'fidelity weight λ of eq. 2', DEFAULT_TV_LAMBDA, 1e-6, 1e6, {
    source: 'Mouzon et al. eq. 2',
  }),
  num('--gamma <γ>', 'gamma', 'luminance coupling γ of the coupled TV, eq. 7', DEFAULT_TV_GAMMA, 0, 1e6, {
    source: 'Mouzon et al. eq. 7',
  }),
  num(
    '--iterations <n>',
    'iterations',
    'phase-1 primal-dual iterations per scale',
    DEFAULT_TV_ITERATIONS,
    0,
    1e5,
    {
      integer: true,
    },
  ),
  num(
    '--working-pixels <n>',
    'workingPixels',
    'largest working resolution of the candidates and the TV step',
    FUSE_DEFAULTS.workingPixels,
    4096,
    1e8,
    {
      integer: true,
      unit: 'px',
    },
  ),
  {
    flags: '--features <name>',
    key: 'features',
    type: 'string',
    choices: FEATURE_CHOICES,
    default: 'auto',
    description: 'features of the exemplar matching (auto: VGG-19 when its weights are found)',
  },
  {
    flags: '--prior <μ>',
    key: 'prior',
    type: 'number',
    default: FUSE_DEFAULTS.prior,
    min: 0,
    max: 1e6,
    description:
      'each candidate costs −μ log of its initial weight, so the selection keeps weighing the sources (0: eq. 2 as in the paper)',
    source: 'ours, an extension of Mouzon et al. eq. 2',
  },
  {
    flags: '--reference-shift',
    key: 'referenceShift',
    type: 'boolean',
    default: FUSE_DEFAULTS.referenceShift,
    description:
      'with strokes and a reference: move the reference colours by their mean difference to the strokes',
  },
  {
    flags: '--levin-pixels <n>',
    key: 'levinPixels',
    type: 'number',
    integer: true,
    min: 1024,
    max: 1e8,
    unit: 'px',
    default: FUSE_DEFAULTS.levinPixels,
    source: 'chosen on val/ and exemplar/ (docs/fuse.md, speed)',
    description:
      'run the strokes’ Levin propagation on at most this many pixels (faster; its result is smooth away from the strokes)',
  },
  FEATHER_OPTION,
  num(
    '--threshold <x>',
    'threshold',
    'marked image: a pixel is a stroke when Σ|marked − gray| over R, G, B exceeds this',
    MARKED_THRESHOLD,
    0,
    3,
  ),
];

export const fuseMethod: MethodDeclaration = {
  name: 'fuse',
  family: 'fuse',
  familyDefault: true,
  summary:
    'strokes, a reference and the automatic prediction as candidates of one coupled-TV selection (any non-empty combination)',
  paper: 'Mouzon, Pierre & Berger 2019 eq. 2, 7; Levin et al. 2004; IPOL 2024 eq. 4–7',
  inputs: [
    // As the scribble methods take them (strokesOfInputs reads them); `mask` here is the region mask.
    ...SCRIBBLE_INPUTS.filter((i) => i.name === 'gray' || i.name === 'marked' || i.name === 'strokes'),
    {
      name: 'reference',
      kind: 'image',
      required: false,
      description: 'a colour photo whose colours are candidates',
    },
    GALLERY_INPUT,
    // The region of the re-colouring (a colour photo with strokes); without it here the service
    // refused the field.
    {
      ...REGION_MASK_INPUT,
      description:
        're-colouring a colour photo: strokes change it only here (white), with a feathered edge (--feather)',
    },
  ],
  browser: false,
  models: ['mobilenet-v2', 'cnn-tv-head', 'color-bins'],
  options: FUSE_OPTIONS,
  run: async (inputs, o, ctx) => {
    const hasStrokes = inputs.images.marked !== undefined || inputs.texts.strokes !== undefined;
    const hasReference = inputs.images.reference !== undefined;
    const auto = o.auto === true;
    if (!hasStrokes && !hasReference && !auto)
      throw new ColorizeError(
        'no hint given: give strokes (--strokes or --marked), a reference (--reference or --gallery) or --auto, or several',
        'usage',
      );
    const photo = inputs.images.gray!;
    const mask = inputs.images.mask;
    if (!photo.isGray && hasStrokes && !hasReference && !auto) {
      // Local re-colouring of a colour photo: its chroma kept away from the strokes.
      const { strokes: set } = strokesOfInputs(
        // `mask` is the region here, not the scribble methods' mask-with-colours input.
        {
          ...inputs,
          images: { ...inputs.images, mask: undefined, gray: { image: photo.image, isGray: true } },
        },
        o,
      );
      const region = mask
        ? featheredMask(
            mask.image,
            photo.image.width,
            photo.image.height,
            (o.feather as number | undefined) ?? DEFAULT_FEATHER,
          )
        : undefined;
      ctx.progress?.(0.1, 're-colouring');
      const rgb = recolourLocal(photo.image, set, {
        strokeSigma: o.strokeSigma as number | undefined,
        edgeCost: o.edgeCost as number | undefined,
        region,
      });
      return {
        rgb,
        summary: `fuse (re-colouring a colour photo from strokes${mask ? ' inside the mask' : ''})`,
      };
    }
    if (mask)
      throw new ColorizeError(
        '--mask limits the re-colouring of a colour photo by strokes; give a colour GRAY photo with strokes and no other hint',
        'usage',
      );
    let gray: ImageF32;
    let strokes: StrokeSet | undefined;
    if (hasStrokes) ({ gray, strokes } = strokesOfInputs(inputs, o, ctx));
    else {
      const g = inputs.images.gray!;
      if (!g.isGray) ctx.notice?.(COLOUR_AS_GRAY_NOTE);
      gray = grayInput(g.image, g.isGray);
    }
    const reference = hasReference ? colourReference(inputs).image : undefined;
    const { auto: _a, threshold: _t, feather: _f, ...rest } = o;
    const res = await fuseColorize(
      gray,
      { strokes, reference, auto },
      {
        ...(rest as FuseOptions),
        onProgress: (f, stage) => ctx.progress?.(f, stage),
      },
    );
    for (const n of res.notices) ctx.notice?.(n);
    return { rgb: res.rgb, summary: res.summary };
  },
};
