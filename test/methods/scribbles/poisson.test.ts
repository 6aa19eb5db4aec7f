import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lumaOf, rgbToLumaChroma } from '../../../src/color/linear-spaces.js';
import { createImage, cropImage } from '../../../src/image/image.js';
import { readImage } from '../../../src/image/io.js';
import { colorizePoisson, poissonMergeRgb } from '../../../src/methods/scribbles/poisson/poisson.js';
import { rasterizeStrokes, strokesFromMarked } from '../../../src/methods/scribbles/strokes.js';
import { psnr } from '../../../src/metrics/psnr.js';
import { dataPath, REPO_ROOT } from '../../helpers/shared.js';
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

// ---- What eq. 7 does to colour, and the raw RGB output (issue 14 §4) ----

/**
 * Eq. 7 with t = 0 written out as a dense matrix over the free pixels (row s: (1 + λ#N(s)) on the
 * diagonal, −λ for each free 4-neighbour, λ·u_i of each stroke neighbour on the right-hand side)
 * and solved by Gaussian elimination in double precision (the matrix is symmetric positive
 * definite, so no pivoting is needed). Returns u everywhere (stroke values kept).
 */
function denseEq7(u0: Float32Array, mask: Uint8Array, W: number, H: number, lambda: number): Float64Array {
  const idx = new Int32Array(W * H).fill(-1);
  const free: number[] = [];
  for (let i = 0; i < W * H; i++) if (!mask[i]) idx[i] = free.push(i) - 1;
  const n = free.length;
  const A = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const p = free[r];
    const x = p % W;
    const y = (p - x) / W;
    const nbs = [x > 0 ? p - 1 : -1, x + 1 < W ? p + 1 : -1, y > 0 ? p - W : -1, y + 1 < H ? p + W : -1];
    A[r * n + r] = 1;
    for (const q of nbs) {
      if (q < 0) continue;
      A[r * n + r] += lambda;
      if (idx[q] >= 0) A[r * n + idx[q]] -= lambda;
      else b[r] += lambda * u0[q];
    }
  }
  for (let k = 0; k < n; k++) {
    const piv = A[k * n + k];
    for (let r = k + 1; r < n; r++) {
      const f = A[r * n + k] / piv;
      if (f === 0) continue;
      for (let c = k; c < n; c++) A[r * n + c] -= f * A[k * n + c];
      b[r] -= f * b[k];
    }
  }
  const sol = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    let s = b[k];
    for (let c = k + 1; c < n; c++) s -= A[k * n + c] * sol[c];
    sol[k] = s / A[k * n + k];
  }
  const out = Float64Array.from(u0);
  for (let r = 0; r < n; r++) out[free[r]] = sol[r];
  return out;
}

test('real photo: the chroma of eq. 7 ignores the gray image; it is the (I + λL) interpolation of the stroke chroma', async () => {
  const W = 32;
  const H = 24;
  const photo = (await readImage(dataPath('val', 'bsds500_100007.jpg'))).image;
  const other = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
  const truth = cropImage(photo, (photo.width - W) >> 1, (photo.height - H) >> 1, W, H);
  const strokes = simulatedStrokes(truth, 5, 3, 1);
  const gray1 = grayOf(truth);
  const gray2 = grayOf(cropImage(other, 40, 30, W, H));
  let grayDiff = 0;
  for (let i = 0; i < W * H; i++) grayDiff += Math.abs(gray1.channels[0][i] - gray2.channels[0][i]) / (W * H);
  assert.ok(grayDiff > 0.05, `the two gray images should differ (mean |Δ| ${grayDiff})`);
  const strokeChroma = rgbToLumaChroma(strokes.colors, 'yuv');
  for (const lambda of [1, 1e10]) {
    const ref = [1, 2].map((c) => denseEq7(strokeChroma.channels[c], strokes.mask, W, H, lambda));
    for (const gray of [gray1, gray2]) {
      const { chroma, merged } = colorizePoisson(gray, strokes, { lambda, solver: 'direct', output: 'raw' });
      for (let c = 0; c < 2; c++)
        for (let i = 0; i < W * H; i++)
          assert.ok(
            Math.abs(chroma.channels[c][i] - ref[c][i]) < 2e-6,
            `λ = ${lambda}, chroma ${c}, pixel ${i}: ${chroma.channels[c][i]} vs dense ${ref[c][i]}`,
          );
      // The gray image lives on in the luminance only: Y(merged) = t + the same interpolation of
      // the strokes' luma offset from t (zero for gray1, whose strokes carry its own colours).
      const Y = lumaOf(merged);
      const t = gray.channels[0];
      const offset = Float32Array.from(lumaOf(strokes.colors), (v, i) => (strokes.mask[i] ? v - t[i] : 0));
      const drift = denseEq7(offset, strokes.mask, W, H, lambda);
      for (let i = 0; i < W * H; i++)
        assert.ok(
          Math.abs(Y[i] - t[i] - drift[i]) < 2e-6,
          `λ = ${lambda}, pixel ${i}: luma ${Y[i]} vs gray ${t[i]} + drift ${drift[i]}`,
        );
    }
  }
  // At λ = 1 the interpolant decays towards 0 (gray) away from the strokes; at 1e10 it is harmonic.
  const near = denseEq7(strokeChroma.channels[1], strokes.mask, W, H, 1);
  const far = denseEq7(strokeChroma.channels[1], strokes.mask, W, H, 1e10);
  let spread1 = 0;
  let spread10 = 0;
  for (let i = 0; i < W * H; i++) {
    spread1 += Math.abs(near[i]);
    spread10 += Math.abs(far[i]);
  }
  assert.ok(spread1 < spread10, `λ = 1 spreads less chroma (${spread1}) than λ = 1e10 (${spread10})`);
});

