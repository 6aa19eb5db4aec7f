/**
 * The studio's fused view (issue 18) end to end in headless chromium against the real service:
 * a gray photo with a stroke, then the automatic hint toggled on (its candidates computed once by
 * POST /v1/fuse/sources): the preview updates and keeps the stroke's colour near the stroke; a
 * colour photo re-coloured with a stroke and a mask brush: outside the mask the preview and the
 * full-size `fuse` run on the service keep the photo within ΔE00 ≤ 1 (against the photo as the
 * page decoded it), and the stroke's colour shows at the stroke; all three hints on a 0.25 MP photo:
 * the time from each stroke to the painted preview is printed (not asserted: it is a benchmark figure).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { srgbToLab } from '../../src/color/lab.js';
import { ciede2000 } from '../../src/metrics/ciede2000.js';
import { dataPath } from '../helpers/shared.js';
import {
  ARTIFACTS,
  browserSkipReason,
  buildStudio,
  drawStroke,
  openStudio,
  resultPixel,
  resultPng,
  type Studio,
  stats,
  waitForPreview,
} from './browser.js';

const skip = browserSkipReason();
let s: Studio;
let tmp: string;

/** RGB bytes of a PNG (4 channels dropped to 3). */
async function rgbOf(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function deltaE(a: Buffer, b: Buffer, i: number): number {
  const p = srgbToLab(a[3 * i] / 255, a[3 * i + 1] / 255, a[3 * i + 2] / 255);
  const q = srgbToLab(b[3 * i] / 255, b[3 * i + 1] / 255, b[3 * i + 2] / 255);
  return ciede2000(p[0], p[1], p[2], q[0], q[1], q[2]);
}

/** The photo's colours as the page decoded them (the colour layer), as PNG bytes. */
async function colourLayerPng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() =>
    (
      window as unknown as { __studio: { stage: { layers: { colour: HTMLCanvasElement | null } } } }
    ).__studio.stage.layers.colour?.toDataURL('image/png'),
  );
  if (!url) throw new Error('the studio has no colour layer');
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

async function setBrush(page: Page, size: number, colour?: string): Promise<void> {
  await page.evaluate((v) => {
    const el = document.getElementById('size') as HTMLInputElement;
    el.value = String(v);
    el.dispatchEvent(new Event('input'));
  }, size);
  if (colour) await page.locator('#color').fill(colour);
}

const info = (page: Page) => page.locator('#result-info').textContent();

