/** Starting the service on loopback for tests (in this process, or as a real `colorize serve`), and small images to send it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createImage, type ImageF32 } from '../../src/image/image.js';
import { encodeImage, readImage } from '../../src/image/io.js';
import { buildServer } from '../../src/server/app.js';
import type { ServerOptions } from '../../src/server/limits.js';
import { REPO_ROOT } from '../helpers/shared.js';

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

/**
 * A temp folder of the test file's own, for TMPDIR of the services it starts and their workers
 * (sharing tsx's cache, so they start fast); removed after the file.
 */
export function serviceTmp(prefix: string): string {
  const tmp = mkdtempSync(path.join(tmpdir(), prefix));
  const tsxCache = path.join(tmpdir(), `tsx-${process.getuid?.() ?? 0}`);
  if (existsSync(tsxCache)) symlinkSync(tsxCache, path.join(tmp, path.basename(tsxCache)));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  return tmp;
}

/** A `colorize serve` process started by {@link serveProcess}. */
export interface ServiceProcess {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
  stderr: () => string;
}

/**
 * `colorize serve` as a real process on 127.0.0.1 (port 0, `--concurrency 1`, then `extra`) with
 * TMPDIR `tmp`; resolves once it prints its address, rejects if it exits first or prints none
 * within 2 minutes.
 */
export async function serveProcess(tmp: string, ...extra: string[]): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'src/cli/entry.ts'),
      'serve',
      '--port',
      '0',
      '--concurrency',
      '1',
      ...extra,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed; stderr: ${err}`)), 120_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('close', () => reject(new Error(`the service exited: ${err}`)));
  });
  return { child, base, exited, stderr: () => err };
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
