import {
  checkGradSize,
  chromaParametrization,
  convLayerInfo,
  ensureVgg19GradOnnx,
  ensureVgg19GramLossOnnx,
  gramLossContentInputs,
  gramLossStyleInputs,
  resolveGramOptions,
  rgbParametrization
} from "./chunk-62PT54LQ.js";
import {
  vggInput
} from "./chunk-2VPUGM6P.js";
import {
  finish,
  lumaOf,
  rgbToLumaChroma
} from "./chunk-DNVYFS5D.js";
import {
  fitWithin,
  fromPlanes,
  resizeImage,
  rgbImageToLab
} from "./chunk-C7DXZTIV.js";
import {
  loadOrt,
  onnxSession
} from "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  cachedModelFile
} from "./chunk-QUYJNQPH.js";
import {
  encodeOnnxModel
} from "./chunk-MLJKICYF.js";

// dist/methods/exemplar/gram/matrix-ops.js
var opsPromise = null;
function onnxMatrixOps() {
  opsPromise ??= (async () => {
    const ort = await loadOrt();
    const gramFile = await cachedModelFile("gram-v1.onnx", () => encodeOnnxModel({
      name: "gram",
      nodes: [
        { op: "Transpose", inputs: ["f"], outputs: ["ft"], attributes: { perm: [1, 0] } },
        { op: "MatMul", inputs: ["f", "ft"], outputs: ["g"] }
      ],
      initializers: [],
      inputs: [{ name: "f", shape: ["c", "m"] }],
      outputs: [{ name: "g", shape: ["c", "c"] }]
    }));
    const mulFile = await cachedModelFile("left-multiply-v1.onnx", () => encodeOnnxModel({
      name: "left_multiply",
      nodes: [{ op: "MatMul", inputs: ["d", "f"], outputs: ["df"] }],
      initializers: [],
      inputs: [
        { name: "d", shape: ["c", "c"] },
        { name: "f", shape: ["c", "m"] }
      ],
      outputs: [{ name: "df", shape: ["c", "m"] }]
    }));
    const [gs, ms] = await Promise.all([onnxSession(gramFile), onnxSession(mulFile)]);
    const mat = (f) => new ort.Tensor("float32", f.data, [f.channels, f.width * f.height]);
    return {
      gram: async (f) => {
        const out = (await gs.run({ f: mat(f) })).g.data;
        const scale = 1 / (f.channels * f.width * f.height);
        return Float64Array.from(out, (v) => v * scale);
      },
      leftMultiply: async (d, f) => {
        const dt = new ort.Tensor("float32", d, [f.channels, f.channels]);
        return (await ms.run({ d: dt, f: mat(f) })).df.data;
      }
    };
  })();
  opsPromise.catch(() => {
    opsPromise = null;
  });
  return opsPromise;
}

// dist/methods/exemplar/gram/network.js
var VggNetwork = class _VggNetwork {
  layers;
  ort;
  fwd;
  bwd;
  constructor(layers, ort, fwd, bwd) {
    this.layers = layers;
    this.ort = ort;
    this.fwd = fwd;
    this.bwd = bwd;
  }
  /**
   * Opens (building on first use) the two models for `layers`; `memPattern: false` opens them
   * without ONNX Runtime's memory-pattern planning (less memory; see `onnxSession`).
   *
   * @example
   * ```ts
   * import { createImage, VggNetwork } from 'colorize-toolkit/internals';
   * const net = await VggNetwork.open(['conv1_1']);
   * const [f] = await net.features(createImage(8, 8, 3));
   * console.log(f.channels, f.width); // 64 8
   * ```
   */
  static async open(layers, { memPattern = true } = {}) {
    const [ort, files] = await Promise.all([loadOrt(), ensureVgg19GradOnnx(layers)]);
    const [fwd, bwd] = await Promise.all([
      onnxSession(files.forward, { memPattern }),
      onnxSession(files.backward, { memPattern })
    ]);
    const names = fwd.outputNames;
    return new _VggNetwork(names, ort, fwd, bwd);
  }
  /** The image as the graphs' `input` tensor [1, 3, H, W] (caffe BGR, 0–255 minus the mean). */
  inputTensor(image) {
    checkGradSize(image.width, image.height);
    return new this.ort.Tensor("float32", vggInput(image), [1, 3, image.height, image.width]);
  }
  /** Pre-ReLU outputs of the layers, in `this.layers` order. */
  async features(image) {
    const out = await this.fwd.run({ input: this.inputTensor(image) });
    return this.layers.map((n) => {
      const t = out[n];
      const [, c, h, w] = t.dims;
      return { channels: c, width: w, height: h, data: t.data };
    });
  }
  /**
   * dL/d(image) for an RGB image in [0, 1], given dL/dF for each layer (same order and shapes as
   * {@link features}); returns three planes R, G, B.
   */
  async gradient(image, grads) {
    const feeds = { input: this.inputTensor(image) };
    this.layers.forEach((n, i) => {
      const g = grads[i];
      feeds[`grad_${n}`] = new this.ort.Tensor("float32", g.data, [1, g.channels, g.height, g.width]);
    });
    const out = await this.bwd.run(feeds);
    return this.imageGradient(image, out.grad_input);
  }
  /** A `grad_input` tensor (∂L/∂input, caffe units) as ∂L/∂R, ∂L/∂G, ∂L/∂B of the [0, 1] image. */
  imageGradient(image, gradInput) {
    const d = gradInput.data;
    const n = image.width * image.height;
    const plane = (k) => {
      const p = new Float32Array(n);
      for (let i = 0; i < n; i++)
        p[i] = 255 * d[k * n + i];
      return p;
    };
    return [plane(2), plane(1), plane(0)];
  }
};

