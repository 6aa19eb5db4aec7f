/**
 * Quality figures of the superpixel exemplar method on ../shared/data/exemplar (hard and easy
 * sets apart): mean PSNR, SSIM against the truth and HIS against the reference, mean time per
 * pair (end to end, under whatever load the machine has) and, for the superpixel rows, the mean
 * effective number of superpixels a pixel takes its colour from (1 / Σ w², see fusion.ts).
 * Prints a Markdown table. Variant groups:
 *   features   VGG-19 and handcrafted features with the defaults, plus the `welsh` baseline
 *   sigma      σ_g normalisations of the colour fusion (fixed σ_g, per-pixel as Giraud et al.)
 *   finish     final steps: edge-aware (ours), paper (§3.1 literally), rgb (Fig. 3c/9c, no CIELAB)
 *   superpixels  number of superpixels k⌊√(HW)⌋, k = 1, 2, 3, 4 (paper Fig. 4)
 * Run: node --import tsx scripts/eval-superpixel.ts [workingSize] [group] [hard|easy|all]
 */
import path from 'node:path';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import type { SuperpixelOptions } from '../src/methods/exemplar/superpixel/options.js';
import {
  type FusionVariant,
  superpixelColorize,
  superpixelFusionVariants,
} from '../src/methods/exemplar/superpixel/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';
import '../src/methods/builtin.js';
import { fitWithin } from '../src/image/resize.js';
import { getMethod } from '../src/methods/catalogue/catalogue.js';
import { runWithReference } from '../src/methods/transfer/declare.js';

const workingSize = Number(process.argv[2] ?? 256);
const group = process.argv[3] ?? 'features';

type Run = (g: ImageF32, r: ImageF32) => Promise<{ rgb: ImageF32; effective?: number }>;
const sp =
  (o: SuperpixelOptions): Run =>
  async (g, r) => {
    const res = await superpixelColorize(g, r, { features: 'vgg19', workingSize, ...o });
    return { rgb: res.rgb, effective: res.fusion.effectiveSuperpixels };
  };
/** k⌊√(HW)⌋ superpixels, HW the target's working size, for both images. */
const spCount =
  (k: number): Run =>
  async (g, r) => {
    const s = fitWithin(g.width, g.height, workingSize);
    return sp({ superpixels: k * Math.floor(Math.sqrt(s.width * s.height)) })(g, r);
  };
const groups: Record<string, Record<string, Run>> = {
  features: {
    'superpixel (vgg19)': sp({}),
    'superpixel (handcrafted)': sp({ features: 'handcrafted' }),
    welsh: async (g, r) => ({ rgb: await runWithReference(getMethod('welsh'), g, r) }),
  },
  superpixels: {
    '1⌊√(HW)⌋': spCount(1),
    '2⌊√(HW)⌋': spCount(2),
    '3⌊√(HW)⌋ (paper)': spCount(3),
    '4⌊√(HW)⌋': spCount(4),
  },
};
/** Groups that only change the fusion or the final step: matched once per pair (superpixelFusionVariants). */
const variantGroups: Record<string, Record<string, FusionVariant>> = {
  sigma: {
    'fixed σ_g = 1': { fusionNormalise: 'fixed', sigmaG: 1 },
    'fixed σ_g = 10': { fusionNormalise: 'fixed', sigmaG: 10 },
    'fixed σ_g = 100': { fusionNormalise: 'fixed', sigmaG: 100 },
    'per-pixel σ_g = 0.25': { fusionNormalise: 'per-pixel', sigmaG: 0.25 },
    'per-pixel σ_g = 1': { fusionNormalise: 'per-pixel', sigmaG: 1 },
    'per-pixel σ_g = 4': { fusionNormalise: 'per-pixel', sigmaG: 4 },
  },
  finish: {
    'edge-aware (ours)': { finishMode: 'edge-aware' },
    'paper (Lab, L* put back)': { finishMode: 'paper' },
    'rgb (no CIELAB)': { finishMode: 'rgb' },
  },
};
const methods = groups[group];
const variants = variantGroups[group];
if (!methods && !variants)
  throw new Error(
    `unknown group ${group}; one of ${[...Object.keys(groups), ...Object.keys(variantGroups)].join(', ')}`,
  );

type Row = { psnr: number; ssim: number; his: number; ms: number; eff: number };
const lines = [
  '| set | method | PSNR dB | SSIM | HIS | ms / pair | effective superpixels / pixel |',
  '|---|---|---|---|---|---|---|',
];
const which = process.argv[4] ?? 'all';
for (const [name, ids] of [
  ['hard (18)', HARD_SETS],
  ['easy (9)', EASY_SETS],
] as const) {
  if (which !== 'all' && !name.startsWith(which)) continue;
  const sums: Record<string, Row> = {};
  for (const id of ids) {
    const [g, r, t] = await Promise.all(
      ['target', 'reference', 'truth'].map((k) => readImage(path.join(EXEMPLAR_DIR, `${id}_${k}.png`))),
    );
    const outs: Array<[string, { rgb: ImageF32; effective?: number }, number]> = [];
    if (methods)
      for (const [m, fn] of Object.entries(methods)) {
        const t0 = performance.now();
        const out = await fn(g.image, r.image);
        outs.push([m, out, performance.now() - t0]);
      }
    else {
      const t0 = performance.now();
      const res = await superpixelFusionVariants(
        'colorize',
        g.image,
        r.image,
        { features: 'vgg19', workingSize },
        Object.values(variants),
      );
      const ms = performance.now() - t0;
      Object.keys(variants).forEach((m, k) => {
        // Time per variant: the shared matching plus this variant's fusion and finish.
        const own = (res[k].timings.fusion ?? 0) + (res[k].timings.finish ?? 0);
        const shared = ms - res.reduce((a, x) => a + (x.timings.fusion ?? 0) + (x.timings.finish ?? 0), 0);
        outs.push([m, { rgb: res[k].rgb, effective: res[k].fusion.effectiveSuperpixels }, shared + own]);
      });
    }
    for (const [m, out, ms] of outs) {
      const s = evaluate(out.rgb, t.image, r.image);
      const acc = (sums[m] ??= { psnr: 0, ssim: 0, his: 0, ms: 0, eff: 0 });
      acc.psnr += s.psnr;
      acc.ssim += s.ssim;
      acc.his += s.his ?? 0;
      acc.ms += ms;
      acc.eff += out.effective ?? Number.NaN;
    }
    process.stderr.write(`${id} `);
  }
  const n = ids.length;
  for (const [m, s] of Object.entries(sums))
    lines.push(
      `| ${name} | ${m} | ${(s.psnr / n).toFixed(2)} | ${(s.ssim / n).toFixed(4)} | ${(s.his / n).toFixed(4)} | ${(s.ms / n).toFixed(0)} | ${Number.isNaN(s.eff) ? '—' : (s.eff / n).toFixed(2)} |`,
    );
}
console.log(`\nworking size ${workingSize}, group ${group}\n${lines.join('\n')}`);
