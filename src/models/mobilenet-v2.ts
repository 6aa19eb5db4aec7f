/**
 * MobileNet V2 1.0/224 (Sandler et al., CVPR 2018; ImageNet, 1001 classes with index 0 =
 * background) as a float ONNX graph, converted from the uint8 TensorFlow Lite file described
 * in ../shared/models/README.md (mobilenet_v2/). The converted file is a build product cached
 * in models/cache/ (never committed), rebuilt when the converter or the .tflite file changes.
 *
 * Graph input `input`: float32 NCHW [1, 3, H, W], RGB, value (pixel − 128) / 128 for 8-bit
 * pixels 0…255 — the real value of the TFLite uint8 input (scale 1/128, zero point 128). H and
 * W are dynamic: every convolution uses TF "SAME" padding (auto_pad SAME_UPPER) and the final
 * 7 × 7 average pool is a GlobalAveragePool, so any size works; the classifier was trained at
 * 224 × 224. Outputs: see {@link MOBILENET_V2_OUTPUTS}.
 */
import { promises as fs } from 'node:fs';
import { ColorizeError } from '../errors.js';
import type { FeatureMap } from '../features/feature-extractor.js';
import type { ImageF32 } from '../image/image.js';
import { resizeImage } from '../image/resize.js';
import { requireModelFile } from './locate.js';
import { loadOrt, onnxSession } from './runtime.js';
import { ensureTfliteOnnx } from './tflite/cache.js';
import type { TfliteModel } from './tflite/schema.js';
import { tfliteToOnnx } from './tflite/to-onnx.js';

/** The .tflite file, relative to a model search path. */
export const MOBILENET_V2_TFLITE = 'mobilenet_v2/mobilenet_v2_1.0_224_quant.tflite';
/** The label list (1001 lines, line i names output i, line 0 "background"). */
export const MOBILENET_V2_LABELS = 'mobilenet_v2/imagenet_labels.txt';

/**
 * Outputs of the converted graph. Feature maps are NCHW [1, channels, ⌈H/stride⌉, ⌈W/stride⌉];
 * `logits` and `probs` are [1, 1001].
 */
export const MOBILENET_V2_OUTPUTS = [
  /** Output of inverted-residual block 2 (`expanded_conv_2/add`), 24 channels at 1/4. */
  { name: 'features_s4', channels: 24, stride: 4, tensor: 'MobilenetV2/expanded_conv_2/add' },
  /** Output of block 5 (`expanded_conv_5/add`), 32 channels at 1/8. */
  { name: 'features_s8', channels: 32, stride: 8, tensor: 'MobilenetV2/expanded_conv_5/add' },
  /** Output of block 12 (`expanded_conv_12/add`), 96 channels at 1/16. */
  { name: 'features_s16', channels: 96, stride: 16, tensor: 'MobilenetV2/expanded_conv_12/add' },
  /** The last 1 × 1 convolution after its ReLU6 (`Conv_1/Relu6`), 1280 channels at 1/32. */
  { name: 'features_s32', channels: 1280, stride: 32, tensor: 'MobilenetV2/Conv_1/Relu6' },
  /** Class scores before the softmax (1001; index 0 = background): the input of the SOFTMAX. */
  { name: 'logits', channels: 1001, stride: 0, tensor: 'softmax input' },
  /** Softmax probabilities (1001; index 0 = background). */
  { name: 'probs', channels: 1001, stride: 0, tensor: 'MobilenetV2/Predictions/Softmax' },
] as const;

/** Names of the feature-map outputs, finest first. */
export type MobileNetV2FeatureName = 'features_s4' | 'features_s8' | 'features_s16' | 'features_s32';

/** Version of the graph recipe below (outputs chosen); part of the cache name. */
const GRAPH_VERSION = 1;

/** Finds a tensor by name: exact, or as the first of the ";"-joined names MLIR gives fused tensors. */
function findTensor(model: TfliteModel, name: string): number {
  const sg = model.subgraphs[0];
  if (name === 'softmax input') {
    const op = sg.operators.find((o) => o.op === 'SOFTMAX');
    if (op) return op.inputs[0];
  }
  const ts = sg.tensors;
  const t = ts.find((x) => x.name === name) ?? ts.find((x) => x.name.split(';')[0] === name);
  if (!t) throw new ColorizeError(`mobilenet_v2: tensor "${name}" not found in the .tflite file`, 'input');
  return t.index;
}

/** The ONNX graph of {@link ensureMobileNetV2Onnx} for a parsed model (checks channel counts). */
export function buildMobileNetV2Graph(model: TfliteModel) {
  const sg = model.subgraphs[0];
  const outputs = MOBILENET_V2_OUTPUTS.map((o) => {
    const tensor = findTensor(model, o.tensor);
    const shape = sg.tensors[tensor].shape;
    if (shape[shape.length - 1] !== o.channels) {
      throw new ColorizeError(
        `mobilenet_v2: tensor "${o.tensor}" has shape [${shape}], expected ${o.channels} channels`,
        'input',
      );
    }
    return { tensor, name: o.name };
  });
  return tfliteToOnnx(model, { outputs, dynamicSpatial: true, name: 'mobilenet_v2_1.0_float' });
}

/**
 * Path of the converted MobileNet V2 ONNX model, converting on first use (well under a second)
 * and caching it in modelCacheDir(). A missing .tflite file is a ColorizeError naming every
 * folder searched.
 *
 * @example
 * ```ts
 * import { ensureMobileNetV2Onnx } from 'colorize-toolkit/internals';
 * console.log(await ensureMobileNetV2Onnx()); // …/models/cache/mobilenet_v2_1.0-v1.1-<hash>.onnx
 * ```
 */
