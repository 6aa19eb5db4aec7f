/**
 * Where model files are looked for, in order: the folders in env COLORIZE_MODELS (path-list
 * separated), the project's models/ folder, then ../shared/models beside the project. Converted
 * models are cached in models/cache/ (git-ignored) or env COLORIZE_MODELS_CACHE.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ColorizeError } from '../errors.js';

/** The project root (this file is src/models/ or dist/models/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Folders searched for model files, in order. */
export function modelSearchPaths(): string[] {
  const env = process.env.COLORIZE_MODELS;
  const fromEnv = env ? env.split(path.delimiter).filter((p) => p !== '') : [];
  return [...fromEnv, path.join(PROJECT_ROOT, 'models'), path.resolve(PROJECT_ROOT, '../shared/models')];
}

/** Folder for converted models (created on demand by the converters). */
export function modelCacheDir(): string {
  return process.env.COLORIZE_MODELS_CACHE ?? path.join(PROJECT_ROOT, 'models', 'cache');
}

/**
 * Finds `relative` (e.g. "vgg19/model.json") in the search paths, or returns null.
 *
 * @example
 * ```ts
 * import { findModelFile } from 'colorize-toolkit';
 * console.log(findModelFile('vgg19/group1-shard1of1') ?? 'VGG-19 weights not installed');
 * ```
 */
export function findModelFile(relative: string): string | null {
  for (const dir of modelSearchPaths()) {
    const p = path.join(dir, relative);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Like {@link findModelFile}, but a missing file is an error naming every place searched. */
export function requireModelFile(relative: string): string {
  const p = findModelFile(relative);
  if (p) return p;
  const searched = modelSearchPaths().map((d) => path.join(d, relative));
  throw new ColorizeError(
    `model file ${relative} not found; looked in: ${searched.join(', ')} (set COLORIZE_MODELS to the folder that holds it)`,
    'io',
  );
}

/**
 * Path of `name` in the model cache, building its bytes with `build` when it is not there yet.
 * The bytes go to a temporary name unique to this call and are renamed into place, so concurrent
 * first uses (in one process or several) never see half a model or remove each other's file.
 */
export async function cachedModelFile(
  name: string,
  build: () => Uint8Array | Promise<Uint8Array>,
): Promise<string> {
  const dir = modelCacheDir();
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  const bytes = await build();
  await fs.mkdir(dir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
  return file;
}
