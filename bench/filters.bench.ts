/**
 * Filters and resampling at 1 MP against references run in the same process: direct summation
 * for the box filter, the exact FIR for the recursive Gaussian, the exact joint bilateral for the
 * bilateral grid, and sharp (libvips) for resizing.
 */
import sharp from 'sharp';
import { jointBilateralExact, jointBilateralGrid, jointBilateralUpsample } from '../src/filters/bilateral.js';
import { boxFilter, boxFilterNaive } from '../src/filters/box.js';
import { gaussianBlur, gaussianFir } from '../src/filters/gaussian.js';
import { guidedFilter, guidedUpsample } from '../src/filters/guided.js';
import { resizePlane } from '../src/image/resize.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round, timeAsync, timeIt } from './util.js';

function testPlane(w: number, h: number): Float32Array {
  const p = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      p[y * w + x] = 0.5 + 0.3 * Math.sin(x / 17) * Math.cos(y / 23) + (x > w / 2 ? 0.2 : 0);
  return p;
}
function maxAbs(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
/** Max difference away from a border of `margin` pixels (where border rules legitimately differ). */
function maxAbsInterior(a: Float32Array, b: Float32Array, w: number, h: number, margin: number): number {
  let m = 0;
  for (let y = margin; y < h - margin; y++)
    for (let x = margin; x < w - margin; x++) m = Math.max(m, Math.abs(a[y * w + x] - b[y * w + x]));
  return m;
}

export default async function bench(): Promise<BenchRecord[]> {
  const W = 1000;
  const H = 1000;
  const p = testPlane(W, H);
  const out: BenchRecord[] = [];
  const rec = (name: string, ms: number, refName: string, refMs: number | null, err: number | null) =>
    out.push({
      name,
      megapixels: (W * H) / 1e6,
      ms: round(ms, 1),
      reference: refName,
      reference_ms: refMs === null ? null : round(refMs, 1),
      speedup: refMs === null ? null : round(refMs / ms, 1),
      max_abs_diff: err === null ? null : Number(err.toExponential(2)),
      peak_rss_mib: round(peakRssMiB(), 0),
    });

  for (const r of [2, 8, 32]) {
    const fast = timeIt(() => boxFilter(p, W, H, r));
    const naive = r <= 8 ? timeIt(() => boxFilterNaive(p, W, H, r), 1) : null;
    rec(
      `box r=${r}`,
      fast.ms,
      'direct summation',
      naive?.ms ?? null,
      naive ? maxAbs(fast.result, naive.result) : null,
    );
  }
  for (const s of [4, 16]) {
    const iir = timeIt(() => gaussianBlur(p, W, H, s));
    const fir = timeIt(() => gaussianFir(p, W, H, s, 4), 1);
    rec(
      `gaussian σ=${s} (recursive; diff inside a 4σ border)`,
      iir.ms,
      'exact FIR',
      fir.ms,
      maxAbsInterior(iir.result, fir.result, W, H, 4 * s),
    );
  }
  const g = timeIt(() => guidedFilter(p, [p.map((v) => v * 0.5)], W, H, { radius: 8, eps: 1e-3 }));
  const gf = timeIt(() =>
    guidedFilter(p, [p.map((v) => v * 0.5)], W, H, { radius: 8, eps: 1e-3, subsample: 4 }),
  );
  rec('guided r=8 fast (s=4)', gf.ms, 'guided r=8 exact', g.ms, maxAbs(gf.result[0], g.result[0]));

  // Bilateral: exact reference at 0.25 MP (it is O(σ²) per pixel), both at the same size.
  const w2 = 500;
  const h2 = 500;
  const p2 = testPlane(w2, h2);
  const grid = timeIt(() => jointBilateralGrid(p2, [p2], w2, h2, { sigmaSpatial: 4, sigmaRange: 0.1 }));
  const exact = timeIt(() => jointBilateralExact(p2, [p2], w2, h2, { sigmaSpatial: 4, sigmaRange: 0.1 }), 1);
  out.push({
    name: 'joint bilateral grid σs=4 σr=0.1',
    megapixels: 0.25,
    ms: round(grid.ms, 1),
    reference: 'exact joint bilateral',
    reference_ms: round(exact.ms, 1),
    speedup: round(exact.ms / grid.ms, 1),
    max_abs_diff: Number(maxAbs(grid.result[0], exact.result[0]).toExponential(2)),
    peak_rss_mib: round(peakRssMiB(), 0),
  });

  // Finish-stage upsampling: 4× chroma to 1 MP.
  const low = resizePlane(p, W, H, W / 4, H / 4, 'area');
  const jbu = timeIt(() =>
    jointBilateralUpsample(p, W, H, [low, low], W / 4, H / 4, { sigmaRange: 0.1, spatialKernel: 'tent' }),
  );
  const gup = timeIt(() => guidedUpsample(p, W, H, [low, low], W / 4, H / 4));
  const bil = timeIt(() => [
    resizePlane(low, W / 4, H / 4, W, H, 'bilinear'),
    resizePlane(low, W / 4, H / 4, W, H, 'bilinear'),
  ]);
  rec('joint bilateral upsampling 4× (2 planes)', jbu.ms, 'bilinear 4× (2 planes)', bil.ms, null);
  rec('guided upsampling 4× (2 planes)', gup.ms, 'bilinear 4× (2 planes)', bil.ms, null);

  // Resize against libvips (sharp) on float data, 1 MP → 0.25 MP and back.
  const buf = Buffer.from(p.buffer);
  for (const [kernel, vipsKernel] of [
    ['area', null],
    ['bilinear', 'linear'],
    ['bicubic', 'cubic'],
  ] as const) {
    const down = timeIt(() => resizePlane(p, W, H, 500, 500, kernel));
    const up = timeIt(() => resizePlane(down.result, 500, 500, W, H, kernel));
    const ref = await timeAsync(async () => {
      const s = sharp(buf, { raw: { width: W, height: H, channels: 1 } as never });
      return vipsKernel
        ? s
            .resize(500, 500, { kernel: vipsKernel === 'linear' ? 'linear' : 'cubic' })
            .raw()
            .toBuffer()
        : s.resize(500, 500, { kernel: 'nearest' }).raw().toBuffer();
    });
    rec(`resize ${kernel} 1 MP→0.25 MP`, down.ms, 'sharp/libvips resize (float)', ref.ms, null);
    rec(`resize ${kernel} 0.25 MP→1 MP`, up.ms, '', null, null);
  }
  return out;
}
