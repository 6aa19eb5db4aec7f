/**
 * End-to-end time of superpixel exemplar colorization at the default working size (256), split
 * by stage, for a 512 × 512 and a 2048 × 2048 gray target with a colour reference of the same
 * size (issue 15 goals: ≤ 1.5 s and ≤ 6 s, peak RSS ≤ 1 GiB), with wall and CPU time (CPU time
 * is the fairer figure on a shared machine). Same-run reference for the stage this issue
 * changed: eq. 2 correlations by the scalar JS loops (correlationMatrix) against ONNX Runtime's
 * GEMM (correlationMatrixGemm) at the run's superpixel counts and VGG-19's 64 + 128 + 256 channels.
 */
import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import { fromPlanes } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { vgg19Available } from '../src/methods/exemplar/superpixel/features.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { correlationMatrix, correlationMatrixGemm } from '../src/methods/exemplar/superpixel/sfm.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round } from './util.js';

export default async function (): Promise<BenchRecord[]> {
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
  const src = async (f: string) => (await readImage(path.join(shared, 'data/exemplar', f))).image;
  const truth0 = await src('transfer_8_target.jpg');
  const reference0 = await src('transfer_8_reference.jpg');
  const records: BenchRecord[] = [];
  const features = vgg19Available() ? (['vgg19', 'handcrafted'] as const) : (['handcrafted'] as const);
  let counts = { target: 775, reference: 763 };
  for (const size of [512, 2048]) {
    const truth = resizeImage(truth0, size, size, 'bicubic');
    const reference = resizeImage(reference0, size, size, 'bicubic');
    const gray = fromPlanes(size, size, [lumaOf(truth).slice()]);
    for (const f of size === 512 ? features : features.slice(0, 1)) {
      await superpixelColorize(gray, reference, { features: f }); // warm-up (model load, JIT)
      let best: Awaited<ReturnType<typeof superpixelColorize>> | null = null;
      let bestMs = Infinity;
      let bestCpu = Infinity;
      for (let k = 0; k < 3; k++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const r = await superpixelColorize(gray, reference, { features: f });
        const ms = performance.now() - t0;
        const c = process.cpuUsage(c0);
        bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
        if (ms < bestMs) {
          bestMs = ms;
          best = r;
        }
      }
      const rec: BenchRecord = {
        case: `${size}² colorize`,
        features: f,
        total_ms: round(bestMs, 0),
        cpu_ms: round(bestCpu, 0),
        goal_ms: size === 512 ? 1500 : 6000,
      };
      for (const [k, v] of Object.entries(best!.timings)) rec[`${k}_ms`] = round(v, 0);
      rec.superpixels = `${best!.superpixels.target}/${best!.superpixels.reference}`;
      rec.peak_rss_mib = round(peakRssMiB(), 0);
      rec.goal_rss_mib = 1024;
      counts = best!.superpixels;
      records.push(rec);
    }
  }
  // Same-run reference: the correlations of eq. 2 in JS against the GEMM.
  const { target: NT, reference: NR } = counts;
  let js = 0;
  let gemm = 0;
  for (const C of [64, 128, 256]) {
    const a = Float32Array.from({ length: NT * C }, (_, i) => Math.sin(i * 0.37));
    const b = Float32Array.from({ length: NR * C }, (_, i) => Math.cos(i * 0.11));
    await correlationMatrixGemm(a, NT, b, NR, C);
    let t0 = performance.now();
    correlationMatrix(a, NT, b, NR, C);
    js += performance.now() - t0;
    t0 = performance.now();
    await correlationMatrixGemm(a, NT, b, NR, C);
    gemm += performance.now() - t0;
  }
  records.push({
    case: `eq. 2, ${NT} × ${NR} superpixels, 448 channels`,
    features: 'reference: JS loops',
    total_ms: round(js, 0),
    gemm_ms: round(gemm, 0),
  });
  return records;
}
