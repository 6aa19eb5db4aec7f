/** Registers `colorize auto --method cnn` and `--method cnn-tv` (Mouzon, Pierre & Berger 2019). */

import { DEFAULT_TV_GAMMA, DEFAULT_TV_ITERATIONS, DEFAULT_TV_LAMBDA } from '../../../solve/coupled-tv.js';
import type { TransferFlag } from '../../transfer/registry.js';
import { registerAutoMethod } from '../registry.js';
import { DEFAULT_CANDIDATES } from './candidates.js';
import { colorizeCnn, colorizeCnnTv, DEFAULT_TEMPERATURE, DEFAULT_WORKING_PIXELS } from './pipeline.js';

const MODELS = ['mobilenet-v2', 'cnn-tv-head', 'color-bins'] as const;

const temperature: TransferFlag = {
  flags: '--temperature <t>',
  key: 'temperature',
  type: 'number',
  description: 'annealed-mean temperature',
  source: 'Zhang et al. §3.3',
  default: DEFAULT_TEMPERATURE,
  min: 0.01,
  max: 10,
};

const tvFlags: TransferFlag[] = [
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
    description: 'most primal-dual iterations (stops earlier when u settles)',
    default: DEFAULT_TV_ITERATIONS,
    min: 0,
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
];

registerAutoMethod({
  name: 'cnn-tv',
  summary: 'CNN colour distributions + coupled-TV candidate selection (Mouzon, Pierre & Berger 2019)',
  flags: tvFlags,
  models: MODELS,
  run: (gray, options, context) =>
    colorizeCnnTv(gray, { ...(options as object), onProgress: context?.progress }),
});

registerAutoMethod({
  name: 'cnn',
  summary: 'CNN colour distributions decoded by the annealed mean (Zhang et al. 2016)',
  flags: [temperature],
  models: MODELS,
  run: (gray, options, context) =>
    colorizeCnn(gray, { ...(options as object), onProgress: context?.progress }),
});
