/**
 * SLIC on a 1 MP photo with 3⌊√(HW)⌋ segments: ours (default preemptive, and tolerance 0 = every
 * centre every iteration) against scikit-image's `slic` (Debian python3-skimage) run on the same
 * pixels in a child process. Both time SLIC alone (RGB → Lab included, file decoding excluded).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { defaultSegmentCount, slic } from '../src/segment/slic.js';
import type { BenchRecord } from './run.js';
import { round, timeIt } from './util.js';

const SKIMAGE = `
import sys, time, numpy as np
from skimage import io
from skimage.segmentation import slic
im = io.imread(sys.argv[1])[:, :, :3]
n = int(sys.argv[2])
best = 1e9
for _ in range(3):
    t = time.perf_counter(); l = slic(im, n_segments=n, compactness=10, start_label=0); best = min(best, time.perf_counter() - t)
print(best * 1000, int(l.max()) + 1)
`;

function python(): string | null {
  for (const p of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(p, ['-c', 'import skimage'], { encoding: 'utf8' });
    if (r.status === 0) return p;
  }
  return null;
}

export default async function (): Promise<BenchRecord[]> {
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
  const src = (await readImage(path.join(shared, 'data/exemplar/transfer_7_target.jpg'))).image;
  const s = Math.sqrt(1e6 / (src.width * src.height));
  const img = resizeImage(src, Math.round(src.width * s), Math.round(src.height * s), 'bicubic');
  for (const c of img.channels) for (let i = 0; i < c.length; i++) c[i] = Math.min(1, Math.max(0, c[i]));
  const segments = defaultSegmentCount(img.width, img.height);
  const ours = timeIt(() => slic(img, { segments }), 5);
  const plain = timeIt(() => slic(img, { segments, tolerance: 0 }), 3);
  const records: BenchRecord[] = [
    {
      impl: 'ours (preemptive, tol 0.05)',
      size: `${img.width}x${img.height}`,
      segments,
      count: ours.result.count,
      ms: round(ours.ms, 1),
    },
    {
      impl: 'ours (tolerance 0)',
      size: `${img.width}x${img.height}`,
      segments,
      count: plain.result.count,
      ms: round(plain.ms, 1),
    },
  ];
  const py = python();
  if (!py) {
    records.push({
      impl: 'scikit-image',
      note: 'python3-skimage is not installed (apt-get install python3-skimage)',
    });
    return records;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'slic-bench-'));
  try {
    const file = path.join(dir, 'photo.png');
    await writeImage(file, img);
    const r = spawnSync(py, ['-c', SKIMAGE, file, String(segments)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const [ms, count] = r.stdout.trim().split(/\s+/).map(Number);
    records.push({
      impl: 'scikit-image slic',
      size: `${img.width}x${img.height}`,
      segments,
      count,
      ms: round(ms, 1),
    });
    for (const rec of records.slice(0, 2)) rec.speedup = round(ms / (rec.ms as number), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return records;
}
