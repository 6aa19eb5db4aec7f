/**
 * The web studio: open a photo, paint coloured strokes, watch the colorization follow in a Web
 * Worker, apply a reference photo (uploaded, or from the server's gallery; in the browser or
 * through the service), compare, download. Method lists and option controls are generated from the
 * method descriptions (`GET v1/methods` and the worker's list), never from per-method code.
 */

import examplePhotoUrl from '../../examples/scene_gray.png?url';
import exampleStrokesUrl from '../../examples/scene_strokes.json?url';
import type { ImageF32 } from '../../src/image/image.js';
import { DEFAULT_PREVIEW_PIXELS } from '../../src/methods/scribbles/levin/preview.js';
import { FusePanel } from './fuse-panel.js';
import {
  copyPlanes,
  decodePhoto,
  download,
  type LoadedPhoto,
  planesToCanvas,
  rgbaToCanvas,
} from './image-load.js';
import type { MethodDescription } from './method-description.js';
import { OptionsForm } from './options-form.js';
import type { WorkerReply } from './protocol.js';
import { ResultOrder } from './result-order.js';
import {
  colorizeOnServer,
  fetchGallery,
  fetchMethods,
  galleryThumbUrl,
  type MethodInfo,
  type ServerResult,
  ServiceError,
} from './service.js';
import {
  eraseAt,
  type Stroke,
  StrokeHistory,
  strokesFromJsonText,
  strokesToJson,
  toRaster,
} from './strokes-model.js';
import { Stage } from './view.js';
import { WorkerClient } from './worker-client.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

type Tool = 'brush' | 'eraser' | 'pan';

const stage = new Stage($<HTMLCanvasElement>('canvas'));
const history = new StrokeHistory();
const preview = new WorkerClient();
const heavy = new WorkerClient(); // full-resolution solves and transfers, so the preview stays live
/** Keeps a late preview from replacing a result asked for after it. */
const order = new ResultOrder();
let photo: LoadedPhoto | null = null;
let reference: { blob: Blob; planes: ImageF32; name: string } | null = null;
let tool: Tool = 'brush';
let resultKind: 'preview' | 'full' | 'reference' | null = null;
let localMethods: MethodDescription[] = [];
let serviceMethods: MethodInfo[] | null = null;
/** The gallery image chosen as reference ('auto': the server picks the nearest), or null. */
let galleryChoice: string | null = null;
const refForm = new OptionsForm($('method-options'), 'opt');
const autoForm = new OptionsForm($('auto-options'), 'auto-opt');
const scribbleForm = new OptionsForm($('scribble-options'), 'scribble-opt');
/** The fused view (web/src/fuse-panel.ts): its own section, hooked into the preview below. */
const fuse = new FusePanel($('right'), {
  preview,
  photo: () => photo,
  reference: () => (reference ? { blob: reference.blob } : galleryChoice ? { gallery: galleryChoice } : null),
  changed: () => requestPreview(),
  status,
  showServerResult: (blob) => {
    order.ask();
    return showServerResult(blob, 'full');
  },
  // Re-colouring: the photo's own colours are the result until a stroke changes them.
  showOriginal: (on) => {
    if (on && stage.layers.colour && history.current.length === 0) {
      stage.layers.result = stage.layers.colour;
      resultKind = 'preview';
      stage.draw();
      refreshButtons();
    }
  },
  hasService: () => serviceMethods?.some((m) => m.name === 'fuse') ?? false,
});
fuse.strokes = () => history.current;

/** Figures the browser tests read. */
const stats = { previews: 0, lastPreviewMs: 0, lastWorkMs: 0, previewMs: [] as number[], ready: false };
Object.assign(window, {
  __studio: {
    stats,
    stage,
    history,
    resultPixel,
    loadPhoto,
    loadStrokesText,
    localMethods: () => localMethods,
    fuse,
    // The preview's worker client: a test delays its replies to check their order (result-order.ts).
    previewClient: preview,
  },
});

function status(text: string, error = false): void {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', error);
}

function stem(): string {
  return (photo?.name ?? 'photo').replace(/\.[^.]+$/, '').replace(/_gray$/, '');
}

