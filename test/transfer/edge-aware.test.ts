import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convolve3x3, EDGE_KERNEL_NAMES, EDGE_KERNELS, edgeProbability } from '../../src/filters/edges.js';
import { createImage } from '../../src/image/image.js';
import { edgeAwareTransfer, nonEdgeMask } from '../../src/methods/transfer/edge-aware/edge-aware.js';
import { histogramLutTransfer } from '../../src/methods/transfer/histogram-lut/histogram-lut.js';
import { syntheticRgb } from '../helpers/images.js';

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
});
