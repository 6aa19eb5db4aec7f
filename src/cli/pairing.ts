/**
 * Pairs result, truth and reference files by name. A file's key is its base name without
 * extension and without a trailing role word (_truth, _target, _reference, _result, _pred,
 * _output, _gray, _marked, _colorized), so `002_result.png` pairs with `002_truth.png`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError, fsProblem } from '../errors.js';
import { IMAGE_EXTENSIONS } from '../image/io.js';

const ROLE_SUFFIX =
  /_(truth|target|reference|ref|result|pred|prediction|output|gray|grey|marked|colorized|colourised)$/i;

/** Pairing key of a file name. */
export function pairKey(file: string): string {
  const stem = path.basename(file, path.extname(file));
  return stem.replace(ROLE_SUFFIX, '').toLowerCase();
}

export function isImageFile(file: string): boolean {
  return IMAGE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Image files of a folder, sorted by name (not recursive). */
export async function listImages(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    throw new ColorizeError(`${dir}: cannot read folder: ${fsProblem(err)}`, 'io', dir);
  }
  return names
    .filter(isImageFile)
    .sort()
    .map((n) => path.join(dir, n));
}

/** Image files of a folder and, with `recursive`, of its subfolders (hidden ones skipped), sorted. */
export async function listImagesDeep(dir: string, recursive: boolean): Promise<string[]> {
  const here = await listImages(dir);
  if (!recursive) return here;
  const subs = (await fs.readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort();
  const deeper = await Promise.all(subs.map((d) => listImagesDeep(d, true)));
  return [...here, ...deeper.flat()];
}

export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch (err) {
    throw new ColorizeError(`${p}: ${fsProblem(err)}`, 'io', p);
  }
}

/** Map from key to file; when two files share a key, prefers the one whose role suffix matches `prefer`. */
export function indexByKey(files: string[], prefer?: RegExp): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of files) {
    const k = pairKey(f);
    const prev = m.get(k);
    if (prev === undefined || (prefer?.test(path.basename(f)) && !prefer.test(path.basename(prev))))
      m.set(k, f);
  }
  return m;
}
