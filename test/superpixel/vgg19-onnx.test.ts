import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Vgg19Features, vggInput } from '../../src/features/vgg19-features.js';
import { findModelFile } from '../../src/models/locate.js';
import { readVgg19Weights, VGG19_LAYERS } from '../../src/models/vgg19.js';
import { syntheticRgb } from '../helpers/images.js';

const haveWeights = findModelFile('vgg19/group8-shard1of1') !== null;

/** 3 × 3 "same" convolution + ReLU, CHW, kernel OIHW — the textbook definition. */
function convRelu(
  x: Float64Array,
  cin: number,
  W: number,
  H: number,
  k: Float32Array,
  b: Float32Array,
  cout: number,
): Float64Array {
  const out = new Float64Array(cout * W * H);
  for (let o = 0; o < cout; o++)
    for (let y = 0; y < H; y++)
      for (let xx = 0; xx < W; xx++) {
        let s = b[o];
        for (let i = 0; i < cin; i++)
          for (let ky = 0; ky < 3; ky++)
            for (let kx = 0; kx < 3; kx++) {
              const yy = y + ky - 1;
              const xs = xx + kx - 1;
              if (yy < 0 || yy >= H || xs < 0 || xs >= W) continue;
              s += k[((o * cin + i) * 3 + ky) * 3 + kx] * x[(i * H + yy) * W + xs];
            }
        out[(o * H + y) * W + xx] = Math.max(0, s);
      }
  return out;
}

function avgPool(x: Float64Array, c: number, W: number, H: number): Float64Array {
  const w = Math.floor(W / 2);
  const h = Math.floor(H / 2);
  const out = new Float64Array(c * w * h);
  for (let k = 0; k < c; k++)
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < w; xx++) {
        const b = k * W * H;
        out[(k * h + y) * w + xx] =
          (x[b + 2 * y * W + 2 * xx] +
            x[b + 2 * y * W + 2 * xx + 1] +
            x[b + (2 * y + 1) * W + 2 * xx] +
            x[b + (2 * y + 1) * W + 2 * xx + 1]) /
          4;
      }
  return out;
}

test('vgg19 ONNX model matches a direct TypeScript convolution (all three outputs)', {
  skip: !haveWeights && 'VGG-19 weights not found',
}, async () => {
  const W = 13;
  const H = 10; // odd width: average pooling drops the last column, as in VGG
  const img = syntheticRgb(W, H, 7);
  const maps = await new Vgg19Features().extract(img);
  const w = await readVgg19Weights();
  let x: Float64Array = Float64Array.from(vggInput(img));
  let cw = W;
  let ch = H;
  const expected: Array<{ data: Float64Array; w: number; h: number }> = [];
  VGG19_LAYERS.forEach((l, i) => {
    x = convRelu(x, l.cin, cw, ch, w.kernels[i], w.biases[i], l.cout);
    if (l.name === 'block1_conv2' || l.name === 'block2_conv2' || l.name === 'block3_conv4') {
      expected.push({ data: x, w: cw, h: ch });
      if (l.name !== 'block3_conv4') {
        x = avgPool(x, l.cout, cw, ch);
        cw = Math.floor(cw / 2);
        ch = Math.floor(ch / 2);
      }
    }
  });
  assert.equal(maps.length, 3);
  maps.forEach((m, k) => {
    assert.equal(m.width, expected[k].w);
    assert.equal(m.height, expected[k].h);
    let maxAbs = 0;
    let maxErr = 0;
    for (let i = 0; i < m.data.length; i++) {
      maxAbs = Math.max(maxAbs, Math.abs(expected[k].data[i]));
      maxErr = Math.max(maxErr, Math.abs(m.data[i] - expected[k].data[i]));
    }
    assert.ok(maxAbs > 1, `layer ${k} is not all zero`);
    assert.ok(maxErr <= 1e-4 * maxAbs, `layer ${k}: max error ${maxErr} vs scale ${maxAbs}`);
  });
});
