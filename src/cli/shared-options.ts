import { ColorizeError } from '../errors.js';
import type { ReadOptions } from '../image/io.js';

export interface GlobalOptions {
  maxPixels?: string;
}

/** Read options from the global flags. */
export function readOptions(g: GlobalOptions): ReadOptions {
  if (g.maxPixels === undefined) return {};
  const v = Number(g.maxPixels);
  if (!Number.isFinite(v) || v <= 0) {
    throw new ColorizeError(
      `option --max-pixels = ${g.maxPixels} is invalid: expected a positive number of pixels`,
      'usage',
    );
  }
  return { maxPixels: v };
}
