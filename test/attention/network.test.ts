/**
 * The committed ONNX network against PyTorch: training/attention/train.py writes, next to the
 * exported network, the outputs PyTorch computed for known inputs (input k = |sin(0.01·i + k)|).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  ATTENTION_NET_FILE,
  REFERENCE_INPUTS,
  TARGET_INPUTS,
} from '../../src/methods/exemplar/attention/index.js';
import { runAttentionNetwork } from '../../src/methods/exemplar/attention/network.js';
import { findModelFile } from '../../src/models/locate.js';

const net = findModelFile(ATTENTION_NET_FILE);
const skip = net === null && 'models/attention/net.onnx not found';

const SHAPES: Record<string, [number, number]> = {
  t_relu1_1: [64, 128],
  t_relu2_1: [128, 64],
  t_relu3_1: [256, 32],
  t_s8: [32, 16],
  t_s16: [96, 8],
  t_s32: [1280, 4],
  r_relu3_1: [256, 32],
  r_s8: [32, 16],
  r_s16: [96, 8],
};

test('the ONNX attention network reproduces the PyTorch known answer', { skip }, async () => {
  const ref = JSON.parse(readFileSync((net as string).replace(/\.onnx$/, '-reference.json'), 'utf8')) as {
    probes: Array<[number, number, number, number]>;
    meanAbsA: number;
    meanAbsB: number;
  };
  const names = [...TARGET_INPUTS, ...REFERENCE_INPUTS];
  const inputs = names.map((name, k) => {
    const [channels, side] = SHAPES[name];
    const data = new Float32Array(channels * side * side);
    for (let i = 0; i < data.length; i++) data[i] = Math.abs(Math.sin(0.01 * i + k));
    return { name, channels, height: side, width: side, data };
  });
  const ab = await runAttentionNetwork(inputs);
  assert.equal(ab.width, 128);
  for (const [c, y, x, v] of ref.probes) {
    const got = ab.channels[c][y * ab.width + x];
    assert.ok(
      Math.abs(got - v) < 1e-3 * Math.max(1, Math.abs(v)),
      `ab[${c}](${y}, ${x}) = ${got}, PyTorch ${v}`,
    );
  }
  const meanAbs = (p: Float32Array) => p.reduce((s, v) => s + Math.abs(v), 0) / p.length;
  assert.ok(Math.abs(meanAbs(ab.channels[0]) - ref.meanAbsA) < 1e-3 * Math.max(1, ref.meanAbsA));
  assert.ok(Math.abs(meanAbs(ab.channels[1]) - ref.meanAbsB) < 1e-3 * Math.max(1, ref.meanAbsB));
});