// dist/methods/exemplar/gram/loss.js
function dot(x, a, y, b, n) {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += x[a + i] * y[b + i];
    s1 += x[a + i + 1] * y[b + i + 1];
    s2 += x[a + i + 2] * y[b + i + 2];
    s3 += x[a + i + 3] * y[b + i + 3];
  }
  for (; i < n; i++)
    s0 += x[a + i] * y[b + i];
  return s0 + s1 + s2 + s3;
}
function gramMatrix(f) {
  const c = f.channels;
  const m = f.width * f.height;
  const g = new Float64Array(c * c);
  const scale = 1 / (c * m);
  for (let i = 0; i < c; i++)
    for (let j = i; j < c; j++) {
      const v = dot(f.data, i * m, f.data, j * m, m) * scale;
      g[i * c + j] = v;
      g[j * c + i] = v;
    }
  return g;
}
function sumSquares(x) {
  let s = 0;
  for (let i = 0; i < x.length; i++)
    s += x[i] * x[i];
  return s;
}
function contentLoss(f, target, weight = 1, grad, scale) {
  const n = f.data.length;
  const k0 = scale ?? 1 / Math.max(sumSquares(target.data), 1e-12);
  let s = 0;
  const k = 2 * weight * k0;
  for (let i = 0; i < n; i++) {
    const d = f.data[i] - target.data[i];
    s += d * d;
    if (grad)
      grad[i] += k * d;
  }
  return { value: s * k0 };
}
var jsMatrixOps = {
  gram: async (f) => gramMatrix(f),
  leftMultiply: async (d, f) => {
    const c = f.channels;
    const m = f.width * f.height;
    const out = new Float32Array(c * m);
    const row = new Float64Array(m);
    for (let i = 0; i < c; i++) {
      row.fill(0);
      for (let j = 0; j < c; j++) {
        const dij = d[i * c + j];
        if (dij === 0)
          continue;
        const off = j * m;
        for (let p = 0; p < m; p++)
          row[p] += dij * f.data[off + p];
      }
      out.set(row, i * m);
    }
    return out;
  }
};
async function styleLoss(f, a, weight = 1, grad, ops = jsMatrixOps, scale) {
  const c = f.channels;
  const m = f.width * f.height;
  const g = await ops.gram(f);
  const k0 = scale ?? 1 / Math.max(sumSquares(a), 1e-24);
  const diff = new Float32Array(c * c);
  let s = 0;
  for (let i = 0; i < c * c; i++) {
    const d = g[i] - a[i];
    diff[i] = d;
    s += d * d;
  }
  if (grad) {
    const k = 4 * weight * k0 / (c * m);
    const df = await ops.leftMultiply(diff, f);
    for (let i = 0; i < df.length; i++)
      grad[i] += k * df[i];
  }
  return { value: s * k0 };
}

