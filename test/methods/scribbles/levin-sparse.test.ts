/**
 * Levin's system with very few strokes, against what its equations say without a solver: the
 * free rows u_r = Σ_s w_rs u_s have weights w ≥ 0 summing to one, so strokes of one colour give
 * that colour everywhere, and any strokes give a solution within the range of their values. With
 * a single stroke, single precision put examples/scene.png 629 chroma units off the constant
 * (unconverged) and bsds500_118015 0.065 off (converged): it cannot hold what decides a region
 * that strong edges almost cut off.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { blockMeans, sparseCase } from '../../../scripts/levin-reference.js';
import { lumaOf } from '../../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../../src/image/image.js';
import { readImage } from '../../../src/image/io.js';
import {
  clampToStrokeRange,
  levinChroma,
  STROKE_RANGE_SLACK,
  strokeChromaAt,
} from '../../../src/methods/scribbles/levin/levin.js';
import { rasterizeStrokes } from '../../../src/methods/scribbles/strokes.js';
import { dataPath, REPO_ROOT } from '../../helpers/shared.js';

async function grayOf(file: string): Promise<ImageF32> {
  const photo = (await readImage(file)).image;
  return { width: photo.width, height: photo.height, channels: [lumaOf(photo)] };
}

/** The largest distance of the solution from the stroke's constant chroma. */
function offConstant(chroma: ImageF32, want: [number, number]): number {
  let worst = 0;
  for (let c = 0; c < 2; c++)
    for (const v of chroma.channels[c]) worst = Math.max(worst, Math.abs(v - want[c]));
  return worst;
}

const ONE_STROKE_CASES = [
  { file: `${REPO_ROOT}/examples/scene.png`, points: [30, 200, 60, 200] },
  { file: dataPath('val/bsds500_118015.jpg'), points: [186, 254, 194, 245] },
];

for (const { file, points } of ONE_STROKE_CASES) {
  test(`one stroke on ${file.split('/').pop()}: its colour everywhere, within 1e-3`, async () => {
    const gray = await grayOf(file);
    const strokes = rasterizeStrokes([{ points, radius: 2, rgb: [0.2, 0.3, 0.9] }], gray.width, gray.height);
    const at = strokeChromaAt(strokes, 'yuv');
    const want: [number, number] = [at.c1[0], at.c2[0]];
    const res = levinChroma(gray, strokes);
    assert.ok(res.stats.converged);
    assert.equal(res.stats.iterations, 0);
    assert.equal(res.stats.oneColour, true);
    const off = offConstant(res.chroma, want);
    assert.ok(off < 1e-3, `${off} from the stroke's chroma`);
  });
}

test('two strokes of nearly one colour: the single-precision solve stays within their range, no retry needed', async () => {
  const gray = await grayOf(`${REPO_ROOT}/examples/scene.png`);
  const strokes = rasterizeStrokes(
    [
      { points: [30, 200, 60, 200], radius: 2, rgb: [0.2, 0.3, 0.9] },
      { points: [35, 205, 40, 205], radius: 2, rgb: [0.22, 0.3, 0.88] },
    ],
    gray.width,
    gray.height,
  );
  const res = levinChroma(gray, strokes);
  // With products of the form diag·x − Σ c x (rows whose rounded couplings leak ±3e-8), single
  // precision ended unconverged, 17.5 chroma units outside the range, and was solved again in
  // double; with the rows' sums kept (GeneralStencil9.rowSum) it converges, 0.008 outside and
  // 0.012 from the exact solution at most: the tolerance's error, not the arithmetic's (double
  // precision at the same tolerance: 0.001 outside, 0.010 from it; single at 1e-6: 0.0008).
  assert.equal(res.stats.precision, undefined);
  assert.ok(res.stats.converged);
  const outside = res.stats.outOfRange ?? 0;
  assert.ok(outside < 0.01, `the solve went ${outside} beyond the strokes' range`);
});

test("two strokes on bsds500_140006: single precision meets scipy's exact solve (block means within 0.003)", async () => {
  // scripts/levin-reference.ts sparse-fixture bsds500_140006.jpg 2. With products of the form
  // diag·x − Σ c x a 4-px block's mean chroma was 0.0196 off (0.0139 beyond the strokes' range);
  // with the rows' sums kept, 0.0005 (double precision at the same tolerance: 0.0003–0.001).
  const fx = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'test/fixtures/levin-scipy-bsds500_140006-2-strokes.json'), 'utf8'),
  );
  const made = await sparseCase(dataPath('val'), fx.photo, fx.strokes);
  assert.ok(made, `${fx.photo} is a colour photo`);
  const { gray, strokes } = made;
  assert.equal(gray.width, fx.width);
  const res = levinChroma(gray, strokes);
  assert.ok(res.stats.converged);
  assert.equal(res.stats.precision, undefined, 'no double-precision retry');
  let worst = 0;
  for (const [c, b64] of [fx.u, fx.v].entries()) {
    const buf = Buffer.from(b64, 'base64');
    const exact = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
    const means = blockMeans(res.chroma.channels[c], gray.width, gray.height, fx.block);
    for (let k = 0; k < means.length; k++) worst = Math.max(worst, Math.abs(means[k] - exact[k]));
  }
  assert.ok(
    worst <= 0.003,
    `a ${fx.block}-px block's mean chroma is ${worst.toFixed(4)} from the exact solve's`,
  );
});

test('clampToStrokeRange: nothing inside the strokes range, the distance outside, NaN infinitely far', () => {
  const strokes = rasterizeStrokes(
    [
      { points: [1, 1], radius: 0.5, rgb: [1, 0, 0] },
      { points: [6, 6], radius: 0.5, rgb: [0, 0, 1] },
    ],
    8,
    8,
  );
  const at = strokeChromaAt(strokes, 'yuv');
  const lo = [Math.min(...at.c1), Math.min(...at.c2)];
  const hi = [Math.max(...at.c1), Math.max(...at.c2)];
  const plane = (v: number) => new Float32Array(64).fill(v);
  const inside: ImageF32 = {
    width: 8,
    height: 8,
    channels: [plane((lo[0] + hi[0]) / 2), plane((lo[1] + hi[1]) / 2)],
  };
  assert.equal(clampToStrokeRange(inside, at), 0);
  inside.channels[1][17] = hi[1] + 0.25;
  inside.channels[0][9] = lo[0] - 0.125;
  assert.ok(Math.abs(clampToStrokeRange(inside, at) - 0.25) < 1e-6);
  assert.equal(inside.channels[1][17], Math.fround(hi[1]));
  assert.equal(inside.channels[0][9], Math.fround(lo[0]));
  assert.ok(0.25 > STROKE_RANGE_SLACK);
  inside.channels[0][3] = Number.NaN;
  assert.equal(clampToStrokeRange(inside, at), Number.POSITIVE_INFINITY);
  assert.equal(inside.channels[0][3], Math.fround((lo[0] + hi[0]) / 2));
});
