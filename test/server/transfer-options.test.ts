/**
 * Transfer-registry methods over HTTP: typed option metadata in GET /v1/methods and the route
 * schemas, notes from the run context in the response and the job status, and gray-target hints
 * worded for HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { superpixelTransfer } from '../../src/methods/exemplar/superpixel/pipeline.js';
import {
  colourImage,
  form,
  grayRamp,
  png,
  type Running,
  SLEEP_MODULE,
  startServer,
  waitFor,
} from './helpers.js';

const NOTICE_MODULE = new URL('./fixtures/notice-method.ts', import.meta.url).href;

let s: Running;
before(async () => {
  s = await startServer({ concurrency: 1, modules: [SLEEP_MODULE, NOTICE_MODULE] });
});
after(async () => {
  await s.app.close();
});

type Option = Record<string, unknown> & { key: string };
async function optionsOf(method: string): Promise<Map<string, Option>> {
  const res = await fetch(`${s.base}/v1/methods/${method}`);
  assert.equal(res.status, 200);
  const { options } = (await res.json()) as { options: Option[] };
  return new Map(options.map((o) => [o.key, o]));
}

describe('GET /v1/methods/{transfer method}', () => {
  test('reports the registry’s typed defaults, choices and ranges', async () => {
    const wavelet = await optionsOf('wavelet');
    assert.deepEqual(
      { ...wavelet.get('space') },
      {
        key: 'space',
        type: 'string',
        description: 'rgb|yuv|lab (default rgb)',
        default: 'rgb',
        enum: ['rgb', 'yuv', 'lab'],
      },
    );
    assert.deepEqual(
      [wavelet.get('contrast')!.default, wavelet.get('contrast')!.minimum, wavelet.get('contrast')!.maximum],
      [1, 0, 10],
    );
    assert.deepEqual(
      [wavelet.get('levels')!.type, wavelet.get('levels')!.integer, wavelet.get('levels')!.defaultText],
      ['number', true, '|λ|−1, or 10'],
    );
    assert.equal(wavelet.get('lambda')!.type, 'number-list');
    assert.deepEqual([wavelet.get('preMatch')!.type, wavelet.get('preMatch')!.default], ['boolean', false]);
    const welsh = await optionsOf('welsh');
    assert.deepEqual([welsh.get('space')!.default, welsh.get('space')!.enum], ['lab', ['lab', 'yuv']]);
    assert.deepEqual([welsh.get('samples')!.default, welsh.get('samples')!.maximum], [200, 100_000]);
    const yuv = await optionsOf('histogram-yuv');
    assert.deepEqual([yuv.get('rgbFirst')!.type, yuv.get('rgbFirst')!.default], ['boolean', true]);
    assert.deepEqual(yuv.get('normalize')!.enum, ['report', 'clamp']);
    // The exemplar `superpixel` takes its options from the registry's superpixel transfer method.
    const superpixel = await optionsOf('superpixel');
    assert.deepEqual(
      [...superpixel.keys()],
      [
        'tau',
        'deltaS',
        'deltaC',
        'sigmaG',
        'fusionNormalise',
        'cutoff',
        'superpixels',
        'compactness',
        'layerWeights',
        'workingSize',
        'features',
        'finishMode',
        'feather',
      ],
    );
    assert.deepEqual([superpixel.get('tau')!.default, superpixel.get('workingSize')!.default], [0.015, 256]);
    assert.deepEqual(
      [superpixel.get('features')!.default, superpixel.get('features')!.enum],
      ['auto', ['auto', 'vgg19', 'handcrafted']],
    );
  });

  test('the schema refuses values outside the typed range or not whole', async () => {
    const target = await png(colourImage());
    const reference = await png(colourImage(40, 40, 0.4));
    for (const [method, field, value, message] of [
      ['welsh', 'weight', '2', /"weight" must be <= 1/],
      ['histogram', 'bins', '1', /"bins" must be >= 2/],
      ['histogram', 'bins', '2.5', /"bins" must be multiple of 1/],
    ] as const) {
      const res = await fetch(`${s.base}/v1/colorize/${method}`, {
        method: 'POST',
        body: form({ target, reference, [field]: value }),
      });
      const j = (await res.json()) as { message: string };
      assert.equal(res.status, 400, j.message);
      assert.match(j.message, message);
    }
  });
});

describe('transfer methods over HTTP', () => {
  test('a method’s notes come back in X-Colorize-Notices and in the job status', async () => {
    const body = async () =>
      form({ target: await png(colourImage()), reference: await png(colourImage(40, 40, 0.4)) });
    const res = await fetch(`${s.base}/v1/colorize/test-notes`, { method: 'POST', body: await body() });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(decodeURIComponent(res.headers.get('x-colorize-notices') ?? ''), 'a fallback was taken');
    const sub = await fetch(`${s.base}/v1/jobs`, {
      method: 'POST',
      body: form({
        method: 'test-notes',
        target: await png(colourImage()),
        reference: await png(colourImage(40, 40, 0.4)),
      }),
    });
    assert.equal(sub.status, 202);
    const job = (await sub.json()) as { links: { self: string } };
    const done = await waitFor(async () => {
      const j = (await (await fetch(`${s.base}${job.links.self}`)).json()) as {
        status: string;
        notices: string[];
      };
      return j.status === 'done' || j.status === 'failed' ? j : undefined;
    });
    assert.equal(done.status, 'done');
    assert.deepEqual(done.notices, ['a fallback was taken']);
  });

  test('superpixel on a colour target runs the registry’s method and returns its notes', async () => {
    const [t, r] = [colourImage(48, 32), colourImage(48, 32, 0.4)];
    const { notices } = await superpixelTransfer(t, r, { workingSize: 32 });
    const res = await fetch(`${s.base}/v1/colorize/superpixel`, {
      method: 'POST',
      body: form({ target: await png(t), reference: await png(r), workingSize: 32 }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    const header = res.headers.get('x-colorize-notices');
    assert.deepEqual(header === null ? [] : decodeURIComponent(header).split(' | '), notices);
  });

  test('a gray target for a colour-only method gets a hint worded for HTTP', async () => {
    const target = await png(grayRamp());
    const reference = await png(colourImage(40, 40, 0.4));
    const res = await fetch(`${s.base}/v1/colorize/reinhard`, {
      method: 'POST',
      body: form({ target, reference }),
    });
    const j = (await res.json()) as { message: string };
    assert.equal(res.status, 422);
    assert.match(j.message, /needs a colour target; use method welsh for a gray target/);
    assert.match(j.message, /option grayTarget=mean-chroma/);
    assert.doesNotMatch(j.message, /--/);
    // The option the hint names works over HTTP too.
    const ok = await fetch(`${s.base}/v1/colorize/reinhard`, {
      method: 'POST',
      body: form({ target, reference, grayTarget: 'mean-chroma' }),
    });
    assert.equal(ok.status, 200, await ok.clone().text());
  });
});
