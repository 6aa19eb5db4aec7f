import {
  createImage,
  ensureVgg19Onnx,
  ensureVgg19ReluOnnx,
  resizeImage
} from "./chunk-C7DXZTIV.js";
import {
  loadOrt,
  onnxSession
} from "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  cachedModelFile,
  findModelFile,
  modelSearchPaths,
  requireModelFile
} from "./chunk-QUYJNQPH.js";
import {
  encodeOnnxModel
} from "./chunk-MLJKICYF.js";

// dist/models/tflite/cache.js
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";

// dist/models/tflite/flatbuffer.js
var FbTable = class _FbTable {
  bytes;
  view;
  pos;
  vtable;
  vtableSize;
  constructor(bytes, view, pos) {
    this.bytes = bytes;
    this.view = view;
    this.pos = pos;
    check(view, pos, 4);
    this.vtable = pos - view.getInt32(pos, true);
    check(view, this.vtable, 4);
    this.vtableSize = view.getUint16(this.vtable, true);
  }
  /** Byte position of field `id` (0-based field number in the schema), or 0 when absent. */
  field(id) {
    const slot = 4 + 2 * id;
    if (slot + 2 > this.vtableSize)
      return 0;
    const off = this.view.getUint16(this.vtable + slot, true);
    return off === 0 ? 0 : this.pos + off;
  }
  has(id) {
    return this.field(id) !== 0;
  }
  uint8(id, dflt = 0) {
    const p = this.field(id);
    return p ? this.view.getUint8(p) : dflt;
  }
  int8(id, dflt = 0) {
    const p = this.field(id);
    return p ? this.view.getInt8(p) : dflt;
  }
  bool(id, dflt = false) {
    const p = this.field(id);
    return p ? this.view.getUint8(p) !== 0 : dflt;
  }
  int32(id, dflt = 0) {
    const p = this.field(id);
    return p ? this.view.getInt32(p, true) : dflt;
  }
  uint32(id, dflt = 0) {
    const p = this.field(id);
    return p ? this.view.getUint32(p, true) : dflt;
  }
  float32(id, dflt = 0) {
    const p = this.field(id);
    return p ? this.view.getFloat32(p, true) : dflt;
  }
  /** A 64-bit integer field as a JavaScript number (exact below 2^53). */
  uint64(id, dflt = 0) {
    const p = this.field(id);
    return p ? Number(this.view.getBigUint64(p, true)) : dflt;
  }
  /** Follows the 32-bit offset stored at field `id`; 0 when absent. */
  target(id) {
    const p = this.field(id);
    if (!p)
      return 0;
    const t = p + this.view.getUint32(p, true);
    check(this.view, t, 4);
    return t;
  }
  string(id) {
    const t = this.target(id);
    if (!t)
      return null;
    const n = this.view.getUint32(t, true);
    check(this.view, t + 4, n);
    return new TextDecoder().decode(this.bytes.subarray(t + 4, t + 4 + n));
  }
  table(id) {
    const t = this.target(id);
    return t ? new _FbTable(this.bytes, this.view, t) : null;
  }
  /** Start and length of a vector field (length 0 when absent). */
  vector(id, elementSize) {
    const t = this.target(id);
    if (!t)
      return { start: 0, length: 0 };
    const length = this.view.getUint32(t, true);
    check(this.view, t + 4, length * elementSize);
    return { start: t + 4, length };
  }
  int32s(id) {
    const { start, length } = this.vector(id, 4);
    return Array.from({ length }, (_, i) => this.view.getInt32(start + 4 * i, true));
  }
  float32s(id) {
    const { start, length } = this.vector(id, 4);
    return Array.from({ length }, (_, i) => this.view.getFloat32(start + 4 * i, true));
  }
  int64s(id) {
    const { start, length } = this.vector(id, 8);
    return Array.from({ length }, (_, i) => Number(this.view.getBigInt64(start + 8 * i, true)));
  }
  /** A [ubyte] vector as a view into the file (no copy). */
  ubytes(id) {
    const { start, length } = this.vector(id, 1);
    return this.bytes.subarray(start, start + length);
  }
  tables(id) {
    const { start, length } = this.vector(id, 4);
    return Array.from({ length }, (_, i) => {
      const p = start + 4 * i;
      return new _FbTable(this.bytes, this.view, p + this.view.getUint32(p, true));
    });
  }
};
function check(view, pos, n) {
  if (pos < 0 || pos + n > view.byteLength) {
    throw new ColorizeError(`flatbuffer offset ${pos} (+${n}) is outside the ${view.byteLength}-byte file`);
  }
}
function fbRoot(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  check(view, 0, 8);
  return new FbTable(bytes, view, view.getUint32(0, true));
}
function fbIdentifier(bytes) {
  return bytes.length >= 8 ? String.fromCharCode(...bytes.subarray(4, 8)) : "";
}

