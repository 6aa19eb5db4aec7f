import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentLoss, gramMatrix, jsMatrixOps, styleLoss } from '../../src/methods/exemplar/gram/loss.js';
import { onnxMatrixOps } from '../../src/methods/exemplar/gram/matrix-ops.js';
import { adam, lbfgs, plateaued } from '../../src/methods/exemplar/gram/optimizers.js';
import { layerName, parseLayerWeights, resolveGramOptions } from '../../src/methods/exemplar/gram/options.js';
import { seededRandom } from '../../src/random.js';

const fmap = (channels: number, data: number[]) => ({
  channels,
  width: data.length / channels,
  height: 1,
  data: new Float32Array(data),
});

test('Gram matrix: known answer with the F Fᵀ / (C·M) normalisation', () => {
  // F = [[1, 2], [3, 4]]: F Fᵀ = [[5, 11], [11, 25]], C·M = 4.
  assert.deepEqual(Array.from(gramMatrix(fmap(2, [1, 2, 3, 4]))), [1.25, 2.75, 2.75, 6.25]);
});

test('content loss: known value and gradient 2 (F − P) / ‖P‖²', () => {
  const g = new Float32Array(2);
  const r = contentLoss(fmap(1, [1, 1]), fmap(1, [0, 2]), 3, g);
  assert.equal(r.value, 2 / 4);
  assert.deepEqual(Array.from(g), [(3 * 2 * 1) / 4, (3 * 2 * -1) / 4]);
});

test('style loss: known value; gradient matches central differences; ONNX products match the loops', async () => {
  const a = gramMatrix(fmap(1, [2, 0])); // [[2]]
  assert.equal((await styleLoss(fmap(1, [1, 1]), a)).value, 0.25); // G = [[1]]: (1 − 2)² / 2²
  const rnd = seededRandom(3);
  const c = 3;
  const m = 5;
  const f = fmap(
    c,
    Array.from({ length: c * m }, () => rnd()),
  );
  const target = gramMatrix(
    fmap(
      c,
      Array.from({ length: c * m }, () => rnd()),
    ),
  );
  const g = new Float32Array(c * m);
  await styleLoss(f, target, 2, g);
  for (let i = 0; i < c * m; i++) {
    const h = 1e-3;
    const at = async (d: number) => {
      const data = Float32Array.from(f.data);
      data[i] += d;
      return 2 * (await styleLoss({ ...f, data }, target)).value;
    };
    const fd = ((await at(h)) - (await at(-h))) / (2 * h);
    assert.ok(Math.abs(fd - g[i]) < 1e-3 * Math.max(1, Math.abs(g[i])), `entry ${i}: ${fd} vs ${g[i]}`);
  }
  const ops = await onnxMatrixOps();
  const g2 = new Float32Array(c * m);
  const v1 = (await styleLoss(f, target, 2, undefined, jsMatrixOps)).value;
  const v2 = (await styleLoss(f, target, 2, g2, ops)).value;
  assert.ok(Math.abs(v1 - v2) < 1e-5 * v1);
  for (let i = 0; i < c * m; i++) assert.ok(Math.abs(g[i] - g2[i]) < 1e-4 * Math.max(1, Math.abs(g[i])));
});

test('Adam and L-BFGS decrease a small least-squares loss; the adaptive stop fires on a plateau', async () => {
  const rnd = seededRandom(5);
  const n = 20;
  const target = Float32Array.from({ length: n }, () => rnd());
  const f = async (x: Float32Array) => {
    let loss = 0;
    const grad = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const d = x[i] - target[i];
      loss += (i + 1) * d * d;
      grad[i] = 2 * (i + 1) * d;
    }
    return { loss, grad };
  };
  const x0 = new Float32Array(n).fill(0.5);
  const a = await adam(f, x0, {
    iterations: 300,
    tolerance: 1e-4,
    window: 10,
    learningRate: 0.05,
    bounds: [0, 1],
  });
  assert.ok(a.losses.at(-1)! < 0.01 * a.losses[0], `adam: ${a.losses[0]} → ${a.losses.at(-1)}`);
  const l = await lbfgs(f, x0, { iterations: 100, tolerance: 1e-6, window: 5, learningRate: 0.1 });
  assert.ok(l.losses.at(-1)! < 1e-6 * l.losses[0], `lbfgs: ${l.losses[0]} → ${l.losses.at(-1)}`);
  // The report's L-BFGS: unit step, no line search, one evaluation per iteration; on this
  // quadratic the two-loop direction is exact enough that it still converges.
  const u = await lbfgs(f, x0, {
    iterations: 60,
    tolerance: 1e-9,
    window: 5,
    learningRate: 0.1,
    lineSearch: false,
  });
  assert.equal(u.evaluations, u.iterations + 1);
  assert.ok(u.losses.at(-1)! < 1e-6 * u.losses[0], `lbfgs without line search: ${u.losses.at(-1)}`);
  // Without a line search a too-long first step is taken as is (the loss rises), with one it is not.
  const far = { iterations: 1, tolerance: 0, window: 5, learningRate: 5 };
  assert.ok((await lbfgs(f, x0, { ...far, lineSearch: false })).losses[1] > a.losses[0]);
  assert.ok((await lbfgs(f, x0, far)).losses[1] < a.losses[0]);
  assert.equal(plateaued([10, 9, 8.99, 8.99, 8.99], 3, 0.01), true);
  assert.equal(plateaued([10, 9, 8, 7, 6], 3, 0.01), false);
});

test('layer names: report numbering maps onto conv1_1 … conv3_4; blocks 4–5 and typos are usage errors', () => {
  assert.equal(layerName('conv_5'), 'conv3_1');
  assert.deepEqual(parseLayerWeights('conv_1:200,conv2_2', 500), { conv1_1: 200, conv2_2: 500 });
  assert.throws(() => layerName('conv_9'), /blocks 4–5/);
  assert.throws(() => layerName('conv4_1'), /blocks 4–5/);
  assert.throws(() => layerName('relu1_1'), /unknown layer/);
  assert.throws(() => resolveGramOptions({ styleLayers: {} }), /styleLayers/);
  assert.throws(() => resolveGramOptions({ optimizer: 'sgd' as never }), /optimizer/);
  const d = resolveGramOptions();
  assert.deepEqual(Object.keys(d.styleLayers), ['conv1_1', 'conv1_2', 'conv2_1', 'conv2_2', 'conv3_1']);
  assert.deepEqual(d.contentLayers, { conv3_1: 1 });
});
