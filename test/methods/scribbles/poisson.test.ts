import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lumaOf } from '../../../src/color/linear-spaces.js';
import { createImage } from '../../../src/image/image.js';
import { colorizePoisson, poissonMergeRgb } from '../../../src/methods/scribbles/poisson/poisson.js';
import { rasterizeStrokes } from '../../../src/methods/scribbles/strokes.js';
import { psnr } from '../../../src/metrics/psnr.js';
import { grayOf, scene, simulatedStrokes } from './helpers.js';

test('eq. 7 holds at free pixels: (1 + λN)x − λΣx_i = (1 + λN)t − λΣt_i', () => {
  const truth = scene(40, 30, 3);
  const gray = grayOf(truth);
  const strokes = simulatedStrokes(truth, 6, 2);
  const lambda = 10;
  const { rgb } = poissonMergeRgb(gray, strokes, { lambda, solver: 'direct' });
  const t = gray.channels[0];
  const W = 40;
  for (let y = 1; y < 29; y++)
    for (let x = 1; x < 39; x++) {
      const i = y * W + x;
      if (strokes.mask[i]) continue;
      for (const X of rgb.channels) {
        const nb = [i - 1, i + 1, i - W, i + W];
        const lhs = (1 + 4 * lambda) * X[i] - lambda * nb.reduce((s, j) => s + X[j], 0);
        const rhs = (1 + 4 * lambda) * t[i] - lambda * nb.reduce((s, j) => s + t[j], 0);
        assert.ok(Math.abs(lhs - rhs) < 1e-4, `(${x}, ${y}): ${lhs} vs ${rhs}`);
      }
    }
});

test('λ = 0 leaves the gray image; strokes are kept; large λ spreads a flat offset', () => {
  const gray = createImage(30, 20, 1);
  gray.channels[0].fill(0.4);
  const rgbStroke: [number, number, number] = [0.6, 0.35, 0.2];
  const strokes = rasterizeStrokes([{ points: [3, 3, 8, 5], radius: 1.5, rgb: rgbStroke }], 30, 20);
  const zero = poissonMergeRgb(gray, strokes, { lambda: 0 }).rgb;
  const big = poissonMergeRgb(gray, strokes, { tolerance: 1e-8 }).rgb;
  for (let i = 0; i < 600; i++) {
    for (let c = 0; c < 3; c++) {
      if (strokes.mask[i]) assert.equal(big.channels[c][i], strokes.colors.channels[c][i]);
      else assert.ok(Math.abs(zero.channels[c][i] - 0.4) < 1e-6);
      assert.ok(
        Math.abs(big.channels[c][i] - rgbStroke[c]) < 1e-4,
        `λ=1e10 pixel ${i}: ${big.channels[c][i]}`,
      );
    }
  }
});

test('fast and exact Poisson solves agree; the finished result keeps the gray luminance', () => {
  const truth = scene(110, 80, 6);
  const gray = grayOf(truth);
  const strokes = simulatedStrokes(truth, 12, 4);
  const exact = colorizePoisson(gray, strokes, { solver: 'direct' });
  const fast = colorizePoisson(gray, strokes);
  assert.ok(Math.abs(psnr(exact.rgb, truth) - psnr(fast.rgb, truth)) <= 0.1);
  assert.ok(psnr(fast.rgb, exact.rgb) > 50);
  const Y = lumaOf(fast.rgb);
  for (let i = 0; i < Y.length; i++) assert.ok(Math.abs(Y[i] - gray.channels[0][i]) < 1e-5);
});
