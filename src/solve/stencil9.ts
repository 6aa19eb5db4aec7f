/**
 * A symmetric 9-point stencil operator on a width × height grid, stored matrix-free as
 * per-pixel arrays: the diagonal and the four "forward" couplings (E, S, SE, SW); the other
 * four are read from the neighbour that owns them. Entry A(r, s) = −weight for neighbours
 * and A(r, r) = diag[r]. Graph Laplacians of 8-connected affinities (Levin et al.), the
 * 5-point Poisson operator (E = S = λ, diagonals 0) and every Galerkin coarse operator of
 * the multigrid in ./multigrid.ts have this shape.
 *
 * Grid vectors are padded: a vector holds `n + 2·pad` samples with pixel i at `pad + i`,
 * `pad = width + 1`, and zero padding, so kernels read all 8 neighbours without bounds tests
 * (couplings that leave the image are stored as 0).
 */

import { sweepFromZeroInBlockOrder, sweepInBlockOrder } from './row-blocks.js';
import { wasmApply2, wasmGaussSeidel2 } from './wasm/arena.js';

export interface Stencil9 {
  readonly width: number;
  readonly height: number;
  /** Padding before and after the pixels in every array (width + 1). */
  readonly pad: number;
  /** Diagonal, kept in double precision so row sums (the anchor terms) are exact. */
  readonly diag: Float64Array;
  /** Coupling of pixel (x, y) with (x+1, y). */
  readonly e: Float32Array;
  /** Coupling with (x, y+1). */
  readonly s: Float32Array;
  /** Coupling with (x+1, y+1). */
  readonly se: Float32Array;
  /** Coupling with (x−1, y+1). */
  readonly sw: Float32Array;
}

/** Padding used by every grid vector of a width-`width` grid. */
export function padFor(width: number): number {
  return width + 1;
}

/** A padded grid vector: double precision for exact reference solves, single for the fast path. */
export type GridVector = Float32Array | Float64Array;

/** A zeroed, padded double-precision grid vector for a width × height grid. */
export function gridVector(width: number, height: number): Float64Array {
  return new Float64Array(width * height + 2 * padFor(width));
}

/** A zeroed, padded single-precision grid vector (half the memory traffic of {@link gridVector}). */
export function gridVector32(width: number, height: number): Float32Array {
  return new Float32Array(width * height + 2 * padFor(width));
}

/** A zero stencil (all couplings 0, diagonal 0). */
export function createStencil9(width: number, height: number): Stencil9 {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  return {
    width,
    height,
    pad,
    diag: new Float64Array(len),
    e: new Float32Array(len),
    s: new Float32Array(len),
    se: new Float32Array(len),
    sw: new Float32Array(len),
  };
}

/** Copies an unpadded plane into a padded grid vector (or a new one). */
export function toGrid(
  plane: ArrayLike<number>,
  width: number,
  height: number,
  out?: GridVector,
): GridVector {
  const g = out ?? gridVector(width, height);
  const pad = padFor(width);
  for (let i = 0; i < width * height; i++) g[pad + i] = plane[i];
  return g;
}

/** Copies the pixels of a padded grid vector into a Float32Array plane. */
export function fromGrid(g: GridVector, width: number, height: number): Float32Array {
  const n = width * height;
  const pad = padFor(width);
  const out = new Float32Array(n);
  out.set(g.subarray(pad, pad + n));
  return out;
}

/**
 * y = A·x on padded grid vectors.
 *
 * @example
 * ```ts
 * import { applyStencil9, createStencil9, gridVector } from 'colorize-toolkit/internals';
 * const A = createStencil9(2, 1);
 * A.diag.fill(1); A.e[A.pad] = 0.5; // [[1, -0.5], [-0.5, 1]]
 * const x = gridVector(2, 1); x[A.pad] = 1; x[A.pad + 1] = 1;
 * const y = gridVector(2, 1); applyStencil9(A, x, y);
 * console.log(y[A.pad], y[A.pad + 1]); // 0.5 0.5
 * ```
 */
export function applyStencil9(A: Stencil9, x: GridVector, y: GridVector): void {
  const { width: w, pad, diag, e, s, se, sw } = A;
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    y[i] =
      diag[i] * x[i] -
      e[i] * x[i + 1] -
      e[i - 1] * x[i - 1] -
      s[i] * x[i + w] -
      s[i - w] * x[i - w] -
      se[i] * x[i + w + 1] -
      se[i - w - 1] * x[i - w - 1] -
      sw[i] * x[i + w - 1] -
      sw[i - w + 1] * x[i - w + 1];
  }
}

/**
 * y = A·x for two channels at once. The kernels below all work on channel pairs: the two
 * chains share every coupling load and interleave, which is about 1.6× faster than two passes.
 */
