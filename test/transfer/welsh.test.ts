import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labToSrgb, lToGray, rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { createImage } from '../../src/image/image.js';
import { jitteredSamples } from '../../src/methods/transfer/welsh/sampling.js';
import { localStd, welshTransfer } from '../../src/methods/transfer/welsh/welsh.js';

/** Left: flat dark red (L* 35); right: bright blue stripes (L* 65 ± 10, so high local std). */
function reference(w: number, h: number) {
  const img = createImage(w, h, 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const rgb = x < w / 2 ? labToSrgb(35, 40, 25) : labToSrgb(x % 2 ? 75 : 55, 0, -30);
      for (let c = 0; c < 3; c++) img.channels[c][i] = rgb[c];
    }
  return img;
}

describe('Welsh, Ashikhmin & Mueller 2002', () => {
  it('jittered sampling gives about n samples, one per grid cell', () => {
    const s = jitteredSamples(300, 100, 200, 3);
    assert.ok(s.length >= 180 && s.length <= 220, `${s.length}`);
    assert.equal(new Set(s).size, s.length);
  });

  it('local std: 0 on flat areas, half the step on a two-level stripe pattern', () => {
    const flat = new Float32Array(100).fill(3);
    assert.ok(localStd(flat, 10, 10, 2).every((v) => v < 1e-3));
    const stripes = Float32Array.from({ length: 400 }, (_, i) => (i % 2 ? 1 : 0));
    const s = localStd(stripes, 20, 20, 2);
    assert.ok(Math.abs(s[10 * 20 + 10] - Math.sqrt(0.24)) < 1e-3); // 2 or 3 of 5 columns are 1
  });

  it('known answer: dark flat pixels get the red chroma, bright textured ones the blue', () => {
    const W = 60;
    const H = 40;
    const ref = reference(W, H);
    // Target: same two kinds of region but swapped sides, as a gray image (only L* matters).
    const target = createImage(W, H, 1);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) target.channels[0][y * W + x] = lToGray(x >= W / 2 ? 35 : x % 2 ? 75 : 55);
    const out = welshTransfer(target, ref);
    const lab = rgbImageToLab(out);
    const y0 = lumaOf(target);
    const y1 = lumaOf(out);
    for (const [x, a, b] of [
      [45, 40, 25],
      [10, 0, -30],
      [11, 0, -30],
    ]) {
      const i = 20 * W + x;
      assert.ok(Math.abs(lab.channels[1][i] - a) < 2, `a* at x=${x}: ${lab.channels[1][i]}`);
      assert.ok(Math.abs(lab.channels[2][i] - b) < 2, `b* at x=${x}: ${lab.channels[2][i]}`);
      assert.ok(Math.abs(y1[i] - y0[i]) < 1e-5, 'luminance (Rec. 601 luma) kept');
    }
  });

  it('is deterministic for a seed and refuses a gray reference', () => {
    const ref = reference(30, 20);
    const t = createImage(30, 20, 1);
    t.channels[0].forEach((_, i, a) => {
      a[i] = (i % 30) / 29;
    });
    assert.deepEqual(
      welshTransfer(t, ref, { seed: 4 }).channels[0],
      welshTransfer(t, ref, { seed: 4 }).channels[0],
    );
    assert.throws(() => welshTransfer(t, t), /no colour/);
    assert.throws(() => welshTransfer(t, ref, { window: 4 }), /"window" = 4/);
  });
});
