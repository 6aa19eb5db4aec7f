/** Declares `welsh` (Welsh, Ashikhmin & Mueller 2002): a transfer method that the exemplar command offers too. */
import { transferMethod } from '../declare.js';
import { intOption, spaceOption } from '../option-helpers.js';
import { WELSH_SPACES, type WelshSpace, welshTransfer } from './welsh.js';

export const welshMethod = transferMethod({
  name: 'welsh',
  summary: 'Welsh et al. 2002 luminance + neighbourhood-std matching (gray targets)',
  paper: 'Welsh, Ashikhmin & Mueller 2002, Transferring Color to Greyscale Images',
  alsoIn: ['exemplar'],
  targets: 'any',
  browser: true,
  options: [
    intOption('--samples <n>', 'samples', 'jittered reference samples', 200, 1, 100_000),
    intOption('--window <n>', 'window', 'odd side of the std neighbourhood', 5, 1, 99),
    {
      flags: '--weight <w>',
      key: 'weight',
      type: 'number',
      description: 'weight of luminance vs. std in the match',
      default: 0.5,
      min: 0,
      max: 1,
    },
    intOption('--seed <n>', 'seed', 'seed of the jittered sampling', 1, 0, 2 ** 32 - 1),
    spaceOption(WELSH_SPACES, 'lab'),
  ],
  transfer: (t, r, o) =>
    welshTransfer(t, r, {
      samples: o.samples as number,
      window: o.window as number,
      weight: o.weight as number,
      seed: o.seed as number,
      space: o.space as WelshSpace,
    }),
});
