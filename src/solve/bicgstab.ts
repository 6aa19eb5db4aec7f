/**
 * Right-preconditioned BiCGStab (van der Vorst 1992) for non-symmetric systems, several
 * right-hand sides in lockstep: the channels share the operator and preconditioner calls (in
 * pairs, like ./pcg.ts), and each keeps its own scalars and stops on its own. Right
 * preconditioning (A M⁻¹ y = b, x = M⁻¹ y) keeps the residual the true one, so the stopping test
 * ‖b − Ax‖ ≤ tol·‖b‖ means what it says.
 */
import { type Bicgstab2Vectors, bicgstab2Steps } from './bicgstab2.js';
import { gridDot, gridDot2, type PcgProblem, type PcgResult, pairChannels } from './pcg.js';
import type { GridVector } from './stencil9.js';
import { copyVector, wasmBicgDirection, wasmBicgStep, wasmBicgStepShadow, zeroVector } from './wasm/arena.js';

export interface BicgstabOptions {
  /** Stop when ‖b − Ax‖₂ ≤ tolerance·‖b‖₂ (default 1e-6). */
  tolerance?: number;
  /** Iteration limit (default 500); one iteration applies A and M⁻¹ twice. */
  maxIterations?: number;
  /**
   * The right-hand sides may be overwritten: they then hold the shadow residual r̂ (which starts
   * as the first residual), one work vector less per channel (issue 14: memory at 4 MP).
   */
  consumeRhs?: boolean;
  /**
   * Hand over to BiCGStab(2) (./bicgstab2.ts) from this many iterations on (default
   * {@link BICGSTAB2_AFTER}) once a channel has stalled, if {@link BicgstabOptions.moreVector}
   * gives the three more vectors per channel it needs; 0: at once, stalled or not.
   */
  switchAfter?: number;
  /**
   * Residual replacement (van der Vorst & Ye 2000): once every channel has met the tolerance, the
   * true residual b − A x is formed (`restore` writes channel c's b into a vector: with
   * `consumeRhs` b itself is gone), and a channel whose true residual is above `slack` times the
   * tolerance goes on from there, with its shadow residual restarted, up to `restarts` times. In
   * single precision the recurrence r ← r − α v can drift far from b − A x.
   */
  trueResidual?: { restore: (c: number, into: GridVector) => void; slack: number; restarts: number };
  /**
   * A zeroed vector like b's, or null where there is no room: BiCGStab(2)'s extra work space. By
   * default the arena's spare where b lies in an arena (levinArena leaves one), else a new vector.
   */
  moreVector?: () => GridVector | null;
  /**
   * Called after each iteration (after each BiCGStab(2) cycle once handed over) with the
   * iterations so far and the largest relative residual of the channels still running: progress
   * for a long solve. The residual is the recurrence's, and it need not fall every iteration.
   */
  onIteration?: IterationReport;
}

/** A solve's progress after an iteration: the iterations so far and the largest relative residual. */
export type IterationReport = (iterations: number, relativeResidual: number) => void;

/**
 * The first BiCGStab iteration after which a stalled solve hands over to BiCGStab(2). Chosen on
 * the 293 val photos at 700 px (strokes as in the benchmark): BiCGStab alone summed 5533
 * iterations and left 7 unconverged at the 200 cap (3 of them diverging); handing over from the
 * 8th iteration 3941 and 1, from the 12th 3866 and 1, with fewer photos made slower (30 against
 * 65 of 293) since a solve about to converge keeps its Krylov space (docs/scribbles.md, "Hard
 * photos").
 */
export const BICGSTAB2_AFTER = 12;

/**
 * After a hand-over BiCGStab(2) stops at this fraction of the tolerance. A solve that stalls is
 * one whose slow modes the residual hardly sees: stroke-free panes closed in by edges, whose
 * chroma hangs on weak couplings. With Levin's default tolerance of 10⁻⁵ this is 2·10⁻⁶, where
 * the hard photos were measured: on curban100_img_024 at 700 px (scripts/hard-scribble-photos.ts)
 * a stalled solve stopped at 1.25·10⁻⁵ was 0.26 dB (PSNR against the truth) from scipy's exact
 * solve, at 5·10⁻⁶ 0.021 dB, at 2·10⁻⁶ 0.014 dB; over the 33 hardest val photos that converge,
 * 1.25·10⁻⁵ left 7 more than 0.05 dB off (up to 0.37 dB, bsds500_140006), 5·10⁻⁶ 2, 2·10⁻⁶ none
 * (scripts/eval-scribble-hard.ts; worst 0.0498 dB). On all 293 val photos at 700 px, half the
 * tolerance (5·10⁻⁶) left 3 more beyond 0.05 dB than this. Solves that never stall are unchanged
 * by it. Iterations past the tolerance itself are refinement: a solve that reaches the iteration
 * cap between the two still counts as converged.
 */
