import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  jointBilateralExact,
  jointBilateralGrid,
  jointBilateralUpsample,
  jointBilateralUpsampler,
} from '../../src/filters/bilateral.js';
import { boxFilter, boxFilterNaive } from '../../src/filters/box.js';
import { convolveSeparable, gaussianBlur, gaussianFir, gaussianKernel } from '../../src/filters/gaussian.js';
import { guidedFilter } from '../../src/filters/guided.js';
import { resizePlane } from '../../src/image/resize.js';
import { rng } from '../helpers/images.js';

function randomPlane(w: number, h: number, seed: number): Float32Array {
  const r = rng(seed);
  return new Float32Array(w * h).map(() => r());
}
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('box filter', () => {
  it('equals direct summation for every radius, including windows larger than the image', () => {
    const p = randomPlane(23, 17, 1);
    for (const r of [0, 1, 3, 8, 30])
      assert.ok(maxDiff(boxFilter(p, 23, 17, r), boxFilterNaive(p, 23, 17, r)) < 1e-5, `r=${r}`);
  });
});

describe('Gaussian filters', () => {
  it('builds the scipy kernel (radius ⌊truncate·σ + 0.5⌋, normalised)', () => {
    const k = gaussianKernel(1.5, 3.5);
    assert.equal(k.length, 11);
    assert.ok(Math.abs(k.reduce((s, v) => s + v, 0) - 1) < 1e-12);
    assert.ok(Math.abs(k[5] - 0.26601172) < 1e-6);
  });

  it('FIR uses reflect borders (d c b a | a b c d): a constant stays constant, a ramp stays a ramp inside', () => {
    const c = convolveSeparable(new Float64Array(30).fill(3), 6, 5, gaussianKernel(2));
    assert.ok(maxDiff(c, new Float64Array(30).fill(3)) < 1e-12);
    const ramp = new Float64Array(40).map((_, i) => i % 40);
    const r = convolveSeparable(ramp, 40, 1, gaussianKernel(1, 3));
    for (let x = 4; x < 36; x++) assert.ok(Math.abs(r[x] - x) < 1e-9);
    // Reflect at the left border: out[0] = Σ k[j]·ramp[|reflect|], computed by hand for σ=1, r=3.
    const k = gaussianKernel(1, 3);
    const idx = [2, 1, 0, 0, 1, 2, 3];
    const want = idx.reduce((s, i, j) => s + k[j] * i, 0);
    assert.ok(Math.abs(r[0] - want) < 1e-12);
  });

  it('the O(1) recursive blur approximates the exact Gaussian and preserves mass', () => {
    const w = 180;
    const h = 170;
    const p = new Float32Array(w * h);
    p[85 * w + 90] = 1;
    for (const sigma of [4, 8, 16]) {
      const iir = gaussianBlur(p, w, h, sigma);
      const fir = gaussianFir(p, w, h, sigma, 4);
      const peak = fir[85 * w + 90];
      assert.ok(maxDiff(iir, fir) < 0.06 * peak, `σ=${sigma}: ${maxDiff(iir, fir)} vs peak ${peak}`);
      assert.ok(Math.abs(iir.reduce((s, v) => s + v, 0) - 1) < 2e-3);
    }
    const flat = new Float32Array(w * h).fill(0.7);
    assert.ok(maxDiff(gaussianBlur(flat, w, h, 6), flat) < 1e-5, 'edges replicate');
  });
});

describe('guided filter (He et al.)', () => {
  it('leaves a constant input constant and matches the closed form for a linear input', () => {
    const I = randomPlane(20, 20, 3);
    const [q] = guidedFilter(I, [new Float32Array(400).fill(0.3)], 20, 20, { radius: 2, eps: 1e-3 });
    assert.ok(maxDiff(q, new Float32Array(400).fill(0.3)) < 1e-5);
    const p = I.map((v) => 2 * v + 0.1); // p = 2I + 0.1 is reproduced when ε → 0
    const [q2] = guidedFilter(I, [p], 20, 20, { radius: 2, eps: 1e-9 });
    assert.ok(maxDiff(q2, p) < 1e-3);
  });

  it('with a huge ε it becomes the double box mean', () => {
    const I = randomPlane(16, 12, 4);
    const p = randomPlane(16, 12, 5);
    const [q] = guidedFilter(I, [p], 16, 12, { radius: 2, eps: 1e9 });
    const want = boxFilter(boxFilter(p, 16, 12, 2), 16, 12, 2);
    assert.ok(maxDiff(q, want) < 1e-4);
  });

  it('keeps an edge of the guide that the input shares, and the fast variant stays close', () => {
    const w = 64;
    const I = new Float32Array(w * w).map((_, i) => (i % w < 32 ? 0.1 : 0.9));
    const r = rng(6);
    const p = I.map((v) => v + 0.05 * (r() - 0.5));
    const [q] = guidedFilter(I, [p], w, w, { radius: 4, eps: 1e-4 });
    assert.ok(Math.abs(q[10 * w + 31] - 0.1) < 0.03 && Math.abs(q[10 * w + 32] - 0.9) < 0.03);
    const [qf] = guidedFilter(I, [p], w, w, { radius: 4, eps: 1e-4, subsample: 2 });
    assert.ok(maxDiff(qf, q) < 0.1);
  });
});

