/**
 * A clip as a job of the service (issue 19): from a multipart request of POST /v1/video/jobs to a
 * checked {@link VideoTask} (the clip probed by ffprobe for being a video, its size and its frame
 * count before anything is queued; the hints and the per-frame method's options checked as the
 * command line checks them), and from that task to the files of a queued job (both job stores run
 * a clip as a queue run, in the worker pool, as `colorize worker` would).
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { familyDefault, getMethod } from '../methods/catalogue/catalogue.js';
import { validateOptions } from '../methods/catalogue/options.js';
import type { MethodDeclaration } from '../methods/catalogue/types.js';
import type { QueueJobData } from '../queue/jobs.js';
import { checkVideoOptions, type Keyframe } from '../video/colorize-video.js';
import { isStillImage, probeVideoAsync } from '../video/ffmpeg.js';
import { frameNumber, parseStrokeKeyframes } from '../video/keyframes.js';
import type { VideoSettings } from '../video/video-job.js';
import type { VideoTask } from './job-protocol.js';
import { probeImage, type Upload } from './request.js';
import { TaskError } from './worker-pool.js';

/** Form fields of a clip job that are not options of the per-frame method. */
export const VIDEO_FIELDS = [
  'clip',
  'method',
  'reference',
  'references',
  'strokes',
  'temporal',
  'temporalWeight',
  'methodEvery',
  'flowSize',
  'cutThreshold',
] as const;

export interface VideoLimits {
  /** Largest frame in pixels. */
  maxPixels: number;
  /** Most frames a clip may have. */
  maxFrames: number;
  /** Time limit of a clip job in ms. */
  timeoutMs: number;
  /** Where the clip is written for a moment to be probed. */
  workDir: string;
}

const bad = (message: string) => new TaskError(message, 400, 'bad-request');
const unprocessable = (message: string) => new TaskError(message, 422, 'unprocessable-input');

function textOf(upload: Upload, name: string): string | undefined {
  const f = upload.files[name];
  if (f) return f.toString('utf8');
  const v = upload.fields[name];
  return v === undefined ? undefined : String(v);
}

function json(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw unprocessable(`${name}: not JSON (${(err as Error).message})`);
  }
}

function number(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : String(v).trim() === '' ? Number.NaN : Number(v);
  if (!Number.isFinite(n)) throw bad(`field "${name}" = ${JSON.stringify(v)} is invalid: expected a number`);
  return n;
}

/** ffprobe's view of the uploaded clip, as 4xx answers naming the field. */
async function probeClip(data: Buffer, limits: VideoLimits) {
  const file = path.join(limits.workDir, `probe-${randomUUID()}`);
  await fs.writeFile(file, data);
  let info: Awaited<ReturnType<typeof probeVideoAsync>>;
  try {
    info = await probeVideoAsync(file);
  } catch (err) {
    const msg = err instanceof ColorizeError ? err.message.split(file).join('clip') : String(err);
    if (/was not found/.test(msg))
      throw new TaskError(`this server cannot read videos: ${msg}`, 501, 'no-ffmpeg');
    throw unprocessable(
      `clip: not a video ffmpeg can read (${msg.replace(/^cannot read clip as a video: /, '')}); send a video file (mp4, mov, mkv, webm, avi, …)`,
    );
  } finally {
    await fs.rm(file, { force: true });
  }
  if (isStillImage(info))
    throw unprocessable(
      `clip: a still image (${info.container}), not a video; send a video file (mp4, mov, mkv, webm, avi, …), or colour the image with POST /v1/jobs`,
    );
  const px = info.width * info.height;
  if (px > limits.maxPixels)
    throw new TaskError(
      `clip: its frames are ${info.width}×${info.height} = ${(px / 1e6).toFixed(1)} MP, more than this server's limit of ${(limits.maxPixels / 1e6).toFixed(1)} MP per frame`,
      413,
      'too-many-pixels',
    );
  if (info.frames > limits.maxFrames)
    throw new TaskError(
      `clip: ${info.frames} frames is more than this server's limit of ${limits.maxFrames} frames per clip`,
      413,
      'too-many-frames',
    );
  return info;
}

/**
 * Checks a clip job's request and builds its task: 400 for a field that is missing, unknown or
 * invalid; 404 for an unknown method; 422 for a clip that is no video or hints that cannot be
 * read; 413 past the frame-size and frame-count limits; 501 when the server has no ffmpeg.
 *
 * @example
 * ```ts
 * // in a route: const task = await buildVideoTask(uploadOf(req.body, files), { maxPixels: 25e6, maxFrames: 10000, timeoutMs: 3.6e6, workDir });
 * ```
 */
