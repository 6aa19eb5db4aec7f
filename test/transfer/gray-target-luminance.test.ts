/**
 * Issue 22: a gray target given to a transfer method that matches all three channels (the
 * histogram LUTs, edge-aware, wavelet in RGB) used to come back posterised with its brightness
 * shifted. Every transfer method now keeps a gray target's Rec. 601 luma (through the finish
 * stage) and still adds the reference's colours. Real photos: an exemplar triplet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import '../../src/methods/browser-builtin.js';
import { listMethods } from '../../src/methods/catalogue/catalogue.js';
import { runWithReference } from '../../src/methods/transfer/declare.js';
import { dataPath } from '../helpers/shared.js';

describe('gray targets keep their luminance in every transfer method', () => {
  it('luma within half a code value, every gray level kept, colour added', async () => {
    const target = (await readImage(dataPath('exemplar', '004_target.png'))).image;
    const reference = (await readImage(dataPath('exemplar', '004_reference.png'))).image;
    assert.equal(target.channels.length, 1);
    const y0 = target.channels[0];
    const levels = (p: Float32Array) => new Set(Array.from(p, (v) => Math.round(v * 255))).size;
    const methods = listMethods('transfer').filter((m) => m.family === 'transfer' && m.targets !== 'colour');
    assert.deepEqual(
      methods.map((m) => m.name),
      ['histogram', 'histogram-yuv', 'wavelet', 'edge-aware', 'welsh'],
    );
    for (const m of methods) {
      const out = await runWithReference(m, target, reference);
      const y1 = lumaOf(out);
      let worst = 0;
      let chroma = 0;
      for (let i = 0; i < y0.length; i++) {
        worst = Math.max(worst, Math.abs(y1[i] - y0[i]));
        chroma += Math.abs(out.channels[0][i] - out.channels[2][i]);
      }
      assert.ok(worst <= 0.5 / 255 + 1e-6, `${m.name}: max |Δluma| ${worst * 255} code values`);
      assert.equal(levels(y1), levels(y0), `${m.name}: gray levels`);
      assert.ok(chroma / y0.length > 0.01, `${m.name}: mean |R − B| ${chroma / y0.length}`);
    }
  });
});
