/** Process entry for the CLI when run from source (tests, `npx tsx src/cli/entry.ts`). */
import { run } from './main.js';

process.exitCode = await run(process.argv);
