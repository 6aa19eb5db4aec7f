/**
 * A folder job: runs one input at a time into an output folder with a progress bar. A file that
 * fails with a ColorizeError does not stop the others; the failures are printed and become one
 * error at the end (exit 1) naming how many failed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { checkOutputPath, outputPathFor } from './output.js';
import { listImages } from './pairing.js';
import { startProgress } from './progress.js';

export interface BatchOptions {
  /** Progress bar title, e.g. 'auto (cnn-tv)'. */
  title: string;
  /** What one input is called in messages, e.g. 'target' ("3 of 9 targets failed"). */
  noun: string;
  /** No progress bar. */
  quiet?: boolean;
}

/**
 * The output file for a single input: -o itself, or a file named after the input inside -o when
 * -o is an existing folder; checked (extension, folder, not the input) before any work.
 */
export async function singleOutput(input: string, out: string, noun: string): Promise<string> {
  const outIsDir = await fs
    .stat(out)
    .then((st) => st.isDirectory())
    .catch(() => false); // not there yet: a file to create
  const outFile = outIsDir ? outputPathFor(input, out) : out;
  if (path.resolve(outFile) === path.resolve(input))
    throw new ColorizeError(`${outFile}: the output would overwrite the ${noun}`, 'usage', outFile);
  await checkOutputPath(outFile);
  return outFile;
}

/**
 * The images of an input folder (`argName` is how help calls the argument, e.g. 'GRAY'), with -o
 * checked to be a folder: an existing one, or a name without an extension to create.
 */
export async function folderInputs(dir: string, out: string, argName: string): Promise<string[]> {
  const inputs = await listImages(dir);
  if (inputs.length === 0) throw new ColorizeError(`${dir}: no image files in this folder`, 'input', dir);
  const outStat = await fs.stat(out).catch(() => undefined);
  if (outStat && !outStat.isDirectory())
    throw new ColorizeError(
      `${out}: ${argName} is a folder, so -o must be a folder, not a file`,
      'usage',
      out,
    );
  if (!outStat && path.extname(out) !== '')
    throw new ColorizeError(
      `${out}: ${argName} is a folder, so -o must be a folder (got a file name)`,
      'usage',
      out,
    );
  return inputs;
}

/** Runs `one(file, outFile)` for each input, writing into `outDir` (created if missing). */
export async function runBatch(
  inputs: readonly string[],
  outDir: string,
  options: BatchOptions,
  one: (file: string, outFile: string) => Promise<void>,
): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
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
