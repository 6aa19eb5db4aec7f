import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abBins } from '../../src/color/ab-bins.js';
import { candidatesFromDistribution } from '../../src/methods/automatic/cnn-tv/candidates.js';
import { seededRandom } from '../../src/random.js';

describe('candidatesFromDistribution', () => {
  it('matches the top K of the full bilinear interpolation of all bins', () => {
    const bins = abBins();
    const Q = bins.count;
    const w0 = 7;
    const h0 = 5;
    const rnd = seededRandom(3);
    // Peaked random distributions, like a softmax output.
    const probs = new Float32Array(w0 * h0 * Q);
    for (let p = 0; p < w0 * h0; p++) {
      let s = 0;
      for (let q = 0; q < Q; q++) {
        const v = Math.exp(6 * rnd() ** 3);
        probs[p * Q + q] = v;
        s += v;
      }
      for (let q = 0; q < Q; q++) probs[p * Q + q] /= s;
    }
    const W = 29;
    const H = 23;
    const K = 10;
    const c = candidatesFromDistribution({ width: w0, height: h0, probs, bins }, W, H, K);
    let same = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const fx = Math.min(Math.max((x + 0.5) * (w0 / W) - 0.5, 0), w0 - 1);
        const fy = Math.min(Math.max((y + 0.5) * (h0 / H) - 0.5, 0), h0 - 1);
        const x0 = Math.floor(fx);
        const y0 = Math.floor(fy);
        const x1 = Math.min(x0 + 1, w0 - 1);
        const y1 = Math.min(y0 + 1, h0 - 1);
        const tx = fx - x0;
        const ty = fy - y0;
        const full = Array.from({ length: Q }, (_, q) => ({
          q,
          v:
            (1 - tx) * (1 - ty) * probs[(y0 * w0 + x0) * Q + q] +
            tx * (1 - ty) * probs[(y0 * w0 + x1) * Q + q] +
            (1 - tx) * ty * probs[(y1 * w0 + x0) * Q + q] +
            tx * ty * probs[(y1 * w0 + x1) * Q + q],
        })).sort((p1, p2) => p2.v - p1.v);
        const i = y * W + x;
        let ok = true;
        let sum = 0;
        for (let k = 0; k < K; k++) {
          const q = full[k].q;
          if (c.a[i * K + k] !== bins.a[q] || c.b[i * K + k] !== bins.b[q]) ok = false;
          sum += c.weight[i * K + k];
        }
        assert.ok(Math.abs(sum - 1) < 1e-5);
        if (ok) same++;
      }
    assert.ok(same / (W * H) > 0.99, `${same} of ${W * H} pixels have the exact top ${K}`);
  });
});
