/**
 * Converts a uint8-quantised TensorFlow Lite graph into a float32 ONNX graph (opset 13,
 * standard operators only, so it runs in onnxruntime-node and onnxruntime-web alike).
 *
 * - Weights and biases are dequantised: real = scale · (q − zero_point), per channel along
 *   `quantized_dimension` where the tensor has one scale per channel; int32 biases use their
 *   own scale (input scale × weight scale, as the schema stores it).
 * - Activation quantisation is dropped: the ONNX graph computes in float. Its input is the
 *   *real* value of the TFLite input tensor, i.e. scale · (q − zero_point) of the uint8 pixel
 *   (for the image models here (pixel − 128) / 128), and its outputs are real values.
 * - Layout: NHWC becomes NCHW. Every rank-4 tensor is NCHW in the ONNX graph; other ranks
 *   keep their TFLite layout.
 * - TF "SAME" padding (extra pad at the end when the total is odd) becomes explicit pads
 *   computed from the static TFLite shapes, or `auto_pad: SAME_UPPER` (the same rule, applied
 *   by the runtime) when the spatial size is left dynamic.
 * - Fused activations: RELU → Relu, RELU6 → Clip(0, 6), RELU_N1_TO_1 → Clip(−1, 1), TANH → Tanh.
 * - QUANTIZE / DEQUANTIZE are identities in float.
 *
 * Only the operators needed for the requested outputs are converted.
 */
import { ColorizeError } from '../../errors.js';
import type { OnnxGraph, OnnxNode, OnnxTensor, OnnxValue } from '../onnx-builder.js';
import type {
  TfliteActivation,
  TfliteModel,
  TfliteOperator,
  TfliteSubgraph,
  TfliteTensor,
} from './schema.js';

/** Bump when the converter's output changes, so cached conversions are rebuilt. */
export const TFLITE_ONNX_CONVERTER_VERSION = 1;

export interface TfliteToOnnxOptions {
  /** Subgraph to convert (default 0). */
  subgraph?: number;
  /** Tensors exposed as graph outputs, with their ONNX names (default: the subgraph outputs, named `output<i>`). */
  outputs?: Array<{ tensor: number; name: string }>;
  /** Name of the graph input (default "input"). */
  inputName?: string;
  /**
   * Leave the input height and width symbolic ("height", "width"). Convolutions and pools then
   * use `auto_pad: SAME_UPPER`, and an average pool whose window covers the whole nominal
   * feature map becomes a GlobalAveragePool. Graphs with resizes or tiles cannot be dynamic.
   */
  dynamicSpatial?: boolean;
  /** ONNX graph name. */
  name?: string;
}

/** Rank-4 axis permutations: NHWC axis k is NCHW axis NHWC_TO_NCHW_AXIS[k]. */
const NHWC_TO_NCHW_AXIS = [0, 2, 3, 1];

function unsupported(what: string): never {
  throw new ColorizeError(`tflite → onnx: ${what} is not supported`, 'input');
}

/** Raw (not dequantised) values of a constant tensor. */
function rawValues(model: TfliteModel, t: TfliteTensor): Float64Array {
  const buf = model.buffers[t.buffer];
  if (!buf || buf.length === 0) unsupported(`tensor ${t.index} "${t.name}" without constant data`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const size = { UINT8: 1, INT8: 1, INT32: 4, FLOAT32: 4, INT64: 8 }[t.type as string];
  if (!size) unsupported(`constant of type ${t.type} (tensor "${t.name}")`);
  const n = buf.length / size;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (t.type) {
      case 'UINT8':
        out[i] = dv.getUint8(i);
        break;
      case 'INT8':
        out[i] = dv.getInt8(i);
        break;
      case 'INT32':
        out[i] = dv.getInt32(4 * i, true);
        break;
      case 'FLOAT32':
        out[i] = dv.getFloat32(4 * i, true);
        break;
      default:
        out[i] = Number(dv.getBigInt64(8 * i, true));
    }
  }
  return out;
}

