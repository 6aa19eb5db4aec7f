/**
 * Preconditioned conjugate gradients for several right-hand sides that share one SPD operator
 * (the two chroma planes of a scribble solve, or R, G, B of Poisson merging). The channels run
 * in lockstep so they share the operator and the preconditioner set-up; each keeps its own
 * step sizes and stops on its own.
 */
import { ColorizeError } from '../errors.js';
import { type GridVector, gridVector, gridVector32 } from './stencil9.js';
import { arenaOf, copyVector, wasmBicgDirection, wasmBicgStep, wasmDot, wasmDot2 } from './wasm/arena.js';

export interface PcgProblem {
  readonly width: number;
  readonly height: number;
  /** y = A x for two channels on padded grid vectors. */
  apply(x0: GridVector, x1: GridVector, y0: GridVector, y1: GridVector): void;
  /** z = M⁻¹ r (a fixed SPD preconditioner) for two channels on padded grid vectors. */
  precondition(r0: GridVector, r1: GridVector, z0: GridVector, z1: GridVector): void;
}

export interface PcgOptions {
  /** Stop when ‖r‖₂ ≤ tolerance·‖b‖₂ (relative residual; default 1e-6). */
  tolerance?: number;
  /** Iteration limit (default 500). */
  maxIterations?: number;
  /** The start `x` is zero everywhere: the first residual is b itself, no product needed. */
  zeroStart?: boolean;
}

export interface PcgResult {
  /** Iterations run (the largest over the channels). */
  iterations: number;
  /** Final ‖r‖ / ‖b‖ for every channel. */
  relativeResiduals: number[];
  /** True when every channel met the tolerance. */
  converged: boolean;
}

/** Σ a_i b_i over padded indices [from, to) (the pixels of a grid vector). */
export function gridDot(a: GridVector, b: GridVector, from: number, to: number): number {
  const fast = wasmDot(a, b, from, to);
  if (fast !== undefined) return fast;
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * b[i];
  return s;
}

/** [Σ t·t, Σ t·s] over [from, to): one pass in wasm (bit for bit two {@link gridDot}s), else two. */
export function gridDot2(t: GridVector, s: GridVector, from: number, to: number): [number, number] {
  return wasmDot2(t, s, from, to) ?? [gridDot(t, t, from, to), gridDot(t, s, from, to)];
}

/** What every paired-channel Krylov solver starts from: the pixel range, channels padded to an even count, a vector maker. */
export interface PairedChannels {
  /** Pixel range of the padded grid vectors. */
  from: number;
  to: number;
  /** The number of real channels and the even count the solver iterates over. */
  m: number;
  mm: number;
  /** Right-hand sides and solutions, with a zero dummy channel appended when m is odd. */
  bb: GridVector[];
  xx: GridVector[];
  /** A zero work vector in the precision of the right-hand sides. */
  vec: () => GridVector;
  /** A work vector for channel c (map over `bb`): a new one, or the dummy's shared zero plane. */
  work: (b: GridVector, c: number) => GridVector;
  /**
   * A zero vector for a path few solves take (BiCGStab's hand-over, ./bicgstab.ts), or null where
   * there is no room: in an arena, from its spare (./wasm/arena.ts `spareF32`); else a new one.
   */
  spare: () => GridVector | null;
}

/** Checks the channel counts and pairs the channels for a solver named `name`. */
export function pairChannels(
  name: string,
  problem: PcgProblem,
  b: GridVector[],
  x: GridVector[],
): PairedChannels {
  const { width: W, height: H } = problem;
  const from = W + 1;
  const to = from + W * H;
  const m = b.length;
  if (x.length !== m)
    throw new ColorizeError(`${name}: ${m} right-hand sides but ${x.length} solutions`, 'internal');
  const mm = m + (m & 1);
  // Work vectors take the precision of the right-hand sides.
  const single = b[0] instanceof Float32Array;
  // Right-hand sides in a wasm arena keep their work vectors there too (./wasm/arena.ts).
  const arena = arenaOf(b[0]);
  const len = W * H + 2 * from;
  const vec = (): GridVector => (arena ? arena.f32(len) : single ? gridVector32(W, H) : gridVector(W, H));
  const bb = [...b];
  const xx = [...x];
  // An odd last channel is paired with a zero dummy. Every kernel maps zeros to zeros and the
  // dummy channel is done from the start, so all its vectors can share one zero plane.
  const dummy = mm > m ? vec() : null;
  if (dummy) {
    bb.push(dummy);
    xx.push(dummy);
  }
  const work = (_: GridVector, c: number): GridVector => (dummy && c >= m ? dummy : vec());
  const spare = (): GridVector | null => (arena ? arena.spareF32(len) : vec());
  return { from, to, m, mm, bb, xx, vec, work, spare };
}

