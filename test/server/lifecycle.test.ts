/**
 * The service's life cycle from the command line (issue 21): a kill -9 leaves a working folder
 * that the next start removes, and a poll for a job of the killed service says it was lost in a
 * restart; SIGTERM with a request in flight drains for --drain-timeout, answers that request 503,
 * exits 0 and leaves nothing in the temp folder (no working folder, no onnxruntime mat-debug log).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { dataPath } from '../helpers/shared.js';
import { health } from './hangup.js';
import { form, serveProcess, serviceTmp } from './helpers.js';

// A temp folder of our own (TMPDIR of the services and their workers), sharing tsx's cache.
const tmp = serviceTmp('colorize-lifecycle-');

const serve = (...extra: string[]) => serveProcess(tmp, ...extra);

const gramBody = () => {
  const file = (name: string) =>
    new Blob([new Uint8Array(readFileSync(dataPath(`exemplar/${name}`)))], { type: 'image/png' });
  return form({ target: file('002_target.png'), reference: file('002_reference.png'), iterations: 5000 });
};

async function untilRunning(base: string): Promise<void> {
  for (let i = 0; i < 1200 && (await health(base)).workers.running === 0; i++)
    await new Promise((r) => setTimeout(r, 100));
}

const leftovers = () => readdirSync(tmp).filter((n) => /^colorize-serve-\d+-|^mat-debug-/.test(n));

test('kill -9, restart, SIGTERM with a request in flight', async () => {
  // 1. A job runs; the service is killed with -9: its working folder stays behind.
  const a = await serve();
  const form1 = gramBody();
  form1.append('method', 'gram');
  const res = await fetch(`${a.base}/v1/jobs`, { method: 'POST', body: form1 });
  assert.equal(res.status, 202);
  const { id } = (await res.json()) as { id: string };
  await untilRunning(a.base);
  a.child.kill('SIGKILL');
  await a.exited;
  const stale = leftovers().filter((n) => n.startsWith(`colorize-serve-${a.child.pid}-`));
  assert.equal(stale.length, 1, `the killed service's folder: ${leftovers()}`);

  // 2. The next start removes it, and knows the job was lost in the restart.
  const b = await serve('--drain-timeout', '1');
  assert.ok(!existsSync(path.join(tmp, stale[0])), 'stale working folder removed at start');
  const lost = await fetch(`${b.base}/v1/jobs/${id}`);
  assert.equal(lost.status, 404);
  const body = (await lost.json()) as { code: string; message: string };
  assert.equal(body.code, 'job-lost');
  assert.match(body.message, /lost when the service restarted/);
  const unknown = await fetch(`${b.base}/v1/jobs/00000000-0000-4000-8000-000000000000`);
  assert.equal(((await unknown.json()) as { code: string }).code, 'unknown-job');

  // 3. SIGTERM with a request in flight: it gets 503 after the drain time, the service exits 0.
  const inFlight = fetch(`${b.base}/v1/colorize/gram`, { method: 'POST', body: gramBody() });
  await untilRunning(b.base);
  b.child.kill('SIGTERM');
  const answer = await inFlight;
  assert.equal(answer.status, 503);
  assert.match(((await answer.json()) as { message: string }).message, /shutting down/);
  assert.equal(await b.exited, 0, b.stderr());
  assert.deepEqual(leftovers(), [], 'no working folder or mat-debug log left');
});
