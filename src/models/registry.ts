/**
 * The model registry: every model a method loads, by name, with the files it is made from, where
 * they are looked for (see locate.ts: COLORIZE_MODELS, the project's models/, ../shared/models)
 * and, for models that need it, the converter that turns them into the cached ONNX file the
 * runtime loads. `colorize models` lists it; front ends use {@link requireModel} to fail early
 * with every path searched.
 */
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { findModelFile, modelSearchPaths } from './locate.js';

export interface ModelEntry {
  /** Name shown by `colorize models`, e.g. 'vgg19'. */
  name: string;
  /** What it is, in a line. */
  description: string;
  /** Files it is made from, relative to the search paths. */
  files: readonly string[];
  /** Methods that load it. */
  usedBy: readonly string[];
  /** Where the weights come from (source and licence, in a line). */
  source: string;
  /** Converts the files into the runtime's format and returns its path (cached after the first call). */
  convert?: () => Promise<string>;
}

export interface ModelStatus {
  entry: ModelEntry;
  /** Every file was found. */
  available: boolean;
  /** Where each file was found, null when missing. */
  found: Record<string, string | null>;
  /** For each missing file, every path that was tried. */
  searched: Record<string, string[]>;
}

const models = new Map<string, ModelEntry>();

/**
 * Adds (or replaces) a model.
 *
 * @example
 * ```ts
 * import { registerModel, modelStatus } from 'colorize-toolkit/internals';
 * registerModel({ name: 'demo', description: 'nothing', files: ['demo/none.bin'], usedBy: [], source: 'test' });
 * console.log(modelStatus('demo').available); // false
 * ```
 */
export function registerModel(entry: ModelEntry): void {
  models.set(entry.name, entry);
}

/** Registered models, in registration order. */
export function listModels(): ModelEntry[] {
  return [...models.values()];
}

/** The model called `name`, or an internal error (names are fixed in code). */
export function getModel(name: string): ModelEntry {
  const m = models.get(name);
  if (!m)
    throw new ColorizeError(`unknown model ${name}; known: ${[...models.keys()].join(', ')}`, 'internal');
  return m;
}

/** Which of the model's files are present, and where everything was looked for. */
export function modelStatus(name: string): ModelStatus {
  const entry = getModel(name);
  const found: Record<string, string | null> = {};
  const searched: Record<string, string[]> = {};
  for (const f of entry.files) {
    found[f] = findModelFile(f);
    if (!found[f]) searched[f] = modelSearchPaths().map((d) => path.join(d, f));
  }
  return { entry, available: Object.values(found).every((p) => p !== null), found, searched };
}

/** Throws an 'io' error naming each missing file of the model and every path tried for it. */
export function requireModel(name: string): void {
  const s = modelStatus(name);
  if (s.available) return;
  const missing = Object.entries(s.searched)
    .map(([f, paths]) => `${f} (looked in: ${paths.join(', ')})`)
    .join('; ');
  throw new ColorizeError(
    `model ${name} is not installed: missing ${missing}; set COLORIZE_MODELS to the folder that holds it`,
    'io',
  );
}
