/**
 * The fused candidates of every pixel (issue 18), without the heavy sources: the CNN's
 * distribution and the exemplar candidates come in as data, so this file is browser-safe (the
 * studio's fused preview builds its candidates here from sources the service computed once).
 * `fuse.ts` computes the sources and runs the whole method.
 */

import { resizePlane } from '../../image/resize.js';
import type { Candidates } from '../../solve/coupled-tv.js';
import type { ColorDistribution } from '../automatic/cnn-tv/candidates.js';
import { candidatesFromDistribution } from '../automatic/cnn-tv/candidates.js';
import type { ExemplarCandidates } from '../exemplar/superpixel/exemplar-candidates.js';
import type { StrokeSet } from '../scribbles/strokes.js';

/** Defaults of the fused method (chosen by measurement: see the folder's README). */
export const FUSE_DEFAULTS = {
  strokeWeight: 16,
  referenceWeight: 1,
  autoWeight: 0.25,
  /** μ of the prior −μ log w⁰ on the initial weights (FuseLayout.prior). */
  prior: 8,
  /** Shift the reference's colours to the strokes (`shiftedByStrokes`). */
  referenceShift: false as boolean,
  /** σ of the stroke confidence, in working-resolution pixels, when a reference is given. */
  strokeSigma: 60,
  /**
   * The same without a reference (strokes + auto): the CNN's candidates are weaker than a
   * reference's, so the strokes reach farther. On val/ (strokes + auto): 26.61 dB at σ 60 against
   * 28.05 at 200, strokes alone 28.00; on the exemplar tuning sets σ 200 cost strokes + reference
   * 0.8 dB, hence two values (docs/fuse.md).
   */
  strokeSigmaWithoutReference: 200,
  /** β of the geodesic step cost 1 + β|ΔL*|. */
  edgeCost: 1,
  autoCandidates: 6,
  referenceCandidates: 4,
  workingPixels: 262_144,
  /**
   * Levin's propagation of the strokes on at most this many pixels, brought to the working size
   * (the stroke pixels keep their own chroma). At 1 MP (working 262 144 px) Levin at full working
   * size was the slowest stage (5.2 of 11.4 CPU-s); on the tuning halves 16 384 px cost nothing
   * (exemplar s+r 22.63 both, s+a 21.87 vs 21.82, s+r+a 22.69 vs 22.70; val s+a 25.78 vs 25.64
   * dB), so 65 536 is a safe default (docs/fuse.md, speed).
   */
  levinPixels: 65_536,
} as const;

/**
 * Stroke set reduced to a working grid: a working pixel is a stroke pixel when any full-resolution
 * pixel of its footprint is one, with their mean colour.
 */
export function downsampleStrokes(strokes: StrokeSet, width: number, height: number): StrokeSet {
  const { width: W, height: H } = strokes;
  if (W === width && H === height) return strokes;
  const n = width * height;
  const count = new Float32Array(n);
  const sum = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let y = 0; y < H; y++) {
    const ty = Math.min(height - 1, Math.floor((y * height) / H));
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (!strokes.mask[i]) continue;
      const t = ty * width + Math.min(width - 1, Math.floor((x * width) / W));
      count[t]++;
      for (let c = 0; c < 3; c++) sum[c][t] += strokes.colors.channels[c][i];
    }
  }
  const mask = new Uint8Array(n);
  for (let t = 0; t < n; t++)
    if (count[t] > 0) {
      mask[t] = 1;
      for (let c = 0; c < 3; c++) sum[c][t] /= count[t];
    }
  return { width, height, mask, colors: { width, height, channels: sum } };
}

/** Per-source fields at the working resolution, from which each TV scale's candidates are built. */
export interface FuseSources {
  W: number;
  H: number;
  dist?: ColorDistribution;
  exemplar?: ExemplarCandidates;
  /** Levin chroma as a*, b*, its confidence, the working stroke mask. */
  stroke?: { a: Float32Array; b: Float32Array; conf: Float32Array; mask: Uint8Array };
}

/** Weights and counts that decide the candidate layout. */
export interface FuseLayout {
  /**
   * μ of the prior on the initial weights: candidate i of pixel x costs −μ log w⁰_i(x) in F
   * (`Candidates.cost`), so the selection weighs the sources' confidence against the distance
   * of u to the candidate; 0 gives eq. 2 as in the paper (the weights only start the descent).
   */
  prior?: number;
  ka: number;
  kr: number;
  ws: number;
  wr: number;
  wa: number;
}

/**
 * The reference's colours moved by the mean difference, over the stroke pixels, between the
 * strokes' a*, b* and the reference's fused colour there: a reference photo of other light or
 * season is off by a global shift that the strokes measure.
 */
export function shiftedByStrokes(
  ex: ExemplarCandidates,
  stroke: { a: Float32Array; b: Float32Array; mask: Uint8Array },
  W: number,
  H: number,
): ExemplarCandidates {
  let da = 0;
  let db = 0;
  let n = 0;
  for (let y = 0; y < H; y++) {
    const ey = Math.min(ex.height - 1, Math.floor(((y + 0.5) * ex.height) / H));
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (!stroke.mask[i]) continue;
      const e = ey * ex.width + Math.min(ex.width - 1, Math.floor(((x + 0.5) * ex.width) / W));
      da += stroke.a[i] - ex.fusedA[e];
      db += stroke.b[i] - ex.fusedB[e];
      n++;
    }
  }
  if (n === 0) return ex;
  da /= n;
  db /= n;
  const add = (p: Float32Array, d: number) => p.map((v) => v + d);
  return {
    ...ex,
    a: add(ex.a, da),
    b: add(ex.b, db),
    fusedA: add(ex.fusedA, da),
    fusedB: add(ex.fusedB, db),
  };
}

