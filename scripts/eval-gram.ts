/**
 * Quality of Gram-matrix colorization on ../shared/data/exemplar (hard and easy sets apart): mean
 * PSNR and SSIM against the truth, HIS against the reference, and seconds per image, for the
 * old objective (relative normalisation, one level, 60 Adam iterations: the docs' earlier table)
 * against the new defaults (Gatys normalisation, two levels), optionally next to the superpixel
 * method (VGG-19) and the welsh baseline. Prints a Markdown table.
 * Run: node --import tsx scripts/eval-gram.ts [workingSize=128] [sets per kind=all] [gram|all]
 * (`gram`, the default, skips the other methods, whose figures are in docs/superpixel.md).
 */
import path from 'node:path';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { GRAM_DEFAULTS } from '../src/methods/exemplar/gram/options.js';
import { gramColorize } from '../src/methods/exemplar/gram/pipeline.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';
import '../src/methods/builtin.js';
import { getMethod } from '../src/methods/catalogue/catalogue.js';
import { runWithReference } from '../src/methods/transfer/declare.js';

const workingSize = Number(process.argv[2] ?? 128);
const perKind = process.argv[3] && process.argv[3] !== 'all' ? Number(process.argv[3]) : Infinity;
type Row = { psnr: number; ssim: number; his: number; ms: number };
const methods: Record<string, (g: ImageF32, r: ImageF32) => Promise<ImageF32>> = {
  'gram old (relative, 1 level, 60 it.)': async (g, r) =>
    (await gramColorize(g, r, { workingSize, iterations: 60, levels: 1, normalization: 'relative' })).rgb,
  [`gram new (defaults: gatys, ${GRAM_DEFAULTS.levels} levels, ${GRAM_DEFAULTS.iterations} it. at full size)`]:
    async (g, r) => (await gramColorize(g, r, { workingSize })).rgb,
  'superpixel (vgg19)': async (g, r) =>
    (await superpixelColorize(g, r, { features: 'vgg19', workingSize })).rgb,
  welsh: async (g, r) => runWithReference(getMethod('welsh'), g, r),
};
if (process.argv[4] !== 'all') for (const k of Object.keys(methods).slice(2)) delete methods[k];
const lines = ['| set | method | PSNR dB | SSIM | HIS | s / image |', '|---|---|---|---|---|---|'];
for (const [kind, all] of [
  ['hard', HARD_SETS],
  ['easy', EASY_SETS],
] as const) {
  const ids = all.slice(0, Math.min(perKind, all.length));
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
      process.stderr.write(
        `${id} ${m}: ${s.psnr.toFixed(2)} ${s.ssim.toFixed(4)} ${s.his?.toFixed(4)} ${(ms / 1000).toFixed(1)} s\n`,
      );
    }
  }
  for (const [m, s] of Object.entries(sums))
    lines.push(
      `| ${kind} (${ids.join(', ')}) | ${m} | ${(s.psnr / ids.length).toFixed(2)} | ${(s.ssim / ids.length).toFixed(4)} | ${(s.his / ids.length).toFixed(4)} | ${(s.ms / ids.length / 1000).toFixed(1)} |`,
    );
}
console.log(`\nworking size ${workingSize}\n${lines.join('\n')}`);
