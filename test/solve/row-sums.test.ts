/**
 * Products in the row-sum form (GeneralStencil9.rowSum): (A x)_r = s_r x_r + Σ_k c_k[r] (x_r − x_s).
 * Checked against what the operator is by definition, not against the kernels themselves: the row
 * sums against Levin's weights in double precision (the couplings each row lost to the strokes),
 * products on a constant against s_r times it exactly, and products on random vectors against
 * diag·x − Σ c x evaluated literally in double precision.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { levinOperator } from '../../src/methods/scribbles/levin/affinity.js';
import { strokeChroma } from '../../src/methods/scribbles/levin/levin.js';
import { scaleRows } from '../../src/solve/balance.js';
import {
  applyGeneral9x2,
  GENERAL_OFFSETS,
  type GeneralDirichletSystem,
  generalDirichletSystem,
} from '../../src/solve/general-stencil9.js';
import { gridVector32 } from '../../src/solve/stencil9.js';
import { WasmArena } from '../../src/solve/wasm/arena.js';
import { rng } from '../helpers/images.js';
import { SHARED } from '../helpers/shared.js';

const W = 181;
const H = 127;

async function photo(): Promise<{ Y: Float32Array; mask: Uint8Array; values: Float32Array[] }> {
  const src = (await readImage(path.join(SHARED, 'data/val/bsds500_10081.jpg'))).image;
  const truth = resizeImage(src, W, H, 'area');
  const strokes = shortStrokes(truth, 400, 9);
  return { Y: lumaOf(truth), mask: strokes.mask, values: strokeChroma(strokes, 'yuv') };
}

/** The constrained system built in JavaScript, or in a wasm arena as levinChroma builds it. */
function system(
  Y: Float32Array,
  mask: Uint8Array,
  values: Float32Array[],
  arena?: WasmArena,
): GeneralDirichletSystem {
  const sys = generalDirichletSystem(levinOperator(Y, W, H, {}, 'single', arena), mask, values, true);
  if (arena) arena.registerGeneral(sys.A);
  return sys;
}

test("Levin's constrained operator keeps its row sums: the couplings each free row lost to the strokes, 1 at strokes", async () => {
  const { Y, mask, values } = await photo();
  const { A } = system(Y, mask, values);
  assert.ok(A.rowSum, 'the operator keeps its row sums');
  const exact = levinOperator(Y, W, H, {}, 'double');
  let worst = 0;
  let anchored = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const r = y * W + x;
      let want = 1;
      if (!mask[r]) {
        want = 0;
        GENERAL_OFFSETS.forEach(([dx, dy], k) => {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < W && yy < H && mask[yy * W + xx]) want += exact.c[k][exact.pad + r];
        });
        if (want > 0) anchored++;
      }
      worst = Math.max(worst, Math.abs(A.rowSum[A.pad + r] - want));
    }
  assert.ok(anchored > 100, `${anchored} free rows next to strokes`);
  assert.ok(worst < 1e-6, `row sums ${worst} from Σ w_rs over the strokes`);
});