/**
 * The real values of a constant tensor, in TFLite (row-major, NHWC/OHWI) order:
 * scale · (q − zero_point), per channel along `quantized_dimension` when there are several scales.
 *
 * @example
 * ```ts
 * import { dequantizeTfliteTensor } from 'colorize-toolkit/internals';
 * const model = { version: 3, description: '', subgraphs: [], buffers: [Uint8Array.of(130, 126)] };
 * const t = { index: 0, name: 'w', shape: [2], type: 'UINT8' as const, buffer: 0,
 *   quantization: { scale: [0.5], zeroPoint: [128], quantizedDimension: 0 } };
 * console.log(Array.from(dequantizeTfliteTensor(model, t))); // [ 1, -1 ]
 * ```
 */
export function dequantizeTfliteTensor(model: TfliteModel, t: TfliteTensor): Float32Array {
  const q = rawValues(model, t);
  const out = new Float32Array(q.length);
  const qp = t.quantization;
  if (!qp || t.type === 'FLOAT32') {
    out.set(q);
    return out;
  }
  const nc = qp.scale.length;
  let inner = 1;
  if (nc > 1) {
    const dim = qp.quantizedDimension;
    if (t.shape[dim] !== nc) unsupported(`${nc} scales for axis ${dim} of shape [${t.shape}] ("${t.name}")`);
    for (let k = dim + 1; k < t.shape.length; k++) inner *= t.shape[k];
  }
  for (let i = 0; i < q.length; i++) {
    const c = nc > 1 ? Math.floor(i / inner) % nc : 0;
    out[i] = qp.scale[c] * (q[i] - (qp.zeroPoint[c] ?? qp.zeroPoint[0] ?? 0));
  }
  return out;
}

/** TF "SAME" padding of one spatial axis: [before, after], the odd pixel at the end. *
 * @example
 * ```ts
 * import { tfSamePads } from 'colorize-toolkit/internals';
 * console.log(tfSamePads(224, 3, 2), tfSamePads(225, 3, 2)); // [ 0, 1 ] [ 1, 1 ]
 * ```
 */
