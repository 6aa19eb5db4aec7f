/**
 * Row balancing of Levin's non-symmetric system (src/solve/balance.ts), against known answers:
 * a reversible walk built from a chosen stationary density (detailed balance holds exactly, so
 * the fit must recover that density up to a constant), the literal least-squares optimality
 * condition on a non-reversible walk, and the unchanged solution of Levin's system on a real photo.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { levinOperator } from '../../src/methods/scribbles/levin/affinity.js';
import { levinArena, levinChroma, solveLevinSystem } from '../../src/methods/scribbles/levin/levin.js';
import { seededRandom } from '../../src/random.js';
import { scaleRows, stationaryBalance } from '../../src/solve/balance.js';
import { createGeneralStencil9, GENERAL_OFFSETS } from '../../src/solve/general-stencil9.js';
import { dataPath } from '../helpers/shared.js';

/**
 * A 9-point walk with couplings w_rs = C_rs / π_r for symmetric conductances C: reversible for π.
 * `logPi`: log π per pixel (default: a ripple along the rows plus noise).
 */
function reversibleWalk(
  W: number,
  H: number,
  seed: number,
  logPi: (r: number, rnd: () => number) => number = (r, rnd) => 2 * Math.sin(r / 7) + rnd(),
) {
  const rnd = seededRandom(seed);
  const pi = Float64Array.from({ length: W * H }, (_, r) => Math.exp(logPi(r, rnd)));
  const A = createGeneralStencil9(W, H);
  A.diag.fill(1);
  const conductance = new Map<string, number>();
  const C = (r: number, s: number) => {
    const key = r < s ? `${r},${s}` : `${s},${r}`;
    if (!conductance.has(key)) conductance.set(key, 0.05 + rnd());
    return conductance.get(key) as number;
  };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const r = y * W + x;
      for (let k = 0; k < 8; k++) {
        const [dx, dy] = GENERAL_OFFSETS[k];
        if (x + dx < 0 || y + dy < 0 || x + dx >= W || y + dy >= H) continue;
        A.c[k][A.pad + r] = C(r, r + dy * W + dx) / pi[r];
      }
    }
  return { A, pi };
}

test('a reversible walk: the balance recovers its stationary density up to a constant factor', () => {
  const { A, pi } = reversibleWalk(23, 17, 5);
  const got = stationaryBalance(A, { fit: 'cg', tolerance: 1e-10, maxIterations: 200 });
  // π is known only up to a constant: compare log ratios to the first pixel.
  let worst = 0;
  for (let r = 1; r < pi.length; r++) {
    const want = Math.log(pi[r] / pi[0]);
    worst = Math.max(worst, Math.abs(Math.log(got[r] / got[0]) - want));
  }
  assert.ok(worst < 1e-3, `log-ratio error ${worst}`);
  // After scaling, the couplings are symmetric: π_r w_rs = π_s w_sr.
  scaleRows(A, got);
  const W = A.width;
  for (const [k, back, off] of [
    [1, 0, 1],
    [3, 2, W],
    [7, 4, W + 1],
  ] as const) {
    for (let r = 0; r + off < W * A.height; r++) {
      const a = A.c[k][A.pad + r];
      const b = A.c[back][A.pad + r + off];
      if (a === 0 || b === 0) continue;
      assert.ok(Math.abs(a - b) <= 2e-3 * Math.max(a, b), `pair ${r}: ${a} vs ${b}`);
    }
  }
});

test('a non-reversible walk: φ = log π zeroes the gradient of Σ √(w_rs w_sr)(φ_s − φ_r − log(w_rs/w_sr))²', () => {
  // Levin's own weights on a small noisy image: not reversible (σ differs per pixel).
  const W = 16;
  const H = 12;
  const rnd = seededRandom(9);
  const Y = Float32Array.from({ length: W * H }, (_, r) => 0.3 + 0.2 * Math.sin(r / 5) + 0.05 * rnd());
  const A = levinOperator(Y, W, H, {}, 'double');
  const pi = stationaryBalance(A, { fit: 'cg', tolerance: 1e-10, maxIterations: 300 });
  const phi = Array.from(pi, Math.log);
  // The objective's gradient, summed pair by pair as written (each unordered pair once).
  const grad = new Float64Array(W * H);
  let scale = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const r = y * W + x;
      for (let k = 0; k < 8; k++) {
        const [dx, dy] = GENERAL_OFFSETS[k];
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= W || yy >= H) continue;
        const s = yy * W + xx;
        if (s < r) continue;
        const back = GENERAL_OFFSETS.findIndex(([ex, ey]) => ex === -dx && ey === -dy);
        const a = A.c[k][A.pad + r];
        const b = A.c[back][A.pad + s];
        const weight = Math.sqrt(a * b);
        const residual = phi[s] - phi[r] - Math.log(a / b);
        grad[r] -= 2 * weight * residual;
        grad[s] += 2 * weight * residual;
        scale = Math.max(scale, Math.abs(2 * weight * Math.log(a / b)));
      }
    }
  // Up to the ridge that pins the constant (1e-6 of the largest degree) and float32 storage of π.
  const worst = grad.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
  assert.ok(scale > 0.1, 'the walk is far from reversible');
  assert.ok(worst < 1e-4 * scale, `gradient ${worst} (terms up to ${scale})`);
});

