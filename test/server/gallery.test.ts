/**
 * The gallery as an input of every method with a reference (issue 17): `colorize serve --gallery
 * DIR` lists its photos and thumbnails, and `gallery=auto|NAME` stands in for the reference over
 * HTTP; `--gallery DIR` does the same on the command line for transfer methods. Real photos from
 * ../shared/data/exemplar (shrunk copies in a temporary folder).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { fromPlanes } from '../../src/image/image.js';
import { readImage, writeImage } from '../../src/image/io.js';
import { findModelFile } from '../../src/models/locate.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';
import { decodeResponse, form, png, type Running, startServer } from './helpers.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';
const PHOTOS = ['002_reference.png', '004_reference.png', '006_reference.png'];
const work = mkdtempSync(path.join(tmpdir(), 'colorize-gallery-'));
const galleryDir = path.join(work, 'gallery');

describe('a gallery instead of a reference', { skip }, () => {
  let s: Running;
  let noGallery: Running;
  let target: Blob;
  before(async () => {
    mkdirSync(galleryDir, { recursive: true });
    for (const name of PHOTOS)
      await sharp(dataPath('exemplar', name))
        .resize(160, 160, { fit: 'inside' })
        .toFile(path.join(galleryDir, name));
    // The target: the luma of one gallery photo, whose nearest gallery image must be itself.
    const own = (await readImage(path.join(galleryDir, '006_reference.png'))).image;
    const gray = fromPlanes(own.width, own.height, [lumaOf(own)]);
    await writeImage(path.join(work, 'target.png'), gray);
    target = await png(gray);
    s = await startServer({ gallery: galleryDir });
    noGallery = await startServer();
  });
  after(async () => {
    await s?.app.close();
    await noGallery?.app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('GET /v1/gallery lists the photos with their sizes, /v1/gallery/{name} a JPEG thumbnail', async () => {
    const list = (await (await fetch(`${s.base}/v1/gallery`)).json()) as {
      images: Array<{ name: string; width: number; height: number }>;
    };
    assert.deepEqual(
      list.images.map((i) => i.name),
      PHOTOS,
    );
    for (const i of list.images) assert.ok(Math.max(i.width, i.height) === 160, JSON.stringify(i));
    const thumb = await fetch(`${s.base}/v1/gallery/${PHOTOS[0]}`);
    assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    assert.ok(meta.format === 'jpeg' && Math.max(meta.width!, meta.height!) <= 256);
    assert.equal((await fetch(`${s.base}/v1/gallery/nope.png`)).status, 404);
    assert.deepEqual(await (await fetch(`${noGallery.base}/v1/gallery`)).json(), { images: [] });
  });

  it('the methods with a reference list the gallery input', async () => {
    const { methods } = (await (await fetch(`${s.base}/v1/methods`)).json()) as {
      methods: Array<{ name: string; inputs: Array<{ name: string; kind: string }>; oneOf?: string[][] }>;
    };
    for (const m of methods) {
      const hasRef = m.inputs.some((i) => i.name === 'reference');
      assert.equal(
        m.inputs.some((i) => i.kind === 'gallery'),
        hasRef,
        m.name,
      );
      // fuse takes a reference as one optional hint among others (issue 18): no oneOf group.
      if (hasRef && m.name !== 'fuse')
        assert.ok(
          m.oneOf?.some((g) => g.includes('reference') && g.includes('gallery')),
          m.name,
        );
    }
  });

  it('gallery=auto picks the nearest photo (the target’s own) and says which; gallery=NAME uses that one', async () => {
    const auto = await fetch(`${s.base}/v1/colorize/welsh`, {
      method: 'POST',
      body: form({ target, gallery: 'auto', samples: 50 }),
    });
    assert.equal(auto.status, 200, await auto.clone().text());
    assert.match(
      decodeURIComponent(auto.headers.get('x-colorize-notices') ?? ''),
      /reference: gallery image 006_reference\.png \(nearest/,
    );
    const named = await fetch(`${s.base}/v1/colorize/welsh`, {
      method: 'POST',
      body: form({ target, gallery: '002_reference.png', samples: 50 }),
    });
    assert.equal(named.status, 200);
    assert.match(
      decodeURIComponent(named.headers.get('x-colorize-notices') ?? ''),
      /gallery image 002_reference\.png/,
    );
    // Different references, different colours.
    const [a, b] = [(await decodeResponse(auto)).image, (await decodeResponse(named)).image];
    let d = 0;
    for (let i = 0; i < a.channels[0].length; i++) d += Math.abs(a.channels[0][i] - b.channels[0][i]);
    assert.ok(d / a.channels[0].length > 0.005, `${d}`);
  });

  it('a name not in the gallery, both a reference and a gallery, or a server without one: 400 naming the problem', async () => {
    const bad = await fetch(`${s.base}/v1/colorize/welsh`, {
      method: 'POST',
      body: form({ target, gallery: 'x.png' }),
    });
    assert.equal(bad.status, 400);
    assert.match(
      ((await bad.json()) as { message: string }).message,
      /no colour image called "x\.png"; the gallery has 002_reference\.png/,
    );
    const both = await fetch(`${s.base}/v1/colorize/welsh`, {
      method: 'POST',
      body: form({ target, reference: target, gallery: 'auto' }),
    });
    assert.equal(both.status, 400);
    const none = await fetch(`${noGallery.base}/v1/colorize/welsh`, {
      method: 'POST',
      body: form({ target, gallery: 'auto' }),
    });
    assert.equal(none.status, 400);
    assert.match(((await none.json()) as { message: string }).message, /this server has no gallery/);
  });

  it('colorize transfer --gallery DIR (a transfer method, not only exemplar ones) uses the nearest photo', async () => {
    const out = path.join(work, 'out.png');
    const r = await runCli([
      'transfer',
      path.join(work, 'target.png'),
      '--gallery',
      galleryDir,
      '--index',
      path.join(work, 'g.idx'),
      '--top-k',
      '2',
      '--method',
      'histogram',
      '-o',
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1\.\s+[\d.]+\s+\S*006_reference\.png/);
    assert.equal((await readImage(out)).image.channels.length, 3);
  });
});