// dist/models/tflite/schema.js
var TFLITE_TENSOR_TYPES = [
  "FLOAT32",
  "FLOAT16",
  "INT32",
  "UINT8",
  "INT64",
  "STRING",
  "BOOL",
  "INT16",
  "COMPLEX64",
  "INT8",
  "FLOAT64",
  "COMPLEX128",
  "UINT64",
  "RESOURCE",
  "VARIANT",
  "UINT32",
  "UINT16",
  "INT4"
];
var TFLITE_BUILTIN_NAMES = {
  0: "ADD",
  1: "AVERAGE_POOL_2D",
  2: "CONCATENATION",
  3: "CONV_2D",
  4: "DEPTHWISE_CONV_2D",
  6: "DEQUANTIZE",
  9: "FULLY_CONNECTED",
  14: "LOGISTIC",
  17: "MAX_POOL_2D",
  18: "MUL",
  19: "RELU",
  21: "RELU6",
  22: "RESHAPE",
  23: "RESIZE_BILINEAR",
  25: "SOFTMAX",
  32: "CUSTOM",
  34: "PAD",
  40: "MEAN",
  56: "ARG_MAX",
  69: "TILE",
  114: "QUANTIZE"
};
var ACTIVATIONS = ["NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT"];
function activation(t, id) {
  return ACTIVATIONS[t.int8(id)] ?? "NONE";
}
function padding(t, id) {
  return t.int8(id) === 1 ? "VALID" : "SAME";
}
function readOptions(code, t) {
  if (!t)
    return {};
  switch (code) {
    case 3:
      return {
        padding: padding(t, 0),
        strideW: t.int32(1),
        strideH: t.int32(2),
        activation: activation(t, 3),
        dilationW: t.int32(4, 1),
        dilationH: t.int32(5, 1)
      };
    case 4:
      return {
        padding: padding(t, 0),
        strideW: t.int32(1),
        strideH: t.int32(2),
        depthMultiplier: t.int32(3),
        activation: activation(t, 4),
        dilationW: t.int32(5, 1),
        dilationH: t.int32(6, 1)
      };
    case 1:
    // Pool2DOptions (AVERAGE_POOL_2D, MAX_POOL_2D): padding, stride_w, stride_h, filter_width, filter_height, activation
    case 17:
      return {
        padding: padding(t, 0),
        strideW: t.int32(1),
        strideH: t.int32(2),
        filterW: t.int32(3),
        filterH: t.int32(4),
        activation: activation(t, 5)
      };
    case 0:
    // AddOptions: fused_activation_function, pot_scale_int16
    case 18:
      return { activation: activation(t, 0) };
    case 2:
      return { axis: t.int32(0), activation: activation(t, 1) };
    case 23:
      return { alignCorners: t.bool(2), halfPixelCenters: t.bool(3) };
    case 22:
      return { newShape: t.int32s(0) };
    case 25:
      return { beta: t.float32(0, 1) };
    case 56:
      return {};
    default:
      return {};
  }
}
function parseTflite(bytes, file = "model") {
  if (fbIdentifier(bytes) !== "TFL3") {
    throw new ColorizeError(`${file}: not a TensorFlow Lite flatbuffer (no "TFL3" identifier)`, "input", file);
  }
  const root = fbRoot(bytes);
  const codes = root.tables(1).map((c) => {
    const code = Math.max(c.int8(0), c.int32(3));
    const name = code === 32 ? `CUSTOM:${c.string(1) ?? ""}` : TFLITE_BUILTIN_NAMES[code] ?? `BUILTIN_${code}`;
    return { code, name };
  });
  const buffers = root.tables(4).map((b) => {
    const data = b.ubytes(0);
    if (data.length > 0)
      return data;
    const offset = b.uint64(1);
    const size = b.uint64(2);
    return offset > 1 ? bytes.subarray(offset, offset + size) : data;
  });
  const subgraphs = root.tables(2).map((sg) => {
    const tensors = sg.tables(0).map((t, index) => {
      const q = t.table(4);
      const scale = q ? q.float32s(2) : [];
      const typeCode = t.int8(1);
      return {
        index,
        name: t.string(3) ?? "",
        shape: t.int32s(0),
        type: TFLITE_TENSOR_TYPES[typeCode] ?? `TYPE_${typeCode}`,
        buffer: t.uint32(2),
        quantization: q && scale.length > 0 ? { scale, zeroPoint: q.int64s(3), quantizedDimension: q.int32(6) } : null
      };
    });
    const operators = sg.tables(3).map((o) => {
      const oc = codes[o.uint32(0)];
      if (!oc)
        throw new ColorizeError(`${file}: operator code index ${o.uint32(0)} out of range`, "input", file);
      return {
        op: oc.name,
        builtinCode: oc.code,
        inputs: o.int32s(1),
        outputs: o.int32s(2),
        options: readOptions(oc.code, o.table(4))
      };
    });
    return { name: sg.string(4) ?? "", tensors, inputs: sg.int32s(1), outputs: sg.int32s(2), operators };
  });
  return { version: root.uint32(0), description: root.string(3) ?? "", subgraphs, buffers };
}

