/**
 * Exemplar colorization by Gram-matrix optimisation (report §4.2–4.4; Gatys, Ecker & Bethge
 * 2016): an image is optimised at a working size so that its VGG-19 features match the gray
 * target's (content, eq. 10) and its Gram matrices match the colour reference's (style); its
 * chroma is then brought to full size by the finish stage and recombined with the target's own
 * luminance, so the output's structure is exactly the gray input's.
 */
import { rgbImageToLab } from '../../../color/lab.js';
import { lumaOf, rgbToLumaChroma } from '../../../color/linear-spaces.js';
import { ColorizeError } from '../../../errors.js';
import { finish } from '../../../finish/finish.js';
import { fromPlanes, type ImageF32 } from '../../../image/image.js';
import { fitWithin, resizeImage } from '../../../image/resize.js';
import type { VggConvName } from '../../../models/vgg19-grad.js';
import type { MatrixOps } from './loss.js';
import { onnxMatrixOps } from './matrix-ops.js';
import { VggNetwork } from './network.js';
import { GramObjective } from './objective.js';
import { adam, lbfgs, type OptimizeResult } from './optimizers.js';
import {
  type GramOptions,
  type GramProgress,
  type ResolvedGramOptions,
  resolveGramOptions,
} from './options.js';

export interface GramResult {
  /** Full-resolution sRGB result. */
  rgb: ImageF32;
  /** The optimised image at working size (its own luminance, before recombination). */
  optimized: ImageF32;
  /** Chroma planes at working size, in `space`. */
  chroma: ImageF32;
  /** Loss after every iteration (index 0: the initial image), and its parts at the end. */
  losses: number[];
  progress: GramProgress[];
  iterations: number;
  evaluations: number;
  stopped: OptimizeResult['stopped'];
  /** Milliseconds: setup (targets), optimise, finish. */
  timings: Record<string, number>;
}

/** Working size within `maxSide`, both sides rounded down to multiples of 4 (two 2×2 poolings). */
export function gramWorkingSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const s = fitWithin(width, height, maxSide);
  return { width: Math.max(4, s.width - (s.width % 4)), height: Math.max(4, s.height - (s.height % 4)) };
}

function grayAsRgb(img: ImageF32): ImageF32 {
  const y = img.channels.length === 1 ? img.channels[0] : lumaOf(img);
  return fromPlanes(img.width, img.height, [y.slice(), y.slice(), y.slice()]);
}

/**
 * Colours `target` (gray, or colour whose own colours are ignored) from the colour `reference`.
 *
 * @example
 * ```ts
 * import { gramColorize, readImage } from 'colorize-toolkit';
 * const { image: gray } = await readImage('examples/scene_gray.png');
 * const { image: ref } = await readImage('examples/sunset.png');
 * const r = await gramColorize(gray, ref, { workingSize: 64, iterations: 5 });
 * console.log(r.rgb.width === gray.width, r.losses.length); // true 6
 * ```
 */
export async function gramColorize(
  target: ImageF32,
  reference: ImageF32,
  options: GramOptions = {},
  ops?: MatrixOps,
): Promise<GramResult> {
  const o: ResolvedGramOptions = resolveGramOptions(options);
  if (reference.channels.length !== 3)
    throw new ColorizeError(
      'the reference image is gray: exemplar colorization needs a colour reference',
      'input',
    );
  for (const [name, im] of [
    ['target', target],
    ['reference', reference],
  ] as const)
    if (im.width < 16 || im.height < 16)
      throw new ColorizeError(
        `the ${name} image is ${im.width}×${im.height}; it must be at least 16×16 pixels`,
        'input',
      );
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = t - t0;
    t0 = t;
  };

  const ts = gramWorkingSize(target.width, target.height, o.workingSize);
  const rs = gramWorkingSize(reference.width, reference.height, o.workingSize);
  const content = grayAsRgb(resizeImage(target, ts.width, ts.height, 'area'));
  const style = resizeImage(reference, rs.width, rs.height, 'area');
  const layers = [
    ...new Set([...Object.keys(o.contentLayers), ...Object.keys(o.styleLayers)]),
  ] as VggConvName[];
  const [net, matrixOps] = await Promise.all([VggNetwork.open(layers), ops ?? onnxMatrixOps()]);
  const objective = await GramObjective.create(
    net,
    matrixOps,
    content,
    style,
    o.contentLayers,
    o.styleLayers,
  );

  // §4.3.2: start from the average of the content and style images (the style resized to the content's grid).
  const n = ts.width * ts.height;
  const x0 = new Float32Array(3 * n);
  const styleOnGrid = o.init === 'average' ? resizeImage(reference, ts.width, ts.height, 'area') : null;
  for (let k = 0; k < 3; k++)
    for (let i = 0; i < n; i++)
      x0[k * n + i] = styleOnGrid
        ? 0.5 * (content.channels[k][i] + styleOnGrid.channels[k][i])
        : content.channels[k][i];
  lap('setup');

  const asImage = (x: Float32Array): ImageF32 =>
    fromPlanes(ts.width, ts.height, [x.subarray(0, n), x.subarray(n, 2 * n), x.subarray(2 * n)]);
  let last = { content: 0, style: 0 };
  const progress: GramProgress[] = [];
  const f = async (x: Float32Array) => {
    const e = await objective.evaluate(asImage(x));
    last = e;
    const grad = new Float32Array(3 * n);
    e.grad.forEach((g, k) => {
      grad.set(g, k * n);
    });
    return { loss: e.loss, grad };
  };
  const run = o.optimizer === 'adam' ? adam : lbfgs;
  const res = await run(f, x0, {
    iterations: o.iterations,
    tolerance: o.tolerance,
    window: o.window,
    learningRate: o.optimizer === 'adam' ? o.learningRate : 0.05,
    bounds: [0, 1],
    onIteration: (iteration, loss) => {
      const p = { iteration, loss, content: last.content, style: last.style };
      progress.push(p);
      o.onProgress?.(p);
    },
  });
  lap('optimize');

  const optimized = asImage(res.x);
  const lc = o.space === 'lab' ? rgbImageToLab(optimized) : rgbToLumaChroma(optimized, 'yuv');
  const chroma = fromPlanes(ts.width, ts.height, [lc.channels[1], lc.channels[2]]);
  const rgb = finish({ original: target, chroma, space: o.space }, o.finish);
  lap('finish');
  return {
    rgb,
    optimized: fromPlanes(
      ts.width,
      ts.height,
      optimized.channels.map((c) => c.slice()),
    ),
    chroma,
    losses: res.losses,
    progress,
    iterations: res.iterations,
    evaluations: res.evaluations,
    stopped: res.stopped,
    timings,
  };
}
