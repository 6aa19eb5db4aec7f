/**
 * `colorize serve [--port 8080] [--host 127.0.0.1]`: the HTTP service (src/server/). Runs until
 * interrupted; prints the address it listens on (with --port 0, the port the system chose).
 */
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError, checkInteger, checkNumber, invalidOption } from '../../errors.js';
import { redisUrl } from '../../queue/connection.js';
import type { ServerOptions } from '../../server/limits.js';
import type { GlobalOptions } from '../shared-options.js';

export interface ServeFlags {
  port: string;
  host: string;
  concurrency?: string;
  maxQueue?: string;
  maxFileMb?: string;
  jobTimeout?: string;
  videoTimeout?: string;
  maxVideoFrames?: string;
  drainTimeout?: string;
  gallery?: string;
  log?: boolean;
  redis?: string;
  queue?: string;
  jobsDir?: string;
  queueWorkers?: string;
}

function num(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  return checkNumber(name, v, 0);
}

/** A limit that must be more than 0 (0 would refuse every file, or stop every job at once). */
function positive(name: string, raw: string | undefined): number | undefined {
  const v = num(name, raw);
  if (v === 0) invalidOption(name, raw, 'a number > 0');
  return v;
}

/** Server options from the command's flags. */
export function serverOptionsOf(f: ServeFlags, g: GlobalOptions): ServerOptions {
  const maxFileMb = positive('max-file-mb', f.maxFileMb);
  const timeout = positive('job-timeout', f.jobTimeout);
  const videoTimeout = positive('video-timeout', f.videoTimeout);
  const maxVideoFrames = positive('max-video-frames', f.maxVideoFrames);
  const drain = num('drain-timeout', f.drainTimeout);
  const concurrency = num('concurrency', f.concurrency);
  const maxQueue = num('max-queue', f.maxQueue);
  return {
    ...(g.maxPixels !== undefined ? { maxPixels: checkNumber('max-pixels', Number(g.maxPixels), 1) } : {}),
    ...(maxFileMb !== undefined ? { maxFileBytes: Math.round(maxFileMb * 1024 * 1024) } : {}),
    ...(timeout !== undefined ? { jobTimeoutMs: timeout * 1000 } : {}),
    ...(videoTimeout !== undefined ? { videoJobTimeoutMs: videoTimeout * 1000 } : {}),
    ...(maxVideoFrames !== undefined
      ? { maxVideoFrames: checkInteger('max-video-frames', maxVideoFrames, 1, 10_000_000) }
      : {}),
    ...(drain !== undefined ? { drainTimeoutMs: drain * 1000 } : {}),
    ...(concurrency !== undefined ? { concurrency: checkInteger('concurrency', concurrency, 1, 64) } : {}),
    ...(maxQueue !== undefined ? { maxQueue: checkInteger('max-queue', maxQueue, 0, 10_000) } : {}),
    ...(f.gallery !== undefined ? { gallery: f.gallery } : {}),
    logger: f.log === true,
  };
}

/** The queue settings of `serve`: --redis URL or $COLORIZE_REDIS_URL puts the jobs on the queue. */
export function queueOptionsOf(f: ServeFlags, env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const given = f.redis ?? env.COLORIZE_REDIS_URL;
  if (given === undefined || given.trim() === '') {
    for (const [flag, v] of [
      ['--queue', f.queue],
      ['--jobs-dir', f.jobsDir],
      ['--queue-workers', f.queueWorkers],
    ] as const)
      if (v !== undefined)
        throw new ColorizeError(
          `${flag} needs --redis URL (or COLORIZE_REDIS_URL): jobs are on the queue only then`,
          'usage',
        );
    return {};
  }
  const workers = num('queue-workers', f.queueWorkers);
  return {
    redis: redisUrl(given),
    ...(f.queue !== undefined ? { queueName: f.queue } : {}),
    ...(f.jobsDir !== undefined ? { jobsDir: path.resolve(f.jobsDir) } : {}),
    ...(workers !== undefined ? { queueWorkers: checkInteger('queue-workers', workers, 0, 64) } : {}),
  };
}

