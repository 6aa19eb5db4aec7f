/**
 * The studio's fused view (issue 18): strokes, the reference (uploaded or the gallery's pick) and
 * the automatic prediction as hints of one `fuse` preview, and the local re-colouring of a colour
 * photo with strokes and a mask brush.
 *
 * What does not change with a stroke — the CNN's distribution and the reference's candidates — is
 * asked of the service once, when a toggle or the reference changes (POST /v1/fuse/sources), and
 * handed to the preview worker; a stroke then redoes only the stroke candidates and the coupled-TV
 * selection there (src/methods/fuse/preview.ts). *Fuse at full size* runs the catalogue's `fuse`
 * on the service (it needs ONNX Runtime), with the same hints and, for re-colouring, the mask.
 */
import type { ImageF32 } from '../../src/image/image.js';
import { DEFAULT_FEATHER } from '../../src/methods/catalogue/region.js';
import { FUSE_DEFAULTS } from '../../src/methods/fuse/candidates.js';
import { copyPlanes, type LoadedPhoto } from './image-load.js';
import { colorizeOnServer, type ServerResult } from './service.js';
import { type Stroke, strokesToJson, toRaster } from './strokes-model.js';
import type { WorkerClient } from './worker-client.js';

/** What the panel needs from the studio page. */
export interface FuseHost {
  preview: WorkerClient;
  photo(): LoadedPhoto | null;
  /** The uploaded reference, or the gallery's choice ('auto' or a name). */
  reference(): { blob: Blob } | { gallery: string } | null;
  /** A hint changed: redraw the preview. */
  changed(): void;
  status(text: string, error?: boolean): void;
  showServerResult(blob: Blob): Promise<void>;
  showOriginal(on: boolean): void;
  hasService(): boolean;
}

const html = `
  <h2>Fused hints</h2>
  <label class="row check"><input id="fuse-on" type="checkbox" /> Fused preview</label>
  <label class="row check"><input id="fuse-ref" type="checkbox" disabled /> Reference (the one above)</label>
  <label class="row check"><input id="fuse-auto" type="checkbox" disabled /> Automatic</label>
  <label class="row check"><input id="fuse-recolour" type="checkbox" disabled /> Re-colour the colour photo</label>
  <div class="row">
    <button id="fuse-mask" class="tool" title="Paint the region strokes may re-colour (M)" disabled>Mask brush</button>
    <label>Feather <input id="fuse-feather" type="number" min="0" max="200" step="1" value="${DEFAULT_FEATHER}" style="width:4em" /></label>
  </div>
  <button id="fuse-run" class="primary" disabled title="Run fuse on the service at the photo's size with these hints">Fuse at full size</button>
  <p id="fuse-info" class="muted small">Strokes, a reference and the automatic prediction as candidates of one model (colorize fuse).</p>
`;

export class FusePanel {
  readonly section: HTMLElement;
  private readonly host: FuseHost;
  /** Bumped at every sources request: an older answer that comes late is dropped. */
  private generation = 0;
  private maskBrush = false;
  /** The photo whose colours the worker has (sent once per photo). */
  private colourSent: LoadedPhoto | null = null;
  /** Resolves when the worker has the sources of the current toggles. */
  private ready: Promise<void> = Promise.resolve();

  constructor(parent: HTMLElement, host: FuseHost) {
    this.host = host;
    this.section = document.createElement('section');
    this.section.id = 'fuse-section';
    this.section.innerHTML = html;
    parent.append(this.section);
    const el = (id: string) => this.section.querySelector<HTMLInputElement>(`#${id}`)!;
    el('fuse-on').addEventListener('change', () => this.sourcesChanged());
    el('fuse-ref').addEventListener('change', () => this.sourcesChanged());
    el('fuse-auto').addEventListener('change', () => this.sourcesChanged());
    el('fuse-recolour').addEventListener('change', () => {
      this.host.showOriginal(this.recolouring);
      this.sourcesChanged();
    });
    el('fuse-feather').addEventListener('change', () => this.host.changed());
    this.section
      .querySelector('#fuse-mask')!
      .addEventListener('click', () => this.setMaskBrush(!this.maskBrush));
    this.section.querySelector('#fuse-run')!.addEventListener('click', () => {
      this.fullSize().catch((e: Error) => this.host.status(`fuse: ${e.message}`, true));
    });
  }

