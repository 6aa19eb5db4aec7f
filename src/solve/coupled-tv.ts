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
import { planeBytes, WasmArena } from './wasm/arena.js';

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
  /**
   * Optional cost of each candidate (pixel-major, like `a`): adds Σ_x Σ_i w_i(x) cost_i(x) to F,
   * a term linear in w that the selection weighs against λ/2 ‖u − c_i‖² (the fused method's prior
   * −μ log w⁰_i on its initial weights; absent: eq. 2 as in the paper).
   */
  cost?: Float32Array;
}

export interface CoupledTvOptions {
  /** Fidelity weight λ of eq. 2 (default {@link DEFAULT_TV_LAMBDA}). */
  lambda?: number;
  /** Luminance coupling γ of eq. 7 (default {@link DEFAULT_TV_GAMMA}). */
  gamma?: number;
  /**
   * Phase 1: most primal-dual iterations of Pierre et al. (the paper runs 500 before Tan et al.'s
   * algorithm; default {@link DEFAULT_TV_ITERATIONS}, at every scale of {@link coupledTvMultiscale}).
   */
  iterations?: number;
  /**
   * Stop when the relative change of u in one iteration (checked every 10) falls below this
   * (default {@link DEFAULT_TV_TOLERANCE}); phase 2 also needs the selection to stop changing.
   */
  tolerance?: number;
  /** Step τ_w of the phase-1 w update w ← P_Δ(w − τ_w λ/2 ‖u − c_i‖²) (default {@link DEFAULT_TV_WEIGHT_STEP}; applied every 5 primal-dual steps). */
  weightStep?: number;
  /** Primal step τ of the primal-dual scheme (default {@link DEFAULT_TV_PRIMAL_STEP}); σ = 0.95 / (8τ). */
  primalStep?: number;
  /**
   * Phase 2 (default true): after phase 1, the alternating scheme of Tan, Pierre & Nikolova
   * (Alg. 2) until w is binary and stable: the w block minimised exactly (the vertex of Δ at the
   * nearest candidate) alternated with primal-dual steps on u. False stops after phase 1 (soft w).
   */
  binary?: boolean;
  /** Phase 2: most primal-dual iterations on u (default {@link DEFAULT_TV_SELECT_ITERATIONS}). */
  selectIterations?: number;
  /** Warm start: initial u (instead of Σ w_i c_i) and dual variables (from a coarser scale). */
  init?: { a: Float32Array; b: Float32Array; dual?: CoupledTvDual };
  /** Called every 10 iterations with (iteration, relative change). */
  onIteration?(iteration: number, change: number): void;
  /**
   * Run the primal-dual iterations in the WebAssembly SIMD kernels where available (default
   * true; `false`, or COLORIZE_WASM=0, keeps the JavaScript loop). Same updates in single
   * precision arithmetic instead of double.
   */
  wasm?: boolean;
}

/**
 * λ chosen on the tuning half of the validation photos (the first 146 sorted names; the paper
 * gives no value); see the method README.
 */
export const DEFAULT_TV_LAMBDA = 0.02;
/** γ chosen on the tuning half of the validation photos (the paper gives no value). */
export const DEFAULT_TV_GAMMA = 4;
/** Phase-1 primal-dual iterations (per scale). */
export const DEFAULT_TV_ITERATIONS = 500;
/** Phase-2 primal-dual iterations at most. */
export const DEFAULT_TV_SELECT_ITERATIONS = 50;
/** Phase-1 projected-gradient step τ_w of w. */
export const DEFAULT_TV_WEIGHT_STEP = 0.05;
/** Relative change of u below which a phase stops. */
export const DEFAULT_TV_TOLERANCE = 3e-3;

/** Dual variables of the primal-dual scheme: the components of p paired with ∂x a, ∂y a, ∂x b, ∂y b. */
export interface CoupledTvDual {
  ax: Float32Array;
  ay: Float32Array;
  bx: Float32Array;
  by: Float32Array;
}

