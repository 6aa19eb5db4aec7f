/**
 * The fused view's part of the compute worker: a FusePreview session (src/methods/fuse/preview.ts)
 * over the photo, its static sources set once per reference/auto change, and one fused (or
 * re-coloured) preview per stroke change.
 */
import type { ImageF32 } from '../../src/image/image.js';
import { FusePreview, fusePreviewModel } from '../../src/methods/fuse/preview.js';
import { decodeFuseSources } from '../../src/methods/fuse/sources-wire.js';
import type { FuseWorkerRequest } from './fuse-protocol.js';

let session: { gray: ImageF32; colour?: ImageF32; preview: FusePreview } | null = null;
let notices: string[] = [];

export interface FuseReply {
  rgb: ImageF32;
  note: string;
}

/** Handles a fused-view request for the worker's current photo; null when there is nothing to show. */
export function handleFuse(m: FuseWorkerRequest, gray: ImageF32 | null): FuseReply | 'ok' | null {
  if (!gray) throw new Error('open a photo first');
  if (!session || session.gray !== gray) session = { gray, preview: new FusePreview(gray) };
  if (m.type === 'fuse-sources') {
    if (m.colour) {
      session.colour = m.colour;
      session.preview = new FusePreview(gray, { colour: m.colour });
    }
    const decoded = m.sources ? decodeFuseSources(new Uint8Array(m.sources)) : { notices: [] };
    notices = decoded.notices;
    const { notices: _n, ...sources } = decoded;
    session.preview.setSources(sources, fusePreviewModel({ strokes: true, ...m.hints }, m.options ?? {}));
    return 'ok';
  }
  const p = session.preview;
  if (m.recolour) {
    if (m.strokes.length === 0) return null;
    const r = p.recolour(m.strokes, m.recolour);
    return { rgb: r.rgb, note: `re-colouring at ${r.rgb.width}×${r.rgb.height}` };
  }
  if (m.strokes.length === 0) return null;
  const r = p.update(m.strokes);
  const { width, height } = p.tvSize;
  const what =
    r.mode === 'strokes'
      ? 'strokes alone: Levin et al.'
      : `fused, coupled-TV selection on ${width}×${height}`;
  return { rgb: r.rgb, note: [what, ...notices].join('; ') };
}
