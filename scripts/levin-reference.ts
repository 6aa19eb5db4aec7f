/**
 * Runs scripts/levin_exact.py (Levin et al.'s getColorExact.m ported to scipy) on a problem made
 * here: the independent reference for the `levin` system. Used by the fixture maker below, the
 * scribble benchmark and scripts/eval-scribble-systems.ts.
 *
 *   node --import tsx scripts/levin-reference.ts fixture   # writes test/fixtures/levin-scipy-scene.json
 *   node --import tsx scripts/levin-reference.ts sparse-fixture bsds500_140006.jpg 2
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LinearSpace, lumaOf } from '../src/color/linear-spaces.js';
import { cropImage, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { grayPlane, strokeChroma } from '../src/methods/scribbles/levin/levin.js';
import { type StrokeSet, strokesFromMarked } from '../src/methods/scribbles/strokes.js';
import { sparseStrokes } from './stroke-simulation.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PYTHON = process.env.COLORIZE_PYTHON ?? '/usr/bin/python3';

export interface ScipyReference {
  /** The two chroma planes of the exact solve. */
  planes: Float32Array[];
  /** scipy's timings and versions as the script reports them. */
  info: {
    scipy: string;
    buildMs: number;
    factorMs: number;
    solveMs: number;
    totalMs: number;
    pyamg: unknown;
  };
}

