/**
 * The faster term search of colourFusion (per-pixel windows on the gray level or, for an RGB guide,
 * its luma projection, by colour reach; a tighter bound from the superpixels nearest in that key;
 * 16 × 16 tiles) against the previous
 * search (test/helpers/previous-fusion.ts, the code before the change): both keep exactly the
 * terms within κ² σ_g(p) of each pixel's best one, so the fused colours may differ only by the
 * order of the sums (float rounding), on real photos, for both normalisations and for settings
 * where the spatial bound prunes (small δs, fixed σ_g) — and the new search computes fewer terms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readImage } from '../../src/image/io.js';
import { colourFusion, type FusionOptions } from '../../src/methods/exemplar/superpixel/fusion.js';
import { fusionOptionsOf, SUPERPIXEL_DEFAULTS } from '../../src/methods/exemplar/superpixel/options.js';
import { fusionProblem } from '../helpers/literal-fusion.js';
import { previousColourFusion } from '../helpers/previous-fusion.js';
import { dataPath } from '../helpers/shared.js';

const load = async (f: string) => (await readImage(dataPath('exemplar', f))).image;

const defaults: FusionOptions = fusionOptionsOf(SUPERPIXEL_DEFAULTS);

for (const [name, target, reference, mode, size] of [
  ['colorization, hard set 002 at 128 px', '002_target.png', '002_reference.png', 'colorize', 128],
  [
    'colorization, transfer_8 pair at 200 px',
    'transfer_8_target.jpg',
    'transfer_8_reference.jpg',
    'colorize',
    200,
  ],
  [
    'colour transfer, transfer_1 at 96 px',
    'transfer_1_target.png',
    'transfer_1_reference.png',
    'transfer',
    96,
  ],
] as const) {
  test(`fusion search (${name}): same colours as the previous search, fewer terms`, async () => {
    const pr = await fusionProblem(await load(target), await load(reference), mode, size);
    for (const o of [
      defaults,
      { ...defaults, normalise: 'fixed' as const },
      { ...defaults, normalise: 'fixed' as const, deltaS: 1, cutoff: 9 },
      { ...defaults, deltaS: 2, deltaC: 0.5, sigmaG: 3 },
    ]) {
      const rNew = { effectiveSuperpixels: 0, termsPerPixel: 0 };
      const rOld = { effectiveSuperpixels: 0, termsPerPixel: 0 };
      const a = colourFusion(pr.guide, pr.sp, pr.C, o, rNew);
      const b = previousColourFusion(pr.guide, pr.sp, pr.C, o, rOld);
      let worst = 0;
      for (let c = 0; c < 3; c++)
        for (let p = 0; p < a[c].length; p++) worst = Math.max(worst, Math.abs(a[c][p] - b[c][p]));
      const label = JSON.stringify(o);
      assert.ok(worst <= 1e-6, `${label}: max |new − previous| ${worst}`);
      assert.ok(
        Math.abs(rNew.effectiveSuperpixels - rOld.effectiveSuperpixels) <= 1e-9 * rOld.effectiveSuperpixels,
        `${label}: effective superpixels ${rNew.effectiveSuperpixels} vs ${rOld.effectiveSuperpixels}`,
      );
      assert.ok(
        rNew.termsPerPixel < rOld.termsPerPixel,
        `${label}: ${rNew.termsPerPixel} terms per pixel, previously ${rOld.termsPerPixel}`,
      );
    }
  });
}
