/**
 * Deep Colorization on ../shared/data/val for docs/cheng.md: mean PSNR, SSIM and colourfulness
 * (Hasler & Süsstrunk) of configurations of `colorizeCheng`, the gray image as the PSNR
 * reference, and the Fig. 8 PSNR bands. Options:
 *   --step k        every k-th val photo (default 1: all 293)
 *   --configs LIST  comma-separated names among CONFIGS below (default full,global)
 *   --scale s       photos enlarged s times (bicubic) before the run: inputs far above the
 *                   training scale (the truth is enlarged the same way)
 *   --gains LIST    also each configuration's chroma multiplied by these gains (comma-separated,
 *                   e.g. 1.1,1.2,1.3; rows "NAME ×g"): the network and refinement run once, only
 *                   the recombination (finish/, gamut clamp) is redone per gain
 *   --digits d      decimals of PSNR and colourfulness in the table (default 2)
 *   --split S       all (default), tuning (the first 50 sorted names: where a gain is chosen) or
 *                   report (the other 243); --step applies within the split
 *   --welsh         also Welsh et al. (`colorize transfer --method welsh`, Lab) with two references
 *                   from ../shared/data/train, as the paper's Figs. 6 and 10 do: the training photo
 *                   nearest by GIST (a similar scene; GISTs from .scratch/cheng/train when there)
 *                   and an unrelated one (seeded random choice)
 *
 *   nice node --import tsx scripts/eval-cheng.ts --step 5 --configs full,global --welsh
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import { gist } from '../src/features/gist.js';
import { finish } from '../src/finish/finish.js';
import { fromPlanes, grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { loadChengModel } from '../src/methods/automatic/cheng/model.js';
import type { ChengOptions } from '../src/methods/automatic/cheng/options.js';
import { colorizeCheng } from '../src/methods/automatic/cheng/pipeline.js';
import { welshTransfer } from '../src/methods/transfer/welsh/welsh.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { ssim } from '../src/metrics/ssim.js';
import { seededRandom } from '../src/random.js';
import { valSplit } from './val-split.js';

const CONFIGS: Record<string, ChengOptions> = {
  full: {},
  global: { clustering: false },
  'global×3': { clustering: false, members: 3 },
  'global×5': { clustering: false, members: 5 },
  'no-refine': { refine: false },
  'no-patch': { features: 'no-patch' },
  'no-daisy': { features: 'no-daisy' },
  'no-semantic': { features: 'no-semantic' },
  warm: { style: 'warm' },
  'full@320': { workingSize: 320 },
  'global@320': { clustering: false, workingSize: 320 },
  'full@0': { workingSize: 0 },
  'global@0': { clustering: false, workingSize: 0 },
};

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : d;
};
const step = Number(opt('--step', '1'));
const scale = Number(opt('--scale', '1'));
const names = opt('--configs', 'full,global').split(',').filter(Boolean);
for (const n of names) if (!(n in CONFIGS)) throw new Error(`unknown config ${n} (${Object.keys(CONFIGS)})`);
const withWelsh = args.includes('--welsh');
const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
const valDir = path.join(shared, 'data/val');
const trainDir = path.join(shared, 'data/train');
const list = (d: string) =>
  readdirSync(d)
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort();
const split = opt('--split', 'all');
const files = valSplit(valDir, split).filter((_, i) => i % step === 0);
// --digits 3: PSNR and colourfulness to 3 decimals (where a target is met by a hair).
const digits = Number(opt('--digits', '2'));
const gains = opt('--gains', '').split(',').filter(Boolean).map(Number);
for (const g of gains) if (!(g > 0)) throw new Error(`--gains: positive numbers, not ${g}`);

const chromaSpace = loadChengModel().chromaSpace;
const grayOf = (img: ImageF32) => fromPlanes(img.width, img.height, [lumaOf(img).slice()]);
let trainGists: Array<{ file: string; g: Float32Array }> = [];
let trainFiles: string[] = [];
if (withWelsh) {
  // GIST of the training photos: from training/cheng's samples folder when it has them (gist.f32 or
  // gist_batch.py parts; photos without a GIST are skipped), else computed here.
  trainFiles = list(trainDir);
  const scratch = path.resolve(import.meta.dirname, '../.scratch/cheng/train');
  const parts = existsSync(scratch) ? readdirSync(scratch).filter((f) => /^gist(\.\d+)?\.f32$/.test(f)) : [];
  if (parts.length > 0) {
    const sum = new Float32Array(trainFiles.length * 512);
    for (const f of parts) {
      const b = readFileSync(path.join(scratch, f));
      const v = new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
      for (let k = 0; k < sum.length; k++) sum[k] += v[k];
    }
    trainFiles.forEach((file, j) => {
      const g = sum.slice(j * 512, j * 512 + 512);
      if (g.some((x) => x !== 0)) trainGists.push({ file, g });
    });
  } else {
    for (const f of trainFiles) {
      const { image } = await readImage(path.join(trainDir, f));
      trainGists.push({ file: f, g: gist(lumaOf(image), image.width, image.height) });
    }
  }
  console.error(`GIST of ${trainGists.length} training photos`);
} else trainGists = [];

type Sum = { psnr: number[]; ssim: number; cf: number; better: number };
const sums = new Map<string, Sum>();
const add = (k: string, p: number, s: number, c: number, pg: number) => {
  const e = sums.get(k) ?? { psnr: [], ssim: 0, cf: 0, better: 0 };
  e.psnr.push(p);
  e.ssim += s;
  e.cf += c;
  if (p > pg) e.better++;
  sums.set(k, e);
};
const rnd = seededRandom(7);
const t0 = Date.now();
for (const [i, f] of files.entries()) {
  let { image: truth } = await readImage(path.join(valDir, f));
  if (scale !== 1)
    truth = resizeImage(truth, Math.round(truth.width * scale), Math.round(truth.height * scale), 'bicubic');
  const gray = grayOf(truth);
  const grayRgb = grayToRgb(gray);
  const pg = psnr(grayRgb, truth);
  add('truth', Number.POSITIVE_INFINITY, 1, colorfulness(truth), Number.POSITIVE_INFINITY);
  add('gray', pg, ssim(grayRgb, truth), 0, Number.POSITIVE_INFINITY);
  for (const n of names) {
    const r = await colorizeCheng(gray, CONFIGS[n]);
    add(n, psnr(r.rgb, truth), ssim(r.rgb, truth), colorfulness(r.rgb), pg);
    for (const gain of gains) {
      const [u, v] = r.chroma.channels;
      const chroma = { ...r.chroma, channels: [u.map((x) => x * gain), v.map((x) => x * gain)] };
      const out = finish({ original: gray, chroma, space: chromaSpace });
      add(`${n} ×${gain}`, psnr(out, truth), ssim(out, truth), colorfulness(out), pg);
    }
  }
  if (withWelsh) {
    const g = gist(gray.channels[0], gray.width, gray.height);
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    trainGists.forEach((t, j) => {
      let d = 0;
      for (let k = 0; k < g.length; k++) d += (t.g[k] - g[k]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    });
    const other = Math.floor(rnd() * trainFiles.length);
    for (const [k, j] of [
      ['welsh (GIST-nearest reference)', best],
      ['welsh (unrelated reference)', other],
    ] as const) {
      const { image: ref } = await readImage(
        path.join(trainDir, k.includes('nearest') ? trainGists[j].file : trainFiles[j]),
      );
      const out = welshTransfer(gray, ref);
      add(k, psnr(out, truth), ssim(out, truth), colorfulness(out), pg);
    }
  }
  if (i % 20 === 0) console.error(`${i + 1}/${files.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const bands = [0, 18, 20, 22, 24, 26, 28, 30, 99];
console.log(`${files.length} val photos (split ${split}, every ${step}), scale ${scale}`);
console.log('| configuration | PSNR (dB) | SSIM | colourfulness | above gray PSNR | bands <18 … ≥30 |');
console.log('|---|---|---|---|---|---|');
for (const [k, e] of sums) {
  const n = e.psnr.length;
  const mean = e.psnr.reduce((a, b) => a + b, 0) / n;
  const hist = bands.slice(0, -1).map((lo, i) => e.psnr.filter((x) => x >= lo && x < bands[i + 1]).length);
  console.log(
    `| ${k} | ${Number.isFinite(mean) ? mean.toFixed(digits) : '—'} | ${(e.ssim / n).toFixed(4)} | ${(e.cf / n).toFixed(digits)} | ${k === 'gray' || k === 'truth' ? '—' : `${e.better} / ${n}`} | ${k === 'truth' ? '—' : hist.join(' ')} |`,
  );
}
