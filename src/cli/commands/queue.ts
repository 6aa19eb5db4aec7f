/**
 * `colorize queue add|status|retry-failed|drain`: batch jobs on a distributed queue (BullMQ on
 * Redis) that `colorize worker` processes on any number of machines. The method and its options
 * are taken generically (`--method M --option key=value`), validated against the catalogue.
 */
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import '../../methods/builtin.js';
import { listMethods } from '../../methods/catalogue/catalogue.js';
import type { InputName } from '../../methods/catalogue/types.js';
import { connectRedis, DEFAULT_QUEUE, redisUrl, shownUrl } from '../../queue/connection.js';
// BullMQ (../../queue/jobs.js) is loaded by the queue commands themselves: every other command
// starts without it (it took 0.4–0.6 s of each command's start-up).
import type { openQueue, QueueJobData, QueueJobResult, QueueStatus } from '../../queue/jobs.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

interface QueueFlags {
  redis?: string;
  queue: string;
}

/** Adds --redis and --queue to a queue command. */
export function queueConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--redis <url>', 'Redis to use, e.g. redis://host:6379 (default: $COLORIZE_REDIS_URL)')
    .option('--queue <name>', 'queue name (several archives can share one Redis)', DEFAULT_QUEUE);
}

/** Opens the queue named by the flags, runs `fn`, and closes the connection whatever happens. */
async function withQueue<T>(
  f: QueueFlags,
  fn: (queue: ReturnType<typeof openQueue>, url: string) => Promise<T>,
): Promise<T> {
  const url = redisUrl(f.redis);
  const redis = await connectRedis(url);
  const { openQueue } = await import('../../queue/jobs.js');
  const queue = openQueue(redis, f.queue);
  try {
    return await fn(queue, url);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** The inputs any method takes besides the image it colours: each becomes a flag of `queue add`. */
function sharedInputs(): Array<{ name: InputName; kind: string; description: string }> {
  const out = new Map<InputName, { name: InputName; kind: string; description: string }>();
  for (const m of listMethods())
    for (const i of m.inputs.slice(1))
      if (!out.has(i.name)) out.set(i.name, { name: i.name, kind: i.kind, description: i.description });
  return [...out.values()];
}

function keyValue(raw: string, prev: Record<string, string> | undefined): Record<string, string> {
  const eq = raw.indexOf('=');
  if (eq <= 0)
    throw new ColorizeError(`--option ${raw}: expected key=value (e.g. --option bins=64)`, 'usage');
  return { ...prev, [raw.slice(0, eq).trim()]: raw.slice(eq + 1) };
}

function duration(s: number | null): string {
  if (s === null) return 'unknown';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** `queue status` as text. */
export function formatStatus(s: QueueStatus, url: string): string {
  const c = s.counts;
  const lines = [
    `queue ${s.queue} on ${shownUrl(url)}`,
    `  waiting ${c.waiting}, active ${c.active}, delayed ${c.delayed}, completed ${c.completed}, failed ${c.failed}`,
    s.throughput === null
      ? `  throughput: not enough jobs finished in the last ${duration(s.windowSeconds)}`
      : `  throughput ${s.throughput.toFixed(2)} jobs/s (last ${duration(s.windowSeconds)}), ETA ${duration(s.etaSeconds)}`,
  ];
  for (const a of s.active) lines.push(`  running ${a.input} (${Math.round(a.progress * 100)}%)`);
  if (s.failed.length) {
    lines.push(`  failed jobs (\`colorize queue retry-failed\` runs them again):`);
    for (const f of s.failed) lines.push(`    ${f.error}`);
    if (s.failed.length < c.failed) lines.push(`    … and ${c.failed - s.failed.length} more`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .summary('batch jobs on a distributed queue (BullMQ on Redis) for `colorize worker`')
    .description(
      'Enqueue one job per image on a Redis-backed queue; `colorize worker` on any number of\n' +
        'machines runs them. Inputs and outputs must be paths every worker sees (a shared file\n' +
        'system). See docs/scale-out.md.',
    );

  const add = queue
    .command('add')
    .summary('enqueue one job per image (files, or folders of images)')
    .argument('<input...>', 'images, or folders of images, to colour (the method’s first input)')
    .requiredOption('-m, --method <name>', 'a method of `colorize methods`')
    .option(
      '--option <key=value>',
      'a method option by its key (see `colorize methods -v`); repeat for several',
      keyValue,
    )
    .requiredOption('-o, --out <dir>', 'output folder (created); outputs are named after their inputs');
  for (const i of sharedInputs())
    add.option(
      `--${i.name} <${i.kind === 'gallery' ? 'dir' : 'file'}>`,
      i.kind === 'gallery'
        ? 'a folder of colour photos: the nearest to each image becomes its reference (report §4.4.3)'
        : `${i.description} (the same for every job)`,
    );
  queueConnectionOptions(add).action(
    async (inputs: string[], f: QueueFlags & Record<string, unknown>, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const shared: Partial<Record<InputName, string>> = {};
      for (const i of sharedInputs()) if (typeof f[i.name] === 'string') shared[i.name] = f[i.name] as string;
      const { addJobs } = await import('../../queue/jobs.js');
      const report = await withQueue(f, (q) =>
        addJobs(q, {
          inputs,
          method: f.method as string,
          options: (f.option ?? {}) as Record<string, string>,
          shared,
          out: f.out as string,
          read: readOptions(global),
          overwrite: global.overwrite,
        }),
      );
      const parts = [`${report.added} job(s) added`];
      for (const [state, n] of Object.entries(report.existing)) parts.push(`${n} already ${state}`);
      if (report.outputExists)
        parts.push(`${report.outputExists} output(s) already there (--overwrite redoes them)`);
      process.stdout.write(`${parts.join(', ')} (of ${report.total})\n`);
    },
  );

  queueConnectionOptions(
    queue
      .command('status')
      .summary('counts, throughput, ETA and the failed jobs with their errors')
      .option('--json', 'print the status as JSON'),
  ).action(async (f: QueueFlags & { json?: boolean }) => {
    const { queueStatus } = await import('../../queue/jobs.js');
    await withQueue(f, async (q, url) => {
      const s = await queueStatus(q);
      process.stdout.write(f.json ? `${JSON.stringify(s, null, 2)}\n` : formatStatus(s, url));
    });
  });

  queueConnectionOptions(
    queue.command('retry-failed').summary('move every failed job back to the waiting list'),
  ).action(async (f: QueueFlags) => {
    const { retryFailed } = await import('../../queue/jobs.js');
    const n = await withQueue(f, (q) => retryFailed(q));
    process.stdout.write(`${n} failed job(s) moved back to waiting\n`);
  });

  queueConnectionOptions(
    queue
      .command('drain')
      .summary('remove the jobs not yet started')
      .option('--all', 'forget the whole queue, finished and failed jobs too (no job may be running)'),
  ).action(async (f: QueueFlags & { all?: boolean }) => {
    const { drainQueue } = await import('../../queue/jobs.js');
    const n = await withQueue(f, (q) => drainQueue(q, f.all));
    process.stdout.write(
      f.all ? `queue ${f.queue} removed (${n} job(s))\n` : `${n} waiting job(s) removed\n`,
    );
  });
}

export type { QueueJobData, QueueJobResult };
