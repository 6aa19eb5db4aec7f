/**
 * Hanging up on the service: a request written on a raw TCP socket that is destroyed while its
 * job runs (shared by test/server/hangup.test.ts and bench/hangup.bench.ts).
 */
import { connect } from 'node:net';

export interface Health {
  status: string;
  workers: { running: number; queued: number; size: number; stages: string[] };
}

export async function health(base: string): Promise<Health> {
  return (await (await fetch(`${base}/v1/health`)).json()) as Health;
}

async function until(fn: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Sends `body` to `base + route` on a raw socket, waits until a worker runs it and reports a
 * stage matching `stage` (plus `holdMs`), destroys the socket, and waits until the service has no
 * job running any more. Returns the stage it hung up in.
 */
export async function hangUpDuring(
  base: string,
  route: string,
  body: FormData,
  stage = /./,
  holdMs = 0,
): Promise<string> {
  const encoded = new Response(body);
  const type = encoded.headers.get('content-type')!;
  const bytes = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(route, base);
  const socket = connect(Number(url.port), url.hostname);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: ${type}\r\n` +
      `Content-Length: ${bytes.byteLength}\r\nAccept: image/png\r\n\r\n`,
  );
  socket.write(bytes);
  let answered = '';
  socket.on('data', (d) => (answered += d));
  let seen = '';
  await until(
    async () => {
      if (answered) throw new Error(`the job answered before the hang-up: ${answered.slice(0, 300)}`);
      seen = (await health(base)).workers.stages.find((st) => stage.test(st)) ?? '';
      return seen !== '';
    },
    120_000,
    `a job in a stage matching ${stage}`,
  );
  if (answered) throw new Error(`the job answered before the hang-up: ${answered.slice(0, 200)}`);
  if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
  socket.destroy();
  await until(async () => (await health(base)).workers.running === 0, 30_000, 'the job to stop');
  return seen;
}
