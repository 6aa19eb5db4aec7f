import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImageF32 } from '../../src/image/image.js';
import { VggNetwork } from '../../src/methods/exemplar/gram/network.js';
import { findModelFile } from '../../src/models/locate.js';
import type { VggConvName } from '../../src/models/vgg19-grad.js';
import { seededRandom } from '../../src/random.js';
import { randomImage } from '../helpers/gradient-check.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';

/**
 * Linear probe L(x) = Σ_l ⟨R_l, F_l(x)⟩: its gradient is the backward graph fed with R_l; its
 * directional derivative along random d is checked against central differences. conv1_1 is affine
 * in the input (tight tolerance); deeper layers have ReLU kinks and float32 features, so a
 * difference quotient is good to about 1% there — a wrong flip, mask or pooling factor is off by
 * far more.
 */
async function check(layers: VggConvName[], shapes: number[][], rel: number): Promise<void> {
  const rnd = seededRandom(7);
  const w = 12;
  const h = 8;
  const img = randomImage(w, h, rnd);
  const net = await VggNetwork.open(layers);
  const f0 = await net.features(img);
  assert.deepEqual(
    f0.map((f) => [f.channels, f.width, f.height]),
    shapes,
  );
  const probes = f0.map((f) => ({ ...f, data: Float32Array.from(f.data, () => rnd() - 0.5) }));
  const loss = async (im: ImageF32) => {
    let s = 0;
    (await net.features(im)).forEach((f, l) => {
      for (let i = 0; i < f.data.length; i++) s += f.data[i] * probes[l].data[i];
    });
    return s;
  };
  const grad = await net.gradient(img, probes);
  const eps = 5e-4;
  let gnorm = 0;
  for (const g of grad) for (const v of g) gnorm += v * v;
  gnorm = Math.sqrt(gnorm);
  // Along the gradient itself the derivative is ‖∇L‖ (largest, so the quotient is most precise);
  // along random directions it is smaller and the tolerance is a share of ‖∇L‖·‖d‖.
  for (let trial = 0; trial < 3; trial++) {
    const dir =
      trial === 0
        ? grad.map((g) => g.map((v) => v / gnorm))
        : img.channels.map((c) => Float32Array.from(c, () => rnd() - 0.5));
    let dnorm = 0;
    for (const d of dir) for (const v of d) dnorm += v * v;
    dnorm = Math.sqrt(dnorm);
    const shifted = (sign: number): ImageF32 => ({
      ...img,
      channels: img.channels.map((c, k) => Float32Array.from(c, (v, i) => v + sign * eps * dir[k][i])),
    });
    const fd = ((await loss(shifted(1))) - (await loss(shifted(-1)))) / (2 * eps);
    let an = 0;
    for (let k = 0; k < 3; k++) for (let i = 0; i < w * h; i++) an += grad[k][i] * dir[k][i];
    const tol = trial === 0 ? rel * Math.abs(an) : 5 * rel * gnorm * dnorm;
    assert.ok(Math.abs(fd - an) <= tol, `trial ${trial}: fd ${fd} vs analytic ${an} (tolerance ${tol})`);
  }
}

test('VGG backward graph: conv1_1 (affine) matches finite differences closely', { skip }, async () => {
  await check(['conv1_1'], [[64, 12, 8]], 2e-3);
});

test('VGG backward graph: conv1_1 + conv2_2 + conv3_1 through ReLUs and pooling matches finite differences', {
  skip,
}, async () => {
  await check(
    ['conv1_1', 'conv2_2', 'conv3_1'],
    [
      [64, 12, 8],
      [128, 6, 4],
      [256, 3, 2],
    ],
    1e-2,
  );
});

test('VGG backward graph: conv3_4 alone (all eight convs) matches finite differences', { skip }, async () => {
  await check(['conv3_4'], [[256, 3, 2]], 1e-2);
});
