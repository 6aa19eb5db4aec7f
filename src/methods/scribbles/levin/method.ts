/** Declares `levin`: Levin, Lischinski & Weiss 2004 (report §3.2), strokes spread along luminance. */

import type { IterationReport } from '../../../solve/bicgstab.js';
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
  LEVIN_TOLERANCE,
  LEVIN_WORKING_PIXELS,
  releaseLevinReservation,
  reserveLevinArena,
} from './levin.js';

/**
 * Progress of a solve from its iterations, for `ctx.progress`: the share of the way from a
 * relative residual of 1 to `tolerance` on a log scale, mapped to 0.1–0.9 of the run, never going
 * back (the residual need not fall every iteration), and reported only when it has moved by a
 * hundredth, so a long solve (a few strokes on a large photo: tens of iterations) moves the CLI's
 * bar and the service's job progress, and can be cancelled there, without a report per iteration.
 *
 * @example
 * ```ts
 * import { solveProgress } from 'colorize-toolkit/internals';
 * const seen: string[] = [];
 * const report = solveProgress((f, stage) => seen.push(`${f.toFixed(2)} ${stage}`), 1e-4);
 * report(1, 1e-2); report(2, 1e-2); report(3, 1e-4);
 * console.log(seen.join('; ')); // 0.50 solving (iteration 1); 0.90 solving (iteration 3)
 * ```
 */
export function solveProgress(
  progress: (fraction: number, stage?: string) => void,
  tolerance: number,
): IterationReport {
  let shown = 0.1;
  return (iterations, relativeResidual) => {
    const way = Math.log(Math.max(relativeResidual, tolerance)) / Math.log(tolerance);
    const fraction = 0.1 + 0.8 * Math.min(1, Math.max(0, relativeResidual > 0 ? way : 1));
    if (fraction < shown + 0.01) return;
    shown = fraction;
    progress(fraction, `solving (iteration ${iterations})`);
  };
}

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
    const tolerance = (rest.tolerance as number | undefined) ?? LEVIN_TOLERANCE;
    const onIteration = ctx.progress && solveProgress(ctx.progress, tolerance);
    const res = colorizeLevin(gray, strokes, {
      ...rest,
      balance: balance === 'on' ? true : balance === 'off' ? false : undefined,
      ...(onIteration && { onIteration }),
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
