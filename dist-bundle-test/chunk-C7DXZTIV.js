import {
  ColorizeError,
  cachedModelFile,
  findModelFile,
  invalidOption,
  modelCacheDir,
  requireModelFile
} from "./chunk-QUYJNQPH.js";
import {
  encodeOnnxModel
} from "./chunk-MLJKICYF.js";

// dist/image/image.js
function createImage(width, height, channelCount) {
  const channels = [];
  for (let c = 0; c < channelCount; c++)
    channels.push(new Float32Array(width * height));
  return { width, height, channels };
}
function fromPlanes(width, height, channels) {
  const n = width * height;
  for (const [i, p] of channels.entries()) {
    if (p.length !== n)
      throw new RangeError(`plane ${i} has ${p.length} samples, expected ${width}\xD7${height}=${n}`);
  }
  return { width, height, channels };
}
function grayToRgb(img) {
  if (img.channels.length === 3)
    return img;
  if (img.channels.length !== 1)
    throw new RangeError(`expected 1 or 3 channels, got ${img.channels.length}`);
  const g = img.channels[0];
  return { width: img.width, height: img.height, channels: [g.slice(), g.slice(), g.slice()] };
}
function isNeutralGray(img, tolerance) {
  if (img.channels.length < 3)
    return true;
  const [r, g, b] = img.channels;
  const t = tolerance * (1 + 1e-4);
  for (let i = 0; i < r.length; i++) {
    const ri = r[i];
    const gi = g[i];
    const bi = b[i];
    if (Math.abs(ri - gi) > t || Math.abs(gi - bi) > t || Math.abs(ri - bi) > t)
      return false;
  }
  return true;
}

// dist/color/srgb.js
var RGB_TO_XYZ = [
  0.4123907992659595,
  0.357584339383878,
  0.1804807884018343,
  0.21263900587151036,
  0.715168678767756,
  0.07219231536073371,
  0.01933081871559185,
  0.11919477979462599,
  0.9505321522496606
];
var XYZ_TO_RGB = invert3(RGB_TO_XYZ);
var D65_WHITE = [
  RGB_TO_XYZ[0] + RGB_TO_XYZ[1] + RGB_TO_XYZ[2],
  RGB_TO_XYZ[3] + RGB_TO_XYZ[4] + RGB_TO_XYZ[5],
  RGB_TO_XYZ[6] + RGB_TO_XYZ[7] + RGB_TO_XYZ[8]
];
function srgbToLinear(v) {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}
function linearToSrgb(v) {
  return v <= 31308e-7 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
}
var LUT_SIZE = 4096;
var decodeLut = null;
function srgbDecodeTable() {
  if (decodeLut === null) {
    decodeLut = new Float32Array(LUT_SIZE + 2);
    for (let i = 0; i <= LUT_SIZE + 1; i++)
      decodeLut[i] = srgbToLinear(i / LUT_SIZE);
  }
  return decodeLut;
}
function srgbToLinearFast(v) {
  if (v <= 0.04045)
    return v / 12.92;
  if (v >= 1)
    return srgbToLinear(v);
  if (decodeLut === null) {
    decodeLut = new Float32Array(LUT_SIZE + 2);
    for (let i2 = 0; i2 <= LUT_SIZE + 1; i2++)
      decodeLut[i2] = srgbToLinear(i2 / LUT_SIZE);
  }
  const x = v * LUT_SIZE;
  const i = x | 0;
  const f2 = x - i;
  return decodeLut[i] + (decodeLut[i + 1] - decodeLut[i]) * f2;
}
var ENC_SIZE = 65536;
var encodeLut = null;
function linearToSrgbFast(v) {
  if (v <= 31308e-7)
    return v <= 0 ? 0 : v * 12.92;
  if (v >= 1)
    return 1;
  if (encodeLut === null) {
    encodeLut = new Float32Array(ENC_SIZE + 2);
    for (let i2 = 0; i2 <= ENC_SIZE + 1; i2++)
      encodeLut[i2] = linearToSrgb(Math.min(1, i2 / ENC_SIZE));
  }
  const x = v * ENC_SIZE;
  const i = x | 0;
  return encodeLut[i] + (encodeLut[i + 1] - encodeLut[i]) * (x - i);
}
function invert3(m) {
  const [a, b, c, d, e, f2, g, h, i] = m;
  const A = e * i - f2 * h;
  const B = -(d * i - f2 * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (det === 0)
    throw new RangeError("singular matrix");
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f2 - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f2 - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det
  ];
}

