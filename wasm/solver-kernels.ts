// AssemblyScript source of the solver kernels (compiled by scripts/build-wasm.mjs into
// src/solve/wasm/kernels-binary.ts). Every array is a padded grid plane of f32 as in
// src/solve/stencil9.ts (pixel i of a W×H grid at index W + 1 + i, zero padding); pointers are
// byte addresses of index 0. The 9-point operator is given by its 8 coupling planes and its
// diagonal: row i reads (A x)_i = d_i x_i − Σ_k c_k[i] x[i + off_k], or, where the operator keeps
// its row sums s_i = d_i − Σ_k c_k[i] (a plane of them given), the products read
// (A x)_i = s_i x_i + Σ_k c_k[i] (x_i − x[i + off_k]) (src/solve/general-stencil9.ts, rowSum).
// The symmetric storage of stencil9.ts is the same operator with shifted plane pointers
// (cW = e − 1, cN = s − W, …), so one set of kernels serves both.

@inline function vld(p: usize, i: i32): v128 {
  return v128.load(p + (<usize>i << 2));
}
@inline function fld(p: usize, i: i32): f32 {
  return load<f32>(p + (<usize>i << 2));
}
@inline function vst(p: usize, i: i32, v: v128): void {
  v128.store(p + (<usize>i << 2), v);
}
@inline function fst(p: usize, i: i32, v: f32): void {
  store<f32>(p + (<usize>i << 2), v);
}

// Coupling planes of the current operator, set by `operator` before a kernel call.
let cW: usize = 0;
let cE: usize = 0;
let cN: usize = 0;
let cS: usize = 0;
let cNW: usize = 0;
let cNE: usize = 0;
let cSW: usize = 0;
let cSE: usize = 0;
let dg: usize = 0;
let inv: usize = 0;
let rs: usize = 0;
let gw: i32 = 0;
let gh: i32 = 0;

/** Selects the operator the next kernels use (planes as byte addresses; see the file comment). */
export function operator(
  w: usize,
  e: usize,
  n: usize,
  s: usize,
  nw: usize,
  ne: usize,
  sw: usize,
  se: usize,
  diag: usize,
  invDiag: usize,
  rowSums: usize,
  width: i32,
  height: i32,
): void {
  cW = w;
  cE = e;
  cN = n;
  cS = s;
  cNW = nw;
  cNE = ne;
  cSW = sw;
  cSE = se;
  dg = diag;
  inv = invDiag;
  rs = rowSums;
  gw = width;
  gh = height;
}

// Σ_k c_k x[i + off_k] over the 8 neighbours, 4 pixels at a time, the couplings at i given (the
// kernels load them once for both channels: the loads, not the arithmetic, bound these loops).
@inline function neighWith(x: usize, i: i32, w: v128, e: v128, nn: v128, ss: v128, nw: v128, ne: v128, sw: v128, se: v128): v128 {
  const n = i - gw;
  const s = i + gw;
  let t = f32x4.add(f32x4.mul(w, vld(x, i - 1)), f32x4.mul(e, vld(x, i + 1)));
  t = f32x4.add(t, f32x4.add(f32x4.mul(nn, vld(x, n)), f32x4.mul(ss, vld(x, s))));
  t = f32x4.add(t, f32x4.add(f32x4.mul(nw, vld(x, n - 1)), f32x4.mul(ne, vld(x, n + 1))));
  return f32x4.add(t, f32x4.add(f32x4.mul(sw, vld(x, s - 1)), f32x4.mul(se, vld(x, s + 1))));
}

// Σ_k c_k (x_i − x[i + off_k]), 4 pixels at a time (u: x at i).
@inline function diffWith(x: usize, i: i32, u: v128, w: v128, e: v128, nn: v128, ss: v128, nw: v128, ne: v128, sw: v128, se: v128): v128 {
  const n = i - gw;
  const s = i + gw;
  let t = f32x4.add(f32x4.mul(w, f32x4.sub(u, vld(x, i - 1))), f32x4.mul(e, f32x4.sub(u, vld(x, i + 1))));
  t = f32x4.add(t, f32x4.add(f32x4.mul(nn, f32x4.sub(u, vld(x, n))), f32x4.mul(ss, f32x4.sub(u, vld(x, s)))));
  t = f32x4.add(t, f32x4.add(f32x4.mul(nw, f32x4.sub(u, vld(x, n - 1))), f32x4.mul(ne, f32x4.sub(u, vld(x, n + 1)))));
  return f32x4.add(t, f32x4.add(f32x4.mul(sw, f32x4.sub(u, vld(x, s - 1))), f32x4.mul(se, f32x4.sub(u, vld(x, s + 1)))));
}

@inline function diff1(x: usize, i: i32): f32 {
  const n = i - gw;
  const s = i + gw;
  const u = fld(x, i);
  return (
    fld(cW, i) * (u - fld(x, i - 1)) +
    fld(cE, i) * (u - fld(x, i + 1)) +
    fld(cN, i) * (u - fld(x, n)) +
    fld(cS, i) * (u - fld(x, s)) +
    fld(cNW, i) * (u - fld(x, n - 1)) +
    fld(cNE, i) * (u - fld(x, n + 1)) +
    fld(cSW, i) * (u - fld(x, s - 1)) +
    fld(cSE, i) * (u - fld(x, s + 1))
  );
}

@inline function neigh1(x: usize, i: i32): f32 {
  const n = i - gw;
  const s = i + gw;
  return (
    fld(cW, i) * fld(x, i - 1) +
    fld(cE, i) * fld(x, i + 1) +
    fld(cN, i) * fld(x, n) +
    fld(cS, i) * fld(x, s) +
    fld(cNW, i) * fld(x, n - 1) +
    fld(cNE, i) * fld(x, n + 1) +
    fld(cSW, i) * fld(x, s - 1) +
    fld(cSE, i) * fld(x, s + 1)
  );
}

/**
 * y = A x on two channels, grid rows [rowFrom, rowTo). A diagonal address of 0 means a unit
 * diagonal (Levin et al.'s I − w): no diagonal plane is read. With a row-sum plane the product is
 * formed from it and the differences instead (the diagonal is not read either).
 */
export function apply2(x0: usize, x1: usize, y0: usize, y1: usize, rowFrom: i32, rowTo: i32): void {
  if (rs) productRows(ROW_SUMS, false, x0, x1, 0, 0, y0, y1, rowFrom, rowTo);
  else if (dg) productRows(DIAGONAL, false, x0, x1, 0, 0, y0, y1, rowFrom, rowTo);
  else productRows(UNIT, false, x0, x1, 0, 0, y0, y1, rowFrom, rowTo);
}

/** r = b − A x on two channels, grid rows [rowFrom, rowTo) (the operator's form as in apply2). */
export function residual2(x0: usize, x1: usize, b0: usize, b1: usize, r0: usize, r1: usize, rowFrom: i32, rowTo: i32): void {
  if (rs) productRows(ROW_SUMS, true, x0, x1, b0, b1, r0, r1, rowFrom, rowTo);
  else if (dg) productRows(DIAGONAL, true, x0, x1, b0, b1, r0, r1, rowFrom, rowTo);
  else productRows(UNIT, true, x0, x1, b0, b1, r0, r1, rowFrom, rowTo);
}

// How productRows forms a row: d x − Σ c x_k with a unit diagonal or the diagonal plane, or
// s x + Σ c (x − x_k) with the row-sum plane.
const UNIT = 0;
const DIAGONAL = 1;
const ROW_SUMS = 2;

// One row of A x for 4 pixels, the couplings at i given.
@inline function row4(form: i32, x: usize, i: i32, d: v128, w: v128, e: v128, nn: v128, ss: v128, nw: v128, ne: v128, sw: v128, se: v128): v128 {
  if (form == ROW_SUMS) {
    const u = vld(x, i);
    return f32x4.add(f32x4.mul(d, u), diffWith(x, i, u, w, e, nn, ss, nw, ne, sw, se));
  }
  return f32x4.sub(form == DIAGONAL ? f32x4.mul(d, vld(x, i)) : vld(x, i), neighWith(x, i, w, e, nn, ss, nw, ne, sw, se));
}

@inline function row1(form: i32, x: usize, i: i32, d: f32): f32 {
  return form == ROW_SUMS ? d * fld(x, i) + diff1(x, i) : d * fld(x, i) - neigh1(x, i);
}

// y = A x, or with `fromB` y = b − A x, on both channels: each coupling loaded once for the two.
@inline function productRows(form: i32, fromB: bool, x0: usize, x1: usize, b0: usize, b1: usize, y0: usize, y1: usize, rowFrom: i32, rowTo: i32): void {
  const pad = gw + 1;
  const end = pad + gw * rowTo;
  const dp = form == ROW_SUMS ? rs : dg;
  let i = pad + gw * rowFrom;
  for (; i + 4 <= end; i += 4) {
    const d = form == UNIT ? f32x4.splat(1) : vld(dp, i);
    const w = vld(cW, i);
    const e = vld(cE, i);
    const nn = vld(cN, i);
    const ss = vld(cS, i);
    const nw = vld(cNW, i);
    const ne = vld(cNE, i);
    const sw = vld(cSW, i);
    const se = vld(cSE, i);
    const a0 = row4(form, x0, i, d, w, e, nn, ss, nw, ne, sw, se);
    vst(y0, i, fromB ? f32x4.sub(vld(b0, i), a0) : a0);
    const a1 = row4(form, x1, i, d, w, e, nn, ss, nw, ne, sw, se);
    vst(y1, i, fromB ? f32x4.sub(vld(b1, i), a1) : a1);
  }
  for (; i < end; i++) {
    const d: f32 = form == UNIT ? 1 : fld(dp, i);
    const a0 = row1(form, x0, i, d);
    fst(y0, i, fromB ? fld(b0, i) - a0 : a0);
    const a1 = row1(form, x1, i, d);
    fst(y1, i, fromB ? fld(b1, i) - a1 : a1);
  }
}