export interface CoupledTvResult {
  /** Selected chroma a*, b* per pixel. */
  a: Float32Array;
  b: Float32Array;
  /** Final candidate weights (pixel-major, K per pixel); binary after phase 2. */
  weight: Float32Array;
  /** Index of each pixel's largest weight (the winning candidate). */
  winner: Uint8Array;
  /** Dual variables at the end (a warm start for a finer scale). */
  dual: CoupledTvDual;
  /** Primal-dual iterations in all (phase 1 + phase 2). */
  iterations: number;
  /** Phase-2 iterations (0 when `binary` is false). */
  selectIterations: number;
  /** Relative change of u at the last check. */
  change: number;
  /** Every pixel's w is a vertex of Δ. */
  binary: boolean;
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
 * import { coupledTvEnergy } from 'colorize-toolkit/internals';
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
      let q = 0;
      for (let j = 0; j < K; j++) {
        const o = i * K + j;
        f += weight[o] * ((ua[i] - c.a[o]) ** 2 + (ub[i] - c.b[o]) ** 2);
        if (c.cost) q += weight[o] * c.cost[o];
      }
      e += 0.5 * lambda * f + q;
    }
  return e;
}

/**
 * One primal-dual (Chambolle–Pock) iteration on u for the fidelity target (ma, mb) = Σ w_i c_i
 * (Σ w_i = 1, so the fidelity's prox is a weighted mean), then the box R. Updates p, u and the
 * extrapolation ū; `prevA`/`prevB` receive the previous u.
 */
interface PdState {
  W: number;
  H: number;
  ua: Float32Array;
  ub: Float32Array;
  barA: Float32Array;
  barB: Float32Array;
  prevA: Float32Array;
  prevB: Float32Array;
  ma: Float32Array;
  mb: Float32Array;
  p: CoupledTvDual;
  /** σ·a per pixel, a = sqrt(γ)|∇Y|. */
  sa: Float32Array;
  tau: number;
  sigma: number;
  tl: number;
  /** The wasm memory every plane above lives in, where the SIMD kernels run the iteration. */
  arena?: WasmArena;
}

function pdIteration(s: PdState): void {
  const { W, H, ua, ub, barA, barB, prevA, prevB, ma, mb, sa, tau: TAU, sigma: SIGMA, tl } = s;
  const { ax: pax, ay: pay, bx: pbx, by: pby } = s.p;
  if (s.arena) {
    const k = s.arena.kernels;
    const o = (a: Float32Array) => a.byteOffset;
    k.tvDual(W, H, o(barA), o(barB), o(pax), o(pay), o(pbx), o(pby), o(sa), SIGMA);
    k.tvPrimal(
      W,
      H,
      o(pax),
      o(pay),
      o(pbx),
      o(pby),
      o(ua),
      o(ub),
      o(prevA),
      o(prevB),
      o(barA),
      o(barB),
      o(ma),
      o(mb),
      TAU,
      tl,
    );
    return;
  }
  // Dual ascent on p with the prox of σh*.
  for (let y = 0; y < H; y++) {
    const row = y * W;
    const lastRow = y === H - 1;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      const r = x < W - 1 ? i + 1 : i;
      const d = lastRow ? i : i + W;
      const bai = barA[i];
      const bbi = barB[i];
      const qax = pax[i] + SIGMA * (barA[r] - bai);
      const qay = pay[i] + SIGMA * (barA[d] - bai);
      const qbx = pbx[i] + SIGMA * (barB[r] - bbi);
      const qby = pby[i] + SIGMA * (barB[d] - bbi);
      const s2 = qax * qax + qay * qay + qbx * qbx + qby * qby;
      if (s2 === 0) {
        pax[i] = 0;
        pay[i] = 0;
        pbx[i] = 0;
        pby[i] = 0;
        continue;
      }
      const q = Math.sqrt(s2);
      const k = sa[i];
      let scale: number;
      if (k === 0) scale = q < 1 ? 1 : 1 / q;
      else {
        // In t = r / sqrt(1 − r²): g(t) = t / sqrt(1 + t²) + σa·t − |q| = 0, increasing and
        // concave, so Newton from the left point |q| / (1 + σa) (where g ≤ 0) climbs monotonically.
        let t = q / (1 + k);
        for (let iter = 0; iter < 8; iter++) {
          const u2 = 1 + t * t;
          const su = Math.sqrt(u2);
          const step = (t / su + k * t - q) / (1 / (u2 * su) + k);
          t -= step;
          if (step > -1e-6) break;
        }
        scale = t / Math.sqrt(1 + t * t) / q;
      }
      pax[i] = qax * scale;
      pay[i] = qay * scale;
      pbx[i] = qbx * scale;
      pby[i] = qby * scale;
    }
  }
  const inv = 1 / (1 + tl);
  // Primal step on u: prox of the weighted fidelity, then the box R.
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
      const oa = ua[i];
      const ob = ub[i];
      prevA[i] = oa;
      prevB[i] = ob;
      let na = (oa + TAU * divA + tl * ma[i]) * inv;
      let nb = (ob + TAU * divB + tl * mb[i]) * inv;
      na = na < AB_MIN ? AB_MIN : na > AB_MAX ? AB_MAX : na;
      nb = nb < AB_MIN ? AB_MIN : nb > AB_MAX ? AB_MAX : nb;
      ua[i] = na;
      ub[i] = nb;
      barA[i] = 2 * na - oa;
      barB[i] = 2 * nb - ob;
    }
  }
}

