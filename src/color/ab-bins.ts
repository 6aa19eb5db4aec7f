/**
 * The Q = 313 quantised ab colours of Zhang, Isola & Efros (ECCV 2016): centres of a 10-unit grid
 * on the (a, b) plane that hold in-gamut sRGB colours; soft-encoding of ground-truth ab
 * (5 nearest bins, Gaussian σ = 5) and the annealed-mean decoding H(Z) with temperature T = 0.38.
 *
 * The bins are computed here (see {@link abBins}); the published list can be loaded with
 * {@link parseAbBins}. Every function takes the bin set as a parameter.
 */
import { srgbToLab } from './lab.js';

export const AB_GRID = 10;
export const AB_MIN = -110;
export const AB_MAX = 110;
const GRID_N = (AB_MAX - AB_MIN) / AB_GRID + 1; // 23

export interface AbBins {
  /** Number of bins (313). */
  readonly count: number;
  /** a of bin i. */
  readonly a: Float32Array;
  /** b of bin i. */
  readonly b: Float32Array;
  /** Grid cell (ia * 23 + ib) → bin index, −1 for out-of-gamut cells. */
  readonly cellToBin: Int32Array;
}

let cached: AbBins | null = null;

/** Bins from explicit (a, b) lists, in the given order. */
export function makeAbBins(a: ArrayLike<number>, b: ArrayLike<number>): AbBins {
  const cellToBin = new Int32Array(GRID_N * GRID_N).fill(-1);
  for (let k = 0; k < a.length; k++) {
    const ia = Math.round((a[k] - AB_MIN) / AB_GRID);
    const ib = Math.round((b[k] - AB_MIN) / AB_GRID);
    if (ia >= 0 && ia < GRID_N && ib >= 0 && ib < GRID_N) cellToBin[ia * GRID_N + ib] = k;
  }
  return { count: a.length, a: Float32Array.from(a), b: Float32Array.from(b), cellToBin };
}

/**
 * The in-gamut ab bins computed here, ordered by a then b (the published order).
 *
 * Rule: a grid centre (a, b) is kept when an sRGB colour has its (a*, b*) within one grid step
 * of it on both axes (the colour's floor/ceil cell corners on the 10-grid); the sRGB cube is
 * sampled on a 97³ lattice. This gives 308 bins, all of them among the published 313 of
 * Zhang et al.; the 5 others lie 10–15 units outside the sRGB gamut (their set was read off
 * ImageNet statistics, not a formula). Use {@link parseAbBins} to load the published file.
 *
 * @example
 * ```ts
 * import { abBins } from 'colorize-toolkit/internals';
 * const bins = abBins();
 * console.log(bins.count, bins.a[0], bins.b[0]); // 308 -90 50
 * ```
 */
export function abBins(): AbBins {
  if (cached) return cached;
  const hit = new Uint8Array(GRID_N * GRID_N);
  const S = 97;
  for (let ri = 0; ri < S; ri++)
    for (let gi = 0; gi < S; gi++)
      for (let bi = 0; bi < S; bi++) {
        const [, av, bv] = srgbToLab(ri / (S - 1), gi / (S - 1), bi / (S - 1));
        const fa = Math.floor((av - AB_MIN) / AB_GRID);
        const fb = Math.floor((bv - AB_MIN) / AB_GRID);
        for (let da = 0; da <= 1; da++)
          for (let db = 0; db <= 1; db++) {
            const ia = fa + da;
            const ib = fb + db;
            if (ia >= 0 && ia < GRID_N && ib >= 0 && ib < GRID_N) hit[ia * GRID_N + ib] = 1;
          }
      }
  const a: number[] = [];
  const b: number[] = [];
  for (let ia = 0; ia < GRID_N; ia++)
    for (let ib = 0; ib < GRID_N; ib++)
      if (hit[ia * GRID_N + ib]) {
        a.push(AB_MIN + ia * AB_GRID);
        b.push(AB_MIN + ib * AB_GRID);
      }
  cached = makeAbBins(a, b);
  return cached;
}

/**
 * Parses the published bin file (626 little-endian float32, planar [2][313]: all a, then all b),
 * as stored in ../shared/models/color-bins/pts_in_hull.f32.
 */
export function parseAbBins(bytes: Uint8Array): AbBins {
  if (bytes.length % 8 !== 0 || bytes.length === 0) {
    throw new RangeError(
      `ab bin file has ${bytes.length} bytes; expected 8 per bin (planar float32 a then b)`,
    );
  }
  const n = bytes.length / 8;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < n; k++) {
    a.push(dv.getFloat32(4 * k, true));
    b.push(dv.getFloat32(4 * (n + k), true));
  }
  return makeAbBins(a, b);
}

/** Index of the bin nearest to (a, b) in Euclidean distance. */
export function nearestBin(a: number, b: number, bins: AbBins = abBins()): number {
  const ia = Math.round((a - AB_MIN) / AB_GRID);
  const ib = Math.round((b - AB_MIN) / AB_GRID);
  if (ia >= 0 && ia < GRID_N && ib >= 0 && ib < GRID_N) {
    const k = bins.cellToBin[ia * GRID_N + ib];
    if (k >= 0) return k;
  }
  let best = 0;
  let bd = Infinity;
  for (let k = 0; k < bins.count; k++) {
    const d = (bins.a[k] - a) ** 2 + (bins.b[k] - b) ** 2;
    if (d < bd) {
      bd = d;
      best = k;
    }
  }
  return best;
}

