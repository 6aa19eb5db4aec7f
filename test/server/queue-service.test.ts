/**
 * `serve --redis` (issue 20): the service's jobs live on the BullMQ queue of a real redis-server
 * (started here on a loopback port, no mock), so a kill -9 of the service mid-job loses nothing:
 * a second service takes the job over and the result is the right image. A job whose input fails
 * in the worker is failed with a 422 naming the input, not a path; a waiting job can be deleted;
 * with --queue-workers 0 a `colorize worker` process elsewhere runs the service's jobs.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { encodeImage } from '../../src/image/io.js';
import { runCli } from '../helpers/cli.js';
import { REDIS_SKIP, type RedisServer, startRedis } from '../helpers/redis.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { colourImage, form } from './helpers.js';

interface Service {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

async function service(env: NodeJS.ProcessEnv): Promise<Service> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'test/server/fixtures/queue-service.ts')],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (http:\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('close', () => reject(new Error(`the service exited: ${err}`)));
  });
  return { child, base, exited };
}

/** A job as GET /v1/jobs/{id} shows it (the fields this test reads). */
interface JobJson {
  status: string;
  width?: number;
  height?: number;
  error: { statusCode: number; message: string };
}

async function jobOf(base: string, id: string) {
  const res = await fetch(`${base}/v1/jobs/${id}`);
  return { code: res.status, body: (await res.json()) as JobJson };
}

async function until(base: string, id: string, ok: (j: JobJson) => boolean, ms = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const j = await jobOf(base, id);
    if (ok(j.body)) return j.body;
    if (Date.now() - t0 > ms) throw new Error(`job ${id} stayed ${JSON.stringify(j.body)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const blob = (b: Buffer) => new Blob([new Uint8Array(b)], { type: 'image/png' });

describe('the service on a real Redis queue', { skip: REDIS_SKIP }, () => {
  let redis: RedisServer;
  const jobsDir = mkdtempSync(path.join(tmpdir(), 'colorize-queue-service-'));
  const running: Service[] = [];
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    for (const s of running) s.child.kill('SIGKILL');
    await redis?.stop();
    rmSync(jobsDir, { recursive: true, force: true });
  });

  test('kill -9 of the service mid-job: a second service finishes the job', async () => {
    const env = { REDIS_URL: redis.url, JOBS_DIR: jobsDir, QUEUE_WORKERS: '1' };
    const a = await service(env);
    running.push(a);
    const target = await encodeImage(colourImage(40, 30), 'png');
    const res = await fetch(`${a.base}/v1/jobs`, {
      method: 'POST',
      body: form({ method: 'sleep', ms: 3000, target: blob(target) }),
    });
    assert.equal(res.status, 202);
    const { id } = (await res.json()) as { id: string };
    await until(a.base, id, (j) => j.status === 'running');
    a.child.kill('SIGKILL');
    await a.exited;

    const b = await service(env);
    running.push(b);
    // The job is known at once (it lives in Redis), and finishes once its lock has expired.
    assert.equal((await jobOf(b.base, id)).code, 200);
    const done = await until(b.base, id, (j) => j.status === 'done' || j.status === 'failed');
    assert.equal(done.status, 'done', JSON.stringify(done));
    assert.deepEqual([done.width, done.height], [40, 30]);
    const out = await fetch(`${b.base}/v1/jobs/${id}/result`);
    assert.equal(out.status, 200);
    assert.equal(out.headers.get('content-type'), 'image/png');
    const got = await sharp(Buffer.from(await out.arrayBuffer()))
      .raw()
      .toBuffer();
    assert.ok(got.equals(await sharp(target).raw().toBuffer()), "the result is the sleep method's output");
    // The job's folder holds its input and the result, no temporary left by the killed run.
    assert.deepEqual(readdirSync(path.join(jobsDir, id)).sort(), ['result.png', 'target']);

    // A truncated PNG passes the header check at upload and fails in the worker: 422, named by input.
    const bad = target.subarray(0, Math.floor(target.length / 2));
    const r2 = await fetch(`${b.base}/v1/jobs`, {
      method: 'POST',
      body: form({ method: 'sleep', ms: 0, target: blob(bad) }),
    });
    assert.equal(r2.status, 202);
    const failed = await until(
      b.base,
      ((await r2.json()) as { id: string }).id,
      (j) => j.status === 'failed',
    );
    assert.equal(failed.error.statusCode, 422, JSON.stringify(failed));
    assert.match(failed.error.message, /^target: /);
    assert.doesNotMatch(failed.error.message, new RegExp(jobsDir));
    b.child.kill('SIGTERM');
    assert.equal(await b.exited, 0);
  });

  test('--queue-workers 0: jobs wait, can be deleted, and a colorize worker runs them', async () => {
    const s = await service({ REDIS_URL: redis.url, JOBS_DIR: jobsDir, QUEUE_WORKERS: '0' });
    running.push(s);
    const target = blob(await encodeImage(colourImage(48, 32, 0.5), 'png'));
    const ref = blob(await encodeImage(colourImage(48, 32), 'png'));
    const post = async () => {
      const res = await fetch(`${s.base}/v1/jobs`, {
        method: 'POST',
        body: form({ method: 'reinhard', target, reference: ref }),
      });
      assert.equal(res.status, 202);
      return ((await res.json()) as { id: string }).id;
    };
    const dropped = await post();
    const kept = await post();
    assert.equal((await jobOf(s.base, dropped)).body.status, 'queued');
    assert.equal((await fetch(`${s.base}/v1/jobs/${dropped}`, { method: 'DELETE' })).status, 204);
    assert.equal((await jobOf(s.base, dropped)).code, 404);
    assert.equal(existsSync(path.join(jobsDir, dropped)), false);

    const w = await runCli(['worker', '--redis', redis.url, '--queue', 'colorize-http', '--exit-when-empty']);
    assert.equal(w.code, 0, w.stderr);
    const done = await until(s.base, kept, (j) => j.status === 'done' || j.status === 'failed');
    assert.equal(done.status, 'done', JSON.stringify(done));
    assert.deepEqual([done.width, done.height], [48, 32]);
    const out = await fetch(`${s.base}/v1/jobs/${kept}/result`);
    assert.equal(out.status, 200);
    const meta = await sharp(Buffer.from(await out.arrayBuffer())).metadata();
    assert.deepEqual([meta.width, meta.height, meta.channels], [48, 32, 3]);
    s.child.kill('SIGTERM');
    await s.exited;
  });

  test('serve: queue flags need --redis; an unreachable Redis is a clear error', async () => {
    const r1 = await runCli(['serve', '--port', '0', '--queue-workers', '0']);
    assert.equal(r1.code, 2);
    assert.match(r1.stderr, /--queue-workers needs --redis/);
    const r2 = await runCli(['serve', '--port', '0', '--redis', 'redis://127.0.0.1:1']);
    assert.notEqual(r2.code, 0);
    assert.match(r2.stderr, /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