/** Relative change ‖u − u_prev‖ / ‖u‖ of the last iteration. */
function relativeChange(s: PdState): number {
  const { ua, ub, prevA, prevB } = s;
  let num = 0;
  let den = 1e-12;
  for (let i = 0; i < ua.length; i++) {
    num += (ua[i] - prevA[i]) ** 2 + (ub[i] - prevB[i]) ** 2;
    den += ua[i] * ua[i] + ub[i] * ub[i];
  }
  return Math.sqrt(num / den);
}

/**
 * Minimises eq. 2 from the initial weights, with u initialised to Σ w_i c_i (§4), in the paper's
 * two phases: (1) the primal-dual scheme of Pierre et al. 2015 (Chambolle–Pock on u, a projected
 * gradient step of w every 5 u steps), stopped on the relative change of u; (2) unless
 * `binary: false`, the alternating scheme of Tan, Pierre & Nikolova (Alg. 2, a block-coordinate
 * forward-backward): F is linear in w, so its w block has a gradient with Lipschitz constant 0 and
 * any step is allowed; the infinite step makes P_Δ(w − τ_w ∇_w F) the vertex of the nearest
 * candidate (exact minimisation in w, hence binary w); it alternates with primal-dual steps on the
 * (convex) u block until the selection stops changing and u settles.
 *
 * Candidates are generic (any K colours and weights per pixel), so other candidate sources can
 * use this solver.
 *
 * @param lum luminance L* (0–100), one value per pixel
 * @example
 * ```ts
 * import { coupledTvSelect } from 'colorize-toolkit/internals';
 * // Two candidates everywhere, red (a* = 40) slightly preferred on the dark left half, green on the bright right.
 * const W = 8, H = 4, n = W * H, lum = new Float32Array(n).map((_, i) => (i % W < 4 ? 30 : 70));
 * const a = new Float32Array(2 * n), b = new Float32Array(2 * n), weight = new Float32Array(2 * n);
 * for (let i = 0; i < n; i++) {
 *   a[2 * i] = 40; a[2 * i + 1] = -40;
 *   weight[2 * i] = i % W < 4 ? 0.6 : 0.4; weight[2 * i + 1] = 1 - weight[2 * i];
 * }
 * const r = coupledTvSelect(lum, { width: W, height: H, count: 2, a, b, weight });
 * // One colour per side (the mean would be ±8); TV shrinks the jump a little on so small an image.
 * console.log(r.a[0] > 30, r.a[W - 1] < -30, r.binary, r.winner[0], r.winner[W - 1]); // true true true 0 1
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
  const maxSel = checkInteger(
    'selectIterations',
    options.selectIterations ?? DEFAULT_TV_SELECT_ITERATIONS,
    0,
  );
  const tol = checkNumber('tolerance', options.tolerance ?? DEFAULT_TV_TOLERANCE, 0);
  const weightStep = checkNumber('weightStep', options.weightStep ?? DEFAULT_TV_WEIGHT_STEP, 0);
  const TAU = checkNumber('primalStep', options.primalStep ?? DEFAULT_TV_PRIMAL_STEP, 1e-3, 1e3);
  const binary = options.binary ?? true;
  const SIGMA = 0.95 / (8 * TAU);
  const { width: W, height: H, count: K } = c;
  const n = W * H;
  if (lum.length !== n || c.a.length !== n * K || c.b.length !== n * K || c.weight.length !== n * K)
    throw new RangeError('coupledTvSelect: luminance and candidate arrays do not match the image size');
  if (K > 255) throw new RangeError('coupledTvSelect: at most 255 candidates per pixel');
  const init = options.init;
  if (init && (init.a.length !== n || init.b.length !== n))
    throw new RangeError('coupledTvSelect: the initial u does not match the image size');

  // The planes of the primal-dual iteration and the candidates live in one wasm memory, where
  // the kernels run the iteration and the w steps.
  const arena =
    options.wasm !== false
      ? WasmArena.create(planeBytes(n, 14) + planeBytes(n * K, c.cost ? 4 : 3) + 2 * n + K + 4096)
      : null;
  const w = arena ? arena.copy32(c.weight) : Float32Array.from(c.weight);
  const candA = arena ? arena.copy32(c.a) : c.a;
  const candB = arena ? arena.copy32(c.b) : c.b;
  const candCost = arena && c.cost ? arena.copy32(c.cost) : c.cost;
  const lumIn = arena ? arena.copy32(lum) : lum;
  const plane = (src?: ArrayLike<number>): Float32Array => {
    if (arena) return src ? arena.copy32(src) : arena.f32(n);
    return src ? Float32Array.from(src) : new Float32Array(n);
  };
  // Σ w_j c_j, the minimiser of the fidelity term for the current w (eq. 9).
  const ma = plane();
  const mb = plane();
  for (let i = 0; i < n; i++) {
    let sa = 0;
    let sb = 0;
    for (let j = 0; j < K; j++) {
      const o = i * K + j;
      sa += w[o] * c.a[o];
      sb += w[o] * c.b[o];
    }
    ma[i] = sa;
    mb[i] = sb;
  }
  const ua = plane(init ? init.a : ma);
  const ub = plane(init ? init.b : mb);
  const p: CoupledTvDual =
    init?.dual && init.dual.ax.length === n
      ? {
          ax: plane(init.dual.ax),
          ay: plane(init.dual.ay),
          bx: plane(init.dual.bx),
          by: plane(init.dual.by),
        }
      : { ax: plane(), ay: plane(), bx: plane(), by: plane() };
  const sa = plane();
  const sqrtG = Math.sqrt(gamma);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const gx = x < W - 1 ? lum[i + 1] - lum[i] : 0;
      const gy = y < H - 1 ? lum[i + W] - lum[i] : 0;
      sa[i] = SIGMA * sqrtG * Math.sqrt(gx * gx + gy * gy);
    }
  const s: PdState = {
    W,
    H,
    ua,
    ub,
    barA: plane(ua),
    barB: plane(ub),
    prevA: plane(),
    prevB: plane(),
    ma,
    mb,
    p,
    sa,
    tau: TAU,
    sigma: SIGMA,
    tl: TAU * lambda,
    arena: arena ?? undefined,
  };
  const scratch = arena ? arena.u8(K) : new Uint8Array(K);
  const wStep = weightStep * 0.5 * lambda; // ∂F/∂w_i = λ/2 ‖u − c_i‖² (+ cost_i)
  const cost = c.cost;
  if (cost && cost.length !== n * K)
    throw new RangeError('coupledTvSelect: the candidate costs do not match the candidates');
  const costScale = 2 / lambda; // the selection compares ‖u − c_i‖² + 2 cost_i / λ

  const at = (v: ArrayBufferView | undefined): number => v?.byteOffset ?? 0;
  /** Phase 1: projected gradient step of w, then the new Σ w_j c_j. */
  const gradientW = (): void => {
    if (arena) {
      arena.kernels.tvGradientW(
        n,
        K,
        at(ua),
        at(ub),
        at(candA),
        at(candB),
        at(w),
        at(candCost),
        at(ma),
        at(mb),
        wStep,
        weightStep,
        at(scratch),
      );
      return;
    }
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
        const v = w[o + j] - wStep * (dA * dA + dB * dB) - (cost ? weightStep * cost[o + j] : 0);
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
  };

  const winner = arena ? arena.u8(n) : new Uint8Array(n);
  /**
   * Phase 2: exact minimisation of F in w for the current u, the vertex of the nearest candidate
   * (ties keep the current winner). Returns how many pixels changed candidate.
   */
  const selectW = (first: boolean): number => {
    if (arena)
      return arena.kernels.tvSelectW(
        n,
        K,
        at(ua),
        at(ub),
        at(candA),
        at(candB),
        at(w),
        at(candCost),
        costScale,
        at(winner),
        at(ma),
        at(mb),
        first ? 1 : 0,
      );
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      const na = ua[i];
      const nb = ub[i];
      const cur = winner[i];
      let bi = cur;
      let bd = (na - c.a[o + cur]) ** 2 + (nb - c.b[o + cur]) ** 2 + (cost ? costScale * cost[o + cur] : 0);
      for (let j = 0; j < K; j++) {
        const d = (na - c.a[o + j]) ** 2 + (nb - c.b[o + j]) ** 2 + (cost ? costScale * cost[o + j] : 0);
        if (d < bd) {
          bd = d;
          bi = j;
        }
      }
      if (bi !== cur || first) {
        if (bi !== cur) changed++;
        for (let j = 0; j < K; j++) w[o + j] = 0;
        w[o + bi] = 1;
        winner[i] = bi;
        ma[i] = c.a[o + bi];
        mb[i] = c.b[o + bi];
      }
    }
    return changed;
  };

  let it = 0;
  let change = Infinity;
  for (let k = 0; k < maxIt; k++) {
    pdIteration(s);
    it++;
    if ((k + 1) % W_EVERY === 0) gradientW();
    if ((k + 1) % 10 === 0) {
      change = relativeChange(s);
      options.onIteration?.(it, change);
      if (change < tol) break;
    }
  }
  let selIt = 0;
  if (binary) {
    // Start from the current largest weight (so ties keep it), then select.
    for (let i = 0; i < n; i++) {
      let bi = 0;
      for (let j = 1; j < K; j++) if (w[i * K + j] > w[i * K + bi]) bi = j;
      winner[i] = bi;
    }
    let changedSince = selectW(true);
    let prevEnergy = Infinity;
    for (let k = 0; k < maxSel; k++) {
      pdIteration(s);
      it++;
      selIt++;
      if ((k + 1) % W_EVERY === 0) changedSince += selectW(false);
      if ((k + 1) % 10 === 0) {
        change = relativeChange(s);
        options.onIteration?.(it, change);
        // Converged: u settled, and the selection stopped (at most a fraction `tol` of the pixels
        // changed candidate in the last 10 iterations) or F of eq. 2 fell by less than tol / 30
        // (relative) in them: in smooth colour ramps a band of pixels between two close bins keeps
        // flipping for hundreds of iterations for a negligible energy (photos at 512²: F within
        // 3·10⁻⁴ of its value 250 iterations later).
        if (change < tol) {
          const e = arena
            ? arena.kernels.tvEnergy(
                W,
                H,
                K,
                at(lumIn),
                at(ua),
                at(ub),
                at(candA),
                at(candB),
                at(w),
                at(candCost),
                lambda,
                gamma,
              )
            : coupledTvEnergy(lum, c, ua, ub, w, lambda, gamma);
          const stalled = prevEnergy - e < (tol / 30) * e;
          prevEnergy = e;
          if (changedSince <= tol * n || stalled) break;
        } else prevEnergy = Infinity;
        changedSince = 0;
      }
    }
    // End on a w step so that w is exactly the minimiser for the returned u.
    selectW(false);
  } else {
    for (let i = 0; i < n; i++) {
      let bi = 0;
      for (let j = 1; j < K; j++) if (w[i * K + j] > w[i * K + bi]) bi = j;
      winner[i] = bi;
    }
  }
  let isBinary = true;
  for (let i = 0; i < n && isBinary; i++) if (w[i * K + winner[i]] !== 1) isBinary = false;
  // Out of the wasm memory, so the result does not keep all 13 planes alive.
  const out = (v: Float32Array): Float32Array => (arena ? Float32Array.from(v) : v);
  return {
    a: out(ua),
    b: out(ub),
    weight: out(w),
    winner: arena ? Uint8Array.from(winner) : winner,
    dual: { ax: out(p.ax), ay: out(p.ay), bx: out(p.bx), by: out(p.by) },
    iterations: it,
    selectIterations: selIt,
    change,
    binary: isBinary,
  };
}

