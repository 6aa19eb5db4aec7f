/**
 * Fixing some unknowns of a symmetric 9-point system (Dirichlet constraints, e.g. stroke pixels):
 * fixed rows become identity rows holding the fixed value, and every coupling between a free
 * and a fixed pixel moves to the free pixel's right-hand side. The free block keeps its diagonal,
 * so the couplings to fixed pixels act as anchors; the result stays symmetric, and positive
 * definite when every connected part of the graph contains a fixed pixel.
 */
import { ColorizeError } from '../errors.js';
import { createStencil9, type GridVector, gridVector, type Stencil9 } from './stencil9.js';

export interface DirichletSystem {
  /** The constrained operator (fixed rows are identity rows). */
  readonly A: Stencil9;
  /** One padded right-hand side per channel. */
  readonly rhs: GridVector[];
  /** 1 for free pixels, 0 for fixed ones (unpadded). */
  readonly active: Uint8Array;
}

/**
 * Builds the constrained system of operator `L` with pixels `fixed[i] ≠ 0` held at `values[c][i]`
 * for every channel c; `base` optionally adds a right-hand side of the unconstrained problem.
 *
 * @example
 * ```ts
 * import { createStencil9, dirichletSystem } from 'colorize-toolkit/internals';
 * const L = createStencil9(2, 1); L.e[L.pad] = 1; L.diag.fill(1); // path graph of 2 pixels
 * const sys = dirichletSystem(L, Uint8Array.of(1, 0), [Float32Array.of(0.3, 0)]);
 * console.log(sys.rhs[0][L.pad + 1].toFixed(1), sys.A.e[L.pad]); // 0.3 0
 * ```
 */
export function dirichletSystem(
  L: Stencil9,
  fixed: Uint8Array,
  values: Float32Array[],
  base?: Float32Array[],
): DirichletSystem {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  if (fixed.length !== n)
    throw new ColorizeError(`dirichletSystem: mask has ${fixed.length} pixels, grid ${n}`, 'internal');
  const A = createStencil9(W, H);
  A.diag.set(L.diag);
  A.e.set(L.e);
  A.s.set(L.s);
  A.se.set(L.se);
  A.sw.set(L.sw);
  const rhs = values.map(() => gridVector(W, H));
  if (base) for (let c = 0; c < rhs.length; c++) for (let i = 0; i < n; i++) rhs[c][pad + i] = base[c][i];
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) active[i] = fixed[i] ? 0 : 1;
  const couple = (arr: Float32Array, r: number, t: number): void => {
    const fr = fixed[r];
    const ft = fixed[t];
    if (!fr && !ft) return;
    const c = arr[pad + r];
    if (c === 0) return;
    if (fr && !ft) for (let k = 0; k < rhs.length; k++) rhs[k][pad + t] += c * values[k][r];
    else if (ft && !fr) for (let k = 0; k < rhs.length; k++) rhs[k][pad + r] += c * values[k][t];
    arr[pad + r] = 0;
  };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const r = y * W + x;
      if (x + 1 < W) couple(A.e, r, r + 1);
      if (y + 1 < H) {
        couple(A.s, r, r + W);
        if (x + 1 < W) couple(A.se, r, r + W + 1);
        if (x > 0) couple(A.sw, r, r + W - 1);
      }
    }
  }
  for (let r = 0; r < n; r++) {
    if (!fixed[r]) continue;
    A.diag[pad + r] = 1;
    for (let k = 0; k < rhs.length; k++) rhs[k][pad + r] = values[k][r];
  }
  return { A, rhs, active };
}
