/**
 * A general (not necessarily symmetric) 9-point stencil operator: every pixel stores its own
 * coupling to each of its 8 neighbours, A(r, r) = diag[r] and A(r, s) = −c_k[r] for s = r + offset_k.
 * Levin et al.'s system u_r − Σ_s w_rs u_s = 0 has this shape: w is row-normalised with a σ per
 * pixel, so w_rs ≠ w_sr and the symmetric storage of ./stencil9.ts cannot hold it.
 *
 * Grid vectors are the padded vectors of ./stencil9.ts (pixel i at pad + i, zero padding);
 * couplings that leave the image are stored as 0.
 */
import { ColorizeError } from '../errors.js';
import { type RowSweep, sweepFromZeroInBlockOrder, sweepInBlockOrder } from './row-blocks.js';
import { createStencil9, type GridVector, gridVector, padFor, type Stencil9 } from './stencil9.js';
import { wasmApply2, wasmGaussSeidel2 } from './wasm/arena.js';

/** Neighbour directions in storage order: W, E, N, S, NW, NE, SW, SE, as [dx, dy]. */
export const GENERAL_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
];

export interface GeneralStencil9 {
  readonly width: number;
  readonly height: number;
  /** Padding before and after the pixels of every array (width + 1). */
  readonly pad: number;
  /** Diagonal: double precision, or single where the operator is built in a wasm arena. */
  readonly diag: Float64Array | Float32Array;
  /**
   * Coupling planes, one per {@link GENERAL_OFFSETS} direction; entry A(r, r+off_k) = −c[k][pad + r].
   * Single precision by default (half the memory traffic); double for reference solves.
   */
  readonly c: Array<Float32Array | Float64Array>;
  /**
   * The rows' sums diag − Σ_k c_k, kept exactly where the operator has them (Levin's I − w: 0,
   * then after the constraints the couplings moved to the right-hand side): products then form
   * (A x)_r = rowSum_r x_r + Σ_k c_k[r] (x_r − x_s). Rounded couplings do not sum to the rounded
   * diagonal: in single precision every row of I − w leaked ±3e-8 to zero, more than the
   * couplings (down to 1e-10 of a row) that decide a region strong edges almost cut off. In this
   * form a constant is exactly what the rows say it is, and the products' rounding scales with
   * the differences between neighbours, not with the values.
   */
  rowSum?: Float32Array | Float64Array;
}

/**
 * A zero general stencil; `precision` sets the coupling planes' type, `rowSums` adds a zero
 * {@link GeneralStencil9.rowSum} plane (an operator whose rows sum to zero exactly).
 */
export function createGeneralStencil9(
  width: number,
  height: number,
  precision: 'single' | 'double' = 'single',
  rowSums = false,
): GeneralStencil9 {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  const plane = () => (precision === 'double' ? new Float64Array(len) : new Float32Array(len));
  return {
    width,
    height,
    pad,
    diag: new Float64Array(len),
    c: GENERAL_OFFSETS.map(plane),
    ...(rowSums && { rowSum: plane() }),
  };
}

/** Padded index offsets of the 8 directions on a grid of width `w`. */
export function generalOffsets(w: number): number[] {
  return GENERAL_OFFSETS.map(([dx, dy]) => dy * w + dx);
}

/**
 * y = A·x for two channels on padded grid vectors (in the difference form of
 * {@link GeneralStencil9.rowSum} where A keeps its row sums).
 *
 * @example
 * ```ts
 * import { applyGeneral9x2, createGeneralStencil9, gridVector } from 'colorize-toolkit/internals';
 * const A = createGeneralStencil9(2, 1);
 * A.diag.fill(1); A.c[1][A.pad] = 0.5; // row 0: x0 − 0.5·x1; row 1: x1
 * const x = gridVector(2, 1); x[A.pad] = 1; x[A.pad + 1] = 1;
 * const y = gridVector(2, 1); const y2 = gridVector(2, 1);
 * applyGeneral9x2(A, x, x, y, y2);
 * console.log(y[A.pad], y[A.pad + 1]); // 0.5 1
 * ```
 */
