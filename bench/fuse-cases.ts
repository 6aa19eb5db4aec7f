/**
 * The measurement of the fused method (issue 18), shared by bench/fuse.bench.ts and
 * scripts/tune-fuse.ts: exemplar triplets (../shared/data/exemplar, hard sets: gray target, colour
 * truth, a different reference photo) and val photos, with strokes simulated from the truth
 * (scripts/stroke-simulation.ts: short 3-px strokes carrying the truth's colours, STROKES_PER_MP per
 * megapixel, at least 3). Every single source is run by its own method (levin, superpixel,
 * cnn-tv, defaults) and every fused combination by `fuse`; all scored against the truth.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortStrokes } from '../scripts/stroke-simulation.js';
import { lumaOf } from '../src/color/linear-spaces.js';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { colorizeCnnTv } from '../src/methods/automatic/cnn-tv/pipeline.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { type FuseCache, type FuseOptions, fuseColorize } from '../src/methods/fuse/fuse.js';
import { colorizeLevin } from '../src/methods/scribbles/levin/levin.js';
import type { StrokeSet } from '../src/methods/scribbles/strokes.js';
import { evaluate, type Scores } from '../src/metrics/evaluate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHARED = path.resolve(here, '../../shared/data');

/** Strokes per megapixel of the measurement. */
export const FUSE_STROKES_PER_MP = 50;

/** The hard exemplar sets (the reference is a different photo): exemplar/README.md. */
export const HARD_SETS = [
  '002',
  '004',
  '006',
  '008',
  '009',
  '011',
  '013',
  '015',
  '017',
  '018',
  '020',
  '022',
  '023',
  '025',
  '026',
  '028',
  '029',
  '030',
];

export interface FuseCase {
  name: string;
  gray: ImageF32;
  truth: ImageF32;
  reference?: ImageF32;
  strokes: StrokeSet;
}

function grayOf(img: ImageF32): ImageF32 {
  return { width: img.width, height: img.height, channels: [lumaOf(img)] };
}

/** An exemplar triplet: the target (gray), its truth, its reference, strokes from the truth. */
export async function exemplarCase(id: string, seed = 1): Promise<FuseCase> {
  const dir = path.join(SHARED, 'exemplar');
  const truth = (await readImage(path.join(dir, `${id}_truth.png`))).image;
  const target = (await readImage(path.join(dir, `${id}_target.png`))).image;
  const reference = (await readImage(path.join(dir, `${id}_reference.png`))).image;
  return {
    name: `exemplar/${id}`,
    gray: target,
    truth,
    reference,
    strokes: shortStrokes(truth, FUSE_STROKES_PER_MP, seed),
  };
}

/** Sorted val photo names. */
export function valNames(): string[] {
  return readdirSync(path.join(SHARED, 'val'))
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort();
}

/** A val photo: gray = its Rec. 601 luma, strokes from it. */
export async function valCase(name: string, seed = 1): Promise<FuseCase> {
  const truth = (await readImage(path.join(SHARED, 'val', name))).image;
  return {
    name: `val/${name}`,
    gray: grayOf(truth),
    truth,
    strokes: shortStrokes(truth, FUSE_STROKES_PER_MP, seed),
  };
}

export type Combo = 's' | 'r' | 'a' | 'sr' | 'sa' | 'ra' | 'sra';

/** Single sources by their own methods; fused combinations by `fuse`. */
export async function runCase(
  c: FuseCase,
  combos: Combo[],
  options: FuseOptions = {},
  singles = true,
): Promise<Record<string, Scores>> {
  const out: Record<string, Scores> = {};
  if (singles) {
    out.levin = evaluate(colorizeLevin(c.gray, c.strokes).rgb, c.truth);
    if (c.reference) out.superpixel = evaluate((await superpixelColorize(c.gray, c.reference)).rgb, c.truth);
    out['cnn-tv'] = evaluate(await colorizeCnnTv(c.gray), c.truth);
  }
  const cache: FuseCache = {};
  for (const k of combos) {
    if (k.includes('r') && !c.reference) continue;
    const res = await fuseColorize(
      c.gray,
      {
        strokes: k.includes('s') ? c.strokes : undefined,
        reference: k.includes('r') ? c.reference : undefined,
        auto: k.includes('a'),
      },
      options,
      cache,
    );
    out[`fuse-${k}`] = evaluate(res.rgb, c.truth);
  }
  return out;
}

/** Mean of each score over cases, per run name. */
export function meanOf(
  rows: Array<Record<string, Scores>>,
): Record<string, { psnr: number; ssim: number; de: number; n: number }> {
  const acc: Record<string, { psnr: number; ssim: number; de: number; n: number }> = {};
  for (const r of rows)
    for (const [k, s] of Object.entries(r)) {
      acc[k] ??= { psnr: 0, ssim: 0, de: 0, n: 0 };
      acc[k].psnr += s.psnr;
      acc[k].ssim += s.ssim;
      acc[k].de += s.ciede2000;
      acc[k].n++;
    }
  for (const v of Object.values(acc)) {
    v.psnr /= v.n;
    v.ssim /= v.n;
    v.de /= v.n;
  }
  return acc;
}
