/** End-to-end runs of every transfer method on real pairs from ../shared/data/exemplar. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { type DecodedImage, readImage } from '../../src/image/io.js';
import { histogramIntersection } from '../../src/metrics/histogram-intersection.js';
import { psnr } from '../../src/metrics/psnr.js';
import '../../src/methods/browser-builtin.js';
import { getMethod, listMethods } from '../../src/methods/catalogue/catalogue.js';
import { planeStats } from '../../src/methods/transfer/common.js';
import { runWithReference } from '../../src/methods/transfer/declare.js';
import { dataPath } from '../helpers/shared.js';

const load = (name: string) => readImage(dataPath('exemplar', name));

describe('transfer methods on exemplar data', () => {
  let target: DecodedImage;
  let truth: DecodedImage;
  let reference: DecodedImage;
  let colourTarget: DecodedImage;
  let colourRef: DecodedImage;
  before(async () => {
    [target, truth, reference, colourTarget, colourRef] = await Promise.all([
      load('037_target.png'),
      load('037_truth.png'),
      load('037_reference.png'),
      load('transfer_3_target.png'),
      load('transfer_3_reference.png'),
    ]);
  });

  it('every method colours the gray easy-set target 037 towards its reference', async () => {
    assert.ok(target.isGray && !reference.isGray);
    const grayHis = histogramIntersection(target.image, reference.image);
    for (const m of listMethods('transfer').filter((x) => x.family === 'transfer')) {
      const opts = m.name === 'reinhard' ? { grayTarget: 'mean-chroma' } : {};
      const out = await runWithReference(m, target.image, reference.image, opts);
      assert.equal(out.width, target.image.width, m.name);
      assert.equal(out.height, target.image.height, m.name);
      assert.equal(out.channels.length, 3);
      for (const c of out.channels) for (const v of c) assert.ok(v >= 0 && v <= 1, `${m.name}: ${v}`);
      // The constant cast of reinhard's gray baseline is one ab bin, so only the others must gain HIS.
      const his = histogramIntersection(out, reference.image);
      if (m.name !== 'reinhard') assert.ok(his > grayHis + 0.05, `${m.name}: HIS ${his} vs gray ${grayHis}`);
      assert.ok(psnr(out, truth.image) > 12, `${m.name}: PSNR ${psnr(out, truth.image)}`);
    }
  });

  it('welsh keeps the target gray exactly (as Rec. 601 luma) and beats the gray image on HIS by a wide margin', async () => {
    const out = await runWithReference(getMethod('welsh'), target.image, reference.image);
    const y0 = lumaOf(target.image);
    const y1 = lumaOf(out);
    let err = 0;
    for (let i = 0; i < y0.length; i++) err = Math.max(err, Math.abs(y0[i] - y1[i]));
    assert.ok(err < 1e-5, `max |Δluma| ${err}`);
    assert.ok(histogramIntersection(out, reference.image) > 0.4);
  });

  it('reinhard on a colour pair (transfer_3, little gamut clamping) gives the reference Lab statistics', async () => {
    const out = await runWithReference(getMethod('reinhard'), colourTarget.image, colourRef.image);
    const so = rgbImageToLab(out).channels.map(planeStats);
    const sr = rgbImageToLab(colourRef.image).channels.map(planeStats);
    const st = rgbImageToLab(colourTarget.image).channels.map(planeStats);
    for (let c = 0; c < 3; c++) {
      assert.ok(
        Math.abs(so[c].mean - sr[c].mean) < 0.5,
        `mean of channel ${c}: ${so[c].mean} vs ${sr[c].mean}`,
      );
      assert.ok(Math.abs(so[c].std - sr[c].std) < 0.5, `std of channel ${c}`);
      assert.ok(Math.abs(st[c].mean - sr[c].mean) > 1 || Math.abs(st[c].std - sr[c].std) > 1);
    }
  });
});
