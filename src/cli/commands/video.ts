/**
 * `colorize video IN -o OUT`: a clip (a folder of frame_NNNNN.png or a video file through ffmpeg)
 * coloured frame by frame by any catalogue method that takes a gray image with a reference, strokes
 * or nothing, kept consistent in time along the optical flow (src/video/). The method's own
 * options are given as `--set key=value`; which method runs by default follows the hint given
 * (the families' defaults), so this file names no method.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { readImage } from '../../image/io.js';
import '../../methods/builtin.js';
import type { ImageF32 } from '../../image/image.js';
import { familyDefault, getMethod } from '../../methods/catalogue/catalogue.js';
import { validateOptions } from '../../methods/catalogue/options.js';
import type { Keyframe } from '../../video/colorize-video.js';
import { VIDEO_DEFAULTS } from '../../video/colorize-video.js';
import { frameNumber, parseStrokeKeyframes } from '../../video/keyframes.js';
import { colorizeVideo } from '../../video/video-io.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

interface VideoFlags {
  output: string;
  method?: string;
  reference?: string;
  references?: string;
  strokes?: string;
  set: string[];
  temporal: boolean;
  temporalWeight: string;
  flowSize: string;
  cutThreshold: string;
  methodEvery: string;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ColorizeError(`${what} ${file}: ${(err as Error).message}`, 'input', file);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ColorizeError(`${what} ${file} is not JSON: ${(err as Error).message}`, 'input', file);
  }
}

function parseSet(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of list) {
    const i = s.indexOf('=');
    if (i <= 0) throw new ColorizeError(`--set ${s}: expected key=value (an option of the method)`, 'usage');
    out[s.slice(0, i)] = s.slice(i + 1);
  }
  return out;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function registerVideo(program: Command): void {
  program
    .command('video')
    .summary('colour a film clip (video file or folder of frames) consistently in time')
    .description(
      'Colours every frame of IN, a video file (decoded and encoded with ffmpeg: frame rate, size and ' +
        'audio kept, H.264 when available) or a folder of frame_00000.png, frame_00001.png, … (written ' +
        'under the same names in the folder -o). Each frame is coloured by a catalogue method (--method: ' +
        'by default the exemplar default with --reference/--references, the scribble default with ' +
        '--strokes, else the automatic default); its a*, b* are then pulled toward the previous result ' +
        'warped along the optical flow (Farnebäck) wherever the flow passes the forward–backward check, ' +
        'so colours do not flicker. Shots are found by luminance-histogram distance; no reference or ' +
        'propagation crosses a cut. Frames already in the output are not redone (a killed run resumes).\n\n' +
        'Strokes: the studio’s stroke JSON with the frame it was drawn on, {"frame": 0, "strokes": [...]}, ' +
        'or a list of those; between keyframes the warped colours act as strokes for the next frame.',
    )
    .argument('<in>', 'video file, or folder of frame_NNNNN.png')
    .requiredOption(
      '-o, --output <out>',
      'output video file (for a video input) or folder (for a folder of frames)',
    )
    .option(
      '--method <name>',
      'the per-frame method (any method taking a gray image with a reference, strokes or nothing)',
    )
    .option('--reference <image>', 'one colour reference for the whole clip')
    .option(
      '--references <json>',
      'references by keyframe: {"0": "a.png", "120": "b.png"} (paths relative to the JSON)',
    )
    .option('--strokes <json>', 'strokes on keyframes (the studio’s stroke JSON with "frame")')
    .option(
      '--set <key=value>',
      'an option of the method (repeatable), e.g. --set tau=0.02',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--no-temporal', 'colour every frame independently (no flow)')
    .option(
      '--temporal-weight <a>',
      'pull toward the warped previous result, 0–0.99',
      String(VIDEO_DEFAULTS.temporalWeight),
    )
    .option(
      '--flow-size <px>',
      'long side of the frames the flow is computed on',
      String(VIDEO_DEFAULTS.flowSize),
    )
    .option(
      '--cut-threshold <d>',
      'histogram distance (0–1) that makes a cut',
      String(VIDEO_DEFAULTS.cutThreshold),
    )
    .option(
      '--method-every <k>',
      'run the method on every k-th frame of a shot, carry colours along the flow between',
      String(VIDEO_DEFAULTS.methodEvery),
    )
    .action(async (input: string, flags: VideoFlags, cmd: Command) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions & VideoFlags;
      const read = readOptions(globals);
      const num = (name: string, v: string) => {
        const n = Number(v);
        if (!Number.isFinite(n))
          throw new ColorizeError(`option --${name} = ${v} is invalid: expected a number`, 'usage');
        return n;
      };
      const references: Keyframe<ImageF32>[] = [];
      if (flags.reference)
        references.push({ frame: 0, value: (await readImage(flags.reference, read)).image });
      if (flags.references) {
        const json = readJson(flags.references, '--references');
        if (!json || typeof json !== 'object' || Array.isArray(json))
          throw new ColorizeError(
            `--references ${flags.references}: expected {"frame": "image", …}`,
            'input',
          );
        for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
          const file = path.resolve(path.dirname(flags.references), String(v));
          references.push({
            frame: frameNumber(k, flags.references),
            value: (await readImage(file, read)).image,
          });
        }
      }
      const strokes = flags.strokes
        ? parseStrokeKeyframes(readJson(flags.strokes, '--strokes'), flags.strokes)
        : undefined;
      const family = strokes ? 'scribbles' : references.length ? 'exemplar' : 'automatic';
      const method = flags.method ? getMethod(flags.method) : familyDefault(family);
      if (!method) throw new ColorizeError(`no ${family} method is registered`, 'internal');
      const methodOptions = validateOptions(method, parseSet(flags.set));
      const tty = process.stderr.isTTY;
      let lastLine = 0;
      const result = await colorizeVideo(
        input,
        flags.output,
        {
          method: method.name,
          methodOptions,
          references: references.length ? references : undefined,
          strokes,
          temporalWeight: flags.temporal ? num('temporal-weight', flags.temporalWeight) : 0,
          flowSize: num('flow-size', flags.flowSize),
          cutThreshold: num('cut-threshold', flags.cutThreshold),
          methodEvery: num('method-every', flags.methodEvery),
          overwrite: globals.overwrite,
          read,
        },
        {
          notice: (t) => process.stderr.write(`colorize: ${t}\n`),
          progress: (done, total, fps) => {
            const eta = total && fps > 0 ? clock((total - done) / fps) : '?';
            const line = `video: frame ${done}${total ? `/${total}` : ''}, ${fps.toFixed(2)} fps, ETA ${eta}`;
            if (tty) process.stderr.write(`\r${line}\u001b[K`);
            else if (done - lastLine >= 10 || done === total) {
              process.stderr.write(`${line}\n`);
              lastLine = done;
            }
          },
        },
      );
      if (tty) process.stderr.write('\n');
      const shots = result.cuts.length;
      process.stderr.write(
        `${method.name}: ${result.coloured} frames coloured${result.skipped ? `, ${result.skipped} already done` : ''}, ` +
          `${shots} shot${shots === 1 ? '' : 's'}, ${(result.coloured / Math.max(result.seconds, 1e-6)).toFixed(2)} fps, ` +
          `flow reliable on ${(100 * result.meanReliable).toFixed(0)} % of pixels; wrote ${flags.output}` +
          `${result.codec ? ` (${result.codec})` : ''}\n`,
      );
    });
}
