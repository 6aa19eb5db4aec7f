/**
 * Figures of a coloured clip against its known truth (scripts/video-clips.ts): PSNR and SSIM per
 * frame, and the warping error of Lai et al., "Learning blind video temporal consistency", ECCV
 * 2018, eq. 10: the mean squared RGB difference (on [0, 1]) between frame t and frame t − 1 warped
 * with the TRUE motion, over pixels whose motion stays inside the frame, averaged over the pairs of
 * a shot (pairs across a cut are left out).
 */

import { rgbImageToLab } from '../src/color/lab.js';
import type { FlowField } from '../src/flow/farneback.js';
import { warpPlane } from '../src/flow/warp.js';
import type { ImageF32 } from '../src/image/image.js';

/** Warping error of one pair: out_t against out_{t−1} warped by the true backward flow. */
export function pairWarpingError(cur: ImageF32, prev: ImageF32, flow: FlowField): number {
  const { width, height, u, v } = flow;
  let sum = 0;
  let n = 0;
  const warped = prev.channels.map((p) => warpPlane(p, flow));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const tx = x + u[i];
      const ty = y + v[i];
      if (tx < 1 || ty < 1 || tx > width - 2 || ty > height - 2) continue;
      let d = 0;
      for (let c = 0; c < cur.channels.length; c++) {
        const e = cur.channels[c][i] - warped[c][i];
        d += e * e;
      }
      sum += d / cur.channels.length;
      n++;
    }
  return n ? sum / n : 0;
}

/**
 * Chroma warping error of one pair: the mean CIELAB distance in the a*b* plane between frame t and
 * frame t − 1 warped with the true motion (same pixels as {@link pairWarpingError}). The luminance
 * is the input's own in every result, so this is the part a colouriser can make flicker.
 */
export function pairChromaWarpingError(cur: ImageF32, prev: ImageF32, flow: FlowField): number {
  const { width, height, u, v } = flow;
  const a = rgbImageToLab(cur);
  const b = rgbImageToLab(prev);
  const wa = warpPlane(b.channels[1], flow);
  const wb = warpPlane(b.channels[2], flow);
  let sum = 0;
  let n = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const tx = x + u[i];
      const ty = y + v[i];
      if (tx < 1 || ty < 1 || tx > width - 2 || ty > height - 2) continue;
      sum += Math.hypot(a.channels[1][i] - wa[i], a.channels[2][i] - wb[i]);
      n++;
    }
  return n ? sum / n : 0;
}
