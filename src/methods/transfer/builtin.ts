/**
 * Registers the global transfer methods of issue 3 with the `transfer` registry. Another module
 * adds its method with one `registerTransferMethod(...)` call (here or in its own file imported
 * by the command).
 */
import type { EdgeKernelName } from '../../filters/edges.js';
import type { WaveletName } from '../../filters/wavelet.js';
import { edgeAwareTransfer } from './edge-aware/edge-aware.js';
import { histogramLutTransfer } from './histogram-lut/histogram-lut.js';
import { histogramYuvTransfer, type RangeNormalization } from './histogram-lut/histogram-yuv.js';
import { registerTransferMethod, type TransferFlag } from './registry.js';
import { type GrayTargetPolicy, type ReinhardSpace, reinhardTransfer } from './reinhard/reinhard.js';
import { type WaveletSpace, waveletTransfer } from './wavelet/wavelet-transfer.js';
import { type WelshSpace, welshTransfer } from './welsh/welsh.js';

/** A number when the text is one, else the text itself, so validation can quote what was typed. */
export function parseNumberFlag(raw: string): number | string {
  const t = raw.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : raw;
}

/** "0,0.2,0.4" or "0 0.2 0.4" → [0, 0.2, 0.4] (non-numbers kept as text for the error message). */
export function parseListFlag(raw: string): Array<number | string> {
  return raw
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(parseNumberFlag);
}

const num = (flags: string, key: string, description: string): TransferFlag => ({
  flags,
  key,
  description,
  parse: parseNumberFlag,
});
const text = (flags: string, key: string, description: string): TransferFlag => ({ flags, key, description });
const bool = (flags: string, key: string, description: string): TransferFlag => ({ flags, key, description });

const BINS = num('--bins <n>', 'bins', 'LUT levels per channel (default 256, report §2.1.2)');
const EXACT = bool('--exact', 'exact', 'full-resolution float CDF matching instead of the binned LUT');
const SPACE = text(
  '--space <space>',
  'space',
  'reinhard: lab|lalphabeta (default lab); wavelet: rgb|yuv|lab (default rgb); welsh: lab|yuv (default lab)',
);

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
    bool(
      '--no-rgb-first',
      'rgbFirst',
      'histogram-yuv: match YUV directly, without RGB matching first (report figure 8)',
    ),
    text('--normalize <mode>', 'normalize', 'histogram-yuv: report|clamp, back into [0, 1] (default report)'),
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
  grayHint:
    'use --method welsh for a gray target (or --gray-target mean-chroma for the constant-cast baseline)',
  flags: [
    SPACE,
    text(
      '--gray-target <policy>',
      'grayTarget',
      'reinhard: reject|mean-chroma, what to do with a gray target (default reject)',
    ),
  ],
  run: (t, r, o: Opts) =>
    reinhardTransfer(t, r, { space: o.space as ReinhardSpace, grayTarget: o.grayTarget as GrayTargetPolicy }),
});

registerTransferMethod({
  name: 'wavelet',
  summary: 'wavelet-coefficient merging with a λ vector (report §2.2)',
  targets: 'any',
  flags: [
    num('--levels <k>', 'levels', 'wavelet: decomposition levels k (default |λ|−1, or 10)'),
    {
      flags: '--lambda <list>',
      key: 'lambda',
      description:
        'wavelet: k+1 weights in [0,1], λ₀ (low-pass) then coarse→fine (default 0,0.2,0.4,0.6,0.8,1,…)',
      parse: parseListFlag,
    },
    text('--wavelet <name>', 'wavelet', 'wavelet: haar|db2|db4 (default haar)'),
    SPACE,
    bool('--pre-match', 'preMatch', 'wavelet: histogram-match RGB before merging (report figure 14)'),
    num(
      '--contrast <gain>',
      'contrast',
      'wavelet: localized contrast gain on the target first (default 1 = off)',
    ),
    num('--contrast-sigma <px>', 'contrastSigma', 'wavelet: σ of the local mean for --contrast (default 8)'),
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
    num('--threshold <t>', 'threshold', 'edge-aware: pixels with edge probability < t count (default 0.01)'),
    text(
      '--kernel <name>',
      'kernel',
      'edge-aware: horizontal|vertical|laplacian4|laplacian8 (default laplacian4)',
    ),
    num('--edge-sigma <px>', 'edgeSigma', 'edge-aware: Gaussian σ before the edge kernel (default 1)'),
    BINS,
    EXACT,
  ],
  run: (t, r, o: Opts) =>
    edgeAwareTransfer(t, r, {
      threshold: o.threshold as number,
      kernel: o.kernel as EdgeKernelName,
      edgeSigma: o.edgeSigma as number,
      bins: o.bins as number,
      exact: o.exact as boolean,
    }),
});

registerTransferMethod({
  name: 'welsh',
  summary: 'Welsh et al. 2002 luminance + neighbourhood-std matching (gray targets)',
  targets: 'any',
  flags: [
    num('--samples <n>', 'samples', 'welsh: jittered reference samples (default 200)'),
    num('--window <n>', 'window', 'welsh: odd side of the std neighbourhood (default 5)'),
    num('--weight <w>', 'weight', 'welsh: weight of luminance vs. std in the match (default 0.5)'),
    num('--seed <n>', 'seed', 'welsh: seed of the jittered sampling (default 1)'),
    SPACE,
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
