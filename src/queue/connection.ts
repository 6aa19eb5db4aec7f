/**
 * The Redis connection of the distributed job queue (BullMQ on Redis): where it comes from
 * (`--redis URL` or `COLORIZE_REDIS_URL`) and a first connection that fails with a clear error
 * instead of retrying for ever when Redis is not there.
 */
// ioredis is loaded when a connection is opened, so commands without Redis start without it.
import type { Redis } from 'ioredis';
import { ColorizeError } from '../errors.js';

/** The queue every command uses unless told otherwise (`--queue NAME`). */
export const DEFAULT_QUEUE = 'colorize';

/**
 * The Redis URL to use: the flag, else `COLORIZE_REDIS_URL`; a usage error when neither is set or
 * the text is not a redis:// (or rediss://) URL.
 *
 * @example
 * ```ts
 * import { redisUrl } from 'colorize-toolkit/internals';
 * console.log(redisUrl('redis://127.0.0.1:6379')); // redis://127.0.0.1:6379
 * ```
 */
export function redisUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = flag ?? env.COLORIZE_REDIS_URL;
  if (url === undefined || url.trim() === '')
    throw new ColorizeError(
      'no Redis to use: give --redis URL (e.g. redis://127.0.0.1:6379) or set COLORIZE_REDIS_URL',
      'usage',
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ColorizeError(`--redis ${url}: not a URL (expected redis://HOST:PORT)`, 'usage');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new ColorizeError(`--redis ${url}: expected a redis:// or rediss:// URL`, 'usage');
  return url;
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * Opens a connection to Redis (for BullMQ: no per-request retry limit). The first connection
 * either succeeds or throws a ColorizeError naming the URL; once connected, a dropped
 * connection is retried (a worker rides out a Redis restart).
 */
export async function connectRedis(url: string): Promise<Redis> {
  let connected = false;
  const { Redis: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    connectTimeout: 5000,
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2000) : null),
  });
  let lastError: Error | undefined;
  redis.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await redis.connect();
    connected = true;
  } catch (err) {
    redis.disconnect();
    const why = (lastError ?? (err as Error))?.message ?? String(err);
    throw new ColorizeError(`cannot reach Redis at ${shownUrl(url)}: ${why}`, 'io');
  }
  return redis;
}
