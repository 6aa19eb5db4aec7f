/**
 * User strokes for scribble colorization, from the three input forms of issue 4, all reduced to
 * one {@link StrokeSet}: a per-pixel mask and the stroke colour (sRGB, [0, 1]) at mask pixels.
 *
 * - a *marked* image: the gray image with coloured strokes painted on it; stroke pixels are those
 *   whose summed absolute RGB difference from the gray image exceeds 0.01 (Levin et al.'s code:
 *   `sum(abs(gI - cI), 3) > 0.01`). Neutral strokes (white, gray, black that differ from the
 *   gray value) count: the test is "differs", not "has colour".
 * - a binary mask plus a colour image;
 * - JSON polylines with a width and a colour, in image pixel coordinates.
 *
 * Pure TypeScript (no Node modules): the web studio rasterises strokes in a Worker with it.
 */
import { ColorizeError, checkNumber } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import { resizePlane } from '../../image/resize.js';

export interface StrokeSet {
  readonly width: number;
  readonly height: number;
  /** 1 at stroke pixels, 0 elsewhere. */
  readonly mask: Uint8Array;
  /** Stroke colour, sRGB planes R, G, B in [0, 1]; meaningful only where mask = 1. */
  readonly colors: ImageF32;
}

/** Levin et al.'s stroke threshold on Σ|marked − gray| over R, G, B (0–1 scale). */
export const MARKED_THRESHOLD = 0.01;

/** Number of stroke pixels. */
export function strokeCount(strokes: StrokeSet): number {
  let n = 0;
  for (let i = 0; i < strokes.mask.length; i++) n += strokes.mask[i];
  return n;
}

function rgbPlanes(img: ImageF32): Float32Array[] {
  if (img.channels.length === 3) return img.channels;
  if (img.channels.length === 1) return [img.channels[0], img.channels[0], img.channels[0]];
  throw new ColorizeError(`expected a gray or RGB image, got ${img.channels.length} channels`, 'input');
}

function sizeCheck(what: string, img: ImageF32, width: number, height: number): void {
  if (img.width !== width || img.height !== height) {
    throw new ColorizeError(
      `${what} is ${img.width}×${img.height} but the gray image is ${width}×${height}; they must be the same size`,
      'input',
    );
  }
}

function requireStrokes(set: StrokeSet, where: string): StrokeSet {
  if (strokeCount(set) === 0) throw new ColorizeError(`no strokes found in ${where}`, 'input');
  return set;
}

/**
 * Strokes from a marked image: pixels where Σ_c |marked_c − gray| > `threshold`. The stroke
 * colours are the marked image's own planes, not copies (12 MB per megapixel saved): change
 * neither while the strokes are in use.
 *
 * @example
 * ```ts
 * import { createImage, strokesFromMarked } from 'colorize-toolkit/internals';
 * const gray = createImage(4, 4, 1); gray.channels[0].fill(0.5);
 * const marked = createImage(4, 4, 3); for (const c of marked.channels) c.fill(0.5);
 * marked.channels[0][5] = 1; // one red-ish pixel
 * console.log(strokesFromMarked(gray, marked).mask[5]); // 1
 * ```
 */
export function strokesFromMarked(gray: ImageF32, marked: ImageF32, threshold = MARKED_THRESHOLD): StrokeSet {
  checkNumber('threshold', threshold, 0);
  const { width, height } = gray;
  sizeCheck('the marked image', marked, width, height);
  const g = gray.channels.length === 1 ? gray.channels[0] : null;
  const G = rgbPlanes(gray);
  const [R, Gm, B] = rgbPlanes(marked);
  const n = width * height;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = g
      ? Math.abs(R[i] - g[i]) + Math.abs(Gm[i] - g[i]) + Math.abs(B[i] - g[i])
      : Math.abs(R[i] - G[0][i]) + Math.abs(Gm[i] - G[1][i]) + Math.abs(B[i] - G[2][i]);
    mask[i] = d > threshold ? 1 : 0;
  }
  return requireStrokes(
    { width, height, mask, colors: { width, height, channels: [R, Gm, B] } },
    'the marked image (no pixel differs from the gray image)',
  );
}

/**
 * Strokes from a binary mask (0 or 1 everywhere; 8-bit 0/255) and a colour image of the same size.
 *
 * @example
 * ```ts
 * import { createImage, strokesFromMask } from 'colorize-toolkit/internals';
 * const mask = createImage(2, 1, 1); mask.channels[0][1] = 1;
 * const colors = createImage(2, 1, 3); colors.channels[2].fill(1); // blue
 * console.log(Array.from(strokesFromMask(mask, colors).mask)); // [ 0, 1 ]
 * ```
 */
