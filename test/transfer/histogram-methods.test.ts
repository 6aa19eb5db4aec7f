import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cumulativeHistogram } from '../../src/filters/histogram-match.js';
import { createImage } from '../../src/image/image.js';
import { histogramLutTransfer } from '../../src/methods/transfer/histogram-lut/histogram-lut.js';
import { histogramYuvTransfer } from '../../src/methods/transfer/histogram-lut/histogram-yuv.js';
import { normalizeReportRange } from '../../src/methods/transfer/histogram-lut/normalize.js';
import { syntheticRgb } from '../helpers/images.js';

function grayRamp(w: number, h: number) {
  const g = createImage(w, h, 1);
  g.channels[0].forEach((_, i, a) => {
    a[i] = Math.round(((i % w) / (w - 1)) * 255) / 255;
  });
  return g;
}

describe('histogram LUT transfer (report §2.1.2–2.1.4)', () => {
  it('RGB: every output channel has the reference channel CDF; a gray target gets colour', () => {
    const target = grayRamp(256, 8);
    const ref = syntheticRgb(64, 64, 3);
    const out = histogramLutTransfer(target, ref);
    assert.equal(out.channels.length, 3);
    for (let c = 0; c < 3; c++) {
      const co = cumulativeHistogram(out.channels[c]);
      const cr = cumulativeHistogram(ref.channels[c]);
      for (let k = 0; k < 256; k++)
        assert.ok(Math.abs(co[k] - cr[k]) <= 1 / 256 + 1e-9, `channel ${c} level ${k}`);
    }
    let spread = 0;
    for (let i = 0; i < out.channels[0].length; i++)
      spread += Math.abs(out.channels[0][i] - out.channels[2][i]);
    assert.ok(spread / out.channels[0].length > 0.05);
  });

  it('exact mode gives the same as the 256-bin LUT up to quantisation on 8-bit data', () => {
    const target = syntheticRgb(40, 30, 1);
    const ref = syntheticRgb(50, 20, 9);
    const a = histogramLutTransfer(target, ref);
    const b = histogramLutTransfer(target, ref, { exact: true });
    let err = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < a.channels[c].length; i++) err += Math.abs(a.channels[c][i] - b.channels[c][i]);
    assert.ok(err / (3 * a.channels[0].length) < 0.02);
  });

  it('a gray reference is refused with a clear message', () => {
    const g = grayRamp(16, 4);
    assert.throws(() => histogramLutTransfer(g, g), /reference image has no colour/);
  });

  it('YUV with RGB first: output in [0, 1], coloured, and differs from RGB-only matching', () => {
    const target = grayRamp(128, 8);
    const ref = syntheticRgb(64, 64, 4);
    const out = histogramYuvTransfer(target, ref);
    const rgb = histogramLutTransfer(target, ref);
    let diff = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < out.channels[c].length; i++) {
        const v = out.channels[c][i];
        assert.ok(v >= 0 && v <= 1);
        diff += Math.abs(v - rgb.channels[c][i]);
      }
    assert.ok(diff > 0);
    // Without RGB first, U and V of a gray target are constant, so the result has one colour cast.
    const direct = histogramYuvTransfer(target, ref, { rgbFirst: false, normalize: 'clamp' });
    const d0 = direct.channels[0][0] - direct.channels[2][0];
    const d1 = direct.channels[0][100] - direct.channels[2][100];
    assert.ok(Math.abs(d0 - d1) < 0.02);
  });

  it('report normalisation: shift a negative minimum to 0, then divide by a maximum above 1', () => {
    const img = {
      width: 3,
      height: 1,
      channels: [Float32Array.of(-0.2, 0.3, 1.4), Float32Array.of(0, 0.5, 2), Float32Array.of(0.1, 0.2, 0.3)],
    };
    normalizeReportRange(img);
    assert.deepEqual(
      [...img.channels[0]].map((v) => +v.toFixed(4)),
      [0, 0.3125, 1],
    );
    assert.deepEqual(
      [...img.channels[1]].map((v) => +v.toFixed(4)),
      [0, 0.25, 1],
    );
    assert.deepEqual(
      [...img.channels[2]].map((v) => +v.toFixed(4)),
      [0.1, 0.2, 0.3],
    );
  });
});
