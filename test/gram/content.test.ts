import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { fromPlanes } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { GRAM_DEFAULTS, type GramOptions } from '../../src/methods/exemplar/gram/options.js';
import { gramColorize, gramWorkingSize } from '../../src/methods/exemplar/gram/pipeline.js';
import { ssim } from '../../src/metrics/ssim.js';
import { findModelFile } from '../../src/models/locate.js';
import { SHARED } from '../helpers/shared.js';

const dir = path.join(SHARED, 'data/exemplar');
const skip =
  (findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found') ||
  (!existsSync(path.join(dir, '002_target.png')) && '../shared/data/exemplar not found');

/** SSIM of the optimised image's luma to the gray target at working size, and the content curve. */
async function run(id: string, o: GramOptions) {
  const [g, r] = await Promise.all(
    ['target', 'reference'].map((k) => readImage(path.join(dir, `${id}_${k}.png`))),
  );
  const res = await gramColorize(g.image, r.image, { tolerance: 0, ...o });
  const ws = gramWorkingSize(g.image.width, g.image.height, o.workingSize ?? GRAM_DEFAULTS.workingSize);
  const target = resizeImage(g.image, ws.width, ws.height, 'area');
  const y = fromPlanes(ws.width, ws.height, [lumaOf(res.optimized)]);
  return { ssimY: ssim(y, target), content: res.progress.map((p) => p.content) };
}

/**
 * Gatys's content term is a sum over positions and his style term is not, so the balance of the
 * report's weights at its 256² working size is, at 64² (1/16 of the positions, weights acting
 * squared), content weight 4 with style 500. The rgb parametrisation (the pixels optimised;
 * 'chroma', the default, holds the luma by construction and is tested in chroma.test.ts).
 */
const RGB_AT_64: GramOptions = {
  workingSize: 64,
  levels: 1,
  iterations: 12,
  contentLayers: { conv3_1: 4 },
  parametrization: 'rgb',
};

test('Gram, report weights: the content term holds on a real pair (content falls, luma follows the target)', {
  skip,
}, async () => {
  const neu = await run('002', RGB_AT_64);
  const old = await run('002', { ...RGB_AT_64, contentLayers: { conv3_1: 1 }, normalization: 'relative' });
  // The content loss falls while the style is fitted (measured 1.67e6 → 1.46e6)…
  assert.ok(neu.content.at(-1)! < 0.93 * neu.content[0], `content ${neu.content[0]} → ${neu.content.at(-1)}`);
  // …whereas the old relative normalisation lets it rise (0.80 → 1.63: the defect this replaces),
  // and the optimised image's luma follows the target's structure far better (SSIM 0.62 against 0.43).
  assert.ok(old.content.at(-1)! > old.content[0], `old: content ${old.content[0]} → ${old.content.at(-1)}`);
  assert.ok(neu.ssimY > old.ssimY + 0.1, `SSIM of luma ${neu.ssimY} (old ${old.ssimY})`);
});

test('Gram, rgb with the luma fidelity term (lumaWeight β): the optimised luma follows the target', {
  skip,
}, async () => {
  // Same run as above; β Σ (Y(X) − Y_t)² pulls the optimised image's luma to the target's, which
  // a wrong sign or factor in its gradient would not. Measured: SSIM_Y 0.62 (β = 0), 0.62
  // (β = 10³: at 64² the sum has 1/16 of the 256² terms), 0.88 (β = 10⁵).
  const plain = await run('002', RGB_AT_64);
  const held = await run('002', { ...RGB_AT_64, lumaWeight: 1e5 });
  assert.ok(
    held.ssimY > 0.8 && held.ssimY > plain.ssimY + 0.15,
    `SSIM_Y ${held.ssimY} (β = 0: ${plain.ssimY})`,
  );
});