// ---------------------------------------------------------------- photo and strokes

async function loadPhoto(blob: Blob, name: string): Promise<void> {
  status(`Opening ${name}…`);
  const p = await decodePhoto(blob, name);
  photo = p;
  history.reset();
  resultKind = null;
  stage.layers = {
    gray: planesToCanvas(p.gray),
    colour: p.colour ? planesToCanvas(p.colour) : null,
    result: null,
  };
  stage.strokes = [];
  $<HTMLInputElement>('show-original').disabled = !p.colour;
  $<HTMLInputElement>('show-original').checked = false;
  stage.showOriginal = false;
  $('drop-hint').hidden = true;
  stage.fit();
  fitBrush();
  await preview.request({ type: 'init', gray: copyPlanes(p.gray) });
  await heavy.request({ type: 'init', gray: copyPlanes(p.gray) });
  fuse.photoLoaded();
  const mp = ((p.gray.width * p.gray.height) / 1e6).toFixed(2);
  status(
    `${name}: ${p.gray.width}×${p.gray.height} (${mp} MP), ${p.colour ? 'colour — shown as gray (O shows the original)' : 'gray'}`,
  );
  refreshButtons();
}

function loadStrokesText(text: string): void {
  if (!photo) throw new Error('open a photo first');
  const strokes = strokesFromJsonText(text, photo.gray.width, photo.gray.height);
  setStrokes(strokes);
  status(`${strokes.length} strokes loaded`);
}

function setStrokes(next: Stroke[]): void {
  history.commit(next);
  strokesChanged();
}

function strokesChanged(): void {
  stage.strokes = history.current;
  stage.draw();
  refreshButtons();
  requestPreview();
}

function refreshButtons(): void {
  $<HTMLButtonElement>('undo').disabled = !history.canUndo;
  $<HTMLButtonElement>('redo').disabled = !history.canRedo;
  $<HTMLButtonElement>('clear').disabled = history.current.length === 0;
  $<HTMLButtonElement>('save-strokes').disabled = history.current.length === 0;
  $<HTMLButtonElement>('download').disabled = !stage.layers.result;
  $<HTMLButtonElement>('full').disabled = !photo || history.current.length === 0;
  $<HTMLButtonElement>('run-ref').disabled = !photo || (!reference && !galleryChoice);
  $<HTMLButtonElement>('run-auto').disabled = !photo;
}

// ---------------------------------------------------------------- preview

function showResult(r: WorkerReply & { type: 'image' }, kind: 'preview' | 'full' | 'reference'): void {
  stage.layers.result = rgbaToCanvas(r.rgba, r.width, r.height);
  resultKind = kind;
  stage.draw();
  refreshButtons();
}

function requestPreview(): void {
  if (!photo) return;
  const strokes = stage.live ? [...history.current, stage.live] : history.current;
  if (strokes.length === 0) {
    if (resultKind === 'preview' || resultKind === 'full') {
      stage.layers.result = null;
      resultKind = null;
      stage.draw();
      refreshButtons();
    }
    $('result-info').textContent = 'Paint strokes: the preview follows.';
    return;
  }
  const t0 = performance.now();
  const ticket = order.ask();
  preview.latest(fuse.previewRequest(strokes) ?? { type: 'preview', strokes: toRaster(strokes) }).then(
    (r) => {
      // Previews are asked for only when strokes change, so a reply replaces any earlier result,
      // unless a result was asked for since (web/src/result-order.ts).
      if (r?.type !== 'image' || !order.isNewest(ticket)) return;
      showResult(r, 'preview');
      const ms = performance.now() - t0;
      stats.previews++;
      stats.lastPreviewMs = ms;
      stats.lastWorkMs = r.workMs;
      stats.previewMs.push(ms);
      $('result-info').textContent = `Preview in ${ms.toFixed(0)} ms (${r.note}).`;
      // A status from an earlier action ("cheng applied …", an old error) no longer holds.
      const n = history.current.length;
      status(`Stroke preview: ${n} stroke${n === 1 ? '' : 's'}. Full resolution solves at the photo's size.`);
    },
    (e: Error) => status(`preview: ${e.message}`, true),
  );
}

