/**
 * Candidate selection with a coupled total variation (Mouzon, Pierre & Berger, SSVM 2019, §3,
 * eq. 2 and 7; the model of Pierre et al., SIAM J. Imaging Sci. 2015):
 *
 *   F(u, w) = TV_C(u) + λ/2 Σ_x Σ_i w_i(x) ‖u(x) − c_i(x)‖² + χ_R(u) + χ_Δ(w)
 *   TV_C(u) = Σ_x sqrt(γ|∇Y|² + |∇U|² + |∇V|²)
 *
 * u = (a*, b*) chroma, c_i(x) the K candidate colours of pixel x, w(x) their weights on the
 * simplex Δ, Y the fixed luminance (L*, 0–100), R the box [−110, 110]² that holds every ab bin.
 *
 * Scheme (Pierre et al. 2015, Alg. 1): a primal-dual (Chambolle–Pock) step on u for the current
 * w, then a projected-gradient step of w on the simplex, alternated until u stops moving.
 * The dual step needs the prox of the conjugate of h(z) = sqrt(a² + |z|²), a = sqrt(γ)|∇Y|:
 * h*(p) = −a sqrt(1 − |p|²) on the unit ball, whose prox keeps the direction of q and solves
 * r − |q| + σ a r / sqrt(1 − r²) = 0 for the length r (solved by Newton in t = r / sqrt(1 − r²),
 * where the equation is concave and increasing, so a few steps from the left converge).
 */
import { AB_MAX, AB_MIN } from '../color/ab-bins.js';
import { checkInteger, checkNumber } from '../errors.js';

/** K candidates per pixel, pixel-major: candidate j of pixel x is (a[x*K+j], b[x*K+j]). */
export interface Candidates {
  width: number;
  height: number;
  /** Candidates per pixel. */
  count: number;
  a: Float32Array;
  b: Float32Array;
  /** Initial weights (each pixel's K sum to 1); the CNN's probabilities. */
  weight: Float32Array;
}

export interface CoupledTvOptions {
  /** Fidelity weight λ of eq. 2 (default {@link DEFAULT_TV_LAMBDA}). */
  lambda?: number;
  /** Luminance coupling γ of eq. 7 (default {@link DEFAULT_TV_GAMMA}). */
  gamma?: number;
  /** Most iterations (default {@link DEFAULT_TV_ITERATIONS}). */
  iterations?: number;
  /** Stop when the relative change of u in one iteration (checked every 10) falls below this (default 1e-3). */
  tolerance?: number;
  /** Step τ_w of the w update w ← P_Δ(w − τ_w λ/2 ‖u − c_i‖²) (default 0.05; applied every 5 primal-dual steps). */
  weightStep?: number;
  /** Primal step τ of the primal-dual scheme (default {@link DEFAULT_TV_PRIMAL_STEP}); σ = 0.95 / (8τ). */
  primalStep?: number;
  /** Called every 10 iterations with (iteration, relative change). */
  onIteration?(iteration: number, change: number): void;
}

/** λ chosen on the validation photos (the paper gives no value); see the method README. */
export const DEFAULT_TV_LAMBDA = 0.02;
/** γ chosen on the validation photos (the paper gives no value). */
export const DEFAULT_TV_GAMMA = 4;
export const DEFAULT_TV_ITERATIONS = 50;

export interface CoupledTvResult {
  /** Selected chroma a*, b* per pixel. */
  a: Float32Array;
  b: Float32Array;
  /** Final candidate weights (pixel-major, K per pixel). */
  weight: Float32Array;
  iterations: number;
  /** Relative change of u at the last check. */
  change: number;
}

/** Default primal step τ; the dual step is σ = 0.95 / (8τ), so τσ‖∇‖² < 1 (‖∇‖² ≤ 8). */
export const DEFAULT_TV_PRIMAL_STEP = 4;
/**
 * w is updated every W_EVERY primal-dual steps (a block-coordinate alternation): the K-candidate
 * work is 6× the rest of an iteration, and u moves little between two w steps.
 */
