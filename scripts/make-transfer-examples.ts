/**
 * Makes the project-owned pictures of docs/transfer.md (no third-party pixels):
 *   1. `examples/sunset.png`: a procedural sunset (384×256), the colour reference;
 *   2. `docs/img/transfer/<method>-{gray,colour}.png`: every transfer method applied to
 *      `examples/scene_gray.png` and `examples/scene.png` with that reference.
 * Run: `npx tsx scripts/make-transfer-examples.ts`. Deterministic.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImage } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import '../src/methods/browser-builtin.js';
import { getMethod, listMethods } from '../src/methods/catalogue/catalogue.js';
import { runWithReference } from '../src/methods/transfer/declare.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const W = 384;
const H = 256;

function hash(x: number, y: number): number {
  let h = (x * 374761393 + y * 668265263) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
const mix = (a: number[], b: number[], t: number) =>
  a.map((v, i) => v + (b[i] - v) * Math.min(1, Math.max(0, t)));

function sunset() {
  const img = createImage(W, H, 3);
  const horizon = 150;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let c: number[];
      const hill = horizon - 25 * Math.sin(x / 50) - 12 * Math.sin(x / 17 + 1);
      const sunD = Math.hypot(x - 110, y - 128);
      if (y < hill) {
        const t = y / horizon;
        c =
          t < 0.55
            ? mix([0.22, 0.12, 0.38], [0.85, 0.35, 0.35], t / 0.55)
            : mix([0.85, 0.35, 0.35], [1, 0.72, 0.3], (t - 0.55) / 0.45);
        if (sunD < 22) c = [1, 0.93, 0.7];
        else c = mix(c, [1, 0.85, 0.5], Math.exp(-(sunD - 22) / 25) * 0.8);
      } else if (y < 175) {
        c = mix([0.16, 0.1, 0.18], [0.3, 0.16, 0.14], (y - hill) / 40);
      } else if (y < 215) {
        // Lake: the sky's warm colours, rippled.
        const ripple = 0.08 * Math.sin(y * 1.7 + x / 9);
        c = mix([0.95, 0.55, 0.3], [0.45, 0.2, 0.35], (y - 175) / 40 + ripple);
        if (Math.abs(x - 110) < 18 - (y - 175) / 4) c = mix(c, [1, 0.85, 0.55], 0.7);
      } else {
        const g = 0.1 * (hash(x >> 1, y >> 1) - 0.5);
        c = mix([0.75, 0.55, 0.2], [0.55, 0.35, 0.12], (y - 215) / 41).map((v) => v + g);
      }
      for (let k = 0; k < 3; k++) img.channels[k][y * W + x] = Math.min(1, Math.max(0, c[k]));
    }
  return img;
}

const ref = sunset();
await writeImage(path.join(root, 'examples', 'sunset.png'), ref);
const outDir = path.join(root, 'docs', 'img', 'transfer');
mkdirSync(outDir, { recursive: true });
const gray = (await readImage(path.join(root, 'examples', 'scene_gray.png'))).image;
const colour = (await readImage(path.join(root, 'examples', 'scene.png'))).image;
for (const m of listMethods('transfer').filter((x) => x.family === 'transfer')) {
  const grayOpts = m.name === 'reinhard' ? { grayTarget: 'mean-chroma' } : {};
  await writeImage(path.join(outDir, `${m.name}-gray.png`), await runWithReference(m, gray, ref, grayOpts));
  await writeImage(path.join(outDir, `${m.name}-colour.png`), await runWithReference(m, colour, ref));
}
await writeImage(
  path.join(outDir, 'wavelet-lab-soft-gray.png'),
  await runWithReference(getMethod('wavelet'), gray, ref, {
    space: 'lab',
    lambda: [0.2, 0.4, 0.6, 0.8, 0.9, 1, 1],
  }),
);
console.log(`wrote examples/sunset.png and ${outDir}`);
