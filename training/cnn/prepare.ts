/**
 * Precomputes, once, what training the colour-distribution head needs (training/cnn/README.md):
 * for each photo of ../shared/data/train and val, the head's inputs exactly as the toolkit
 * computes them at inference (frozen MobileNetV2 features of its Rec. 601 luma at 224², plus the
 * gray image at 56²), and the soft-encoded ab targets on the 56² grid (5 nearest of the 313
 * published bins, σ = 5). Writes <split>-features.f32, <split>-tidx.u16, <split>-tw.f32,
 * <split>-files.txt and meta.json into the work folder. Resumable: a split already complete is
 * skipped. `--flip` adds the split train-flip: the same training photos mirrored left to right,
 * features computed through the backbone again (train.py --augment-flip draws from both).
 * `--semantic` adds, per split, <split>-semantic.f32: the Cityscapes DeepLab v3 class
 * probabilities of the same gray image (road, building, vegetation, sky, …: the scene classes the
 * ImageNet backbone was not trained to tell), resampled to 28² over the whole image as the
 * backbone's input is (train.py --semantic feeds them to the head).
 *
 *   node --import tsx training/cnn/prepare.ts [--work training/cnn/work] [--limit N] [--flip] [--semantic]
 */
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { softEncode } from '../../src/color/ab-bins.js';
import { rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage, resizePlane } from '../../src/image/resize.js';
import {
  CNN_GRID,
  CNN_INPUT,
  COLOR_BINS_FILE,
  colorBins313,
  headInputs,
  SEMANTIC_GRID,
  SEMANTIC_VARIANT,
  semanticHeadInput,
} from '../../src/methods/automatic/cnn-tv/network.js';
import { deeplabLabels } from '../../src/models/deeplab.js';
import { requireModelFile } from '../../src/models/locate.js';

const { values } = parseArgs({
  options: {
    work: { type: 'string', default: 'training/cnn/work' },
    data: { type: 'string', default: path.resolve('../shared/data') },
    limit: { type: 'string' },
    flip: { type: 'boolean', default: false },
    semantic: { type: 'boolean', default: false },
  },
});
const work = values.work!;
const limit = values.limit ? Number(values.limit) : Infinity;
const NEIGHBOURS = 5;
const bins = await colorBins313();
await fs.mkdir(work, { recursive: true });

async function write(stream: ReturnType<typeof createWriteStream>, arr: ArrayBufferView): Promise<void> {
  const buf = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
  if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r));
}

let inputsMeta: Array<{ name: string; channels: number; height: number; width: number; reduce: number }> = [];

/** The photo mirrored left to right (the flip augmentation's split). */
function mirrored(img: ImageF32): ImageF32 {
  const { width: W, height: H } = img;
  const channels = img.channels.map((c) => {
    const out = new Float32Array(c.length);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[y * W + x] = c[y * W + W - 1 - x];
    return out;
  });
  return { ...img, channels };
}