describe('studio: fused view', { skip, timeout: 240_000 }, () => {
  before(async () => {
    buildStudio();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    tmp = await fs.mkdtemp(path.join(tmpdir(), 'colorize-fuse-'));
    s = await openStudio();
  });
  after(async () => {
    await s?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  test('a stroke, then automatic toggled on: the fused preview updates and keeps the stroke colour near it', async (t) => {
    const { page } = s;
    await page.setInputFiles('#open-photo', dataPath('scribbles/flower_gray.png'));
    await page.waitForFunction(
      () =>
        (window as unknown as { __studio: { stage: { layers: { gray: unknown } } } }).__studio.stage.layers
          .gray,
    );
    await page.check('#fuse-on');
    await setBrush(page, 8, '#d81b3c');
    await drawStroke(page, [
      [180, 110],
      [215, 125],
      [250, 110],
    ]);
    let st = await waitForPreview(page, 0);
    await page.waitForTimeout(200);
    const strokesOnly = await resultPng(page);
    assert.match((await info(page)) ?? '', /strokes alone/);
    let petal = (await resultPixel(page, 200, 100))!;
    assert.ok(petal[0] > petal[1] + 20, `petal is red with the stroke alone: ${petal}`);

    await page.waitForFunction(() => !(document.getElementById('fuse-auto') as HTMLInputElement).disabled);
    await page.check('#fuse-auto');
    // The CNN runs once on the service, then the preview is redone with its candidates.
    await page.waitForFunction(
      () => /fused/.test(document.getElementById('result-info')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    st = await stats(page);
    petal = (await resultPixel(page, 200, 100))!;
    assert.ok(petal[0] > petal[1] + 20, `petal stays red with auto: ${petal}`);
    const fused = await resultPng(page);
    const a = await rgbOf(strokesOnly);
    const b = await rgbOf(fused);
    assert.equal(a.width, b.width);
    let diff = 0;
    for (let i = 0; i < a.data.length; i++) diff += Math.abs(a.data[i] - b.data[i]);
    const meanDiff = diff / a.data.length;
    assert.ok(
      meanDiff > 1,
      `the preview changed when auto was toggled (mean |Δ| ${meanDiff.toFixed(2)} levels)`,
    );

    // Strokes after the toggle: only the strokes' part and the selection are redone.
    await setBrush(page, 8, '#2e8b3a');
    const times: number[] = [];
    for (const pts of [
      [
        [20, 30],
        [80, 40],
      ],
      [
        [60, 250],
        [100, 240],
      ],
      [
        [400, 30],
        [380, 100],
      ],
    ] as Array<Array<[number, number]>>) {
      const n = st.previews;
      await drawStroke(page, pts);
      await page.waitForFunction(
        (k) =>
          (window as unknown as { __studio: { stats: { previews: number } } }).__studio.stats.previews > k &&
          /fused/.test(document.getElementById('result-info')?.textContent ?? ''),
        n,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(300);
      st = await stats(page);
      times.push(st.lastPreviewMs);
    }
    const leaves = (await resultPixel(page, 40, 40))!;
    assert.ok(leaves[1] > leaves[0], `next to the green stroke: ${leaves}`);
    t.diagnostic(
      `fused preview after a stroke (${(await info(page)) ?? ''}): ${times.map((v) => v.toFixed(0)).join(', ')} ms`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'studio-fuse.png') });
  });

  test('re-colouring a colour photo with a stroke and a mask brush: ΔE00 ≤ 1 outside the mask, preview and full size', async () => {
    const { page } = s;
    // The val photo as PNG in a temporary folder, so the page and the service decode the same pixels.
    const file = path.join(tmp, 'photo.png');
    await sharp(dataPath('val/bsds500_100039.jpg')).png().toFile(file);
    const { width: W, height: H } = await sharp(file).metadata();
    await page.setInputFiles('#open-photo', file);
    await page.waitForFunction(
      () =>
        (window as unknown as { __studio: { stage: { layers: { colour: unknown } } } }).__studio.stage.layers
          .colour,
    );
    await page.check('#fuse-on');
    await page.waitForFunction(
      () => !(document.getElementById('fuse-recolour') as HTMLInputElement).disabled,
    );
    await page.check('#fuse-recolour');
    await page.click('#fuse-mask');
    // The mask: a band 60 px wide around x = 60, top to bottom.
    await setBrush(page, 60);
    await drawStroke(page, [
      [60, 10],
      [60, H! - 10],
    ]);
    await page.click('#fuse-mask');
    let st = await stats(page);
    await setBrush(page, 5, '#2040e0');
    await drawStroke(page, [
      [50, 120],
      [70, 124],
    ]);
    st = await waitForPreview(page, st.previews);
    await page.waitForFunction(() =>
      /re-colouring/.test(document.getElementById('result-info')?.textContent ?? ''),
    );
    await page.waitForTimeout(300);
    const original = await rgbOf(await colourLayerPng(page));
    assert.equal(original.width, W);
    const check = async (what: string) => {
      const out = await rgbOf(await resultPng(page));
      assert.equal(out.width, W, `${what}: the result is at the photo's size`);
      // Outside the mask band (x ≥ 90) beyond 3 feather σ (4 px) and a pixel: the photo's colours.
      let worst = 0;
      let at = '';
      let n = 0;
      for (let y = 0; y < H!; y++)
        for (let x = 90 + 13; x < W!; x++) {
          const e = deltaE(out.data, original.data, y * W! + x);
          if (e > worst) {
            worst = e;
            const k = 3 * (y * W! + x);
            at = ` at (${x}, ${y}): ${[...out.data.subarray(k, k + 3)]} against ${[...original.data.subarray(k, k + 3)]}`;
          }
          n++;
        }
      assert.ok(n > 50_000);
      assert.ok(worst <= 1, `${what}: worst ΔE00 outside the mask ${worst.toFixed(3)}${at}`);
      const i = 122 * W! + 60;
      const [r, g, b] = [out.data[3 * i], out.data[3 * i + 1], out.data[3 * i + 2]];
      assert.ok(b > r + 40 && b > g + 20, `${what}: blue at the stroke (${r}, ${g}, ${b})`);
    };
    await check('preview');
    await page.screenshot({ path: path.join(ARTIFACTS, 'studio-fuse-recolour.png') });
    await page.click('#fuse-run');
    await page.waitForFunction(
      () =>
        /fuse at full size/.test(document.getElementById('fuse-info')?.textContent ?? '') ||
        document.getElementById('status')?.classList.contains('error'),
      undefined,
      { timeout: 120_000 },
    );
    assert.match(
      (await page.locator('#fuse-info').textContent()) ?? '',
      /fuse at full size/,
      (await page.locator('#status').textContent()) ?? '',
    );
    await check('full size (fuse on the service)');
  });
  test('all three hints on a 0.25 MP photo: the fused preview after each stroke', async (t) => {
    const { page } = s;
    // Exemplar set 002 as bench/fuse-preview.bench.ts takes it: the truth brought to 0.25 MP
    // (577 × 433), the photo its Rec. 601 luma, the reference another photo of the scene.
    const W = 577;
    const H = 433;
    const truth = await sharp(dataPath('exemplar/002_truth.png'))
      .removeAlpha()
      .resize(W, H, { kernel: 'cubic' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const grayFile = path.join(tmp, 'gray-0.25mp.png');
    await sharp(truth.data, { raw: { width: W, height: H, channels: 3 } })
      .recomb([
        [0.299, 0.587, 0.114],
        [0.299, 0.587, 0.114],
        [0.299, 0.587, 0.114],
      ])
      .extractChannel(0)
      .png()
      .toFile(grayFile);
    if (await page.isChecked('#fuse-recolour')) await page.uncheck('#fuse-recolour');
    await page.setInputFiles('#open-photo', grayFile);
    await page.waitForFunction(
      () =>
        (window as unknown as { __studio: { stage: { layers: { gray: unknown } } } }).__studio.stage.layers
          .gray,
    );
    await page.setInputFiles('#open-ref', dataPath('exemplar/002_reference.png'));
    await page.check('#fuse-on');
    await page.waitForFunction(() => !(document.getElementById('fuse-ref') as HTMLInputElement).disabled);
    await page.check('#fuse-ref');
    await page.waitForFunction(() => !(document.getElementById('fuse-auto') as HTMLInputElement).disabled);
    await page.check('#fuse-auto');
    // Short strokes painted with the truth's colour under their middle, spread over the photo.
    const strokes: Array<Array<[number, number]>> = [];
    for (let k = 0; k < 8; k++) {
      const x = 60 + ((k * 137) % 460);
      const y = 50 + ((k * 89) % 330);
      strokes.push([
        [x - 12, y],
        [x + 12, y + 4],
      ]);
    }
    const times: number[] = [];
    let st = await stats(page);
    for (const [n, pts] of strokes.entries()) {
      const i = 3 * (pts[0][1] * W + pts[0][0] + 12);
      const hex = `#${[0, 1, 2].map((c) => truth.data[i + c].toString(16).padStart(2, '0')).join('')}`;
      await setBrush(page, 6, hex);
      await drawStroke(page, pts);
      await page.waitForFunction(
        (k) =>
          (window as unknown as { __studio: { stats: { previews: number } } }).__studio.stats.previews > k &&
          /fused/.test(document.getElementById('result-info')?.textContent ?? ''),
        st.previews,
        { timeout: 120_000 },
      );
      // The first stroke also waits for the service's candidates (CNN and reference): not timed.
      await page.waitForTimeout(300);
      st = await stats(page);
      if (n > 0) times.push(st.lastPreviewMs);
    }
    assert.match((await info(page)) ?? '', /fused/);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    t.diagnostic(
      `fused preview at 0.25 MP (strokes + reference + auto), ms after each stroke: ${times
        .map((v) => v.toFixed(0))
        .join(', ')}; median ${median.toFixed(0)}`,
    );
    const out = await rgbOf(await resultPng(page));
    assert.equal(out.width, W, 'the preview is shown at the photo size');
    // Strokes are hard where drawn: each stroke's middle shows the truth colour it was painted with.
    const errs = strokes.map((pts) => deltaE(out.data, truth.data, pts[0][1] * W + pts[0][0] + 12));
    t.diagnostic(`ΔE00 at the strokes' middles: ${errs.map((e) => e.toFixed(1)).join(', ')}`);
    assert.ok(
      Math.max(...errs) <= 8,
      `the strokes' colours at the strokes: ΔE00 ${errs.map((e) => e.toFixed(1))}`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'studio-fuse-three-hints.png') });
  });
});
