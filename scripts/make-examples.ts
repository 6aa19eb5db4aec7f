/**
 * Makes the project's own example images (no third-party pixels): a procedural landscape
 * `examples/scene.png` (colour, 384×256) and its Rec. 601 luma `examples/scene_gray.png`.
 * Run: `npx tsx scripts/make-examples.ts`. Deterministic.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lumaOf } from '../src/color/linear-spaces.js';
import { createImage } from '../src/image/image.js';
import { writeImage } from '../src/image/io.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const W = 384;
const H = 256;

function hash(x: number, y: number, seed: number): number {
  let h = (x * 374761393 + y * 668265263 + seed * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}
/** Value noise with octaves, in [0, 1]. */
function noise(x: number, y: number, seed: number, octaves = 4): number {
  let s = 0;
  let amp = 0.5;
  let f = 1;
  let norm = 0;
  for (let o = 0; o < octaves; o++) {
    const xf = x * f;
    const yf = y * f;
    const xi = Math.floor(xf);
    const yi = Math.floor(yf);
    const tx = smooth(xf - xi);
    const ty = smooth(yf - yi);
    const a = hash(xi, yi, seed + o);
    const b = hash(xi + 1, yi, seed + o);
    const c = hash(xi, yi + 1, seed + o);
    const d = hash(xi + 1, yi + 1, seed + o);
    s += amp * (a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty);
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return s / norm;
}
const mix = (a: number[], b: number[], t: number) => a.map((v, i) => v + (b[i] - v) * t);
const clamp = (v: number) => Math.min(1, Math.max(0, v));

const img = createImage(W, H, 3);
const [R, G, B] = img.channels;
const horizon = 150;
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const i = y * W + x;
    let c: number[];
    const ridgeFar = 95 + 30 * noise(x / 90, 0.5, 3, 5);
    const ridgeNear = 120 + 28 * noise(x / 60, 2.5, 7, 5);
    if (y < horizon) {
      const t = y / horizon;
      c = mix([0.16, 0.36, 0.78], [0.98, 0.7, 0.42], t ** 1.6);
      const sd = Math.hypot(x - 280, y - 70);
      if (sd < 18) c = [1, 0.93, 0.7];
      else c = mix(c, [1, 0.85, 0.55], Math.exp(-sd / 40) * 0.6);
      const cloud = noise(x / 70, y / 25, 11, 5);
      if (cloud > 0.58 && y < 90) c = mix(c, [0.97, 0.95, 0.93], Math.min(1, (cloud - 0.58) * 6));
      if (y > ridgeFar) c = mix([0.36, 0.42, 0.58], [0.44, 0.5, 0.62], noise(x / 20, y / 20, 5));
      if (y > ridgeNear) {
        const n = noise(x / 12, y / 12, 9);
        c = mix([0.12, 0.3, 0.1], [0.3, 0.45, 0.15], n);
      }
      // a red barn with a dark roof
      if (x > 70 && x < 120 && y > 125 && y < horizon) c = y < 133 ? [0.25, 0.2, 0.2] : [0.68, 0.13, 0.1];
    } else {
      // lake: reflection of the sky and hills, darker, with ripples
      const my = 2 * horizon - y + 3 * Math.sin(x / 6 + y / 2);
      const t = Math.max(0, Math.min(1, my / horizon));
      c = mix([0.1, 0.25, 0.5], [0.7, 0.5, 0.35], t ** 1.6);
      if (my > 120 + 28 * noise(x / 60, 2.5, 7, 5)) c = [0.1, 0.22, 0.12];
      if (y > 215) c = mix([0.55, 0.47, 0.33], [0.7, 0.62, 0.45], noise(x / 8, y / 8, 13)); // sandy shore
    }
    R[i] = clamp(c[0]);
    G[i] = clamp(c[1]);
    B[i] = clamp(c[2]);
  }
}
await writeImage(path.join(root, 'examples/scene.png'), img);
await writeImage(path.join(root, 'examples/scene_gray.png'), {
  width: W,
  height: H,
  channels: [lumaOf(img)],
});
console.log('wrote examples/scene.png and examples/scene_gray.png');
