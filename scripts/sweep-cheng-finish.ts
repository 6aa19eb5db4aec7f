/**
 * What happens after Deep Colorization's network, measured on ../shared/data/val: the joint
 * bilateral refinement's σs, σr and a chroma gain, swept over the network's raw U, V (cached in
 * .scratch/cheng-raw/, one network run per photo), with PSNR against the truth (gray image as the
 * reference) and colourfulness, per split (tuning: the first 50 sorted names; report: the other
 * 243; all). For docs/cheng.md ("Chroma gain and refinement").
 *
 *   nice node --import tsx scripts/sweep-cheng-finish.ts [--config global|full] \
 *     [--sigma-s 8] [--sigma-r 0.08] [--gains 1,1.2] [--split tuning] [--flip-average]
 * --flip-average: the raw U, V averaged with the network's prediction on the mirrored photo
 * (mirrored back), a test-time augmentation.
 * Lists are comma-separated; every combination is scored.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import { jointBilateralGrid } from '../src/filters/bilateral.js';
import { finish } from '../src/finish/finish.js';
import { fromPlanes, grayToRgb } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { loadChengModel } from '../src/methods/automatic/cheng/model.js';
import { colorizeCheng } from '../src/methods/automatic/cheng/pipeline.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { valPhotos, valSplit } from './val-split.js';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : d;
};
const nums = (s: string) => s.split(',').filter(Boolean).map(Number);
const config = opt('--config', 'global');
if (config !== 'global' && config !== 'full') throw new Error('--config: global or full');
const sigmaS = nums(opt('--sigma-s', '8'));
const sigmaR = nums(opt('--sigma-r', '0.08'));
const gains = nums(opt('--gains', '1'));
const split = opt('--split', 'all');
const flipAverage = args.includes('--flip-average');
const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
const valDir = path.join(shared, 'data/val');
const cache = path.resolve(import.meta.dirname, `../.scratch/cheng-raw/${config}`);
mkdirSync(cache, { recursive: true });
const chosen = new Set(valSplit(valDir, split));
const files = valPhotos(valDir).filter(({ name }) => chosen.has(name));
const space = loadChengModel().chromaSpace;

type Row = { key: string; tuning: boolean; p: number; pg: number; cf: number };
const rows: Row[] = [];
const t0 = Date.now();
for (const [i, { name: f, tuning }] of files.entries()) {
  const { image: truth } = await readImage(path.join(valDir, f));
  const gray = fromPlanes(truth.width, truth.height, [lumaOf(truth).slice()]);
  const { width: W, height: H } = gray;
  const file = path.join(cache, `${f}.f32`);
  const mirror = (p: Float32Array) => {
    const m = new Float32Array(p.length);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) m[y * W + x] = p[y * W + (W - 1 - x)];
    return m;
  };
  const rawOf = async (file: string, flipped: boolean) => {
    if (existsSync(file)) {
      const b = readFileSync(file);
      return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    }
    const input = flipped ? fromPlanes(W, H, [mirror(gray.channels[0])]) : gray;
    const r = await colorizeCheng(input, { clustering: config === 'full', refine: false });
    const raw = new Float32Array(2 * W * H);
    raw.set(flipped ? mirror(r.chroma.channels[0]) : r.chroma.channels[0]);
    raw.set(flipped ? mirror(r.chroma.channels[1]) : r.chroma.channels[1], W * H);
    writeFileSync(`${file}.tmp`, raw);
    renameSync(`${file}.tmp`, file);
    return raw;
  };
  const raw = await rawOf(file, false);
  if (flipAverage) {
    mkdirSync(`${cache}-flip`, { recursive: true });
    const other = await rawOf(path.join(`${cache}-flip`, `${f}.f32`), true);
    for (let k = 0; k < raw.length; k++) raw[k] = 0.5 * (raw[k] + other[k]);
  }
  const U = raw.subarray(0, W * H);
  const V = raw.subarray(W * H);
  const pg = psnr(grayToRgb(gray), truth);
  for (const ss of sigmaS)
    for (const sr of sigmaR) {
      const [u, v] =
        ss > 0
          ? jointBilateralGrid(gray.channels[0], [U, V], W, H, { sigmaSpatial: ss, sigmaRange: sr })
          : [U, V];
      for (const g of gains) {
        const chroma = fromPlanes(W, H, [u.map((x) => x * g), v.map((x) => x * g)]);
        const out = finish({ original: gray, chroma, space });
        rows.push({ key: `σs ${ss} σr ${sr} ×${g}`, tuning, p: psnr(out, truth), pg, cf: colorfulness(out) });
      }
    }
  if (i % 25 === 0) console.error(`${i + 1}/${files.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(`${config} network, ${files.length} val photos (split ${split})`);
console.log(
  '| σs, σr, gain | tuning: PSNR − gray / colourfulness | report: PSNR − gray / colourfulness | all |',
);
console.log('|---|---|---|---|');
for (const key of [...new Set(rows.map((r) => r.key))]) {
  const cell = (sel: (r: Row) => boolean) => {
    const rs = rows.filter((r) => r.key === key && sel(r));
    if (rs.length === 0) return '—';
    const d = mean(rs.map((r) => r.p)) - mean(rs.map((r) => r.pg));
    return `${d >= 0 ? '+' : ''}${d.toFixed(3)} / ${mean(rs.map((r) => r.cf)).toFixed(2)}`;
  };
  console.log(`| ${key} | ${cell((r) => r.tuning)} | ${cell((r) => !r.tuning)} | ${cell(() => true)} |`);
}
