/**
 * The distributed queue against a real redis-server (started here on a loopback port, stopped
 * after; no mock): 50 photos across 2 worker processes finish exactly once, with outputs equal to
 * the plain folder command's; a corrupt image fails alone with its error in `queue status`;
 * re-adding finished work enqueues nothing; a worker killed with SIGKILL mid-job has its job run
 * again by another worker, with a complete output.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { openQueue, queueStatus } from '../../src/queue/jobs.js';
import { runCli } from '../helpers/cli.js';
import { REDIS_SKIP, type RedisServer, startRedis } from '../helpers/redis.js';
import { dataPath, REPO_ROOT } from '../helpers/shared.js';

/** A `colorize worker` process whose stderr lines are collected. */
function startWorker(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/entry.ts'), 'worker', ...args],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    lines: () => err.split('\n'),
    /** Resolves when the worker has printed a line starting with `prefix`. */
    async waitFor(prefix: string, ms = 30000): Promise<void> {
      const t0 = Date.now();
      while (!err.split('\n').some((l) => l.startsWith(prefix))) {
        if (child.exitCode !== null) throw new Error(`worker exited early:\n${err}`);
        if (Date.now() - t0 > ms) throw new Error(`worker did not print "${prefix}":\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

async function pixels(file: string): Promise<Buffer> {
  return sharp(file).raw().toBuffer();
}

async function until(what: string, ok: () => Promise<boolean>, ms = 40000): Promise<void> {
  const t0 = Date.now();
  while (!(await ok())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('queue and workers on a real Redis', { skip: REDIS_SKIP }, () => {
  let server: RedisServer;
  let url: string;
  let redis: Redis;
  let dir: string;
  const env = (): NodeJS.ProcessEnv => ({ COLORIZE_REDIS_URL: url });

  before(async () => {
    server = await startRedis();
    url = server.url;
    redis = server.client;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'colorize-queue-'));
    // 50 real photos at 24×16 (tiny, so the test measures the queue, not the method) and a
    // colour reference; made here from ../shared/data at run time.
    await fs.mkdir(path.join(dir, 'in'));
    const val = dataPath('val');
    const names = (await fs.readdir(val)).filter((n) => n.endsWith('.jpg')).sort();
    for (const n of names.slice(0, 50))
      await sharp(path.join(val, n))
        .resize(24, 16, { fit: 'fill' })
        .png()
        .toFile(path.join(dir, 'in', n.replace('.jpg', '.png')));
    await sharp(dataPath('exemplar', '002_reference.png'))
      .resize(24, 16, { fit: 'fill' })
      .png()
      .toFile(path.join(dir, 'ref.png'));
  });

  after(async () => {
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test('50 photos across 2 workers finish exactly once, equal to the folder command; a corrupt image fails alone; re-adding enqueues nothing', async () => {
    const input = path.join(dir, 'in');
    await fs.writeFile(path.join(input, 'zz_corrupt.png'), Buffer.from('\x89PNG\r\n\x1a\n but then nothing'));
    const out = path.join(dir, 'out');
    const add = ['queue', 'add', input, '-m', 'histogram', '--option', 'bins=64'];
    add.push('--reference', path.join(dir, 'ref.png'), '-o', out, '--queue', 'q50');
    // The plain folder command on the same photos, in parallel: the reference outputs.
    const plain = path.join(dir, 'plain');
    const folderRun = runCli(
      ['transfer', input, path.join(dir, 'ref.png'), '-m', 'histogram', '--bins', '64', '-o', plain, '-q'],
      {},
    );
    const workers = [0, 1].map(() => startWorker(['--queue', 'q50'], env()));
    await Promise.all(workers.map((w) => w.waitFor('ready')));
    const added = await runCli(add, { env: env() });
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^51 job\(s\) added \(of 51\)/);
    const queue = openQueue(redis, 'q50');
    try {
      await until('51 finished jobs', async () => {
        const s = await queueStatus(queue);
        return s.counts.completed + s.counts.failed === 51;
      });
    } finally {
      await queue.close();
    }
    for (const w of workers) w.child.kill('SIGTERM');
    assert.deepEqual(await Promise.all(workers.map((w) => w.exited)), [0, 0]);

    // Exactly once: every job id done by exactly one worker, and both workers took part.
    const done = workers.map((w) => w.lines().filter((l) => l.startsWith('done ')));
    const ids = done.flat().map((l) => l.split(' ')[1]);
    assert.equal(ids.length, 50);
    assert.equal(new Set(ids).size, 50);
    assert.ok(
      done[0].length > 0 && done[1].length > 0,
      `jobs per worker: ${done[0].length}, ${done[1].length}`,
    );

    // The outputs are the plain folder command's, pixel for pixel (it skips the corrupt file too).
    const folder = await folderRun;
    assert.equal(folder.code, 1, 'the folder command fails on the corrupt file');
    const outs = (await fs.readdir(out)).filter((n) => !n.startsWith('.')).sort();
    assert.equal(outs.length, 50);
    assert.ok(!outs.includes('zz_corrupt.png'));
    for (const n of outs)
      assert.ok((await pixels(path.join(out, n))).equals(await pixels(path.join(plain, n))), `${n} differs`);

    // The corrupt image failed alone, with its error, in `queue status`.
    const q50 = openQueue(redis, 'q50');
    const status = await queueStatus(q50).finally(() => q50.close());
    assert.equal(status.counts.completed, 50);
    assert.equal(status.counts.failed, 1);
    assert.equal(status.failed[0].input, path.join(input, 'zz_corrupt.png'));
    assert.match(status.failed[0].error, /zz_corrupt\.png: .*(image|PNG)/i);
    assert.equal(status.failed[0].attempts, 1, 'a bad input is not retried');
    const text = await runCli(['queue', 'status', '--queue', 'q50'], { env: env() });
    assert.match(text.stdout, /completed 50, failed 1/);
    assert.match(text.stdout, /zz_corrupt\.png: /);

    // Re-adding the finished folder enqueues nothing.
    const again = await runCli(add, { env: env() });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^0 job\(s\) added, 50 already completed, 1 already failed \(of 51\)/);
  });

  test('a worker killed with SIGKILL mid-job: another worker runs the job again, and the output is complete', async () => {
    // One photo made large enough that the job runs a while (decode, transfer, encode).
    const big = path.join(dir, 'big');
    await fs.mkdir(big);
    const file = path.join(big, 'photo.png');
    await sharp(
      dataPath('val', (await fs.readdir(dataPath('val'))).filter((n) => n.endsWith('.jpg')).sort()[0]),
    )
      .resize(1800, 1200, { fit: 'fill' })
      .png({ compressionLevel: 9 })
      .toFile(file);
    // The single-file command's output, in parallel: the reference.
    const plain = path.join(dir, 'plain-kill.png');
    const plainRun = runCli([
      'transfer',
      file,
      path.join(dir, 'ref.png'),
      '-m',
      'reinhard',
      '-o',
      plain,
      '-q',
    ]);
    const out = path.join(dir, 'out-kill');
    const q = ['--queue', 'qkill'];
    const a = startWorker([...q, '--lock-duration', '1500', '--stalled-interval', '500'], env());
    await a.waitFor('ready');
    const added = await runCli(
      ['queue', 'add', file, '-m', 'reinhard', '--reference', path.join(dir, 'ref.png'), '-o', out, ...q],
      { env: env() },
    );
    assert.equal(added.code, 0, added.stderr);
    const queue = openQueue(redis, 'qkill');
    try {
      await until('the job to start', async () => (await queueStatus(queue)).counts.active === 1);
      a.child.kill('SIGKILL');
      await a.exited;
      assert.ok(
        !a.lines().some((l) => l.startsWith('done ')),
        'the job finished before the kill; make it larger',
      );
      assert.equal(await fs.stat(path.join(out, 'photo.png')).catch(() => null), null, 'no output yet');
      // A second worker (its own lock long, so its slow job is not taken for stalled) finds the
      // dead worker's job once its 1.5 s lock has lapsed, and runs it.
      const b = startWorker([...q, '--stalled-interval', '500', '--exit-when-empty'], env());
      assert.equal(await b.exited, 0, b.lines().join('\n'));
      const s = await queueStatus(queue);
      assert.deepEqual([s.counts.completed, s.counts.failed], [1, 0]);
      assert.equal(b.lines().filter((l) => l.startsWith('done ')).length, 1);
    } finally {
      await queue.close();
    }
    // Complete and correct: the same pixels as the single-file command's output.
    const one = await plainRun;
    assert.equal(one.code, 0, one.stderr);
    assert.ok((await pixels(path.join(out, 'photo.png'))).equals(await pixels(plain)));
  });
});