// dist/methods/exemplar/gram/objective.js
function sumSquares2(x) {
  let s = 0;
  for (let i = 0; i < x.length; i++)
    s += x[i] * x[i];
  return s;
}
function meanActivation(f) {
  let s = 0;
  for (let i = 0; i < f.data.length; i++)
    if (f.data[i] > 0)
      s += f.data[i];
  return s / f.data.length;
}
var GramObjective = class _GramObjective {
  net;
  ops;
  content;
  style;
  fused;
  constructor(net, ops, content, style, fused) {
    this.net = net;
    this.ops = ops;
    this.content = content;
    this.style = style;
    this.fused = fused;
  }
  /**
   * Computes the targets from the content image (gray as RGB) and the style image.
   *
   * `normalization` (see {@link GramNormalization}): 'gatys' is Gatys et al.'s eq. 1 and 4 on
   * features F̂ = F / s_l divided by the layer's mean ReLU activation s_l (over both images; their
   * "mean activation one"), E_c = ½ Σ (F̂ − P̂)², E_s = Σ (F̂F̂ᵀ − ŜŜᵀ)² / (4 C² M²), each
   * weight acting squared as in the report's code (the weight multiplies the features inside
   * its MSE). 'relative' (the behaviour before): E_c = w ‖F − P‖²/‖P‖², E_s = w ‖G − A‖²/‖A‖²,
   * G = F Fᵀ/(C·M).
   *
   * `evaluation`: 'fused' (default) or 'separate' (see the module comment and
   * {@link GramEvaluation}).
   */
  static async create(net, ops, contentImage, styleImage, contentLayers, styleLayers, normalization = "gatys", evaluation = "fused") {
    const [cf, sf] = evaluation === "fused" ? [await net.features(contentImage), await net.features(styleImage)] : await Promise.all([net.features(contentImage), net.features(styleImage)]);
    const content = /* @__PURE__ */ new Map();
    const style = /* @__PURE__ */ new Map();
    for (let i = 0; i < net.layers.length; i++) {
      const n = net.layers[i];
      const wc = contentLayers[n];
      const ws = styleLayers[n];
      const s = Math.max(0.5 * (meanActivation(cf[i]) + meanActivation(sf[i])), 1e-12);
      const gatys = normalization === "gatys";
      if (wc !== void 0 && wc > 0)
        content.set(n, {
          weight: gatys ? wc * wc : wc,
          target: cf[i],
          scale: gatys ? 1 / (2 * s * s) : 1 / Math.max(sumSquares2(cf[i].data), 1e-12)
        });
      if (ws !== void 0 && ws > 0) {
        const a = await ops.gram(sf[i]);
        style.set(n, {
          weight: gatys ? ws * ws : ws,
          target: a,
          scale: gatys ? 1 / (4 * s ** 4) : 1 / Math.max(sumSquares2(a), 1e-24)
        });
      }
    }
    let fused = null;
    if (evaluation === "fused") {
      const [ort, file] = await Promise.all([
        loadOrt(),
        ensureVgg19GramLossOnnx([...content.keys()], [...style.keys()])
      ]);
      const session = await onnxSession(file, { memPattern: false, spinning: false });
      const scalar = (v) => new ort.Tensor("float32", new Float32Array([v]), [1]);
      const feeds = {};
      const positions = (n) => {
        const stride = convLayerInfo(n).stride;
        return contentImage.width / stride * (contentImage.height / stride);
      };
      for (const [n, t] of content) {
        const io = gramLossContentInputs(n);
        const p = t.target;
        feeds[io.target] = new ort.Tensor("float32", p.data, [1, p.channels, p.height, p.width]);
        const k = t.scale ?? 1 / Math.max(sumSquares2(p.data), 1e-12);
        feeds[io.coef] = scalar(t.weight * k);
        feeds[io.gcoef] = scalar(2 * t.weight * k);
      }
      for (const [n, t] of style) {
        const io = gramLossStyleInputs(n);
        const c = convLayerInfo(n).channels;
        const m = positions(n);
        feeds[io.target] = new ort.Tensor("float32", Float32Array.from(t.target), [c, c]);
        const k = t.scale ?? 1 / Math.max(sumSquares2(t.target), 1e-24);
        feeds[io.scale] = scalar(1 / (c * m));
        feeds[io.coef] = scalar(t.weight * k);
        feeds[io.gcoef] = scalar(4 * t.weight * k / (c * m));
      }
      fused = { ort, session, feeds };
    }
    return new _GramObjective(net, ops, content, style, fused);
  }
  /** Loss and gradient at `image` (RGB in [0, 1], same size as the content image). */
  async evaluate(image) {
    if (this.fused)
      return this.evaluateFused(image, this.fused);
    const feats = await this.net.features(image);
    let content = 0;
    let style = 0;
    const grads = [];
    for (let i = 0; i < feats.length; i++) {
      const f = feats[i];
      const n = this.net.layers[i];
      const g = new Float32Array(f.data.length);
      const c = this.content.get(n);
      if (c)
        content += c.weight * contentLoss(f, c.target, c.weight, g, c.scale).value;
      const s = this.style.get(n);
      if (s)
        style += s.weight * (await styleLoss(f, s.target, s.weight, g, this.ops, s.scale)).value;
      grads.push({ ...f, data: g });
    }
    const grad = await this.net.gradient(image, grads);
    return { loss: content + style, content, style, grad };
  }
  /** One run of the fused graph; the gradient comes back from caffe BGR 0–255 units to RGB [0, 1]. */
  async evaluateFused(image, f) {
    const out = await f.session.run({ ...f.feeds, input: this.net.inputTensor(image) });
    const content = out.content.data[0];
    const style = out.style.data[0];
    return { loss: content + style, content, style, grad: this.net.imageGradient(image, out.grad_input) };
  }
};

