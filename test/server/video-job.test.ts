/**
 * A clip as a job over HTTP (issue 19): the real `colorize serve` process (in memory, and with
 * `--redis` on a real redis-server) gets a tiny H.264 clip with audio made here by ffmpeg from a
 * val photo (64×48, a pan) and the photo as reference; the downloaded result is checked by ffprobe
 * and ffmpeg (not our code): video/mp4, same size and frame count, audio kept, and its frames'
 * chroma close to the colour truth of the clip (the photo the frames were cut from). Bad uploads
 * are 4xx naming the problem; DELETE stops a running clip and leaves none of its files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Clip, makeClip, truthFrame, writeGrayFrames } from '../../scripts/video-clips.js';
import { rgbImageToLab } from '../../src/color/lab.js';
import { fromPlanes, type ImageF32 } from '../../src/image/image.js';
import { encodeImage, readImage } from '../../src/image/io.js';
import { probeVideo, requireFfmpeg, runFfmpeg } from '../../src/video/ffmpeg.js';
import { REDIS_SKIP, type RedisServer, startRedis } from '../helpers/redis.js';
import { dataPath } from '../helpers/shared.js';
import { type ServiceProcess, serveProcess, serviceTmp } from './helpers.js';

const W = 64;
const H = 48;
const tmp = serviceTmp('colorize-video-job-');

const serve = (...extra: string[]) => serveProcess(tmp, ...extra);

async function stop(s: ServiceProcess): Promise<void> {
  s.child.kill('SIGTERM');
  await s.exited;
}

interface JobJson {
  id: string;
  status: string;
  kind?: string;
  format: string;
  progress: number;
  stage: string;
  frames?: { done: number; total?: number; fps: number };
  width?: number;
  height?: number;
  error?: { statusCode: number; code: string; message: string };
}

async function jobOf(base: string, id: string): Promise<JobJson> {
  return (await (await fetch(`${base}/v1/jobs/${id}`)).json()) as JobJson;
}

async function until(base: string, id: string, ok: (j: JobJson) => boolean, ms = 90_000): Promise<JobJson> {
  const t0 = Date.now();
  for (;;) {
    const j = await jobOf(base, id);
    if (ok(j)) return j;
    if (Date.now() - t0 > ms) throw new Error(`job ${id} stayed ${JSON.stringify(j)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const file = (bytes: Uint8Array | Buffer, type: string) => new Blob([new Uint8Array(bytes)], { type });

function clipForm(clip: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append('clip', file(readFileSync(clip), 'video/mp4'), 'clip.mp4');
  f.append('reference', file(readFileSync(dataPath('val', 'bsds500_100039.jpg')), 'image/jpeg'), 'ref.jpg');
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** An H.264 clip (with an AAC track as long as the clip when `audio`) from the gray frames of `clip`. */
async function encodeClip(clip: Clip, name: string, audio = false): Promise<string> {
  const dir = path.join(tmp, `${name}-frames`);
  await writeGrayFrames(clip, dir);
  const out = path.join(tmp, `${name}.mp4`);
  const args = ['-y', '-v', 'error', '-framerate', '12', '-i', `${dir}/frame_%05d.png`];
  if (audio) args.push('-f', 'lavfi', '-i', 'sine=frequency=440:duration=10', '-map', '0:v', '-map', '1:a');
  args.push('-c:v', 'libx264', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac', '-shortest');
  await runFfmpeg([...args, out], 'test clip');
  return out;
}

/** Frame t of a video file as RGB planes, decoded by ffmpeg. */
function decodeFrame(video: string, t: number): ImageF32 {
  const r = spawnSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      video,
      '-vf',
      `select=eq(n\\,${t})`,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 1 << 24 },
  );
  const px = r.stdout as Buffer;
  assert.equal(px.length, W * H * 3, `ffmpeg gave ${px.length} bytes for frame ${t}: ${r.stderr}`);
  const planes = [0, 1, 2].map((c) => Float32Array.from({ length: W * H }, (_, i) => px[3 * i + c] / 255));
  return fromPlanes(W, H, planes);
}

