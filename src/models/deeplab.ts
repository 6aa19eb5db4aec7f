/**
 * DeepLab v3 semantic segmentation (Chen et al. 2017) as float ONNX graphs, converted from the
 * three uint8 TensorFlow Lite models described in ../shared/models/README.md (deeplab/):
 * MobileNet V2 backbones trained on PASCAL VOC 2012 (21 classes, depth 1.0 or 0.5) and a
 * MobileNet-EdgeTPU backbone trained on Cityscapes (19 classes). Converted files are cached in
 * models/cache/ (never committed) and rebuilt when the converter or the .tflite file changes.
 *
 * Graph input `input`: float32 NCHW [1, 3, 513, 513], RGB, value (pixel − 128) / 128.
 * Graph output `logits`: float32 NCHW [1, classes, 33, 33], the class scores before the
 * model's final bilinear resize to 513 × 513 (which uses align_corners, so logit cell (i, j)
 * sits exactly on input pixel (16·i, 16·j)). The in-graph ARG_MAX is not converted.
 */
import { promises as fs } from 'node:fs';
import { ColorizeError } from '../errors.js';
import { createImage, type ImageF32 } from '../image/image.js';
import { resizeImage } from '../image/resize.js';
import { requireModelFile } from './locate.js';
import { loadOrt, onnxSession } from './runtime.js';
import { ensureTfliteOnnx } from './tflite/cache.js';
import type { TfliteModel } from './tflite/schema.js';
import { tfliteToOnnx } from './tflite/to-onnx.js';

export type DeeplabVariant = 'pascal' | 'pascal-dm05' | 'cityscapes';

/** Files and class counts of the three models (paths relative to a model search path). */
export const DEEPLAB_MODELS: Record<
  DeeplabVariant,
  { file: string; labels: string; classes: number; skipLabelLines: number }
> = {
  pascal: {
    file: 'deeplab/deeplabv3_mnv2_pascal_quant.tflite',
    labels: 'deeplab/pascal_voc_segmentation_labels.txt',
    classes: 21,
    skipLabelLines: 0,
  },
  'pascal-dm05': {
    file: 'deeplab/deeplabv3_mnv2_dm05_pascal_quant.tflite',
    labels: 'deeplab/pascal_voc_segmentation_labels.txt',
    classes: 21,
    skipLabelLines: 0,
  },
  // The Cityscapes label file starts with an extra "background" line that names no output.
  cityscapes: {
    file: 'deeplab/deeplab_mobilenet_edgetpu_slim_cityscapes_quant.tflite',
    labels: 'deeplab/cityscapes_segmentation_labels.txt',
    classes: 19,
    skipLabelLines: 1,
  },
};

/** Side of the square network input. */
export const DEEPLAB_INPUT_SIZE = 513;
/** Side of the logits grid (output stride 16). */
export const DEEPLAB_LOGITS_SIZE = 33;
/** Input pixels per logit cell: (513 − 1) / (33 − 1). */
export const DEEPLAB_STRIDE = 16;

const GRAPH_VERSION = 1;

function checkVariant(variant: string): DeeplabVariant {
  if (!(variant in DEEPLAB_MODELS)) {
    throw new ColorizeError(
      `deeplab: unknown variant "${variant}" (expected ${Object.keys(DEEPLAB_MODELS).join(', ')})`,
      'usage',
    );
  }
  return variant as DeeplabVariant;
}

/**
 * The logits tensor: the input of the last RESIZE_BILINEAR, the one that feeds the ARG_MAX.
 * (The models also resize the logits 33 → 33 before it, an identity that converts to nothing.)
 *
 * @example
 * ```ts
 * import { deeplabLogitsTensor, findModelFile, readTfliteModel } from 'colorize-toolkit/internals';
 * const file = findModelFile('deeplab/deeplabv3_mnv2_pascal_quant.tflite');
 * if (file) console.log(deeplabLogitsTensor(await readTfliteModel(file))); // 183
 * ```
 */
export function deeplabLogitsTensor(model: TfliteModel): number {
  const sg = model.subgraphs[0];
  const producer = new Map<number, (typeof sg.operators)[number]>();
  for (const op of sg.operators) for (const t of op.outputs) producer.set(t, op);
  const argmax = sg.operators.find((o) => o.op === 'ARG_MAX');
  const resize = argmax ? producer.get(argmax.inputs[0]) : undefined;
  if (resize?.op !== 'RESIZE_BILINEAR') {
    throw new ColorizeError('deeplab: no ARG_MAX fed by a RESIZE_BILINEAR in the .tflite file', 'input');
  }
  return resize.inputs[0];
}