async function fullResolution(): Promise<void> {
  if (!photo || history.current.length === 0) return;
  const method = $<HTMLSelectElement>('scribble-method').value;
  const t0 = performance.now();
  order.ask();
  if (runsInBrowser(method, scribbleForm)) {
    status(`Solving with ${method} at full resolution…`);
    const r = await inWorker(scribbleForm, {
      type: 'full',
      strokes: toRaster(history.current),
      method,
      strokesJson: strokesToJson(history.current),
      options: scribbleForm.values(),
    });
    if (r.type !== 'image') return;
    showResult(r, 'full');
    const ms = performance.now() - t0;
    $('result-info').textContent = `Full resolution in ${ms.toFixed(0)} ms (${r.note}).`;
  } else {
    status(`Solving with ${method} on the server…`);
    const strokes = new Blob([strokesToJson(history.current)], { type: 'application/json' });
    const out = await onServer(scribbleForm, method, { gray: photo.blob, strokes });
    await showServerResult(out.blob, 'full');
    const ms = performance.now() - t0;
    $('result-info').textContent = `Full resolution in ${ms.toFixed(0)} ms (${method}, server)${notes(out)}.`;
  }
  status('Full-resolution result ready.');
}

// ---------------------------------------------------------------- reference

async function loadReference(blob: Blob, name: string): Promise<void> {
  const p = await decodePhoto(blob, name);
  if (!p.colour) {
    status(`${name} is gray: a reference must have colours`, true);
    return;
  }
  reference = { blob, planes: p.colour, name };
  chooseGallery(null);
  const img = $<HTMLImageElement>('ref-thumb');
  img.src = URL.createObjectURL(blob);
  img.hidden = false;
  $('ref-hint').hidden = true;
  const r = await heavy.request({ type: 'palette', reference: copyPlanes(p.colour) });
  if (r.type === 'palette') renderPalette(r.colours);
  status(`Reference ${name}: ${p.colour.width}×${p.colour.height}`);
  refreshButtons();
  fuse.referenceChanged();
}

function renderPalette(colours: Array<{ hex: string; share: number }>): void {
  const box = $('palette');
  box.replaceChildren();
  for (const c of colours) {
    const b = document.createElement('button');
    b.style.background = c.hex;
    b.title = `${c.hex} (${(c.share * 100).toFixed(0)} % of the reference)`;
    b.addEventListener('click', () => {
      $<HTMLInputElement>('color').value = c.hex;
      setTool('brush');
    });
    box.append(b);
  }
}

/** A method's description: the service's when it has one, else the worker's. */
function describe(name: string): MethodDescription | undefined {
  return serviceMethods?.find((x) => x.name === name) ?? localMethods.find((x) => x.name === name);
}

/**
 * Whether a method runs in the browser worker: the worker has it, the service (if any) says it is
 * browser-safe, and every option the user changed is one the worker's description lists.
 */
function runsInBrowser(name: string, form: OptionsForm): boolean {
  const local = localMethods.find((m) => m.name === name);
  if (!local || !(serviceMethods?.find((m) => m.name === name)?.browser ?? true)) return false;
  return Object.keys(form.values()).every((k) => local.options.some((o) => o.key === k));
}

/** Fills a method select from descriptions: the service's first, then the worker's it lacks. */
function fillMethodSelect(id: string, families: Array<MethodDescription['family']>): MethodDescription[] {
  const list: MethodDescription[] = [];
  for (const m of serviceMethods ?? []) if (families.includes(m.family)) list.push(m);
  for (const m of localMethods)
    if (families.includes(m.family) && !list.some((x) => x.name === m.name)) list.push(m);
  const select = $<HTMLSelectElement>(id);
  select.replaceChildren(
    ...list.map((m) => {
      const el = document.createElement('option');
      el.value = m.name;
      const local = localMethods.some((x) => x.name === m.name) && m.browser;
      el.textContent = serviceMethods ? `${m.name} · ${local ? 'browser' : 'server'}` : m.name;
      return el;
    }),
  );
  const dflt = list.find((m) => m.familyDefault);
  if (dflt) select.value = dflt.name;
  return list;
}

