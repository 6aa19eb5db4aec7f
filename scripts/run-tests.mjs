#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's own test runner (through tsx), so the closing
// "# pass / # fail" lines are Node's. Extra arguments filter files by substring.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}
const filters = process.argv.slice(2);
const files = walk(path.join(root, 'test'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// Spec output on a terminal; Node's default TAP otherwise, whose closing '# pass N' lines CI reads.
const reporter = process.stdout.isTTY ? ['--test-reporter=spec'] : [];
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporter, ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
