/**
 * Writing results from the command line: the output keeps the input's alpha (untouched) and,
 * for PNG/TIFF, its 16-bit depth; the file appears only when complete (temporary name + rename).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { type DecodedImage, formatFromPath, writeImage } from '../image/io.js';

/**
 * Writes `rgb` to `file`, carrying over alpha and bit depth from `input`.
 *
 * @example
 * ```ts
 * // inside a command: const input = await readImage(gray); ... await writeResult(out, rgb, input);
 * ```
 */
export async function writeResult(file: string, rgb: ImageF32, input: DecodedImage): Promise<void> {
  if (input.alpha && (input.image.width !== rgb.width || input.image.height !== rgb.height)) {
    throw new ColorizeError(
      `${file}: result size differs from the input; cannot carry alpha over`,
      'internal',
    );
  }
  await writeImage(file, rgb, { alpha: input.alpha, bitDepth: input.bitDepth });
}

/** Checks an output path before any work is done: known extension, existing folder. */
export async function checkOutputPath(file: string): Promise<void> {
  formatFromPath(file);
  const dir = path.dirname(path.resolve(file));
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new Error();
  } catch {
    throw new ColorizeError(`${file}: output folder ${dir} does not exist`, 'io', file);
  }
}

/** Output path inside `outDir` for input `file`, with the extension of `ext` (default: the input's, .png for formats we cannot write). */
export function outputPathFor(file: string, outDir: string, ext?: string): string {
  const stem = path.basename(file, path.extname(file));
  let e = ext ?? path.extname(file).toLowerCase();
  if (!['.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff'].includes(e)) e = '.png';
  return path.join(outDir, stem + e);
}