async function initMethods(): Promise<void> {
  const [local, remote, gallery] = await Promise.all([
    heavy.request({ type: 'methods' }),
    fetchMethods(),
    fetchGallery(),
  ]);
  localMethods = local.type === 'methods' ? local.methods : [];
  serviceMethods = remote;
  // Scribbles have their own panel, automatic methods take the photo alone; the others a reference.
  const withReference = fillMethodSelect('method', ['transfer', 'exemplar']);
  // The photo is usually gray: start with a browser method that also colours gray targets.
  const preferred = withReference.find((m) => m.browser && m.alsoIn?.includes('exemplar'));
  if (preferred) $<HTMLSelectElement>('method').value = preferred.name;
  fillMethodSelect('scribble-method', ['scribbles']);
  const auto = fillMethodSelect('auto-method', ['automatic']);
  $('auto-section').hidden = auto.length === 0;
  describeMethod();
  describeScribbleMethod();
  describeAuto();
  renderGallery(gallery.map((g) => g.name));
  if (!remote) status('No service found: server-only methods are hidden (run `colorize studio`).');
  fuse.refresh();
}

function describeMethod(): void {
  const m = describe($<HTMLSelectElement>('method').value);
  $('method-info').textContent = m?.summary ?? '';
  refForm.show(m?.options ?? []);
}

function describeScribbleMethod(): void {
  const m = describe($<HTMLSelectElement>('scribble-method').value);
  const local =
    localMethods.find((x) => x.family === 'scribbles' && x.familyDefault) ??
    localMethods.find((x) => x.family === 'scribbles');
  $('scribble-info').textContent =
    `${m?.summary ?? ''}${local ? ` (live preview: ${local.name} with its defaults)` : ''}`.trim();
  scribbleForm.show(m?.options ?? []);
}

function describeAuto(): void {
  const m = describe($<HTMLSelectElement>('auto-method').value);
  $('auto-info').textContent = m?.summary ?? '';
  autoForm.show(m?.options ?? []);
}

// ---------------------------------------------------------------- gallery

/** The picker: 'auto (nearest)' and a strip of the server gallery's thumbnails (hidden when empty). */
function renderGallery(names: string[]): void {
  $('gallery-section').hidden = names.length === 0;
  const strip = $('gallery');
  const auto = document.createElement('button');
  auto.textContent = 'auto (nearest)';
  auto.title = 'the server picks the gallery photo nearest to the target';
  auto.dataset.gallery = 'auto';
  auto.className = 'gallery-auto';
  const thumbs = names.map((n) => {
    const b = document.createElement('button');
    b.dataset.gallery = n;
    b.title = n;
    const img = document.createElement('img');
    img.src = galleryThumbUrl(n);
    img.alt = n;
    b.append(img);
    return b;
  });
  for (const b of [auto, ...thumbs])
    b.addEventListener('click', () =>
      chooseGallery(galleryChoice === b.dataset.gallery ? null : b.dataset.gallery!),
    );
  strip.replaceChildren(auto, ...thumbs);
}

const REF_HINT = $('ref-hint').textContent ?? '';

/** Makes a gallery image (or 'auto') the reference, in place of an uploaded one; null clears it. */
function chooseGallery(choice: string | null): void {
  galleryChoice = choice;
  for (const b of $('gallery').querySelectorAll<HTMLElement>('button'))
    b.classList.toggle('active', b.dataset.gallery === choice);
  if (choice !== null) {
    reference = null;
    const img = $<HTMLImageElement>('ref-thumb');
    img.hidden = choice === 'auto';
    if (choice !== 'auto') img.src = galleryThumbUrl(choice);
    $('ref-hint').hidden = choice !== 'auto';
    $('ref-hint').textContent = 'The server picks the gallery photo nearest to yours';
    $('palette').replaceChildren();
    status(choice === 'auto' ? 'Reference: the nearest gallery photo' : `Reference: gallery photo ${choice}`);
    if (choice !== 'auto') void guard(() => galleryPalette(choice));
  } else if (!reference) {
    $<HTMLImageElement>('ref-thumb').hidden = true;
    $('ref-hint').hidden = false;
    $('ref-hint').textContent = REF_HINT;
    $('palette').replaceChildren();
  }
  refreshButtons();
  fuse.referenceChanged();
}

