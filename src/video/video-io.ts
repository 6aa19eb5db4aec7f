/**
 * Clips on disk for `colorize video`: a folder of frames (`frame_00000.png`, … in; the same names
 * out) or a video container (decoded through ffmpeg, the coloured frames kept as PNGs in
 * `<output>.frames/` so an interrupted run resumes, then encoded with the source's frame rate and
 * audio and that folder removed).
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ColorizeError, fsProblem } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { type ReadOptions, readImage, writeImage } from '../image/io.js';
import {
  checkVideoOptions,
  colorizeFrames,
  type FrameSink,
  type VideoEvents,
  type VideoOptions,
  type VideoStats,
} from './colorize-video.js';
import { decodeVideo, encodeFrames, probeVideo } from './ffmpeg.js';

/** Names of frame files: frame_<number>.png (any number of digits). */
export const FRAME_PATTERN = /^frame_(\d+)\.png$/i;

/** The frame files of `dir`, in frame-number order; an error when there are none. */
export async function listFrames(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    throw new ColorizeError(`${dir}: ${fsProblem(err)}`, 'input', dir);
  }
  const frames = names.filter((n) => FRAME_PATTERN.test(n));
  if (frames.length === 0)
    throw new ColorizeError(`${dir} holds no frames named frame_00000.png, frame_00001.png, …`, 'input', dir);
  const num = (n: string) => Number((FRAME_PATTERN.exec(n) as RegExpExecArray)[1]);
  return frames.sort((a, b) => num(a) - num(b));
}

/** Frames of a folder, read one at a time. */
export async function* readFrameFolder(
  dir: string,
  names: string[],
  read: ReadOptions = {},
): AsyncGenerator<ImageF32> {
  for (const n of names) yield (await readImage(path.join(dir, n), read)).image;
}

/** A sink writing frame i as `names[i]` in `dir` (atomically); frames already there count as done. */
export function folderSink(dir: string, names: (i: number) => string, overwrite = false): FrameSink {
  return {
    has: (i) => !overwrite && existsSync(path.join(dir, names(i))),
    read: async (i) => (await readImage(path.join(dir, names(i)))).image,
    write: (i, rgb) => writeImage(path.join(dir, names(i)), rgb),
  };
}

/** frame_00000.png … for frame index i. */
export function frameName(i: number): string {
  return `frame_${String(i).padStart(5, '0')}.png`;
}

export interface VideoJob extends VideoOptions {
  /** Redo frames already in the output. */
  overwrite?: boolean;
  read?: ReadOptions;
}

export interface VideoJobResult extends VideoStats {
  /** Container output: the codec it was encoded with. */
  codec?: string;
  kind: 'folder' | 'container';
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch (err) {
    throw new ColorizeError(`${p}: ${fsProblem(err)}`, 'input', p);
  }
}

/**
 * Colours a clip: `input` a folder of frames (output: a folder, same names) or a video file
 * (output: a video file, same frame rate, size and audio).
 */
export async function colorizeVideo(
  input: string,
  output: string,
  job: VideoJob,
  events: VideoEvents = {},
): Promise<VideoJobResult> {
  if (path.resolve(input) === path.resolve(output))
    throw new ColorizeError(`the output ${output} is the input; give another -o`, 'usage');
  checkVideoOptions(job);
  if (await isFolder(input)) {
    const names = await listFrames(input);
    await fs.mkdir(output, { recursive: true });
    const stats = await colorizeFrames(
      readFrameFolder(input, names, job.read),
      folderSink(output, (i) => names[i], job.overwrite),
      job,
      events,
      names.length,
    );
    return { ...stats, kind: 'folder' };
  }
  const info = probeVideo(input);
  if (existsSync(output) && (await fs.stat(output)).isDirectory())
    throw new ColorizeError(
      `${output} is a folder; a video input needs a video file as output (e.g. out.mp4)`,
      'usage',
    );
  const parts = `${output}.frames`;
  await fs.mkdir(parts, { recursive: true });
  const stats = await colorizeFrames(
    decodeVideo(input, info),
    folderSink(parts, frameName, job.overwrite),
    job,
    events,
    info.frames || undefined,
  );
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(
    dir,
    `.${path.basename(output, path.extname(output))}.tmp-${process.pid}${path.extname(output) || '.mp4'}`,
  );
  let codec: string;
  try {
    codec = await encodeFrames(parts, tmp, {
      frameRate: info.frameRate,
      audioFrom: info.hasAudio ? input : undefined,
    });
    await fs.rename(tmp, output);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fs.rm(parts, { recursive: true, force: true });
  return { ...stats, codec, kind: 'container' };
}
