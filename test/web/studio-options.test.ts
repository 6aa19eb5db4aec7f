/**
 * The studio's option controls in headless chromium against the real service: every method the
 * studio lists has one control per option of its `GET v1/methods` description (type, range,
 * default), and the worker's in-browser methods carry the same options; a changed option of an
 * in-browser method reaches the method (the result equals the library's run with that option in
 * Node, or the service's answer to the same request, and differs from the default run); a changed
 * option of a server-only method is sent as a field, a refused value is shown next to the form,
 * and 'Reset to defaults' goes back to the default run. The gallery picker (service started with a
 * gallery folder of three exemplar references): its thumbnails, a named pick and 'auto (nearest)'
 * give the service's own answers to the same requests. Photos from ../shared/data, read at run time.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { readImage } from '../../src/image/io.js';
import '../../src/methods/browser-builtin.js';
import { getMethod } from '../../src/methods/catalogue/catalogue.js';
import { validateOptions } from '../../src/methods/catalogue/options.js';
import type { ServerOptions } from '../../src/server/limits.js';
import { dataPath } from '../helpers/shared.js';
import { browserSkipReason, buildStudio, openStudio, pageState, resultPng, type Studio } from './browser.js';

interface Spec {
  key: string;
  type: string;
  description: string;
  default?: unknown;
  defaultText?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
}
interface Described {
  name: string;
  family: string;
  options: Spec[];
}

const skip = browserSkipReason();
let s: Studio;
let galleryDir: string;
/** The gallery: colour references of three exemplar sets. */
const GALLERY = ['002_reference.png', '004_reference.png', '006_reference.png'];

/** 8-bit RGB pixels of an encoded image. */
async function rgbOf(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().toColourspace('srgb').raw().toBuffer({
    resolveWithObject: true,
  });
  return { data, width: info.width, height: info.height };
}

/** Mean absolute difference (0–255) and the share of samples more than `tol` levels apart. */
function compare(a: Buffer, b: Buffer, tol = 2): { mean: number; off: number } {
  assert.equal(a.length, b.length, 'same size');
  let sum = 0;
  let off = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    sum += d;
    if (d > tol) off++;
  }
  return { mean: sum / a.length, off: off / a.length };
}

