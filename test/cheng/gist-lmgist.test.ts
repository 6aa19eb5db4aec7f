// GIST against LMgist (Oliva & Torralba's MATLAB code) transcribed literally in numpy:
// scripts/make-gist-fixture.py → test/fixtures/gist-lmgist.json. Both sides build the same
// synthetic 128×128 images from a formula, so the resize/crop step is the identity and the test
// pins the [0, 255] stretch, prefilt (5-px symmetric padding, 138² grid), the 32-px symmetric
// boundary extension before the Gabor bank (192² grid) and downN's block means.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gist } from '../../src/features/gist.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/gist-lmgist.json', import.meta.url), 'utf8'),
) as {
  size: number;
  cases: Record<string, number[]>;
};

function synthetic(kind: string, n: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let v: number;
      if (kind === 'waves') {
        v =
          0.5 +
          0.25 * Math.sin((2 * Math.PI * (3 * x + y)) / n) +
          0.15 * Math.sin((2 * Math.PI * (x - 9 * y)) / n + 1.0);
        v += 0.1 * Math.cos((2 * Math.PI * 17 * x) / n) * (y > n / 2 ? 1 : 0);
      } else {
        v = 0.2 + (0.6 * x) / n;
        if ((x - 40) ** 2 + (y - 50) ** 2 < 20 ** 2) v = 0.9;
        if (Math.abs(x - 95) < 6 && y > 20 && y < 110) v = 0.05;
      }
      out[y * n + x] = v;
    }
  return out;
}

const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
};

describe('GIST against LMgist in numpy (scripts/make-gist-fixture.py)', () => {
  for (const [kind, expected] of Object.entries(fixture.cases)) {
    it(`matches the literal LMgist evaluation on the "${kind}" image to 1e-5`, () => {
      const n = fixture.size;
      const g = gist(synthetic(kind, n), n, n);
      assert.equal(g.length, expected.length);
      const e = relErr(g, expected);
      assert.ok(e < 1e-5, `relative error ${e}`);
      for (let i = 0; i < g.length; i++)
        assert.ok(Math.abs(g[i] - expected[i]) < 1e-5 * Math.max(1, expected[i] * 10), `value ${i}`);
    });
  }

  it('differs from the unpadded filter bank (boundaryExtension 0) on a non-periodic image', () => {
    const n = fixture.size;
    const img = synthetic('blocks', n);
    const e = relErr(gist(img, n, n, { boundaryExtension: 0 }), fixture.cases.blocks);
    assert.ok(e > 1e-3, `the padding makes a measurable difference (${e})`);
  });
});
