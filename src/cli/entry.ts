/** Process entry for the CLI when run from source (tests, `npx tsx src/cli/entry.ts`). */
import { run } from './main.js';

// `colorize --help | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await run(process.argv);
