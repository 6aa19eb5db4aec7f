/**
 * Makes the fused-view pictures of docs/studio.md and docs/fuse.md from the project's own
 * examples (never from ../shared/data): `node --import tsx test/web/docs-screenshots-fuse.ts`.
 */
import path from 'node:path';
import { REPO_ROOT } from '../helpers/shared.js';
import { buildStudio, drawStroke, openStudio, waitForPreview } from './browser.js';

buildStudio();
const s = await openStudio();
const { page } = s;
const out = (name: string) => path.join(REPO_ROOT, 'docs/images', name);
const resultLine = (re: RegExp) =>
  page.waitForFunction(
    (src) => new RegExp(src).test(document.getElementById('result-info')!.textContent ?? ''),
    re.source,
    { timeout: 120_000 },
  );

// Fused preview: the example's strokes, the sunset as reference, automatic on.
await page.click('#example');
await waitForPreview(page, 0);
await page.check('#fuse-on');
await page.setInputFiles('#open-ref', path.join(REPO_ROOT, 'examples/sunset.png'));
await page.waitForFunction(() => !(document.getElementById('fuse-ref') as HTMLInputElement).disabled);
await page.check('#fuse-ref');
await page.check('#fuse-auto');
await resultLine(/fused/);
await page.locator('#split').fill('62');
await page.locator('#right').evaluate((e) => e.scrollTo(0, e.scrollHeight));
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-fuse.png') });

// Re-colouring the colour scene: a mask over the left half, a green stroke on the sea.
await page.setInputFiles('#open-photo', path.join(REPO_ROOT, 'examples/scene.png'));
await page.waitForFunction(() => !(document.getElementById('fuse-recolour') as HTMLInputElement).disabled);
await page.check('#fuse-recolour');
await page.click('#fuse-mask');
const size = async (v: number) =>
  page.evaluate((x) => {
    const el = document.getElementById('size') as HTMLInputElement;
    el.value = String(x);
    el.dispatchEvent(new Event('input'));
  }, v);
await size(80);
// One polyline (a path does not overlap itself on screen), a band over the left half.
await drawStroke(page, [
  [20, 40],
  [170, 40],
  [170, 110],
  [20, 110],
  [20, 180],
  [170, 180],
  [170, 240],
  [20, 240],
]);
await page.click('#fuse-mask');
await size(5);
await page.locator('#color').fill('#33995a');
await drawStroke(page, [
  [60, 200],
  [140, 204],
]);
await resultLine(/re-colouring/);
await page.locator('#split').fill('100');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-fuse-recolour-mask.png') });
await page.uncheck('#show-strokes');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-fuse-recolour.png') });
await s.close();
