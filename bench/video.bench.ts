/**
 * `colorize video` (issue 19): accuracy, flicker, speed and memory on clips with known colour
 * truth and known motion made at run time from ../shared/data/val (scripts/video-clips.ts: pan,
 * zoom, moving crop, a cut between two photos). The reference figure of every record is the same
 * method colouring every frame independently (temporal weight 0), measured in the same run.
 *
 * - accuracy: PSNR and SSIM of every frame against its truth;
 * - flicker: warping error between consecutive outputs with the TRUE motion, non-occluded pixels:
 *   Lai et al. 2018 eq. 10 (mean squared RGB difference) and the chroma part (mean a*b* distance,
 *   CIELAB units); the truth's own chroma warping error (resampling) is printed as the floor;
 * - speed: frames per second at 640×360, by wall clock and by this process's CPU time (the machine
 *   is shared: wall-clock figures are pessimistic under load);
 * - memory: peak RSS of a child process colouring a 1920×1080 clip.
 *
 *   npm run bench -- video                     (all parts; ~30–60 min on a loaded 2-core machine)
 *   VIDEO_BENCH_PARTS=flicker VIDEO_BENCH_METHODS=welsh npm run bench -- video
 * Environment: VIDEO_BENCH_PARTS (flicker,speed,memory), VIDEO_BENCH_METHODS (welsh,superpixel),
 * VIDEO_BENCH_FRAMES (48), VIDEO_BENCH_SIZE (320x180 for flicker), VIDEO_BENCH_CLIPS (pan,zoom,crop,cut).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Clip,
  type ClipKind,
  grayOf,
  makeClip,
  trueBackwardFlow,
  truthFrame,
} from '../scripts/video-clips.js';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { psnr } from '../src/metrics/psnr.js';
import { ssim } from '../src/metrics/ssim.js';
import { colorizeFrames, type Keyframe, type VideoOptions } from '../src/video/colorize-video.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round } from './util.js';
import { pairChromaWarpingError, pairWarpingError } from './video-metrics.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VAL = path.resolve(root, '../shared/data/val');
const env = (k: string, d: string) => process.env[k] ?? d;

export interface ClipRun {
  out: ImageF32[];
  seconds: number;
  cpuSeconds: number;
  reliable: number;
  cuts: number[];
}

/** Colours a clip's gray frames (made on the fly, one at a time) and keeps the outputs. */
export async function runClip(clip: Clip, options: VideoOptions, keep = true): Promise<ClipRun> {
  const out: ImageF32[] = [];
  async function* frames() {
    for (let t = 0; t < clip.cameras.length; t++) yield grayOf(truthFrame(clip, t));
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = await colorizeFrames(
    frames(),
    {
      has: () => false,
      read: async (i) => out[i],
      write: async (i, rgb) => {
        if (keep) out[i] = rgb;
      },
    },
    options,
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    out,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    reliable: stats.meanReliable,
    cuts: stats.cuts,
  };
}

/** PSNR, SSIM, both warping errors (true motion) of a run, and the truth's own chroma warping error. */
export function score(clip: Clip, run: ClipRun) {
  let p = 0;
  let s = 0;
  let ew = 0;
  let cw = 0;
  let tw = 0;
  let pairs = 0;
  let prevTruth: ImageF32 | null = null;
  for (let t = 0; t < run.out.length; t++) {
    const truth = truthFrame(clip, t);
    p += psnr(run.out[t], truth);
    s += ssim(run.out[t], truth);
    const f = t > 0 ? trueBackwardFlow(clip, t) : null;
    if (f && prevTruth) {
      ew += pairWarpingError(run.out[t], run.out[t - 1], f);
      cw += pairChromaWarpingError(run.out[t], run.out[t - 1], f);
      tw += pairChromaWarpingError(truth, prevTruth, f);
      pairs++;
    }
    prevTruth = truth;
  }
  const n = run.out.length;
  return { psnr: p / n, ssim: s / n, ewarp: ew / pairs, chromaWarp: cw / pairs, truthChromaWarp: tw / pairs };
}

async function photos(): Promise<ImageF32[]> {
  return [
    (await readImage(path.join(VAL, 'bsds500_100039.jpg'))).image,
    (await readImage(path.join(VAL, 'bsds500_100099.jpg'))).image,
  ];
}

function references(clip: Clip, ph: ImageF32[]): Keyframe<ImageF32>[] {
  // The photo each shot was filmed from, given at the shot's first frame (a keyframe per shot).
  return clip.cameras.flatMap((c, t) =>
    t === 0 || c.photo !== clip.cameras[t - 1].photo ? [{ frame: t, value: ph[c.photo] }] : [],
  );
}

/** Strokes on frame 0: short horizontal dashes in the truth's colours every 16 px. */
function firstFrameStrokes(clip: Clip): Keyframe<string>[] {
  const t0 = truthFrame(clip, 0);
  const { width: W, height: H } = clip;
  const strokes = [];
  for (let y = 8; y < H; y += 16)
    for (let x = 8; x < W - 12; x += 16) {
      const i = y * W + x + 3;
      const color = `#${t0.channels
        .map((c) =>
          Math.round(c[i] * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`;
      strokes.push({
        points: [
          [x, y],
          [x + 6, y],
        ],
        width: 3,
        color,
      });
    }
  return [{ frame: 0, value: JSON.stringify({ strokes }) }];
}

async function flicker(records: BenchRecord[]): Promise<void> {
  const ph = await photos();
  const frames = Number(env('VIDEO_BENCH_FRAMES', '48'));
  const [w, h] = env('VIDEO_BENCH_SIZE', '320x180').split('x').map(Number);
  const methods = env('VIDEO_BENCH_METHODS', 'welsh,superpixel').split(',');
  const kinds = env('VIDEO_BENCH_CLIPS', 'pan,zoom,crop,cut').split(',') as ClipKind[];
  for (const method of methods)
    for (const kind of kinds) {
      const clip = makeClip(kind, ph, w, h, frames);
      const refs = references(clip, ph);
      const per = await runClip(clip, { method, references: refs, temporalWeight: 0 });
      const sp = score(clip, per);
      const tem = await runClip(clip, { method, references: refs });
      const st = score(clip, tem);
      records.push({
        part: 'flicker',
        method,
        clip: `${kind} ${w}×${h}×${frames}`,
        cuts: tem.cuts.join(' '),
        psnrPerFrame: round(sp.psnr),
        psnrTemporal: round(st.psnr),
        ssimPerFrame: round(sp.ssim, 3),
        ssimTemporal: round(st.ssim, 3),
        chromaWarpPerFrame: round(sp.chromaWarp, 3),
        chromaWarpTemporal: round(st.chromaWarp, 3),
        chromaWarpRatio: round(st.chromaWarp / sp.chromaWarp, 3),
        chromaWarpTruth: round(sp.truthChromaWarp, 3),
        ewarpPerFrame: Number(sp.ewarp.toExponential(3)),
        ewarpTemporal: Number(st.ewarp.toExponential(3)),
        reliable: round(tem.reliable, 3),
        fpsPerFrame: round(frames / per.seconds),
        fpsTemporal: round(frames / tem.seconds),
      });
      console.log(records[records.length - 1]);
    }
}

async function speed(records: BenchRecord[]): Promise<void> {
  const ph = await photos();
  const frames = Number(env('VIDEO_BENCH_SPEED_FRAMES', '24'));
  const clip = makeClip('pan', ph, 640, 360, frames);
  const refs = references(clip, ph);
  const cases: [string, VideoOptions][] = [
    ['superpixel, per frame (reference)', { method: 'superpixel', references: refs, temporalWeight: 0 }],
    [
      'superpixel, temporal, method every 8th frame',
      { method: 'superpixel', references: refs, methodEvery: 8 },
    ],
    ['levin, strokes on frame 0, propagated', { method: 'levin', strokes: firstFrameStrokes(clip) }],
    ['welsh, temporal', { method: 'welsh', references: refs }],
  ];
  for (const [name, o] of cases) {
    const r = await runClip(clip, o);
    const s = score(clip, r);
    records.push({
      part: 'speed',
      case: name,
      clip: `pan 640×360×${frames}`,
      fpsWall: round(frames / r.seconds, 3),
      fpsCpu: round(frames / r.cpuSeconds, 3),
      psnr: round(s.psnr),
      chromaWarp: round(s.chromaWarp, 3),
      load1: round((await import('node:os')).loadavg()[0], 1),
    });
    console.log(records[records.length - 1]);
  }
}

async function memory(records: BenchRecord[]): Promise<void> {
  const frames = env('VIDEO_BENCH_RSS_FRAMES', '6');
  for (const method of ['superpixel', 'levin']) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench/video-rss.ts'), method, frames],
      { encoding: 'utf8', cwd: root },
    );
    const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`video-rss failed: ${r.stderr}`);
    records.push({ part: 'memory', ...(JSON.parse(line) as BenchRecord) });
    console.log(records[records.length - 1]);
  }
}

export default async function bench(): Promise<BenchRecord[]> {
  const parts = env('VIDEO_BENCH_PARTS', 'flicker,speed,memory').split(',');
  const records: BenchRecord[] = [];
  if (parts.includes('flicker')) await flicker(records);
  if (parts.includes('speed')) await speed(records);
  if (parts.includes('memory')) await memory(records);
  records.push({ part: 'process', peakRssMiB: round(peakRssMiB(), 0) });
  return records;
}

export { firstFrameStrokes, photos, references };
