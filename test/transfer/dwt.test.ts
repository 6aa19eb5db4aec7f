import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dwt2, idwt2, WAVELET_NAMES, waveletFilters } from '../../src/filters/wavelet.js';
import { rng } from '../helpers/images.js';

function randomPlane(n: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => r());
}

describe('2-D DWT (filters/wavelet)', () => {
  for (const name of WAVELET_NAMES) {
    it(`${name}: perfect reconstruction on odd and even sizes, many levels`, () => {
      for (const [w, h, k] of [
        [37, 23, 4],
        [64, 48, 6],
        [5, 9, 8],
        [1, 7, 3],
      ]) {
        const x = randomPlane(w * h, w * 31 + h);
        const back = idwt2(dwt2(x, w, h, k, name));
        assert.equal(back.length, x.length);
        let err = 0;
        for (let i = 0; i < x.length; i++) err = Math.max(err, Math.abs(back[i] - x[i]));
        assert.ok(err < 1e-10, `${w}×${h}, ${k} levels: max error ${err}`);
      }
    });

    it(`${name}: orthonormal filters (energy is preserved on even sizes)`, () => {
      const { h, g } = waveletFilters(name);
      const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i], 0);
      assert.ok(Math.abs(dot(h, h) - 1) < 1e-12);
      assert.ok(Math.abs(dot(g, g) - 1) < 1e-12);
      assert.ok(Math.abs(dot(h, g)) < 1e-12);
      const x = randomPlane(32 * 16, 7);
      const dec = dwt2(x, 32, 16, 2, name);
      let e = dec.approx.reduce((s, v) => s + v * v, 0);
      for (const lv of dec.levels) for (const d of lv.details) e += d.reduce((s, v) => s + v * v, 0);
      const e0 = x.reduce((s, v) => s + v * v, 0);
      assert.ok(Math.abs(e - e0) < 1e-9 * e0, `${e} vs ${e0}`);
    });
  }

  it('Haar: the low-pass of a 2×2 block is its sum / 2 and details vanish on constants', () => {
    const dec = dwt2(Float32Array.of(1, 2, 3, 4), 2, 2, 1, 'haar');
    assert.ok(Math.abs(dec.approx[0] - 5) < 1e-12);
    const flat = dwt2(new Float32Array(16).fill(0.5), 4, 4, 2, 'db2');
    for (const lv of flat.levels)
      for (const d of lv.details) for (const v of d) assert.ok(Math.abs(v) < 1e-12);
  });

  it('band sizes halve (rounding up) at each level', () => {
    const dec = dwt2(new Float32Array(37 * 23), 37, 23, 3, 'haar');
    assert.deepEqual(
      dec.levels.map((l) => [l.width, l.height, l.bandWidth, l.bandHeight]),
      [
        [37, 23, 19, 12],
        [19, 12, 10, 6],
        [10, 6, 5, 3],
      ],
    );
    assert.deepEqual([dec.approxWidth, dec.approxHeight], [5, 3]);
  });
});
