import {
  YUV_TO_RGB
} from "./chunk-DNVYFS5D.js";
import {
  VGG19_LAYERS,
  fromPlanes,
  readVgg19Weights
} from "./chunk-C7DXZTIV.js";
import {
  ColorizeError,
  cachedModelFile,
  checkChoice,
  checkInteger,
  checkNumber,
  invalidOption
} from "./chunk-QUYJNQPH.js";
import {
  encodeOnnxModel
} from "./chunk-MLJKICYF.js";

// dist/methods/exemplar/gram/parametrization.js
var GRAM_PARAMETRIZATIONS = ["rgb", "chroma"];
var CHROMA_TO_RGB = [
  YUV_TO_RGB[1],
  YUV_TO_RGB[2],
  YUV_TO_RGB[4],
  YUV_TO_RGB[5],
  YUV_TO_RGB[7],
  YUV_TO_RGB[8]
];
function rgbParametrization(width, height) {
  const n = width * height;
  return {
    kind: "rgb",
    width,
    height,
    planes: 3,
    gridWidth: width,
    gridHeight: height,
    toImage: (v) => fromPlanes(width, height, [v.slice(0, n), v.slice(n, 2 * n), v.slice(2 * n, 3 * n)]),
    pullBack: (g) => {
      const out = new Float32Array(3 * n);
      g.forEach((p, k) => {
        out.set(p, k * n);
      });
      return out;
    },
    project: (v) => {
      for (let i = 0; i < v.length; i++)
        v[i] = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
    }
  };
}
function axisWeights(n, m) {
  const i0 = new Int32Array(m);
  const i1 = new Int32Array(m);
  const w1 = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    const s = Math.min(Math.max((i + 0.5) * n / m - 0.5, 0), n - 1);
    const a = Math.floor(s);
    i0[i] = a;
    i1[i] = Math.min(a + 1, n - 1);
    w1[i] = s - a;
  }
  return { i0, i1, w1 };
}
function bilinearUpsampler(cw, ch, w, h) {
  const ax = axisWeights(cw, w);
  const ay = axisWeights(ch, h);
  return {
    up(src) {
      const tmp = new Float32Array(ch * w);
      for (let y = 0; y < ch; y++)
        for (let x = 0; x < w; x++)
          tmp[y * w + x] = (1 - ax.w1[x]) * src[y * cw + ax.i0[x]] + ax.w1[x] * src[y * cw + ax.i1[x]];
      const out = new Float32Array(w * h);
      for (let y = 0; y < h; y++) {
        const a = ay.i0[y] * w;
        const b = ay.i1[y] * w;
        const t = ay.w1[y];
        for (let x = 0; x < w; x++)
          out[y * w + x] = (1 - t) * tmp[a + x] + t * tmp[b + x];
      }
      return out;
    },
    adjoint(g) {
      const tmp = new Float32Array(ch * w);
      for (let y = 0; y < h; y++) {
        const a = ay.i0[y] * w;
        const b = ay.i1[y] * w;
        const t = ay.w1[y];
        for (let x = 0; x < w; x++) {
          tmp[a + x] += (1 - t) * g[y * w + x];
          tmp[b + x] += t * g[y * w + x];
        }
      }
      const out = new Float32Array(cw * ch);
      for (let y = 0; y < ch; y++)
        for (let x = 0; x < w; x++) {
          const v = tmp[y * w + x];
          out[y * cw + ax.i0[x]] += (1 - ax.w1[x]) * v;
          out[y * cw + ax.i1[x]] += ax.w1[x] * v;
        }
      return out;
    }
  };
}
function chromaGrid(width, height, factor) {
  return { width: Math.max(1, Math.ceil(width / factor)), height: Math.max(1, Math.ceil(height / factor)) };
}
function chromaParametrization(y, width, height, factor = 1) {
  const n = width * height;
  if (y.length !== n)
    throw new Error(`chromaParametrization: luma has ${y.length} values, expected ${n}`);
  const [ru, rv, gu, gv, bu, bv] = CHROMA_TO_RGB;
  const g = chromaGrid(width, height, factor);
  const nc = g.width * g.height;
  const coarse = nc !== n;
  const U = coarse ? bilinearUpsampler(g.width, g.height, width, height) : null;
  let yc = y;
  if (coarse) {
    yc = new Float32Array(nc);
    const count = new Float32Array(nc);
    for (let py = 0; py < height; py++)
      for (let px = 0; px < width; px++) {
        const j = Math.min(Math.floor(py * g.height / height), g.height - 1) * g.width + Math.min(Math.floor(px * g.width / width), g.width - 1);
        yc[j] += y[py * width + px];
        count[j]++;
      }
    for (let j = 0; j < nc; j++)
      yc[j] /= Math.max(count[j], 1);
  }
  return {
    kind: "chroma",
    width,
    height,
    planes: 2,
    gridWidth: g.width,
    gridHeight: g.height,
    toImage: (v) => {
      const uu = U ? U.up(v.subarray(0, nc)) : v;
      const vv = U ? U.up(v.subarray(nc, 2 * nc)) : v.subarray(n, 2 * n);
      const R = new Float32Array(n);
      const G = new Float32Array(n);
      const B = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const u = uu[i];
        const w = vv[i];
        R[i] = y[i] + ru * u + rv * w;
        G[i] = y[i] + gu * u + gv * w;
        B[i] = y[i] + bu * u + bv * w;
      }
      return fromPlanes(width, height, [R, G, B]);
    },
    pullBack: ([gR, gG, gB]) => {
      const gu2 = new Float32Array(n);
      const gv2 = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        gu2[i] = ru * gR[i] + gu * gG[i] + bu * gB[i];
        gv2[i] = rv * gR[i] + gv * gG[i] + bv * gB[i];
      }
      const out = new Float32Array(2 * nc);
      out.set(U ? U.adjoint(gu2) : gu2, 0);
      out.set(U ? U.adjoint(gv2) : gv2, nc);
      return out;
    },
    project: (v) => {
      for (let i = 0; i < nc; i++) {
        const u = v[i];
        const w = v[nc + i];
        const l = yc[i];
        let t = 1;
        for (const d of [ru * u + rv * w, gu * u + gv * w, bu * u + bv * w]) {
          if (d > 0 && l + d > 1)
            t = Math.min(t, (1 - l) / d);
          else if (d < 0 && l + d < 0)
            t = Math.min(t, -l / d);
        }
        if (t < 1) {
          const s = Math.max(0, t);
          v[i] = u * s;
          v[nc + i] = w * s;
        }
      }
    }
  };
}

