/**
 * The queue's worker: pulls jobs, runs each through the method catalogue (`colorize()`), writes
 * the output atomically (temporary name + rename, so a killed worker leaves no partial file) and
 * reports progress on the job. A bad input fails its job at once with the error naming the file
 * (no retries: BullMQ's UnrecoverableError); other errors are retried (JOB_OPTIONS). Jobs of a
 * worker that dies are found by BullMQ's stalled-job check and run again by another worker.
 */
import os from 'node:os';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ColorizeError } from '../errors.js';
import { getMethod } from '../methods/catalogue/catalogue.js';
import type { InputName } from '../methods/catalogue/types.js';
import type { QueueJobData, QueueJobResult } from './jobs.js';
import { runQueueJob } from './run-job.js';

/** The message of a failed job: starts with the input file unless it already names a file. */
function failureMessage(data: QueueJobData, err: unknown): string {
  const msg =
    err instanceof ColorizeError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
  const files = Object.values(data.inputs).filter((f): f is string => f !== undefined);
  // A clip job's errors name their form field already ("clip: …").
  if (files.length === 0) return msg;
  if (files.some((f) => msg.startsWith(f)) || msg.startsWith(data.output)) return msg;
  const first = files.find((f) => f === data.inputs[getMethodFirst(data)]) ?? files[0];
  return `${first}: ${msg}`;
}

function getMethodFirst(data: QueueJobData): InputName {
  try {
    return getMethod(data.method).inputs[0].name;
  } catch {
    return 'target';
  }
}

export interface WorkerOptions {
  queue: string;
  /**
   * Jobs run at once in this process (default 1). The methods compute on the JavaScript thread, so
   * more only overlaps file work and ONNX runs; for CPU-bound methods start one process per core.
   */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, in ms (BullMQ default 30000). The worker renews
   * it while the event loop runs; a method that holds the event loop longer than this (one huge
   * image) lets the job be taken as stalled and run a second time, so raise it for huge images.
   */
  lockDuration?: number;
  /** How often this worker looks for stalled jobs of dead workers, in ms (BullMQ default 30000). */
  stalledInterval?: number;
  /** Stop once nothing is waiting, delayed or running in the queue. */
  exitWhenEmpty?: boolean;
  /** One line per finished or failed job. */
  log?: (line: string) => void;
}

/**
 * Starts a worker on `queue`; resolves when it has stopped (after `stop()`, or with
 * `exitWhenEmpty` once the queue is empty). Returns the stop function at once.
 *
 * @example
 * ```ts
 * // const { done, stop } = startWorker(redis, { queue: 'colorize', concurrency: 2 }); process.on('SIGTERM', stop); await done;
 * ```
 */
export function startWorker(
  redis: Redis,
  options: WorkerOptions,
): { done: Promise<{ completed: number; failed: number }>; stop: () => Promise<void> } {
  const log = options.log ?? (() => {});
  const me = `${os.hostname()}:${process.pid}`;
  let completed = 0;
  let failed = 0;
  const worker = new Worker<QueueJobData, QueueJobResult>(
    options.queue,
    async (job: Job<QueueJobData, QueueJobResult>) => {
      let last = -1;
      const progress = (fraction: number) => {
        const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
        if (pct >= last + 5) {
          last = pct;
          job.updateProgress(pct).catch(() => {});
        }
      };
      try {
        const r = await runQueueJob(job.data, progress);
        await job.updateProgress(100).catch(() => {});
        return {
          output: job.data.output,
          seconds: r.seconds,
          summary: r.summary,
          worker: me,
          width: r.width,
          height: r.height,
          notices: r.notices,
        };
      } catch (err) {
        const message = failureMessage(job.data, err);
        // A bad input or request fails for good; anything else (a full disk, a lost mount) is retried.
        if (err instanceof ColorizeError && (err.kind === 'input' || err.kind === 'usage')) {
          // The kind travels with the job, so the HTTP service can answer with the right status.
          await job.updateData({ ...job.data, failure: { kind: err.kind, message } }).catch(() => {});
          throw new UnrecoverableError(message);
        }
        throw new Error(message);
      }
    },
    {
      connection: redis,
      concurrency: options.concurrency ?? 1,
      // Unset values keep BullMQ's defaults (an explicit undefined would replace them).
      ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
      ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
      // A job whose worker died twice is tried a third time before it is failed.
      maxStalledCount: 2,
    },
  );
  worker.on('completed', (job, r) => {
    completed++;
    log(`done ${job.id} ${r.output} ${r.seconds.toFixed(2)} s`);
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    if (final) failed++;
    log(`${final ? 'failed' : 'will retry'} ${job.id} ${err.message}`);
  });
  worker.on('error', (err) => log(`worker error: ${err.message}`));
  worker
    .waitUntilReady()
    .then(() => log(`ready ${me}`))
    .catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    stopping ??= worker.close();
    return stopping;
  };
  const done = new Promise<{ completed: number; failed: number }>((resolve, reject) => {
    worker.on('closed', () => resolve({ completed, failed }));
    worker.waitUntilReady().catch(reject);
  });
  if (options.exitWhenEmpty) {
    const counter = new Queue(options.queue, { connection: redis });
    let checking = false;
    timer = setInterval(async () => {
      if (checking || stopping) return;
      checking = true;
      try {
        const c = await counter.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
        if (Object.values(c).every((n) => !n)) await stop();
      } catch {
        // Redis briefly away: look again next time.
      } finally {
        checking = false;
      }
    }, 500);
    done.finally(() => counter.close()).catch(() => {});
  }
  return { done, stop };
}