// dist/models/tflite/to-onnx.js
var TFLITE_ONNX_CONVERTER_VERSION = 1;
var NHWC_TO_NCHW_AXIS = [0, 2, 3, 1];
function unsupported(what) {
  throw new ColorizeError(`tflite \u2192 onnx: ${what} is not supported`, "input");
}
function rawValues(model, t) {
  const buf = model.buffers[t.buffer];
  if (!buf || buf.length === 0)
    unsupported(`tensor ${t.index} "${t.name}" without constant data`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const size = { UINT8: 1, INT8: 1, INT32: 4, FLOAT32: 4, INT64: 8 }[t.type];
  if (!size)
    unsupported(`constant of type ${t.type} (tensor "${t.name}")`);
  const n = buf.length / size;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (t.type) {
      case "UINT8":
        out[i] = dv.getUint8(i);
        break;
      case "INT8":
        out[i] = dv.getInt8(i);
        break;
      case "INT32":
        out[i] = dv.getInt32(4 * i, true);
        break;
      case "FLOAT32":
        out[i] = dv.getFloat32(4 * i, true);
        break;
      default:
        out[i] = Number(dv.getBigInt64(8 * i, true));
    }
  }
  return out;
}
function dequantizeTfliteTensor(model, t) {
  const q = rawValues(model, t);
  const out = new Float32Array(q.length);
  const qp = t.quantization;
  if (!qp || t.type === "FLOAT32") {
    out.set(q);
    return out;
  }
  const nc = qp.scale.length;
  let inner = 1;
  if (nc > 1) {
    const dim = qp.quantizedDimension;
    if (t.shape[dim] !== nc)
      unsupported(`${nc} scales for axis ${dim} of shape [${t.shape}] ("${t.name}")`);
    for (let k = dim + 1; k < t.shape.length; k++)
      inner *= t.shape[k];
  }
  for (let i = 0; i < q.length; i++) {
    const c = nc > 1 ? Math.floor(i / inner) % nc : 0;
    out[i] = qp.scale[c] * (q[i] - (qp.zeroPoint[c] ?? qp.zeroPoint[0] ?? 0));
  }
  return out;
}
function tfSamePads(inSize, kernel, stride, dilation = 1) {
  const out = Math.ceil(inSize / stride);
  const total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}
