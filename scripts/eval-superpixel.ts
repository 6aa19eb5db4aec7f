/**
 * Quality figures of the superpixel exemplar method on ../shared/data/exemplar (hard and easy
 * sets apart): mean PSNR, SSIM against the truth and HIS against the reference, for VGG-19 and
 * handcrafted features, plus the `welsh` transfer baseline when registered. Prints a Markdown table.
 * Run: node --import tsx scripts/eval-superpixel.ts [workingSize]
 */
import path from 'node:path';
import { readImage } from '../src/image/io.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';
import '../src/methods/transfer/builtin.js';
import { getTransferMethod } from '../src/methods/transfer/registry.js';

const DIR = EXEMPLAR_DIR;
const HARD = HARD_SETS;
const EASY = EASY_SETS;
const workingSize = Number(process.argv[2] ?? 256);

type Row = { psnr: number; ssim: number; his: number };
const methods: Record<
  string,
  (
    g: import('../src/image/image.js').ImageF32,
    r: import('../src/image/image.js').ImageF32,
  ) => Promise<import('../src/image/image.js').ImageF32>
> = {
  'superpixel (vgg19)': async (g, r) =>
    (await superpixelColorize(g, r, { features: 'vgg19', workingSize })).rgb,
  'superpixel (handcrafted)': async (g, r) =>
    (await superpixelColorize(g, r, { features: 'handcrafted', workingSize })).rgb,
  welsh: async (g, r) => getTransferMethod('welsh').run(g, r, {}),
};
const lines = ['| set | method | PSNR dB | SSIM | HIS |', '|---|---|---|---|---|'];
for (const [name, ids] of [
  ['hard (18)', HARD],
  ['easy (9)', EASY],
] as const) {
  const sums: Record<string, Row> = {};
  for (const id of ids) {
    const [g, r, t] = await Promise.all(
      ['target', 'reference', 'truth'].map((k) => readImage(path.join(DIR, `${id}_${k}.png`))),
    );
    for (const [m, fn] of Object.entries(methods)) {
      const s = evaluate(await fn(g.image, r.image), t.image, r.image);
      const acc = (sums[m] ??= { psnr: 0, ssim: 0, his: 0 });
      acc.psnr += s.psnr;
      acc.ssim += s.ssim;
      acc.his += s.his ?? 0;
    }
    process.stderr.write(`${id} `);
  }
  for (const [m, s] of Object.entries(sums))
    lines.push(
      `| ${name} | ${m} | ${(s.psnr / ids.length).toFixed(2)} | ${(s.ssim / ids.length).toFixed(4)} | ${(s.his / ids.length).toFixed(4)} |`,
    );
}
console.log(`\nworking size ${workingSize}\n${lines.join('\n')}`);