// dist/methods/exemplar/gram/optimizers.js
function plateaued(losses, window, tolerance) {
  const k = losses.length - 1;
  if (k < window)
    return false;
  const before = losses[k - window];
  const best = Math.min(...losses.slice(k - window + 1));
  return (before - best) / Math.max(Math.abs(before), 1e-30) < tolerance;
}
function clamp(x, bounds, project) {
  if (project) {
    project(x);
    return;
  }
  if (!bounds)
    return;
  const [lo, hi] = bounds;
  for (let i = 0; i < x.length; i++)
    x[i] = x[i] < lo ? lo : x[i] > hi ? hi : x[i];
}
async function adam(f, x0, o) {
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const x = x0.slice();
  const m = new Float32Array(x.length);
  const v = new Float32Array(x.length);
  let cur = await f(x);
  const losses = [cur.loss];
  let best = x.slice();
  let bestLoss = cur.loss;
  let stopped = "iterations";
  let t = 0;
  while (t < o.iterations) {
    t++;
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    const g = cur.grad;
    for (let i = 0; i < x.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      x[i] -= o.learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
    }
    clamp(x, o.bounds, o.project);
    cur = await f(x);
    losses.push(cur.loss);
    o.onIteration?.(t, cur.loss);
    if (cur.loss < bestLoss) {
      bestLoss = cur.loss;
      best = x.slice();
    }
    if (plateaued(losses, o.window, o.tolerance)) {
      stopped = "converged";
      break;
    }
  }
  return { x: best, losses, iterations: t, evaluations: t + 1, stopped };
}
function dotf(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++)
    s += a[i] * b[i];
  return s;
}
async function lbfgs(f, x0, o) {
  const memory = 10;
  let x = x0.slice();
  let cur = await f(x);
  let evaluations = 1;
  const losses = [cur.loss];
  const S = [];
  const Y = [];
  const rho = [];
  let stopped = "iterations";
  let t = 0;
  let best = x;
  let bestLoss = cur.loss;
  const search = o.lineSearch ?? true;
  while (t < o.iterations) {
    const q = cur.grad.slice();
    const alpha = [];
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dotf(S[k], q);
      const yk = Y[k];
      for (let i = 0; i < q.length; i++)
        q[i] -= alpha[k] * yk[i];
    }
    let gamma;
    if (S.length > 0)
      gamma = dotf(S[S.length - 1], Y[Y.length - 1]) / dotf(Y[Y.length - 1], Y[Y.length - 1]);
    else {
      let gmax = 0;
      for (const v of cur.grad)
        gmax = Math.max(gmax, Math.abs(v));
      gamma = o.learningRate / Math.max(gmax, 1e-30);
    }
    for (let i = 0; i < q.length; i++)
      q[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const b = rho[k] * dotf(Y[k], q);
      const sk = S[k];
      for (let i = 0; i < q.length; i++)
        q[i] += (alpha[k] - b) * sk[i];
    }
    for (let i = 0; i < q.length; i++)
      q[i] = -q[i];
    const slope = dotf(cur.grad, q);
    if (!(slope < 0)) {
      if (S.length === 0) {
        stopped = "converged";
        break;
      }
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      continue;
    }
    let step = 1;
    let next = null;
    let xn = x;
    for (let tries = 0; tries < 12; tries++) {
      xn = x.slice();
      for (let i = 0; i < xn.length; i++)
        xn[i] += step * q[i];
      const cand = await f(xn);
      evaluations++;
      if (!search || cand.loss <= cur.loss + 1e-4 * step * slope) {
        next = cand;
        break;
      }
      step *= 0.5;
    }
    if (!next) {
      stopped = "line-search";
      break;
    }
    t++;
    const s = new Float32Array(x.length);
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      s[i] = xn[i] - x[i];
      y[i] = next.grad[i] - cur.grad[i];
    }
    const sy = dotf(s, y);
    if (sy > 1e-12 * Math.sqrt(dotf(s, s) * dotf(y, y))) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    x = xn;
    cur = next;
    losses.push(cur.loss);
    if (cur.loss < bestLoss) {
      bestLoss = cur.loss;
      best = x;
    }
    o.onIteration?.(t, cur.loss);
    if (plateaued(losses, o.window, o.tolerance)) {
      stopped = "converged";
      break;
    }
  }
  best = best.slice();
  clamp(best, o.bounds, o.project);
  return { x: best, losses, iterations: t, evaluations, stopped };
}

