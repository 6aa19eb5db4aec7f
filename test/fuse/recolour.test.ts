/**
 * Local re-colouring (issue 18): strokes on a colour photo change it near them, the rest keeps its
 * colour within ΔE00 ≤ 1 beyond a set distance from every stroke (the distance computed here by
 * brute force) and outside the mask; a mask limits a transfer method to a region.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { srgbToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import '../../src/methods/builtin.js';
import { getMethod } from '../../src/methods/catalogue/catalogue.js';
import { validateOptions } from '../../src/methods/catalogue/options.js';
import { featheredMask } from '../../src/methods/catalogue/region.js';
import { recolourLocal } from '../../src/methods/fuse/fuse.js';
import { rasterizeStrokes } from '../../src/methods/scribbles/strokes.js';
import { ciede2000 } from '../../src/metrics/ciede2000.js';
import { dataPath } from '../helpers/shared.js';

async function photo(name: string, width: number): Promise<ImageF32> {
  const src = (await readImage(dataPath('val', name))).image;
  return resizeImage(src, width, Math.round((src.height * width) / src.width), 'area');
}

function deltaE(a: ImageF32, b: ImageF32, i: number): number {
  const p = srgbToLab(a.channels[0][i], a.channels[1][i], a.channels[2][i]);
  const q = srgbToLab(b.channels[0][i], b.channels[1][i], b.channels[2][i]);
  return ciede2000(p[0], p[1], p[2], q[0], q[1], q[2]);
}

/** Euclidean distance of every pixel to the nearest stroke pixel, by brute force. */
function bruteDistance(mask: Uint8Array, W: number, H: number): Float64Array {
  const seeds: Array<[number, number]> = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) seeds.push([i % W, Math.floor(i / W)]);
  const d = new Float64Array(W * H);
  for (let i = 0; i < d.length; i++) {
    const x = i % W;
    const y = Math.floor(i / W);
    let best = Number.POSITIVE_INFINITY;
    for (const [sx, sy] of seeds) best = Math.min(best, Math.hypot(x - sx, y - sy));
    d[i] = best;
  }
  return d;
}

test('re-colouring: strokes change the photo near them; beyond 6σ and outside the mask ΔE00 ≤ 1', async () => {
  const img = await photo('bsds500_100039.jpg', 160);
  const { width: W, height: H } = img;
  const blue: [number, number, number] = [0.15, 0.3, 0.85];
  const strokes = rasterizeStrokes([{ points: [30, 30, 50, 34], radius: 1.5, rgb: blue }], W, H);
  const sigma = 6;
  const out = recolourLocal(img, strokes, { strokeSigma: sigma });
  const dist = bruteDistance(strokes.mask, W, H);
  let far = 0;
  let worstFar = 0;
  let nearChanged = 0;
  let near = 0;
  for (let i = 0; i < W * H; i++) {
    const e = deltaE(out, img, i);
    if (dist[i] > 6 * sigma) {
      far++;
      worstFar = Math.max(worstFar, e);
    } else if (dist[i] <= 2 && !strokes.mask[i]) {
      near++;
      if (e > 5) nearChanged++;
    }
  }
  assert.ok(far > W * H * 0.5, `${far} far pixels`);
  assert.ok(worstFar <= 1, `far from the strokes ΔE00 up to ${worstFar.toFixed(3)}`);
  assert.ok(
    nearChanged > 0.5 * near,
    `${nearChanged} of ${near} pixels next to the stroke changed by ΔE00 > 5`,
  );
  // Luma kept everywhere; the stroke pixels take the stroke's chroma.
  const y0 = lumaOf(img);
  const y1 = lumaOf(out);
  for (let i = 0; i < W * H; i++) assert.ok(Math.abs(y0[i] - y1[i]) < 2e-3, `luma at ${i}`);
  const k = strokes.mask.indexOf(1);
  assert.ok(out.channels[2][k] > out.channels[0][k] + 0.1, 'the stroke pixel is blue');

  // With a mask that leaves the strokes' surroundings out, they change nothing beyond the
  // feathered edge (3 feather σ) except the stroke pixels themselves.
  const mask = { width: W, height: H, channels: [new Float32Array(W * H)] };
  for (let y = 0; y < H; y++) for (let x = 100; x < W; x++) mask.channels[0][y * W + x] = 1;
  const feather = 3;
  const masked = recolourLocal(img, strokes, {
    strokeSigma: 100,
    region: featheredMask(mask, W, H, feather),
  });
  let worstOutside = 0;
  let changedInside = 0;
  for (let i = 0; i < W * H; i++) {
    if (strokes.mask[i]) continue;
    const x = i % W;
    const e = deltaE(masked, img, i);
    if (x < 100 - 3 * feather) worstOutside = Math.max(worstOutside, e);
    else if (x >= 100 + 3 * feather && e > 1) changedInside++;
  }
  assert.ok(worstOutside <= 1, `outside the mask ΔE00 up to ${worstOutside.toFixed(3)}`);
  assert.ok(changedInside > 100, `${changedInside} pixels changed inside the mask`);
});

test('a mask limits a transfer method to a region: the target kept outside, the result inside', async () => {
  const target = await photo('bsds500_100039.jpg', 120);
  const reference = await photo('bsds500_100007.jpg', 120);
  const { width: W, height: H } = target;
  const mask = { width: W, height: H, channels: [new Float32Array(W * H)] };
  for (let y = 0; y < H; y++) for (let x = 0; x < 60; x++) mask.channels[0][y * W + x] = 1;
  const m = getMethod('reinhard');
  assert.ok(m.inputs.some((i) => i.name === 'mask'));
  const images = { target: { image: target, isGray: false }, reference: { image: reference, isGray: false } };
  const whole = (await m.run({ images, texts: {} }, validateOptions(m, {}), {})).rgb;
  const local = (
    await m.run(
      { images: { ...images, mask: { image: mask, isGray: true } }, texts: {} },
      validateOptions(m, { feather: 2 }),
      {},
    )
  ).rgb;
  let worstOut = 0;
  let worstIn = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (x >= 60 + 8) worstOut = Math.max(worstOut, deltaE(local, target, i));
      if (x < 60 - 8) worstIn = Math.max(worstIn, deltaE(local, whole, i));
    }
  assert.ok(worstOut <= 1, `outside: ΔE00 up to ${worstOut}`);
  assert.ok(worstIn <= 1, `inside: ΔE00 to the unmasked result up to ${worstIn}`);
  // And the method did change the inside.
  let moved = 0;
  for (let i = 0; i < W * H; i++) if (i % W < 50 && deltaE(local, target, i) > 2) moved++;
  assert.ok(moved > 500, `${moved} pixels changed inside`);
});
