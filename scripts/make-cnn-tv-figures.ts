/**
 * Figures for docs/auto.md from the project's own example (examples/scene_gray.png, procedural):
 * docs/images/auto-scene.png (gray | cnn | cnn-tv | truth) and docs/images/auto-halo.png, the
 * paper's Fig. 4 comparison: the 96 × 64 window where the two methods differ most, enlarged 4×.
 *
 *   node --import tsx scripts/make-cnn-tv-figures.ts
 */
import sharp from 'sharp';
import { rgbImageToLab } from '../src/color/lab.js';
import { grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { predictColorDistribution } from '../src/methods/automatic/cnn-tv/network.js';
import { decodeAnnealedMean, selectWithCoupledTv } from '../src/methods/automatic/cnn-tv/pipeline.js';

const gray = (await readImage('examples/scene_gray.png')).image;
const g1 = { ...gray, channels: [gray.channels[0]] };
const truth = (await readImage('examples/scene.png')).image;
const dist = await predictColorDistribution(g1);
const cnn = decodeAnnealedMean(g1, dist);
const tv = selectWithCoupledTv(g1, dist).image;

function toBuffer(img: ImageF32, x0 = 0, y0 = 0, w = img.width, h = img.height): Buffer {
  const out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 3; c++)
        out[(y * w + x) * 3 + c] = Math.round(
          Math.min(1, Math.max(0, img.channels[c][(y0 + y) * img.width + x0 + x])) * 255,
        );
  return out;
}

async function strip(panels: ImageF32[], file: string, crop?: { x: number; y: number; w: number; h: number }, scale = 1) {
  const w = crop?.w ?? panels[0].width;
  const h = crop?.h ?? panels[0].height;
  const gap = 6;
  const tiles = await Promise.all(
    panels.map((p) =>
      sharp(toBuffer(p, crop?.x, crop?.y, w, h), { raw: { width: w, height: h, channels: 3 } })
        .resize(w * scale, h * scale, { kernel: 'nearest' })
        .png()
        .toBuffer(),
    ),
  );
  await sharp({
    create: { width: panels.length * (w * scale + gap) - gap, height: h * scale, channels: 3, background: '#ffffff' },
  })
    .composite(tiles.map((input, i) => ({ input, left: i * (w * scale + gap), top: 0 })))
    .png()
    .toFile(file);
}

await strip([grayToRgb(g1), cnn, tv, truth], 'docs/images/auto-scene.png');

// Window where the a*b* of the two results differ most.
const la = rgbImageToLab(cnn);
const lb = rgbImageToLab(tv);
const W = gray.width;
const H = gray.height;
const diff = new Float64Array(W * H);
for (let i = 0; i < W * H; i++)
  diff[i] = Math.hypot(la.channels[1][i] - lb.channels[1][i], la.channels[2][i] - lb.channels[2][i]);
const cw = 96;
const ch = 64;
let best = { x: 0, y: 0, s: -1 };
for (let y = 0; y + ch <= H; y += 4)
  for (let x = 0; x + cw <= W; x += 4) {
    let s = 0;
    for (let yy = y; yy < y + ch; yy += 2) for (let xx = x; xx < x + cw; xx += 2) s += diff[yy * W + xx];
    if (s > best.s) best = { x, y, s };
  }
await strip([grayToRgb(g1), cnn, tv], 'docs/images/auto-halo.png', { x: best.x, y: best.y, w: cw, h: ch }, 4);
console.log(`halo window at (${best.x}, ${best.y}), ${cw}×${ch}`);
