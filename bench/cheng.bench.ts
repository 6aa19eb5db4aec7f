/**
 * Deep Colorization (Cheng et al.): quality on ../shared/data/val of the full method and of the
 * paper's ablations (Figs. 2–5, 8), against the gray image itself as the reference; and running
 * time at 256², 512², 1024² against the paper's Table II (Matlab, Xeon 2.3 GHz) and the issue's
 * goal (≤ 0.5 s at 256²), split by stage, with the network also run by the TypeScript forward
 * pass (the naive reference of the ONNX Runtime path) at 256².
 *
 *   npm run bench -- cheng            (CHENG_BENCH_STEP=k: every k-th val photo, default 5)
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lumaOf, rgbToLumaChroma } from '../src/color/linear-spaces.js';
import { fromPlanes, grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { chengDescriptors } from '../src/methods/automatic/cheng/features.js';
import { mlpForward, mlpForwardOrt } from '../src/methods/automatic/cheng/mlp.js';
import { loadChengModel } from '../src/methods/automatic/cheng/model.js';
import type { ChengOptions } from '../src/methods/automatic/cheng/options.js';
import { colorizeCheng } from '../src/methods/automatic/cheng/pipeline.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { ssim } from '../src/metrics/ssim.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round } from './util.js';

const CONFIGS: Array<{ name: string; options: ChengOptions }> = [
  { name: 'full', options: {} },
  { name: 'no clustering', options: { clustering: false } },
  // The setting docs/cheng.md recommends for accuracy and colour together (not the paper's).
  { name: 'no clustering, 3 members, gain 1.2', options: { clustering: false, members: 3, chromaGain: 1.2 } },
  { name: 'no refinement', options: { refine: false } },
  { name: 'no patch', options: { features: 'no-patch', refine: true } },
  { name: 'no DAISY', options: { features: 'no-daisy' } },
  { name: 'no semantic', options: { features: 'no-semantic' } },
  { name: 'warm style', options: { style: 'warm' } },
];

/** The paper's Table II (seconds) for the proposed method. */
const PAPER_SECONDS: Record<number, number> = { 256: 6.78, 512: 17.413, 1024: 63.142 };

