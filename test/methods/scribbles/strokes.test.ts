import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ColorizeError } from '../../../src/errors.js';
import { createImage } from '../../../src/image/image.js';
import { colorizeLevin } from '../../../src/methods/scribbles/levin/levin.js';
import {
  markedImage,
  strokeCount,
  strokesFromJson,
  strokesFromMarked,
  strokesFromMask,
} from '../../../src/methods/scribbles/strokes.js';
import { grayOf, scene } from './helpers.js';

const W = 72;
const H = 54;
const JSON_STROKES = JSON.stringify({
  strokes: [
    {
      points: [
        [5, 5],
        [30, 12],
        [40, 30],
      ],
      width: 4,
      color: '#c03020',
    },
    { points: [[60, 45]], width: 7, color: [40, 90, 200] },
    {
      points: [
        [10, 45],
        [25, 48],
      ],
      width: 3,
      color: '#ffffff',
    }, // neutral stroke
  ],
});

function expectError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof ColorizeError && e.kind === 'input' && pattern.test(e.message),
  );
}

test('the three stroke forms give the same strokes and the same result', () => {
  const gray = grayOf(scene(W, H, 2));
  const fromJson = strokesFromJson(JSON_STROKES, W, H);
  assert.ok(strokeCount(fromJson) > 100);
  const marked = markedImage(gray, fromJson);
  const fromMarked = strokesFromMarked(gray, marked);
  const mask = createImage(W, H, 1);
  for (let i = 0; i < W * H; i++) mask.channels[0][i] = fromJson.mask[i];
  const fromMask = strokesFromMask(mask, fromJson.colors);
  assert.deepEqual(fromMarked.mask, fromJson.mask);
  assert.deepEqual(fromMask.mask, fromJson.mask);
  const results = [fromJson, fromMarked, fromMask].map((s) => colorizeLevin(gray, s).rgb);
  for (const r of results.slice(1))
    for (let c = 0; c < 3; c++) assert.deepEqual(r.channels[c], results[0].channels[c]);
});

test('neutral strokes are strokes (marked differs from gray without colour)', () => {
  const gray = createImage(4, 1, 1);
  gray.channels[0].fill(0.5);
  const marked = createImage(4, 1, 3);
  for (const c of marked.channels) c.fill(0.5);
  for (const c of marked.channels) c[2] = 0.9; // white-ish stroke
  assert.deepEqual(Array.from(strokesFromMarked(gray, marked).mask), [0, 0, 1, 0]);
});

test('bad stroke input gives clear errors', () => {
  const gray = grayOf(scene(W, H, 1));
  const marked = markedImage(gray, strokesFromJson(JSON_STROKES, W, H));
  const small = createImage(W - 1, H, 3);
  expectError(() => strokesFromMarked(gray, small), /71×54 but the gray image is 72×54/);
  expectError(
    () =>
      strokesFromMarked(
        gray,
        markedImage(gray, { ...strokesFromJson(JSON_STROKES, W, H), mask: new Uint8Array(W * H) }),
      ),
    /no strokes found/,
  );
  assert.ok(strokeCount(strokesFromMarked(gray, marked)) > 0);
  expectError(
    () => strokesFromJson('{"strokes": [{"points": [[80, 3]], "color": "#ff0000"}]}', W, H),
    /stroke 0 has point \(80, 3\) outside the 72×54 image/,
  );
  expectError(() => strokesFromJson('{"strokes": [', W, H), /not valid JSON/);
  expectError(() => strokesFromJson('{"strokes": []}', W, H), /no strokes found/);
  expectError(
    () => strokesFromJson('{"strokes": [{"points": [[3, 3]], "color": "red"}]}', W, H),
    /"#rrggbb"/,
  );
  const mask = createImage(W, H, 1);
  mask.channels[0][10] = 1;
  mask.channels[0][11] = 0.5;
  expectError(() => strokesFromMask(mask, marked), /not binary: 1 pixel\(s\).*x=11, y=0, value 128\/255/);
  expectError(() => strokesFromMask(createImage(W, H, 1), marked), /no strokes found in the mask/);
  expectError(() => strokesFromMask(createImage(W, H, 3), marked), /not binary: it has colour/);
});
