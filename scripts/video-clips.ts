/**
 * Test clips with known colour truth and known motion, made at run time from photos (issue 19):
 * a virtual camera looks at a colour photo; frame t shows the photo point q = s_t · p + c_t at
 * frame pixel p (s_t: source pixels per frame pixel, so a smaller s is a zoom in; c_t: the
 * top-left corner), sampled bilinearly. The gray input is the frame's Rec. 601 luma. The true
 * backward flow (frame t → t − 1) follows from the two cameras, so the warping error of a result
 * is measured with the true motion, not with our own flow.
 *
 * Used by bench/video.bench.ts and test/video/; as a script it writes clips to a folder:
 *   npx tsx scripts/video-clips.ts OUT_DIR [--width 640 --height 360 --frames 72]
 * (OUT_DIR should be a temporary folder: the frames are made from ../shared/data and must not be
 * committed).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowField } from '../src/flow/farneback.js';
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';

/** One camera position: scale s (source px per frame px) and the top-left corner in the source. */
export interface Camera {
  s: number;
  cx: number;
  cy: number;
  /** Index of the source photo (a cut switches photo). */
  photo: number;
}

export interface Clip {
  name: string;
  width: number;
  height: number;
  cameras: Camera[];
  photos: ImageF32[];
}

function sample(img: ImageF32, c: number, x: number, y: number): number {
  const W = img.width;
  const H = img.height;
  const fx = Math.min(Math.max(x, 0), W - 1);
  const fy = Math.min(Math.max(y, 0), H - 1);
  const x0 = Math.min(Math.floor(fx), W - 2);
  const y0 = Math.min(Math.floor(fy), H - 2);
  const ax = fx - x0;
  const ay = fy - y0;
  const p = img.channels[c];
  const i = y0 * W + x0;
  return (p[i] * (1 - ax) + p[i + 1] * ax) * (1 - ay) + (p[i + W] * (1 - ax) + p[i + W + 1] * ax) * ay;
}

/** The colour truth of frame t. */
export function truthFrame(clip: Clip, t: number): ImageF32 {
  const { width, height } = clip;
  const cam = clip.cameras[t];
  const src = clip.photos[cam.photo];
  const out = createImage(width, height, 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const qx = cam.s * x + cam.cx;
      const qy = cam.s * y + cam.cy;
      for (let c = 0; c < 3; c++) out.channels[c][y * width + x] = sample(src, c, qx, qy);
    }
  return out;
}

/** Rec. 601 luma of a colour frame, quantised to 8 bits as a gray PNG would be. */
export function grayOf(rgb: ImageF32): ImageF32 {
  const [r, g, b] = rgb.channels;
  const out = createImage(rgb.width, rgb.height, 1);
  for (let i = 0; i < r.length; i++)
    out.channels[0][i] = Math.round((0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i]) * 255) / 255;
  return out;
}

/** True backward flow from frame t to t − 1 (null across a cut). */
export function trueBackwardFlow(clip: Clip, t: number): FlowField | null {
  const a = clip.cameras[t];
  const b = clip.cameras[t - 1];
  if (a.photo !== b.photo) return null;
  const { width, height } = clip;
  const u = new Float32Array(width * height);
  const v = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const qx = a.s * x + a.cx;
      const qy = a.s * y + a.cy;
      u[y * width + x] = (qx - b.cx) / b.s - x;
      v[y * width + x] = (qy - b.cy) / b.s - y;
    }
  return { width, height, u, v };
}

/** First frames of each shot. */
export function clipCuts(clip: Clip): number[] {
  return clip.cameras.flatMap((c, t) => (t === 0 || c.photo !== clip.cameras[t - 1].photo ? [t] : []));
}

/** A camera path that keeps the view inside the photo. */
function fit(
  photo: ImageF32,
  width: number,
  height: number,
  s: number,
  cx: number,
  cy: number,
  p: number,
): Camera {
  const maxX = photo.width - 1 - s * (width - 1);
  const maxY = photo.height - 1 - s * (height - 1);
  return {
    s,
    cx: Math.min(Math.max(cx, 0), Math.max(0, maxX)),
    cy: Math.min(Math.max(cy, 0), Math.max(0, maxY)),
    photo: p,
  };
}

