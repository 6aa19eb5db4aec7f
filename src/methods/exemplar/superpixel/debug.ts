/**
 * Debug pictures of the superpixel method (like the paper's Figures 1 and 2 and the matches
 * of its reference [4]): superpixel boundaries on each working image, and the matches — target
 * and reference side by side with lines from a sample of target superpixels to the reference
 * superpixel of highest attention — plus the per-superpixel colours before fusion.
 */
import { createImage, type ImageF32 } from '../../../image/image.js';
import type { Superpixels } from '../../../segment/slic.js';
import { superpixelMeans } from './sfe.js';

function rgbCopy(img: ImageF32): ImageF32 {
  const c = img.channels;
  return {
    width: img.width,
    height: img.height,
    channels: c.length === 3 ? c.map((p) => p.slice()) : [c[0].slice(), c[0].slice(), c[0].slice()],
  };
}

/** Paints the superpixel borders of `sp` in yellow on a copy of `img`. */
export function boundaries(img: ImageF32, sp: Superpixels): ImageF32 {
  const out = rgbCopy(img);
  const { width: W, height: H, labels } = sp;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      if ((x + 1 < W && labels[p + 1] !== labels[p]) || (y + 1 < H && labels[p + W] !== labels[p])) {
        out.channels[0][p] = 1;
        out.channels[1][p] = 0.9;
        out.channels[2][p] = 0;
      }
    }
  return out;
}

function line(img: ImageF32, x0: number, y0: number, x1: number, y1: number, rgb: number[]): void {
  const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  for (let k = 0; k <= n; k++) {
    const x = Math.round(x0 + ((x1 - x0) * k) / n);
    const y = Math.round(y0 + ((y1 - y0) * k) / n);
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
    for (let c = 0; c < 3; c++) img.channels[c][y * img.width + x] = rgb[c];
  }
}

function centroids(sp: Superpixels): Float64Array {
  const xs = new Float32Array(sp.labels.length);
  const ys = new Float32Array(sp.labels.length);
  for (let p = 0; p < xs.length; p++) {
    xs[p] = p % sp.width;
    ys[p] = Math.floor(p / sp.width);
  }
  return Float64Array.from(superpixelMeans([xs, ys], sp));
}

export interface DebugInput {
  target: ImageF32;
  reference: ImageF32;
  spT: Superpixels;
  spR: Superpixels;
  A: Float32Array;
  fused: ImageF32;
  C: Float32Array;
}

/** Debug pictures by file stem. */
export function debugPictures(d: DebugInput): Record<string, ImageF32> {
  const bt = boundaries(d.target, d.spT);
  const br = boundaries(d.reference, d.spR);
  const W = bt.width + br.width;
  const H = Math.max(bt.height, br.height);
  const matches = createImage(W, H, 3);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < bt.height; y++)
      matches.channels[c].set(bt.channels[c].subarray(y * bt.width, (y + 1) * bt.width), y * W);
    for (let y = 0; y < br.height; y++)
      matches.channels[c].set(br.channels[c].subarray(y * br.width, (y + 1) * br.width), y * W + bt.width);
  }
  const ct = centroids(d.spT);
  const cr = centroids(d.spR);
  const NT = d.spT.count;
  const NR = d.spR.count;
  const palette = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0.6, 1],
    [1, 0, 1],
    [0, 1, 1],
    [1, 0.5, 0],
  ];
  const stepI = Math.max(1, Math.floor(NT / 24));
  for (let i = 0, k = 0; i < NT; i += stepI, k++) {
    let best = 0;
    for (let j = 1; j < NR; j++) if (d.A[i * NR + j] > d.A[i * NR + best]) best = j;
    line(
      matches,
      ct[i * 2],
      ct[i * 2 + 1],
      cr[best * 2] + bt.width,
      cr[best * 2 + 1],
      palette[k % palette.length],
    );
  }
  const perSp = createImage(d.spT.width, d.spT.height, 3);
  for (let p = 0; p < d.spT.labels.length; p++)
    for (let c = 0; c < 3; c++) perSp.channels[c][p] = d.C[d.spT.labels[p] * 3 + c];
  return {
    'target-superpixels': bt,
    'reference-superpixels': br,
    matches,
    'superpixel-colours': perSp,
    fused: d.fused,
  };
}
