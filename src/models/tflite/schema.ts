/**
 * Reads the parts of a TensorFlow Lite model (tensorflow/lite/schema/schema.fbs, schema
 * version 3) that the ONNX converter needs: operator codes, the subgraphs with their tensors
 * (shape, type, buffer, quantisation) and operators (builtin options decoded for the
 * convolution, pooling, elementwise, concatenation, resize, reshape and softmax operators),
 * and the constant buffers. Field numbers are those of the schema; unknown fields are ignored.
 */
import { promises as fs } from 'node:fs';
import { ColorizeError } from '../../errors.js';
import { type FbTable, fbIdentifier, fbRoot } from './flatbuffer.js';

/** TensorType values of the schema. */
export const TFLITE_TENSOR_TYPES = [
  'FLOAT32',
  'FLOAT16',
  'INT32',
  'UINT8',
  'INT64',
  'STRING',
  'BOOL',
  'INT16',
  'COMPLEX64',
  'INT8',
  'FLOAT64',
  'COMPLEX128',
  'UINT64',
  'RESOURCE',
  'VARIANT',
  'UINT32',
  'UINT16',
  'INT4',
] as const;

/** The BuiltinOperator codes this reader names (others are reported by number). */
export const TFLITE_BUILTIN_NAMES: Record<number, string> = {
  0: 'ADD',
  1: 'AVERAGE_POOL_2D',
  2: 'CONCATENATION',
  3: 'CONV_2D',
  4: 'DEPTHWISE_CONV_2D',
  6: 'DEQUANTIZE',
  9: 'FULLY_CONNECTED',
  14: 'LOGISTIC',
  17: 'MAX_POOL_2D',
  18: 'MUL',
  19: 'RELU',
  21: 'RELU6',
  22: 'RESHAPE',
  23: 'RESIZE_BILINEAR',
  25: 'SOFTMAX',
  32: 'CUSTOM',
  34: 'PAD',
  40: 'MEAN',
  56: 'ARG_MAX',
  69: 'TILE',
  114: 'QUANTIZE',
};

/** Fused activation (ActivationFunctionType). */
export type TfliteActivation = 'NONE' | 'RELU' | 'RELU_N1_TO_1' | 'RELU6' | 'TANH' | 'SIGN_BIT';
const ACTIVATIONS: TfliteActivation[] = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'];
/** Padding enum: SAME = 0, VALID = 1. */
export type TflitePadding = 'SAME' | 'VALID';

export interface TfliteQuantization {
  scale: number[];
  zeroPoint: number[];
  /** Axis of per-channel parameters (when scale has more than one entry). */
  quantizedDimension: number;
}

export interface TfliteTensor {
  index: number;
  name: string;
  shape: number[];
  type: (typeof TFLITE_TENSOR_TYPES)[number] | `TYPE_${number}`;
  /** Index into the model's buffers (0 = the empty buffer: not a constant). */
  buffer: number;
  quantization: TfliteQuantization | null;
}

/** Decoded builtin options; fields present depend on the operator. */
export interface TfliteOptions {
  padding?: TflitePadding;
  strideW?: number;
  strideH?: number;
  dilationW?: number;
  dilationH?: number;
  depthMultiplier?: number;
  filterW?: number;
  filterH?: number;
  activation?: TfliteActivation;
  axis?: number;
  alignCorners?: boolean;
  halfPixelCenters?: boolean;
  newShape?: number[];
  beta?: number;
}

export interface TfliteOperator {
  /** Operator name (e.g. "CONV_2D"), or "BUILTIN_<n>" / "CUSTOM:<code>". */
  op: string;
  builtinCode: number;
  inputs: number[];
  outputs: number[];
  options: TfliteOptions;
}

export interface TfliteSubgraph {
  name: string;
  tensors: TfliteTensor[];
  inputs: number[];
  outputs: number[];
  operators: TfliteOperator[];
}

export interface TfliteModel {
  version: number;
  description: string;
  subgraphs: TfliteSubgraph[];
  /** Constant data per buffer index (empty for non-constant tensors). */
  buffers: Uint8Array[];
}

function activation(t: FbTable, id: number): TfliteActivation {
  return ACTIVATIONS[t.int8(id)] ?? 'NONE';
}

function padding(t: FbTable, id: number): TflitePadding {
  return t.int8(id) === 1 ? 'VALID' : 'SAME';
}

/** Builtin options of the operators the converter supports, by BuiltinOptions table layout. */
function readOptions(code: number, t: FbTable | null): TfliteOptions {
  if (!t) return {};
  switch (code) {
    case 3: // Conv2DOptions: padding, stride_w, stride_h, fused_activation_function, dilation_w, dilation_h
      return {
        padding: padding(t, 0),
        strideW: t.int32(1),
        strideH: t.int32(2),
        activation: activation(t, 3),
        dilationW: t.int32(4, 1),
        dilationH: t.int32(5, 1),
      };
    case 4: // DepthwiseConv2DOptions: padding, stride_w, stride_h, depth_multiplier, activation, dilation_w, dilation_h
      return {
        padding: padding(t, 0),
        strideW: t.int32(1),
        strideH: t.int32(2),
        depthMultiplier: t.int32(3),
        activation: activation(t, 4),
        dilationW: t.int32(5, 1),
        dilationH: t.int32(6, 1),
      };
    case 1: // Pool2DOptions (AVERAGE_POOL_2D, MAX_POOL_2D): padding, stride_w, stride_h, filter_width, filter_height, activation
    case 17:
      return {
        padding: padding(t, 0),
        strideW: t.int32(1),
        strideH: t.int32(2),
        filterW: t.int32(3),
        filterH: t.int32(4),
        activation: activation(t, 5),
      };
    case 0: // AddOptions: fused_activation_function, pot_scale_int16
    case 18: // MulOptions: fused_activation_function
      return { activation: activation(t, 0) };
    case 2: // ConcatenationOptions: axis, fused_activation_function
      return { axis: t.int32(0), activation: activation(t, 1) };
    case 23: // ResizeBilinearOptions: new_height (deprecated), new_width (deprecated), align_corners, half_pixel_centers
      return { alignCorners: t.bool(2), halfPixelCenters: t.bool(3) };
    case 22: // ReshapeOptions: new_shape
      return { newShape: t.int32s(0) };
    case 25: // SoftmaxOptions: beta
      return { beta: t.float32(0, 1) };
    case 56: // ArgMaxOptions: output_type
      return {};
    default:
      return {};
  }
}

