// dist/models/protobuf.js
var VARINT = 0;
var LEN = 2;
var I32 = 5;
var ProtoWriter = class {
  chunks = [];
  length = 0;
  push(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  varint(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    const out = [];
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 128);
      v >>= 7n;
    }
    out.push(Number(v));
    this.push(Uint8Array.from(out));
  }
  tag(field, wire) {
    this.varint(field << 3 | wire);
  }
  /** An int32/int64/enum field. */
  int(field, value) {
    this.tag(field, VARINT);
    this.varint(value);
    return this;
  }
  /** A float field. */
  float(field, value) {
    this.tag(field, I32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.push(b);
    return this;
  }
  /** A bytes or embedded-message field. */
  bytes(field, value) {
    this.tag(field, LEN);
    this.varint(value.length);
    this.push(value);
    return this;
  }
  /** A string field (UTF-8). */
  string(field, value) {
    return this.bytes(field, new TextEncoder().encode(value));
  }
  /** The encoded message. */
  finish() {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
};

// dist/models/onnx-builder.js
var FLOAT = 1;
var INT64 = 7;
var ATTR_INT = 2;
var ATTR_STRING = 3;
var ATTR_INTS = 7;
function tensorProto(t) {
  const w = new ProtoWriter();
  for (const d of t.dims)
    w.int(1, d);
  const data = t.data;
  w.int(2, data instanceof BigInt64Array ? INT64 : FLOAT);
  w.string(8, t.name);
  const raw = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const dv = new DataView(raw.buffer);
  if (data instanceof BigInt64Array) {
    for (let i = 0; i < data.length; i++)
      dv.setBigInt64(i * 8, data[i], true);
  } else {
    for (let i = 0; i < data.length; i++)
      dv.setFloat32(i * 4, data[i], true);
  }
  w.bytes(9, raw);
  return w.finish();
}
function attributeProto(name, value) {
  const w = new ProtoWriter().string(1, name);
  if (typeof value === "string") {
    w.string(4, value);
    w.int(20, ATTR_STRING);
  } else if (Array.isArray(value)) {
    for (const v of value)
      w.int(8, v);
    w.int(20, ATTR_INTS);
  } else {
    w.int(3, value);
    w.int(20, ATTR_INT);
  }
  return w.finish();
}
function nodeProto(n, index) {
  const w = new ProtoWriter();
  for (const i of n.inputs)
    w.string(1, i);
  for (const o of n.outputs)
    w.string(2, o);
  w.string(3, n.name ?? `${n.op}_${index}`);
  w.string(4, n.op);
  for (const [k, v] of Object.entries(n.attributes ?? {}))
    w.bytes(5, attributeProto(k, v));
  return w.finish();
}
function valueInfoProto(v) {
  const shape = new ProtoWriter();
  for (const d of v.shape) {
    const dim = typeof d === "number" ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d);
    shape.bytes(1, dim.finish());
  }
  const tensorType = new ProtoWriter().int(1, FLOAT).bytes(2, shape.finish());
  const type = new ProtoWriter().bytes(1, tensorType.finish());
  return new ProtoWriter().string(1, v.name).bytes(2, type.finish()).finish();
}
function encodeOnnxModel(g) {
  const graph = new ProtoWriter();
  g.nodes.forEach((n, i) => {
    graph.bytes(1, nodeProto(n, i));
  });
  graph.string(2, g.name);
  for (const t of g.initializers)
    graph.bytes(5, tensorProto(t));
  for (const v of g.inputs)
    graph.bytes(11, valueInfoProto(v));
  for (const v of g.outputs)
    graph.bytes(12, valueInfoProto(v));
  const opset = new ProtoWriter().string(1, "").int(2, g.opset ?? 13).finish();
  return new ProtoWriter().int(1, 8).string(2, g.producer ?? "colorize-toolkit").bytes(7, graph.finish()).bytes(8, opset).finish();
}

export {
  encodeOnnxModel
};
