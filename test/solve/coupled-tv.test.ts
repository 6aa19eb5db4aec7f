import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ColorizeError } from '../../src/errors.js';
import {
  type Candidates,
  coupledTvEnergy,
  coupledTvGap,
  coupledTvMultiscale,
  coupledTvScales,
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

  it('ends phase 2 at a block-coordinate minimum: binary w at the nearest candidate, u optimal for it (KKT)', () => {
    // Three candidates per pixel that vary across the image, a luminance ramp and a disc.
    const W = 40;
    const H = 30;
    const K = 3;
    const n = W * H;
    const lum = new Float32Array(n);
    const a = new Float32Array(n * K);
    const b = new Float32Array(n * K);
    const weight = new Float32Array(n * K);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = y * W + x;
        const disc = (x - 20) ** 2 + (y - 15) ** 2 < 64;
        lum[i] = (disc ? 70 : 30) + x * 0.3;
        const cols = [
          [40 + x * 0.2, 10],
          [-30, 50 - y],
          [5, -40],
        ];
        for (let j = 0; j < K; j++) {
          a[i * K + j] = cols[j][0];
          b[i * K + j] = cols[j][1];
        }
        const p = disc ? [0.5, 0.3, 0.2] : [0.25, 0.35, 0.4];
        for (let j = 0; j < K; j++) weight[i * K + j] = p[j];
      }
    const c: Candidates = { width: W, height: H, count: K, a, b, weight };
    const lambda = 0.05;
    const gamma = 4;
    const opts = { lambda, gamma, tolerance: 1e-6, iterations: 300, selectIterations: 3000 };
    const soft = coupledTvSelect(lum, c, { ...opts, binary: false });
    const r = coupledTvSelect(lum, c, opts);
    assert.equal(r.binary, true);
    // Energy of eq. 2: initial (u = Σ w c) > after phase 1 (soft w) ≥ after phase 2 (binary w).
    const ma = new Float32Array(n);
    const mb = new Float32Array(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < K; j++) {
        ma[i] += weight[i * K + j] * a[i * K + j];
        mb[i] += weight[i * K + j] * b[i * K + j];
      }
    const e0 = coupledTvEnergy(lum, c, ma, mb, weight, lambda, gamma);
    const e1 = coupledTvEnergy(lum, c, soft.a, soft.b, soft.weight, lambda, gamma);
    const e2 = coupledTvEnergy(lum, c, r.a, r.b, r.weight, lambda, gamma);
    assert.ok(e1 < e0 && e2 <= e1, `energies ${e0} → ${e1} → ${e2}`);
    // w block: w(x) = e_i with i = argmin_j ‖u(x) − c_j(x)‖² (eq. 2 is linear in w on Δ).
    const fa = new Float32Array(n);
    const fb = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const win = r.winner[i];
      assert.equal(r.weight[i * K + win], 1);
      const dWin = (r.a[i] - a[i * K + win]) ** 2 + (r.b[i] - b[i * K + win]) ** 2;
      for (let j = 0; j < K; j++) {
        if (j !== win) assert.equal(r.weight[i * K + j], 0);
        const d = (r.a[i] - a[i * K + j]) ** 2 + (r.b[i] - b[i * K + j]) ** 2;
        assert.ok(dWin <= d + 1e-3, `pixel ${i}: winner ${win} at ${dWin}, candidate ${j} at ${d}`);
      }
      fa[i] = a[i * K + win];
      fb[i] = b[i * K + win];
    }
    // u block: the Fenchel duality gap of min_u TV_C(u) + λ/2‖u − c_win‖² is ~0 (relative).
    const gap = coupledTvGap(lum, W, H, r.a, r.b, fa, fb, r.dual, lambda, gamma);
    const e = coupledTvEnergy(lum, c, r.a, r.b, r.weight, lambda, gamma);
    assert.ok(gap >= -1e-6 * e && gap < 1e-4 * e, `duality gap ${gap} for energy ${e}`);
    // And the gap is not trivially small: at the initial u with p = 0 it is large.
    const z = () => new Float32Array(n);
    const gap0 = coupledTvGap(
      lum,
      W,
      H,
      ma,
      mb,
      fa,
      fb,
      { ax: z(), ay: z(), bx: z(), by: z() },
      lambda,
      gamma,
    );
    assert.ok(gap0 > 0.05 * e, `initial gap ${gap0}`);
  });

  it('reaches the known minimiser of a two-stripe image (1-D reduction of eqs. 2 and 7)', () => {
    // Constant along y, f = 50 on the left half and −30 on the right, L* 30 | 70. The minimiser is
    // piecewise constant with u_L = f_L − e, u_R = f_R + e, where e solves the scalar stationarity
    // λ N e = 2 d / sqrt(α² + d²), d = (f_L − f_R) − 2e, α² = γ ΔY² (N pixels per row).
    const W = 20;
    const H = 6;
    const n = W * H;
    const lambda = 0.05;
    const gamma = 4;
    const lum = new Float32Array(n);
    const c: Candidates = {
      width: W,
      height: H,
      count: 1,
      a: new Float32Array(n),
      b: new Float32Array(n),
      weight: new Float32Array(n).fill(1),
    };
    for (let i = 0; i < n; i++) {
      const left = i % W < W / 2;
      lum[i] = left ? 30 : 70;
      c.a[i] = left ? 50 : -30;
    }
    const D = 80;
    const alpha2 = gamma * 40 * 40;
    const g = (e: number) => lambda * W * e - (2 * (D - 2 * e)) / Math.sqrt(alpha2 + (D - 2 * e) ** 2);
    let lo = 0;
    let hi = D / 2;
    for (let k = 0; k < 200; k++) {
      const mid = (lo + hi) / 2;
      if (g(mid) > 0) hi = mid;
      else lo = mid;
    }
    const e = (lo + hi) / 2;
    assert.ok(e > 0.5, `the toy must have visible contrast loss (e = ${e})`);
    const r = coupledTvSelect(lum, c, { lambda, gamma, iterations: 2000, tolerance: 1e-7 });
    for (let i = 0; i < n; i++) {
      const want = i % W < W / 2 ? 50 - e : -30 + e;
      assert.ok(Math.abs(r.a[i] - want) < 0.02, `a[${i}] = ${r.a[i]}, want ${want}`);
      assert.ok(Math.abs(r.b[i]) < 1e-3);
    }
  });

  it('multiscale: coarse-to-fine sizes, and the halo toy solved to a binary selection', () => {
    assert.deepEqual(coupledTvScales(512, 300), [
      { width: 128, height: 75 },
      { width: 256, height: 150 },
      { width: 512, height: 300 },
    ]);
    assert.deepEqual(coupledTvScales(100, 60), [{ width: 100, height: 60 }]);
    const level = (w: number, h: number) => {
      const n = w * h;
      const lum = new Float32Array(n);
      const a = new Float32Array(2 * n);
      const b = new Float32Array(2 * n);
      const weight = new Float32Array(2 * n);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          const fx = (x + 0.5) / w;
          lum[i] = fx < 0.5 ? 30 : 70;
          a[2 * i] = 50;
          b[2 * i] = 20;
          a[2 * i + 1] = 0;
          b[2 * i + 1] = -50;
          // A blurred prediction, a ramp of 1/6 of the width across the edge.
          const t = Math.min(1, Math.max(0, (fx - 0.5) * 6 + 0.5));
          weight[2 * i] = 1 - t;
          weight[2 * i + 1] = t;
        }
      return { lum, candidates: { width: w, height: h, count: 2, a, b, weight } };
    };
    const r = coupledTvMultiscale(256, 128, level, { lambda: 0.05 });
    assert.equal(r.scales, 2);
    assert.equal(r.binary, true);
    for (let x = 0; x < 256; x++) assert.equal(r.winner[64 * 256 + x], x < 128 ? 0 : 1, `winner at x = ${x}`);
  });
});
