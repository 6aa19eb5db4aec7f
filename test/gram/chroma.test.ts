import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { fromPlanes, type ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { onnxMatrixOps } from '../../src/methods/exemplar/gram/matrix-ops.js';
import { VggNetwork } from '../../src/methods/exemplar/gram/network.js';
import { GramObjective } from '../../src/methods/exemplar/gram/objective.js';
import type { GramOptions } from '../../src/methods/exemplar/gram/options.js';
import {
  bilinearUpsampler,
  CHROMA_TO_RGB,
  chromaGrid,
  chromaParametrization,
} from '../../src/methods/exemplar/gram/parametrization.js';
import { gramColorize, gramWorkingSize } from '../../src/methods/exemplar/gram/pipeline.js';
import { evaluate } from '../../src/metrics/evaluate.js';
import { findModelFile } from '../../src/models/locate.js';
import type { VggConvName } from '../../src/models/vgg19-grad.js';
import { seededRandom } from '../../src/random.js';
import { assertGradientByCentralDifferences, planesNorm, randomImage } from '../helpers/gradient-check.js';
import { SHARED } from '../helpers/shared.js';

const noModel = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';
const dir = path.join(SHARED, 'data/exemplar');
const noPair =
  noModel || (!existsSync(path.join(dir, '002_target.png')) && '../shared/data/exemplar not found');

test('chroma parametrisation: M is the U, V columns of the report eq. 4 (JPEG YCbCr inverse)', () => {
  // R = Y + 1.402 V, G = Y − 0.344136 U − 0.714136 V, B = Y + 1.772 U (ITU-T T.871).
  const expected = [0, 1.402, -0.344136, -0.714136, 1.772, 0];
  CHROMA_TO_RGB.forEach((v, i) => {
    assert.ok(Math.abs(v - expected[i]) < 2e-4, `M[${i}] = ${v}, expected ${expected[i]}`);
  });
});

test('chroma parametrisation: X has the target luma (BT.601 weights) for any c, and the projection keeps X in the cube', () => {
  const rnd = seededRandom(5);
  const w = 23;
  const h = 17;
  const y = Float32Array.from({ length: w * h }, (_, i) => (i % 7 === 0 ? i % 2 : rnd()));
  for (const factor of [1, 3]) {
    const p = chromaParametrization(y, w, h, factor);
    const g = chromaGrid(w, h, factor);
    const c = Float32Array.from({ length: 2 * g.width * g.height }, () => 2 * (rnd() - 0.5));
    const x = p.toImage(c);
    const [R, G, B] = x.channels;
    for (let i = 0; i < w * h; i++)
      assert.ok(
        Math.abs(0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i] - y[i]) < 1e-5,
        `factor ${factor} pixel ${i}`,
      );
    if (factor !== 1) continue;
    // Large random chroma leaves the cube; after the projection every value is in [0, 1] and
    // each pixel's (U, V) only shrank towards 0 along its own direction.
    const before = c.slice();
    p.project(c);
    const xp = p.toImage(c);
    for (const plane of xp.channels) for (const v of plane) assert.ok(v >= -1e-6 && v <= 1 + 1e-6, `${v}`);
    const n = w * h;
    for (let i = 0; i < n; i++) {
      const s = Math.hypot(c[i], c[n + i]) / Math.max(Math.hypot(before[i], before[n + i]), 1e-12);
      assert.ok(s <= 1 + 1e-6, `pixel ${i} grew`);
      assert.ok(Math.abs(c[i] * before[n + i] - c[n + i] * before[i]) < 1e-6, `pixel ${i} turned`);
    }
    // A chroma already in the cube is left alone.
    const small = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) if (y[i] > 0.3 && y[i] < 0.7) small[i] = 0.05;
    const kept = small.slice();
    p.project(small);
    assert.deepEqual(small, kept);
  }
});

test('chroma parametrisation: the coarse grid is bilinear resizing (resize.ts), and the pull-back is its adjoint', () => {
  const rnd = seededRandom(9);
  const [cw, ch, w, h] = [5, 4, 37, 29];
  const up = bilinearUpsampler(cw, ch, w, h);
  const a = Float32Array.from({ length: cw * ch }, () => rnd());
  const ref = resizeImage(fromPlanes(cw, ch, [a]), w, h, 'bilinear').channels[0];
  const u = up.up(a);
  for (let i = 0; i < w * h; i++)
    assert.ok(Math.abs(u[i] - ref[i]) < 1e-6, `pixel ${i}: ${u[i]} vs ${ref[i]}`);
  // ⟨U a, b⟩ = ⟨a, Uᵀ b⟩.
  const b = Float32Array.from({ length: w * h }, () => rnd() - 0.5);
  const ub = up.adjoint(b);
  let lhs = 0;
  let rhs = 0;
  for (let i = 0; i < w * h; i++) lhs += u[i] * b[i];
  for (let i = 0; i < cw * ch; i++) rhs += a[i] * ub[i];
  assert.ok(Math.abs(lhs - rhs) < 1e-4 * Math.abs(lhs), `${lhs} vs ${rhs}`);
});