// Contribution of the row above (N, NW, NE) plus b, written into t, on both channels.
@inline function fromAbove2(x0: usize, x1: usize, b0: usize, b1: usize, t0: usize, t1: usize, i: i32, j: i32): void {
  const n = i - gw;
  const nn = vld(cN, i);
  const nw = vld(cNW, i);
  const ne = vld(cNE, i);
  vst(t0, j, f32x4.add(vld(b0, i), f32x4.add(f32x4.mul(nn, vld(x0, n)), f32x4.add(f32x4.mul(nw, vld(x0, n - 1)), f32x4.mul(ne, vld(x0, n + 1))))));
  vst(t1, j, f32x4.add(vld(b1, i), f32x4.add(f32x4.mul(nn, vld(x1, n)), f32x4.add(f32x4.mul(nw, vld(x1, n - 1)), f32x4.mul(ne, vld(x1, n + 1))))));
}

@inline function fromAbove1(x: usize, b: usize, i: i32): f32 {
  const n = i - gw;
  return fld(b, i) + fld(cN, i) * fld(x, n) + fld(cNW, i) * fld(x, n - 1) + fld(cNE, i) * fld(x, n + 1);
}

/**
 * The in-row recurrence of a Gauss–Seidel sweep, after the rest of each row has gone into t:
 * x_i = (t_j + c·x_prev) / d_i along the row, west to east (c = c_W) or east to west (c = c_E),
 * starting from the neighbour the sweep has already fixed.
 *
 * Why four at a time: one step of the recurrence is a multiply and an add that wait on the one
 * before, so a pixel at a time the sweep was bound by that latency, not by memory. Unrolled four
 * steps, x_i = u_i + b_i·x_(i∓4) with u, b built from t, c and 1/d by SIMD products (below), so
 * one vector multiply-add advances four pixels of a channel. The same x up to rounding.
 */
@inline function inRow(x0: usize, x1: usize, t0: usize, t1: usize, row: i32, backward: bool): void {
  // A unit diagonal (inverse address 0): no 1/d factors.
  if (inv) inRowScaled(true, x0, x1, t0, t1, row, backward);
  else inRowScaled(false, x0, x1, t0, t1, row, backward);
}

// One pixel of the recurrence, scalar (the ends of a row).
@inline function inRowPixel(scaled: bool, c: usize, x0: usize, x1: usize, t0: usize, t1: usize, row: i32, j: i32, step: i32): void {
  const i = row + j;
  const a = fld(c, i);
  const p0 = fld(x0, i - step);
  const p1 = fld(x1, i - step);
  if (scaled) {
    const q = fld(inv, i);
    fst(x0, i, (fld(t0, j) + a * p0) * q);
    fst(x1, i, (fld(t1, j) + a * p1) * q);
  } else {
    fst(x0, i, fld(t0, j) + a * p0);
    fst(x1, i, fld(t1, j) + a * p1);
  }
}

// t (scaled by 1/d) and c (scaled by 1/d) at the four pixels i + o … i + o + 3.
@inline function tq(scaled: bool, t: usize, j: i32, i: i32, o: i32): v128 {
  return scaled ? f32x4.mul(vld(t, j + o), vld(inv, i + o)) : vld(t, j + o);
}
@inline function cq(scaled: bool, c: usize, i: i32, o: i32): v128 {
  return scaled ? f32x4.mul(vld(c, i + o), vld(inv, i + o)) : vld(c, i + o);
}

@inline function inRowScaled(scaled: bool, x0: usize, x1: usize, t0: usize, t1: usize, row: i32, backward: bool): void {
  const c = backward ? cE : cW;
  const step = backward ? -1 : 1;
  // d: toward the pixels already fixed (west going east, east going west).
  const d = -step;
  if (gw < 8) {
    for (let k = 0, j = backward ? gw - 1 : 0; k < gw; k++, j += step) inRowPixel(scaled, c, x0, x1, t0, t1, row, j, step);
    return;
  }
  // Four pixels one at a time, so that every block reads its four predecessors within the row.
  let j = backward ? gw - 1 : 0;
  for (let k = 0; k < 4; k++, j += step) inRowPixel(scaled, c, x0, x1, t0, t1, row, j, step);
  // Block [j, j + 4) (its lowest index first, in either direction).
  j = backward ? gw - 8 : 4;
  for (; backward ? j >= 0 : j + 4 <= gw; j += 4 * step) {
    const i = row + j;
    // With a = c/d, t' = t/d: u2_i = t'_i + a_i t'_(i+d), b2_i = a_i a_(i+d); over four steps
    // u4_i = u2_i + b2_i u2_(i+2d), b4_i = b2_i b2_(i+2d); then x_i = u4_i + b4_i x_(i+4d).
    const a0 = cq(scaled, c, i, 0);
    const a1 = cq(scaled, c, i, d);
    const a2 = cq(scaled, c, i, 2 * d);
    const a3 = cq(scaled, c, i, 3 * d);
    const b2 = f32x4.mul(a0, a1);
    const b2s = f32x4.mul(a2, a3);
    const b4 = f32x4.mul(b2, b2s);
    const u0 = f32x4.add(
      f32x4.add(tq(scaled, t0, j, i, 0), f32x4.mul(a0, tq(scaled, t0, j, i, d))),
      f32x4.mul(b2, f32x4.add(tq(scaled, t0, j, i, 2 * d), f32x4.mul(a2, tq(scaled, t0, j, i, 3 * d)))),
    );
    const u1 = f32x4.add(
      f32x4.add(tq(scaled, t1, j, i, 0), f32x4.mul(a0, tq(scaled, t1, j, i, d))),
      f32x4.mul(b2, f32x4.add(tq(scaled, t1, j, i, 2 * d), f32x4.mul(a2, tq(scaled, t1, j, i, 3 * d)))),
    );
    vst(x0, i, f32x4.add(u0, f32x4.mul(b4, vld(x0, i + 4 * d))));
    vst(x1, i, f32x4.add(u1, f32x4.mul(b4, vld(x1, i + 4 * d))));
  }
  // The rest of the row one at a time (going east: from j; going west: below the last block).
  if (backward) for (j = j + 3; j >= 0; j--) inRowPixel(scaled, c, x0, x1, t0, t1, row, j, step);
  else for (; j < gw; j++) inRowPixel(scaled, c, x0, x1, t0, t1, row, j, step);
}

/**
 * The first forward Gauss–Seidel sweep from x = 0 on two channels: only W, NW, N, NE are read
 * (already updated). The row above's part is vectorised; the west recurrence runs along the row.
 * `t0`, `t1` are scratch rows of at least W + 4 floats.
 */
export function gsFromZero2(x0: usize, x1: usize, b0: usize, b1: usize, t0: usize, t1: usize, rowFrom: i32, rowTo: i32): void {
  const pad = gw + 1;
  for (let y = rowFrom; y < rowTo; y++) {
    const row = pad + y * gw;
    let j = 0;
    for (; j + 4 <= gw; j += 4) {
      fromAbove2(x0, x1, b0, b1, t0, t1, row + j, j);
    }
    for (; j < gw; j++) {
      fst(t0, j, fromAbove1(x0, b0, row + j));
      fst(t1, j, fromAbove1(x1, b1, row + j));
    }
    inRow(x0, x1, t0, t1, row, false);
  }
}

// b + every neighbour except the one the sweep has just written (E for backward, W for forward),
// on both channels, each coupling loaded once.
@inline function allBut2(x0: usize, x1: usize, b0: usize, b1: usize, t0: usize, t1: usize, i: i32, j: i32, backward: bool): void {
  const h = backward ? vld(cW, i) : vld(cE, i);
  const nn = vld(cN, i);
  const ss = vld(cS, i);
  const nw = vld(cNW, i);
  const ne = vld(cNE, i);
  const sw = vld(cSW, i);
  const se = vld(cSE, i);
  vst(t0, j, allButWith(x0, b0, i, backward, h, nn, ss, nw, ne, sw, se));
  vst(t1, j, allButWith(x1, b1, i, backward, h, nn, ss, nw, ne, sw, se));
}

@inline function allButWith(x: usize, b: usize, i: i32, backward: bool, h: v128, nn: v128, ss: v128, nw: v128, ne: v128, sw: v128, se: v128): v128 {
  const n = i - gw;
  const s = i + gw;
  let v = f32x4.add(vld(b, i), f32x4.mul(h, vld(x, backward ? i - 1 : i + 1)));
  v = f32x4.add(v, f32x4.add(f32x4.mul(nn, vld(x, n)), f32x4.mul(ss, vld(x, s))));
  v = f32x4.add(v, f32x4.add(f32x4.mul(nw, vld(x, n - 1)), f32x4.mul(ne, vld(x, n + 1))));
  return f32x4.add(v, f32x4.add(f32x4.mul(sw, vld(x, s - 1)), f32x4.mul(se, vld(x, s + 1))));
}

@inline function allBut1(x: usize, b: usize, i: i32, backward: bool): f32 {
  const n = i - gw;
  const s = i + gw;
  return (
    fld(b, i) +
    (backward ? fld(cW, i) * fld(x, i - 1) : fld(cE, i) * fld(x, i + 1)) +
    fld(cN, i) * fld(x, n) +
    fld(cS, i) * fld(x, s) +
    fld(cNW, i) * fld(x, n - 1) +
    fld(cNE, i) * fld(x, n + 1) +
    fld(cSW, i) * fld(x, s - 1) +
    fld(cSE, i) * fld(x, s + 1)
  );
}

/**
 * One lexicographic Gauss–Seidel sweep on two channels, forward or backward: the same update
 * order as the scalar sweep, so the same result up to rounding. Per row, every term but the
 * in-row recurrence is vectorised from values the sweep order has already fixed. Grid rows
 * [rowFrom, rowTo) only (src/solve/wasm/row-blocks.ts: the sweep's order over blocks of rows).
 */
