/**
 * The studio's compute worker: live stroke preview (Levin et al. on a ≤0.25 MP grid, warm-started,
 * src/methods/scribbles/levin/preview.ts), full-resolution solves with any browser-capable
 * scribble method of the catalogue and its options, in-browser transfer methods (the catalogue's
 * browser-capable transfer methods) and reference palettes. Library code only, no DOM.
 */
import type { ImageF32 } from '../../src/image/image.js';
import { colorizeLevin } from '../../src/methods/scribbles/levin/levin.js';
import { DEFAULT_PREVIEW_PIXELS, ScribblePreview } from '../../src/methods/scribbles/levin/preview.js';
import { rasterizeStrokes } from '../../src/methods/scribbles/strokes.js';
import '../../src/methods/browser-builtin.js';
import { describeMethod, getMethod, listMethods } from '../../src/methods/catalogue/catalogue.js';
import { validateOptions } from '../../src/methods/catalogue/options.js';
import { handleFuse } from './fuse-worker.js';
import type { MethodDescription } from './method-description.js';
import { dominantColours } from './palette.js';
import type { RasterStroke, WorkerReply, WorkerRequest } from './protocol.js';
import { planesToRgba } from './rgba.js';

const ctx = self as unknown as {
  postMessage(m: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

let gray: ImageF32 | null = null;
let preview: ScribblePreview | null = null;

/** Size of the preview image (pixels): as many as the 0.25 MP photos the 100 ms goal was measured on; a larger photo is previewed as if it were that size. */
const PREVIEW_OUTPUT_PIXELS = 250_000;

function sendImage(seq: number, img: ImageF32, t0: number, note: string): void {
  const rgba = planesToRgba(img);
  ctx.postMessage(
    { type: 'image', seq, width: img.width, height: img.height, rgba, workMs: performance.now() - t0, note },
    [rgba.buffer],
  );
}

/** "12 solver iterations (wasm SIMD)", or what 0 means: the warm start already met the tolerance. */
function iterationsText(n: number, kernels?: string): string {
  const where = kernels === 'wasm' ? ' (wasm SIMD)' : '';
  const done =
    n === 0 ? 'unchanged (the previous solution already meets the tolerance)' : `${n} solver iterations`;
  return `${done}${where}`;
}

function strokeSet(strokes: RasterStroke[]) {
  if (!gray || strokes.length === 0) return null;
  return rasterizeStrokes(strokes, gray.width, gray.height);
}

async function handle(m: WorkerRequest): Promise<void> {
  const t0 = performance.now();
  switch (m.type) {
    case 'init':
      gray = m.gray;
      // The preview image is about a screen's worth; Full resolution solves at the photo's size.
      preview = new ScribblePreview(gray, {
        maxPixels: DEFAULT_PREVIEW_PIXELS,
        outputPixels: PREVIEW_OUTPUT_PIXELS,
      });
      ctx.postMessage({ type: 'ok', seq: m.seq });
      return;
    case 'preview': {
      if (!preview || m.strokes.length === 0) {
        ctx.postMessage({ type: 'empty', seq: m.seq });
        return;
      }
      const res = preview.updateStrokes(m.strokes);
      sendImage(
        m.seq,
        res.rgb,
        t0,
        `${preview.width}×${preview.height} grid, ${iterationsText(res.stats.iterations, res.stats.kernels)}`,
      );
      return;
    }
    case 'full': {
      if (m.method !== undefined) {
        // The catalogue's method with the options the user changed (strokes as the CLI's JSON).
        if (!gray) throw new Error('open a photo first');
        const method = getMethod(m.method, 'scribbles');
        const options = validateOptions(method, m.options ?? {});
        const inputs = { images: { gray: { image: gray, isGray: true } }, texts: { strokes: m.strokesJson } };
        const { rgb, summary } = await method.run(inputs, options, {});
        sendImage(m.seq, rgb, t0, `full resolution ${gray.width}×${gray.height}, ${summary ?? m.method}`);
        return;
      }
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
        `full resolution ${gray.width}×${gray.height}, ${iterationsText(res.stats.iterations, res.stats.kernels)}`,
      );
      return;
    }
    case 'transfer': {
      const method = getMethod(m.method, 'transfer');
      const images = {
        target: { image: m.target, isGray: m.target.channels.length === 1 },
        reference: { image: m.reference, isGray: false },
      };
      const options = validateOptions(method, m.options ?? {});
      const { rgb } = await method.run({ images, texts: {} }, options, {});
      sendImage(m.seq, rgb, t0, `${m.method} in the browser`);
      return;
    }
    case 'palette':
      ctx.postMessage({ type: 'palette', seq: m.seq, colours: dominantColours(m.reference, 8) });
      return;
    case 'fuse-sources':
    case 'fuse-preview': {
      // The fused view (web/src/fuse-worker.ts).
      const r = handleFuse(m, gray);
      if (r === 'ok') ctx.postMessage({ type: 'ok', seq: m.seq });
      else if (r === null) ctx.postMessage({ type: 'empty', seq: m.seq });
      else sendImage(m.seq, r.rgb, t0, r.note);
      return;
    }
    case 'methods':
      // Described as GET v1/methods describes them: the studio renders their option controls.
      ctx.postMessage({
        type: 'methods',
        seq: m.seq,
        methods: listMethods()
          .filter((x) => x.browser)
          .map((x) => describeMethod(x) as MethodDescription),
      });
      return;
  }
}

ctx.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => {
    ctx.postMessage({ type: 'error', seq: e.data.seq, message: (err as Error)?.message ?? String(err) });
  });
};
