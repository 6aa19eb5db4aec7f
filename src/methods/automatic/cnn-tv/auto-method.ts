/** Declares `cnn` (Zhang et al.'s annealed mean) and `cnn-tv` (Mouzon, Pierre & Berger 2019). */
import type { ImageF32 } from '../../../image/image.js';

import {
  DEFAULT_TV_GAMMA,
  DEFAULT_TV_ITERATIONS,
  DEFAULT_TV_LAMBDA,
  DEFAULT_TV_PRIMAL_STEP,
  DEFAULT_TV_SELECT_ITERATIONS,
  DEFAULT_TV_TOLERANCE,
  DEFAULT_TV_WEIGHT_STEP,
} from '../../../solve/coupled-tv.js';
import type { MethodOption } from '../../catalogue/types.js';
import { automaticMethod } from '../declare.js';
import { DEFAULT_CANDIDATES } from './candidates.js';
import {
  CNN_UPSAMPLE_METHODS,
  colorizeCnn,
  colorizeCnnTv,
  DEFAULT_TEMPERATURE,
  DEFAULT_WORKING_PIXELS,
} from './pipeline.js';

const MODELS = ['mobilenet-v2', 'cnn-tv-head', 'color-bins'] as const;

const temperature: MethodOption = {
  flags: '--temperature <t>',
  key: 'temperature',
  type: 'number',
  description: 'annealed-mean temperature',
  source: 'Zhang et al. §3.3',
  default: DEFAULT_TEMPERATURE,
  min: 0.01,
  max: 10,
};

const upsample: MethodOption = {
  flags: '--upsample <method>',
  key: 'upsample',
  type: 'string',
  description:
    "how chroma reaches full resolution (bilinear: Zhang et al.'s own, the baseline of Mouzon et al. Figs. 4–5; cnn-tv: only above --working-pixels)",
  source: 'Mouzon et al. §4',
  default: 'joint-bilateral',
  choices: CNN_UPSAMPLE_METHODS,
};

const tvFlags: MethodOption[] = [
  {
    flags: '--candidates <k>',
    key: 'candidates',
    type: 'number',
    integer: true,
    description: 'colour candidates kept per pixel',
    source: 'Mouzon et al. §4',
    default: DEFAULT_CANDIDATES,
    min: 1,
    max: 64,
  },
  {
    flags: '--lambda <λ>',
    key: 'lambda',
    type: 'number',
    description: 'fidelity weight λ of eq. 2 (larger: closer to the CNN)',
    default: DEFAULT_TV_LAMBDA,
    min: 1e-6,
  },
  {
    flags: '--gamma <γ>',
    key: 'gamma',
    type: 'number',
    description: 'luminance coupling γ of the coupled TV, eq. 7',
    default: DEFAULT_TV_GAMMA,
    min: 0,
  },
  {
    flags: '--iterations <n>',
    key: 'iterations',
    type: 'number',
    integer: true,
    description:
      'phase 1: most primal-dual iterations of Pierre et al., at the coarsest scale (at every scale with --no-binary); stops earlier when u settles',
    source: 'Mouzon et al. §3 (500)',
    default: DEFAULT_TV_ITERATIONS,
    min: 0,
  },
  {
    flags: '--no-binary',
    key: 'binary',
    type: 'boolean',
    description: 'stop after phase 1 (soft w, a TV-smoothed mixture) instead of solving to a selection',
    source: 'Mouzon et al. §3–4, Tan et al. Alg. 2',
    default: true,
  },
  {
    flags: '--select-iterations <n>',
    key: 'selectIterations',
    type: 'number',
    integer: true,
    description: 'phase 2 (binary w): most primal-dual iterations per scale',
    default: DEFAULT_TV_SELECT_ITERATIONS,
    min: 0,
  },
  {
    flags: '--tolerance <t>',
    key: 'tolerance',
    type: 'number',
    description:
      'stop a phase when u changes by less than this (relative, per iteration) and, in phase 2, at most this fraction of pixels changed candidate in 10 iterations',
    default: DEFAULT_TV_TOLERANCE,
    min: 0,
  },
  {
    flags: '--weight-step <τw>',
    key: 'weightStep',
    type: 'number',
    description: 'phase 1: projected-gradient step of w on the simplex (every 5 primal-dual steps)',
    default: DEFAULT_TV_WEIGHT_STEP,
    min: 0,
  },
  {
    flags: '--primal-step <τ>',
    key: 'primalStep',
    type: 'number',
    description: 'primal step τ of the primal-dual scheme (dual step σ = 0.95 / (8τ))',
    default: DEFAULT_TV_PRIMAL_STEP,
    min: 1e-3,
    max: 1e3,
  },
  {
    flags: '--working-pixels <n>',
    key: 'workingPixels',
    type: 'number',
    integer: true,
    description: 'largest image solved at full resolution; larger ones are solved at this size and upsampled',
    default: DEFAULT_WORKING_PIXELS,
    min: 4096,
  },
  upsample,
];

export const cnnTvMethod = automaticMethod({
  name: 'cnn-tv',
  familyDefault: true,
  summary: 'CNN colour distributions + coupled-TV candidate selection (Mouzon, Pierre & Berger 2019)',
  paper:
    'Mouzon, Pierre & Berger 2019, Joint CNN and Variational Model for Fully-Automatic Image Colorization, §3–4',
  options: tvFlags,
  models: MODELS,
  browser: false,
  debugPictures: true,
  colorize: (gray, options, context) =>
    colorizeCnnTv(gray, {
      ...(options as object),
      onProgress: (f: number, stage: string) => context.progress?.(f, stage),
      onDebug: context.debugImage
        ? (name: string, image: ImageF32) => void context.debugImage?.(name, image)
        : undefined,
    }),
});

export const cnnMethod = automaticMethod({
  name: 'cnn',
  summary: 'CNN colour distributions decoded by the annealed mean (Zhang et al. 2016)',
  paper: 'Zhang, Isola & Efros 2016, Colorful Image Colorization, §3.3 (the baseline of Mouzon et al.)',
  options: [temperature, upsample],
  models: MODELS,
  browser: false,
  colorize: (gray, options, context) =>
    colorizeCnn(gray, {
      ...(options as object),
      onProgress: (f: number, stage: string) => context.progress?.(f, stage),
    }),
});
