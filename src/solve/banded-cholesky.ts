/**
 * Direct solver for symmetric positive definite band matrices (Cholesky A = L·Lᵀ in band
 * storage). A 9-point stencil on a W × H grid, numbered along its shorter side, is a band
 * matrix of half-bandwidth min(W, H) + 1, so the factor costs n·b² / 2 multiply-adds and n·(b+1)
 * doubles: the exact reference for tests on small images and the coarsest-grid solve of the
 * multigrid. Slow and memory-hungry beyond about 0.25 MP by design.
 */
import { ColorizeError } from '../errors.js';
import { coupling9, type GridVector, type Stencil9 } from './stencil9.js';

export interface BandCholesky {
  readonly n: number;
  /** Half-bandwidth b: L(i, j) = 0 for i − j > b. */
  readonly bandwidth: number;
  /** Row i holds L(i, i−b … i) at [i·(b+1) … i·(b+1)+b]. */
  readonly factor: Float64Array;
}

/**
 * Factors an SPD band matrix given by `entry(i, j)` for 0 ≤ i − j ≤ b (lower triangle).
 * Throws a ColorizeError of kind 'internal' when a pivot is not positive (matrix not SPD).
 *
 * @example
 * ```ts
 * import { bandCholesky, bandSolve } from 'colorize-toolkit/internals';
 * // [[4, 2], [2, 3]] x = [2, 1]  →  x = [0.5, 0]
 * const F = bandCholesky(2, 1, (i, j) => (i === j ? (i === 0 ? 4 : 3) : 2));
 * const x = Float64Array.of(2, 1); bandSolve(F, x);
 * console.log(x[0], x[1]); // 0.5 0
 * ```
 */
export function bandCholesky(
  n: number,
  bandwidth: number,
  entry: (i: number, j: number) => number,
): BandCholesky {
  const b = Math.min(bandwidth, Math.max(0, n - 1));
  const stride = b + 1;
  const L = new Float64Array(n * stride);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - b); j <= i; j++) L[i * stride + (j - i + b)] = entry(i, j);
  return factorBandInPlace(n, b, L);
}

/** Factors band storage (row i holds A(i, i−b … i) at [i·(b+1) …]) in place. */
export function factorBandInPlace(n: number, b: number, L: Float64Array): BandCholesky {
  const stride = b + 1;
  for (let i = 0; i < n; i++) {
    const ri = i * stride - i + b; // L(i, k) at ri + k
    const j0 = Math.max(0, i - b);
    for (let j = j0; j <= i; j++) {
      const rj = j * stride - j + b;
      let sum = L[ri + j];
      const k0 = Math.max(j0, j - b);
      for (let k = k0; k < j; k++) sum -= L[ri + k] * L[rj + k];
      if (j === i) {
        if (!(sum > 0)) {
          throw new ColorizeError(
            `band Cholesky: pivot ${i} is ${sum}; the matrix is not positive definite`,
            'internal',
          );
        }
        L[ri + i] = Math.sqrt(sum);
      } else {
        L[ri + j] = sum / L[rj + j];
      }
    }
  }
  return { n, bandwidth: b, factor: L };
}

/** Solves L·Lᵀ x = rhs in place. */
export function bandSolve(F: BandCholesky, x: Float64Array): void {
  const { n, bandwidth: b, factor: L } = F;
  const stride = b + 1;
  for (let i = 0; i < n; i++) {
    const ri = i * stride - i + b;
    let s = x[i];
    for (let k = Math.max(0, i - b); k < i; k++) s -= L[ri + k] * x[k];
    x[i] = s / L[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    x[i] /= L[i * stride + b];
    const xi = x[i];
    const ri = i * stride - i + b;
    for (let k = Math.max(0, i - b); k < i; k++) x[k] -= L[ri + k] * xi;
  }
}

/** A band Cholesky factor of a 9-point stencil, numbered along the shorter side of the grid. */
export interface StencilCholesky {
  readonly stencil: Stencil9;
  readonly factor: BandCholesky;
  /** True when unknowns are numbered column by column (width > height). */
  readonly columnMajor: boolean;
  /** Scratch vector in band numbering. */
  readonly scratch: Float64Array;
}

/**
 * Factors a 9-point stencil operator exactly.
 *
 * @example
 * ```ts
 * import { createStencil9, factorStencil9, solveStencil9, gridVector } from 'colorize-toolkit/internals';
 * const A = createStencil9(3, 2); A.diag.fill(2);
 * const F = factorStencil9(A);
 * const x = gridVector(3, 2); x[A.pad] = 4; solveStencil9(F, x);
 * console.log(x[A.pad].toFixed(6)); // 2.000000
 * ```
 */
export function factorStencil9(A: Stencil9): StencilCholesky {
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const columnMajor = W > H;
  const b = Math.min((columnMajor ? H : W) + 1, Math.max(0, n - 1));
  const stride = b + 1;
  const L = new Float64Array(n * stride);
  const bandIndex = (x: number, y: number): number => (columnMajor ? x * H + y : y * W + x);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const k = bandIndex(x, y);
      const i = pad + y * W + x;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= W || yy >= H) continue;
          const j = bandIndex(xx, yy);
          if (j > k) continue;
          const c = coupling9(A, i, dx, dy);
          L[k * stride + (j - k + b)] = j === k ? c : -c;
        }
      }
    }
  }
  return { stencil: A, factor: factorBandInPlace(n, b, L), columnMajor, scratch: new Float64Array(n) };
}

/** Solves A x = b for a factored stencil; `x` holds b on entry (padded grid vector) and x on return. */
export function solveStencil9(F: StencilCholesky, x: GridVector): void {
  const { width: W, height: H, pad } = F.stencil;
  const t = F.scratch;
  const n = W * H;
  if (!F.columnMajor) {
    for (let k = 0; k < n; k++) t[k] = x[pad + k];
    bandSolve(F.factor, t);
    for (let k = 0; k < n; k++) x[pad + k] = t[k];
  } else {
    for (let xx = 0, k = 0; xx < W; xx++) for (let y = 0; y < H; y++, k++) t[k] = x[pad + y * W + xx];
    bandSolve(F.factor, t);
    for (let xx = 0, k = 0; xx < W; xx++) for (let y = 0; y < H; y++, k++) x[pad + y * W + xx] = t[k];
  }
}
