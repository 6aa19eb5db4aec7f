/**
 * Gram-matrix colorization (report §4): one forward + backward pass of the VGG-19 graphs
 * (models/vgg19-grad.ts) at 256² and 512², one whole optimiser iteration (forward, losses and
 * Gram products, backward) with the default layers, and whole runs with the defaults on the
 * project's example pair (384×256, so the working images are 256×168 and 384×256 at 512) against
 * the old objective run to convergence with L-BFGS in the same process (the reference).
 */

import { createImage } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { onnxMatrixOps } from '../src/methods/exemplar/gram/matrix-ops.js';
import { VggNetwork } from '../src/methods/exemplar/gram/network.js';
import { GramObjective } from '../src/methods/exemplar/gram/objective.js';
import { GRAM_DEFAULTS } from '../src/methods/exemplar/gram/options.js';
import { gramColorize } from '../src/methods/exemplar/gram/pipeline.js';
import type { VggConvName } from '../src/models/vgg19-grad.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round, timeAsync } from './util.js';

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const layers = ['conv1_1', 'conv1_2', 'conv2_1', 'conv2_2', 'conv3_1'] as VggConvName[];
  const net = await VggNetwork.open(layers);
  const ops = await onnxMatrixOps();
  const { image: gray } = await readImage('examples/scene_gray.png');
  const { image: ref } = await readImage('examples/sunset.png');
  for (const size of [256, 512]) {
    const img = createImage(size, size, 3);
    for (const c of img.channels) for (let i = 0; i < c.length; i++) c[i] = Math.random();
    const feats = await net.features(img);
    const fwd = await timeAsync(() => net.features(img));
    const bwd = await timeAsync(() => net.gradient(img, feats));
    const content = resizeImage(img, size, size);
    const obj = await GramObjective.create(
      net,
      ops,
      content,
      img,
      GRAM_DEFAULTS.contentLayers,
      GRAM_DEFAULTS.styleLayers,
    );
    const iter = await timeAsync(() => obj.evaluate(img));
    records.push({
      what: `${size}²`,
      forward_ms: round(fwd.ms, 0),
      backward_ms: round(bwd.ms, 0),
      iteration_ms: round(iter.ms, 0),
      iterations: null,
      total_s: null,
    });
  }
  // The defaults (Gatys normalisation, two levels, 20 iterations at the working size) at 256 and
  // 512, against the reference in the same run: the old objective with L-BFGS to convergence at
  // 256 (issue 15: 83 s), capped at 300 iterations.
  const runs: Array<[string, Parameters<typeof gramColorize>[2]]> = [
    ['defaults, long side 256', { workingSize: 256 }],
    ['defaults, long side 512, content 0.5 (fig. 37)', { workingSize: 512, contentLayers: { conv3_1: 0.5 } }],
    [
      'reference: relative, one level, L-BFGS ≤ 300, long side 256',
      { workingSize: 256, normalization: 'relative', levels: 1, optimizer: 'lbfgs', iterations: 300 },
    ],
  ];
  for (const [what, o] of runs) {
    const t0 = performance.now();
    const r = await gramColorize(gray, ref, o);
    const s = (performance.now() - t0) / 1000;
    records.push({
      what: `example pair, ${what}: ${r.stopped}`,
      forward_ms: null,
      backward_ms: null,
      iteration_ms: round(r.timings.optimize / r.iterations, 0),
      iterations: r.iterations,
      evaluations: r.evaluations,
      total_s: round(s, 1),
    });
  }
  records.push({ what: 'peak RSS MiB', forward_ms: round(peakRssMiB(), 0) });
  return records;
}
