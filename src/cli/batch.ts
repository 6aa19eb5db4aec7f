/**
 * A folder job, the one loop every command's folder mode goes through: runs one input at a time
 * into an output folder with a progress bar. A file that fails, whatever the error, does not stop
 * the others; the failures are printed and become one error at the end (exit 1) naming how many
 * failed. A re-run skips outputs that are already there (unless `overwrite`), and first removes
 * the temporary files that runs killed mid-write (kill -9) left in the output folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { processAlive } from '../image/io.js';
import { checkOutputPath, outputPathFor } from './output.js';
import { startProgress } from './progress.js';

export interface BatchOptions {
  /** Progress bar title, e.g. 'auto (cnn-tv)'. */
  title: string;
  /** What one input is called in messages, e.g. 'target' ("3 of 9 targets failed"). */
  noun: string;
  /** No progress bar. */
  quiet?: boolean;
  /** Redo outputs that already exist (default: skip them, so a re-run resumes). */
  overwrite?: boolean;
}

/** The closing line of a folder job: what was done, skipped and failed, and how long it took. */
export function jobSummary(title: string, done: number, skipped: number, failed: number, ms: number): string {
  return `${title}: ${done} written, ${skipped} skipped, ${failed} failed, ${(ms / 1000).toFixed(1)} s`;
}

/** One unit of a folder job: an input and the file it makes. */
export interface BatchItem {
  input: string;
  output: string;
}

/** The temporary name writeFileAtomic uses: `.<name>.tmp-<pid>-<8 hex>`. */
const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

/**
 * Removes the temporary files of killed runs from `dir` (ours by their name, whose process is
 * gone). Returns how many were removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const m = TEMP_NAME.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/**
 * The output file for a single input: -o itself, or a file named after the input inside -o when
 * -o is an existing folder; checked (extension, folder, not the input nor any of `otherInputs`)
 * before any work.
 */
export async function singleOutput(
  input: string,
  out: string,
  noun: string,
  otherInputs: Record<string, string | undefined> = {},
): Promise<string> {
  const outIsDir = await fs
    .stat(out)
    .then((st) => st.isDirectory())
    .catch(() => false); // not there yet: a file to create
  const outFile = outIsDir ? outputPathFor(input, out) : out;
  await checkOutputPath(outFile, { [noun]: input, ...otherInputs });
  return outFile;
}

/**
 * Checks -o for a folder job (`argName` is how help calls the input argument, e.g. 'GRAY'): an
 * existing folder, or a name without an extension to create.
 */
export async function checkOutputFolder(out: string, argName: string): Promise<void> {
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
}

/**
 * Runs `one` for each item (outputs inside `outDir`, created if missing): goes on after a
 * failure, skips finished outputs unless `overwrite`, and reports every failure at the end.
 *
 * @example
 * ```ts
 * // in a command: await runJobs([{ input: 'a.png', output: 'out/a.png' }], 'out', { title: 'x', noun: 'input' }, work);
 * ```
 */
export async function runJobs<T extends BatchItem>(
  items: readonly T[],
  outDir: string,
  options: BatchOptions,
  one: (item: T) => Promise<void>,
): Promise<void> {
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new ColorizeError(
      `${outDir}: cannot create the output folder (${(err as Error).message})`,
      'io',
      outDir,
    );
  }
  const t0 = performance.now();
  const cleaned = await removeStaleTemporaries(outDir);
  const failures: string[] = [];
  const todo: T[] = [];
  let skipped = 0;
  for (const item of items) {
    if (!options.overwrite && (await fs.stat(item.output).catch(() => undefined))?.isFile()) skipped++;
    else todo.push(item);
  }
  if (!options.quiet && (skipped || cleaned)) {
    const parts = [
      skipped ? `${skipped} of ${items.length} outputs already there, skipped (--overwrite redoes them)` : '',
      cleaned ? `${cleaned} temporary file(s) of an interrupted run removed` : '',
    ];
    process.stderr.write(`colorize: ${parts.filter(Boolean).join('; ')}\n`);
  }
  const progress =
    options.quiet || todo.length === 0 ? { tick() {}, stop() {} } : startProgress(todo.length, options.title);
  try {
    for (const item of todo) {
      const file = item.input;
      try {
        await fs.mkdir(path.dirname(item.output), { recursive: true });
        if (path.resolve(item.output) === path.resolve(file))
          throw new ColorizeError(`${item.output}: the output would overwrite the ${options.noun}`, 'usage');
        await one(item);
      } catch (err) {
        // Whatever went wrong with this file, the others still run.
        const msg =
          err instanceof ColorizeError
            ? err.message
            : `internal error: ${(err as Error)?.message ?? String(err)}`;
        failures.push(msg.startsWith(file) ? msg : `${file}: ${msg}`);
      }
      progress.tick(path.basename(file));
    }
  } finally {
    progress.stop();
  }
  if (!options.quiet)
    process.stderr.write(
      `colorize: ${jobSummary(options.title, todo.length - failures.length, skipped, failures.length, performance.now() - t0)}\n`,
    );
  if (failures.length) {
    for (const f of failures) process.stderr.write(`colorize: ${f}\n`);
    throw new ColorizeError(
      `${failures.length} of ${items.length} ${options.noun}s failed; the others were written to ${outDir}`,
      'input',
    );
  }
}
