import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createImage, fromPlanes, grayToRgb, type ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { ciede2000 } from '../../src/metrics/ciede2000.js';
import { colorfulness } from '../../src/metrics/colorfulness.js';
import { evaluate } from '../../src/metrics/evaluate.js';
import { histogramIntersection } from '../../src/metrics/histogram-intersection.js';
import { psnr } from '../../src/metrics/psnr.js';
import { meanSaturation } from '../../src/metrics/saturation.js';
import { ssim } from '../../src/metrics/ssim.js';
import { dataPath, REPO_ROOT } from '../helpers/shared.js';

interface Spec {
  file: string;
  op?: 'swap_rb' | 'luma';
}
interface Fixture {
  pairs: Array<{
    pred: Spec;
    truth: Spec;
    reference?: Spec;
    psnr: number;
    ssim: number;
    ssim_sample_covariance: number;
    colorfulness: number;
    saturation: number;
    ciede2000: number;
    his?: number;
  }>;
  ciede2000_pairs: number[][];
}
const fixture: Fixture = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/metrics-reference.json'), 'utf8'),
);

/** Rebuilds the images the fixture generator used (scripts/make-metric-fixtures.py). */
async function load(spec: Spec): Promise<ImageF32> {
  const img = grayToRgb((await readImage(dataPath(spec.file))).image);
  const [R, G, B] = img.channels;
  if (spec.op === 'swap_rb') return { ...img, channels: [B, G, R] };
  if (spec.op === 'luma') {
    const y = new Float32Array(R.length);
    for (let i = 0; i < y.length; i++)
      y[i] = Math.round((0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i]) * 255) / 255;
    return { ...img, channels: [y, y.slice(), y.slice()] };
  }
  return img;
}

describe('metrics against scikit-image reference values (test/fixtures/metrics-reference.json)', () => {
  for (const rec of fixture.pairs) {
    it(`${rec.pred.file}${rec.pred.op ? `:${rec.pred.op}` : ''} vs ${rec.truth.file}${rec.truth.op ? `:${rec.truth.op}` : ''}`, async () => {
      const p = await load(rec.pred);
      const t = await load(rec.truth);
      assert.ok(Math.abs(psnr(p, t) - rec.psnr) < 1e-6, `PSNR ${psnr(p, t)} vs ${rec.psnr}`);
      assert.ok(Math.abs(ssim(p, t) - rec.ssim) < 1e-5, `SSIM ${ssim(p, t)} vs ${rec.ssim}`);
      const ss = ssim(p, t, { sampleCovariance: true });
      assert.ok(
        Math.abs(ss - rec.ssim_sample_covariance) < 1e-5,
        `SSIM (sample cov) ${ss} vs ${rec.ssim_sample_covariance}`,
      );
      assert.ok(
        Math.abs(colorfulness(p) - rec.colorfulness) < 1e-3,
        `colourfulness ${colorfulness(p)} vs ${rec.colorfulness}`,
      );
      assert.ok(
        Math.abs(meanSaturation(p) - rec.saturation) < 1e-5,
        `saturation ${meanSaturation(p)} vs ${rec.saturation}`,
      );
      const s = evaluate(p, t);
      // skimage's Lab uses rounded matrix/white constants; the mean ΔE00 differs by < 0.005.
      assert.ok(Math.abs(s.ciede2000 - rec.ciede2000) < 5e-3, `ΔE00 ${s.ciede2000} vs ${rec.ciede2000}`);
      if (rec.reference && rec.his !== undefined) {
        const r = await load(rec.reference);
        const his = histogramIntersection(p, r);
        assert.ok(Math.abs(his - rec.his) < 5e-3, `HIS ${his} vs ${rec.his}`);
      }
    });
  }

  it('CIEDE2000 matches Sharma et al.’s test data and scikit-image on random pairs', () => {
    const sharma = [2.0425, 2.8615, 2.3669, 27.1492, 1.2644];
    for (let k = 0; k < 5; k++) {
      const [L1, a1, b1, L2, a2, b2] = fixture.ciede2000_pairs[k];
      assert.ok(Math.abs(ciede2000(L1, a1, b1, L2, a2, b2) - sharma[k]) < 1e-4, `pair ${k}`);
    }
    for (const [L1, a1, b1, L2, a2, b2, want] of fixture.ciede2000_pairs) {
      assert.ok(
        Math.abs(ciede2000(L1, a1, b1, L2, a2, b2) - want) < 1e-6,
        `${[L1, a1, b1, L2, a2, b2]}: ${want}`,
      );
    }
  });
});

describe('metric known answers', () => {
  it('PSNR of a one-level error is 48.13 dB and identical images give +Infinity', () => {
    const a = fromPlanes(2, 1, [Float32Array.of(0, 0.5)]);
    const b = fromPlanes(2, 1, [Float32Array.of(1 / 255, 0.5 + 1 / 255)]);
    assert.ok(Math.abs(psnr(a, b) - 48.1308) < 1e-4);
    assert.equal(psnr(a, a), Infinity);
  });

  it('colourfulness of pure red is 0.3·√(255² + 127.5²) and of gray is 0', () => {
    const red = fromPlanes(1, 1, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]);
    assert.ok(Math.abs(colorfulness(red) - 0.3 * Math.hypot(255, 127.5)) < 1e-9);
    assert.equal(colorfulness(grayToRgb(createImage(3, 3, 1))), 0);
  });

  it('HIS is 1 for identical colour distributions and 0 for disjoint ones', () => {
    const red = fromPlanes(2, 1, [Float32Array.of(1, 1), Float32Array.of(0, 0), Float32Array.of(0, 0)]);
    const blue = fromPlanes(1, 1, [Float32Array.of(0), Float32Array.of(0), Float32Array.of(1)]);
    assert.equal(histogramIntersection(red, red), 1);
    assert.equal(histogramIntersection(red, blue), 0);
  });

  it('SSIM is 1 for identical images and rejects images smaller than the window', () => {
    const a = createImage(16, 16, 3);
    a.channels[1].forEach((_, i, p) => {
      p[i] = (i % 5) / 5;
    });
    assert.equal(ssim(a, a), 1);
    assert.throws(() => ssim(createImage(8, 8, 1), createImage(8, 8, 1)), /larger than 11×11/);
  });
});
