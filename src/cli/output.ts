/**
 * Writing results from the command line: the output keeps the input's alpha (untouched) and,
 * for PNG/TIFF, its 16-bit depth; the file appears only when complete (temporary name + rename).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError, fsProblem } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { type DecodedImage, formatFromPath, writeImage } from '../image/io.js';
import { type ColourisationRecord, carriedMetadata } from '../image/metadata.js';

/**
 * Writes `rgb` to `file`, carrying over alpha and bit depth from `input`.
 *
 * @example
 * ```ts
 * // inside a command: const input = await readImage(gray); ... await writeResult(out, rgb, input);
 * ```
 */
/**
 * Writes a result with the input's alpha and bit depth and, unless `carry` is null (the global
 * --strip-metadata), the input's EXIF text fields and XMP plus the record of how it was coloured.
 */
export async function writeResult(
  file: string,
  rgb: ImageF32,
  input: DecodedImage,
  carry: { record: ColourisationRecord; notes?: (text: string) => void } | null = null,
): Promise<void> {
  if (input.alpha && (input.image.width !== rgb.width || input.image.height !== rgb.height)) {
    throw new ColorizeError(
      `${file}: result size differs from the input; cannot carry alpha over`,
      'internal',
    );
  }
  const metadata = carry ? carriedMetadata(input.metadata, carry.record, carry.notes) : undefined;
  await writeImage(file, rgb, { alpha: input.alpha, bitDepth: input.bitDepth, metadata });
}

/**
 * Refuses an output that is one of the inputs (by path, or the same file through a link), which
 * would overwrite it. `inputs` maps what the command calls each input (gray, reference, ...) to
 * its path.
 */
export async function refuseInputAsOutput(
  file: string,
  inputs: Record<string, string | undefined>,
): Promise<void> {
  const out = await fs.stat(file).catch(() => undefined);
  for (const [noun, input] of Object.entries(inputs)) {
    if (input === undefined) continue;
    let same = path.resolve(input) === path.resolve(file);
    if (!same && out) {
      const st = await fs.stat(input).catch(() => undefined);
      same = st !== undefined && st.dev === out.dev && st.ino === out.ino;
    }
    if (same)
      throw new ColorizeError(
        `${file}: the output would overwrite the ${noun} (${input}); choose another -o`,
        'usage',
        file,
      );
  }
}

/**
 * Checks an output path before any work is done: known extension, existing folder, not one of
 * `inputs` (see {@link refuseInputAsOutput}).
 */
export async function checkOutputPath(
  file: string,
  inputs: Record<string, string | undefined> = {},
): Promise<void> {
  formatFromPath(file);
  await refuseInputAsOutput(file, inputs);
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

/**
 * Makes sure `dir` is a folder, creating it (and its parents) when missing; `what` names it in
 * messages (e.g. '--debug-dir').
 */
export async function ensureFolder(dir: string, what: string): Promise<void> {
  const st = await fs
    .stat(dir)
    .catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : err));
  if (st instanceof Error) throw new ColorizeError(`${dir}: ${what}: ${fsProblem(st)}`, 'io', dir);
  if (st && !st.isDirectory())
    throw new ColorizeError(`${dir}: ${what} must be a folder, and this is a file`, 'usage', dir);
  if (st) return;
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw new ColorizeError(`${dir}: ${what}: cannot create the folder: ${fsProblem(err)}`, 'io', dir);
  }
}
