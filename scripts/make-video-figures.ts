/**
 * The strip of docs/video.md, from our own example picture only (examples/scene.png, made by
 * scripts/make-examples.ts): a virtual camera pans and zooms over the scene (scripts/video-clips.ts),
 * the gray frames are coloured with the exemplar default (superpixel) and the whole scene as the
 * reference, once frame by frame and once with the temporal step. Rows: per-frame, temporal, and
 * for each the change of a*b* from the previous output warped with the true motion (white = 20
 * ΔE_ab units), which is what shows as flicker when the clip plays.
 *   npx tsx scripts/make-video-figures.ts   → docs/images/video-strip.png (and prints the figures)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairChromaWarpingError } from '../bench/video-metrics.js';
import { rgbImageToLab } from '../src/color/lab.js';
import { warpPlane } from '../src/flow/warp.js';
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import { psnr } from '../src/metrics/psnr.js';
import { colorizeFrames } from '../src/video/colorize-video.js';
import { type Clip, grayOf, makeClip, trueBackwardFlow, truthFrame } from './video-clips.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAMES = 32;
const SHOW = [7, 15, 23, 31];

async function colour(clip: Clip, reference: ImageF32, temporalWeight: number): Promise<ImageF32[]> {
  const out: ImageF32[] = [];
  async function* frames() {
    for (let t = 0; t < clip.cameras.length; t++) yield grayOf(truthFrame(clip, t));
  }
  await colorizeFrames(
    frames(),
    { has: () => false, read: async (i) => out[i], write: async (i, rgb) => void (out[i] = rgb) },
    { method: 'superpixel', references: [{ frame: 0, value: reference }], temporalWeight },
  );
  return out;
}

/** |Δ a*b*| against the previous output warped by the true motion, as a gray picture (20 units = white). */
function changeMap(clip: Clip, out: ImageF32[], t: number): ImageF32 {
  const f = trueBackwardFlow(clip, t);
  const img = createImage(clip.width, clip.height, 1);
  if (!f) return img;
  const a = rgbImageToLab(out[t]);
  const b = rgbImageToLab(out[t - 1]);
  const wa = warpPlane(b.channels[1], f);
  const wb = warpPlane(b.channels[2], f);
  for (let i = 0; i < wa.length; i++)
    img.channels[0][i] = Math.min(1, Math.hypot(a.channels[1][i] - wa[i], a.channels[2][i] - wb[i]) / 20);
  return img;
}

function paste(dst: ImageF32, src: ImageF32, x0: number, y0: number): void {
  for (let c = 0; c < 3; c++) {
    const s = src.channels[Math.min(c, src.channels.length - 1)];
    for (let y = 0; y < src.height; y++)
      for (let x = 0; x < src.width; x++)
        dst.channels[c][(y0 + y) * dst.width + x0 + x] = s[y * src.width + x];
  }
}

const scene = (await readImage(path.join(root, 'examples/scene.png'))).image;
const clip = makeClip('crop', [scene], 192, 128, FRAMES);
const per = await colour(clip, scene, 0);
const tem = await colour(clip, scene, 0.85);
const gap = 4;
const W = SHOW.length * (clip.width + gap) - gap;
const H = 4 * (clip.height + gap) - gap;
const strip = createImage(W, H, 3);
for (const c of strip.channels) c.fill(1);
SHOW.forEach((t, k) => {
  const x = k * (clip.width + gap);
  paste(strip, per[t], x, 0);
  paste(strip, tem[t], x, clip.height + gap);
  paste(strip, changeMap(clip, per, t), x, 2 * (clip.height + gap));
  paste(strip, changeMap(clip, tem, t), x, 3 * (clip.height + gap));
});
await writeImage(path.join(root, 'docs/images/video-strip.png'), strip);
for (const [name, out] of [
  ['per-frame', per],
  ['temporal', tem],
] as const) {
  let w = 0;
  let p = 0;
  for (let t = 1; t < FRAMES; t++)
    w += pairChromaWarpingError(out[t], out[t - 1], trueBackwardFlow(clip, t)!);
  for (let t = 0; t < FRAMES; t++) p += psnr(out[t], truthFrame(clip, t));
  console.log(
    `${name}: chroma warping error ${(w / (FRAMES - 1)).toFixed(3)}, PSNR ${(p / FRAMES).toFixed(2)} dB`,
  );
}
