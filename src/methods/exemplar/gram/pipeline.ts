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
import { chromaParametrization, type ImageParametrization, rgbParametrization } from './parametrization.js';

export interface GramResult {
  /** Full-resolution sRGB result. */
  rgb: ImageF32;
  /** The optimised image at working size (its own luminance, before recombination). */
  optimized: ImageF32;
  /** Chroma planes at working size, in `space`. */
  chroma: ImageF32;
  /**
   * Loss after every iteration of the last (full-size) level (index 0: its starting image);
   * `progress` has every level's iterations.
   */
  losses: number[];
  progress: GramProgress[];
  /** Iterations and objective evaluations over all levels. */
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
 * import { gramColorize, readImage } from 'colorize-toolkit/internals';
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

  const layers = [
    ...new Set([...Object.keys(o.contentLayers), ...Object.keys(o.styleLayers)]),
  ] as VggConvName[];
  // The fused path uses the network only for the targets (once per level): its sessions are
  // opened without the memory pattern, which would otherwise hold a block the size of a run.
  const [net, matrixOps] = await Promise.all([
    VggNetwork.open(layers, { memPattern: o.evaluation === 'separate' }),
    ops ?? onnxMatrixOps(),
  ]);
  // Coarse-to-fine: level k works at workingSize / 2^k (coarsest first), each level starting from
  // the previous one's result resized; levels whose short side would fall below 32 are skipped.
  const sizes: { width: number; height: number }[] = [];
  for (let k = o.levels - 1; k >= 0; k--) {
    const s = gramWorkingSize(target.width, target.height, Math.max(16, Math.round(o.workingSize / 2 ** k)));
    if (k === 0 || Math.min(s.width, s.height) >= 32) sizes.push(s);
  }
  const ts = sizes[sizes.length - 1];
  const progress: GramProgress[] = [];
  let res: OptimizeResult | null = null;
  let x: Float32Array | null = null;
  let prev = ts;
  let done = 0;
  let evaluations = 0;
  let lastParam: ImageParametrization | null = null;
  for (let level = 0; level < sizes.length; level++) {
    const ls = sizes[level];
    const scale = ls.width / ts.width;
    const rs = gramWorkingSize(
      reference.width,
      reference.height,
      Math.max(16, Math.round(o.workingSize * scale)),
    );
    const content = grayAsRgb(resizeImage(target, ls.width, ls.height, 'area'));
    const style = resizeImage(reference, rs.width, rs.height, 'area');
    // Gatys's content sum grows with the number of positions, his style term does not: at a
    // coarse level the content weight is raised by the area ratio (weights act squared, hence the
    // square root), so every level optimises the same balance.
    const gain = o.normalization === 'gatys' ? Math.sqrt((ts.width * ts.height) / (ls.width * ls.height)) : 1;
    const contentLayers = Object.fromEntries(
      Object.entries(o.contentLayers).map(([k, w]) => [k, (w ?? 0) * gain]),
    );
    const objective = await GramObjective.create(
      net,
      matrixOps,
      content,
      style,
      contentLayers,
      o.styleLayers,
      o.normalization,
      o.evaluation,
    );
    const n = ls.width * ls.height;
    const yt = content.channels[0];
    const param =
      o.parametrization === 'chroma'
        ? chromaParametrization(yt, ls.width, ls.height, o.chromaFactor)
        : rgbParametrization(ls.width, ls.height);
    const np = param.planes;
    lastParam = param;
    const gn = param.gridWidth * param.gridHeight;
    const x0 = new Float32Array(np * gn);
    if (x === null) {
      if (param.kind === 'rgb') {
        // §4.3.2 (fig. 32): start from the average of the content and style images (the style
        // resized to the content's grid), or from the content image.
        const styleOnGrid = o.init === 'average' ? resizeImage(reference, ls.width, ls.height, 'area') : null;
        for (let k = 0; k < 3; k++)
          for (let i = 0; i < n; i++)
            x0[k * n + i] = styleOnGrid
              ? 0.5 * (content.channels[k][i] + styleOnGrid.channels[k][i])
              : content.channels[k][i];
      } else if (o.init === 'average') {
        // Chroma: the reference's mean (U, V) everywhere (no layout of the reference's), shrunk
        // into the gamut where the target's luma needs it; 'content' is c = 0, the gray target.
        const ref = rgbToLumaChroma(reference, 'yuv');
        for (let k = 0; k < 2; k++) {
          const plane = ref.channels[k + 1];
          let m = 0;
          for (let i = 0; i < plane.length; i++) m += plane[i];
          x0.fill(m / plane.length, k * gn, (k + 1) * gn);
        }
        param.project(x0);
      }
    } else {
      const pn = prev.width * prev.height;
      const planes = Array.from({ length: np }, (_, k) => x!.subarray(k * pn, (k + 1) * pn));
      const up = resizeImage(
        fromPlanes(prev.width, prev.height, planes),
        param.gridWidth,
        param.gridHeight,
        'bilinear',
      );
      up.channels.forEach((c, k) => {
        x0.set(c, k * gn);
      });
      param.project(x0);
    }
    if (level === 0) lap('setup');
    // Soft luma fidelity β Σ (Y(X) − Y_t)² (lumaWeight), scaled by the area ratio at coarse levels.
    const beta = o.lumaWeight * ((ts.width * ts.height) / n);
    let last = { content: 0, style: 0 };
    const f = async (v: Float32Array) => {
      const img = param.toImage(v);
      const e = await objective.evaluate(img);
      last = e;
      let loss = e.loss;
      if (beta > 0) {
        const [R, G, B] = img.channels;
        const [gR, gG, gB] = e.grad;
        for (let i = 0; i < n; i++) {
          const d = 0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i] - yt[i];
          loss += beta * d * d;
          const g = 2 * beta * d;
          gR[i] += 0.299 * g;
          gG[i] += 0.587 * g;
          gB[i] += 0.114 * g;
        }
      }
      return { loss, grad: param.pullBack(e.grad) };
    };
    const run = o.optimizer === 'adam' ? adam : lbfgs;
    const base = done;
    res = await run(f, x0, {
      lineSearch: o.optimizer !== 'lbfgs-fixed',
      // A level at 1/2^k of the working size costs about 4^-k of an iteration there: it gets
      // 2^k times the iterations (so all coarse levels together cost less than the last).
      iterations: o.iterations * 2 ** (sizes.length - 1 - level),
      tolerance: o.tolerance,
      window: o.window,
      learningRate: o.optimizer === 'adam' ? o.learningRate : 0.05,
      project: param.project,
      onIteration: (iteration, loss) => {
        const p = {
          iteration: base + iteration,
          loss,
          content: last.content,
          style: last.style,
          level: sizes.length - 1 - level,
        };
        progress.push(p);
        o.onProgress?.(p);
      },
    });
    done += res.iterations;
    evaluations += res.evaluations;
    x = res.x;
    prev = { width: param.gridWidth, height: param.gridHeight };
  }
  if (!res || !x) throw new Error('gram: no optimisation level');
  lap('optimize');
  if (!lastParam) throw new Error('gram: no optimisation level');
  // X(v) of the last level: the pixels, or Y_t·(1, 1, 1) + M·c (its luma is the target's).
  const optimized = lastParam.toImage(res.x);
  const lc = o.space === 'lab' ? rgbImageToLab(optimized) : rgbToLumaChroma(optimized, 'yuv');
  const chroma = fromPlanes(ts.width, ts.height, [lc.channels[1], lc.channels[2]]);
  const rgb = finish({ original: target, chroma, space: o.space }, o.finish);
  lap('finish');
  return {
    rgb,
    optimized,
    chroma,
    losses: res.losses,
    progress,
    iterations: done,
    evaluations,
    stopped: res.stopped,
    timings,
  };
}
