import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { ColorizeError } from '../../src/errors.js';
import { createImage, fromPlanes } from '../../src/image/image.js';
import { encodeImage, readImage, writeImage } from '../../src/image/io.js';
import { syntheticRgb } from '../helpers/images.js';
import { dataPath } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-io-'));
const f = (name: string) => path.join(tmp, name);

async function rejectsWith(p: Promise<unknown>, re: RegExp, kind?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ColorizeError, `expected ColorizeError, got ${e}`);
    assert.match(e.message, re);
    if (kind) assert.equal(e.kind, kind);
    return true;
  });
}

describe('image I/O', () => {
  it('round-trips 8-bit PNG exactly and reads shared JPEG/PNG photos', async () => {
    const img = syntheticRgb(33, 17);
    await writeImage(f('a.png'), img);
    const back = await readImage(f('a.png'));
    assert.equal(back.bitDepth, 8);
    assert.equal(back.isGray, false);
    for (let k = 0; k < 3; k++)
      for (let i = 0; i < img.channels[k].length; i++)
        assert.equal(Math.round(back.image.channels[k][i] * 255), Math.round(img.channels[k][i] * 255));
    const jpg = await readImage(dataPath('val', 'bsds500_100007.jpg'));
    assert.equal(jpg.format, 'jpeg');
    assert.equal(jpg.image.channels.length, 3);
    assert.equal(jpg.image.width * jpg.image.height, 481 * 321);
    const gray = await readImage(dataPath('exemplar', '002_target.png'));
    assert.equal(gray.isGray, true);
    assert.equal(gray.storedAsRgb, false);
    assert.equal(gray.image.channels.length, 1);
  });

  it('keeps 16-bit samples in PNG and TIFF, and writes 16-bit when asked', async () => {
    const w = 5;
    const raw = new Uint16Array(w * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 4099 + 17) % 65536;
    for (const ext of ['png', 'tif']) {
      const file = f(`deep.${ext}`);
      await sharp(raw, { raw: { width: w, height: 1, channels: 3 } })
        .toColourspace('rgb16')
        .toFormat(ext === 'png' ? 'png' : 'tiff', { compression: 'lzw' } as never)
        .toFile(file);
      const d = await readImage(file);
      assert.equal(d.bitDepth, 16, ext);
      for (let x = 0; x < w; x++)
        for (let k = 0; k < 3; k++) assert.equal(Math.round(d.image.channels[k][x] * 65535), raw[x * 3 + k]);
      const out = f(`deep-out.${ext}`);
      await writeImage(out, d.image, { bitDepth: 16 });
      const meta = await sharp(out).metadata();
      assert.equal(meta.depth, 'ushort', ext);
      const d2 = await readImage(out);
      for (let x = 0; x < w; x++)
        for (let k = 0; k < 3; k++) assert.equal(Math.round(d2.image.channels[k][x] * 65535), raw[x * 3 + k]);
    }
  });

  it('reads WebP, TIFF, AVIF; an animated GIF or multi-page TIFF is refused with a hint, or its first frame read on request', async () => {
    const img = syntheticRgb(24, 16);
    for (const fmt of ['webp', 'tiff', 'avif', 'gif'] as const) {
      const raw = Buffer.from((await encodeImage(img, 'png')) as Uint8Array);
      const file = f(`x.${fmt}`);
      await sharp(raw).toFormat(fmt).toFile(file);
      const d = await readImage(file);
      assert.equal(d.image.width, 24, fmt);
      assert.equal(d.image.height, 16, fmt);
      assert.equal(d.image.channels.length, 3, fmt);
    }
    // Animated GIF: frame 0 is red, frame 1 blue; we must get red.
    const frames = Buffer.alloc(2 * 4 * 4 * 3);
    for (let i = 0; i < 16; i++) {
      frames[i * 3] = 255;
      frames[48 + i * 3 + 2] = 255;
    }
    await sharp(frames, { raw: { width: 4, height: 8, channels: 3, pageHeight: 4 } } as never)
      .gif()
      .toFile(f('anim.gif'));
    await assert.rejects(readImage(f('anim.gif')), /anim\.gif: has 2 frames .*extract the frames first/);
    const g = await readImage(f('anim.gif'), { firstFrame: true });
    assert.equal(g.image.height, 4);
    assert.equal(g.frames, 2);
    assert.ok(g.image.channels[0][0] > 0.9 && g.image.channels[2][0] < 0.1);
    await sharp(frames, { raw: { width: 4, height: 8, channels: 3, pageHeight: 4 } } as never)
      .tiff()
      .toFile(f('pages.tif'));
    await assert.rejects(readImage(f('pages.tif')), /pages\.tif: has 2 frames/);
  });

  it('applies EXIF orientation', async () => {
    const img = syntheticRgb(30, 10);
    const png = await encodeImage(img, 'png');
    await sharp(png).jpeg().withMetadata({ orientation: 6 }).toFile(f('rot.jpg'));
    const sizes: number[][] = [];
    const d = await readImage(f('rot.jpg'), { onSize: (w, h) => sizes.push([w, h]) });
    assert.equal(d.image.width, 10);
    assert.equal(d.image.height, 30);
    // onSize is told the size after rotation, before the pixels are decoded; not for a refused file.
    assert.deepEqual(sizes, [[10, 30]]);
    await readImage(f('rot.jpg'), { maxPixels: 100, onSize: (w, h) => sizes.push([w, h]) }).catch(() => {});
    assert.equal(sizes.length, 1);
  });

  it('converts an embedded ICC profile (Display P3) to sRGB', async () => {
    const px = Buffer.from([200, 30, 40, 30, 180, 60, 20, 60, 220]);
    await sharp(px, { raw: { width: 3, height: 1, channels: 3 } })
      .withIccProfile('p3')
      .png()
      .toFile(f('p3.png'));
    const stored = await sharp(f('p3.png'), { ignoreIcc: true } as never)
      .raw()
      .toBuffer();
    assert.ok(Math.abs(stored[0] - 200) > 5, 'pixels are stored in P3');
    const d = await readImage(f('p3.png'));
    for (let i = 0; i < 9; i++) {
      const v = Math.round(d.image.channels[i % 3][Math.floor(i / 3)] * 255);
      assert.ok(Math.abs(v - px[i]) <= 3, `sample ${i}: ${v} vs ${px[i]}`);
    }
  });

  it('passes alpha through untouched, 8- and 16-bit', async () => {
    const img = syntheticRgb(6, 4);
    const alpha = new Float32Array(24).map((_, i) => (i * 11) / 255);
    await writeImage(f('alpha.png'), img, { alpha });
    const d = await readImage(f('alpha.png'));
    assert.ok(d.alpha);
    for (let i = 0; i < 24; i++) assert.equal(Math.round(d.alpha![i] * 255), i * 11);
    await writeImage(f('alpha16.png'), d.image, { alpha: d.alpha, bitDepth: 16 });
    const d16 = await readImage(f('alpha16.png'));
    assert.equal(d16.bitDepth, 16);
    for (let i = 0; i < 24; i++) assert.equal(Math.round(d16.alpha![i] * 255), i * 11);
  });

  it('recognises gray stored as RGB, and keeps colour when there is colour', async () => {
    const g = createImage(8, 8, 1);
    g.channels[0].forEach((_, i, p) => {
      p[i] = i / 64;
    });
    const rgb = fromPlanes(8, 8, [g.channels[0].slice(), g.channels[0].slice(), g.channels[0].slice()]);
    await writeImage(f('grayrgb.jpg'), rgb);
    const d = await readImage(f('grayrgb.jpg'));
    assert.equal(d.isGray, true);
    assert.equal(d.storedAsRgb, true);
    assert.equal(d.image.channels.length, 1);
    const c = await readImage(dataPath('val', 'curban100_img_092.png')); // toned, just above the threshold
    assert.equal(c.isGray, false);
  });

  it('writes the format named by the extension, 8-bit for JPEG/WebP even from 16-bit input', async () => {
    const img = syntheticRgb(8, 8);
    for (const [ext, fmt] of [
      ['png', 'png'],
      ['jpg', 'jpeg'],
      ['jpeg', 'jpeg'],
      ['webp', 'webp'],
      ['tiff', 'tiff'],
    ]) {
      await writeImage(f(`out.${ext}`), img, { bitDepth: 16 });
      const m = await sharp(f(`out.${ext}`)).metadata();
      assert.equal(m.format, fmt);
      if (fmt === 'jpeg' || fmt === 'webp') assert.equal(m.depth, 'uchar');
    }
    await rejectsWith(writeImage(f('out.bmp'), img), /cannot tell the output format.*\.bmp/, 'usage');
  });

  it('fails clearly on bad input, naming the file', async () => {
    await rejectsWith(readImage(f('missing.png')), /missing\.png: file not found/, 'io');
    writeFileSync(f('empty.png'), '');
    await rejectsWith(readImage(f('empty.png')), /empty\.png: empty file/);
    writeFileSync(f('text.png'), 'this is not an image');
    await rejectsWith(readImage(f('text.png')), /text\.png: not an image/);
    const jpg = readFileSync(dataPath('val', 'bsds500_100007.jpg'));
    writeFileSync(f('trunc.jpg'), jpg.subarray(0, jpg.length >> 1));
    await rejectsWith(readImage(f('trunc.jpg')), /trunc\.jpg: truncated or corrupt/);
    await rejectsWith(
      readImage(dataPath('val', 'bsds500_100007.jpg'), { maxPixels: 1000 }),
      /481×321 = 154401 pixels \(0\.2 MP\) exceeds the pixel limit of 1000 pixels \(0\.0 MP\)/,
    );
    // A PNG whose header claims 0×0 pixels.
    const png = Buffer.from(await encodeImage(syntheticRgb(2, 2), 'png'));
    png.writeUInt32BE(0, 16);
    png.writeUInt32BE(0, 20);
    writeFileSync(f('zero.png'), png);
    await rejectsWith(readImage(f('zero.png')), /zero\.png: /);
    await rejectsWith(readImage(tmp), /is a folder/, 'io');
  });

  it('writes atomically: no file and no temporary left when the folder is missing or encoding fails', async () => {
    await rejectsWith(
      writeImage(path.join(tmp, 'nope', 'x.png'), syntheticRgb(4, 4)),
      /does not exist/,
      'io',
    );
    const before = readdirSync(tmp).length;
    await assert.rejects(
      writeImage(f('bad.png'), { width: 2, height: 2, channels: [new Float32Array(4), new Float32Array(4)] }),
    );
    assert.equal(readdirSync(tmp).length, before);
    assert.ok(!readdirSync(tmp).some((n) => n.includes('.tmp-')));
  });
});
