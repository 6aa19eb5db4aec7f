/**
 * End-to-end time of superpixel exemplar colorization at the default working size (256), split
 * by stage, for a 512 × 512 and a 2048 × 2048 gray target with a colour reference of the same
 * size (issue 15 goals: ≤ 1.5 s and ≤ 6 s, peak RSS ≤ 1 GiB), with wall and CPU time (CPU time
 * is the fairer figure on a shared machine). Each case runs in its own process
 * (scripts/profile-superpixel.ts: a warm-up, then 3 calls with a cold reference cache, i.e. target
 * and reference end to end), SUPERPIXEL_BENCH_ROUNDS (3) times; the record gives the best and the
 * median call (wall and CPU), the stages' medians, and the processes' largest peak RSS.
 *
 * Same-run references: with SUPERPIXEL_BENCH_BASELINE=/path/to/other/checkout (e.g. /work/main,
 * the code before a change) every case also runs that checkout's pipeline, interleaved with this
 * one; always, the colour fusion's previous candidate search (test/helpers/previous-fusion.ts)
 * against the current one on the 512² case's fusion problem, and the eq. 2 correlations by the
 * scalar JS loops against ONNX Runtime's GEMM.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { vgg19Available } from '../src/methods/exemplar/superpixel/features.js';
import { colourFusion, type FusionOptions } from '../src/methods/exemplar/superpixel/fusion.js';
import { SUPERPIXEL_DEFAULTS as D, fusionOptionsOf } from '../src/methods/exemplar/superpixel/options.js';
import { correlationMatrix, correlationMatrixGemm } from '../src/methods/exemplar/superpixel/sfm.js';
import { fusionProblem } from '../test/helpers/literal-fusion.js';
import { previousColourFusion } from '../test/helpers/previous-fusion.js';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

const here = path.resolve(import.meta.dirname, '..');
/** Processes per case and checkout (each: a warm-up and 3 calls), interleaved between checkouts. */
const ROUNDS = Number(process.env.SUPERPIXEL_BENCH_ROUNDS ?? 3);

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Case {
  root: string;
  size: number;
  features: string;
  calls: Array<{ wall_ms: number; cpu_ms: number; timings: Record<string, number>; superpixels: string }>;
  peak_rss_mib: number;
}

function runCase(root: string, size: number, features: string): Case {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'scripts/profile-superpixel.ts'),
      String(size),
      '3',
      '--features',
      features,
      '--root',
      root,
      '--json',
    ],
    { cwd: here, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Case;
}

function cpuBest(f: () => unknown, repeats = 5): number {
  let best = Infinity;
  for (let k = 0; k < repeats; k++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

export default async function (): Promise<BenchRecord[]> {
  const baseline = process.env.SUPERPIXEL_BENCH_BASELINE;
  const roots = baseline ? [here, path.resolve(baseline)] : [here];
  const vgg = vgg19Available();
  const cases: Array<[number, string]> = vgg
    ? [
        [512, 'vgg19'],
        [512, 'handcrafted'],
        [2048, 'vgg19'],
      ]
    : [
        [512, 'handcrafted'],
        [2048, 'handcrafted'],
      ];
  const records: BenchRecord[] = [];
  for (const [size, features] of cases) {
    const runs = new Map<string, Case[]>(roots.map((r) => [r, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (const root of roots) runs.get(root)?.push(runCase(root, size, features));
    for (const root of roots) {
      const done = runs.get(root) as Case[];
      const calls = done.flatMap((c) => c.calls);
      const best = calls.reduce((a, b) => (b.wall_ms < a.wall_ms ? b : a));
      const rec: BenchRecord = {
        case: `${size}² colorize`,
        code: root === here ? 'this checkout' : `baseline ${root}`,
        features,
        calls: calls.length,
        total_ms: round(best.wall_ms, 0),
        cpu_ms: round(Math.min(...calls.map((c) => c.cpu_ms)), 0),
        median_total_ms: round(median(calls.map((c) => c.wall_ms)), 0),
        median_cpu_ms: round(median(calls.map((c) => c.cpu_ms)), 0),
        goal_ms: size === 512 ? 1500 : 6000,
      };
      // Stages: medians over all calls (one call's split is noise on a loaded machine).
      for (const k of Object.keys(best.timings))
        rec[`${k}_ms`] = round(median(calls.map((c) => c.timings[k] ?? 0)), 0);
      rec.superpixels = best.superpixels;
      rec.peak_rss_mib = round(Math.max(...done.map((c) => c.peak_rss_mib)), 0);
      rec.goal_rss_mib = 1024;
      records.push(rec);
    }
  }

  // Same-run reference for the fusion: the previous candidate search on the 512² case's problem.
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(here, '../shared');
  const src = async (f: string) =>
    resizeImage((await readImage(path.join(shared, 'data/exemplar', f))).image, 512, 512, 'bicubic');
  const pr = await fusionProblem(
    await src('transfer_8_target.jpg'),
    await src('transfer_8_reference.jpg'),
    'colorize',
    D.workingSize,
  );
  const o: FusionOptions = fusionOptionsOf(D);
  const rNew = { effectiveSuperpixels: 0, termsPerPixel: 0 };
  const rOld = { effectiveSuperpixels: 0, termsPerPixel: 0 };
  colourFusion(pr.guide, pr.sp, pr.C, o, rNew);
  previousColourFusion(pr.guide, pr.sp, pr.C, o, rOld);
  records.push({
    case: `fusion eq. 4–6, ${pr.sp.width}² gray guide, ${pr.sp.count} superpixels`,
    code: 'reference: previous search',
    cpu_ms: round(
      cpuBest(() => previousColourFusion(pr.guide, pr.sp, pr.C, o)),
      0,
    ),
    terms_per_pixel: round(rOld.termsPerPixel, 0),
  });
  records.push({
    case: `fusion eq. 4–6, ${pr.sp.width}² gray guide, ${pr.sp.count} superpixels`,
    code: 'this checkout',
    cpu_ms: round(
      cpuBest(() => colourFusion(pr.guide, pr.sp, pr.C, o)),
      0,
    ),
    terms_per_pixel: round(rNew.termsPerPixel, 0),
  });

  // Same-run reference: the correlations of eq. 2 in JS against the GEMM.
  const [NT, NR] = [775, 763];
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
    code: 'reference: JS loops',
    total_ms: round(js, 0),
    gemm_ms: round(gemm, 0),
  });
  return records;
}
