import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { abBins, annealedMean, nearestBin, parseAbBins, softEncode } from '../../src/color/ab-bins.js';
import { clampLabGamut, clampLinearGamut, labChromaScale, labInGamut } from '../../src/color/gamut.js';
import { labToSrgb, srgbToLab } from '../../src/color/lab.js';
import { YUV_TO_RGB } from '../../src/color/linear-spaces.js';
import { rng } from '../helpers/images.js';
import { modelPath } from '../helpers/shared.js';

describe('gamut clamping keeps lightness and hue', () => {
  it('moves out-of-gamut Lab colours onto the gamut boundary along their hue ray', () => {
    const r = rng(4);
    for (let n = 0; n < 500; n++) {
      const L = Float32Array.of(5 + 90 * r());
      const a = Float32Array.of(-150 + 300 * r());
      const b = Float32Array.of(-150 + 300 * r());
      const [L0, a0, b0] = [L[0], a[0], b[0]];
      clampLabGamut(L, a, b);
      assert.equal(L[0], L0);
      const rgb = labToSrgb(L[0], a[0], b[0]);
      for (const v of rgb) assert.ok(v >= -1e-4 && v <= 1 + 1e-4, `rgb ${rgb}`);
      if (Math.hypot(a[0], b[0]) > 1)
        assert.ok(Math.abs(Math.atan2(b[0], a[0]) - Math.atan2(b0, a0)) < 1e-5, 'hue kept');
      if (labInGamut(L0, a0, b0)) assert.deepEqual([a[0], b[0]], [a0, b0]);
      else assert.ok(!labInGamut(L0, a[0] * 1.01, b[0] * 1.01), 'on the boundary');
    }
    assert.equal(labChromaScale(50, 0, 0), 1);
  });

  it('per-channel clipping would shift hue where the ray clamp does not', () => {
    const [L, a, b] = [60, 90, 90];
    const clipped = labToSrgb(L, a, b).map((v) => Math.min(1, Math.max(0, v)));
    const lab = srgbToLab(clipped[0], clipped[1], clipped[2]);
    const hueShift = Math.abs(Math.atan2(lab[2], lab[1]) - Math.atan2(b, a));
    assert.ok(hueShift > 0.05, `clipping shifts hue by ${hueShift} rad`);
  });

  it('clamps YUV chroma exactly onto the RGB cube', () => {
    const Y = Float32Array.of(0.9, 0.1, 0.5);
    const U = Float32Array.of(0.4, -0.4, 0.01);
    const V = Float32Array.of(0.4, 0.3, -0.01);
    const moved = clampLinearGamut(Y, U, V, 'yuv');
    assert.equal(moved, 2);
    for (let i = 0; i < 3; i++) {
      const m = YUV_TO_RGB;
      const rgb = [0, 1, 2].map((k) => m[3 * k] * Y[i] + m[3 * k + 1] * U[i] + m[3 * k + 2] * V[i]);
      for (const v of rgb) assert.ok(v >= -1e-6 && v <= 1 + 1e-6);
      if (i < 2)
        assert.ok(
          rgb.some((v) => Math.abs(v) < 1e-5 || Math.abs(v - 1) < 1e-5),
          'on the boundary',
        );
    }
    assert.ok(Math.abs(U[2] - 0.01) < 1e-9, 'in-gamut chroma untouched');
  });
});

describe('313-bin ab quantisation (Zhang et al.)', () => {
  it('computes the in-gamut grid-10 bins in published order', () => {
    const bins = abBins();
    assert.equal(bins.count, 308);
    assert.deepEqual([bins.a[0], bins.b[0]], [-90, 50]);
    for (let k = 1; k < bins.count; k++)
      assert.ok(bins.a[k] > bins.a[k - 1] || (bins.a[k] === bins.a[k - 1] && bins.b[k] > bins.b[k - 1]));
    assert.equal(nearestBin(-91, 52), 0);
  });

  it('is contained in the published 313 bins (../shared/models/color-bins)', () => {
    const file = modelPath('color-bins', 'pts_in_hull.f32');
    assert.ok(existsSync(file), `missing ${file}`);
    const pub = parseAbBins(readFileSync(file));
    assert.equal(pub.count, 313);
    const set = new Set<string>();
    for (let k = 0; k < pub.count; k++) set.add(`${pub.a[k]},${pub.b[k]}`);
    const mine = abBins();
    for (let k = 0; k < mine.count; k++)
      assert.ok(set.has(`${mine.a[k]},${mine.b[k]}`), `bin ${mine.a[k]},${mine.b[k]}`);
  });

  it('soft-encodes onto the 5 nearest bins with Gaussian weights (σ = 5)', () => {
    const a = Float32Array.of(3, -42, 17.5);
    const b = Float32Array.of(4, 27, -60);
    const enc = softEncode(a, b);
    const bins = abBins();
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 5; j++) s += enc.weight[i * 5 + j];
      assert.ok(Math.abs(s - 1) < 1e-6);
      assert.equal(enc.index[i * 5], nearestBin(a[i], b[i]));
      for (let j = 1; j < 5; j++) assert.ok(enc.weight[i * 5 + j] <= enc.weight[i * 5 + j - 1] + 1e-7);
      const k0 = enc.index[i * 5];
      const k1 = enc.index[i * 5 + 1];
      const d0 = (bins.a[k0] - a[i]) ** 2 + (bins.b[k0] - b[i]) ** 2;
      const d1 = (bins.a[k1] - a[i]) ** 2 + (bins.b[k1] - b[i]) ** 2;
      const ratio = enc.weight[i * 5 + 1] / enc.weight[i * 5];
      assert.ok(Math.abs(ratio - Math.exp(-(d1 - d0) / 50)) < 1e-5);
    }
  });

  it('annealed mean: T = 1 is the mean, small T approaches the mode, T = 0.38 in between', () => {
    const bins = abBins();
    const q = bins.count;
    const p = new Float32Array(q);
    p[10] = 0.6;
    p[200] = 0.4;
    const mean = annealedMean(p, 1, 1);
    assert.ok(Math.abs(mean.a[0] - (0.6 * bins.a[10] + 0.4 * bins.a[200])) < 1e-3);
    const mode = annealedMean(p, 1, 0.01);
    assert.ok(Math.abs(mode.a[0] - bins.a[10]) < 1e-3);
    const ann = annealedMean(p, 1, 0.38);
    const w = 0.6 ** (1 / 0.38) / (0.6 ** (1 / 0.38) + 0.4 ** (1 / 0.38));
    assert.ok(Math.abs(ann.b[0] - (w * bins.b[10] + (1 - w) * bins.b[200])) < 1e-3);
  });
});
