/**
 * The model cache (issue 21): a damaged entry is rebuilt, not fatal; a cache path that is a file
 * is one clear error. The known answer is the Gram product of the TSDoc example of
 * onnxMatrixOps, [[1,2],[3,4]] · its transpose / 4 = [1.25, 2.75, 2.75, 6.25].
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-cache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = `
import { onnxMatrixOps } from ${JSON.stringify(path.join(REPO_ROOT, 'src/internals.ts'))};
try {
  const ops = await onnxMatrixOps();
  const g = await ops.gram({ channels: 2, width: 2, height: 1, data: new Float32Array([1, 2, 3, 4]) });
  console.log(JSON.stringify(Array.from(g)));
} catch (e) { console.error(e.message); process.exit(1); }
`;

function gramIn(cache: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    cwd: REPO_ROOT,
    env: { ...process.env, COLORIZE_MODELS_CACHE: cache },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

test('a damaged cache entry is rebuilt (same bytes) and the answer is right', () => {
  const cache = path.join(tmp, 'cache');
  const first = gramIn(cache);
  assert.equal(first.code, 0, first.err);
  assert.deepEqual(JSON.parse(first.out), [1.25, 2.75, 2.75, 6.25]);
  const entry = path.join(cache, 'gram-v1.onnx');
  const good = readFileSync(entry);
  writeFileSync(entry, 'garbage, not a protobuf');
  const second = gramIn(cache);
  assert.equal(second.code, 0, second.err);
  assert.deepEqual(JSON.parse(second.out), [1.25, 2.75, 2.75, 6.25]);
  assert.deepEqual(readFileSync(entry), good);
});

test('a cache path that is a file is one line naming it', () => {
  const file = path.join(tmp, 'a-file');
  writeFileSync(file, '');
  const r = gramIn(file);
  assert.equal(r.code, 1);
  assert.equal(
    r.err,
    `model cache ${file}: cannot write gram-v1.onnx: the cache path is a file, not a folder (set COLORIZE_MODELS_CACHE to a writable folder)`,
  );
});
