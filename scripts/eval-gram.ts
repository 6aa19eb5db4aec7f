/**
 * Quality of Gram-matrix colorization on ../shared/data/exemplar (hard and easy sets apart): mean
 * PSNR and SSIM against the truth and HIS against the reference, next to the superpixel method
 * (VGG-19) and the welsh baseline on the same triplets. Prints a Markdown table.
 * Run: node --import tsx scripts/eval-gram.ts [workingSize=128] [iterations=60] [all|gram]
 * (`gram` skips the other methods, whose figures are in docs/superpixel.md).
 */
import path from 'node:path';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { gramColorize } from '../src/methods/exemplar/gram/pipeline.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';
import '../src/methods/transfer/builtin.js';
import { getTransferMethod } from '../src/methods/transfer/registry.js';

const workingSize = Number(process.argv[2] ?? 128);
const iterations = Number(process.argv[3] ?? 60);
type Row = { psnr: number; ssim: number; his: number; ms: number };
const methods: Record<string, (g: ImageF32, r: ImageF32) => Promise<ImageF32>> = {
  [`gram (adam, ≤${iterations} it.)`]: async (g, r) =>
    (await gramColorize(g, r, { workingSize, iterations })).rgb,
  'superpixel (vgg19)': async (g, r) =>
    (await superpixelColorize(g, r, { features: 'vgg19', workingSize })).rgb,
  welsh: async (g, r) => getTransferMethod('welsh').run(g, r, {}),
};
if (process.argv[4] === 'gram') for (const k of Object.keys(methods).slice(1)) delete methods[k];
const lines = ['| set | method | PSNR dB | SSIM | HIS | s / image |', '|---|---|---|---|---|---|'];
for (const [name, ids] of [
  ['hard (18)', HARD_SETS],
  ['easy (9)', EASY_SETS],
] as const) {
  const sums: Record<string, Row> = {};
  for (const id of ids) {
    const [g, r, t] = await Promise.all(
      ['target', 'reference', 'truth'].map((k) => readImage(path.join(EXEMPLAR_DIR, `${id}_${k}.png`))),
    );
    for (const [m, fn] of Object.entries(methods)) {
      const t0 = performance.now();
      const out = await fn(g.image, r.image);
      const ms = performance.now() - t0;
      const s = evaluate(out, t.image, r.image);
      const acc = (sums[m] ??= { psnr: 0, ssim: 0, his: 0, ms: 0 });
      acc.psnr += s.psnr;
      acc.ssim += s.ssim;
      acc.his += s.his ?? 0;
      acc.ms += ms;
    }
    process.stderr.write(`${id} `);
  }
  for (const [m, s] of Object.entries(sums))
    lines.push(
      `| ${name} | ${m} | ${(s.psnr / ids.length).toFixed(2)} | ${(s.ssim / ids.length).toFixed(4)} | ${(s.his / ids.length).toFixed(4)} | ${(s.ms / ids.length / 1000).toFixed(1)} |`,
    );
}
console.log(`\nworking size ${workingSize}, gram at most ${iterations} iterations\n${lines.join('\n')}`);
