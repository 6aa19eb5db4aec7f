/**
 * `colorize video` end to end on a real container: an H.264 mp4 with an AAC audio track made here
 * by ffmpeg from a tiny clip of a val photo; ffprobe (not our code) says what came out. Fails with
 * a message naming scripts/setup-ffmpeg.sh when ffmpeg is missing (CI installs it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeClip, writeGrayFrames } from '../../scripts/video-clips.js';
import { readImage } from '../../src/image/io.js';
import { probeVideo, requireFfmpeg, runFfmpeg } from '../../src/video/ffmpeg.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const W = 96;
const H = 64;
let tmp: string;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'colorize-video-cli-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('colorize video (command line)', () => {
  it('a video file with audio: H.264 out, same size, frame rate, frame count and an audio stream', async () => {
    requireFfmpeg(); // a clear error naming scripts/setup-ffmpeg.sh when ffmpeg is missing
    const inDir = path.join(tmp, 'mp4-frames');
    const photoA = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
    await writeGrayFrames(makeClip('pan', [photoA], W, H, 5), inDir);
    const src = path.join(tmp, 'clip.mp4');
    await runFfmpeg(
      [
        '-y',
        '-v',
        'error',
        '-framerate',
        '12',
        '-i',
        `${inDir}/frame_%05d.png`,
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=1',
        '-map',
        '0:v',
        '-map',
        '1:a',
        '-c:v',
        'libx264',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-shortest',
        src,
      ],
      'test clip',
    );
    const out = path.join(tmp, 'clip_colour.mp4');
    const res = await runCli([
      'video',
      src,
      '-o',
      out,
      '--reference',
      dataPath('val', 'bsds500_100039.jpg'),
      '--method',
      'welsh',
    ]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stderr, /fps/);
    const info = probeVideo(out);
    const before = probeVideo(src);
    assert.equal(info.codec, 'h264');
    assert.equal(info.width, W);
    assert.equal(info.height, H);
    assert.equal(info.fps, 12);
    assert.equal(info.hasAudio, true);
    assert.equal(info.frames, before.frames);
    assert.equal(existsSync(`${out}.frames`), false);
    // The frames carry colour.
    const probe = spawnSync(
      'ffmpeg',
      ['-v', 'error', '-i', out, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
      { maxBuffer: 1 << 24 },
    );
    const px = probe.stdout as Buffer;
    let spread = 0;
    for (let i = 0; i < px.length; i += 3) spread += Math.abs(px[i] - px[i + 2]);
    assert.ok(spread / (px.length / 3) > 3, 'the encoded frames look gray');
  });
});
