import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { readTfliteModel, tfliteOperatorCounts } from '../../src/models/tflite/schema.js';
import { modelPath } from '../helpers/shared.js';

const mobilenet = modelPath('mobilenet_v2', 'mobilenet_v2_1.0_224_quant.tflite');
const deeplab = (f: string) => modelPath('deeplab', f);

test('flatbuffer reader: MobileNet V2 operators, input and output as the models README states', {
  skip: !existsSync(mobilenet) && 'MobileNet V2 model not found',
}, async () => {
  const m = await readTfliteModel(mobilenet);
  assert.equal(m.version, 3);
  assert.equal(m.description, 'MLIR Converted.');
  assert.equal(m.subgraphs.length, 1);
  const sg = m.subgraphs[0];
  assert.equal(sg.operators.length, 66);
  assert.deepEqual(tfliteOperatorCounts(sg), {
    CONV_2D: 36,
    DEPTHWISE_CONV_2D: 17,
    ADD: 10,
    AVERAGE_POOL_2D: 1,
    RESHAPE: 1,
    SOFTMAX: 1,
  });
  assert.deepEqual(sg.inputs, [0]);
  assert.deepEqual(sg.outputs, [173]);
  const input = sg.tensors[0];
  assert.equal(input.name, 'input');
  assert.deepEqual(input.shape, [1, 224, 224, 3]);
  assert.equal(input.type, 'UINT8');
  assert.deepEqual(input.quantization?.scale, [0.0078125]);
  assert.deepEqual(input.quantization?.zeroPoint, [128]);
  const output = sg.tensors[173];
  assert.equal(output.name, 'MobilenetV2/Predictions/Softmax');
  assert.deepEqual(output.shape, [1, 1001]);
  assert.deepEqual(output.quantization?.scale, [0.00390625]);
  // First layer: 3 × 3 stride-2 SAME convolution with fused RELU6, OHWI uint8 filter, int32 bias.
  const conv = sg.operators[0];
  assert.equal(conv.op, 'CONV_2D');
  assert.deepEqual(conv.options, {
    padding: 'SAME',
    strideW: 2,
    strideH: 2,
    activation: 'RELU6',
    dilationW: 1,
    dilationH: 1,
  });
  assert.deepEqual(sg.tensors[conv.inputs[1]].shape, [32, 3, 3, 3]);
  assert.equal(sg.tensors[conv.inputs[2]].type, 'INT32');
  assert.equal(m.buffers[sg.tensors[conv.inputs[1]].buffer].length, 32 * 27);
  const dw = sg.operators[1];
  assert.equal(dw.op, 'DEPTHWISE_CONV_2D');
  assert.equal(dw.options.depthMultiplier, 1);
  const pool = sg.operators.find((o) => o.op === 'AVERAGE_POOL_2D');
  assert.deepEqual(pool?.options, {
    padding: 'VALID',
    strideW: 1,
    strideH: 1,
    filterW: 7,
    filterH: 7,
    activation: 'NONE',
  });
});

test('flatbuffer reader: DeepLab models end in RESIZE_BILINEAR → ARG_MAX (INT64), TILE only in Cityscapes', {
  skip: !existsSync(deeplab('deeplabv3_mnv2_pascal_quant.tflite')) && 'DeepLab models not found',
}, async () => {
  for (const [file, output, logits, tile] of [
    ['deeplabv3_mnv2_pascal_quant.tflite', 185, 184, false],
    ['deeplabv3_mnv2_dm05_pascal_quant.tflite', 185, 184, false],
    ['deeplab_mobilenet_edgetpu_slim_cityscapes_quant.tflite', 212, 211, true],
  ] as const) {
    const sg = (await readTfliteModel(deeplab(file))).subgraphs[0];
    assert.deepEqual(sg.outputs, [output], file);
    assert.equal(sg.tensors[output].type, 'INT64', file);
    assert.deepEqual(sg.tensors[output].shape, [1, 513, 513], file);
    assert.deepEqual(sg.tensors[0].shape, [1, 513, 513, 3], file);
    const counts = tfliteOperatorCounts(sg);
    assert.equal(counts.ARG_MAX, 1, file);
    assert.equal('TILE' in counts, tile, file);
    for (const op of ['CONCATENATION', 'RESIZE_BILINEAR', 'QUANTIZE', 'AVERAGE_POOL_2D'])
      assert.ok(counts[op] > 0, `${file} ${op}`);
    const argmax = sg.operators.find((o) => o.op === 'ARG_MAX')!;
    assert.equal(argmax.inputs[0], logits, file);
    const resize = sg.operators.find((o) => o.outputs[0] === logits)!;
    assert.equal(resize.op, 'RESIZE_BILINEAR');
    assert.equal(resize.options.alignCorners, true);
  }
});
