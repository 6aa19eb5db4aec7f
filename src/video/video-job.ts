/**
 * A clip as a job (issue 19, the HTTP service's `POST /v1/video/jobs`): what a queued job carries
 * besides the per-frame method and its options (`QueueJobData.video`: the clip, the reference
 * images by keyframe, the stroke keyframes, the temporal settings; all files in the job's folder),
 * and the run of such a job in a worker process: `colorizeVideo` from the clip file to the output
 * video file, progress as frames done / total with the frame rate.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError, fsProblem } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { type ReadOptions, readImage } from '../image/io.js';
import type { Keyframe } from './colorize-video.js';
import { probeVideo } from './ffmpeg.js';
import { parseStrokeKeyframes } from './keyframes.js';
import { colorizeVideo } from './video-io.js';

/** The temporal settings a clip job may set (see `VideoOptions`; absent: the defaults). */
export interface VideoSettings {
  temporalWeight?: number;
  methodEvery?: number;
  flowSize?: number;
  cutThreshold?: number;
}

/** The clip part of a queued job: paths inside the job's own folder. */
export interface VideoJobSpec {
  /** The uploaded clip (any container ffmpeg reads). */
  clip: string;
  /** Colour references by keyframe, with the name of the form field each came in (for errors). */
  references?: { frame: number; name: string; file: string }[];
  /** A file holding the stroke keyframes (a list of the studio's stroke JSON with "frame"). */
  strokes?: string;
  settings: VideoSettings;
  /** Time limit of the job in ms (clips take longer than images); the worker pool enforces it. */
  timeoutMs?: number;
}

/** Frames done (skipped ones of a resumed run included), the clip's total when known, coloured frames per second. */
export interface FrameProgress {
  done: number;
  total?: number;
  fps: number;
}

/** What a clip job's run gives back (as `QueueJobRun`). */
export interface VideoJobRun {
  seconds: number;
  summary: string;
  width: number;
  height: number;
  notices: string[];
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The progress line of a clip: `frame 12/48, 3.10 fps, ETA 0:12`.
 *
 * @example
 * ```ts
 * import { frameStage } from 'colorize-toolkit/internals';
 * console.log(frameStage({ done: 12, total: 48, fps: 3.1 })); // frame 12/48, 3.10 fps, ETA 0:12
 * ```
 */
export function frameStage(p: FrameProgress): string {
  const eta = p.total && p.fps > 0 ? clock((p.total - p.done) / p.fps) : '?';
  return `frame ${p.done}${p.total ? `/${p.total}` : ''}, ${p.fps.toFixed(2)} fps, ETA ${eta}`;
}

/** An error about a file of the job's folder, told with the form field it came from. */
function named(err: unknown, file: string, name: string): unknown {
  if (err instanceof ColorizeError)
    return new ColorizeError(err.message.split(file).join(name), err.kind, undefined);
  return err;
}

/**
 * Runs a clip job: colours `spec.clip` with `method` into `output` (a video file), reporting
 * progress through `progress(fraction, stage, frames)`. Errors name the form field (`clip: …`,
 * `reference: …`), never a path of the job's folder.
 */
export async function runVideoJob(
  spec: VideoJobSpec,
  method: string,
  options: Record<string, unknown>,
  output: string,
  read: ReadOptions,
  progress?: (fraction: number, stage?: string, frames?: FrameProgress) => void,
): Promise<VideoJobRun> {
  const t0 = performance.now();
  const references: Keyframe<ImageF32>[] = [];
  for (const r of spec.references ?? []) {
    let d: Awaited<ReturnType<typeof readImage>>;
    try {
      d = await readImage(r.file, read);
    } catch (err) {
      throw named(err, r.file, r.name);
    }
    if (d.isGray)
      throw new ColorizeError(
        `${r.name}: the reference is gray, so it has no colours to use; give a colour photo`,
        'input',
      );
    references.push({ frame: r.frame, value: d.image });
  }
  let strokes: Keyframe<string>[] | undefined;
  if (spec.strokes) {
    let text: string;
    try {
      text = await fs.readFile(spec.strokes, 'utf8');
    } catch (err) {
      throw new ColorizeError(`strokes: cannot read: ${fsProblem(err)}`, 'io');
    }
    strokes = parseStrokeKeyframes(JSON.parse(text), 'strokes');
  }
  let info: ReturnType<typeof probeVideo>;
  try {
    info = probeVideo(spec.clip);
  } catch (err) {
    throw named(err, spec.clip, 'clip');
  }
  const notices: string[] = [];
  progress?.(0.01, 'starting');
  let result: Awaited<ReturnType<typeof colorizeVideo>>;
  try {
    result = await colorizeVideo(
      spec.clip,
      output,
      {
        method,
        methodOptions: options,
        references: references.length ? references : undefined,
        strokes,
        ...spec.settings,
        read,
      },
      {
        notice: (t) => notices.push(t),
        progress: (done, total, fps) => {
          const frames: FrameProgress = { done, ...(total ? { total } : {}), fps };
          const fraction = total ? Math.min(0.97, (0.97 * done) / total) : 0.5;
          progress?.(fraction, total && done >= total ? 'encoding' : frameStage(frames), frames);
        },
      },
    );
  } catch (err) {
    throw named(named(err, `${output}.frames`, 'the frames'), spec.clip, 'clip');
  }
  const summary =
    `${result.coloured} frames coloured by ${method}, ${result.cuts.length} shot${result.cuts.length === 1 ? '' : 's'}, ` +
    `${(result.coloured / Math.max(result.seconds, 1e-6)).toFixed(2)} fps, flow reliable on ` +
    `${(100 * result.meanReliable).toFixed(0)} % of pixels (${result.codec ?? path.extname(output)})`;
  return {
    seconds: (performance.now() - t0) / 1000,
    summary,
    width: info.width,
    height: info.height,
    notices,
  };
}
