/**
 * First-order optimisers over a flat parameter vector: Adam (Kingma & Ba 2015), the report's
 * choice (§4.3.2), and L-BFGS with Armijo backtracking, its first choice. Both stop adaptively
 * when the loss improved by less than `tolerance` (relative) over the last `window` iterations,
 * and return the best point seen.
 */

/** Loss and gradient at x. */
export type Objective = (x: Float32Array) => Promise<{ loss: number; grad: Float32Array }>;

export interface OptimizeOptions {
  iterations: number;
  tolerance: number;
  window: number;
  /** Adam: step size. L-BFGS: largest change of one value in the first step. */
  learningRate: number;
  /** Box the values are kept in by Adam (projected after each step); L-BFGS clamps at the end. */
  bounds?: [number, number];
  /**
   * A projection onto the feasible set applied in place where `bounds` would clamp (Adam: after
   * each step; L-BFGS: at the end); replaces `bounds` when given (the chroma parametrisation's
   * shrink towards gray, parametrization.ts).
   */
  project?: (x: Float32Array) => void;
  /**
   * L-BFGS only: backtrack until the Armijo condition holds (default true). false takes the unit
   * step along the two-loop direction every iteration, as PyTorch's `optim.LBFGS` without
   * `line_search_fn`, the optimiser of the report's §4.3.2 (its loss can jump up; the best point
   * seen is returned).
   */
  lineSearch?: boolean;
  /** Called after every iteration with the loss at the new point. */
  onIteration?: (iteration: number, loss: number) => void;
}

export interface OptimizeResult {
  x: Float32Array;
  /** Loss after each iteration (index 0: the starting point). */
  losses: number[];
  iterations: number;
  /** Objective evaluations (Adam: iterations + 1; L-BFGS: more, for the line search). */
  evaluations: number;
  stopped: 'converged' | 'iterations' | 'line-search';
}

/** True when the loss improved by less than `tolerance` (relative) over the last `window` steps. */
export function plateaued(losses: number[], window: number, tolerance: number): boolean {
  const k = losses.length - 1;
  if (k < window) return false;
  const before = losses[k - window];
  const best = Math.min(...losses.slice(k - window + 1));
  return (before - best) / Math.max(Math.abs(before), 1e-30) < tolerance;
}

function clamp(x: Float32Array, bounds?: [number, number], project?: (x: Float32Array) => void): void {
  if (project) {
    project(x);
    return;
  }
  if (!bounds) return;
  const [lo, hi] = bounds;
  for (let i = 0; i < x.length; i++) x[i] = x[i] < lo ? lo : x[i] > hi ? hi : x[i];
}

/**
 * Adam with projection onto `bounds`.
 *
 * @example
 * ```ts
 * import { adam } from 'colorize-toolkit/internals';
 * const f = async (x: Float32Array) => ({ loss: (x[0] - 3) ** 2, grad: new Float32Array([2 * (x[0] - 3)]) });
 * const r = await adam(f, new Float32Array([0]), { iterations: 500, tolerance: 0, window: 10, learningRate: 0.1 });
 * console.log(Math.abs(r.x[0] - 3) < 0.02); // true: within Adam's constant-step jitter of the minimum
 * ```
 */
