/**
 * Attention exemplar network (docs/attention.md): end-to-end time of `attentionColorize` for
 * 224² and 512² inputs (the paper's 20 ms is on an RTX 2080 Ti at 224²), split into backbone
 * (VGG-19 blocks 1–3 + MobileNetV2 on target and reference), the trained network (fixed 128²
 * working size) and the finish stage (edge-aware upsampling to the input size). Reference figure
 * measured in the same run: `superpixel` (VGG-19, working size 256) on the same inputs.
 */
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { attentionColorize } from '../src/methods/exemplar/attention/pipeline.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round } from './util.js';

function gray(img: ImageF32): ImageF32 {
  const g = createImage(img.width, img.height, 1);
  const [r, gg, b] = img.channels;
  for (let i = 0; i < r.length; i++) g.channels[0][i] = 0.299 * r[i] + 0.587 * gg[i] + 0.114 * b[i];
  return g;
}

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const { image: scene } = await readImage('examples/scene.png');
  const { image: sunset } = await readImage('examples/sunset.png');
  await attentionColorize(gray(resizeImage(scene, 64, 64)), sunset); // warm-up: sessions, conversions
  for (const size of [224, 512]) {
    const t = gray(resizeImage(scene, size, size, 'bicubic'));
    const r = resizeImage(sunset, size, size, 'bicubic');
    const runs = 5;
    const sums: Record<string, number> = { backbone: 0, network: 0, finish: 0 };
    let total = 0;
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      const res = await attentionColorize(t, r);
      total += performance.now() - t0;
      for (const key of Object.keys(sums)) sums[key] += res.timings[key];
    }
    const t1 = performance.now();
    await superpixelColorize(t, r, { features: 'vgg19', workingSize: 256 });
    const sp = performance.now() - t1;
    records.push({
      input: `${size}²`,
      attention_ms: round(total / runs, 0),
      backbone_ms: round(sums.backbone / runs, 0),
      network_ms: round(sums.network / runs, 0),
      finish_ms: round(sums.finish / runs, 0),
      superpixel_ms: round(sp, 0),
      paper_gpu_ms: size === 224 ? 20 : null,
    });
  }
  records.push({ input: 'peak RSS MiB', attention_ms: round(peakRssMiB(), 0) });
  return records;
}
