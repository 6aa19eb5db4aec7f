/**
 * The fused method (issue 18) against independent references: the geodesic stroke distance
 * against a literal Bellman–Ford relaxation, the coupled-TV energy of eq. 2 written out here
 * (not the library's) on fused candidates against a brute-force search over selections, strokes
 * hard where drawn, and one source alone against that source's own method.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { ColorizeError } from '../../src/errors.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { fuseColorize, fusedCandidates } from '../../src/methods/fuse/fuse.js';
import { geodesicDistance, strokeConfidence } from '../../src/methods/fuse/geodesic.js';
import { colorizeLevin } from '../../src/methods/scribbles/levin/levin.js';
import { seededRandom } from '../../src/random.js';
import { coupledTvSelect } from '../../src/solve/coupled-tv.js';
import { dataPath } from '../helpers/shared.js';

async function valPhoto(name: string, width: number): Promise<{ truth: ImageF32; gray: ImageF32 }> {
  const src = (await readImage(dataPath('val', name))).image;
  const truth = resizeImage(src, width, Math.round((src.height * width) / src.width), 'area');
  return { truth, gray: { width: truth.width, height: truth.height, channels: [lumaOf(truth)] } };
}

test('geodesic distance equals a literal Bellman–Ford relaxation of 1 + β|ΔL*| steps', () => {
  const W = 9;
  const H = 7;
  const r = seededRandom(5);
  const lum = Float32Array.from({ length: W * H }, () => 100 * r());
  const seeds = new Uint8Array(W * H);
  seeds[10] = 1;
  seeds[50] = 1;
  for (const beta of [0, 0.3, 2]) {
    const d = geodesicDistance(lum, W, H, seeds, beta);
    // Bellman–Ford: relax every edge until nothing changes (float64, no heap).
    const ref = Array.from(seeds, (s) => (s ? 0 : Number.POSITIVE_INFINITY));
    for (let changed = true; changed; ) {
      changed = false;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const p = y * W + x;
          const nb = [x > 0 ? p - 1 : -1, x < W - 1 ? p + 1 : -1, y > 0 ? p - W : -1, y < H - 1 ? p + W : -1];
          for (const q of nb) {
            if (q < 0) continue;
            const v = ref[q] + 1 + beta * Math.abs(lum[p] - lum[q]);
            if (v < ref[p] - 1e-12) {
              ref[p] = v;
              changed = true;
            }
          }
        }
    }
    for (let i = 0; i < W * H; i++)
      assert.ok(
        Math.abs(d[i] - ref[i]) <= 1e-4 * Math.max(1, ref[i]),
        `β ${beta}, pixel ${i}: ${d[i]} vs ${ref[i]}`,
      );
    if (beta === 0) assert.equal(d[W * H - 1], 4); // Manhattan to the seed at (5, 5): |8 − 5| + |6 − 5|
    const conf = strokeConfidence(d, 7);
    for (let i = 0; i < W * H; i++) assert.ok(Math.abs(conf[i] - Math.exp(-ref[i] / 7)) < 1e-6);
  }
});

/** Eq. 2 of Mouzon et al. written out: TV_C(u) + λ/2 Σ_x Σ_i w_i ‖u − c_i‖² (forward differences, 0 at the border). */
function literalEnergy(
  lum: Float32Array,
  W: number,
  H: number,
  K: number,
  ca: Float32Array,
  cb: Float32Array,
  ua: ArrayLike<number>,
  ub: ArrayLike<number>,
  w: ArrayLike<number>,
  lambda: number,
  gamma: number,
  cost?: Float32Array,
): number {
  let e = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const dx = (f: ArrayLike<number>) => (x + 1 < W ? f[i + 1] - f[i] : 0);
      const dy = (f: ArrayLike<number>) => (y + 1 < H ? f[i + W] - f[i] : 0);
      e += Math.sqrt(
        gamma * (dx(lum) ** 2 + dy(lum) ** 2) + dx(ua) ** 2 + dy(ua) ** 2 + dx(ub) ** 2 + dy(ub) ** 2,
      );
      for (let k = 0; k < K; k++)
        e +=
          (lambda / 2) * w[i * K + k] * ((ua[i] - ca[i * K + k]) ** 2 + (ub[i] - cb[i * K + k]) ** 2) +
          (cost ? w[i * K + k] * cost[i * K + k] : 0);
    }
  return e;
}

