/**
 * Registers the global transfer methods of issue 3 with the `transfer` registry. Another module
 * adds its method with one `registerTransferMethod(...)` call (here or in its own file imported
 * where this one is, e.g. methods/exemplar/superpixel/transfer-method.ts). Each option's typed
 * metadata (default, choices, range) states what the method's own validation does; a test runs
 * every method with its stated defaults and checks it gives the same image as with none.
 */
import { EDGE_KERNEL_NAMES, type EdgeKernelName } from '../../filters/edges.js';
import { WAVELET_NAMES, type WaveletName } from '../../filters/wavelet.js';
import { edgeAwareTransfer } from './edge-aware/edge-aware.js';
import { HISTOGRAM_LUT_DEFAULTS, histogramLutTransfer } from './histogram-lut/histogram-lut.js';
import {
  histogramYuvTransfer,
  RANGE_NORMALIZATIONS,
  type RangeNormalization,
} from './histogram-lut/histogram-yuv.js';
import { registerTransferMethod, type TransferFlag } from './registry.js';
import {
  GRAY_TARGET_POLICIES,
  type GrayTargetPolicy,
  REINHARD_SPACES,
  type ReinhardSpace,
  reinhardTransfer,
} from './reinhard/reinhard.js';
import { MAX_MERGE_LEVELS } from './wavelet/merge.js';
import { WAVELET_SPACES, type WaveletSpace, waveletTransfer } from './wavelet/wavelet-transfer.js';
import { WELSH_SPACES, type WelshSpace, welshTransfer } from './welsh/welsh.js';

const BINS: TransferFlag = {
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
const EXACT: TransferFlag = {
  flags: '--exact',
  key: 'exact',
  type: 'boolean',
  description: 'full-resolution float CDF matching instead of the binned LUT',
  default: HISTOGRAM_LUT_DEFAULTS.exact,
};
/** `--space`: read by several methods, each with its own spaces and default. */
const space = (choices: readonly string[], dflt: string): TransferFlag => ({
  flags: '--space <space>',
  key: 'space',
  type: 'string',
  description: '',
  choices,
  default: dflt,
});

/** A whole-number option with its default and the range the method checks. */
const int = (
  flags: string,
  key: string,
  description: string,
  dflt: number,
  min: number,
  max: number,
): TransferFlag => ({ flags, key, type: 'number', integer: true, description, default: dflt, min, max });

// Option objects are built from untyped flag values; each method validates its own options.
type Opts = Record<string, unknown>;

registerTransferMethod({
  name: 'histogram',
  summary: 'per-channel RGB histogram LUT (report §2.1.2)',
  targets: 'any',
  flags: [BINS, EXACT],
  run: (t, r, o: Opts) => histogramLutTransfer(t, r, { bins: o.bins as number, exact: o.exact as boolean }),
});

registerTransferMethod({
  name: 'histogram-yuv',
  summary: 'RGB then YUV histogram LUT with range normalisation (report §2.1.4)',
  targets: 'any',
  flags: [
    BINS,
    EXACT,
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
  run: (t, r, o: Opts) =>
    histogramYuvTransfer(t, r, {
      bins: o.bins as number,
      exact: o.exact as boolean,
      rgbFirst: o.rgbFirst as boolean | undefined,
      normalize: o.normalize as RangeNormalization,
    }),
});

registerTransferMethod({
  name: 'reinhard',
  summary: 'Reinhard et al. 2001 mean/std transfer in CIELAB or lαβ (colour targets)',
  targets: 'colour',
  grayAlternative: {
    method: 'welsh',
    option: { key: 'grayTarget', value: 'mean-chroma', gives: 'the constant-cast baseline' },
  },
  flags: [
    space(REINHARD_SPACES, 'lab'),
    {
      flags: '--gray-target <policy>',
      key: 'grayTarget',
      type: 'string',
      description: 'what to do with a gray target',
      choices: GRAY_TARGET_POLICIES,
      default: 'reject',
    },
  ],
  run: (t, r, o: Opts) =>
    reinhardTransfer(t, r, { space: o.space as ReinhardSpace, grayTarget: o.grayTarget as GrayTargetPolicy }),
});

registerTransferMethod({
  name: 'wavelet',
  summary: 'wavelet-coefficient merging with a λ vector (report §2.2)',
  targets: 'any',
  flags: [
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
    space(WAVELET_SPACES, 'rgb'),
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
      default: 8,
      min: 0.5,
      max: 1000,
    },
  ],
  run: (t, r, o: Opts) =>
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

registerTransferMethod({
  name: 'edge-aware',
  summary: 'histogram LUT from non-edge pixels only (report §2.3)',
  targets: 'any',
  flags: [
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
      default: 1,
      min: 0,
      max: 20,
    },
    BINS,
    EXACT,
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
    int(
      '--content-iterations <n>',
      'contentIterations',
      'projected gradient steps for --content-weight',
      50,
      1,
      10_000,
    ),
  ],
  run: (t, r, o: Opts) =>
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

registerTransferMethod({
  name: 'welsh',
  summary: 'Welsh et al. 2002 luminance + neighbourhood-std matching (gray targets)',
  targets: 'any',
  flags: [
    int('--samples <n>', 'samples', 'jittered reference samples', 200, 1, 100_000),
    int('--window <n>', 'window', 'odd side of the std neighbourhood', 5, 1, 99),
    {
      flags: '--weight <w>',
      key: 'weight',
      type: 'number',
      description: 'weight of luminance vs. std in the match',
      default: 0.5,
      min: 0,
      max: 1,
    },
    int('--seed <n>', 'seed', 'seed of the jittered sampling', 1, 0, 2 ** 32 - 1),
    space(WELSH_SPACES, 'lab'),
  ],
  run: (t, r, o: Opts) =>
    welshTransfer(t, r, {
      samples: o.samples as number,
      window: o.window as number,
      weight: o.weight as number,
      seed: o.seed as number,
      space: o.space as WelshSpace,
    }),
});