export function gs2(x0: usize, x1: usize, b0: usize, b1: usize, t0: usize, t1: usize, backward: bool, rowFrom: i32, rowTo: i32): void {
  const pad = gw + 1;
  for (let k = rowFrom; k < rowTo; k++) {
    const y = backward ? rowTo - 1 - (k - rowFrom) : k;
    const row = pad + y * gw;
    let j = 0;
    for (; j + 4 <= gw; j += 4) {
      allBut2(x0, x1, b0, b1, t0, t1, row + j, j, backward);
    }
    for (; j < gw; j++) {
      fst(t0, j, allBut1(x0, b0, row + j, backward));
      fst(t1, j, allBut1(x1, b1, row + j, backward));
    }
    inRow(x0, x1, t0, t1, row, backward);
  }
}

// The interpolation weights of src/solve/multigrid.ts in planar form: four planes q00, q10, q01,
// q11 (one float per padded fine point each), `qlen` floats apart.

/**
 * coarse += Pᵀ r on two channels (the caller zeroes the coarse vectors); fine grid fw × fh,
 * coarse width wc. Per fine row, weights times residual are summed over the pixel pairs
 * (2C, 2C + 1) of coarse column C; the q00/q10 sums go to coarse row ⌊y/2⌋ (columns C and
 * C + 1), the q01/q11 sums to the row below. With row factors f (a padded plane; 0: none),
 * Pᵀ (f ⊙ r): a row-scaled system's restriction without a pass that forms f ⊙ r first. Fine rows
 * [rowFrom, rowTo) only.
 */
export function restrict2(q: usize, qlen: i32, f: usize, r0: usize, r1: usize, c0: usize, c1: usize, fw: i32, wc: i32, rowFrom: i32, rowTo: i32): void {
  // Two inlined copies, so the unscaled loop carries no multiplication by 1.
  if (f) restrictRows(q, qlen, f, true, r0, r1, c0, c1, fw, wc, rowFrom, rowTo);
  else restrictRows(q, qlen, 0, false, r0, r1, c0, c1, fw, wc, rowFrom, rowTo);
}

@inline function restrictRows(q: usize, qlen: i32, f: usize, scaled: bool, r0: usize, r1: usize, c0: usize, c1: usize, fw: i32, wc: i32, rowFrom: i32, rowTo: i32): void {
  const pad = fw + 1;
  const padc = wc + 1;
  const qb = q + (<usize>qlen << 2);
  const qc = qb + (<usize>qlen << 2);
  const qd = qc + (<usize>qlen << 2);
  for (let y = rowFrom; y < rowTo; y++) {
    const row = pad + y * fw;
    const cA = padc + (y >> 1) * wc;
    const cC = cA + wc;
    let x = 0;
    for (; x + 8 <= fw; x += 8) {
      const i = row + x;
      const C = x >> 1;
      let ra0 = vld(r0, i);
      let rb0 = vld(r0, i + 4);
      let ra1 = vld(r1, i);
      let rb1 = vld(r1, i + 4);
      if (scaled) {
        const fa = vld(f, i);
        const fb = vld(f, i + 4);
        ra0 = f32x4.mul(fa, ra0);
        rb0 = f32x4.mul(fb, rb0);
        ra1 = f32x4.mul(fa, ra1);
        rb1 = f32x4.mul(fb, rb1);
      }
      pairs(q, i, ra0, rb0, ra1, rb1, c0, c1, cA + C, 0);
      pairs(qb, i, ra0, rb0, ra1, rb1, c0, c1, cA + C, 1);
      pairs(qc, i, ra0, rb0, ra1, rb1, c0, c1, cC + C, 0);
      pairs(qd, i, ra0, rb0, ra1, rb1, c0, c1, cC + C, 1);
    }
    for (; x < fw; x++) {
      const i = row + x;
      const g: f32 = scaled ? fld(f, i) : 1;
      const v0 = g * fld(r0, i);
      const v1 = g * fld(r1, i);
      const c = cA + (x >> 1);
      const wa = fld(q, i);
      const wb = fld(qb, i);
      const wc2 = fld(qc, i);
      const wd = fld(qd, i);
      fst(c0, c, fld(c0, c) + wa * v0);
      fst(c1, c, fld(c1, c) + wa * v1);
      fst(c0, c + 1, fld(c0, c + 1) + wb * v0);
      fst(c1, c + 1, fld(c1, c + 1) + wb * v1);
      fst(c0, c + wc, fld(c0, c + wc) + wc2 * v0);
      fst(c1, c + wc, fld(c1, c + wc) + wc2 * v1);
      fst(c0, c + wc + 1, fld(c0, c + wc + 1) + wd * v0);
      fst(c1, c + wc + 1, fld(c1, c + wc + 1) + wd * v1);
    }
  }
}

// Adds the pair sums of one weight plane over fine pixels i … i + 7 to coarse c … c + 3 (+ shift).
@inline function pairs(w: usize, i: i32, ra0: v128, rb0: v128, ra1: v128, rb1: v128, c0: usize, c1: usize, c: i32, shift: i32): void {
  const wa = vld(w, i);
  const wb = vld(w, i + 4);
  const pa0 = f32x4.mul(wa, ra0);
  const pb0 = f32x4.mul(wb, rb0);
  const pa1 = f32x4.mul(wa, ra1);
  const pb1 = f32x4.mul(wb, rb1);
  const s0 = f32x4.add(v128.shuffle<f32>(pa0, pb0, 0, 2, 4, 6), v128.shuffle<f32>(pa0, pb0, 1, 3, 5, 7));
  const s1 = f32x4.add(v128.shuffle<f32>(pa1, pb1, 0, 2, 4, 6), v128.shuffle<f32>(pa1, pb1, 1, 3, 5, 7));
  const k = c + shift;
  vst(c0, k, f32x4.add(vld(c0, k), s0));
  vst(c1, k, f32x4.add(vld(c1, k), s1));
}

@inline function prolongRows(add: bool, q: usize, qlen: i32, e0: usize, e1: usize, x0: usize, x1: usize, fw: i32, wc: i32, rowFrom: i32, rowTo: i32): void {
  const pad = fw + 1;
  const padc = wc + 1;
  const qb = q + (<usize>qlen << 2);
  const qc = qb + (<usize>qlen << 2);
  const qd = qc + (<usize>qlen << 2);
  for (let y = rowFrom; y < rowTo; y++) {
    const row = pad + y * fw;
    const cA = padc + (y >> 1) * wc;
    const cC = cA + wc;
    let x = 0;
    for (; x + 4 <= fw; x += 4) {
      const i = row + x;
      const C = x >> 1;
      const wa = vld(q, i);
      const wb = vld(qb, i);
      const wc4 = vld(qc, i);
      const wd = vld(qd, i);
      // Coarse values for fine pixels x … x + 3: columns C, C, C + 1, C + 1 (and one to the right).
      const u0 = vld(e0, cA + C);
      const l0 = vld(e0, cC + C);
      const u1 = vld(e1, cA + C);
      const l1 = vld(e1, cC + C);
      let t0 = f32x4.mul(wa, v128.shuffle<f32>(u0, u0, 0, 0, 1, 1));
      t0 = f32x4.add(t0, f32x4.mul(wb, v128.shuffle<f32>(u0, u0, 1, 1, 2, 2)));
      t0 = f32x4.add(t0, f32x4.mul(wc4, v128.shuffle<f32>(l0, l0, 0, 0, 1, 1)));
      t0 = f32x4.add(t0, f32x4.mul(wd, v128.shuffle<f32>(l0, l0, 1, 1, 2, 2)));
      let t1 = f32x4.mul(wa, v128.shuffle<f32>(u1, u1, 0, 0, 1, 1));
      t1 = f32x4.add(t1, f32x4.mul(wb, v128.shuffle<f32>(u1, u1, 1, 1, 2, 2)));
      t1 = f32x4.add(t1, f32x4.mul(wc4, v128.shuffle<f32>(l1, l1, 0, 0, 1, 1)));
      t1 = f32x4.add(t1, f32x4.mul(wd, v128.shuffle<f32>(l1, l1, 1, 1, 2, 2)));
      vst(x0, i, add ? f32x4.add(vld(x0, i), t0) : t0);
      vst(x1, i, add ? f32x4.add(vld(x1, i), t1) : t1);
    }
    for (; x < fw; x++) {
      const i = row + x;
      const c = cA + (x >> 1);
      const a = fld(q, i);
      const b = fld(qb, i);
      const cc = fld(qc, i);
      const dd = fld(qd, i);
      // x + a·e + …, left to right as it always was; from 0 the same sum without the 0 + first.
      const s0: f32 = add ? fld(x0, i) + a * fld(e0, c) : a * fld(e0, c);
      const s1: f32 = add ? fld(x1, i) + a * fld(e1, c) : a * fld(e1, c);
      fst(x0, i, s0 + b * fld(e0, c + 1) + cc * fld(e0, c + wc) + dd * fld(e0, c + wc + 1));
      fst(x1, i, s1 + b * fld(e1, c + 1) + cc * fld(e1, c + wc) + dd * fld(e1, c + wc + 1));
    }
  }
}
/** x += P e on two channels (e on the coarse grid of width wc), planar weights as in restrict2; fine rows [rowFrom, rowTo). */
export function prolongAdd2(q: usize, qlen: i32, e0: usize, e1: usize, x0: usize, x1: usize, fw: i32, wc: i32, rowFrom: i32, rowTo: i32): void {
  prolongRows(true, q, qlen, e0, e1, x0, x1, fw, wc, rowFrom, rowTo);
}

/** x = P·e on fine rows [rowFrom, rowTo): prolongAdd2 into a vector that would be all zero (no pass to zero it first). */
export function prolong2(q: usize, qlen: i32, e0: usize, e1: usize, x0: usize, x1: usize, fw: i32, wc: i32, rowFrom: i32, rowTo: i32): void {
  prolongRows(false, q, qlen, e0, e1, x0, x1, fw, wc, rowFrom, rowTo);
}

