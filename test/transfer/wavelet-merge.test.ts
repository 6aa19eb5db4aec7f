import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { WAVELET_NAMES } from '../../src/filters/wavelet.js';
import { createImage } from '../../src/image/image.js';
import { enhanceLocalContrast } from '../../src/methods/transfer/wavelet/contrast.js';
import { defaultLambda, resolveLambda } from '../../src/methods/transfer/wavelet/merge.js';
import { waveletTransfer } from '../../src/methods/transfer/wavelet/wavelet-transfer.js';
import { syntheticRgb } from '../helpers/images.js';

describe('wavelet-coefficient merging (report §2.2)', () => {
  const target = syntheticRgb(45, 31, 1);
  const ref = syntheticRgb(45, 31, 2);
  // A visibly different reference: channels rotated.
  const refRot = { ...ref, channels: [ref.channels[2], ref.channels[0], ref.channels[1]] };

  for (const wavelet of WAVELET_NAMES) {
    it(`${wavelet}: λ all ones returns the target exactly, all zeros the reference exactly`, () => {
      const ones = waveletTransfer(target, refRot, { lambda: [1, 1, 1, 1, 1], wavelet });
      const zeros = waveletTransfer(target, refRot, { lambda: [0, 0, 0, 0, 0], wavelet });
      for (let c = 0; c < 3; c++) {
        assert.deepEqual(ones.channels[c], target.channels[c]);
        assert.deepEqual(zeros.channels[c], refRot.channels[c]);
      }
    });
  }

  it('λ₀ = 0 with details kept takes the reference low-pass and the target detail', () => {
    const out = waveletTransfer(target, refRot, { lambda: [0, 1, 1, 1] });
    // Mean (carried by the low-pass) is the reference's; the result is neither input.
    for (let c = 0; c < 3; c++) {
      const m = (p: Float32Array) => p.reduce((s, v) => s + v, 0) / p.length;
      assert.ok(Math.abs(m(out.channels[c]) - m(refRot.channels[c])) < 0.02);
    }
  });

  it('chroma-only merging keeps the target luminance (report figure 16)', () => {
    const out = waveletTransfer(target, refRot, { space: 'yuv', lambda: [0, 0, 0.5] });
    const y0 = lumaOf(target);
    const y1 = lumaOf(out);
    let err = 0;
    for (let i = 0; i < y0.length; i++) err = Math.max(err, Math.abs(y0[i] - y1[i]));
    assert.ok(err < 1e-3, `luma moved by ${err}`);
  });

  it('a gray target with a differently sized reference gets colour from the reference', () => {
    const gray = createImage(40, 24, 1);
    gray.channels[0].fill(0.5);
    const out = waveletTransfer(gray, syntheticRgb(70, 50, 3), { space: 'lab', levels: 3 });
    assert.equal(out.width, 40);
    let spread = 0;
    for (let i = 0; i < 40 * 24; i++) spread += Math.abs(out.channels[0][i] - out.channels[2][i]);
    assert.ok(spread > 1);
  });

  it('λ of the wrong length, or out of [0, 1], is a usage error naming the option', () => {
    assert.throws(() => resolveLambda([0, 0.5, 1], 3), /"lambda" has 3 values but levels = 3 needs 4/);
    assert.throws(() => resolveLambda([0, 1.5], undefined), /lambda\[1\]/);
    assert.throws(() => waveletTransfer(target, ref, { lambda: [0] }), /at least 2 values/);
    assert.deepEqual(resolveLambda(undefined, 3), { lambda: [0, 0.2, 0.4, 0.6], levels: 3 });
    assert.equal(defaultLambda(10).length, 11);
  });

  it('localized contrast enhancement amplifies a step around its local mean', () => {
    const img = createImage(40, 4, 1);
    img.channels[0].forEach((_, i, a) => {
      a[i] = i % 40 < 20 ? 0.45 : 0.55;
    });
    const out = enhanceLocalContrast(img, 3, 3);
    assert.ok(out.channels[0][19] < 0.4 && out.channels[0][20] > 0.6);
    assert.ok(Math.abs(out.channels[0][0] - 0.45) < 1e-3);
  });
});
