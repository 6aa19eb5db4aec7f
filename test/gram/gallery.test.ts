import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { createImage, fromPlanes, type ImageF32 } from '../../src/image/image.js';
import { writeImage } from '../../src/image/io.js';
import { galleryDescriptor } from '../../src/methods/exemplar/gallery/descriptor.js';
import {
  indexGallery,
  rankGallery,
  readGalleryIndex,
} from '../../src/methods/exemplar/gallery/gallery-index.js';
import { findModelFile } from '../../src/models/locate.js';
import { runCli } from '../helpers/cli.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';

/** Four distinct colour pictures: horizontal stripes, vertical stripes, a disc, a diagonal ramp. */
function pictures(): ImageF32[] {
  const w = 96;
  const h = 72;
  const make = (fn: (x: number, y: number) => [number, number, number]) => {
    const im = createImage(w, h, 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = fn(x, y);
        for (let c = 0; c < 3; c++) im.channels[c][y * w + x] = v[c];
      }
    return im;
  };
  return [
    make((_x, y) => (Math.floor(y / 6) % 2 ? [0.9, 0.2, 0.1] : [0.1, 0.3, 0.8])),
    make((x) => (Math.floor(x / 6) % 2 ? [0.2, 0.8, 0.2] : [0.9, 0.9, 0.3])),
    make((x, y) => ((x - 48) ** 2 + (y - 36) ** 2 < 400 ? [1, 0.8, 0.1] : [0.1, 0.1, 0.4])),
    make((x, y) => [x / w, 0.5, y / h]),
  ];
}

test('gallery retrieval returns the picture the gray target was made from, from a cached index', {
  skip,
}, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-gallery-'));
  const pics = pictures();
  const files = pics.map((_, i) => path.join(dir, `g${i}.png`));
  for (let i = 0; i < pics.length; i++) await writeImage(files[i], pics[i]);
  const indexFile = path.join(dir, 'cache', 'gallery.idx');
  const first = await indexGallery(dir, files, { indexFile });
  assert.equal(first.described, 4);
  assert.ok(existsSync(indexFile));
  const again = await indexGallery(dir, files, { indexFile });
  assert.equal(again.described, 0); // unchanged files keep their descriptors
  assert.deepEqual(Array.from(again.index.data), Array.from(first.index.data));
  const loaded = await readGalleryIndex(indexFile);
  assert.equal(loaded?.entries.length, 4);
  for (let i = 0; i < pics.length; i++) {
    const gray = fromPlanes(pics[i].width, pics[i].height, [lumaOf(pics[i]).slice()]);
    const ranked = rankGallery(again.index, await galleryDescriptor(gray), 4);
    assert.equal(path.basename(ranked[0].file), `g${i}.png`);
    assert.ok(ranked[0].distance < ranked[1].distance);
  }
  // A gray copy of picture 0 sits nearest to its gray target, but is never offered as a reference.
  const grayFile = path.join(dir, 'g0_gray.png');
  await writeImage(grayFile, fromPlanes(pics[0].width, pics[0].height, [lumaOf(pics[0]).slice()]));
  const withGray = await indexGallery(dir, [...files, grayFile], { indexFile });
  assert.equal(withGray.described, 1);
  const ranked0 = rankGallery(
    withGray.index,
    await galleryDescriptor(fromPlanes(pics[0].width, pics[0].height, [lumaOf(pics[0]).slice()])),
    5,
  );
  assert.equal(ranked0.length, 4);
  assert.equal(path.basename(ranked0[0].file), 'g0.png');
  // Through the command line: --top-k lists, the nearest is used with every method.
  const target = path.join(dir, 'target.png');
  await writeImage(target, fromPlanes(96, 72, [lumaOf(pics[2]).slice()]));
  const gdir = path.join(dir, 'gallery');
  await import('node:fs/promises').then((fs) => fs.mkdir(gdir));
  for (let i = 0; i < pics.length; i++) await writeImage(path.join(gdir, `g${i}.png`), pics[i]);
  const out = path.join(dir, 'out.png');
  const r = await runCli([
    'exemplar',
    target,
    '--gallery',
    gdir,
    '--top-k',
    '3',
    '--index',
    indexFile,
    '-o',
    out,
    '--method',
    'welsh',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1\. +[\d.]+ +\S*g2\.png/);
  assert.equal(r.stdout.trim().split('\n').length, 4);
  assert.ok(existsSync(out));
});
