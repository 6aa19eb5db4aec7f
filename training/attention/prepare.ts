/**
 * Precomputes, once, what training the attention network needs (training/attention/README.md):
 * for each photo chosen from ../shared/data/train (and val), the frozen backbone's outputs
 * exactly as the toolkit computes them at inference (src/methods/exemplar/attention/features.ts)
 * — the six target inputs of its Rec. 601 luma, the three reference inputs of its colours —, its
 * CIELAB planes at the working size (L/100, a/110, b/110) and its global descriptor (mean-pooled
 * MobileNetV2 bottleneck of the colour photo, used to pair targets with references). Feature maps
 * are stored as float16. Files in the work folder: <split>-tgt.f16, <split>-ref.f16,
 * <split>-lab.f16, <split>-global.f32, <split>-files.txt, meta.json. A finished split is skipped.
 *
 *   node --import tsx training/attention/prepare.ts [--work training/attention/work] [--limit N] [--first N]
 */
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import {
  ATTENTION_SIZE,
  attentionReferenceInputs,
  attentionTargetInputs,
  toWorkingSize,
} from '../../src/methods/exemplar/attention/features.js';

const { values } = parseArgs({
  options: {
    work: { type: 'string', default: 'training/attention/work' },
    data: { type: 'string', default: path.resolve('../shared/data') },
    limit: { type: 'string' },
    'val-limit': { type: 'string', default: '100' },
    // Only the photos whose name starts with this (a source: bsds500_, imagenet_, ...).
    prefix: { type: 'string', default: '' },
    // Only the first N photos of the evenly spaced training list (issue 15's feature set was the
    // first 644 of --limit 1500, an interrupted run, plus --prefix imagenet_ --limit 320).
    first: { type: 'string' },
  },
});
const work = values.work!;
await fs.mkdir(work, { recursive: true });

/** float32 → IEEE half (round to nearest, no denormal subtleties beyond flush to zero). */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function toHalf(v: number): number {
  f32[0] = v;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  let e = ((x >>> 23) & 0xff) - 127 + 15;
  let m = x & 0x7fffff;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) return sign;
  m += 0x1000; // round
  if (m & 0x800000) {
    m = 0;
    e += 1;
    if (e >= 31) return sign | 0x7c00;
  }
  return sign | (e << 10) | (m >>> 13);
}
function half(a: Float32Array): Uint16Array {
  const out = new Uint16Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = toHalf(a[i]);
  return out;
}

async function write(stream: ReturnType<typeof createWriteStream>, arr: ArrayBufferView): Promise<void> {
  const buf = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
  if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r));
}

type Shape = { name: string; channels: number; height: number; width: number };
let shapes: { target: Shape[]; reference: Shape[] } | null = null;
const KINDS = ['tgt.f16', 'ref.f16', 'lab.f16', 'global.f32'];

async function prepare(split: string, limit: number): Promise<void> {
  const dir = path.join(values.data!, split);
  const all = (await fs.readdir(dir))
    .filter((f) => /\.(jpe?g|png)$/i.test(f) && f.startsWith(values.prefix!))
    .sort();
  // Evenly spaced over the sorted list, so every source is represented.
  const n = Math.min(limit, all.length);
  const spaced = Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]);
  const files = split === 'train' && values.first ? spaced.slice(0, Number(values.first)) : spaced;
  const streams = KINDS.map((s) => createWriteStream(path.join(work, `${split}-${s}.tmp`)));
  const names: string[] = [];
  const t0 = performance.now();
  for (const f of files) {
    const img = (await readImage(path.join(dir, f))).image;
    if (img.channels.length !== 3) continue;
    const gray = { width: img.width, height: img.height, channels: [lumaOf(img)] };
    const tgt = await attentionTargetInputs(gray);
    const ref = await attentionReferenceInputs(img);
    shapes ??= {
      target: tgt.map(({ name, channels, height, width }) => ({ name, channels, height, width })),
      reference: ref.inputs.map(({ name, channels, height, width }) => ({ name, channels, height, width })),
    };
    for (const x of tgt) await write(streams[0], half(x.data));
    for (const x of ref.inputs) await write(streams[1], half(x.data));
    const lab = rgbImageToLab(toWorkingSize(img));
    const scale = [100, 110, 110];
    for (let c = 0; c < 3; c++) {
      const p = Float32Array.from(lab.channels[c], (v) => v / scale[c]);
      await write(streams[2], half(p));
    }
    await write(streams[3], ref.global);
    names.push(f);
    if (names.length % 100 === 0)
      console.log(
        `${split}: ${names.length}/${files.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
  }
  await Promise.all(streams.map((s) => new Promise((r) => s.end(r))));
  for (const s of KINDS)
    await fs.rename(path.join(work, `${split}-${s}.tmp`), path.join(work, `${split}-${s}`));
  await fs.writeFile(path.join(work, `${split}-files.txt`), `${names.join('\n')}\n`);
  console.log(`${split}: ${names.length} images in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

const limits: Record<string, number> = {
  val: Number(values['val-limit']),
  train: values.limit ? Number(values.limit) : Infinity,
};
for (const split of ['val', 'train']) {
  if (existsSync(path.join(work, `${split}-files.txt`)) && existsSync(path.join(work, 'meta.json'))) {
    console.log(`${split}: already prepared`);
    continue;
  }
  await prepare(split, limits[split]);
  if (shapes)
    await fs.writeFile(
      path.join(work, 'meta.json'),
      JSON.stringify({ size: ATTENTION_SIZE, labScale: [100, 110, 110], ...shapes }, null, 2),
    );
}
