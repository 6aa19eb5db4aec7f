import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readImage } from '../../src/image/io.js';
import {
  DEEPLAB_LOGITS_SIZE,
  type DeeplabVariant,
  deeplabInput,
  deeplabLabels,
  deeplabProbabilities,
  ensureDeeplabOnnx,
} from '../../src/models/deeplab.js';
import { findModelFile } from '../../src/models/locate.js';
import { loadOrt, onnxSession } from '../../src/models/runtime.js';
import { dataPath } from '../helpers/shared.js';

const skip =
  !findModelFile('deeplab/deeplab_mobilenet_edgetpu_slim_cityscapes_quant.tflite') &&
  'DeepLab models not found';

/** Fraction of grid cells whose most probable class is c, for every class. */
function shares(p: { width: number; height: number; channels: Float32Array[] }): number[] {
  const n = p.width * p.height;
  const counts = new Array<number>(p.channels.length).fill(0);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < p.channels.length; c++) if (p.channels[c][i] > p.channels[best][i]) best = c;
    counts[best]++;
  }
  return counts.map((c) => c / n);
}

function ranked(s: number[], labels: string[]): string[] {
  return s
    .map((v, i) => [v, i] as const)
    .filter(([v]) => v > 0)
    .sort((a, b) => b[0] - a[0])
    .map(([, i]) => labels[i]);
}

test('DeepLab PASCAL: a cat photo is mostly "cat", a dog photo "dog" (both depth multipliers)', {
  skip,
}, async () => {
  const cat = (await readImage(dataPath('train', 'imagenet_n02123045_tabby.jpg'))).image;
  const dog = (await readImage(dataPath('train', 'imagenet_n02107683_bernese_mountain_dog.jpg'))).image;
  for (const variant of ['pascal', 'pascal-dm05'] as DeeplabVariant[]) {
    const labels = await deeplabLabels(variant);
    assert.equal(labels.length, 21);
    assert.deepEqual([labels[0], labels[8], labels[12], labels[15]], ['background', 'cat', 'dog', 'person']);
    for (const [img, want, min] of [
      [cat, 'cat', 0.45],
      [dog, 'dog', 0.3],
    ] as const) {
      const { probabilities: p } = await deeplabProbabilities(img, variant);
      assert.equal(p.channels.length, 21);
      // The grid covers the image: long side 513/16 ≈ 32 cells, aspect ratio kept.
      assert.equal(Math.max(p.width, p.height), 32);
      assert.ok(Math.abs(p.width / p.height - img.width / img.height) < 0.1);
      let sum = 0;
      for (const ch of p.channels) sum += ch[0];
      assert.ok(Math.abs(sum - 1) < 1e-5);
      const s = shares(p);
      const r = ranked(s, labels).filter((l) => l !== 'background');
      assert.equal(r[0], want, `${variant}: ${r.join(', ')}`);
      assert.ok(s[labels.indexOf(want)] >= min, `${variant} ${want}: ${s[labels.indexOf(want)]}`);
    }
  }
});

test('DeepLab Cityscapes: a street scene is road, building and sky', { skip }, async () => {
  const { image } = await readImage(dataPath('val', 'curban100_img_094.png'));
  const { probabilities: p, labels } = await deeplabProbabilities(image, 'cityscapes');
  assert.equal(labels.length, 19);
  assert.equal(p.channels.length, 19);
  const top = ranked(shares(p), labels).slice(0, 4);
  for (const want of ['road', 'building', 'sky']) assert.ok(top.includes(want), top.join(', '));
});

test('DeepLab logits: 33 × 33 grid, argmax at the centre of a cat photo is "cat", on the padding "background"', {
  skip,
}, async () => {
  const { image } = await readImage(dataPath('train', 'imagenet_n02123045_tabby.jpg'));
  const ort = await loadOrt();
  const session = await onnxSession(await ensureDeeplabOnnx('pascal'));
  const out = await session.run({ input: new ort.Tensor('float32', deeplabInput(image), [1, 3, 513, 513]) });
  const L = DEEPLAB_LOGITS_SIZE;
  assert.deepEqual(out.logits.dims, [1, 21, L, L]);
  const logits = out.logits.data as Float32Array;
  const argmax = (y: number, x: number) => {
    let best = 0;
    for (let c = 1; c < 21; c++) if (logits[(c * L + y) * L + x] > logits[(best * L + y) * L + x]) best = c;
    return best;
  };
  // The portrait image fills the left part of the input; its centre is at logit cell ≈ (16, 10).
  const w = Math.round((image.width * 513) / image.height);
  assert.equal(argmax(16, Math.round(w / 2 / 16)), 8);
  // The padding on the right (real value 0, a flat gray) is background.
  assert.equal(argmax(16, L - 1), 0);
});
