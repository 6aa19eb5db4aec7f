/**
 * A gallery of colour photos opened for picking references: the `gallery` input of every method
 * with a reference (report §4.4.3). The command line opens the folder given by --gallery, the
 * service the one given at start (`colorize serve --gallery DIR`), `colorize()` the folder given as
 * the `gallery` input.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../../../errors.js';
import type { ImageF32 } from '../../../image/image.js';
import { IMAGE_EXTENSIONS } from '../../../image/io.js';
import { galleryDescriptor } from './descriptor.js';
import {
  type GalleryIndex,
  type IndexGalleryOptions,
  indexGallery,
  type Ranked,
  rankGallery,
} from './gallery-index.js';

export interface Gallery {
  dir: string;
  index: GalleryIndex;
  /** The colour images offered, by file name (gray ones are indexed but never offered). */
  names(): string[];
  /** The absolute path of the image called `name`, or an error naming the gallery's images. */
  file(name: string): string;
  /** The k gallery images nearest to `target` in VGG-19 conv3_4 features, nearest first. */
  nearest(target: ImageF32, k?: number): Promise<Ranked[]>;
}

/** The image files of a folder, sorted by name. */
export async function folderImages(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    throw new ColorizeError(`${dir}: the gallery must be a folder of colour images`, 'io', dir);
  }
  return names
    .filter((n) => IMAGE_EXTENSIONS.includes(path.extname(n).toLowerCase()) && !n.startsWith('.'))
    .sort()
    .map((n) => path.join(dir, n));
}

/**
 * Indexes a gallery folder (reusing its cached index for unchanged images) and opens it.
 *
 * @example
 * ```ts
 * import { openGallery, readImage } from 'colorize-toolkit';
 * const g = await openGallery('examples/', { indexFile: '/tmp/examples-gallery.idx' });
 * const [best] = await g.nearest((await readImage('examples/scene_gray.png')).image);
 * console.log(best.file.endsWith('.png')); // true
 * ```
 */
export async function openGallery(dir: string, options: IndexGalleryOptions = {}): Promise<Gallery> {
  const files = await folderImages(dir);
  const { index } = await indexGallery(dir, files, options);
  const offered = index.entries.filter((e) => !e.gray).map((e) => e.file);
  const byName = new Map(offered.map((f) => [path.basename(f), f]));
  return {
    dir,
    index,
    names: () => [...byName.keys()],
    file: (name) => {
      const f = byName.get(name);
      if (!f)
        throw new ColorizeError(
          `gallery: no colour image called ${JSON.stringify(name)}; the gallery has ${[...byName.keys()].join(', ') || 'none'} (or give "auto")`,
          'usage',
        );
      return f;
    },
    nearest: async (target, k = 1) => rankGallery(index, await galleryDescriptor(target), k),
  };
}
