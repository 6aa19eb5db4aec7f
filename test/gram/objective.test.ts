import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsMatrixOps } from '../../src/methods/exemplar/gram/loss.js';
import { VggNetwork } from '../../src/methods/exemplar/gram/network.js';
import { GramObjective } from '../../src/methods/exemplar/gram/objective.js';
import { GRAM_NORMALIZATIONS } from '../../src/methods/exemplar/gram/options.js';
import { findModelFile } from '../../src/models/locate.js';
import { seededRandom } from '../../src/random.js';
import { assertGradientByCentralDifferences, randomImage } from '../helpers/gradient-check.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';

/**
 * The whole objective (content on conv3_1, style on conv1_1 … conv3_1, the report's weights) under
 * each normalisation: its directional derivative along the gradient and along a random direction
 * against central differences of the loss itself (float32 features and ReLU kinks: ~1 %).
 */
test('Gram objective: image gradient matches central differences for every normalisation', {
  skip,
}, async () => {
  const w = 16;
  const h = 12;
  const layers = ['conv1_1', 'conv1_2', 'conv2_1', 'conv2_2', 'conv3_1'] as const;
  const net = await VggNetwork.open([...layers]);
  const content = randomImage(w, h, seededRandom(1));
  const style = randomImage(20, 16, seededRandom(2));
  const x = randomImage(w, h, seededRandom(3));
  for (const normalization of GRAM_NORMALIZATIONS) {
    const obj = await GramObjective.create(
      net,
      jsMatrixOps,
      content,
      style,
      { conv3_1: 1 },
      Object.fromEntries(layers.map((l) => [l, 500])),
      normalization,
    );
    const e = await obj.evaluate(x);
    assert.ok(e.content > 0 && e.style > 0);
    assert.ok(Math.abs(e.loss - e.content - e.style) <= 1e-9 * e.loss);
    await assertGradientByCentralDifferences(
      async (img) => (await obj.evaluate(img)).loss,
      x,
      e.grad,
      seededRandom(9),
      2,
      normalization,
    );
  }
});

test("Gram objective 'gatys': equals Gatys et al.'s eq. 1 + 4 evaluated literally on mean-activation-normalised features", {
  skip,
}, async () => {
  // Same size for content, style and image, so the literal (unnormalised) Gram products apply.
  const w = 16;
  const h = 12;
  const layers = ['conv1_1', 'conv2_1', 'conv3_1'] as const;
  const net = await VggNetwork.open([...layers]);
  const content = randomImage(w, h, seededRandom(4));
  const style = randomImage(w, h, seededRandom(5));
  const x = randomImage(w, h, seededRandom(6));
  const wc = 0.7;
  const ws = { conv1_1: 300, conv2_1: 500, conv3_1: 200 };
  const obj = await GramObjective.create(net, jsMatrixOps, content, style, { conv3_1: wc }, ws, 'gatys');
  const e = await obj.evaluate(x);
  const [fx, fc, fs] = await Promise.all([x, content, style].map((im) => net.features(im)));
  let literalContent = 0;
  let literalStyle = 0;
  layers.forEach((name, l) => {
    const N = fx[l].channels;
    const M = fx[l].width * fx[l].height;
    const meanRelu = (d: Float32Array) => d.reduce((a, v) => a + Math.max(v, 0), 0) / d.length;
    const s = (meanRelu(fc[l].data) + meanRelu(fs[l].data)) / 2;
    const F = (d: Float32Array, i: number, k: number) => d[i * M + k] / s;
    if (name === 'conv3_1') {
      let sum = 0;
      for (let i = 0; i < N * M; i++) sum += (fx[l].data[i] / s - fc[l].data[i] / s) ** 2;
      literalContent += wc ** 2 * 0.5 * sum;
    }
    let sum = 0;
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        let g = 0;
        let a = 0;
        for (let k = 0; k < M; k++) {
          g += F(fx[l].data, i, k) * F(fx[l].data, j, k);
          a += F(fs[l].data, i, k) * F(fs[l].data, j, k);
        }
        sum += (g - a) ** 2;
      }
    literalStyle += ws[name] ** 2 * (sum / (4 * N * N * M * M));
  });
  assert.ok(
    Math.abs(e.content - literalContent) <= 1e-4 * literalContent,
    `content ${e.content} vs ${literalContent}`,
  );
  assert.ok(Math.abs(e.style - literalStyle) <= 1e-4 * literalStyle, `style ${e.style} vs ${literalStyle}`);
});
