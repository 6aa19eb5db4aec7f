/**
 * Per-photo scores of `cnn` fused with `cheng` on ../shared/data/val (docs/auto.md, "Where the
 * pooled targets fail"): the chroma of both outputs (R − Y, G − Y, B − Y, Rec. 601 luma Y) mixed
 * with weight α on `cnn`, scaled by a gain and added to the gray image's luma. One JSON line per
 * photo with [PSNR, colourfulness] per setting `T{temperature}a{α}g{gain}`; the gray image's PSNR
 * is in the lines of scripts/per-photo-cnn.ts (scripts/per-photo-frontier.py --fusion joins them).
 *
 *   node --import tsx scripts/probe-cnn-cheng-fusion.ts OUT.jsonl
 *
 * A measurement, not a method: the fusion is not offered (the figures say why).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import { fromPlanes, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { colorizeCheng } from '../src/methods/automatic/cheng/pipeline.js';
import { predictColorDistribution } from '../src/methods/automatic/cnn-tv/network.js';
import { decodeAnnealedMean } from '../src/methods/automatic/cnn-tv/pipeline.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { valPhotos } from './val-split.js';

const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
const valDir = path.join(shared, 'data/val');
const out = process.argv[2];
if (!out) throw new Error('usage: probe-cnn-cheng-fusion.ts OUT.jsonl');
const done = new Set(
  existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).name as string)
    : [],
);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const chromaOf = (img: ImageF32) => {
  const y = lumaOf(img);
  return img.channels.map((c) => c.map((v, i) => v - y[i]));
};
for (const { name, tuning } of valPhotos(valDir)) {
  if (done.has(name)) continue;
  const truth = (await readImage(path.join(valDir, name))).image;
  const yg = lumaOf(truth).slice();
  const gray = fromPlanes(truth.width, truth.height, [yg]);
  const dist = await predictColorDistribution(gray);
  const ch = chromaOf((await colorizeCheng(gray, { clustering: false, members: 3 })).rgb);
  const row: Record<string, unknown> = { name, tuning };
  for (const T of [0.2, 0.5, 1]) {
    const cn = chromaOf(decodeAnnealedMean(gray, dist, T));
    for (const al of [0, 0.25, 0.5, 0.75, 1]) {
      if (al === 0 && T !== 1) continue;
      for (const g of [1, 1.15, 1.3, 1.45, 1.6]) {
        const planes = [0, 1, 2].map((k) => {
          const o = new Float32Array(yg.length);
          const a = cn[k],
            b = ch[k];
          for (let i = 0; i < o.length; i++)
            o[i] = Math.min(1, Math.max(0, yg[i] + g * (al * a[i] + (1 - al) * b[i])));
          return o;
        });
        const img = fromPlanes(truth.width, truth.height, planes);
        row[`T${T}a${al}g${g}`] = [r3(psnr(img, truth)), r3(colorfulness(img))];
      }
    }
  }
  appendFileSync(out, `${JSON.stringify(row)}\n`);
}