// dist/color/lab.js
var EPS = 216 / 24389;
var KAPPA = 24389 / 27;
var [XN, YN, ZN] = D65_WHITE;
function f(t) {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}
var F_LUT_SIZE = 16384;
var fLut = null;
function fTable() {
  if (fLut === null) {
    fLut = new Float64Array(F_LUT_SIZE + 2);
    for (let i = 0; i <= F_LUT_SIZE + 1; i++)
      fLut[i] = f(i / F_LUT_SIZE);
  }
  return fLut;
}
function fFast(t) {
  if (t <= EPS || t >= 1)
    return f(t);
  const tab = fTable();
  const x = t * F_LUT_SIZE;
  const i = x | 0;
  return tab[i] + (tab[i + 1] - tab[i]) * (x - i);
}
function fInv(t) {
  const t3 = t * t * t;
  return t3 > EPS ? t3 : (116 * t - 16) / KAPPA;
}
function linearRgbToXyz(r, g, b) {
  const m = RGB_TO_XYZ;
  return [m[0] * r + m[1] * g + m[2] * b, m[3] * r + m[4] * g + m[5] * b, m[6] * r + m[7] * g + m[8] * b];
}
function xyzToLab(x, y, z) {
  const fx = f(x / XN);
  const fy = f(y / YN);
  const fz = f(z / ZN);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
function srgbToLab(r, g, b) {
  const [x, y, z] = linearRgbToXyz(srgbToLinear(r), srgbToLinear(g), srgbToLinear(b));
  return xyzToLab(x, y, z);
}
function grayToL(v) {
  return 116 * f(srgbToLinear(v)) - 16;
}
function rgbImageToLab(img) {
  const n = img.width * img.height;
  const [R, G, B] = img.channels;
  const L = new Float32Array(n);
  const A = new Float32Array(n);
  const Bb = new Float32Array(n);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = RGB_TO_XYZ;
  const dec = srgbDecodeTable();
  const fl = fTable();
  const D = 4096;
  const F = F_LUT_SIZE;
  const lin = (v) => {
    if (v <= 0.04045 || v >= 1)
      return srgbToLinear(v);
    const x = v * D;
    const i = x | 0;
    return dec[i] + (dec[i + 1] - dec[i]) * (x - i);
  };
  const ff = (t) => {
    if (t <= EPS || t >= 1)
      return f(t);
    const x = t * F;
    const i = x | 0;
    return fl[i] + (fl[i + 1] - fl[i]) * (x - i);
  };
  for (let i = 0; i < n; i++) {
    const r = lin(R[i]);
    const g = lin(G[i]);
    const b = lin(B[i]);
    const fx = ff((m0 * r + m1 * g + m2 * b) / XN);
    const fy = ff((m3 * r + m4 * g + m5 * b) / YN);
    const fz = ff((m6 * r + m7 * g + m8 * b) / ZN);
    L[i] = 116 * fy - 16;
    A[i] = 500 * (fx - fy);
    Bb[i] = 200 * (fy - fz);
  }
  return { width: img.width, height: img.height, channels: [L, A, Bb] };
}
function gamutScale(l, a, b) {
  const m = XYZ_TO_RGB;
  const fy = (l + 16) / 116;
  const y = YN * fInv(fy);
  const ry = m[1] * y;
  const gy = m[4] * y;
  const by = m[7] * y;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 16; k++) {
    const mid = 0.5 * (lo + hi);
    const x = XN * fInv(fy + mid * a / 500);
    const z = ZN * fInv(fy - mid * b / 200);
    const r = m[0] * x + ry + m[2] * z;
    const g = m[3] * x + gy + m[5] * z;
    const bl = m[6] * x + by + m[8] * z;
    if (r >= -1e-7 && r <= 1 + 1e-7 && g >= -1e-7 && g <= 1 + 1e-7 && bl >= -1e-7 && bl <= 1 + 1e-7)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}
function labImageToRgb(img, gamutClamp = true, inPlace = false) {
  const n = img.width * img.height;
  const [L, A, Bb] = img.channels;
  const R = inPlace ? L : new Float32Array(n);
  const G = inPlace ? A : new Float32Array(n);
  const B = inPlace ? Bb : new Float32Array(n);
  const m = XYZ_TO_RGB;
  const rgb = new Float64Array(3);
  const toLinear = (l, a, b) => {
    const fy = (l + 16) / 116;
    const x = XN * fInv(fy + a / 500);
    const y = YN * fInv(fy);
    const z = ZN * fInv(fy - b / 200);
    rgb[0] = m[0] * x + m[1] * y + m[2] * z;
    rgb[1] = m[3] * x + m[4] * y + m[5] * z;
    rgb[2] = m[6] * x + m[7] * y + m[8] * z;
    return rgb[0] >= -1e-7 && rgb[0] <= 1 + 1e-7 && rgb[1] >= -1e-7 && rgb[1] <= 1 + 1e-7 && rgb[2] >= -1e-7 && rgb[2] <= 1 + 1e-7;
  };
  for (let i = 0; i < n; i++) {
    const l = L[i] < 0 ? 0 : L[i] > 100 ? 100 : L[i];
    const a = A[i];
    const b = Bb[i];
    if (!toLinear(l, a, b) && gamutClamp) {
      const sc = gamutScale(l, a, b);
      toLinear(l, sc * a, sc * b);
    }
    R[i] = linearToSrgbFast(rgb[0]);
    G[i] = linearToSrgbFast(rgb[1]);
    B[i] = linearToSrgbFast(rgb[2]);
  }
  return { width: img.width, height: img.height, channels: [R, G, B] };
}
function lightnessOf(img) {
  if (img.channels.length === 1) {
    const g = img.channels[0];
    const out2 = new Float32Array(g.length);
    for (let i = 0; i < g.length; i++)
      out2[i] = 116 * fFast(srgbToLinearFast(g[i])) - 16;
    return out2;
  }
  const [R, G, B] = img.channels;
  const out = new Float32Array(R.length);
  const m = RGB_TO_XYZ;
  for (let i = 0; i < R.length; i++) {
    const y = m[3] * srgbToLinearFast(R[i]) + m[4] * srgbToLinearFast(G[i]) + m[5] * srgbToLinearFast(B[i]);
    out[i] = 116 * fFast(y / YN) - 16;
  }
  return out;
}

// dist/image/resize.js
function cubic(x) {
  const a = -0.5;
  const t = Math.abs(x);
  if (t <= 1)
    return (a + 2) * t * t * t - (a + 3) * t * t + 1;
  if (t < 2)
    return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a;
  return 0;
}
function buildTaps(inSize, outSize, kernel) {
  const scale = inSize / outSize;
  const lists = [];
  const clampI = (i) => i < 0 ? 0 : i >= inSize ? inSize - 1 : i;
  for (let o = 0; o < outSize; o++) {
    const taps = [];
    if (kernel === "area") {
      const lo = o * scale;
      const hi = (o + 1) * scale;
      for (let i = Math.floor(lo); i < Math.min(inSize, Math.ceil(hi)); i++) {
        const ov = Math.min(hi, i + 1) - Math.max(lo, i);
        if (ov > 1e-12)
          taps.push([i, ov / scale]);
      }
    } else if (kernel === "bilinear") {
      const c = (o + 0.5) * scale - 0.5;
      const i0 = Math.floor(c);
      const f2 = c - i0;
      taps.push([clampI(i0), 1 - f2], [clampI(i0 + 1), f2]);
    } else {
      const c = (o + 0.5) * scale - 0.5;
      const i0 = Math.floor(c);
      const f2 = c - i0;
      let s = 0;
      for (let k = -1; k <= 2; k++) {
        const wv = cubic(k - f2);
        taps.push([clampI(i0 + k), wv]);
        s += wv;
      }
      for (const t of taps)
        t[1] /= s;
    }
    lists.push(taps);
  }
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  let total = 0;
  let maxTaps = 0;
  for (let o = 0; o < outSize; o++) {
    start[o] = total;
    count[o] = lists[o].length;
    total += lists[o].length;
    maxTaps = Math.max(maxTaps, lists[o].length);
  }
  const index = new Int32Array(total);
  const weight = new Float32Array(total);
  for (let o = 0; o < outSize; o++)
    lists[o].forEach(([i, wv], k) => {
      index[start[o] + k] = i;
      weight[start[o] + k] = wv;
    });
  return { start, count, index, weight, maxTaps };
}
function resizePlane(src, width, height, outWidth, outHeight, kernel = "bilinear") {
  if (outWidth === width && outHeight === height)
    return src.slice();
  if (outWidth < 1 || outHeight < 1)
    throw new RangeError(`cannot resize to ${outWidth}\xD7${outHeight}`);
  const hx = buildTaps(width, outWidth, kernel);
  const hy = buildTaps(height, outHeight, kernel);
  const tmp = new Float32Array(outWidth * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const orow = y * outWidth;
    for (let x = 0; x < outWidth; x++) {
      let s = 0;
      const st = hx.start[x];
      for (let k = 0; k < hx.count[x]; k++)
        s += hx.weight[st + k] * src[row + hx.index[st + k]];
      tmp[orow + x] = s;
    }
  }
  const out = new Float32Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const orow = y * outWidth;
    const st = hy.start[y];
    for (let k = 0; k < hy.count[y]; k++) {
      const wv = hy.weight[st + k];
      const srow = hy.index[st + k] * outWidth;
      for (let x = 0; x < outWidth; x++)
        out[orow + x] += wv * tmp[srow + x];
    }
  }
  return out;
}
function resizeImage(img, outWidth, outHeight, kernel = "bilinear") {
  return {
    width: outWidth,
    height: outHeight,
    channels: img.channels.map((c) => resizePlane(c, img.width, img.height, outWidth, outHeight, kernel))
  };
}
function fitWithin(width, height, maxSide) {
  const long = Math.max(width, height);
  if (long <= maxSide)
    return { width, height };
  const s = maxSide / long;
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}
function workingGrid(width, height, cap) {
  const f2 = Math.sqrt(cap / (width * height));
  if (f2 >= 1)
    return { width, height };
  return {
    width: Math.max(2, Math.floor(width * f2)),
    height: Math.max(2, Math.floor(height * f2))
  };
}
function checkWorkingPixels(name, value) {
  if (value === 0)
    return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 4096)
    invalidOption(name, value, "0 (no limit) or an integer of at least 4096");
  return value;
}

