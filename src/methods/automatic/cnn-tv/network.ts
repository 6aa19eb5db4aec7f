/**
 * The colour-distribution CNN (Mouzon et al. §2, after Zhang et al. 2016): the frozen ImageNet
 * MobileNetV2 runs on the gray image squashed to 224 × 224, and our light head (trained here, see
 * training/cnn/) turns its stride-4/8/16/32 feature maps plus the gray image at 1/4 into 313-bin
 * logits on the 56 × 56 grid. Training (training/cnn/prepare.ts) calls {@link headInputs} too, so
 * the head always sees features computed exactly as at inference.
 */
import { promises as fs } from 'node:fs';
import { type AbBins, parseAbBins } from '../../../color/ab-bins.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizeImage, resizePlane } from '../../../image/resize.js';
import { deeplabProbabilities } from '../../../models/deeplab.js';
import { requireModelFile } from '../../../models/locate.js';
import { mobileNetV2Features } from '../../../models/mobilenet-v2.js';
import '../../../models/catalogue.js';
import { requireModel } from '../../../models/registry.js';
import { loadOrt, onnxSession } from '../../../models/runtime.js';

/** Network input side: the gray image is resized to CNN_INPUT² (aspect ratio not kept, as Zhang et al.). */
export const CNN_INPUT = 224;
/** Side of the output grid (stride 4). */
export const CNN_GRID = 56;
/** The trained head, relative to the model search paths (the project's models/ holds it). */
export const CNN_HEAD_FILE = 'cnn-tv/head.onnx';
export const COLOR_BINS_FILE = 'color-bins/pts_in_hull.f32';

/** One input tensor of the head (CHW). */
export interface HeadInput {
  name: string;
  channels: number;
  height: number;
  width: number;
  data: Float32Array;
}

/**
 * The head's inputs for a gray image (one channel, values in [0, 1]): MobileNetV2's four feature
 * maps at 224², then the gray image area-averaged to 56² and centred, (g − 0.5)·2.
 */
export async function headInputs(gray: ImageF32): Promise<HeadInput[]> {
  const g224 =
    gray.width === CNN_INPUT && gray.height === CNN_INPUT
      ? gray
      : resizeImage(
          gray,
          CNN_INPUT,
          CNN_INPUT,
          gray.width >= CNN_INPUT && gray.height >= CNN_INPUT ? 'area' : 'bilinear',
        );
  const f = (await mobileNetV2Features(g224)).features;
  const lum = resizePlane(g224.channels[0], CNN_INPUT, CNN_INPUT, CNN_GRID, CNN_GRID, 'area');
  for (let i = 0; i < lum.length; i++) lum[i] = (lum[i] - 0.5) * 2;
  const maps = [f.features_s4, f.features_s8, f.features_s16, f.features_s32];
  const names = ['features_s4', 'features_s8', 'features_s16', 'features_s32'];
  return [
    ...maps.map((m, k) => ({
      name: names[k],
      channels: m.channels,
      height: m.height,
      width: m.width,
      data: m.data,
    })),
    { name: 'gray', channels: 1, height: CNN_GRID, width: CNN_GRID, data: lum },
  ];
}

/** Side of the optional semantic input's grid (the backbone's stride 8). */
export const SEMANTIC_GRID = 28;
/** The segmentation network behind the optional semantic input. */
export const SEMANTIC_VARIANT = 'cityscapes';

/**
 * The optional `semantic` head input (a head trained with `train.py --semantic` declares it): the
 * Cityscapes DeepLab v3 class probabilities of the gray image (road, building, vegetation, sky, …),
 * resampled to 28² over the whole image, as the backbone's input covers it.
 *
 * @example
 * ```ts
 * import { createImage, semanticHeadInput } from 'colorize-toolkit/internals';
 * const gray = createImage(64, 48, 1); gray.channels[0].fill(0.5);
 * const x = await semanticHeadInput(gray);
 * console.log(x.name, x.channels, x.height, x.width, x.data.length); // semantic 19 28 28 14896
 * ```
 */
export async function semanticHeadInput(gray: ImageF32): Promise<HeadInput> {
  const { probabilities: p } = await deeplabProbabilities(gray, SEMANTIC_VARIANT);
  const n = SEMANTIC_GRID * SEMANTIC_GRID;
  const data = new Float32Array(p.channels.length * n);
  for (const [k, c] of p.channels.entries())
    data.set(resizePlane(c, p.width, p.height, SEMANTIC_GRID, SEMANTIC_GRID, 'bilinear'), k * n);
  return { name: 'semantic', channels: p.channels.length, height: SEMANTIC_GRID, width: SEMANTIC_GRID, data };
}

let binsPromise: Promise<AbBins> | null = null;

/** The published 313 ab bins (../shared/models/color-bins), loaded once. */
export function colorBins313(): Promise<AbBins> {
  binsPromise ??= fs.readFile(requireModelFile(COLOR_BINS_FILE)).then((b) => parseAbBins(new Uint8Array(b)));
  return binsPromise;
}

import type { ColorDistribution } from './candidates.js';

export type { ColorDistribution };

/**
 * Runs backbone and head on a gray image and returns the softmax distributions on the 56² grid.
 *
 * @example
 * ```ts
 * import { createImage, predictColorDistribution } from 'colorize-toolkit/internals';
 * const gray = createImage(64, 64, 1); gray.channels[0].fill(0.5);
 * const d = await predictColorDistribution(gray);
 * console.log(d.width, d.bins.count, d.probs.length); // 56 313 981568
 * ```
 */
export async function predictColorDistribution(gray: ImageF32): Promise<ColorDistribution> {
  requireModel('mobilenet-v2');
  requireModel('cnn-tv-head');
  const [ort, session, bins, inputs] = await Promise.all([
    loadOrt(),
    onnxSession(requireModelFile(CNN_HEAD_FILE)),
    colorBins313(),
    headInputs(gray),
  ]);
  const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
  if (session.inputNames.includes('semantic')) inputs.push(await semanticHeadInput(gray));
  // A head trained with the backbone's top unfrozen computes features_s32 itself and takes no such input.
  for (const x of inputs)
    if (session.inputNames.includes(x.name))
      feeds[x.name] = new ort.Tensor('float32', x.data, [1, x.channels, x.height, x.width]);
  const out = await session.run(feeds);
  const logits = out.logits.data as Float32Array;
  const Q = bins.count;
  const P = CNN_GRID * CNN_GRID;
  const probs = new Float32Array(P * Q);
  for (let p = 0; p < P; p++) {
    let m = -Infinity;
    for (let q = 0; q < Q; q++) m = Math.max(m, logits[q * P + p]);
    let s = 0;
    for (let q = 0; q < Q; q++) {
      const e = Math.exp(logits[q * P + p] - m);
      probs[p * Q + q] = e;
      s += e;
    }
    for (let q = 0; q < Q; q++) probs[p * Q + q] /= s;
  }
  return { width: CNN_GRID, height: CNN_GRID, probs, bins };
}
