/**
 * VGG-19 blocks 1–3 (Simonyan & Zisserman 2015) as an ONNX model, built from the TensorFlow.js
 * weight shards described in ../shared/models/README.md (HWIO float32 kernel, then bias, one
 * layer per shard). Max-pooling is replaced by 2 × 2 average pooling, as the IPOL paper §2.1.2
 * prescribes, and the model returns the ReLU outputs of conv1_2, conv2_2 and conv3_4. The
 * converted file is a build product cached in models/cache/ (never committed); it is rebuilt
 * when the weights change (the cache name carries a hash of the shards).
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { cachedModelFile, findModelFile, modelCacheDir, requireModelFile } from './locate.js';
import { encodeOnnxModel, type OnnxNode, type OnnxTensor } from './onnx-builder.js';

/** Convolution layers of blocks 1–3, in order, with their shard and channel counts. */
export const VGG19_LAYERS = [
  { name: 'block1_conv1', shard: 'group1-shard1of1', cin: 3, cout: 64 },
  { name: 'block1_conv2', shard: 'group2-shard1of1', cin: 64, cout: 64 },
  { name: 'block2_conv1', shard: 'group3-shard1of1', cin: 64, cout: 128 },
  { name: 'block2_conv2', shard: 'group4-shard1of1', cin: 128, cout: 128 },
  { name: 'block3_conv1', shard: 'group5-shard1of1', cin: 128, cout: 256 },
  { name: 'block3_conv2', shard: 'group6-shard1of1', cin: 256, cout: 256 },
  { name: 'block3_conv3', shard: 'group7-shard1of1', cin: 256, cout: 256 },
  { name: 'block3_conv4', shard: 'group8-shard1of1', cin: 256, cout: 256 },
] as const;

/** Names of the model outputs: ReLU(conv1_2), ReLU(conv2_2), ReLU(conv3_4). */
export const VGG19_OUTPUTS = ['conv1_2', 'conv2_2', 'conv3_4'] as const;
/** Channels of each output. */
export const VGG19_OUTPUT_CHANNELS = [64, 128, 256] as const;
/** ImageNet means subtracted from B, G, R in 0–255 units (Keras "caffe" preprocessing). */
export const VGG19_BGR_MEAN = [103.939, 116.779, 123.68] as const;

const CONVERTER_VERSION = 1;

export interface Vgg19Weights {
  /** Per layer: kernel in OIHW order and bias. */
  kernels: Float32Array[];
  biases: Float32Array[];
  /** Hash of the shard bytes, for the cache name. */
  hash: string;
}

/** Reads the eight shards (looked up like every model file), checking their sizes. */
export async function readVgg19Weights(): Promise<Vgg19Weights> {
  const kernels: Float32Array[] = [];
  const biases: Float32Array[] = [];
  const h = createHash('sha256');
  for (const l of VGG19_LAYERS) {
    const file = requireModelFile(path.join('vgg19', l.shard));
    const buf = await fs.readFile(file);
    const expected = 4 * (9 * l.cin * l.cout + l.cout);
    if (buf.length !== expected) {
      throw new ColorizeError(`${file}: ${buf.length} bytes, expected ${expected} for ${l.name}`, 'io', file);
    }
    h.update(buf);
    const f = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
    // HWIO → OIHW: the value for (kh, kw, ci, co) sits at ((kh·3 + kw)·Cin + ci)·Cout + co.
    const k = new Float32Array(9 * l.cin * l.cout);
    for (let co = 0; co < l.cout; co++)
      for (let ci = 0; ci < l.cin; ci++)
        for (let t = 0; t < 9; t++) k[(co * l.cin + ci) * 9 + t] = f[(t * l.cin + ci) * l.cout + co];
    kernels.push(k);
    biases.push(f.slice(9 * l.cin * l.cout));
  }
  return { kernels, biases, hash: h.digest('hex').slice(0, 16) };
}

/**
 * Conv 3×3 + ReLU nodes of the first `count` layers, with a 2 × 2 `pool` after blocks 1 and 2.
 * A layer's ReLU output is called `outputs[layer]` when given (a graph output), else
 * `<layer>_relu`.
 */
function convStack(
  w: Vgg19Weights,
  count: number,
  outputs: Record<string, string>,
  pool: 'AveragePool' | 'MaxPool',
): { nodes: OnnxNode[]; initializers: OnnxTensor[] } {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  let x = 'input';
  VGG19_LAYERS.slice(0, count).forEach((l, i) => {
    initializers.push({ name: `${l.name}_W`, dims: [l.cout, l.cin, 3, 3], data: w.kernels[i] });
    initializers.push({ name: `${l.name}_B`, dims: [l.cout], data: w.biases[i] });
    nodes.push({
      op: 'Conv',
      inputs: [x, `${l.name}_W`, `${l.name}_B`],
      outputs: [`${l.name}_conv`],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] },
    });
    const out = outputs[l.name] ?? `${l.name}_relu`;
    nodes.push({ op: 'Relu', inputs: [`${l.name}_conv`], outputs: [out] });
    x = out;
    if (l.name === 'block1_conv2' || l.name === 'block2_conv2') {
      nodes.push({
        op: pool,
        inputs: [out],
        outputs: [`${out}_pool`],
        attributes: { kernel_shape: [2, 2], strides: [2, 2] },
      });
      x = `${out}_pool`;
    }
  });
  return { nodes, initializers };
}

