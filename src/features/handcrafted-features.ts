/**
 * Handcrafted features standing in for VGG-19 when its weights are absent (the IPOL paper's
 * remark in §2.1.2 allows any features). Three layers at image resolution, like VGG's three:
 *   1. colour: L*, a*, b* (L* only for gray images), scaled to about unit range;
 *   2. fine structure: |∂x L|, |∂y L| and local contrast (std of L in a 5 × 5 box);
 *   3. coarse context: L blurred (σ = 4), gradient energy blurred (σ = 4), std of L in a 17 × 17 box.
 */

import { lightnessOf, rgbImageToLab } from '../color/lab.js';
import { boxFilter } from '../filters/box.js';
import { gaussianBlur } from '../filters/gaussian.js';
import type { ImageF32 } from '../image/image.js';
import type { FeatureExtractor, FeatureMap } from './feature-extractor.js';

function localStd(L: Float32Array, W: number, H: number, radius: number): Float32Array {
  const sq = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++) sq[i] = L[i] * L[i];
  const m = boxFilter(L, W, H, radius);
  const m2 = boxFilter(sq, W, H, radius);
  const out = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++) out[i] = Math.sqrt(Math.max(0, m2[i] - m[i] * m[i]));
  return out;
}

function stack(planes: Float32Array[], W: number, H: number): FeatureMap {
  const n = W * H;
  const data = new Float32Array(planes.length * n);
  for (const [c, p] of planes.entries()) data.set(p, c * n);
  return { channels: planes.length, width: W, height: H, data };
}

/**
 * Lab + gradient statistics.
 *
 * @example
 * ```ts
 * import { createImage, HandcraftedFeatures } from 'colorize-toolkit/internals';
 * const maps = await new HandcraftedFeatures().extract(createImage(16, 16, 1));
 * console.log(maps.map((m) => m.channels)); // [1, 3, 3]
 * ```
 */
export class HandcraftedFeatures implements FeatureExtractor {
  readonly name = 'handcrafted';
  readonly description = 'handcrafted Lab + gradient statistics (VGG-19 weights not used)';

  async extract(image: ImageF32): Promise<FeatureMap[]> {
    const W = image.width;
    const H = image.height;
    const n = W * H;
    let colour: Float32Array[];
    let L: Float32Array;
    if (image.channels.length === 3) {
      const lab = rgbImageToLab(image).channels;
      L = lab[0];
      colour = lab.map((p) => p.map((v) => v / 100));
    } else {
      L = lightnessOf(image);
      colour = [L.map((v) => v / 100)];
    }
    const l = colour[0];
    const gx = new Float32Array(n);
    const gy = new Float32Array(n);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = y * W + x;
        gx[i] = Math.abs(l[y * W + Math.min(W - 1, x + 1)] - l[y * W + Math.max(0, x - 1)]) * 2;
        gy[i] = Math.abs(l[Math.min(H - 1, y + 1) * W + x] - l[Math.max(0, y - 1) * W + x]) * 2;
      }
    const energy = new Float32Array(n);
    for (let i = 0; i < n; i++) energy[i] = Math.hypot(gx[i], gy[i]);
    return [
      stack(colour, W, H),
      stack([gx, gy, localStd(l, W, H, 2)], W, H),
      stack([gaussianBlur(l, W, H, 4), gaussianBlur(energy, W, H, 4), localStd(l, W, H, 8)], W, H),
    ];
  }
}