/**
 * Duality gap of the u block for fixed w, the optimality measure of the convex problem
 * min_u TV_C(u) + λ/2 ‖u − f‖², f = Σ w_i c_i (eq. 2 for fixed w, up to a constant, when the
 * box R is inactive): P(u) − D(p) with D(p) = Σ a sqrt(1 − |p|²) − ⟨div p, f⟩ − ‖div p‖² / (2λ),
 * a = sqrt(γ)|∇Y| (Fenchel dual with h*(p) = −a sqrt(1 − |p|²) on the unit ball). It is ≥ 0 and
 * 0 exactly at the minimiser; the test uses it to check that phase 2 solved the u block.
 *
 * @example
 * ```ts
 * import { coupledTvGap } from 'colorize-toolkit/internals';
 * const n = 4, z = () => new Float32Array(n), lum = new Float32Array(n).fill(50);
 * const f = new Float32Array(n).fill(10);
 * // u = f, p = 0 on a flat image: both P and D equal 0.
 * console.log(coupledTvGap(lum, 2, 2, f, z(), f, z(), { ax: z(), ay: z(), bx: z(), by: z() }, 1, 4)); // 0
 * ```
 */
export function coupledTvGap(
  lum: Float32Array,
  W: number,
  H: number,
  ua: Float32Array,
  ub: Float32Array,
  fa: Float32Array,
  fb: Float32Array,
  p: CoupledTvDual,
  lambda: number,
  gamma: number,
): number {
  let primal = 0;
  let dual = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const r = x < W - 1 ? i + 1 : i;
      const d = y < H - 1 ? i + W : i;
      const ly = gamma * ((lum[r] - lum[i]) ** 2 + (lum[d] - lum[i]) ** 2);
      primal +=
        Math.sqrt(
          ly + (ua[r] - ua[i]) ** 2 + (ua[d] - ua[i]) ** 2 + (ub[r] - ub[i]) ** 2 + (ub[d] - ub[i]) ** 2,
        ) +
        0.5 * lambda * ((ua[i] - fa[i]) ** 2 + (ub[i] - fb[i]) ** 2);
      // p on the unit ball, with the components the forward differences give (zero at the far border).
      const pax = x < W - 1 ? p.ax[i] : 0;
      const pay = y < H - 1 ? p.ay[i] : 0;
      const pbx = x < W - 1 ? p.bx[i] : 0;
      const pby = y < H - 1 ? p.by[i] : 0;
      const p2 = Math.min(1, pax * pax + pay * pay + pbx * pbx + pby * pby);
      let divA = pax + pay;
      let divB = pbx + pby;
      if (x > 0) {
        divA -= p.ax[i - 1];
        divB -= p.bx[i - 1];
      }
      if (y > 0) {
        divA -= p.ay[i - W];
        divB -= p.by[i - W];
      }
      dual +=
        Math.sqrt(ly) * Math.sqrt(1 - p2) -
        divA * fa[i] -
        divB * fb[i] -
        (divA * divA + divB * divB) / (2 * lambda);
    }
  return primal - dual;
}