export function strokesFromMask(
  mask: ImageF32,
  colors: ImageF32,
  width = mask.width,
  height = mask.height,
): StrokeSet {
  sizeCheck('the mask', mask, width, height);
  sizeCheck('the colour image', colors, width, height);
  if (mask.channels.length !== 1) {
    throw new ColorizeError(
      'the mask is not binary: it has colour; use black (no stroke) and white (stroke) only',
      'input',
    );
  }
  const m = mask.channels[0];
  const n = width * height;
  const out = new Uint8Array(n);
  let bad = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const v = m[i];
    if (v <= 1e-6) continue;
    if (v >= 1 - 1e-6) out[i] = 1;
    else {
      if (first < 0) first = i;
      bad++;
    }
  }
  if (bad > 0) {
    const x = first % width;
    const y = (first - x) / width;
    throw new ColorizeError(
      `the mask is not binary: ${bad} pixel(s) are neither black nor white (first at x=${x}, y=${y}, value ${Math.round(m[first] * 255)}/255)`,
      'input',
    );
  }
  const [R, G, B] = rgbPlanes(colors);
  return requireStrokes(
    { width, height, mask: out, colors: { width, height, channels: [R.slice(), G.slice(), B.slice()] } },
    'the mask (it is all black)',
  );
}

/** One polyline stroke of the JSON form. */
export interface StrokeJson {
  /** Points [x, y] in pixel coordinates (pixel centres at integers; x in [0, width−1]). */
  points: Array<[number, number]>;
  /** Brush diameter in pixels (default 5). */
  width?: number;
  /** "#rrggbb" or [r, g, b] with 0–255 values. */
  color: string | [number, number, number];
}

/** The JSON document: `{ "strokes": [...] }` or a bare array of strokes. */
export type StrokesJson = { strokes: StrokeJson[] } | StrokeJson[];

function parseColor(c: unknown, k: number): [number, number, number] {
  if (typeof c === 'string') {
    const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
    if (!m) throw new ColorizeError(`stroke ${k}: colour ${JSON.stringify(c)} is not "#rrggbb"`, 'input');
    const v = Number.parseInt(m[1], 16);
    return [(v >> 16) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
  }
  if (Array.isArray(c) && c.length === 3 && c.every((v) => typeof v === 'number' && v >= 0 && v <= 255)) {
    return [c[0] / 255, c[1] / 255, c[2] / 255];
  }
  throw new ColorizeError(
    `stroke ${k}: colour ${JSON.stringify(c)} must be "#rrggbb" or [r, g, b] with values 0–255`,
    'input',
  );
}

/**
 * Parses stroke JSON text (see {@link StrokesJson}) and rasterises it: a pixel belongs to a stroke
 * when its centre lies within width/2 of the polyline; later strokes paint over earlier ones.
 * Points outside the image, malformed JSON and empty stroke lists are errors.
 *
 * @example
 * ```ts
 * import { strokesFromJson } from 'colorize-toolkit/internals';
 * const s = strokesFromJson('{"strokes":[{"points":[[1,1],[6,1]],"width":1,"color":"#ff0000"}]}', 8, 4);
 * console.log(s.mask[1 * 8 + 3], s.colors.channels[0][1 * 8 + 3]); // 1 1
 * ```
 */
export function strokesFromJson(
  text: string,
  width: number,
  height: number,
  source = 'the stroke file',
): StrokeSet {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ColorizeError(`${source} is not valid JSON (${(err as Error).message})`, 'input');
  }
  const list = Array.isArray(doc) ? doc : (doc as { strokes?: unknown } | null)?.strokes;
  if (!Array.isArray(list)) {
    throw new ColorizeError(`${source}: expected {"strokes": [...]} or an array of strokes`, 'input');
  }
  if (list.length === 0)
    throw new ColorizeError(`no strokes found in ${source} (the list is empty)`, 'input');
  const strokes: Array<{ points: number[]; radius: number; rgb: [number, number, number] }> = [];
  list.forEach((raw: unknown, k) => {
    const st = raw as Partial<StrokeJson> | null;
    if (!st || typeof st !== 'object' || !Array.isArray(st.points) || st.points.length === 0) {
      throw new ColorizeError(`${source}: stroke ${k} needs a non-empty "points" list of [x, y]`, 'input');
    }
    const bw = st.width ?? 5;
    if (typeof bw !== 'number' || !Number.isFinite(bw) || bw <= 0) {
      throw new ColorizeError(
        `${source}: stroke ${k} has width ${JSON.stringify(bw)}; expected a positive number of pixels`,
        'input',
      );
    }
    const pts: number[] = [];
    for (const p of st.points) {
      if (
        !Array.isArray(p) ||
        p.length !== 2 ||
        !p.every((v) => typeof v === 'number' && Number.isFinite(v))
      ) {
        throw new ColorizeError(
          `${source}: stroke ${k} has a point ${JSON.stringify(p)} that is not [x, y]`,
          'input',
        );
      }
      const [x, y] = p as [number, number];
      if (x < -0.5 || y < -0.5 || x > width - 0.5 || y > height - 0.5) {
        throw new ColorizeError(
          `${source}: stroke ${k} has point (${x}, ${y}) outside the ${width}×${height} image`,
          'input',
        );
      }
      pts.push(x, y);
    }
    strokes.push({ points: pts, radius: bw / 2, rgb: parseColor(st.color, k) });
  });
  return rasterizeStrokes(strokes, width, height);
}