test('raw output = the report eq. 7 system built as its listing and solved by scipy (test/fixtures/poisson-eq7.json)', async () => {
  const fx = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/poisson-eq7.json'), 'utf8')) as {
    window: { x: number; y: number; width: number; height: number };
    threshold: number;
    mask: string;
    lambdas: number[];
    rgb: number[][][];
  };
  const { x, y, width: W, height: H } = fx.window;
  const gray = cropImage(
    (await readImage(path.join(REPO_ROOT, 'examples/scene_gray.png'))).image,
    x,
    y,
    W,
    H,
  );
  const marked = cropImage(
    (await readImage(path.join(REPO_ROOT, 'examples/scene_marked.png'))).image,
    x,
    y,
    W,
    H,
  );
  const strokes = strokesFromMarked(gray, marked, fx.threshold);
  assert.equal(Array.from(strokes.mask).join(''), fx.mask);
  for (const [k, lambda] of fx.lambdas.entries()) {
    const expected = fx.rgb[k];
    for (const opts of [{ solver: 'direct' as const }, { tolerance: 1e-9 }]) {
      const res = colorizePoisson(gray, strokes, { lambda, output: 'raw', ...opts });
      let worst = 0;
      for (let c = 0; c < 3; c++)
        for (let i = 0; i < W * H; i++) {
          const m = res.merged.channels[c][i];
          worst = Math.max(worst, Math.abs(m - expected[c][i]));
          assert.equal(res.rgb.channels[c][i], Math.min(1, Math.max(0, m)));
        }
      assert.ok(worst < 2e-6, `λ = ${lambda} ${JSON.stringify(opts)}: max |raw − scipy| = ${worst}`);
    }
  }
});

test('raw keeps the luminance drift of a stroke whose luma differs from the gray; finished keeps the gray', () => {
  const gray = createImage(24, 12, 1);
  gray.channels[0].fill(0.3);
  const strokes = rasterizeStrokes([{ points: [2, 6, 8, 6], radius: 1, rgb: [0.9, 0.6, 0.2] }], 24, 12);
  const raw = colorizePoisson(gray, strokes, { output: 'raw', tolerance: 1e-8 });
  const done = colorizePoisson(gray, strokes, { tolerance: 1e-8 });
  const strokeLuma = 0.299 * 0.9 + 0.587 * 0.6 + 0.114 * 0.2;
  const Yraw = lumaOf(raw.rgb);
  const Ydone = lumaOf(done.rgb);
  for (const i of [6 * 24 + 20, 0, 11 * 24 + 23]) {
    assert.ok(Math.abs(Yraw[i] - strokeLuma) < 1e-4, `raw luma ${Yraw[i]} vs stroke luma ${strokeLuma}`);
    assert.ok(Math.abs(Ydone[i] - 0.3) < 1e-5, `finished luma ${Ydone[i]}`);
  }
  assert.deepEqual(raw.chroma.channels, done.chroma.channels);
  assert.throws(
    () => colorizePoisson(gray, strokes, { output: 'merged' as 'raw' }),
    /option "output" = "merged"/,
  );
});
