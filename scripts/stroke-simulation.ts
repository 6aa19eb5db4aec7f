/**
 * Strokes simulated from a colour truth, as a user would paint them: short strokes (a few pixels
 * wide, 8–24 px long, random direction) at a given density per megapixel, each painted with the
 * true colours under it. Shared by the scribble benchmark, scripts/eval-scribble-systems.ts and
 * the tests, so all measure on the same kind of input.
 */
import type { ImageF32 } from '../src/image/image.js';
import type { RasterStroke } from '../src/methods/scribbles/levin/preview.js';
import { rasterizeStrokes, type StrokeSet } from '../src/methods/scribbles/strokes.js';
import { seededRandom } from '../src/random.js';

/** The polylines of {@link shortStrokes} (same random sequence), each with the truth's colour at its midpoint, as the studio draws them. */
export function shortStrokeLines(
  truth: ImageF32,
  perMegapixel: number,
  seed = 1,
  radius = 1.5,
): RasterStroke[] {
  const { width: W, height: H } = truth;
  return strokeLines(W, H, perMegapixel, seed, radius).map((s) => {
    const mx = Math.round((s.points[0] + s.points[2]) / 2);
    const my = Math.round((s.points[1] + s.points[3]) / 2);
    const i = my * W + mx;
    return { ...s, rgb: [truth.channels[0][i], truth.channels[1][i], truth.channels[2][i]] };
  });
}

function strokeLines(
  W: number,
  H: number,
  perMegapixel: number,
  seed: number,
  radius: number,
): RasterStroke[] {
  return randomStrokeLines(W, H, Math.max(3, Math.round((perMegapixel * W * H) / 1e6)), seed, radius);
}

/** `count` short segments (8–24 px, random start and direction, clipped to the frame), colour not set. */
export function randomStrokeLines(
  W: number,
  H: number,
  count: number,
  seed: number,
  radius: number,
): RasterStroke[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const x = r() * (W - 1);
    const y = r() * (H - 1);
    const len = 8 + 16 * r();
    const a = 2 * Math.PI * r();
    const x2 = Math.min(W - 1, Math.max(0, x + len * Math.cos(a)));
    const y2 = Math.min(H - 1, Math.max(0, y + len * Math.sin(a)));
    return { points: [x, y, x2, y2], radius, rgb: [0, 0, 0] as [number, number, number] };
  });
}

/** The colours of {@link sparseStrokes}, in turn. */
export const SPARSE_STROKE_COLOURS: ReadonlyArray<[number, number, number]> = [
  [0.2, 0.3, 0.9],
  [0.5, 0.3, 0.9],
  [0.2, 0.3, 0.4],
];

/**
 * `count` strokes of 8–24 px and radius 2 at seeded random places, coloured in turn from
 * {@link SPARSE_STROKE_COLOURS}: a user's few strokes (scripts/eval-scribble-sparse.ts).
 */
export function sparseStrokes(W: number, H: number, count: number, seed: number): StrokeSet {
  const lines = randomStrokeLines(W, H, count, seed, 2).map((s, j) => ({
    ...s,
    rgb: SPARSE_STROKE_COLOURS[j % SPARSE_STROKE_COLOURS.length],
  }));
  return rasterizeStrokes(lines, W, H);
}

/** `perMegapixel` short strokes of width 2·radius carrying the truth's colours (at least 3). */
export function shortStrokes(truth: ImageF32, perMegapixel: number, seed = 1, radius = 1.5): StrokeSet {
  const { width: W, height: H } = truth;
  const set = rasterizeStrokes(strokeLines(W, H, perMegapixel, seed, radius), W, H);
  for (let c = 0; c < 3; c++) {
    const dst = set.colors.channels[c];
    const src = truth.channels[c];
    for (let i = 0; i < dst.length; i++) if (set.mask[i]) dst[i] = src[i];
  }
  return set;
}
