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

/**
 * Backward nodes from the deepest chosen layer down to `grad_input`, reading the forward pass's
 * ReLU outputs (`<name>_relu`, from {@link forwardNodes}) for the masks and `grad_<layer>`
 * (∂L/∂ of each chosen layer's pre-ReLU output) where each chosen layer joins.
 *
 * `mask`: how ReLU backward is written. 'sign' multiplies by Sign(Relu(c)) (the separate backward
 * graph, unchanged so its cache files stay valid); 'greater' multiplies by Cast(Relu(c) > 0), the
 * same 0/1 values, which ONNX Runtime runs about 2.4× faster on the CPU (Sign is not vectorised:
 * 37 against 16 ms for mask and product on a 64 × 256² layer, measured 2026-12-04).
 */
function backwardNodes(
  w: Vgg19Weights,
  ls: VggConvName[],
  nodes: OnnxNode[],
  initializers: OnnxTensor[],
  mask: 'sign' | 'greater' = 'sign',
): void {
  const chosen = new Set<string>(ls);
  const last = convLayerInfo(ls[ls.length - 1]).index;
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
    if (mask === 'sign') nodes.push({ op: 'Sign', inputs: [`${prev}_relu`], outputs: [`${prev}_mask`] });
    else {
      if (!initializers.some((t) => t.name === 'mask_zero'))
        initializers.push({ name: 'mask_zero', dims: [], data: new Float32Array(1) });
      nodes.push({ op: 'Greater', inputs: [`${prev}_relu`, 'mask_zero'], outputs: [`${prev}_positive`] });
      nodes.push({
        op: 'Cast',
        inputs: [`${prev}_positive`],
        outputs: [`${prev}_mask`],
        attributes: { to: 1 },
      });
    }
    const masked = `${prev}_gmask`;
    nodes.push({ op: 'Mul', inputs: [gr, `${prev}_mask`], outputs: [masked] });
    if (chosen.has(prev)) {
      g = `${prev}_gsum`;
      nodes.push({ op: 'Add', inputs: [masked, `grad_${prev}`], outputs: [g] });
    } else g = masked;
  }
}

