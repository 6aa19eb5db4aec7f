/**
 * BiCGStab(2) (src/solve/bicgstab2.ts): against the exact band-LU solve of Levin's system on a real
 * photo, on the val photo where BiCGStab alone wandered for 111 iterations, its axpy kernel
 * against the JavaScript loop, and the arena's spare that holds its vectors.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { LEVIN_TOLERANCE, levinChroma } from '../../src/methods/scribbles/levin/levin.js';
import { type BicgstabOptions, bicgstab, HANDED_OVER_TOLERANCE } from '../../src/solve/bicgstab.js';
import { hybridVcycle2 } from '../../src/solve/general-multigrid.js';
import { constrainedSymmetricPart } from '../../src/solve/general-solve.js';
import { applyGeneral9x2, solveGeneralDirect } from '../../src/solve/general-stencil9.js';
import { buildMultigrid } from '../../src/solve/multigrid.js';
import { gridVector32 } from '../../src/solve/stencil9.js';
import { WasmArena, wasmAxpy } from '../../src/solve/wasm/arena.js';
import { rng } from '../helpers/images.js';
import { photoLevinSystem } from '../helpers/levin-photo.js';
import { SHARED } from '../helpers/shared.js';

/**
 * BiCGStab with the hybrid V-cycle on Levin's system of a real photo (test/helpers/levin-photo.ts)
 * at `W` × `H`, to 1e-7, and the largest difference from the exact band-LU solve.
 */
async function solvePhoto(W: number, H: number, options: BicgstabOptions) {
  const make = await photoLevinSystem(W, H);
  const exact = solveGeneralDirect(make());
  const sys = make();
  const mg = buildMultigrid(constrainedSymmetricPart(sys), sys.active);
  const x = [gridVector32(W, H), gridVector32(W, H)];
  const res = bicgstab(
    {
      width: W,
      height: H,
      apply: (a, c, d, e) => applyGeneral9x2(sys.A, a, c, d, e),
      precondition: (a, c, d, e) => hybridVcycle2(mg, sys.A, a, c, d, e),
    },
    sys.rhs.map((v) => Float32Array.from(v)),
    x,
    { tolerance: 1e-7, ...options },
  );
  let error = 0;
  for (let c = 0; c < 2; c++)
    for (let i = 0; i < W * H; i++) error = Math.max(error, Math.abs(x[c][sys.A.pad + i] - exact[c][i]));
  return { res, error };
}

test('BiCGStab(2) from the first iteration meets the exact band-LU solve of Levin’s system on a real photo', async () => {
  let extra = 0;
  const { res, error } = await solvePhoto(181, 127, {
    switchAfter: 0,
    moreVector: () => {
      extra++;
      return gridVector32(181, 127);
    },
  });
  assert.equal(extra, 6, 'three more vectors per channel were asked for: BiCGStab(2) ran');
  assert.ok(res.converged, `relative residuals ${res.relativeResiduals}`);
  // Single precision reaches ~5e-5 of a chroma range of 0.23 (as BiCGStab in the kernel tests).
  assert.ok(error < 1e-4, `${error}`);
});

test('without room for its vectors BiCGStab goes on alone, to the same exact solve', async () => {
  let asked = 0;
  const { res, error } = await solvePhoto(97, 71, {
    switchAfter: 0,
    moreVector: () => (asked++ < 2 ? gridVector32(97, 71) : null),
  });
  assert.equal(asked, 3, 'the hand-over was tried once, and given up at the third vector');
  assert.ok(res.converged);
  assert.ok(error < 1e-4, `${error}`);
});

test('a val photo on which BiCGStab wandered for 111 iterations converges in at most 30 after the hand-over', async () => {
  // Brought up to 1000 px as the iteration surveys do (docs/scribbles.md, "Hard photos").
  const src = (await readImage(path.join(SHARED, 'data/val/bsds500_118072.jpg'))).image;
  const f = 1000 / Math.max(src.width, src.height);
  const truth = resizeImage(src, Math.round(src.width * f), Math.round(src.height * f), 'bicubic');
  const gray = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
  const res = levinChroma(gray, shortStrokes(truth, 200, 1));
  // With the hand-over after 12 BiCGStab iterations (to HANDED_OVER_TOLERANCE of the
  // tolerance), its vectors in the arena's spare: 24 at the tolerance of 5e-5, stalled solves to
  // a quarter of it.
  assert.ok(res.stats.converged, `residual ${res.stats.relativeResidual}`);
  assert.ok(res.stats.iterations <= 30, `${res.stats.iterations} iterations`);
  // The figure reported is the true residual b − A x, formed after the recurrence reached
  // HANDED_OVER_TOLERANCE of the tolerance (2e-6; true: 2.08e-6): well below the tolerance itself.
  assert.ok(res.stats.relativeResidual <= 2 * LEVIN_TOLERANCE * HANDED_OVER_TOLERANCE);
});

for (const n of [1003, 100_003]) {
  test(`the axpy kernel is the JavaScript loop in single precision, bit for bit (n = ${n})`, () => {
    // 100 003: split in two halves, one on the helper thread.
    const arena = WasmArena.create(16 * n + (1 << 20), { threads: true });
    assert.ok(arena);
    const r = rng(31);
    const y = arena.f32(n);
    const x = arena.f32(n);
    for (let i = 0; i < n; i++) {
      y[i] = r() - 0.5;
      x[i] = r() - 0.5;
    }
    const want = Float32Array.from(y);
    const a = Math.fround(-0.731);
    for (let i = 3; i < n - 2; i++) want[i] = Math.fround(want[i] + Math.fround(a * x[i]));
    assert.ok(wasmAxpy(y, a, x, 3, n - 2));
    assert.deepEqual(y, want);
    assert.equal(wasmAxpy(y, a, new Float32Array(n), 0, n), false, 'a vector outside the arena');
    arena.releaseHelper();
  });
}

test("the arena's spare: not handed out by f32, zeroed views above it until it is used up", () => {
  const spare = 3 * 65536;
  const arena = WasmArena.create(1 << 20, { spare });
  assert.ok(arena);
  const size = arena.memory.buffer.byteLength;
  const views: Float32Array[] = [];
  assert.throws(() => {
    for (;;) views.push(arena.f32(4096));
  }, /wasm arena full/);
  for (const v of views) assert.ok(v.byteOffset + v.byteLength <= size - spare);
  // Lengths in floats: three of 16 384 fill the three 64 KiB pages.
  const s1 = arena.spareF32(16384);
  const s2 = arena.spareF32(16384);
  assert.ok(s1 && s2);
  assert.ok(s1.byteOffset >= size - spare && s2.byteOffset >= s1.byteOffset + s1.byteLength);
  assert.ok(s1.every((v) => v === 0));
  assert.equal(arena.spareF32(16384 + 4), null, 'more than is left');
  assert.ok(arena.spareF32(16384));
  assert.equal(arena.spareF32(1), null);
});

test('an arena that fits the 4 GiB of a wasm memory only without its spare is made without it', () => {
  // 4 GiB less 2 MiB, and a spare of 4 MiB: the arena, but no spare (not a null arena).
  const arena = WasmArena.create(2 ** 32 - (2 << 20), { spare: 4 << 20 });
  if (!arena) return; // a machine that cannot reserve 4 GiB of address space for it
  assert.equal(arena.spareF32(1), null);
  assert.ok(arena.memory.buffer.byteLength <= 2 ** 32);
});