/**
 * ∂L/∂c = Uᵀ Mᵀ ∂L/∂X against central differences of L(X(c)) (the fused Gram objective on random
 * 16 × 12 content and style images, default layers at the report's weights), with one chroma value
 * per pixel and on a grid two times coarser.
 */
test('chroma parametrisation: gradient matches central differences of the Gram loss', {
  skip: noModel,
}, async () => {
  const w = 16;
  const h = 12;
  const rnd = seededRandom(13);
  const layers = ['conv1_1', 'conv1_2', 'conv2_1', 'conv2_2', 'conv3_1'] as VggConvName[];
  const net = await VggNetwork.open(layers);
  const content = randomImage(w, h, rnd);
  const style = randomImage(20, 16, rnd);
  const obj = await GramObjective.create(
    net,
    await onnxMatrixOps(),
    content,
    style,
    { conv3_1: 1 },
    Object.fromEntries(layers.map((l) => [l, 500])),
  );
  const y = lumaOf(content);
  for (const factor of [1, 2]) {
    const p = chromaParametrization(y, w, h, factor);
    const g = chromaGrid(w, h, factor);
    const nc = g.width * g.height;
    const c = fromPlanes(g.width, g.height, [
      Float32Array.from({ length: nc }, () => 0.1 * (rnd() - 0.5)),
      Float32Array.from({ length: nc }, () => 0.1 * (rnd() - 0.5)),
    ]);
    const flat = (img: ImageF32) => {
      const v = new Float32Array(2 * nc);
      v.set(img.channels[0], 0);
      v.set(img.channels[1], nc);
      return v;
    };
    const e = await obj.evaluate(p.toImage(flat(c)));
    const gv = p.pullBack(e.grad);
    const grad = [gv.slice(0, nc), gv.slice(nc)];
    assert.ok(planesNorm(grad) > 0);
    await assertGradientByCentralDifferences(
      async (img) => (await obj.evaluate(p.toImage(flat(img)))).loss,
      c,
      grad,
      rnd,
      3,
      `chroma factor ${factor}`,
    );
  }
});

/**
 * Pair 002 of ../shared/data/exemplar at 64² with the settings of content.test.ts (the report's
 * 256² balance: content 4 at 1/16 of the positions; 12 Adam iterations, one level). Measured
 * (2026-12-04): rgb PSNR 20.22 dB, SSIM 0.799, content loss 1.67e6 → 1.46e6; chroma 21.34 dB,
 * SSIM 0.873, content loss ending at 5.8e5.
 */
test('chroma parametrisation on a real pair: exact target luma, and chroma placed better than the rgb path', {
  skip: noPair,
}, async () => {
  const [g, r, t] = await Promise.all(
    ['target', 'reference', 'truth'].map((k) => readImage(path.join(dir, `002_${k}.png`))),
  );
  const o: GramOptions = {
    workingSize: 64,
    levels: 1,
    iterations: 12,
    tolerance: 0,
    contentLayers: { conv3_1: 4 },
  };
  const rgb = await gramColorize(g.image, r.image, { ...o, parametrization: 'rgb' });
  const chroma = await gramColorize(g.image, r.image, { ...o, parametrization: 'chroma' });
  const ws = gramWorkingSize(g.image.width, g.image.height, 64);
  const yt = resizeImage(g.image, ws.width, ws.height, 'area').channels[0];
  const y = lumaOf(chroma.optimized);
  let worst = 0;
  for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - yt[i]));
  assert.ok(worst <= 1e-5, `luma of the optimised image differs from the target's by ${worst}`);
  // The chroma moved (the test would pass trivially on a gray result otherwise)…
  let chromaEnergy = 0;
  for (const p of chroma.chroma.channels) for (const v of p) chromaEnergy += v * v;
  assert.ok(Math.sqrt(chromaEnergy / y.length) > 5, `RMS a*b* ${Math.sqrt(chromaEnergy / y.length)}`);
  // …and against the truth (which no part of the method sees) it is better placed than the rgb
  // path's, whose optimised image takes the reference's layout.
  const sr = evaluate(rgb.rgb, t.image, r.image);
  const sc = evaluate(chroma.rgb, t.image, r.image);
  assert.ok(sc.ssim > sr.ssim + 0.03, `SSIM chroma ${sc.ssim} vs rgb ${sr.ssim}`);
  assert.ok(sc.psnr > sr.psnr + 0.5, `PSNR chroma ${sc.psnr} vs rgb ${sr.psnr}`);
  // The content term ends lower than the rgb path's.
  const last = (res: typeof rgb) => res.progress.at(-1)!.content;
  assert.ok(last(chroma) < 0.6 * last(rgb), `content ${last(chroma)} vs rgb ${last(rgb)}`);
});
