/**
 * `colorize worker`: runs the jobs of a queue (`colorize queue add`) until stopped (SIGINT or
 * SIGTERM finish the running jobs first) or, with --exit-when-empty, until the queue is empty.
 */
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { connectRedis, redisUrl, shownUrl } from '../../queue/connection.js';
// BullMQ is loaded by this command only (see ./queue.ts).
import type { startWorker } from '../../queue/worker.js';
import { queueConnectionOptions } from './queue.js';

function positiveInt(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1)
    throw new ColorizeError(
      `option ${flag} = ${JSON.stringify(raw)} is invalid: expected an integer ≥ 1`,
      'usage',
    );
  return v;
}

interface WorkerFlags {
  redis?: string;
  queue: string;
  concurrency?: string;
  exitWhenEmpty?: boolean;
  lockDuration?: string;
  stalledInterval?: string;
  quiet?: boolean;
}

export function registerWorker(program: Command): void {
  queueConnectionOptions(
    program
      .command('worker')
      .summary('run the jobs of a queue (`colorize queue add`); start one per machine or more')
      .option(
        '-c, --concurrency <n>',
        'jobs at once in this process (default 1; methods compute on one thread, so start one process per core instead)',
      )
      .option('--exit-when-empty', 'stop once no job is waiting, delayed or running')
      .option(
        '--lock-duration <ms>',
        'job lock time; a job whose worker is silent this long is run again elsewhere (default 30000)',
      )
      .option('--stalled-interval <ms>', 'how often to look for jobs of dead workers (default 30000)')
      .option('-q, --quiet', 'no line per job on standard error'),
  ).action(async (f: WorkerFlags) => {
    const concurrency = positiveInt('--concurrency', f.concurrency) ?? 1;
    const lockDuration = positiveInt('--lock-duration', f.lockDuration);
    const stalledInterval = positiveInt('--stalled-interval', f.stalledInterval);
    const url = redisUrl(f.redis);
    const redis = await connectRedis(url);
    const log = f.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
    log?.(`worker ${process.pid} on queue ${f.queue} at ${shownUrl(url)}, concurrency ${concurrency}`);
    let started: ReturnType<typeof startWorker>;
    try {
      const { startWorker } = await import('../../queue/worker.js');
      started = startWorker(redis, {
        queue: f.queue,
        concurrency,
        lockDuration,
        stalledInterval,
        exitWhenEmpty: f.exitWhenEmpty,
        log,
      });
    } catch (err) {
      redis.disconnect();
      throw err;
    }
    const { done, stop } = started;
    const onSignal = () => {
      log?.('stopping after the running jobs (signal again to stop at once)');
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      void stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const r = await done;
      log?.(`worker ${process.pid} stopped: ${r.completed} job(s) done, ${r.failed} failed`);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      redis.disconnect();
    }
  });
}
