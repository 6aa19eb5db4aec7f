/**
 * The converter against direct TypeScript arithmetic on single layers of the real MobileNet V2
 * file: TF "SAME" padding with stride 2 (the odd padding pixel goes at the end), the OHWI and
 * depthwise filter layouts, per-tensor dequantisation, int32 biases and fused RELU6.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ColorizeError } from '../../src/errors.js';
import { encodeOnnxModel } from '../../src/models/onnx-builder.js';
import { loadOrt, onnxSession } from '../../src/models/runtime.js';
import { ensureTfliteOnnx } from '../../src/models/tflite/cache.js';
import { readTfliteModel, type TfliteModel } from '../../src/models/tflite/schema.js';
import { dequantizeTfliteTensor, tfliteToOnnx, tfSamePads } from '../../src/models/tflite/to-onnx.js';
import { modelPath } from '../helpers/shared.js';

const mobilenet = modelPath('mobilenet_v2', 'mobilenet_v2_1.0_224_quant.tflite');
const skip = !existsSync(mobilenet) && 'MobileNet V2 model not found';

function random(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return out;
}

/**
 * TF convolution on NCHW data with a TFLite filter: CONV_2D filter [O, KH, KW, I], or depthwise
 * [1, KH, KW, C] (multiplier 1). Padding: `before` pixels at the top/left, the rest at the end.
 */
function tfConv(
  x: Float32Array,
  C: number,
  H: number,
  W: number,
  filter: Float32Array,
  fshape: number[],
  bias: Float32Array,
  stride: number,
  depthwise: boolean,
  before: [number, number],
): { data: Float64Array; C: number; H: number; W: number } {
  const [a, KH, KW, b] = fshape;
  const O = depthwise ? b : a;
  const OH = Math.ceil(H / stride);
  const OW = Math.ceil(W / stride);
  const out = new Float64Array(O * OH * OW);
  for (let o = 0; o < O; o++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++) {
        let s = bias[o];
        for (let ky = 0; ky < KH; ky++)
          for (let kx = 0; kx < KW; kx++) {
            const iy = oy * stride + ky - before[0];
            const ix = ox * stride + kx - before[1];
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
            if (depthwise) s += filter[(ky * KW + kx) * b + o] * x[(o * H + iy) * W + ix];
            else
              for (let i = 0; i < C; i++)
                s += filter[((o * KH + ky) * KW + kx) * b + i] * x[(i * H + iy) * W + ix];
          }
        out[(o * OH + oy) * OW + ox] = Math.min(6, Math.max(0, s)); // fused RELU6
      }
  return { data: out, C: O, H: OH, W: OW };
}

/** One operator of the model as its own subgraph (input = the operator's input tensor). */
function single(model: TfliteModel, k: number): TfliteModel {
  const sg = model.subgraphs[0];
  const op = sg.operators[k];
  return { ...model, subgraphs: [{ ...sg, inputs: [op.inputs[0]], outputs: op.outputs, operators: [op] }] };
}

