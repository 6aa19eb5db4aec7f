/** Declares `reinhard` (Reinhard et al. 2001; report §2.1.1). */

import { transferMethod } from '../declare.js';
import { spaceOption } from '../option-helpers.js';
import {
  GRAY_TARGET_POLICIES,
  type GrayTargetPolicy,
  REINHARD_SPACES,
  type ReinhardSpace,
  reinhardTransfer,
} from './reinhard.js';

export const reinhardMethod = transferMethod({
  name: 'reinhard',
  summary: 'Reinhard et al. 2001 mean/std transfer in CIELAB or lαβ (colour targets)',
  paper: 'Reinhard, Ashikhmin, Gooch & Shirley 2001, Color Transfer between Images',
  targets: 'colour',
  grayAlternative: {
    method: 'welsh',
    option: { key: 'grayTarget', value: 'mean-chroma', gives: 'the constant-cast baseline' },
  },
  browser: true,
  options: [
    spaceOption(REINHARD_SPACES, 'lab'),
    {
      flags: '--gray-target <policy>',
      key: 'grayTarget',
      type: 'string',
      description: 'what to do with a gray target',
      choices: GRAY_TARGET_POLICIES,
      default: 'reject',
    },
  ],
  transfer: (t, r, o) =>
    reinhardTransfer(t, r, { space: o.space as ReinhardSpace, grayTarget: o.grayTarget as GrayTargetPolicy }),
});