describe('joint bilateral filter', () => {
  it('the bilateral grid approximates the exact filter', () => {
    const w = 48;
    const h = 40;
    const guide = new Float32Array(w * h);
    const r = rng(8);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) guide[y * w + x] = (x > 20 ? 0.8 : 0.2) + 0.1 * (y / h);
    const val = guide.map((v) => v + 0.1 * (r() - 0.5));
    const opts = { sigmaSpatial: 4, sigmaRange: 0.1 };
    const [ex] = jointBilateralExact(guide, [val], w, h, opts);
    const [gr] = jointBilateralGrid(guide, [val], w, h, opts);
    let mad = 0;
    for (let i = 0; i < ex.length; i++) mad += Math.abs(ex[i] - gr[i]);
    mad /= ex.length;
    assert.ok(mad < 0.01, `mean |grid − exact| = ${mad}`);
    // The edge between 0.2 and 0.8 survives in both.
    assert.ok(ex[10 * w + 20] < 0.4 && ex[10 * w + 21] > 0.6);
    assert.ok(gr[10 * w + 20] < 0.4 && gr[10 * w + 21] > 0.6);
  });
});

describe('resize', () => {
  it('area reduction by 2 is the exact 2×2 mean; by 3 the 3×3 mean', () => {
    const p = randomPlane(12, 6, 9);
    const out = resizePlane(p, 12, 6, 6, 3, 'area');
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 6; x++) {
        const m =
          (p[2 * y * 12 + 2 * x] +
            p[2 * y * 12 + 2 * x + 1] +
            p[(2 * y + 1) * 12 + 2 * x] +
            p[(2 * y + 1) * 12 + 2 * x + 1]) /
          4;
        assert.ok(Math.abs(out[y * 6 + x] - m) < 1e-6);
      }
    const o3 = resizePlane(p, 12, 6, 4, 2, 'area');
    let m = 0;
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) m += p[y * 12 + x] / 9;
    assert.ok(Math.abs(o3[0] - m) < 1e-6);
  });

  it('keeps constants, and bilinear/bicubic reproduce a linear ramp away from the borders', () => {
    for (const k of ['area', 'bilinear', 'bicubic'] as const) {
      const out = resizePlane(new Float32Array(35).fill(0.25), 7, 5, 17, 9, k);
      assert.ok(maxDiff(out, new Float32Array(out.length).fill(0.25)) < 1e-6, k);
    }
    const ramp = new Float32Array(10).map((_, i) => i);
    for (const k of ['bilinear', 'bicubic'] as const) {
      const up = resizePlane(ramp, 10, 1, 40, 1, k);
      for (let x = 8; x < 32; x++) assert.ok(Math.abs(up[x] - ((x + 0.5) / 4 - 0.5)) < 1e-5, `${k} x=${x}`);
    }
  });
});

describe('joint bilateral upsampler (prepared weights)', () => {
  it('equals jointBilateralUpsample with the tent kernel on a real photo, for odd factors and borders', async () => {
    const { readImage } = await import('../../src/image/io.js');
    const { lumaOf } = await import('../../src/color/linear-spaces.js');
    const path = await import('node:path');
    const src = (await readImage(path.resolve('../shared/data/val/bsds500_100007.jpg'))).image;
    const guide = lumaOf(src);
    const { width: W, height: H } = src;
    for (const [lw, lh] of [
      [Math.round(W / 3.3), Math.round(H / 2.7)],
      [1, 7],
      [W, H],
    ]) {
      const r = rng(lw);
      const low = [0, 1].map(() => Float32Array.from({ length: lw * lh }, () => r() - 0.5));
      const direct = jointBilateralUpsample(guide, W, H, low, lw, lh, {
        spatialKernel: 'tent',
        sigmaRange: 0.1,
      });
      const cached = jointBilateralUpsampler(guide, W, H, lw, lh, { sigmaRange: 0.1 })(low);
      for (let c = 0; c < 2; c++) {
        let d = 0;
        for (let i = 0; i < W * H; i++) d = Math.max(d, Math.abs(direct[c][i] - cached[c][i]));
        assert.ok(d < 1e-6, `${lw}×${lh} channel ${c}: ${d}`);
      }
    }
  });
});

describe('joint bilateral upsampling, tent kernel', () => {
  it('equals the formula evaluated literally over the 3×3 low-resolution window', async () => {
    const { readImage } = await import('../../src/image/io.js');
    const { lumaOf } = await import('../../src/color/linear-spaces.js');
    const path = await import('node:path');
    const src = (await readImage(path.resolve('../shared/data/val/bsds500_100039.jpg'))).image;
    const guide = lumaOf(src);
    const { width: W, height: H } = src;
    const lw = 57;
    const lh = 41;
    const r = rng(9);
    const low = [Float32Array.from({ length: lw * lh }, () => r() - 0.5)];
    const [up] = jointBilateralUpsample(guide, W, H, low, lw, lh, { spatialKernel: 'tent', sigmaRange: 0.1 });
    const lowGuide = resizePlane(guide, W, H, lw, lh, 'area');
    let worst = 0;
    for (let y = 0; y < H; y += 3)
      for (let x = 0; x < W; x += 3) {
        const fx = ((x + 0.5) * lw) / W - 0.5;
        const fy = ((y + 0.5) * lh) / H - 0.5;
        let ws = 0;
        let acc = 0;
        for (let qy = Math.round(fy) - 1; qy <= Math.round(fy) + 1; qy++)
          for (let qx = Math.round(fx) - 1; qx <= Math.round(fx) + 1; qx++) {
            if (qx < 0 || qy < 0 || qx >= lw || qy >= lh) continue;
            const t = Math.max(0, 1 - Math.abs(qx - fx)) * Math.max(0, 1 - Math.abs(qy - fy));
            const dg = lowGuide[qy * lw + qx] - guide[y * W + x];
            const wgt = t * Math.exp(-(dg * dg) / (2 * 0.1 * 0.1));
            ws += wgt;
            acc += wgt * low[0][qy * lw + qx];
          }
        if (ws > 1e-30) worst = Math.max(worst, Math.abs(acc / ws - up[y * W + x]));
      }
    assert.ok(worst < 1e-6, `largest difference ${worst}`);
  });
});