/** Backward graph: input and `grad_<layer>` for each chosen layer → `grad_input` [1,3,H,W]. */
export function buildVgg19BackwardOnnx(w: Vgg19Weights, layers: readonly VggConvName[]): Uint8Array {
  const ls = sortedLayers(layers);
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  forwardNodes(w, convLayerInfo(ls[ls.length - 1]).index, nodes, initializers);
  backwardNodes(w, ls, nodes, initializers);
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

/**
 * Inputs of the fused Gram-loss graph ({@link buildVgg19GramLossOnnx}) for one content layer: the
 * target features P (same shape as the layer's output) and two scalars [1]: `content_coef_<n>`
 * multiplies Σ(F − P)² into the loss, `content_gcoef_<n>` multiplies (F − P) into ∂L/∂F.
 */
export const gramLossContentInputs = (n: VggConvName) =>
  ({ target: `content_target_${n}`, coef: `content_coef_${n}`, gcoef: `content_gcoef_${n}` }) as const;

/**
 * Inputs for one style layer: the target Gram matrix A [C, C] and three scalars [1]:
 * `gram_scale_<n>` makes G = F Fᵀ · scale, `style_coef_<n>` multiplies Σ(G − A)² into the loss,
 * `style_gcoef_<n>` multiplies (G − A) F into ∂L/∂F.
 */
export const gramLossStyleInputs = (n: VggConvName) =>
  ({
    target: `style_target_${n}`,
    scale: `gram_scale_${n}`,
    coef: `style_coef_${n}`,
    gcoef: `style_gcoef_${n}`,
  }) as const;

/**
 * The whole Gram objective in one graph: image → VGG-19 forward (kept, not recomputed) → content
 * terms k_c Σ(F − P)² and style terms k_s Σ(F Fᵀ·g − A)² with their gradients w.r.t. F (Gram
 * products as MatMul) → the backward pass of {@link buildVgg19BackwardOnnx} → `grad_input`
 * [1,3,H,W] (caffe units), `content` [1] and `style` [1] (sums over layers). Targets and
 * coefficients are inputs, so one graph serves every size, weight and normalisation.
 */
export function buildVgg19GramLossOnnx(
  w: Vgg19Weights,
  contentLayers: readonly VggConvName[],
  styleLayers: readonly VggConvName[],
): Uint8Array {
  if (styleLayers.length === 0) throw new ColorizeError('vgg19 gram loss: no style layers chosen', 'usage');
  const cs = contentLayers.length > 0 ? sortedLayers(contentLayers) : [];
  const ss = sortedLayers(styleLayers);
  const ls = sortedLayers([...cs, ...ss]);
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  const inputs: { name: string; shape: Array<number | string> }[] = [
    { name: 'input', shape: [1, 3, 'height', 'width'] },
  ];
  forwardNodes(w, convLayerInfo(ls[ls.length - 1]).index, nodes, initializers);
  const contentTerms: string[] = [];
  const styleTerms: string[] = [];
  for (const n of ls) {
    const c = convLayerInfo(n).channels;
    const parts: string[] = [];
    if (cs.includes(n)) {
      const io = gramLossContentInputs(n);
      inputs.push({ name: io.target, shape: [1, c, `h_${n}`, `w_${n}`] });
      inputs.push({ name: io.coef, shape: [1] });
      inputs.push({ name: io.gcoef, shape: [1] });
      nodes.push({ op: 'Sub', inputs: [n, io.target], outputs: [`${n}_cdiff`] });
      nodes.push({
        op: 'ReduceSumSquare',
        inputs: [`${n}_cdiff`],
        outputs: [`${n}_csum`],
        attributes: { keepdims: 0 },
      });
      nodes.push({ op: 'Mul', inputs: [`${n}_csum`, io.coef], outputs: [`${n}_closs`] });
      nodes.push({ op: 'Mul', inputs: [`${n}_cdiff`, io.gcoef], outputs: [`${n}_cgrad`] });
      contentTerms.push(`${n}_closs`);
      parts.push(`${n}_cgrad`);
    }
    if (ss.includes(n)) {
      const io = gramLossStyleInputs(n);
      inputs.push({ name: io.target, shape: [c, c] });
      inputs.push({ name: io.scale, shape: [1] });
      inputs.push({ name: io.coef, shape: [1] });
      inputs.push({ name: io.gcoef, shape: [1] });
      const shape = `shape_c${c}`;
      if (!initializers.some((t) => t.name === shape))
        initializers.push({ name: shape, dims: [2], data: new BigInt64Array([BigInt(c), -1n]) });
      nodes.push({ op: 'Reshape', inputs: [n, shape], outputs: [`${n}_mat`] });
      nodes.push({
        op: 'Transpose',
        inputs: [`${n}_mat`],
        outputs: [`${n}_matT`],
        attributes: { perm: [1, 0] },
      });
      nodes.push({ op: 'MatMul', inputs: [`${n}_mat`, `${n}_matT`], outputs: [`${n}_ffT`] });
      nodes.push({ op: 'Mul', inputs: [`${n}_ffT`, io.scale], outputs: [`${n}_gram`] });
      nodes.push({ op: 'Sub', inputs: [`${n}_gram`, io.target], outputs: [`${n}_sdiff`] });
      nodes.push({
        op: 'ReduceSumSquare',
        inputs: [`${n}_sdiff`],
        outputs: [`${n}_ssum`],
        attributes: { keepdims: 0 },
      });
      nodes.push({ op: 'Mul', inputs: [`${n}_ssum`, io.coef], outputs: [`${n}_sloss`] });
      // The factor goes on the C × C difference, not on the C × M product (one pass fewer).
      nodes.push({ op: 'Mul', inputs: [`${n}_sdiff`, io.gcoef], outputs: [`${n}_sdiffk`] });
      nodes.push({ op: 'MatMul', inputs: [`${n}_sdiffk`, `${n}_mat`], outputs: [`${n}_sgradmat`] });
      nodes.push({ op: 'Shape', inputs: [n], outputs: [`${n}_shape`] });
      nodes.push({ op: 'Reshape', inputs: [`${n}_sgradmat`, `${n}_shape`], outputs: [`${n}_sgrad`] });
      styleTerms.push(`${n}_sloss`);
      parts.push(`${n}_sgrad`);
    }
    nodes.push({
      op: parts.length === 1 ? 'Identity' : 'Sum',
      inputs: parts,
      outputs: [`grad_${n}`],
    });
  }
  backwardNodes(w, ls, nodes, initializers, 'greater');
  if (contentTerms.length === 0) {
    initializers.push({ name: 'zero', dims: [1], data: new Float32Array(1) });
    contentTerms.push('zero');
  }
  nodes.push({ op: 'Sum', inputs: contentTerms, outputs: ['content'] });
  nodes.push({ op: 'Sum', inputs: styleTerms, outputs: ['style'] });
  return encodeOnnxModel({
    name: 'vgg19_gram_loss',
    nodes,
    initializers,
    inputs,
    outputs: [
      { name: 'grad_input', shape: [1, 3, 'height', 'width'] },
      { name: 'content', shape: [1] },
      { name: 'style', shape: [1] },
    ],
  });
}

const GRAM_LOSS_VERSION = 2;
const builtLoss = new Map<string, Promise<string>>();

/**
 * Path of the fused Gram-loss model ({@link buildVgg19GramLossOnnx}) for a choice of content and
 * style layers, built on first use and cached in models/cache/.
 *
 * @example
 * ```ts
 * import { ensureVgg19GramLossOnnx } from 'colorize-toolkit/internals';
 * const file = await ensureVgg19GramLossOnnx(['conv3_1'], ['conv1_1', 'conv3_1']);
 * console.log(file.endsWith('.onnx')); // true
 * ```
 */
export function ensureVgg19GramLossOnnx(
  contentLayers: readonly VggConvName[],
  styleLayers: readonly VggConvName[],
): Promise<string> {
  const cs = contentLayers.length > 0 ? sortedLayers(contentLayers) : [];
  const ss = sortedLayers(styleLayers);
  const short = (l: VggConvName[]) => l.map((n) => n.replace('conv', '')).join('-');
  const key = `c${short(cs)}-s${short(ss)}`;
  let p = builtLoss.get(key);
  if (!p) {
    p = (async () => {
      const w = await readVgg19Weights();
      return cachedModelFile(`vgg19-gram-loss-v${GRAM_LOSS_VERSION}-${w.hash}-${key}.onnx`, () =>
        buildVgg19GramLossOnnx(w, cs, ss),
      );
    })();
    p.catch(() => builtLoss.delete(key));
    builtLoss.set(key, p);
  }
  return p;
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
