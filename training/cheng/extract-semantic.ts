/**
 * Step 1b of the Deep Colorization recipe: the semantic feature (DeepLab v3 probabilities smoothed
 * by the domain transform, src/methods/automatic/cheng/semantic.ts) at the pixels extract.ts
 * sampled, and each image's semantic histogram. Adds to OUT, per variant V: sem-V.f32 (N×C),
 * semhist-V.f32 (M×C), semantic-V.json ({ variant, classes }).
 *
 *   nice node --import tsx training/cheng/extract-semantic.ts ../shared/data/train [OUT] [--variant cityscapes] [--every K] [--from A --to B]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { semanticFeature } from '../../src/methods/automatic/cheng/semantic.js';
import type { DeeplabVariant } from '../../src/models/deeplab.js';

const args = process.argv.slice(2);
const vi = args.indexOf('--variant');
const variant = (vi >= 0 ? args.splice(vi, 2)[1] : 'cityscapes') as DeeplabVariant;
// --every K: only every K-th photo (exploration on a subset; the others keep zeros and are listed
// as not done in semantic-V.json).
const ei = args.indexOf('--every');
const every = ei >= 0 ? Number(args.splice(ei, 2)[1]) : 1;
// --from A --to B: only photos A ≤ i < B, written as part files sem-V.A.f32 … (train.py merges the
// parts it finds); the part is rewritten every 20 photos, so an interrupted run keeps what it did.
const fi = args.indexOf('--from');
const from = fi >= 0 ? Number(args.splice(fi, 2)[1]) : 0;
const ti = args.indexOf('--to');
const to = ti >= 0 ? Number(args.splice(ti, 2)[1]) : Number.POSITIVE_INFINITY;
const part = fi >= 0 || ti >= 0 ? `.${from}` : '';
const dir = args[0];
if (!dir) throw new Error('usage: extract-semantic.ts FOLDER [OUT] [--variant V]');
const out = args[1] ?? path.join('.scratch/cheng', path.basename(path.resolve(dir)));
const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as {
  total: number;
  images: Array<{ file: string; first: number; count: number }>;
};
const pixBuf = readFileSync(path.join(out, 'pix.i32'));
const pix = new Int32Array(pixBuf.buffer, pixBuf.byteOffset, pixBuf.byteLength / 4);
let classes = 0;
let sem: Float32Array | null = null;
let hist: Float32Array | null = null;
const t0 = Date.now();
const done: number[] = [];
const save = () => {
  if (!sem || !hist) return;
  writeFileSync(path.join(out, `sem-${variant}${part}.f32`), Buffer.from(sem.buffer));
  writeFileSync(path.join(out, `semhist-${variant}${part}.f32`), Buffer.from(hist.buffer));
  writeFileSync(
    path.join(out, `semantic-${variant}${part}.json`),
    JSON.stringify(every === 1 && !part ? { variant, classes } : { variant, classes, every, images: done }),
  );
};
for (const [i, im] of index.images.entries()) {
  if (i % every !== 0 || i < from || i >= to) continue;
  done.push(i);
  const { image } = await readImage(path.join(dir, im.file));
  const gray = { width: image.width, height: image.height, channels: [lumaOf(image)] };
  const f = await semanticFeature(gray, { variant });
  if (!sem || !hist) {
    classes = f.planes.length;
    sem = new Float32Array(index.total * classes);
    hist = new Float32Array(index.images.length * classes);
  }
  hist.set(f.histogram, i * classes);
  for (let k = im.first; k < im.first + im.count; k++) {
    const p = pix[3 * k + 2] * image.width + pix[3 * k + 1];
    for (let c = 0; c < classes; c++) sem[k * classes + c] = f.planes[c][p];
  }
  if (part && done.length % 20 === 0) save();
  if (i % 100 === 0) console.error(`${i}/${index.images.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
if (!sem || !hist) throw new Error('no images');
save();
console.error(
  `semantic feature of ${index.images.length} images in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
