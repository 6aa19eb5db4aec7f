/**
 * Levin's system with very few strokes, against what its equations say without a solver: the
 * free rows u_r = Σ_s w_rs u_s have weights w ≥ 0 summing to one, so strokes of one colour give
 * that colour everywhere, and any strokes give a solution within the range of their values. With
 * a single stroke, single precision put examples/scene.png 629 chroma units off the constant
 * (unconverged) and bsds500_118015 0.065 off (converged): it cannot hold what decides a region
 * that strong edges almost cut off.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('two strokes of nearly one colour: the solve itself stays within their range (retried in double precision)', async () => {
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
  // Single precision alone ended unconverged, 17.5 chroma units outside the range.
  assert.equal(res.stats.precision, 'double');
  assert.ok(res.stats.converged);
  const outside = res.stats.outOfRange ?? 0;
  assert.ok(outside < 1e-3, `the solve went ${outside} beyond the strokes' range`);
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
