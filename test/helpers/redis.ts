/**
 * A real redis-server for the queue's tests and benchmark: started on a free loopback port with
 * no persistence, stopped by `stop()`. `REDIS_SKIP` is the reason to skip when the binary is absent.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';

export const REDIS_SKIP: string | false =
  spawnSync('redis-server', ['--version']).status === 0
    ? false
    : 'redis-server is not installed (apt-get install -y redis-server, or scripts/setup-redis.sh)';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface RedisServer {
  url: string;
  /** A client on it (for the test's own look at the queue). */
  client: Redis;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port and waits until it answers PING. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const client = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  client.on('error', () => {}); // refused until the server listens
  const t0 = Date.now();
  while ((await client.ping().catch(() => '')) !== 'PONG') {
    if (server.exitCode !== null || Date.now() - t0 > 10000) {
      client.disconnect();
      server.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGKILL');
      await exited;
    },
  };
}