export function applyGeneral9x2(
  A: GeneralStencil9,
  x0: GridVector,
  x1: GridVector,
  y0: GridVector,
  y1: GridVector,
): void {
  if (wasmApply2(A, x0, x1, y0, y1)) return;
  const { width: w, pad, diag, rowSum } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const end = pad + A.width * A.height;
  if (rowSum) {
    for (let i = pad; i < end; i++) {
      const u = x0[i];
      const v = x1[i];
      y0[i] =
        rowSum[i] * u +
        cW[i] * (u - x0[i - 1]) +
        cE[i] * (u - x0[i + 1]) +
        cN[i] * (u - x0[i - w]) +
        cS[i] * (u - x0[i + w]) +
        cNW[i] * (u - x0[i - w - 1]) +
        cNE[i] * (u - x0[i - w + 1]) +
        cSW[i] * (u - x0[i + w - 1]) +
        cSE[i] * (u - x0[i + w + 1]);
      y1[i] =
        rowSum[i] * v +
        cW[i] * (v - x1[i - 1]) +
        cE[i] * (v - x1[i + 1]) +
        cN[i] * (v - x1[i - w]) +
        cS[i] * (v - x1[i + w]) +
        cNW[i] * (v - x1[i - w - 1]) +
        cNE[i] * (v - x1[i - w + 1]) +
        cSW[i] * (v - x1[i + w - 1]) +
        cSE[i] * (v - x1[i + w + 1]);
    }
    return;
  }
  for (let i = pad; i < end; i++) {
    const a = cW[i];
    const b = cE[i];
    const c = cN[i];
    const d = cS[i];
    const e = cNW[i];
    const f = cNE[i];
    const g = cSW[i];
    const h = cSE[i];
    const dg = diag[i];
    y0[i] =
      dg * x0[i] -
      a * x0[i - 1] -
      b * x0[i + 1] -
      c * x0[i - w] -
      d * x0[i + w] -
      e * x0[i - w - 1] -
      f * x0[i - w + 1] -
      g * x0[i + w - 1] -
      h * x0[i + w + 1];
    y1[i] =
      dg * x1[i] -
      a * x1[i - 1] -
      b * x1[i + 1] -
      c * x1[i - w] -
      d * x1[i + w] -
      e * x1[i - w - 1] -
      f * x1[i - w + 1] -
      g * x1[i + w - 1] -
      h * x1[i + w + 1];
  }
}

/** A general stencil with some unknowns fixed: identity rows at fixed pixels, their couplings moved to the right-hand side. */
export interface GeneralDirichletSystem {
  readonly A: GeneralStencil9;
  /** One padded right-hand side per channel. */
  readonly rhs: GridVector[];
  /** 1 for free pixels, 0 for fixed ones (unpadded). */
  readonly active: Uint8Array;
  /**
   * Per free pixel r, Σ c_sr over fixed neighbours s: the couplings that fixed rows had toward r
   * before they became identity rows (what a symmetrised operator needs for its anchor terms).
   */
  readonly inflow: Float32Array;
  /**
   * Hands back planes the system holds only until its preconditioner is built (the inflow, where
   * it lies at the top of a wasm arena); the solver calls it then.
   */
  readonly release?: () => void;
}

/** Planes for {@link generalDirichletSystem} to build in instead of new ones (a wasm arena's, say). */
export interface DirichletPlanes {
  /** Zeroed padded planes for the right-hand sides, one per channel. */
  rhs?: GridVector[];
  /** n bytes, all 1. */
  active?: Uint8Array;
  /** n zeroed floats. */
  inflow?: Float32Array;
  /** See {@link GeneralDirichletSystem.release}. */
  release?: () => void;
  /**
   * The fixed pixels in ascending order, where the caller has them already (a Levin solve lists
   * its stroke pixels to convert their colours): the mask is then not scanned again.
   */
  fixedIndex?: Uint32Array;
}

/**
 * Fixes pixels `fixed[i] ≠ 0` of operator `L` at `values[c][i]` for every channel c: fixed rows
 * become identity rows, and each free row's coupling to a fixed pixel moves to its right-hand
 * side (b_r += c_rs · value_s). The free block is then decoupled from the fixed pixels. With
 * `inPlace`, L itself is constrained (no copy).
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, generalDirichletSystem } from 'colorize-toolkit/internals';
 * const L = createGeneralStencil9(2, 1); L.diag.fill(1); L.c[0][L.pad + 1] = 1; // x1 − x0
 * const sys = generalDirichletSystem(L, Uint8Array.of(1, 0), [Float32Array.of(0.3, 0)]);
 * console.log(sys.rhs[0][L.pad + 1].toFixed(1), sys.A.c[0][L.pad + 1]); // 0.3 0
 * ```
 */
