/**
 * Issue 21 (size): levin and poisson solve a photo over `workingPixels` on a reduced grid and bring
 * the chroma up with the finish stage. Checked against the full-resolution solve of the same
 * real scribble set (../shared/data/scribbles/flower): the stroke pixels are identical (exact
 * stroke chroma kept at full size), the rest close; under the cap nothing changes; and the command
 * line keeps 16-bit depth at a working resolution and refuses an image over --max-pixels.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { rgbToLumaChroma } from '../../../src/color/linear-spaces.js';
import { finish } from '../../../src/finish/finish.js';
import { createImage } from '../../../src/image/image.js';
import { readImage } from '../../../src/image/io.js';
import { workingGrid } from '../../../src/image/resize.js';
import { colorizeLevin } from '../../../src/methods/scribbles/levin/levin.js';
import { colorizePoisson } from '../../../src/methods/scribbles/poisson/poisson.js';
import { strokesFromMarked } from '../../../src/methods/scribbles/strokes.js';
import { psnr } from '../../../src/metrics/psnr.js';
import { runCli } from '../../helpers/cli.js';
import { dataPath } from '../../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-working-'));

/** The top-left 240 × 200 of the flower set (48 000 px), written as PNG for the command line. */
const CROP = { left: 0, top: 0, width: 240, height: 200 };
const CAP = 12_000;
const files = {
  gray: path.join(tmp, 'gray.png'),
  gray16: path.join(tmp, 'gray16.tif'),
  marked: path.join(tmp, 'marked.png'),
};
const ready = (async () => {
  await sharp(dataPath('scribbles', 'flower_gray.png')).extract(CROP).toFile(files.gray);
  await sharp(dataPath('scribbles', 'flower_marked.png')).extract(CROP).toFile(files.marked);
  // 16-bit through raw samples (sharp's plain .tiff() writes 8 bits).
  const { data, info } = await sharp(files.gray)
    .toColourspace('grey16')
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true });
  const samples = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  await sharp(samples, { raw: { width: info.width, height: info.height, channels: 1 } })
    .toColourspace('grey16')
    .tiff({ compression: 'lzw' })
    .toFile(files.gray16);
  const gray = (await readImage(files.gray)).image;
  const marked = (await readImage(files.marked)).image;
  return { gray, strokes: strokesFromMarked(gray, marked, 0.01) };
})();

describe('scribble methods at a working resolution', () => {
  it('levin: strokes exact at full size, the rest close to the full-resolution solve', async () => {
    const { gray, strokes } = await ready;
    const full = colorizeLevin(gray, strokes, { workingPixels: 0 });
    const capped = colorizeLevin(gray, strokes, { workingPixels: CAP });
    assert.equal(capped.rgb.width, gray.width);
    assert.equal(capped.rgb.height, gray.height);
    assert.deepEqual(capped.stats.working, workingGrid(gray.width, gray.height, CAP));
    assert.ok(capped.chroma.width * capped.chroma.height <= CAP);
    assert.equal(full.stats.working, undefined);
    // Under the cap nothing changes: the full-resolution solve itself.
    const n = gray.width * gray.height;
    assert.deepEqual(colorizeLevin(gray, strokes, { workingPixels: n }).rgb.channels, full.rgb.channels);
    assert.throws(
      () => colorizeLevin(gray, strokes, { workingPixels: 100 }),
      /"workingPixels" = 100 is invalid: expected 0 \(no limit\) or an integer of at least 4096/,
    );
    let strokePixels = 0;
    for (let i = 0; i < strokes.mask.length; i++) {
      if (!strokes.mask[i]) continue;
      strokePixels++;
      for (let c = 0; c < 3; c++) assert.equal(capped.rgb.channels[c][i], full.rgb.channels[c][i]);
    }
    assert.equal(capped.stats.strokePixels, strokePixels);
    // Off the strokes: a quarter of the pixels, upsampled along the gray's edges.
    const p = psnr(capped.rgb, full.rgb);
    assert.ok(p > 28, `PSNR against the full-resolution solve ${p.toFixed(2)} dB`);
  });

  it('poisson: strokes exact at full size, the rest close; raw output at full size', async () => {
    const { gray, strokes } = await ready;
    const full = colorizePoisson(gray, strokes, { workingPixels: 0 });
    const n = gray.width * gray.height;
    assert.deepEqual(colorizePoisson(gray, strokes, { workingPixels: n }).rgb.channels, full.rgb.channels);
    const capped = colorizePoisson(gray, strokes, { workingPixels: CAP });
    for (let i = 0; i < strokes.mask.length; i++)
      if (strokes.mask[i])
        for (let c = 0; c < 3; c++) assert.equal(capped.rgb.channels[c][i], full.rgb.channels[c][i]);
    const p = psnr(capped.rgb, full.rgb);
    assert.ok(p > 28, `PSNR against the full-resolution solve ${p.toFixed(2)} dB`);
    const raw = colorizePoisson(gray, strokes, { workingPixels: CAP, output: 'raw' });
    assert.equal(raw.rgb.width, gray.width);
    for (let i = 0; i < strokes.mask.length; i++)
      if (strokes.mask[i])
        for (let c = 0; c < 3; c++) assert.equal(raw.rgb.channels[c][i], strokes.colors.channels[c][i]);
  });

  it('finish keeps fixed chroma exactly where asked, the upsampled chroma elsewhere', () => {
    const gray = createImage(8, 6, 1);
    gray.channels[0].fill(0.5);
    const chroma = createImage(4, 3, 2);
    const index = Uint32Array.of(0, 13, 47);
    const fixed = { index, c1: Float32Array.of(0.1, -0.05, 0.02), c2: Float32Array.of(-0.1, 0.08, 0) };
    const rgb = finish({ original: gray, chroma, space: 'yuv', fixed });
    const [, U, V] = rgbToLumaChroma(rgb, 'yuv').channels;
    for (let k = 0; k < index.length; k++) {
      assert.ok(Math.abs(U[index[k]] - fixed.c1[k]) < 1e-6);
      assert.ok(Math.abs(V[index[k]] - fixed.c2[k]) < 1e-6);
    }
    assert.ok(Math.abs(U[1]) < 1e-6 && Math.abs(V[1]) < 1e-6); // zero chroma upsampled elsewhere
    assert.equal(chroma.channels[0][0], 0); // the caller's planes are not written
  });

  it('command line: a 16-bit photo over the working size gives a full-size 16-bit result', async () => {
    await ready;
    const g16 = files.gray16;
    const out = path.join(tmp, 'out16.tif');
    const marked = files.marked;
    const r = await runCli(['scribble', g16, marked, '-o', out, '--working-pixels', String(CAP)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout + r.stderr, /working grid/);
    const meta = await sharp(out).metadata();
    assert.equal(meta.depth, 'ushort');
    assert.equal(meta.width, CROP.width);
    assert.equal(meta.height, CROP.height);
  });

  it('command line: an image over --max-pixels is refused from its header, with no output', async () => {
    const out = path.join(tmp, 'refused.png');
    const r = await runCli([
      '--max-pixels',
      '100000',
      'scribble',
      dataPath('scribbles', 'flower_gray.png'),
      dataPath('scribbles', 'flower_marked.png'),
      '-o',
      out,
    ]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /flower_gray\.png: 427×285 = 121695 pixels \(0\.1 MP\) exceeds the pixel limit of 100000 pixels/,
    );
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(existsSync(out), false);
  });
});