/** Mean a*b* distance to the truth, and the truth's mean chroma (what an all-gray result would score). */
function chromaError(
  out: ImageF32,
  truth: ImageF32,
): { err: number; truthChroma: number; outChroma: number } {
  const a = rgbImageToLab(out).channels;
  const b = rgbImageToLab(truth).channels;
  let err = 0;
  let tc = 0;
  let oc = 0;
  for (let i = 0; i < W * H; i++) {
    err += Math.hypot(a[1][i] - b[1][i], a[2][i] - b[2][i]);
    tc += Math.hypot(b[1][i], b[2][i]);
    oc += Math.hypot(a[1][i], a[2][i]);
  }
  const n = W * H;
  return { err: err / n, truthChroma: tc / n, outChroma: oc / n };
}

let clip: Clip;
let short: string;
let long: string;
let tooLong: string;

before(async () => {
  requireFfmpeg(); // a clear error naming scripts/setup-ffmpeg.sh when ffmpeg is missing
  const photo = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
  clip = makeClip('pan', [photo], W, H, 6);
  short = await encodeClip(clip, 'short', true);
  long = await encodeClip(makeClip('pan', [photo], W, H, 90), 'long');
  tooLong = await encodeClip(makeClip('pan', [photo], W, H, 120), 'too-long');
  assert.deepEqual(
    [short, long, tooLong].map((f) => probeVideo(f).frames),
    [6, 90, 120],
  );
});

/**
 * Submits the short clip, waits, downloads and checks the mp4; returns the job. With the default
 * method (superpixel) the colours are checked against the truth; with `method` (a quicker one, for
 * the second service) only that the frames carry colour.
 */
async function roundTrip(base: string, method?: string): Promise<JobJson> {
  const res = await fetch(`${base}/v1/video/jobs`, {
    method: 'POST',
    body: clipForm(short, method ? { method } : {}),
  });
  const posted = (await res.json()) as JobJson;
  assert.equal(res.status, 202, JSON.stringify(posted));
  assert.equal(res.headers.get('location'), `/v1/jobs/${posted.id}`);
  assert.equal(posted.kind, 'video');
  assert.equal(posted.format, 'mp4');
  const done = await until(base, posted.id, (j) => j.status !== 'queued' && j.status !== 'running');
  assert.equal(done.status, 'done', JSON.stringify(done));
  assert.equal(done.width, W);
  assert.equal(done.height, H);
  const got = await fetch(`${base}/v1/jobs/${posted.id}/result`);
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('content-type'), 'video/mp4');
  const out = path.join(tmp, `result-${posted.id}.mp4`);
  writeFileSync(out, Buffer.from(await got.arrayBuffer()));
  const info = probeVideo(out); // ffprobe
  const src = probeVideo(short);
  assert.equal(info.codec, 'h264');
  assert.equal(info.width, W);
  assert.equal(info.height, H);
  assert.equal(info.frames, src.frames);
  assert.equal(info.frames, 6);
  assert.equal(info.hasAudio, true);
  // Colour where the truth has it: far closer to the truth's a*b* than a gray frame would be.
  for (const t of [0, 5]) {
    const e = chromaError(decodeFrame(out, t), truthFrame(clip, t));
    assert.ok(e.outChroma > 0.4 * e.truthChroma, `frame ${t} looks gray: ${JSON.stringify(e)}`);
    if (!method)
      assert.ok(
        e.err < 0.7 * e.truthChroma,
        `frame ${t} is far from the truth's colours: ${JSON.stringify(e)}`,
      );
  }
  return done;
}