const W_EVERY = 5;

/**
 * Projects v[offset .. offset+k) onto the probability simplex in place, by Michelot's
 * (1986) active-set iteration: no sort, and for K = 10 two or three passes.
 */
export function projectSimplex(
  v: Float32Array | Float64Array,
  offset: number,
  k: number,
  active: Uint8Array,
): void {
  let sum = 0;
  for (let j = 0; j < k; j++) {
    active[j] = 1;
    sum += v[offset + j];
  }
  let count = k;
  let theta = (sum - 1) / count;
  for (;;) {
    let changed = false;
    for (let j = 0; j < k; j++) {
      if (active[j] && v[offset + j] <= theta) {
        active[j] = 0;
        sum -= v[offset + j];
        count--;
        changed = true;
      }
    }
    if (!changed || count === 0) break;
    theta = (sum - 1) / count;
  }
  for (let j = 0; j < k; j++) {
    const x = v[offset + j] - theta;
    v[offset + j] = active[j] && x > 0 ? x : 0;
  }
}

/**
 * The value of F(u, w) (eq. 2, without the indicator terms, which the solver keeps at zero).
 *
 * @example
 * ```ts
 * import { coupledTvEnergy } from 'colorize-toolkit';
 * const lum = new Float32Array(4).fill(50);
 * const c = { width: 2, height: 2, count: 1, a: new Float32Array(4).fill(10), b: new Float32Array(4), weight: new Float32Array(4).fill(1) };
 * console.log(coupledTvEnergy(lum, c, new Float32Array(4).fill(10), new Float32Array(4), c.weight, 1, 1)); // 0
 * ```
 */
export function coupledTvEnergy(
  lum: Float32Array,
  c: Candidates,
  ua: Float32Array,
  ub: Float32Array,
  weight: Float32Array,
  lambda: number,
  gamma: number,
): number {
  const { width: W, height: H, count: K } = c;
  let e = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const r = x < W - 1 ? i + 1 : i;
      const d = y < H - 1 ? i + W : i;
      const g =
        gamma * ((lum[r] - lum[i]) ** 2 + (lum[d] - lum[i]) ** 2) +
        (ua[r] - ua[i]) ** 2 +
        (ua[d] - ua[i]) ** 2 +
        (ub[r] - ub[i]) ** 2 +
        (ub[d] - ub[i]) ** 2;
      e += Math.sqrt(g);
      let f = 0;
      for (let j = 0; j < K; j++) {
        const o = i * K + j;
        f += weight[o] * ((ua[i] - c.a[o]) ** 2 + (ub[i] - c.b[o]) ** 2);
      }
      e += 0.5 * lambda * f;
    }
  return e;
}

/**
 * Minimises eq. 2 from the initial weights, with u initialised to Σ w_i c_i (§4).
 *
 * @param lum luminance L* (0–100), one value per pixel
 * @example
 * ```ts
 * import { coupledTvSelect } from 'colorize-toolkit';
 * // Two candidates everywhere, red (a* = 40) slightly preferred on the dark left half, green on the bright right.
 * const W = 8, H = 4, n = W * H, lum = new Float32Array(n).map((_, i) => (i % W < 4 ? 30 : 70));
 * const a = new Float32Array(2 * n), b = new Float32Array(2 * n), weight = new Float32Array(2 * n);
 * for (let i = 0; i < n; i++) {
 *   a[2 * i] = 40; a[2 * i + 1] = -40;
 *   weight[2 * i] = i % W < 4 ? 0.6 : 0.4; weight[2 * i + 1] = 1 - weight[2 * i];
 * }
 * const r = coupledTvSelect(lum, { width: W, height: H, count: 2, a, b, weight });
 * // One colour per side (the mean would be ±8); TV shrinks the jump a little on so small an image.
 * console.log(r.a[0] > 30, r.a[W - 1] < -30); // true true
 * ```
 */