var Converter = class {
  model;
  sg;
  dynamic;
  nodes = [];
  initializers = [];
  consts = /* @__PURE__ */ new Map();
  names = /* @__PURE__ */ new Map();
  counter = 0;
  constructor(model, sg, dynamic) {
    this.model = model;
    this.sg = sg;
    this.dynamic = dynamic;
  }
  tensor(i) {
    const t = this.sg.tensors[i];
    if (!t)
      unsupported(`tensor index ${i}`);
    return t;
  }
  /** The ONNX value holding TFLite tensor i (a constant becomes an initialiser on first use). */
  value(i) {
    const n = this.names.get(i);
    if (n)
      return n;
    const t = this.tensor(i);
    let data = dequantizeTfliteTensor(this.model, t);
    let dims = t.shape.slice();
    if (dims.length === 4) {
      data = permute(data, dims, [0, 3, 1, 2]);
      dims = [dims[0], dims[3], dims[1], dims[2]];
    }
    return this.init(`c${i}`, dims, data, i);
  }
  setValue(i, name) {
    this.names.set(i, name);
  }
  init(name, dims, data, tensor) {
    this.initializers.push({ name, dims, data });
    if (tensor !== void 0)
      this.names.set(tensor, name);
    return name;
  }
  scalar(v) {
    const key = `f${v}`;
    let n = this.consts.get(key);
    if (!n) {
      n = this.init(`const_${this.consts.size}`, [], Float32Array.of(v));
      this.consts.set(key, n);
    }
    return n;
  }
  int64s(values) {
    return this.init(`i64_${this.counter++}`, [values.length], BigInt64Array.from(values.map(BigInt)));
  }
  fresh(base) {
    return `${base}_${this.counter++}`;
  }
  node(op, inputs, output, attributes) {
    this.nodes.push({ op, inputs, outputs: [output], ...attributes ? { attributes } : {} });
    return output;
  }
  /** Emits the fused activation after `x`; returns the ONNX value of tensor `out`. */
  activate(x, act, out) {
    const name = `t${out}`;
    switch (act ?? "NONE") {
      case "NONE":
        this.nodes.at(-1).outputs[0] = name;
        break;
      case "RELU":
        this.node("Relu", [x], name);
        break;
      case "RELU6":
        this.node("Clip", [x, this.scalar(0), this.scalar(6)], name);
        break;
      case "RELU_N1_TO_1":
        this.node("Clip", [x, this.scalar(-1), this.scalar(1)], name);
        break;
      case "TANH":
        this.node("Tanh", [x], name);
        break;
      default:
        unsupported(`fused activation ${act}`);
    }
    this.setValue(out, name);
  }
  /** kernel_shape / strides / dilations / pads (or auto_pad) attributes of a window op. */
  window(op, kh, kw) {
    const o = op.options;
    const sH = o.strideH ?? 1;
    const sW = o.strideW ?? 1;
    const dH = o.dilationH ?? 1;
    const dW = o.dilationW ?? 1;
    const a = { kernel_shape: [kh, kw], strides: [sH, sW] };
    if (o.dilationH !== void 0)
      a.dilations = [dH, dW];
    if (o.padding === "SAME") {
      if (this.dynamic)
        a.auto_pad = "SAME_UPPER";
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
  convert(op) {
    const o = op.options;
    const out = op.outputs[0];
    const outT = this.tensor(out);
    const x = () => this.value(op.inputs[0]);
    switch (op.op) {
      case "CONV_2D":
      case "DEPTHWISE_CONV_2D": {
        const wt = this.tensor(op.inputs[1]);
        const w = dequantizeTfliteTensor(this.model, wt);
        const [a, kh, kw, b] = wt.shape;
        let weight;
        let dims;
        let group = 1;
        if (op.op === "CONV_2D") {
          weight = permute(w, wt.shape, [0, 3, 1, 2]);
          dims = [a, b, kh, kw];
        } else {
          if (a !== 1)
            unsupported(`depthwise filter shape [${wt.shape}]`);
          weight = permute(w, wt.shape, [3, 0, 1, 2]);
          dims = [b, 1, kh, kw];
          group = this.tensor(op.inputs[0]).shape[3];
          if (group * (o.depthMultiplier || b / group) !== b)
            unsupported(`depth multiplier of "${outT.name}"`);
        }
        const inputs = [x(), this.init(this.fresh("w"), dims, weight)];
        if (op.inputs.length > 2 && op.inputs[2] >= 0) {
          inputs.push(this.init(this.fresh("b"), [dims[0]], dequantizeTfliteTensor(this.model, this.tensor(op.inputs[2]))));
        }
        const attrs = this.window(op, kh, kw);
        attrs.group = group;
        const y = this.node("Conv", inputs, this.fresh("conv"), attrs);
        this.activate(y, o.activation, out);
        return;
      }
      case "AVERAGE_POOL_2D":
      case "MAX_POOL_2D": {
        const [, ih, iw] = this.tensor(op.inputs[0]).shape;
        const kh = o.filterH ?? 1;
        const kw = o.filterW ?? 1;
        const avg = op.op === "AVERAGE_POOL_2D";
        let y;
        if (o.padding === "VALID" && kh === ih && kw === iw) {
          y = this.node(avg ? "GlobalAveragePool" : "GlobalMaxPool", [x()], this.fresh("pool"));
        } else {
          const attrs = this.window({ ...op, options: { ...o, dilationH: void 0, dilationW: void 0 } }, kh, kw);
          y = this.node(avg ? "AveragePool" : "MaxPool", [x()], this.fresh("pool"), attrs);
        }
        this.activate(y, o.activation, out);
        return;
      }
      case "ADD":
      case "MUL": {
        const y = this.node(op.op === "ADD" ? "Add" : "Mul", [x(), this.value(op.inputs[1])], this.fresh("elt"));
        this.activate(y, o.activation, out);
        return;
      }
      case "CONCATENATION": {
        const rank = outT.shape.length;
        let axis = o.axis ?? 0;
        if (axis < 0)
          axis += rank;
        if (rank === 4)
          axis = NHWC_TO_NCHW_AXIS[axis];
        const y = this.node("Concat", op.inputs.map((i) => this.value(i)), this.fresh("concat"), { axis });
        this.activate(y, o.activation, out);
        return;
      }
      case "QUANTIZE":
      case "DEQUANTIZE":
        this.setValue(out, x());
        return;
      case "RESIZE_BILINEAR": {
        const inT = this.tensor(op.inputs[0]);
        const [n, oh, ow, c] = outT.shape;
        if (inT.shape[1] === oh && inT.shape[2] === ow) {
          this.setValue(out, x());
          return;
        }
        if (this.dynamic)
          unsupported("RESIZE_BILINEAR in a graph with dynamic spatial size");
        const mode = o.alignCorners ? "align_corners" : o.halfPixelCenters ? "half_pixel" : "asymmetric";
        this.node("Resize", [x(), "", "", this.int64s([n, c, oh, ow])], `t${out}`, {
          mode: "linear",
          coordinate_transformation_mode: mode
        });
        this.setValue(out, `t${out}`);
        return;
      }
      case "TILE": {
        if (this.dynamic)
          unsupported("TILE in a graph with dynamic spatial size");
        const reps = Array.from(rawValues(this.model, this.tensor(op.inputs[1])));
        const r = reps.length === 4 ? [reps[0], reps[3], reps[1], reps[2]] : reps;
        this.node("Tile", [x(), this.int64s(r)], `t${out}`);
        this.setValue(out, `t${out}`);
        return;
      }
      case "RESHAPE": {
        const inShape = this.tensor(op.inputs[0]).shape;
        const outShape = outT.shape;
        if (inShape.length === 4 && inShape[1] === 1 && inShape[2] === 1 && outShape.length === 2) {
          this.node("Flatten", [x()], `t${out}`, { axis: 1 });
        } else {
          if (this.dynamic)
            unsupported("a general RESHAPE in a graph with dynamic spatial size");
          let v = x();
          if (inShape.length === 4)
            v = this.node("Transpose", [v], this.fresh("nhwc"), { perm: [0, 2, 3, 1] });
          v = this.node("Reshape", [v, this.int64s(outShape)], this.fresh("reshape"));
          if (outShape.length === 4)
            this.node("Transpose", [v], `t${out}`, { perm: [0, 3, 1, 2] });
          else
            this.nodes.at(-1).outputs[0] = `t${out}`;
        }
        this.setValue(out, `t${out}`);
        return;
      }
      case "SOFTMAX": {
        const rank = outT.shape.length;
        if (rank !== 2 && rank !== 4)
          unsupported(`SOFTMAX of rank ${rank}`);
        let v = x();
        if ((o.beta ?? 1) !== 1)
          v = this.node("Mul", [v, this.scalar(o.beta ?? 1)], this.fresh("beta"));
        this.node("Softmax", [v], `t${out}`, { axis: 1 });
        this.setValue(out, `t${out}`);
        return;
      }
      default:
        unsupported(`operator ${op.op}`);
    }
  }
};
function permute(data, shape, perm) {
  const outShape = perm.map((p) => shape[p]);
  const inStrides = new Array(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    inStrides[k] = s;
    s *= shape[k];
  }
  const stride = perm.map((p) => inStrides[p]);
  const out = new Float32Array(data.length);
  const idx = new Array(shape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let k = 0; k < idx.length; k++)
      src += idx[k] * stride[k];
    out[o] = data[src];
    for (let k = idx.length - 1; k >= 0; k--) {
      if (++idx[k] < outShape[k])
        break;
      idx[k] = 0;
    }
  }
  return out;
}
function tfliteToOnnx(model, options = {}) {
  const sg = model.subgraphs[options.subgraph ?? 0];
  if (!sg)
    unsupported(`subgraph ${options.subgraph ?? 0} (the model has ${model.subgraphs.length})`);
  if (sg.inputs.length !== 1)
    unsupported(`a subgraph with ${sg.inputs.length} inputs`);
  const dynamic = options.dynamicSpatial ?? false;
  const inputName = options.inputName ?? "input";
  const outputs = options.outputs ?? sg.outputs.map((tensor, i) => ({ tensor, name: `output${i}` }));
  const c = new Converter(model, sg, dynamic);
  const inT = c.tensor(sg.inputs[0]);
  if (inT.shape.length !== 4)
    unsupported(`input of shape [${inT.shape}] (expected NHWC)`);
  c.setValue(sg.inputs[0], inputName);
  const producer = /* @__PURE__ */ new Map();
  sg.operators.forEach((op, k) => {
    for (const t of op.outputs)
      producer.set(t, k);
  });
  const needed = /* @__PURE__ */ new Set();
  const stack = outputs.map((o) => o.tensor);
  while (stack.length > 0) {
    const t = stack.pop();
    const k = producer.get(t);
    if (k === void 0 || needed.has(k))
      continue;
    needed.add(k);
    for (const i of sg.operators[k].inputs)
      if (i >= 0)
        stack.push(i);
  }
  sg.operators.forEach((op, k) => {
    if (needed.has(k))
      c.convert(op);
  });
  const shapeOf = (t, name) => {
    const s = t.shape;
    if (s.length !== 4)
      return s;
    return dynamic ? [s[0], s[3], `${name}_height`, `${name}_width`] : [s[0], s[3], s[1], s[2]];
  };
  const graphOutputs = outputs.map((o) => {
    const v = c.value(o.tensor);
    c.node("Identity", [v], o.name);
    return { name: o.name, shape: shapeOf(c.tensor(o.tensor), o.name) };
  });
  return {
    name: options.name ?? (sg.name || "tflite"),
    nodes: c.nodes,
    initializers: c.initializers,
    inputs: [
      {
        name: inputName,
        shape: dynamic ? [inT.shape[0], inT.shape[3], "height", "width"] : shapeOf(inT, inputName)
      }
    ],
    outputs: graphOutputs,
    opset: 13,
    producer: `colorize-toolkit tflite-to-onnx v${TFLITE_ONNX_CONVERTER_VERSION}`
  };
}

// dist/models/tflite/cache.js
async function ensureTfliteOnnx(relative, tag, graphVersion, build) {
  const src = requireModelFile(relative);
  const bytes = await fs.readFile(src);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const name = `${tag}-v${TFLITE_ONNX_CONVERTER_VERSION}.${graphVersion}-${hash}.onnx`;
  return cachedModelFile(name, () => encodeOnnxModel(build(parseTflite(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), src))));
}

