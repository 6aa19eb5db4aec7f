import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ColorizeError } from '../../src/errors.js';
import {
  type Candidates,
  coupledTvEnergy,
  coupledTvSelect,
  projectSimplex,
} from '../../src/solve/coupled-tv.js';

/** Two-region toy of the paper's Fig. 4: dark left half (red), bright right half (blue). */
function haloToy(blur: number): { lum: Float32Array; c: Candidates; W: number; H: number } {
  const W = 64;
  const H = 12;
  const K = 2;
  const n = W * H;
  const lum = new Float32Array(n);
  const a = new Float32Array(n * K);
  const b = new Float32Array(n * K);
  const weight = new Float32Array(n * K);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      lum[i] = x < 32 ? 30 : 70;
      a[i * K] = 50;
      b[i * K] = 20;
      a[i * K + 1] = 0;
      b[i * K + 1] = -50;
      // The CNN's low-resolution prediction, up-sampled: a ramp of width `blur` across the
      // edge, which the annealed mean turns into a halo of mixed colours.
      const t = Math.min(1, Math.max(0, (x - (32 - blur / 2)) / blur));
      weight[i * K] = 1 - t;
      weight[i * K + 1] = t;
    }
  return { lum, c: { width: W, height: H, count: K, a, b, weight }, W, H };
}

describe('projectSimplex', () => {
  const proj = (v: number[]) => {
    const a = Float64Array.from(v);
    projectSimplex(a, 0, a.length, new Uint8Array(a.length));
    return [...a].map((x) => Math.round(x * 1e6) / 1e6);
  };
  it('gives known projections', () => {
    assert.deepEqual(proj([0.5, 0.5, 0.5]), [0.333333, 0.333333, 0.333333]);
    assert.deepEqual(proj([2, 0, 0]), [1, 0, 0]);
    assert.deepEqual(proj([0.6, 0.3, -0.2]), [0.65, 0.35, 0]);
    assert.deepEqual(proj([0.2, 0.3, 0.5]), [0.2, 0.3, 0.5]);
    assert.deepEqual(proj([-1, -1, 5, 0.5]), [0, 0, 1, 0]);
    assert.deepEqual(proj([0.4, 0.4, 0.4, 0.1]), [0.325, 0.325, 0.325, 0.025]);
    assert.deepEqual(proj([0.9, 0.9, 0, 0]), [0.5, 0.5, 0, 0]);
  });
});

describe('coupledTvSelect', () => {
  it('moves a misplaced chroma edge onto the luminance edge and removes the halo (Fig. 4)', () => {
    const { lum, c, W } = haloToy(12);
    const r = coupledTvSelect(lum, c, { iterations: 300, tolerance: 1e-6 });
    for (let y = 0; y < 12; y++)
      for (let x = 0; x < W; x++) {
        const want = x < 32 ? 50 : 0;
        assert.ok(Math.abs(r.a[y * W + x] - want) < 1, `a at (${x},${y}) = ${r.a[y * W + x]}, want ${want}`);
      }
    // Before: the weighted mean is a halo of intermediate colours around the edge.
    let halo = 0;
    for (let x = 0; x < W; x++) {
      const m = c.weight[x * 2] * 50;
      if (m > 2 && m < 48) halo++;
    }
    assert.ok(halo >= 8);
    // The weights have become binary.
    for (let i = 0; i < W; i++) assert.ok(Math.max(r.weight[2 * i], r.weight[2 * i + 1]) > 0.999);
  });

  it('needs the luminance coupling to place the edge exactly (γ = 0 leaves it a pixel off)', () => {
    const { lum, c, W } = haloToy(12);
    const r0 = coupledTvSelect(lum, c, { gamma: 0, iterations: 300, tolerance: 1e-6 });
    const r4 = coupledTvSelect(lum, c, { gamma: 4, iterations: 300, tolerance: 1e-6 });
    const edgeErr = (a: Float32Array) => {
      let e = 0;
      for (let x = 0; x < W; x++) e = Math.max(e, Math.abs(a[6 * W + x] - (x < 32 ? 50 : 0)));
      return e;
    };
    assert.ok(edgeErr(r4.a) < 1, `γ = 4 edge error ${edgeErr(r4.a)}`);
    assert.ok(edgeErr(r0.a) > 10, `γ = 0 edge error ${edgeErr(r0.a)}`);
  });

  it('lowers the energy of eq. 2 from its initialisation', () => {
    const { lum, c } = haloToy(12);
    const u0a = new Float32Array(lum.length);
    const u0b = new Float32Array(lum.length);
    for (let i = 0; i < lum.length; i++) {
      u0a[i] = c.weight[2 * i] * 50;
      u0b[i] = c.weight[2 * i] * 20 - c.weight[2 * i + 1] * 50;
    }
    const e0 = coupledTvEnergy(lum, c, u0a, u0b, c.weight, 0.05, 4);
    const r = coupledTvSelect(lum, c, { iterations: 300, lambda: 0.05 });
    const e1 = coupledTvEnergy(lum, c, r.a, r.b, r.weight, 0.05, 4);
    assert.ok(e1 < 0.8 * e0, `energy ${e0} → ${e1}`);
  });

  it('keeps a single candidate exactly', () => {
    const n = 16;
    const c: Candidates = {
      width: 4,
      height: 4,
      count: 1,
      a: new Float32Array(n).fill(-30),
      b: new Float32Array(n).fill(60),
      weight: new Float32Array(n).fill(1),
    };
    const r = coupledTvSelect(new Float32Array(n).fill(40), c);
    assert.ok(r.a.every((v) => Math.abs(v + 30) < 1e-4) && r.b.every((v) => Math.abs(v - 60) < 1e-4));
  });

  it('removes an isolated stain on a flat region', () => {
    const W = 15;
    const n = W * W;
    const K = 2;
    const a = new Float32Array(n * K);
    const weight = new Float32Array(n * K);
    for (let i = 0; i < n; i++) {
      a[i * K] = 30;
      a[i * K + 1] = -30;
      weight[i * K] = i === 7 * W + 7 ? 0.3 : 0.7;
      weight[i * K + 1] = 1 - weight[i * K];
    }
    const r = coupledTvSelect(
      new Float32Array(n).fill(50),
      {
        width: W,
        height: W,
        count: K,
        a,
        b: new Float32Array(n * K),
        weight,
      },
      { iterations: 300, tolerance: 1e-6 },
    );
    assert.ok(Math.abs(r.a[7 * W + 7] - 30) < 1, `stain a = ${r.a[7 * W + 7]}`);
  });

  it('rejects invalid parameters with named errors', () => {
    const { lum, c } = haloToy(4);
    assert.throws(
      () => coupledTvSelect(lum, c, { lambda: 0 }),
      (e) => e instanceof ColorizeError && /lambda/.test(e.message),
    );
    assert.throws(
      () => coupledTvSelect(lum, c, { gamma: -1 }),
      (e) => e instanceof ColorizeError && /gamma/.test(e.message),
    );
    assert.throws(
      () => coupledTvSelect(lum, c, { iterations: 2.5 }),
      (e) => e instanceof ColorizeError && /iterations/.test(e.message),
    );
    assert.throws(() => coupledTvSelect(lum.subarray(1), c), RangeError);
  });
});
