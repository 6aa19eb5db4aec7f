/** The service over real HTTP on loopback: methods, colorize, formats, validation, jobs, docs. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  colourImage,
  decodeResponse,
  form,
  grayRamp,
  meanRgb,
  png,
  type Running,
  startServer,
  waitFor,
} from './helpers.js';

const STROKES = JSON.stringify({
  strokes: [
    {
      points: [
        [8, 4],
        [8, 44],
      ],
      width: 3,
      color: '#d02020',
    },
    {
      points: [
        [56, 4],
        [56, 44],
      ],
      width: 3,
      color: '#2040d0',
    },
  ],
});

let s: Running;
before(async () => {
  s = await startServer({ concurrency: 2 });
});
after(async () => {
  await s.app.close();
});

describe('GET /v1/methods', () => {
  test('lists every family with inputs, options and defaults', async () => {
    const res = await fetch(`${s.base}/v1/methods`);
    assert.equal(res.status, 200);
    const { methods } = (await res.json()) as {
      methods: Array<{
        name: string;
        family: string;
        browser: boolean;
        options: Array<Record<string, unknown>>;
      }>;
    };
    const by = new Map(methods.map((m) => [m.name, m]));
    for (const n of ['levin', 'poisson', 'histogram', 'reinhard', 'wavelet', 'welsh', 'superpixel', 'sleep'])
      assert.ok(by.has(n), n);
    assert.equal(by.get('levin')!.family, 'scribbles');
    assert.equal(by.get('superpixel')!.browser, false);
    const bins = by.get('histogram')!.options.find((o) => o.key === 'bins')!;
    assert.deepEqual([bins.type, bins.default], ['number', 256]);
    const space = by.get('reinhard')!.options.find((o) => o.key === 'space')!;
    assert.deepEqual([space.default, space.enum], ['lab', ['lab', 'lalphabeta']]);
    const one = await fetch(`${s.base}/v1/methods/levin`);
    assert.equal(((await one.json()) as { name: string }).name, 'levin');
    assert.equal((await fetch(`${s.base}/v1/methods/nope`)).status, 404);
  });
});

describe('POST /v1/colorize/{method}', () => {
  test('levin with JSON strokes colours each side with its stroke', async () => {
    const res = await fetch(`${s.base}/v1/colorize/levin`, {
      method: 'POST',
      body: form({ gray: await png(grayRamp()), strokes: STROKES }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'image/png');
    const { image } = await decodeResponse(res);
    assert.deepEqual([image.width, image.height], [64, 48]);
    const [lr, , lb] = meanRgb(image, 2, 4, 26, 44);
    const [rr, , rb] = meanRgb(image, 38, 4, 62, 44);
    assert.ok(lr > lb + 0.05, `left is red: ${lr} vs ${lb}`);
    assert.ok(rb > rr + 0.05, `right is blue: ${rb} vs ${rr}`);
  });

  test('Accept picks JPEG or WebP; an unsupported Accept is 406', async () => {
    const body = async () =>
      form({ target: await png(colourImage()), reference: await png(colourImage(40, 40, 0.4)) });
    const magic: Record<string, number[]> = { 'image/jpeg': [0xff, 0xd8], 'image/webp': [0x52, 0x49] };
    for (const [mime, bytes] of Object.entries(magic)) {
      const res = await fetch(`${s.base}/v1/colorize/reinhard`, {
        method: 'POST',
        headers: { accept: mime },
        body: await body(),
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), mime);
      const b = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([b[0], b[1]], bytes);
    }
    const res = await fetch(`${s.base}/v1/colorize/reinhard`, {
      method: 'POST',
      headers: { accept: 'text/html' },
      body: await body(),
    });
    assert.equal(res.status, 406);
  });

  test('bad requests get a 4xx naming the problem', async () => {
    const target = await png(colourImage());
    const reference = await png(colourImage(40, 40, 0.4));
    const cases: Array<[string, FormData | string, number, RegExp]> = [
      ['reinhard', form({ target, reference, bogus: 1 }), 400, /unknown field "bogus"/],
      ['reinhard', form({ target, reference, space: 'xyz' }), 400, /"space" must be one of lab, lalphabeta/],
      ['histogram', form({ target, reference, bins: 'many' }), 400, /"bins" must be number/],
      ['reinhard', form({ target }), 400, /needs one of the inputs "reference" or "gallery"/],
      ['reinhard', form({ target: await png(grayRamp()), reference }), 422, /needs a colour target/],
      ['reinhard', form({ target: new Blob(['not an image']), reference }), 422, /target: not an image/],
      ['levin', form({ gray: await png(grayRamp()) }), 400, /one of the inputs "marked" or "strokes"/],
      ['levin', form({ gray: await png(grayRamp()), strokes: '{"strokes": [' }), 422, /not valid JSON/],
      [
        'welsh',
        form({ target: await png(grayRamp()), reference: await png(grayRamp()) }),
        422,
        /reference is gray/,
      ],
      ['no-such-method', form({ target }), 404, /known methods: levin/],
      ['reinhard', JSON.stringify({ target: 'x' }), 415, /multipart\/form-data/],
    ];
    for (const [method, body, status, message] of cases) {
      const headers: Record<string, string> =
        typeof body === 'string' ? { 'content-type': 'application/json' } : {};
      const res = await fetch(`${s.base}/v1/colorize/${method}`, { method: 'POST', body, headers });
      const j = (await res.json()) as { message: string; statusCode: number };
      assert.equal(res.status, status, `${method}: ${j.message}`);
      assert.match(j.message, message);
      assert.equal(j.statusCode, status);
    }
  });
});

describe('jobs', () => {
  test('submit, poll progress, download the result, delete', async () => {
    const res = await fetch(`${s.base}/v1/jobs`, {
      method: 'POST',
      body: form({ method: 'levin', format: 'webp', gray: await png(grayRamp()), strokes: STROKES }),
    });
    assert.equal(res.status, 202);
    const job = (await res.json()) as { id: string; status: string; links: { self: string; result: string } };
    assert.equal(res.headers.get('location'), `/v1/jobs/${job.id}`);
    assert.ok(['queued', 'running'].includes(job.status));
    const done = await waitFor(async () => {
      const j = (await (await fetch(`${s.base}${job.links.self}`)).json()) as {
        status: string;
        progress: number;
      };
      return j.status === 'done' || j.status === 'failed' ? j : undefined;
    });
    assert.equal(done.status, 'done');
    assert.equal(done.progress, 1);
    const img = await fetch(`${s.base}${job.links.result}`);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/webp');
    const { image } = await decodeResponse(img);
    assert.equal(image.width, 64);
    assert.equal((await fetch(`${s.base}${job.links.self}`, { method: 'DELETE' })).status, 204);
    assert.equal((await fetch(`${s.base}${job.links.self}`)).status, 404);
  });

  test('a result asked for early is 409 with the progress; a failed job reports its error', async () => {
    const target = await png(colourImage());
    const slow = (await (
      await fetch(`${s.base}/v1/jobs`, { method: 'POST', body: form({ method: 'sleep', ms: 1500, target }) })
    ).json()) as { id: string };
    const early = await fetch(`${s.base}/v1/jobs/${slow.id}/result`);
    assert.equal(early.status, 409);
    assert.match(((await early.json()) as { message: string }).message, /poll/);
    const bad = (await (
      await fetch(`${s.base}/v1/jobs`, {
        method: 'POST',
        body: form({ method: 'levin', gray: await png(grayRamp()), strokes: '{"strokes": []}' }),
      })
    ).json()) as { id: string };
    const failed = await waitFor(async () => {
      const j = (await (await fetch(`${s.base}/v1/jobs/${bad.id}`)).json()) as {
        status: string;
        error?: { message: string };
      };
      return j.status === 'failed' ? j : undefined;
    });
    assert.match(failed.error!.message, /no strokes/);
    assert.equal((await fetch(`${s.base}/v1/jobs/${bad.id}/result`)).status, 422);
    assert.equal((await fetch(`${s.base}/v1/jobs/${slow.id}`, { method: 'DELETE' })).status, 204);
    const cancelled = (await (await fetch(`${s.base}/v1/jobs/${slow.id}`)).json()) as { status: string };
    assert.equal(cancelled.status, 'cancelled');
  });

  test('job ids are checked before any lookup', async () => {
    assert.equal((await fetch(`${s.base}/v1/jobs/not-a-uuid`)).status, 400);
    assert.equal((await fetch(`${s.base}/v1/jobs/..%2F..%2Fetc%2Fpasswd/result`)).status, 400);
    assert.equal((await fetch(`${s.base}/v1/jobs/00000000-0000-0000-0000-000000000000`)).status, 404);
  });
});

describe('OpenAPI', () => {
  test('/docs serves the UI and /docs/json the document with every method route', async () => {
    const ui = await fetch(`${s.base}/docs`);
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<html/i);
    const doc = (await (await fetch(`${s.base}/docs/json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    assert.match(doc.openapi, /^3\./);
    for (const p of [
      '/v1/methods',
      '/v1/colorize/levin',
      '/v1/colorize/reinhard',
      '/v1/jobs',
      '/v1/jobs/{id}/result',
    ])
      assert.ok(doc.paths[p], p);
    assert.ok(doc.paths['/v1/colorize/levin'].post.requestBody!.content['multipart/form-data']);
  });
});
