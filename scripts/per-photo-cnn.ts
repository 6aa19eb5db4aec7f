/**
 * Per-photo scores of the `cnn` head's decodings on ../shared/data/val, for studying decodings
 * that adapt to the photo (docs/auto.md): one JSON line per photo with the gray image's PSNR,
 * PSNR and colourfulness of the annealed mean at each temperature and of `cnn-tv`'s default, and
 * label-free statistics of the predicted distribution (what a per-photo rule may look at).
 *
 *   node --import tsx scripts/per-photo-cnn.ts OUT.jsonl [all|tuning|report]
 *
 * TUNE_TEMPERATURES overrides the temperatures (default 0.1,0.2,0.3,0.38,0.5,0.7,1).
 * A photo already in OUT.jsonl is skipped, so an interrupted run continues.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import { fromPlanes, grayToRgb } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { predictColorDistribution } from '../src/methods/automatic/cnn-tv/network.js';
import { decodeAnnealedMean, selectWithCoupledTv } from '../src/methods/automatic/cnn-tv/pipeline.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { valPhotos } from './val-split.js';

const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
const valDir = path.join(shared, 'data/val');
const out = process.argv[2];
if (!out) throw new Error('usage: per-photo-cnn.ts OUT.jsonl [all|tuning|report]');
const split = process.argv[3] ?? 'all';
const temperatures = (process.env.TUNE_TEMPERATURES ?? '0.1,0.2,0.3,0.38,0.5,0.7,1').split(',').map(Number);
const done = new Set(
  existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).name as string)
    : [],
);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
for (const { name, tuning } of valPhotos(valDir)) {
  if (split !== 'all' && (split === 'tuning') !== tuning) continue;
  if (done.has(name)) continue;
  const truth = (await readImage(path.join(valDir, name))).image;
  const gray = fromPlanes(truth.width, truth.height, [lumaOf(truth).slice()]);
  const dist = await predictColorDistribution(gray);
  // Label-free: the expected chroma energy E|ab|² and the entropy of the distribution, pixel means.
  const Q = dist.bins.count;
  const n = dist.width * dist.height;
  let energy = 0;
  let entropy = 0;
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < Q; q++) {
      const v = dist.probs[p * Q + q];
      energy += v * (dist.bins.a[q] ** 2 + dist.bins.b[q] ** 2);
      if (v > 0) entropy -= v * Math.log(v);
    }
  }
  const row: Record<string, unknown> = {
    name,
    tuning,
    gray: r3(psnr(grayToRgb(gray), truth)),
    truthColorfulness: r3(colorfulness(truth)),
    energy: r3(energy / n),
    entropy: r3(entropy / n),
  };
  for (const T of temperatures) {
    const img = decodeAnnealedMean(gray, dist, T);
    row[`T${T}`] = [r3(psnr(img, truth)), r3(colorfulness(img))];
  }
  const tv = selectWithCoupledTv(gray, dist, {});
  row.tv = [r3(psnr(tv.image, truth)), r3(colorfulness(tv.image))];
  appendFileSync(out, `${JSON.stringify(row)}\n`);
}
