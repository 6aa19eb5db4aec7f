/**
 * One superpixel exemplar colorization case for the speed work of issue 15, in its own process:
 * the transfer_8 pair of ../shared/data/exemplar resized (bicubic) to size × size, the target
 * made gray; a warm-up call, then `runs` calls, each with a cold reference cache (the whole pair
 * end to end, as a single colorization pays it). Prints per call wall and CPU time (user + system
 * of the process, ONNX Runtime's threads included) and the stage timings; with --json, one JSON
 * line with every call and the process's peak RSS.
 *
 *   node --import tsx scripts/profile-superpixel.ts [size=512] [runs=3] [--features vgg19|handcrafted]
 *        [--root DIR] [--json]
 *
 * --root runs the pipeline of another checkout (e.g. /work/main, the code before a change) from
 * this script, so two versions are measured the same way. For profiles add
 * `--cpu-prof --cpu-prof-dir=/tmp/prof-sp` after `node`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const json = args.includes('--json');
if (json) args.splice(args.indexOf('--json'), 1);
const root = path.resolve(flag('--root') ?? path.resolve(import.meta.dirname, '..'));
const features = flag('--features') ?? 'vgg19';
const size = Number(args[0] ?? 512);
const runs = Number(args[1] ?? 3);
const mod = (p: string) => import(pathToFileURL(path.join(root, 'src', p)).href);

const { lumaOf } = await mod('color/linear-spaces.ts');
const { fromPlanes } = await mod('image/image.ts');
const { readImage } = await mod('image/io.ts');
const { resizeImage } = await mod('image/resize.ts');
const { clearSuperpixelReferenceCache, superpixelColorize } = await mod(
  'methods/exemplar/superpixel/pipeline.ts',
);

const shared = process.env.COLORIZE_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');
const src = async (f: string) => (await readImage(path.join(shared, 'data/exemplar', f))).image;
const truth = resizeImage(await src('transfer_8_target.jpg'), size, size, 'bicubic');
const reference = resizeImage(await src('transfer_8_reference.jpg'), size, size, 'bicubic');
const gray = fromPlanes(size, size, [lumaOf(truth).slice()]);

interface Call {
  wall_ms: number;
  cpu_ms: number;
  timings: Record<string, number>;
  superpixels: string;
  /** Exponents computed per pixel by the fusion. */
  terms: number;
}
const calls: Call[] = [];
for (let k = -1; k < runs; k++) {
  clearSuperpixelReferenceCache();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await superpixelColorize(gray, reference, { features });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const call: Call = {
    wall_ms: wall,
    cpu_ms: (c.user + c.system) / 1000,
    timings: r.timings,
    superpixels: `${r.superpixels.target}/${r.superpixels.reference}`,
    terms: r.fusion.termsPerPixel,
  };
  if (k >= 0) calls.push(call);
  if (!json) {
    const st = Object.entries(call.timings)
      .map(([s, v]) => `${s} ${v.toFixed(0)}`)
      .join(', ');
    console.log(
      `${size}² ${k < 0 ? 'warm-up' : `run ${k}`}: wall ${wall.toFixed(0)} ms, CPU ${call.cpu_ms.toFixed(0)} ms; ${st}; fusion terms/pixel ${call.terms.toFixed(0)}`,
    );
  }
}
if (json)
  console.log(
    JSON.stringify({ root, size, features, calls, peak_rss_mib: process.resourceUsage().maxRSS / 1024 }),
  );