/** Solves Levin et al.'s system for `gray` and `strokes` with scipy (splu), in `space`. */
export function scipyLevin(gray: ImageF32, strokes: StrokeSet, space: LinearSpace = 'yuv'): ScipyReference {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'levin-ref-'));
  try {
    const { width, height } = gray;
    writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ width, height }));
    writeFileSync(path.join(dir, 'Y.f32'), Buffer.from(grayPlane(gray).buffer));
    writeFileSync(path.join(dir, 'mask.u8'), Buffer.from(strokes.mask.buffer));
    const [u, v] = strokeChroma(strokes, space);
    const both = new Float32Array(2 * width * height);
    both.set(u, 0);
    both.set(v, width * height);
    writeFileSync(path.join(dir, 'chroma.f32'), Buffer.from(both.buffer));
    const run = spawnSync(PYTHON, [path.join(here, 'levin_exact.py'), dir], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`levin_exact.py failed: ${run.stderr || run.error}`);
    const raw = readFileSync(path.join(dir, 'solution.f32'));
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
    const n = width * height;
    return {
      planes: [all.slice(0, n), all.slice(n, 2 * n)],
      info: JSON.parse(readFileSync(path.join(dir, 'reference.json'), 'utf8')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixture's problem: a window of the example scene (our own pixels) with its strokes. */
export async function fixtureProblem(): Promise<{ gray: ImageF32; strokes: StrokeSet }> {
  const root = path.resolve(here, '..');
  const gray = (await readImage(path.join(root, 'examples/scene_gray.png'))).image;
  const marked = (await readImage(path.join(root, 'examples/scene_marked.png'))).image;
  const [x0, y0, w, h] = FIXTURE_WINDOW;
  const crop = (img: ImageF32): ImageF32 => cropImage(img, x0, y0, w, h);
  const g = crop(gray);
  return { gray: g, strokes: strokesFromMarked(g, crop(marked)) };
}

/** x, y, width, height of the fixture window in examples/scene_*.png (it holds strokes of 3 colours). */
export const FIXTURE_WINDOW = [96, 64, 144, 96] as const;

const main = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (main && process.argv[2] === 'fixture') {
  const { gray, strokes } = await fixtureProblem();
  const ref = scipyLevin(gray, strokes);
  let count = 0;
  for (const m of strokes.mask) count += m;
  const out = {
    about:
      "Levin et al.'s exact solve (getColorExact.m ported to scipy, scripts/levin_exact.py) on examples/scene_gray.png + scene_marked.png, window FIXTURE_WINDOW of scripts/levin-reference.ts, YUV",
    window: FIXTURE_WINDOW,
    strokePixels: count,
    scipy: ref.info.scipy,
    u: Buffer.from(ref.planes[0].buffer).toString('base64'),
    v: Buffer.from(ref.planes[1].buffer).toString('base64'),
  };
  writeFileSync(
    path.resolve(here, '../test/fixtures/levin-scipy-scene.json'),
    `${JSON.stringify(out, null, 1)}\n`,
  );
  console.log(`wrote test/fixtures/levin-scipy-scene.json (${count} stroke pixels)`);
}

/** Block size of the urban fixture's chroma means: an error over a whole pane shows in them. */
export const URBAN_FIXTURE_BLOCK = 10;

/** Means of `plane` (width × height) over blocks of `block` × `block` pixels (ragged at the edges). */
export function blockMeans(
  plane: ArrayLike<number>,
  width: number,
  height: number,
  block: number,
): Float32Array {
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const sum = new Float64Array(bw * bh);
  const cnt = new Float64Array(bw * bh);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const k = Math.floor(y / block) * bw + Math.floor(x / block);
      sum[k] += plane[y * width + x];
      cnt[k]++;
    }
  return Float32Array.from(sum, (s, k) => s / cnt[k]);
}

if (main && process.argv[2] === 'urban-fixture') {
  // One of the hard photos (scripts/hard-scribble-photos.ts), by default curban100_img_024: stroke-free
  // panels between railing bars, where a solve stopped on its residual was 0.26 dB from this exact
  // one (test/fixtures/levin-scipy-urban.json). Another, named after the command, goes to
  // test/fixtures/levin-scipy-<name>.json: curban100_img_056, whose balanced solve fails and is retried.
  const { HARD_LONG_SIDE, HARD_PHOTOS, hardCase } = await import('./hard-scribble-photos.js');
  const { psnr } = await import('../src/metrics/psnr.js');
  const { finish } = await import('../src/finish/finish.js');
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(here, '../../shared');
  // `urban-fixture NAME native SEED`: the photo at its own size, with that seed (the native survey's).
  const wanted = process.argv[3] ?? 'curban100_img_024.png';
  const native = process.argv[4] === 'native';
  const [name, seed] = native
    ? [wanted, Number(process.argv[5])]
    : (HARD_PHOTOS.find(([n]) => n === wanted) ?? ['', 0]);
  if (!name || !seed) throw new Error(`${wanted} is not one of HARD_PHOTOS (or give: native SEED)`);
  const fixture =
    wanted === 'curban100_img_024.png' && !native
      ? 'levin-scipy-urban.json'
      : `levin-scipy-${wanted.replace(/\.[a-z]+$/, '')}${native ? '-native' : ''}.json`;
  const longSide = native ? 'native' : HARD_LONG_SIDE;
  const made = await hardCase(path.join(shared, 'data/val'), name, seed, longSide);
  if (!made) throw new Error(`${name} is not a colour photo`);
  const { truth, gray, strokes } = made;
  const ref = scipyLevin(gray, strokes);
  const exact = finish({
    original: gray,
    chroma: { width: gray.width, height: gray.height, channels: ref.planes },
    space: 'yuv',
  });
  const means = ref.planes.map((p) => blockMeans(p, gray.width, gray.height, URBAN_FIXTURE_BLOCK));
  const out = {
    about:
      "Levin et al.'s exact solve (scripts/levin_exact.py, scipy) of a hard val photo made as scripts/hard-scribble-photos.ts makes it: its PSNR against the truth and its YUV chroma's block means",
    photo: name,
    seed,
    longSide,
    width: gray.width,
    height: gray.height,
    block: URBAN_FIXTURE_BLOCK,
    scipy: ref.info.scipy,
    exactPsnr: psnr(exact, truth),
    u: Buffer.from(means[0].buffer).toString('base64'),
    v: Buffer.from(means[1].buffer).toString('base64'),
  };
  writeFileSync(path.resolve(here, `../test/fixtures/${fixture}`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote test/fixtures/${fixture} (exact ${out.exactPsnr.toFixed(3)} dB)`);
}

/** Block size of the sparse-stroke fixtures' chroma means. */
export const SPARSE_FIXTURE_BLOCK = 4;

/**
 * A val photo at its own size with `count` strokes (stroke-simulation.ts, sparseStrokes; seed 7 +
 * the photo's index in the sorted folder): the cases of scripts/eval-scribble-sparse.ts and of the
 * sparse-stroke fixtures. Null for a gray photo (no colour to compare).
 */
export async function sparseCase(
  valDir: string,
  name: string,
  count: number,
): Promise<{ gray: ImageF32; strokes: StrokeSet } | null> {
  const names = readdirSync(valDir)
    .filter((n) => /\.(png|jpe?g)$/i.test(n))
    .sort();
  const k = names.indexOf(name);
  if (k < 0) throw new Error(`${name} is not in ${valDir}`);
  const truth = (await readImage(path.join(valDir, name))).image;
  if (truth.channels.length !== 3) return null;
  const gray = { width: truth.width, height: truth.height, channels: [lumaOf(truth)] };
  return { gray, strokes: sparseStrokes(truth.width, truth.height, count, 7 + k) };
}

if (main && process.argv[2] === 'sparse-fixture') {
  // `sparse-fixture NAME COUNT`: a val photo with COUNT strokes (scripts/eval-scribble-sparse.ts),
  // to test/fixtures/levin-scipy-<name>-<count>-strokes.json: its exact chroma's 4-px block means.
  const name = process.argv[3] ?? 'bsds500_140006.jpg';
  const count = Number(process.argv[4] ?? 2);
  const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(here, '../../shared');
  const made = await sparseCase(path.join(shared, 'data/val'), name, count);
  if (!made) throw new Error(`${name} is not a colour photo`);
  const { gray, strokes } = made;
  const ref = scipyLevin(gray, strokes);
  const means = ref.planes.map((p) => blockMeans(p, gray.width, gray.height, SPARSE_FIXTURE_BLOCK));
  const fixture = `levin-scipy-${name.replace(/\.[a-z]+$/, '')}-${count}-strokes.json`;
  const out = {
    about:
      "Levin et al.'s exact solve (scripts/levin_exact.py, scipy) of a val photo with a few strokes made as scripts/eval-scribble-sparse.ts makes them: its YUV chroma's block means",
    photo: name,
    strokes: count,
    width: gray.width,
    height: gray.height,
    block: SPARSE_FIXTURE_BLOCK,
    scipy: ref.info.scipy,
    u: Buffer.from(means[0].buffer).toString('base64'),
    v: Buffer.from(means[1].buffer).toString('base64'),
  };
  writeFileSync(path.resolve(here, `../test/fixtures/${fixture}`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote test/fixtures/${fixture}`);
}
