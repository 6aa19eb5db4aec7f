/** Starting the service on loopback for tests, and small images to send it. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createImage, type ImageF32 } from '../../src/image/image.js';
import { encodeImage, readImage } from '../../src/image/io.js';
import { buildServer } from '../../src/server/app.js';
import type { ServerOptions } from '../../src/server/limits.js';

export const SLEEP_MODULE = new URL('./fixtures/sleep-method.ts', import.meta.url).href;

export interface Running {
  app: FastifyInstance;
  base: string;
}

/** The service on 127.0.0.1 and a free port the system picks. */
export async function startServer(options: ServerOptions = {}): Promise<Running> {
  const app = await buildServer({ concurrency: 1, modules: [SLEEP_MODULE], ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` };
}

/** A horizontal gray ramp with a dark vertical bar in the middle (an edge strokes stop at). */
export function grayRamp(width = 64, height = 48): ImageF32 {
  const img = createImage(width, height, 1);
  const g = img.channels[0];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      g[y * width + x] = Math.abs(x - width / 2) < 2 ? 0.1 : 0.4 + (0.3 * y) / height;
  return img;
}

/** A colourful RGB test image. */
export function colourImage(width = 48, height = 32, hue = 0): ImageF32 {
  const img = createImage(width, height, 3);
  const [r, g, b] = img.channels;
  for (let i = 0; i < width * height; i++) {
    const x = (i % width) / width;
    r[i] = 0.5 + 0.4 * Math.cos(2 * Math.PI * (x + hue));
    g[i] = 0.5 + 0.4 * Math.cos(2 * Math.PI * (x + hue + 1 / 3));
    b[i] = 0.5 + 0.4 * Math.cos(2 * Math.PI * (x + hue + 2 / 3));
  }
  return img;
}

export async function png(img: ImageF32): Promise<Blob> {
  return new Blob([new Uint8Array(await encodeImage(img, 'png'))], { type: 'image/png' });
}

/** A multipart form from files (Blobs) and text fields. */
export function form(
  parts: Record<string, Blob | string | number | boolean>,
  filename = 'input.png',
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(parts)) {
    if (v instanceof Blob) f.append(k, v, filename);
    else f.append(k, String(v));
  }
  return f;
}

/** Decodes a response body as an image. */
export async function decodeResponse(res: Response) {
  return readImage(Buffer.from(await res.arrayBuffer()));
}

/** Mean R, G, B over a rectangle. */
export function meanRgb(
  img: ImageF32,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      for (let c = 0; c < 3; c++) out[c] += img.channels[c][y * img.width + x];
      n++;
    }
  return out.map((v) => v / n) as [number, number, number];
}

export async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
