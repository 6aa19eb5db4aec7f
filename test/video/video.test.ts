/**
 * `colorize video` on a tiny clip made here from a real photo (scripts/video-clips.ts: a virtual
 * camera panning over ../shared/data/val photos, a cut between two of them), against what we did
 * not write: the clip's known colour truth and its known motion (the warping error is measured
 * with the TRUE motion, not with our flow), and ffprobe's account of the encoded file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pairChromaWarpingError } from '../../bench/video-metrics.js';
import {
  type Clip,
  clipCuts,
  grayOf,
  makeClip,
  trueBackwardFlow,
  truthFrame,
  writeGrayFrames,
} from '../../scripts/video-clips.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { psnr } from '../../src/metrics/psnr.js';
import { colorizeFrames } from '../../src/video/colorize-video.js';
import { colorizeVideo, frameName } from '../../src/video/video-io.js';
import { dataPath } from '../helpers/shared.js';

const W = 96;
const H = 64;
let tmp: string;
let photoA: ImageF32;
let photoB: ImageF32;
let cutClip: Clip;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'colorize-video-'));
  photoA = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
  photoB = (await readImage(dataPath('val', 'bsds500_100099.jpg'))).image;
  cutClip = makeClip('cut', [photoA, photoB], W, H, 10);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

async function run(clip: Clip, temporalWeight: number) {
  const out: ImageF32[] = [];
  async function* frames() {
    for (let t = 0; t < clip.cameras.length; t++) yield grayOf(truthFrame(clip, t));
  }
  const stats = await colorizeFrames(
    frames(),
    { has: () => false, read: async (i) => out[i], write: async (i, rgb) => void (out[i] = rgb) },
    {
      method: 'welsh',
      references: [
        { frame: 0, value: photoA },
        { frame: 5, value: photoB },
      ],
      temporalWeight,
    },
  );
  let warp = 0;
  let pairs = 0;
  for (let t = 1; t < out.length; t++) {
    const f = trueBackwardFlow(clip, t);
    if (!f) continue;
    warp += pairChromaWarpingError(out[t], out[t - 1], f);
    pairs++;
  }
  let p = 0;
  for (let t = 0; t < out.length; t++) p += psnr(out[t], truthFrame(clip, t));
  return { stats, out, warp: warp / pairs, psnr: p / out.length };
}

describe('colorize video', () => {
  it('finds the cut, keeps each frame’s luminance, and flickers less than per-frame colouring at no cost in PSNR', async () => {
    const per = await run(cutClip, 0);
    const tem = await run(cutClip, 0.85);
    assert.deepEqual(tem.stats.cuts, clipCuts(cutClip));
    assert.deepEqual(per.stats.cuts, [0, 5]);
    // Luminance: Rec. 601 luma of the output is the input gray (within 8-bit rounding).
    const g = grayOf(truthFrame(cutClip, 7)).channels[0];
    const [r, gg, b] = tem.out[7].channels;
    let worst = 0;
    for (let i = 0; i < g.length; i++)
      worst = Math.max(worst, Math.abs(0.299 * r[i] + 0.587 * gg[i] + 0.114 * b[i] - g[i]));
    assert.ok(worst < 2 / 255, `luma off by ${worst}`);
    assert.ok(
      tem.warp < 0.6 * per.warp,
      `chroma warping error ${tem.warp.toFixed(2)} vs per-frame ${per.warp.toFixed(2)}`,
    );
    assert.ok(
      tem.psnr > per.psnr - 0.2,
      `PSNR ${tem.psnr.toFixed(2)} vs per-frame ${per.psnr.toFixed(2)} dB`,
    );
  });

  it('a folder of frames: same names out; a re-run redoes only the missing frames; the reference never crosses the cut', async () => {
    const inDir = path.join(tmp, 'frames');
    const outDir = path.join(tmp, 'out');
    await writeGrayFrames(cutClip, inDir);
    const job = { method: 'welsh', references: [{ frame: 0, value: photoA }] };
    const first = await colorizeVideo(inDir, outDir, job);
    assert.equal(first.coloured, 10);
    assert.deepEqual(readdirSync(outDir).sort(), readdirSync(inDir).sort());
    const before7 = (await readImage(path.join(outDir, frameName(7)))).image;
    rmSync(path.join(outDir, frameName(7)));
    rmSync(path.join(outDir, frameName(8)));
    const mtime2 = statSync(path.join(outDir, frameName(2))).mtimeMs;
    const again = await colorizeVideo(inDir, outDir, job);
    assert.equal(again.skipped, 8);
    assert.equal(again.coloured, 2);
    assert.equal(statSync(path.join(outDir, frameName(2))).mtimeMs, mtime2);
    // Frame 7 is redone from frame 6 read back (8-bit): nearly the same picture.
    assert.ok(psnr((await readImage(path.join(outDir, frameName(7)))).image, before7) > 35);
  });

  it('strokes on the first frame are carried along the flow through the shot (levin), and stop at the cut', async () => {
    const clip = makeClip('cut', [photoA, photoB], W, H, 6);
    const out: ImageF32[] = [];
    async function* frames() {
      for (let t = 0; t < clip.cameras.length; t++) yield grayOf(truthFrame(clip, t));
    }
    // Strokes: the truth colours of frame 0 along a few horizontal lines.
    const t0 = truthFrame(clip, 0);
    const hex = (i: number) =>
      `#${t0.channels
        .map((c) =>
          Math.round(c[i] * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`;
    const strokes = [];
    for (let y = 6; y < H; y += 12)
      for (let x = 4; x < W - 8; x += 8)
        strokes.push({
          points: [
            [x, y],
            [x + 4, y],
          ],
          width: 3,
          color: hex(y * W + x + 2),
        });
    const notices: string[] = [];
    const stats = await colorizeFrames(
      frames(),
      { has: () => false, read: async (i) => out[i], write: async (i, rgb) => void (out[i] = rgb) },
      { method: 'levin', strokes: [{ frame: 0, value: JSON.stringify({ strokes }) }] },
      { notice: (t) => notices.push(t) },
    );
    assert.deepEqual(stats.cuts, [0, 3]);
    // Frames 1–2 keep colours close to the truth (carried from frame 0); frames 3–5 (next shot) stay gray.
    for (const t of [1, 2])
      assert.ok(psnr(out[t], truthFrame(clip, t)) > 24, `frame ${t}: ${psnr(out[t], truthFrame(clip, t))}`);
    const [r, g] = out[4].channels;
    let chroma = 0;
    for (let i = 0; i < r.length; i++) chroma += Math.abs(r[i] - g[i]);
    assert.equal(chroma, 0);
    assert.match(notices.join('\n'), /frames from 3 have no strokes/);
  });

  it('bad input: a folder without frames, and a method without its hint, fail with a clear message and write nothing', async () => {
    const dir = mkdtempSync(path.join(tmp, 'empty-'));
    await assert.rejects(
      colorizeVideo(dir, path.join(tmp, 'never'), {
        method: 'welsh',
        references: [{ frame: 0, value: photoA }],
      }),
      /holds no frames named frame_00000\.png/,
    );
    assert.equal(existsSync(path.join(tmp, 'never')), false);
    await writeGrayFrames(makeClip('pan', [photoA], W, H, 2), path.join(tmp, 'two'));
    await assert.rejects(
      colorizeVideo(path.join(tmp, 'two'), path.join(tmp, 'never2'), { method: 'welsh' }),
      /welsh needs a colour reference/,
    );
    assert.equal(existsSync(path.join(tmp, 'never2')), false);
  });
});
