/**
 * The web studio: open a photo, paint coloured strokes, watch the colorization follow in a Web
 * Worker, apply a reference photo (in the browser or through the service), compare, download.
 */

import examplePhotoUrl from '../../examples/scene_gray.png?url';
import exampleStrokesUrl from '../../examples/scene_strokes.json?url';
import type { ImageF32 } from '../../src/image/image.js';
import { DEFAULT_PREVIEW_PIXELS } from '../../src/methods/scribbles/levin/preview.js';
import {
  copyPlanes,
  decodePhoto,
  download,
  type LoadedPhoto,
  planesToCanvas,
  rgbaToCanvas,
} from './image-load.js';
import type { WorkerReply } from './protocol.js';
import { colorizeOnServer, fetchMethods, type MethodInfo } from './service.js';
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
let photo: LoadedPhoto | null = null;
let reference: { blob: Blob; planes: ImageF32; name: string } | null = null;
let tool: Tool = 'brush';
let resultKind: 'preview' | 'full' | 'reference' | null = null;
let localMethods: string[] = [];
let serviceMethods: MethodInfo[] | null = null;

/** Figures the browser tests read. */
const stats = { previews: 0, lastPreviewMs: 0, lastWorkMs: 0, previewMs: [] as number[], ready: false };
Object.assign(window, { __studio: { stats, stage, history, resultPixel, loadPhoto, loadStrokesText } });

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
  await preview.request({ type: 'init', gray: copyPlanes(p.gray) });
  await heavy.request({ type: 'init', gray: copyPlanes(p.gray) });
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
  $<HTMLButtonElement>('run-ref').disabled = !photo || !reference;
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
  preview.latest({ type: 'preview', strokes: toRaster(strokes) }).then(
    (r) => {
      // Previews are asked for only when strokes change, so a reply replaces any earlier result.
      if (r?.type !== 'image') return;
      showResult(r, 'preview');
      const ms = performance.now() - t0;
      stats.previews++;
      stats.lastPreviewMs = ms;
      stats.lastWorkMs = r.workMs;
      stats.previewMs.push(ms);
      $('result-info').textContent = `Preview in ${ms.toFixed(0)} ms (${r.note}).`;
    },
    (e: Error) => status(`preview: ${e.message}`, true),
  );
}

