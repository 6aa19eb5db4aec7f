/**
 * The studio's fused preview (issue 18): time from a stroke to the preview image at 0.25 MP,
 * against the goal of 300 ms, printed beside the full `fuse` run on the same photo and hints.
 *
 * Cases: hard exemplar sets (the truth brought to 0.25 MP, its reference, the automatic CNN), 12
 * strokes painted one after another (short 3-px strokes in the truth's colour at the stroke's
 * start: about 50 per megapixel at 0.25 MP, the density), as vectors the way the studio
 * sends them. The static sources (CNN, VGG-19 matching) are computed once per case, as the studio
 * asks the service for them once per reference/auto toggle, and timed apart. Per update: wall and
 * CPU ms; the median is over the updates after the first (the first after a toggle runs the
 * selection from scratch, multiscale: reported apart). Quality: PSNR of the last preview and of
 * the full run against the truth (at the preview's size), and between them.
 *
 * The same-run reference is the full `fuse` run (strokes + reference + auto, defaults) on the
 * same photo and strokes.
 */
import path from 'node:path';
import { randomStrokeLines } from '../scripts/stroke-simulation.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { fuseColorize, fuseStaticSources } from '../src/methods/fuse/fuse.js';
import { FusePreview, type FusePreviewOptions, fusePreviewModel } from '../src/methods/fuse/preview.js';
import type { RasterStroke } from '../src/methods/scribbles/levin/preview.js';
import { rasterizeStrokes } from '../src/methods/scribbles/strokes.js';
import { psnr } from '../src/metrics/psnr.js';
import { SHARED } from './fuse-cases.js';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

const CASES = ['002', '018', '022'];
const STROKES = 12;

/** Short strokes (8–24 px, radius 1.5) in the truth's colour at their start, one after another. */
function strokesFrom(truth: ImageF32, count: number, seed: number): RasterStroke[] {
  const { width: W, height: H } = truth;
  return randomStrokeLines(W, H, count, seed, 1.5).map((s) => {
    const i = Math.round(s.points[1]) * W + Math.round(s.points[0]);
    const rgb: [number, number, number] = [truth.channels[0][i], truth.channels[1][i], truth.channels[2][i]];
    return { ...s, rgb };
  });
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cpuMs(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const configs: Array<[string, FusePreviewOptions]> = [
    ['preview (defaults: Levin on ≤ 40 000 px, TV on ≤ 20 000 px, 10 + 10 warm iterations)', {}],
    ['preview, TV on ≤ 40 000 px', { tvPixels: 40_000 }],
    ['preview, Levin and TV on ≤ 20 000 px', { levinPixels: 20_000 }],
  ];
  for (const id of CASES) {
    const dir = path.join(SHARED, 'exemplar');
    const t0 = (await readImage(path.join(dir, `${id}_truth.png`))).image;
    const f = Math.sqrt(250_000 / (t0.width * t0.height));
    const truth = resizeImage(t0, Math.round(t0.width * f), Math.round(t0.height * f), 'bicubic');
    const gray: ImageF32 = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
    const reference = (await readImage(path.join(dir, `${id}_reference.png`))).image;
    const strokes = strokesFrom(truth, STROKES, Number(id));
    const set = `exemplar/${id} at ${truth.width}×${truth.height}`;

    let c0 = process.cpuUsage();
    let w0 = performance.now();
    const sources = await fuseStaticSources(gray, { reference, auto: true });
    records.push({
      set,
      run: 'static sources (CNN + VGG-19 matching), once per toggle',
      wallMs: Math.round(performance.now() - w0),
      cpuMs: Math.round(cpuMs(c0)),
    });

    // The same-run reference: the full method on the same hints.
    c0 = process.cpuUsage();
    w0 = performance.now();
    const full = await fuseColorize(gray, {
      strokes: rasterizeStrokes(strokes, gray.width, gray.height),
      reference,
      auto: true,
    });
    records.push({
      set,
      run: 'full fuse (strokes + reference + auto, defaults)',
      wallMs: Math.round(performance.now() - w0),
      cpuMs: Math.round(cpuMs(c0)),
      psnrTruth: round(psnr(full.rgb, truth)),
    });

    for (const [run, options] of configs) {
      const preview = new FusePreview(gray, options);
      preview.setSources(sources, fusePreviewModel({ strokes: true, reference: true, auto: true }));
      const wall: number[] = [];
      const cpu: number[] = [];
      let last: ImageF32 | undefined;
      for (let k = 1; k <= strokes.length; k++) {
        const c = process.cpuUsage();
        const r = preview.update(strokes.slice(0, k));
        wall.push(r.ms);
        cpu.push(cpuMs(c));
        last = r.rgb;
      }
      const out = last as ImageF32;
      const small = (img: ImageF32) =>
        img.width === out.width ? img : resizeImage(img, out.width, out.height, 'area');
      records.push({
        set,
        run,
        firstMs: Math.round(wall[0]),
        medianMs: Math.round(median(wall.slice(1))),
        medianCpuMs: Math.round(median(cpu.slice(1))),
        maxMs: Math.round(Math.max(...wall.slice(1))),
        size: `${out.width}×${out.height}`,
        psnrTruth: round(psnr(out, small(truth))),
        psnrFull: round(psnr(out, small(full.rgb))),
      });
    }
  }
  return records;
}
