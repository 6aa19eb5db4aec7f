/** `colorize serve` from the command line: listens on the port it prints, stops on SIGTERM. */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { serveProcess } from './helpers.js';

test('colorize serve --port 0 prints its address, answers, and exits 0 on SIGTERM', async () => {
  const s = await serveProcess(tmpdir());
  const health = (await (await fetch(`${s.base}/v1/health`)).json()) as {
    status: string;
    workers: { size: number };
  };
  assert.equal(health.status, 'ok');
  assert.equal(health.workers.size, 1);
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0, s.stderr());
});

test('colorize serve refuses a bad port with a usage error', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const r = await runCli(['serve', '--port', '99999']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /option "port" = 99999 is invalid/);
});

test('serve on a port in use, or on a host that does not resolve: one line, non-zero exit', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const r = await runCli(['serve', '--port', String(port), '--concurrency', '1']);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      `colorize: cannot listen on 127.0.0.1:${port}: the port is already in use (pick another with --port)\n`,
    );
  } finally {
    blocker.close();
  }
  const h = await runCli([
    'studio',
    '--no-open',
    '--port',
    '0',
    '--host',
    'no-such-host.invalid',
    '--concurrency',
    '1',
  ]);
  assert.equal(h.code, 2, h.stderr);
  assert.match(
    h.stderr,
    /^colorize: cannot listen on no-such-host\.invalid:0: the host name "no-such-host\.invalid" does not resolve\n$/,
  );
});

test('serve refuses --max-file-mb 0 and --job-timeout 0', async () => {
  const { runCli } = await import('../helpers/cli.js');
  for (const flag of ['--max-file-mb', '--job-timeout']) {
    const r = await runCli(['serve', flag, '0']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`option "${flag.slice(2)}" = "0" is invalid: expected a number > 0`));
  }
});
