/**
 * Tunes the coupled TV of `cnn-tv` (λ, γ, phase-1 iterations, binary or soft w) on the TUNING
 * split of ../shared/data/val: the first N sorted names (default 50; the report in docs/auto.md
 * uses the rest, see bench/auto-cnn.bench.ts). Prints one JSON line per setting with mean PSNR,
 * SSIM, colourfulness, HSV saturation, the fraction of binary-w photos and the TV time.
 *
 *   nice -n 10 node --import tsx scripts/tune-cnn-tv.ts [N] ['[{"lambda":0.02}, ...]']
 *
 * TUNE_TEMPERATURES=0.2,0.38,0.6 adds `cnn` (the annealed mean) at each of those temperatures, the
 * PSNR / colourfulness frontier of a head; TUNE_GAINED=1:1.1,0.7:1.2 adds it at temperature T with a*, b*
 * scaled by g; COLORIZE_MODELS=DIR evaluates another head (DIR/cnn-tv/head.onnx).
 */
import path from 'node:path';
import { annealedMean } from '../src/color/ab-bins.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import { finish } from '../src/finish/finish.js';
import { fromPlanes, grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { predictColorDistribution } from '../src/methods/automatic/cnn-tv/network.js';
import {
  type CnnTvOptions,
  decodeAnnealedMean,
  selectWithCoupledTv,
} from '../src/methods/automatic/cnn-tv/pipeline.js';
import { colorfulness } from '../src/metrics/colorfulness.js';
import { psnr } from '../src/metrics/psnr.js';
import { meanSaturation } from '../src/metrics/saturation.js';
import { ssim } from '../src/metrics/ssim.js';
import { TUNING_PHOTOS, valPhotos } from './val-split.js';

const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
const valDir = path.join(shared, 'data/val');
const N = Number(process.argv[2] ?? TUNING_PHOTOS);
const settings: (CnnTvOptions & { name?: string })[] = process.argv[3]
  ? JSON.parse(process.argv[3])
  : [{ name: 'default' }];
const temperatures = (process.env.TUNE_TEMPERATURES ?? '')
  .split(',')
  .filter((t) => t !== '')
  .map(Number);
// TUNE_GAINED=T:g,...: the annealed mean at temperature T with its a, b scaled by g.
const gained = (process.env.TUNE_GAINED ?? '')
  .split(',')
  .filter((t) => t !== '')
  .map((t) => t.split(':').map(Number) as [number, number]);
const files = valPhotos(valDir, N)
  .filter(({ tuning }) => tuning)
  .map(({ name }) => name);
type Acc = {
  psnr: number;
  ssim: number;
  colorfulness: number;
  saturation: number;
  binary: number;
  ms: number;
};
const acc = new Map<string, Acc>();
const add = (key: string, img: ImageF32, truth: ImageF32, binary = 0, ms = 0) => {
  const s = acc.get(key) ?? { psnr: 0, ssim: 0, colorfulness: 0, saturation: 0, binary: 0, ms: 0 };
  s.psnr += psnr(img, truth);
  s.ssim += ssim(img, truth);
  s.colorfulness += colorfulness(img);
  s.saturation += meanSaturation(img);
  s.binary += binary;
  s.ms += ms;
  acc.set(key, s);
};
for (const f of files) {
  const truth = (await readImage(path.join(valDir, f))).image;
  const gray = fromPlanes(truth.width, truth.height, [lumaOf(truth).slice()]);
  const dist = await predictColorDistribution(gray);
  add('gray', grayToRgb(gray), truth);
  add('cnn', decodeAnnealedMean(gray, dist), truth);
  for (const T of temperatures) add(`cnn T=${T}`, decodeAnnealedMean(gray, dist, T), truth);
  for (const [T, g] of gained) {
    const { a, b } = annealedMean(dist.probs, dist.width * dist.height, T, dist.bins);
    for (let i = 0; i < a.length; i++) {
      a[i] *= g;
      b[i] *= g;
    }
    const chroma = { width: dist.width, height: dist.height, channels: [a, b] };
    add(`cnn T=${T} gain ${g}`, finish({ original: gray, chroma, space: 'lab' }), truth);
  }
  for (const st of settings) {
    const { name, ...opts } = st;
    const r = selectWithCoupledTv(gray, dist, opts);
    add(name ?? JSON.stringify(opts), r.image, truth, r.tv.binary ? 1 : 0, r.timings.tv);
  }
}
for (const [key, s] of acc) {
  const n = files.length;
  console.log(
    JSON.stringify({
      setting: key,
      photos: n,
      psnr: +(s.psnr / n).toFixed(3),
      ssim: +(s.ssim / n).toFixed(4),
      colorfulness: +(s.colorfulness / n).toFixed(2),
      saturation: +(s.saturation / n).toFixed(4),
      binary: s.binary / n,
      tv_ms: Math.round(s.ms / n),
    }),
  );
}
