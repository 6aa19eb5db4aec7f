/** Settings of the HTTP service with their defaults, and the Accept → image format choice. */
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { ImageFormat } from './job-protocol.js';

export interface ServerOptions {
  /** Largest uploaded file in bytes (default 50 MB). */
  maxFileBytes?: number;
  /** Largest image in pixels, per input (default 25 MP). */
  maxPixels?: number;
  /** Jobs running at once, one worker process each (default: CPU count − 1, at least 1). */
  concurrency?: number;
  /** Jobs allowed to wait for a worker before new ones get 503 (default 8). */
  maxQueue?: number;
  /** Per-job time limit in ms (default 120 000). */
  jobTimeoutMs?: number;
  /** Per-job time limit of a clip (POST /v1/video/jobs) in ms (default 3 600 000: one hour). */
  videoJobTimeoutMs?: number;
  /** Most frames a clip may have (default 10 000; its frame size is limited by `maxPixels`). */
  maxVideoFrames?: number;
  /** How long finished job results are kept, in ms (default 1 hour). */
  resultTtlMs?: number;
  /** Retry-After seconds sent with 503 (default 10). */
  retryAfterSeconds?: number;
  /** Folder of the built web studio to serve at / (none: no studio). */
  studioDir?: string;
  /** Extra module URLs imported by the server and its workers (they register more methods). */
  modules?: string[];
  /** Fastify request logging (default off). */
  logger?: boolean;
  /**
   * Time a multipart body has to arrive completely, in ms (default 60 000); a body still open
   * past it (a client that never sends the closing boundary) is answered 400 and cut.
   */
  bodyTimeoutMs?: number;
  /**
   * On close (SIGTERM): how long requests in flight may still finish, in ms (default 10 000);
   * past it their jobs are stopped and they get 503.
   */
  drainTimeoutMs?: number;
  /**
   * Folder that holds the service's working folder (`colorize-serve-<pid>-*`, default the system
   * temp folder). Working folders of services that died (kill -9) are removed at start, and the
   * ids of their jobs remembered there, so a poll for one says it was lost in a restart.
   */
  workRoot?: string;
  /**
   * Folder of colour photos that methods with a reference may pick from (request field
   * `gallery`: "auto" for the nearest to the target, or an image name; GET /v1/gallery lists them).
   */
  gallery?: string;
  /**
   * Keep the jobs of POST /v1/jobs on the distributed queue (BullMQ on this Redis, a redis:// URL)
   * instead of in memory: a restart or kill -9 of the service loses none of them.
   */
  redis?: string;
  /** With `redis`: the queue's name (default `colorize-http`). */
  queueName?: string;
  /**
   * With `redis`: the folder for each job's uploads and result (default `<temp>/colorize-serve-jobs`);
   * on a file system every worker sees when `colorize worker` processes elsewhere run the jobs.
   */
  jobsDir?: string;
  /** With `redis`: jobs this service runs at once from the queue (default `concurrency`; 0: none). */
  queueWorkers?: number;
  /** With `redis`: BullMQ's lock duration and stalled-job check interval in ms (default 30 000). */
  queueLockMs?: number;
  queueStalledMs?: number;
}

type Unresolved = 'studioDir' | 'gallery' | 'redis' | 'queueWorkers' | 'queueLockMs' | 'queueStalledMs';

export type ResolvedServerOptions = Required<Omit<ServerOptions, Unresolved>> & {
  studioDir?: string;
  gallery?: string;
  redis?: string;
  queueWorkers?: number;
  queueLockMs?: number;
  queueStalledMs?: number;
};

export function resolveServerOptions(o: ServerOptions = {}): ResolvedServerOptions {
  return {
    maxFileBytes: o.maxFileBytes ?? 50 * 1024 * 1024,
    maxPixels: o.maxPixels ?? 25_000_000,
    concurrency: o.concurrency ?? Math.max(1, availableParallelism() - 1),
    maxQueue: o.maxQueue ?? 8,
    jobTimeoutMs: o.jobTimeoutMs ?? 120_000,
    videoJobTimeoutMs: o.videoJobTimeoutMs ?? 3_600_000,
    maxVideoFrames: o.maxVideoFrames ?? 10_000,
    resultTtlMs: o.resultTtlMs ?? 3_600_000,
    retryAfterSeconds: o.retryAfterSeconds ?? 10,
    studioDir: o.studioDir,
    gallery: o.gallery,
    modules: o.modules ?? [],
    logger: o.logger ?? false,
    drainTimeoutMs: o.drainTimeoutMs ?? 10_000,
    bodyTimeoutMs: o.bodyTimeoutMs ?? 60_000,
    workRoot: o.workRoot ?? tmpdir(),
    redis: o.redis,
    queueName: o.queueName ?? 'colorize-http',
    jobsDir: o.jobsDir ?? path.join(tmpdir(), 'colorize-serve-jobs'),
    queueWorkers: o.queueWorkers,
    queueLockMs: o.queueLockMs,
    queueStalledMs: o.queueStalledMs,
  };
}

const ACCEPTED: Array<[string, ImageFormat]> = [
  ['image/png', 'png'],
  ['image/jpeg', 'jpeg'],
  ['image/webp', 'webp'],
];

/**
 * The output format an Accept header asks for: the highest-q supported type; PNG for none,
 * `*\/*` or `image/*`; null when nothing acceptable is supported (→ 406).
 *
 * @example
 * ```ts
 * import { formatFromAccept } from 'colorize-toolkit';
 * console.log(formatFromAccept('image/webp,image/png;q=0.5')); // webp
 * ```
 */
export function formatFromAccept(accept: string | undefined): ImageFormat | null {
  if (!accept || accept.trim() === '') return 'png';
  const ranges = accept
    .split(',')
    .map((part, i) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)).find(Boolean);
      return { type: type.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranges) {
    if (r.type === '*/*' || r.type === 'image/*') return 'png';
    const hit = ACCEPTED.find(([mime]) => mime === r.type);
    if (hit) return hit[1];
  }
  return null;
}
