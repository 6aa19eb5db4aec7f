/**
 * Jittered sampling of the reference, Welsh, Ashikhmin & Mueller (2002) §2 ("approximately 200
 * samples ... selected on a randomly jittered grid"): the reference is cut into a gx × gy grid of
 * cells (gx·gy ≈ n, shaped like the image) and one uniformly random pixel is taken in each cell.
 */
import { checkInteger } from '../../../errors.js';
import { seededRandom } from '../../../random.js';

/**
 * Pixel indices of about `count` jittered samples of a width × height image.
 *
 * @example
 * ```ts
 * import { jitteredSamples } from 'colorize-toolkit/internals';
 * const s = jitteredSamples(100, 50, 200, 1);
 * console.log(s.length, s.every((i) => i >= 0 && i < 5000)); // 200 true
 * ```
 */
export function jitteredSamples(width: number, height: number, count: number, seed: number): Uint32Array {
  checkInteger('samples', count, 1, 1_000_000);
  const n = Math.min(count, width * height);
  const gx = Math.max(1, Math.min(width, Math.round(Math.sqrt((n * width) / height))));
  const gy = Math.max(1, Math.min(height, Math.round(n / gx)));
  const rand = seededRandom(seed);
  const out = new Uint32Array(gx * gy);
  let k = 0;
  for (let cy = 0; cy < gy; cy++) {
    const y0 = Math.floor((cy * height) / gy);
    const y1 = Math.floor(((cy + 1) * height) / gy);
    for (let cx = 0; cx < gx; cx++) {
      const x0 = Math.floor((cx * width) / gx);
      const x1 = Math.floor(((cx + 1) * width) / gx);
      const x = x0 + Math.min(x1 - x0 - 1, Math.floor(rand() * (x1 - x0)));
      const y = y0 + Math.min(y1 - y0 - 1, Math.floor(rand() * (y1 - y0)));
      out[k++] = y * width + x;
    }
  }
  return out;
}
