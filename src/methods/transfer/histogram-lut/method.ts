/** Declares `histogram` (report §2.1.2) and `histogram-yuv` (report §2.1.4). */
import type { MethodOption } from '../../catalogue/types.js';
import { transferMethod } from '../declare.js';
import { HISTOGRAM_LUT_DEFAULTS, histogramLutTransfer } from './histogram-lut.js';
import { histogramYuvTransfer, RANGE_NORMALIZATIONS, type RangeNormalization } from './histogram-yuv.js';

export const BINS_OPTION: MethodOption = {
  flags: '--bins <n>',
  key: 'bins',
  type: 'number',
  integer: true,
  description: 'LUT levels per channel',
  source: 'report §2.1.2',
  default: HISTOGRAM_LUT_DEFAULTS.bins,
  min: 2,
  max: 65536,
};

export const EXACT_OPTION: MethodOption = {
  flags: '--exact',
  key: 'exact',
  type: 'boolean',
  description: 'full-resolution float CDF matching instead of the binned LUT',
  default: HISTOGRAM_LUT_DEFAULTS.exact,
};

export const histogramMethod = transferMethod({
  name: 'histogram',
  summary: 'per-channel RGB histogram LUT (report §2.1.2)',
  paper: 'semi-interactive re-colorization report §2.1.2',
  familyDefault: true,
  targets: 'any',
  browser: true,
  options: [BINS_OPTION, EXACT_OPTION],
  transfer: (t, r, o) => histogramLutTransfer(t, r, { bins: o.bins as number, exact: o.exact as boolean }),
});

export const histogramYuvMethod = transferMethod({
  name: 'histogram-yuv',
  summary: 'RGB then YUV histogram LUT with range normalisation (report §2.1.4)',
  paper: 'semi-interactive re-colorization report §2.1.3–2.1.4',
  targets: 'any',
  browser: true,
  options: [
    BINS_OPTION,
    EXACT_OPTION,
    {
      flags: '--no-rgb-first',
      key: 'rgbFirst',
      type: 'boolean',
      description: 'match YUV directly, without RGB matching first',
      source: 'report figure 8',
      default: true,
    },
    {
      flags: '--normalize <mode>',
      key: 'normalize',
      type: 'string',
      description: 'back into [0, 1]',
      choices: RANGE_NORMALIZATIONS,
      default: 'report',
    },
  ],
  transfer: (t, r, o) =>
    histogramYuvTransfer(t, r, {
      bins: o.bins as number,
      exact: o.exact as boolean,
      rgbFirst: o.rgbFirst as boolean | undefined,
      normalize: o.normalize as RangeNormalization,
    }),
});