// The four f64 lanes of a pair of double-precision accumulators, summed in the order every sum
// kernel uses (dot's), so that fused kernels equal separate dot calls bit for bit.
@inline function lanes(lo: v128, hi: v128): f64 {
  return f64x2.extract_lane(lo, 0) + f64x2.extract_lane(lo, 1) + f64x2.extract_lane(hi, 0) + f64x2.extract_lane(hi, 1);
}

/** Σ a_i b_i over [from, to), products and sums in double precision (as the scalar loop). */
export function dot(a: usize, b: usize, from: i32, to: i32): f64 {
  let i = from;
  let lo = f64x2.splat(0);
  let hi = f64x2.splat(0);
  for (; i + 4 <= to; i += 4) {
    const va = vld(a, i);
    const vb = vld(b, i);
    lo = f64x2.add(lo, f64x2.mul(f64x2.promote_low_f32x4(va), f64x2.promote_low_f32x4(vb)));
    const ha = v128.shuffle<f32>(va, va, 2, 3, 0, 1);
    const hb = v128.shuffle<f32>(vb, vb, 2, 3, 0, 1);
    hi = f64x2.add(hi, f64x2.mul(f64x2.promote_low_f32x4(ha), f64x2.promote_low_f32x4(hb)));
  }
  let s = lanes(lo, hi);
  for (; i < to; i++) s += <f64>fld(a, i) * <f64>fld(b, i);
  return s;
}

/**
 * Σ t·t and Σ t·s over [from, to), as two f64 at `out` (BiCGStab's ω from one pass over t). Each
 * sum runs as `dot` runs it, so the two equal two `dot` calls bit for bit.
 */
export function dot2(t: usize, s: usize, out: usize, from: i32, to: i32): void {
  let i = from;
  let tl = f64x2.splat(0);
  let th = f64x2.splat(0);
  let sl = f64x2.splat(0);
  let sh = f64x2.splat(0);
  for (; i + 4 <= to; i += 4) {
    const vt = vld(t, i);
    const vs = vld(s, i);
    const lt = f64x2.promote_low_f32x4(vt);
    const ht = f64x2.promote_low_f32x4(v128.shuffle<f32>(vt, vt, 2, 3, 0, 1));
    tl = f64x2.add(tl, f64x2.mul(lt, lt));
    th = f64x2.add(th, f64x2.mul(ht, ht));
    sl = f64x2.add(sl, f64x2.mul(lt, f64x2.promote_low_f32x4(vs)));
    sh = f64x2.add(sh, f64x2.mul(ht, f64x2.promote_low_f32x4(v128.shuffle<f32>(vs, vs, 2, 3, 0, 1))));
  }
  let tt = lanes(tl, th);
  let ts = lanes(sl, sh);
  for (; i < to; i++) {
    const a = <f64>fld(t, i);
    tt += a * a;
    ts += a * <f64>fld(s, i);
  }
  store<f64>(out, tt);
  store<f64>(out + 8, ts);
}

// BiCGStab's vector updates (src/solve/bicgstab.ts), fused as the scalar loops are.

/** p = r + β (p − ω v) over [from, to). */
export function bicgDirection(p: usize, r: usize, v: usize, beta: f32, omega: f32, from: i32, to: i32): void {
  const vb = f32x4.splat(beta);
  const vw = f32x4.splat(omega);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    vst(p, i, f32x4.add(vld(r, i), f32x4.mul(vb, f32x4.sub(vld(p, i), f32x4.mul(vw, vld(v, i))))));
  }
  for (; i < to; i++) fst(p, i, fld(r, i) + beta * (fld(p, i) - omega * fld(v, i)));
}

/** y += a·x over [from, to) (BiCGStab(2)'s updates, ../src/solve/bicgstab2.ts). */
export function axpy(y: usize, x: usize, a: f32, from: i32, to: i32): void {
  const va = f32x4.splat(a);
  let i = from;
  for (; i + 4 <= to; i += 4) vst(y, i, f32x4.add(vld(y, i), f32x4.mul(va, vld(x, i))));
  for (; i < to; i++) fst(y, i, fld(y, i) + a * fld(x, i));
}

/** s0 = f·r0 and s1 = f·r1 elementwise over [from, to) (into a row-scaled system's residual). */
export function scale2(f: usize, r0: usize, r1: usize, s0: usize, s1: usize, from: i32, to: i32): void {
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const v = vld(f, i);
    vst(s0, i, f32x4.mul(v, vld(r0, i)));
    vst(s1, i, f32x4.mul(v, vld(r1, i)));
  }
  for (; i < to; i++) {
    fst(s0, i, fld(f, i) * fld(r0, i));
    fst(s1, i, fld(f, i) * fld(r1, i));
  }
}

/** r −= a·v and x += a·h over [from, to); returns Σ r² (double-precision sum). */
export function bicgStep(r: usize, v: usize, x: usize, h: usize, a: f32, from: i32, to: i32): f64 {
  return stepRange(false, r, v, x, h, 0, a, 0, from, to);
}

/**
 * bicgStep that also sums the new r against the shadow residual r̂: Σ r² and Σ r̂·r as two f64 at
 * `out` (the next iteration's ρ without a pass of its own; each sum as `dot` runs it, bit for bit).
 */
export function bicgStepShadow(r: usize, v: usize, x: usize, h: usize, rhat: usize, a: f32, out: usize, from: i32, to: i32): void {
  stepRange(true, r, v, x, h, rhat, a, out, from, to);
}

// The step of bicgStep; with `shadowed`, also Σ r̂·r, and both sums stored at `out`.
@inline function stepRange(shadowed: bool, r: usize, v: usize, x: usize, h: usize, rhat: usize, a: f32, out: usize, from: i32, to: i32): f64 {
  const va = f32x4.splat(a);
  let lo = f64x2.splat(0);
  let hi = f64x2.splat(0);
  let ql = f64x2.splat(0);
  let qh = f64x2.splat(0);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const s = f32x4.sub(vld(r, i), f32x4.mul(va, vld(v, i)));
    vst(r, i, s);
    vst(x, i, f32x4.add(vld(x, i), f32x4.mul(va, vld(h, i))));
    const sl = f64x2.promote_low_f32x4(s);
    const sh = f64x2.promote_low_f32x4(v128.shuffle<f32>(s, s, 2, 3, 0, 1));
    lo = f64x2.add(lo, f64x2.mul(sl, sl));
    hi = f64x2.add(hi, f64x2.mul(sh, sh));
    if (shadowed) {
      const q = vld(rhat, i);
      ql = f64x2.add(ql, f64x2.mul(f64x2.promote_low_f32x4(q), sl));
      qh = f64x2.add(qh, f64x2.mul(f64x2.promote_low_f32x4(v128.shuffle<f32>(q, q, 2, 3, 0, 1)), sh));
    }
  }
  let sum = lanes(lo, hi);
  let shadow = lanes(ql, qh);
  for (; i < to; i++) {
    const s = fld(r, i) - a * fld(v, i);
    fst(r, i, s);
    fst(x, i, fld(x, i) + a * fld(h, i));
    sum += <f64>s * <f64>s;
    if (shadowed) shadow += <f64>fld(rhat, i) * <f64>s;
  }
  if (shadowed) {
    store<f64>(out, sum);
    store<f64>(out + 8, shadow);
  }
  return sum;
}

// The coupled-TV primal-dual iteration (src/solve/coupled-tv.ts `pdIteration`), on unpadded
// W × H planes: forward differences with Neumann borders, the dual prox of σh* by Newton's
// method per pixel (the same update and the same per-pixel stopping rule as the scalar loop,
// four pixels at a time), then the primal prox and the box [−110, 110].

@inline function dualPixel(barA: usize, barB: usize, pax: usize, pay: usize, pbx: usize, pby: usize, sa: usize, i: i32, r: i32, d: i32, sigma: f32): void {
  const bai = fld(barA, i);
  const bbi = fld(barB, i);
  const qax = fld(pax, i) + sigma * (fld(barA, r) - bai);
  const qay = fld(pay, i) + sigma * (fld(barA, d) - bai);
  const qbx = fld(pbx, i) + sigma * (fld(barB, r) - bbi);
  const qby = fld(pby, i) + sigma * (fld(barB, d) - bbi);
  const s2 = qax * qax + qay * qay + qbx * qbx + qby * qby;
  let scale: f32 = 0;
  if (s2 !== 0) {
    const q = Mathf.sqrt(s2);
    const k = fld(sa, i);
    if (k === 0) scale = q < 1 ? 1 : 1 / q;
    else {
      let t = q / (1 + k);
      for (let it = 0; it < 8; it++) {
        const u2: f32 = 1 + t * t;
        const su = Mathf.sqrt(u2);
        const step = (t / su + k * t - q) / (1 / (u2 * su) + k);
        t -= step;
        if (step > -1e-6) break;
      }
      scale = t / Mathf.sqrt(1 + t * t) / q;
    }
  }
  fst(pax, i, qax * scale);
  fst(pay, i, qay * scale);
  fst(pbx, i, qbx * scale);
  fst(pby, i, qby * scale);
}

