/**
 * labImageToRgb's gamut clamp (16 bisection steps on the chroma scale) against the bisection
 * written out as it was before its s-independent parts were hoisted (commit 959d897: every step
 * converts (L*, s·a*, s·b*) to linear RGB in full): the same sRGB to the bit, on Lab values far out
 * of gamut, at the L* ends, and on a photo's chroma boosted out of gamut.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labImageToRgb, rgbImageToLab } from '../../src/color/lab.js';
import { D65_WHITE, linearToSrgbFast, XYZ_TO_RGB } from '../../src/color/srgb.js';
import { rng, syntheticRgb } from '../helpers/images.js';

const EPS = 216 / 24389;
const KAPPA = 24389 / 27;
const [XN, YN, ZN] = D65_WHITE;
const fInv = (t: number) => (t * t * t > EPS ? t * t * t : (116 * t - 16) / KAPPA);

/** The previous labImageToRgb, pixel by pixel. */
function previous(L: Float32Array, A: Float32Array, B: Float32Array): Float32Array[] {
  const m = XYZ_TO_RGB;
  const rgb = new Float64Array(3);
  const toLinear = (l: number, a: number, b: number) => {
    const fy = (l + 16) / 116;
    const x = XN * fInv(fy + a / 500);
    const y = YN * fInv(fy);
    const z = ZN * fInv(fy - b / 200);
    rgb[0] = m[0] * x + m[1] * y + m[2] * z;
    rgb[1] = m[3] * x + m[4] * y + m[5] * z;
    rgb[2] = m[6] * x + m[7] * y + m[8] * z;
    return rgb.every((v) => v >= -1e-7 && v <= 1 + 1e-7);
  };
  const out = [0, 1, 2].map(() => new Float32Array(L.length));
  for (let i = 0; i < L.length; i++) {
    const l = L[i] < 0 ? 0 : L[i] > 100 ? 100 : L[i];
    if (!toLinear(l, A[i], B[i])) {
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 16; k++) {
        const mid = 0.5 * (lo + hi);
        if (toLinear(l, mid * A[i], mid * B[i])) lo = mid;
        else hi = mid;
      }
      toLinear(l, lo * A[i], lo * B[i]);
    }
    for (let c = 0; c < 3; c++) out[c][i] = linearToSrgbFast(rgb[c]);
  }
  return out;
}

test('labImageToRgb gamut clamp: the same bisection as before, to the bit', () => {
  const r = rng(11);
  const n = 200_000;
  const L = Float32Array.from({ length: n }, (_, i) =>
    i % 50 === 0 ? (i % 100 === 0 ? 0 : 100) : r() * 110 - 5,
  );
  const A = Float32Array.from({ length: n }, () => (r() - 0.5) * 300);
  const B = Float32Array.from({ length: n }, () => (r() - 0.5) * 300);
  // A photo's chroma, tripled: mostly near the gamut boundary rather than far outside.
  const lab = rgbImageToLab(syntheticRgb(200, 150, 5));
  const k = lab.channels[0].length;
  const all = [L, A, B].map((p, c) => {
    const q = new Float32Array(n + k);
    q.set(p);
    for (let i = 0; i < k; i++) q[n + i] = c === 0 ? lab.channels[0][i] : 3 * lab.channels[c][i];
    return q;
  });
  const want = previous(all[0], all[1], all[2]);
  const got = labImageToRgb({ width: n + k, height: 1, channels: all });
  let clamped = 0;
  const unclamped = labImageToRgb({ width: n + k, height: 1, channels: all }, false);
  for (let i = 0; i < n + k; i++) {
    if (got.channels[0][i] !== unclamped.channels[0][i]) clamped++;
    for (let c = 0; c < 3; c++)
      assert.ok(
        Object.is(got.channels[c][i], want[c][i]),
        `pixel ${i} channel ${c}: ${got.channels[c][i]} vs ${want[c][i]}`,
      );
  }
  assert.ok(clamped > n / 2, `only ${clamped} pixels went through the clamp`);
});
