/**
 * CIEDE2000 colour difference (Sharma, Wu & Dalal, Color Res. Appl. 2005), kL = kC = kH = 1,
 * and its mean over the pixels of two sRGB images.
 */

import { rgbImageToLab } from '../color/lab.js';
import type { ImageF32 } from '../image/image.js';
import { grayToRgb } from '../image/image.js';
import { assertSameShape } from './shape.js';

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/**
 * ΔE00 between two Lab colours.
 *
 * @example
 * ```ts
 * import { ciede2000 } from 'colorize-toolkit';
 * console.log(ciede2000(50, 2.6772, -79.7751, 50, 0, -82.7485).toFixed(4)); // 2.0425
 * ```
 */
export function ciede2000(L1: number, a1: number, b1: number, L2: number, a2: number, b2: number): number {
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = 0.5 * (C1 + C2);
  const Cm7 = Cm ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cm7 / (Cm7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hp = (b: number, a: number) => {
    if (b === 0 && a === 0) return 0;
    const h = Math.atan2(b, a) / DEG;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hp(b1, a1p);
  const h2p = hp(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * DEG);
  const Lmp = 0.5 * (L1 + L2);
  const Cmp = 0.5 * (C1p + C2p);
  let hmp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hmp = 0.5 * (h1p + h2p);
    else if (h1p + h2p < 360) hmp = 0.5 * (h1p + h2p + 360);
    else hmp = 0.5 * (h1p + h2p - 360);
  }
  const T =
    1 -
    0.17 * Math.cos((hmp - 30) * DEG) +
    0.24 * Math.cos(2 * hmp * DEG) +
    0.32 * Math.cos((3 * hmp + 6) * DEG) -
    0.2 * Math.cos((4 * hmp - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hmp - 275) / 25) ** 2));
  const Cmp7 = Cmp ** 7;
  const RC = 2 * Math.sqrt(Cmp7 / (Cmp7 + POW25_7));
  const Lm50 = (Lmp - 50) ** 2;
  const SL = 1 + (0.015 * Lm50) / Math.sqrt(20 + Lm50);
  const SC = 1 + 0.045 * Cmp;
  const SH = 1 + 0.015 * Cmp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;
  const tL = dLp / SL;
  const tC = dCp / SC;
  const tH = dHp / SH;
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}

/** Mean ΔE00 over the pixels of two sRGB (or gray) images of the same size. */
export function meanCiede2000(pred: ImageF32, truth: ImageF32): number {
  const p = grayToRgb(pred);
  const t = grayToRgb(truth);
  assertSameShape(p, t);
  const lp = rgbImageToLab(p);
  const lt = rgbImageToLab(t);
  const [L1, A1, B1] = lp.channels;
  const [L2, A2, B2] = lt.channels;
  let s = 0;
  for (let i = 0; i < L1.length; i++) s += ciede2000(L1[i], A1[i], B1[i], L2[i], A2[i], B2[i]);
  return s / L1.length;
}