// dist/models/vgg19-grad.js
var VGG19_CONV_NAMES = [
  "conv1_1",
  "conv1_2",
  "conv2_1",
  "conv2_2",
  "conv3_1",
  "conv3_2",
  "conv3_3",
  "conv3_4"
];
function convLayerInfo(name) {
  const index = VGG19_CONV_NAMES.indexOf(name);
  const l = VGG19_LAYERS[index];
  return { index, channels: l.cout, stride: index < 2 ? 1 : index < 4 ? 2 : 4 };
}
var GRAD_CONVERTER_VERSION = 2;
function checkGradSize(width, height) {
  if (width < 4 || height < 4 || width % 4 !== 0 || height % 4 !== 0)
    throw new ColorizeError(`vgg19 gradients: image ${width}\xD7${height} must have both sides multiples of 4 (at least 4)`, "input");
}
function sortedLayers(layers) {
  const set = new Set(layers);
  if (set.size === 0)
    throw new ColorizeError("vgg19 gradients: no layers chosen", "usage");
  return VGG19_CONV_NAMES.filter((n) => set.has(n));
}
function forwardNodes(w, last, nodes, inits) {
  let x = "input";
  for (let i = 0; i <= last; i++) {
    const l = VGG19_LAYERS[i];
    const name = VGG19_CONV_NAMES[i];
    inits.push({ name: `${name}_W`, dims: [l.cout, l.cin, 3, 3], data: w.kernels[i] });
    inits.push({ name: `${name}_B`, dims: [l.cout], data: w.biases[i] });
    nodes.push({
      op: "Conv",
      inputs: [x, `${name}_W`, `${name}_B`],
      outputs: [name],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] }
    });
    if (i === last)
      break;
    nodes.push({ op: "Relu", inputs: [name], outputs: [`${name}_relu`] });
    x = `${name}_relu`;
    if (i === 1 || i === 3) {
      nodes.push({
        op: "AveragePool",
        inputs: [x],
        outputs: [`${name}_pool`],
        attributes: { kernel_shape: [2, 2], strides: [2, 2] }
      });
      x = `${name}_pool`;
    }
  }
}
function buildVgg19FeaturesOnnx(w, layers) {
  const ls = sortedLayers(layers);
  const nodes = [];
  const initializers = [];
  forwardNodes(w, convLayerInfo(ls[ls.length - 1]).index, nodes, initializers);
  return encodeOnnxModel({
    name: "vgg19_features",
    nodes,
    initializers,
    inputs: [{ name: "input", shape: [1, 3, "height", "width"] }],
    outputs: ls.map((n) => ({ name: n, shape: [1, convLayerInfo(n).channels, `h_${n}`, `w_${n}`] }))
  });
}
function flippedTranspose(k, cout, cin) {
  const t = new Float32Array(k.length);
  for (let o = 0; o < cout; o++)
    for (let i = 0; i < cin; i++)
      for (let tap = 0; tap < 9; tap++)
        t[(i * cout + o) * 9 + (8 - tap)] = k[(o * cin + i) * 9 + tap];
  return t;
}
function backwardNodes(w, ls, nodes, initializers, mask = "sign") {
  const chosen = new Set(ls);
  const last = convLayerInfo(ls[ls.length - 1]).index;
  let g = `grad_${VGG19_CONV_NAMES[last]}`;
  for (let i = last; i >= 0; i--) {
    const name = VGG19_CONV_NAMES[i];
    const gin = i === 0 ? "grad_input" : `${name}_gin`;
    const l = VGG19_LAYERS[i];
    initializers.push({
      name: `${name}_WT`,
      dims: [l.cin, l.cout, 3, 3],
      data: flippedTranspose(w.kernels[i], l.cout, l.cin)
    });
    nodes.push({
      op: "Conv",
      inputs: [g, `${name}_WT`],
      outputs: [gin],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] }
    });
    if (i === 0)
      break;
    const prev = VGG19_CONV_NAMES[i - 1];
    let gr = gin;
    if (i === 2 || i === 4) {
      const c = VGG19_LAYERS[i - 1].cout;
      const pw = `pool_back_${c}`;
      if (!initializers.some((t) => t.name === pw))
        initializers.push({ name: pw, dims: [c, 1, 2, 2], data: new Float32Array(4 * c).fill(0.25) });
      gr = `${prev}_unpool`;
      nodes.push({
        op: "ConvTranspose",
        inputs: [gin, pw],
        outputs: [gr],
        attributes: { kernel_shape: [2, 2], strides: [2, 2], group: c }
      });
    }
    if (mask === "sign")
      nodes.push({ op: "Sign", inputs: [`${prev}_relu`], outputs: [`${prev}_mask`] });
    else {
      if (!initializers.some((t) => t.name === "mask_zero"))
        initializers.push({ name: "mask_zero", dims: [], data: new Float32Array(1) });
      nodes.push({ op: "Greater", inputs: [`${prev}_relu`, "mask_zero"], outputs: [`${prev}_positive`] });
      nodes.push({
        op: "Cast",
        inputs: [`${prev}_positive`],
        outputs: [`${prev}_mask`],
        attributes: { to: 1 }
      });
    }
    const masked = `${prev}_gmask`;
    nodes.push({ op: "Mul", inputs: [gr, `${prev}_mask`], outputs: [masked] });
    if (chosen.has(prev)) {
      g = `${prev}_gsum`;
      nodes.push({ op: "Add", inputs: [masked, `grad_${prev}`], outputs: [g] });
    } else
      g = masked;
  }
}
function buildVgg19BackwardOnnx(w, layers) {
  const ls = sortedLayers(layers);
  const nodes = [];
  const initializers = [];
  forwardNodes(w, convLayerInfo(ls[ls.length - 1]).index, nodes, initializers);
  backwardNodes(w, ls, nodes, initializers);
  return encodeOnnxModel({
    name: "vgg19_backward",
    nodes,
    initializers,
    inputs: [
      { name: "input", shape: [1, 3, "height", "width"] },
      ...ls.map((n) => ({ name: `grad_${n}`, shape: [1, convLayerInfo(n).channels, `h_${n}`, `w_${n}`] }))
    ],
    outputs: [{ name: "grad_input", shape: [1, 3, "height", "width"] }]
  });
}
var gramLossContentInputs = (n) => ({ target: `content_target_${n}`, coef: `content_coef_${n}`, gcoef: `content_gcoef_${n}` });
var gramLossStyleInputs = (n) => ({
  target: `style_target_${n}`,
  scale: `gram_scale_${n}`,
  coef: `style_coef_${n}`,
  gcoef: `style_gcoef_${n}`
});
function buildVgg19GramLossOnnx(w, contentLayers, styleLayers) {
  if (styleLayers.length === 0)
    throw new ColorizeError("vgg19 gram loss: no style layers chosen", "usage");
  const cs = contentLayers.length > 0 ? sortedLayers(contentLayers) : [];
  const ss = sortedLayers(styleLayers);
  const ls = sortedLayers([...cs, ...ss]);
  const nodes = [];
  const initializers = [];
  const inputs = [
    { name: "input", shape: [1, 3, "height", "width"] }
  ];
  forwardNodes(w, convLayerInfo(ls[ls.length - 1]).index, nodes, initializers);
  const contentTerms = [];
  const styleTerms = [];
  for (const n of ls) {
    const c = convLayerInfo(n).channels;
    const parts = [];
    if (cs.includes(n)) {
      const io = gramLossContentInputs(n);
      inputs.push({ name: io.target, shape: [1, c, `h_${n}`, `w_${n}`] });
      inputs.push({ name: io.coef, shape: [1] });
      inputs.push({ name: io.gcoef, shape: [1] });
      nodes.push({ op: "Sub", inputs: [n, io.target], outputs: [`${n}_cdiff`] });
      nodes.push({
        op: "ReduceSumSquare",
        inputs: [`${n}_cdiff`],
        outputs: [`${n}_csum`],
        attributes: { keepdims: 0 }
      });
      nodes.push({ op: "Mul", inputs: [`${n}_csum`, io.coef], outputs: [`${n}_closs`] });
      nodes.push({ op: "Mul", inputs: [`${n}_cdiff`, io.gcoef], outputs: [`${n}_cgrad`] });
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
      nodes.push({ op: "Reshape", inputs: [n, shape], outputs: [`${n}_mat`] });
      nodes.push({
        op: "Transpose",
        inputs: [`${n}_mat`],
        outputs: [`${n}_matT`],
        attributes: { perm: [1, 0] }
      });
      nodes.push({ op: "MatMul", inputs: [`${n}_mat`, `${n}_matT`], outputs: [`${n}_ffT`] });
      nodes.push({ op: "Mul", inputs: [`${n}_ffT`, io.scale], outputs: [`${n}_gram`] });
      nodes.push({ op: "Sub", inputs: [`${n}_gram`, io.target], outputs: [`${n}_sdiff`] });
      nodes.push({
        op: "ReduceSumSquare",
        inputs: [`${n}_sdiff`],
        outputs: [`${n}_ssum`],
        attributes: { keepdims: 0 }
      });
      nodes.push({ op: "Mul", inputs: [`${n}_ssum`, io.coef], outputs: [`${n}_sloss`] });
      nodes.push({ op: "Mul", inputs: [`${n}_sdiff`, io.gcoef], outputs: [`${n}_sdiffk`] });
      nodes.push({ op: "MatMul", inputs: [`${n}_sdiffk`, `${n}_mat`], outputs: [`${n}_sgradmat`] });
      nodes.push({ op: "Shape", inputs: [n], outputs: [`${n}_shape`] });
      nodes.push({ op: "Reshape", inputs: [`${n}_sgradmat`, `${n}_shape`], outputs: [`${n}_sgrad`] });
      styleTerms.push(`${n}_sloss`);
      parts.push(`${n}_sgrad`);
    }
    nodes.push({
      op: parts.length === 1 ? "Identity" : "Sum",
      inputs: parts,
      outputs: [`grad_${n}`]
    });
  }
  backwardNodes(w, ls, nodes, initializers, "greater");
  if (contentTerms.length === 0) {
    initializers.push({ name: "zero", dims: [1], data: new Float32Array(1) });
    contentTerms.push("zero");
  }
  nodes.push({ op: "Sum", inputs: contentTerms, outputs: ["content"] });
  nodes.push({ op: "Sum", inputs: styleTerms, outputs: ["style"] });
  return encodeOnnxModel({
    name: "vgg19_gram_loss",
    nodes,
    initializers,
    inputs,
    outputs: [
      { name: "grad_input", shape: [1, 3, "height", "width"] },
      { name: "content", shape: [1] },
      { name: "style", shape: [1] }
    ]
  });
}
var GRAM_LOSS_VERSION = 2;
var builtLoss = /* @__PURE__ */ new Map();
function ensureVgg19GramLossOnnx(contentLayers, styleLayers) {
  const cs = contentLayers.length > 0 ? sortedLayers(contentLayers) : [];
  const ss = sortedLayers(styleLayers);
  const short = (l) => l.map((n) => n.replace("conv", "")).join("-");
  const key = `c${short(cs)}-s${short(ss)}`;
  let p = builtLoss.get(key);
  if (!p) {
    p = (async () => {
      const w = await readVgg19Weights();
      return cachedModelFile(`vgg19-gram-loss-v${GRAM_LOSS_VERSION}-${w.hash}-${key}.onnx`, () => buildVgg19GramLossOnnx(w, cs, ss));
    })();
    p.catch(() => builtLoss.delete(key));
    builtLoss.set(key, p);
  }
  return p;
}
var built = /* @__PURE__ */ new Map();
function ensureVgg19GradOnnx(layers) {
  const ls = sortedLayers(layers);
  const key = ls.join("+");
  let p = built.get(key);
  if (!p) {
    p = (async () => {
      const w = await readVgg19Weights();
      const stem = `vgg19-grad-v${GRAD_CONVERTER_VERSION}-${w.hash}-${ls.map((n) => n.replace("conv", "")).join("-")}`;
      const out = {
        forward: await cachedModelFile(`${stem}-fwd.onnx`, () => buildVgg19FeaturesOnnx(w, ls)),
        backward: await cachedModelFile(`${stem}-bwd.onnx`, () => buildVgg19BackwardOnnx(w, ls))
      };
      return out;
    })();
    p.catch(() => built.delete(key));
    built.set(key, p);
  }
  return p;
}

