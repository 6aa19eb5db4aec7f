/**
 * Registers `colorize transfer --method superpixel` (IPOL 2024 Algorithm 3) with the transfer
 * registry. Imported once by cli/main.ts.
 */

import type { FeatureChoice } from '../../methods/exemplar/superpixel/options.js';
import { superpixelTransfer } from '../../methods/exemplar/superpixel/pipeline.js';
import { parseNumberFlag } from '../../methods/transfer/builtin.js';
import { registerTransferMethod, type TransferFlag } from '../../methods/transfer/registry.js';

const num = (flags: string, key: string, description: string): TransferFlag => ({
  flags,
  key,
  description,
  parse: parseNumberFlag,
});

/** Flags shared by `transfer --method superpixel` and `exemplar`. */
export const SUPERPIXEL_FLAGS: TransferFlag[] = [
  num('--tau <t>', 'tau', 'superpixel: softmax temperature τ of the attention (default 0.015, IPOL eq. 1/7)'),
  num('--delta-s <v>', 'deltaS', 'superpixel: spatial weight δs of the colour fusion (default 10, eq. 6)'),
  num('--delta-c <v>', 'deltaC', 'superpixel: colour weight δc of the colour fusion (default 0.1, eq. 6)'),
  num(
    '--superpixels <n>',
    'superpixels',
    'superpixel: SLIC superpixels per image (default 3⌊√(HW)⌋ at working size)',
  ),
  num('--working-size <px>', 'workingSize', 'superpixel: long side of the working images (default 256)'),
  {
    flags: '--features <name>',
    key: 'features',
    description: 'superpixel: vgg19|handcrafted (default vgg19 when its weights are found)',
  },
];

registerTransferMethod({
  name: 'superpixel',
  summary: 'non-local matching of superpixel VGG-19 features (Carrillo et al. 2022, IPOL 2024 Alg. 3)',
  targets: 'colour',
  grayHint: 'to colour a gray target from a colour reference use `colorize exemplar GRAY REFERENCE -o OUT`',
  flags: SUPERPIXEL_FLAGS,
  run: async (t, r, o) => {
    const res = await superpixelTransfer(t, r, {
      tau: o.tau as number | undefined,
      deltaS: o.deltaS as number | undefined,
      deltaC: o.deltaC as number | undefined,
      superpixels: o.superpixels as number | undefined,
      workingSize: o.workingSize as number | undefined,
      features: o.features as FeatureChoice | undefined,
    });
    for (const n of res.notices) process.stderr.write(`note: ${n}\n`);
    return res.rgb;
  },
});
