/**
 * Browser-test set-up: Debian's chromium driven by playwright-core, the studio built with Vite and
 * served by the real service on loopback. Tests skip (with the reason) only when chromium is
 * missing and CI is not set; in CI a missing browser is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildServer } from '../../src/server/app.js';
import type { ServerOptions } from '../../src/server/limits.js';
import { REPO_ROOT } from '../helpers/shared.js';

export const CHROMIUM = process.env.COLORIZE_CHROMIUM ?? '/usr/bin/chromium';
export const STUDIO_DIST = path.join(REPO_ROOT, 'web/dist');
export const ARTIFACTS =
  process.env.COLORIZE_ARTIFACTS ?? path.join(REPO_ROOT, '.cache/test-artifacts/studio');

/** Why browser tests cannot run here (undefined: they can). Throws in CI, where they must run. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `${CHROMIUM} not found: install it with scripts/setup-browser.sh (apt-get install chromium)`;
  if (process.env.CI) throw new Error(`browser tests must run in CI but ${why}`);
  return why;
}

/** Where the last {@link buildStudio} put the studio (web/dist until a test builds it). */
let builtStudio = STUDIO_DIST;

/**
 * Builds the studio with Vite (about 2 s), so the tests never run a stale bundle. Each test
 * process builds into its own temporary folder (removed at exit): test files run in parallel, and
 * two builds emptying the same web/dist would pull files from under each other's server.
 */
export function buildStudio(): string {
  const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const out = mkdtempSync(path.join(tmpdir(), 'colorize-studio-'));
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  builtStudio = out;
  return out;
}

export interface Studio {
  app: FastifyInstance;
  url: string;
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors and closed workers so far, for a failing test's message. */
  events: string[];
  close(): Promise<void>;
}

/**
 * The service with the studio on 127.0.0.1:random, and a fresh headless chromium at 1366×768;
 * `server` adds service options (e.g. a gallery folder). If any step fails (chromium does not
 * start, the page never becomes ready within `readyTimeoutMs`), what was already started is
 * closed before the error is thrown: a listening server or a live browser left behind kept the
 * test process alive, so a failed `before` hook hung the run instead of failing it.
 */
export async function openStudio(server: ServerOptions = {}, readyTimeoutMs = 60_000): Promise<Studio> {
  const app = await buildServer({ studioDir: builtStudio, concurrency: 1, ...server });
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  const closeAll = async () => {
    await context?.close().catch(() => {});
    await app.close().catch(() => {});
    if (profile) await fs.rm(profile, { recursive: true, force: true });
  };
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
    profile = await fs.mkdtemp(path.join(tmpdir(), 'colorize-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    const events: string[] = [];
    page.on('pageerror', (e) => {
      errors.push(e.message);
      events.push(`page error: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') events.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('worker', (w) => w.on('close', () => events.push(`worker closed: ${w.url()}`)));
    page.on('crash', () => events.push('page crashed'));
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __studio?: { stats: { ready: boolean } } }).__studio?.stats.ready,
      undefined,
      { timeout: readyTimeoutMs },
    );
    return {
      app,
      url,
      context,
      page,
      events,
      close: async () => {
        await closeAll();
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** Page coordinates of image pixel (x, y) under the stage's current zoom and pan. */
export async function pagePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([ix, iy]) => {
      const s = (
        window as unknown as {
          __studio: { stage: { scale: number; tx: number; ty: number; canvas: HTMLCanvasElement } };
        }
      ).__studio.stage;
      const r = s.canvas.getBoundingClientRect();
      return { x: r.left + s.tx + (ix + 0.5) * s.scale, y: r.top + s.ty + (iy + 0.5) * s.scale };
    },
    [x, y],
  );
}

/** Drags the mouse along image-coordinate points (one stroke). */
export async function drawStroke(page: Page, pts: Array<[number, number]>): Promise<void> {
  const first = await pagePoint(page, pts[0][0], pts[0][1]);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const [x, y] of pts.slice(1)) {
    const p = await pagePoint(page, x, y);
    await page.mouse.move(p.x, p.y, { steps: 8 });
  }
  await page.mouse.up();
}

export type StudioStats = {
  previews: number;
  lastPreviewMs: number;
  lastWorkMs: number;
  previewMs: number[];
};

export function stats(page: Page): Promise<StudioStats> {
  return page.evaluate(() => (window as unknown as { __studio: { stats: StudioStats } }).__studio.stats);
}

/** Waits until the preview count passes `n` and no preview is pending; returns the stats. */
export async function waitForPreview(page: Page, n: number, timeout = 30_000): Promise<StudioStats> {
  await page.waitForFunction(
    (k) => (window as unknown as { __studio: { stats: StudioStats } }).__studio.stats.previews > k,
    n,
    { timeout },
  );
  await page.waitForTimeout(50);
  return stats(page);
}

export function resultPixel(page: Page, x: number, y: number): Promise<[number, number, number] | null> {
  return page.evaluate(
    ([ix, iy]) =>
      (
        window as unknown as {
          __studio: { resultPixel(x: number, y: number): [number, number, number] | null };
        }
      ).__studio.resultPixel(ix, iy),
    [x, y],
  );
}

/** The result layer as PNG bytes (the canvas encoded by the page). */
export async function resultPng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() =>
    (
      window as unknown as { __studio: { stage: { layers: { result: HTMLCanvasElement | null } } } }
    ).__studio.stage.layers.result?.toDataURL('image/png'),
  );
  if (!url) throw new Error('the studio shows no result');
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

/**
 * What the page shows when a wait gave up: the status and result lines, any visible form error and
 * the harness's recorded events, so a timeout in CI says why.
 */
export async function pageState(s: Pick<Studio, 'page' | 'events'>): Promise<string> {
  const shown = await s.page
    .evaluate(() => {
      const text = (id: string) => document.getElementById(id)?.textContent ?? '(none)';
      const formErrors = Array.from(document.querySelectorAll<HTMLElement>('[role="alert"]'))
        .filter((e) => !e.hidden && e.textContent)
        .map((e) => e.textContent);
      return `status: ${text('status')}; result: ${text('result-info')}; form errors: ${formErrors.join(' | ') || 'none'}`;
    })
    .catch((e: Error) => `page unreadable: ${e.message}`);
  return `${shown}; events: ${s.events.join(' | ') || 'none'}`;
}
