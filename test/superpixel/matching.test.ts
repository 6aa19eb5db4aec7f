import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resizePlane } from '../../src/image/resize.js';
import { superFeatures } from '../../src/methods/exemplar/superpixel/sfe.js';
import {
  attentionGemm,
  colorizationAttention,
  correlationMatrix,
  correlationMatrixGemm,
  softmaxRows,
  transferAttention,
} from '../../src/methods/exemplar/superpixel/sfm.js';
import { rng } from '../helpers/images.js';

function randomMatrix(n: number, c: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n * c }, () => r() * 2 - 1);
}

test('SFE: pooling a coarse map equals up-sampling it bilinearly and then averaging', () => {
  const W = 23;
  const H = 17;
  const r = rng(3);
  const labels = new Int32Array(W * H);
  for (let p = 0; p < labels.length; p++)
    labels[p] = (Math.floor((p % W) / 5) + 5 * Math.floor(p / W / 6)) % 9;
  const sp = { width: W, height: H, labels, count: 9 };
  const w = 6;
  const h = 4;
  const C = 3;
  const data = Float32Array.from({ length: C * w * h }, () => r());
  const pooled = superFeatures({ channels: C, width: w, height: h, data }, sp);
  for (let c = 0; c < C; c++) {
    const up = resizePlane(data.subarray(c * w * h, (c + 1) * w * h), w, h, W, H, 'bilinear');
    const sum = new Float64Array(9);
    const cnt = new Float64Array(9);
    for (let p = 0; p < W * H; p++) {
      sum[labels[p]] += up[p];
      cnt[labels[p]] += 1;
    }
    for (let i = 0; i < 9; i++)
      assert.ok(Math.abs(pooled[i * C + c] - sum[i] / cnt[i]) < 1e-5, `sp ${i} channel ${c}`);
  }
});

test('SFM: correlation is centred and normalised (eq. 2), values in [−1, 1]', () => {
  const FT = randomMatrix(7, 5, 1);
  const M = correlationMatrix(FT, 7, FT, 7, 5);
  for (let i = 0; i < 7; i++) assert.ok(Math.abs(M[i * 7 + i] - 1) < 1e-5, 'self-correlation is 1');
  for (const v of M) assert.ok(v <= 1 + 1e-6 && v >= -1 - 1e-6);
  // Adding a constant to every super-feature changes nothing (centring by μ).
  const shifted = FT.map((v) => v + 3);
  const M2 = correlationMatrix(shifted, 7, FT, 7, 5);
  for (let k = 0; k < M.length; k++) assert.ok(Math.abs(M[k] - M2[k]) < 1e-5);
});

test('SFM: softmax rows sum to 1, and τ → 0 gives argmax matching (eq. 1)', () => {
  const M = correlationMatrix(randomMatrix(12, 8, 2), 12, randomMatrix(9, 8, 3), 9, 8);
  for (const tau of [1, 0.015, 1e-4]) {
    const A = softmaxRows(M, 12, 9, tau);
    for (let i = 0; i < 12; i++) {
      let s = 0;
      for (let j = 0; j < 9; j++) {
        assert.ok(A[i * 9 + j] >= 0);
        s += A[i * 9 + j];
      }
      assert.ok(Math.abs(s - 1) < 1e-5, `row ${i} sums to ${s} at τ=${tau}`);
    }
  }
  const A = softmaxRows(M, 12, 9, 1e-7);
  for (let i = 0; i < 12; i++) {
    let best = 0;
    for (let j = 1; j < 9; j++) if (M[i * 9 + j] > M[i * 9 + best]) best = j;
    assert.ok(A[i * 9 + best] > 0.999, `row ${i} is one-hot on its argmax`);
  }
});

test('SFM: transfer averages per-layer softmaxes (eq. 3); colorization sums correlations first (eq. 7)', () => {
  const layers = [4, 6].map((c, k) => ({
    target: randomMatrix(5, c, 10 + k),
    reference: randomMatrix(4, c, 20 + k),
    channels: c,
  }));
  const tau = 0.3;
  const At = transferAttention(layers, 5, 4, tau, [1, 3]);
  const A0 = softmaxRows(correlationMatrix(layers[0].target, 5, layers[0].reference, 4, 4), 5, 4, tau);
  const A1 = softmaxRows(correlationMatrix(layers[1].target, 5, layers[1].reference, 4, 6), 5, 4, tau);
  for (let k = 0; k < 20; k++) assert.ok(Math.abs(At[k] - (A0[k] + 3 * A1[k]) / 4) < 1e-6);
  const Ac = colorizationAttention(layers, 5, 4, tau, [1, 3]);
  const M0 = correlationMatrix(layers[0].target, 5, layers[0].reference, 4, 4);
  const M1 = correlationMatrix(layers[1].target, 5, layers[1].reference, 4, 6);
  const S = M0.map((v, k) => v + 3 * M1[k]);
  const As = softmaxRows(S, 5, 4, tau);
  for (let k = 0; k < 20; k++) assert.ok(Math.abs(Ac[k] - As[k]) < 1e-6);
});

test('SFM through ONNX Runtime GEMM equals the float64 sums of eq. 2 (and eq. 1/3, eq. 7 after it)', async () => {
  const r = rng(21);
  const NT = 37;
  const NR = 29;
  const layers = [5, 64, 3].map((C) => ({
    target: Float32Array.from({ length: NT * C }, () => r()),
    reference: Float32Array.from({ length: NR * C }, () => r()),
    channels: C,
  }));
  const M = correlationMatrix(layers[1].target, NT, layers[1].reference, NR, 64);
  const G = await correlationMatrixGemm(layers[1].target, NT, layers[1].reference, NR, 64);
  for (let i = 0; i < M.length; i++) assert.ok(Math.abs(M[i] - G[i]) < 1e-5, `M[${i}]`);
  const w = [1, 0.5, 2];
  for (const [mode, ref] of [
    ['transfer', transferAttention(layers, NT, NR, 0.015, w)],
    ['colorize', colorizationAttention(layers, NT, NR, 0.015, w)],
  ] as const) {
    const A = await attentionGemm(mode, layers, NT, NR, 0.015, w);
    let err = 0;
    for (let i = 0; i < A.length; i++) err = Math.max(err, Math.abs(A[i] - ref[i]));
    assert.ok(err < 1e-3, `${mode}: max |ΔA| ${err}`);
  }
});