export function coupledTvSelect(
  lum: Float32Array,
  c: Candidates,
  options: CoupledTvOptions = {},
): CoupledTvResult {
  const lambda = checkNumber('lambda', options.lambda ?? DEFAULT_TV_LAMBDA, 1e-6);
  const gamma = checkNumber('gamma', options.gamma ?? DEFAULT_TV_GAMMA, 0);
  const maxIt = checkInteger('iterations', options.iterations ?? DEFAULT_TV_ITERATIONS, 0);
  const tol = checkNumber('tolerance', options.tolerance ?? 1e-3, 0);
  const weightStep = checkNumber('weightStep', options.weightStep ?? 0.05, 0);
  const TAU = checkNumber('primalStep', options.primalStep ?? DEFAULT_TV_PRIMAL_STEP, 1e-3, 1e3);
  const SIGMA = 0.95 / (8 * TAU);
  const { width: W, height: H, count: K } = c;
  const n = W * H;
  if (lum.length !== n || c.a.length !== n * K || c.b.length !== n * K || c.weight.length !== n * K)
    throw new RangeError('coupledTvSelect: luminance and candidate arrays do not match the image size');

  const w = Float32Array.from(c.weight);
  const ua = new Float32Array(n);
  const ub = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let sa = 0;
    let sb = 0;
    for (let j = 0; j < K; j++) {
      const o = i * K + j;
      sa += w[o] * c.a[o];
      sb += w[o] * c.b[o];
    }
    ua[i] = sa;
    ub[i] = sb;
  }
  // Σ w_j c_j, the minimiser of the fidelity term for the current w (eq. 9).
  const ma = Float32Array.from(ua);
  const mb = Float32Array.from(ub);
  const barA = Float32Array.from(ua);
  const barB = Float32Array.from(ub);
  // Dual variables: ∂x a, ∂y a, ∂x b, ∂y b per pixel.
  const pax = new Float32Array(n);
  const pay = new Float32Array(n);
  const pbx = new Float32Array(n);
  const pby = new Float32Array(n);
  // σ·a per pixel, a = sqrt(γ)|∇Y| (forward differences, zero at the far border).
  const sa = new Float32Array(n);
  const sqrtG = Math.sqrt(gamma);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const gx = x < W - 1 ? lum[i + 1] - lum[i] : 0;
      const gy = y < H - 1 ? lum[i + W] - lum[i] : 0;
      sa[i] = SIGMA * sqrtG * Math.sqrt(gx * gx + gy * gy);
    }
  const scratch = new Uint8Array(K);
  const prevA = new Float32Array(n);
  const prevB = new Float32Array(n);
  const wStep = weightStep * 0.5 * lambda; // ∂F/∂w_i = λ/2 ‖u − c_i‖²
  const tl = TAU * lambda;
  let it = 0;
  let change = Infinity;
  for (; it < maxIt; it++) {
    // Dual ascent on p with the prox of σh*.
    for (let y = 0; y < H; y++) {
      const row = y * W;
      for (let x = 0; x < W; x++) {
        const i = row + x;
        const r = x < W - 1 ? i + 1 : i;
        const d = y < H - 1 ? i + W : i;
        const qax = pax[i] + SIGMA * (barA[r] - barA[i]);
        const qay = pay[i] + SIGMA * (barA[d] - barA[i]);
        const qbx = pbx[i] + SIGMA * (barB[r] - barB[i]);
        const qby = pby[i] + SIGMA * (barB[d] - barB[i]);
        const s = Math.sqrt(qax * qax + qay * qay + qbx * qbx + qby * qby);
        if (s === 0) {
          pax[i] = 0;
          pay[i] = 0;
          pbx[i] = 0;
          pby[i] = 0;
          continue;
        }
        const k = sa[i];
        let rr: number;
        if (k === 0) rr = s < 1 ? s : 1;
        else {
          // In t = r / sqrt(1 − r²): g(t) = t / sqrt(1 + t²) + σa·t − |q| = 0, increasing and
          // concave, so Newton from the left point s / (1 + σa) (where g ≤ 0) climbs monotonically.
          let t = s / (1 + k);
          for (let iter = 0; iter < 8; iter++) {
            const u2 = 1 + t * t;
            const su = Math.sqrt(u2);
            const g = t / su + k * t - s;
            const step = g / (1 / (u2 * su) + k);
            t -= step;
            if (step > -1e-6) break;
          }
          rr = t / Math.sqrt(1 + t * t);
        }
        const scale = rr / s;
        pax[i] = qax * scale;
        pay[i] = qay * scale;
        pbx[i] = qbx * scale;
        pby[i] = qby * scale;
      }
    }
    prevA.set(ua);
    prevB.set(ub);
    // Primal step on u: prox of the weighted fidelity (Σw = 1), then the box R.
    for (let y = 0; y < H; y++) {
      const row = y * W;
      for (let x = 0; x < W; x++) {
        const i = row + x;
        // div p = −∇ᵀp with forward differences (Neumann border).
        let divA = 0;
        let divB = 0;
        if (x < W - 1) {
          divA += pax[i];
          divB += pbx[i];
        }
        if (x > 0) {
          divA -= pax[i - 1];
          divB -= pbx[i - 1];
        }
        if (y < H - 1) {
          divA += pay[i];
          divB += pby[i];
        }
        if (y > 0) {
          divA -= pay[i - W];
          divB -= pby[i - W];
        }
        let na = (ua[i] + TAU * divA + tl * ma[i]) / (1 + tl);
        let nb = (ub[i] + TAU * divB + tl * mb[i]) / (1 + tl);
        na = na < AB_MIN ? AB_MIN : na > AB_MAX ? AB_MAX : na;
        nb = nb < AB_MIN ? AB_MIN : nb > AB_MAX ? AB_MAX : nb;
        ua[i] = na;
        ub[i] = nb;
        barA[i] = 2 * na - prevA[i];
        barB[i] = 2 * nb - prevB[i];
      }
    }
    if ((it + 1) % W_EVERY === 0) {
      // Projected gradient step of w (∂F/∂w_j = λ/2 ‖u − c_j‖²), then the new Σ w_j c_j.
      for (let i = 0; i < n; i++) {
        const o = i * K;
        const na = ua[i];
        const nb = ub[i];
        let best = -Infinity;
        let second = -Infinity;
        let bi = 0;
        for (let j = 0; j < K; j++) {
          const dA = na - c.a[o + j];
          const dB = nb - c.b[o + j];
          const v = w[o + j] - wStep * (dA * dA + dB * dB);
          w[o + j] = v;
          if (v > best) {
            second = best;
            best = v;
            bi = j;
          } else if (v > second) second = v;
        }
        let sa2 = 0;
        let sb2 = 0;
        if (best - second >= 1) {
          // The projection is the vertex e_bi (the usual case once w has become binary).
          for (let j = 0; j < K; j++) w[o + j] = 0;
          w[o + bi] = 1;
          sa2 = c.a[o + bi];
          sb2 = c.b[o + bi];
        } else {
          projectSimplex(w, o, K, scratch);
          for (let j = 0; j < K; j++) {
            sa2 += w[o + j] * c.a[o + j];
            sb2 += w[o + j] * c.b[o + j];
          }
        }
        ma[i] = sa2;
        mb[i] = sb2;
      }
    }
    if ((it + 1) % 10 === 0) {
      let num = 0;
      let den = 1e-12;
      for (let i = 0; i < n; i++) {
        num += (ua[i] - prevA[i]) ** 2 + (ub[i] - prevB[i]) ** 2;
        den += ua[i] * ua[i] + ub[i] * ub[i];
      }
      change = Math.sqrt(num / den);
      options.onIteration?.(it + 1, change);
      if (change < tol) {
        it++;
        break;
      }
    }
  }
  return { a: ua, b: ub, weight: w, iterations: it, change };
}
