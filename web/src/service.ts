/** The HTTP service behind `colorize studio` (absent when the studio is hosted as static files). */
import type { MethodDescription } from './method-description.js';

export type MethodInfo = MethodDescription;

/** The service's methods, or null when there is no service. */
export async function fetchMethods(): Promise<MethodInfo[] | null> {
  try {
    const res = await fetch('v1/methods', { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return null;
    return ((await res.json()) as { methods: MethodInfo[] }).methods;
  } catch {
    return null;
  }
}

export interface GalleryImage {
  name: string;
  width: number;
  height: number;
}

/** The server's gallery (`colorize serve --gallery DIR`): empty without one or without a service. */
export async function fetchGallery(): Promise<GalleryImage[]> {
  try {
    const res = await fetch('v1/gallery', { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return [];
    const body = (await res.json()) as { images?: GalleryImage[] };
    return Array.isArray(body.images) ? body.images : [];
  } catch {
    return [];
  }
}

/** URL of a gallery image's thumbnail (JPEG, long side ≤ 256). */
export function galleryThumbUrl(name: string): string {
  return `v1/gallery/${encodeURIComponent(name)}`;
}

/** A refusal of the service, with its HTTP status (400/422: the request's inputs or options). */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface ServerResult {
  blob: Blob;
  /** The service's notes (fallbacks taken, the gallery image used as reference…). */
  notices: string[];
}

/**
 * Runs a method on the service: `files` are the input images (or stroke JSON), `fields` text
 * fields (option values and choices such as `gallery`). Resolves to the result image and notes.
 */
export async function colorizeOnServer(
  method: string,
  files: Record<string, Blob>,
  fields: Record<string, string> = {},
): Promise<ServerResult> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, v] of Object.entries(files)) body.append(k, v, `${k}.${k === 'strokes' ? 'json' : 'png'}`);
  const res = await fetch(`v1/colorize/${encodeURIComponent(method)}`, {
    method: 'POST',
    body,
    headers: { accept: 'image/png' },
  });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      msg = ((await res.json()) as { message: string }).message;
    } catch {
      // not JSON
    }
    throw new ServiceError(msg, res.status);
  }
  const header = res.headers.get('X-Colorize-Notices');
  const notices = header ? decodeURIComponent(header).split(' | ') : [];
  return { blob: await res.blob(), notices };
}