/** The dual step of one primal-dual iteration (p ← prox_{σh*}(p + σ∇ū)). */
export function tvDual(w: i32, h: i32, barA: usize, barB: usize, pax: usize, pay: usize, pbx: usize, pby: usize, sa: usize, sigma: f32): void {
  const vs = f32x4.splat(sigma);
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  const stop = f32x4.splat(-1e-6);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const down = y < h - 1 ? w : 0;
    let x = 0;
    for (; x + 4 < w; x += 4) {
      const i = row + x;
      const ba = vld(barA, i);
      const bb = vld(barB, i);
      const qax = f32x4.add(vld(pax, i), f32x4.mul(vs, f32x4.sub(vld(barA, i + 1), ba)));
      const qay = f32x4.add(vld(pay, i), f32x4.mul(vs, f32x4.sub(vld(barA, i + down), ba)));
      const qbx = f32x4.add(vld(pbx, i), f32x4.mul(vs, f32x4.sub(vld(barB, i + 1), bb)));
      const qby = f32x4.add(vld(pby, i), f32x4.mul(vs, f32x4.sub(vld(barB, i + down), bb)));
      const s2 = f32x4.add(
        f32x4.add(f32x4.mul(qax, qax), f32x4.mul(qay, qay)),
        f32x4.add(f32x4.mul(qbx, qbx), f32x4.mul(qby, qby)),
      );
      const q = f32x4.sqrt(s2);
      const k = vld(sa, i);
      // Newton in t from q / (1 + k); a lane stops after the step that moved it less than 1e-6.
      let t = f32x4.div(q, f32x4.add(one, k));
      let active = f32x4.gt(k, zero);
      for (let it = 0; it < 8 && v128.any_true(active); it++) {
        const u2 = f32x4.add(one, f32x4.mul(t, t));
        const su = f32x4.sqrt(u2);
        const num = f32x4.sub(f32x4.add(f32x4.div(t, su), f32x4.mul(k, t)), q);
        const den = f32x4.add(f32x4.div(one, f32x4.mul(u2, su)), k);
        const step = f32x4.div(num, den);
        t = v128.bitselect(f32x4.sub(t, step), t, active);
        active = v128.and(active, f32x4.le(step, stop));
      }
      const newton = f32x4.div(f32x4.div(t, f32x4.sqrt(f32x4.add(one, f32x4.mul(t, t)))), q);
      const plain = v128.bitselect(one, f32x4.div(one, q), f32x4.lt(q, one));
      let scale = v128.bitselect(newton, plain, f32x4.gt(k, zero));
      scale = v128.bitselect(zero, scale, f32x4.eq(s2, zero));
      vst(pax, i, f32x4.mul(qax, scale));
      vst(pay, i, f32x4.mul(qay, scale));
      vst(pbx, i, f32x4.mul(qbx, scale));
      vst(pby, i, f32x4.mul(qby, scale));
    }
    for (; x < w; x++) {
      const i = row + x;
      dualPixel(barA, barB, pax, pay, pbx, pby, sa, i, x < w - 1 ? i + 1 : i, i + down, sigma);
    }
  }
}

@inline function clampAb(v: f32): f32 {
  return v < -110 ? -110 : v > 110 ? 110 : v;
}

/** The primal step (u ← box(prox of the weighted fidelity at u + τ div p)) and ū = 2u − u_prev. */
export function tvPrimal(
  w: i32,
  h: i32,
  pax: usize,
  pay: usize,
  pbx: usize,
  pby: usize,
  ua: usize,
  ub: usize,
  prevA: usize,
  prevB: usize,
  barA: usize,
  barB: usize,
  ma: usize,
  mb: usize,
  tau: f32,
  tl: f32,
): void {
  const inv: f32 = 1 / (1 + tl);
  const vt = f32x4.splat(tau);
  const vtl = f32x4.splat(tl);
  const vinv = f32x4.splat(inv);
  const lo = f32x4.splat(-110);
  const hi = f32x4.splat(110);
  const two = f32x4.splat(2);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    // Row-uniform factors of the vertical terms (Neumann border: none past the edge).
    const fy: f32 = y < h - 1 ? 1 : 0;
    const gy: f32 = y > 0 ? 1 : 0;
    const vfy = f32x4.splat(fy);
    const vgy = f32x4.splat(gy);
    const up = y > 0 ? w : 0;
    let x = 0;
    // x = 0 and the last pixels of the row have horizontal border terms: scalar.
    for (; x < w; x++) {
      if (x >= 1 && x + 4 < w) break;
      primalPixel(w, x, row + x, fy, gy, up, pax, pay, pbx, pby, ua, ub, prevA, prevB, barA, barB, ma, mb, tau, tl, inv);
    }
    for (; x + 4 < w; x += 4) {
      const i = row + x;
      let divA = f32x4.sub(vld(pax, i), vld(pax, i - 1));
      let divB = f32x4.sub(vld(pbx, i), vld(pbx, i - 1));
      divA = f32x4.add(divA, f32x4.sub(f32x4.mul(vfy, vld(pay, i)), f32x4.mul(vgy, vld(pay, i - up))));
      divB = f32x4.add(divB, f32x4.sub(f32x4.mul(vfy, vld(pby, i)), f32x4.mul(vgy, vld(pby, i - up))));
      const oa = vld(ua, i);
      const ob = vld(ub, i);
      vst(prevA, i, oa);
      vst(prevB, i, ob);
      let na = f32x4.mul(f32x4.add(f32x4.add(oa, f32x4.mul(vt, divA)), f32x4.mul(vtl, vld(ma, i))), vinv);
      let nb = f32x4.mul(f32x4.add(f32x4.add(ob, f32x4.mul(vt, divB)), f32x4.mul(vtl, vld(mb, i))), vinv);
      na = f32x4.min(f32x4.max(na, lo), hi);
      nb = f32x4.min(f32x4.max(nb, lo), hi);
      vst(ua, i, na);
      vst(ub, i, nb);
      vst(barA, i, f32x4.sub(f32x4.mul(two, na), oa));
      vst(barB, i, f32x4.sub(f32x4.mul(two, nb), ob));
    }
    for (; x < w; x++) {
      primalPixel(w, x, row + x, fy, gy, up, pax, pay, pbx, pby, ua, ub, prevA, prevB, barA, barB, ma, mb, tau, tl, inv);
    }
  }
}

@inline function primalPixel(
  w: i32,
  x: i32,
  i: i32,
  fy: f32,
  gy: f32,
  up: i32,
  pax: usize,
  pay: usize,
  pbx: usize,
  pby: usize,
  ua: usize,
  ub: usize,
  prevA: usize,
  prevB: usize,
  barA: usize,
  barB: usize,
  ma: usize,
  mb: usize,
  tau: f32,
  tl: f32,
  inv: f32,
): void {
  let divA: f32 = 0;
  let divB: f32 = 0;
  if (x < w - 1) {
    divA += fld(pax, i);
    divB += fld(pbx, i);
  }
  if (x > 0) {
    divA -= fld(pax, i - 1);
    divB -= fld(pbx, i - 1);
  }
  divA += fy * fld(pay, i) - gy * fld(pay, i - up);
  divB += fy * fld(pby, i) - gy * fld(pby, i - up);
  const oa = fld(ua, i);
  const ob = fld(ub, i);
  fst(prevA, i, oa);
  fst(prevB, i, ob);
  const na = clampAb((oa + tau * divA + tl * fld(ma, i)) * inv);
  const nb = clampAb((ob + tau * divB + tl * fld(mb, i)) * inv);
  fst(ua, i, na);
  fst(ub, i, nb);
  fst(barA, i, 2 * na - oa);
  fst(barB, i, 2 * nb - ob);
}

// The coupled-TV w steps (src/solve/coupled-tv.ts `gradientW`, `selectW`, `projectSimplex`),
// scalar and in double-precision arithmetic like the JavaScript loops, so their discrete
// decisions are the same. Candidates are pixel-major: candidate j of pixel i at i·K + j.

@inline function f64ld(p: usize, i: i32): f64 {
  return <f64>load<f32>(p + (<usize>i << 2));
}

/** Michelot's projection of v[o … o+k) onto the simplex in place (as projectSimplex). */
function simplex(v: usize, o: i32, k: i32, active: usize): void {
  let sum: f64 = 0;
  for (let j = 0; j < k; j++) {
    store<u8>(active + j, 1);
    sum += f64ld(v, o + j);
  }
  let count = k;
  let theta = (sum - 1) / <f64>count;
  for (;;) {
    let changed = false;
    for (let j = 0; j < k; j++) {
      if (load<u8>(active + j) && f64ld(v, o + j) <= theta) {
        store<u8>(active + j, 0);
        sum -= f64ld(v, o + j);
        count--;
        changed = true;
      }
    }
    if (!changed || count === 0) break;
    theta = (sum - 1) / <f64>count;
  }
  for (let j = 0; j < k; j++) {
    const x = f64ld(v, o + j) - theta;
    fst(v, o + j, <f32>(load<u8>(active + j) && x > 0 ? x : 0));
  }
}

/** Phase 1: w ← P_Δ(w − τ_w (λ/2 ‖u − c_j‖² + cost_j)), then m = Σ w_j c_j. */
export function tvGradientW(
  n: i32,
  k: i32,
  ua: usize,
  ub: usize,
  ca: usize,
  cb: usize,
  w: usize,
  cost: usize,
  ma: usize,
  mb: usize,
  wStep: f64,
  weightStep: f64,
  active: usize,
): void {
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const na = f64ld(ua, i);
    const nb = f64ld(ub, i);
    let best = -Infinity;
    let second = -Infinity;
    let bi = 0;
    for (let j = 0; j < k; j++) {
      const dA = na - f64ld(ca, o + j);
      const dB = nb - f64ld(cb, o + j);
      const v = f64ld(w, o + j) - wStep * (dA * dA + dB * dB) - (cost ? weightStep * f64ld(cost, o + j) : 0);
      const vf = <f32>v;
      fst(w, o + j, vf);
      // The JavaScript loop compares the unrounded values.
      if (v > best) {
        second = best;
        best = v;
        bi = j;
      } else if (v > second) second = v;
    }
    let sa: f64 = 0;
    let sb: f64 = 0;
    if (best - second >= 1) {
      for (let j = 0; j < k; j++) fst(w, o + j, 0);
      fst(w, o + bi, 1);
      sa = f64ld(ca, o + bi);
      sb = f64ld(cb, o + bi);
    } else {
      simplex(w, o, k, active);
      for (let j = 0; j < k; j++) {
        sa += f64ld(w, o + j) * f64ld(ca, o + j);
        sb += f64ld(w, o + j) * f64ld(cb, o + j);
      }
    }
    fst(ma, i, <f32>sa);
    fst(mb, i, <f32>sb);
  }
}

