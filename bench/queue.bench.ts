/**
 * The distributed queue (issue 20) against the plain folder command, in the same run, on a real
 * redis-server started here: N photos from ../shared/data/val at 160×107, `histogram` from one
 * reference.
 *
 * - Process figures (wall time from spawn to exit, process start included): the folder command
 *   `colorize transfer DIR REF -o OUT`, then `queue add` + 1 and 2 `colorize worker
 *   --exit-when-empty` processes.
 * - Queue overhead per job, in one process without process starts: the same jobs through a
 *   BullMQ worker (add, fetch, lock, progress, finish) minus the same work called directly
 *   (`runQueueJob`), divided by N. The target is ≤ 20 ms per job.
 *
 * QUEUE_JOBS=n sets N (default 100).
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { addJobs, openQueue, planJobs } from '../src/queue/jobs.js';
import { runQueueJob } from '../src/queue/run-job.js';
import { startWorker } from '../src/queue/worker.js';
import { startRedis } from '../test/helpers/redis.js';
import { dataPath, REPO_ROOT } from '../test/helpers/shared.js';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/entry.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(0) : reject(new Error(`${args[0]} exit ${code}: ${err}`)),
    );
  });
}

async function wall(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export default async function (): Promise<BenchRecord[]> {
  const n = Number(process.env.QUEUE_JOBS ?? 100);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'colorize-queue-bench-'));
  const redis = await startRedis();
  const env = { COLORIZE_REDIS_URL: redis.url };
  const records: BenchRecord[] = [];
  try {
    const input = path.join(dir, 'in');
    await fs.mkdir(input);
    const names = (await fs.readdir(dataPath('val'))).filter((x) => x.endsWith('.jpg')).sort();
    for (const name of names.slice(0, n))
      await sharp(dataPath('val', name))
        .resize(160, 107, { fit: 'fill' })
        .png()
        .toFile(path.join(input, name.replace('.jpg', '.png')));
    const ref = path.join(dir, 'ref.png');
    await sharp(dataPath('exemplar', '002_reference.png')).resize(160, 120).png().toFile(ref);
    const count = (await fs.readdir(input)).length;

    const record = (what: string, ms: number, note: string) => {
      records.push({
        what,
        jobs: count,
        wall_s: round(ms / 1000, 2),
        jobs_per_s: round(count / (ms / 1000), 1),
        note,
      });
    };
    // Reference: the plain folder command, one process.
    record(
      'folder command (reference)',
      await wall(() => cli(['transfer', input, ref, '-m', 'histogram', '-o', path.join(dir, 'plain'), '-q'])),
      'one process, start included',
    );
    for (const workers of [1, 2]) {
      const q = `bench${workers}`;
      const out = path.join(dir, `queue${workers}`);
      const ms = await wall(async () => {
        await cli(
          ['queue', 'add', input, '-m', 'histogram', '--reference', ref, '-o', out, '--queue', q],
          env,
        );
        await Promise.all(
          Array.from({ length: workers }, () =>
            cli(['worker', '--queue', q, '--exit-when-empty', '-q'], env),
          ),
        );
      });
      record(`queue add + ${workers} worker process(es)`, ms, 'add and worker starts included');
    }

    // Overhead per job in one process: through BullMQ minus direct.
    const jobs = await planJobs({
      inputs: [input],
      method: 'histogram',
      options: {},
      shared: { reference: ref },
      out: path.join(dir, 'direct'),
    });
    await fs.mkdir(path.join(dir, 'direct'));
    await runQueueJob(jobs[0]); // warm-up (module loading, first decode)
    const directMs = await wall(async () => {
      for (const j of jobs) await runQueueJob(j);
    });
    const queue = openQueue(redis.client, 'overhead');
    const queuedMs = await wall(async () => {
      await addJobs(queue, {
        inputs: [input],
        method: 'histogram',
        options: {},
        shared: { reference: ref },
        out: path.join(dir, 'queued'),
      });
      const w = startWorker(redis.client, { queue: 'overhead', exitWhenEmpty: true });
      await w.done;
    });
    await queue.close();
    const perJob = (queuedMs - directMs) / count;
    records.push({
      what: 'in-process: direct runQueueJob (reference)',
      jobs: count,
      wall_s: round(directMs / 1000, 2),
      jobs_per_s: round(count / (directMs / 1000), 1),
      note: 'no queue',
    });
    records.push({
      what: 'in-process: add + BullMQ worker',
      jobs: count,
      wall_s: round(queuedMs / 1000, 2),
      jobs_per_s: round(count / (queuedMs / 1000), 1),
      note: `overhead ${round(perJob, 1)} ms/job (target ≤ 20; includes hashing at add and ≤ 0.5 s empty-queue poll)`,
    });
    records.push({
      what: 'load average (1 min) at the end',
      jobs: 0,
      wall_s: 0,
      jobs_per_s: 0,
      note: os.loadavg()[0].toFixed(1),
    });
  } finally {
    await redis.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
  return records;
}
