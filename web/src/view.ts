/**
 * The canvas stage: the photo (gray, or its original colours), the result with a before/after
 * split, and the strokes drawn as vectors, under a zoom/pan transform. Image coordinates have
 * pixel centres at integers (the strokes JSON convention), so pixel i covers [i − ½, i + ½).
 */
import type { Stroke } from './strokes-model.js';

export interface Layers {
  gray: HTMLCanvasElement | null;
  colour: HTMLCanvasElement | null;
  result: HTMLCanvasElement | null;
}

/** Smallest width, in CSS pixels, a stroke or the brush outline is drawn with on screen. */
const MIN_SCREEN_PX = 3;

export class Stage {
  readonly canvas: HTMLCanvasElement;
  private readonly g: CanvasRenderingContext2D;
  layers: Layers = { gray: null, colour: null, result: null };
  strokes: Stroke[] = [];
  /** Stroke being drawn (not yet committed). */
  live: Stroke | null = null;
  showOriginal = false;
  showStrokes = true;
  showResult = true;
  /** Fraction of the width (from the left) that shows the result. */
  split = 1;
  scale = 1;
  tx = 0;
  ty = 0;
  /** Brush outline at the pointer, in image coordinates. */
  cursor: { x: number; y: number; r: number } | null = null;
  private frame = 0;

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    this.g = canvas.getContext('2d')!;
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement!);
  }

  get imageSize(): { width: number; height: number } | null {
    const l = this.layers.gray;
    return l ? { width: l.width, height: l.height } : null;
  }

  private resize(): void {
    const r = this.canvas.parentElement!.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(r.width * dpr));
    this.canvas.height = Math.max(1, Math.round(r.height * dpr));
    this.canvas.style.width = `${r.width}px`;
    this.canvas.style.height = `${r.height}px`;
    this.draw();
  }

  /** Scales the image to fit the stage with a margin. */
  fit(): void {
    const s = this.imageSize;
    if (!s) return;
    const r = this.canvas.parentElement!.getBoundingClientRect();
    this.scale = Math.min((r.width - 24) / s.width, (r.height - 24) / s.height);
    this.tx = (r.width - s.width * this.scale) / 2;
    this.ty = (r.height - s.height * this.scale) / 2;
    this.draw();
  }

  /** Zooms by `factor` keeping the image point under (sx, sy) (stage CSS pixels) in place. */
  zoomAt(factor: number, sx: number, sy: number): void {
    const next = Math.min(32, Math.max(0.05, this.scale * factor));
    const f = next / this.scale;
    this.tx = sx - (sx - this.tx) * f;
    this.ty = sy - (sy - this.ty) * f;
    this.scale = next;
    this.draw();
  }

  /** Stage CSS pixels → image coordinates (pixel centres at integers). */
  toImage(sx: number, sy: number): { x: number; y: number } {
    return { x: (sx - this.tx) / this.scale - 0.5, y: (sy - this.ty) / this.scale - 0.5 };
  }

  draw(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.paint());
  }

  private paint(): void {
    const { g, canvas } = this;
    const dpr = window.devicePixelRatio || 1;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = '#1d1f24';
    g.fillRect(0, 0, canvas.width, canvas.height);
    const base = this.showOriginal && this.layers.colour ? this.layers.colour : this.layers.gray;
    if (!base) return;
    g.setTransform(this.scale * dpr, 0, 0, this.scale * dpr, this.tx * dpr, this.ty * dpr);
    g.imageSmoothingEnabled = this.scale < 2;
    g.drawImage(base, 0, 0);
    const res = this.layers.result;
    if (res && this.showResult && !this.showOriginal && this.split > 0) {
      const w = base.width * this.split;
      g.save();
      g.beginPath();
      g.rect(0, 0, w, base.height);
      g.clip();
      g.drawImage(res, 0, 0, base.width, base.height);
      g.restore();
      if (this.split < 1) {
        g.fillStyle = '#ffffff';
        g.fillRect(w - 1 / this.scale, 0, 2 / this.scale, base.height);
      }
    }
    if (this.showStrokes) {
      g.lineCap = 'round';
      g.lineJoin = 'round';
      for (const s of this.live ? [...this.strokes, this.live] : this.strokes) this.paintStroke(s);
    }
    if (this.cursor) {
      g.lineWidth = 1.5 / this.scale;
      g.strokeStyle = 'rgba(255,255,255,0.9)';
      g.beginPath();
      // Never smaller on screen than MIN_SCREEN_PX, however far out the view is zoomed.
      const r = Math.max(this.cursor.r, MIN_SCREEN_PX / 2 / this.scale);
      g.arc(this.cursor.x + 0.5, this.cursor.y + 0.5, r, 0, 2 * Math.PI);
      g.stroke();
    }
  }

  private paintStroke(s: Stroke): void {
    const { g } = this;
    const p = s.points;
    g.strokeStyle = s.color;
    g.fillStyle = s.color;
    // A mask stroke (fused view) shows as a translucent band over the photo.
    g.globalAlpha = s.mask ? 0.45 : 1;
    // Drawn at least MIN_SCREEN_PX wide so it stays visible zoomed out; the stroke itself (what the
    // solver gets) keeps its width.
    const w = Math.max(s.width, MIN_SCREEN_PX / this.scale);
    g.lineWidth = w;
    if (p.length === 2) {
      g.beginPath();
      g.arc(p[0] + 0.5, p[1] + 0.5, w / 2, 0, 2 * Math.PI);
      g.fill();
      g.globalAlpha = 1;
      return;
    }
    g.beginPath();
    g.moveTo(p[0] + 0.5, p[1] + 0.5);
    for (let k = 2; k < p.length; k += 2) g.lineTo(p[k] + 0.5, p[k + 1] + 0.5);
    g.stroke();
    g.globalAlpha = 1;
  }
}
