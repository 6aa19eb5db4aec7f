/**
 * Makes the studio pictures of docs/studio.md from the project's own example (never from
 * ../shared/data): `node --import tsx test/web/docs-screenshots.ts`.
 */
import path from 'node:path';
import { REPO_ROOT } from '../helpers/shared.js';
import { buildStudio, openStudio, waitForPreview } from './browser.js';

buildStudio();
const s = await openStudio();
const { page } = s;
const out = (name: string) => path.join(REPO_ROOT, 'docs/images', name);
await page.click('#example');
await waitForPreview(page, 0);
await page.locator('#split').fill('62');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-strokes.png') });
await page.setInputFiles('#open-ref', path.join(REPO_ROOT, 'examples/sunset.png'));
await page.waitForFunction(() => document.querySelectorAll('#palette button').length >= 4);
await page.selectOption('#method', 'welsh');
await page.click('#run-ref');
await page.waitForFunction(() =>
  /welsh: \d+ ms/.test(document.getElementById('result-info')!.textContent ?? ''),
);
await page.locator('#split').fill('55');
await page.waitForTimeout(300);
await page.screenshot({ path: out('studio-reference.png') });
await s.close();
