#!/usr/bin/env node
// Thin launcher for the root package's CLI, compiled to dist/ by `npm ci` (prepare) or `npm run build`.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Resolved through the real path, so it works through node_modules/.bin and node_modules/colorize-cli links.
const main = new URL('../../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('colorize: the toolkit is not built yet; run `npm ci` or `npm run build` first\n');
  process.exit(1);
}
// The bundle of dist/cli (scripts/bundle-cli.mjs: starts about 0.1 s sooner) while it is at least
// as new as dist/: a `tsc` alone rewrites dist/cli/main.js and leaves the bundle stale.
const bundle = new URL('../../dist/cli-bundle/main.js', import.meta.url);
const mtime = (url) => statSync(fileURLToPath(url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime(bundle) >= mtime(main) ? bundle : main;
// `colorize --help | head`: a reader that stops early is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { run } = await import(entry.href);
process.exitCode = await run(process.argv);