export function generalDirichletSystem(
  L: GeneralStencil9,
  fixed: Uint8Array,
  values: Float32Array[],
  inPlace = false,
  planes: DirichletPlanes = {},
  rowScale?: Float32Array,
): GeneralDirichletSystem {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  if (fixed.length !== n)
    throw new ColorizeError(`generalDirichletSystem: mask has ${fixed.length} pixels, grid ${n}`, 'internal');
  // In place when the caller has no further use for L (saves a copy of 8 coupling planes).
  let A = L;
  if (!inPlace) {
    A = createGeneralStencil9(W, H, L.c[0] instanceof Float64Array ? 'double' : 'single', !!L.rowSum);
    A.diag.set(L.diag);
    for (let k = 0; k < 8; k++) A.c[k].set(L.c[k]);
    if (L.rowSum) A.rowSum?.set(L.rowSum);
  }
  const rhs = planes.rhs ?? values.map(() => gridVector(W, H));
  const active = planes.active ?? new Uint8Array(n).fill(1);
  const inflow = planes.inflow ?? new Float32Array(n);
  // Only fixed pixels and their neighbours change, so walk the fixed pixels (strokes cover ~1 %).
  const list = planes.fixedIndex;
  const count = list ? list.length : n;
  const c = A.c;
  const diag = A.diag;
  // Row sums, where A keeps them: a fixed row's is 1 (an identity row), and a coupling moved to
  // the right-hand side adds to its row's (the row's couplings lose it, its diagonal does not).
  const rowSum = A.rowSum;
  const channels = rhs.length;
  // Per direction: the flat offset, and its x and y steps (a loop over plain arrays, not pairs:
  // this runs once per solve, mostly before the optimising compiler has seen it).
  const dxs = GENERAL_OFFSETS.map(([dx]) => dx);
  const dys = GENERAL_OFFSETS.map(([, dy]) => dy);
  const offs = GENERAL_OFFSETS.map(([dx, dy]) => dy * W + dx);
  for (let t = 0; t < count; t++) {
    const r = list ? list[t] : t;
    if (!fixed[r]) continue;
    active[r] = 0;
    const x = r % W;
    const y = (r - x) / W;
    const i = pad + r;
    diag[i] = 1;
    if (rowSum) rowSum[i] = 1;
    for (let ch = 0; ch < channels; ch++) rhs[ch][i] = values[ch][r];
    const scale = rowScale ? rowScale[r] : 1;
    for (let k = 0; k < 8; k++) {
      const plane = c[k];
      const off = offs[k];
      // Row r's own coupling toward s = r + off_k: recorded as inflow of s, then dropped.
      const cv = plane[i];
      if (cv !== 0) {
        // `rowScale`: the inflow of the row-scaled operator (../solve/balance.ts), for its symmetric part.
        if (!fixed[r + off]) inflow[r + off] += scale * cv;
        plane[i] = 0;
      }
      // A free row q = r − off_k coupled toward r: the coupling moves to q's right-hand side.
      const qx = x - dxs[k];
      const qy = y - dys[k];
      if (qx < 0 || qy < 0 || qx >= W || qy >= H) continue;
      const q = r - off;
      if (fixed[q]) continue;
      const cq = plane[pad + q];
      if (cq === 0) continue;
      for (let ch = 0; ch < channels; ch++) rhs[ch][pad + q] += cq * values[ch][r];
      if (rowSum) rowSum[pad + q] += cq;
      plane[pad + q] = 0;
    }
  }
  return { A, rhs, active, inflow, release: planes.release };
}

/**
 * Exact solve of a general 9-point system by band LU without pivoting, numbering the grid along
 * its shorter side (half-bandwidth min(W, H) + 1). No pivoting is safe for the diagonally dominant
 * M-matrices built here (Levin's I − w with fixed pixels); a zero pivot is reported. Double
 * precision, O(n·b²) time and O(n·b) memory: the independent reference for tests on small grids.
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, generalDirichletSystem, solveGeneralDirect } from 'colorize-toolkit/internals';
 * const L = createGeneralStencil9(3, 1); L.diag.fill(1);
 * L.c[0][L.pad + 1] = 0.25; L.c[1][L.pad + 1] = 0.75; // x1 = ¼x0 + ¾x2
 * const sys = generalDirichletSystem(L, Uint8Array.of(1, 0, 1), [Float32Array.of(0, 0, 1)]);
 * console.log(solveGeneralDirect(sys)[0][1]); // 0.75
 * ```
 */