/** The ONNX graph of {@link ensureDeeplabOnnx} for a parsed model. */
export function buildDeeplabGraph(model: TfliteModel, classes: number) {
  const tensor = deeplabLogitsTensor(model);
  const shape = model.subgraphs[0].tensors[tensor].shape;
  const want = [1, DEEPLAB_LOGITS_SIZE, DEEPLAB_LOGITS_SIZE, classes];
  if (shape.join() !== want.join()) {
    throw new ColorizeError(`deeplab: logits tensor has shape [${shape}], expected [${want}]`, 'input');
  }
  return tfliteToOnnx(model, { outputs: [{ tensor, name: 'logits' }], name: 'deeplab_v3_float' });
}

/**
 * Path of the converted DeepLab v3 ONNX model of a variant, converting on first use (well
 * under a second) and caching it. A missing .tflite file is a ColorizeError naming every
 * folder searched.
 *
 * @example
 * ```ts
 * import { ensureDeeplabOnnx } from 'colorize-toolkit/internals';
 * console.log(await ensureDeeplabOnnx('cityscapes')); // …/models/cache/deeplab-cityscapes-v1.1-<hash>.onnx
 * ```
 */
export async function ensureDeeplabOnnx(variant: DeeplabVariant = 'pascal'): Promise<string> {
  const v = DEEPLAB_MODELS[checkVariant(variant)];
  return ensureTfliteOnnx(v.file, `deeplab-${variant}`, GRAPH_VERSION, (m) =>
    buildDeeplabGraph(m, v.classes),
  );
}

const labelCache = new Map<DeeplabVariant, Promise<string[]>>();

/**
 * Class names of a variant, index = output channel: PASCAL VOC (21, 0 = background, 8 = cat,
 * 12 = dog, 15 = person) or Cityscapes train IDs (19, 0 = road … 10 = sky … 18 = bicycle).
 *
 * @example
 * ```ts
 * import { deeplabLabels, findModelFile } from 'colorize-toolkit/internals';
 * if (findModelFile('deeplab/cityscapes_segmentation_labels.txt')) {
 *   const labels = await deeplabLabels('cityscapes');
 *   console.log(labels.length, labels[0], labels[10]); // 19 road sky
 * }
 * ```
 */
export async function deeplabLabels(variant: DeeplabVariant = 'pascal'): Promise<string[]> {
  const key = checkVariant(variant);
  let p = labelCache.get(key);
  if (!p) {
    const v = DEEPLAB_MODELS[key];
    p = (async () => {
      const file = requireModelFile(v.labels);
      const lines = (await fs.readFile(file, 'utf8')).split('\n').map((l) => l.trim());
      const names = lines.slice(v.skipLabelLines, v.skipLabelLines + v.classes);
      if (names.length !== v.classes || names.some((n) => n === '')) {
        throw new ColorizeError(`${file}: expected ${v.classes} class names`, 'input', file);
      }
      return names;
    })();
    p.catch(() => labelCache.delete(key));
    labelCache.set(key, p);
  }
  return p;
}

/** Where an image sits in the 513 × 513 network input: top-left corner, resized to width × height. */
export interface DeeplabPlacement {
  width: number;
  height: number;
}

/** Size of an image scaled so its long side is 513 (the rest of the input is padding). *
 * @example
 * ```ts
 * import { deeplabPlacement } from 'colorize-toolkit/internals';
 * console.log(deeplabPlacement(640, 480)); // { width: 513, height: 385 }
 * ```
 */
export function deeplabPlacement(width: number, height: number): DeeplabPlacement {
  const s = DEEPLAB_INPUT_SIZE / Math.max(width, height);
  return {
    width: Math.min(DEEPLAB_INPUT_SIZE, Math.max(1, Math.round(width * s))),
    height: Math.min(DEEPLAB_INPUT_SIZE, Math.max(1, Math.round(height * s))),
  };
}

/**
 * The network input for an image (values in [0, 1], RGB or gray as R = G = B): the image
 * resized to {@link deeplabPlacement} at the top-left of a 513 × 513 canvas, padded with
 * pixel value 128 (real value 0, as DeepLab pads with the mean), as (pixel − 128) / 128.
 *
 * @example
 * ```ts
 * import { createImage, deeplabInput } from 'colorize-toolkit/internals';
 * console.log(deeplabInput(createImage(8, 8, 1)).length); // 789507
 * ```
 */