/** The palette of a gallery photo, from its thumbnail. */
async function galleryPalette(name: string): Promise<void> {
  const p = await decodePhoto(await (await fetch(galleryThumbUrl(name))).blob(), name);
  if (!p.colour || galleryChoice !== name) return;
  const r = await heavy.request({ type: 'palette', reference: copyPlanes(p.colour) });
  if (r.type === 'palette' && galleryChoice === name) renderPalette(r.colours);
}

/** Shows an image the service returned as the result layer. */
async function showServerResult(blob: Blob, kind: 'full' | 'reference' = 'reference'): Promise<void> {
  const bmp = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = bmp.width;
  c.height = bmp.height;
  c.getContext('2d')!.drawImage(bmp, 0, 0);
  stage.layers.result = c;
  resultKind = kind;
  stage.draw();
  refreshButtons();
}

/**
 * Runs a method on the service with the form's changed options as fields; a refusal of the
 * request (400/422: an option out of range, a wrong input) is shown next to the form.
 */
async function onServer(
  form: OptionsForm,
  method: string,
  files: Record<string, Blob>,
  extra: Record<string, string> = {},
): Promise<ServerResult> {
  form.clearError();
  try {
    return await colorizeOnServer(method, files, { ...form.fields(), ...extra });
  } catch (e) {
    if (e instanceof ServiceError && e.status >= 400 && e.status < 500) form.showError(e.message);
    throw e;
  }
}

/** Runs a request in the heavy worker; a refusal (e.g. an option out of range) shows by the form. */
async function inWorker(
  form: OptionsForm,
  req: Parameters<WorkerClient['request']>[0],
): Promise<WorkerReply> {
  form.clearError();
  try {
    return await heavy.request(req);
  } catch (e) {
    form.showError((e as Error).message);
    throw e;
  }
}

/** The service's notes for the result line. */
function notes(out: ServerResult): string {
  return out.notices.length ? `; ${out.notices.join('; ')}` : '';
}

async function runReference(): Promise<void> {
  if (!photo || (!reference && !galleryChoice)) return;
  const method = $<HTMLSelectElement>('method').value;
  const info = describe(method);
  // A gallery reference lives on the server: the service runs the method.
  const inBrowser = !galleryChoice && runsInBrowser(method, refForm);
  status(`Running ${method} ${inBrowser ? 'in the browser' : 'on the server'}…`);
  const t0 = performance.now();
  order.ask();
  let note = '';
  if (inBrowser && reference) {
    const target = copyPlanes(photo.colour ?? photo.gray);
    const r = await inWorker(refForm, {
      type: 'transfer',
      method,
      target,
      reference: copyPlanes(reference.planes),
      options: refForm.values(),
    });
    if (r.type === 'image') showResult(r, 'reference');
  } else if (galleryChoice) {
    if (!info?.inputs.some((i) => i.kind === 'gallery')) {
      const why = `${method} takes no gallery photo: upload a reference, or pick another method`;
      refForm.showError(why);
      throw new Error(why);
    }
    const out = await onServer(refForm, method, { target: photo.blob }, { gallery: galleryChoice });
    await showServerResult(out.blob);
    note = notes(out);
  } else if (reference) {
    const out = await onServer(refForm, method, { target: photo.blob, reference: reference.blob });
    await showServerResult(out.blob);
    note = notes(out);
  }
  const ms = performance.now() - t0;
  $('result-info').textContent =
    `${method}: ${ms.toFixed(0)} ms (${inBrowser ? 'browser' : 'server'})${note}.`;
  status(`${method} applied. Paint a stroke to go back to the stroke preview.`);
}

async function runAuto(): Promise<void> {
  if (!photo) return;
  const method = $<HTMLSelectElement>('auto-method').value;
  status(`Running ${method} on the server…`);
  const t0 = performance.now();
  order.ask();
  const out = await onServer(autoForm, method, { gray: photo.blob });
  await showServerResult(out.blob);
  $('result-info').textContent =
    `${method}: ${(performance.now() - t0).toFixed(0)} ms (server)${notes(out)}.`;
  status(`${method} applied. Paint a stroke to go back to the stroke preview.`);
}

