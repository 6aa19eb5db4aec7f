/** `colorize fuse` on the command line: no hint is a usage error with no output; hints combine. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

test('colorize fuse: no hint → exit 2 and no output; strokes + reference → an output', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fuse-cli-'));
  const out = path.join(dir, 'out.png');
  const none = await runCli(['fuse', 'examples/scene_gray.png', '-o', out, '-q']);
  assert.equal(none.code, 2, none.stderr);
  assert.match(none.stderr, /no hint given/);
  assert.equal(existsSync(out), false);
  const both = await runCli([
    'fuse',
    'examples/scene_gray.png',
    '--strokes',
    'examples/scene_strokes.json',
    '--reference',
    'examples/sunset.png',
    '--features',
    'handcrafted',
    '--iterations',
    '20',
    '--working-pixels',
    '16384',
    '-o',
    out,
  ]);
  assert.equal(both.code, 0, both.stderr);
  assert.match(both.stderr, /fuse \(strokes \+ reference\)/);
  assert.ok(existsSync(out));
});
