#!/usr/bin/env node
/**
 * Bundles the compiled command line (dist/cli/main.js) into dist/cli-bundle/ with esbuild: one
 * module for what every command loads and a chunk per dynamically imported part, npm packages left
 * as they are. Node's module loader spends about 0.1 s resolving and compiling the 200 modules
 * of dist/ one by one (`colorize --version`: 0.34 → 0.25 s on the 2-core VM measured); without
 * code splitting the dynamic imports (the queue's BullMQ, the server) would load at start-up. The
 * launcher (packages/colorize-cli/colorize.js) runs the bundle while it is newer than dist/ (a
 * `tsc` alone makes it stale, and then dist/cli/main.js runs). `npm run build` runs this after tsc.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/cli-bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'dist/cli/main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
