/**
 * Makes the studio pictures of docs/studio.md from the project's own example (never from
 * ../shared/data): `node --import tsx test/web/docs-screenshots.ts`. The gallery picture needs a
 * service with gallery routes (GET v1/gallery); without them it is left as it is.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerOptions } from '../../src/server/limits.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { buildStudio, openStudio, waitForPreview } from './browser.js';

buildStudio();
const gallery = await fs.mkdtemp(path.join(tmpdir(), 'colorize-docs-gallery-'));
for (const n of ['scene.png', 'sunset.png'])
  await fs.copyFile(path.join(REPO_ROOT, 'examples', n), path.join(gallery, n));
const s = await openStudio({ gallery } as ServerOptions);
const { page } = s;
const out = (name: string) => path.join(REPO_ROOT, 'docs/images', name);
const resultLine = (re: RegExp) =>
  page.waitForFunction(
    (src) => new RegExp(src).test(document.getElementById('result-info')!.textContent ?? ''),
    re.source,
    { timeout: 60_000 },
  );
await page.click('#example');
await waitForPreview(page, 0);
await page.locator('#split').fill('62');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-strokes.png') });
await page.setInputFiles('#open-ref', path.join(REPO_ROOT, 'examples/sunset.png'));
await page.waitForFunction(() => document.querySelectorAll('#palette button').length >= 4);
await page.selectOption('#method', 'welsh');
await page.click('#run-ref');
await resultLine(/welsh: \d+ ms/);
await page.locator('#split').fill('55');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-reference.png') });
// The option panel of a method, two options changed from their defaults.
await page.selectOption('#method', 'wavelet');
await page.selectOption('#opt-space', 'lab');
await page.locator('#opt-contrast').fill('2');
await page.evaluate(() => {
  document.getElementById('result-info')!.textContent = '';
});
await page.click('#run-ref');
await resultLine(/wavelet: \d+ ms/);
await page.locator('#split').fill('100');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-options.png') });
if ((await fetch(`${s.url}v1/gallery`)).ok) {
  await page.reload();
  await page.waitForFunction(
    () => (window as unknown as { __studio?: { stats: { ready: boolean } } }).__studio?.stats.ready,
  );
  await page.setInputFiles('#open-photo', path.join(REPO_ROOT, 'examples/scene_gray.png'));
  await page.click('#gallery [data-gallery="auto"]');
  await page.selectOption('#method', 'superpixel');
  await page.click('#run-ref');
  await resultLine(/superpixel: \d+ ms/);
  await page.locator('#right').evaluate((e) => e.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: out('studio-gallery.png') });
} else console.log('no GET v1/gallery on this service: studio-gallery.png left as it is');
await s.close();
await fs.rm(gallery, { recursive: true, force: true });
