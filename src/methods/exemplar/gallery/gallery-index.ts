/**
 * A gallery of colour reference images indexed once (descriptors in a cached binary file) and
 * ranked against a gray target (report §4.4.3). The index lives in models/cache/ by default (never
 * in the repository or the gallery folder), is keyed by the folder's absolute path, and is brought
 * up to date incrementally: files whose size and mtime are unchanged keep their descriptor.
 *
 * File layout: "CLZGAL1\n", u32 header length, JSON header (descriptor settings and the entries),
 * zero padding to a multiple of 4, then one float32 descriptor per entry.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError, fsProblem } from '../../../errors.js';
import { readImage } from '../../../image/io.js';
import { modelCacheDir } from '../../../models/locate.js';
import {
  DESCRIPTOR_DIMS,
  DESCRIPTOR_GRID,
  DESCRIPTOR_INPUT,
  DESCRIPTOR_LAYER,
  galleryDescriptor,
} from './descriptor.js';

const MAGIC = 'CLZGAL1\n';
const SETTINGS = { version: 2, layer: DESCRIPTOR_LAYER, input: DESCRIPTOR_INPUT, grid: DESCRIPTOR_GRID };

export interface GalleryEntry {
  /** Absolute path. */
  file: string;
  size: number;
  mtimeMs: number;
  /** A gray image: indexed (so the folder is not re-read) but never offered as a reference. */
  gray?: boolean;
}

export interface GalleryIndex {
  entries: GalleryEntry[];
  dims: number;
  /** entries.length × dims descriptors. */
  data: Float32Array;
}

export interface Ranked {
  file: string;
  distance: number;
}

/** Default index file for a gallery folder. */
export function defaultIndexFile(dir: string): string {
  const h = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.join(modelCacheDir(), `gallery-${path.basename(path.resolve(dir))}-${h}.idx`);
}

/** Reads an index file; null when missing, unreadable or made with other descriptor settings. */
export async function readGalleryIndex(file: string): Promise<GalleryIndex | null> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch {
    return null;
  }
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) return null;
  const hl = buf.readUInt32LE(8);
  let header: { settings: typeof SETTINGS; dims: number; entries: GalleryEntry[] };
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + hl));
  } catch {
    return null; // a damaged index is rebuilt
  }
  if (!Array.isArray(header?.entries)) return null;
  if (JSON.stringify(header.settings) !== JSON.stringify(SETTINGS) || header.dims !== DESCRIPTOR_DIMS)
    return null;
  const start = Math.ceil((12 + hl) / 4) * 4;
  const n = header.entries.length * header.dims;
  if (buf.length < start + 4 * n) return null;
  // Copy into an aligned buffer (Buffer pools may start at any offset).
  const data = new Float32Array(n);
  new Uint8Array(data.buffer).set(buf.subarray(start, start + 4 * n));
  return { entries: header.entries, dims: header.dims, data };
}

/** Writes an index atomically. */
export async function writeGalleryIndex(file: string, index: GalleryIndex): Promise<void> {
  const header = Buffer.from(
    JSON.stringify({ settings: SETTINGS, dims: index.dims, entries: index.entries }),
    'utf8',
  );
  const start = Math.ceil((12 + header.length) / 4) * 4;
  const buf = Buffer.alloc(start + index.data.byteLength);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(header.length, 8);
  header.copy(buf, 12);
  Buffer.from(index.data.buffer, index.data.byteOffset, index.data.byteLength).copy(buf, start);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(tmp, buf);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw new ColorizeError(`${file}: cannot write the gallery index: ${fsProblem(err)}`, 'io', file);
  }
}

export interface IndexGalleryOptions {
  /** Index file (default: {@link defaultIndexFile} of the folder). */
  indexFile?: string;
  /** Called after each newly described image. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * The index of `files` (colour images of one gallery folder `dir`), reusing the cached file for
 * unchanged images and describing the others; saves the index when anything changed.
 *
 * @example
 * ```ts
 * import { indexGallery } from 'colorize-toolkit/internals';
 * const { index } = await indexGallery('examples', ['examples/scene.png', 'examples/sunset.png'], { indexFile: '/tmp/ex.idx' });
 * console.log(index.entries.length, index.dims); // 2 4096
 * ```
 */
export async function indexGallery(
  dir: string,
  files: string[],
  options: IndexGalleryOptions = {},
): Promise<{ index: GalleryIndex; described: number; indexFile: string }> {
  if (files.length === 0) throw new ColorizeError(`${dir}: the gallery holds no image files`, 'input', dir);
  const indexFile = options.indexFile ?? defaultIndexFile(dir);
  const old = await readGalleryIndex(indexFile);
  const byFile = new Map<string, number>();
  old?.entries.forEach((e, i) => {
    byFile.set(e.file, i);
  });
  const entries: GalleryEntry[] = await Promise.all(
    files.map(async (f) => {
      const abs = path.resolve(f);
      const st = await fs.stat(abs);
      return { file: abs, size: st.size, mtimeMs: st.mtimeMs };
    }),
  );
  const data = new Float32Array(entries.length * DESCRIPTOR_DIMS);
  const todo: number[] = [];
  entries.forEach((e, i) => {
    const j = byFile.get(e.file);
    const o = j === undefined ? undefined : old?.entries[j];
    if (old && j !== undefined && o && o.size === e.size && o.mtimeMs === e.mtimeMs) {
      if (o.gray) e.gray = true;
      data.set(old.data.subarray(j * DESCRIPTOR_DIMS, (j + 1) * DESCRIPTOR_DIMS), i * DESCRIPTOR_DIMS);
    } else todo.push(i);
  });
  let done = 0;
  for (const i of todo) {
    const { image, isGray } = await readImage(entries[i].file);
    if (isGray) entries[i].gray = true;
    data.set(await galleryDescriptor(image), i * DESCRIPTOR_DIMS);
    options.onProgress?.(++done, todo.length, entries[i].file);
  }
  const index = { entries, dims: DESCRIPTOR_DIMS, data };
  if (todo.length > 0 || !old || old.entries.length !== entries.length)
    await writeGalleryIndex(indexFile, index);
  return { index, described: todo.length, indexFile };
}

/**
 * Colour gallery entries by increasing Euclidean distance to `descriptor`, the first `k`.
 *
 * @example
 * ```ts
 * import { rankGallery } from 'colorize-toolkit/internals';
 * const index = { entries: [{ file: 'a', size: 0, mtimeMs: 0 }, { file: 'b', size: 0, mtimeMs: 0 }], dims: 2, data: new Float32Array([0, 0, 3, 4]) };
 * console.log(rankGallery(index, new Float32Array([3, 3]), 1)); // [ { file: 'b', distance: 1 } ]
 * ```
 */
export function rankGallery(index: GalleryIndex, descriptor: Float32Array, k = 1): Ranked[] {
  const n = index.entries.length;
  const d = index.dims;
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = index.data[off + j] - descriptor[j];
      s += v * v;
    }
    dist[i] = Math.sqrt(s);
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => !index.entries[i].gray)
    .sort((a, b) => dist[a] - dist[b]);
  if (order.length === 0) throw new ColorizeError('the gallery holds no colour image', 'input');
  return order.slice(0, Math.max(1, k)).map((i) => ({ file: index.entries[i].file, distance: dist[i] }));
}
