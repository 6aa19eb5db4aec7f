/**
 * Colour conversions at 1 MP: planar fast paths against the scalar per-pixel functions (the
 * straightforward reference implementation), plus gamut clamping and the finish stage.
 */

import { clampLabGamut } from '../src/color/gamut.js';
import { labImageToRgb, labToSrgb, rgbImageToLab, srgbToLab } from '../src/color/lab.js';
import { lumaChromaToRgb, rgbToLumaChroma } from '../src/color/linear-spaces.js';
import { finish } from '../src/finish/finish.js';
import { createImage } from '../src/image/image.js';
import { resizeImage } from '../src/image/resize.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round, timeIt } from './util.js';

export default async function bench(): Promise<BenchRecord[]> {
  const W = 1000;
  const H = 1000;
  const n = W * H;
  const img = createImage(W, H, 3);
  for (let i = 0; i < n; i++) {
    img.channels[0][i] = (i % W) / W;
    img.channels[1][i] = Math.floor(i / W) / H;
    img.channels[2][i] = ((i * 7919) % 1000) / 1000;
  }
  const out: BenchRecord[] = [];
  const rec = (name: string, ms: number, ref: string, refMs: number | null) =>
    out.push({
      name,
      megapixels: n / 1e6,
      ms: round(ms, 1),
      mpix_per_s: round(n / 1e3 / ms, 1),
      reference: ref,
      reference_ms: refMs === null ? null : round(refMs, 1),
      speedup: refMs === null ? null : round(refMs / ms, 1),
      peak_rss_mib: round(peakRssMiB(), 0),
    });

  const lab = timeIt(() => rgbImageToLab(img));
  const scalar = timeIt(() => {
    const L = new Float32Array(n);
    const A = new Float32Array(n);
    const B = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const [l, a, b] = srgbToLab(img.channels[0][i], img.channels[1][i], img.channels[2][i]);
      L[i] = l;
      A[i] = a;
      B[i] = b;
    }
    return [L, A, B];
  }, 1);
  rec('sRGB → Lab (planar, table-driven decode)', lab.ms, 'scalar srgbToLab per pixel', scalar.ms);
  const back = timeIt(() => labImageToRgb(lab.result));
  const backScalar = timeIt(() => {
    const [L0, A0, B0] = lab.result.channels;
    const R = new Float32Array(n);
    for (let i = 0; i < n; i++) R[i] = labToSrgb(L0[i], A0[i], B0[i])[0];
    return R;
  }, 1);
  rec(
    'Lab → sRGB with hue-ray gamut clamp (planar)',
    back.ms,
    'scalar labToSrgb per pixel, no clamp',
    backScalar.ms,
  );
  rec('sRGB → YUV (eq. 1)', timeIt(() => rgbToLumaChroma(img, 'yuv')).ms, '', null);
  rec('YUV → sRGB (eq. 4)', timeIt(() => lumaChromaToRgb(rgbToLumaChroma(img, 'yuv'), 'yuv')).ms, '', null);
  const [L, A, B] = lab.result.channels;
  const A2 = A.map((v) => v * 2.5);
  const B2 = B.map((v) => v * 2.5);
  rec(
    'Lab gamut clamp (chroma ×2.5, most pixels out of gamut)',
    timeIt(() => clampLabGamut(L.slice(), A2.slice(), B2.slice()), 1).ms,
    '',
    null,
  );
  const gray = { width: W, height: H, channels: [img.channels[1]] };
  const chroma = resizeImage({ width: W, height: H, channels: [A, B] }, W / 4, H / 4, 'area');
  rec(
    'finish: 4× chroma → 1 MP, joint bilateral upsampling, clamp, recombine',
    timeIt(() => finish({ original: gray, chroma, space: 'lab' })).ms,
    'finish with bilinear upsampling',
    timeIt(() => finish({ original: gray, chroma, space: 'lab' }, { upsample: 'bilinear' })).ms,
  );
  return out;
}
