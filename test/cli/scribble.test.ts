import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lumaOf, rgbToLumaChroma } from '../../src/color/linear-spaces.js';
import { createImage } from '../../src/image/image.js';
import { readImage, writeImage } from '../../src/image/io.js';
import { colorizePoisson } from '../../src/methods/scribbles/poisson/poisson.js';
import { markedImage, strokesFromJson } from '../../src/methods/scribbles/strokes.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';
import { grayOf, scene } from '../methods/scribbles/helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-scribble-'));
const W = 48;
const H = 36;
const JSON_TEXT = JSON.stringify({
  strokes: [
    {
      points: [
        [4, 4],
        [30, 20],
      ],
      width: 4,
      color: '#c04020',
    },
  ],
});
const gray = grayOf(scene(W, H, 4));
const files = {
  gray: path.join(tmp, 'gray.png'),
  colourGray: path.join(tmp, 'colour.png'),
  marked: path.join(tmp, 'marked.png'),
  smallMarked: path.join(tmp, 'small_marked.png'),
  mask: path.join(tmp, 'mask.png'),
  grayMask: path.join(tmp, 'gray_mask.png'),
  colors: path.join(tmp, 'colors.png'),
  strokes: path.join(tmp, 'strokes.json'),
  outside: path.join(tmp, 'outside.json'),
  broken: path.join(tmp, 'broken.json'),
};

async function setup(): Promise<void> {
  const strokes = strokesFromJson(JSON_TEXT, W, H);
  await writeImage(files.gray, gray);
  await writeImage(files.colourGray, scene(W, H, 4));
  await writeImage(files.marked, markedImage(gray, strokes));
  await writeImage(files.smallMarked, createImage(W - 8, H, 3));
  const mask = createImage(W, H, 1);
  for (let i = 0; i < W * H; i++) mask.channels[0][i] = strokes.mask[i];
  await writeImage(files.mask, mask);
  mask.channels[0][0] = 0.5;
  await writeImage(files.grayMask, mask);
  await writeImage(files.colors, strokes.colors);
  writeFileSync(files.strokes, JSON_TEXT);
  writeFileSync(
    files.outside,
    JSON.stringify({
      strokes: [
        {
          points: [
            [4, 4],
            [60, 20],
          ],
          color: '#c04020',
        },
      ],
    }),
  );
  writeFileSync(files.broken, '{"strokes": [ {"points": ');
}

const ready = setup();

async function expectFailure(args: string[], code: number, pattern: RegExp): Promise<void> {
  await ready;
  const out = path.join(tmp, `fail-${Math.random().toString(36).slice(2)}.png`);
  const r = await runCli(['scribble', ...args, '-o', out]);
  assert.equal(r.code, code, r.stderr);
  assert.match(r.stderr, pattern);
  assert.equal(existsSync(out), false, 'no output file on failure');
  assert.deepEqual(
    readdirSync(tmp).filter((f) => f.includes('.tmp-')),
    [],
    'no temporary files left',
  );
}

