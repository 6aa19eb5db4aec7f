/** The VGG-19 relu1_1/relu2_1/relu3_1 graph against a direct computation of relu1_1. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vggInput } from '../../src/features/vgg19-features.js';
import { createImage } from '../../src/image/image.js';
import { findModelFile } from '../../src/models/locate.js';
import { loadOrt, onnxSession } from '../../src/models/runtime.js';
import { ensureVgg19ReluOnnx, readVgg19Weights } from '../../src/models/vgg19.js';

const skip = findModelFile('vgg19/group5-shard1of1') === null && 'VGG-19 weights not found';

test('relu1_1 equals ReLU(conv1_1) computed by hand; relu2_1, relu3_1 at 1/2, 1/4', { skip }, async () => {
  const W = 12;
  const H = 8;
  const img = createImage(W, H, 3);
  img.channels.forEach((p, c) => {
    for (let i = 0; i < p.length; i++) p[i] = 0.5 + 0.5 * Math.sin(0.7 * i + c);
  });
  const x = vggInput(img);
  const [ort, session, w] = await Promise.all([
    loadOrt(),
    ensureVgg19ReluOnnx().then(onnxSession),
    readVgg19Weights(),
  ]);
  const out = await session.run({ input: new ort.Tensor('float32', x, [1, 3, H, W]) });
  assert.deepEqual(out.relu1_1.dims, [1, 64, H, W]);
  assert.deepEqual(out.relu2_1.dims, [1, 128, H / 2, W / 2]);
  assert.deepEqual(out.relu3_1.dims, [1, 256, H / 4, W / 4]);
  const got = out.relu1_1.data as Float32Array;
  const k = w.kernels[0];
  for (const [co, y0, x0] of [
    [0, 0, 0],
    [5, 3, 7],
    [63, 7, 11],
    [31, 4, 0],
  ]) {
    let s = w.biases[0][co];
    for (let ci = 0; ci < 3; ci++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y0 + dy;
          const xx = x0 + dx;
          if (yy < 0 || yy >= H || xx < 0 || xx >= W) continue;
          s += k[(co * 3 + ci) * 9 + (dy + 1) * 3 + (dx + 1)] * x[ci * H * W + yy * W + xx];
        }
    const v = got[co * H * W + y0 * W + x0];
    assert.ok(
      Math.abs(v - Math.max(0, s)) < 1e-3 * Math.max(1, Math.abs(s)),
      `relu1_1[${co}](${y0},${x0}) ${v} vs ${s}`,
    );
  }
});