// dist/models/mobilenet-v2.js
var MOBILENET_V2_TFLITE = "mobilenet_v2/mobilenet_v2_1.0_224_quant.tflite";
var MOBILENET_V2_LABELS = "mobilenet_v2/imagenet_labels.txt";
var MOBILENET_V2_OUTPUTS = [
  /** Output of inverted-residual block 2 (`expanded_conv_2/add`), 24 channels at 1/4. */
  { name: "features_s4", channels: 24, stride: 4, tensor: "MobilenetV2/expanded_conv_2/add" },
  /** Output of block 5 (`expanded_conv_5/add`), 32 channels at 1/8. */
  { name: "features_s8", channels: 32, stride: 8, tensor: "MobilenetV2/expanded_conv_5/add" },
  /** Output of block 12 (`expanded_conv_12/add`), 96 channels at 1/16. */
  { name: "features_s16", channels: 96, stride: 16, tensor: "MobilenetV2/expanded_conv_12/add" },
  /** The last 1 × 1 convolution after its ReLU6 (`Conv_1/Relu6`), 1280 channels at 1/32. */
  { name: "features_s32", channels: 1280, stride: 32, tensor: "MobilenetV2/Conv_1/Relu6" },
  /** Class scores before the softmax (1001; index 0 = background): the input of the SOFTMAX. */
  { name: "logits", channels: 1001, stride: 0, tensor: "softmax input" },
  /** Softmax probabilities (1001; index 0 = background). */
  { name: "probs", channels: 1001, stride: 0, tensor: "MobilenetV2/Predictions/Softmax" }
];
var GRAPH_VERSION = 1;
function findTensor(model, name) {
  const sg = model.subgraphs[0];
  if (name === "softmax input") {
    const op = sg.operators.find((o) => o.op === "SOFTMAX");
    if (op)
      return op.inputs[0];
  }
  const ts = sg.tensors;
  const t = ts.find((x) => x.name === name) ?? ts.find((x) => x.name.split(";")[0] === name);
  if (!t)
    throw new ColorizeError(`mobilenet_v2: tensor "${name}" not found in the .tflite file`, "input");
  return t.index;
}
function buildMobileNetV2Graph(model) {
  const sg = model.subgraphs[0];
  const outputs = MOBILENET_V2_OUTPUTS.map((o) => {
    const tensor = findTensor(model, o.tensor);
    const shape = sg.tensors[tensor].shape;
    if (shape[shape.length - 1] !== o.channels) {
      throw new ColorizeError(`mobilenet_v2: tensor "${o.tensor}" has shape [${shape}], expected ${o.channels} channels`, "input");
    }
    return { tensor, name: o.name };
  });
  return tfliteToOnnx(model, { outputs, dynamicSpatial: true, name: "mobilenet_v2_1.0_float" });
}
async function ensureMobileNetV2Onnx() {
  return ensureTfliteOnnx(MOBILENET_V2_TFLITE, "mobilenet_v2_1.0", GRAPH_VERSION, buildMobileNetV2Graph);
}
function mobileNetV2Input(image) {
  const ch = image.channels;
  if (ch.length !== 1 && ch.length !== 3) {
    throw new ColorizeError(`mobilenet_v2: expected 1 or 3 channels, got ${ch.length}`, "input");
  }
  const n = image.width * image.height;
  const out = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) {
    const p = ch[ch.length === 3 ? c : 0];
    for (let i = 0; i < n; i++)
      out[c * n + i] = (p[i] * 255 - 128) / 128;
  }
  return out;
}
function resizeTo(image, width, height) {
  if (image.width === width && image.height === height)
    return image;
  const shrink = width <= image.width && height <= image.height;
  return resizeImage(image, width, height, shrink ? "area" : "bilinear");
}
async function mobileNetV2Features(image, options = {}) {
  const width = options.width ?? 224;
  const height = options.height ?? 224;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 32 && height >= 32)) {
    throw new ColorizeError(`mobilenet_v2: input size ${width}\xD7${height} must be whole numbers \u2265 32`, "usage");
  }
  const [ort, session] = await Promise.all([loadOrt(), ensureMobileNetV2Onnx().then(onnxSession)]);
  const data = mobileNetV2Input(resizeTo(image, width, height));
  const out = await session.run({ input: new ort.Tensor("float32", data, [1, 3, height, width]) });
  const map = (name) => {
    const [, c, h, w] = out[name].dims;
    return { channels: c, width: w, height: h, data: out[name].data };
  };
  return {
    features: {
      features_s4: map("features_s4"),
      features_s8: map("features_s8"),
      features_s16: map("features_s16"),
      features_s32: map("features_s32")
    },
    logits: out.logits.data,
    probs: out.probs.data
  };
}

