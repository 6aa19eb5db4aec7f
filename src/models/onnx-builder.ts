/**
 * Encodes small ONNX models (onnx.proto, IR version 8, default opset 13) from a list of nodes
 * and float32 initialisers, without any ONNX library. Field numbers follow onnx/onnx.proto.
 */
import { ProtoWriter } from './protobuf.js';

const FLOAT = 1; // TensorProto.DataType.FLOAT
const INT64 = 7; // TensorProto.DataType.INT64
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_INTS = 7;

export interface OnnxTensor {
  name: string;
  dims: number[];
  /** float32 weights, or int64 values (shapes, sizes, repeats). */
  data: Float32Array | BigInt64Array;
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  /** Integer, integer-list and string attributes (all the ops used here need). */
  attributes?: Record<string, number | number[] | string>;
}

export interface OnnxValue {
  name: string;
  /** Dimensions; strings are symbolic (dynamic) dimensions. */
  shape: Array<number | string>;
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  opset?: number;
  producer?: string;
}

function tensorProto(t: OnnxTensor): Uint8Array {
  const w = new ProtoWriter();
  for (const d of t.dims) w.int(1, d);
  const data = t.data;
  w.int(2, data instanceof BigInt64Array ? INT64 : FLOAT);
  w.string(8, t.name);
  // raw_data is little-endian by definition; copy so a view into a larger buffer is not leaked.
  const raw = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const dv = new DataView(raw.buffer);
  if (data instanceof BigInt64Array) {
    for (let i = 0; i < data.length; i++) dv.setBigInt64(i * 8, data[i], true);
  } else {
    for (let i = 0; i < data.length; i++) dv.setFloat32(i * 4, data[i], true);
  }
  w.bytes(9, raw);
  return w.finish();
}

function attributeProto(name: string, value: number | number[] | string): Uint8Array {
  const w = new ProtoWriter().string(1, name);
  if (typeof value === 'string') {
    w.string(4, value);
    w.int(20, ATTR_STRING);
  } else if (Array.isArray(value)) {
    for (const v of value) w.int(8, v);
    w.int(20, ATTR_INTS);
  } else {
    w.int(3, value);
    w.int(20, ATTR_INT);
  }
  return w.finish();
}

function nodeProto(n: OnnxNode, index: number): Uint8Array {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.op}_${index}`);
  w.string(4, n.op);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.bytes(5, attributeProto(k, v));
  return w.finish();
}

function valueInfoProto(v: OnnxValue): Uint8Array {
  const shape = new ProtoWriter();
  for (const d of v.shape) {
    const dim = typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d);
    shape.bytes(1, dim.finish());
  }
  const tensorType = new ProtoWriter().int(1, FLOAT).bytes(2, shape.finish());
  const type = new ProtoWriter().bytes(1, tensorType.finish());
  return new ProtoWriter().string(1, v.name).bytes(2, type.finish()).finish();
}

/**
 * Serialises a graph as an ONNX ModelProto.
 *
 * @example
 * ```ts
 * import { encodeOnnxModel } from 'colorize-toolkit/internals';
 * const bytes = encodeOnnxModel({
 *   name: 'relu', nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }], initializers: [],
 *   inputs: [{ name: 'x', shape: [1, 'n'] }], outputs: [{ name: 'y', shape: [1, 'n'] }],
 * });
 * console.log(bytes.length > 0); // true
 * ```
 */
export function encodeOnnxModel(g: OnnxGraph): Uint8Array {
  const graph = new ProtoWriter();
  g.nodes.forEach((n, i) => {
    graph.bytes(1, nodeProto(n, i));
  });
  graph.string(2, g.name);
  for (const t of g.initializers) graph.bytes(5, tensorProto(t));
  for (const v of g.inputs) graph.bytes(11, valueInfoProto(v));
  for (const v of g.outputs) graph.bytes(12, valueInfoProto(v));
  const opset = new ProtoWriter()
    .string(1, '')
    .int(2, g.opset ?? 13)
    .finish();
  return new ProtoWriter()
    .int(1, 8) // ir_version
    .string(2, g.producer ?? 'colorize-toolkit')
    .bytes(7, graph.finish())
    .bytes(8, opset)
    .finish();
}