describe('colorize scribble', () => {
  it('gives the same image from the three stroke forms, with the gray as luminance', async () => {
    await ready;
    const outs = ['a', 'b', 'c'].map((k) => path.join(tmp, `${k}.png`));
    const runs = await Promise.all([
      runCli(['scribble', files.gray, files.marked, '-o', outs[0]]),
      runCli(['scribble', files.gray, '--mask', files.mask, '--colors', files.colors, '-o', outs[1]]),
      runCli(['scribble', files.gray, '--strokes', files.strokes, '-o', outs[2]]),
    ]);
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const imgs = await Promise.all(outs.map((o) => readImage(o)));
    for (const im of imgs.slice(1))
      for (let c = 0; c < 3; c++) assert.deepEqual(im.image.channels[c], imgs[0].image.channels[c]);
    const Y = lumaOf(imgs[0].image);
    for (let i = 0; i < Y.length; i++) assert.ok(Math.abs(Y[i] - gray.channels[0][i]) < 1.5 / 255);
  });

  it('reduces a colour GRAY image to its luminance and says so', async () => {
    await ready;
    const out = path.join(tmp, 'from-colour.png');
    const r = await runCli([
      'scribble',
      files.colourGray,
      files.marked,
      '-o',
      out,
      '--method',
      'poisson',
      '--space',
      'yiq',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /colour image; using its luminance/);
    assert.ok(existsSync(out));
  });

  it('rejects a marked image of another size', () =>
    expectFailure(
      [files.gray, files.smallMarked],
      1,
      /small_marked\.png: the marked image is 40×36 but the gray image is 48×36/,
    ));
  it('rejects a marked image without strokes', () =>
    expectFailure([files.gray, files.gray], 1, /no strokes found/));
  it('rejects strokes outside the image', () =>
    expectFailure(
      [files.gray, '--strokes', files.outside],
      1,
      /outside\.json: stroke 0 has point \(60, 20\) outside the 48×36 image/,
    ));
  it('rejects a mask that is not binary', () =>
    expectFailure(
      [files.gray, '--mask', files.grayMask, '--colors', files.colors],
      1,
      /gray_mask\.png: the mask is not binary/,
    ));
  it('rejects JSON that does not parse', () =>
    expectFailure([files.gray, '--strokes', files.broken], 1, /broken\.json is not valid JSON/));
  it('usage errors exit 2', async () => {
    await expectFailure([files.gray], 2, /needs one of the inputs MARKED or --strokes or --mask/);
    await expectFailure([files.gray, files.marked, '--strokes', files.strokes], 2, /one form only/);
    await expectFailure(
      [files.gray, files.marked, '--method', 'magic'],
      2,
      /option "method" = "magic" is invalid/,
    );
    await expectFailure(
      [files.gray, files.marked, '--poisson-output', 'raw'],
      2,
      /--poisson-output belongs to --method poisson, not levin/,
    );
    await expectFailure(
      [files.gray, files.marked, '--method', 'poisson', '--poisson-output', 'merged'],
      2,
      /option --poisson-output = "merged" is invalid: expected one of finished, raw/,
    );
  });

  it('--poisson-output raw writes the merged RGB of eq. 7, luminance drift and all', async () => {
    await ready;
    const outs = ['raw', 'finished'].map((k) => path.join(tmp, `poisson-${k}.png`));
    const runs = await Promise.all(
      outs.map((o, k) =>
        runCli([
          'scribble',
          files.gray,
          '--strokes',
          files.strokes,
          '-o',
          o,
          '--method',
          'poisson',
          ...(k === 0 ? ['--poisson-output', 'raw'] : []),
        ]),
      ),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    assert.match(runs[0].stderr, /poisson raw RGB \(yuv\)/);
    const [raw, finished, g] = await Promise.all([...outs, files.gray].map((f) => readImage(f)));
    const G = g.image;
    const want = colorizePoisson(G, strokesFromJson(JSON_TEXT, W, H), { output: 'raw' }).rgb;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < W * H; i++)
        assert.ok(
          Math.abs(raw.image.channels[c][i] - want.channels[c][i]) <= 0.51 / 255,
          `channel ${c} pixel ${i}`,
        );
    // The stroke (#c04020, luma 0.387) lifts or lowers the luminance; the finished output keeps the gray.
    const Yraw = lumaOf(raw.image);
    const Yfin = lumaOf(finished.image);
    let drift = 0;
    let kept = 0;
    for (let i = 0; i < W * H; i++) {
      drift = Math.max(drift, Math.abs(Yraw[i] - G.channels[0][i]));
      kept = Math.max(kept, Math.abs(Yfin[i] - G.channels[0][i]));
    }
    assert.ok(drift > 10 / 255, `raw luminance drift ${drift * 255} levels`);
    assert.ok(kept <= 1.5 / 255, `finished luminance off by ${kept * 255} levels`);
  });

  it('colorizes a real scribble pair end to end', async () => {
    const out = path.join(tmp, 'baby.png');
    const grayFile = dataPath('scribbles', 'levin_baby_gray.png');
    const markedFile = dataPath('scribbles', 'levin_baby_marked.png');
    const r = await runCli(['scribble', grayFile, markedFile, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /levin \(levin system, yuv\), \d+ stroke pixels/);
    const [res, g, m] = await Promise.all([readImage(out), readImage(grayFile), readImage(markedFile)]);
    assert.equal(res.image.channels.length, 3);
    const Y = lumaOf(res.image);
    let maxY = 0;
    for (let i = 0; i < Y.length; i++) maxY = Math.max(maxY, Math.abs(Y[i] - g.image.channels[0][i]));
    assert.ok(maxY <= 1.5 / 255, `luminance off by ${maxY * 255} levels`);
    // The result carries the strokes' hue: mean chroma over stroke pixels within 8-bit noise.
    const got = rgbToLumaChroma(res.image, 'yuv').channels;
    const want = rgbToLumaChroma(m.image, 'yuv').channels;
    let err = 0;
    let count = 0;
    const G = g.image.channels[0];
    for (let i = 0; i < Y.length; i++) {
      const d =
        Math.abs(m.image.channels[0][i] - G[i]) +
        Math.abs(m.image.channels[1][i] - G[i]) +
        Math.abs(m.image.channels[2][i] - G[i]);
      if (d <= 0.01) continue;
      err += Math.abs(got[1][i] - want[1][i]) + Math.abs(got[2][i] - want[2][i]);
      count++;
    }
    assert.ok(count > 10000);
    assert.ok(err / count < 0.02, `mean chroma error at strokes ${err / count}`);
  });
});