export const HANDED_OVER_TOLERANCE = 0.2;

/**
 * Solves A xₖ = bₖ for every channel k with BiCGStab; `x` holds the start and receives the result.
 * `problem.precondition` may be any fixed approximation of A⁻¹ (it need not be symmetric).
 *
 * @example
 * ```ts
 * import { applyGeneral9x2, bicgstab, createGeneralStencil9, gridVector } from 'colorize-toolkit/internals';
 * const A = createGeneralStencil9(2, 1); A.diag.fill(2); A.c[1][A.pad] = 1; // [[2, −1], [0, 2]]
 * const b = gridVector(2, 1); b[A.pad] = 1; b[A.pad + 1] = 2;
 * const x = gridVector(2, 1);
 * const problem = {
 *   width: 2, height: 1,
 *   apply: (x0, x1, y0, y1) => applyGeneral9x2(A, x0, x1, y0, y1),
 *   precondition: (r0, r1, z0, z1) => { z0.set(r0); z1.set(r1); },
 * };
 * bicgstab(problem, [b], [x], { tolerance: 1e-12 });
 * console.log(x[A.pad].toFixed(6), x[A.pad + 1].toFixed(6)); // 1.000000 1.000000
 * ```
 */
export function bicgstab(
  problem: PcgProblem,
  b: GridVector[],
  x: GridVector[],
  options: BicgstabOptions = {},
): PcgResult {
  const tol = options.tolerance ?? 1e-6;
  const maxIt = options.maxIterations ?? 500;
  const switchAfter = options.switchAfter ?? BICGSTAB2_AFTER;
  const { from, to, m, mm, bb, xx, work, spare } = pairChannels('bicgstab', problem, b, x);
  const r = bb.map(work);
  // b is read only for the first residual, so a consumable b can hold r̂ (set right after).
  const rhat = options.consumeRhs ? bb : bb.map(work);
  const p = bb.map(work);
  const v = bb.map(work);
  const phat = bb.map(work);
  // p̂ is spent once x has taken the α step, so ŝ = M⁻¹ s reuses its storage.
  const shat = phat;
  const t = bb.map(work); // also holds A·x at the start
  const rho = new Array<number>(mm).fill(1);
  const alpha = new Array<number>(mm).fill(1);
  const omega = new Array<number>(mm).fill(1);
  // r̂·r of the current r where the last step's kernel summed it already (NaN: not known).
  const nextRho = new Array<number>(mm).fill(Number.NaN);
  const bnorm: number[] = [];
  const rnorm: number[] = [];
  const done: boolean[] = [];
  for (let c = 0; c < mm; c += 2) problem.apply(xx[c], xx[c + 1], t[c], t[c + 1]);
  for (let c = 0; c < mm; c++) {
    // A zero right-hand side (a chroma plane with only neutral strokes) has solution 0: measure absolutely.
    bnorm.push(Math.sqrt(gridDot(bb[c], bb[c], from, to)) || 1);
    const rc = r[c];
    const bc = bb[c];
    const tc = t[c];
    // r = b − A x: the step kernel with r = b, v = A x, α = 1, on p (still zero) as both x and h.
    copyVector(rc, bc);
    if (wasmBicgStep(rc, tc, p[c], p[c], 1, from, to) === undefined)
      for (let i = from; i < to; i++) rc[i] = bc[i] - tc[i];
    copyVector(rhat[c], rc);
    rnorm.push(Math.sqrt(gridDot(rc, rc, from, to)) / bnorm[c]);
    done.push(rnorm[c] <= tol);
  }
  // Each channel's residual after each iteration, for the hand-over's test.
  const history: number[][] = bb.map(() => []);
  const onIteration = options.onIteration;
  const report =
    onIteration &&
    ((iterations: number) => {
      let worst = 0;
      for (let c = 0; c < m; c++) if (!done[c] && rnorm[c] > worst) worst = rnorm[c];
      onIteration(iterations, worst);
    });
  let switched = false;
  const pairActive = (c: number): boolean => !done[c] || !done[c + 1];
  let it = 0;
  // Rounds of residual replacement done (−1: the true residual was never formed).
  let restarted = -1;
  const replace = options.trueResidual;
  for (;;) {
    while (it < maxIt && done.some((dn) => !dn)) {
      if (!switched && (switchAfter === 0 || (it >= switchAfter && stalled(history, done)))) {
        switched = true;
        const more = extraVectors(bb, m, work, options.moreVector ?? spare);
        if (more) {
          // BiCGStab's vectors become BiCGStab(2)'s: r is r₀, r̂ is made again from it.
          const vecs: Bicgstab2Vectors[] = [];
          for (let c = 0; c < mm; c++) {
            const [r2, y, z] = more[c];
            vecs.push({ r: [r[c], t[c], r2], u: [p[c], v[c], phat[c]], rhat: rhat[c], y, z });
          }
          const tight = tol * HANDED_OVER_TOLERANCE;
          const before = it;
          const onCycle = report && ((steps: number) => report(before + steps));
          it += bicgstab2Steps(
            problem,
            vecs,
            { from, to, x: xx, bnorm, rnorm, done, ...(onCycle && { onCycle }) },
            tight,
            maxIt - it,
          );
          break;
        }
      }
      it++;
      for (let c = 0; c < mm; c++) {
        if (done[c]) continue;
        let rh = Number.isNaN(nextRho[c]) ? gridDot(rhat[c], r[c], from, to) : nextRho[c];
        nextRho[c] = Number.NaN;
        if (rh === 0 || !Number.isFinite(rh)) {
          // Breakdown: restart the shadow residual from the current one.
          rhat[c].set(r[c]);
          p[c].fill(0);
          v[c].fill(0);
          rho[c] = alpha[c] = omega[c] = 1;
          rh = gridDot(rhat[c], r[c], from, to);
        }
        const beta = (rh / rho[c]) * (alpha[c] / omega[c]);
        rho[c] = rh;
        const pc = p[c];
        const rc = r[c];
        const vc = v[c];
        const w = omega[c];
        if (wasmBicgDirection(pc, rc, vc, beta, w, from, to)) continue;
        for (let i = from; i < to; i++) pc[i] = rc[i] + beta * (pc[i] - w * vc[i]);
      }
      for (let c = 0; c < mm; c += 2) {
        if (!pairActive(c)) continue;
        problem.precondition(p[c], p[c + 1], phat[c], phat[c + 1]);
        problem.apply(phat[c], phat[c + 1], v[c], v[c + 1]);
      }
      for (let c = 0; c < mm; c++) {
        if (done[c]) continue;
        const den = gridDot(rhat[c], v[c], from, to);
        alpha[c] = den === 0 ? 0 : rho[c] / den;
        const a = alpha[c];
        const rc = r[c];
        const vc = v[c];
        const xc = xx[c];
        const ph = phat[c];
        // r becomes s = r − α v; x takes the α step now, so a converged s ends the channel here.
        let ss = wasmBicgStep(rc, vc, xc, ph, a, from, to) ?? -1;
        if (ss < 0) {
          ss = 0;
          for (let i = from; i < to; i++) {
            const sv = rc[i] - a * vc[i];
            rc[i] = sv;
            ss += sv * sv;
            xc[i] += a * ph[i];
          }
        }
        rnorm[c] = Math.sqrt(ss) / bnorm[c];
        if (rnorm[c] <= tol) done[c] = true;
      }
      if (done.every((dn) => dn)) break;
      for (let c = 0; c < mm; c += 2) {
        if (!pairActive(c)) continue;
        problem.precondition(r[c], r[c + 1], shat[c], shat[c + 1]);
        problem.apply(shat[c], shat[c + 1], t[c], t[c + 1]);
      }
      for (let c = 0; c < mm; c++) {
        if (done[c]) continue;
        const tc = t[c];
        const rc = r[c];
        // t·t and t·s in one pass where the kernels run.
        const [tt, ts] = gridDot2(tc, rc, from, to);
        const w = tt > 0 ? ts / tt : 0;
        omega[c] = w;
        const xc = xx[c];
        const sh = shat[c];
        // The step's kernel also sums the new r against r̂: the next iteration's ρ.
        const stepped = wasmBicgStepShadow(rc, tc, xc, sh, rhat[c], w, from, to);
        if (stepped) nextRho[c] = stepped[1];
        let rr = stepped ? stepped[0] : -1;
        if (rr < 0) {
          rr = 0;
          for (let i = from; i < to; i++) {
            xc[i] += w * sh[i];
            const nv = rc[i] - w * tc[i];
            rc[i] = nv;
            rr += nv * nv;
          }
        }
        rnorm[c] = Math.sqrt(rr) / bnorm[c];
        history[c].push(rnorm[c]);
        if (rnorm[c] <= tol) done[c] = true;
        else if (w === 0) {
          // Stagnation (t ⟂ s): restart from the true residual next iteration.
          nextRho[c] = Number.NaN;
          rhat[c].set(rc);
          p[c].fill(0);
          v[c].fill(0);
          rho[c] = alpha[c] = omega[c] = 1;
        }
      }
      report?.(it);
    }
    if (!replace || restarted >= replace.restarts || done.some((dn) => !dn)) break;
    restarted++;
    // The true residual into r (b restored into r̂, p zeroed to serve the step kernel as x and h).
    for (let c = 0; c < mm; c++) {
      if (c < m) replace.restore(c, rhat[c]);
      else zeroVector(rhat[c]);
      zeroVector(p[c]);
    }
    for (let c = 0; c < mm; c += 2) problem.apply(xx[c], xx[c + 1], t[c], t[c + 1]);
    let again = false;
    for (let c = 0; c < mm; c++) {
      const rc = r[c];
      copyVector(rc, rhat[c]);
      if (wasmBicgStep(rc, t[c], p[c], p[c], 1, from, to) === undefined)
        for (let i = from; i < to; i++) rc[i] -= t[c][i];
      rnorm[c] = Math.sqrt(gridDot(rc, rc, from, to)) / bnorm[c];
      if (rnorm[c] <= replace.slack * tol || it >= maxIt) continue;
      again = true;
      done[c] = false;
      copyVector(rhat[c], rc);
      zeroVector(v[c]);
      rho[c] = alpha[c] = omega[c] = 1;
      nextRho[c] = Number.NaN;
      history[c] = [];
    }
    if (!again) break;
  }
  const rel = rnorm.slice(0, m);
  // A true residual within the slack counts as converged.
  const accept = tol * (options.trueResidual && restarted >= 0 ? options.trueResidual.slack : 1);
  return { iterations: it, relativeResiduals: rel, converged: rel.every((v2) => v2 <= accept) };
}