export async function buildVideoTask(upload: Upload, limits: VideoLimits): Promise<VideoTask> {
  const clip = upload.files.clip;
  if (!clip) {
    if (upload.fields.clip !== undefined) throw bad('clip: expected a video file upload, got a text field');
    throw bad('missing file "clip": the video to colour (multipart file field "clip")');
  }
  // Stroke keyframes: a text field or a file.
  let strokes: Keyframe<string>[] | undefined;
  const strokesText = textOf(upload, 'strokes');
  if (strokesText !== undefined) {
    try {
      strokes = parseStrokeKeyframes(json('strokes', strokesText), 'strokes');
    } catch (err) {
      if (err instanceof TaskError) throw err;
      throw unprocessable((err as Error).message);
    }
    if (strokes.length === 0) throw unprocessable('strokes: the list of keyframes is empty');
  }
  // References: "reference" for the whole clip (frame 0), or "references" = {"frame": "field"}.
  const refs: { frame: number; name: string }[] = [];
  const refsText = textOf(upload, 'references');
  if (refsText !== undefined) {
    const map = json('references', refsText);
    if (!map || typeof map !== 'object' || Array.isArray(map))
      throw unprocessable(
        'references: expected {"frame": "file field", …}, e.g. {"0": "reference", "120": "ref2"}',
      );
    for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
      let frame: number;
      try {
        frame = frameNumber(k, 'references');
      } catch (err) {
        throw unprocessable((err as Error).message);
      }
      const name = String(v);
      if (!upload.files[name] || name === 'clip' || name === 'strokes' || name === 'references')
        throw bad(`references: keyframe ${frame} names "${name}", which is no uploaded image file field`);
      refs.push({ frame, name });
    }
  }
  if (upload.files.reference && !refs.some((r) => r.name === 'reference'))
    refs.push({ frame: 0, name: 'reference' });
  if (upload.fields.reference !== undefined)
    throw bad('reference: expected an image file upload, got a text field');
  for (const k of Object.keys(upload.files))
    if (k !== 'clip' && k !== 'strokes' && k !== 'references' && !refs.some((r) => r.name === k))
      throw bad(
        `file field "${k}" is not used: a clip job takes "clip", "reference", "strokes", "references" and the images "references" names`,
      );
  if (strokes && refs.length) throw bad('give strokes or references, not both (one kind of hint per clip)');

  // The per-frame method: given, else the family default for the hint (as `colorize video`).
  const family = strokes ? 'scribbles' : refs.length ? 'exemplar' : 'automatic';
  let method: MethodDeclaration;
  try {
    const m =
      upload.fields.method !== undefined ? getMethod(String(upload.fields.method)) : familyDefault(family);
    if (!m) throw new ColorizeError(`no ${family} method is registered`, 'internal');
    method = { ...m, options: m.options.filter((o) => !o.cliOnly) };
  } catch (err) {
    throw new TaskError((err as Error).message, 404, 'unknown-method');
  }
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(upload.fields))
    if (!(VIDEO_FIELDS as readonly string[]).includes(k)) raw[k] = v;
  let options: Record<string, unknown>;
  try {
    options = validateOptions(method, raw);
  } catch (err) {
    throw bad(
      `${(err as Error).message} (the fields of a clip job: ${VIDEO_FIELDS.join(', ')} and the options of the method)`,
    );
  }
  const temporal = upload.fields.temporal;
  if (temporal !== undefined && !['true', 'false', true, false].includes(temporal as string))
    throw bad(`field "temporal" = ${JSON.stringify(temporal)} is invalid: expected true or false`);
  const settings: VideoSettings = {};
  const tw =
    temporal === false || temporal === 'false' ? 0 : number('temporalWeight', upload.fields.temporalWeight);
  if (tw !== undefined) settings.temporalWeight = tw;
  const every = number('methodEvery', upload.fields.methodEvery);
  if (every !== undefined) settings.methodEvery = every;
  const flow = number('flowSize', upload.fields.flowSize);
  if (flow !== undefined) settings.flowSize = flow;
  const cut = number('cutThreshold', upload.fields.cutThreshold);
  if (cut !== undefined) settings.cutThreshold = cut;
  try {
    // Ranges and the hint the method needs, as the command line checks them (no image is read here).
    checkVideoOptions({
      method: method.name,
      ...settings,
      references: refs.map((r) => ({ frame: r.frame, value: null as unknown as ImageF32 })),
      strokes,
    });
  } catch (err) {
    throw bad((err as Error).message.replace(/--reference \(or --references\)/, 'a "reference" file'));
  }
  for (const r of refs) await probeImage(r.name, upload.files[r.name], limits.maxPixels);
  await probeClip(clip, limits);
  const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return {
    method: method.name,
    options,
    clip: bytes(clip),
    references: refs.map((r) => ({ ...r, data: bytes(upload.files[r.name]) })),
    ...(strokes
      ? { strokes: JSON.stringify(strokes.map((k) => ({ frame: k.frame, ...JSON.parse(k.value) }))) }
      : {}),
    settings,
    maxPixels: limits.maxPixels,
    timeoutMs: limits.timeoutMs,
  };
}

/**
 * Writes a clip task's files into `dir` (made here: the clip, the references, the strokes) and
 * gives the queued job that runs it; its output is `dir/result.mp4`.
 */
export async function writeVideoJob(task: VideoTask, dir: string): Promise<QueueJobData> {
  await fs.mkdir(dir, { recursive: true });
  const clip = path.join(dir, 'clip');
  await fs.writeFile(clip, task.clip);
  const references: { frame: number; name: string; file: string }[] = [];
  for (const [i, r] of task.references.entries()) {
    const file = path.join(dir, `reference-${i}`);
    await fs.writeFile(file, r.data);
    references.push({ frame: r.frame, name: r.name, file });
  }
  let strokes: string | undefined;
  if (task.strokes !== undefined) {
    strokes = path.join(dir, 'strokes.json');
    await fs.writeFile(strokes, task.strokes);
  }
  return {
    v: 1,
    method: task.method,
    options: task.options,
    inputs: {},
    output: path.join(dir, 'result.mp4'),
    read: { maxPixels: task.maxPixels },
    video: {
      clip,
      ...(references.length ? { references } : {}),
      ...(strokes ? { strokes } : {}),
      settings: task.settings,
      timeoutMs: task.timeoutMs,
    },
  };
}
