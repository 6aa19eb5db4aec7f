/** Declares `levin`: Levin, Lischinski & Weiss 2004 (report §3.2), strokes spread along luminance. */

import { startSolverThreads } from '../../../solve/wasm/helper-thread.js';
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
import { AFFINITY_DEFAULTS } from './affinity.js';
import {
  BALANCE_MIN_PIXELS,
  colorizeLevin,
  LEVIN_SYSTEMS,
  LEVIN_WORKING_PIXELS,
  releaseLevinReservation,
  reserveLevinArena,
} from './levin.js';

/** From this size on, `--balance off` draws a notice: the unbalanced solve can stall. */
const UNBALANCED_STALLS_PIXELS = 1_000_000;

export const levinMethod: MethodDeclaration = {
  name: 'levin',
  family: 'scribbles',
  familyDefault: true,
  summary: 'Levin, Lischinski & Weiss 2004: colorization using optimisation (strokes spread along luminance)',
  paper: 'Levin, Lischinski & Weiss 2004 (eq. 1–2, getColorExact.m); report §3.2 eq. 8–9',
  inputs: SCRIBBLE_INPUTS,
  oneOf: SCRIBBLE_ONE_OF,
  together: SCRIBBLE_TOGETHER,
  browser: true,
  prepare: (size, o) => {
    startSolverThreads();
    if (size) reserveLevinArena(size.width, size.height, o ? solveOptions(o) : {});
  },
  release: () => {
    releaseLevinReservation();
  },
  options: [
    ...SCRIBBLE_SOLVE_OPTIONS,
    {
      flags: '--system <name>',
      key: 'system',
      type: 'string',
      choices: LEVIN_SYSTEMS,
      default: 'levin',
      description:
        'levin: Levin et al.’s own system (getColorExact.m); symmetric: the symmetrised graph Laplacian; report: the report’s eq. 8 weights and eq. 9 normal equations',
    },
    {
      flags: '--balance <when>',
      key: 'balance',
      type: 'string',
      choices: ['auto', 'on', 'off'],
      default: 'auto',
      description: `levin system: balance its rows before the solve (same result, fewer iterations); auto: from ${BALANCE_MIN_PIXELS / 1e6} MP`,
    },
    {
      flags: '--variance-scale <f>',
      key: 'varianceScale',
      type: 'number',
      default: AFFINITY_DEFAULTS.varianceScale,
      min: 0,
      description: '2σ_r² = factor · local variance',
      source: 'Levin et al.’s code: 0.6',
    },
    {
      flags: '--min-neighbour-weight <w>',
      key: 'minNeighbourWeight',
      type: 'number',
      default: AFFINITY_DEFAULTS.minNeighbourWeight,
      min: 0,
      description: 'weight the most similar neighbour keeps at least',
    },
  ],
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOfInputs(inputs, o, ctx);
    ctx.progress?.(0.1, 'solving');
    const { balance, ...rest } = solveOptions(o);
    const system = (o.system as string | undefined) ?? 'levin';
    const cap = (rest.workingPixels as number | undefined) ?? LEVIN_WORKING_PIXELS;
    const solved = cap > 0 ? Math.min(gray.width * gray.height, cap) : gray.width * gray.height;
    if (system === 'levin' && balance === 'off' && solved >= UNBALANCED_STALLS_PIXELS)
      // Unbalanced, BiCGStab takes 18 iterations instead of 7 at 1 MP on the benchmark photo, 65 at
      // 1.5 MP and its cap of 200 at 2–3 MP (docs/scribbles.md).
      ctx.notice?.(
        '--balance off: on a photo this large Levin’s unbalanced system takes many more iterations, and may stop before the tolerance; auto balances it',
      );
    const res = colorizeLevin(gray, strokes, {
      ...rest,
      balance: balance === 'on' ? true : balance === 'off' ? false : undefined,
    });
    const s = res.stats;
    if (!s.converged)
      ctx.notice?.(`the solver stopped after ${s.iterations} iterations before reaching the tolerance`);
    const iteration = system === 'levin' ? 'BiCGStab' : 'CG';
    return {
      rgb: res.rgb,
      summary: `levin (${system} system, ${(o.space as string | undefined) ?? 'yuv'}), ${solveSummary(s, o.solver === 'direct', iteration)}`,
    };
  },
};