/** Adds the flags `serve` and `studio` share. */
export function serviceFlags(cmd: Command, defaultPort: string): Command {
  return cmd
    .option('-p, --port <n>', 'TCP port (0 = any free port)', defaultPort)
    .option('--host <address>', 'address to listen on (use 0.0.0.0 to accept other machines)', '127.0.0.1')
    .option('--concurrency <n>', 'jobs running at once, one worker process each (default: CPUs − 1)')
    .option('--max-queue <n>', 'jobs waiting for a worker before new ones get 503 (default 8)')
    .option('--max-file-mb <n>', 'largest uploaded file in MB (default 50)')
    .option('--job-timeout <s>', 'per-job time limit in seconds (default 120)')
    .option('--video-timeout <s>', 'time limit of a clip job (POST /v1/video/jobs) in seconds (default 3600)')
    .option('--max-video-frames <n>', 'most frames a clip job may have (default 10000)')
    .option(
      '--drain-timeout <s>',
      'on SIGTERM/SIGINT, seconds requests in flight may still finish before their jobs are stopped (default 10)',
    )
    .option(
      '--gallery <dir>',
      'folder of colour photos that methods with a reference can pick from (field gallery=auto or a name; GET /v1/gallery)',
    )
    .option('--log', 'log every request');
}

/** Starts the service and resolves when it has been stopped by SIGINT/SIGTERM. */
export async function runService(
  options: ServerOptions,
  f: ServeFlags,
  what: string,
  onListen?: (url: string) => void,
): Promise<void> {
  const { buildServer } = await import('../../server/app.js');
  const port = checkInteger('port', Number(f.port), 0, 65535);
  // Before any worker starts: a port in use or a host that does not resolve fails at once.
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(listenError(err, f.host, port)));
    probe.listen(port, f.host, () => probe.close(() => resolve()));
  });
  const app = await buildServer(options);
  try {
    await app.listen({ port, host: f.host });
  } catch (err) {
    // Stop the workers too, or they keep the process alive after the error.
    await app.close();
    throw listenError(err, f.host, port);
  }
  const addr = app.server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host}:${addr.port}/`;
  process.stdout.write(`colorize: ${what} on ${url} (API docs: ${url}docs); Ctrl+C stops it\n`);
  onListen?.(url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // Requests in flight get the drain time, then their jobs are stopped (see buildServer); should
  // closing still hang (a client that never reads its answer), the process exits regardless.
  const drainMs = options.drainTimeoutMs ?? 10_000;
  const hard = setTimeout(() => {
    process.stderr.write('colorize: the service did not close in time; exiting\n');
    process.exit(1);
  }, drainMs + 10_000);
  hard.unref();
  await app.close();
  clearTimeout(hard);
}

/** One line for a failed listen: the address and what the system said, in words. */
function listenError(err: unknown, host: string, port: number): ColorizeError {
  const e = err as NodeJS.ErrnoException;
  const where = `${host}:${port}`;
  switch (e?.code) {
    case 'EADDRINUSE':
      return new ColorizeError(
        `cannot listen on ${where}: the port is already in use (pick another with --port)`,
        'io',
      );
    case 'EACCES':
      return new ColorizeError(
        `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`,
        'io',
      );
    case 'EADDRNOTAVAIL':
      return new ColorizeError(`cannot listen on ${where}: the address is not one of this machine's`, 'io');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new ColorizeError(
        `cannot listen on ${where}: the host name "${host}" does not resolve`,
        'usage',
      );
    default:
      return new ColorizeError(`cannot listen on ${where}: ${e?.message ?? String(err)}`, 'io');
  }
}

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .summary('run the HTTP service (colorize over HTTP, jobs, OpenAPI at /docs)')
    .description(
      'Serves every method over HTTP: POST /v1/colorize/{method} with multipart inputs, GET /v1/methods, ' +
        'jobs at /v1/jobs, the OpenAPI document at /docs. Work runs in worker processes behind a bounded queue.',
    );
  serviceFlags(cmd, '8080')
    .option(
      '--redis <url>',
      'keep jobs (POST /v1/jobs) on the distributed queue in this Redis, so a restart loses none (default: $COLORIZE_REDIS_URL)',
    )
    .option('--queue <name>', "with --redis: the queue of the service's jobs (default colorize-http)")
    .option(
      '--jobs-dir <dir>',
      "with --redis: folder for the jobs' uploads and results, shared with any `colorize worker` elsewhere (default <temp>/colorize-serve-jobs)",
    )
    .option(
      '--queue-workers <n>',
      'with --redis: jobs this service runs at once from the queue (default --concurrency; 0 = only queue them)',
    )
    .action(async (f: ServeFlags, c: Command) => {
      const options = { ...serverOptionsOf(f, c.optsWithGlobals<GlobalOptions>()), ...queueOptionsOf(f) };
      await runService(options, f, 'serving');
    });
}
