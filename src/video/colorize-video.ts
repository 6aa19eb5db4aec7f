/**
 * Colouring a clip (issue 19): frames stream in one at a time; each is coloured by a catalogue
 * method (exemplar with a reference, scribbles with strokes on keyframes, or automatic), its chroma
 * pulled toward the previous result warped along the optical flow where the flow is reliable, and
 * the result written under the frame's own name. Shots are cut by luminance-histogram distance;
 * neither a reference choice nor the propagation crosses a cut. Frames already in the output are
 * not redone (the last of them is read back to continue the chain). Memory holds two frames.
 */
import { rgbImageToLab } from '../color/lab.js';
import { colorize } from '../colorize.js';
import { ColorizeError, checkInteger, checkNumber } from '../errors.js';
import { finish } from '../finish/finish.js';
import type { FarnebackOptions } from '../flow/farneback.js';
import { warpPlanes } from '../flow/warp.js';
import { createImage, fromPlanes, type ImageF32 } from '../image/image.js';
import { resizePlane } from '../image/resize.js';
import { getMethod } from '../methods/catalogue/catalogue.js';
import type { MethodDeclaration } from '../methods/catalogue/types.js';
import {
  backwardFlow,
  frameGray,
  histogramDistance,
  lumaHistogram,
  type SmallFrame,
  smallFrame,
  temporalBlend,
} from './temporal.js';

/** A hint given on a keyframe: a colour reference image, or strokes (the studio's stroke JSON). */
export interface Keyframe<T> {
  frame: number;
  value: T;
}

export interface VideoOptions {
  /** Catalogue method colouring each frame. */
  method: string;
  /** Its options (validated by the method). */
  methodOptions?: Record<string, unknown>;
  /** Reference images by keyframe (a frame uses the latest keyframe's at or before it, else the first). */
  references?: Keyframe<ImageF32>[];
  /** Stroke JSON texts by keyframe (scribble methods). */
  strokes?: Keyframe<string>[];
  /** Pull toward the warped previous result, α in [0, 1) (0: frames coloured independently). Default 0.85. */
  temporalWeight?: number;
  /** Long side of the frames the flow is computed on (default 320). */
  flowSize?: number;
  /**
   * Histogram distance above which two consecutive frames are a cut (default 0.3); half of it is
   * enough when it is also 6× the median of the shot's last 8 distances (a cut between two photos of
   * similar tones).
   */
  cutThreshold?: number;
  /** Largest gray difference after warping for a reliable pixel (default 0.06). */
  photoTolerance?: number;
  /** Run the method on every k-th frame of a shot only; between, the previous result is carried along the flow (default 1). */
  methodEvery?: number;
  farneback?: FarnebackOptions;
}

export const VIDEO_DEFAULTS = {
  temporalWeight: 0.85,
  flowSize: 320,
  cutThreshold: 0.3,
  photoTolerance: 0.06,
  methodEvery: 1,
};

/** Where results go: one image per frame index, already-finished frames known. */
export interface FrameSink {
  has(index: number): boolean | Promise<boolean>;
  read(index: number): Promise<ImageF32>;
  write(index: number, rgb: ImageF32): Promise<void>;
}

export interface VideoEvents {
  /** After each frame: frames done (including skipped), total when known, frames per second of coloured frames. */
  progress?(done: number, total: number | undefined, fps: number): void;
  notice?(text: string): void;
}

export interface VideoStats {
  frames: number;
  coloured: number;
  skipped: number;
  /** First frame of each shot. */
  cuts: number[];
  /** Mean fraction of pixels whose flow was reliable (frames after the first of a shot). */
  meanReliable: number;
  seconds: number;
}

type Kind = 'reference' | 'strokes' | 'automatic';

function methodKind(m: MethodDeclaration): Kind {
  const names = m.inputs.map((i) => i.name);
  if (names.includes('reference')) return 'reference';
  if (names.includes('strokes') || names.includes('mask')) return 'strokes';
  return 'automatic';
}

function latest<T>(list: Keyframe<T>[] | undefined, frame: number): Keyframe<T> | undefined {
  if (!list?.length) return undefined;
  let best: Keyframe<T> | undefined;
  for (const k of list) if (k.frame <= frame && (!best || k.frame > best.frame)) best = k;
  return best;
}

interface Previous {
  index: number;
  small: SmallFrame;
  /** a*, b* of the previous result; 'finished': in the output, read back when needed; 'none': left gray. */
  ab: Float32Array[] | 'finished' | 'none';
  /** a*, b* of the method's own last output, carried along (methodEvery > 1). */
  own: Float32Array[] | null;
  shot: number;
  hist: Float64Array;
}

/**
 * The cut rule: d above the threshold, or above half of it and 6× the median of the shot's recent
 * distances.
 *
 * @example
 * ```ts
 * import { isCut } from 'colorize-toolkit/internals';
 * console.log(isCut(0.4, [], 0.3), isCut(0.2, [0.03, 0.02, 0.03], 0.3), isCut(0.2, [0.1, 0.1], 0.3)); // true true false
 * ```
 */
