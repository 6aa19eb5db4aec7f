/** Locations of ../shared (data and models) for tests; CI clones the repo with shared/ beside it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env.COLORIZE_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');

/** Absolute path of a file under ../shared/data; throws a clear error when the data set is missing. */
export function dataPath(...parts: string[]): string {
  const p = path.join(SHARED, 'data', ...parts);
  if (!existsSync(p))
    throw new Error(`test data not found: ${p} (set COLORIZE_SHARED_DIR to the shared folder)`);
  return p;
}

export function modelPath(...parts: string[]): string {
  return path.join(SHARED, 'models', ...parts);
}
