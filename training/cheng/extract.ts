/**
 * Step 1 of the Deep Colorization recipe (training/cheng/README.md): for every photo of a folder,
 * the gray image (Rec. 601 luma), N_s randomly sampled pixels (seeded per image) with their patch
 * and DAISY descriptors and true U, V (analogue BT.601 YUV, 'yuv601' of linear-spaces.ts), and the image's GIST. Written as
 * raw little-endian float32 files under OUT (default .scratch/cheng/<folder name>):
 *   index.json, patch.f32 (N×49), daisy.f32 (N×32), uv.f32 (N×2), pix.i32 (N×3: image, x, y),
 *   gist.f32 (M×512).
 * The semantic feature is added by extract-semantic.ts.
 *
 *   nice node --import tsx training/cheng/extract.ts ../shared/data/train [OUT] [--samples 256] [--no-gist | --gist-only | --gist-squares]
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rgbToLumaChroma } from '../../src/color/linear-spaces.js';
import { gist, gistSquare } from '../../src/features/gist.js';
import { readImage } from '../../src/image/io.js';
import { chengDescriptors } from '../../src/methods/automatic/cheng/features.js';
import { seededRandom } from '../../src/random.js';

const args = process.argv.slice(2);
const si = args.indexOf('--samples');
const samples = si >= 0 ? Number(args.splice(si, 2)[1]) : 256;
// --no-gist: skip the GIST (most of the time); --gist-only: only (re)write gist.f32.
const noGist = args.includes('--no-gist');
const gistOnly = args.includes('--gist-only');
// --gist-squares: only write the 128×128 squares GIST starts from (gistSquare) to gist-squares.f32,
// for training/cheng/gist_batch.py (LMgist in numpy, the same numbers as gist() to 1e-5).
const gistSquares = args.includes('--gist-squares');
for (const f of ['--no-gist', '--gist-only', '--gist-squares'])
  if (args.includes(f)) args.splice(args.indexOf(f), 1);
const dir = args[0];
if (!dir) throw new Error('usage: extract.ts FOLDER [OUT] [--samples N]');
const out = args[1] ?? path.join('.scratch/cheng', path.basename(path.resolve(dir)));
mkdirSync(out, { recursive: true });
const files = readdirSync(dir)
  .filter((f) => /\.(jpe?g|png)$/i.test(f))
  .sort();

const patch: Float32Array[] = [];
const daisy: Float32Array[] = [];
const uv: Float32Array[] = [];
const pix: Int32Array[] = [];
const gists: Float32Array[] = [];
const index: Array<{ file: string; width: number; height: number; first: number; count: number }> = [];
let total = 0;
const t0 = Date.now();
for (const [i, file] of files.entries()) {
  const { image } = await readImage(path.join(dir, file));
  const rgb =
    image.channels.length === 3
      ? image
      : { ...image, channels: [image.channels[0], image.channels[0], image.channels[0]] };
  // Analogue BT.601 YUV as the paper (§III-A), not the JPEG scaling of 'yuv'.
  const [Y, U, V] = rgbToLumaChroma(rgb, 'yuv601').channels;
  const { width: w, height: h } = image;
  if (gistSquares) {
    gists.push(Float32Array.from(gistSquare(Y, w, h, 128)));
    continue;
  }
  if (gistOnly) {
    gists.push(gist(Y, w, h));
    if (i % 100 === 0) console.error(`${i}/${files.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    continue;
  }
  const src = chengDescriptors(Y, w, h, { patch: true, daisy: true, semantic: false });
  const rnd = seededRandom(1000 + i);
  const n = Math.min(samples, w * h);
  const d = new Float32Array(src.size);
  const P = new Float32Array(n * 49);
  const D = new Float32Array(n * 32);
  const C = new Float32Array(n * 2);
  const X = new Int32Array(n * 3);
  for (let k = 0; k < n; k++) {
    const x = Math.floor(rnd() * w);
    const y = Math.floor(rnd() * h);
    src.fill(x, y, d, 0);
    P.set(d.subarray(0, 49), k * 49);
    D.set(d.subarray(49, 81), k * 32);
    C[2 * k] = U[y * w + x];
    C[2 * k + 1] = V[y * w + x];
    X.set([i, x, y], 3 * k);
  }
  patch.push(P);
  daisy.push(D);
  uv.push(C);
  pix.push(X);
  if (!noGist) gists.push(gist(Y, w, h));
  index.push({ file, width: w, height: h, first: total, count: n });
  total += n;
  if (i % 100 === 0) console.error(`${i}/${files.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const cat = <T extends Float32Array | Int32Array>(parts: T[]): Buffer =>
  Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
if (gistSquares) {
  writeFileSync(path.join(out, 'gist-squares.f32'), cat(gists));
  console.error(
    `GIST squares of ${files.length} images in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${out}`,
  );
  process.exit(0);
}
if (gistOnly) {
  writeFileSync(path.join(out, 'gist.f32'), cat(gists));
  console.error(`GIST of ${files.length} images in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${out}`);
  process.exit(0);
}
writeFileSync(path.join(out, 'patch.f32'), cat(patch));
writeFileSync(path.join(out, 'daisy.f32'), cat(daisy));
writeFileSync(path.join(out, 'uv.f32'), cat(uv));
writeFileSync(path.join(out, 'pix.i32'), cat(pix));
if (!noGist) writeFileSync(path.join(out, 'gist.f32'), cat(gists));
writeFileSync(
  path.join(out, 'index.json'),
  JSON.stringify({ folder: dir, samples, total, chromaSpace: 'yuv601', images: index }),
);
console.error(
  `${files.length} images, ${total} samples in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${out}`,
);
