import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lumaOf, rgbToLumaChroma } from '../../../src/color/linear-spaces.js';
import { createImage } from '../../../src/image/image.js';
import { levinWeights, symmetricAffinity } from '../../../src/methods/scribbles/levin/affinity.js';
import {
  colorizeLevin,
  levinChroma,
  reservedLevinGrid,
  reserveLevinArena,
  strokeChroma,
} from '../../../src/methods/scribbles/levin/levin.js';
import { rasterizeStrokes } from '../../../src/methods/scribbles/strokes.js';
import { psnr } from '../../../src/metrics/psnr.js';
import { kernelHelper } from '../../../src/solve/wasm/helper-thread.js';
import { grayOf, scene, simulatedStrokes } from './helpers.js';

test('fast and exact solves agree within 0.1 dB on several images', () => {
  const cases: Array<[number, number, number, number]> = [
    [64, 48, 1, 8],
    [120, 90, 2, 12],
    [97, 131, 3, 10],
    [180, 140, 4, 20],
  ];
  for (const [W, H, seed, count] of cases) {
    const truth = scene(W, H, seed);
    const gray = grayOf(truth);
    const strokes = simulatedStrokes(truth, count, seed + 10);
    const exact = colorizeLevin(gray, strokes, { solver: 'direct' });
    const fast = colorizeLevin(gray, strokes);
    assert.ok(fast.stats.converged);
    const pe = psnr(exact.rgb, truth);
    const pf = psnr(fast.rgb, truth);
    assert.ok(Math.abs(pe - pf) <= 0.1, `${W}×${H}: exact ${pe.toFixed(3)} dB, fast ${pf.toFixed(3)} dB`);
    // And the two results are close to each other in absolute terms.
    assert.ok(
      psnr(fast.rgb, exact.rgb) > 50,
      `${W}×${H}: fast vs exact ${psnr(fast.rgb, exact.rgb).toFixed(1)} dB`,
    );
  }
});

test('stroke pixels keep their chroma exactly; luminance equals the gray input', () => {
  const truth = scene(90, 70, 5);
  const gray = grayOf(truth);
  const strokes = simulatedStrokes(truth, 10, 3);
  for (const space of ['yuv', 'yiq'] as const) {
    const res = colorizeLevin(gray, strokes, { space });
    // The whole-image conversion as the reference for the stroke-pixel-only one the solve uses.
    const lc = rgbToLumaChroma(strokes.colors, space);
    const want = [lc.channels[1], lc.channels[2]];
    const sparse = strokeChroma(strokes, space);
    for (let i = 0; i < strokes.mask.length; i++) {
      if (!strokes.mask[i]) continue;
      assert.equal(sparse[0][i], want[0][i]);
      assert.equal(sparse[1][i], want[1][i]);
      assert.equal(res.chroma.channels[0][i], want[0][i]);
      assert.equal(res.chroma.channels[1][i], want[1][i]);
    }
    const Y = lumaOf(res.rgb);
    let maxDiff = 0;
    for (let i = 0; i < Y.length; i++) maxDiff = Math.max(maxDiff, Math.abs(Y[i] - gray.channels[0][i]));
    assert.ok(maxDiff < 1e-5, `${space}: luminance differs by up to ${maxDiff}`);
    // Strokes whose colour has the gray's luminance come back as the stroke colour in RGB.
    let maxRgb = 0;
    for (let i = 0; i < strokes.mask.length; i++) {
      if (!strokes.mask[i]) continue;
      for (let c = 0; c < 3; c++)
        maxRgb = Math.max(maxRgb, Math.abs(res.rgb.channels[c][i] - strokes.colors.channels[c][i]));
    }
    assert.ok(maxRgb < 1e-4, `${space}: stroke colours off by ${maxRgb}`);
  }
});

test('a flat image with one stroke becomes uniformly that colour', () => {
  const gray = createImage(57, 43, 1);
  gray.channels[0].fill(0.45);
  const rgb: [number, number, number] = [0.62, 0.41, 0.3]; // luma 0.4523 ≈ gray: in gamut
  const strokes = rasterizeStrokes([{ points: [10, 30, 20, 33], radius: 2, rgb }], 57, 43);
  const want = strokeChroma(strokes, 'yuv');
  const k = strokes.mask.indexOf(1);
  const res = levinChroma(gray, strokes, { tolerance: 1e-8 });
  for (let c = 0; c < 2; c++) {
    for (const v of res.chroma.channels[c])
      assert.ok(Math.abs(v - want[c][k]) < 1e-5, `chroma ${c}: ${v} vs ${want[c][k]}`);
  }
});

test('affinities follow Levin et al.: rows sum to 1, similar neighbours weigh more', () => {
  const W = 5;
  const Y = Float32Array.from({ length: 25 }, (_, i) => (i % W < 2 ? 0.2 : 0.8));
  const w = levinWeights(Y, W, 5);
  for (let r = 0; r < 25; r++) {
    let s = 0;
    for (const p of w) s += p[r];
    assert.ok(Math.abs(s - 1) < 1e-6);
  }
  const r = 2 * W + 1; // x = 1, on the dark side of the edge
  assert.ok(w[0][r] > 100 * w[1][r], `W ${w[0][r]} vs E ${w[1][r]}`);
  const L = symmetricAffinity(Y, W, 5);
  assert.ok(Math.abs(L.e[L.pad + r] - (w[1][r] + w[0][r + 1]) / 2) < 1e-7);
});

test('an arena reserved ahead (the CLI, while it decodes) is taken by the solve of its grid only, with the same result', () => {
  const truth = scene(300, 230, 5); // above the split size: the helper thread faults the reserve in
  const gray = grayOf(truth);
  const strokes = simulatedStrokes(truth, 60, 3);
  const plain = levinChroma(gray, strokes);
  assert.equal(reserveLevinArena(300, 230), true);
  assert.deepEqual(reservedLevinGrid(), { width: 300, height: 230 });
  const withReserve = levinChroma(gray, strokes);
  assert.equal(reservedLevinGrid(), null, 'taken by the solve');
  for (let c = 0; c < 2; c++) assert.deepEqual(withReserve.chroma.channels[c], plain.chroma.channels[c]);
  // Both solves report the fault-in of their arena (the reserve's from the reservation on).
  if (kernelHelper())
    for (const { stats } of [plain, withReserve])
      assert.ok(
        stats.faultIn && stats.faultIn.mib > 8 && stats.faultIn.ms > 0,
        JSON.stringify(stats.faultIn),
      );
  // Another size: the solve makes its own arena and drops the reserve.
  reserveLevinArena(200, 100);
  const other = levinChroma(gray, strokes);
  assert.equal(reservedLevinGrid(), null);
  assert.deepEqual(other.chroma.channels[0], plain.chroma.channels[0]);
  // Larger than the working size: the reserve is for the working grid colorizeLevin solves on.
  assert.equal(reserveLevinArena(3000, 2000, { workingPixels: 300_000 }), true);
  const g = reservedLevinGrid();
  assert.ok(
    g && g.width * g.height <= 300_000 && Math.abs(g.width / g.height - 1.5) < 0.01,
    JSON.stringify(g),
  );
  // Systems without an arena, and invalid options, reserve nothing (the solve reports the error).
  assert.equal(reserveLevinArena(300, 230, { system: 'symmetric' }), false);
  assert.equal(reserveLevinArena(300, 230, { workingPixels: -4 }), false);
  assert.equal(reservedLevinGrid(), null);
});
