#!/usr/bin/env node
/**
 * Builds the optional native helper native/huge-pages (one C file, Node-API) into
 * native/huge-pages/build/huge-pages.node with the system C compiler and Node's own headers. It
 * only speeds up first writes to the solver arenas (src/solve/wasm/huge-pages.ts); without it, or
 * off Linux, everything runs the same, so a failed build warns and exits 0. `npm run build` runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'native/huge-pages');
const out = path.join(dir, 'build/huge-pages.node');

function skip(why) {
  console.warn(`native/huge-pages not built (${why}); the solvers run the same without it`);
  process.exit(0);
}

if (process.platform !== 'linux') skip(`not needed on ${process.platform}`);
// Node's headers: where this node was installed (<prefix>/include/node), as node-gyp's nodedir.
const headers = [
  process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, 'include/node'),
  path.resolve(path.dirname(process.execPath), '../include/node'),
].find((d) => d && existsSync(path.join(d, 'node_api.h')));
if (!headers) skip("Node's headers (node_api.h) were not found");
const cc = process.env.CC || 'cc';
mkdirSync(path.dirname(out), { recursive: true });
const tmp = `${out}.tmp-${process.pid}`;
const r = spawnSync(
  cc,
  ['-O2', '-shared', '-fPIC', '-Wall', '-Werror', `-I${headers}`, path.join(dir, 'huge-pages.c'), '-o', tmp],
  { encoding: 'utf8' },
);
if (r.error || r.status !== 0) skip(`${cc} failed: ${(r.stderr || r.error?.message || '').trim()}`);
renameSync(tmp, out);
console.log(`built ${path.relative(root, out)}`);
