/** Declares `poisson`: RGB Poisson merging of strokes with the gray image (report §3.1.2, eq. 7). */
import type { MethodDeclaration } from '../../catalogue/types.js';
import {
  SCRIBBLE_INPUTS,
  SCRIBBLE_ONE_OF,
  SCRIBBLE_SOLVE_OPTIONS,
  SCRIBBLE_TOGETHER,
  solveOptions,
  solveSummary,
  strokesOfInputs,
} from '../declare.js';
import { colorizePoisson, POISSON_DEFAULT_LAMBDA, POISSON_OUTPUTS } from './poisson.js';

export const poissonMethod: MethodDeclaration = {
  name: 'poisson',
  family: 'scribbles',
  summary: 'RGB Poisson merging of the strokes with the gray image (report §3.1.2, eq. 7)',
  paper: 'semi-interactive re-colorization report §3.1.2, eq. 7',
  inputs: SCRIBBLE_INPUTS,
  oneOf: SCRIBBLE_ONE_OF,
  together: SCRIBBLE_TOGETHER,
  browser: true,
  options: [
    ...SCRIBBLE_SOLVE_OPTIONS,
    {
      flags: '--lambda <x>',
      key: 'lambda',
      type: 'number',
      default: POISSON_DEFAULT_LAMBDA,
      min: 0,
      description: 'weight λ of the gradient term',
      source: 'report eq. 7, fig. 21',
    },
    {
      flags: '--poisson-output <form>',
      key: 'output',
      type: 'string',
      choices: POISSON_OUTPUTS,
      default: 'finished',
      description:
        'finished: the merged chroma on the gray luminance; raw: the merged RGB of eq. 7 (luminance drift and all, report figs. 20–22)',
    },
  ],
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOfInputs(inputs, o, ctx);
    ctx.progress?.(0.1, 'solving');
    const res = colorizePoisson(gray, strokes, solveOptions(o));
    const s = res.stats;
    if (!s.converged)
      ctx.notice?.(`the solver stopped after ${s.iterations} iterations before reaching the tolerance`);
    const raw = o.output === 'raw' ? ' raw RGB' : '';
    return {
      rgb: res.rgb,
      summary: `poisson${raw} (${(o.space as string | undefined) ?? 'yuv'}), ${solveSummary(s, o.solver === 'direct', 'CG')}`,
    };
  },
};
