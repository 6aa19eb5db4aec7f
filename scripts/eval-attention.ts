/**
 * Quality figures of the attention exemplar network (docs/attention.md) on the triplets of
 * ../shared/data/exemplar, hard and easy sets apart, against `superpixel` (VGG-19, 256),
 * `welsh` and the `reinhard` gray-target baseline, all rerun here: mean PSNR and SSIM against the
 * truth, HIS against the reference (colorize eval's functions), and, as in the paper's Table 1,
 * the ImageNet classifier (MobileNetV2) on the outputs — top-1 agreement with its top-1 on the
 * truth, and the truth's top-1 among the output's top 5.
 *
 *   node --import tsx scripts/eval-attention.ts [--model extra.onnx --label name]... [--only attention]
 *     [--baselines-only] [--json] [--size 192] [--mirror-reference] [--no-default]
 *
 * --size: working size of the attention networks (default 128); --mirror-reference: the
 * attention networks get the reference flipped left-right (HIS is still measured against the
 * reference, whose histogram the flip does not change) — how much the result depends on where
 * things are in the reference (docs/attention.md, "What the axial attention can reach");
 * --no-default: leave out the committed network.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { attentionColorize } from '../src/methods/exemplar/attention/pipeline.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { reinhardTransfer } from '../src/methods/transfer/reinhard/reinhard.js';
import { welshTransfer } from '../src/methods/transfer/welsh/welsh.js';
import { evaluate, meanScores } from '../src/metrics/evaluate.js';
import { classifyMobileNetV2 } from '../src/models/mobilenet-v2.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', multiple: true, default: [] },
    label: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    'baselines-only': { type: 'boolean', default: false },
    size: { type: 'string' },
    'mirror-reference': { type: 'boolean', default: false },
    'no-default': { type: 'boolean', default: false },
  },
});
const size = values.size === undefined ? undefined : Number(values.size);

/** The reference flipped left-right (for --mirror-reference). */
function mirrored(img: ImageF32): ImageF32 {
  const { width: w, height: h } = img;
  return {
    width: w,
    height: h,
    channels: img.channels.map((p) => {
      const q = new Float32Array(p.length);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) q[y * w + x] = p[y * w + (w - 1 - x)];
      return q;
    }),
  };
}
const attRef = (r: ImageF32) => (values['mirror-reference'] ? mirrored(r) : r);

type Fn = (t: ImageF32, r: ImageF32) => Promise<ImageF32>;
const METHODS: Record<string, Fn> = {};
if (!values['baselines-only'] && !values['no-default'])
  METHODS['attention (axial, ours)'] = async (t, r) => (await attentionColorize(t, attRef(r), { size })).rgb;
values.model!.forEach((m, i) => {
  METHODS[values.label![i] ?? path.basename(m)] = async (t, r) =>
    (await attentionColorize(t, attRef(r), { model: m, size })).rgb;
});
if (!values.only) {
  METHODS['superpixel (vgg19, 256)'] = async (t, r) =>
    (await superpixelColorize(t, r, { features: 'vgg19', workingSize: 256 })).rgb;
  METHODS.welsh = async (t, r) => welshTransfer(t, r);
  METHODS['reinhard (mean-chroma)'] = async (t, r) => reinhardTransfer(t, r, { grayTarget: 'mean-chroma' });
  METHODS['gray target (floor)'] = async (t) => t;
}

type Out = { psnr: number; ssim: number; his: number; top1: number; top5: number; count: number };
const results: Record<string, Record<string, Out>> = {};
for (const [group, sets] of [
  ['hard', HARD_SETS],
  ['easy', EASY_SETS],
] as const) {
  results[group] = {};
  const rows: Record<string, { scores: ReturnType<typeof evaluate>[]; top1: number; top5: number }> = {};
  for (const id of sets) {
    const [t, truth, ref] = await Promise.all(
      ['target', 'truth', 'reference'].map((role) => readImage(path.join(EXEMPLAR_DIR, `${id}_${role}.png`))),
    );
    const truthClass = (await classifyMobileNetV2(truth.image, 1))[0].index;
    for (const [name, fn] of Object.entries(METHODS)) {
      const out = await fn(t.image, ref.image);
      const row = (rows[name] ??= { scores: [], top1: 0, top5: 0 });
      row.scores.push(evaluate(out, truth.image, ref.image));
      const top = (await classifyMobileNetV2(out, 5)).map((p) => p.index);
      if (top[0] === truthClass) row.top1++;
      if (top.includes(truthClass)) row.top5++;
    }
    process.stderr.write(`${id} `);
  }
  for (const [name, r] of Object.entries(rows)) {
    const m = meanScores(r.scores);
    const n = r.scores.length;
    results[group][name] = {
      psnr: m.psnr as number,
      ssim: m.ssim as number,
      his: m.his as number,
      top1: r.top1 / n,
      top5: r.top5 / n,
      count: n,
    };
  }
}
process.stderr.write('\n');
if (values.json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const lines = [
    '| set | method | PSNR dB ↑ | SSIM ↑ | HIS ↑ | top-1 agreement ↑ | truth class in top-5 ↑ |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [group, byMethod] of Object.entries(results))
    for (const [name, s] of Object.entries(byMethod))
      lines.push(
        `| ${group} (${s.count}) | ${name} | ${s.psnr.toFixed(2)} | ${s.ssim.toFixed(4)} | ${s.his.toFixed(4)} | ${(100 * s.top1).toFixed(0)} % | ${(100 * s.top5).toFixed(0)} % |`,
      );
  process.stdout.write(`${lines.join('\n')}\n`);
}