  private input(id: string): HTMLInputElement {
    return this.section.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  /** Whether the live preview is the fused one. */
  get active(): boolean {
    return this.input('fuse-on').checked && this.host.photo() !== null;
  }

  /** Re-colouring: a colour photo, with the toggle on. */
  get recolouring(): boolean {
    return this.active && this.input('fuse-recolour').checked && this.host.photo()?.colour != null;
  }

  private get useReference(): boolean {
    return (
      this.active && !this.recolouring && this.input('fuse-ref').checked && this.host.reference() !== null
    );
  }

  private get useAuto(): boolean {
    return this.active && !this.recolouring && this.input('fuse-auto').checked && this.host.hasService();
  }

  /** Extra fields of a new stroke: mask strokes while the mask brush is on. */
  strokeFlags(): Partial<Stroke> {
    return this.maskBrush && this.recolouring ? { mask: true, color: '#ffffff' } : {};
  }

  setMaskBrush(on: boolean): void {
    this.maskBrush = on && this.recolouring;
    this.section.querySelector('#fuse-mask')!.classList.toggle('active', this.maskBrush);
  }

  /** A new photo: the worker needs its colours again, and the sources are the photo's. */
  photoLoaded(): void {
    this.colourSent = null;
    this.sourcesChanged();
  }

  /** The reference (upload or gallery pick) changed. */
  referenceChanged(): void {
    if (this.input('fuse-ref').checked) this.sourcesChanged();
    else this.refreshControls();
  }

  /** Enables the controls that apply (after the service's methods are known). */
  refresh(): void {
    this.refreshControls();
  }

  private refreshControls(): void {
    const on = this.input('fuse-on').checked && this.host.photo() !== null;
    const colour = this.host.photo()?.colour != null;
    const rec = on && colour && this.input('fuse-recolour').checked;
    this.input('fuse-ref').disabled = !on || rec || this.host.reference() === null;
    this.input('fuse-auto').disabled = !on || rec || !this.host.hasService();
    this.input('fuse-recolour').disabled = !on || !colour;
    (this.section.querySelector('#fuse-mask') as HTMLButtonElement).disabled = !rec;
    if (!rec) this.setMaskBrush(false);
    (this.section.querySelector('#fuse-run') as HTMLButtonElement).disabled = !on || !this.host.hasService();
  }

  /**
   * The toggles or the reference changed: ask the service for the sources that do not depend on
   * the strokes (none for strokes alone or re-colouring) and hand them to the preview worker.
   */
  sourcesChanged(): void {
    this.refreshControls();
    const photo = this.host.photo();
    if (!photo || !this.active) {
      this.host.changed();
      return;
    }
    const gen = ++this.generation;
    const useRef = this.useReference;
    const useAuto = this.useAuto;
    const info = this.section.querySelector('#fuse-info')!;
    this.ready = (async () => {
      let sources: ArrayBuffer | null = null;
      if (useRef || useAuto) {
        info.textContent = `Computing the ${[useRef && 'reference', useAuto && 'automatic'].filter(Boolean).join(' and ')} candidates on the service…`;
        const t0 = performance.now();
        sources = await this.fetchSources(photo, useRef, useAuto);
        if (gen !== this.generation) return;
        info.textContent = `Sources ready in ${(performance.now() - t0).toFixed(0)} ms; a stroke redoes only the strokes' part.`;
      } else
        info.textContent = this.recolouring
          ? 'Re-colouring: strokes change their surroundings; the mask brush limits them.'
          : 'Strokes alone: Levin et al.';
      const colour =
        photo.colour && this.colourSent !== photo ? (copyPlanes(photo.colour) as ImageF32) : undefined;
      await this.host.preview.request(
        {
          type: 'fuse-sources',
          sources,
          hints: { reference: useRef, auto: useAuto },
          ...(colour ? { colour } : {}),
        },
        sources ? [sources] : [],
      );
      if (colour) this.colourSent = photo;
    })();
    this.ready.then(
      () => {
        if (gen === this.generation) this.host.changed();
      },
      (e: Error) => {
        if (gen === this.generation) {
          info.textContent = `The service could not compute the sources: ${e.message}`;
          this.host.status(`fuse: ${e.message}`, true);
        }
      },
    );
  }

  private async fetchSources(photo: LoadedPhoto, useRef: boolean, useAuto: boolean): Promise<ArrayBuffer> {
    const body = new FormData();
    body.append('gray', photo.blob, 'gray.png');
    if (useRef) {
      const ref = this.host.reference();
      if (ref && 'blob' in ref) body.append('reference', ref.blob, 'reference.png');
      else if (ref) body.append('gallery', ref.gallery);
    }
    if (useAuto) body.append('auto', 'true');
    const res = await fetch('v1/fuse/sources', { method: 'POST', body });
    if (!res.ok) {
      let msg = `${res.status} ${res.statusText}`;
      try {
        msg = ((await res.json()) as { message: string }).message;
      } catch {
        // not JSON
      }
      throw new Error(msg);
    }
    return res.arrayBuffer();
  }

  /** The worker request of the fused preview for these strokes, or null when the view is off. */
  previewRequest(strokes: Stroke[]) {
    if (!this.active) return null;
    const colour = toRaster(strokes);
    if (this.recolouring) {
      const mask = strokes.filter((s) => s.mask).map((s) => ({ ...toRaster([{ ...s, mask: false }])[0] }));
      return {
        type: 'fuse-preview' as const,
        strokes: colour,
        recolour: {
          mask,
          strokeSigma: FUSE_DEFAULTS.strokeSigma,
          edgeCost: FUSE_DEFAULTS.edgeCost,
          feather: this.feather,
        },
      };
    }
    return { type: 'fuse-preview' as const, strokes: colour };
  }

  /** Waits until the worker has the current sources (the tests and the first preview). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private get feather(): number {
    const v = Number(this.input('fuse-feather').value);
    return Number.isFinite(v) && v >= 0 ? v : DEFAULT_FEATHER;
  }

  /** The mask strokes as a white-on-black PNG at the photo's size (the `--mask` of `fuse`). */
  private async maskPng(strokes: Stroke[], width: number, height: number): Promise<Blob> {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const g = c.getContext('2d')!;
    g.fillStyle = '#000';
    g.fillRect(0, 0, width, height);
    g.strokeStyle = '#fff';
    g.fillStyle = '#fff';
    g.lineCap = 'round';
    g.lineJoin = 'round';
    for (const s of strokes) {
      const p = s.points;
      g.lineWidth = s.width;
      g.beginPath();
      if (p.length === 2) {
        g.arc(p[0] + 0.5, p[1] + 0.5, s.width / 2, 0, 2 * Math.PI);
        g.fill();
        continue;
      }
      g.moveTo(p[0] + 0.5, p[1] + 0.5);
      for (let k = 2; k < p.length; k += 2) g.lineTo(p[k] + 0.5, p[k + 1] + 0.5);
      g.stroke();
    }
    const blob = await new Promise<Blob | null>((res) => c.toBlob(res, 'image/png'));
    if (!blob) throw new Error('could not encode the mask');
    return blob;
  }

  /** The gray photo as a PNG (a colour photo fused from hints is coloured from its luma). */
  private async grayPng(photo: LoadedPhoto): Promise<Blob> {
    if (!photo.colour) return photo.blob;
    const { width, height } = photo.gray;
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const g = c.getContext('2d')!;
    const img = g.createImageData(width, height);
    const y = photo.gray.channels[0];
    for (let i = 0; i < y.length; i++) {
      const v = Math.round(Math.min(1, Math.max(0, y[i])) * 255);
      img.data[4 * i] = v;
      img.data[4 * i + 1] = v;
      img.data[4 * i + 2] = v;
      img.data[4 * i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    const blob = await new Promise<Blob | null>((res) => c.toBlob(res, 'image/png'));
    if (!blob) throw new Error('could not encode the photo');
    return blob;
  }

  /** `fuse` on the service at the photo's size, with the hints of the view. */
  async fullSize(strokes: Stroke[] = this.lastStrokes()): Promise<ServerResult | null> {
    const photo = this.host.photo();
    if (!photo) return null;
    const colourStrokes = strokes.filter((s) => !s.mask);
    const files: Record<string, Blob> = {};
    const fields: Record<string, string> = {};
    if (colourStrokes.length)
      files.strokes = new Blob([strokesToJson(colourStrokes)], { type: 'application/json' });
    if (this.recolouring) {
      if (!colourStrokes.length) throw new Error('paint a stroke to re-colour');
      files.gray = photo.blob;
      const mask = strokes.filter((s) => s.mask);
      if (mask.length) {
        files.mask = await this.maskPng(mask, photo.gray.width, photo.gray.height);
        fields.feather = String(this.feather);
      }
    } else {
      files.gray = await this.grayPng(photo);
      const ref = this.useReference ? this.host.reference() : null;
      if (ref && 'blob' in ref) files.reference = ref.blob;
      else if (ref) fields.gallery = ref.gallery;
      if (this.useAuto) fields.auto = 'true';
      if (!colourStrokes.length && !ref && !this.useAuto)
        throw new Error('no hint: paint a stroke, or tick the reference or automatic');
    }
    this.host.status('Running fuse on the service at full size…');
    const t0 = performance.now();
    const out = await colorizeOnServer('fuse', files, fields);
    await this.host.showServerResult(out.blob);
    const notes = out.notices.length ? `; ${out.notices.join('; ')}` : '';
    this.section.querySelector('#fuse-info')!.textContent =
      `fuse at full size: ${(performance.now() - t0).toFixed(0)} ms (server)${notes}.`;
    this.host.status('Fused result at full size ready.');
    return out;
  }

  /** The strokes the page shows (set by the page before a full-size run). */
  strokes: () => Stroke[] = () => [];

  private lastStrokes(): Stroke[] {
    return this.strokes();
  }
}
