/**
 * `colorize scribble`: colorization from user strokes (issue 4).
 *
 *   colorize scribble GRAY MARKED -o OUT [--method levin|poisson] [--space yuv|yiq]
 *                     [--poisson-output finished|raw]
 *   colorize scribble GRAY --mask MASK --colors COLORS -o OUT
 *   colorize scribble GRAY --strokes S.json -o OUT
 */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { lumaOf } from '../../color/linear-spaces.js';
import { ColorizeError, checkChoice, checkNumber } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import { readImage } from '../../image/io.js';
import {
  colorizeLevin,
  LEVIN_SYSTEMS,
  LEVIN_TOLERANCE,
  SCRIBBLE_SPACES,
} from '../../methods/scribbles/levin/levin.js';
import { colorizePoisson, POISSON_OUTPUTS } from '../../methods/scribbles/poisson/poisson.js';
import {
  MARKED_THRESHOLD,
  type StrokeSet,
  strokesFromJson,
  strokesFromMarked,
  strokesFromMask,
} from '../../methods/scribbles/strokes.js';
import { DEFAULT_TOLERANCE, SOLVER_KINDS } from '../../solve/spd-solve.js';
import { checkOutputPath, writeResult } from '../output.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

const METHODS = ['levin', 'poisson'] as const;

interface ScribbleOpts {
  output: string;
  method: string;
  space: string;
  system: string;
  mask?: string;
  colors?: string;
  strokes?: string;
  lambda?: string;
  poissonOutput?: string;
  solver: string;
  tolerance?: string;
  threshold?: string;
  quiet?: boolean;
}

/** Re-raises a stroke error with the file it came from in front. */
function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ColorizeError) throw new ColorizeError(`${file}: ${err.message}`, err.kind, file);
    throw err;
  }
}

function numberOption(name: string, v: string | undefined, min: number, max = Infinity): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    const range = max === Infinity ? `a number ≥ ${min}` : `a number in [${min}, ${max}]`;
    throw new ColorizeError(`option --${name} = ${v} is invalid: expected ${range}`, 'usage');
  }
  return checkNumber(name, n, min, max);
}