// dist/models/registry.js
import path from "node:path";
var models = /* @__PURE__ */ new Map();
function registerModel(entry) {
  models.set(entry.name, entry);
}
function listModels() {
  return [...models.values()];
}
function getModel(name) {
  const m = models.get(name);
  if (!m)
    throw new ColorizeError(`unknown model ${name}; known: ${[...models.keys()].join(", ")}`, "internal");
  return m;
}
function modelStatus(name) {
  const entry = getModel(name);
  const found = {};
  const searched = {};
  for (const f of entry.files) {
    found[f] = findModelFile(f);
    if (!found[f])
      searched[f] = modelSearchPaths().map((d) => path.join(d, f));
  }
  return { entry, available: Object.values(found).every((p) => p !== null), found, searched };
}
function requireModel(name) {
  const s = modelStatus(name);
  if (s.available)
    return;
  const missing = Object.entries(s.searched).map(([f, paths]) => `${f} (looked in: ${paths.join(", ")})`).join("; ");
  throw new ColorizeError(`model ${name} is not installed: missing ${missing}; set COLORIZE_MODELS to the folder that holds it`, "io");
}

// dist/models/deeplab.js
import { promises as fs2 } from "node:fs";
var DEEPLAB_MODELS = {
  pascal: {
    file: "deeplab/deeplabv3_mnv2_pascal_quant.tflite",
    labels: "deeplab/pascal_voc_segmentation_labels.txt",
    classes: 21,
    skipLabelLines: 0
  },
  "pascal-dm05": {
    file: "deeplab/deeplabv3_mnv2_dm05_pascal_quant.tflite",
    labels: "deeplab/pascal_voc_segmentation_labels.txt",
    classes: 21,
    skipLabelLines: 0
  },
  // The Cityscapes label file starts with an extra "background" line that names no output.
  cityscapes: {
    file: "deeplab/deeplab_mobilenet_edgetpu_slim_cityscapes_quant.tflite",
    labels: "deeplab/cityscapes_segmentation_labels.txt",
    classes: 19,
    skipLabelLines: 1
  }
};
var DEEPLAB_INPUT_SIZE = 513;
var DEEPLAB_LOGITS_SIZE = 33;
var DEEPLAB_STRIDE = 16;
var GRAPH_VERSION2 = 1;
function checkVariant(variant) {
  if (!(variant in DEEPLAB_MODELS)) {
    throw new ColorizeError(`deeplab: unknown variant "${variant}" (expected ${Object.keys(DEEPLAB_MODELS).join(", ")})`, "usage");
  }
  return variant;
}
function deeplabLogitsTensor(model) {
  const sg = model.subgraphs[0];
  const producer = /* @__PURE__ */ new Map();
  for (const op of sg.operators)
    for (const t of op.outputs)
      producer.set(t, op);
  const argmax = sg.operators.find((o) => o.op === "ARG_MAX");
  const resize = argmax ? producer.get(argmax.inputs[0]) : void 0;
  if (resize?.op !== "RESIZE_BILINEAR") {
    throw new ColorizeError("deeplab: no ARG_MAX fed by a RESIZE_BILINEAR in the .tflite file", "input");
  }
  return resize.inputs[0];
}
function buildDeeplabGraph(model, classes) {
  const tensor = deeplabLogitsTensor(model);
  const shape = model.subgraphs[0].tensors[tensor].shape;
  const want = [1, DEEPLAB_LOGITS_SIZE, DEEPLAB_LOGITS_SIZE, classes];
  if (shape.join() !== want.join()) {
    throw new ColorizeError(`deeplab: logits tensor has shape [${shape}], expected [${want}]`, "input");
  }
  return tfliteToOnnx(model, { outputs: [{ tensor, name: "logits" }], name: "deeplab_v3_float" });
}
async function ensureDeeplabOnnx(variant = "pascal") {
  const v = DEEPLAB_MODELS[checkVariant(variant)];
  return ensureTfliteOnnx(v.file, `deeplab-${variant}`, GRAPH_VERSION2, (m) => buildDeeplabGraph(m, v.classes));
}
var labelCache = /* @__PURE__ */ new Map();
async function deeplabLabels(variant = "pascal") {
  const key = checkVariant(variant);
  let p = labelCache.get(key);
  if (!p) {
    const v = DEEPLAB_MODELS[key];
    p = (async () => {
      const file = requireModelFile(v.labels);
      const lines = (await fs2.readFile(file, "utf8")).split("\n").map((l) => l.trim());
      const names = lines.slice(v.skipLabelLines, v.skipLabelLines + v.classes);
      if (names.length !== v.classes || names.some((n) => n === "")) {
        throw new ColorizeError(`${file}: expected ${v.classes} class names`, "input", file);
      }
      return names;
    })();
    p.catch(() => labelCache.delete(key));
    labelCache.set(key, p);
  }
  return p;
}
function deeplabPlacement(width, height) {
  const s = DEEPLAB_INPUT_SIZE / Math.max(width, height);
  return {
    width: Math.min(DEEPLAB_INPUT_SIZE, Math.max(1, Math.round(width * s))),
    height: Math.min(DEEPLAB_INPUT_SIZE, Math.max(1, Math.round(height * s)))
  };
}
function deeplabInput(image) {
  const ch = image.channels;
  if (ch.length !== 1 && ch.length !== 3) {
    throw new ColorizeError(`deeplab: expected 1 or 3 channels, got ${ch.length}`, "input");
  }
  const { width: w, height: h } = deeplabPlacement(image.width, image.height);
  const shrink = w <= image.width && h <= image.height;
  const r = w === image.width && h === image.height ? image : resizeImage(image, w, h, shrink ? "area" : "bilinear");
  const S = DEEPLAB_INPUT_SIZE;
  const out = new Float32Array(3 * S * S);
  for (let c = 0; c < 3; c++) {
    const p = r.channels[ch.length === 3 ? c : 0];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        out[(c * S + y) * S + x] = (p[y * w + x] * 255 - 128) / 128;
  }
  return out;
}
async function deeplabProbabilities(image, variant = "pascal") {
  const key = checkVariant(variant);
  const [ort, session, labels] = await Promise.all([
    loadOrt(),
    ensureDeeplabOnnx(key).then(onnxSession),
    deeplabLabels(key)
  ]);
  const S = DEEPLAB_INPUT_SIZE;
  const out = await session.run({ input: new ort.Tensor("float32", deeplabInput(image), [1, 3, S, S]) });
  const logits = out.logits.data;
  const L = DEEPLAB_LOGITS_SIZE;
  const C = labels.length;
  const place = deeplabPlacement(image.width, image.height);
  const gw = Math.max(1, Math.round(place.width / DEEPLAB_STRIDE));
  const gh = Math.max(1, Math.round(place.height / DEEPLAB_STRIDE));
  const prob = createImage(gw, gh, C);
  const taps = (n, placed) => Array.from({ length: n }, (_, k) => {
    const u = Math.min(L - 1, Math.max(0, ((k + 0.5) * placed / n - 0.5) / DEEPLAB_STRIDE));
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
        if (v[c] > max)
          max = v[c];
      }
      let sum = 0;
      for (let c = 0; c < C; c++) {
        v[c] = Math.exp(v[c] - max);
        sum += v[c];
      }
      for (let c = 0; c < C; c++)
        prob.channels[c][y * gw + x] = v[c] / sum;
    }
  return { probabilities: prob, labels };
}