/** The ONNX model bytes for the given weights (input "input": [1, 3, H, W], BGR, caffe-preprocessed). */
export function buildVgg19Onnx(w: Vgg19Weights): Uint8Array {
  // §2.1.2: average pooling instead of VGG's max pooling.
  const { nodes, initializers } = convStack(
    w,
    VGG19_LAYERS.length,
    { block1_conv2: 'conv1_2', block2_conv2: 'conv2_2', block3_conv4: 'conv3_4' },
    'AveragePool',
  );
  return encodeOnnxModel({
    name: 'vgg19_blocks1to3_avgpool',
    nodes,
    initializers,
    inputs: [{ name: 'input', shape: [1, 3, 'height', 'width'] }],
    outputs: VGG19_OUTPUTS.map((name, i) => ({
      name,
      shape: [
        1,
        VGG19_OUTPUT_CHANNELS[i],
        name === 'conv1_2' ? 'height' : `h${i}`,
        name === 'conv1_2' ? 'width' : `w${i}`,
      ],
    })),
  });
}

/**
 * Converted model paths already known in this process, by variant and by the identity of the
 * shards (path, size, modification time) and the cache folder. Without it every call read,
 * transposed and hashed the 9 MB of shards (40–80 ms of CPU per call, twice per superpixel
 * colorization); with it a call costs eight stat()s, and a changed or moved shard, another
 * COLORIZE_MODELS or COLORIZE_MODELS_CACHE, or a removed cache file still leads to a fresh
 * conversion.
 */
const converted = new Map<string, Promise<string>>();

/** The identity of the installed shards (null when one is missing: the full read reports it). */
function shardsKey(): string | null {
  const parts = [modelCacheDir()];
  for (const l of VGG19_LAYERS) {
    const file = findModelFile(path.join('vgg19', l.shard));
    if (file === null) return null;
    const st = statSync(file);
    parts.push(`${file}:${st.size}:${st.mtimeMs}`);
  }
  return parts.join('|');
}

async function ensureConverted(variant: string, build: (w: Vgg19Weights) => Uint8Array): Promise<string> {
  const shards = shardsKey();
  const key = shards === null ? null : `${variant}|${shards}`;
  const known = key === null ? undefined : converted.get(key);
  if (known) {
    const file = await known.catch(() => null);
    if (file !== null && existsSync(file)) return file;
  }
  const p = readVgg19Weights().then((w) =>
    cachedModelFile(`${variant}-v${CONVERTER_VERSION}-${w.hash}.onnx`, () => build(w)),
  );
  if (key !== null) {
    converted.set(key, p);
    p.catch(() => converted.delete(key));
  }
  return p;
}

/**
 * Path of the converted ONNX model, converting on first use (about a second) and caching it;
 * later calls in the same process reuse the path while the shards are unchanged.
 * Also the set-up command: `node --import tsx scripts/build-vgg19-onnx.ts`.
 *
 * @example
 * ```ts
 * import { ensureVgg19Onnx } from 'colorize-toolkit/internals';
 * console.log(await ensureVgg19Onnx()); // …/models/cache/vgg19-blocks1to3-avgpool-<hash>.onnx
 * ```
 */
export function ensureVgg19Onnx(): Promise<string> {
  return ensureConverted('vgg19-blocks1to3-avgpool', buildVgg19Onnx);
}

/** Outputs of the "first ReLU of each block" variant: relu1_1, relu2_1, relu3_1 (Gorriz Blanch et al. §3.1). */
export const VGG19_RELU_OUTPUTS = ['relu1_1', 'relu2_1', 'relu3_1'] as const;

/**
 * The ONNX model bytes of the original VGG-19 (2 × 2 max pooling) up to block3_conv1, returning
 * the first ReLU of blocks 1–3 (relu1_1 full size, relu2_1 at 1/2, relu3_1 at 1/4). Same input
 * as {@link buildVgg19Onnx}.
 */
export function buildVgg19ReluOnnx(w: Vgg19Weights): Uint8Array {
  const { nodes, initializers } = convStack(
    w,
    5,
    { block1_conv1: 'relu1_1', block2_conv1: 'relu2_1', block3_conv1: 'relu3_1' },
    'MaxPool',
  );
  return encodeOnnxModel({
    name: 'vgg19_relu_x_1_maxpool',
    nodes,
    initializers,
    inputs: [{ name: 'input', shape: [1, 3, 'height', 'width'] }],
    outputs: VGG19_RELU_OUTPUTS.map((name, i) => ({
      name,
      shape: [1, VGG19_OUTPUT_CHANNELS[i], i === 0 ? 'height' : `h${i}`, i === 0 ? 'width' : `w${i}`],
    })),
  });
}

/**
 * Path of the relu1_1/relu2_1/relu3_1 variant (max pooling, as the original VGG-19), converted
 * on first use and cached like {@link ensureVgg19Onnx}.
 *
 * @example
 * ```ts
 * import { ensureVgg19ReluOnnx } from 'colorize-toolkit/internals';
 * console.log(await ensureVgg19ReluOnnx()); // …/models/cache/vgg19-relu-x-1-maxpool-<hash>.onnx
 * ```
 */
export function ensureVgg19ReluOnnx(): Promise<string> {
  return ensureConverted('vgg19-relu-x-1-maxpool', buildVgg19ReluOnnx);
}