export function isCut(d: number, recent: number[], threshold: number): boolean {
  if (d > threshold) return true;
  if (d <= threshold / 2 || recent.length < 2) return false;
  const sorted = [...recent].sort((a, b) => a - b);
  return d > 6 * sorted[sorted.length >> 1];
}

function abOf(rgb: ImageF32): Float32Array[] {
  const lab = rgbImageToLab(rgb);
  return [lab.channels[1], lab.channels[2]];
}

/**
 * The checked settings of a run (method, its kind of hint, and the temporal parameters); throws a
 * usage error naming the problem before any frame is read or written.
 */
export function checkVideoOptions(options: VideoOptions) {
  const method = getMethod(options.method);
  const kind = methodKind(method);
  const alpha = checkNumber(
    'temporal-weight',
    options.temporalWeight ?? VIDEO_DEFAULTS.temporalWeight,
    0,
    0.99,
  );
  const flowSize = checkInteger('flow-size', options.flowSize ?? VIDEO_DEFAULTS.flowSize, 32, 4096);
  const cutThreshold = checkNumber(
    'cut-threshold',
    options.cutThreshold ?? VIDEO_DEFAULTS.cutThreshold,
    0,
    1,
  );
  const photoTolerance = checkNumber(
    'photo-tolerance',
    options.photoTolerance ?? VIDEO_DEFAULTS.photoTolerance,
    0,
    1,
  );
  const every = checkInteger('method-every', options.methodEvery ?? VIDEO_DEFAULTS.methodEvery, 1, 1000);
  if (kind === 'reference' && !options.references?.length)
    throw new ColorizeError(
      `${method.name} needs a colour reference: give --reference (or --references)`,
      'usage',
    );
  if (kind === 'strokes' && !options.strokes?.length)
    throw new ColorizeError(`${method.name} needs strokes: give --strokes with keyframe strokes`, 'usage');
  return { method, kind, alpha, flowSize, cutThreshold, photoTolerance, every };
}

/**
 * Colours a stream of frames into `sink`.
 *
 * @example
 * ```ts
 * import { colorizeFrames, createImage } from 'colorize-toolkit/internals';
 * const frame = createImage(32, 24, 1); frame.channels[0].fill(0.5);
 * const ref = createImage(32, 24, 3); ref.channels[0].fill(0.8); ref.channels[1].fill(0.4); ref.channels[2].fill(0.3);
 * const out: unknown[] = [];
 * async function* frames() { yield frame; yield frame; }
 * const stats = await colorizeFrames(frames(), { has: () => false, read: async () => frame, write: async (i, rgb) => { out[i] = rgb; } },
 *   { method: 'welsh', references: [{ frame: 0, value: ref }] });
 * console.log(stats.coloured, out.length); // 2 2
 * ```
 */