async function fullResolution(): Promise<void> {
  if (!photo || history.current.length === 0) return;
  status('Solving at full resolution…');
  const t0 = performance.now();
  const r = await heavy.request({ type: 'full', strokes: toRaster(history.current) });
  if (r.type !== 'image') return;
  showResult(r, 'full');
  const ms = performance.now() - t0;
  $('result-info').textContent = `Full resolution in ${ms.toFixed(0)} ms (${r.note}).`;
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
  const img = $<HTMLImageElement>('ref-thumb');
  img.src = URL.createObjectURL(blob);
  img.hidden = false;
  $('ref-hint').hidden = true;
  const r = await heavy.request({ type: 'palette', reference: copyPlanes(p.colour) });
  if (r.type === 'palette') renderPalette(r.colours);
  status(`Reference ${name}: ${p.colour.width}×${p.colour.height}`);
  refreshButtons();
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

async function initMethods(): Promise<void> {
  const [local, remote] = await Promise.all([heavy.request({ type: 'methods' }), fetchMethods()]);
  localMethods = local.type === 'methods' ? local.names : [];
  serviceMethods = remote;
  const select = $<HTMLSelectElement>('method');
  const options: Array<{ name: string; label: string }> = [];
  const seen = new Set<string>();
  for (const m of remote ?? []) {
    // Scribbles have their own panel; automatic methods take no reference (HTTP and CLI only for now).
    if (m.family === 'scribbles' || m.family === 'automatic') continue;
    seen.add(m.name);
    const where = m.browser && localMethods.includes(m.name) ? 'browser' : 'server';
    options.push({ name: m.name, label: `${m.name} · ${where}` });
  }
  for (const n of localMethods) if (!seen.has(n)) options.push({ name: n, label: `${n} · browser` });
  select.replaceChildren(
    ...options.map((o) => {
      const el = document.createElement('option');
      el.value = o.name;
      el.textContent = o.label;
      return el;
    }),
  );
  // The photo is gray: start with a browser method that also colours gray targets from a reference.
  const preferred = (remote ?? []).find((m) => m.browser && m.alsoIn?.includes('exemplar'))?.name;
  select.value =
    preferred && options.some((o) => o.name === preferred) ? preferred : (options[0]?.name ?? '');
  describeMethod();
  // Automatic methods (server-only: they run ONNX models) take the photo alone.
  const auto = (remote ?? []).filter((m) => m.family === 'automatic');
  $('auto-section').hidden = auto.length === 0;
  const autoSelect = $<HTMLSelectElement>('auto-method');
  autoSelect.replaceChildren(
    ...auto.map((m) => {
      const el = document.createElement('option');
      el.value = m.name;
      el.textContent = m.name;
      return el;
    }),
  );
  const describeAuto = () =>
    ($('auto-info').textContent = auto.find((m) => m.name === autoSelect.value)?.summary ?? '');
  autoSelect.addEventListener('change', describeAuto);
  describeAuto();
  if (!remote) status('No service found: server-only methods are hidden (run `colorize studio`).');
}

function describeMethod(): void {
  const name = $<HTMLSelectElement>('method').value;
  const m = serviceMethods?.find((x) => x.name === name);
  $('method-info').textContent = m?.summary ?? (localMethods.includes(name) ? 'global colour transfer' : '');
}

/** Shows an image the service returned as the result layer. */
async function showServerResult(blob: Blob): Promise<void> {
  const bmp = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = bmp.width;
  c.height = bmp.height;
  c.getContext('2d')!.drawImage(bmp, 0, 0);
  stage.layers.result = c;
  resultKind = 'reference';
  stage.draw();
  refreshButtons();
}

async function runReference(): Promise<void> {
  if (!photo || !reference) return;
  const method = $<HTMLSelectElement>('method').value;
  const info = serviceMethods?.find((x) => x.name === method);
  const inBrowser = localMethods.includes(method) && (info?.browser ?? true);
  status(`Running ${method} ${inBrowser ? 'in the browser' : 'on the server'}…`);
  const t0 = performance.now();
  if (inBrowser) {
    const target = copyPlanes(photo.colour ?? photo.gray);
    const r = await heavy.request({
      type: 'transfer',
      method,
      target,
      reference: copyPlanes(reference.planes),
    });
    if (r.type === 'image') showResult(r, 'reference');
  } else {
    await showServerResult(await colorizeOnServer(method, { target: photo.blob, reference: reference.blob }));
  }
  const ms = performance.now() - t0;
  $('result-info').textContent = `${method}: ${ms.toFixed(0)} ms (${inBrowser ? 'browser' : 'server'}).`;
  status(`${method} applied. Paint a stroke to go back to the stroke preview.`);
}

async function runAuto(): Promise<void> {
  if (!photo) return;
  const method = $<HTMLSelectElement>('auto-method').value;
  status(`Running ${method} on the server…`);
  const t0 = performance.now();
  await showServerResult(await colorizeOnServer(method, { gray: photo.blob }));
  $('result-info').textContent = `${method}: ${(performance.now() - t0).toFixed(0)} ms (server).`;
  status(`${method} applied. Paint a stroke to go back to the stroke preview.`);
}

// ---------------------------------------------------------------- downloads

async function downloadResult(): Promise<void> {
  if (!photo || !stage.layers.result) return;
  // The live preview solves on a reduced grid for large photos: solve at full size first.
  if (resultKind === 'preview' && photo.gray.width * photo.gray.height > DEFAULT_PREVIEW_PIXELS)
    await fullResolution();
  const blob = await new Promise<Blob | null>((res) => stage.layers.result!.toBlob(res, 'image/png'));
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
  if (!c) return null;
  const d = c.getContext('2d')!.getImageData(x, y, 1, 1).data;
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
    stage.live = { points: [cx, cy], width: brushSize(), color: $<HTMLInputElement>('color').value };
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
  el.value = String(Math.max(1, Math.min(80, Math.round(Number(el.value) * f + (f > 1 ? 1 : -1)))));
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
