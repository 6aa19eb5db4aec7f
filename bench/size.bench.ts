/**
 * Size (issue 21): every catalogue method on a 24-megapixel photo (6000×4000, 8-bit JPEG) and on a
 * 6000×4000 16-bit TIFF, each run as a child process of the real command line (`dist/cli/main.js`,
 * as `npx colorize` runs it) under `/usr/bin/time -f %M`, which reports the child's peak resident
 * set size. Checks that the output has the input's size and that the 16-bit input gives a 16-bit
 * output. The reference, measured in the same run on the same files, is the floor: a child that
 * only decodes the input and writes it back through the same output code (bench/size-floor.mjs).
 *
 * Inputs are built at run time in a temporary folder from ../shared/data (never stored):
 *  - the photo: val/bsds500_100007.jpg upscaled (Lanczos) to the size, saved as an 8-bit JPEG
 *    and as a 16-bit RGB TIFF (through raw `ushort` samples: sharp's `.tiff()` alone writes 8 bits), and its
 *    gray versions (8-bit JPEG, 16-bit grey16 TIFF) for the gray-target methods;
 *  - the reference for transfer/exemplar: val/bsds500_101027.jpg upscaled to the same size (JPEG);
 *  - strokes for levin/poisson: scribbles/flower_gray.png and flower_marked.png upscaled with the
 *    nearest-neighbour kernel (so outside the strokes the marked image still equals the gray one
 *    exactly), gray as 8-bit PNG or 16-bit TIFF, marked as 8-bit PNG.
 *
 *   npm run bench -- size
 *   SIZE_MP=6 npm run bench -- size          (smaller photos for exploration; default 24)
 *   SIZE_METHODS=levin,cheng SIZE_CASES=8bit npm run bench -- size
 *
 * The build used is dist/ (run `npm run build` after changing src/). Peak RSS is trustworthy on a
 * loaded machine; the wall times are not (this machine is shared: they are pessimistic).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { BenchRecord } from './run.js';
import { round } from './util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(root, '../shared');
const LIMIT_MIB = 2048;

interface Case {
  name: '8bit' | '16bit';
  color: string;
  gray: string;
  scribbleGray: string;
  marked: string;
  reference: string;
  ext: string;
}

/** How each catalogue method is called: family command, inputs and output extension per case. */
function commandFor(method: string, family: string, c: Case, out: string): string[] {
  switch (family) {
    case 'scribbles':
      return ['scribble', c.scribbleGray, c.marked, '-o', out, '--method', method];
    case 'transfer':
      // Reinhard et al. recolour a colour target (a gray one is refused); the others take the gray.
      return [
        'transfer',
        method === 'reinhard' ? c.color : c.gray,
        c.reference,
        '-o',
        out,
        '--method',
        method,
      ];
    case 'exemplar':
      return ['exemplar', c.gray, c.reference, '-o', out, '--method', method];
    case 'automatic':
      return ['auto', c.gray, '-o', out, '--method', method];
    default:
      throw new Error(`size bench: no command for family ${family}`);
  }
}

interface ChildRun {
  code: number | null;
  peakMiB: number;
  seconds: number;
  stderr: string;
}

function runChild(args: string[], timeoutS: number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /PEAK_KB=(\d+)/.exec(stderr);
      resolve({
        code,
        peakMiB: m ? Number(m[1]) / 1024 : Number.NaN,
        seconds: (performance.now() - t0) / 1000,
        stderr: stderr.replace(/PEAK_KB=\d+\s*$/, '').trim(),
      });
    });
  });
}

/**
 * Writes a 16-bit TIFF (LZW) of `pipe`. sharp's `.tiff()` alone writes 8 bits: the samples go
 * through raw `ushort` data, as the toolkit's own writer does.
 */
async function deepTiff(pipe: sharp.Sharp, space: 'rgb16' | 'grey16', file: string): Promise<void> {
  const { data, info } = await pipe
    .toColourspace(space)
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true });
  const samples = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  await sharp(samples, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .toColourspace(space)
    .tiff({ compression: 'lzw' })
    .toFile(file);
}

async function buildInputs(dir: string, W: number, H: number): Promise<Case[]> {
  const photo = path.join(shared, 'data/val/bsds500_100007.jpg');
  const refPhoto = path.join(shared, 'data/val/bsds500_101027.jpg');
  const big = () => sharp(photo).resize(W, H, { fit: 'fill', kernel: 'lanczos3' });
  const f = (n: string) => path.join(dir, n);
  await big().jpeg({ quality: 92 }).toFile(f('photo.jpg'));
  await big().grayscale().jpeg({ quality: 92 }).toFile(f('photo_gray.jpg'));
  await deepTiff(big(), 'rgb16', f('photo16.tif'));
  await deepTiff(big(), 'grey16', f('photo16_gray.tif'));
  await sharp(refPhoto)
    .resize(W, H, { fit: 'fill', kernel: 'lanczos3' })
    .jpeg({ quality: 92 })
    .toFile(f('reference.jpg'));
  const near = (n: string) =>
    sharp(path.join(shared, 'data/scribbles', n)).resize(W, H, { fit: 'fill', kernel: 'nearest' });
  await near('flower_gray.png')
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toFile(f('strokes_gray.png'));
  await deepTiff(near('flower_gray.png'), 'grey16', f('strokes_gray16.tif'));
  await near('flower_marked.png').png({ compressionLevel: 1 }).toFile(f('strokes_marked.png'));
  return [
    {
      name: '8bit',
      color: f('photo.jpg'),
      gray: f('photo_gray.jpg'),
      scribbleGray: f('strokes_gray.png'),
      marked: f('strokes_marked.png'),
      reference: f('reference.jpg'),
      ext: '.jpg',
    },
    {
      name: '16bit',
      color: f('photo16.tif'),
      gray: f('photo16_gray.tif'),
      scribbleGray: f('strokes_gray16.tif'),
      marked: f('strokes_marked.png'),
      reference: f('reference.jpg'),
      ext: '.tif',
    },
  ];
}