export default async function (): Promise<BenchRecord[]> {
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
  const valDir = path.join(shared, 'data/val');
  const step = Number(process.env.CHENG_BENCH_STEP ?? 5);
  const files = readdirSync(valDir)
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort()
    .filter((_, i) => i % step === 0);
  const model = loadChengModel();
  const records: BenchRecord[] = [];
  const sums = new Map<
    string,
    { psnr: number; ssim: number; cf: number; warmth: number; n: number; better: number }
  >();
  /** Mean V − U of an sRGB image (YUV of linear-spaces.ts): positive towards red/orange/yellow. */
  const warmthOf = (img: ImageF32) => {
    const [, U, V] = rgbToLumaChroma(img.channels.length === 3 ? img : grayToRgb(img), 'yuv').channels;
    let s = 0;
    for (let i = 0; i < U.length; i++) s += V[i] - U[i];
    return s / U.length;
  };
  const add = (k: string, p: number, s: number, c: number, better: boolean, img?: ImageF32) => {
    const e = sums.get(k) ?? { psnr: 0, ssim: 0, cf: 0, warmth: 0, n: 0, better: 0 };
    if (img) e.warmth += warmthOf(img);
    e.psnr += p;
    e.ssim += s;
    e.cf += c;
    e.n++;
    if (better) e.better++;
    sums.set(k, e);
  };
  const psnrFull: number[] = [];
  const psnrGlobal: number[] = [];
  for (const f of files) {
    const { image: truth } = await readImage(path.join(valDir, f));
    const gray = fromPlanes(truth.width, truth.height, [lumaOf(truth).slice()]);
    const grayRgb = grayToRgb(gray);
    add('truth', Infinity, 1, colorfulness(truth), false, truth);
    const pg = psnr(grayRgb, truth);
    add('gray (reference)', pg, ssim(grayRgb, truth), colorfulness(grayRgb), false);
    for (const c of CONFIGS) {
      const r = await colorizeCheng(gray, c.options);
      const p = psnr(r.rgb, truth);
      add(c.name, p, ssim(r.rgb, truth), colorfulness(r.rgb), p > pg, r.rgb);
      if (c.name === 'full') psnrFull.push(p);
      if (c.name === 'no clustering') psnrGlobal.push(p);
    }
  }
  for (const [k, e] of sums)
    records.push({
      kind: 'quality',
      config: k,
      images: e.n,
      psnr_db: k === 'truth' ? null : round(e.psnr / e.n, 2),
      ssim: round(e.ssim / e.n, 4),
      colorfulness: round(e.cf / e.n, 2),
      warmth_v_minus_u: round(e.warmth / e.n, 4),
      beats_gray_psnr: k === 'truth' || k.startsWith('gray') ? null : e.better,
    });
  // Fig. 8: PSNR distribution with and without clustering.
  const hist = (v: number[]) => {
    const bins = [0, 18, 20, 22, 24, 26, 28, 30, 99];
    return bins
      .slice(0, -1)
      .map((lo, i) => `${lo}-${bins[i + 1]}:${v.filter((x) => x >= lo && x < bins[i + 1]).length}`)
      .join(' ');
  };
  records.push({ kind: 'psnr histogram', config: 'full', images: psnrFull.length, bins: hist(psnrFull) });
  records.push({
    kind: 'psnr histogram',
    config: 'no clustering',
    images: psnrGlobal.length,
    bins: hist(psnrGlobal),
  });

  // Running time.
  const { image: photo } = await readImage(path.join(valDir, files[0]));
  for (const side of [256, 512, 1024]) {
    const g: ImageF32 = resizeImage(
      fromPlanes(photo.width, photo.height, [lumaOf(photo).slice()]),
      side,
      side,
      'bicubic',
    );
    for (const [label, options] of [
      ['', {}],
      [', no clustering, 3 members', { clustering: false, members: 3 }],
    ] as const) {
      if (label && side !== 512) continue;
      await colorizeCheng(g, options); // warm-up (sessions, JIT)
      let best = Infinity;
      let timings: Record<string, number> = {};
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const r = await colorizeCheng(g, options);
        const ms = performance.now() - t0;
        if (ms < best) {
          best = ms;
          timings = r.timings;
        }
      }
      const rec: BenchRecord = {
        kind: 'time',
        config: `${side}x${side}${label}`,
        total_ms: round(best, 0),
        paper_ms: PAPER_SECONDS[side] * 1000,
        goal_ms: side === 256 ? 500 : null,
        ms_per_megapixel: round(best / ((side * side) / 1e6), 0),
      };
      for (const [k, v] of Object.entries(timings)) rec[`${k}_ms`] = round(v, 0);
      rec.peak_rss_mib = round(peakRssMiB(), 0);
      records.push(rec);
    }
  }
  // Network alone at 256²: ONNX Runtime against the TypeScript forward pass.
  const net = model.networks.get('no-semantic') ?? model.networks.get('global');
  if (net) {
    const side = 256;
    const g = resizeImage(
      fromPlanes(photo.width, photo.height, [lumaOf(photo).slice()]),
      side,
      side,
      'bicubic',
    );
    const src = chengDescriptors(g.channels[0], side, side, net.features);
    const x = new Float32Array(side * side * src.size);
    for (let p = 0; p < side * side; p++) src.fill(p % side, Math.floor(p / side), x, p * src.size);
    await mlpForwardOrt(net, x, side * side);
    let t0 = performance.now();
    await mlpForwardOrt(net, x, side * side);
    const ort = performance.now() - t0;
    t0 = performance.now();
    mlpForward(net, x, side * side);
    const ts = performance.now() - t0;
    records.push({
      kind: 'network 256x256',
      config: net.name,
      total_ms: round(ort, 0),
      typescript_ms: round(ts, 0),
    });
  }
  return records;
}
