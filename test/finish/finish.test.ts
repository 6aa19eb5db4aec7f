import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lightnessOf, rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf, rgbToLumaChroma } from '../../src/color/linear-spaces.js';
import { finish, luminanceFor, preparedFinish } from '../../src/finish/finish.js';
import { createImage } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { psnr } from '../../src/metrics/psnr.js';
import { rng } from '../helpers/images.js';
import { dataPath } from '../helpers/shared.js';

function grayRamp(w: number, h: number) {
  const g = createImage(w, h, 1);
  const r = rng(2);
  g.channels[0].forEach((_, i, p) => {
    p[i] = 0.15 + 0.7 * ((i % w) / w) + 0.02 * r();
  });
  return g;
}

describe('finish stage', () => {
  it('keeps the original luminance exactly (Rec. 601 luma by default, L* on request) and stays in gamut', () => {
    const gray = grayRamp(40, 30);
    for (const [space, keep] of [
      ['lab', 'luma'],
      ['lab', 'lightness'],
      ['yuv', 'luma'],
      ['yiq', 'luma'],
    ] as const) {
      const chroma = createImage(10, 8, 2);
      const big = space === 'lab' ? 150 : 0.6; // far outside the gamut: must be clamped, not clipped
      chroma.channels[0].fill(big);
      chroma.channels[1].fill(-big / 2);
      const rgb = finish({ original: gray, chroma, space }, { keep });
      assert.equal(rgb.width, 40);
      const lumIn = keep === 'lightness' ? luminanceFor(gray, 'lab') : gray.channels[0];
      const lumOut = keep === 'lightness' ? lightnessOf(rgb) : lumaOf(rgb);
      for (let i = 0; i < lumIn.length; i++)
        assert.ok(
          Math.abs(lumOut[i] - lumIn[i]) < (keep === 'lightness' ? 1e-2 : 1e-5),
          `${space}/${keep} pixel ${i}`,
        );
      for (const c of rgb.channels) for (const v of c) assert.ok(v >= 0 && v <= 1);
      // Hue ray kept: the chroma direction of the output matches the input's.
      if (keep === 'lightness') {
        const lab = rgbImageToLab(rgb);
        const i = 15 * 40 + 20;
        assert.ok(Math.abs(Math.atan2(lab.channels[2][i], lab.channels[1][i]) - Math.atan2(-0.5, 1)) < 0.02);
      } else if (space !== 'lab') {
        const yuv = rgbToLumaChroma(rgb, space);
        const i = 15 * 40 + 20;
        assert.ok(Math.abs(Math.atan2(yuv.channels[2][i], yuv.channels[1][i]) - Math.atan2(-0.5, 1)) < 1e-3);
      }
    }
  });

  it('aligns upsampled chroma with luminance edges better than plain bilinear (real photos)', async () => {
    for (const id of ['002', '008', '026']) {
      const truth = await readImage(dataPath('exemplar', `${id}_truth.png`));
      const { width: W, height: H } = truth.image;
      const lab = rgbImageToLab(truth.image);
      const small = resizeImage(
        { width: W, height: H, channels: [lab.channels[1], lab.channels[2]] },
        Math.round(W / 4),
        Math.round(H / 4),
        'area',
      );
      const jbu = finish({ original: truth.image, chroma: small, space: 'lab' });
      const bilinear = finish(
        { original: truth.image, chroma: small, space: 'lab' },
        { upsample: 'bilinear' },
      );
      const guided = finish({ original: truth.image, chroma: small, space: 'lab' }, { upsample: 'guided' });
      const pj = psnr(jbu, truth.image);
      const pb = psnr(bilinear, truth.image);
      const pg = psnr(guided, truth.image);
      // Measured: 002 33.5 vs 32.4, 008 36.2 vs 33.6, 026 28.8 vs 28.2 dB.
      assert.ok(pj > pb + 0.3, `${id}: joint bilateral upsampling ${pj} vs bilinear ${pb}`);
      assert.ok(pg > pb - 2.5, `${id}: guided upsampling ${pg} vs bilinear ${pb}`);
    }
  });

  it('does not filter chroma that is already at full resolution unless asked', () => {
    const gray = grayRamp(20, 10);
    const chroma = createImage(20, 10, 2);
    chroma.channels[0].forEach((_, i, p) => {
      p[i] = i % 2 ? 10 : -10;
    });
    const out = finish({ original: gray, chroma, space: 'lab' });
    const lab = rgbImageToLab(out);
    assert.ok(Math.abs(lab.channels[1][1] - 10) < 0.05 && Math.abs(lab.channels[1][2] + 10) < 0.05);
  });

  it('rejects bad options with a message naming the option', () => {
    const gray = grayRamp(8, 8);
    assert.throws(
      () => finish({ original: gray, chroma: createImage(4, 4, 2), space: 'xyz' as never }),
      /option "space" = "xyz" is invalid: expected one of lab, yuv, yiq/,
    );
    assert.throws(
      () =>
        finish(
          { original: gray, chroma: createImage(4, 4, 2), space: 'lab' },
          { upsample: 'nearest' as never },
        ),
      /option "upsample"/,
    );
    assert.throws(
      () => finish({ original: gray, chroma: createImage(4, 4, 2), space: 'yuv' }, { keep: 'lightness' }),
      /option "keep" = "lightness" is invalid/,
    );
  });
});

describe('preparedFinish', () => {
  it('equals finish for chroma on a working grid, in Lab and YUV, on a real photo', async () => {
    const photo = (await readImage(dataPath('val/bsds500_100007.jpg'))).image;
    const gray = { width: photo.width, height: photo.height, channels: [lumaOf(photo)] };
    const lw = 97;
    const lh = 61;
    const r = rng(4);
    for (const [space, scale] of [
      ['lab', 40],
      ['yuv', 0.2],
    ] as const) {
      const finishOf = preparedFinish(gray, space, lw, lh);
      for (let k = 0; k < 2; k++) {
        const c = [0, 1].map(() => Float32Array.from({ length: lw * lh }, () => scale * (r() - 0.5)));
        const once = finish({ original: gray, chroma: { width: lw, height: lh, channels: c }, space });
        const prepared = finishOf(c);
        let d = 0;
        for (let ch = 0; ch < 3; ch++)
          for (let i = 0; i < once.channels[ch].length; i++)
            d = Math.max(d, Math.abs(once.channels[ch][i] - prepared.channels[ch][i]));
        assert.ok(d < 1e-5, `${space}: ${d}`);
      }
    }
  });
});
