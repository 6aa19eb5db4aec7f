/**
 * The order in which a sweep visits a grid's rows when the grid is large enough for two threads
 * (issue 14: the second core). Rows [0, m − 1) and [m, H) are two blocks that do not touch each
 * other; row m − 1 between them is the separator. A forward Gauss–Seidel sweep visits the two
 * blocks (at the same time where a helper thread runs one of them), then the separator; a
 * backward sweep is the exact reverse, so a forward/backward pair stays a symmetric smoother.
 * Every sweep, in wasm or JavaScript, with or without the helper, visits in this order, so the
 * results do not depend on how many threads ran them.
 *
 * Restriction (c += Pᵀ r) writes coarse rows ⌊y/2⌋ and ⌊y/2⌋ + 1 from fine row y, so its blocks
 * are fine rows [0, m − 2) and [m, H), then rows m − 2 and m − 1; the products (apply, residual,
 * prolongation) write each row from inputs only and split at m.
 */

/** Grids of at least this many pixels are split (smaller ones cost less than a thread hand-off). */
export const SPLIT_MIN_PIXELS = 65_536;
const SPLIT_MIN_ROWS = 16;

/**
 * The first row m of the second block of a `width` × `height` grid (even, about half way), or 0
 * where the grid is swept as one block.
 *
 * @example
 * ```ts
 * import { splitRow } from 'colorize-toolkit/internals';
 * console.log(splitRow(1155, 866), splitRow(64, 48)); // 432 0
 * ```
 */
export function splitRow(width: number, height: number): number {
  if (width * height < SPLIT_MIN_PIXELS || height < SPLIT_MIN_ROWS) return 0;
  return (height >> 2) << 1;
}

/**
 * The split point of a flat range [from, to) of a vector (dot products, vector updates): about
 * half way, 4-aligned from `from`; `to` where the range is not split.
 */
export function splitIndex(from: number, to: number): number {
  if (to - from < SPLIT_MIN_PIXELS) return to;
  return from + (((to - from) >> 3) << 2);
}

/** Grid rows [from, to). */
export type RowRange = readonly [number, number];

/**
 * Runs two row ranges that do not touch each other: at the same time where the caller has a
 * second thread (the wasm arena's `pair`), one after the other otherwise (the default).
 */
export type RunBoth = (a: RowRange, b: RowRange) => void;

/**
 * An accumulation from fine rows into coarse rows ⌊y/2⌋ and ⌊y/2⌋ + 1 (the restriction, the
 * Galerkin product) over all `height` fine rows in block order: the two blocks (through `both`),
 * then fine rows m − 2 and m − 1. The JavaScript loops and the split kernels both come here, so
 * their sums agree bit for bit.
 */
export function accumulateInBlockOrder(
  width: number,
  height: number,
  run: (from: number, to: number) => void,
  both: RunBoth = (a, b) => {
    run(a[0], a[1]);
    run(b[0], b[1]);
  },
): void {
  const m = splitRow(width, height);
  if (!m) run(0, height);
  else {
    both([0, m - 2], [m, height]);
    run(m - 2, m);
  }
}

/** A Gauss–Seidel sweep over grid rows [from, to) in one direction. */
export type RowSweep = (from: number, to: number, backward: boolean) => void;

/**
 * One Gauss–Seidel sweep of a `width` × `height` grid in block order (see the module comment):
 * forward, the two blocks (through `both`) then the separator; backward, the exact reverse.
 */
export function sweepInBlockOrder(
  width: number,
  height: number,
  backward: boolean,
  sweep: RowSweep,
  both: RunBoth = (a, b) => {
    sweep(a[0], a[1], backward);
    sweep(b[0], b[1], backward);
  },
): void {
  const m = splitRow(width, height);
  if (!m) sweep(0, height, backward);
  else if (!backward) {
    both([0, m - 1], [m, height]);
    sweep(m - 1, m, false);
  } else {
    sweep(m - 1, m, true);
    both([0, m - 1], [m, height]);
  }
}

/**
 * The first forward sweep from x = 0 in block order: the separator row of every plane in `x`
 * (padded grid vectors) is set to 0 first (the blocks read it as not yet visited), the blocks are
 * swept from zero (`fromZero`: only the neighbours already visited are read; through `both`), and
 * the separator last by a full sweep of its row (its east neighbours are still 0).
 */
export function sweepFromZeroInBlockOrder(
  width: number,
  height: number,
  x: readonly (Float32Array | Float64Array)[],
  fromZero: (from: number, to: number) => void,
  sweep: RowSweep,
  both: RunBoth = (a, b) => {
    fromZero(a[0], a[1]);
    fromZero(b[0], b[1]);
  },
): void {
  const m = splitRow(width, height);
  if (!m) {
    fromZero(0, height);
    return;
  }
  // Padded planes: pixel (x, y) at width + 1 + y·width + x.
  for (const plane of x) plane.fill(0, width + 1 + (m - 1) * width, width + 1 + m * width);
  both([0, m - 1], [m, height]);
  sweep(m - 1, m, false);
}
