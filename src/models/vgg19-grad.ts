import { ColorizeError } from '../errors.js';
import { cachedModelFile } from './locate.js';
import { encodeOnnxModel, type OnnxNode, type OnnxTensor } from './onnx-builder.js';
import { readVgg19Weights, VGG19_LAYERS, type Vgg19Weights } from './vgg19.js';

/** Short layer names, in network order (conv1_1 = the report's conv_1, …, conv3_4 = conv_8). */
export const VGG19_CONV_NAMES = [
  'conv1_1',
  'conv1_2',
  'conv2_1',
  'conv2_2',
  'conv3_1',
  'conv3_2',
  'conv3_3',
  'conv3_4',
] as const;
export type VggConvName = (typeof VGG19_CONV_NAMES)[number];

/** Channels and downsampling factor of each conv layer's output. */
export function convLayerInfo(name: VggConvName): { index: number; channels: number; stride: number } {
  const index = VGG19_CONV_NAMES.indexOf(name);
  const l = VGG19_LAYERS[index];
  return { index, channels: l.cout, stride: index < 2 ? 1 : index < 4 ? 2 : 4 };
}

const GRAD_CONVERTER_VERSION = 2;

/** Throws unless width and height are positive multiples of 4. */
export function checkGradSize(width: number, height: number): void {
  if (width < 4 || height < 4 || width % 4 !== 0 || height % 4 !== 0)
    throw new ColorizeError(
      `vgg19 gradients: image ${width}×${height} must have both sides multiples of 4 (at least 4)`,
      'input',
    );
}

function sortedLayers(layers: readonly VggConvName[]): VggConvName[] {
  const set = new Set(layers);
  if (set.size === 0) throw new ColorizeError('vgg19 gradients: no layers chosen', 'usage');
  return VGG19_CONV_NAMES.filter((n) => set.has(n));
}

/** Forward nodes up to layer `last` (inclusive); conv outputs are named `<name>` (pre-ReLU). */
function forwardNodes(w: Vgg19Weights, last: number, nodes: OnnxNode[], inits: OnnxTensor[]): void {
  let x = 'input';
  for (let i = 0; i <= last; i++) {
    const l = VGG19_LAYERS[i];
    const name = VGG19_CONV_NAMES[i];
    inits.push({ name: `${name}_W`, dims: [l.cout, l.cin, 3, 3], data: w.kernels[i] });
    inits.push({ name: `${name}_B`, dims: [l.cout], data: w.biases[i] });
    nodes.push({
      op: 'Conv',
      inputs: [x, `${name}_W`, `${name}_B`],
      outputs: [name],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] },
    });
    if (i === last) break;
    nodes.push({ op: 'Relu', inputs: [name], outputs: [`${name}_relu`] });
    x = `${name}_relu`;
    if (i === 1 || i === 3) {
      nodes.push({
        op: 'AveragePool',
        inputs: [x],
        outputs: [`${name}_pool`],
        attributes: { kernel_shape: [2, 2], strides: [2, 2] },
      });
      x = `${name}_pool`;
    }
  }
}

/** Forward graph: input [1,3,H,W] (caffe BGR) → the chosen layers' pre-ReLU conv outputs. */
export function buildVgg19FeaturesOnnx(w: Vgg19Weights, layers: readonly VggConvName[]): Uint8Array {
  const ls = sortedLayers(layers);
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  forwardNodes(w, convLayerInfo(ls[ls.length - 1]).index, nodes, initializers);
  return encodeOnnxModel({
    name: 'vgg19_features',
    nodes,
    initializers,
    inputs: [{ name: 'input', shape: [1, 3, 'height', 'width'] }],
    outputs: ls.map((n) => ({ name: n, shape: [1, convLayerInfo(n).channels, `h_${n}`, `w_${n}`] })),
  });
}

/** OIHW kernel → its adjoint as a Conv kernel: out-in swapped, taps rotated by 180°. */
function flippedTranspose(k: Float32Array, cout: number, cin: number): Float32Array {
  const t = new Float32Array(k.length);
  for (let o = 0; o < cout; o++)
    for (let i = 0; i < cin; i++)
      for (let tap = 0; tap < 9; tap++) t[(i * cout + o) * 9 + (8 - tap)] = k[(o * cin + i) * 9 + tap];
  return t;
}