/**
 * Parses a TensorFlow Lite flatbuffer held in memory.
 *
 * @example
 * ```ts
 * import { parseTflite } from 'colorize-toolkit/internals';
 * let error = '';
 * try {
 *   parseTflite(new Uint8Array(16));
 * } catch (e) {
 *   error = (e as Error).name;
 * }
 * console.log(error); // ColorizeError
 * ```
 */
export function parseTflite(bytes: Uint8Array, file = 'model'): TfliteModel {
  if (fbIdentifier(bytes) !== 'TFL3') {
    throw new ColorizeError(
      `${file}: not a TensorFlow Lite flatbuffer (no "TFL3" identifier)`,
      'input',
      file,
    );
  }
  const root = fbRoot(bytes);
  // Model: version, operator_codes, subgraphs, description, buffers, ...
  const codes = root.tables(1).map((c) => {
    // OperatorCode: deprecated_builtin_code (int8), custom_code, version, builtin_code (int32).
    // Old writers fill only the int8 field, new ones both (the int8 one saturating at 127).
    const code = Math.max(c.int8(0), c.int32(3));
    const name =
      code === 32 ? `CUSTOM:${c.string(1) ?? ''}` : (TFLITE_BUILTIN_NAMES[code] ?? `BUILTIN_${code}`);
    return { code, name };
  });
  const buffers = root.tables(4).map((b) => {
    // Buffer: data, offset, size (offset/size are used by models over 2 GB).
    const data = b.ubytes(0);
    if (data.length > 0) return data;
    const offset = b.uint64(1);
    const size = b.uint64(2);
    return offset > 1 ? bytes.subarray(offset, offset + size) : data;
  });
  const subgraphs = root.tables(2).map((sg): TfliteSubgraph => {
    // SubGraph: tensors, inputs, outputs, operators, name
    const tensors = sg.tables(0).map((t, index): TfliteTensor => {
      // Tensor: shape, type, buffer, name, quantization, is_variable, sparsity, shape_signature
      const q = t.table(4);
      // QuantizationParameters: min, max, scale, zero_point, details_type, details, quantized_dimension
      const scale = q ? q.float32s(2) : [];
      const typeCode = t.int8(1);
      return {
        index,
        name: t.string(3) ?? '',
        shape: t.int32s(0),
        type: TFLITE_TENSOR_TYPES[typeCode] ?? `TYPE_${typeCode}`,
        buffer: t.uint32(2),
        quantization:
          q && scale.length > 0 ? { scale, zeroPoint: q.int64s(3), quantizedDimension: q.int32(6) } : null,
      };
    });
    const operators = sg.tables(3).map((o): TfliteOperator => {
      // Operator: opcode_index, inputs, outputs, builtin_options_type, builtin_options, ...
      const oc = codes[o.uint32(0)];
      if (!oc)
        throw new ColorizeError(`${file}: operator code index ${o.uint32(0)} out of range`, 'input', file);
      return {
        op: oc.name,
        builtinCode: oc.code,
        inputs: o.int32s(1),
        outputs: o.int32s(2),
        options: readOptions(oc.code, o.table(4)),
      };
    });
    return { name: sg.string(4) ?? '', tensors, inputs: sg.int32s(1), outputs: sg.int32s(2), operators };
  });
  return { version: root.uint32(0), description: root.string(3) ?? '', subgraphs, buffers };
}

/**
 * Reads and parses a .tflite file.
 *
 * @example
 * ```ts
 * import { findModelFile, readTfliteModel } from 'colorize-toolkit/internals';
 * const file = findModelFile('mobilenet_v2/mobilenet_v2_1.0_224_quant.tflite');
 * if (file) {
 *   const m = await readTfliteModel(file);
 *   console.log(m.subgraphs[0].tensors[0].shape); // [ 1, 224, 224, 3 ]
 * }
 * ```
 */
export async function readTfliteModel(file: string): Promise<TfliteModel> {
  const buf = await fs.readFile(file);
  return parseTflite(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), file);
}

/** Counts the operators of a subgraph by name, e.g. `{ CONV_2D: 36, ... }`. *
 * @example
 * ```ts
 * import { findModelFile, readTfliteModel, tfliteOperatorCounts } from 'colorize-toolkit/internals';
 * const file = findModelFile('mobilenet_v2/mobilenet_v2_1.0_224_quant.tflite');
 * if (file) console.log(tfliteOperatorCounts((await readTfliteModel(file)).subgraphs[0]).CONV_2D); // 36
 * ```
 */
export function tfliteOperatorCounts(sg: TfliteSubgraph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of sg.operators) counts[o.op] = (counts[o.op] ?? 0) + 1;
  return counts;
}
