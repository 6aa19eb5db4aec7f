/**
 * Malformed requests answered with a status and a message that name the problem (issue 21):
 * multipart without a boundary, a multipart body that never ends, a field sent twice, a large
 * JSON body, damaged JPEGs. Raw sockets where fetch would fix the request up.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { dataPath } from '../helpers/shared.js';
import { colourImage, form, png, type Running, startServer } from './helpers.js';

let s: Running;
before(async () => {
  s = await startServer({ concurrency: 1, bodyTimeoutMs: 1500 });
});
after(async () => {
  await s.app.close();
});

/** Writes `head` + `body` on a socket; resolves with the status and JSON of the answer. */
function rawRequest(
  head: string,
  body: string,
): Promise<{ status: number; json: { code: string; message: string } }> {
  const url = new URL(s.base);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(url.port), url.hostname);
    let out = '';
    sock.on('data', (d) => (out += d));
    sock.on('error', reject);
    const done = () => {
      const [h, b] = out.split('\r\n\r\n');
      if (!h) return reject(new Error('no answer'));
      resolve({ status: Number(h.split(' ')[1]), json: JSON.parse(b) });
    };
    sock.on('end', done);
    sock.write(`${head}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/** A JPEG from the data set with two bytes overwritten by a marker inside its entropy data. */
function damagedJpeg(marker: string): Buffer {
  const jpg = Buffer.from(readFileSync(dataPath('val/bsds500_100007.jpg')));
  jpg.write(marker, Math.floor(jpg.length * 0.6), 'latin1');
  return jpg;
}

describe('malformed requests', () => {
  test('multipart without a boundary is 400 naming the boundary', async () => {
    const r = await rawRequest(
      'POST /v1/colorize/levin HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data\r\nContent-Length: 10',
      '0123456789',
    );
    assert.equal(r.status, 400);
    assert.match(r.json.message, /needs a boundary/);
  });

  test('a multipart body that never ends is 400 after the body time limit', async () => {
    const part = '--XX\r\nContent-Disposition: form-data; name="gray"; filename="g.png"\r\n\r\n\x89PNG';
    const r = await rawRequest(
      'POST /v1/colorize/levin HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 100000',
      part,
    );
    assert.equal(r.status, 400);
    assert.equal(r.json.code, 'body-timeout');
    assert.match(r.json.message, /did not end within 2 s .*closing boundary/);
    assert.equal((await fetch(`${s.base}/v1/health`)).status, 200);
  });

  test('a field or a file sent twice is 400 naming the field', async () => {
    const f = new FormData();
    f.append('target', await png(colourImage()), 'a.png');
    f.append('ms', '10');
    f.append('ms', '20');
    let res = await fetch(`${s.base}/v1/colorize/sleep`, { method: 'POST', body: f });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /^field "ms" was sent 2 times/);
    const g = new FormData();
    g.append('target', await png(colourImage()), 'a.png');
    g.append('target', await png(colourImage()), 'b.png');
    res = await fetch(`${s.base}/v1/colorize/sleep`, { method: 'POST', body: g });
    assert.equal(res.status, 400);
    assert.match(
      ((await res.json()) as { message: string }).message,
      /^file field "target" was sent 2 times/,
    );
  });

  test('a 2 MB JSON body is 413 naming the 1 MB limit for bodies that are not multipart', async () => {
    for (const route of ['/v1/colorize/sleep', '/v1/jobs']) {
      const res = await fetch(`${s.base}${route}`, {
        method: 'POST',
        body: JSON.stringify({ target: 'x'.repeat(2 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(res.status, 413);
      assert.match(
        ((await res.json()) as { message: string }).message,
        /larger than 1 MB, the limit for bodies that are not multipart\/form-data/,
      );
    }
  });

  test('a damaged JPEG sent as gray is 422 naming the input and the damage; acceptDamaged=true takes it', async () => {
    for (const marker of ['\xff\xd9', '\xff\xd3']) {
      const gray = new Blob([new Uint8Array(damagedJpeg(marker))], { type: 'image/jpeg' });
      const res = await fetch(`${s.base}/v1/colorize/cnn`, { method: 'POST', body: form({ gray }, 'g.jpg') });
      assert.equal(res.status, 422, marker);
      assert.match(
        ((await res.json()) as { message: string }).message,
        /^gray: damaged JPEG data \(.*Corrupt JPEG data.*\).*acceptDamaged=true/,
      );
    }
    const gray = new Blob([new Uint8Array(damagedJpeg('\xff\xd9'))], { type: 'image/jpeg' });
    const ok = await fetch(`${s.base}/v1/colorize/sleep`, {
      method: 'POST',
      body: form({ target: gray, ms: 1, acceptDamaged: true }, 'g.jpg'),
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    // The undamaged file passes without the option.
    const good = new Blob([new Uint8Array(readFileSync(dataPath('val/bsds500_100007.jpg')))]);
    const res = await fetch(`${s.base}/v1/colorize/sleep`, {
      method: 'POST',
      body: form({ target: good, ms: 1 }, 'g.jpg'),
    });
    assert.equal(res.status, 200);
  });
});