// dist/methods/exemplar/gram/pipeline.js
function gramWorkingSize(width, height, maxSide) {
  const s = fitWithin(width, height, maxSide);
  return { width: Math.max(4, s.width - s.width % 4), height: Math.max(4, s.height - s.height % 4) };
}
function grayAsRgb(img) {
  const y = img.channels.length === 1 ? img.channels[0] : lumaOf(img);
  return fromPlanes(img.width, img.height, [y.slice(), y.slice(), y.slice()]);
}
async function gramColorize(target, reference, options = {}, ops) {
  const o = resolveGramOptions(options);
  if (reference.channels.length !== 3)
    throw new ColorizeError("the reference image is gray: exemplar colorization needs a colour reference", "input");
  for (const [name, im] of [
    ["target", target],
    ["reference", reference]
  ])
    if (im.width < 16 || im.height < 16)
      throw new ColorizeError(`the ${name} image is ${im.width}\xD7${im.height}; it must be at least 16\xD716 pixels`, "input");
  const timings = {};
  let t0 = performance.now();
  const lap = (name) => {
    const t = performance.now();
    timings[name] = t - t0;
    t0 = t;
  };
  const layers = [
    .../* @__PURE__ */ new Set([...Object.keys(o.contentLayers), ...Object.keys(o.styleLayers)])
  ];
  const [net, matrixOps] = await Promise.all([
    VggNetwork.open(layers, { memPattern: o.evaluation === "separate" }),
    ops ?? onnxMatrixOps()
  ]);
  const sizes = [];
  for (let k = o.levels - 1; k >= 0; k--) {
    const s = gramWorkingSize(target.width, target.height, Math.max(16, Math.round(o.workingSize / 2 ** k)));
    if (k === 0 || Math.min(s.width, s.height) >= 32)
      sizes.push(s);
  }
  const ts = sizes[sizes.length - 1];
  const progress = [];
  let res = null;
  let x = null;
  let prev = ts;
  let done = 0;
  let evaluations = 0;
  let lastParam = null;
  for (let level = 0; level < sizes.length; level++) {
    const ls = sizes[level];
    const scale = ls.width / ts.width;
    const rs = gramWorkingSize(reference.width, reference.height, Math.max(16, Math.round(o.workingSize * scale)));
    const content = grayAsRgb(resizeImage(target, ls.width, ls.height, "area"));
    const style = resizeImage(reference, rs.width, rs.height, "area");
    const gain = o.normalization === "gatys" ? Math.sqrt(ts.width * ts.height / (ls.width * ls.height)) : 1;
    const contentLayers = Object.fromEntries(Object.entries(o.contentLayers).map(([k, w]) => [k, (w ?? 0) * gain]));
    const objective = await GramObjective.create(net, matrixOps, content, style, contentLayers, o.styleLayers, o.normalization, o.evaluation);
    const n = ls.width * ls.height;
    const yt = content.channels[0];
    const param = o.parametrization === "chroma" ? chromaParametrization(yt, ls.width, ls.height, o.chromaFactor) : rgbParametrization(ls.width, ls.height);
    const np = param.planes;
    lastParam = param;
    const gn = param.gridWidth * param.gridHeight;
    const x0 = new Float32Array(np * gn);
    if (x === null) {
      if (param.kind === "rgb") {
        const styleOnGrid = o.init === "average" ? resizeImage(reference, ls.width, ls.height, "area") : null;
        for (let k = 0; k < 3; k++)
          for (let i = 0; i < n; i++)
            x0[k * n + i] = styleOnGrid ? 0.5 * (content.channels[k][i] + styleOnGrid.channels[k][i]) : content.channels[k][i];
      } else if (o.init === "average") {
        const ref = rgbToLumaChroma(reference, "yuv");
        for (let k = 0; k < 2; k++) {
          const plane = ref.channels[k + 1];
          let m = 0;
          for (let i = 0; i < plane.length; i++)
            m += plane[i];
          x0.fill(m / plane.length, k * gn, (k + 1) * gn);
        }
        param.project(x0);
      }
    } else {
      const pn = prev.width * prev.height;
      const planes = Array.from({ length: np }, (_, k) => x.subarray(k * pn, (k + 1) * pn));
      const up = resizeImage(fromPlanes(prev.width, prev.height, planes), param.gridWidth, param.gridHeight, "bilinear");
      up.channels.forEach((c, k) => {
        x0.set(c, k * gn);
      });
      param.project(x0);
    }
    if (level === 0)
      lap("setup");
    const beta = o.lumaWeight * (ts.width * ts.height / n);
    let last = { content: 0, style: 0 };
    const f = async (v) => {
      const img = param.toImage(v);
      const e = await objective.evaluate(img);
      last = e;
      let loss = e.loss;
      if (beta > 0) {
        const [R, G, B] = img.channels;
        const [gR, gG, gB] = e.grad;
        for (let i = 0; i < n; i++) {
          const d = 0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i] - yt[i];
          loss += beta * d * d;
          const g = 2 * beta * d;
          gR[i] += 0.299 * g;
          gG[i] += 0.587 * g;
          gB[i] += 0.114 * g;
        }
      }
      return { loss, grad: param.pullBack(e.grad) };
    };
    const run = o.optimizer === "adam" ? adam : lbfgs;
    const base = done;
    res = await run(f, x0, {
      lineSearch: o.optimizer !== "lbfgs-fixed",
      // A level at 1/2^k of the working size costs about 4^-k of an iteration there: it gets
      // 2^k times the iterations (so all coarse levels together cost less than the last).
      iterations: o.iterations * 2 ** (sizes.length - 1 - level),
      tolerance: o.tolerance,
      window: o.window,
      learningRate: o.optimizer === "adam" ? o.learningRate : 0.05,
      project: param.project,
      onIteration: (iteration, loss) => {
        const p = {
          iteration: base + iteration,
          loss,
          content: last.content,
          style: last.style,
          level: sizes.length - 1 - level
        };
        progress.push(p);
        o.onProgress?.(p);
      }
    });
    done += res.iterations;
    evaluations += res.evaluations;
    x = res.x;
    prev = { width: param.gridWidth, height: param.gridHeight };
  }
  if (!res || !x)
    throw new Error("gram: no optimisation level");
  lap("optimize");
  if (!lastParam)
    throw new Error("gram: no optimisation level");
  const optimized = lastParam.toImage(res.x);
  const lc = o.space === "lab" ? rgbImageToLab(optimized) : rgbToLumaChroma(optimized, "yuv");
  const chroma = fromPlanes(ts.width, ts.height, [lc.channels[1], lc.channels[2]]);
  const rgb = finish({ original: target, chroma, space: o.space }, o.finish);
  lap("finish");
  return {
    rgb,
    optimized,
    chroma,
    losses: res.losses,
    progress,
    iterations: done,
    evaluations,
    stopped: res.stopped,
    timings
  };
}
export {
  gramColorize,
  gramWorkingSize
};
