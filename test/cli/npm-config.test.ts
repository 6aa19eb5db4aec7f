/**
 * The project's npm settings (issue 22): no warning on every `npm`/`npx` command (an unknown key in
 * `.npmrc` made one), and dependencies' install scripts stay off, so onnxruntime-node never tries
 * to download its CUDA libraries (the CPU build in its package is what the toolkit loads).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/shared.js';

test('npm reads the project settings without a warning', () => {
  const r = spawnSync('npm', ['config', 'get', 'ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /npm warn/i);
  assert.equal(r.stdout.trim(), 'true');
});

test('onnxruntime-node loads its CPU build without its install script', async () => {
  const rc = readFileSync(path.join(REPO_ROOT, '.npmrc'), 'utf8');
  assert.doesNotMatch(rc, /^\s*onnxruntime-node-install/m);
  const ort = await import('onnxruntime-node');
  assert.equal(typeof ort.InferenceSession.create, 'function');
});
