/**
 * The studio's compute worker: live stroke preview (Levin et al. on a ≤0.25 MP grid, warm-started,
 * src/methods/scribbles/levin/preview.ts), full-resolution solves, in-browser transfer methods
 * (the transfer registry's builtin methods) and reference palettes. Library code only, no DOM.
 */
import type { ImageF32 } from '../../src/image/image.js';
import { colorizeLevin } from '../../src/methods/scribbles/levin/levin.js';
import { DEFAULT_PREVIEW_PIXELS, ScribblePreview } from '../../src/methods/scribbles/levin/preview.js';
import { rasterizeStrokes } from '../../src/methods/scribbles/strokes.js';
import '../../src/methods/transfer/builtin.js';
import { getTransferMethod, listTransferMethods } from '../../src/methods/transfer/registry.js';
import { optionsFromFlags } from '../../src/server/option-specs.js';
import type { MethodDescription, OptionSpec } from './method-description.js';
import { dominantColours } from './palette.js';
import type { RasterStroke, WorkerReply, WorkerRequest } from './protocol.js';
import { planesToRgba } from './rgba.js';

const ctx = self as unknown as {
  postMessage(m: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

let gray: ImageF32 | null = null;
let preview: ScribblePreview | null = null;

function sendImage(seq: number, img: ImageF32, t0: number, note: string): void {
  const rgba = planesToRgba(img);
  ctx.postMessage(
    { type: 'image', seq, width: img.width, height: img.height, rgba, workMs: performance.now() - t0, note },
    [rgba.buffer],
  );
}

function strokeSet(strokes: RasterStroke[]) {
  if (!gray || strokes.length === 0) return null;
  return rasterizeStrokes(strokes, gray.width, gray.height);
}

/** The in-browser methods, described like `GET v1/methods` does (the studio renders their options). */
function localMethods(): MethodDescription[] {
  // 'full' runs Levin et al. with its defaults; other options of it go to the service.
  const scribbles: MethodDescription = {
    name: 'levin',
    family: 'scribbles',
    summary: 'Levin et al., solved in the browser with its defaults',
    inputs: [{ name: 'gray', kind: 'image', required: true }],
    options: [],
    browser: true,
  };
  return [
    scribbles,
    ...listTransferMethods().map(
      (t): MethodDescription => ({
        name: t.name,
        family: 'transfer',
        summary: t.summary,
        inputs: [
          { name: 'target', kind: 'image', required: true },
          { name: 'reference', kind: 'image', required: true },
        ],
        options: optionsFromFlags(t.flags) as OptionSpec[],
        browser: true,
      }),
    ),
  ];
}

function handle(m: WorkerRequest): void {
  const t0 = performance.now();
  switch (m.type) {
    case 'init':
      gray = m.gray;
      preview = new ScribblePreview(gray, { maxPixels: DEFAULT_PREVIEW_PIXELS });
      ctx.postMessage({ type: 'ok', seq: m.seq });
      return;
    case 'preview': {
      const s = strokeSet(m.strokes);
      if (!s || !preview) {
        ctx.postMessage({ type: 'empty', seq: m.seq });
        return;
      }
      const res = preview.update(s);
      sendImage(
        m.seq,
        res.rgb,
        t0,
        `${preview.width}×${preview.height} grid, ${res.stats.iterations} solver iterations`,
      );
      return;
    }
    case 'full': {
      const s = strokeSet(m.strokes);
      if (!s || !gray) {
        ctx.postMessage({ type: 'empty', seq: m.seq });
        return;
      }
      const res = colorizeLevin(gray, s);
      sendImage(
        m.seq,
        res.rgb,
        t0,
        `full resolution ${gray.width}×${gray.height}, ${res.stats.iterations} solver iterations`,
      );
      return;
    }
    case 'transfer': {
      const rgb = getTransferMethod(m.method).run(m.target, m.reference, m.options ?? {});
      if (rgb instanceof Promise) throw new Error(`${m.method} is asynchronous; run it on the server`);
      sendImage(m.seq, rgb, t0, `${m.method} in the browser`);
      return;
    }
    case 'palette':
      ctx.postMessage({ type: 'palette', seq: m.seq, colours: dominantColours(m.reference, 8) });
      return;
    case 'methods':
      ctx.postMessage({ type: 'methods', seq: m.seq, methods: localMethods() });
      return;
  }
}

ctx.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (err) {
    ctx.postMessage({ type: 'error', seq: e.data.seq, message: (err as Error)?.message ?? String(err) });
  }
};
