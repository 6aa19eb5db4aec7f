/**
 * The central-difference check of an objective's image gradient, shared by the Gram objective's
 * tests (the separate path in test/gram/objective.test.ts, the fused graph in fused.test.ts,
 * the chroma parametrisation in chroma.test.ts), and the random images they start from.
 */
import assert from 'node:assert/strict';
import { createImage, type ImageF32 } from '../../src/image/image.js';

/** An RGB image of values in [0.2, 0.8] drawn from `rnd` (off the [0, 1] bounds, so central differences stay inside). */
export function randomImage(w: number, h: number, rnd: () => number): ImageF32 {
  const img = createImage(w, h, 3);
  for (const c of img.channels) for (let i = 0; i < c.length; i++) c[i] = 0.2 + 0.6 * rnd();
  return img;
}

/** ‖planes‖₂ over all planes. */
export function planesNorm(planes: Float32Array[]): number {
  let s = 0;
  for (const p of planes) for (const v of p) s += v * v;
  return Math.sqrt(s);
}

/**
 * Asserts that `grad` (the gradient of `loss` at `x`) gives the directional derivative that
 * central differences of `loss` measure: trial 0 along the normalised gradient (within 1 % of
 * it), the others along random directions drawn from `rnd` (within 2 % of ‖g‖·‖d‖): float32
 * features and ReLU kinks allow no tighter.
 */
export async function assertGradientByCentralDifferences(
  loss: (img: ImageF32) => Promise<number>,
  x: ImageF32,
  grad: Float32Array[],
  rnd: () => number,
  trials: number,
  label: string,
): Promise<void> {
  const gnorm = planesNorm(grad);
  for (let trial = 0; trial < trials; trial++) {
    const dir =
      trial === 0
        ? grad.map((g) => g.map((v) => v / gnorm))
        : x.channels.map((c) => Float32Array.from(c, () => rnd() - 0.5));
    const dnorm = planesNorm(dir);
    const eps = 1e-3 / dnorm;
    const at = (sign: number) =>
      loss({
        ...x,
        channels: x.channels.map((c, k) => Float32Array.from(c, (v, i) => v + sign * eps * dir[k][i])),
      });
    const fd = ((await at(1)) - (await at(-1))) / (2 * eps);
    let an = 0;
    for (let k = 0; k < grad.length; k++)
      for (let i = 0; i < grad[k].length; i++) an += grad[k][i] * dir[k][i];
    const tol = trial === 0 ? 1e-2 * Math.abs(an) : 2e-2 * gnorm * dnorm;
    assert.ok(Math.abs(fd - an) <= tol, `${label} trial ${trial}: fd ${fd} vs analytic ${an} (tol ${tol})`);
  }
}
