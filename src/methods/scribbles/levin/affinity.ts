/**
 * The affinities of Levin, Lischinski & Weiss, "Colorization using Optimization" (SIGGRAPH 2004),
 * eq. (2)–(3) of the paper and eq. (8) of the re-colorization report §3.2.1, as computed by
 * their reference code (getColorExact.m): for every pixel r, over its 3×3 window N(r) clipped
 * to the image,
 *
 *   w_rs ∝ exp(−(Y_r − Y_s)² / (2σ_r²)),  Σ_s w_rs = 1,
 *   2σ_r² = max(0.6·Var_{N(r)∪{r}}(Y),  min_s (Y_r − Y_s)² / ln(1/0.01),  2e-6).
 *
 * The second floor keeps the most similar neighbour at weight ≥ 0.01 before normalisation, so
 * no pixel is cut off from all its neighbours. The weights are row-normalised and therefore not
 * symmetric: Levin et al.'s system I − w (`levinOperator`) is a general 9-point operator. The
 * symmetric formulation (`symmetricAffinity`) uses W_rs = (w_rs + w_sr) / 2, the weights of an
 * undirected graph whose Laplacian is SPD once some pixels are fixed; it is an option, and the
 * preconditioner of Levin's system.
 */
import { checkNumber } from '../../../errors.js';
import {
  createGeneralStencil9,
  GENERAL_OFFSETS,
  type GeneralStencil9,
  symmetrise,
} from '../../../solve/general-stencil9.js';
import type { Stencil9 } from '../../../solve/stencil9.js';
import { arenaOf, planeBytes, WasmArena } from '../../../solve/wasm/arena.js';
import { arenaGeneralStencil9 } from '../../../solve/wasm/arena-stencils.js';

export interface AffinityOptions {
  /** Factor on the window variance, 2σ_r² = factor · variance (Levin's code: 0.6). */
  varianceScale?: number;
  /** Weight the most similar neighbour keeps at least, before normalisation (Levin's code: 0.01). */
  minNeighbourWeight?: number;
  /** Floor on 2σ_r² (Levin's code: 2e-6, on a [0, 1] luminance). */
  sigmaFloor?: number;
}

/** Paper/code defaults of {@link AffinityOptions}. */
export const AFFINITY_DEFAULTS: Required<AffinityOptions> = {
  varianceScale: 0.6,
  minNeighbourWeight: 0.01,
  sigmaFloor: 2e-6,
};

/** Neighbour offsets in the order used by {@link levinWeights}: W, E, N, S, NW, NE, SW, SE. */
export const NEIGHBOUR_OFFSETS: ReadonlyArray<readonly [number, number]> = GENERAL_OFFSETS;

function resolve(options: AffinityOptions): Required<AffinityOptions> {
  return {
    varianceScale: checkNumber(
      'varianceScale',
      options.varianceScale ?? AFFINITY_DEFAULTS.varianceScale,
      1e-6,
    ),
    minNeighbourWeight: checkNumber(
      'minNeighbourWeight',
      options.minNeighbourWeight ?? AFFINITY_DEFAULTS.minNeighbourWeight,
      1e-300,
      0.999,
    ),
    sigmaFloor: checkNumber('sigmaFloor', options.sigmaFloor ?? AFFINITY_DEFAULTS.sigmaFloor, 1e-12),
  };
}

/**
 * Levin et al.'s operator I − w as a general 9-point stencil: diagonal 1, coupling c_k[r] = w_rs
 * for s = r + offset_k (out-of-image couplings 0). With the strokes as Dirichlet constraints
 * this is exactly the system of their `getColorExact.m`: u_r − Σ_s w_rs u_s = 0 at free pixels.
 * Its rows sum to zero, kept as such (GeneralStencil9.rowSum) for products that stay exact on
 * constants whatever the weights' rounding.
 * `precision: 'double'` keeps the weights in double precision (reference solves). In single
 * precision the interior pixels are computed in the wasm kernels where they run (SIMD, within
 * 1e-6 of the double-precision weights; tested), the rest by the same JavaScript as in double.
 *
 * @example
 * ```ts
 * import { levinOperator } from 'colorize-toolkit/internals';
 * const Y = new Float32Array(16).fill(0.5); // flat 4×4
 * const A = levinOperator(Y, 4, 4);
 * console.log(A.c[1][A.pad + 5].toFixed(4)); // 0.1250 (interior pixel: 8 equal weights)
 * ```
 */