export function solveGeneralDirect(sys: GeneralDirichletSystem): Float64Array[] {
  const F = factorGeneralStencil9(sys.A);
  const { width: W, height: H, pad } = sys.A;
  return sys.rhs.map((b) => {
    const x = Float64Array.from(b);
    solveGeneralStencil9(F, x);
    return x.slice(pad, pad + W * H);
  });
}

/** A band LU factor of a general 9-point stencil, numbered along the grid's shorter side. */
export interface GeneralStencilLu {
  readonly width: number;
  readonly height: number;
  readonly pad: number;
  /** Band index of each (unpadded) pixel. */
  readonly order: Int32Array;
  readonly factor: BandLu;
  readonly work: Float64Array;
}

/** Factors a general 9-point stencil exactly (band LU, half-bandwidth min(W, H) + 1). */
export function factorGeneralStencil9(A: GeneralStencil9): GeneralStencilLu {
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const transpose = H < W;
  const order = new Int32Array(n);
  const pixel = new Int32Array(n);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = transpose ? x * H + y : y * W + x;
      order[y * W + x] = i;
      pixel[i] = y * W + x;
    }
  const kOf = new Int8Array(9).fill(-1); // (dx + 1) + 3·(dy + 1) → direction k
  GENERAL_OFFSETS.forEach(([dx, dy], k) => {
    kOf[dx + 1 + 3 * (dy + 1)] = k;
  });
  const entry = (i: number, j: number): number => {
    const r = pixel[i];
    if (i === j) return A.diag[pad + r];
    const s = pixel[j];
    const dx = (s % W) - (r % W);
    const dy = Math.floor(s / W) - Math.floor(r / W);
    if (dx < -1 || dx > 1 || dy < -1 || dy > 1) return 0;
    return -A.c[kOf[dx + 1 + 3 * (dy + 1)]][pad + r];
  };
  const factor = bandLuFactor(n, (transpose ? H : W) + 1, entry);
  return { width: W, height: H, pad, order, factor, work: new Float64Array(n) };
}

/** Solves A x = b in place on a padded grid vector with a {@link factorGeneralStencil9} factor. */
export function solveGeneralStencil9(F: GeneralStencilLu, x: GridVector): void {
  const { order, work, pad } = F;
  const n = order.length;
  for (let r = 0; r < n; r++) work[order[r]] = x[pad + r];
  bandLuApply(F.factor, work);
  for (let r = 0; r < n; r++) x[pad + r] = work[order[r]];
}

/** An LU factor of a band matrix (unit lower L below the diagonal, U on and above it). */
export interface BandLu {
  readonly n: number;
  readonly bandwidth: number;
  /** A(i, j) → LU at i·(2b+1) + (j − i + b). */
  readonly lu: Float64Array;
}

/**
 * LU factor of a band matrix (A given by `entry(i, j)` for |i − j| ≤ b) without pivoting, in
 * double precision. For diagonally dominant M-matrices and SPD matrices no pivoting is needed; a
 * zero pivot throws.
 */
export function bandLuFactor(n: number, bandwidth: number, entry: (i: number, j: number) => number): BandLu {
  const b = Math.min(bandwidth, Math.max(0, n - 1));
  const stride = 2 * b + 1;
  const gib = (n * stride * 8) / 2 ** 30;
  if (gib > 4) throw new ColorizeError(`the band LU would need ${gib.toFixed(1)} GiB`, 'input');
  const M = new Float64Array(n * stride);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++)
      M[i * stride + (j - i + b)] = entry(i, j);
  for (let k = 0; k < n; k++) {
    const offK = k * stride - k + b;
    const pivot = M[offK + k];
    if (pivot === 0 || !Number.isFinite(pivot))
      throw new ColorizeError(`band LU: pivot ${k} is ${pivot}`, 'internal');
    const iEnd = Math.min(n - 1, k + b);
    for (let i = k + 1; i <= iEnd; i++) {
      const off = i * stride - i + b;
      const l = M[off + k] / pivot;
      if (l === 0) continue;
      M[off + k] = l;
      for (let j = k + 1; j <= iEnd; j++) M[off + j] -= l * M[offK + j];
    }
  }
  return { n, bandwidth: b, lu: M };
}

