/**
 * A folder job: runs one input at a time into an output folder with a progress bar. A file that
 * fails with a ColorizeError does not stop the others; the failures are printed and become one
 * error at the end (exit 1) naming how many failed.
 */
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { outputPathFor } from './output.js';
import { startProgress } from './progress.js';

export interface BatchOptions {
  /** Progress bar title, e.g. 'auto (cnn-tv)'. */
  title: string;
  /** What one input is called in messages, e.g. 'target' ("3 of 9 targets failed"). */
  noun: string;
  /** No progress bar. */
  quiet?: boolean;
}

/** Runs `one(file, outFile)` for each input, writing into `outDir`. */
export async function runBatch(
  inputs: readonly string[],
  outDir: string,
  options: BatchOptions,
  one: (file: string, outFile: string) => Promise<void>,
): Promise<void> {
  const failures: string[] = [];
  const progress = options.quiet ? { tick() {}, stop() {} } : startProgress(inputs.length, options.title);
  try {
    for (const file of inputs) {
      const outFile = outputPathFor(file, outDir);
      try {
        if (path.resolve(outFile) === path.resolve(file))
          throw new ColorizeError(`${outFile}: the output would overwrite the ${options.noun}`, 'usage');
        await one(file, outFile);
      } catch (err) {
        if (!(err instanceof ColorizeError)) throw err;
        failures.push(err.message.startsWith(file) ? err.message : `${file}: ${err.message}`);
      }
      progress.tick(path.basename(file));
    }
  } finally {
    progress.stop();
  }
  if (failures.length) {
    for (const f of failures) process.stderr.write(`colorize: ${f}\n`);
    throw new ColorizeError(
      `${failures.length} of ${inputs.length} ${options.noun}s failed; the others were written to ${outDir}`,
      'input',
    );
  }
}