// dist/models/vgg19.js
import { createHash } from "node:crypto";
import { existsSync, promises as fs, statSync } from "node:fs";
import path from "node:path";
var VGG19_LAYERS = [
  { name: "block1_conv1", shard: "group1-shard1of1", cin: 3, cout: 64 },
  { name: "block1_conv2", shard: "group2-shard1of1", cin: 64, cout: 64 },
  { name: "block2_conv1", shard: "group3-shard1of1", cin: 64, cout: 128 },
  { name: "block2_conv2", shard: "group4-shard1of1", cin: 128, cout: 128 },
  { name: "block3_conv1", shard: "group5-shard1of1", cin: 128, cout: 256 },
  { name: "block3_conv2", shard: "group6-shard1of1", cin: 256, cout: 256 },
  { name: "block3_conv3", shard: "group7-shard1of1", cin: 256, cout: 256 },
  { name: "block3_conv4", shard: "group8-shard1of1", cin: 256, cout: 256 }
];
var VGG19_OUTPUTS = ["conv1_2", "conv2_2", "conv3_4"];
var VGG19_OUTPUT_CHANNELS = [64, 128, 256];
var VGG19_BGR_MEAN = [103.939, 116.779, 123.68];
var CONVERTER_VERSION = 1;
async function readVgg19Weights() {
  const kernels = [];
  const biases = [];
  const h = createHash("sha256");
  for (const l of VGG19_LAYERS) {
    const file = requireModelFile(path.join("vgg19", l.shard));
    const buf = await fs.readFile(file);
    const expected = 4 * (9 * l.cin * l.cout + l.cout);
    if (buf.length !== expected) {
      throw new ColorizeError(`${file}: ${buf.length} bytes, expected ${expected} for ${l.name}`, "io", file);
    }
    h.update(buf);
    const f2 = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
    const k = new Float32Array(9 * l.cin * l.cout);
    for (let co = 0; co < l.cout; co++)
      for (let ci = 0; ci < l.cin; ci++)
        for (let t = 0; t < 9; t++)
          k[(co * l.cin + ci) * 9 + t] = f2[(t * l.cin + ci) * l.cout + co];
    kernels.push(k);
    biases.push(f2.slice(9 * l.cin * l.cout));
  }
  return { kernels, biases, hash: h.digest("hex").slice(0, 16) };
}
function convStack(w, count, outputs, pool) {
  const nodes = [];
  const initializers = [];
  let x = "input";
  VGG19_LAYERS.slice(0, count).forEach((l, i) => {
    initializers.push({ name: `${l.name}_W`, dims: [l.cout, l.cin, 3, 3], data: w.kernels[i] });
    initializers.push({ name: `${l.name}_B`, dims: [l.cout], data: w.biases[i] });
    nodes.push({
      op: "Conv",
      inputs: [x, `${l.name}_W`, `${l.name}_B`],
      outputs: [`${l.name}_conv`],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] }
    });
    const out = outputs[l.name] ?? `${l.name}_relu`;
    nodes.push({ op: "Relu", inputs: [`${l.name}_conv`], outputs: [out] });
    x = out;
    if (l.name === "block1_conv2" || l.name === "block2_conv2") {
      nodes.push({
        op: pool,
        inputs: [out],
        outputs: [`${out}_pool`],
        attributes: { kernel_shape: [2, 2], strides: [2, 2] }
      });
      x = `${out}_pool`;
    }
  });
  return { nodes, initializers };
}
function buildVgg19Onnx(w) {
  const { nodes, initializers } = convStack(w, VGG19_LAYERS.length, { block1_conv2: "conv1_2", block2_conv2: "conv2_2", block3_conv4: "conv3_4" }, "AveragePool");
  return encodeOnnxModel({
    name: "vgg19_blocks1to3_avgpool",
    nodes,
    initializers,
    inputs: [{ name: "input", shape: [1, 3, "height", "width"] }],
    outputs: VGG19_OUTPUTS.map((name, i) => ({
      name,
      shape: [
        1,
        VGG19_OUTPUT_CHANNELS[i],
        name === "conv1_2" ? "height" : `h${i}`,
        name === "conv1_2" ? "width" : `w${i}`
      ]
    }))
  });
}
var converted = /* @__PURE__ */ new Map();
function shardsKey() {
  const parts = [modelCacheDir()];
  for (const l of VGG19_LAYERS) {
    const file = findModelFile(path.join("vgg19", l.shard));
    if (file === null)
      return null;
    const st = statSync(file);
    parts.push(`${file}:${st.size}:${st.mtimeMs}`);
  }
  return parts.join("|");
}
async function ensureConverted(variant, build) {
  const shards = shardsKey();
  const key = shards === null ? null : `${variant}|${shards}`;
  const known = key === null ? void 0 : converted.get(key);
  if (known) {
    const file = await known.catch(() => null);
    if (file !== null && existsSync(file))
      return file;
  }
  const p = readVgg19Weights().then((w) => cachedModelFile(`${variant}-v${CONVERTER_VERSION}-${w.hash}.onnx`, () => build(w)));
  if (key !== null) {
    converted.set(key, p);
    p.catch(() => converted.delete(key));
  }
  return p;
}
function ensureVgg19Onnx() {
  return ensureConverted("vgg19-blocks1to3-avgpool", buildVgg19Onnx);
}
var VGG19_RELU_OUTPUTS = ["relu1_1", "relu2_1", "relu3_1"];
function buildVgg19ReluOnnx(w) {
  const { nodes, initializers } = convStack(w, 5, { block1_conv1: "relu1_1", block2_conv1: "relu2_1", block3_conv1: "relu3_1" }, "MaxPool");
  return encodeOnnxModel({
    name: "vgg19_relu_x_1_maxpool",
    nodes,
    initializers,
    inputs: [{ name: "input", shape: [1, 3, "height", "width"] }],
    outputs: VGG19_RELU_OUTPUTS.map((name, i) => ({
      name,
      shape: [1, VGG19_OUTPUT_CHANNELS[i], i === 0 ? "height" : `h${i}`, i === 0 ? "width" : `w${i}`]
    }))
  });
}
function ensureVgg19ReluOnnx() {
  return ensureConverted("vgg19-relu-x-1-maxpool", buildVgg19ReluOnnx);
}

export {
  createImage,
  fromPlanes,
  grayToRgb,
  isNeutralGray,
  XYZ_TO_RGB,
  D65_WHITE,
  invert3,
  srgbToLab,
  grayToL,
  rgbImageToLab,
  labImageToRgb,
  lightnessOf,
  resizePlane,
  resizeImage,
  fitWithin,
  workingGrid,
  checkWorkingPixels,
  VGG19_LAYERS,
  VGG19_OUTPUTS,
  VGG19_BGR_MEAN,
  readVgg19Weights,
  ensureVgg19Onnx,
  ensureVgg19ReluOnnx
};
