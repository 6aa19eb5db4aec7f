/**
 * All quality figures for one result: PSNR and SSIM against the truth, colourfulness and mean
 * saturation of the result, mean CIEDE2000 against the truth, and HIS against a reference.
 */
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { grayToRgb } from '../image/image.js';
import { meanCiede2000 } from './ciede2000.js';
import { colorfulness } from './colorfulness.js';
import { histogramIntersection } from './histogram-intersection.js';
import { psnr } from './psnr.js';
import { meanSaturation } from './saturation.js';
import { ssim } from './ssim.js';

export interface Scores {
  psnr: number;
  ssim: number;
  colorfulness: number;
  saturation: number;
  ciede2000: number;
  /** Histogram intersection with the reference, when one was given. */
  his?: number;
}

export const SCORE_NAMES = ['psnr', 'ssim', 'colorfulness', 'saturation', 'ciede2000', 'his'] as const;

/**
 * Scores a result against its truth (and optionally its reference). Gray images are compared
 * as R = G = B.
 *
 * @example
 * ```ts
 * import { createImage, evaluate } from 'colorize-toolkit';
 * const a = createImage(32, 32, 3); a.channels[0].fill(0.8);
 * const s = evaluate(a, a);
 * console.log(s.psnr, s.ssim, s.ciede2000); // Infinity 1 0
 * ```
 */
export function evaluate(pred: ImageF32, truth: ImageF32, reference?: ImageF32): Scores {
  if (pred.width !== truth.width || pred.height !== truth.height) {
    throw new ColorizeError(
      `result is ${pred.width}×${pred.height} but truth is ${truth.width}×${truth.height}`,
      'input',
    );
  }
  const p = grayToRgb(pred);
  const t = grayToRgb(truth);
  const scores: Scores = {
    psnr: psnr(p, t),
    ssim: ssim(p, t),
    colorfulness: colorfulness(p),
    saturation: meanSaturation(p),
    ciede2000: meanCiede2000(p, t),
  };
  if (reference) scores.his = histogramIntersection(p, grayToRgb(reference));
  return scores;
}

/**
 * Mean of each score over a list of results (scores missing from some results, such as HIS
 * without a reference, are averaged over the results that have them).
 *
 * @example
 * ```ts
 * import { meanScores } from 'colorize-toolkit';
 * const m = meanScores([{ psnr: 20, ssim: 0.8, colorfulness: 10, saturation: 0.2, ciede2000: 5 },
 *                       { psnr: 30, ssim: 0.9, colorfulness: 20, saturation: 0.4, ciede2000: 3, his: 0.5 }]);
 * console.log(m.psnr, m.his); // 25 0.5
 * ```
 */
export function meanScores(list: Scores[]): Partial<Scores> {
  const mean: Partial<Scores> = {};
  for (const key of SCORE_NAMES) {
    const vals = list.map((s) => s[key]).filter((v): v is number => v !== undefined);
    if (vals.length) mean[key] = vals.reduce((s, v) => s + v, 0) / vals.length;
  }
  return mean;
}
