/**
 * The attention trainer's own checks (training/attention/test_train.py): the squared TV loss
 * against its literal sum and a finite-difference gradient, the reach of the axial attention,
 * the positional encodings at another size, the decoder's five steps, the loss switches, an
 * interrupted-and-resumed run against one run. They
 * need Debian's PyTorch (/usr/bin/python3 with torch); skipped where it is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/shared.js';

const PY = '/usr/bin/python3';
const hasTorch =
  existsSync(PY) && spawnSync(PY, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 }).status === 0;

test('training/attention/test_train.py passes', {
  skip: !hasTorch && 'no PyTorch for /usr/bin/python3',
}, () => {
  const r = spawnSync(PY, ['-m', 'unittest', '-v', 'training/attention/test_train.py'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1' },
    timeout: 300_000,
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  // Every check ran (a renamed or skipped test would leave fewer).
  assert.match(r.stderr, /Ran 12 tests/);
});
