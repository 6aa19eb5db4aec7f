/**
 * Strokes must never be lost to gray detection (issue: a marked image with strokes on under ~2 % of
 * its pixels was read as gray, and `colorize scribble` wrote a gray photo with exit 0).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { createImage } from '../../src/image/image.js';
import { readImage, writeImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { markedImage } from '../../src/methods/scribbles/strokes.js';
import { requireColourReference } from '../../src/methods/transfer/common.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-sparse-'));

test('a marked photo with strokes on 0.1 % of its pixels is read as colour and colours the photo', async () => {
  const src = (await readImage(dataPath('val', 'bsds500_100007.jpg'))).image;
  const truth = resizeImage(src, 480, 320, 'area');
  const gray = { width: 480, height: 320, channels: [lumaOf(truth)] };
  // 3 short 3-px strokes on a 0.15 MP photo: about 0.1 % of the pixels.
  const strokes = shortStrokes(truth, 10, 5);
  let n = 0;
  for (const m of strokes.mask) n += m;
  assert.ok(
    n / strokes.mask.length < 0.0015,
    `strokes cover ${((100 * n) / strokes.mask.length).toFixed(2)} %`,
  );
  const grayFile = path.join(tmp, 'gray.png');
  const markedFile = path.join(tmp, 'marked.png');
  const out = path.join(tmp, 'out.png');
  await writeImage(grayFile, gray);
  await writeImage(markedFile, markedImage(gray, strokes));
  const marked = await readImage(markedFile);
  assert.equal(marked.isGray, false);
  assert.equal(marked.image.channels.length, 3);
  const res = await runCli(['scribble', grayFile, markedFile, '-o', out]);
  assert.equal(res.code, 0, res.stderr);
  const rgb = (await readImage(out)).image;
  assert.equal(rgb.channels.length, 3);
  // Coloured across the photo, not only at the strokes: mean |R − B| well above rounding.
  let spread = 0;
  for (let i = 0; i < rgb.width * rgb.height; i++)
    spread += Math.abs(rgb.channels[0][i] - rgb.channels[2][i]);
  assert.ok(
    (spread / (rgb.width * rgb.height)) * 255 > 5,
    `mean |R−B| ${((spread * 255) / (rgb.width * rgb.height)).toFixed(2)} levels`,
  );
});

test('a nearly gray but not gray reference stays a colour reference; a truly gray RGB file is gray', async () => {
  const img = createImage(64, 48, 3);
  for (let i = 0; i < 64 * 48; i++) {
    const v = ((i * 7) % 200) / 255;
    img.channels[0][i] = img.channels[1][i] = img.channels[2][i] = v;
  }
  // One region faintly warm: 3 levels of R − B on 1 % of the pixels (mean spread far below 1 level).
  for (let i = 0; i < 31; i++) {
    img.channels[0][i * 97] = Math.min(1, img.channels[0][i * 97] + 2 / 255);
    img.channels[2][i * 97] = Math.max(0, img.channels[2][i * 97] - 1 / 255);
  }
  const warmFile = path.join(tmp, 'warm.png');
  await writeImage(warmFile, img);
  const warm = await readImage(warmFile);
  assert.equal(warm.isGray, false);
  assert.doesNotThrow(() => requireColourReference(warm.image, 'reinhard'));
  // A gray stored as RGB with one-level rounding differences still counts as gray.
  const g = createImage(64, 48, 3);
  for (let i = 0; i < 64 * 48; i++) {
    const v = ((i * 5) % 250) / 255;
    g.channels[0][i] = v;
    g.channels[1][i] = i % 3 === 0 ? Math.min(1, v + 1 / 255) : v;
    g.channels[2][i] = v;
  }
  const grayFile = path.join(tmp, 'rgb-gray.png');
  await writeImage(grayFile, g);
  const decoded = await readImage(grayFile);
  assert.equal(decoded.isGray, true);
  assert.throws(() => requireColourReference(g, 'reinhard'), /no colour/);
});
