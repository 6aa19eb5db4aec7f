/** Declares `wavelet` (report §2.2). */
import { WAVELET_NAMES, type WaveletName } from '../../../filters/wavelet.js';
import { transferMethod } from '../declare.js';
import { spaceOption } from '../option-helpers.js';
import { MAX_MERGE_LEVELS } from './merge.js';
import { WAVELET_SPACES, type WaveletSpace, waveletTransfer } from './wavelet-transfer.js';

export const waveletMethod = transferMethod({
  name: 'wavelet',
  summary: 'wavelet-coefficient merging with a λ vector (report §2.2)',
  paper: 'semi-interactive re-colorization report §2.2',
  targets: 'any',
  browser: true,
  options: [
    {
      flags: '--levels <k>',
      key: 'levels',
      type: 'number',
      integer: true,
      description: 'decomposition levels k',
      defaultText: '|λ|−1, or 10',
      min: 1,
      max: MAX_MERGE_LEVELS,
    },
    {
      flags: '--lambda <list>',
      key: 'lambda',
      type: 'number-list',
      description: 'k+1 weights in [0,1], λ₀ (low-pass) then coarse→fine',
      defaultText: '0,0.2,0.4,0.6,0.8,1,…',
      min: 0,
      max: 1,
    },
    {
      flags: '--wavelet <name>',
      key: 'wavelet',
      type: 'string',
      description: '',
      choices: WAVELET_NAMES,
      default: 'haar',
    },
    spaceOption(WAVELET_SPACES, 'rgb'),
    {
      flags: '--pre-match',
      key: 'preMatch',
      type: 'boolean',
      description: 'histogram-match RGB before merging',
      source: 'report figure 14',
      default: false,
    },
    {
      flags: '--contrast <gain>',
      key: 'contrast',
      type: 'number',
      description: 'localized contrast gain on the target first',
      default: 1,
      defaultText: '1 = off',
      min: 0,
      max: 10,
    },
    {
      flags: '--contrast-sigma <px>',
      key: 'contrastSigma',
      type: 'number',
      description: 'σ of the local mean for --contrast',
      unit: 'px',
      default: 8,
      min: 0.5,
      max: 1000,
    },
  ],
  transfer: (t, r, o) =>
    waveletTransfer(t, r, {
      lambda: o.lambda as number[] | undefined,
      levels: o.levels as number | undefined,
      wavelet: o.wavelet as WaveletName,
      space: o.space as WaveletSpace,
      preMatch: o.preMatch as boolean,
      contrast: o.contrast as number,
      contrastSigma: o.contrastSigma as number,
    }),
});
