/**
 * Where model files are looked for, in order: the folders in env COLORIZE_MODELS (path-list
 * separated), the project's models/ folder, then ../shared/models beside the project. Converted
 * models are cached in models/cache/ (git-ignored) or env COLORIZE_MODELS_CACHE.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError, fsProblem } from '../errors.js';
import { packageRoot } from '../package-root.js';

/** The project root (../package-root.ts: from src/, dist/ or the command line's bundle). */
export const PROJECT_ROOT = packageRoot();

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
 * import { findModelFile } from 'colorize-toolkit/internals';
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
  const write = async () => {
    let bytes: Uint8Array;
    try {
      bytes = await build();
    } catch (err) {
      if (err instanceof ColorizeError) throw err;
      throw new ColorizeError(
        `cannot build the model ${name} from the installed weights (${(err as Error)?.message ?? err}); ` +
          'check them with: colorize models',
        'io',
      );
    }
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => {});
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'EEXIST' || code === 'ENOTDIR' ? 'the cache path is a file, not a folder' : fsProblem(err);
      throw new ColorizeError(
        `model cache ${dir}: cannot write ${name}: ${why} (set COLORIZE_MODELS_CACHE to a writable folder)`,
        'io',
        dir,
      );
    }
  };
  rebuilders.set(file, write);
  if (existsSync(file)) return file;
  await write();
  return file;
}

/** How to rebuild each cache entry this process has asked for, by path. */
const rebuilders = new Map<string, () => Promise<void>>();

/**
 * Rebuilds a model cache entry that turned out to be damaged (its builder is known once
 * {@link cachedModelFile} has served it). False when `file` is not such an entry.
 */
export async function rebuildCachedModel(file: string): Promise<boolean> {
  const write = rebuilders.get(file);
  if (!write) return false;
  await fs.rm(file, { force: true });
  await write();
  return true;
}
