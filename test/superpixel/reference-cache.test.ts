/**
 * The superpixel method keeps the reference's side (resize, SLIC, VGG features, super-features,
 * mean colours) between calls, for clips coloured frame by frame from one reference (issue 19):
 * a frame coloured with the reference side of an earlier call is bit-identical to the same frame
 * coloured from scratch, and a reference changed in place is not taken for the old one.
 * Real photos: two crops of val/bsds500_100039 (gray) and the photo as reference.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { fromPlanes, type ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import {
  clearSuperpixelReferenceCache,
  superpixelColorize,
} from '../../src/methods/exemplar/superpixel/pipeline.js';
import { dataPath } from '../helpers/shared.js';

function grayCrop(photo: ImageF32, x0: number, y0: number, w: number, h: number): ImageF32 {
  const l = lumaOf(photo);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = l[(y0 + y) * photo.width + x0 + x];
  return fromPlanes(w, h, [out]);
}

const same = (a: ImageF32, b: ImageF32) =>
  a.channels.every((p, c) => p.length === b.channels[c].length && p.every((v, i) => v === b.channels[c][i]));

describe('superpixel: the reference side kept between calls', () => {
  it('a warm call equals a cold one; a reference changed in place is recomputed', async () => {
    const photo = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
    const ref = fromPlanes(
      photo.width,
      photo.height,
      photo.channels.map((p) => p.slice()),
    );
    const a = grayCrop(photo, 10, 10, 160, 120);
    const b = grayCrop(photo, 14, 10, 160, 120);
    const o = { workingSize: 96 };
    clearSuperpixelReferenceCache();
    await superpixelColorize(a, ref, o); // fills the cache
    const warm = await superpixelColorize(b, ref, o);
    assert.equal(clearSuperpixelReferenceCache(), 1);
    const cold = await superpixelColorize(b, ref, o);
    assert.ok(same(warm.rgb, cold.rgb), 'the frame coloured with the kept reference side differs');
    // Change the reference in place: the kept side must not be used for it.
    for (const p of ref.channels) for (let i = 0; i < p.length; i += 2) p[i] = 1 - p[i];
    const changed = await superpixelColorize(b, ref, o);
    clearSuperpixelReferenceCache();
    const changedCold = await superpixelColorize(b, ref, o);
    assert.ok(same(changed.rgb, changedCold.rgb));
    assert.ok(!same(changed.rgb, cold.rgb), 'the changed reference gave the old colours');
  });
});