export function deeplabInput(image: ImageF32): Float32Array {
  const ch = image.channels;
  if (ch.length !== 1 && ch.length !== 3) {
    throw new ColorizeError(`deeplab: expected 1 or 3 channels, got ${ch.length}`, 'input');
  }
  const { width: w, height: h } = deeplabPlacement(image.width, image.height);
  const shrink = w <= image.width && h <= image.height;
  const r =
    w === image.width && h === image.height ? image : resizeImage(image, w, h, shrink ? 'area' : 'bilinear');
  const S = DEEPLAB_INPUT_SIZE;
  const out = new Float32Array(3 * S * S); // zeros = padding
  for (let c = 0; c < 3; c++) {
    const p = r.channels[ch.length === 3 ? c : 0];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) out[(c * S + y) * S + x] = (p[y * w + x] * 255 - 128) / 128;
  }
  return out;
}

export interface DeeplabResult {
  /**
   * Per-class softmax probabilities, one channel per class, on a coarse grid covering exactly
   * the image: pixel (x, y) stands for the image area [x·W/w, (x+1)·W/w) × [y·H/h, (y+1)·H/h)
   * (W × H the image, w × h this grid, about 1/16 of the image scaled to 513 on its long side).
   * Resize it with half-pixel centres (resizeImage(p, W, H, 'bilinear')) to get image resolution.
   */
  probabilities: ImageF32;
  /** Class names, index = channel. */
  labels: string[];
}

/**
 * Segments an image with DeepLab v3: per-class probabilities at low resolution (see
 * {@link DeeplabResult}). The image is scaled so its long side is 513 and placed at the top-left
 * of the 513 × 513 input; the 33 × 33 logits are sampled bilinearly (with the model's own
 * align-corners geometry) at the centres of the grid cells, then a softmax is taken per cell.
 *
 * @example
 * ```ts
 * import { deeplabProbabilities, readImage } from 'colorize-toolkit/internals';
 * const { image } = await readImage('examples/scene.png');
 * const { probabilities, labels } = await deeplabProbabilities(image, 'pascal');
 * console.log(probabilities.channels.length, labels[15]); // 21 person
 * ```
 */
export async function deeplabProbabilities(
  image: ImageF32,
  variant: DeeplabVariant = 'pascal',
): Promise<DeeplabResult> {
  const key = checkVariant(variant);
  const [ort, session, labels] = await Promise.all([
    loadOrt(),
    ensureDeeplabOnnx(key).then(onnxSession),
    deeplabLabels(key),
  ]);
  const S = DEEPLAB_INPUT_SIZE;
  const out = await session.run({ input: new ort.Tensor('float32', deeplabInput(image), [1, 3, S, S]) });
  const logits = out.logits.data as Float32Array;
  const L = DEEPLAB_LOGITS_SIZE;
  const C = labels.length;
  const place = deeplabPlacement(image.width, image.height);
  const gw = Math.max(1, Math.round(place.width / DEEPLAB_STRIDE));
  const gh = Math.max(1, Math.round(place.height / DEEPLAB_STRIDE));
  const prob = createImage(gw, gh, C);
  // Centre of grid cell k in input pixels, then in logit cells (pixel = 16 · cell).
  const taps = (n: number, placed: number) =>
    Array.from({ length: n }, (_, k) => {
      const u = Math.min(L - 1, Math.max(0, (((k + 0.5) * placed) / n - 0.5) / DEEPLAB_STRIDE));
      const i0 = Math.min(L - 2, Math.floor(u));
      return { i0, f: u - i0 };
    });
  const tx = taps(gw, place.width);
  const ty = taps(gh, place.height);
  const v = new Float64Array(C);
  for (let y = 0; y < gh; y++)
    for (let x = 0; x < gw; x++) {
      const { i0: y0, f: fy } = ty[y];
      const { i0: x0, f: fx } = tx[x];
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        const b = c * L * L;
        const a00 = logits[b + y0 * L + x0];
        const a01 = logits[b + y0 * L + x0 + 1];
        const a10 = logits[b + (y0 + 1) * L + x0];
        const a11 = logits[b + (y0 + 1) * L + x0 + 1];
        v[c] = (1 - fy) * ((1 - fx) * a00 + fx * a01) + fy * ((1 - fx) * a10 + fx * a11);
        if (v[c] > max) max = v[c];
      }
      let sum = 0;
      for (let c = 0; c < C; c++) {
        v[c] = Math.exp(v[c] - max);
        sum += v[c];
      }
      for (let c = 0; c < C; c++) prob.channels[c][y * gw + x] = v[c] / sum;
    }
  return { probabilities: prob, labels };
}