/** Three more vectors for each of the m channels (a dummy channel's are its zero plane), or null. */
function extraVectors(
  bb: GridVector[],
  m: number,
  work: (b: GridVector, c: number) => GridVector,
  more: () => GridVector | null,
): GridVector[][] | null {
  const out: GridVector[][] = [];
  for (let c = 0; c < bb.length; c++) {
    if (c >= m) {
      const dummy = work(bb[c], c);
      out.push([dummy, dummy, dummy]);
      continue;
    }
    const three = [more(), more(), more()];
    if (three.some((q) => q === null)) return null;
    out.push(three as GridVector[]);
  }
  return out;
}

/** Iterations over which {@link stalled} looks for progress. */
const STALL_WINDOW = 4;

/**
 * Whether a channel still running has stalled: over its last {@link STALL_WINDOW} iterations its
 * residual has not gone below half the least it had before them. A solve that converges as usual
 * (a factor 2–3 an iteration) never stalls, and keeps its Krylov space.
 */
function stalled(history: number[][], done: boolean[]): boolean {
  return history.some((h, c) => {
    if (done[c] || h.length < 2 * STALL_WINDOW) return false;
    const before = Math.min(...h.slice(0, h.length - STALL_WINDOW));
    const recent = Math.min(...h.slice(h.length - STALL_WINDOW));
    return recent > 0.5 * before;
  });
}
