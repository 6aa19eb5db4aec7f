/**
 * The pictures and the table of docs/fuse.md, from our own example pictures (examples/): the
 * procedural scene's gray image, strokes simulated from scene.png (short 3-px strokes, 200 per
 * megapixel: about 20), sunset.png as the reference, and the automatic CNN; each hint alone by its
 * own method and the fused combinations, scored against scene.png. Also the local re-colouring of
 * scene.png with two strokes and a mask.
 *   node --import tsx scripts/make-fuse-figures.ts
 */
import sharp from 'sharp';
import { grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { colorizeCnnTv } from '../src/methods/automatic/cnn-tv/pipeline.js';
import { featheredMask } from '../src/methods/catalogue/region.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { type FuseCache, fuseColorize, recolourLocal } from '../src/methods/fuse/fuse.js';
import { colorizeLevin } from '../src/methods/scribbles/levin/levin.js';
import { markedImage, rasterizeStrokes } from '../src/methods/scribbles/strokes.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { shortStrokes } from './stroke-simulation.js';

const truth = (await readImage('examples/scene.png')).image;
const gray = (await readImage('examples/scene_gray.png')).image;
const reference = (await readImage('examples/sunset.png')).image;
const strokes = shortStrokes(truth, 200, 7);

function toBuffer(img: ImageF32): Buffer {
  const rgb = img.channels.length === 1 ? grayToRgb(img) : img;
  const out = Buffer.alloc(img.width * img.height * 3);
  for (let i = 0; i < img.width * img.height; i++)
    for (let c = 0; c < 3; c++)
      out[i * 3 + c] = Math.round(Math.min(1, Math.max(0, rgb.channels[c][i])) * 255);
  return out;
}

/** Panels in rows of `perRow`, each `w` wide (resized), with gaps. */
async function grid(panels: ImageF32[], file: string, perRow: number, w: number): Promise<void> {
  const h = Math.round((panels[0].height * w) / panels[0].width);
  const gap = 6;
  const tiles = await Promise.all(
    panels.map((p) =>
      sharp(toBuffer(p), { raw: { width: p.width, height: p.height, channels: 3 } })
        .resize(w, h)
        .png()
        .toBuffer(),
    ),
  );
  const rows = Math.ceil(panels.length / perRow);
  await sharp({
    create: {
      width: perRow * (w + gap) - gap,
      height: rows * (h + gap) - gap,
      channels: 3,
      background: '#ffffff',
    },
  })
    .composite(
      tiles.map((input, i) => ({
        input,
        left: (i % perRow) * (w + gap),
        top: Math.floor(i / perRow) * (h + gap),
      })),
    )
    .png()
    .toFile(file);
}

const runs: Array<[string, ImageF32]> = [];
runs.push(['strokes alone (levin)', colorizeLevin(gray, strokes).rgb]);
runs.push(['reference alone (superpixel)', (await superpixelColorize(gray, reference)).rgb]);
runs.push(['auto alone (cnn-tv)', await colorizeCnnTv(gray)]);
const cache: FuseCache = {};
for (const [name, hints] of [
  ['fuse: strokes + reference', { strokes, reference }],
  ['fuse: strokes + auto', { strokes, auto: true }],
  ['fuse: reference + auto', { reference, auto: true }],
  ['fuse: strokes + reference + auto', { strokes, reference, auto: true }],
] as const)
  runs.push([name, (await fuseColorize(gray, hints, {}, cache)).rgb]);

console.log('| run | PSNR dB | SSIM | ΔE00 |\n|---|---|---|---|');
for (const [name, img] of runs) {
  const s = evaluate(img, truth);
  console.log(`| ${name} | ${s.psnr.toFixed(2)} | ${s.ssim.toFixed(4)} | ${s.ciede2000.toFixed(2)} |`);
}
await grid(
  [markedImage(gray, strokes), reference, ...runs.map(([, img]) => img), truth],
  'docs/images/fuse-scene.png',
  3,
  256,
);

// Local re-colouring: the scene's sea made green by one stroke, limited to the lower half by a mask.
const { width: W, height: H } = truth;
const re = rasterizeStrokes([{ points: [60, 200, 140, 204], radius: 2, rgb: [0.2, 0.6, 0.35] }], W, H);
const mask = { width: W, height: H, channels: [new Float32Array(W * H)] };
for (let y = 0; y < H; y++) for (let x = 0; x < W / 2; x++) mask.channels[0][y * W + x] = 1;
const recoloured = recolourLocal(truth, re, { strokeSigma: 40, region: featheredMask(mask, W, H, 4) });
const painted = { width: W, height: H, channels: truth.channels.map((c) => c.slice()) };
for (let i = 0; i < W * H; i++)
  if (re.mask[i]) for (let c = 0; c < 3; c++) painted.channels[c][i] = re.colors.channels[c][i];
await grid([painted, mask, recoloured], 'docs/images/fuse-recolour.png', 3, 256);
