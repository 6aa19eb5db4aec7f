/** Limits of the service (file size, pixels, queue, time) and the file-system boundary. */
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { colourImage, form, png, type Running, startServer } from './helpers.js';

let s: Running;
let studio: string;
before(async () => {
  studio = await fs.mkdtemp(path.join(tmpdir(), 'colorize-studio-test-'));
  await fs.writeFile(path.join(studio, 'index.html'), '<!doctype html><title>studio</title>');
  s = await startServer({
    concurrency: 1,
    maxQueue: 1,
    maxFileBytes: 64 * 1024,
    maxPixels: 100_000,
    jobTimeoutMs: 1500,
    retryAfterSeconds: 7,
    studioDir: studio,
  });
});
after(async () => {
  await s.app.close();
  await fs.rm(studio, { recursive: true, force: true });
});

const post = (method: string, body: FormData) =>
  fetch(`${s.base}/v1/colorize/${method}`, { method: 'POST', body });

describe('limits', () => {
  test('a file over the size limit is 413', async () => {
    const big = new Blob([new Uint8Array(100 * 1024)], { type: 'image/png' });
    const res = await post('sleep', form({ target: big }));
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { message: string }).message, /limit of 0 MB per file|per file/);
  });

  test('an image over the pixel limit is 413 before any work', async () => {
    const res = await post('sleep', form({ target: await png(colourImage(400, 300)) }));
    assert.equal(res.status, 413);
    assert.match(
      ((await res.json()) as { message: string }).message,
      /400×300 = 0\.1 MP is more than .* limit/,
    );
  });

  test('one running, one queued, the next gets 503 with Retry-After', async () => {
    const target = await png(colourImage());
    const slow = () => post('sleep', form({ target, ms: 700 }));
    const first = slow();
    await new Promise((r) => setTimeout(r, 150));
    const second = slow();
    await new Promise((r) => setTimeout(r, 150));
    const third = await slow();
    assert.equal(third.status, 503);
    assert.equal(third.headers.get('retry-after'), '7');
    assert.match(((await third.json()) as { message: string }).message, /busy/);
    assert.equal((await first).status, 200);
    assert.equal((await second).status, 200);
  });

  test('a job past the time limit is stopped with 422, and the next one runs', async () => {
    const target = await png(colourImage());
    const res = await post('sleep', form({ target, ms: 20_000 }));
    assert.equal(res.status, 422);
    const j = (await res.json()) as { code: string; message: string };
    assert.equal(j.code, 'time-limit');
    assert.match(j.message, /time limit of 2 s|time limit/);
    assert.equal((await post('sleep', form({ target, ms: 10 }))).status, 200);
  });
});

describe('file system boundary', () => {
  test('upload file names never become paths', async () => {
    const evil = path.join(tmpdir(), 'colorize-evil-upload.png');
    const f = new FormData();
    f.append('method', 'sleep');
    f.append('ms', '10');
    f.append('target', await png(colourImage()), `../../../../../..${evil}`);
    const res = await fetch(`${s.base}/v1/jobs`, { method: 'POST', body: f });
    assert.equal(res.status, 202);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(existsSync(evil), false);
  });

  test('the studio folder cannot be left through the URL', async () => {
    assert.equal((await fetch(`${s.base}/`)).status, 200);
    for (const p of [
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%252e%252e/etc/passwd',
    ]) {
      const res = await fetch(`${s.base}${p}`);
      assert.ok(res.status === 404 || res.status === 403 || res.status === 400, `${p}: ${res.status}`);
      assert.doesNotMatch(await res.text(), /root:/);
    }
  });
});