/**
 * Sizes of a multiscale solve, coarse to fine: the image, halved until the shorter side would drop
 * below `minSide`.
 *
 * @example
 * ```ts
 * import { coupledTvScales } from 'colorize-toolkit/internals';
 * console.log(coupledTvScales(512, 300).map((s) => `${s.width}x${s.height}`).join(' ')); // 128x75 256x150 512x300
 * ```
 */
export function coupledTvScales(
  width: number,
  height: number,
  minSide = 64,
): { width: number; height: number }[] {
  const out = [{ width, height }];
  let w = width;
  let h = height;
  while (Math.min(w, h) / 2 >= minSide) {
    w = Math.round(w / 2);
    h = Math.round(h / 2);
    out.push({ width: w, height: h });
  }
  return out.reverse();
}

/** What {@link coupledTvMultiscale} needs at one scale: the luminance and the candidates there. */
export interface CoupledTvLevel {
  lum: Float32Array;
  candidates: Candidates;
}

/**
 * Multiscale warm start: phase 1 on a pyramid from coarse to fine (each scale started from the
 * coarser u, up-sampled bilinearly, and its dual variables, nearest), then phase 2 at full size.
 * λ is multiplied by the pixel size at each coarser scale (the discrete energy divided by the
 * pixel size: TV scales with length, the fidelity with area), so every scale approximates the
 * same continuous model. `level(width, height)` builds a scale's luminance and candidates; the
 * last size asked for is the image's.
 *
 * @example
 * ```ts
 * import { coupledTvMultiscale } from 'colorize-toolkit/internals';
 * const level = (w: number, h: number) => {
 *   const n = w * h, a = new Float32Array(2 * n), b = new Float32Array(2 * n), weight = new Float32Array(2 * n);
 *   const lum = new Float32Array(n);
 *   for (let i = 0; i < n; i++) {
 *     const left = i % w < w / 2;
 *     lum[i] = left ? 30 : 70; a[2 * i] = 40; a[2 * i + 1] = -40;
 *     weight[2 * i] = left ? 0.6 : 0.4; weight[2 * i + 1] = 1 - weight[2 * i];
 *   }
 *   return { lum, candidates: { width: w, height: h, count: 2, a, b, weight } };
 * };
 * const r = coupledTvMultiscale(256, 128, level);
 * console.log(r.a[0] > 35, r.a[255] < -35, r.binary, r.scales); // true true true 2
 * ```
 */
