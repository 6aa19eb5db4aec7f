/**
 * The IPOL 2024 colour fusion (eq. 4–6) evaluated literally, as the independent reference for
 * `colourFusion`: for every pixel p, d(p, i) for every target superpixel i (eq. 5), then
 * W(p, j) = Σ_i d(p, i) A(i, j) for every reference superpixel j, then
 * Î(p) = Σ_j W(p, j) Ī_R(j) / Σ_j W(p, j) — no reordering, no truncation, doubles throughout.
 * The only liberty: every d(p, i) of a pixel is multiplied by the same e^{e_min/σ}, which cancels
 * in the ratio of eq. 4 (with δc = 0.1 the unscaled values underflow doubles). Also builds real
 * fusion problems (superpixels, attention, reference colours) from photo pairs, and the previous
 * absolute truncation, for comparison.
 */
import { rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { HandcraftedFeatures } from '../../src/features/handcrafted-features.js';
import { fromPlanes, type ImageF32 } from '../../src/image/image.js';
import { fitWithin, resizeImage } from '../../src/image/resize.js';
import {
  type FusionOptions,
  fusionExponent,
  fusionStats,
} from '../../src/methods/exemplar/superpixel/fusion.js';
import { superFeatures, superpixelMeans } from '../../src/methods/exemplar/superpixel/sfe.js';
import { colorizationAttention, transferAttention } from '../../src/methods/exemplar/superpixel/sfm.js';
import { defaultSegmentCount, type Superpixels, slic } from '../../src/segment/slic.js';

export interface FusionProblem {
  /** Colour planes V_T uses: the gray target (colorization) or its RGB (transfer). */
  guide: Float32Array[];
  sp: Superpixels;
  /** Attention A, N_T × N_R. */
  A: Float32Array;
  NR: number;
  /** Ī_R(j), N_R × 3 (RGB). */
  refColours: Float32Array;
  /** C_i = Σ_j A(i, j) Ī_R(j), N_T × 3. */
  C: Float32Array;
}

/** A fusion problem as the pipeline builds it (handcrafted features), at long side `size`. */
export async function fusionProblem(
  target: ImageF32,
  reference: ImageF32,
  mode: 'colorize' | 'transfer',
  size: number,
): Promise<FusionProblem> {
  const ts = fitWithin(target.width, target.height, size);
  const rs = fitWithin(reference.width, reference.height, size);
  let t = resizeImage(target, ts.width, ts.height, 'area');
  const r = resizeImage(reference, rs.width, rs.height, 'area');
  if (mode === 'colorize' && t.channels.length === 3) t = fromPlanes(t.width, t.height, [lumaOf(t).slice()]);
  const rm = mode === 'colorize' ? fromPlanes(r.width, r.height, [lumaOf(r)]) : r;
  const seg = (im: ImageF32) =>
    slic(im, { segments: defaultSegmentCount(im.width, im.height), compactness: 10, tolerance: 0.05 });
  const sp = seg(t);
  const spR = seg(rm);
  const ex = new HandcraftedFeatures();
  const [fT, fR] = [await ex.extract(t), await ex.extract(rm)];
  const layers = fT.map((m, l) => ({
    target: superFeatures(m, sp),
    reference: superFeatures(fR[l], spR),
    channels: m.channels,
  }));
  const w = layers.map(() => 1);
  const A =
    mode === 'colorize'
      ? colorizationAttention(layers, sp.count, spR.count, 0.015, w)
      : transferAttention(layers, sp.count, spR.count, 0.015, w);
  const NR = spR.count;
  const refColours = superpixelMeans(r.channels, spR);
  const C = new Float32Array(sp.count * 3);
  for (let i = 0; i < sp.count; i++)
    for (let j = 0; j < NR; j++)
      for (let c = 0; c < 3; c++) C[i * 3 + c] += A[i * NR + j] * refColours[j * 3 + c];
  return { guide: t.channels, sp, A, NR, refColours, C };
}

/**
 * Eq. 4 literally (see the file comment). `absoluteCutoff` reproduces the previous truncation
 * instead: only superpixels whose spatial term (÷ σ_g) is ≤ κ² take part, and a pixel with none
 * takes its own superpixel's C_i.
 */
export function literalFusion(pr: FusionProblem, o: FusionOptions, absoluteCutoff?: number): Float64Array[] {
  const { guide, sp, A, NR, refColours } = pr;
  const s = fusionStats(guide, sp, o);
  const N = sp.count;
  const n = sp.labels.length;
  const out = [0, 1, 2].map(() => new Float64Array(n));
  const e = new Float64Array(N);
  const d = new Float64Array(N);
  const Wpj = new Float64Array(NR);
  const col = new Float64Array(guide.length);
  for (let p = 0; p < n; p++) {
    const x = p % sp.width;
    const y = (p - x) / sp.width;
    for (let c = 0; c < guide.length; c++) col[c] = guide[c][p];
    let emin = Infinity;
    for (let i = 0; i < N; i++) {
      const [a, b] = fusionExponent(s, i, x, y, col, 1);
      e[i] = absoluteCutoff !== undefined && a / o.sigmaG > absoluteCutoff ? Infinity : a + b;
      if (e[i] < emin) emin = e[i];
    }
    if (emin === Infinity) {
      const i = sp.labels[p];
      for (let c = 0; c < 3; c++) out[c][p] = pr.C[i * 3 + c];
      continue;
    }
    // σ_g(p): fixed, or Giraud et al.'s per-pixel normalisation.
    const sg = o.normalise === 'per-pixel' ? o.sigmaG * Math.max(1, emin) : o.sigmaG;
    for (let i = 0; i < N; i++) d[i] = Math.exp(-(e[i] - emin) / sg);
    Wpj.fill(0);
    for (let i = 0; i < N; i++) {
      if (d[i] === 0) continue; // exactly zero in doubles: adds nothing
      for (let j = 0; j < NR; j++) Wpj[j] += d[i] * A[i * NR + j];
    }
    let tot = 0;
    for (let j = 0; j < NR; j++) tot += Wpj[j];
    for (let c = 0; c < 3; c++) {
      let v = 0;
      for (let j = 0; j < NR; j++) v += Wpj[j] * refColours[j * 3 + c];
      out[c][p] = v / tot;
    }
  }
  return out;
}

/** Per-pixel CIELAB ΔE_ab (CIE76) between two RGB results of the same size. */
export function deltaE(
  width: number,
  height: number,
  a: ArrayLike<number>[],
  b: ArrayLike<number>[],
): Float64Array {
  const toLab = (planes: ArrayLike<number>[]) =>
    rgbImageToLab(
      fromPlanes(
        width,
        height,
        planes.map((q) => Float32Array.from(q)),
      ),
    ).channels;
  const la = toLab(a);
  const lb = toLab(b);
  const out = new Float64Array(width * height);
  for (let p = 0; p < out.length; p++)
    out[p] = Math.hypot(la[0][p] - lb[0][p], la[1][p] - lb[1][p], la[2][p] - lb[2][p]);
  return out;
}
