/**
 * The colour fusion as it was before the issue-15 speed work (commit 959d897,
 * src/methods/exemplar/superpixel/fusion.ts, copied verbatim but for the name): candidates per
 * 8 × 8 tile found by the spatial grid and the tile's gray range only, every candidate's exponent
 * computed at every pixel of the tile. Kept as the previous path the faster search must
 * reproduce (test/superpixel/fusion-previous.test.ts) and as the benchmark's same-run reference.
 */

import {
  type FusionOptions,
  type FusionReport,
  fusionStats,
} from '../../src/methods/exemplar/superpixel/fusion.js';
import type { Superpixels } from '../../src/segment/slic.js';

/**
 * Eq. 4 with the reordering and the relative truncation of fusion.ts: the fused colour of every pixel,
 * as `C.length / N` planes (C is N_T × k, row-major: the attention-weighted reference colours C_i).
 * Pass `report` to get the effective number of superpixels per pixel.
 */
export function previousColourFusion(
  guide: Float32Array[],
  sp: Superpixels,
  C: Float32Array,
  o: FusionOptions,
  report?: FusionReport,
): Float32Array[] {
  const { width: W, height: H, labels, count: N } = sp;
  const k = C.length / N;
  const s = fusionStats(guide, sp, o);
  const d = guide.length;
  const perPixel = (o.normalise ?? 'fixed') === 'per-pixel';
  const sg = o.sigmaG;
  const cut = o.cutoff;
  /** σ_g(p) for a pixel whose smallest exponent numerator is e. */
  const scale = (e: number) => (perPixel ? sg * Math.max(1, e) : sg);
  const out = Array.from({ length: k }, () => new Float32Array(W * H));
  // Bucket centroids on a grid so each tile finds its candidates quickly.
  const cell = Math.max(4, Math.round(Math.sqrt((W * H) / N)));
  const gx = Math.ceil(W / cell);
  const gy = Math.ceil(H / cell);
  const head = new Int32Array(gx * gy).fill(-1);
  const next = new Int32Array(N);
  let lmaxAll = 0;
  for (let i = 0; i < N; i++) {
    const b =
      Math.min(gy - 1, Math.max(0, Math.floor(s.cy[i] / cell))) * gx +
      Math.min(gx - 1, Math.max(0, Math.floor(s.cx[i] / cell)));
    next[i] = head[b];
    head[b] = i;
    lmaxAll = Math.max(lmaxAll, s.lmax[i]);
  }
  const T = 8;
  const cand = new Int32Array(N);
  const expo = new Float64Array(N);
  const tileLabels = new Int32Array(T * T);
  const bound = new Float64Array(T * T);
  const col = new Float64Array(d);
  const acc = new Float64Array(k);
  const tcx = new Float64Array(N);
  const tcy = new Float64Array(N);
  const tp0 = new Float64Array(N);
  const tp1 = new Float64Array(N);
  const tp2 = new Float64Array(N);
  const tmc = new Float64Array(N * d);
  const tpc = new Float64Array(N * d * d);
  const tC = new Float64Array(N * k);
  const { ps, mc, pc, cx, cy } = s;
  /** Exponent numerator (σ_g = 1) of superpixel i at pixel (x, y) with colour `col`. */
  const colourTerm = (i: number): number => {
    if (d === 1) {
      const v = col[0] - mc[i];
      return v * v * pc[i];
    }
    const o9 = i * 9;
    const v0 = col[0] - mc[i * 3];
    const v1 = col[1] - mc[i * 3 + 1];
    const v2 = col[2] - mc[i * 3 + 2];
    return (
      v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) +
      v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) +
      v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2)
    );
  };
  const spatialTerm = (i: number, x: number, y: number): number => {
    const dx = x - cx[i];
    const dy = y - cy[i];
    return ps[i * 3] * dx * dx + 2 * ps[i * 3 + 1] * dx * dy + ps[i * 3 + 2] * dy * dy;
  };
  let effSum = 0;
  let terms = 0;
  for (let ty = 0; ty < H; ty += T)
    for (let tx = 0; tx < W; tx += T) {
      const x1 = Math.min(W, tx + T) - 1;
      const y1 = Math.min(H, ty + T) - 1;
      // Superpixels present in the tile: their exponents bound each pixel's smallest one.
      let nl = 0;
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const l = labels[y * W + x];
          let seen = false;
          for (let t = 0; t < nl; t++)
            if (tileLabels[t] === l) {
              seen = true;
              break;
            }
          if (!seen) tileLabels[nl++] = l;
        }
      let B = 0;
      let gmin = Infinity;
      let gmax = -Infinity;
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          for (let c = 0; c < d; c++) col[c] = guide[c][p];
          if (col[0] < gmin) gmin = col[0];
          if (col[0] > gmax) gmax = col[0];
          let u = Infinity;
          for (let t = 0; t < nl; t++) {
            const i = tileLabels[t];
            const e = spatialTerm(i, x, y) + colourTerm(i);
            if (e < u) u = e;
          }
          const b = u + cut * scale(u);
          bound[(y - ty) * T + (x - tx)] = b;
          if (b > B) B = b;
        }
      // Candidates: superpixels whose spatial term can be ≤ B somewhere in the tile.
      const rmax = Math.sqrt(B * lmaxAll);
      let nc = 0;
      const bx0 = Math.max(0, Math.floor((tx - rmax) / cell));
      const bx1 = Math.min(gx - 1, Math.floor((x1 + rmax) / cell));
      const by0 = Math.max(0, Math.floor((ty - rmax) / cell));
      const by1 = Math.min(gy - 1, Math.floor((y1 + rmax) / cell));
      for (let by = by0; by <= by1; by++)
        for (let bx = bx0; bx <= bx1; bx++)
          for (let i = head[by * gx + bx]; i >= 0; i = next[i]) {
            const ex = Math.max(tx - cx[i], 0, cx[i] - x1);
            const ey = Math.max(ty - cy[i], 0, cy[i] - y1);
            // Lower bound of the exponent over the tile: spatial part from the distance to the
            // rectangle; for a gray guide, colour part from the gap to the tile's gray range.
            let lb = (ex * ex + ey * ey) / s.lmax[i];
            if (d === 1) {
              const gap = Math.max(0, gmin - mc[i], mc[i] - gmax);
              lb += gap * gap * pc[i];
            }
            if (lb <= B) cand[nc++] = i;
          }
      // Gather the candidates' parameters contiguously (the inner loop reads them in order).
      for (let t = 0; t < nc; t++) {
        const i = cand[t];
        tcx[t] = cx[i];
        tcy[t] = cy[i];
        tp0[t] = ps[i * 3];
        tp1[t] = 2 * ps[i * 3 + 1];
        tp2[t] = ps[i * 3 + 2];
        for (let c = 0; c < d; c++) tmc[t * d + c] = mc[i * d + c];
        for (let c = 0; c < d * d; c++) tpc[t * d * d + c] = pc[i * d * d + c];
        for (let c = 0; c < k; c++) tC[t * k + c] = C[i * k + c];
      }
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          const b = bound[(y - ty) * T + (x - tx)];
          let emin = Infinity;
          if (d === 1) {
            const g0 = guide[0][p];
            for (let t = 0; t < nc; t++) {
              const dx = x - tcx[t];
              const dy = y - tcy[t];
              const e = tp0[t] * dx * dx + tp1[t] * dx * dy + tp2[t] * dy * dy;
              const v = g0 - tmc[t];
              const et = e > b ? Infinity : e + v * v * tpc[t];
              expo[t] = et;
              if (et < emin) emin = et;
            }
            terms += nc;
          } else {
            const g0 = guide[0][p];
            const g1 = guide[1][p];
            const g2 = guide[2][p];
            for (let t = 0; t < nc; t++) {
              const dx = x - tcx[t];
              const dy = y - tcy[t];
              const e = tp0[t] * dx * dx + tp1[t] * dx * dy + tp2[t] * dy * dy;
              if (e > b) {
                expo[t] = Infinity;
                continue;
              }
              terms++;
              const o9 = t * 9;
              const v0 = g0 - tmc[t * 3];
              const v1 = g1 - tmc[t * 3 + 1];
              const v2 = g2 - tmc[t * 3 + 2];
              const et =
                e +
                v0 * (tpc[o9] * v0 + tpc[o9 + 1] * v1 + tpc[o9 + 2] * v2) +
                v1 * (tpc[o9 + 3] * v0 + tpc[o9 + 4] * v1 + tpc[o9 + 5] * v2) +
                v2 * (tpc[o9 + 6] * v0 + tpc[o9 + 7] * v1 + tpc[o9 + 8] * v2);
              expo[t] = et;
              if (et < emin) emin = et;
            }
          }
          // emin is finite: the tile's best superpixel passes its bound. Terms more than κ²
          // (in units of σ_g(p)) above it are the ones the truncation leaves out.
          const sgp = scale(emin);
          const lim = emin + cut * sgp;
          const inv = 1 / sgp;
          acc.fill(0);
          let wsum = 0;
          let w2sum = 0;
          for (let t = 0; t < nc; t++) {
            const e = expo[t];
            if (e > lim) continue; // also skips Infinity
            const wgt = Math.exp((emin - e) * inv);
            wsum += wgt;
            w2sum += wgt * wgt;
            for (let c = 0; c < k; c++) acc[c] += wgt * tC[t * k + c];
          }
          effSum += (wsum * wsum) / w2sum;
          for (let c = 0; c < k; c++) out[c][p] = acc[c] / wsum;
        }
    }
  if (report) {
    report.effectiveSuperpixels = effSum / (W * H);
    report.termsPerPixel = terms / (W * H);
  }
  return out;
}
