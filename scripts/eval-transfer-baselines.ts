/**
 * Reproduces the baseline figures of docs/transfer.md: mean PSNR and SSIM against the truth and
 * HIS against the reference of `welsh` and of the `reinhard` gray-target baseline (mean-chroma),
 * plus the untouched gray target as a floor, on the exemplar triplets of ../shared/data/exemplar,
 * hard and easy sets apart, with the mean wall time per image of each method's call. Scores come from `colorize eval`'s own functions (evaluate,
 * meanScores), so `colorize transfer` + `colorize eval --ref` give the same numbers.
 *
 *   node --import tsx scripts/eval-transfer-baselines.ts [--json]
 */
import path from 'node:path';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { reinhardTransfer } from '../src/methods/transfer/reinhard/reinhard.js';
import { welshTransfer } from '../src/methods/transfer/welsh/welsh.js';
import { evaluate, meanScores } from '../src/metrics/evaluate.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';

const HARD = HARD_SETS;
const EASY = EASY_SETS;

const METHODS: Record<string, (t: ImageF32, r: ImageF32) => ImageF32> = {
  'gray target (floor)': (t) => t,
  'reinhard (mean-chroma)': (t, r) => reinhardTransfer(t, r, { grayTarget: 'mean-chroma' }),
  welsh: (t, r) => welshTransfer(t, r),
  'welsh --space yuv': (t, r) => welshTransfer(t, r, { space: 'yuv' }),
};

const dir = EXEMPLAR_DIR;
const results: Record<
  string,
  Record<string, { psnr?: number; ssim?: number; his?: number; count: number; ms: number }>
> = {};
for (const [group, sets] of [
  ['hard', HARD],
  ['easy', EASY],
] as const) {
  results[group] = {};
  const rows: Record<
    string,
    Array<{ name: string; pred: string; truth: string; scores: ReturnType<typeof evaluate>; ms: number }>
  > = {};
  for (const id of sets) {
    const [t, truth, ref] = await Promise.all(
      ['target', 'truth', 'reference'].map((role) => readImage(path.join(dir, `${id}_${role}.png`))),
    );
    for (const [name, fn] of Object.entries(METHODS)) {
      const t0 = performance.now();
      const out = fn(t.image, ref.image);
      const ms = performance.now() - t0;
      const scores = evaluate(out, truth.image, ref.image);
      (rows[name] ??= []).push({ name: id, pred: name, truth: id, scores, ms });
    }
  }
  for (const [name, list] of Object.entries(rows)) {
    const m = meanScores(list.map((r) => r.scores));
    const ms = list.reduce((a, r) => a + r.ms, 0) / list.length;
    results[group][name] = { psnr: m.psnr, ssim: m.ssim, his: m.his, count: list.length, ms };
  }
}

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const lines = [
    '| set | method | PSNR dB ↑ | SSIM ↑ | HIS ↑ | ms / image |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const [group, byMethod] of Object.entries(results))
    for (const [name, s] of Object.entries(byMethod))
      lines.push(
        `| ${group} (${s.count}) | ${name} | ${s.psnr?.toFixed(2)} | ${s.ssim?.toFixed(4)} | ${s.his?.toFixed(4)} | ${s.ms.toFixed(0)} |`,
      );
  process.stdout.write(`${lines.join('\n')}\n`);
}
