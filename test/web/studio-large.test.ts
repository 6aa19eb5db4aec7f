/**
 * The studio on a 24-megapixel photo (issue 22), in headless chromium against the real service:
 * the default brush is sized for the photo and a stroke painted with it is visible on screen at the
 * fitted zoom (it was about one screen pixel wide); the preview works at that size; and the status
 * bar tells what is shown after a preview instead of keeping an older message.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  ARTIFACTS,
  browserSkipReason,
  buildStudio,
  drawStroke,
  openStudio,
  type Studio,
  waitForPreview,
} from './browser.js';

const skip = browserSkipReason();
const W = 6000;
const H = 4000;

describe('studio on a 24 MP photo', { skip, timeout: 180_000 }, () => {
  let s: Studio;
  let file: string;
  before(async () => {
    buildStudio();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    // A smooth gray ramp (compresses to a small PNG; decoding is what costs).
    const g = Buffer.alloc(W * H);
    for (let y = 0; y < H; y++) g.fill(90 + Math.round((70 * y) / H), y * W, (y + 1) * W);
    file = path.join(os.tmpdir(), `colorize-studio-24mp-${process.pid}.png`);
    await sharp(g, { raw: { width: W, height: H, channels: 1 } })
      .png({ compressionLevel: 1 })
      .toFile(file);
    s = await openStudio();
  });
  after(async () => {
    await s?.close();
    await fs.rm(file, { force: true });
  });

  test('default brush visible, preview works, status current', async (t) => {
    const { page } = s;
    await page.setInputFiles('#open-photo', file);
    await page.waitForFunction(
      () => /6000×4000/.test(document.getElementById('status')!.textContent ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    const brush = Number(await page.locator('#size').inputValue());
    const scale = await page.evaluate(
      () => (window as unknown as { __studio: { stage: { scale: number } } }).__studio.stage.scale,
    );
    // About 8 screen pixels wide at the fitted zoom (scale ≈ 0.18 here, so ≈ 44 image pixels).
    assert.ok(Math.abs(brush * scale - 8) < 1, `brush ${brush} px at scale ${scale.toFixed(3)}`);
    await page.locator('#color').fill('#e01010');
    await drawStroke(page, [
      [1500, 2000],
      [4500, 2000],
    ]);
    let st: Awaited<ReturnType<typeof waitForPreview>>;
    try {
      st = await waitForPreview(page, 0, 90_000);
    } catch (err) {
      const shown = await page.evaluate(
        () =>
          `${document.getElementById('status')!.textContent} | ${document.getElementById('result-info')!.textContent}`,
      );
      throw new Error(`no preview: ${shown}`, { cause: err });
    }
    t.diagnostic(
      `24 MP: stroke preview ${st.lastPreviewMs.toFixed(0)} ms after the stroke (worker ${st.lastWorkMs.toFixed(0)} ms)`,
    );
    // A preview may arrive while the stroke is still being drawn (the live preview), counting it
    // as 0 finished strokes on a loaded machine: wait for the one after the stroke ends.
    await page
      .waitForFunction(
        () => /^Stroke preview: 1 stroke\./.test(document.getElementById('status')?.textContent ?? ''),
        undefined,
        { timeout: 90_000 },
      )
      .catch(() => undefined);
    const text = await page.locator('#status').textContent();
    assert.match(text ?? '', /^Stroke preview: 1 stroke\./);
    assert.equal(await page.locator('#status.error').count(), 0, text ?? '');

    // What the screen shows without the result layer: the photo and the stroke.
    await page.evaluate(() => {
      const st = (window as unknown as { __studio: { stage: { showResult: boolean; draw(): void } } })
        .__studio.stage;
      st.showResult = false;
      st.draw();
    });
    const shot = await page
      .locator('#stage canvas')
      .screenshot({ path: path.join(ARTIFACTS, 'studio-24mp.png') });
    const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < info.width * info.height; i++) {
      const [r, g, b] = [data[3 * i], data[3 * i + 1], data[3 * i + 2]];
      if (r > 170 && g < 90 && b < 90) red++;
    }
    // The stroke spans 3000 image px ≈ 540 screen px; at ≥ 6 screen px wide that is > 3000 red pixels.
    const length = 3000 * scale;
    assert.ok(red > 5 * length, `${red} red screen pixels for a stroke ${length.toFixed(0)} px long`);
  });
});
