/**
 * Figures for docs/auto.md from the project's own example (examples/scene_gray.png, procedural):
 * docs/images/auto-scene.png (gray | Zhang et al.'s baseline = cnn --upsample bilinear | cnn |
 * cnn-tv --no-binary | cnn-tv | truth, the paper's Fig. 5 layout), docs/images/auto-halo.png, the
 * 96 × 64 window where cnn and cnn-tv differ most, enlarged 4×, docs/images/auto-winner.png (the
 * winning-candidate map that --debug-dir writes), and the Fig. 4 toy (auto-halo-toy.png).
 *
 *   node --import tsx scripts/make-cnn-tv-figures.ts
 */
import sharp from 'sharp';
import { rgbImageToLab } from '../src/color/lab.js';
import { finish } from '../src/finish/finish.js';
import { grayToRgb, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { predictColorDistribution } from '../src/methods/automatic/cnn-tv/network.js';
import {
  cnnTvDebugPictures,
  decodeAnnealedMean,
  selectWithCoupledTv,
} from '../src/methods/automatic/cnn-tv/pipeline.js';
import { meanSaturation } from '../src/metrics/saturation.js';

const gray = (await readImage('examples/scene_gray.png')).image;
const g1 = { ...gray, channels: [gray.channels[0]] };
const truth = (await readImage('examples/scene.png')).image;
const dist = await predictColorDistribution(g1);
const zhangScene = decodeAnnealedMean(g1, dist, undefined, 'bilinear');
const cnn = decodeAnnealedMean(g1, dist);
const softScene = selectWithCoupledTv(g1, dist, { binary: false }).image;
const tvRun = selectWithCoupledTv(g1, dist);
const tv = tvRun.image;
for (const [name, img] of [
  ['cnn --upsample bilinear (Zhang et al.)', zhangScene],
  ['cnn', cnn],
  ['cnn-tv --no-binary', softScene],
  ['cnn-tv', tv],
  ['truth', truth],
] as const)
  console.log(`scene: ${name}: mean saturation ${meanSaturation(img).toFixed(4)}`);

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

async function strip(
  panels: ImageF32[],
  file: string,
  crop?: { x: number; y: number; w: number; h: number },
  scale = 1,
) {
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
    create: {
      width: panels.length * (w * scale + gap) - gap,
      height: h * scale,
      channels: 3,
      background: '#ffffff',
    },
  })
    .composite(tiles.map((input, i) => ({ input, left: i * (w * scale + gap), top: 0 })))
    .png()
    .toFile(file);
}

await strip([grayToRgb(g1), zhangScene, cnn, softScene, tv, truth], 'docs/images/auto-scene.png');
// The winning candidate of each pixel (index k as gray k / 9), beside the result.
let winner: ImageF32 | null = null;
cnnTvDebugPictures(g1, tvRun, (name, img) => {
  if (name === 'winner') winner = img;
});
await strip([grayToRgb(winner as unknown as ImageF32), tv], 'docs/images/auto-winner.png');

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
await strip(
  [grayToRgb(g1), zhangScene, cnn, tv],
  'docs/images/auto-halo.png',
  { x: best.x, y: best.y, w: cw, h: ch },
  4,
);
console.log(`halo window at (${best.x}, ${best.y}), ${cw}×${ch}`);

// The paper's Fig. 4 proof of concept: a toy image of two constant parts (a bright disc on a dark
// ground) and distributions on an 8× coarser grid that put each cell's mass on a red and a blue
// bin in proportion to the area of each part in the cell (what a perfect low-resolution CNN
// would say). The annealed mean mixes the two colours along the contour (the halo); the coupled
// TV selects one colour per pixel along the luminance edge.
{
  const bins = dist.bins;
  const nearest = (a: number, b: number) => {
    let best = 0;
    for (let q = 1; q < bins.count; q++)
      if ((bins.a[q] - a) ** 2 + (bins.b[q] - b) ** 2 < (bins.a[best] - a) ** 2 + (bins.b[best] - b) ** 2)
        best = q;
    return best;
  };
  const red = nearest(60, 40);
  const blue = nearest(10, -50);
  const TW = 192;
  const TH = 128;
  const inside = (x: number, y: number) => (x - 96) ** 2 + (y - 64) ** 2 < 44 ** 2;
  const toy = { width: TW, height: TH, channels: [new Float32Array(TW * TH)] };
  for (let y = 0; y < TH; y++)
    for (let x = 0; x < TW; x++) toy.channels[0][y * TW + x] = inside(x + 0.5, y + 0.5) ? 0.75 : 0.3;
  const gw = TW / 8;
  const gh = TH / 8;
  const probs = new Float32Array(gw * gh * bins.count);
  for (let cy = 0; cy < gh; cy++)
    for (let cx = 0; cx < gw; cx++) {
      let cover = 0;
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) if (inside(cx * 8 + x + 0.5, cy * 8 + y + 0.5)) cover++;
      const p = (cy * gw + cx) * bins.count;
      probs[p + blue] = 0.9 * (cover / 64) + 0.05;
      probs[p + red] = 0.9 * (1 - cover / 64) + 0.05;
    }
  const toyDist = { width: gw, height: gh, probs, bins };
  // Zhang et al.: annealed mean up-sampled without looking at the gray image (cnn --upsample bilinear).
  const zhang = decodeAnnealedMean(toy, toyDist, 0.38, 'bilinear');
  const mean = decodeAnnealedMean(toy, toyDist);
  const soft = selectWithCoupledTv(toy, toyDist, { binary: false }).image;
  const sel = selectWithCoupledTv(toy, toyDist).image;
  const ta = new Float32Array(TW * TH);
  const tb = new Float32Array(TW * TH);
  for (let y = 0; y < TH; y++)
    for (let x = 0; x < TW; x++) {
      const q = inside(x + 0.5, y + 0.5) ? blue : red;
      ta[y * TW + x] = bins.a[q];
      tb[y * TW + x] = bins.b[q];
    }
  const truthToy = finish({
    original: toy,
    chroma: { width: TW, height: TH, channels: [ta, tb] },
    space: 'lab',
  });
  await strip(
    [grayToRgb(toy), zhang, mean, soft, sel, truthToy],
    'docs/images/auto-halo-toy.png',
    undefined,
    2,
  );
  // Halo measure: pixels whose a*b* is more than 10 units from the toy's true colour.
  const truthLab = rgbImageToLab(truthToy);
  const halo = (img: ImageF32) => {
    const lab = rgbImageToLab(img);
    let n = 0;
    for (let i = 0; i < TW * TH; i++)
      if (
        Math.hypot(
          lab.channels[1][i] - truthLab.channels[1][i],
          lab.channels[2][i] - truthLab.channels[2][i],
        ) > 10
      )
        n++;
    return n;
  };
  console.log(
    `toy (${TW * TH} px): pixels more than 10 ab units off the true colour: annealed mean + bilinear ${halo(zhang)}, cnn (joint bilateral finish) ${halo(mean)}, cnn-tv --no-binary ${halo(soft)}, cnn-tv ${halo(sel)}`,
  );
}
