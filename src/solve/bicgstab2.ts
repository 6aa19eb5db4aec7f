/**
 * BiCGStab(2) (Sleijpen & Fokkema 1993, "BiCGstab(ℓ) for linear equations involving unsymmetric
 * matrices with complex spectrum", Alg. 3.1 with ℓ = 2), right-preconditioned, taking over from a
 * BiCGStab solve that has not converged after a few iterations (./bicgstab.ts).
 *
 * Why: on photos with stroke-free regions closed in by edges (windows, doors, a hillside behind a
 * ridge), the hybrid multigrid leaves a few slow modes whose preconditioned eigenvalues are far
 * from the positive real axis. BiCGStab's one-dimensional minimal-residual step then gives ω near
 * zero or negative and the residual wanders between 1e-4 and 1e-3 for tens of iterations (111 on
 * one val photo at 1000 px); the two-dimensional step of BiCGStab(2) does not stall on such
 * spectra (docs/scribbles.md, "Hard photos").
 *
 * The iteration runs on B = A M⁻¹ in the preconditioned variable y (x = x₀ + M⁻¹ y, one more
 * preconditioner application at the end), so every residual is the true one. Channels run in
 * lockstep with paired operator and preconditioner calls, each with its own scalars, and each
 * stops at the tolerance on its own.
 */
import { gridDot, gridDot2, type PcgProblem } from './pcg.js';
import type { GridVector } from './stencil9.js';
import { wasmAxpy, wasmBicgDirection } from './wasm/arena.js';

/** The vectors of one channel: r₀ holds the current residual on entry; the others are work space. */
export interface Bicgstab2Vectors {
  r: [GridVector, GridVector, GridVector];
  u: [GridVector, GridVector, GridVector];
  rhat: GridVector;
  y: GridVector;
  z: GridVector;
}

/** What the caller's solve has: its index range, solutions, and per channel ‖b‖, ‖r‖/‖b‖ and done. */
export interface Bicgstab2State {
  from: number;
  to: number;
  x: GridVector[];
  bnorm: number[];
  rnorm: number[];
  done: boolean[];
  /** Called after each cycle with the steps run so far (`rnorm` then holds the cycle's residuals). */
  onCycle?: (steps: number) => void;
}

/** y += a·x over [from, to). */
function axpy(y: GridVector, a: number, x: GridVector, from: number, to: number): void {
  if (wasmAxpy(y, a, x, from, to)) return;
  for (let i = from; i < to; i++) y[i] += a * x[i];
}

/** u = r − β·u over [from, to) (BiCGStab's direction kernel with ω = 0). */
function rMinusBetaU(u: GridVector, r: GridVector, beta: number, from: number, to: number): void {
  if (wasmBicgDirection(u, r, u, -beta, 0, from, to)) return;
  for (let i = from; i < to; i++) u[i] = r[i] - beta * u[i];
}

/**
 * Runs BiCGStab(2) from the channels' current residuals (in `v[c].r[0]`) until every channel
 * meets `tol` or `budget` steps have run; a step is one BiCG half (two operator and two
 * preconditioner applications, as one BiCGStab iteration). Updates `s.x`, `s.rnorm` and `s.done`;
 * returns the steps run. `v.length` is even (channels in pairs; a finished or dummy channel's
 * vectors only ever carry zeros or are left alone).
 *
 * @example
 * ```ts
 * import { bicgstab, createGeneralStencil9, applyGeneral9x2, gridVector } from 'colorize-toolkit/internals';
 * // bicgstab() calls it after `switchAfter` iterations when given room for three more vectors.
 * const A = createGeneralStencil9(2, 1); A.diag.fill(2); A.c[1][A.pad] = 1; A.c[0][A.pad + 1] = 0.5;
 * const problem = { width: 2, height: 1,
 *   apply: (x0, x1, y0, y1) => applyGeneral9x2(A, x0, x1, y0, y1),
 *   precondition: (r0, r1, z0, z1) => { z0.set(r0); z1.set(r1); } };
 * const b = gridVector(2, 1); b[A.pad] = 1; b[A.pad + 1] = 1;
 * const x = gridVector(2, 1);
 * const res = bicgstab(problem, [b], [x], { tolerance: 1e-12, switchAfter: 0, moreVector: () => gridVector(2, 1) });
 * console.log(res.converged); // true
 * ```
 */
