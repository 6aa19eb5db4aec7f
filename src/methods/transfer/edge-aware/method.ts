/** Declares `edge-aware` (report §2.3). */
import { EDGE_KERNEL_NAMES, type EdgeKernelName } from '../../../filters/edges.js';
import { transferMethod } from '../declare.js';
import { BINS_OPTION, EXACT_OPTION } from '../histogram-lut/method.js';
import { intOption } from '../option-helpers.js';
import { edgeAwareTransfer } from './edge-aware.js';

export const edgeAwareMethod = transferMethod({
  name: 'edge-aware',
  summary: 'histogram LUT from non-edge pixels only (report §2.3)',
  paper: 'semi-interactive re-colorization report §2.3',
  targets: 'any',
  browser: true,
  options: [
    {
      flags: '--threshold <t>',
      key: 'threshold',
      type: 'number',
      description: 'pixels with edge probability < t count',
      default: 0.01,
      min: 0,
      max: 1,
    },
    {
      flags: '--kernel <name>',
      key: 'kernel',
      type: 'string',
      description: '',
      choices: EDGE_KERNEL_NAMES,
      default: 'laplacian4',
    },
    {
      flags: '--edge-sigma <px>',
      key: 'edgeSigma',
      type: 'number',
      description: 'Gaussian σ before the edge kernel',
      unit: 'px',
      default: 1,
      min: 0,
      max: 20,
    },
    BINS_OPTION,
    EXACT_OPTION,
    {
      flags: '--content-weight <α>',
      key: 'contentWeight',
      type: 'number',
      description:
        'α > 0: after the LUT, lower the content term d_c by minimising α·d_c/‖P_e(T)‖² + mean (X − X_LUT)² (0 = off)',
      source: 'report §2.3.2',
      default: 0,
      min: 0,
    },
    intOption(
      '--content-iterations <n>',
      'contentIterations',
      'projected gradient steps for --content-weight',
      50,
      1,
      10_000,
    ),
  ],
  transfer: (t, r, o) =>
    edgeAwareTransfer(t, r, {
      threshold: o.threshold as number,
      kernel: o.kernel as EdgeKernelName,
      edgeSigma: o.edgeSigma as number,
      bins: o.bins as number,
      exact: o.exact as boolean,
      contentWeight: o.contentWeight as number,
      contentIterations: o.contentIterations as number,
    }),
});