/** Phase 2: w ← the vertex of the nearest candidate (ties keep the winner); returns how many changed. */
export function tvSelectW(
  n: i32,
  k: i32,
  ua: usize,
  ub: usize,
  ca: usize,
  cb: usize,
  w: usize,
  cost: usize,
  costScale: f64,
  winner: usize,
  ma: usize,
  mb: usize,
  first: bool,
): i32 {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const na = f64ld(ua, i);
    const nb = f64ld(ub, i);
    const cur = <i32>load<u8>(winner + i);
    let bi = cur;
    let dA = na - f64ld(ca, o + cur);
    let dB = nb - f64ld(cb, o + cur);
    let bd = dA * dA + dB * dB + (cost ? costScale * f64ld(cost, o + cur) : 0);
    for (let j = 0; j < k; j++) {
      dA = na - f64ld(ca, o + j);
      dB = nb - f64ld(cb, o + j);
      const d = dA * dA + dB * dB + (cost ? costScale * f64ld(cost, o + j) : 0);
      if (d < bd) {
        bd = d;
        bi = j;
      }
    }
    if (bi !== cur || first) {
      if (bi !== cur) changed++;
      for (let j = 0; j < k; j++) fst(w, o + j, 0);
      fst(w, o + bi, 1);
      store<u8>(winner + i, <u8>bi);
      fst(ma, i, load<f32>(ca + (<usize>(o + bi) << 2)));
      fst(mb, i, load<f32>(cb + (<usize>(o + bi) << 2)));
    }
  }
  return changed;
}

/** F(u, w) of eq. 2 (coupledTvEnergy), in double precision and the same order as the JavaScript sum. */
export function tvEnergy(
  w: i32,
  h: i32,
  k: i32,
  lum: usize,
  ua: usize,
  ub: usize,
  ca: usize,
  cb: usize,
  weight: usize,
  cost: usize,
  lambda: f64,
  gamma: f64,
): f64 {
  let e: f64 = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const r = x < w - 1 ? i + 1 : i;
      const d = y < h - 1 ? i + w : i;
      const l0 = f64ld(lum, i);
      const a0 = f64ld(ua, i);
      const b0 = f64ld(ub, i);
      const lr = f64ld(lum, r) - l0;
      const ld = f64ld(lum, d) - l0;
      const ar = f64ld(ua, r) - a0;
      const ad = f64ld(ua, d) - a0;
      const br = f64ld(ub, r) - b0;
      const bd = f64ld(ub, d) - b0;
      const g = gamma * (lr * lr + ld * ld) + ar * ar + ad * ad + br * br + bd * bd;
      e += Math.sqrt(g);
      let f: f64 = 0;
      let q: f64 = 0;
      for (let j = 0; j < k; j++) {
        const o = i * k + j;
        const da = a0 - f64ld(ca, o);
        const db = b0 - f64ld(cb, o);
        f += f64ld(weight, o) * (da * da + db * db);
        if (cost) q += f64ld(weight, o) * f64ld(cost, o);
      }
      e += 0.5 * lambda * f + q;
    }
  return e;
}

// ---- Multigrid set-up (src/solve/multigrid.ts): Dendy's interpolation and the Galerkin product,
// the same arithmetic as the JavaScript loops (f64 sums of f32 couplings), so both agree bit for bit.

export { galerkinAccumulate } from './galerkin-kernel';

@inline function f64At(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function c64(p: usize, i: i32): f64 {
  return <f64>load<f32>(p + (<usize>i << 2));
}
@inline function ratio(num: f64, den: f64): f32 {
  return den > 0 ? <f32>(num / den) : 0;
}

// A weight's denominator, at least the sum of its point's numerators' magnitudes, so that the
// point's weights sum to at most 1 in magnitude. Where a row is diagonally dominant this changes
// nothing; where rounding or a Galerkin product has made it lose dominance (the balancing fit's
// near-singular Laplacian), the plain ratio ran to 10⁴ within four levels, the coarsest operator
// was indefinite and its Cholesky factorisation failed (docs/scribbles.md).
@inline function bounded(den: f64, sum: f64): f64 {
  return den < sum ? sum : den;
}

/**
 * Dendy's black-box interpolation weights of a symmetric 9-point stencil (d: f64 diagonal; e, s,
 * se, sw: f32 couplings; active: u8 per unpadded pixel) into q (4 interleaved f32 per padded
 * point, zeroed by the caller): see dendyInterpolation in src/solve/multigrid.ts. Two passes:
 * {@link dendyEdges} (points on a coarse row or column) for every row first, then
 * {@link dendyCorners} (odd row and column: they read their edge neighbours' weights); each pass
 * over any split of the rows.
 */
export function dendy(d: usize, e: usize, s: usize, se: usize, sw: usize, active: usize, q: usize, W: i32, H: i32, pad: i32): void {
  dendyEdges(d, e, s, se, sw, active, q, W, pad, 0, H);
  dendyCorners(d, e, s, se, sw, active, q, W, pad, 0, H);
}

/** Dendy's first pass over grid rows [rowFrom, rowTo) (see {@link dendy}). */
export function dendyEdges(d: usize, e: usize, s: usize, se: usize, sw: usize, active: usize, q: usize, W: i32, pad: i32, rowFrom: i32, rowTo: i32): void {
  for (let y = rowFrom; y < rowTo; y++) {
    const oy = y & 1;
    for (let x = 0; x < W; x++) {
      const k = y * W + x;
      if (load<u8>(active + <usize>k) == 0) continue;
      const i = pad + k;
      const ox = x & 1;
      const qi = q + (<usize>(4 * i) << 2);
      if (!ox && !oy) {
        store<f32>(qi, 1);
      } else if (ox && !oy) {
        const a = c64(e, i - 1) + c64(se, i - W - 1) + c64(sw, i);
        const b = c64(e, i) + c64(sw, i - W + 1) + c64(se, i);
        const den = bounded(f64At(d, i) - c64(s, i) - c64(s, i - W), Math.abs(a) + Math.abs(b));
        store<f32>(qi, ratio(a, den));
        store<f32>(qi + 4, ratio(b, den));
      } else if (!ox && oy) {
        const a = c64(s, i - W) + c64(se, i - W - 1) + c64(sw, i - W + 1);
        const b = c64(s, i) + c64(se, i) + c64(sw, i);
        const den = bounded(f64At(d, i) - c64(e, i) - c64(e, i - 1), Math.abs(a) + Math.abs(b));
        store<f32>(qi, ratio(a, den));
        store<f32>(qi + 8, ratio(b, den));
      }
    }
  }
}

/** Dendy's second pass over grid rows [rowFrom, rowTo) (see {@link dendy}). */
export function dendyCorners(d: usize, e: usize, s: usize, se: usize, sw: usize, active: usize, q: usize, W: i32, pad: i32, rowFrom: i32, rowTo: i32): void {
  for (let y = rowFrom | 1; y < rowTo; y += 2) {
    for (let x = 1; x < W; x += 2) {
      const k = y * W + x;
      if (load<u8>(active + <usize>k) == 0) continue;
      const i = pad + k;
      const den = f64At(d, i);
      const wN = c64(s, i - W);
      const wS = c64(s, i);
      const wW = c64(e, i - 1);
      const wE = c64(e, i);
      const n = 4 * (i - W);
      const so = 4 * (i + W);
      const we = 4 * (i - 1);
      const ea = 4 * (i + 1);
      const qi = q + (<usize>(4 * i) << 2);
      const a = c64(se, i - W - 1) + wN * c64(q, n) + wW * c64(q, we);
      const b = c64(sw, i - W + 1) + wN * c64(q, n + 1) + wE * c64(q, ea);
      const c = c64(sw, i) + wS * c64(q, so) + wW * c64(q, we + 2);
      const g = c64(se, i) + wS * c64(q, so + 1) + wE * c64(q, ea + 2);
      const den2 = bounded(den, Math.abs(a) + Math.abs(b) + Math.abs(c) + Math.abs(g));
      store<f32>(qi, ratio(a, den2));
      store<f32>(qi + 4, ratio(b, den2));
      store<f32>(qi + 8, ratio(c, den2));
      store<f32>(qi + 12, ratio(g, den2));
    }
  }
}

// ---- Row balancing (src/solve/balance.ts): the least-squares fit of φ = log π.

/** ln x for positive normal f32 lanes: exponent·ln 2 plus 2·atanh((m − 1)/(m + 1)) (|error| < 1e-6). */
@inline function vlog(x: v128): v128 {
  const bits = i32x4.sub(x, i32x4.splat(0x3f3504f3)); // split around √2 so m ∈ [√½, √2)
  const e = i32x4.shr_s(bits, 23);
  const m = i32x4.sub(x, i32x4.shl(e, 23));
  const t = f32x4.div(f32x4.sub(m, f32x4.splat(1)), f32x4.add(m, f32x4.splat(1)));
  const t2 = f32x4.mul(t, t);
  let p = f32x4.splat(<f32>(2.0 / 9.0));
  p = f32x4.add(f32x4.mul(p, t2), f32x4.splat(<f32>(2.0 / 7.0)));
  p = f32x4.add(f32x4.mul(p, t2), f32x4.splat(<f32>(2.0 / 5.0)));
  p = f32x4.add(f32x4.mul(p, t2), f32x4.splat(<f32>(2.0 / 3.0)));
  p = f32x4.add(f32x4.mul(p, t2), f32x4.splat(2));
  return f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(e), f32x4.splat(<f32>0.6931471805599453)), f32x4.mul(p, t));
}

/**
 * One pair direction of the fit: for s = r + off, weight √(a c) with a = fw[r], c = bw[s] (0 where
 * either is 0) into out[r], and weight·ln(a/c) into g[r], over [from, to).
 */
