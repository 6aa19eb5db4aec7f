/**
 * Colourfulness of Hasler & Süsstrunk (SPIE 2003), on the 0–255 scale:
 * rg = R − G, yb = (R + G)/2 − B, M = σ_rgyb + 0.3 μ_rgyb with σ_rgyb = √(σ_rg² + σ_yb²) and
 * μ_rgyb = √(μ_rg² + μ_yb²) (population standard deviations). Gray images score 0.
 */
import type { ImageF32 } from '../image/image.js';

/**
 * @example
 * ```ts
 * import { colorfulness, fromPlanes } from 'colorize-toolkit';
 * const red = fromPlanes(1, 1, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]);
 * console.log(colorfulness(red).toFixed(2)); // 85.53
 * ```
 */
export function colorfulness(img: ImageF32): number {
  if (img.channels.length === 1) return 0;
  const [R, G, B] = img.channels;
  const n = R.length;
  let srg = 0;
  let syb = 0;
  let srg2 = 0;
  let syb2 = 0;
  for (let i = 0; i < n; i++) {
    const r = R[i] * 255;
    const g = G[i] * 255;
    const b = B[i] * 255;
    const rg = r - g;
    const yb = 0.5 * (r + g) - b;
    srg += rg;
    syb += yb;
    srg2 += rg * rg;
    syb2 += yb * yb;
  }
  const mrg = srg / n;
  const myb = syb / n;
  const vrg = Math.max(0, srg2 / n - mrg * mrg);
  const vyb = Math.max(0, syb2 / n - myb * myb);
  return Math.sqrt(vrg + vyb) + 0.3 * Math.sqrt(mrg * mrg + myb * myb);
}