export function levinOperator(
  Y: Float32Array,
  width: number,
  height: number,
  options: AffinityOptions = {},
  precision: 'single' | 'double' = 'single',
  arena?: WasmArena,
): GeneralStencil9 {
  const { varianceScale, minNeighbourWeight, sigmaFloor } = resolve(options);
  const logFloor = -Math.log(minNeighbourWeight);
  // `arena`: the operator is built in the memory its solve will run in (single precision only).
  const A =
    arena && precision === 'single'
      ? arenaGeneralStencil9(arena, width, height, true)
      : createGeneralStencil9(width, height, precision, true);
  const { pad, diag } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const W = width;
  const v = new Float64Array(8);
  const inside = new Uint8Array(8);
  const generalPixel = (x: number, y: number): void => {
    const r = y * W + x;
    const yr = Y[r];
    let m = 1;
    let sum = yr;
    for (let k = 0; k < 8; k++) {
      const xx = x + GENERAL_OFFSETS[k][0];
      const yy = y + GENERAL_OFFSETS[k][1];
      inside[k] = xx >= 0 && yy >= 0 && xx < W && yy < height ? 1 : 0;
      if (!inside[k]) continue;
      const t = Y[yy * W + xx];
      v[k] = t;
      sum += t;
      m++;
    }
    const mean = sum / m;
    let variance = (yr - mean) * (yr - mean);
    let minSq = Infinity;
    for (let k = 0; k < 8; k++) {
      if (!inside[k]) continue;
      const t = v[k];
      variance += (t - mean) * (t - mean);
      const d = (t - yr) * (t - yr);
      if (d < minSq) minSq = d;
    }
    variance /= m;
    let csig = variance * varianceScale;
    if (csig < minSq / logFloor) csig = minSq / logFloor;
    if (csig < sigmaFloor) csig = sigmaFloor;
    const inv = -1 / csig;
    let total = 0;
    for (let k = 0; k < 8; k++) {
      if (!inside[k]) {
        v[k] = 0;
        continue;
      }
      const d = v[k] - yr;
      const g = Math.exp(d * d * inv);
      v[k] = g;
      total += g;
    }
    const i = pad + r;
    for (let k = 0; k < 8; k++) A.c[k][i] = v[k] / total;
    diag[i] = 1;
  };
  if (precision === 'single' && affinitiesInWasm(Y, A, varianceScale, logFloor, sigmaFloor, generalPixel))
    return A;
  for (let y = 0; y < height; y++) {
    const border = y === 0 || y === height - 1;
    for (let x = 0; x < W; x++) {
      if (border || x === 0 || x === W - 1) {
        generalPixel(x, y);
        continue;
      }
      // Interior pixel: the same computation with all 8 neighbours, written out.
      const r0 = y * W + x;
      const i = pad + r0;
      const yr = Y[r0];
      const tW = Y[r0 - 1];
      const tE = Y[r0 + 1];
      const tN = Y[r0 - W];
      const tS = Y[r0 + W];
      const tNW = Y[r0 - W - 1];
      const tNE = Y[r0 - W + 1];
      const tSW = Y[r0 + W - 1];
      const tSE = Y[r0 + W + 1];
      const mean = (yr + tW + tE + tN + tS + tNW + tNE + tSW + tSE) / 9;
      const dW = tW - yr;
      const dE = tE - yr;
      const dN = tN - yr;
      const dS = tS - yr;
      const dNW = tNW - yr;
      const dNE = tNE - yr;
      const dSW = tSW - yr;
      const dSE = tSE - yr;
      const dm = yr - mean;
      // Σ(t − mean)² = Σ(t − yr)² − 9·(mean − yr)² over the 9 values (yr contributes 0 to the first sum).
      const sq = dW * dW + dE * dE + dN * dN + dS * dS + dNW * dNW + dNE * dNE + dSW * dSW + dSE * dSE;
      const variance = sq / 9 - dm * dm;
      const minSq = Math.min(dW * dW, dE * dE, dN * dN, dS * dS, dNW * dNW, dNE * dNE, dSW * dSW, dSE * dSE);
      let csig = variance * varianceScale;
      if (csig < minSq / logFloor) csig = minSq / logFloor;
      if (csig < sigmaFloor) csig = sigmaFloor;
      const inv = -1 / csig;
      const gW = Math.exp(dW * dW * inv);
      const gE = Math.exp(dE * dE * inv);
      const gN = Math.exp(dN * dN * inv);
      const gS = Math.exp(dS * dS * inv);
      const gNW = Math.exp(dNW * dNW * inv);
      const gNE = Math.exp(dNE * dNE * inv);
      const gSW = Math.exp(dSW * dSW * inv);
      const gSE = Math.exp(dSE * dSE * inv);
      const h = 1 / (gW + gE + gN + gS + gNW + gNE + gSW + gSE);
      cW[i] = gW * h;
      cE[i] = gE * h;
      cN[i] = gN * h;
      cS[i] = gS * h;
      cNW[i] = gNW * h;
      cNE[i] = gNE * h;
      cSW[i] = gSW * h;
      cSE[i] = gSE * h;
      diag[i] = 1;
    }
  }
  return A;
}