/** Solves with a {@link BandLu} factor in place (`v` of length n, any numeric array type). */
export function bandLuApply(F: BandLu, v: Float64Array | Float32Array, offset = 0): void {
  const { n, bandwidth: b, lu: M } = F;
  const stride = 2 * b + 1;
  for (let i = 0; i < n; i++) {
    let s = v[offset + i];
    const off = i * stride - i + b;
    for (let j = Math.max(0, i - b); j < i; j++) s -= M[off + j] * v[offset + j];
    v[offset + i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = v[offset + i];
    const off = i * stride - i + b;
    const jEnd = Math.min(n - 1, i + b);
    for (let j = i + 1; j <= jEnd; j++) s -= M[off + j] * v[offset + j];
    v[offset + i] = s / M[off + i];
  }
}

/** Exact solve of a band system for several right-hand sides (overwritten with the solutions). */
export function bandLuSolve(
  n: number,
  bandwidth: number,
  entry: (i: number, j: number) => number,
  rhs: Float64Array[],
): void {
  const F = bandLuFactor(n, bandwidth, entry);
  for (const v of rhs) bandLuApply(F, v);
}

/**
 * One Gauss–Seidel sweep on two channels for a general stencil, forward or backward (diag must be
 * > 0), lexicographic within blocks of rows visited in ./row-blocks.ts's order. With `fromZero`,
 * a forward sweep that starts from x = 0 reads only the neighbours already visited (W, N, NW, NE)
 * and overwrites every pixel.
 */
export function gaussSeidelGeneral9x2(
  A: GeneralStencil9,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  backward: boolean,
  fromZero = false,
): void {
  if (wasmGaussSeidel2(A, x0, x1, b0, b1, backward, fromZero)) return;
  const { width: w, pad, diag } = A;
  const [cW, , cN, , cNW, cNE] = A.c;
  const sweep: RowSweep = (from, to, back) => sweepGeneralRows(A, x0, x1, b0, b1, from, to, back);
  if (!fromZero) {
    sweepInBlockOrder(A.width, A.height, backward, sweep);
    return;
  }
  sweepFromZeroInBlockOrder(
    A.width,
    A.height,
    [x0, x1],
    (from, to) => {
      const end = pad + to * w;
      for (let i = pad + from * w; i < end; i++) {
        const a = cW[i];
        const c = cN[i];
        const e = cNW[i];
        const f = cNE[i];
        const inv = 1 / diag[i];
        x0[i] = (b0[i] + a * x0[i - 1] + c * x0[i - w] + e * x0[i - w - 1] + f * x0[i - w + 1]) * inv;
        x1[i] = (b1[i] + a * x1[i - 1] + c * x1[i - w] + e * x1[i - w - 1] + f * x1[i - w + 1]) * inv;
      }
    },
    sweep,
  );
}

/** Lexicographic Gauss–Seidel of a general stencil over grid rows [from, to). */
function sweepGeneralRows(
  A: GeneralStencil9,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  from: number,
  to: number,
  backward: boolean,
): void {
  const { width: w, pad, diag } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const n = (to - from) * w;
  const step = backward ? -1 : 1;
  for (let k = 0, i = backward ? pad + to * w - 1 : pad + from * w; k < n; k++, i += step) {
    const a = cW[i];
    const b = cE[i];
    const c = cN[i];
    const d = cS[i];
    const e = cNW[i];
    const f = cNE[i];
    const g = cSW[i];
    const h = cSE[i];
    const inv = 1 / diag[i];
    x0[i] =
      (b0[i] +
        a * x0[i - 1] +
        b * x0[i + 1] +
        c * x0[i - w] +
        d * x0[i + w] +
        e * x0[i - w - 1] +
        f * x0[i - w + 1] +
        g * x0[i + w - 1] +
        h * x0[i + w + 1]) *
      inv;
    x1[i] =
      (b1[i] +
        a * x1[i - 1] +
        b * x1[i + 1] +
        c * x1[i - w] +
        d * x1[i + w] +
        e * x1[i - w - 1] +
        f * x1[i - w + 1] +
        g * x1[i + w - 1] +
        h * x1[i + w + 1]) *
      inv;
  }
}

/**
 * y = Aᵀ·x for two channels: (Aᵀx)_s = diag_s x_s − Σ_k c_k[s − off_k] x_{s − off_k}.
 *
 * @example
 * ```ts
 * import { applyGeneralTranspose9x2, createGeneralStencil9, gridVector } from 'colorize-toolkit/internals';
 * const A = createGeneralStencil9(2, 1);
 * A.diag.fill(1); A.c[1][A.pad] = 0.5; // A = [[1, −0.5], [0, 1]]
 * const x = gridVector(2, 1); x[A.pad] = 1; x[A.pad + 1] = 1;
 * const y = gridVector(2, 1); const y2 = gridVector(2, 1);
 * applyGeneralTranspose9x2(A, x, x, y, y2);
 * console.log(y[A.pad], y[A.pad + 1]); // 1 0.5
 * ```
 */
export function applyGeneralTranspose9x2(
  A: GeneralStencil9,
  x0: GridVector,
  x1: GridVector,
  y0: GridVector,
  y1: GridVector,
): void {
  const { width: w, pad, diag } = A;
  const offs = generalOffsets(w);
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    y0[i] = diag[i] * x0[i];
    y1[i] = diag[i] * x1[i];
  }
  for (let k = 0; k < 8; k++) {
    const ck = A.c[k];
    const o = offs[k];
    // Row r = s − o couples to s; padding rows hold 0, so no bounds tests.
    for (let s = pad; s < end; s++) {
      const r = s - o;
      const cv = ck[r];
      if (cv === 0) continue;
      y0[s] -= cv * x0[r];
      y1[s] -= cv * x1[r];
    }
  }
}