/**
 * The fused candidates of a w × h scale of the working grid (the working grid itself when
 * w = W, h = H; the stroke pixels are hard only there). `autoCandidates`: the CNN's candidates
 * at w × h computed before (`candidatesFromDistribution(s.dist, w, h, l.ka)`), so a caller that
 * rebuilds the candidates after every stroke (the studio's preview) computes them once.
 *
 * @example
 * ```ts
 * import { fusedCandidates } from 'colorize-toolkit/internals';
 * const stroke = { a: Float32Array.of(30, 30), b: Float32Array.of(0, 0), conf: Float32Array.of(1, 0.5), mask: Uint8Array.of(1, 0) };
 * const c = fusedCandidates({ W: 2, H: 1, stroke }, { ka: 0, kr: 0, ws: 1, wr: 1, wa: 1 }, 2, 1);
 * console.log(c.count, Array.from(c.weight)); // 1 [ 1, 1 ]
 * ```
 */
export function fusedCandidates(
  s: FuseSources,
  l: FuseLayout,
  w: number,
  h: number,
  autoCandidates?: Candidates,
): Candidates {
  const { W, H } = s;
  const n = w * h;
  const fine = w === W && h === H;
  const ka = s.dist ? l.ka : 0;
  const kr = s.exemplar ? 1 + s.exemplar.k : 0;
  const ks = s.stroke ? 1 : 0;
  const K = ka + kr + ks;
  const ca = new Float32Array(n * K);
  const cb = new Float32Array(n * K);
  const cw = new Float32Array(n * K);
  const mu = l.prior ?? 0;
  const cost = mu > 0 ? new Float32Array(n * K) : undefined;
  // The CNN's candidates at this scale (the costly part), unless computed before for it.
  const reuse = autoCandidates?.width === w && autoCandidates.height === h && autoCandidates.count === ka;
  const auto = s.dist ? (reuse ? autoCandidates : candidatesFromDistribution(s.dist, w, h, ka)) : undefined;
  const resize = (p: Float32Array, pw: number, ph: number) =>
    pw === w && ph === h ? p : resizePlane(p, pw, ph, w, h, pw * ph > n ? 'area' : 'bilinear');
  const ex = s.exemplar;
  const fa = ex ? resize(ex.fusedA, ex.width, ex.height) : undefined;
  const fb = ex ? resize(ex.fusedB, ex.width, ex.height) : undefined;
  const st = s.stroke;
  const sa = st ? resize(st.a, W, H) : undefined;
  const sb = st ? resize(st.b, W, H) : undefined;
  const sc = st ? resize(st.conf, W, H) : undefined;
  for (let y = 0; y < h; y++) {
    const ey = ex ? Math.min(ex.height - 1, Math.floor(((y + 0.5) * ex.height) / h)) : 0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const o = i * K;
      let j = 0;
      if (auto) {
        for (let t = 0; t < ka; t++, j++) {
          ca[o + j] = auto.a[i * ka + t];
          cb[o + j] = auto.b[i * ka + t];
          cw[o + j] = l.wa * auto.weight[i * ka + t];
        }
      }
      if (ex && fa && fb) {
        const ew = Math.min(ex.width - 1, Math.floor(((x + 0.5) * ex.width) / w));
        const seg = ex.labels[ey * ex.width + ew];
        ca[o + j] = fa[i];
        cb[o + j] = fb[i];
        cw[o + j] = 0.5 * l.wr;
        j++;
        for (let t = 0; t < ex.k; t++, j++) {
          ca[o + j] = ex.a[seg * ex.k + t];
          cb[o + j] = ex.b[seg * ex.k + t];
          cw[o + j] = 0.5 * l.wr * ex.weight[seg * ex.k + t];
        }
      }
      if (st && sa && sb && sc) {
        ca[o + j] = sa[i];
        cb[o + j] = sb[i];
        cw[o + j] = l.ws * sc[i];
        if (fine && st.mask[i]) {
          // Hard where drawn: every candidate is the stroke colour.
          for (let t = 0; t < K; t++) {
            ca[o + t] = sa[i];
            cb[o + t] = sb[i];
            cw[o + t] = 1;
          }
        }
      }
      let sum = 0;
      for (let t = 0; t < K; t++) sum += cw[o + t];
      if (sum > 0) for (let t = 0; t < K; t++) cw[o + t] /= sum;
      else for (let t = 0; t < K; t++) cw[o + t] = 1 / K;
      if (cost) for (let t = 0; t < K; t++) cost[o + t] = -mu * Math.log(Math.max(cw[o + t], 1e-6));
    }
  }
  return cost
    ? { width: w, height: h, count: K, a: ca, b: cb, weight: cw, cost }
    : { width: w, height: h, count: K, a: ca, b: cb, weight: cw };
}