/**
 * Levin's row-normalised weights as 8 planes (one per {@link NEIGHBOUR_OFFSETS} direction);
 * out-of-image directions hold 0. The exact non-symmetric system of the paper is
 * u_r − Σ_s w_rs u_s = 0 at free pixels.
 *
 * @example
 * ```ts
 * import { levinWeights } from 'colorize-toolkit/internals';
 * const Y = Float32Array.of(0.5, 0.5, 0.5, 0.9); // 2×2
 * const w = levinWeights(Y, 2, 2);
 * console.log((w[1][0] + w[3][0] + w[7][0]).toFixed(6)); // 1.000000 (pixel 0: E, S, SE)
 * ```
 */
export function levinWeights(
  Y: Float32Array,
  width: number,
  height: number,
  options: AffinityOptions = {},
): Float32Array[] {
  const A = levinOperator(Y, width, height, options);
  return A.c.map((plane) => Float32Array.from(plane.subarray(A.pad, A.pad + width * height)));
}

/**
 * The symmetric affinity graph W_rs = (w_rs + w_sr)/2 of Levin's weights as a 9-point stencil of
 * couplings, with the diagonal set to the weighted degree Σ_s W_rs.
 *
 * @example
 * ```ts
 * import { symmetricAffinity } from 'colorize-toolkit/internals';
 * const Y = new Float32Array(16).fill(0.5); // flat 4×4: every weight equal within a window
 * const L = symmetricAffinity(Y, 4, 4);
 * console.log(L.e[L.pad + 5].toFixed(4)); // 0.1250 (interior pixels have 8 neighbours)
 * ```
 */
export function symmetricAffinity(
  Y: Float32Array,
  width: number,
  height: number,
  options: AffinityOptions = {},
): Stencil9 {
  return symmetrise(levinOperator(Y, width, height, options));
}

/** Rows per band of the wasm affinities: a small fixed arena, whatever the image size. */
const BAND_ROWS = 64;