export function balancePairs(fw: usize, bw: usize, off: i32, out: usize, g: usize, from: i32, to: i32): void {
  const zero = f32x4.splat(0);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const a = vld(fw, i);
    const c = vld(bw, i + off);
    const both = v128.and(f32x4.gt(a, zero), f32x4.gt(c, zero));
    const one = f32x4.splat(1);
    // Lanes without a pair take 1 in the logarithms and are masked to 0 afterwards.
    const sa = v128.bitselect(a, one, both);
    const sc = v128.bitselect(c, one, both);
    const w = f32x4.sqrt(f32x4.mul(sa, sc));
    vst(out, i, v128.and(w, both));
    vst(g, i, v128.and(f32x4.mul(w, f32x4.sub(vlog(sa), vlog(sc))), both));
  }
  // The tail through the same vector code, one lane at a time (no Math.log: its tables would
  // need a data segment in the imported memory).
  for (; i < to; i++) {
    const a = f32x4.splat(fld(fw, i));
    const c = f32x4.splat(fld(bw, i + off));
    const both = v128.and(f32x4.gt(a, zero), f32x4.gt(c, zero));
    const one = f32x4.splat(1);
    const sa = v128.bitselect(a, one, both);
    const sc = v128.bitselect(c, one, both);
    const w = f32x4.sqrt(f32x4.mul(sa, sc));
    fst(out, i, f32x4.extract_lane(v128.and(w, both), 0));
    fst(g, i, f32x4.extract_lane(v128.and(f32x4.mul(w, f32x4.sub(vlog(sa), vlog(sc))), both), 0));
  }
}

/** b[i] += g[i − off] − g[i] over [from, to): each pair's term at both its ends. */
export function balanceSpread(g: usize, off: i32, b: usize, from: i32, to: i32): void {
  let i = from;
  for (; i + 4 <= to; i += 4) vst(b, i, f32x4.add(vld(b, i), f32x4.sub(vld(g, i - off), vld(g, i))));
  for (; i < to; i++) fst(b, i, fld(b, i) + fld(g, i - off) - fld(g, i));
}

/** Σ φ[from, to) in double precision (the mean of the balance's log factors, in two halves). */
export function sumRange(phi: usize, from: i32, to: i32): f64 {
  let sum: f64 = 0;
  for (let i = from; i < to; i++) sum += <f64>fld(phi, i);
  return sum;
}

/** π = e^(φ − mean) with the exponent clamped to ±range, over [from, to). */
export function expFactors(phi: usize, pi: usize, mean: f32, range: f32, from: i32, to: i32): void {
  const m = f32x4.splat(mean);
  const hi = f32x4.splat(range);
  const lo = f32x4.splat(-range);
  let i = from;
  for (; i + 4 <= to; i += 4) vst(pi, i, vexpNeg(f32x4.min(hi, f32x4.max(lo, f32x4.sub(vld(phi, i), m)))));
  for (; i < to; i++) {
    const d = f32x4.min(hi, f32x4.max(lo, f32x4.sub(f32x4.splat(fld(phi, i)), m)));
    fst(pi, i, f32x4.extract_lane(vexpNeg(d), 0));
  }
}

// ---- Levin et al.'s affinities (src/methods/scribbles/levin/affinity.ts, levinOperator).

/**
 * e^x for x ≤ 88 lanes (the affinities need x ≤ 0, the balance |x| ≤ 30): 2^k·e^r with
 * |r| ≤ ln2/2, degree-6 Taylor (relative error < 2e-7); 0 below −87.
 */
@inline function vexpNeg(x: v128): v128 {
  const lo = f32x4.splat(-87);
  const xc = f32x4.max(x, lo);
  const k = f32x4.nearest(f32x4.mul(xc, f32x4.splat(<f32>1.4426950408889634)));
  // ln 2 in two parts so that k·ln2_hi is exact.
  const r = f32x4.sub(
    f32x4.sub(xc, f32x4.mul(k, f32x4.splat(<f32>0.693145751953125))),
    f32x4.mul(k, f32x4.splat(<f32>1.428606765330187e-6)),
  );
  let p = f32x4.splat(<f32>(1.0 / 720.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 120.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 24.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 6.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>0.5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23);
  return v128.and(f32x4.mul(p, scale), f32x4.gt(x, lo));
}

/**
 * Levin's normalised weights of the interior pixels x ∈ [1, 1 + 4⌊(W − 2)/4⌋) of `rows` image rows,
 * four at a time, as levinOperator's interior loop computes them. `y` points at the band's gray
 * values from the row above the first to the row below the last (W per row); `out` at 8
 * consecutive planes of rows × W values (W, E, N, S, NW, NE, SW, SE), written at those pixels only.
 */
export function levinAffinityRows(
  y: usize,
  out: usize,
  W: i32,
  rows: i32,
  varianceScale: f32,
  logFloor: f32,
  sigmaFloor: f32,
): void {
  const plane = <usize>(rows * W) << 2;
  const row = <usize>W << 2;
  const ninth = f32x4.splat(<f32>(1.0 / 9.0));
  const vs = f32x4.splat(varianceScale);
  const invLogFloor = f32x4.splat(<f32>1 / logFloor);
  const floor = f32x4.splat(sigmaFloor);
  const minusOne = f32x4.splat(-1);
  const xEnd = 1 + ((W - 2) & ~3);
  for (let ly = 0; ly < rows; ly++) {
    for (let x = 1; x < xEnd; x += 4) {
      const c = y + ((<usize>((ly + 1) * W + x)) << 2);
      const yr = v128.load(c);
      const dW = f32x4.sub(v128.load(c - 4), yr);
      const dE = f32x4.sub(v128.load(c + 4), yr);
      const dN = f32x4.sub(v128.load(c - row), yr);
      const dS = f32x4.sub(v128.load(c + row), yr);
      const dNW = f32x4.sub(v128.load(c - row - 4), yr);
      const dNE = f32x4.sub(v128.load(c - row + 4), yr);
      const dSW = f32x4.sub(v128.load(c + row - 4), yr);
      const dSE = f32x4.sub(v128.load(c + row + 4), yr);
      // mean − yr = Σd / 9; variance = Σd²/9 − (mean − yr)².
      const sd = f32x4.add(
        f32x4.add(f32x4.add(dW, dE), f32x4.add(dN, dS)),
        f32x4.add(f32x4.add(dNW, dNE), f32x4.add(dSW, dSE)),
      );
      const dm = f32x4.mul(sd, ninth);
      const qW = f32x4.mul(dW, dW);
      const qE = f32x4.mul(dE, dE);
      const qN = f32x4.mul(dN, dN);
      const qS = f32x4.mul(dS, dS);
      const qNW = f32x4.mul(dNW, dNW);
      const qNE = f32x4.mul(dNE, dNE);
      const qSW = f32x4.mul(dSW, dSW);
      const qSE = f32x4.mul(dSE, dSE);
      const sq = f32x4.add(
        f32x4.add(f32x4.add(qW, qE), f32x4.add(qN, qS)),
        f32x4.add(f32x4.add(qNW, qNE), f32x4.add(qSW, qSE)),
      );
      const variance = f32x4.sub(f32x4.mul(sq, ninth), f32x4.mul(dm, dm));
      const minSq = f32x4.min(
        f32x4.min(f32x4.min(qW, qE), f32x4.min(qN, qS)),
        f32x4.min(f32x4.min(qNW, qNE), f32x4.min(qSW, qSE)),
      );
      let csig = f32x4.max(f32x4.mul(variance, vs), f32x4.mul(minSq, invLogFloor));
      csig = f32x4.max(csig, floor);
      const inv = f32x4.div(minusOne, csig);
      const gW = vexpNeg(f32x4.mul(qW, inv));
      const gE = vexpNeg(f32x4.mul(qE, inv));
      const gN = vexpNeg(f32x4.mul(qN, inv));
      const gS = vexpNeg(f32x4.mul(qS, inv));
      const gNW = vexpNeg(f32x4.mul(qNW, inv));
      const gNE = vexpNeg(f32x4.mul(qNE, inv));
      const gSW = vexpNeg(f32x4.mul(qSW, inv));
      const gSE = vexpNeg(f32x4.mul(qSE, inv));
      const total = f32x4.add(
        f32x4.add(f32x4.add(gW, gE), f32x4.add(gN, gS)),
        f32x4.add(f32x4.add(gNW, gNE), f32x4.add(gSW, gSE)),
      );
      const h = f32x4.div(f32x4.splat(1), total);
      const o = out + ((<usize>(ly * W + x)) << 2);
      v128.store(o, f32x4.mul(gW, h));
      v128.store(o + plane, f32x4.mul(gE, h));
      v128.store(o + 2 * plane, f32x4.mul(gN, h));
      v128.store(o + 3 * plane, f32x4.mul(gS, h));
      v128.store(o + 4 * plane, f32x4.mul(gNW, h));
      v128.store(o + 5 * plane, f32x4.mul(gNE, h));
      v128.store(o + 6 * plane, f32x4.mul(gSW, h));
      v128.store(o + 7 * plane, f32x4.mul(gSE, h));
    }
  }
}

// ---- The preconditioner's operator (src/solve/general-solve.ts, constrainedSymmetricPart).

/**
 * The symmetric part of diag(π)·A under its constraints, first pass: couplings
 * ½(π_r c_rs + π_s c_sr) into e, s, se, sw (f32) at padded indices [from, to). A's couplings
 * `cw … cse` are f32 planes, π (`pi`) a padded f32 plane with zero padding. Each index is written
 * from what is read only, so two halves of the range run at once.
 */
export function symmetricCouplings(
  cw: usize,
  ce: usize,
  cn: usize,
  cs: usize,
  cnw: usize,
  cne: usize,
  csw: usize,
  cse: usize,
  pi: usize,
  e: usize,
  s: usize,
  se: usize,
  sw: usize,
  W: i32,
  from: i32,
  to: i32,
): void {
  const half = f32x4.splat(0.5);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const p = vld(pi, i);
    vst(e, i, f32x4.mul(half, f32x4.add(f32x4.mul(p, vld(ce, i)), f32x4.mul(vld(pi, i + 1), vld(cw, i + 1)))));
    vst(s, i, f32x4.mul(half, f32x4.add(f32x4.mul(p, vld(cs, i)), f32x4.mul(vld(pi, i + W), vld(cn, i + W)))));
    vst(se, i, f32x4.mul(half, f32x4.add(f32x4.mul(p, vld(cse, i)), f32x4.mul(vld(pi, i + W + 1), vld(cnw, i + W + 1)))));
    vst(sw, i, f32x4.mul(half, f32x4.add(f32x4.mul(p, vld(csw, i)), f32x4.mul(vld(pi, i + W - 1), vld(cne, i + W - 1)))));
  }
  for (; i < to; i++) {
    const p = fld(pi, i);
    fst(e, i, <f32>0.5 * (p * fld(ce, i) + fld(pi, i + 1) * fld(cw, i + 1)));
    fst(s, i, <f32>0.5 * (p * fld(cs, i) + fld(pi, i + W) * fld(cn, i + W)));
    fst(se, i, <f32>0.5 * (p * fld(cse, i) + fld(pi, i + W + 1) * fld(cnw, i + W + 1)));
    fst(sw, i, <f32>0.5 * (p * fld(csw, i) + fld(pi, i + W - 1) * fld(cne, i + W - 1)));
  }
}

