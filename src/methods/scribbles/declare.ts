/**
 * What the stroke methods (levin, poisson) share in the catalogue: their inputs (a gray photo and
 * strokes as a marked image, JSON polylines, or a mask with a colour image), the solver options,
 * and the one-line account of a solve.
 */
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import { DEFAULT_TOLERANCE, SOLVER_KINDS } from '../../solve/spd-solve.js';
import { COLOUR_AS_GRAY_NOTE, grayInput } from '../catalogue/inputs.js';
import type { InputName, InputSpec, MethodContext, MethodInputs, MethodOption } from '../catalogue/types.js';
import { LEVIN_TOLERANCE, LEVIN_WORKING_PIXELS, SCRIBBLE_SPACES, type ScribbleStats } from './levin/levin.js';
import {
  MARKED_THRESHOLD,
  type StrokeSet,
  strokesFromJson,
  strokesFromMarked,
  strokesFromMask,
} from './strokes.js';

export const SCRIBBLE_INPUTS: InputSpec[] = [
  {
    name: 'gray',
    kind: 'image',
    required: true,
    description: 'the gray photo (a colour photo is used by its luma)',
  },
  {
    name: 'marked',
    kind: 'image',
    required: false,
    description:
      'the gray photo with coloured strokes painted on it; a pixel is a stroke when |R−gray|+|G−gray|+|B−gray| exceeds the threshold (Levin et al.), so white, gray or black strokes count too',
  },
  {
    name: 'strokes',
    kind: 'json',
    required: false,
    description:
      'strokes as JSON polylines {"strokes": [{"points": [[x, y], ...], "width": 5, "color": "#rrggbb"}]} (pixel coordinates, width = brush diameter)',
  },
  {
    name: 'mask',
    kind: 'image',
    required: false,
    description: 'stroke mask: white = stroke, black = none (with colors)',
  },
  { name: 'colors', kind: 'image', required: false, description: 'the colours of the strokes in mask' },
];

export const SCRIBBLE_ONE_OF: InputName[][] = [['marked', 'strokes', 'mask']];
export const SCRIBBLE_TOGETHER: InputName[][] = [['mask', 'colors']];

export const SCRIBBLE_SOLVE_OPTIONS: MethodOption[] = [
  {
    flags: '--space <space>',
    key: 'space',
    type: 'string',
    choices: SCRIBBLE_SPACES,
    default: 'yuv',
    description: 'chroma space: yuv (report eq. 1) or yiq (Levin et al.’s code)',
  },
  {
    flags: '--solver <name>',
    key: 'solver',
    type: 'string',
    choices: SOLVER_KINDS,
    default: 'multigrid',
    description: 'multigrid (fast) or direct (exact, small images only)',
  },
  {
    flags: '--tolerance <x>',
    key: 'tolerance',
    type: 'number',
    defaultText: `${LEVIN_TOLERANCE} for the levin system, ${DEFAULT_TOLERANCE} otherwise`,
    min: 1e-15,
    max: 1,
    description: 'relative residual at which the iterative solver stops',
  },
  {
    flags: '--working-pixels <n>',
    key: 'workingPixels',
    type: 'number',
    integer: true,
    default: LEVIN_WORKING_PIXELS,
    description:
      'largest photo solved at full resolution (0: always); a larger one is solved on a grid of this many pixels with every stroke kept, then upsampled guided by the gray (exact stroke colours kept)',
  },
  {
    flags: '--threshold <x>',
    key: 'threshold',
    type: 'number',
    default: MARKED_THRESHOLD,
    min: 0,
    max: 3,
    description:
      'marked image: a pixel is a stroke when Σ|marked − gray| over R, G, B exceeds this (0–1 scale)',
  },
];

/** Prefixes a stroke error with the input it came from, so front ends can name the file or field. */
function fromInput<T>(name: InputName, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ColorizeError) throw new ColorizeError(`${name}: ${err.message}`, err.kind);
    throw err;
  }
}

/**
 * The gray plane and the stroke set of a request: from `strokes` JSON, a `marked` image, or a
 * `mask` with `colors` (exactly one form).
 *
 * @example
 * ```ts
 * import { createImage, strokesOfInputs } from 'colorize-toolkit/internals';
 * const gray = createImage(4, 4, 1);
 * const json = '{"strokes":[{"points":[[1,1]],"width":1,"color":"#ff0000"}]}';
 * const { strokes } = strokesOfInputs({ images: { gray: { image: gray, isGray: true } }, texts: { strokes: json } }, {});
 * console.log(strokes.mask.reduce((a, b) => a + b, 0)); // 1
 * ```
 */
export function strokesOfInputs(
  inputs: MethodInputs,
  options: Record<string, unknown>,
  context: MethodContext = {},
): { gray: ImageF32; strokes: StrokeSet } {
  const g = inputs.images.gray!;
  if (!g.isGray) context.notice?.(COLOUR_AS_GRAY_NOTE);
  const gray = grayInput(g.image, g.isGray);
  const forms = [inputs.images.marked, inputs.texts.strokes, inputs.images.mask].filter(
    (x) => x !== undefined,
  );
  if (forms.length === 0)
    throw new ColorizeError(
      'no strokes given: give a marked image, strokes JSON, or a mask with colors',
      'usage',
    );
  if (forms.length > 1)
    throw new ColorizeError(
      'give strokes in one form only: a marked image, strokes JSON, or a mask with colors',
      'usage',
    );
  const { width, height } = gray;
  const json = inputs.texts.strokes;
  if (json !== undefined) return { gray, strokes: strokesFromJson(json, width, height, 'strokes') };
  const marked = inputs.images.marked;
  if (marked) {
    const threshold = (options.threshold as number | undefined) ?? MARKED_THRESHOLD;
    return { gray, strokes: fromInput('marked', () => strokesFromMarked(gray, marked.image, threshold)) };
  }
  const mask = inputs.images.mask!;
  const colors = inputs.images.colors;
  if (!colors) throw new ColorizeError('mask and colors go together: give both', 'usage');
  if (colors.image.width !== width || colors.image.height !== height)
    throw new ColorizeError(
      `colors: the colour image is ${colors.image.width}×${colors.image.height} but the gray image is ${width}×${height}; they must be the same size`,
      'input',
    );
  return { gray, strokes: fromInput('mask', () => strokesFromMask(mask.image, colors.image, width, height)) };
}

/** The solver options of a request (the marked-image threshold is not one). */
export function solveOptions(o: Record<string, unknown>): Record<string, unknown> {
  const { threshold: _t, ...rest } = o;
  return rest;
}

/** "N stroke pixels, K BiCGStab iterations, solve X s" (or "direct solve"). */
export function solveSummary(stats: ScribbleStats, direct: boolean, iterationName: string): string {
  // A solve that stopped short is retried (./levin/levin.ts): its iterations count both.
  const retried = stats.precision
    ? ', the last solve in double precision'
    : stats.rebalanced
      ? ' in two solves, the second with other row factors'
      : '';
  // Strokes of one colour: that colour everywhere is the exact solution, nothing iterated.
  const work = direct
    ? 'direct solve'
    : stats.oneColour
      ? 'one stroke colour (its chroma everywhere, exact)'
      : `${stats.iterations} ${iterationName} iterations${retried}`;
  const s = (stats.buildMs + stats.setupMs + stats.solveMs) / 1000;
  const grid = stats.working ? ` on a ${stats.working.width}×${stats.working.height} working grid` : '';
  return `${stats.strokePixels} stroke pixels, ${work}${grid}, solve ${s.toFixed(2)} s`;
}