export function registerScribble(program: Command): void {
  program
    .command('scribble')
    .summary('colorize a gray photo from coloured strokes (Levin et al. / Poisson merging)')
    .description(
      'Spreads the colours of a few user strokes over a gray photo.\n\n' +
        'Strokes come in one of three forms:\n' +
        '  MARKED                  the gray image with strokes painted on it; a pixel is a stroke\n' +
        '                          when |R−gray|+|G−gray|+|B−gray| > 0.01 (Levin et al.), so white,\n' +
        '                          gray or black strokes also count (they keep a region uncoloured)\n' +
        '  --mask M --colors C     a black/white mask (white = stroke) and an image with the colours\n' +
        '  --strokes S.json        {"strokes": [{"points": [[x, y], ...], "width": 6, "color": "#d04020"}]}\n' +
        '                          (pixel coordinates, width = brush diameter in pixels)\n\n' +
        'Methods: levin (default) solves Levin, Lischinski & Weiss 2004 for chroma with the luminance\n' +
        'kept; --system picks which of its systems: levin (their own code, getColorExact.m; default),\n' +
        'symmetric (the symmetrised graph Laplacian) or report (the report §3.2 eq. 8 weights and\n' +
        'eq. 9 normal equations). poisson solves eq. 7 of the report (§3.1.2, --lambda) for R, G, B:\n' +
        'its chroma is a smooth interpolation of the stroke chroma that ignores the gray image.\n' +
        'A colour image given as GRAY is reduced to its luminance. The output keeps the gray image\n' +
        "exactly as luminance (except --poisson-output raw), and GRAY's alpha and bit depth.\n\n" +
        'Examples:\n' +
        '  colorize scribble examples/scene_gray.png examples/scene_marked.png -o scene_levin.png\n' +
        '  colorize scribble examples/scene_gray.png --strokes examples/scene_strokes.json -o out.png --method poisson',
    )
    .argument('<gray>', 'gray photo (a colour photo is reduced to its luminance)')
    .argument('[marked]', 'the gray photo with coloured strokes painted on it')
    .requiredOption('-o, --output <file>', 'output image (.png, .jpg, .webp, .tif)')
    .option('--method <name>', `levin or poisson`, 'levin')
    .option('--space <name>', 'chroma space: yuv (report eq. 1) or yiq (Levin et al.’s code)', 'yuv')
    .option('--system <name>', `levin: which system to solve (${LEVIN_SYSTEMS.join(', ')})`, 'levin')
    .option('--mask <file>', 'stroke mask: white = stroke, black = none (use with --colors)')
    .option('--colors <file>', 'colours of the strokes in --mask')
    .option('--strokes <file>', 'strokes as JSON polylines')
    .option('--lambda <x>', 'poisson: weight of the gradient term (default 1e10)')
    .option(
      '--poisson-output <form>',
      'poisson: finished (merged chroma on the gray luminance, default) or raw (the merged RGB of eq. 7, luminance drift and all)',
    )
    .option('--solver <name>', 'multigrid (fast) or direct (exact, small images only)', 'multigrid')
    .option(
      '--tolerance <x>',
      `relative residual at which the iterative solver stops (default ${LEVIN_TOLERANCE} for --system levin, ${DEFAULT_TOLERANCE} otherwise)`,
    )
    .option(
      '--threshold <x>',
      `marked image: stroke when the summed difference exceeds this (default ${MARKED_THRESHOLD})`,
    )
    .option('-q, --quiet', 'print nothing on success')
    .action(async (grayArg: string, markedArg: string | undefined, opts: ScribbleOpts, cmd: Command) => {
      const readOpts = readOptions(cmd.optsWithGlobals<GlobalOptions>());
      const method = checkChoice('method', opts.method, METHODS);
      const space = checkChoice('space', opts.space, SCRIBBLE_SPACES);
      const system = checkChoice('system', opts.system, LEVIN_SYSTEMS);
      const solver = checkChoice('solver', opts.solver, SOLVER_KINDS);
      const lambda = numberOption('lambda', opts.lambda, 0);
      const output =
        opts.poissonOutput === undefined
          ? undefined
          : checkChoice('poisson-output', opts.poissonOutput, POISSON_OUTPUTS);
      const tolerance = numberOption('tolerance', opts.tolerance, 1e-15, 1);
      const threshold = numberOption('threshold', opts.threshold, 0, 3);
      if (lambda !== undefined && method !== 'poisson') {
        throw new ColorizeError('option --lambda applies to --method poisson only', 'usage');
      }
      if (system !== 'levin' && method !== 'levin') {
        throw new ColorizeError('option --system applies to --method levin only', 'usage');
      }
      if (output !== undefined && method !== 'poisson') {
        throw new ColorizeError('option --poisson-output applies to --method poisson only', 'usage');
      }
      const forms = [
        markedArg !== undefined,
        opts.mask !== undefined || opts.colors !== undefined,
        opts.strokes !== undefined,
      ];
      const nForms = forms.filter(Boolean).length;
      if (nForms === 0) {
        throw new ColorizeError(
          'no strokes given: pass a MARKED image, --mask with --colors, or --strokes',
          'usage',
        );
      }
      if (nForms > 1) {
        throw new ColorizeError(
          'give strokes in one form only: a MARKED image, --mask with --colors, or --strokes',
          'usage',
        );
      }
      if ((opts.mask === undefined) !== (opts.colors === undefined)) {
        throw new ColorizeError('--mask and --colors go together: give both', 'usage');
      }
      await checkOutputPath(opts.output, {
        'gray image': grayArg,
        'marked image': markedArg,
        mask: opts.mask,
        'colour image': opts.colors,
        'strokes file': opts.strokes,
      });

      const t0 = performance.now();
      const input = await readImage(grayArg, readOpts);
      let gray: ImageF32 = input.image;
      const log = (s: string) => {
        if (!opts.quiet) process.stderr.write(`${s}\n`);
      };
      if (!input.isGray) {
        log(`note: ${grayArg} is a colour image; using its luminance (Rec. 601 luma) as the gray image`);
        gray = { width: gray.width, height: gray.height, channels: [lumaOf(gray)] };
      }
      const { width, height } = gray;
      let strokes: StrokeSet;
      if (markedArg !== undefined) {
        const marked = (await readImage(markedArg, readOpts)).image;
        strokes = inFile(markedArg, () => strokesFromMarked(gray, marked, threshold));
      } else if (opts.mask !== undefined && opts.colors !== undefined) {
        const [mask, colors] = await Promise.all([
          readImage(opts.mask, readOpts),
          readImage(opts.colors, readOpts),
        ]);
        const maskFile = opts.mask;
        if (colors.image.width !== width || colors.image.height !== height) {
          throw new ColorizeError(
            `${opts.colors}: the colour image is ${colors.image.width}×${colors.image.height} but the gray image is ${width}×${height}; they must be the same size`,
            'input',
            opts.colors,
          );
        }
        strokes = inFile(maskFile, () => strokesFromMask(mask.image, colors.image, width, height));
      } else {
        const file = opts.strokes!;
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch {
          throw new ColorizeError(`${file}: file not found or not readable`, 'io', file);
        }
        strokes = strokesFromJson(text, width, height, file);
      }
      const solveOpts = { space, solver, tolerance, lambda, system };
      const res =
        method === 'levin'
          ? colorizeLevin(gray, strokes, solveOpts)
          : colorizePoisson(gray, strokes, { ...solveOpts, output });
      await writeResult(opts.output, res.rgb, input);
      const s = res.stats;
      if (!s.converged)
        log(`warning: the solver stopped after ${s.iterations} iterations before reaching the tolerance`);
      log(
        `${opts.output}: ${method === 'levin' ? `levin (${system} system, ${space})` : `${method}${output === 'raw' ? ' raw RGB' : ''} (${space})`}, ` +
          `${s.strokePixels} stroke pixels, ` +
          `${solver === 'direct' ? 'direct solve' : `${s.iterations} ${method === 'levin' && system === 'levin' ? 'BiCGStab' : 'CG'} iterations`}, ` +
          `solve ${((s.buildMs + s.setupMs + s.solveMs) / 1000).toFixed(2)} s, total ${((performance.now() - t0) / 1000).toFixed(2)} s`,
      );
    });
}