// dist/models/catalogue.js
var VGG_SHARDS = Array.from({ length: 8 }, (_, i) => `vgg19/group${i + 1}-shard1of1`);
registerModel({
  name: "vgg19",
  description: "VGG-19 (ImageNet) blocks 1\u20133, converted to ONNX on first use",
  files: VGG_SHARDS,
  usedBy: ["exemplar superpixel", "exemplar gram", "exemplar attention"],
  source: "Simonyan & Zisserman 2015, Keras weights via DavidCai1993/vgg19-tensorflowjs-model (MIT)",
  // Both graphs: conv1_2/conv2_2/conv3_4 (superpixel, gram) and relu1_1/2_1/3_1 (attention).
  convert: async () => {
    await ensureVgg19ReluOnnx();
    return ensureVgg19Onnx();
  }
});
registerModel({
  name: "color-bins",
  description: "the 313 quantised ab colours of Zhang et al. 2016",
  files: ["color-bins/pts_in_hull.f32"],
  usedBy: ["auto cnn", "auto cnn-tv"],
  source: "Zhang, Isola & Efros 2016 via ColorfulSoft/StyleTransfer-Colorization-SuperResolution (MIT)"
});
registerModel({
  name: "mobilenet-v2",
  description: "MobileNetV2 1.0/224 (ImageNet), uint8 TFLite converted to a float ONNX graph on first use",
  files: [MOBILENET_V2_TFLITE, MOBILENET_V2_LABELS],
  usedBy: ["auto cnn", "auto cnn-tv", "exemplar attention"],
  source: "Sandler et al. 2018, google-coral/test_data (Apache-2.0)",
  convert: ensureMobileNetV2Onnx
});
registerModel({
  name: "cnn-tv-head",
  description: "our 313-bin colour-distribution head on MobileNetV2 features, trained here (training/cnn)",
  files: ["cnn-tv/head.onnx"],
  usedBy: ["auto cnn", "auto cnn-tv"],
  source: "this project (MIT), trained on ../shared/data/train"
});
for (const [variant, spec] of Object.entries(DEEPLAB_MODELS)) {
  registerModel({
    name: `deeplab-${variant}`,
    description: `DeepLab v3 segmentation (${spec.classes} classes), uint8 TFLite converted to a float ONNX graph on first use`,
    files: [spec.file, spec.labels],
    usedBy: ["auto cheng (semantic features)"],
    source: "Chen et al. 2017, google-coral/test_data (Apache-2.0)",
    convert: () => ensureDeeplabOnnx(variant)
  });
}
registerModel({
  name: "cheng",
  description: "Deep Colorization ensemble: global and 4 seed siblings, 3 ablation, 68 cluster and a warm-style MLP (float16), trained here (training/cheng)",
  files: ["cheng/model.json", "cheng/weights.bin"],
  usedBy: ["auto cheng"],
  source: "this project (MIT), trained on ../shared/data/train"
});
registerModel({
  name: "attention",
  description: "attention-based exemplar network (axial attention, pyramid decoder) on VGG-19/MobileNetV2 features, trained here at 128\xB2 (training/attention)",
  files: ["attention/net.onnx"],
  usedBy: ["exemplar attention"],
  source: "this project (MIT), trained on ../shared/data/train"
});

export {
  DEEPLAB_MODELS,
  deeplabProbabilities,
  mobileNetV2Features,
  listModels,
  modelStatus,
  requireModel
};
