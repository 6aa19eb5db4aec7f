/**
 * Global colour transfer methods at 1 MP (1000 × 1000 target, 1000 × 1000 reference). Each record
 * carries a reference figure from the same run: the method it builds on or a simpler variant
 * (e.g. binned LUT vs exact CDF matching, Haar vs db4), and every method is also set against one
 * sRGB → Lab → sRGB round trip, the cost floor of any method that works in Lab.
 */
import { labImageToRgb, rgbImageToLab } from '../src/color/lab.js';
import { dwt2, idwt2 } from '../src/filters/wavelet.js';
import type { ImageF32 } from '../src/image/image.js';
import { edgeAwareTransfer } from '../src/methods/transfer/edge-aware/edge-aware.js';
import { histogramLutTransfer } from '../src/methods/transfer/histogram-lut/histogram-lut.js';
import { histogramYuvTransfer } from '../src/methods/transfer/histogram-lut/histogram-yuv.js';
import { reinhardTransfer } from '../src/methods/transfer/reinhard/reinhard.js';
import { waveletTransfer } from '../src/methods/transfer/wavelet/wavelet-transfer.js';
import { welshTransfer } from '../src/methods/transfer/welsh/welsh.js';
import { syntheticRgb } from '../test/helpers/images.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round, timeIt } from './util.js';

export default async function bench(): Promise<BenchRecord[]> {
  const W = 1000;
  const H = 1000;
  const n = W * H;
  // 8-bit levels, as decoded from a PNG or JPEG (the exact CDF matcher is fastest on them).
  const quantise = (img: ImageF32): ImageF32 => {
    for (const p of img.channels) for (let i = 0; i < p.length; i++) p[i] = Math.round(p[i] * 255) / 255;
    return img;
  };
  const target = quantise(syntheticRgb(W, H, 1));
  const reference = quantise(syntheticRgb(W, H, 2));
  // A visibly different reference: channels rotated.
  const ref: ImageF32 = {
    ...reference,
    channels: [reference.channels[2], reference.channels[0], reference.channels[1]],
  };
  const gray: ImageF32 = { width: W, height: H, channels: [target.channels[1]] };
  const out: BenchRecord[] = [];
  const rec = (name: string, ms: number, refName: string, refMs: number) =>
    out.push({
      name,
      megapixels: n / 1e6,
      ms: round(ms, 1),
      mpix_per_s: round(n / 1e3 / ms, 2),
      reference: refName,
      reference_ms: round(refMs, 1),
      ratio_to_reference: round(ms / refMs, 2),
      peak_rss_mib: round(peakRssMiB(), 0),
    });

  const floor = timeIt(() => labImageToRgb(rgbImageToLab(target))).ms;
  const FLOOR = 'sRGB → Lab → sRGB round trip';

  const lut = timeIt(() => histogramLutTransfer(target, ref)).ms;
  const exact = timeIt(() => histogramLutTransfer(target, ref, { exact: true })).ms;
  rec('histogram (256-bin LUT, RGB)', lut, 'histogram --exact (float CDF by sorting)', exact);
  rec('histogram --exact', exact, FLOOR, floor);
  const continuous = syntheticRgb(W, H, 3);
  rec(
    'histogram --exact, float data (1 M distinct levels)',
    timeIt(() => histogramLutTransfer(continuous, ref, { exact: true }), 1).ms,
    'histogram --exact on 8-bit data',
    exact,
  );
  rec(
    'histogram-yuv (RGB first, then YUV)',
    timeIt(() => histogramYuvTransfer(target, ref)).ms,
    'histogram (RGB only)',
    lut,
  );
  const rh = timeIt(() => reinhardTransfer(target, ref)).ms;
  rec('reinhard (Lab)', rh, FLOOR, floor);
  rec(
    'reinhard --space lalphabeta',
    timeIt(() => reinhardTransfer(target, ref, { space: 'lalphabeta' })).ms,
    'reinhard (Lab)',
    rh,
  );

  const haar = timeIt(() => idwt2(dwt2(target.channels[0], W, H, 10, 'haar'))).ms;
  rec(
    'DWT + inverse, db4, 10 levels, one plane',
    timeIt(() => idwt2(dwt2(target.channels[0], W, H, 10, 'db4'))).ms,
    'same with haar',
    haar,
  );
  const wv = timeIt(() => waveletTransfer(target, ref)).ms;
  rec('wavelet (haar, RGB, 10 levels)', wv, FLOOR, floor);
  rec(
    'wavelet --space lab --wavelet db4',
    timeIt(() => waveletTransfer(target, ref, { space: 'lab', wavelet: 'db4' })).ms,
    'wavelet (haar, RGB)',
    wv,
  );
  rec(
    'edge-aware (t = 0.01)',
    timeIt(() => edgeAwareTransfer(target, ref)).ms,
    'histogram (256-bin LUT, RGB)',
    lut,
  );
  rec('welsh (200 samples, gray target)', timeIt(() => welshTransfer(gray, ref), 2).ms, FLOOR, floor);
  rec('welsh, 50 samples', timeIt(() => welshTransfer(gray, ref, { samples: 50 }), 2).ms, FLOOR, floor);
  return out;
}