export function coupledTvMultiscale(
  width: number,
  height: number,
  level: (width: number, height: number) => CoupledTvLevel,
  options: CoupledTvOptions & { minSide?: number } = {},
): CoupledTvResult & { scales: number } {
  const lambda = checkNumber('lambda', options.lambda ?? DEFAULT_TV_LAMBDA, 1e-6);
  const sizes = coupledTvScales(width, height, options.minSide ?? 64);
  const binary = options.binary ?? true;
  let prev: CoupledTvResult | null = null;
  let prevSize = sizes[0];
  let iterations = 0;
  for (let k = 0; k < sizes.length; k++) {
    const { width: w, height: h } = sizes[k];
    const { lum, candidates } = level(w, h);
    const init = prev
      ? {
          a: upsampleBilinear(prev.a, prevSize.width, prevSize.height, w, h),
          b: upsampleBilinear(prev.b, prevSize.width, prevSize.height, w, h),
          dual: {
            ax: upsampleNearest(prev.dual.ax, prevSize.width, prevSize.height, w, h),
            ay: upsampleNearest(prev.dual.ay, prevSize.width, prevSize.height, w, h),
            bx: upsampleNearest(prev.dual.bx, prevSize.width, prevSize.height, w, h),
            by: upsampleNearest(prev.dual.by, prevSize.width, prevSize.height, w, h),
          },
        }
      : undefined;
    prev = null; // let the coarser scale's arrays go
    const r = coupledTvSelect(lum, candidates, {
      ...options,
      lambda: lambda * (width / w),
      // Soft w: phase 1 at every scale. Binary w: phase 1 at the coarsest scale only, then phase 2
      // at every scale, each started from the coarser selection (boundaries move a pixel per few
      // iterations, so a coarse scale moves them 2^k times faster in full-size pixels).
      iterations: binary && k > 0 ? 0 : options.iterations,
      binary,
      init,
      onIteration: options.onIteration && ((it, ch) => options.onIteration?.(iterations + it, ch)),
    });
    iterations += r.iterations;
    prev = r;
    prevSize = sizes[k];
  }
  const r = prev as CoupledTvResult;
  return { ...r, iterations, scales: sizes.length };
}

function upsampleBilinear(src: Float32Array, w0: number, h0: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const sx = w0 / w;
  const sy = h0 / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h0 - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, h0 - 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w0 - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, w0 - 1);
      const tx = fx - x0;
      out[y * w + x] =
        (1 - ty) * ((1 - tx) * src[y0 * w0 + x0] + tx * src[y0 * w0 + x1]) +
        ty * ((1 - tx) * src[y1 * w0 + x0] + tx * src[y1 * w0 + x1]);
    }
  }
  return out;
}

function upsampleNearest(src: Float32Array, w0: number, h0: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.min(h0 - 1, Math.floor((y * h0) / h));
    for (let x = 0; x < w; x++) out[y * w + x] = src[y0 * w0 + Math.min(w0 - 1, Math.floor((x * w0) / w))];
  }
  return out;
}