export function applyStencil9x2(
  A: Stencil9,
  x0: GridVector,
  x1: GridVector,
  y0: GridVector,
  y1: GridVector,
): void {
  if (wasmApply2(A, x0, x1, y0, y1)) return;
  const { width: w, pad, diag, e, s, se, sw } = A;
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    const cE = e[i];
    const cW = e[i - 1];
    const cS = s[i];
    const cN = s[i - w];
    const cSE = se[i];
    const cNW = se[i - w - 1];
    const cSW = sw[i];
    const cNE = sw[i - w + 1];
    const d = diag[i];
    y0[i] =
      d * x0[i] -
      cE * x0[i + 1] -
      cW * x0[i - 1] -
      cS * x0[i + w] -
      cN * x0[i - w] -
      cSE * x0[i + w + 1] -
      cNW * x0[i - w - 1] -
      cSW * x0[i + w - 1] -
      cNE * x0[i - w + 1];
    y1[i] =
      d * x1[i] -
      cE * x1[i + 1] -
      cW * x1[i - 1] -
      cS * x1[i + w] -
      cN * x1[i - w] -
      cSE * x1[i + w + 1] -
      cNW * x1[i - w - 1] -
      cSW * x1[i + w - 1] -
      cNE * x1[i - w + 1];
  }
}

/** r = b − A·x for two channels. */
export function residual9x2(
  A: Stencil9,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  r0: GridVector,
  r1: GridVector,
): void {
  applyStencil9x2(A, x0, x1, r0, r1);
  const end = A.pad + A.width * A.height;
  for (let i = A.pad; i < end; i++) {
    r0[i] = b0[i] - r0[i];
    r1[i] = b1[i] - r1[i];
  }
}

/**
 * One Gauss–Seidel sweep on two channels, forward (top-left first) or backward, lexicographic
 * within blocks of rows visited in ./row-blocks.ts's order; diag must be > 0.
 */
export function gaussSeidel9x2(
  A: Stencil9,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  backward: boolean,
): void {
  if (wasmGaussSeidel2(A, x0, x1, b0, b1, backward, false)) return;
  sweepInBlockOrder(A.width, A.height, backward, (from, to, back) =>
    sweepRows(A, x0, x1, b0, b1, from, to, back),
  );
}

/** Lexicographic Gauss–Seidel over grid rows [from, to). */
function sweepRows(
  A: Stencil9,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  from: number,
  to: number,
  backward: boolean,
): void {
  const { width: w, pad, diag, e, s, se, sw } = A;
  const n = (to - from) * w;
  const step = backward ? -1 : 1;
  for (let k = 0, i = backward ? pad + to * w - 1 : pad + from * w; k < n; k++, i += step) {
    const cE = e[i];
    const cW = e[i - 1];
    const cS = s[i];
    const cN = s[i - w];
    const cSE = se[i];
    const cNW = se[i - w - 1];
    const cSW = sw[i];
    const cNE = sw[i - w + 1];
    const inv = 1 / diag[i];
    x0[i] =
      (b0[i] +
        cE * x0[i + 1] +
        cW * x0[i - 1] +
        cS * x0[i + w] +
        cN * x0[i - w] +
        cSE * x0[i + w + 1] +
        cNW * x0[i - w - 1] +
        cSW * x0[i + w - 1] +
        cNE * x0[i - w + 1]) *
      inv;
    x1[i] =
      (b1[i] +
        cE * x1[i + 1] +
        cW * x1[i - 1] +
        cS * x1[i + w] +
        cN * x1[i - w] +
        cSE * x1[i + w + 1] +
        cNW * x1[i - w - 1] +
        cSW * x1[i + w - 1] +
        cNE * x1[i - w + 1]) *
      inv;
  }
}

/**
 * The first forward Gauss–Seidel sweep from x = 0 on two channels: neighbours not yet visited are
 * still 0, so only the four already-updated ones (W, NW, N, NE) are read. Writes every pixel of x.
 * Blocks of rows in ./row-blocks.ts's order.
 */
export function gaussSeidelFromZero9x2(
  A: Stencil9,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
): void {
  if (wasmGaussSeidel2(A, x0, x1, b0, b1, false, true)) return;
  const { width: w, pad, diag, e, s, se, sw } = A;
  sweepFromZeroInBlockOrder(
    A.width,
    A.height,
    [x0, x1],
    (from, to) => {
      const end = pad + to * w;
      for (let i = pad + from * w; i < end; i++) {
        const cW = e[i - 1];
        const cN = s[i - w];
        const cNW = se[i - w - 1];
        const cNE = sw[i - w + 1];
        const inv = 1 / diag[i];
        x0[i] = (b0[i] + cW * x0[i - 1] + cN * x0[i - w] + cNW * x0[i - w - 1] + cNE * x0[i - w + 1]) * inv;
        x1[i] = (b1[i] + cW * x1[i - 1] + cN * x1[i - w] + cNW * x1[i - w - 1] + cNE * x1[i - w + 1]) * inv;
      }
    },
    (from, to, back) => sweepRows(A, x0, x1, b0, b1, from, to, back),
  );
}

/**
 * Coupling of pixel index i (padded) with its neighbour in direction (dx, dy), dx, dy ∈ {−1, 0, 1};
 * for (0, 0) the diagonal. Matrix entry A(i, j) is −coupling for j ≠ i.
 */
export function coupling9(A: Stencil9, i: number, dx: number, dy: number): number {
  const w = A.width;
  if (dy === 0) return dx === 0 ? A.diag[i] : dx > 0 ? A.e[i] : A.e[i - 1];
  if (dy > 0) return dx === 0 ? A.s[i] : dx > 0 ? A.se[i] : A.sw[i];
  return dx === 0 ? A.s[i - w] : dx > 0 ? A.sw[i - w + 1] : A.se[i - w - 1];
}