async function valPhoto(name: string, longSide: number): Promise<ImageF32> {
  const src = (await readImage(dataPath('val', name))).image;
  const f = longSide / Math.max(src.width, src.height);
  return resizeImage(src, Math.round(src.width * f), Math.round(src.height * f), 'area');
}

test("the default 'coarse' fit recovers a smooth drift, a reversible walk's density, about as well as two CG steps", () => {
  // π varies smoothly over the grid (e^±3): the kind of drift Levin's σ per pixel accumulates.
  const W = 240;
  const H = 180;
  const logPi = (r: number) => 3 * Math.sin((r % W) / 40) * Math.cos(Math.floor(r / W) / 30);
  const { A } = reversibleWalk(W, H, 3, logPi);
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < W * H; r++) {
    lo = Math.min(lo, logPi(r));
    hi = Math.max(hi, logPi(r));
  }
  const range = hi - lo;
  /** Mean and largest |log π − log π_true| after removing each one's mean. */
  const errors = (pi: Float32Array) => {
    let meanWant = 0;
    let meanGot = 0;
    for (let r = 0; r < W * H; r++) {
      meanWant += logPi(r) / (W * H);
      meanGot += Math.log(pi[r]) / (W * H);
    }
    let worst = 0;
    let sum = 0;
    for (let r = 0; r < W * H; r++) {
      const d = Math.abs(Math.log(pi[r]) - meanGot - (logPi(r) - meanWant));
      worst = Math.max(worst, d);
      sum += d;
    }
    return { mean: sum / (W * H), worst };
  };
  const coarse = errors(stationaryBalance(A));
  // The fit the solver used before (two fine-grid CG steps preconditioned by full V-cycles), as a
  // yardstick: mean 0.128 and largest 0.712 against the coarse fit's 0.132 and 0.715 when written.
  const cg = errors(stationaryBalance(A, { fit: 'cg' }));
  assert.ok(
    coarse.mean < 0.03 * range,
    `mean error ${coarse.mean.toFixed(3)} of a range ${range.toFixed(2)}`,
  );
  assert.ok(coarse.worst < 0.15 * range, `largest error ${coarse.worst.toFixed(3)}`);
  assert.ok(
    coarse.mean < 1.1 * cg.mean,
    `coarse ${coarse.mean.toFixed(3)}, two CG steps ${cg.mean.toFixed(3)}`,
  );
});

test("levin on a real photo: balancing changes neither Levin's solution nor the stopping test", async () => {
  const truth = await valPhoto('bsds500_100039.jpg', 480);
  const gray: ImageF32 = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
  const strokes = shortStrokes(truth, 400, 3);
  const exact = levinChroma(gray, strokes, { solver: 'direct', precision: 'double' });
  const plain = levinChroma(gray, strokes, { balance: false });
  const balanced = levinChroma(gray, strokes, { balance: true });
  // PSNR of a chroma result against the exact solve (chroma range taken as 1).
  const closeness = (a: Float32Array[]) => {
    let se = 0;
    let n = 0;
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < a[c].length; i++, n++) se += (a[c][i] - exact.chroma.channels[c][i]) ** 2;
    return 10 * Math.log10(n / se);
  };
  // Both stop on the unscaled residual at the same tolerance and land as close to the exact solve
  // (65.6 dB without balancing, 73.9 dB with it, when written).
  assert.ok(balanced.stats.relativeResidual <= 5e-5, `residual ${balanced.stats.relativeResidual}`);
  const pb = closeness(balanced.chroma.channels);
  const pp = closeness(plain.chroma.channels);
  assert.ok(pb > 60 && pp > 60, `vs exact: balanced ${pb.toFixed(1)} dB, plain ${pp.toFixed(1)} dB`);
  // A walk far from reversible at this size: balancing must not have been skipped.
  assert.ok(balanced.stats.iterations !== plain.stats.iterations || pb !== pp, 'balancing changed nothing');
});