/** Backward graph: input and `grad_<layer>` for each chosen layer → `grad_input` [1,3,H,W]. */
export function buildVgg19BackwardOnnx(w: Vgg19Weights, layers: readonly VggConvName[]): Uint8Array {
  const ls = sortedLayers(layers);
  const chosen = new Set<string>(ls);
  const last = convLayerInfo(ls[ls.length - 1]).index;
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  forwardNodes(w, last, nodes, initializers);
  let g = `grad_${VGG19_CONV_NAMES[last]}`;
  for (let i = last; i >= 0; i--) {
    const name = VGG19_CONV_NAMES[i];
    // dL/d(conv input) = Convᵀ(dL/d(conv output)).
    const gin = i === 0 ? 'grad_input' : `${name}_gin`;
    // Convᵀ as a plain Conv with the kernel transposed (O↔I) and flipped: ONNX Runtime's Conv is
    // much faster on the CPU than its ConvTranspose (same numbers; see docs/gram.md).
    const l = VGG19_LAYERS[i];
    initializers.push({
      name: `${name}_WT`,
      dims: [l.cin, l.cout, 3, 3],
      data: flippedTranspose(w.kernels[i], l.cout, l.cin),
    });
    nodes.push({
      op: 'Conv',
      inputs: [g, `${name}_WT`],
      outputs: [gin],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] },
    });
    if (i === 0) break;
    const prev = VGG19_CONV_NAMES[i - 1];
    let gr = gin;
    if (i === 2 || i === 4) {
      const c = VGG19_LAYERS[i - 1].cout;
      const pw = `pool_back_${c}`;
      if (!initializers.some((t) => t.name === pw))
        initializers.push({ name: pw, dims: [c, 1, 2, 2], data: new Float32Array(4 * c).fill(0.25) });
      gr = `${prev}_unpool`;
      nodes.push({
        op: 'ConvTranspose',
        inputs: [gin, pw],
        outputs: [gr],
        attributes: { kernel_shape: [2, 2], strides: [2, 2], group: c },
      });
    }
    nodes.push({ op: 'Sign', inputs: [`${prev}_relu`], outputs: [`${prev}_mask`] });
    const masked = `${prev}_gmask`;
    nodes.push({ op: 'Mul', inputs: [gr, `${prev}_mask`], outputs: [masked] });
    if (chosen.has(prev)) {
      g = `${prev}_gsum`;
      nodes.push({ op: 'Add', inputs: [masked, `grad_${prev}`], outputs: [g] });
    } else g = masked;
  }
  return encodeOnnxModel({
    name: 'vgg19_backward',
    nodes,
    initializers,
    inputs: [
      { name: 'input', shape: [1, 3, 'height', 'width'] },
      ...ls.map((n) => ({ name: `grad_${n}`, shape: [1, convLayerInfo(n).channels, `h_${n}`, `w_${n}`] })),
    ],
    outputs: [{ name: 'grad_input', shape: [1, 3, 'height', 'width'] }],
  });
}

const built = new Map<string, Promise<{ forward: string; backward: string }>>();

/**
 * Paths of the forward and backward ONNX models for a set of layers, built on first use and
 * cached in models/cache/ beside the plain VGG-19 model.
 *
 * @example
 * ```ts
 * import { ensureVgg19GradOnnx } from 'colorize-toolkit/internals';
 * const { forward, backward } = await ensureVgg19GradOnnx(['conv1_1', 'conv3_1']);
 * console.log(forward.endsWith('.onnx'), backward.endsWith('.onnx')); // true true
 * ```
 */
export function ensureVgg19GradOnnx(
  layers: readonly VggConvName[],
): Promise<{ forward: string; backward: string }> {
  const ls = sortedLayers(layers);
  const key = ls.join('+');
  let p = built.get(key);
  if (!p) {
    p = (async () => {
      const w = await readVgg19Weights();
      const stem = `vgg19-grad-v${GRAD_CONVERTER_VERSION}-${w.hash}-${ls.map((n) => n.replace('conv', '')).join('-')}`;
      const out = {
        forward: await cachedModelFile(`${stem}-fwd.onnx`, () => buildVgg19FeaturesOnnx(w, ls)),
        backward: await cachedModelFile(`${stem}-bwd.onnx`, () => buildVgg19BackwardOnnx(w, ls)),
      };
      return out;
    })();
    p.catch(() => built.delete(key));
    built.set(key, p);
  }
  return p;
}
