/**
 * Registers `superpixel` (IPOL 2024 Algorithm 3, colour transfer between two colour images) with
 * the transfer registry, for `colorize transfer --method superpixel` and the service. Imported
 * where the built-in transfer methods are (cli/commands/transfer.ts, server/builtin-methods.ts,
 * the library's index), not by transfer/builtin.ts: that one is also bundled into the studio's
 * Web Worker, which cannot run this method. The pipeline (and ONNX Runtime with it) is loaded on
 * the first run.
 */
import { registerTransferMethod, type TransferFlag } from '../../transfer/registry.js';
import { FEATURE_CHOICES, type FeatureChoice, SUPERPIXEL_DEFAULTS } from './options.js';

const real = (
  flags: string,
  key: string,
  description: string,
  dflt: number,
  source: string,
): TransferFlag => ({
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
export const SUPERPIXEL_FLAGS: TransferFlag[] = [
  real('--tau <t>', 'tau', 'softmax temperature τ of the attention', SUPERPIXEL_DEFAULTS.tau, 'IPOL eq. 1/7'),
  real(
    '--delta-s <v>',
    'deltaS',
    'spatial weight δs of the colour fusion; larger δs = position counts less (eq. 5 uses Σ⁻¹)',
    SUPERPIXEL_DEFAULTS.deltaS,
    'eq. 6',
  ),
  real(
    '--delta-c <v>',
    'deltaC',
    'colour weight δc of the colour fusion; larger δc = colour counts less (eq. 5 uses Σ⁻¹)',
    SUPERPIXEL_DEFAULTS.deltaC,
    'eq. 6',
  ),
  {
    flags: '--superpixels <n>',
    key: 'superpixels',
    type: 'number',
    integer: true,
    description: 'SLIC superpixels per image',
    defaultText: '3⌊√(HW)⌋ at working size',
    min: 2,
    max: 100_000,
  },
  {
    flags: '--working-size <px>',
    key: 'workingSize',
    type: 'number',
    integer: true,
    description: 'long side of the working images',
    default: SUPERPIXEL_DEFAULTS.workingSize,
    min: 16,
    max: 8192,
  },
  {
    flags: '--features <name>',
    key: 'features',
    type: 'string',
    description: 'auto = vgg19 when its weights are found, else handcrafted with a note',
    choices: FEATURE_CHOICES,
    default: 'auto',
  },
];

registerTransferMethod({
  name: 'superpixel',
  summary: 'non-local matching of superpixel VGG-19 features (Carrillo et al. 2022, IPOL 2024 Alg. 3)',
  targets: 'colour',
  grayAlternative: { exemplar: true },
  flags: SUPERPIXEL_FLAGS,
  debugPictures: true,
  run: async (t, r, o, context) => {
    const { superpixelTransfer } = await import('./pipeline.js');
    const res = await superpixelTransfer(t, r, {
      tau: o.tau as number | undefined,
      deltaS: o.deltaS as number | undefined,
      deltaC: o.deltaC as number | undefined,
      superpixels: o.superpixels as number | undefined,
      workingSize: o.workingSize as number | undefined,
      features: o.features as FeatureChoice | undefined,
      debug: context?.debugImage !== undefined,
    });
    for (const n of res.notices) context?.notice?.(n);
    for (const [name, image] of Object.entries(res.debug ?? {})) await context?.debugImage?.(name, image);
    return res.rgb;
  },
});