export async function ensureMobileNetV2Onnx(): Promise<string> {
  return ensureTfliteOnnx(MOBILENET_V2_TFLITE, 'mobilenet_v2_1.0', GRAPH_VERSION, buildMobileNetV2Graph);
}

let labelsPromise: Promise<string[]> | null = null;

/**
 * The 1001 class names of the classifier (index 0 = "background", then the ImageNet classes in
 * synset order).
 *
 * @example
 * ```ts
 * import { findModelFile, imagenetLabels } from 'colorize-toolkit/internals';
 * if (findModelFile('mobilenet_v2/imagenet_labels.txt')) {
 *   const labels = await imagenetLabels();
 *   console.log(labels.length, labels[1]); // 1001 tench, Tinca tinca
 * }
 * ```
 */
export async function imagenetLabels(): Promise<string[]> {
  labelsPromise ??= (async () => {
    const file = requireModelFile(MOBILENET_V2_LABELS);
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length !== 1001) {
      throw new ColorizeError(`${file}: ${lines.length} labels, expected 1001`, 'input', file);
    }
    return lines;
  })().catch((e: unknown) => {
    labelsPromise = null;
    throw e;
  });
  return labelsPromise;
}

/**
 * The network input for an image with values in [0, 1] (RGB, or gray fed as R = G = B):
 * planar [1, 3, H, W] with (255·v − 128) / 128, i.e. (pixel − 128) / 128.
 *
 * @example
 * ```ts
 * import { createImage, mobileNetV2Input } from 'colorize-toolkit/internals';
 * const img = createImage(2, 1, 1);
 * img.channels[0].fill(1);
 * console.log(mobileNetV2Input(img)[0]); // 0.9921875
 * ```
 */
export function mobileNetV2Input(image: ImageF32): Float32Array {
  const ch = image.channels;
  if (ch.length !== 1 && ch.length !== 3) {
    throw new ColorizeError(`mobilenet_v2: expected 1 or 3 channels, got ${ch.length}`, 'input');
  }
  const n = image.width * image.height;
  const out = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) {
    const p = ch[ch.length === 3 ? c : 0];
    for (let i = 0; i < n; i++) out[c * n + i] = (p[i] * 255 - 128) / 128;
  }
  return out;
}

/** Resizes to exactly width × height: area averaging when both sides shrink, bilinear otherwise. */
function resizeTo(image: ImageF32, width: number, height: number): ImageF32 {
  if (image.width === width && image.height === height) return image;
  const shrink = width <= image.width && height <= image.height;
  return resizeImage(image, width, height, shrink ? 'area' : 'bilinear');
}

export interface MobileNetV2Options {
  /** Network input size; the image is resized to it (aspect ratio not kept). Default 224 × 224. */
  width?: number;
  height?: number;
}

export interface MobileNetV2Result {
  /** Feature maps by output name (CHW data), for an input of the chosen size. */
  features: Record<MobileNetV2FeatureName, FeatureMap>;
  /** Class scores and softmax probabilities, 1001 entries (index 0 = background). */
  logits: Float32Array;
  probs: Float32Array;
}

/**
 * Runs MobileNet V2 on an image (values in [0, 1], RGB or gray) resized to `width` × `height`
 * (default 224 × 224), returning the four feature maps and the class scores.
 *
 * @example
 * ```ts
 * import { createImage, mobileNetV2Features } from 'colorize-toolkit/internals';
 * const r = await mobileNetV2Features(createImage(100, 60, 3), { width: 320, height: 192 });
 * const f = r.features;
 * console.log([f.features_s4.width, f.features_s8.width, f.features_s16.width, f.features_s32.width]); // [ 80, 40, 20, 10 ]
 * console.log(f.features_s32.channels, r.probs.length); // 1280 1001
 * ```
 */
export async function mobileNetV2Features(
  image: ImageF32,
  options: MobileNetV2Options = {},
): Promise<MobileNetV2Result> {
  const width = options.width ?? 224;
  const height = options.height ?? 224;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 32 && height >= 32)) {
    throw new ColorizeError(
      `mobilenet_v2: input size ${width}×${height} must be whole numbers ≥ 32`,
      'usage',
    );
  }
  const [ort, session] = await Promise.all([loadOrt(), ensureMobileNetV2Onnx().then(onnxSession)]);
  const data = mobileNetV2Input(resizeTo(image, width, height));
  const out = await session.run({ input: new ort.Tensor('float32', data, [1, 3, height, width]) });
  const map = (name: string): FeatureMap => {
    const [, c, h, w] = out[name].dims as number[];
    return { channels: c, width: w, height: h, data: out[name].data as Float32Array };
  };
  return {
    features: {
      features_s4: map('features_s4'),
      features_s8: map('features_s8'),
      features_s16: map('features_s16'),
      features_s32: map('features_s32'),
    },
    logits: out.logits.data as Float32Array,
    probs: out.probs.data as Float32Array,
  };
}

export interface ImagenetPrediction {
  /** Output index (0 = background; ImageNet class k is index k + 1). */
  index: number;
  label: string;
  probability: number;
}

/**
 * The `topK` most probable ImageNet classes of an image (resized to 224 × 224).
 *
 * @example
 * ```ts
 * import { classifyMobileNetV2, readImage } from 'colorize-toolkit/internals';
 * const { image } = await readImage('examples/sunset.png');
 * const [best] = await classifyMobileNetV2(image, 3);
 * console.log(best.label, best.probability.toFixed(2));
 * ```
 */
export async function classifyMobileNetV2(image: ImageF32, topK = 5): Promise<ImagenetPrediction[]> {
  const [{ probs }, labels] = await Promise.all([mobileNetV2Features(image), imagenetLabels()]);
  return Array.from(probs, (probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, Math.max(1, topK))
    .map((p) => ({ ...p, label: labels[p.index] }));
}
