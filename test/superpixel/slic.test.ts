import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createImage } from '../../src/image/image.js';
import { enforceConnectivity } from '../../src/segment/connectivity.js';
import { defaultSegmentCount, slic } from '../../src/segment/slic.js';
import { syntheticRgb } from '../helpers/images.js';

/** Number of 4-connected components of each label; every label must have exactly one. */
function componentsPerLabel(labels: Int32Array, W: number, H: number): Map<number, number> {
  const seen = new Uint8Array(W * H);
  const comps = new Map<number, number>();
  const stack: number[] = [];
  for (let s = 0; s < W * H; s++) {
    if (seen[s]) continue;
    const l = labels[s];
    comps.set(l, (comps.get(l) ?? 0) + 1);
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % W;
      for (const q of [x > 0 ? p - 1 : -1, x < W - 1 ? p + 1 : -1, p - W, p + W]) {
        if (q < 0 || q >= W * H || seen[q] || labels[q] !== l) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
  }
  return comps;
}

test('slic: every label is one connected region and labels are 0…count−1', () => {
  const img = syntheticRgb(120, 90, 3);
  const sp = slic(img, { segments: 60 });
  const comps = componentsPerLabel(sp.labels, 120, 90);
  assert.equal(comps.size, sp.count);
  for (const [l, c] of comps) {
    assert.ok(l >= 0 && l < sp.count);
    assert.equal(c, 1, `label ${l} has ${c} components`);
  }
});

test('slic: sensible segment count (default 3⌊√(HW)⌋)', () => {
  const img = syntheticRgb(96, 64, 5);
  const want = defaultSegmentCount(96, 64);
  assert.equal(want, 3 * 78);
  const sp = slic(img);
  assert.ok(sp.count > 0.5 * want && sp.count < 1.5 * want, `count ${sp.count} vs ${want}`);
});

test('slic: two flat halves never share a superpixel (gray and colour)', () => {
  for (const channels of [1, 3]) {
    const W = 64;
    const H = 48;
    const img = createImage(W, H, channels);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) for (const p of img.channels) p[y * W + x] = x < 27 ? 0.2 : 0.8;
    const sp = slic(img, { segments: 24 });
    const side = new Map<number, boolean>();
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const l = sp.labels[y * W + x];
        const left = x < 27;
        if (side.has(l))
          assert.equal(side.get(l), left, `label ${l} straddles the edge (channels ${channels})`);
        side.set(l, left);
      }
  }
});

test('enforceConnectivity: splits disconnected pieces and merges fragments below minSize', () => {
  // 4 × 3: label 7 occurs in two separate places; label 9 is a single pixel.
  const labels = Int32Array.of(7, 7, 3, 7, 7, 9, 3, 3, 3, 3, 3, 3);
  const count = enforceConnectivity(labels, 4, 3, 2);
  assert.equal(count, 2); // {7-block + lone 9} and {3s + right-hand 7}
  // The lone 9 (index 5) joins its left neighbour's label; the right-hand 7 (index 3) joins 3.
  assert.equal(labels[5], labels[4]);
  assert.equal(labels[3], labels[2]);
  const comps = componentsPerLabel(labels, 4, 3);
  for (const c of comps.values()) assert.equal(c, 1);
});