test('the balanced cycle smooths twice after its coarse correction: fewer iterations, as close to the exact solve', async () => {
  // With one backward sweep (before BALANCED_POST_SWEEPS) these took 20 and 8 iterations; the
  // first 16 before a stalled BiCGStab handed over to BiCGStab(2) (solve/bicgstab.ts), 13 since;
  // all at the tolerance they were measured at, 5e-5 (the default is 1e-5 since).
  for (const [name, most] of [
    ['bsds500_100007.jpg', 16],
    ['bsds500_103029.jpg', 6],
  ] as const) {
    const truth = await valPhoto(name, 480);
    const gray: ImageF32 = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
    const strokes = shortStrokes(truth, 400, 3);
    const balanced = levinChroma(gray, strokes, { balance: true, tolerance: 5e-5 });
    assert.ok(balanced.stats.iterations <= most, `${name}: ${balanced.stats.iterations} iterations`);
    const exact = levinChroma(gray, strokes, { solver: 'direct', precision: 'double' });
    let se = 0;
    let n = 0;
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < exact.chroma.channels[c].length; i++, n++)
        se += (balanced.chroma.channels[c][i] - exact.chroma.channels[c][i]) ** 2;
    const db = 10 * Math.log10(n / se);
    assert.ok(db > 60, `${name}: ${db.toFixed(1)} dB from the exact solve`);
  }
});

test("the fit's factors in the arena serve as the solve's padded factors: the same chroma, one plane less", async () => {
  const truth = await valPhoto('bsds500_100039.jpg', 320);
  const { width: W, height: H } = truth;
  const Y = lumaOf(truth);
  const strokes = shortStrokes(truth, 400, 3);
  const run = (consumeRowScale: boolean) => {
    const arena = levinArena(W, H, false);
    assert.ok(arena);
    const A = levinOperator(Y, W, H, {}, 'single', arena);
    const rowScale = stationaryBalance(A, { arena });
    const res = solveLevinSystem(A, strokes, 'yuv', { rowScale, arena, consumeRowScale }, 0, true);
    return { res, highWater: arena.highWater };
  };
  const copied = run(false);
  const inPlace = run(true);
  assert.ok(inPlace.res.stats.iterations > 0);
  for (let c = 0; c < 2; c++)
    assert.deepEqual(inPlace.res.chroma.channels[c], copied.res.chroma.channels[c], `channel ${c}`);
  const plane = (W * H + 2 * (W + 1)) * 4;
  assert.equal(copied.highWater - inPlace.highWater, (plane + 15) & ~15);
});

test("the fit's hierarchy stays definite where its coarse Laplacian loses dominance (a val photo at 1200 px)", async () => {
  // Its Galerkin operators lost diagonal dominance to rounding (a row sum of −8.6·10⁻⁵ of the
  // diagonal on the first coarse level, against a ridge of 10⁻⁶); Dendy's plain ratios then grew
  // to 21, 519 and 1.4·10⁴ over four levels and the coarsest Cholesky factorisation failed.
  const src = (await readImage(dataPath('val', 'bsds500_16004.jpg'))).image;
  const f = 1200 / Math.max(src.width, src.height);
  const truth = resizeImage(src, Math.round(src.width * f), Math.round(src.height * f), 'bicubic');
  const { width, height } = truth;
  const gray: ImageF32 = { width, height, channels: [lumaOf(truth)] };
  for (const arena of [undefined, levinArena(width, height)]) {
    const A = levinOperator(gray.channels[0], width, height, {}, 'single', arena);
    const pi = stationaryBalance(A, { arena });
    let lo = Infinity;
    let hi = 0;
    for (const v of pi) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assert.ok(lo > 0 && Number.isFinite(hi), `π in [${lo}, ${hi}]`);
    arena?.releaseHelper();
  }
  const res = levinChroma(gray, shortStrokes(truth, 200, 17));
  assert.ok(res.stats.converged && res.stats.balanced, JSON.stringify(res.stats));
});
