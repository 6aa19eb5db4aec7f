/**
 * Gallery retrieval (report §4.4.3): index build time for ../shared/data/train (2,774 photos), and
 * the query time — index load from disk + distances + sort — for that index and for a 4,000-entry
 * index (the train descriptors repeated), against the goal of 1 s. The target's own
 * descriptor (one VGG-19 pass at 64², plus the model load on first use) is reported apart.
 * Index files go to the OS temporary folder, never into the repository.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listImages } from '../src/cli/pairing.js';
import { readImage } from '../src/image/io.js';
import { galleryDescriptor } from '../src/methods/exemplar/gallery/descriptor.js';
import {
  indexGallery,
  rankGallery,
  readGalleryIndex,
  writeGalleryIndex,
} from '../src/methods/exemplar/gallery/gallery-index.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round } from './util.js';

export default async function (): Promise<BenchRecord[]> {
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
  const dir = path.join(shared, 'data/train');
  const files = await listImages(dir);
  const indexFile = path.join(tmpdir(), `colorize-bench-gallery-${process.pid}.idx`);
  let t0 = performance.now();
  const built = await indexGallery(dir, files, { indexFile });
  const buildMs = performance.now() - t0;
  const { image } = await readImage(path.join(shared, 'data/exemplar/002_target.png'));
  t0 = performance.now();
  const q = await galleryDescriptor(image);
  const descriptorMs = performance.now() - t0;
  const records: BenchRecord[] = [
    {
      what: 'index build',
      images: files.length,
      ms: round(buildMs, 0),
      ms_per_image: round(buildMs / files.length, 1),
    },
    { what: 'target descriptor (warm model)', images: 1, ms: round(descriptorMs, 1) },
  ];
  const big = path.join(tmpdir(), `colorize-bench-gallery4k-${process.pid}.idx`);
  const n4 = 4000;
  const data = new Float32Array(n4 * built.index.dims);
  for (let i = 0; i < n4; i++)
    data.set(
      built.index.data.subarray(
        (i % files.length) * built.index.dims,
        ((i % files.length) + 1) * built.index.dims,
      ),
      i * built.index.dims,
    );
  const entries = Array.from({ length: n4 }, (_, i) => ({
    ...built.index.entries[i % files.length],
    file: `${i}`,
  }));
  await writeGalleryIndex(big, { entries, dims: built.index.dims, data });
  for (const [name, file, n] of [
    ['query (load + rank)', indexFile, files.length],
    ['query (load + rank)', big, n4],
  ] as const) {
    let best = Infinity;
    let loadBest = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const idx = await readGalleryIndex(file);
      const tl = performance.now();
      rankGallery(idx!, q, 5);
      best = Math.min(best, performance.now() - t);
      loadBest = Math.min(loadBest, tl - t);
    }
    records.push({ what: name, images: n, ms: round(best, 1), load_ms: round(loadBest, 1), goal_ms: 1000 });
  }
  // Re-indexing an unchanged folder: only stats, no image decoded.
  t0 = performance.now();
  const again = await indexGallery(dir, files, { indexFile });
  records.push({
    what: 'index refresh, unchanged folder',
    images: files.length,
    ms: round(performance.now() - t0, 0),
    described: again.described,
  });
  records.push({ what: 'peak RSS MiB', images: 0, ms: round(peakRssMiB(), 0) });
  return records;
}
