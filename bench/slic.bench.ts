/**
 * SLIC on a 1 MP photo with 3⌊√(HW)⌋ segments: ours (default preemptive, and tolerance 0 = every
 * centre every iteration) against scikit-image's `slic` (Debian python3-skimage) run on the same
 * pixels in a child process. Both time SLIC alone (RGB → Lab included, file decoding excluded).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rgbImageToLab } from '../src/color/lab.js';
import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import type * as SlicModule from '../src/segment/slic.js';
import type { BenchRecord } from './run.js';
import { importBuilt, round } from './util.js';

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
l.astype(np.int32).tofile(sys.argv[3])
`;

/**
 * SLIC's own objective on a labelling: the mean over pixels of D² = ‖Δlab‖²/m² + ‖Δxy‖²/S² to the
 * mean of the pixel's superpixel (lower is a tighter segmentation). Same formula for every
 * implementation, so it compares their quality in the same run.
 */
function slicEnergy(
  labels: Int32Array,
  lab: Float32Array[],
  W: number,
  H: number,
  segments: number,
  m = 10,
): number {
  let k = 0;
  for (const v of labels) k = Math.max(k, v + 1);
  const sums = new Float64Array(k * 6);
  for (let p = 0; p < W * H; p++) {
    const o = labels[p] * 6;
    sums[o] += 1;
    sums[o + 1] += p % W;
    sums[o + 2] += Math.floor(p / W);
    for (let c = 0; c < 3; c++) sums[o + 3 + c] += lab[c][p];
  }
  const S2 = (W * H) / segments;
  let e = 0;
  for (let p = 0; p < W * H; p++) {
    const o = labels[p] * 6;
    const n = sums[o];
    let dc = 0;
    for (let c = 0; c < 3; c++) dc += (lab[c][p] - sums[o + 3 + c] / n) ** 2;
    const dx = (p % W) - sums[o + 1] / n;
    const dy = Math.floor(p / W) - sums[o + 2] / n;
    e += dc / (m * m) + (dx * dx + dy * dy) / S2;
  }
  return e / (W * H);
}

function python(): string | null {
  for (const p of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(p, ['-c', 'import skimage'], { encoding: 'utf8' });
    if (r.status === 0) return p;
  }
  return null;
}

/**
 * Times our SLIC in a plain `node` child process on the compiled build, as the CLI runs it (under
 * tsx's loader the same code runs ~15% slower), like scikit-image in its own process.
 */
function ourSlic(file: string, segments: number, tolerance: number, repeats: number, labelsOut: string) {
  const root = path.resolve(import.meta.dirname, '..');
  const built = existsSync(path.join(root, 'dist/segment/slic.js'));
  const base = pathToFileURL(path.join(root, built ? 'dist' : 'src')).href;
  const ext = built ? 'js' : 'ts';
  const script = `
    import { writeFileSync } from 'node:fs';
    const { readImage } = await import('${base}/image/io.${ext}');
    const { slic } = await import('${base}/segment/slic.${ext}');
    const img = (await readImage(process.argv[1])).image;
    let best = Infinity, out;
    for (let i = 0; i < ${repeats}; i++) {
      const t = performance.now(); out = slic(img, { segments: ${segments}, tolerance: ${tolerance} });
      best = Math.min(best, performance.now() - t);
    }
    writeFileSync(process.argv[2], out.labels);
    console.log(JSON.stringify({ ms: best, count: out.count }));`;
  const args = built ? [] : ['--import', 'tsx'];
  const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', script, file, labelsOut], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return {
    ...(JSON.parse(r.stdout.trim()) as { ms: number; count: number }),
    build: built ? 'dist build' : 'source (tsx)',
  };
}

export default async function (): Promise<BenchRecord[]> {
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
  const src = (await readImage(path.join(shared, 'data/exemplar/transfer_7_target.jpg'))).image;
  const s = Math.sqrt(1e6 / (src.width * src.height));
  const img = resizeImage(src, Math.round(src.width * s), Math.round(src.height * s), 'bicubic');
  for (const c of img.channels) for (let i = 0; i < c.length; i++) c[i] = Math.min(1, Math.max(0, c[i]));
  const dir = mkdtempSync(path.join(tmpdir(), 'slic-bench-'));
  const file = path.join(dir, 'photo.png');
  await writeImage(file, img);
  const { DEFAULT_SLIC_TOLERANCE, defaultSegmentCount } = (
    await importBuilt<typeof SlicModule>('segment/slic')
  ).mod;
  const segments = defaultSegmentCount(img.width, img.height);
  // Energies are measured on the 8-bit pixels every implementation reads.
  const lab = rgbImageToLab((await readImage(file)).image).channels;
  const energy = (labels: Int32Array) => round(slicEnergy(labels, lab, img.width, img.height, segments), 4);
  const records: BenchRecord[] = [];
  for (const [impl, tolerance, repeats] of [
    [`ours (preemptive, default tolerance ${DEFAULT_SLIC_TOLERANCE})`, DEFAULT_SLIC_TOLERANCE, 8],
    ['ours (tolerance 0: every centre, 10 iterations)', 0, 3],
  ] as const) {
    const r = ourSlic(file, segments, tolerance, repeats, path.join(dir, 'ours.raw'));
    records.push({
      impl: `${impl}; ${r.build}`,
      size: `${img.width}x${img.height}`,
      segments,
      count: r.count,
      ms: round(r.ms, 1),
      energy: energy(new Int32Array(new Uint8Array(readFileSync(path.join(dir, 'ours.raw'))).buffer)),
    });
  }
  const py = python();
  if (!py) {
    records.push({
      impl: 'scikit-image',
      note: 'python3-skimage is not installed (apt-get install python3-skimage)',
    });
    rmSync(dir, { recursive: true, force: true });
    return records;
  }
  try {
    const labelFile = path.join(dir, 'labels.raw');
    const r = spawnSync(py, ['-c', SKIMAGE, file, String(segments), labelFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const [ms, count] = r.stdout.trim().split(/\s+/).map(Number);
    records.push({
      impl: 'scikit-image slic',
      size: `${img.width}x${img.height}`,
      segments,
      count,
      ms: round(ms, 1),
      energy: energy(new Int32Array(new Uint8Array(readFileSync(labelFile)).buffer)),
    });
    for (const rec of records.slice(0, 2)) rec.speedup = round(ms / (rec.ms as number), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return records;
}
