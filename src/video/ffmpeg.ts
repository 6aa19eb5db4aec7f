/**
 * Video containers through Debian's ffmpeg/ffprobe (installed by scripts/setup-ffmpeg.sh and CI):
 * probing, decoding to raw RGB frames through a pipe (one frame in memory at a time; the pipe's
 * back-pressure holds ffmpeg), and encoding a folder of PNG frames back into a container with the
 * source's frame rate, size and audio (copied), H.264 when the encoder is there.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { ColorizeError } from '../errors.js';
import { fromPlanes, type ImageF32 } from '../image/image.js';

export interface VideoInfo {
  width: number;
  height: number;
  /** Frame rate as ffmpeg gives it, e.g. "25/1" or "30000/1001". */
  frameRate: string;
  /** Frames per second as a number. */
  fps: number;
  /** Number of frames (from the stream header, else estimated from the duration; 0 when unknown). */
  frames: number;
  /** Codec name of the video stream, e.g. "h264". */
  codec: string;
  hasAudio: boolean;
  /** ffprobe's format name(s) of the container, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "png_pipe". */
  container: string;
}

const INSTALL_HINT = 'install it with `bash scripts/setup-ffmpeg.sh` (Debian: apt-get install -y ffmpeg)';

/** Throws a clear error when ffmpeg or ffprobe is not on the PATH. */
export function requireFfmpeg(): void {
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const r = spawnSync(tool, ['-version'], { stdio: 'ignore' });
    if (r.error || r.status !== 0)
      throw new ColorizeError(`${tool} was not found: video files need it; ${INSTALL_HINT}`, 'input');
  }
}

/** True when ffmpeg offers the libx264 encoder. */
export function hasH264Encoder(): boolean {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' });
  return !r.error && /\blibx264\b/.test(r.stdout ?? '');
}

function parseRate(rate: string): number {
  const [a, b] = rate.split('/').map(Number);
  return b ? a / b : a;
}

const PROBE_ARGS = ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format'];

