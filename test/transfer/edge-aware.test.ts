import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { convolve3x3, EDGE_KERNEL_NAMES, EDGE_KERNELS, edgeProbability } from '../../src/filters/edges.js';
import { createImage } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import {
  edgeAwareTransfer,
  edgeContentDistance,
  nonEdgeMask,
} from '../../src/methods/transfer/edge-aware/edge-aware.js';
import { histogramLutTransfer } from '../../src/methods/transfer/histogram-lut/histogram-lut.js';
import { syntheticRgb } from '../helpers/images.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('edge kernels and edge-aware transfer (report §2.3)', () => {
  it('every kernel sums to 0 (flat regions score 0) and matches its second difference', () => {
    for (const k of EDGE_KERNEL_NAMES)
      assert.equal(
        EDGE_KERNELS[k].reduce((s, v) => s + v, 0),
        0,
      );
    // A quadratic x² has horizontal second difference −2 · ([−1 2 −1] is minus eq. 3's ∂²x).
    const w = 9;
    const img = Float32Array.from({ length: w * 3 }, (_, i) => (i % w) ** 2);
    assert.equal(convolve3x3(img, w, 3, EDGE_KERNELS.horizontal)[w + 4], -2);
    assert.equal(convolve3x3(img, w, 3, EDGE_KERNELS.vertical)[w + 4], 0);
  });

  it('edge probability is in [0, 1], 1 only for an isolated spike, 0 on flat areas', () => {
    const x = new Float32Array(49);
    x[24] = 1;
    for (const kernel of EDGE_KERNEL_NAMES) {
      const p = edgeProbability(x, 7, 7, { kernel, sigma: 0 });
      assert.equal(p[24], 1);
      assert.equal(p[0], 0);
      for (const v of p) assert.ok(v >= 0 && v <= 1);
    }
  });

  it('the non-edge mask drops the pixels along a step edge', () => {
    const img = createImage(20, 10, 3);
    for (const c of img.channels)
      c.forEach((_, i, a) => {
        a[i] = i % 20 < 10 ? 0.2 : 0.8;
      });
    const m = nonEdgeMask(img, 0.02, 'laplacian4', 1);
    assert.equal(m[5 * 20 + 9], 0);
    assert.equal(m[5 * 20 + 10], 0);
    assert.equal(m[5 * 20 + 2], 1);
    assert.equal(m[5 * 20 + 17], 1);
  });

  it('threshold 1 (everything counts) equals the plain RGB histogram LUT; a low threshold differs', () => {
    const t = syntheticRgb(48, 32, 1);
    const r = syntheticRgb(40, 40, 5);
    const all = edgeAwareTransfer(t, r, { threshold: 1 });
    const plain = histogramLutTransfer(t, r);
    for (let c = 0; c < 3; c++) assert.deepEqual(all.channels[c], plain.channels[c]);
    const low = edgeAwareTransfer(t, r, { threshold: 0.001 });
    let diff = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < low.channels[c].length; i++)
        diff += Math.abs(low.channels[c][i] - plain.channels[c][i]);
    assert.ok(diff > 0);
  });

  it('P_e of the example targets equals scipy.ndimage (test/fixtures/edge-content.json)', async () => {
    const fx = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/edge-content.json'), 'utf8')) as {
      images: {
        file: string;
        sumSquares: number;
        sum: number;
        max: number;
        samples: Record<string, number>;
      }[];
    };
    for (const ref of fx.images) {
      const img = (await readImage(path.join(REPO_ROOT, ref.file))).image;
      const p = edgeProbability(lumaOf(img), img.width, img.height);
      let sum = 0;
      let sumSquares = 0;
      let max = 0;
      for (const v of p) {
        sum += v;
        sumSquares += v * v;
        max = Math.max(max, v);
      }
      assert.ok(
        Math.abs(sumSquares / ref.sumSquares - 1) < 1e-5,
        `${ref.file}: Σ P_e² ${sumSquares} vs ${ref.sumSquares}`,
      );
      assert.ok(Math.abs(sum / ref.sum - 1) < 1e-5, `${ref.file}: Σ P_e ${sum} vs ${ref.sum}`);
      assert.ok(Math.abs(max - ref.max) < 1e-6);
      for (const [i, v] of Object.entries(ref.samples))
        assert.ok(Math.abs(p[Number(i)] - v) < 1e-6, `${ref.file} pixel ${i}: ${p[Number(i)]} vs ${v}`);
      // A monotone affine map of the luminance, Y → 0.2 + 0.6 Y, scales P_e by 0.6: d_c = 0.4² ‖P_e(T)‖².
      const affine = createImage(img.width, img.height, 1);
      const Y = lumaOf(img);
      for (let i = 0; i < Y.length; i++) affine.channels[0][i] = 0.2 + 0.6 * Y[i];
      const d = edgeContentDistance(affine, img);
      assert.ok(Math.abs(d.targetNorm / ref.sumSquares - 1) < 1e-5);
      assert.ok(Math.abs(d.ratio - 0.16) < 1e-4, `${ref.file}: affine ratio ${d.ratio}`);
    }
  });

  it('the content term d_c is not zero under the monotone LUT: 0.41 ‖P_e(T)‖² on the example pair', async () => {
    const read = async (f: string) => (await readImage(path.join(REPO_ROOT, 'examples', f))).image;
    const [gray, colour, sunset] = await Promise.all([
      read('scene_gray.png'),
      read('scene.png'),
      read('sunset.png'),
    ]);
    const fromGray = edgeContentDistance(edgeAwareTransfer(gray, sunset), gray);
    const fromColour = edgeContentDistance(edgeAwareTransfer(colour, sunset), colour);
    assert.ok(Math.abs(fromGray.ratio - 0.4123) < 0.002, `gray target: d_c / ‖P_e(T)‖² = ${fromGray.ratio}`);
    assert.ok(Math.abs(fromColour.ratio - 0.3008) < 0.002, `colour target: ${fromColour.ratio}`);
    // The same measure is ~0 where the LUT is ~the identity (an image matched to itself).
    assert.ok(edgeContentDistance(edgeAwareTransfer(colour, colour), colour).ratio < 1e-3);
    assert.throws(
      () => edgeContentDistance(createImage(10, 8, 3), gray),
      /result is 10×8 but the target is 384×256/,
    );
  });
});