/**
 * Second pass, once every coupling is written: into d (f64) at pixels k ∈ [from, to) the row sums
 * of e, s, se, sw plus the anchor ½(max(0, π_r(a_rr − Σ_s c_rs)) + inflow_r) at free pixels, 1 at
 * fixed ones. `ad` is A's f32 diagonal, `active` a u8 per pixel, `inflow` an unpadded f32 plane
 * (π already applied).
 */
export function symmetricDiagonal(
  cw: usize,
  ce: usize,
  cn: usize,
  cs: usize,
  cnw: usize,
  cne: usize,
  csw: usize,
  cse: usize,
  ad: usize,
  pi: usize,
  active: usize,
  inflow: usize,
  e: usize,
  s: usize,
  se: usize,
  sw: usize,
  d: usize,
  W: i32,
  pad: i32,
  from: i32,
  to: i32,
): void {
  for (let k = from; k < to; k++) {
    const j = pad + k;
    const dj = d + (<usize>j << 3);
    if (load<u8>(active + <usize>k) == 0) {
      store<f64>(dj, 1);
      continue;
    }
    const degree =
      c64(e, j) + c64(e, j - 1) + c64(s, j) + c64(s, j - W) + c64(se, j) + c64(se, j - W - 1) + c64(sw, j) + c64(sw, j - W + 1);
    const rowSum =
      c64(cw, j) + c64(ce, j) + c64(cn, j) + c64(cs, j) + c64(cnw, j) + c64(cne, j) + c64(csw, j) + c64(cse, j);
    const moved = c64(pi, j) * (c64(ad, j) - rowSum);
    store<f64>(dj, degree + 0.5 * (max(0, moved) + c64(inflow, k)));
  }
}

// ---- Set-up passes that were JavaScript loops (src/solve/wasm/arena.ts, arena-multigrid.ts, balance.ts).

/** Four interleaved f32 planes (q00, q10, q01, q11 per point, `len` points) into planar form at `out`. */
export function deinterleave4(q: usize, out: usize, len: i32, from: i32, to: i32): void {
  const o1 = out + (<usize>len << 2);
  const o2 = o1 + (<usize>len << 2);
  const o3 = o2 + (<usize>len << 2);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const a = vld(q, 4 * i);
    const b = vld(q, 4 * i + 4);
    const c = vld(q, 4 * i + 8);
    const d = vld(q, 4 * i + 12);
    // A 4×4 transpose: lane k of point j goes to plane k, lane j.
    const ab01 = v128.shuffle<f32>(a, b, 0, 4, 1, 5);
    const cd01 = v128.shuffle<f32>(c, d, 0, 4, 1, 5);
    const ab23 = v128.shuffle<f32>(a, b, 2, 6, 3, 7);
    const cd23 = v128.shuffle<f32>(c, d, 2, 6, 3, 7);
    vst(out, i, v128.shuffle<f32>(ab01, cd01, 0, 1, 4, 5));
    vst(o1, i, v128.shuffle<f32>(ab01, cd01, 2, 3, 6, 7));
    vst(o2, i, v128.shuffle<f32>(ab23, cd23, 0, 1, 4, 5));
    vst(o3, i, v128.shuffle<f32>(ab23, cd23, 2, 3, 6, 7));
  }
  for (; i < to; i++) {
    fst(out, i, fld(q, 4 * i));
    fst(o1, i, fld(q, 4 * i + 1));
    fst(o2, i, fld(q, 4 * i + 2));
    fst(o3, i, fld(q, 4 * i + 3));
  }
}

/** An f64 diagonal (`src`) as f32 (`diag`) and its inverse (`inv`, 0 where the diagonal is 0), entries [from, to). */
export function diagonals64(src: usize, diag: usize, inv: usize, from: i32, to: i32): void {
  for (let i = from; i < to; i++) {
    const d = load<f64>(src + (<usize>i << 3));
    fst(diag, i, <f32>d);
    fst(inv, i, d != 0 ? <f32>(1 / d) : 0);
  }
}

/** Whether every f32 of d[from, to) is exactly 1 (a unit diagonal: see apply2). */
export function allOnes(d: usize, from: i32, to: i32): bool {
  const one = f32x4.splat(1);
  let i = from;
  for (; i + 4 <= to; i += 4) if (i32x4.bitmask(f32x4.eq(vld(d, i), one)) != 15) return false;
  for (; i < to; i++) if (fld(d, i) != 1) return false;
  return true;
}

/** The inverse of an f32 diagonal (0 where it is 0), `len` entries. */
export function inverse32(d: usize, inv: usize, len: i32): void {
  for (let i = 0; i < len; i++) {
    const v = <f64>fld(d, i);
    fst(inv, i, v != 0 ? <f32>(1 / v) : 0);
  }
}

/**
 * The degrees of a symmetric stencil's couplings (e, s, se, sw f32) into its f64 diagonal `d` at
 * padded indices [from, to); returns the largest (the ridge is added after: addScalar64).
 */
export function degrees(e: usize, s: usize, se: usize, sw: usize, d: usize, W: i32, from: i32, to: i32): f64 {
  let top: f64 = 0;
  for (let j = from; j < to; j++) {
    const degree =
      c64(e, j) + c64(e, j - 1) + c64(s, j) + c64(s, j - W) + c64(se, j) + c64(se, j - W - 1) + c64(sw, j) + c64(sw, j - W + 1);
    store<f64>(d + (<usize>j << 3), degree);
    top = max(top, degree);
  }
  return top;
}

/** d[from, to) += v (f64 entries). */
export function addScalar64(d: usize, v: f64, from: i32, to: i32): void {
  for (let j = from; j < to; j++) {
    const a = d + (<usize>j << 3);
    store<f64>(a, load<f64>(a) + v);
  }
}

/**
 * Sets `bytes` bytes from `ptr` to 0 (the arena's zeroing: a typed array's fill on a shared
 * memory runs 4–11 times slower than this memory.fill, measured in Node 20).
 */
export function zero(ptr: usize, bytes: usize): void {
  memory.fill(ptr, 0, bytes);
}

/** Sets `bytes` bytes from `ptr` to `value` (memory.fill; see `zero`). */
export function fill8(ptr: usize, value: u8, bytes: usize): void {
  memory.fill(ptr, value, bytes);
}

/** Copies `bytes` bytes from `src` to `dst` (memory.copy; as `zero`, faster than a typed array's set on a shared memory). */
export function copy(dst: usize, src: usize, bytes: usize): void {
  memory.copy(dst, src, bytes);
}

/**
 * The coarse stencil from its Galerkin entries (acc: 5 f64 per padded coarse point: diag, E, S,
 * SE, SW) as assembleCoarse in src/solve/multigrid.ts does it: couplings are minus the entries,
 * those pointing outside the grid dropped (d: f64 diagonal; e, s, se, sw: f32). Returns the
 * largest diagonal.
 */
export function coarseEntries(acc: usize, d: usize, e: usize, s: usize, se: usize, sw: usize, Wc: i32, Hc: i32, padc: i32): f64 {
  let maxDiag: f64 = 0;
  let k = padc;
  for (let cy = 0; cy < Hc; cy++) {
    const below = cy + 1 < Hc;
    for (let cx = 0; cx < Wc; cx++, k++) {
      const a = acc + (<usize>(5 * k) << 3);
      const dk = load<f64>(a);
      store<f64>(d + (<usize>k << 3), dk);
      if (dk > maxDiag) maxDiag = dk;
      const right = cx + 1 < Wc;
      fst(e, k, right ? <f32>-load<f64>(a, 8) : 0);
      fst(s, k, below ? <f32>-load<f64>(a, 16) : 0);
      fst(se, k, right && below ? <f32>-load<f64>(a, 24) : 0);
      fst(sw, k, cx > 0 && below ? <f32>-load<f64>(a, 32) : 0);
    }
  }
  return maxDiag;
}

/**
 * assembleCoarse's second pass: points whose diagonal is at most `tiny` (no fine support) become
 * identity rows decoupled from their neighbours; active (u8 per unpadded point) marks the others.
 */
export function coarseIdentityRows(d: usize, e: usize, s: usize, se: usize, sw: usize, active: usize, Wc: i32, Hc: i32, padc: i32, tiny: f64): void {
  const nc = Wc * Hc;
  for (let I = 0; I < nc; I++) {
    const k = padc + I;
    if (load<f64>(d + (<usize>k << 3)) > tiny) {
      store<u8>(active + <usize>I, 1);
      continue;
    }
    store<u8>(active + <usize>I, 0);
    store<f64>(d + (<usize>k << 3), 1);
    fst(e, k, 0);
    fst(s, k, 0);
    fst(se, k, 0);
    fst(sw, k, 0);
    if (I % Wc > 0) fst(e, k - 1, 0);
    fst(s, k - Wc, 0);
    fst(se, k - Wc - 1, 0);
    fst(sw, k - Wc + 1, 0);
  }
}