describe('a clip as a job (colorize serve, in memory)', () => {
  let s: ServiceProcess;
  before(async () => {
    s = await serve('--max-video-frames', '100');
  });
  after(() => stop(s));

  test('submit, poll (frames done / total), download the mp4', async () => {
    const done = await roundTrip(s.base);
    assert.deepEqual({ done: done.frames?.done, total: done.frames?.total }, { done: 6, total: 6 });
    assert.ok((done.frames?.fps ?? 0) > 0);
  });

  test('bad uploads are refused with a 4xx naming the problem', async () => {
    const post = async (f: FormData) => {
      const res = await fetch(`${s.base}/v1/video/jobs`, { method: 'POST', body: f });
      return { status: res.status, body: (await res.json()) as { code: string; message: string } };
    };
    const withClip = (bytes: Uint8Array | Buffer, fields: Record<string, string> = {}) => {
      const f = new FormData();
      f.append('clip', file(bytes, 'application/octet-stream'), 'x');
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return f;
    };
    // A still image is no clip.
    const png = await encodeImage(truthFrame(clip, 0), 'png');
    let r = await post(withClip(png));
    assert.equal(r.status, 422);
    assert.match(r.body.message, /^clip: a still image \(png_pipe\), not a video/);
    // Text is no video.
    r = await post(withClip(Buffer.from('hello, this is not a film\n'.repeat(20))));
    assert.equal(r.status, 422);
    assert.match(r.body.message, /^clip: not a video ffmpeg can read/);
    // No clip at all.
    const noClip = new FormData();
    noClip.append('method', 'welsh');
    r = await post(noClip);
    assert.equal(r.status, 400);
    assert.match(r.body.message, /clip/);
    // More frames than this server takes (--max-video-frames 100).
    r = await post(withClip(readFileSync(tooLong)));
    assert.equal(r.status, 413);
    assert.match(r.body.message, /^clip: 120 frames is more than this server's limit of 100 frames/);
    // A method that needs a reference, without one.
    r = await post(withClip(readFileSync(short), { method: 'superpixel' }));
    assert.equal(r.status, 400);
    assert.match(r.body.message, /superpixel needs a colour reference/);
    // An option the method does not have.
    const f = clipForm(short, { method: 'welsh', nonsense: '3' });
    r = await post(f);
    assert.equal(r.status, 400);
    assert.match(r.body.message, /nonsense/);
    // Strokes that are not JSON; references naming a field that was not uploaded.
    r = await post(withClip(readFileSync(short), { strokes: '{"frame": 0, "strokes": [' }));
    assert.equal(r.status, 422);
    assert.match(r.body.message, /^strokes: not JSON/);
    r = await post(withClip(readFileSync(short), { references: '{"0": "ref2"}' }));
    assert.equal(r.status, 400);
    assert.match(
      r.body.message,
      /references: keyframe 0 names "ref2", which is no uploaded image file field/,
    );
    // A temporal setting out of range.
    r = await post(clipForm(short, { temporalWeight: '1.5' }));
    assert.equal(r.status, 400);
    assert.match(r.body.message, /temporalWeight/);
  });

  test('DELETE stops a running clip and removes its files', async () => {
    const res = await fetch(`${s.base}/v1/video/jobs`, {
      method: 'POST',
      body: clipForm(long, { method: 'welsh' }),
    });
    assert.equal(res.status, 202);
    const { id } = (await res.json()) as JobJson;
    const running = await until(s.base, id, (j) => (j.frames?.done ?? 0) >= 1 || j.status === 'done');
    assert.equal(running.status, 'running', 'the 90-frame clip ended before it could be stopped');
    assert.equal(running.frames?.total, 90);
    assert.match(running.stage, /^frame \d+\/90, [\d.]+ fps, ETA /);
    const del = await fetch(`${s.base}/v1/jobs/${id}`, { method: 'DELETE' });
    assert.equal(del.status, 204);
    const gone = await until(s.base, id, (j) => j.status !== 'running');
    assert.equal(gone.status, 'cancelled');
    assert.equal((await fetch(`${s.base}/v1/jobs/${id}/result`)).status, 409);
    // Nothing of the clip stays in the service's working folder.
    const leftover = () =>
      readdirSync(tmp)
        .filter((n) => n.startsWith('colorize-serve-'))
        .some((w) => existsSync(path.join(tmp, w, id)));
    for (let i = 0; i < 100 && leftover(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(leftover(), false, "the cancelled clip's folder is still there");
  });
});

describe('a clip as a job (colorize serve --redis)', { skip: REDIS_SKIP }, () => {
  let redis: RedisServer;
  let s: ServiceProcess;
  const jobsDir = path.join(tmp, 'jobs');
  before(async () => {
    redis = await startRedis();
    s = await serve('--redis', redis.url, '--jobs-dir', jobsDir);
  });
  after(async () => {
    await stop(s);
    await redis.stop();
  });

  test('submit, poll, download the mp4 from the queue', async () => {
    const done = await roundTrip(s.base, 'welsh');
    assert.ok(existsSync(path.join(jobsDir, done.id, 'result.mp4')));
  });
});