describe('studio option controls', { skip, timeout: 120_000 }, () => {
  before(async () => {
    buildStudio();
    galleryDir = await fs.mkdtemp(path.join(tmpdir(), 'colorize-gallery-'));
    for (const n of GALLERY) await fs.copyFile(dataPath(`exemplar/${n}`), path.join(galleryDir, n));
    // `gallery` is the service's --gallery DIR (issue 17); a server without it ignores the option.
    // A method the studio's code has never heard of, registered with the service only.
    const gain = pathToFileURL(path.join(import.meta.dirname, 'fixtures/gain-method.ts')).href;
    s = await openStudio({ gallery: galleryDir, modules: [gain] } as ServerOptions);
  });
  after(async () => {
    await s?.close();
    if (galleryDir) await fs.rm(galleryDir, { recursive: true, force: true });
  });

  /** Clicks a run button and waits for the result line to match `re` (cleared first). */
  const runAndWait = async (button: string, re: RegExp, timeout = 30_000) => {
    await s.page.evaluate(() => {
      document.getElementById('result-info')!.textContent = '';
    });
    await s.page.click(button);
    try {
      await s.page.waitForFunction(
        (src) => new RegExp(src).test(document.getElementById('result-info')!.textContent ?? ''),
        re.source,
        { timeout },
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; waited for ${re} after ${button}; ${await pageState(s)}`);
    }
  };

  test('every listed method has a control for every option of its GET v1/methods description', async () => {
    const { page } = s;
    const described = ((await (await fetch(`${s.url}v1/methods`)).json()) as { methods: Described[] })
      .methods;
    const panels: Array<[string, string]> = [
      ['#method', '#method-options'],
      ['#scribble-method', '#scribble-options'],
      ['#auto-method', '#auto-options'],
    ];
    const listed = new Set<string>();
    for (const [selectId, formId] of panels) {
      const names = await page.$$eval(`${selectId} option`, (os) =>
        os.map((o) => (o as HTMLOptionElement).value),
      );
      for (const name of names) {
        listed.add(name);
        await page.selectOption(selectId, name);
        const m = described.find((d) => d.name === name);
        assert.ok(m, `${name} is a method of the service`);
        const controls = await page.$$eval(`${formId} [data-option]:is(input, select)`, (els) =>
          els.map((e) => {
            const i = e as HTMLInputElement;
            const slider = e.closest('.opt-row')?.nextElementSibling;
            return {
              key: i.dataset.option!,
              tag: i.tagName.toLowerCase(),
              type: i.type,
              value: i.type === 'checkbox' ? String(i.checked) : i.value,
              placeholder: i.placeholder ?? '',
              min: i.min ?? '',
              max: i.max ?? '',
              choices:
                e.tagName === 'SELECT'
                  ? Array.from((e as HTMLSelectElement).options, (o) => o.value).filter((v) => v)
                  : [],
              slider: slider?.classList.contains('opt-slider') ?? false,
              help: e.closest('.opt-row')?.getAttribute('title') ?? '',
            };
          }),
        );
        assert.deepEqual(
          controls.map((c) => c.key),
          m.options.map((o) => o.key),
          `${name}: one control per option, in order`,
        );
        for (const [i, o] of m.options.entries()) {
          const c = controls[i];
          const what = `${name}.${o.key}`;
          assert.ok(c.help.includes(o.description), `${what}: the description is the help text`);
          if (o.type === 'boolean') {
            assert.equal(c.type, 'checkbox', what);
            assert.equal(c.value, String(o.default === true), `${what} default`);
            // On by default: the description (of the --no-… flag) says what unchecking does.
            assert.equal(c.help.startsWith('unchecked: '), o.default === true, `${what} help`);
          } else if (o.enum) {
            assert.equal(c.tag, 'select', what);
            assert.deepEqual(c.choices, o.enum, `${what} choices`);
            assert.equal(c.value, o.default ?? '', `${what} default`);
          } else if (o.type === 'number' || o.type === 'integer') {
            assert.equal(c.type, 'number', what);
            assert.equal(c.min, o.minimum === undefined ? '' : String(o.minimum), `${what} minimum`);
            assert.equal(c.max, o.maximum === undefined ? '' : String(o.maximum), `${what} maximum`);
            assert.equal(c.slider, o.minimum !== undefined && o.maximum !== undefined, `${what} slider`);
            if (o.default !== undefined) assert.equal(Number(c.value), o.default, `${what} default`);
            else assert.equal(c.placeholder, o.defaultText ?? '', `${what} documented default`);
          } else {
            assert.equal(c.type, 'text', what);
            const d = Array.isArray(o.default) ? o.default.join(',') : (o.default ?? '');
            assert.equal(c.value, String(d), `${what} default`);
            if (o.default === undefined) assert.equal(c.placeholder, o.defaultText ?? '', what);
          }
        }
      }
    }
    // Every method of the service is offered somewhere, but fuse: its studio view (issue 18) is
    // not built yet, so the studio does not list it.
    assert.deepEqual(
      [...listed].sort(),
      described
        .map((d) => d.name)
        .filter((n) => n !== 'fuse')
        .sort(),
    );
    // The worker's in-browser methods (what a studio without a service shows) have the service's
    // options, defaults and ranges.
    const local = await page.evaluate(() =>
      (window as unknown as { __studio: { localMethods(): Described[] } }).__studio.localMethods(),
    );
    assert.ok(local.filter((m) => m.options.length > 0).length >= 5, 'the worker describes its methods');
    for (const m of local) {
      const d = described.find((x) => x.name === m.name);
      assert.ok(d, `${m.name}: the service has the worker's method`);
      // The worker may run a method with fewer options (the others go to the service), never others.
      for (const o of m.options) {
        const so: Spec | undefined = d.options.find((x) => x.key === o.key);
        assert.deepEqual(o, so, `${m.name}.${o.key}: the worker's option is the service's`);
      }
    }
  });

  test('a changed option of an in-browser method changes the result to the library’s run with it', async () => {
    const { page } = s;
    const targetPath = dataPath('exemplar/002_target.png');
    const referencePath = dataPath('exemplar/002_reference.png');
    await page.setInputFiles('#open-photo', targetPath);
    await page.setInputFiles('#open-ref', referencePath);
    await page.waitForFunction(() => document.querySelectorAll('#palette button').length >= 4);
    await page.selectOption('#method', 'histogram');
    await runAndWait('#run-ref', /histogram: \d+ ms \(browser\)/);
    const byDefault = await rgbOf(await resultPng(page));

    await page.locator('#opt-bins').fill('4');
    assert.match((await page.locator('#method-options').innerText()) ?? '', /1 changed/);
    await runAndWait('#run-ref', /histogram: \d+ ms \(browser\)/);
    const fourBins = await rgbOf(await resultPng(page));

    // The library's own run in Node on the same photos, with and without the option.
    const target = await readImage(targetPath);
    const reference = await readImage(referencePath);
    const method = getMethod('histogram');
    const images = { target, reference };
    const eight = async (opts: Record<string, unknown>) => {
      const img = (await method.run({ images, texts: {} }, validateOptions(method, opts), {})).rgb;
      const n = img.width * img.height;
      const out = Buffer.alloc(n * 3);
      for (let i = 0; i < n; i++)
        for (let c = 0; c < 3; c++)
          out[i * 3 + c] = Math.round(
            255 * Math.min(1, Math.max(0, img.channels[c % img.channels.length][i])),
          );
      return out;
    };
    const libDefault = await eight({});
    const libFour = await eight({ bins: 4 });
    const sameDefault = compare(byDefault.data, libDefault);
    const sameFour = compare(fourBins.data, libFour);
    const changed = compare(fourBins.data, byDefault.data);
    assert.ok(sameDefault.off < 0.005, `default run as the library's: ${JSON.stringify(sameDefault)}`);
    assert.ok(sameFour.off < 0.005, `bins=4 run as the library's: ${JSON.stringify(sameFour)}`);
    assert.ok(changed.mean > 3 && changed.off > 0.2, `bins=4 changes the result: ${JSON.stringify(changed)}`);

    // Reset to defaults: the default run again.
    await page.click('#method-options .opt-reset');
    assert.equal(await page.locator('#opt-bins').inputValue(), '256');
    await runAndWait('#run-ref', /histogram: \d+ ms \(browser\)/);
    assert.deepEqual((await rgbOf(await resultPng(page))).data, byDefault.data);
  });

  test('scribble options: a changed option runs in the browser as the service runs it', async () => {
    const { page } = s;
    const grayPath = dataPath('scribbles/flower_gray.png');
    const strokes = JSON.stringify({
      strokes: [
        {
          points: [
            [180, 110],
            [215, 125],
            [250, 110],
          ],
          width: 8,
          color: '#d81b3c',
        },
        {
          points: [
            [20, 30],
            [80, 40],
            [60, 250],
          ],
          width: 8,
          color: '#2e8b3a',
        },
        {
          points: [
            [400, 30],
            [380, 260],
          ],
          width: 8,
          color: '#2e8b3a',
        },
      ],
    });
    await page.setInputFiles('#open-photo', grayPath);
    // The photo is decoded asynchronously and opening it clears the strokes: load them after.
    await page.waitForFunction(() =>
      /^flower_gray\.png: \d+×\d+/.test(document.getElementById('status')?.textContent ?? ''),
    );
    await page.setInputFiles('#open-strokes', {
      name: 'strokes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(strokes),
    });
    await page.waitForFunction(
      () =>
        (window as unknown as { __studio: { history: { current: unknown[] } } }).__studio.history.current
          .length === 3,
    );
    await page.selectOption('#scribble-method', 'levin');
    await runAndWait('#full', /Full resolution in \d+ ms \(full resolution .*levin \(levin system/);
    const byDefault = await rgbOf(await resultPng(page));

    // Levin's own system → the symmetrised graph Laplacian, solved in the browser worker.
    await page.selectOption('#scribble-opt-system', 'symmetric');
    await runAndWait('#full', /Full resolution in \d+ ms \(full resolution .*levin \(symmetric system/);
    const symmetric = await rgbOf(await resultPng(page));

    // The service's answer to the same request (the library in Node, through HTTP).
    const service = async (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('gray', new Blob([new Uint8Array(await fs.readFile(grayPath))]), 'gray.png');
      form.append('strokes', new Blob([strokes]), 'strokes.json');
      const res = await fetch(`${s.url}v1/colorize/levin`, { method: 'POST', body: form });
      assert.equal(res.status, 200, await res.clone().text());
      return (await rgbOf(Buffer.from(await res.arrayBuffer()))).data;
    };
    const asService = compare(symmetric.data, await service({ system: 'symmetric' }));
    assert.ok(asService.off < 0.005, `system=symmetric as the service runs it: ${JSON.stringify(asService)}`);
    const changed = compare(symmetric.data, byDefault.data);
    assert.ok(changed.off > 0.01, `system=symmetric changes the result: ${JSON.stringify(changed)}`);

    // Reset to defaults: the default solve again.
    await page.click('#scribble-options .opt-reset');
    await runAndWait('#full', /Full resolution in \d+ ms \(full resolution .*levin \(levin system/);
    assert.deepEqual((await rgbOf(await resultPng(page))).data, byDefault.data);
  });

  test('a changed option of a server-side method is sent as a field; a refused value shows by the form', async () => {
    const { page } = s;
    const targetPath = dataPath('exemplar/004_target.png');
    const referencePath = dataPath('exemplar/004_reference.png');
    await page.setInputFiles('#open-photo', targetPath);
    await page.setInputFiles('#open-ref', referencePath);
    await page.waitForFunction(() => document.querySelectorAll('#palette button').length >= 4);
    await page.selectOption('#method', 'superpixel');
    // Small and with hand-made features, so each run takes a second or two.
    const base = { workingSize: '64', features: 'handcrafted' };
    await page.locator('#opt-workingSize').fill(base.workingSize);
    await page.selectOption('#opt-features', base.features);
    await runAndWait('#run-ref', /superpixel: \d+ ms \(server\)/, 60_000);
    const before = (await rgbOf(await resultPng(page))).data;
    // A softmax temperature τ of 1 instead of 0.015 (IPOL eq. 1/7): every match weighs about alike.
    await page.locator('#opt-tau').fill('1');
    await runAndWait('#run-ref', /superpixel: \d+ ms \(server\)/, 60_000);
    const after = (await rgbOf(await resultPng(page))).data;

    const service = async (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('target', new Blob([new Uint8Array(await fs.readFile(targetPath))]), 'target.png');
      form.append('reference', new Blob([new Uint8Array(await fs.readFile(referencePath))]), 'reference.png');
      const res = await fetch(`${s.url}v1/colorize/superpixel`, { method: 'POST', body: form });
      assert.equal(res.status, 200, await res.clone().text());
      return (await rgbOf(Buffer.from(await res.arrayBuffer()))).data;
    };
    assert.equal(compare(before, await service(base), 0).off, 0, 'the studio sent workingSize and features');
    assert.equal(compare(after, await service({ ...base, tau: '1' }), 0).off, 0, 'and tau');
    const changed = compare(after, before);
    assert.ok(changed.off > 0.01, `tau=1 changes the result: ${JSON.stringify(changed)}`);

    // A value out of range: the service's 400 message appears next to the form.
    await page.locator('#opt-workingSize').fill('5');
    await page.click('#run-ref');
    const error = page.locator('#method-options .opt-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.innerText(), /workingSize/);
    await page.click('#method-options .opt-reset');
    assert.equal(await error.isHidden(), true);
    assert.equal(await page.locator('#opt-workingSize').inputValue(), '256');
  });

  test('a method registered with the service only gets its slider, and moving it changes the result', async () => {
    const { page } = s;
    // A colour photo as target: the method scales it, so the answer is known pixel by pixel.
    const targetPath = dataPath('exemplar/006_reference.png');
    await page.setInputFiles('#open-photo', targetPath);
    await page.setInputFiles('#open-ref', dataPath('exemplar/004_reference.png'));
    await page.waitForFunction(() => document.querySelectorAll('#palette button').length >= 4);
    await page.selectOption('#method', 'test-gain');
    assert.equal(await page.locator('#opt-gain').inputValue(), '1');
    // The slider runs over 0…2 in 1000 steps: a quarter of the way is 0.5.
    const slider = page.locator('#method-options [data-option="gain"] + .opt-slider');
    await slider.fill('250');
    assert.equal(await page.locator('#opt-gain').inputValue(), '0.5');
    await runAndWait('#run-ref', /test-gain: \d+ ms \(server\)/, 60_000);
    const half = (await rgbOf(await resultPng(page))).data;
    const target = (await rgbOf(await fs.readFile(targetPath))).data;
    let worst = 0;
    for (let i = 0; i < target.length; i++) worst = Math.max(worst, Math.abs(half[i] - target[i] * 0.5));
    assert.ok(worst <= 1, `the result is the target × 0.5 (worst ${worst} levels)`);
  });

  test('gallery picker: thumbnails, a named pick and auto (nearest) run as the service answers them', async (t) => {
    const { page } = s;
    const listing = await fetch(`${s.url}v1/gallery`);
    if (listing.status === 404) {
      t.skip('GET v1/gallery is absent: this server has no gallery routes yet (issue 17, server side)');
      return;
    }
    const images = ((await listing.json()) as { images: Array<{ name: string }> }).images.map((i) => i.name);
    assert.deepEqual([...images].sort(), GALLERY);
    // One thumbnail per gallery image (loaded, long side ≤ 256), after the 'auto (nearest)' choice.
    await page.reload();
    await page.waitForFunction(
      () => (window as unknown as { __studio?: { stats: { ready: boolean } } }).__studio?.stats.ready,
    );
    assert.equal(await page.locator('#gallery-section').isHidden(), false);
    await page.waitForFunction(
      (n) =>
        Array.from(document.querySelectorAll<HTMLImageElement>('#gallery img')).filter(
          (i) => i.naturalWidth > 0,
        ).length === n,
      images.length,
    );
    const choices = await page.$$eval('#gallery [data-gallery]', (bs) =>
      bs.map((b) => (b as HTMLElement).dataset.gallery),
    );
    assert.deepEqual(choices, ['auto', ...images]);
    const sizes = await page.$$eval('#gallery img', (is) =>
      is.map((i) => Math.max((i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight)),
    );
    assert.ok(
      sizes.every((n) => n > 0 && n <= 256),
      `thumbnails: ${sizes}`,
    );

    const targetPath = dataPath('exemplar/002_target.png');
    const target = new Uint8Array(await fs.readFile(targetPath));
    const direct = async (fields: Record<string, string>, files: Record<string, Uint8Array<ArrayBuffer>>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      for (const [k, v] of Object.entries(files)) form.append(k, new Blob([v]), `${k}.png`);
      const res = await fetch(`${s.url}v1/colorize/histogram`, { method: 'POST', body: form });
      assert.equal(res.status, 200, await res.clone().text());
      return (await rgbOf(Buffer.from(await res.arrayBuffer()))).data;
    };
    await page.setInputFiles('#open-photo', targetPath);
    await page.selectOption('#method', 'histogram');

    // A named pick: the service runs with that gallery image as the reference, at full size (the
    // same result as uploading the image itself), not with its thumbnail.
    await page.click('#gallery [data-gallery="004_reference.png"]');
    await runAndWait('#run-ref', /histogram: \d+ ms \(server\)/, 60_000);
    const named = (await rgbOf(await resultPng(page))).data;
    const uploaded = await direct(
      {},
      { target, reference: new Uint8Array(await fs.readFile(dataPath('exemplar/004_reference.png'))) },
    );
    assert.equal(compare(named, uploaded, 0).off, 0, 'a named gallery pick equals uploading that image');

    // auto (nearest): the notice names the image the service picked, and the result is its run.
    await page.click('#gallery [data-gallery="auto"]');
    await runAndWait('#run-ref', /histogram: \d+ ms \(server\)/, 60_000);
    const info = (await page.locator('#result-info').innerText()) ?? '';
    const picked = info.match(/gallery image (\S+)/)?.[1];
    assert.ok(picked && images.includes(picked), `the notice names a gallery image: ${info}`);
    const auto = (await rgbOf(await resultPng(page))).data;
    assert.equal(compare(auto, await direct({ gallery: picked }, { target }), 0).off, 0, 'auto = its pick');
  });
});