/**
 * The symmetric graph of a general operator's couplings: W_rs = (c_rs + c_sr)/2 as a 9-point
 * stencil, with the diagonal set to the weighted degree Σ_s W_rs (a graph Laplacian, singular
 * until pixels are fixed), into `L` when given (a zero stencil of the same size).
 *
 * @example
 * ```ts
 * import { createGeneralStencil9, symmetrise } from 'colorize-toolkit/internals';
 * const A = createGeneralStencil9(2, 1); A.c[1][A.pad] = 0.2; A.c[0][A.pad + 1] = 0.6;
 * const L = symmetrise(A);
 * console.log(L.e[L.pad].toFixed(2), L.diag[L.pad].toFixed(2)); // 0.40 0.40
 * ```
 */
export function symmetrise(
  A: GeneralStencil9,
  L: Stencil9 = createStencil9(A.width, A.height),
  rowScale?: Float32Array,
): Stencil9 {
  const { width: W, height: H, pad } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const { e, s, se, sw, diag } = L;
  const end = pad + W * H;
  // Out-of-image couplings are 0 in A, so pairs that leave the image stay 0 here.
  if (rowScale) {
    // Of the row-scaled operator diag(rowScale)·A, without forming it (../solve/balance.ts).
    // Pixel i + pad reads factors up to r + W + 1: checked only in the last row and a half.
    const safe = Math.max(pad, end - W - 1);
    for (let i = pad, r = 0; i < safe; i++, r++) {
      const p = rowScale[r];
      e[i] = 0.5 * (p * cE[i] + rowScale[r + 1] * cW[i + 1]);
      s[i] = 0.5 * (p * cS[i] + rowScale[r + W] * cN[i + W]);
      se[i] = 0.5 * (p * cSE[i] + rowScale[r + W + 1] * cNW[i + W + 1]);
      sw[i] = 0.5 * (p * cSW[i] + rowScale[r + W - 1] * cNE[i + W - 1]);
    }
    const f = (r: number): number => (r < rowScale.length ? rowScale[r] : 0);
    for (let i = safe, r = safe - pad; i < end; i++, r++) {
      const p = f(r);
      e[i] = 0.5 * (p * cE[i] + f(r + 1) * cW[i + 1]);
      s[i] = 0.5 * (p * cS[i] + f(r + W) * cN[i + W]);
      se[i] = 0.5 * (p * cSE[i] + f(r + W + 1) * cNW[i + W + 1]);
      sw[i] = 0.5 * (p * cSW[i] + f(r + W - 1) * cNE[i + W - 1]);
    }
  } else {
    for (let i = pad; i < end; i++) {
      e[i] = 0.5 * (cE[i] + cW[i + 1]);
      s[i] = 0.5 * (cS[i] + cN[i + W]);
      se[i] = 0.5 * (cSE[i] + cNW[i + W + 1]);
      sw[i] = 0.5 * (cSW[i] + cNE[i + W - 1]);
    }
  }
  // Degrees from the stored (float32) couplings, so every row sums to exactly 0.
  for (let i = pad; i < end; i++)
    diag[i] = e[i] + e[i - 1] + s[i] + s[i - W] + se[i] + se[i - W - 1] + sw[i] + sw[i - W + 1];
  return L;
}