export type ClipKind = 'pan' | 'zoom' | 'crop' | 'cut';

/**
 * A clip of `frames` frames of `kind` at width × height from one photo (two for 'cut').
 * pan: horizontal pan across 60 % of the spare width; zoom: 1.4× zoom in about the centre;
 * crop: a moving crop along a diagonal with a slight zoom; cut: a pan on photo 0, then on photo 1.
 */
export function makeClip(
  kind: ClipKind,
  photos: ImageF32[],
  width: number,
  height: number,
  frames: number,
): Clip {
  const p0 = photos[0];
  // The widest view that fits: 85 % of the photo.
  const sFit = 0.85 * Math.min((p0.width - 1) / (width - 1), (p0.height - 1) / (height - 1));
  const cams: Camera[] = [];
  for (let t = 0; t < frames; t++) {
    const f = frames > 1 ? t / (frames - 1) : 0;
    if (kind === 'pan') {
      const s = sFit * 0.8;
      const spare = p0.width - 1 - s * (width - 1);
      cams.push(
        fit(p0, width, height, s, spare * (0.2 + 0.6 * f), (p0.height - 1 - s * (height - 1)) / 2, 0),
      );
    } else if (kind === 'zoom') {
      const s = sFit / (1 + 0.4 * f);
      cams.push(
        fit(
          p0,
          width,
          height,
          s,
          (p0.width - 1 - s * (width - 1)) / 2,
          (p0.height - 1 - s * (height - 1)) / 2,
          0,
        ),
      );
    } else if (kind === 'crop') {
      const s = sFit * (0.75 - 0.05 * Math.sin(Math.PI * f));
      const sx = p0.width - 1 - s * (width - 1);
      const sy = p0.height - 1 - s * (height - 1);
      cams.push(fit(p0, width, height, s, sx * (0.1 + 0.8 * f), sy * (0.1 + 0.8 * f), 0));
    } else {
      const half = Math.floor(frames / 2);
      const p = t < half ? 0 : 1;
      const ph = photos[p];
      const sf = 0.85 * Math.min((ph.width - 1) / (width - 1), (ph.height - 1) / (height - 1)) * 0.8;
      const g = p === 0 ? t / Math.max(1, half - 1) : (t - half) / Math.max(1, frames - half - 1);
      const spare = ph.width - 1 - sf * (width - 1);
      cams.push(
        fit(ph, width, height, sf, spare * (0.2 + 0.6 * g), (ph.height - 1 - sf * (height - 1)) / 2, p),
      );
    }
  }
  return { name: kind, width, height, cameras: cams, photos };
}

/** Writes a clip's gray frames (frame_NNNNN.png) into `dir`. */
export async function writeGrayFrames(clip: Clip, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let t = 0; t < clip.cameras.length; t++)
    await writeImage(path.join(dir, `frame_${String(t).padStart(5, '0')}.png`), grayOf(truthFrame(clip, t)));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args[0];
  if (!out || out.startsWith('--')) {
    process.stderr.write(
      'usage: npx tsx scripts/video-clips.ts OUT_DIR [--width 640 --height 360 --frames 72]\n',
    );
    process.exit(2);
  }
  const opt = (name: string, d: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/val');
  const a = (await readImage(path.join(data, 'bsds500_100039.jpg'))).image;
  const b = (await readImage(path.join(data, 'bsds500_100099.jpg'))).image;
  for (const kind of ['pan', 'zoom', 'crop', 'cut'] as ClipKind[]) {
    const clip = makeClip(
      kind,
      kind === 'cut' ? [a, b] : [a],
      opt('width', 640),
      opt('height', 360),
      opt('frames', 72),
    );
    await writeGrayFrames(clip, path.join(out, kind));
    process.stdout.write(`${path.join(out, kind)}: ${clip.cameras.length} frames\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