/** Paints polylines (flat [x0, y0, x1, y1, ...]) of the given radius and colour into a stroke set. */
export function rasterizeStrokes(
  strokes: ReadonlyArray<{
    points: readonly number[];
    radius: number;
    rgb: readonly [number, number, number];
  }>,
  width: number,
  height: number,
): StrokeSet {
  const n = width * height;
  const mask = new Uint8Array(n);
  const R = new Float32Array(n);
  const G = new Float32Array(n);
  const B = new Float32Array(n);
  for (const st of strokes) {
    const p = st.points;
    const rad = st.radius;
    const r2 = rad * rad;
    const segs = Math.max(1, p.length / 2 - 1);
    for (let k = 0; k < segs; k++) {
      const ax = p[2 * k];
      const ay = p[2 * k + 1];
      const bx = p.length >= 4 ? p[2 * k + 2] : ax;
      const by = p.length >= 4 ? p[2 * k + 3] : ay;
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - rad));
      const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + rad));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - rad));
      const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by) + rad));
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = ax + t * dx - x;
          const ey = ay + t * dy - y;
          // A half-pixel floor keeps 1-pixel brushes from vanishing between pixel centres.
          if (ex * ex + ey * ey <= Math.max(r2, 0.25)) {
            const i = y * width + x;
            mask[i] = 1;
            R[i] = st.rgb[0];
            G[i] = st.rgb[1];
            B[i] = st.rgb[2];
          }
        }
      }
    }
  }
  return requireStrokes(
    { width, height, mask, colors: { width, height, channels: [R, G, B] } },
    'the stroke list',
  );
}

/** The marked-image form of a stroke set: gray replicated to RGB with stroke colours painted on. */
export function markedImage(gray: ImageF32, strokes: StrokeSet): ImageF32 {
  const g = gray.channels[0];
  const out = [g.slice(), g.slice(), g.slice()];
  for (let i = 0; i < g.length; i++) {
    if (!strokes.mask[i]) continue;
    for (let c = 0; c < 3; c++) out[c][i] = strokes.colors.channels[c][i];
  }
  return { width: gray.width, height: gray.height, channels: out };
}

/**
 * Reduces a stroke set to a smaller grid: a reduced pixel is a stroke pixel when at least half of
 * its area is covered by strokes, or when it holds some stroke and no neighbour (3 × 3) holds more
 * (so a stroke thinner than a grid cell still constrains the cells it passes through: on a 24 MP
 * photo the preview grid's cells are 25 pixels wide); its colour is the mean colour of the stroke
 * part.
 */
export function reduceStrokes(strokes: StrokeSet, width: number, height: number): StrokeSet {
  const { width: W, height: H } = strokes;
  if (W === width && H === height) return strokes;
  const n = W * H;
  const m = new Float32Array(n);
  for (let i = 0; i < n; i++) m[i] = strokes.mask[i];
  const cover = resizePlane(m, W, H, width, height, 'area');
  const cols = strokes.colors.channels.map((c) => {
    const weighted = new Float32Array(n);
    for (let i = 0; i < n; i++) weighted[i] = strokes.mask[i] ? c[i] : 0;
    return resizePlane(weighted, W, H, width, height, 'area');
  });
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const c = cover[i];
      let keep = c >= 0.5;
      // Area averaging leaves a sliver of coverage from rounding: only count a real share.
      if (!keep && c > 1e-3) {
        keep = true;
        for (let dy = -1; dy <= 1 && keep; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || yy >= height || xx < 0 || xx >= width || (dx === 0 && dy === 0)) continue;
            if (cover[yy * width + xx] > c) {
              keep = false;
              break;
            }
          }
      }
      if (keep) {
        mask[i] = 1;
        for (const ch of cols) ch[i] /= c;
      }
    }
  for (let i = 0; i < mask.length; i++) if (!mask[i]) for (const ch of cols) ch[i] = 0;
  return { width, height, mask, colors: { width, height, channels: cols } };
}