async function prepare(split: string): Promise<void> {
  const done = path.join(work, `${split}-files.txt`);
  const flip = split.endsWith('-flip');
  const dir = path.join(values.data!, flip ? split.slice(0, -'-flip'.length) : split);
  const files = (await fs.readdir(dir))
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort()
    .slice(0, limit);
  const streams = ['features.f32', 'tidx.u16', 'tw.f32'].map((s) =>
    createWriteStream(path.join(work, `${split}-${s}.tmp`)),
  );
  const names: string[] = [];
  const t0 = performance.now();
  for (const f of files) {
    const read = (await readImage(path.join(dir, f))).image;
    const img = flip ? mirrored(read) : read;
    const gray = { width: img.width, height: img.height, channels: [lumaOf(img)] };
    const inputs = await headInputs(gray);
    if (inputsMeta.length === 0)
      inputsMeta = inputs.map((x) => ({
        name: x.name,
        channels: x.channels,
        height: x.height,
        width: x.width,
        // 1×1 reduction widths of the head (0 = fed as is).
        reduce: x.channels >= 1000 ? 128 : x.channels >= 96 ? 64 : x.channels > 1 ? 32 : 0,
      }));
    for (const x of inputs) await write(streams[0], x.data);
    const lab = rgbImageToLab(resizeImage(img, CNN_INPUT, CNN_INPUT, 'area'));
    const a = resizePlane(lab.channels[1], CNN_INPUT, CNN_INPUT, CNN_GRID, CNN_GRID, 'area');
    const b = resizePlane(lab.channels[2], CNN_INPUT, CNN_INPUT, CNN_GRID, CNN_GRID, 'area');
    const enc = softEncode(a, b, NEIGHBOURS, 5, bins);
    // Stored neighbour-major (K, P) so the trainer gathers along the class axis directly.
    const P = CNN_GRID * CNN_GRID;
    const idx = new Uint16Array(NEIGHBOURS * P);
    const w = new Float32Array(NEIGHBOURS * P);
    for (let p = 0; p < P; p++)
      for (let k = 0; k < NEIGHBOURS; k++) {
        idx[k * P + p] = enc.index[p * NEIGHBOURS + k];
        w[k * P + p] = enc.weight[p * NEIGHBOURS + k];
      }
    await write(streams[1], idx);
    await write(streams[2], w);
    names.push(f);
    if (names.length % 200 === 0)
      console.log(
        `${split}: ${names.length}/${files.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
  }
  await Promise.all(streams.map((s) => new Promise((r) => s.end(r))));
  for (const s of ['features.f32', 'tidx.u16', 'tw.f32'])
    await fs.rename(path.join(work, `${split}-${s}.tmp`), path.join(work, `${split}-${s}`));
  await fs.writeFile(done, `${names.join('\n')}\n`);
  console.log(`${split}: ${names.length} images in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** <split>-semantic.f32: DeepLab's class probabilities of each photo's gray image at 28². */
async function prepareSemantic(split: string): Promise<void> {
  const dir = path.join(values.data!, split);
  const files = (await fs.readFile(path.join(work, `${split}-files.txt`), 'utf8'))
    .split('\n')
    .filter((f) => f);
  const out = path.join(work, `${split}-semantic.f32`);
  const stream = createWriteStream(`${out}.tmp`);
  const t0 = performance.now();
  for (const [i, f] of files.entries()) {
    const img = (await readImage(path.join(dir, f))).image;
    const gray = { width: img.width, height: img.height, channels: [lumaOf(img)] };
    await write(stream, (await semanticHeadInput(gray)).data);
    if ((i + 1) % 200 === 0)
      console.log(
        `${split} semantic: ${i + 1}/${files.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
  }
  await new Promise((r) => stream.end(r));
  await fs.rename(`${out}.tmp`, out);
  console.log(
    `${split} semantic: ${files.length} images in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}

// What an earlier run wrote: its inputs, and (kept by a run without --semantic) its semantic input.
const previous = existsSync(path.join(work, 'meta.json'))
  ? JSON.parse(await fs.readFile(path.join(work, 'meta.json'), 'utf8'))
  : undefined;
for (const split of ['val', 'train', ...(values.flip ? ['train-flip'] : [])]) {
  if (existsSync(path.join(work, `${split}-files.txt`)) && previous) {
    console.log(`${split}: already prepared`);
    continue;
  }
  await prepare(split);
}
if (inputsMeta.length === 0) inputsMeta = previous.inputs;
const recordFloats = inputsMeta.reduce((s, x) => s + x.channels * x.height * x.width, 0);
type SemanticMeta = {
  name: string;
  channels: number;
  height: number;
  width: number;
  reduce: number;
  variant: string;
};
let semantic: SemanticMeta | undefined = previous?.semantic;
if (values.semantic) {
  for (const split of ['val', 'train']) {
    if (existsSync(path.join(work, `${split}-semantic.f32`)))
      console.log(`${split} semantic: already prepared`);
    else await prepareSemantic(split);
  }
  semantic = {
    name: 'semantic',
    channels: (await deeplabLabels(SEMANTIC_VARIANT)).length,
    height: SEMANTIC_GRID,
    width: SEMANTIC_GRID,
    reduce: 16,
    variant: SEMANTIC_VARIANT,
  };
}
await fs.writeFile(
  path.join(work, 'meta.json'),
  JSON.stringify(
    {
      inputs: inputsMeta,
      recordFloats,
      grid: CNN_GRID,
      neighbours: NEIGHBOURS,
      binsFile: requireModelFile(COLOR_BINS_FILE),
      ...(semantic && { semantic }),
    },
    null,
    2,
  ),
);
console.log(`meta.json: ${recordFloats} floats per image`);
