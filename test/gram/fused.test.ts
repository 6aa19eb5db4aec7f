import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromPlanes, type ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { jsMatrixOps } from '../../src/methods/exemplar/gram/loss.js';
import { onnxMatrixOps } from '../../src/methods/exemplar/gram/matrix-ops.js';
import { VggNetwork } from '../../src/methods/exemplar/gram/network.js';
import { GramObjective } from '../../src/methods/exemplar/gram/objective.js';
import { GRAM_DEFAULTS, GRAM_NORMALIZATIONS } from '../../src/methods/exemplar/gram/options.js';
import { gramColorize } from '../../src/methods/exemplar/gram/pipeline.js';
import { findModelFile } from '../../src/models/locate.js';
import type { VggConvName } from '../../src/models/vgg19-grad.js';
import { seededRandom } from '../../src/random.js';
import { assertGradientByCentralDifferences, planesNorm, randomImage } from '../helpers/gradient-check.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';

const LAYERS = ['conv1_1', 'conv1_2', 'conv2_1', 'conv2_2', 'conv3_1'] as VggConvName[];

/** ‖a − b‖ / ‖b‖ over the three gradient planes. */
function relDiff(a: Float32Array[], b: Float32Array[]): number {
  let s = 0;
  a.forEach((p, k) => {
    for (let i = 0; i < p.length; i++) s += (p[i] - b[k][i]) ** 2;
  });
  return Math.sqrt(s) / planesNorm(b);
}

/**
 * The fused graph (forward, losses, backward in one ONNX run) against the reference path it
 * replaces (features graph, TypeScript loss gradients with the Gram products in TypeScript
 * loops, separate backward graph) on the project's real photo pair at 64 × 44, at the
 * optimiser's starting image (average of content and style) and at a point along the way, for
 * both normalisations and non-default layer choices (content on two layers, style skipping
 * conv1_2; no content layer). Measured: loss within 3e-7 relative, gradient within 1e-7
 * (float32 sums in a different order); a 1 % error in the style gradient's factor shows as 1e-2.
 */
test('fused Gram objective: loss and image gradient equal the separate TypeScript path on a real photo pair', {
  skip,
}, async () => {
  const { image: gray } = await readImage('examples/scene_gray.png');
  const { image: ref } = await readImage('examples/sunset.png');
  const w = 64;
  const h = 44;
  const y = resizeImage(gray, w, h, 'area').channels[0];
  const content = fromPlanes(w, h, [y.slice(), y.slice(), y.slice()]);
  const style = resizeImage(ref, 60, 40, 'area');
  const styleOnGrid = resizeImage(ref, w, h, 'area');
  const start = fromPlanes(
    w,
    h,
    content.channels.map((c, k) => Float32Array.from(c, (v, i) => 0.5 * (v + styleOnGrid.channels[k][i]))),
  );
  const rnd = seededRandom(3);
  const moved: ImageF32 = {
    ...start,
    channels: start.channels.map((c) =>
      Float32Array.from(c, (v) => Math.min(1, Math.max(0, v + 0.1 * (rnd() - 0.5)))),
    ),
  };
  const net = await VggNetwork.open(LAYERS);
  const choices: Array<[Partial<Record<VggConvName, number>>, Partial<Record<VggConvName, number>>]> = [
    [GRAM_DEFAULTS.contentLayers, GRAM_DEFAULTS.styleLayers],
    [
      { conv2_2: 0.5, conv3_1: 2 },
      { conv1_1: 200, conv2_1: 500, conv2_2: 100, conv3_1: 300 },
    ],
    // No content layer (the graph's content output is then a constant 0) and a shallower net.
    [{}, { conv1_1: 500, conv2_1: 500 }],
  ];
  for (const normalization of GRAM_NORMALIZATIONS)
    for (const [cl, sl] of choices) {
      const make = (evaluation: 'fused' | 'separate') =>
        GramObjective.create(net, jsMatrixOps, content, style, cl, sl, normalization, evaluation);
      const [fused, separate] = await Promise.all([make('fused'), make('separate')]);
      for (const x of [start, moved]) {
        const a = await fused.evaluate(x);
        const b = await separate.evaluate(x);
        const what = `${normalization} ${JSON.stringify(cl)}`;
        assert.ok((Object.keys(cl).length === 0 ? b.content === 0 : b.content > 0) && b.style > 0, what);
        for (const k of ['loss', 'content', 'style'] as const)
          assert.ok(Math.abs(a[k] - b[k]) <= 5e-6 * b[k], `${what} ${k}: fused ${a[k]} vs separate ${b[k]}`);
        const d = relDiff(a.grad, b.grad);
        assert.ok(d <= 1e-6, `${what}: gradient differs by ${d} relative`);
      }
    }
});

/**
 * Central differences of the fused objective's own loss along its gradient and along random
 * directions (same tolerances as the separate path's check in objective.test.ts: float32
 * features and ReLU kinks, ~1 %).
 */
test('fused Gram objective: image gradient matches central differences of its loss', { skip }, async () => {
  const w = 16;
  const h = 12;
  const rnd = seededRandom(11);
  const net = await VggNetwork.open(LAYERS);
  const content = randomImage(w, h, rnd);
  const style = randomImage(20, 16, rnd);
  const x = randomImage(w, h, rnd);
  for (const normalization of GRAM_NORMALIZATIONS) {
    const obj = await GramObjective.create(
      net,
      await onnxMatrixOps(),
      content,
      style,
      { conv3_1: 1 },
      Object.fromEntries(LAYERS.map((l) => [l, 500])),
      normalization,
      'fused',
    );
    const e = await obj.evaluate(x);
    assert.ok(planesNorm(e.grad) > 0);
    await assertGradientByCentralDifferences(
      async (img) => (await obj.evaluate(img)).loss,
      x,
      e.grad,
      rnd,
      3,
      normalization,
    );
  }
});

test('gram colorization: the fused and separate evaluation paths give the same run', { skip }, async () => {
  const { image: gray } = await readImage('examples/scene_gray.png');
  const { image: ref } = await readImage('examples/sunset.png');
  const o = { workingSize: 64, iterations: 5 } as const;
  const a = await gramColorize(gray, ref, { ...o, evaluation: 'fused' });
  const b = await gramColorize(gray, ref, { ...o, evaluation: 'separate' });
  assert.equal(a.progress.length, b.progress.length);
  a.progress.forEach((p, i) => {
    assert.ok(Math.abs(p.loss - b.progress[i].loss) <= 1e-3 * b.progress[i].loss, `iteration ${i}`);
  });
  let worst = 0;
  a.optimized.channels.forEach((c, k) => {
    for (let i = 0; i < c.length; i++) worst = Math.max(worst, Math.abs(c[i] - b.optimized.channels[k][i]));
  });
  assert.ok(worst < 2e-3, `optimised images differ by up to ${worst}`);
});