// ---------------------------------------------------------------- downloads

async function downloadResult(): Promise<void> {
  if (!photo || !stage.layers.result) return;
  // The live preview solves on a reduced grid for large photos: solve at full size first.
  if (resultKind === 'preview' && fuse.active) await fuse.fullSize();
  else if (resultKind === 'preview' && photo.gray.width * photo.gray.height > DEFAULT_PREVIEW_PIXELS)
    await fullResolution();
  // Through an opaque canvas: the PNG then has no alpha channel the photo did not have.
  const src = stage.layers.result;
  const opaque = document.createElement('canvas');
  opaque.width = src.width;
  opaque.height = src.height;
  opaque.getContext('2d', { alpha: false })!.drawImage(src, 0, 0);
  const blob = await new Promise<Blob | null>((res) => opaque.toBlob(res, 'image/png'));
  if (blob) download(blob, `${stem()}_colorized.png`);
}

function saveStrokes(): void {
  if (history.current.length === 0) return;
  download(
    new Blob([strokesToJson(history.current)], { type: 'application/json' }),
    `${stem()}_strokes.json`,
  );
}

/** RGB (0–255) of the result at image pixel (x, y), for tests. */
function resultPixel(x: number, y: number): [number, number, number] | null {
  const c = stage.layers.result;
  if (!c || !photo) return null;
  // A preview of a large photo is smaller than the photo: read the pixel it shows there.
  const px = Math.min(c.width - 1, Math.floor(((x + 0.5) * c.width) / photo.gray.width));
  const py = Math.min(c.height - 1, Math.floor(((y + 0.5) * c.height) / photo.gray.height));
  const d = c.getContext('2d')!.getImageData(px, py, 1, 1).data;
  return [d[0], d[1], d[2]];
}

// ---------------------------------------------------------------- pointer

function setTool(t: Tool): void {
  tool = t;
  for (const n of ['brush', 'eraser', 'pan'] as Tool[]) $(`tool-${n}`).classList.toggle('active', n === t);
  $('stage').className = t;
}

const brushSize = () => Number($<HTMLInputElement>('size').value);
let drag: { mode: Tool; sx: number; sy: number; tx: number; ty: number; work?: Stroke[] } | null = null;
let spaceDown = false;

function stagePoint(e: PointerEvent | WheelEvent): { sx: number; sy: number } {
  const r = stage.canvas.getBoundingClientRect();
  return { sx: e.clientX - r.left, sy: e.clientY - r.top };
}

function clampToImage(x: number, y: number): [number, number] {
  const s = stage.imageSize!;
  return [Math.min(s.width - 0.5, Math.max(-0.5, x)), Math.min(s.height - 0.5, Math.max(-0.5, y))];
}

stage.canvas.addEventListener('pointerdown', (e) => {
  if (!photo) return;
  stage.canvas.setPointerCapture(e.pointerId);
  const { sx, sy } = stagePoint(e);
  const mode: Tool = e.button === 1 || spaceDown ? 'pan' : tool;
  drag = { mode, sx, sy, tx: stage.tx, ty: stage.ty };
  const { x, y } = stage.toImage(sx, sy);
  if (mode === 'brush') {
    const [cx, cy] = clampToImage(x, y);
    stage.live = {
      points: [cx, cy],
      width: brushSize(),
      color: $<HTMLInputElement>('color').value,
      ...fuse.strokeFlags(),
    };
    stage.draw();
    requestPreview();
  } else if (mode === 'eraser') {
    drag.work = eraseAt(history.current, x, y, brushSize() / 2);
    stage.strokes = drag.work;
    stage.draw();
  }
});