export async function colorizeFrames(
  frames: AsyncIterable<ImageF32>,
  sink: FrameSink,
  options: VideoOptions,
  events: VideoEvents = {},
  total?: number,
): Promise<VideoStats> {
  const { method, kind, alpha, flowSize, cutThreshold, photoTolerance, every } = checkVideoOptions(options);
  const methodOptions = options.methodOptions ?? {};
  const start = performance.now();
  const stats: VideoStats = { frames: 0, coloured: 0, skipped: 0, cuts: [], meanReliable: 0, seconds: 0 };
  let reliableSum = 0;
  let reliableCount = 0;
  let prev = null as Previous | null;
  let shot = -1;
  let shotStart = 0;
  let width = 0;
  let height = 0;
  let warnedNoHint = -1;
  let index = 0;
  const recent: number[] = [];
  for await (const frame of frames) {
    if (index === 0) {
      width = frame.width;
      height = frame.height;
    } else if (frame.width !== width || frame.height !== height) {
      throw new ColorizeError(
        `frame ${index} is ${frame.width}×${frame.height} but the first frame is ${width}×${height}; all frames must be the same size`,
        'input',
      );
    }
    const gray = frameGray(frame);
    const small = smallFrame(gray, width, height, flowSize);
    const hist = lumaHistogram(small.gray);
    const d = prev ? histogramDistance(prev.hist, hist) : 1;
    const cut: boolean = !prev || prev.index !== index - 1 || isCut(d, recent, cutThreshold);
    if (cut) recent.length = 0;
    else {
      recent.push(d);
      if (recent.length > 8) recent.shift();
    }
    if (cut) {
      shot++;
      shotStart = index;
      stats.cuts.push(index);
    }
    if (await sink.has(index)) {
      stats.skipped++;
      prev = { index, small, ab: 'finished', own: null, shot, hist };
    } else {
      // The previous result when it was a finished frame read back from the output.
      if (prev && !cut && prev.ab === 'finished') {
        const back = await sink.read(prev.index);
        if (back.width !== width || back.height !== height)
          throw new ColorizeError(
            `the finished frame ${prev.index} in the output has another size; remove it`,
            'input',
          );
        prev.ab = abOf(
          back.channels.length === 3
            ? back
            : fromPlanes(width, height, [back.channels[0], back.channels[0], back.channels[0]]),
        );
      }
      const carry: Previous | null = prev && !cut && Array.isArray(prev.ab) ? prev : null;
      const grayImage = fromPlanes(width, height, [gray]);
      let ab: Float32Array[] | null = null;
      let own: Float32Array[] | null = null;
      const flow = carry
        ? backwardFlow(small, carry.small, width, height, { farneback: options.farneback, photoTolerance })
        : null;
      if (flow) {
        reliableSum += flow.reliableFraction;
        reliableCount++;
      }
      const runMethod = !carry || (index - shotStart) % every === 0 || !carry.own;
      if (kind === 'strokes') {
        const key = options.strokes?.find((k) => k.frame === index);
        if (key) {
          own = abOf(
            (
              await colorize(
                { gray: grayImage, strokes: key.value },
                { method: method.name, ...methodOptions },
              )
            ).rgb,
          );
          if (carry && flow)
            ab = temporalBlend(own, carry.ab as Float32Array[], flow.flow, flow.reliability, alpha);
          else ab = own;
        } else if (carry && flow) {
          // Warped colours where the flow is reliable become strokes for this frame's solve, which
          // runs at the flow's working size (the chroma it gives is kept only where the flow is not
          // reliable: disocclusions, new content); elsewhere the warped full-resolution colours stay.
          const warped: Float32Array[] = warpPlanes(carry.ab as Float32Array[], flow.flow);
          ab = warped;
          const { width: sw, height: sh } = small;
          const rel = resizePlane(flow.reliability, width, height, sw, sh, 'area');
          const mask = createImage(sw, sh, 1);
          let strokes = 0;
          for (let i = 0; i < sw * sh; i++)
            if (rel[i] >= 0.999) {
              mask.channels[0][i] = 1;
              strokes++;
            }
          if (strokes > 0 && strokes < sw * sh) {
            const grayS = fromPlanes(sw, sh, [small.gray]);
            const abS = warped.map((p) => resizePlane(p, width, height, sw, sh, 'area'));
            const colours = finish(
              { original: grayS, chroma: fromPlanes(sw, sh, abS), space: 'lab' },
              { upsample: 'bilinear' },
            );
            const solved = abOf(
              (
                await colorize(
                  { gray: grayS, mask, colors: colours },
                  { method: method.name, ...methodOptions },
                )
              ).rgb,
            ).map((p) => resizePlane(p, sw, sh, width, height, 'bilinear'));
            const r = flow.reliability;
            ab = warped.map((w, c) => {
              const out = new Float32Array(w.length);
              for (let i = 0; i < w.length; i++) out[i] = r[i] * w[i] + (1 - r[i]) * solved[c][i];
              return out;
            });
          }
        }
      } else if (runMethod) {
        const inputs: Record<string, ImageF32> = { [method.inputs[0].name]: grayImage };
        if (kind === 'reference') {
          const ref = latest(options.references, index) ?? (options.references as Keyframe<ImageF32>[])[0];
          inputs.reference = ref.value;
        }
        own = abOf((await colorize(inputs, { method: method.name, ...methodOptions })).rgb);
        ab =
          carry && flow
            ? temporalBlend(own, carry.ab as Float32Array[], flow.flow, flow.reliability, alpha)
            : own;
      } else if (carry && flow) {
        // Between method frames: the method's last output carried along the flow stands in for it.
        own = warpPlanes(carry.own as Float32Array[], flow.flow);
        ab = temporalBlend(own, carry.ab as Float32Array[], flow.flow, flow.reliability, alpha);
      }
      let rgb: ImageF32;
      if (ab) {
        rgb = finish(
          { original: grayImage, chroma: fromPlanes(width, height, ab), space: 'lab' },
          { upsample: 'bilinear' },
        );
      } else {
        // Strokes: no keyframe in this shot yet: the frame stays gray (propagation never crosses a cut).
        if (warnedNoHint !== shot) {
          events.notice?.(
            `frames from ${index} have no strokes in their shot (it starts at frame ${shotStart}); they stay gray`,
          );
          warnedNoHint = shot;
        }
        rgb = fromPlanes(width, height, [gray, gray, gray]);
      }
      await sink.write(index, rgb);
      stats.coloured++;
      prev = { index, small, ab: ab ?? 'none', own: own ?? (carry ? carry.own : null), shot, hist };
    }
    index++;
    stats.frames = index;
    const secs = (performance.now() - start) / 1000;
    events.progress?.(index, total, stats.coloured / Math.max(secs, 1e-6));
  }
  if (index === 0) throw new ColorizeError('the input has no frames', 'input');
  stats.meanReliable = reliableCount ? reliableSum / reliableCount : 0;
  stats.seconds = (performance.now() - start) / 1000;
  return stats;
}
