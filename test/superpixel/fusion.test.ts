import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourFusion, fusionExponent, fusionStats } from '../../src/methods/exemplar/superpixel/fusion.js';
import { softmaxRows } from '../../src/methods/exemplar/superpixel/sfm.js';
import { slic } from '../../src/segment/slic.js';
import { rng, syntheticRgb } from '../helpers/images.js';

/** Eq. 4–6 literally: W(p, j) = Σ_i d(p, i) A(i, j) over all i, Î(p) = Σ_j W Ī_R(j) / Σ_j W. */
function bruteForce(
  guide: Float32Array[],
  sp: ReturnType<typeof slic>,
  A: Float32Array,
  NR: number,
  refColours: Float32Array,
  opts: { deltaS: number; deltaC: number; sigmaG: number; cutoff: number },
) {
  const s = fusionStats(guide, sp, opts);
  const N = sp.count;
  const out = [0, 1, 2].map(() => new Float64Array(sp.labels.length));
  for (let p = 0; p < sp.labels.length; p++) {
    const x = p % sp.width;
    const y = Math.floor(p / sp.width);
    const col = guide.map((g) => g[p]);
    const e = Array.from({ length: N }, (_, i) => {
      const [a, b] = fusionExponent(s, i, x, y, col, opts.sigmaG);
      return a + b;
    });
    const emin = Math.min(...e);
    const d = e.map((v) => Math.exp(emin - v)); // common factor e^emin cancels in eq. 4
    const Wpj = new Float64Array(NR);
    for (let i = 0; i < N; i++) for (let j = 0; j < NR; j++) Wpj[j] += d[i] * A[i * NR + j];
    const tot = Wpj.reduce((a, b) => a + b, 0);
    for (let c = 0; c < 3; c++) {
      let v = 0;
      for (let j = 0; j < NR; j++) v += Wpj[j] * refColours[j * 3 + c];
      out[c][p] = v / tot;
    }
  }
  return out;
}

test('fusion: reordered, bounded eq. 4 equals the literal sum over all superpixels', () => {
  const img = syntheticRgb(40, 30, 4);
  const gray = img.channels[1];
  const sp = slic({ width: 40, height: 30, channels: [gray] }, { segments: 30 });
  const NR = 6;
  const r = rng(9);
  const M = Float32Array.from({ length: sp.count * NR }, () => r() * 2 - 1);
  const A = softmaxRows(M, sp.count, NR, 0.2);
  const refColours = Float32Array.from({ length: NR * 3 }, () => r());
  const C = new Float32Array(sp.count * 3);
  for (let i = 0; i < sp.count; i++)
    for (let j = 0; j < NR; j++)
      for (let c = 0; c < 3; c++) C[i * 3 + c] += A[i * NR + j] * refColours[j * 3 + c];
  for (const opts of [
    { deltaS: 10, deltaC: 0.1, sigmaG: 1, cutoff: 1e4 },
    { deltaS: 0.5, deltaC: 3, sigmaG: 2, cutoff: 1e4 },
  ]) {
    const fast = colourFusion([gray], sp, C, opts);
    const ref = bruteForce([gray], sp, A, NR, refColours, opts);
    for (let c = 0; c < 3; c++)
      for (let p = 0; p < gray.length; p++) assert.ok(Math.abs(fast[c][p] - ref[c][p]) < 1e-4, `pixel ${p}`);
  }
  // With the default bound κ² = 9 the result stays close to the exact one.
  const opts = { deltaS: 10, deltaC: 0.1, sigmaG: 1, cutoff: 9 };
  const fast = colourFusion([gray], sp, C, opts);
  const ref = bruteForce([gray], sp, A, NR, refColours, opts);
  let err = 0;
  for (let c = 0; c < 3; c++)
    for (let p = 0; p < gray.length; p++) err = Math.max(err, Math.abs(fast[c][p] - ref[c][p]));
  assert.ok(err < 0.02, `max deviation ${err}`);
});

test('fusion weights: d(p, i) follows eq. 5–6 (δs scales space, δc colour)', () => {
  // Two superpixels: left half dark, right half bright, with some texture.
  const W = 8;
  const H = 4;
  const g = new Float32Array(W * H);
  const labels = new Int32Array(W * H);
  for (let p = 0; p < W * H; p++) {
    const x = p % W;
    labels[p] = x < 4 ? 0 : 1;
    g[p] = (x < 4 ? 0.2 : 0.8) + 0.05 * ((x + Math.floor(p / W)) % 2);
  }
  const sp = { width: W, height: H, labels, count: 2 };
  const s1 = fusionStats([g], sp, { deltaS: 1, deltaC: 1 });
  const s2 = fusionStats([g], sp, { deltaS: 2, deltaC: 0.5 });
  const [a1, b1] = fusionExponent(s1, 0, 6, 1, [0.8], 1);
  const [a2, b2] = fusionExponent(s2, 0, 6, 1, [0.8], 1);
  assert.ok(Math.abs(a2 - a1 / 4) < 1e-9, 'doubling δs divides the spatial term by 4');
  assert.ok(Math.abs(b2 - b1 * 4) < 1e-6, 'halving δc multiplies the colour term by 4');
  // A bright pixel gets the colour of the bright superpixel; the weights are a partition of unity.
  const out = colourFusion([g], sp, Float32Array.of(0, 0, 1, 1, 0, 0), {
    deltaS: 10,
    deltaC: 0.1,
    sigmaG: 1,
    cutoff: 9,
  });
  assert.ok(out[0][6] > 0.99 && out[2][6] < 0.01);
  assert.ok(out[2][1] > 0.99 && out[0][1] < 0.01);
  for (let p = 0; p < W * H; p++) assert.ok(Math.abs(out[0][p] + out[2][p] - 1) < 1e-6);
});
