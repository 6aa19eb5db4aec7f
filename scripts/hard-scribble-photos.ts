/**
 * The val photos on which `levin`'s solve works hardest: the 34 that needed more than 30
 * iterations in the 700-px survey of all 293 val photos (docs/scribbles.md, "Hard photos"), with
 * the seed of their simulated strokes there (the photo's index in the sorted val folder, plus 1).
 * Most are urban (curban100): stroke-free windows and panels closed in by edges, whose chroma hangs
 * on weak couplings, so a small residual can still leave a visible error there.
 */
import { lumaOf } from '../src/color/linear-spaces.js';
import type { ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import type { StrokeSet } from '../src/methods/scribbles/strokes.js';
import { shortStrokes } from './stroke-simulation.js';

/** [file name in ../shared/data/val, stroke seed], slowest first (in that survey: tolerance 5·10⁻⁵, stalled solves to a quarter of it). */
export const HARD_PHOTOS: ReadonlyArray<readonly [string, number]> = [
  ['curban100_img_056.png', 251],
  ['curban100_img_067.png', 262],
  ['curban100_img_064.png', 259],
  ['curban100_img_040.png', 237],
  ['curban100_img_024.png', 223],
  ['curban100_img_058.png', 253],
  ['bsds500_243095.jpg', 110],
  ['curban100_img_009.png', 209],
  ['curban100_img_094.png', 288],
  ['curban100_img_086.png', 280],
  ['bsds500_226033.jpg', 100],
  ['curban100_img_055.png', 250],
  ['curban100_img_052.png', 247],
  ['curban100_img_016.png', 215],
  ['curban100_img_087.png', 281],
  ['curban100_img_033.png', 231],
  ['curban100_img_079.png', 273],
  ['bsds500_43051.jpg', 170],
  ['curban100_img_065.png', 260],
  ['curban100_img_026.png', 225],
  ['bsds500_71099.jpg', 187],
  ['bsds500_120003.jpg', 29],
  ['curban100_img_029.png', 227],
  ['curban100_img_063.png', 258],
  ['curban100_img_046.png', 241],
  ['bsds500_147080.jpg', 47],
  ['bsds500_140006.jpg', 37],
  ['curban100_img_088.png', 282],
  ['curban100_img_030.png', 228],
  ['curban100_img_005.png', 205],
  ['bsds500_43033.jpg', 169],
  ['bsds500_8068.jpg', 193],
  ['curban100_img_049.png', 244],
  ['curban100_img_043.png', 239],
];

export interface HardCase {
  truth: ImageF32;
  gray: ImageF32;
  strokes: StrokeSet;
}

/** Long side and strokes per megapixel of the survey. */
export const HARD_LONG_SIDE = 700;
export const HARD_STROKES_PER_MP = 200;

/**
 * A hard case as the survey made it: the photo brought to {@link HARD_LONG_SIDE} (area when
 * shrinking, bicubic when enlarging) or another `longSide`, or kept at its own size ('native'),
 * its Rec. 601 gray, and short strokes of the truth's colours; null for a gray photo (the survey
 * skipped those).
 */
export async function hardCase(
  valDir: string,
  name: string,
  seed: number,
  longSide: number | 'native' = HARD_LONG_SIDE,
): Promise<HardCase | null> {
  const src = (await readImage(`${valDir}/${name}`)).image;
  if (src.channels.length !== 3) return null;
  if (longSide === 'native') {
    const gray = { width: src.width, height: src.height, channels: [lumaOf(src)] };
    return { truth: src, gray, strokes: shortStrokes(src, HARD_STROKES_PER_MP, seed) };
  }
  const f = longSide / Math.max(src.width, src.height);
  const w = Math.round(src.width * f);
  const h = Math.round(src.height * f);
  const truth = resizeImage(src, w, h, f < 1 ? 'area' : 'bicubic');
  const gray = { width: w, height: h, channels: [lumaOf(truth)] };
  return { truth, gray, strokes: shortStrokes(truth, HARD_STROKES_PER_MP, seed) };
}