export default async function (): Promise<BenchRecord[]> {
  const mp = Number(process.env.SIZE_MP ?? 24);
  // 3:2 like the 6000×4000 of the issue (24 MP), rounded to even sizes.
  const W = Math.round(Math.sqrt((mp * 1e6 * 3) / 2) / 2) * 2;
  const H = Math.round((W * 2) / 3 / 2) * 2;
  const cli = path.join(root, 'dist/cli/main.js');
  if (!existsSync(cli)) throw new Error('size bench: dist/ is missing; run `npm run build` first');
  const launcher = path.join(root, 'packages/colorize-cli/colorize.js');
  const newestSrc = Math.max(
    ...['src/methods', 'src/finish', 'src/cli', 'src/image', 'src/filters'].map(
      (d) => statSync(path.join(root, d)).mtimeMs,
    ),
  );
  if (statSync(cli).mtimeMs < newestSrc) console.log('size bench: warning: dist/ may be older than src/');
  const { methods: listing } = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [launcher, 'methods', '--json'], { cwd: root });
      let s = '';
      p.stdout.on('data', (d) => {
        s += d;
      });
      p.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error('colorize methods failed'))));
    }),
  ) as { methods: Array<{ name: string; family: string }> };
  const only = process.env.SIZE_METHODS?.split(',').filter(Boolean);
  const methods = listing.filter((m) => !only || only.includes(m.name));
  const cases = process.env.SIZE_CASES?.split(',').filter(Boolean);
  const timeoutS = Number(process.env.SIZE_TIMEOUT_S ?? 3600);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'colorize-size-'));
  const records: BenchRecord[] = [];
  try {
    console.log(`size bench: ${W}×${H} (${round((W * H) / 1e6, 1)} MP) inputs in ${dir}`);
    const all = await buildInputs(dir, W, H);
    for (const c of all.filter((x) => !cases || cases.includes(x.name))) {
      // The floor: decode the photo and write it back through the command line's output code.
      const floorOut = path.join(dir, `floor${c.ext}`);
      const floor = await runChild([path.join(root, 'bench/size-floor.mjs'), c.color, floorOut], timeoutS);
      if (floor.code !== 0) throw new Error(`size bench: floor failed: ${floor.stderr}`);
      records.push({
        case: c.name,
        method: '(floor: decode + write)',
        family: '',
        peakMiB: round(floor.peakMiB, 0),
        overFloorMiB: 0,
        seconds: round(floor.seconds, 1),
        ok: true,
        note: '',
      });
      console.log(`  ${c.name} floor: ${round(floor.peakMiB, 0)} MiB`);
      for (const m of methods) {
        const out = path.join(dir, `${m.name}-${c.name}${c.ext}`);
        const r = await runChild([launcher, ...commandFor(m.name, m.family, c, out)], timeoutS);
        let ok = r.code === 0;
        let note = ok ? '' : `exit ${r.code}: ${r.stderr.split('\n').slice(-2).join(' ').slice(0, 200)}`;
        if (ok) {
          const meta = await sharp(out).metadata();
          const deep = meta.depth === 'ushort';
          if (meta.width !== W || meta.height !== H) {
            ok = false;
            note = `output ${meta.width}×${meta.height}, expected ${W}×${H}`;
          } else if (c.name === '16bit' && !deep) {
            ok = false;
            note = `16-bit input gave ${meta.depth} output`;
          }
          rmSync(out, { force: true });
        }
        if (ok && r.peakMiB > LIMIT_MIB) {
          ok = false;
          note = `peak RSS over ${LIMIT_MIB} MiB`;
        }
        const rec: BenchRecord = {
          case: c.name,
          method: m.name,
          family: m.family,
          peakMiB: round(r.peakMiB, 0),
          overFloorMiB: round(r.peakMiB - floor.peakMiB, 0),
          seconds: round(r.seconds, 1),
          ok,
          note,
        };
        records.push(rec);
        console.log(
          `  ${c.name} ${m.name}: ${rec.peakMiB} MiB, ${rec.seconds} s ${ok ? 'ok' : `FAIL ${note}`}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = {
    size: `${W}x${H}`,
    load: os
      .loadavg()
      .map((x) => round(x, 2))
      .join(' '),
    cpus: os.cpus().length,
  };
  console.log(`size bench: ${JSON.stringify(summary)}`);
  for (const r of records) {
    r.size = summary.size;
    r.loadAtEnd = summary.load;
  }
  return records;
}