/**
 * Solves A xₖ = bₖ for every channel k; `x` holds the start (warm start) and receives the result.
 * Channels are processed in pairs (an odd last channel is paired with a zero dummy).
 *
 * @example
 * ```ts
 * import { applyStencil9x2, createStencil9, gridVector, pcg } from 'colorize-toolkit/internals';
 * const A = createStencil9(3, 1); A.diag.fill(2); // 2·I
 * const b = gridVector(3, 1); b.fill(4, A.pad, A.pad + 3);
 * const x = gridVector(3, 1);
 * const problem = {
 *   width: 3, height: 1,
 *   apply: (x0, x1, y0, y1) => applyStencil9x2(A, x0, x1, y0, y1),
 *   precondition: (r0, r1, z0, z1) => { z0.set(r0); z1.set(r1); },
 * };
 * pcg(problem, [b], [x]);
 * console.log(x[A.pad]); // 2
 * ```
 */
export function pcg(
  problem: PcgProblem,
  b: GridVector[],
  x: GridVector[],
  options: PcgOptions = {},
): PcgResult {
  const tol = options.tolerance ?? 1e-6;
  const maxIt = options.maxIterations ?? 500;
  const { from, to, m, mm, bb, xx, work } = pairChannels('pcg', problem, b, x);
  const r = bb.map(work);
  const z = bb.map(work);
  const p = bb.map(work);
  const q = bb.map(work);
  const bnorm: number[] = [];
  const rnorm: number[] = [];
  const rz: number[] = [];
  const done: boolean[] = [];
  if (!options.zeroStart) for (let c = 0; c < mm; c += 2) problem.apply(xx[c], xx[c + 1], q[c], q[c + 1]);
  for (let c = 0; c < mm; c++) {
    // A zero right-hand side (a chroma plane with only neutral strokes) has solution 0: measure absolutely.
    bnorm.push(Math.sqrt(gridDot(bb[c], bb[c], from, to)) || 1);
    const rc = r[c];
    const bc = bb[c];
    const qc = q[c];
    if (options.zeroStart) copyVector(rc, bc);
    else for (let i = from; i < to; i++) rc[i] = bc[i] - qc[i];
    rnorm.push(Math.sqrt(gridDot(rc, rc, from, to)) / bnorm[c]);
    done.push(rnorm[c] <= tol);
  }
  for (let c = 0; c < mm; c += 2) problem.precondition(r[c], r[c + 1], z[c], z[c + 1]);
  for (let c = 0; c < mm; c++) {
    copyVector(p[c], z[c]);
    rz.push(gridDot(r[c], z[c], from, to));
  }
  let it = 0;
  while (it < maxIt && done.some((dn) => !dn)) {
    it++;
    for (let c = 0; c < mm; c += 2)
      if (!done[c] || !done[c + 1]) problem.apply(p[c], p[c + 1], q[c], q[c + 1]);
    for (let c = 0; c < mm; c++) {
      if (done[c]) continue;
      const pc = p[c];
      const rc = r[c];
      const xc = xx[c];
      const qc = q[c];
      const pq = gridDot(pc, qc, from, to);
      if (!(pq > 0)) {
        // p vanished (or A is not positive definite along it): nothing more to gain on this channel.
        done[c] = true;
        continue;
      }
      const alpha = rz[c] / pq;
      // In an arena, BiCGStab's step kernel is this update: r −= αq, x += αp, returning Σr².
      let rr = wasmBicgStep(rc, qc, xc, pc, alpha, from, to) ?? -1;
      if (rr < 0) rr = 0;
      else {
        rnorm[c] = Math.sqrt(rr) / bnorm[c];
        if (rnorm[c] <= tol) done[c] = true;
        continue;
      }
      for (let i = from; i < to; i++) {
        xc[i] += alpha * pc[i];
        const v = rc[i] - alpha * qc[i];
        rc[i] = v;
        rr += v * v;
      }
      rnorm[c] = Math.sqrt(rr) / bnorm[c];
      if (rnorm[c] <= tol) done[c] = true;
    }
    // At the iteration cap the next direction would not be used: its V-cycle is not run.
    if (done.every((dn) => dn) || it >= maxIt) break;
    for (let c = 0; c < mm; c += 2)
      if (!done[c] || !done[c + 1]) problem.precondition(r[c], r[c + 1], z[c], z[c + 1]);
    for (let c = 0; c < mm; c++) {
      if (done[c]) continue;
      const rzNew = gridDot(r[c], z[c], from, to);
      const beta = rzNew / rz[c];
      rz[c] = rzNew;
      const pc = p[c];
      const zc = z[c];
      // p = z + β(p − 0·p): BiCGStab's direction kernel with ω = 0.
      if (wasmBicgDirection(pc, zc, pc, beta, 0, from, to)) continue;
      for (let i = from; i < to; i++) pc[i] = zc[i] + beta * pc[i];
    }
  }
  const rel = rnorm.slice(0, m);
  return { iterations: it, relativeResiduals: rel, converged: rel.every((v) => v <= tol) };
}
