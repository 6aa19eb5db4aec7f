/**
 * Keyframe hints of a clip as the command line and the HTTP service take them: frame numbers, and
 * strokes on keyframes (the studio's stroke JSON with the frame it was drawn on).
 */
import { ColorizeError } from '../errors.js';
import type { Keyframe } from './colorize-video.js';

/**
 * A keyframe key ("0", 12) as a frame number; `file` names where it came from in the error.
 *
 * @example
 * ```ts
 * import { frameNumber } from 'colorize-toolkit/internals';
 * console.log(frameNumber('24', 'keys.json')); // 24
 * ```
 */
export function frameNumber(key: unknown, file: string): number {
  const n = Number(key);
  if (!Number.isInteger(n) || n < 0)
    throw new ColorizeError(
      `${file}: keyframe ${JSON.stringify(key)} is not a frame number (0, 1, …)`,
      'input',
      file,
    );
  return n;
}

/**
 * Stroke keyframes: the studio's stroke JSON with a frame number ({"frame": 0, "strokes": [...]}),
 * a list of those, or {"keyframes": [...]}. Each keyframe's value is its stroke JSON without "frame".
 *
 * @example
 * ```ts
 * import { parseStrokeKeyframes } from 'colorize-toolkit/internals';
 * const k = parseStrokeKeyframes({ frame: 3, strokes: [] }, 'strokes.json');
 * console.log(k[0].frame, k[0].value); // 3 {"strokes":[]}
 * ```
 */
export function parseStrokeKeyframes(json: unknown, file: string): Keyframe<string>[] {
  const list = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { keyframes?: unknown }).keyframes)
      ? (json as { keyframes: unknown[] }).keyframes
      : [json];
  return list.map((k) => {
    if (!k || typeof k !== 'object' || !Array.isArray((k as { strokes?: unknown }).strokes))
      throw new ColorizeError(
        `${file}: each keyframe needs "frame" and "strokes" (the studio's stroke JSON)`,
        'input',
        file,
      );
    const { frame, ...rest } = k as { frame?: unknown };
    return { frame: frameNumber(frame ?? 0, file), value: JSON.stringify(rest) };
  });
}
