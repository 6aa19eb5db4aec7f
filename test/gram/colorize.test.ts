import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { gramColorize } from '../../src/methods/exemplar/gram/pipeline.js';
import { findModelFile } from '../../src/models/locate.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';

test('gram colorization keeps the gray input as the output luma and lowers the loss', { skip }, async () => {
  const { image: gray } = await readImage('examples/scene_gray.png');
  const { image: ref } = await readImage('examples/sunset.png');
  const seen: number[] = [];
  const r = await gramColorize(gray, ref, {
    workingSize: 64,
    iterations: 8,
    onProgress: (p) => seen.push(p.iteration),
  });
  assert.equal(r.rgb.width, gray.width);
  assert.equal(r.rgb.height, gray.height);
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(r.losses.length, 9);
  assert.ok(Math.min(...r.losses) < r.losses[0]);
  const y = lumaOf(r.rgb);
  let worst = 0;
  for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - gray.channels[0][i]));
  assert.ok(worst < 1 / 255, `luma differs by ${worst * 255} levels`);
  // It is coloured: some pixel has R ≠ B.
  let spread = 0;
  for (let i = 0; i < y.length; i++)
    spread = Math.max(spread, Math.abs(r.rgb.channels[0][i] - r.rgb.channels[2][i]));
  assert.ok(spread > 0.05);
  const l = await gramColorize(gray, ref, {
    workingSize: 48,
    iterations: 4,
    optimizer: 'lbfgs',
    space: 'yuv',
  });
  assert.ok(Math.min(...l.losses) < l.losses[0]);
});
