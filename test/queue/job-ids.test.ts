/**
 * The queue's pieces that need no Redis: the job id (content hash checked against coreutils'
 * sha256sum; same work → same id, other content/options/output → another id), the Redis URL's
 * sources and errors, and the commands' clear failures without a Redis.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { redisUrl } from '../../src/queue/connection.js';
import { fileHash, jobIdFor, planJobs, type QueueJobData } from '../../src/queue/jobs.js';
import { runQueueJob } from '../../src/queue/run-job.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const target = path.join(REPO_ROOT, 'examples/scene_gray.png');
const reference = path.join(REPO_ROOT, 'examples/scene.png');

describe('queue job ids', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'colorize-jobid-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  test('the content hash is the SHA-256 that sha256sum prints', async (t) => {
    const r = spawnSync('sha256sum', [reference], { encoding: 'utf8' });
    if (r.status !== 0) return t.skip('sha256sum not available');
    assert.equal(await fileHash(reference), r.stdout.split(' ')[0]);
  });

  test('same work, same id (whatever the order of the options); other content, option or output, another id', async () => {
    const base: QueueJobData = {
      v: 1,
      method: 'reinhard',
      options: { space: 'lab' },
      inputs: { target, reference },
      output: path.join(dir, 'out', 'scene_gray.png'),
      read: {},
    };
    const id = await jobIdFor(base);
    assert.match(id, /^c-[0-9a-f]{32}$/);
    assert.equal(await jobIdFor({ ...base, inputs: { reference, target } }), id);
    assert.equal(
      await jobIdFor({ ...base, method: 'histogram', options: { exact: true, bins: 64 } }),
      await jobIdFor({ ...base, method: 'histogram', options: { bins: 64, exact: true } }),
    );
    assert.notEqual(await jobIdFor({ ...base, options: { space: 'lalphabeta' } }), id);
    assert.notEqual(await jobIdFor({ ...base, output: path.join(dir, 'other.png') }), id);
    // The same path with other bytes is other work.
    const copy = path.join(dir, 'ref.png');
    await fs.copyFile(reference, copy);
    const withCopy = await jobIdFor({ ...base, inputs: { target, reference: copy } });
    await fs.writeFile(copy, Buffer.concat([await fs.readFile(reference), Buffer.from([0])]));
    assert.notEqual(await jobIdFor({ ...base, inputs: { target, reference: copy } }), withCopy);
  });

  test('planning checks method, options and inputs before anything is enqueued', async () => {
    const out = path.join(dir, 'plan');
    const jobs = await planJobs({
      inputs: [target],
      method: 'histogram',
      options: { bins: '64' },
      shared: { reference },
      out,
    });
    assert.deepEqual(
      jobs.map((j) => [j.inputs, j.options, j.output]),
      [[{ target, reference }, { bins: 64 }, path.join(out, 'scene_gray.png')]],
    );
    const plan = (o: Partial<Parameters<typeof planJobs>[0]>) =>
      planJobs({ inputs: [target], method: 'histogram', options: {}, shared: { reference }, out, ...o });
    await assert.rejects(plan({ method: 'nope' }), /nope/);
    await assert.rejects(plan({ options: { bins: 1 } }), /option "bins" = 1 is invalid/);
    await assert.rejects(
      plan({ options: { sigma: 2 } }),
      /option "sigma" does not apply to method histogram/,
    );
    await assert.rejects(plan({ shared: {} }), /reference/);
    await assert.rejects(plan({ inputs: [path.join(dir, 'missing.png')] }), /missing\.png: no such file/);
    await assert.rejects(
      plan({ shared: { reference, strokes: reference } }),
      /--strokes is not an input of method histogram/,
    );
    await assert.rejects(plan({ out: target }), /--out must be a folder/);
  });
});

describe('the queue commands without a Redis', () => {
  test('no URL: a usage error naming --redis and COLORIZE_REDIS_URL', async () => {
    assert.throws(() => redisUrl(undefined, {}), /--redis URL .* COLORIZE_REDIS_URL/);
    assert.throws(() => redisUrl('http://x:1', {}), /redis:\/\//);
    assert.equal(redisUrl(undefined, { COLORIZE_REDIS_URL: 'redis://h:1' }), 'redis://h:1');
    const r = await runCli(['queue', 'status'], { env: { COLORIZE_REDIS_URL: '' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^colorize: no Redis to use: give --redis URL/);
  });

  test('a Redis that is not there: exit 1 with the URL, no hang', async () => {
    // A port nobody listens on.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await runCli(['worker', '--redis', `redis://127.0.0.1:${port}`]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      new RegExp(`^colorize: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
  });
});

describe('one queue job run without Redis', () => {
  test("a scribble job with a strokes file gives the scribble command's pixels", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'colorize-runjob-'));
    try {
      const strokes = path.join(REPO_ROOT, 'examples/scene_strokes.json');
      const [job] = await planJobs({
        inputs: [target],
        method: 'poisson',
        options: {},
        shared: { strokes },
        out: path.join(dir, 'q'),
      });
      await runQueueJob(job);
      const cli = await runCli([
        'scribble',
        target,
        '--strokes',
        strokes,
        '-m',
        'poisson',
        '-o',
        path.join(dir, 'c.png'),
        '-q',
      ]);
      assert.equal(cli.code, 0, cli.stderr);
      const [a, b] = await Promise.all(
        [job.output, path.join(dir, 'c.png')].map((f) => sharp(f).raw().toBuffer()),
      );
      assert.ok(a.equals(b));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