async function run(model: TfliteModel, dynamic: boolean, x: Float32Array, dims: number[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tflite-conv-'));
  try {
    const file = path.join(dir, 'layer.onnx');
    const graph = tfliteToOnnx(model, { dynamicSpatial: dynamic });
    writeFileSync(file, encodeOnnxModel(graph));
    const ort = await loadOrt();
    const session = await onnxSession(file);
    const out = await session.run({ input: new ort.Tensor('float32', x, dims) });
    return out.output0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

test('tfSamePads puts the odd padding pixel at the end, as TensorFlow does', () => {
  assert.deepEqual(tfSamePads(224, 3, 2), [0, 1]);
  assert.deepEqual(tfSamePads(225, 3, 2), [1, 1]);
  assert.deepEqual(tfSamePads(7, 3, 1), [1, 1]);
  assert.deepEqual(tfSamePads(33, 3, 1, 2), [2, 2]);
  assert.deepEqual(tfSamePads(10, 1, 2), [0, 0]);
});

test('stride-2 SAME convolution (first MobileNet layer) matches direct TF arithmetic: static and dynamic size', {
  skip,
}, async () => {
  const model = await readTfliteModel(mobilenet);
  const sg = model.subgraphs[0];
  const op = sg.operators[0];
  const fshape = sg.tensors[op.inputs[1]].shape;
  const filter = dequantizeTfliteTensor(model, sg.tensors[op.inputs[1]]);
  const bias = dequantizeTfliteTensor(model, sg.tensors[op.inputs[2]]);
  // Static graph at the file's 224 × 224 (explicit pads), dynamic graph at 224 and at odd sizes.
  for (const [H, W, dynamic] of [
    [224, 224, false],
    [224, 224, true],
    [37, 50, true],
  ] as const) {
    const x = random(3 * H * W, H * 1000 + W);
    const got = await run(single(model, 0), dynamic, x, [1, 3, H, W]);
    const want = tfConv(x, 3, H, W, filter, fshape, bias, 2, false, [
      tfSamePads(H, 3, 2)[0],
      tfSamePads(W, 3, 2)[0],
    ]);
    assert.deepEqual(got.dims, [1, 32, want.H, want.W]);
    const err = maxDiff(got.data as Float32Array, want.data);
    assert.ok(err < 1e-4, `${H}×${W} dynamic=${dynamic}: max error ${err}`);
    // Symmetric padding (one pixel on each side) would give a clearly different result.
    const wrong = tfConv(x, 3, H, W, filter, fshape, bias, 2, false, [1, 1]);
    if (H % 2 === 0) assert.ok(maxDiff(want.data, wrong.data) > 0.1, 'test is sensitive to the padding side');
  }
});

test('stride-2 SAME depthwise convolution (MobileNet op 4, 96 groups) matches direct TF arithmetic', {
  skip,
}, async () => {
  const model = await readTfliteModel(mobilenet);
  const sg = model.subgraphs[0];
  const k = sg.operators.findIndex((o) => o.op === 'DEPTHWISE_CONV_2D' && o.options.strideW === 2);
  const op = sg.operators[k];
  const fshape = sg.tensors[op.inputs[1]].shape;
  assert.deepEqual(fshape, [1, 3, 3, 96]);
  const filter = dequantizeTfliteTensor(model, sg.tensors[op.inputs[1]]);
  const bias = dequantizeTfliteTensor(model, sg.tensors[op.inputs[2]]);
  const [H, W] = [14, 9];
  const x = random(96 * H * W, 5);
  const got = await run(single(model, k), true, x, [1, 96, H, W]);
  const want = tfConv(x, 96, H, W, filter, fshape, bias, 2, true, [
    tfSamePads(H, 3, 2)[0],
    tfSamePads(W, 3, 2)[0],
  ]);
  assert.deepEqual(got.dims, [1, 96, 7, 5]);
  const err = maxDiff(got.data as Float32Array, want.data);
  assert.ok(err < 1e-4, `max error ${err}`);
});

test('dequantisation: real = scale · (q − zero point), per channel along quantized_dimension', () => {
  const model: TfliteModel = {
    version: 3,
    description: '',
    subgraphs: [],
    buffers: [Uint8Array.of(10, 20, 30, 40, 50, 60)],
  };
  const t = {
    index: 0,
    name: 'w',
    shape: [2, 3],
    type: 'UINT8' as const,
    buffer: 0,
    quantization: { scale: [0.5, 2], zeroPoint: [10, 40], quantizedDimension: 0 },
  };
  assert.deepEqual(Array.from(dequantizeTfliteTensor(model, t)), [0, 5, 10, 0, 20, 40]);
  const bias = {
    ...t,
    shape: [1],
    type: 'INT32' as const,
    quantization: { scale: [0.25], zeroPoint: [0], quantizedDimension: 0 },
  };
  const m2 = { ...model, buffers: [new Uint8Array(Int32Array.of(-8).buffer)] };
  assert.deepEqual(Array.from(dequantizeTfliteTensor(m2, bias)), [-2]);
});

test('a missing .tflite file is a ColorizeError naming every place searched', async () => {
  await assert.rejects(
    ensureTfliteOnnx('deeplab/no-such-model.tflite', 'x', 1, () => {
      throw new Error('not reached');
    }),
    (e: unknown) => {
      assert.ok(e instanceof ColorizeError);
      assert.match(e.message, /deeplab\/no-such-model\.tflite not found; looked in: /);
      assert.match(e.message, /shared\/models\/deeplab\/no-such-model\.tflite/);
      assert.match(e.message, /COLORIZE_MODELS/);
      return true;
    },
  );
});