stage.canvas.addEventListener('pointermove', (e) => {
  const { sx, sy } = stagePoint(e);
  const { x, y } = stage.toImage(sx, sy);
  stage.cursor =
    photo && (tool !== 'pan' || drag) && drag?.mode !== 'pan' ? { x, y, r: brushSize() / 2 } : null;
  if (!drag) {
    stage.draw();
    return;
  }
  if (drag.mode === 'pan') {
    stage.tx = drag.tx + sx - drag.sx;
    stage.ty = drag.ty + sy - drag.sy;
    stage.draw();
  } else if (drag.mode === 'brush' && stage.live) {
    const p = stage.live.points;
    const [cx, cy] = clampToImage(x, y);
    if (Math.hypot(cx - p[p.length - 2], cy - p[p.length - 1]) >= 0.75) {
      p.push(cx, cy);
      stage.draw();
      requestPreview();
    }
  } else if (drag.mode === 'eraser' && drag.work) {
    drag.work = eraseAt(drag.work, x, y, brushSize() / 2);
    stage.strokes = drag.work;
    stage.draw();
  }
});

function endDrag(): void {
  if (!drag) return;
  if (drag.mode === 'brush' && stage.live) {
    const s = stage.live;
    stage.live = null;
    setStrokes([...history.current, s]);
  } else if (drag.mode === 'eraser' && drag.work) {
    if (drag.work.length !== history.current.length || drag.work.some((s, i) => s !== history.current[i]))
      setStrokes(drag.work);
  }
  drag = null;
}
stage.canvas.addEventListener('pointerup', endDrag);
stage.canvas.addEventListener('pointercancel', endDrag);
stage.canvas.addEventListener('pointerleave', () => {
  stage.cursor = null;
  stage.draw();
});
stage.canvas.addEventListener(
  'wheel',
  (e) => {
    e.preventDefault();
    const { sx, sy } = stagePoint(e);
    stage.zoomAt(Math.exp(-e.deltaY * 0.0015), sx, sy);
  },
  { passive: false },
);

// ---------------------------------------------------------------- files and buttons

function onFile(input: HTMLInputElement, fn: (f: File) => Promise<void> | void): void {
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    input.value = '';
    if (f) await guard(() => fn(f));
  });
}

async function guard(fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (e) {
    status((e as Error).message, true);
  }
}

function dropTarget(el: HTMLElement, fn: (f: File) => Promise<void>): void {
  el.addEventListener('dragover', (e) => {
    e.preventDefault();
    el.classList.add('dragover');
  });
  el.addEventListener('dragleave', () => el.classList.remove('dragover'));
  el.addEventListener('drop', (e) => {
    e.preventDefault();
    el.classList.remove('dragover');
    const f = e.dataTransfer?.files[0];
    if (f) void guard(() => (f.name.endsWith('.json') ? f.text().then(loadStrokesText) : fn(f)));
  });
}

async function loadExample(): Promise<void> {
  const blob = await (await fetch(examplePhotoUrl)).blob();
  await loadPhoto(blob, 'scene_gray.png');
  loadStrokesText(await (await fetch(exampleStrokesUrl)).text());
}

onFile($<HTMLInputElement>('open-photo'), (f) => loadPhoto(f, f.name));
onFile($<HTMLInputElement>('open-strokes'), async (f) => loadStrokesText(await f.text()));
onFile($<HTMLInputElement>('open-ref'), (f) => loadReference(f, f.name));
dropTarget($('stage'), (f) => loadPhoto(f, f.name));
dropTarget($('ref-drop'), (f) => loadReference(f, f.name));
$('example').addEventListener('click', () => void guard(loadExample));
$('example-2').addEventListener('click', () => void guard(loadExample));
$('save-strokes').addEventListener('click', saveStrokes);
$('download').addEventListener('click', () => void guard(downloadResult));
$('full').addEventListener('click', () => void guard(fullResolution));
$('run-ref').addEventListener('click', () => void guard(runReference));
$('run-auto').addEventListener('click', () => void guard(runAuto));
$('method').addEventListener('change', describeMethod);
$('scribble-method').addEventListener('change', describeScribbleMethod);
$('auto-method').addEventListener('change', describeAuto);
$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
$('clear').addEventListener('click', () => setStrokes([]));
$('tool-brush').addEventListener('click', () => setTool('brush'));
$('tool-eraser').addEventListener('click', () => setTool('eraser'));
$('tool-pan').addEventListener('click', () => setTool('pan'));
$('size').addEventListener('input', () => {
  $('size-out').textContent = $<HTMLInputElement>('size').value;
});
$('split').addEventListener('input', () => {
  stage.split = Number($<HTMLInputElement>('split').value) / 100;
  stage.draw();
});
const toggles: Array<[string, (v: boolean) => void]> = [
  ['show-original', (v) => (stage.showOriginal = v)],
  ['show-strokes', (v) => (stage.showStrokes = v)],
  ['show-result', (v) => (stage.showResult = v)],
];
for (const [id, set] of toggles) {
  $(id).addEventListener('change', () => {
    set($<HTMLInputElement>(id).checked);
    stage.draw();
  });
}
function toggle(id: string): void {
  const el = $<HTMLInputElement>(id);
  if (el.disabled) return;
  el.checked = !el.checked;
  el.dispatchEvent(new Event('change'));
}
$('zoom-fit').addEventListener('click', () => stage.fit());
$('zoom-1').addEventListener('click', () => zoomTo(1));
$('zoom-in').addEventListener('click', () => zoomBy(1.25));
$('zoom-out').addEventListener('click', () => zoomBy(0.8));
$('help').addEventListener('click', () => $<HTMLDialogElement>('help-dialog').showModal());