export async function adam(f: Objective, x0: Float32Array, o: OptimizeOptions): Promise<OptimizeResult> {
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const x = x0.slice();
  const m = new Float32Array(x.length);
  const v = new Float32Array(x.length);
  let cur = await f(x);
  const losses = [cur.loss];
  let best = x.slice();
  let bestLoss = cur.loss;
  let stopped: OptimizeResult['stopped'] = 'iterations';
  let t = 0;
  while (t < o.iterations) {
    t++;
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    const g = cur.grad;
    for (let i = 0; i < x.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      x[i] -= (o.learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
    clamp(x, o.bounds, o.project);
    cur = await f(x);
    losses.push(cur.loss);
    o.onIteration?.(t, cur.loss);
    if (cur.loss < bestLoss) {
      bestLoss = cur.loss;
      best = x.slice();
    }
    if (plateaued(losses, o.window, o.tolerance)) {
      stopped = 'converged';
      break;
    }
  }
  return { x: best, losses, iterations: t, evaluations: t + 1, stopped };
}

function dotf(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * L-BFGS (memory 10, two-loop recursion) with Armijo backtracking, or with the plain unit step
 * when `lineSearch` is false (then one evaluation per iteration).
 *
 * @example
 * ```ts
 * import { lbfgs } from 'colorize-toolkit/internals';
 * const f = async (x: Float32Array) => ({ loss: (x[0] - 3) ** 2 + 10 * x[1] ** 2, grad: new Float32Array([2 * (x[0] - 3), 20 * x[1]]) });
 * const r = await lbfgs(f, new Float32Array([0, 1]), { iterations: 50, tolerance: 1e-9, window: 3, learningRate: 1 });
 * console.log(r.x[0].toFixed(3), r.x[1].toFixed(3)); // 3.000 0.000
 * ```
 */
export async function lbfgs(f: Objective, x0: Float32Array, o: OptimizeOptions): Promise<OptimizeResult> {
  const memory = 10;
  let x = x0.slice();
  let cur = await f(x);
  let evaluations = 1;
  const losses = [cur.loss];
  const S: Float32Array[] = [];
  const Y: Float32Array[] = [];
  const rho: number[] = [];
  let stopped: OptimizeResult['stopped'] = 'iterations';
  let t = 0;
  let best = x;
  let bestLoss = cur.loss;
  const search = o.lineSearch ?? true;
  while (t < o.iterations) {
    // Two-loop recursion: d = −H g.
    const q = cur.grad.slice();
    const alpha: number[] = [];
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dotf(S[k], q);
      const yk = Y[k];
      for (let i = 0; i < q.length; i++) q[i] -= alpha[k] * yk[i];
    }
    let gamma: number;
    if (S.length > 0) gamma = dotf(S[S.length - 1], Y[Y.length - 1]) / dotf(Y[Y.length - 1], Y[Y.length - 1]);
    else {
      let gmax = 0;
      for (const v of cur.grad) gmax = Math.max(gmax, Math.abs(v));
      gamma = o.learningRate / Math.max(gmax, 1e-30);
    }
    for (let i = 0; i < q.length; i++) q[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const b = rho[k] * dotf(Y[k], q);
      const sk = S[k];
      for (let i = 0; i < q.length; i++) q[i] += (alpha[k] - b) * sk[i];
    }
    for (let i = 0; i < q.length; i++) q[i] = -q[i];
    const slope = dotf(cur.grad, q);
    if (!(slope < 0)) {
      if (S.length === 0) {
        stopped = 'converged'; // zero gradient
        break;
      }
      // Not a descent direction (curvature pairs gone bad at a ReLU kink): restart from −g.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      continue;
    }
    let step = 1;
    let next: { loss: number; grad: Float32Array } | null = null;
    let xn = x;
    for (let tries = 0; tries < 12; tries++) {
      xn = x.slice();
      for (let i = 0; i < xn.length; i++) xn[i] += step * q[i];
      const cand = await f(xn);
      evaluations++;
      if (!search || cand.loss <= cur.loss + 1e-4 * step * slope) {
        next = cand;
        break;
      }
      step *= 0.5;
    }
    if (!next) {
      stopped = 'line-search';
      break;
    }
    t++;
    const s = new Float32Array(x.length);
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      s[i] = xn[i] - x[i];
      y[i] = next.grad[i] - cur.grad[i];
    }
    const sy = dotf(s, y);
    if (sy > 1e-12 * Math.sqrt(dotf(s, s) * dotf(y, y))) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    x = xn;
    cur = next;
    losses.push(cur.loss);
    if (cur.loss < bestLoss) {
      bestLoss = cur.loss;
      best = x;
    }
    o.onIteration?.(t, cur.loss);
    if (plateaued(losses, o.window, o.tolerance)) {
      stopped = 'converged';
      break;
    }
  }
  best = best.slice();
  clamp(best, o.bounds, o.project);
  return { x: best, losses, iterations: t, evaluations, stopped };
}
