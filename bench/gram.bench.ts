/**
 * Gram-matrix colorization (report §4): one forward + backward pass of the VGG-19 graphs
 * (models/vgg19-grad.ts) at 256² and 512², one whole optimiser iteration (forward, losses and
 * Gram products, backward) with the default layers, and a full run to the adaptive stop on the
 * project's example pair (384×256, so the working images are 256×168 and 384×256 at 512). Reference figure: the plain forward pass of the same layers.
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
    // 512²: capped at 100 iterations to keep the benchmark under ten minutes on two cores.
    const cap = size === 256 ? 300 : 100;
    for (const optimizer of ['adam', 'lbfgs'] as const) {
      const t0 = performance.now();
      const r = await gramColorize(gray, ref, { workingSize: size, optimizer, iterations: cap });
      const s = (performance.now() - t0) / 1000;
      records.push({
        what: `example pair, long side ${size}, ${optimizer} (cap ${cap}): ${r.stopped}`,
        forward_ms: null,
        backward_ms: null,
        iteration_ms: round(r.timings.optimize / r.iterations, 0),
        iterations: r.iterations,
        evaluations: r.evaluations,
        total_s: round(s, 1),
      });
    }
  }
  records.push({ what: 'peak RSS MiB', forward_ms: round(peakRssMiB(), 0) });
  return records;
}
