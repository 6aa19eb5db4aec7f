/**
 * Inference with the committed networks (models/cheng, trained by training/cheng): the TypeScript
 * forward pass reproduces the trained network's outputs stored by train.py, ONNX Runtime agrees,
 * and the model files are decoded consistently.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mlpForward, mlpForwardOrt } from '../../src/methods/automatic/cheng/mlp.js';
import { loadChengModel } from '../../src/methods/automatic/cheng/model.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(
  readFileSync(process.env.CHENG_REFERENCE ?? path.join(here, 'mlp-reference.json'), 'utf8'),
) as { network: string; inputs: number[][]; outputs: number[][] };

describe('Deep Colorization networks', () => {
  const model = loadChengModel();
  const net = model.networks.get(ref.network);

  it('has the paper architecture: input = descriptor, three hidden layers of half width, 2 outputs', () => {
    assert.ok(net);
    const d = net.sizes[0];
    assert.deepEqual(net.sizes, [d, d >> 1, d >> 1, d >> 1, 2]);
    assert.equal(d, 49 + 32 + (model.semantic?.classes ?? 0));
    for (const c of model.clusters) assert.deepEqual(c.network.sizes, net.sizes);
    assert.ok(model.clusters.length >= 2, 'adaptive clustering produced clusters');
  });

  it('TypeScript inference equals the trained network’s stored outputs within 1e-5', () => {
    assert.ok(net);
    const x = Float32Array.from(ref.inputs.flat());
    const y = mlpForward(net, x, ref.inputs.length);
    let max = 0;
    ref.outputs.flat().forEach((v, i) => {
      max = Math.max(max, Math.abs(v - y[i]));
    });
    assert.ok(max < 1e-5, `max difference ${max}`);
    assert.ok(
      ref.outputs.flat().some((v) => Math.abs(v) > 1e-3),
      'reference outputs are not all zero',
    );
  });

  it('ONNX Runtime inference equals the TypeScript forward pass', async () => {
    assert.ok(net);
    const x = Float32Array.from(ref.inputs.flat());
    const a = mlpForward(net, x, ref.inputs.length);
    const b = await mlpForwardOrt(net, x, ref.inputs.length);
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-5, `${i}: ${a[i]} vs ${b[i]}`);
  });
});
