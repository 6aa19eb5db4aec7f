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
 * symmetric; the symmetric formulation uses W_rs = (w_rs + w_sr) / 2, the weights of an
 * undirected graph whose Laplacian is SPD once some pixels are fixed (see ./system.ts).
 */
import { checkNumber } from '../../../errors.js';
import { createStencil9, type Stencil9 } from '../../../solve/stencil9.js';

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
export const NEIGHBOUR_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
];

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
 * Visits every pixel's normalised weights w_rs: `visit(r, k, w)` with k indexing
 * {@link NEIGHBOUR_OFFSETS} (only neighbours inside the image are visited).
 */
function forEachWeight(
  Y: Float32Array,
  width: number,
  height: number,
  options: AffinityOptions,
  visit: (r: number, k: number, w: number) => void,
): void {
  const { varianceScale, minNeighbourWeight, sigmaFloor } = resolve(options);
  const logFloor = -Math.log(minNeighbourWeight);
  const vals = new Float64Array(8);
  const ks = new Int32Array(8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = y * width + x;
      const yr = Y[r];
      let m = 0;
      let sum = yr;
      for (let k = 0; k < 8; k++) {
        const xx = x + NEIGHBOUR_OFFSETS[k][0];
        const yy = y + NEIGHBOUR_OFFSETS[k][1];
        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
        const v = Y[yy * width + xx];
        vals[m] = v;
        ks[m++] = k;
        sum += v;
      }
      const mean = sum / (m + 1);
      let variance = (yr - mean) * (yr - mean);
      let minSq = Infinity;
      for (let t = 0; t < m; t++) {
        variance += (vals[t] - mean) * (vals[t] - mean);
        const d = vals[t] - yr;
        if (d * d < minSq) minSq = d * d;
      }
      variance /= m + 1;
      let csig = variance * varianceScale;
      if (csig < minSq / logFloor) csig = minSq / logFloor;
      if (csig < sigmaFloor) csig = sigmaFloor;
      let total = 0;
      for (let t = 0; t < m; t++) {
        const d = vals[t] - yr;
        vals[t] = Math.exp((-d * d) / csig);
        total += vals[t];
      }
      for (let t = 0; t < m; t++) visit(r, ks[t], vals[t] / total);
    }
  }
}

/**
 * Levin's row-normalised weights as 8 planes (one per {@link NEIGHBOUR_OFFSETS} direction);
 * out-of-image directions hold 0. The exact non-symmetric system of the paper is
 * u_r − Σ_s w_rs u_s = 0 at free pixels.
 *
 * @example
 * ```ts
 * import { levinWeights } from 'colorize-toolkit';
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
  const planes = NEIGHBOUR_OFFSETS.map(() => new Float32Array(width * height));
  forEachWeight(Y, width, height, options, (r, k, w) => {
    planes[k][r] = w;
  });
  return planes;
}

/**
 * The symmetric affinity graph W_rs = (w_rs + w_sr)/2 as a 9-point stencil of couplings, with
 * the diagonal set to the weighted degree Σ_s W_rs (a graph Laplacian, singular until pixels are
 * fixed). Same weights as {@link levinWeights}; written out without callbacks because it runs on
 * every interactive solve.
 *
 * @example
 * ```ts
 * import { symmetricAffinity } from 'colorize-toolkit';
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
  const { varianceScale, minNeighbourWeight, sigmaFloor } = resolve(options);
  const logFloor = -Math.log(minNeighbourWeight);
  const L = createStencil9(width, height);
  const { pad, e, s, se, sw, diag } = L;
  const W = width;
  // Luminance on a padded grid so the 8 reads need no bounds tests; `inside` marks real neighbours.
  const Wp = W + 2;
  const Yp = new Float64Array(Wp * (height + 2));
  for (let y = 0; y < height; y++) for (let x = 0; x < W; x++) Yp[(y + 1) * Wp + x + 1] = Y[y * W + x];
  const offs = [-1, 1, -Wp, Wp, -Wp - 1, -Wp + 1, Wp - 1, Wp + 1];
  const v = new Float64Array(8);
  const inside = new Uint8Array(8);
  const generalPixel = (x: number, y: number): void => {
    const top = y > 0;
    const bottom = y + 1 < height;
    const left = x > 0;
    const right = x + 1 < W;
    inside[0] = left ? 1 : 0;
    inside[1] = right ? 1 : 0;
    inside[2] = top ? 1 : 0;
    inside[3] = bottom ? 1 : 0;
    inside[4] = left && top ? 1 : 0;
    inside[5] = right && top ? 1 : 0;
    inside[6] = left && bottom ? 1 : 0;
    inside[7] = right && bottom ? 1 : 0;
    const p = (y + 1) * Wp + x + 1;
    const yr = Yp[p];
    let m = 1;
    let sum = yr;
    for (let k = 0; k < 8; k++) {
      if (!inside[k]) continue;
      const t = Yp[p + offs[k]];
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
    const h = 0.5 / total;
    const i = pad + y * W + x;
    // ½·w_rs goes onto the coupling that owns the pair (r, s).
    e[i - 1] += v[0] * h;
    e[i] += v[1] * h;
    s[i - W] += v[2] * h;
    s[i] += v[3] * h;
    se[i - W - 1] += v[4] * h;
    sw[i - W + 1] += v[5] * h;
    sw[i] += v[6] * h;
    se[i] += v[7] * h;
  };
  for (let y = 0; y < height; y++) {
    const border = y === 0 || y === height - 1;
    for (let x = 0; x < W; x++) {
      if (border || x === 0 || x === W - 1) {
        generalPixel(x, y);
        continue;
      }
      // Interior pixel: the same computation with all 8 neighbours, written out.
      const i = pad + y * W + x;
      const yr = Y[y * W + x];
      const r0 = y * W + x;
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
      const h = 0.5 / (gW + gE + gN + gS + gNW + gNE + gSW + gSE);
      e[i - 1] += gW * h;
      e[i] += gE * h;
      s[i - W] += gN * h;
      s[i] += gS * h;
      se[i - W - 1] += gNW * h;
      sw[i - W + 1] += gNE * h;
      sw[i] += gSW * h;
      se[i] += gSE * h;
    }
  }
  // Degrees from the stored (float32) couplings, so every row sums to exactly 0.
  const n = W * height;
  for (let r = 0; r < n; r++) {
    const i = pad + r;
    diag[i] = e[i] + e[i - 1] + s[i] + s[i - W] + se[i] + se[i - W - 1] + sw[i] + sw[i - W + 1];
  }
  return L;
}
