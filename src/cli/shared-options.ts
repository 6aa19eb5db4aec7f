import { ColorizeError } from '../errors.js';
import type { ReadOptions } from '../image/io.js';

export interface GlobalOptions {
  maxPixels?: string;
  acceptDamaged?: boolean;
  /** Folder jobs redo outputs that already exist. */
  overwrite?: boolean;
  /** Outputs carry no metadata of the input and no record of the colourisation. */
  stripMetadata?: boolean;
}

/** Read options from the global flags. */
export function readOptions(g: GlobalOptions): ReadOptions {
  const damaged = g.acceptDamaged === true ? { acceptDamaged: true } : {};
  if (g.maxPixels === undefined) return damaged;
  const v = Number(g.maxPixels);
  if (!Number.isFinite(v) || v <= 0) {
    throw new ColorizeError(
      `option --max-pixels = ${g.maxPixels} is invalid: expected a positive number of pixels`,
      'usage',
    );
  }
  return { maxPixels: v, ...damaged };
}
