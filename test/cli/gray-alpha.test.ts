/**
 * Gray + alpha input keeps its alpha (issue 21): readImage, the scribble and auto commands, and
 * over HTTP levin and superpixel. The alpha written into the input file is the known answer.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { readImage } from '../../src/image/io.js';
import { runCli } from '../helpers/cli.js';
import { colourImage, form, png, type Running, startServer } from '../server/helpers.js';

const W = 64;
const H = 48;
const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-gray-alpha-'));
let s: Running;
/** Gray ramp (60 + 2x) with alpha 255 on the left half, 80 on the right, as 8-bit gray+alpha PNG. */
let grayAlpha: Buffer;
const alphaAt = (i: number) => (i % W < W / 2 ? 255 : 80);

before(async () => {
  const ga = Buffer.alloc(W * H * 2);
  for (let i = 0; i < W * H; i++) {
    ga[2 * i] = 60 + (i % W) * 2;
    ga[2 * i + 1] = alphaAt(i);
  }
  grayAlpha = await sharp(ga, { raw: { width: W, height: H, channels: 2 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
  assert.equal((await sharp(grayAlpha).metadata()).channels, 2, 'the fixture is a 2-channel PNG');
  writeFileSync(path.join(tmp, 'ga.png'), grayAlpha);
  s = await startServer({ concurrency: 1 });
});
after(async () => {
  await s.app.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Asserts that an encoded image has 4 channels and exactly the fixture's alpha. */
async function assertAlphaKept(data: Buffer, what: string): Promise<void> {
  const { data: px, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  assert.equal(info.channels, 4, `${what}: RGBA out`);
  for (let i = 0; i < W * H; i++) assert.equal(px[4 * i + 3], alphaAt(i), `${what}: alpha of pixel ${i}`);
}

describe('gray + alpha input keeps its alpha', () => {
  test('readImage: one gray channel and the alpha plane', async () => {
    const d = await readImage(grayAlpha);
    assert.equal(d.image.channels.length, 1);
    assert.equal(d.isGray, true);
    assert.equal(Math.round(d.image.channels[0][10] * 255), 80);
    assert.equal(Math.round(d.alpha![10] * 255), 255);
    assert.equal(Math.round(d.alpha![W - 1] * 255), 80);
  });

  test('colorize scribble and colorize auto', async () => {
    const strokes = path.join(tmp, 'strokes.json');
    writeFileSync(
      strokes,
      JSON.stringify({
        strokes: [
          {
            points: [
              [4, 4],
              [4, 40],
            ],
            width: 3,
            color: '#c04020',
          },
        ],
      }),
    );
    const outS = path.join(tmp, 'scribble.png');
    const r1 = await runCli(['scribble', path.join(tmp, 'ga.png'), '--strokes', strokes, '-o', outS]);
    assert.equal(r1.code, 0, r1.stderr);
    await assertAlphaKept(await sharp(outS).toBuffer(), 'scribble');
    const outA = path.join(tmp, 'auto.png');
    const r2 = await runCli(['auto', path.join(tmp, 'ga.png'), '-o', outA, '--method', 'cnn']);
    assert.equal(r2.code, 0, r2.stderr);
    await assertAlphaKept(await sharp(outA).toBuffer(), 'auto');
  });

  test('HTTP levin and superpixel', async () => {
    const gray = new Blob([new Uint8Array(grayAlpha)], { type: 'image/png' });
    const strokes = JSON.stringify({
      strokes: [
        {
          points: [
            [4, 4],
            [4, 40],
          ],
          width: 3,
          color: '#c04020',
        },
      ],
    });
    const levin = await fetch(`${s.base}/v1/colorize/levin`, {
      method: 'POST',
      body: form({ gray, strokes }),
    });
    assert.equal(levin.status, 200, await levin.clone().text());
    await assertAlphaKept(Buffer.from(await levin.arrayBuffer()), 'levin');
    const sp = await fetch(`${s.base}/v1/colorize/superpixel`, {
      method: 'POST',
      body: form({ target: gray, reference: await png(colourImage(W, H)) }),
    });
    assert.equal(sp.status, 200, await sp.clone().text());
    await assertAlphaKept(Buffer.from(await sp.arrayBuffer()), 'superpixel');
  });
});