export function tfSamePads(inSize: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const out = Math.ceil(inSize / stride);
  const total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

class Converter {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly consts = new Map<string, string>();
  private readonly names = new Map<number, string>();
  private counter = 0;

  constructor(
    readonly model: TfliteModel,
    readonly sg: TfliteSubgraph,
    readonly dynamic: boolean,
  ) {}

  tensor(i: number): TfliteTensor {
    const t = this.sg.tensors[i];
    if (!t) unsupported(`tensor index ${i}`);
    return t;
  }

  /** The ONNX value holding TFLite tensor i (a constant becomes an initialiser on first use). */
  value(i: number): string {
    const n = this.names.get(i);
    if (n) return n;
    const t = this.tensor(i);
    let data = dequantizeTfliteTensor(this.model, t);
    let dims = t.shape.slice();
    if (dims.length === 4) {
      data = permute(data, dims, [0, 3, 1, 2]);
      dims = [dims[0], dims[3], dims[1], dims[2]];
    }
    return this.init(`c${i}`, dims, data, i);
  }

  setValue(i: number, name: string): void {
    this.names.set(i, name);
  }

  init(name: string, dims: number[], data: Float32Array | BigInt64Array, tensor?: number): string {
    this.initializers.push({ name, dims, data });
    if (tensor !== undefined) this.names.set(tensor, name);
    return name;
  }

  scalar(v: number): string {
    const key = `f${v}`;
    let n = this.consts.get(key);
    if (!n) {
      n = this.init(`const_${this.consts.size}`, [], Float32Array.of(v));
      this.consts.set(key, n);
    }
    return n;
  }

  int64s(values: number[]): string {
    return this.init(`i64_${this.counter++}`, [values.length], BigInt64Array.from(values.map(BigInt)));
  }

  fresh(base: string): string {
    return `${base}_${this.counter++}`;
  }

  node(op: string, inputs: string[], output: string, attributes?: OnnxNode['attributes']): string {
    this.nodes.push({ op, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    return output;
  }

  /** Emits the fused activation after `x`; returns the ONNX value of tensor `out`. */
  activate(x: string, act: TfliteActivation | undefined, out: number): void {
    const name = `t${out}`;
    switch (act ?? 'NONE') {
      case 'NONE':
        this.nodes.at(-1)!.outputs[0] = name; // the producing node writes the tensor directly
        break;
      case 'RELU':
        this.node('Relu', [x], name);
        break;
      case 'RELU6':
        this.node('Clip', [x, this.scalar(0), this.scalar(6)], name);
        break;
      case 'RELU_N1_TO_1':
        this.node('Clip', [x, this.scalar(-1), this.scalar(1)], name);
        break;
      case 'TANH':
        this.node('Tanh', [x], name);
        break;
      default:
        unsupported(`fused activation ${act}`);
    }
    this.setValue(out, name);
  }

  /** kernel_shape / strides / dilations / pads (or auto_pad) attributes of a window op. */
  window(op: TfliteOperator, kh: number, kw: number): Record<string, number | number[] | string> {
    const o = op.options;
    const sH = o.strideH ?? 1;
    const sW = o.strideW ?? 1;
    const dH = o.dilationH ?? 1;
    const dW = o.dilationW ?? 1;
    const a: Record<string, number | number[] | string> = { kernel_shape: [kh, kw], strides: [sH, sW] };
    if (o.dilationH !== undefined) a.dilations = [dH, dW];
    if (o.padding === 'SAME') {
      if (this.dynamic) a.auto_pad = 'SAME_UPPER';
      else {
        const [, ih, iw] = this.tensor(op.inputs[0]).shape;
        const [pt, pb] = tfSamePads(ih, kh, sH, dH);
        const [pl, pr] = tfSamePads(iw, kw, sW, dW);
        a.pads = [pt, pl, pb, pr];
      }
    } else {
      a.pads = [0, 0, 0, 0];
    }
    return a;
  }

  convert(op: TfliteOperator): void {
    const o = op.options;
    const out = op.outputs[0];
    const outT = this.tensor(out);
    const x = () => this.value(op.inputs[0]);
    switch (op.op) {
      case 'CONV_2D':
      case 'DEPTHWISE_CONV_2D': {
        const wt = this.tensor(op.inputs[1]);
        const w = dequantizeTfliteTensor(this.model, wt);
        const [a, kh, kw, b] = wt.shape;
        let weight: Float32Array;
        let dims: number[];
        let group = 1;
        if (op.op === 'CONV_2D') {
          weight = permute(w, wt.shape, [0, 3, 1, 2]); // OHWI → OIHW
          dims = [a, b, kh, kw];
        } else {
          // [1, KH, KW, C·M] → [C·M, 1, KH, KW], one group per input channel.
          if (a !== 1) unsupported(`depthwise filter shape [${wt.shape}]`);
          weight = permute(w, wt.shape, [3, 0, 1, 2]);
          dims = [b, 1, kh, kw];
          group = this.tensor(op.inputs[0]).shape[3];
          if (group * (o.depthMultiplier || b / group) !== b)
            unsupported(`depth multiplier of "${outT.name}"`);
        }
        const inputs = [x(), this.init(this.fresh('w'), dims, weight)];
        if (op.inputs.length > 2 && op.inputs[2] >= 0) {
          inputs.push(
            this.init(
              this.fresh('b'),
              [dims[0]],
              dequantizeTfliteTensor(this.model, this.tensor(op.inputs[2])),
            ),
          );
        }
        const attrs = this.window(op, kh, kw);
        attrs.group = group;
        const y = this.node('Conv', inputs, this.fresh('conv'), attrs);
        this.activate(y, o.activation, out);
        return;
      }
      case 'AVERAGE_POOL_2D':
      case 'MAX_POOL_2D': {
        const [, ih, iw] = this.tensor(op.inputs[0]).shape;
        const kh = o.filterH ?? 1;
        const kw = o.filterW ?? 1;
        const avg = op.op === 'AVERAGE_POOL_2D';
        let y: string;
        if (o.padding === 'VALID' && kh === ih && kw === iw) {
          y = this.node(avg ? 'GlobalAveragePool' : 'GlobalMaxPool', [x()], this.fresh('pool'));
        } else {
          const attrs = this.window(
            { ...op, options: { ...o, dilationH: undefined, dilationW: undefined } },
            kh,
            kw,
          );
          // TF averages over the valid pixels only, like count_include_pad = 0 (the default).
          y = this.node(avg ? 'AveragePool' : 'MaxPool', [x()], this.fresh('pool'), attrs);
        }
        this.activate(y, o.activation, out);
        return;
      }
      case 'ADD':
      case 'MUL': {
        const y = this.node(
          op.op === 'ADD' ? 'Add' : 'Mul',
          [x(), this.value(op.inputs[1])],
          this.fresh('elt'),
        );
        this.activate(y, o.activation, out);
        return;
      }
      case 'CONCATENATION': {
        const rank = outT.shape.length;
        let axis = o.axis ?? 0;
        if (axis < 0) axis += rank;
        if (rank === 4) axis = NHWC_TO_NCHW_AXIS[axis];
        const y = this.node(
          'Concat',
          op.inputs.map((i) => this.value(i)),
          this.fresh('concat'),
          { axis },
        );
        this.activate(y, o.activation, out);
        return;
      }
      case 'QUANTIZE':
      case 'DEQUANTIZE':
        // A change of quantisation parameters only: the identity on real values.
        this.setValue(out, x());
        return;
      case 'RESIZE_BILINEAR': {
        const inT = this.tensor(op.inputs[0]);
        const [n, oh, ow, c] = outT.shape;
        if (inT.shape[1] === oh && inT.shape[2] === ow) {
          this.setValue(out, x()); // same size: every sampling convention is the identity
          return;
        }
        if (this.dynamic) unsupported('RESIZE_BILINEAR in a graph with dynamic spatial size');
        const mode = o.alignCorners ? 'align_corners' : o.halfPixelCenters ? 'half_pixel' : 'asymmetric';
        this.node('Resize', [x(), '', '', this.int64s([n, c, oh, ow])], `t${out}`, {
          mode: 'linear',
          coordinate_transformation_mode: mode,
        });
        this.setValue(out, `t${out}`);
        return;
      }
      case 'TILE': {
        if (this.dynamic) unsupported('TILE in a graph with dynamic spatial size');
        const reps = Array.from(rawValues(this.model, this.tensor(op.inputs[1])));
        const r = reps.length === 4 ? [reps[0], reps[3], reps[1], reps[2]] : reps;
        this.node('Tile', [x(), this.int64s(r)], `t${out}`);
        this.setValue(out, `t${out}`);
        return;
      }
      case 'RESHAPE': {
        const inShape = this.tensor(op.inputs[0]).shape;
        const outShape = outT.shape;
        if (inShape.length === 4 && inShape[1] === 1 && inShape[2] === 1 && outShape.length === 2) {
          // [N, 1, 1, C] → [N, C]: NCHW [N, C, 1, 1] flattens to the same order.
          this.node('Flatten', [x()], `t${out}`, { axis: 1 });
        } else {
          if (this.dynamic) unsupported('a general RESHAPE in a graph with dynamic spatial size');
          let v = x();
          if (inShape.length === 4)
            v = this.node('Transpose', [v], this.fresh('nhwc'), { perm: [0, 2, 3, 1] });
          v = this.node('Reshape', [v, this.int64s(outShape)], this.fresh('reshape'));
          if (outShape.length === 4) this.node('Transpose', [v], `t${out}`, { perm: [0, 3, 1, 2] });
          else this.nodes.at(-1)!.outputs[0] = `t${out}`;
        }
        this.setValue(out, `t${out}`);
        return;
      }
      case 'SOFTMAX': {
        const rank = outT.shape.length;
        if (rank !== 2 && rank !== 4) unsupported(`SOFTMAX of rank ${rank}`);
        let v = x();
        if ((o.beta ?? 1) !== 1) v = this.node('Mul', [v, this.scalar(o.beta ?? 1)], this.fresh('beta'));
        // The last TFLite axis: the channel axis, which is axis 1 for both ranks (NCHW for rank 4).
        this.node('Softmax', [v], `t${out}`, { axis: 1 });
        this.setValue(out, `t${out}`);
        return;
      }
      default:
        unsupported(`operator ${op.op}`);
    }
  }
}

/** Reorders a row-major array of shape `shape` by `perm` (output axis k = input axis perm[k]). */
function permute(data: Float32Array, shape: number[], perm: number[]): Float32Array {
  const outShape = perm.map((p) => shape[p]);
  const inStrides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    inStrides[k] = s;
    s *= shape[k];
  }
  const stride = perm.map((p) => inStrides[p]);
  const out = new Float32Array(data.length);
  const idx = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let k = 0; k < idx.length; k++) src += idx[k] * stride[k];
    out[o] = data[src];
    for (let k = idx.length - 1; k >= 0; k--) {
      if (++idx[k] < outShape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}

/**
 * Converts (part of) a TensorFlow Lite subgraph to a float ONNX graph; encode it with
 * `encodeOnnxModel`. Throws a ColorizeError naming the first unsupported operator.
 *
 * @example
 * ```ts
 * import { findModelFile, readTfliteModel, tfliteToOnnx } from 'colorize-toolkit/internals';
 * const file = findModelFile('mobilenet_v2/mobilenet_v2_1.0_224_quant.tflite');
 * if (file) {
 *   const model = await readTfliteModel(file);
 *   const outputs = [{ tensor: 173, name: 'probs' }];
 *   const graph = tfliteToOnnx(model, { outputs, dynamicSpatial: true });
 *   console.log(graph.inputs[0].shape, graph.outputs[0].shape); // [ 1, 3, 'height', 'width' ] [ 1, 1001 ]
 * }
 * ```
 */
export function tfliteToOnnx(model: TfliteModel, options: TfliteToOnnxOptions = {}): OnnxGraph {
  const sg = model.subgraphs[options.subgraph ?? 0];
  if (!sg) unsupported(`subgraph ${options.subgraph ?? 0} (the model has ${model.subgraphs.length})`);
  if (sg.inputs.length !== 1) unsupported(`a subgraph with ${sg.inputs.length} inputs`);
  const dynamic = options.dynamicSpatial ?? false;
  const inputName = options.inputName ?? 'input';
  const outputs = options.outputs ?? sg.outputs.map((tensor, i) => ({ tensor, name: `output${i}` }));
  const c = new Converter(model, sg, dynamic);
  const inT = c.tensor(sg.inputs[0]);
  if (inT.shape.length !== 4) unsupported(`input of shape [${inT.shape}] (expected NHWC)`);
  c.setValue(sg.inputs[0], inputName);

  // Operators needed for the requested outputs, in the (topological) order of the subgraph.
  const producer = new Map<number, number>();
  sg.operators.forEach((op, k) => {
    for (const t of op.outputs) producer.set(t, k);
  });
  const needed = new Set<number>();
  const stack = outputs.map((o) => o.tensor);
  while (stack.length > 0) {
    const t = stack.pop()!;
    const k = producer.get(t);
    if (k === undefined || needed.has(k)) continue;
    needed.add(k);
    for (const i of sg.operators[k].inputs) if (i >= 0) stack.push(i);
  }
  sg.operators.forEach((op, k) => {
    if (needed.has(k)) c.convert(op);
  });

  const shapeOf = (t: TfliteTensor, name: string): Array<number | string> => {
    const s = t.shape;
    if (s.length !== 4) return s;
    return dynamic ? [s[0], s[3], `${name}_height`, `${name}_width`] : [s[0], s[3], s[1], s[2]];
  };
  const graphOutputs: OnnxValue[] = outputs.map((o) => {
    const v = c.value(o.tensor);
    c.node('Identity', [v], o.name);
    return { name: o.name, shape: shapeOf(c.tensor(o.tensor), o.name) };
  });
  return {
    name: options.name ?? (sg.name || 'tflite'),
    nodes: c.nodes,
    initializers: c.initializers,
    inputs: [
      {
        name: inputName,
        shape: dynamic ? [inT.shape[0], inT.shape[3], 'height', 'width'] : shapeOf(inT, inputName),
      },
    ],
    outputs: graphOutputs,
    opset: 13,
    producer: `colorize-toolkit tflite-to-onnx v${TFLITE_ONNX_CONVERTER_VERSION}`,
  };
}
