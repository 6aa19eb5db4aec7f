import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  grayToL,
  labImageToRgb,
  labToSrgb,
  linearRgbToXyz,
  lToGray,
  rgbImageToLab,
  srgbToLab,
} from '../../src/color/lab.js';
import { D65_WHITE, linearToSrgb, srgbToLinear } from '../../src/color/srgb.js';
import { rng, syntheticRgb } from '../helpers/images.js';

const close = (a: number, b: number, tol: number, msg = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);

describe('sRGB ↔ linear ↔ XYZ ↔ CIELAB', () => {
  it('matches published Lab values of the sRGB primaries (Lindbloom, D65)', () => {
    const cases: Array<[number[], number[]]> = [
      [
        [1, 0, 0],
        [53.2408, 80.0925, 67.2032],
      ],
      [
        [0, 1, 0],
        [87.7347, -86.1827, 83.1793],
      ],
      [
        [0, 0, 1],
        [32.297, 79.1875, -107.8602],
      ],
      [
        [1, 1, 1],
        [100, 0, 0],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [1, 1, 0],
        [97.1393, -21.5537, 94.478],
      ],
    ];
    for (const [rgb, lab] of cases) {
      const got = srgbToLab(rgb[0], rgb[1], rgb[2]);
      for (let k = 0; k < 3; k++) close(got[k], lab[k], 0.01, `${rgb} channel ${k}`);
    }
  });

  it('matches the sRGB transfer function and the primaries in XYZ', () => {
    close(srgbToLinear(0.5), 0.214041, 1e-6);
    close(srgbToLinear(0.04), 0.04 / 12.92, 1e-12);
    const [x, y, z] = linearRgbToXyz(1, 0, 0);
    close(x, 0.4124, 1e-4);
    close(y, 0.2126, 1e-4);
    close(z, 0.0193, 1e-4);
    close(D65_WHITE[0], 0.95047, 1e-4);
    // IEC 61966-2-1 white (x, y) = (0.3127, 0.3290) gives Zn = 1.08906 (1.08883 is the 5-digit-xy variant).
    close(D65_WHITE[2], 1.08906, 1e-5);
  });

  it('round-trips sRGB → Lab → sRGB and linear ↔ sRGB', () => {
    const r = rng(3);
    for (let i = 0; i < 2000; i++) {
      const c = [r(), r(), r()];
      const back = labToSrgb(...srgbToLab(c[0], c[1], c[2]));
      for (let k = 0; k < 3; k++) close(back[k], c[k], 1e-9);
      close(linearToSrgb(srgbToLinear(c[0])), c[0], 1e-12);
    }
    for (let v = 0; v <= 1; v += 0.01) close(lToGray(grayToL(v)), v, 1e-9);
  });

  it('planar conversions agree with the scalar ones and round-trip', () => {
    const img = syntheticRgb(40, 30, 5);
    const lab = rgbImageToLab(img);
    for (const i of [0, 77, 599, 1199]) {
      const s = srgbToLab(img.channels[0][i], img.channels[1][i], img.channels[2][i]);
      for (let k = 0; k < 3; k++) close(lab.channels[k][i], s[k], 1e-3);
    }
    const back = labImageToRgb(lab);
    for (let k = 0; k < 3; k++)
      for (let i = 0; i < 1200; i++) close(back.channels[k][i], img.channels[k][i], 1e-4);
  });
});
