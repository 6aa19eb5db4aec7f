/**
 * Figures of a coloured clip against its known truth (scripts/video-clips.ts): PSNR and SSIM per
 * frame, and the warping error of Lai et al., "Learning blind video temporal consistency", ECCV
 * 2018, eq. 10: the mean squared RGB difference (on [0, 1]) between frame t and frame t − 1 warped
 * with the TRUE motion, over pixels whose motion stays inside the frame, averaged over the pairs of
 * a shot (pairs across a cut are left out).
 */

import { rgbImageToLab } from '../src/color/lab.js';
import type { FlowField } from '../src/flow/farneback.js';
import { warpPlanes } from '../src/flow/warp.js';
import type { ImageF32 } from '../src/image/image.js';

/** Mean of `f(i)` over the pixels i whose true motion stays inside the frame (1 px margin). */
function meanInFrame(flow: FlowField, f: (i: number) => number): number {
  const { width, height, u, v } = flow;
  let sum = 0;
  let n = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const tx = x + u[i];
      const ty = y + v[i];
      if (tx < 1 || ty < 1 || tx > width - 2 || ty > height - 2) continue;
      sum += f(i);
      n++;
    }
  return n ? sum / n : 0;
}

/** Warping error of one pair: out_t against out_{t−1} warped by the true backward flow. */
export function pairWarpingError(cur: ImageF32, prev: ImageF32, flow: FlowField): number {
  const warped = warpPlanes(prev.channels, flow);
  const k = cur.channels.length;
  return meanInFrame(flow, (i) => {
    let d = 0;
    for (let c = 0; c < k; c++) {
      const e = cur.channels[c][i] - warped[c][i];
      d += e * e;
    }
    return d / k;
  });
}

/**
 * Chroma warping error of one pair: the mean CIELAB distance in the a*b* plane between frame t and
 * frame t − 1 warped with the true motion (same pixels as {@link pairWarpingError}). The luminance
 * is the input's own in every result, so this is the part a colouriser can make flicker.
 */
export function pairChromaWarpingError(cur: ImageF32, prev: ImageF32, flow: FlowField): number {
  const a = rgbImageToLab(cur);
  const b = rgbImageToLab(prev);
  const [wa, wb] = warpPlanes([b.channels[1], b.channels[2]], flow);
  return meanInFrame(flow, (i) => Math.hypot(a.channels[1][i] - wa[i], a.channels[2][i] - wb[i]));
}