/**
 * The interior pixels' weights in the wasm kernels (SIMD, single precision; levinAffinityRows in
 * wasm/solver-kernels.ts), band by band; the border pixels and each row's last few interior ones
 * (fewer than four) through `pixel`, the JavaScript computation. Diagonal 1 everywhere. False
 * where the kernels are unavailable or the image is too narrow (the caller then computes it all).
 */
function affinitiesInWasm(
  Y: Float32Array,
  A: GeneralStencil9,
  varianceScale: number,
  logFloor: number,
  sigmaFloor: number,
  pixel: (x: number, y: number) => void,
): boolean {
  const { width: W, height: H, pad } = A;
  if (W < 6 || H < 3) return false;
  // Where A lies in an arena (the Levin solve's), the kernels run there, on a copy of Y at its
  // top, and copy each band into A's planes themselves: no copy across memories (on a shared
  // memory a typed array's set at an unaligned offset runs ten times slower than memory.copy).
  const home = arenaOf(A.c[0]);
  const bandRows = Math.min(BAND_ROWS, H - 2);
  const inHome =
    home &&
    A.c.every((c) => home.holds(c)) &&
    home.free() >= planeBytes(W * H) + planeBytes(8 * W * bandRows, 2) + 64;
  const arena = inHome
    ? home
    : WasmArena.create(planeBytes(W * (BAND_ROWS + 2)) + planeBytes(W * BAND_ROWS, 8));
  if (!arena) return false;
  const mark = arena.mark();
  const whole = inHome ? arena.copy32(Y, 'top') : null;
  const yBand = whole ? null : arena.f32(W * (BAND_ROWS + 2));
  // Two bands at a time in A's arena, the second on its helper thread where it has one.
  const outs = inHome
    ? [arena.f32(8 * W * bandRows, 'top'), arena.f32(8 * W * bandRows, 'top')]
    : [arena.f32(8 * W * bandRows)];
  const xEnd = 1 + ((W - 2) & ~3);
  const bands: number[] = [];
  for (let y0 = 1; y0 < H - 1; y0 += BAND_ROWS) bands.push(y0);
  const args = (y0: number, out: Float32Array) => {
    const rows = Math.min(BAND_ROWS, H - 1 - y0);
    let band: number;
    if (whole) band = whole.byteOffset + 4 * (y0 - 1) * W;
    else {
      yBand?.set(Y.subarray((y0 - 1) * W, (y0 + rows + 1) * W));
      band = yBand?.byteOffset ?? 0;
    }
    return [band, out.byteOffset, W, rows, varianceScale, logFloor, sigmaFloor];
  };
  const place = (y0: number, out: Float32Array) => {
    const rows = Math.min(BAND_ROWS, H - 1 - y0);
    const n = rows * W;
    for (let k = 0; k < 8; k++) {
      if (inHome)
        arena.kernels.copy(A.c[k].byteOffset + 4 * (pad + y0 * W), out.byteOffset + 4 * k * n, 4 * n);
      else A.c[k].set(out.subarray(k * n, (k + 1) * n), pad + y0 * W);
    }
    for (let y = y0; y < y0 + rows; y++) {
      pixel(0, y);
      for (let x = xEnd; x < W; x++) pixel(x, y);
    }
  };
  for (let b = 0; b < bands.length; b += outs.length) {
    const y0 = bands[b];
    if (outs.length === 2 && b + 1 < bands.length) {
      arena.together('levinAffinityRows', args(y0, outs[0]), args(bands[b + 1], outs[1]));
      place(y0, outs[0]);
      place(bands[b + 1], outs[1]);
    } else {
      arena.kernels.levinAffinityRows(
        ...(args(y0, outs[0]) as [number, number, number, number, number, number, number]),
      );
      place(y0, outs[0]);
    }
  }
  if (inHome) arena.releaseTop(mark);
  for (let x = 0; x < W; x++) {
    pixel(x, 0);
    pixel(x, H - 1);
  }
  A.diag.fill(1, pad, pad + W * H);
  return true;
}