// dist/methods/exemplar/gram/options.js
var GRAM_OPTIMIZERS = ["adam", "lbfgs", "lbfgs-fixed"];
var GRAM_INITS = ["average", "content"];
var GRAM_NORMALIZATIONS = ["gatys", "relative"];
var GRAM_EVALUATIONS = ["fused", "separate"];
var GRAM_DEFAULTS = {
  contentLayers: { conv3_1: 1 },
  styleLayers: { conv1_1: 500, conv1_2: 500, conv2_1: 500, conv2_2: 500, conv3_1: 500 },
  optimizer: "adam",
  iterations: 20,
  learningRate: 0.02,
  tolerance: 2e-3,
  window: 20,
  workingSize: 256,
  space: "lab",
  init: "average",
  parametrization: "chroma",
  lumaWeight: 0,
  chromaFactor: 8,
  normalization: "gatys",
  levels: 2,
  evaluation: "fused"
};
var REPORT_NAMES = Object.fromEntries(VGG19_CONV_NAMES.map((n, i) => [`conv_${i + 1}`, n]));
function layerName(raw) {
  const name = raw.trim();
  if (VGG19_CONV_NAMES.includes(name))
    return name;
  if (REPORT_NAMES[name])
    return REPORT_NAMES[name];
  if (/^conv(_(9|1[0-6])|[45]_[1-4])$/.test(name))
    throw new ColorizeError(`layer ${JSON.stringify(name)} is in VGG-19 blocks 4\u20135, which ../shared/models/vgg19 does not hold; available: ${VGG19_CONV_NAMES.join(", ")} (or conv_1 \u2026 conv_8)`, "usage");
  throw new ColorizeError(`unknown layer ${JSON.stringify(name)}: expected one of ${VGG19_CONV_NAMES.join(", ")} (or the report's conv_1 \u2026 conv_8)`, "usage");
}
function parseLayerWeights(spec, defaultWeight, option = "layers") {
  const out = {};
  const parts = spec.split(",").filter((s) => s.trim() !== "");
  if (parts.length === 0)
    invalidOption(option, spec, "a comma-separated list of layers, e.g. conv1_1:500,conv2_1");
  for (const p of parts) {
    const [n, w] = p.split(":");
    const weight = w === void 0 ? defaultWeight : Number(w);
    if (!Number.isFinite(weight) || weight < 0)
      invalidOption(option, p, "layer[:weight] with a weight \u2265 0");
    out[layerName(n)] = weight;
  }
  return out;
}
function checkLayers(name, l, allowEmpty) {
  if (typeof l !== "object" || l === null)
    invalidOption(name, l, "an object of layer weights");
  const out = {};
  for (const [k, w] of Object.entries(l))
    out[layerName(k)] = checkNumber(`${name}.${k}`, w, 0, 1e12);
  if (!allowEmpty && Object.keys(out).length === 0)
    invalidOption(name, l, "at least one layer");
  return out;
}
function resolveGramOptions(o = {}) {
  const d = GRAM_DEFAULTS;
  const contentLayers = checkLayers("contentLayers", o.contentLayers ?? d.contentLayers, true);
  const styleLayers = checkLayers("styleLayers", o.styleLayers ?? d.styleLayers, false);
  return {
    contentLayers,
    styleLayers,
    optimizer: checkChoice("optimizer", o.optimizer ?? d.optimizer, GRAM_OPTIMIZERS),
    iterations: checkInteger("iterations", o.iterations ?? d.iterations, 1, 1e5),
    learningRate: checkNumber("learningRate", o.learningRate ?? d.learningRate, 1e-6, 10),
    tolerance: checkNumber("tolerance", o.tolerance ?? d.tolerance, 0, 1),
    window: checkInteger("window", o.window ?? d.window, 1, 1e4),
    workingSize: checkInteger("workingSize", o.workingSize ?? d.workingSize, 16, 4096),
    space: checkChoice("space", o.space ?? d.space, ["lab", "yuv"]),
    init: checkChoice("init", o.init ?? d.init, GRAM_INITS),
    parametrization: checkChoice("parametrization", o.parametrization ?? d.parametrization, GRAM_PARAMETRIZATIONS),
    chromaFactor: checkInteger("chromaFactor", o.chromaFactor ?? d.chromaFactor, 1, 64),
    lumaWeight: checkNumber("lumaWeight", o.lumaWeight ?? d.lumaWeight, 0, 1e12),
    levels: checkInteger("levels", o.levels ?? d.levels, 1, 6),
    normalization: checkChoice("normalization", o.normalization ?? d.normalization, GRAM_NORMALIZATIONS),
    evaluation: checkChoice("evaluation", o.evaluation ?? d.evaluation, GRAM_EVALUATIONS),
    onProgress: o.onProgress,
    finish: o.finish ?? {}
  };
}

export {
  convLayerInfo,
  checkGradSize,
  gramLossContentInputs,
  gramLossStyleInputs,
  ensureVgg19GramLossOnnx,
  ensureVgg19GradOnnx,
  GRAM_PARAMETRIZATIONS,
  rgbParametrization,
  chromaParametrization,
  GRAM_OPTIMIZERS,
  GRAM_INITS,
  GRAM_NORMALIZATIONS,
  GRAM_DEFAULTS,
  parseLayerWeights,
  resolveGramOptions
};
