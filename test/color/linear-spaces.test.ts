import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hsiToRgb, hsvToRgb, rgbToHsi, rgbToHsv } from '../../src/color/hsv.js';
import {
  lumaChromaToRgb,
  RGB_TO_YUV,
  RGB_TO_YUV601,
  rgbToLumaChroma,
  YIQ_TO_RGB,
  YUV_REPORT_OFFSET,
  YUV_TO_RGB,
  YUV601_TO_RGB,
} from '../../src/color/linear-spaces.js';
import { fromPlanes } from '../../src/image/image.js';
import { rng, syntheticRgb } from '../helpers/images.js';

const close = (a: number, b: number, tol: number, msg = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b}`);

describe('YUV (report eq. 1 and 4) and YIQ (Levin et al.)', () => {
  it('reproduces eq. (1) in its 8-bit form with offsets 128', () => {
    const px = fromPlanes(3, 1, [
      Float32Array.of(1, 0, 0.5),
      Float32Array.of(0, 1, 0.5),
      Float32Array.of(0, 0, 0.5),
    ]);
    const [Y, U, V] = rgbToLumaChroma(px, 'yuv').channels;
    // Red (255,0,0): Y = 76.245, U = 128 − 43.0185, V = 128 + 127.5.
    close(Y[0] * 255, 76.245, 1e-3);
    close((U[0] + YUV_REPORT_OFFSET) * 255, 84.9815, 1e-3);
    close((V[0] + YUV_REPORT_OFFSET) * 255, 255.5, 1e-3);
    // Green: Y = 149.685, U = 128 − 84.4815, V = 128 − 106.7685.
    close(Y[1] * 255, 149.685, 1e-3);
    close((U[1] + YUV_REPORT_OFFSET) * 255, 43.5185, 1e-3);
    close((V[1] + YUV_REPORT_OFFSET) * 255, 21.2315, 1e-3);
    // Gray has U = V = 128 exactly.
    close(U[2], 0, 1e-6);
    close(V[2], 0, 1e-6);
  });

  it('eq. (4) inverse has the published coefficients (R = Y + 1.402 V, B = Y + 1.772 U)', () => {
    close(YUV_TO_RGB[0], 1, 1e-4);
    close(YUV_TO_RGB[2], 1.402, 1e-3);
    close(YUV_TO_RGB[4], -0.34414, 1e-3);
    close(YUV_TO_RGB[5], -0.71414, 1e-3);
    close(YUV_TO_RGB[7], 1.772, 1e-3);
    // and the forward rows are those printed in eq. (1)
    assert.deepEqual([...RGB_TO_YUV], [0.299, 0.587, 0.114, -0.1687, -0.3313, 0.5, 0.5, -0.4187, -0.0813]);
  });

  it('YIQ matches MATLAB ntsc2rgb coefficients (to the 3 decimals it prints) and round-trips', () => {
    // We use the exact inverse of rgb2ntsc so round trips are exact; ntsc2rgb's rounded table differs by < 3e-3.
    close(YIQ_TO_RGB[1], 0.956, 2e-3);
    close(YIQ_TO_RGB[2], 0.621, 2e-3);
    close(YIQ_TO_RGB[4], -0.272, 2e-3);
    close(YIQ_TO_RGB[5], -0.647, 2e-3);
    close(YIQ_TO_RGB[7], -1.106, 3e-3);
    close(YIQ_TO_RGB[8], 1.703, 3e-3);
    for (const space of ['yuv', 'yiq'] as const) {
      const img = syntheticRgb(20, 10, 2);
      const back = lumaChromaToRgb(rgbToLumaChroma(img, space), space);
      for (let k = 0; k < 3; k++)
        for (let i = 0; i < 200; i++) close(back.channels[k][i], img.channels[k][i], 1e-5, space);
    }
  });
});

describe('analogue BT.601 YUV (Deep Colorization §III-A)', () => {
  it('has the published BT.601 / BT.470 rows and inverse (U = 0.492 (B − Y), V = 0.877 (R − Y))', () => {
    // Published to 5 decimals (e.g. Jack, Video Demystified; ITU-R BT.470 system M/NTSC YUV):
    // U = −0.14713 R − 0.28886 G + 0.436 B, V = 0.615 R − 0.51499 G − 0.10001 B;
    // R = Y + 1.13983 V, G = Y − 0.39465 U − 0.58060 V, B = Y + 2.03211 U.
    const fwd = [0.299, 0.587, 0.114, -0.14713, -0.28886, 0.436, 0.615, -0.51499, -0.10001];
    for (const [i, v] of fwd.entries()) close(RGB_TO_YUV601[i], v, 1e-5, `forward ${i}`);
    const inv = [1, 0, 1.13983, 1, -0.39465, -0.5806, 1, 2.03211, 0];
    for (const [i, v] of inv.entries()) close(YUV601_TO_RGB[i], v, 2e-4, `inverse ${i}`);
    const px = fromPlanes(2, 1, [Float32Array.of(1, 0), Float32Array.of(0, 0), Float32Array.of(0, 1)]);
    const [, U, V] = rgbToLumaChroma(px, 'yuv601').channels;
    close(V[0], 0.615, 1e-6, 'red: V at its maximum');
    close(U[1], 0.436, 1e-6, 'blue: U at its maximum');
    const img = syntheticRgb(20, 10, 3);
    const back = lumaChromaToRgb(rgbToLumaChroma(img, 'yuv601'), 'yuv601');
    for (let k = 0; k < 3; k++)
      for (let i = 0; i < 200; i++) close(back.channels[k][i], img.channels[k][i], 1e-5);
  });
});

describe('HSV and HSI (report eq. 2)', () => {
  it('gives known values', () => {
    assert.deepEqual(rgbToHsv(0, 0.5, 1), [210 / 360, 1, 1]);
    assert.deepEqual(rgbToHsv(0.5, 0.5, 0.5), [0, 0, 0.5]);
    const [h, s, i] = rgbToHsi(1, 0, 0);
    close(h, 0, 1e-12);
    close(s, 1, 1e-12);
    close(i, 1 / 3, 1e-12);
    close(rgbToHsi(0, 1, 0)[0], (2 * Math.PI) / 3, 1e-9);
    close(rgbToHsi(0, 0, 1)[0], (4 * Math.PI) / 3, 1e-9);
  });

  it('round-trips random colours', () => {
    const r = rng(9);
    for (let n = 0; n < 2000; n++) {
      const c: [number, number, number] = [r(), r(), r()];
      const a = hsvToRgb(...rgbToHsv(...c));
      const b = hsiToRgb(...rgbToHsi(...c));
      for (let k = 0; k < 3; k++) {
        close(a[k], c[k], 1e-9, 'hsv');
        close(b[k], c[k], 1e-9, 'hsi');
      }
    }
  });
});
