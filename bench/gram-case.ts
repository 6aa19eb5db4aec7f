/**
 * One measurement of bench/gram.bench.ts, run in its own process so peak memory belongs to it:
 *   node --import tsx bench/gram-case.ts eval <size> <fused|separate>
 *   node --import tsx bench/gram-case.ts run <true256|true512|pair256|pair512|reference> <fused|separate>
 * Prints one JSON line. Wall time (performance.now) and CPU time (process.cpuUsage: user + system
 * of the whole process, ONNX Runtime's threads included) of the measured part only (not Node's
 * start-up or reading the images); load average (1 min) when the case started.
 *
 * Images: the project's example pair (examples/scene_gray.png 384 × 256, examples/sunset.png),
 * either as they are ("pair": working 256 × 168 at long side 256, 384 × 256 at 512 since the
 * finish never enlarges) or stretched (bilinear) to a true size² ("true256", "true512").
 */
import { loadavg } from 'node:os';
import { fromPlanes, type ImageF32 } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { onnxMatrixOps } from '../src/methods/exemplar/gram/matrix-ops.js';
import { VggNetwork } from '../src/methods/exemplar/gram/network.js';
import { GramObjective } from '../src/methods/exemplar/gram/objective.js';
import {
  GRAM_DEFAULTS,
  type GramEvaluation,
  type GramOptions,
} from '../src/methods/exemplar/gram/options.js';
import { gramColorize } from '../src/methods/exemplar/gram/pipeline.js';
import type { VggConvName } from '../src/models/vgg19-grad.js';
import { peakRssMiB, round } from './util.js';

const [kind, what, evalArg] = process.argv.slice(2);
const evaluation = (evalArg ?? 'fused') as GramEvaluation;
const load = loadavg()[0];
const { image: gray } = await readImage('examples/scene_gray.png');
const { image: ref } = await readImage('examples/sunset.png');

/** Wall and CPU seconds of `fn`. */
async function measure<T>(fn: () => Promise<T>): Promise<{ wall: number; cpu: number; result: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, result };
}

const stretched = (im: ImageF32, s: number) => resizeImage(im, s, s, 'bilinear');
let out: Record<string, number | string | null | undefined>;

if (kind === 'eval') {
  // Per evaluation at size² on the stretched pair, starting image = average of content and style
  // (the optimiser's start): median of 5 after 2 warm-up runs.
  const size = Number(what);
  const layers = [
    ...new Set([...Object.keys(GRAM_DEFAULTS.contentLayers), ...Object.keys(GRAM_DEFAULTS.styleLayers)]),
  ];
  const net = await VggNetwork.open(layers as VggConvName[], { memPattern: evaluation === 'separate' });
  const y = stretched(gray, size).channels[0];
  const content = fromPlanes(size, size, [y.slice(), y.slice(), y.slice()]);
  const style = stretched(ref, size);
  const x = fromPlanes(
    size,
    size,
    content.channels.map((c, k) => Float32Array.from(c, (v, i) => 0.5 * (v + style.channels[k][i]))),
  );
  const obj = await GramObjective.create(
    net,
    await onnxMatrixOps(),
    content,
    style,
    GRAM_DEFAULTS.contentLayers,
    GRAM_DEFAULTS.styleLayers,
    GRAM_DEFAULTS.normalization,
    evaluation,
  );
  const median = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i++) await fn();
    const runs: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) runs.push(await measure(fn));
    const mid = (k: 'wall' | 'cpu') => runs.map((r) => r[k]).sort((a, b) => a - b)[2] * 1000;
    return { wall: mid('wall'), cpu: mid('cpu') };
  };
  const e = await median(() => obj.evaluate(x));
  const parts =
    evaluation === 'separate'
      ? {
          forward_ms: round((await median(() => net.features(x))).wall, 0),
          backward_ms: await (async () => {
            const feats = await net.features(x);
            return round((await median(() => net.gradient(x, feats))).wall, 0);
          })(),
        }
      : {};
  out = {
    case: `one evaluation ${size}², ${evaluation}`,
    wall_ms: round(e.wall, 0),
    cpu_ms: round(e.cpu, 0),
    ...parts,
  };
} else {
  const runs: Record<string, { images: () => [ImageF32, ImageF32]; options: GramOptions; label: string }> = {
    true256: {
      images: () => [stretched(gray, 256), stretched(ref, 256)],
      options: { workingSize: 256 },
      label: 'defaults, pair stretched to 256 × 256',
    },
    true512: {
      images: () => [stretched(gray, 512), stretched(ref, 512)],
      options: { workingSize: 512, contentLayers: { conv3_1: 0.5 } },
      label: 'defaults, content 0.5 (fig. 37), pair stretched to 512 × 512',
    },
    pair256: {
      images: () => [gray, ref],
      options: { workingSize: 256 },
      label: 'defaults, pair as is, long side 256 (256 × 168)',
    },
    pair512: {
      images: () => [gray, ref],
      options: { workingSize: 512, contentLayers: { conv3_1: 0.5 } },
      label: 'defaults, content 0.5, pair as is, long side 512 (384 × 256)',
    },
    reference: {
      images: () => [gray, ref],
      options: {
        workingSize: 256,
        normalization: 'relative',
        levels: 1,
        optimizer: 'lbfgs',
        iterations: 300,
      },
      label: 'before issue 15: relative, one level, L-BFGS ≤ 300, long side 256',
    },
  };
  const r = runs[what];
  if (!r) throw new Error(`unknown run ${what}`);
  const [g, s] = r.images();
  const m = await measure(() => gramColorize(g, s, { ...r.options, evaluation }));
  const res = m.result;
  out = {
    case: `${r.label}, ${evaluation}`,
    working: `${res.optimized.width}×${res.optimized.height}`,
    iterations: res.iterations,
    evaluations: res.evaluations,
    stopped: res.stopped,
    final_loss: Number(res.losses[res.losses.length - 1].toPrecision(5)),
    wall_s: round(m.wall, 1),
    cpu_s: round(m.cpu, 1),
    optimize_s: round(res.timings.optimize / 1000, 1),
  };
}
console.log(JSON.stringify({ ...out, peak_rss_mib: round(peakRssMiB(), 0), load_1min: round(load, 2) }));