function zoomBy(f: number): void {
  const r = stage.canvas.getBoundingClientRect();
  stage.zoomAt(f, r.width / 2, r.height / 2);
}
function zoomTo(s: number): void {
  zoomBy(s / stage.scale);
}
function undo(): void {
  if (history.undo()) strokesChanged();
}
function redo(): void {
  if (history.redo()) strokesChanged();
}
function resize(f: number): void {
  const el = $<HTMLInputElement>('size');
  const max = Number(el.max);
  el.value = String(Math.max(1, Math.min(max, Math.round(Number(el.value) * f + (f > 1 ? 1 : -1)))));
  $('size-out').textContent = el.value;
}

/** Brush width on screen at the fitted zoom when a photo opens (CSS pixels). */
const DEFAULT_BRUSH_SCREEN_PX = 8;

/**
 * Sizes the brush (image pixels) for the photo just opened: as wide as DEFAULT_BRUSH_SCREEN_PX on
 * screen at the fitted zoom, so a stroke with the default brush is visible on a 24 MP scan too;
 * the slider reaches 10 times that.
 */
function fitBrush(): void {
  const el = $<HTMLInputElement>('size');
  const px = Math.max(1, Math.round(DEFAULT_BRUSH_SCREEN_PX / Math.min(1, stage.scale)));
  el.max = String(Math.max(80, 10 * px));
  el.value = String(px);
  $('size-out').textContent = el.value;
}

window.addEventListener('keydown', (e) => {
  if ((e.target as HTMLElement).closest('input[type=text], input[type=number], select, textarea')) return;
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && k === 'z') e.shiftKey ? redo() : undo();
  else if (mod && k === 'y') redo();
  else if (mod && k === 's') saveStrokes();
  else if (mod && k === 'o') $<HTMLInputElement>('open-photo').click();
  else if (mod && k === 'd') void guard(downloadResult);
  else if (mod) return;
  else if (k === 'b') setTool('brush');
  else if (k === 'e') setTool('eraser');
  else if (k === 'h') setTool('pan');
  else if (k === '[') resize(0.8);
  else if (k === ']') resize(1.25);
  else if (k === 'o') toggle('show-original');
  else if (k === 's') toggle('show-strokes');
  else if (k === 'r') toggle('show-result');
  else if (k === 'f') stage.fit();
  else if (k === '1') zoomTo(1);
  else if (k === '+' || k === '=') zoomBy(1.25);
  else if (k === '-') zoomBy(0.8);
  else if (k === '?') $<HTMLDialogElement>('help-dialog').showModal();
  else if (k === ' ') {
    spaceDown = true;
    $('stage').className = 'pan';
  } else return;
  e.preventDefault();
});
window.addEventListener('keyup', (e) => {
  if (e.key === ' ') {
    spaceDown = false;
    $('stage').className = tool;
  }
});

setTool('brush');
refreshButtons();
void initMethods().then(() => {
  stats.ready = true;
});
