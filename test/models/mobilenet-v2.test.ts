import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { createImage } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { findModelFile } from '../../src/models/locate.js';
import {
  classifyMobileNetV2,
  ensureMobileNetV2Onnx,
  MOBILENET_V2_OUTPUTS,
  mobileNetV2Features,
} from '../../src/models/mobilenet-v2.js';
import { onnxSession } from '../../src/models/runtime.js';
import { dataPath } from '../helpers/shared.js';

const skip =
  !findModelFile('mobilenet_v2/mobilenet_v2_1.0_224_quant.tflite') && 'MobileNet V2 model not found';

/** "imagenet_n02123045_tabby.jpg" names the class "tabby"; labels list synonyms separated by commas. */
function matches(label: string, file: string): boolean {
  const name = file.replace(/^imagenet_n\d+_/, '').replace(/\.jpg$/, '');
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_');
  return label.split(',').some((s) => norm(s) === name);
}

test('converted MobileNet V2 classifies 20 ImageNet photos (measured 16/20 top-1, 19/20 top-5)', {
  skip,
}, async () => {
  const dir = dataPath('train');
  const all = readdirSync(dir)
    .filter((f) => f.startsWith('imagenet_'))
    .sort();
  const step = Math.floor(all.length / 20);
  let top1 = 0;
  let top5 = 0;
  for (let k = 0; k < 20; k++) {
    const file = all[k * step];
    const { image } = await readImage(`${dir}/${file}`);
    const p = await classifyMobileNetV2(image, 5);
    assert.equal(p.length, 5);
    assert.ok(p[0].probability >= p[4].probability);
    if (matches(p[0].label, file)) top1++;
    if (p.some((x) => matches(x.label, file))) top5++;
  }
  // The quantised model got 16/20 top-1 on the README's sample set; a wrong layout, padding or
  // dequantisation gives (nearly) nothing right.
  assert.ok(top1 >= 14, `top-1 ${top1}/20`);
  assert.ok(top5 >= 17, `top-5 ${top5}/20`);
});

test('MobileNet V2 graph: named outputs, dynamic size, channels and strides as MOBILENET_V2_OUTPUTS', {
  skip,
}, async () => {
  const session = await onnxSession(await ensureMobileNetV2Onnx());
  assert.deepEqual(session.inputNames, ['input']);
  assert.deepEqual([...session.outputNames].sort(), MOBILENET_V2_OUTPUTS.map((o) => o.name).sort());
  const r = await mobileNetV2Features(createImage(50, 40, 1), { width: 200, height: 130 });
  for (const o of MOBILENET_V2_OUTPUTS) {
    if (o.stride === 0) continue;
    const f = r.features[o.name as keyof typeof r.features];
    assert.equal(f.channels, o.channels, o.name);
    assert.equal(f.width, Math.ceil(200 / o.stride), o.name);
    assert.equal(f.height, Math.ceil(130 / o.stride), o.name);
    assert.equal(f.data.length, f.channels * f.width * f.height);
    assert.ok(f.data.every(Number.isFinite));
  }
  assert.equal(r.logits.length, 1001);
  let sum = 0;
  for (const p of r.probs) sum += p;
  assert.ok(Math.abs(sum - 1) < 1e-4);
  // ReLU6 output is within [0, 6].
  assert.ok(r.features.features_s32.data.every((v) => v >= 0 && v <= 6));
});