/** Stream facts of a video file (ffprobe). */
export function probeVideo(file: string): VideoInfo {
  requireFfmpeg();
  const r = spawnSync('ffprobe', [...PROBE_ARGS, file], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return parseProbe(file, r.status, r.stdout, r.stderr);
}

/**
 * As {@link probeVideo}, without blocking the event loop (the HTTP service checks uploads with
 * it); a missing ffprobe is the same clear error.
 */
export function probeVideoAsync(file: string): Promise<VideoInfo> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffprobe', [...PROBE_ARGS, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-4000);
    });
    child.on('error', () =>
      reject(new ColorizeError(`ffprobe was not found: video files need it; ${INSTALL_HINT}`, 'input')),
    );
    child.on('close', (code) => {
      try {
        resolve(parseProbe(file, code, out, err));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function parseProbe(file: string, status: number | null, stdout: string, stderr: string): VideoInfo {
  if (status !== 0)
    throw new ColorizeError(
      `cannot read ${file} as a video: ${(stderr || '').trim().split('\n').pop() || 'ffprobe failed'}`,
      'input',
    );
  const j = JSON.parse(stdout) as {
    streams: {
      codec_type: string;
      codec_name: string;
      width?: number;
      height?: number;
      r_frame_rate?: string;
      avg_frame_rate?: string;
      nb_frames?: string;
      duration?: string;
    }[];
    format?: { duration?: string; format_name?: string };
  };
  const v = j.streams.find((s) => s.codec_type === 'video');
  if (!v?.width || !v.height) throw new ColorizeError(`${file} has no video stream`, 'input');
  const frameRate =
    v.avg_frame_rate && v.avg_frame_rate !== '0/0' ? v.avg_frame_rate : (v.r_frame_rate ?? '25/1');
  const fps = parseRate(frameRate);
  const duration = Number(v.duration ?? j.format?.duration ?? 0);
  const frames = Number(v.nb_frames ?? 0) || Math.round(duration * fps) || 0;
  return {
    width: v.width,
    height: v.height,
    frameRate,
    fps,
    frames,
    codec: v.codec_name,
    hasAudio: j.streams.some((s) => s.codec_type === 'audio'),
    container: j.format?.format_name ?? '',
  };
}

/**
 * True for what ffmpeg reads as a single still picture (PNG, JPEG, WebP, TIFF, BMP …: its
 * "image2"/"*_pipe" demuxers), which is no clip to colour frame by frame.
 *
 * @example
 * ```ts
 * import { isStillImage } from 'colorize-toolkit/internals';
 * console.log(isStillImage({ container: 'png_pipe' }), isStillImage({ container: 'mov,mp4,m4a,3gp,3g2,mj2' })); // true false
 * ```
 */
export function isStillImage(info: Pick<VideoInfo, 'container'>): boolean {
  return /(^|,)(image2|[a-z0-9]+_pipe)(,|$)/.test(info.container);
}

/**
 * Decodes `file` frame by frame as sRGB planes in [0, 1]. Only one frame is held here; ffmpeg
 * waits on the pipe while the caller works.
 */
export async function* decodeVideo(
  file: string,
  info: VideoInfo = probeVideo(file),
): AsyncGenerator<ImageF32> {
  const { width, height } = info;
  const frameBytes = width * height * 3;
  const child: ChildProcessWithoutNullStreams = spawn(
    'ffmpeg',
    ['-v', 'error', '-nostdin', '-i', file, '-map', '0:v:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const buf = Buffer.alloc(frameBytes);
  let fill = 0;
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let off = 0;
      while (off < chunk.length) {
        const n = Math.min(chunk.length - off, frameBytes - fill);
        chunk.copy(buf, fill, off, off + n);
        fill += n;
        off += n;
        if (fill === frameBytes) {
          fill = 0;
          yield rgb24ToImage(buf, width, height);
        }
      }
    }
    finished = true;
  } finally {
    if (!finished) child.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0) throw new ColorizeError(`ffmpeg could not decode ${file}: ${stderr.trim()}`, 'input');
}

function rgb24ToImage(buf: Buffer, width: number, height: number): ImageF32 {
  const n = width * height;
  const r = new Float32Array(n);
  const g = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    r[i] = buf[j] / 255;
    g[i] = buf[j + 1] / 255;
    b[i] = buf[j + 2] / 255;
  }
  return fromPlanes(width, height, [r, g, b]);
}

export interface EncodeOptions {
  /** Frame rate of the output, ffmpeg syntax ("25/1"). */
  frameRate: string;
  /** File whose audio streams are copied into the output (the source clip), when it has any. */
  audioFrom?: string;
  /** H.264 constant rate factor (default 18: visually lossless). */
  crf?: number;
}

/**
 * Encodes `folder/frame_%05d.png` (numbered from 0) into `out`: H.264 (yuv420p) when libx264 is
 * there, else MPEG-4 part 2; audio copied from `audioFrom` (`-map 1:a? -c:a copy`). Returns the codec used.
 */
export async function encodeFrames(folder: string, out: string, options: EncodeOptions): Promise<string> {
  requireFfmpeg();
  const h264 = hasH264Encoder();
  const args = [
    '-y',
    '-v',
    'error',
    '-nostdin',
    '-framerate',
    options.frameRate,
    '-i',
    `${folder}/frame_%05d.png`,
  ];
  if (options.audioFrom) args.push('-i', options.audioFrom, '-map', '0:v:0', '-map', '1:a?', '-c:a', 'copy');
  args.push(
    ...(h264
      ? ['-c:v', 'libx264', '-crf', String(options.crf ?? 18), '-preset', 'medium']
      : ['-c:v', 'mpeg4', '-q:v', '2']),
    '-pix_fmt',
    'yuv420p',
    '-r',
    options.frameRate,
    '-shortest',
    out,
  );
  await runFfmpeg(args, `could not encode ${out}`);
  return h264 ? 'h264' : 'mpeg4';
}

/** Runs ffmpeg to completion; a failure becomes a ColorizeError with ffmpeg's last words. */
export function runFfmpeg(args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.on('error', (e) => reject(new ColorizeError(`${what}: ${e.message}; ${INSTALL_HINT}`, 'input')));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new ColorizeError(`${what}: ffmpeg: ${stderr.trim()}`, 'input')),
    );
  });
}
