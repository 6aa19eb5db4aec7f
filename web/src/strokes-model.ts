/**
 * Strokes as vectors: polylines in image pixel coordinates (pixel centres at integers, as in the
 * CLI's strokes JSON), with undo/redo history and an eraser that cuts polylines apart. Saved and
 * loaded as the strokes JSON of `colorize scribble --strokes` (src/methods/scribbles/strokes.ts).
 */
import { strokesFromJson } from '../../src/methods/scribbles/strokes.js';

export interface Stroke {
  /** Flat [x0, y0, x1, y1, …] in image pixels. */
  points: number[];
  /** Brush diameter in image pixels. */
  width: number;
  /** "#rrggbb" */
  color: string;
  /** A stroke of the fused view's mask brush (web/src/fuse-panel.ts): a region, not a colour. */
  mask?: boolean;
}

export class StrokeHistory {
  private past: Stroke[][] = [];
  private future: Stroke[][] = [];
  current: Stroke[] = [];

  /** Makes `next` current as one undoable step. */
  commit(next: Stroke[]): void {
    this.past.push(this.current);
    if (this.past.length > 500) this.past.shift();
    this.future = [];
    this.current = next;
  }

  undo(): boolean {
    const prev = this.past.pop();
    if (!prev) return false;
    this.future.push(this.current);
    this.current = prev;
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (!next) return false;
    this.past.push(this.current);
    this.current = next;
    return true;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Starts over (a new photo): no strokes, no history. */
  reset(strokes: Stroke[] = []): void {
    this.past = [];
    this.future = [];
    this.current = strokes;
  }
}

/** Points of a polyline resampled so that consecutive points are at most `step` apart. */
function densify(p: number[], step: number): number[] {
  if (p.length <= 2) return p.slice();
  const out = [p[0], p[1]];
  for (let k = 2; k < p.length; k += 2) {
    const ax = p[k - 2];
    const ay = p[k - 1];
    const n = Math.max(1, Math.ceil(Math.hypot(p[k] - ax, p[k + 1] - ay) / step));
    for (let i = 1; i <= n; i++) out.push(ax + ((p[k] - ax) * i) / n, ay + ((p[k + 1] - ay) * i) / n);
  }
  return out;
}

/**
 * Removes the parts of strokes within `radius` (plus their own half width) of (x, y); a stroke
 * cut in the middle becomes two.
 *
 * @example
 * ```ts
 * const cut = eraseAt([{ points: [0, 0, 20, 0], width: 2, color: '#ff0000' }], 10, 0, 2);
 * console.log(cut.length); // 2
 * ```
 */
export function eraseAt(strokes: Stroke[], x: number, y: number, radius: number): Stroke[] {
  const out: Stroke[] = [];
  for (const s of strokes) {
    const rr = radius + s.width / 2;
    let near = false;
    for (let k = 0; k < s.points.length && !near; k += 2) {
      // Cheap test on the original vertices and segments first.
      const ax = s.points[k];
      const ay = s.points[k + 1];
      const bx = s.points[k + 2] ?? ax;
      const by = s.points[k + 3] ?? ay;
      const dx = bx - ax;
      const dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const t = l2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
      near = Math.hypot(ax + t * dx - x, ay + t * dy - y) <= rr;
    }
    if (!near) {
      out.push(s);
      continue;
    }
    const dense = densify(s.points, 1);
    let piece: number[] = [];
    for (let k = 0; k < dense.length; k += 2) {
      if (Math.hypot(dense[k] - x, dense[k + 1] - y) <= rr) {
        if (piece.length) out.push({ ...s, points: piece });
        piece = [];
      } else piece.push(dense[k], dense[k + 1]);
    }
    if (piece.length) out.push({ ...s, points: piece });
  }
  return out;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The strokes JSON document of the CLI. */
export function strokesToJson(strokes: Stroke[]): string {
  const doc = {
    strokes: strokes
      .filter((s) => !s.mask)
      .map((s) => {
        const pts: Array<[number, number]> = [];
        for (let k = 0; k < s.points.length; k += 2) pts.push([round2(s.points[k]), round2(s.points[k + 1])]);
        return { points: pts, width: round2(s.width), color: s.color };
      }),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

function hexOf(c: unknown): string {
  if (typeof c === 'string') return `#${c.trim().replace(/^#/, '').toLowerCase()}`;
  const [r, g, b] = c as number[];
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Reads strokes JSON for an image of `width`×`height`, with the CLI's own validation (points
 * inside the image, colours "#rrggbb" or [r, g, b]); throws its message on bad input.
 */
export function strokesFromJsonText(text: string, width: number, height: number): Stroke[] {
  strokesFromJson(text, width, height, 'the strokes file');
  const doc = JSON.parse(text) as { strokes?: unknown[] } | unknown[];
  const list = (Array.isArray(doc) ? doc : (doc.strokes ?? [])) as Array<{
    points: Array<[number, number]>;
    width?: number;
    color: unknown;
  }>;
  return list.map((s) => ({ points: s.points.flat(), width: s.width ?? 5, color: hexOf(s.color) }));
}

/** The form the worker rasterises (src/methods/scribbles/strokes.ts rasterizeStrokes). */
export function toRaster(
  strokes: Stroke[],
): Array<{ points: number[]; radius: number; rgb: [number, number, number] }> {
  // Mask strokes are a region (the fused view's re-colouring), never a colour hint.
  return strokes
    .filter((s) => !s.mask)
    .map((s) => {
      const v = Number.parseInt(s.color.slice(1), 16);
      return {
        points: s.points,
        radius: s.width / 2,
        rgb: [(v >> 16) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255],
      };
    });
}
