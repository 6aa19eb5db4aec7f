import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rgbImageToLab } from '../../src/color/lab.js';
import { createImage } from '../../src/image/image.js';
import { planeStats } from '../../src/methods/transfer/common.js';
import { lalphabetaToRgb, rgbToLalphabeta } from '../../src/methods/transfer/reinhard/lalphabeta.js';
import { reinhardTransfer, transferStatistics } from '../../src/methods/transfer/reinhard/reinhard.js';
import { rng } from '../helpers/images.js';

/** Muted colours around mid-gray, so a statistics transfer between two of them stays in gamut. */
function muted(w: number, h: number, seed: number, centre: [number, number, number], amp: number) {
  const img = createImage(w, h, 3);
  const r = rng(seed);
  for (let i = 0; i < w * h; i++) {
    const t = r();
    for (let c = 0; c < 3; c++) img.channels[c][i] = centre[c] + amp * (r() - 0.5) + 0.1 * (t - 0.5);
  }
  return img;
}

function labStats(img: ReturnType<typeof createImage>) {
  return rgbImageToLab(img).channels.map(planeStats);
}

describe('Reinhard et al. 2001', () => {
  it('the output has the reference Lab means and standard deviations (to 1e-3, before encoding)', () => {
    const t = rgbImageToLab(muted(40, 30, 1, [0.5, 0.45, 0.4], 0.2));
    const r = rgbImageToLab(muted(25, 33, 2, [0.4, 0.5, 0.55], 0.3));
    const out = transferStatistics(t, r);
    for (let c = 0; c < 3; c++) {
      const so = planeStats(out.channels[c]);
      const sr = planeStats(r.channels[c]);
      assert.ok(Math.abs(so.mean - sr.mean) < 1e-3, `mean ${c}: ${so.mean} vs ${sr.mean}`);
      assert.ok(Math.abs(so.std - sr.std) < 1e-3, `std ${c}: ${so.std} vs ${sr.std}`);
    }
  });

  it('end to end in sRGB: in-gamut results keep the reference Lab statistics (to 8-bit-free float error)', () => {
    const target = muted(40, 30, 3, [0.5, 0.45, 0.4], 0.2);
    const ref = muted(25, 33, 4, [0.42, 0.5, 0.52], 0.15);
    const so = labStats(reinhardTransfer(target, ref));
    const sr = labStats(ref);
    for (let c = 0; c < 3; c++) {
      assert.ok(Math.abs(so[c].mean - sr[c].mean) < 1e-3, `mean ${c}`);
      assert.ok(Math.abs(so[c].std - sr[c].std) < 1e-3, `std ${c}`);
    }
  });

  it('lαβ: round trip is the identity and the transfer matches lαβ statistics', () => {
    const target = muted(20, 20, 5, [0.5, 0.45, 0.4], 0.2);
    const back = lalphabetaToRgb(rgbToLalphabeta(target));
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 400; i++) assert.ok(Math.abs(back.channels[c][i] - target.channels[c][i]) < 1e-3);
    const ref = muted(20, 20, 6, [0.45, 0.5, 0.5], 0.15);
    const out = rgbToLalphabeta(reinhardTransfer(target, ref, { space: 'lalphabeta' }));
    const rl = rgbToLalphabeta(ref);
    for (let c = 0; c < 3; c++) {
      assert.ok(Math.abs(planeStats(out.channels[c]).mean - planeStats(rl.channels[c]).mean) < 1e-3);
      assert.ok(Math.abs(planeStats(out.channels[c]).std - planeStats(rl.channels[c]).std) < 1e-3);
    }
  });

  it('a gray target is refused and the message names the method to use', () => {
    const gray = createImage(8, 8, 1);
    gray.channels[0].fill(0.5);
    assert.throws(() => reinhardTransfer(gray, muted(8, 8, 1, [0.6, 0.4, 0.3], 0.2)), /method welsh/);
  });

  it('mean-chroma baseline: target lightness kept, reference mean chroma everywhere', () => {
    const gray = createImage(16, 16, 1);
    gray.channels[0].forEach((_, i, a) => {
      a[i] = 0.3 + 0.4 * ((i % 16) / 15);
    });
    const ref = muted(16, 16, 7, [0.6, 0.45, 0.35], 0.1);
    const out = labStats(reinhardTransfer(gray, ref, { grayTarget: 'mean-chroma' }));
    const sr = labStats(ref);
    assert.ok(Math.abs(out[1].mean - sr[1].mean) < 0.5 && out[1].std < 0.5);
    assert.ok(Math.abs(out[2].mean - sr[2].mean) < 0.5 && out[2].std < 0.5);
  });
});