test('row-sum products are exact on a constant and follow diag·x − Σ c x on any vector (JavaScript and wasm)', async () => {
  const { Y, mask, values } = await photo();
  const js = system(Y, mask, values);
  const len = W * H + 2 * (W + 1);
  const arena = WasmArena.create(40 * len * 4 + (1 << 16));
  assert.ok(arena);
  const wasm = system(Y, mask, values, arena);
  assert.ok(arena.holds(wasm.A.rowSum as Float32Array), 'row sums in the arena');
  const { pad } = js.A;
  const rowSum = js.A.rowSum as Float32Array;
  // A constant: every difference is zero, so a row gives its sum times the constant, bit for bit
  // (an interior row exactly 0, where diag·x − Σ c x leaves the couplings' rounding).
  const k = 0.3;
  const flat = gridVector32(W, H);
  flat.fill(Math.fround(k), pad, pad + W * H);
  let leak = 0;
  for (const [name, A, vec] of [
    ['JavaScript', js.A, (n: number) => new Float32Array(n)],
    ['wasm', wasm.A, (n: number) => arena.f32(n)],
  ] as const) {
    const x = vec(len);
    x.set(flat);
    const y0 = vec(len);
    const y1 = vec(len);
    applyGeneral9x2(A, x, x, y0, y1);
    for (let i = pad; i < pad + W * H; i++) {
      assert.equal(y0[i], Math.fround(rowSum[i] * Math.fround(k)), `${name}: row ${i - pad} on a constant`);
      if (rowSum[i] === 0) {
        let s = 0;
        for (const c of js.A.c) s += c[i];
        leak = Math.max(leak, Math.abs(1 - s));
      }
    }
  }
  // What the old form left on interior rows: their rounded couplings do not sum to 1.
  assert.ok(leak > 1e-8, `rounded couplings sum to 1 within ${leak}`);
  // Random vectors: the literal product with diag = s + Σ c, in double precision.
  const r = rng(5);
  const x0 = gridVector32(W, H);
  const x1 = gridVector32(W, H);
  for (let i = pad; i < pad + W * H; i++) {
    x0[i] = r() - 0.5;
    x1[i] = 0.2 * r();
  }
  const offs = GENERAL_OFFSETS.map(([dx, dy]) => dy * W + dx);
  const literal = (x: Float32Array, i: number): number => {
    let diag = rowSum[i];
    let off = 0;
    js.A.c.forEach((c, d) => {
      diag += c[i];
      off += c[i] * x[i + offs[d]];
    });
    return diag * x[i] - off;
  };
  const X0 = arena.copy32(x0);
  const X1 = arena.copy32(x1);
  const Y0 = arena.f32(len);
  const Y1 = arena.f32(len);
  const y0 = gridVector32(W, H);
  const y1 = gridVector32(W, H);
  applyGeneral9x2(js.A, x0, x1, y0, y1);
  applyGeneral9x2(wasm.A, X0, X1, Y0, Y1);
  let dj = 0;
  let dw = 0;
  for (let i = pad; i < pad + W * H; i++) {
    for (const [x, yj, yw] of [
      [x0, y0, Y0],
      [x1, y1, Y1],
    ] as const) {
      const want = literal(x, i);
      dj = Math.max(dj, Math.abs(yj[i] - want));
      dw = Math.max(dw, Math.abs(yw[i] - want));
    }
  }
  assert.ok(dj < 1e-6, `JavaScript product ${dj} from the literal one`);
  assert.ok(dw < 1e-6, `wasm product ${dw} from the literal one`);
});

test('scaleRows scales the kept row sums with their rows: the product becomes diag(π)·A x', async () => {
  const { Y, mask, values } = await photo();
  const { A } = system(Y, mask, values);
  const { pad } = A;
  const r = rng(8);
  const x0 = gridVector32(W, H);
  const x1 = gridVector32(W, H);
  for (let i = pad; i < pad + W * H; i++) {
    x0[i] = 0.3;
    x1[i] = r();
  }
  x0[pad + 5000] = 0.7; // not quite constant: the row sums and the couplings both count
  const before = [gridVector32(W, H), gridVector32(W, H)];
  applyGeneral9x2(A, x0, x1, before[0], before[1]);
  const pi = Float32Array.from({ length: W * H }, () => 0.5 + 3 * r());
  scaleRows(A, pi);
  const after = [gridVector32(W, H), gridVector32(W, H)];
  applyGeneral9x2(A, x0, x1, after[0], after[1]);
  let worst = 0;
  for (let c = 0; c < 2; c++)
    for (let i = 0; i < W * H; i++)
      worst = Math.max(worst, Math.abs(after[c][pad + i] - pi[i] * before[c][pad + i]));
  assert.ok(worst < 1e-6, `scaled product ${worst} from π times the product`);
});