export interface SoftEncoding {
  /** Bin indices, `neighbours` per pixel. */
  index: Int32Array;
  /** Matching weights (sum 1 per pixel). */
  weight: Float32Array;
  neighbours: number;
}

/**
 * Soft-encodes ab values: each pixel gets its `neighbours` nearest bins weighted by a Gaussian
 * of the distance (σ = 5), normalised (Zhang et al. §2.1).
 *
 * @example
 * ```ts
 * import { softEncode } from 'colorize-toolkit/internals';
 * const enc = softEncode(Float32Array.of(0), Float32Array.of(0));
 * console.log(enc.index.length, enc.weight.reduce((s, w) => s + w, 0).toFixed(3)); // 5 1.000
 * ```
 */
export function softEncode(
  a: Float32Array,
  b: Float32Array,
  neighbours = 5,
  sigma = 5,
  bins: AbBins = abBins(),
): SoftEncoding {
  const n = a.length;
  const index = new Int32Array(n * neighbours);
  const weight = new Float32Array(n * neighbours);
  const bestD = new Float64Array(neighbours);
  const bestK = new Int32Array(neighbours);
  const inv2s2 = 1 / (2 * sigma * sigma);
  for (let i = 0; i < n; i++) {
    bestD.fill(Infinity);
    const av = a[i];
    const bv = b[i];
    // Candidates within a 5×5 cell window of the nearest cell hold the 5 nearest bins when the
    // value is in gamut; a full scan covers values far outside the grid.
    const ia0 = Math.round((av - AB_MIN) / AB_GRID);
    const ib0 = Math.round((bv - AB_MIN) / AB_GRID);
    const inside = ia0 >= 2 && ia0 < GRID_N - 2 && ib0 >= 2 && ib0 < GRID_N - 2;
    const consider = (k: number) => {
      const d = (bins.a[k] - av) ** 2 + (bins.b[k] - bv) ** 2;
      if (d >= bestD[neighbours - 1]) return;
      let j = neighbours - 1;
      while (j > 0 && bestD[j - 1] > d) {
        bestD[j] = bestD[j - 1];
        bestK[j] = bestK[j - 1];
        j--;
      }
      bestD[j] = d;
      bestK[j] = k;
    };
    let found = 0;
    if (inside) {
      for (let da = -2; da <= 2; da++)
        for (let db = -2; db <= 2; db++) {
          const k = bins.cellToBin[(ia0 + da) * GRID_N + ib0 + db];
          if (k >= 0) {
            consider(k);
            found++;
          }
        }
    }
    if (found < neighbours + 4) {
      bestD.fill(Infinity);
      for (let k = 0; k < bins.count; k++) consider(k);
    }
    let sum = 0;
    for (let j = 0; j < neighbours; j++) {
      const w = Math.exp(-bestD[j] * inv2s2);
      weight[i * neighbours + j] = w;
      index[i * neighbours + j] = bestK[j];
      sum += w;
    }
    for (let j = 0; j < neighbours; j++) weight[i * neighbours + j] /= sum;
  }
  return { index, weight, neighbours };
}

/**
 * Annealed mean H(Z) of Zhang et al. eq. (5): re-normalises exp(log z / T) and returns the
 * expected (a, b). `probs` holds `count` probabilities per pixel, pixel-major.
 *
 * @example
 * ```ts
 * import { abBins, annealedMean } from 'colorize-toolkit/internals';
 * const p = new Float32Array(abBins().count); p[0] = 1; // all mass on bin 0 = (-90, 50)
 * const { a, b } = annealedMean(p, 1);
 * console.log(a[0], b[0]); // -90 50
 * ```
 */
export function annealedMean(
  probs: Float32Array,
  pixels: number,
  T = 0.38,
  bins: AbBins = abBins(),
): { a: Float32Array; b: Float32Array } {
  const q = bins.count;
  if (probs.length !== pixels * q)
    throw new RangeError(`expected ${pixels}×${q} probabilities, got ${probs.length}`);
  const outA = new Float32Array(pixels);
  const outB = new Float32Array(pixels);
  const invT = 1 / T;
  const tmp = new Float64Array(q);
  for (let i = 0; i < pixels; i++) {
    const off = i * q;
    let maxLog = -Infinity;
    for (let k = 0; k < q; k++) {
      const l = Math.log(Math.max(probs[off + k], 1e-30)) * invT;
      tmp[k] = l;
      if (l > maxLog) maxLog = l;
    }
    let s = 0;
    let sa = 0;
    let sb = 0;
    for (let k = 0; k < q; k++) {
      const w = Math.exp(tmp[k] - maxLog);
      s += w;
      sa += w * bins.a[k];
      sb += w * bins.b[k];
    }
    outA[i] = sa / s;
    outB[i] = sb / s;
  }
  return { a: outA, b: outB };
}
