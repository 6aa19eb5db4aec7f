/**
 * Automatic colorization by the CNN (`cnn`, annealed mean; with `--upsample bilinear`, Zhang et
 * al.'s own baseline as Mouzon et al. compare against it) and by the CNN + coupled TV (`cnn-tv`:
 * solved to a binary selection, the default; and phase 1 only, soft w) on the REPORT split of
 * ../shared/data/val: the sorted names after the first 50, which are the tuning split of
 * scripts/tune-cnn-tv.ts. PSNR, SSIM, colourfulness, mean HSV saturation (Mouzon et al. report
 * 0.3802 for the annealed mean and 0.4228 with TV on their Fig. 3 image) and the saturation
 * histogram of all pixels (their Fig. 3). Then time at 512² by stage (wall and CPU; goal ≤ 3 s in
 * all; the paper's TV took about 15 s in Matlab) and time and peak memory for a 4 MP image in a
 * fresh process (goal ≤ 15 s, ≤ 1 GiB). BENCH_VAL_LIMIT=N: first N report photos;
 * BENCH_VAL_STRIDE=s: every s-th report photo.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TUNING_PHOTOS, valSplit } from '../scripts/val-split.js';
import { hsvSaturation } from '../src/color/hsv.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import { fromPlanes, grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { predictColorDistribution } from '../src/methods/automatic/cnn-tv/network.js';
import { decodeAnnealedMean, selectWithCoupledTv } from '../src/methods/automatic/cnn-tv/pipeline.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { meanSaturation } from '../src/metrics/saturation.js';
import { ssim } from '../src/metrics/ssim.js';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

const PAPER_SATURATION = { 'cnn (bilinear, Zhang et al.)': 0.3802, 'cnn-tv': 0.4228 } as Record<
  string,
  number
>;
const HIST_BINS = 10;

function saturationHistogram(img: ImageF32, into: Float64Array): void {
  if (img.channels.length === 1) {
    into[0] += 1;
    return;
  }
  const [R, G, B] = img.channels;
  const h = new Float64Array(HIST_BINS);
  for (let i = 0; i < R.length; i++)
    h[Math.min(HIST_BINS - 1, Math.floor(hsvSaturation(R[i], G[i], B[i]) * HIST_BINS))]++;
  for (let k = 0; k < HIST_BINS; k++) into[k] += h[k] / R.length;
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

export default async function (): Promise<BenchRecord[]> {
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
  const valDir = path.join(shared, 'data/val');
  const limit = Number(process.env.BENCH_VAL_LIMIT ?? 0) || Infinity;
  const stride = Number(process.env.BENCH_VAL_STRIDE ?? 1) || 1;
  const files = valSplit(valDir, 'report')
    .filter((_, k) => k % stride === 0)
    .slice(0, limit);
  const sums: Record<
    string,
    { psnr: number; ssim: number; colorfulness: number; saturation: number; hist: Float64Array }
  > = {};
  const add = (name: string, img: ImageF32, truth: ImageF32) => {
    const s = (sums[name] ??= {
      psnr: 0,
      ssim: 0,
      colorfulness: 0,
      saturation: 0,
      hist: new Float64Array(HIST_BINS),
    });
    s.psnr += psnr(img, truth);
    s.ssim += ssim(img, truth);
    s.colorfulness += colorfulness(img);
    s.saturation += meanSaturation(img);
    saturationHistogram(img, s.hist);
  };
  let tvIterations = 0;
  let binaryPhotos = 0;
  for (const f of files) {
    const truth = (await readImage(path.join(valDir, f))).image;
    const gray = fromPlanes(truth.width, truth.height, [lumaOf(truth).slice()]);
    const dist = await predictColorDistribution(gray);
    add('gray', grayToRgb(gray), truth);
    add('cnn (bilinear, Zhang et al.)', decodeAnnealedMean(gray, dist, undefined, 'bilinear'), truth);
    add('cnn', decodeAnnealedMean(gray, dist), truth);
    add(
      'cnn-tv --no-binary (phase 1, soft w)',
      selectWithCoupledTv(gray, dist, { binary: false }).image,
      truth,
    );
    const tv = selectWithCoupledTv(gray, dist);
    tvIterations += tv.iterations;
    if (tv.tv.binary) binaryPhotos++;
    add('cnn-tv', tv.image, truth);
    add('truth', truth, truth);
  }
  const n = files.length;
  const split = `val report split (${n} photos: sorted names after the first ${TUNING_PHOTOS}${stride > 1 ? `, every ${stride}th` : ''})`;
  const records: BenchRecord[] = Object.entries(sums).map(([method, s]) => ({
    what: split,
    method,
    psnr_db: method === 'truth' ? null : round(s.psnr / n, 2),
    ssim: method === 'truth' ? null : round(s.ssim / n, 4),
    colorfulness: round(s.colorfulness / n, 2),
    saturation: round(s.saturation / n, 4),
    paper_saturation: PAPER_SATURATION[method] ?? null,
    saturation_histogram: [...s.hist].map((v) => round((100 * v) / n, 1)).join(' '),
    tv_iterations_mean: method === 'cnn-tv' ? round(tvIterations / n, 1) : null,
    binary_w_photos: method === 'cnn-tv' ? binaryPhotos : null,
  }));

  // Time at 512² by stage, best of 3 after a warm-up (wall and CPU of this process).
  const photo = (await readImage(path.join(valDir, files[0]))).image;
  const g512 = fromPlanes(512, 512, [lumaOf(resizeImage(photo, 512, 512, 'bicubic')).slice()]);
  await predictColorDistribution(g512);
  for (const [label, opts] of [
    ['cnn-tv (binary w, default)', {}],
    ['cnn-tv --no-binary (phase 1 only)', { binary: false }],
  ] as const) {
    let best: BenchRecord | null = null;
    for (let k = 0; k < 3; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const dist = await predictColorDistribution(g512);
      const tCnn = performance.now() - t0;
      const run = selectWithCoupledTv(g512, dist, opts);
      const total = performance.now() - t0;
      const cpu = cpuMs(c0);
      if (!best || total < (best.total_ms as number))
        best = {
          what: `time at 512²: ${label}`,
          cnn_ms: round(tCnn, 0),
          candidates_ms: round(run.timings.candidates, 0),
          tv_ms: round(run.timings.tv, 0),
          tv_iterations: run.iterations,
          select_iterations_full_size: run.selectIterations,
          scales: run.scales,
          finish_ms: round(run.timings.finish, 0),
          total_ms: round(total, 0),
          total_cpu_ms: round(cpu, 0),
          goal_total_ms: 3000,
          paper_tv_matlab_ms: 15000,
        };
    }
    records.push(best!);
  }

  // Time and peak memory at 4 MP in a fresh process (the TV step runs at the 1 MP working cap).
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'cnn-tv-4mp.ts')],
    {
      encoding: 'utf8',
      env: { ...process.env },
    },
  );
  if (child.status !== 0) throw new Error(`4 MP run failed: ${child.stderr}`);
  records.push({ what: 'cnn-tv at 4 MP (2000×2000)', ...JSON.parse(child.stdout.trim().split('\n').pop()!) });
  return records;
}