export function bicgstab2Steps(
  problem: PcgProblem,
  v: Bicgstab2Vectors[],
  s: Bicgstab2State,
  tol: number,
  budget: number,
): number {
  const { from, to, x, bnorm, rnorm, done } = s;
  const n = v.length;
  const active = done.map((d) => !d);
  const B = (pick: (w: Bicgstab2Vectors) => GridVector, out: (w: Bicgstab2Vectors) => GridVector) => {
    for (let c = 0; c < n; c += 2) {
      if (!active[c] && !active[c + 1]) continue;
      problem.precondition(pick(v[c]), pick(v[c + 1]), v[c].z, v[c + 1].z);
      problem.apply(v[c].z, v[c + 1].z, out(v[c]), out(v[c + 1]));
    }
  };
  const rho0 = new Array<number>(n).fill(1);
  const alpha = new Array<number>(n).fill(0);
  const omega = new Array<number>(n).fill(1);
  for (let c = 0; c < n; c++) {
    if (!active[c]) continue;
    const w = v[c];
    w.rhat.set(w.r[0]);
    w.u[0].fill(0);
    w.y.fill(0);
  }
  const allDone = () => done.every((d) => d);
  let steps = 0;
  outer: while (steps < budget) {
    for (let c = 0; c < n; c++) rho0[c] = -omega[c] * rho0[c];
    for (let j = 0; j < 2; j++) {
      steps++;
      for (let c = 0; c < n; c++) {
        if (!active[c] || done[c]) continue;
        const w = v[c];
        const rho1 = gridDot(w.rhat, w.r[j], from, to);
        const beta = rho0[c] === 0 ? 0 : (alpha[c] * rho1) / rho0[c];
        rho0[c] = rho1;
        for (let i = 0; i <= j; i++) rMinusBetaU(w.u[i], w.r[i], beta, from, to);
      }
      B(
        (w) => w.u[j],
        (w) => w.u[j + 1],
      );
      for (let c = 0; c < n; c++) {
        if (!active[c] || done[c]) continue;
        const w = v[c];
        const g = gridDot(w.rhat, w.u[j + 1], from, to);
        alpha[c] = g === 0 ? 0 : rho0[c] / g;
        for (let i = 0; i <= j; i++) axpy(w.r[i], -alpha[c], w.u[i + 1], from, to);
        axpy(w.y, alpha[c], w.u[0], from, to);
        rnorm[c] = Math.sqrt(gridDot(w.r[0], w.r[0], from, to)) / bnorm[c];
        if (rnorm[c] <= tol) done[c] = true;
      }
      // A channel that met the tolerance here keeps this residual: the rest of the cycle is skipped.
      if (allDone() || steps >= budget) break outer;
      B(
        (w) => w.r[j],
        (w) => w.r[j + 1],
      );
    }
    for (let c = 0; c < n; c++) {
      if (!active[c] || done[c]) continue;
      const { r, u, y } = v[c];
      // The minimal-residual part over r₁, r₂ (modified Gram–Schmidt).
      const [sigma1, r10] = gridDot2(r[1], r[0], from, to);
      const g1 = sigma1 === 0 ? 0 : r10 / sigma1;
      const tau12 = sigma1 === 0 ? 0 : gridDot(r[2], r[1], from, to) / sigma1;
      axpy(r[2], -tau12, r[1], from, to);
      const [sigma2, r20] = gridDot2(r[2], r[0], from, to);
      const g2 = sigma2 === 0 ? 0 : r20 / sigma2;
      const gamma2 = g2;
      const gamma1 = g1 - tau12 * gamma2;
      omega[c] = gamma2;
      axpy(y, gamma1, r[0], from, to);
      axpy(r[0], -g2, r[2], from, to);
      axpy(u[0], -gamma2, u[2], from, to);
      axpy(u[0], -gamma1, u[1], from, to);
      axpy(y, gamma2, r[1], from, to);
      axpy(r[0], -g1, r[1], from, to);
      rnorm[c] = Math.sqrt(gridDot(r[0], r[0], from, to)) / bnorm[c];
      if (rnorm[c] <= tol) done[c] = true;
    }
    s.onCycle?.(steps);
    if (allDone()) break;
  }
  // x += M⁻¹ y for the channels this ran.
  for (let c = 0; c < n; c += 2)
    if (active[c] || active[c + 1]) problem.precondition(v[c].y, v[c + 1].y, v[c].z, v[c + 1].z);
  for (let c = 0; c < n; c++) if (active[c]) axpy(x[c], 1, v[c].z, from, to);
  return steps;
}