test('coupled TV on fused candidates: eq. 2 (written out) decreases to a block minimiser, checked by brute force', () => {
  // 3×3 pixels, a luminance edge between column 0 and columns 1–2. A stroke at (0, 0), the
  // reference's two colours per superpixel (one superpixel per side), one CNN-like candidate.
  const W = 3;
  const H = 3;
  const n = W * H;
  const lum = Float32Array.from({ length: n }, (_, i) => (i % W === 0 ? 30 : 70));
  const mask = new Uint8Array(n);
  mask[0] = 1;
  const conf = strokeConfidence(geodesicDistance(lum, W, H, mask, 1), 2);
  const stroke = { a: new Float32Array(n).fill(40), b: new Float32Array(n).fill(20), conf, mask };
  const exemplar = {
    width: W,
    height: H,
    labels: Int32Array.from({ length: n }, (_, i) => (i % W === 0 ? 0 : 1)),
    segments: 2,
    k: 1,
    a: Float32Array.of(35, -20),
    b: Float32Array.of(25, -30),
    weight: Float32Array.of(1, 1),
    fusedA: Float32Array.from({ length: n }, (_, i) => (i % W === 0 ? 30 : -15)),
    fusedB: Float32Array.from({ length: n }, (_, i) => (i % W === 0 ? 15 : -25)),
    features: 'test',
    notices: [],
  };
  // μ = 0: eq. 2 as in the paper; μ = 2: with the prior −μ log w⁰ on the initial weights.
  for (const prior of [0, 2]) {
    const c = fusedCandidates({ W, H, exemplar, stroke }, { ka: 0, kr: 1, ws: 4, wr: 1, wa: 1, prior }, W, H);
    assert.equal(c.count, 3);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += c.weight[i * 3 + k];
      assert.ok(Math.abs(s - 1) < 1e-6, `pixel ${i}: weights sum to ${s}`);
    }
    // Hard at the stroke: every candidate is the stroke colour.
    for (let k = 0; k < 3; k++) assert.deepEqual([c.a[k], c.b[k]], [40, 20]);
    const lambda = 50;
    const gamma = 4;
    const K = c.count;
    const init = { a: new Float32Array(n), b: new Float32Array(n) };
    for (let i = 0; i < n; i++)
      for (let k = 0; k < K; k++) {
        init.a[i] += c.weight[i * K + k] * c.a[i * K + k];
        init.b[i] += c.weight[i * K + k] * c.b[i * K + k];
      }
    const e0 = literalEnergy(lum, W, H, K, c.a, c.b, init.a, init.b, c.weight, lambda, gamma, c.cost);
    const r = coupledTvSelect(lum, c, {
      lambda,
      gamma,
      iterations: 2000,
      selectIterations: 500,
      tolerance: 1e-7,
    });
    assert.ok(r.binary);
    const e1 = literalEnergy(lum, W, H, K, c.a, c.b, r.a, r.b, r.weight, lambda, gamma, c.cost);
    assert.ok(e1 < e0, `energy ${e0.toFixed(3)} → ${e1.toFixed(3)}`);
    // (u, w) is a block minimiser of eq. 2 (what the alternating scheme of Tan, Pierre & Nikolova
    // guarantees; eq. 2 is not convex in (u, w) jointly). w: brute force over all K^n vertex
    // selections with u fixed, evaluated literally, finds the solver's selection.
    let best = Number.POSITIVE_INFINITY;
    let bestSel: number[] = [];
    const sel = new Array<number>(n).fill(0);
    const w = new Float64Array(n * K);
    for (let code = 0; code < K ** n; code++) {
      let t = code;
      w.fill(0);
      for (let i = 0; i < n; i++) {
        sel[i] = t % K;
        t = Math.floor(t / K);
        w[i * K + sel[i]] = 1;
      }
      const e = literalEnergy(lum, W, H, K, c.a, c.b, r.a, r.b, w, lambda, gamma, c.cost);
      if (e < best - 1e-9) {
        best = e;
        bestSel = [...sel];
      }
    }
    assert.ok(Math.abs(e1 - best) < 1e-3 * best, `solver ${e1.toFixed(4)} vs brute force ${best.toFixed(4)}`);
    for (let i = 0; i < n; i++) {
      const k = r.winner[i];
      assert.ok(
        Math.abs(c.a[i * K + k] - c.a[i * K + bestSel[i]]) < 1e-4 &&
          Math.abs(c.b[i * K + k] - c.b[i * K + bestSel[i]]) < 1e-4,
        `pixel ${i}: candidate ${k} vs brute force ${bestSel[i]}`,
      );
    }
    // u: no move of one pixel's a* or b* by ±0.25 lowers the literal energy (w fixed).
    const ua = Float64Array.from(r.a);
    const ub = Float64Array.from(r.b);
    for (let i = 0; i < n; i++)
      for (const plane of [ua, ub])
        for (const d of [-0.25, 0.25]) {
          plane[i] += d;
          const e = literalEnergy(lum, W, H, K, c.a, c.b, ua, ub, r.weight, lambda, gamma, c.cost);
          plane[i] -= d;
          assert.ok(e >= e1 - 1e-3 * e1, `pixel ${i} moved by ${d}: ${e.toFixed(4)} < ${e1.toFixed(4)}`);
        }
    // The stroke side keeps the stroke colour, the far side the reference's (the weights chose it).
    assert.deepEqual([c.a[3 * 2 + r.winner[2]], c.b[3 * 2 + r.winner[2]]].map(Math.round), [-15, -25]);
    assert.deepEqual([Math.round(r.a[0]), Math.round(r.b[0])], [40, 20]);
    assert.equal(c.cost !== undefined, prior > 0);
  }
});

test('no hint is a usage error; strokes alone are exactly the levin method', async () => {
  const { gray, truth } = await valPhoto('bsds500_100007.jpg', 120);
  await assert.rejects(
    fuseColorize(gray, {}),
    (e: unknown) => e instanceof ColorizeError && e.kind === 'usage' && /no hint/.test(e.message),
  );
  const strokes = shortStrokes(truth, 2000, 3);
  const res = await fuseColorize(gray, { strokes });
  const lev = colorizeLevin(gray, strokes);
  for (let c = 0; c < 3; c++) assert.deepEqual(res.rgb.channels[c], lev.rgb.channels[c]);
});
