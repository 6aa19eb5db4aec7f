/**
 * The service's working folder and what survives a restart: each service works in
 * `<root>/colorize-serve-<pid>-<random>`; at start, the working folders of services whose process
 * is gone (killed with -9) are removed, and the job ids found in them, with those of a service
 * that stopped normally, are remembered in `<root>/colorize-serve-lost-jobs.txt` so that a poll
 * for such a job is answered "lost in a restart" instead of "no such job".
 */
import { appendFileSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from '../image/io.js';

const PREFIX = 'colorize-serve-';
/** The file of job ids lost in restarts, newest last. */
export const LOST_JOBS_FILE = 'colorize-serve-lost-jobs.txt';
/** Ids of the jobs a service created, one a line, inside its working folder. */
export const JOB_LEDGER = 'jobs.txt';
/** Lost ids remembered (the oldest are forgotten beyond this). */
const MAX_LOST = 10_000;

async function readIds(file: string): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter((l) => l !== '');
}

/** Adds ids to the lost-jobs file of `root`, keeping the newest {@link MAX_LOST}. */
export async function rememberLostJobs(root: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const file = path.join(root, LOST_JOBS_FILE);
  const all = [...(await readIds(file)), ...ids].slice(-MAX_LOST);
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(tmp, `${all.join('\n')}\n`);
  await fs.rename(tmp, file);
}

/** The same, synchronously (from a process 'exit' handler). */
export function rememberLostJobsSync(root: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  try {
    appendFileSync(path.join(root, LOST_JOBS_FILE), `${ids.join('\n')}\n`);
  } catch {
    // best effort: the process is exiting
  }
}

/**
 * Removes the working folders under `root` left by services that are no longer running and
 * remembers their jobs as lost. Returns the folders removed.
 */
export async function cleanStaleWorkDirs(root: string): Promise<string[]> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = /^colorize-serve-(\d+)-[A-Za-z0-9]+$/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    const dir = path.join(root, name);
    const st = await fs.lstat(dir).catch(() => undefined);
    if (!st?.isDirectory()) continue;
    await rememberLostJobs(root, await readIds(path.join(dir, JOB_LEDGER)));
    await fs.rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/** A new working folder for this process under `root`. */
export async function makeWorkDir(root: string): Promise<string> {
  await fs.mkdir(root, { recursive: true });
  return fs.mkdtemp(path.join(root, `${PREFIX}${process.pid}-`));
}

/** The set of job ids lost in restarts under `root` (read once at start). */
export function lostJobIds(root: string): Set<string> {
  try {
    return new Set(
      readFileSync(path.join(root, LOST_JOBS_FILE), 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
    );
  } catch {
    return new Set();
  }
}
