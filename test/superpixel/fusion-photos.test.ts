/**
 * Colour fusion on real photos (../shared/data/exemplar) against the literal eq. 4–6 sum
 * (test/helpers/literal-fusion.ts: every d(p, i), every W(p, j), no reordering, no truncation):
 * the relative truncation must stay within 1 ΔE_ab everywhere, for colorization (gray guide)
 * and colour transfer (RGB guide), with σ_g fixed and normalised per pixel. The previous absolute
 * truncation is checked to fail the same bound, so the comparison can tell them apart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readImage } from '../../src/image/io.js';
import { colourFusion, type FusionOptions } from '../../src/methods/exemplar/superpixel/fusion.js';
import { fusionOptionsOf, SUPERPIXEL_DEFAULTS } from '../../src/methods/exemplar/superpixel/options.js';
import { deltaE, fusionProblem, literalFusion } from '../helpers/literal-fusion.js';
import { dataPath } from '../helpers/shared.js';

const load = async (f: string) => (await readImage(dataPath('exemplar', f))).image;
const maxOf = (a: Float64Array) => a.reduce((m, v) => Math.max(m, v), 0);

const defaults: FusionOptions = fusionOptionsOf(SUPERPIXEL_DEFAULTS);

for (const [name, target, reference, mode] of [
  ['colorization, hard set 002', '002_target.png', '002_reference.png', 'colorize'],
  ['colorization, hard set 026', '026_target.png', '026_reference.png', 'colorize'],
  ['colour transfer, transfer_1', 'transfer_1_target.png', 'transfer_1_reference.png', 'transfer'],
] as const) {
  test(`fusion on real photos (${name}): within 1 ΔE_ab of the literal eq. 4`, async () => {
    const pr = await fusionProblem(await load(target), await load(reference), mode, 80);
    const { width: W, height: H } = pr.sp;
    for (const o of [defaults, { ...defaults, normalise: 'fixed' as const, sigmaG: 1 }]) {
      const exact = literalFusion(pr, o);
      const dE = deltaE(W, H, colourFusion(pr.guide, pr.sp, pr.C, o), exact);
      assert.ok(maxOf(dE) <= 1, `${o.normalise}: max ΔE_ab ${maxOf(dE).toFixed(2)}`);
    }
  });
}

test('fusion on real photos: the previous absolute truncation (κ² = 9 on the spatial term) misses the literal sum by > 1 ΔE_ab', async () => {
  const pr = await fusionProblem(
    await load('002_target.png'),
    await load('002_reference.png'),
    'colorize',
    80,
  );
  const o = { ...defaults, normalise: 'fixed' as const, sigmaG: 1 };
  const dE = deltaE(pr.sp.width, pr.sp.height, literalFusion(pr, o, 9), literalFusion(pr, o));
  assert.ok(maxOf(dE) > 1, `max ΔE_ab ${maxOf(dE).toFixed(2)}`);
});
