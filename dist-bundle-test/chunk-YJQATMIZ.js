import {
  AB_MAX,
  AB_MIN,
  annealedMean,
  predictColorDistribution
} from "./chunk-ERYG42RF.js";
import {
  DEEPLAB_MODELS,
  deeplabProbabilities
} from "./chunk-E2GQZY2A.js";
import {
  GRAM_DEFAULTS,
  GRAM_INITS,
  GRAM_NORMALIZATIONS,
  GRAM_OPTIMIZERS,
  GRAM_PARAMETRIZATIONS,
  parseLayerWeights
} from "./chunk-62PT54LQ.js";
import {
  FEATURE_CHOICES,
  FINISH_MODES,
  FUSION_NORMALISE,
  SUPERPIXEL_DEFAULTS,
  convolveSeparable,
  gaussianBlur,
  gaussianFir,
  gaussianKernel,
  reflectIndex,
  stageTimer
} from "./chunk-JZHOG4WJ.js";
import {
  YUV_REPORT_OFFSET,
  boxFilter,
  clampLabGamut,
  finish,
  forwardMatrix,
  jointBilateralGrid,
  lumaChromaToRgb,
  lumaOf,
  recombine,
  rgbToLumaChroma,
  setFixedChroma
} from "./chunk-DNVYFS5D.js";
import {
  checkWorkingPixels,
  createImage,
  fromPlanes,
  grayToL,
  grayToRgb,
  invert3,
  isNeutralGray,
  labImageToRgb,
  lightnessOf,
  resizeImage,
  resizePlane,
  rgbImageToLab,
  workingGrid
} from "./chunk-C7DXZTIV.js";
import {
  loadOrt
} from "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  checkChoice,
  checkInteger,
  checkNumber,
  fsProblem,
  invalidOption,
  requireModelFile
} from "./chunk-QUYJNQPH.js";
import {
  encodeOnnxModel
} from "./chunk-MLJKICYF.js";

// dist/version.js
var VERSION = "0.1.0";

// dist/methods/catalogue/options.js
function flagName(option) {
  return option.flags.split(" ")[0];
}
function formatValue(v) {
  return Array.isArray(v) ? v.join(",") : String(v);
}
function optionHelp(option) {
  const head = [option.choices?.join("|"), option.description].filter((s) => s).join(", ");
  const dflt = option.defaultText ?? (option.type !== "boolean" && option.default !== void 0 ? `${formatValue(option.default)}${option.unit ? ` ${option.unit}` : ""}` : void 0);
  const paren = [dflt === void 0 ? void 0 : `default ${dflt}`, option.source].filter((s) => s);
  return paren.length ? `${head} (${paren.join(", ")})` : head;
}
function optionSpec(o) {
  const spec = { key: o.key, type: o.type, description: optionHelp(o) };
  if (o.default !== void 0)
    spec.default = Array.isArray(o.default) ? [...o.default] : o.default;
  else if (o.defaultText !== void 0)
    spec.defaultText = o.defaultText;
  if (o.default !== void 0 && o.defaultText !== void 0)
    spec.defaultText = o.defaultText;
  if (o.choices)
    spec.enum = [...o.choices];
  if (o.integer)
    spec.integer = true;
  if (o.min !== void 0)
    spec.minimum = o.min;
  if (o.max !== void 0)
    spec.maximum = o.max;
  if (o.unit)
    spec.unit = o.unit;
  if (o.source)
    spec.source = o.source;
  return spec;
}
function parseNumberText(raw) {
  const t = raw.trim();
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : raw;
}
function parseListText(raw) {
  return raw.split(/[\s,;]+/).filter((s) => s !== "").map(parseNumberText);
}
function typeOptionValue(option, value) {
  if (typeof value !== "string")
    return value;
  const t = value.trim();
  switch (option.type) {
    case "number":
      return parseNumberText(value);
    case "number-list":
      return parseListText(value);
    case "boolean":
      return t === "true" || t === "1" || t === "on" ? true : t === "false" || t === "0" || t === "off" ? false : value;
    default:
      return value;
  }
}
function rangeText(o) {
  const lo = o.min ?? -Infinity;
  const hi = o.max ?? Infinity;
  const what = o.integer ? "an integer" : "a number";
  if (lo === -Infinity && hi === Infinity)
    return what;
  if (hi === Infinity)
    return `${what} \u2265 ${lo}`;
  if (lo === -Infinity)
    return `${what} \u2264 ${hi}`;
  return `${what} in [${lo}, ${hi}]`;
}
function checkScalar(o, v, quoted) {
  if (typeof v !== "number" || !Number.isFinite(v))
    invalidOption(o.key, quoted, rangeText(o));
  if (o.integer && !Number.isInteger(v))
    invalidOption(o.key, quoted, rangeText(o));
  if (o.min !== void 0 && v < o.min || o.max !== void 0 && v > o.max)
    invalidOption(o.key, quoted, rangeText(o));
}
function validateOptions(method, raw) {
  const out = {};
  for (const [key, given] of Object.entries(raw)) {
    if (given === void 0)
      continue;
    const o = method.options.find((s) => s.key === key);
    if (!o) {
      const known = method.options.map((s) => s.key).join(", ") || "none";
      throw new ColorizeError(`option "${key}" does not apply to method ${method.name} (its options: ${known})`, "usage");
    }
    const v = typeOptionValue(o, given);
    switch (o.type) {
      case "number":
        checkScalar(o, v, given);
        break;
      case "number-list":
        if (!Array.isArray(v) || v.length === 0)
          invalidOption(key, given, `a list of numbers, e.g. 0,0.5,1`);
        v.forEach((x, i) => {
          checkScalar({ ...o, key: `${key}[${i}]` }, x, x);
        });
        break;
      case "boolean":
        if (typeof v !== "boolean")
          invalidOption(key, given, "true or false");
        break;
      default:
        if (typeof v !== "string")
          invalidOption(key, given, "a string");
        if (o.choices && !o.choices.includes(v))
          invalidOption(key, given, `one of ${o.choices.join(", ")}`);
    }
    out[key] = v;
  }
  return out;
}

// dist/methods/catalogue/region.js
var DEFAULT_FEATHER = 4;
var REGION_MASK_INPUT = {
  name: "mask",
  kind: "image",
  required: false,
  description: "limit the method to a region: white = colour it, black = keep the target as it is (the edge is feathered by --feather)"
};
var FEATHER_OPTION = {
  flags: "--feather <px>",
  key: "feather",
  type: "number",
  default: DEFAULT_FEATHER,
  min: 0,
  max: 1e3,
  unit: "px",
  description: "with a mask: \u03C3 of the Gaussian that softens the region\u2019s edge (0: a hard edge)"
};
function featheredMask(mask, width, height, feather) {
  if (mask.width !== width || mask.height !== height)
    throw new ColorizeError(`mask: the mask is ${mask.width}\xD7${mask.height} but the target is ${width}\xD7${height}; they must be the same size`, "input");
  const y = mask.channels.length === 1 ? mask.channels[0] : lumaOf(mask);
  const hard = new Float32Array(width * height);
  for (let i = 0; i < hard.length; i++)
    hard[i] = y[i] > 0.5 ? 1 : 0;
  if (feather <= 0)
    return hard;
  const a = gaussianBlur(hard, width, height, feather);
  for (let i = 0; i < a.length; i++)
    a[i] = Math.min(1, Math.max(0, a[i]));
  return a;
}
function blendRegion(result, target, alpha) {
  const channels = [0, 1, 2].map((c) => {
    const r = result.channels[Math.min(c, result.channels.length - 1)];
    const t = target.channels[Math.min(c, target.channels.length - 1)];
    const out = new Float32Array(r.length);
    for (let i = 0; i < r.length; i++)
      out[i] = alpha[i] * r[i] + (1 - alpha[i]) * t[i];
    return out;
  });
  return { width: result.width, height: result.height, channels };
}
function withRegionMask(method) {
  const families = [method.family, ...method.alsoIn ?? []];
  if (!families.some((f) => f === "transfer" || f === "exemplar"))
    return method;
  if (!method.inputs.some((i) => i.name === "target") || method.inputs.some((i) => i.name === "mask"))
    return method;
  const run = method.run;
  return {
    ...method,
    inputs: [...method.inputs, REGION_MASK_INPUT],
    options: [...method.options, FEATHER_OPTION],
    run: async (inputs, options, context) => {
      const { feather, ...rest } = options;
      const mask = inputs.images.mask;
      const target = inputs.images.target;
      const { mask: _m, ...images } = inputs.images;
      const res = await run({ ...inputs, images }, rest, context);
      if (!mask || !target)
        return res;
      const alpha = featheredMask(mask.image, target.image.width, target.image.height, feather ?? DEFAULT_FEATHER);
      return { ...res, rgb: blendRegion(res.rgb, target.image, alpha) };
    }
  };
}

// dist/methods/catalogue/types.js
var METHOD_FAMILIES = [
  "scribbles",
  "transfer",
  "exemplar",
  "automatic",
  "fuse"
];

// dist/methods/catalogue/catalogue.js
var methods = /* @__PURE__ */ new Map();
function registerMethod(declared) {
  const method = withRegionMask(declared);
  const keys = /* @__PURE__ */ new Set();
  for (const o of method.options) {
    if (keys.has(o.key))
      throw new Error(`${method.name}: option ${o.key} is declared twice`);
    keys.add(o.key);
  }
  methods.set(method.name, method);
}
function listMethods(family) {
  const all = [...methods.values()];
  if (family)
    return [...all.filter((m) => m.family === family), ...all.filter((m) => m.alsoIn?.includes(family))];
  return all.sort((a, b) => METHOD_FAMILIES.indexOf(a.family) - METHOD_FAMILIES.indexOf(b.family));
}
function methodNames(family) {
  return listMethods(family).map((m) => m.name);
}
function getMethod(name, family) {
  const m = methods.get(name);
  if (!m || family && m.family !== family && !m.alsoIn?.includes(family)) {
    const names = methodNames(family).join(", ");
    throw new ColorizeError(family ? `option "method" = ${JSON.stringify(name)} is invalid: expected one of ${names}` : `unknown method ${JSON.stringify(name)}; known methods: ${names}`, "usage");
  }
  return m;
}
function familyDefault(family) {
  const list = listMethods(family);
  return list.find((m) => m.familyDefault && m.family === family) ?? list[0];
}
function describeMethod(m) {
  const { run: _run, prepare: _prepare, options, ...rest } = m;
  return { ...rest, options: options.filter((o) => !o.cliOnly).map(optionSpec) };
}

// dist/methods/catalogue/inputs.js
var GALLERY_INPUT = {
  name: "gallery",
  kind: "gallery",
  required: false,
  description: 'instead of a reference: pick it from a gallery of colour photos, the nearest to the target in VGG-19 conv3_4 features (report \xA74.4.3); "auto" or an image name'
};
function referenceInputs(target, reference = "colour photo whose colours are used") {
  return [
    { name: "target", kind: "image", required: true, description: target },
    { name: "reference", kind: "image", required: false, description: reference },
    GALLERY_INPUT
  ];
}
var REFERENCE_ONE_OF = [["reference", "gallery"]];
function grayInput(image, isGray) {
  const plane = isGray ? image.channels[0] : lumaOf(image);
  return { width: image.width, height: image.height, channels: [plane] };
}
var COLOUR_AS_GRAY_NOTE = "the gray input is a colour image; using its luminance (Rec. 601 luma) as the gray image";
function colourReference(inputs) {
  const reference = inputs.images.reference;
  if (!reference)
    throw new ColorizeError("give a colour reference (or a gallery to pick one from)", "usage");
  if (reference.isGray)
    throw new ColorizeError("the reference is gray, so it has no colours to use; give a colour reference", "input");
  return reference;
}
function refusesGrayTarget(method, targetIsGray, options) {
  const alt = method.grayAlternative?.option;
  const altChosen = alt !== void 0 && options[alt.key] === alt.value;
  return method.targets === "colour" && targetIsGray && !altChosen;
}
function grayTargetHint(method, word) {
  const a = method.grayAlternative;
  if (!a)
    return void 0;
  const parts = [];
  if (a.method)
    parts.push(`use ${word.method(a.method)} for a gray target`);
  if (a.exemplar)
    parts.push(`to colour a gray target from a colour reference use ${word.exemplar()}`);
  let text = parts.join("; ");
  if (a.option) {
    const o = `${word.option(a.option.key, a.option.value)} for ${a.option.gives}`;
    text = text ? `${text} (or ${o})` : `use ${o}`;
  }
  return text || void 0;
}
function inputProblem(method, present, word = (n) => `"${n}"`) {
  for (const spec of method.inputs)
    if (spec.required && !present(spec.name))
      return `${method.name} needs the input ${word(spec.name)} (${spec.description})`;
  for (const group of method.oneOf ?? [])
    if (!group.some(present))
      return `${method.name} needs one of the inputs ${group.map(word).join(" or ")}`;
  for (const group of method.together ?? [])
    if (group.some(present) && !group.every(present))
      return `${group.map(word).join(" and ")} go together: give both`;
  return void 0;
}
function cancellable(context) {
  const { signal } = context;
  if (!signal)
    return context;
  return {
    ...context,
    progress: (fraction, stage) => {
      if (signal.aborted)
        throw new ColorizeError(`cancelled${stage ? ` (at ${stage})` : ""}`, "usage");
      context.progress?.(fraction, stage);
    }
  };
}

// dist/solve/wasm/helper-thread.js
var HELPER_KERNELS = [
  "apply2",
  "residual2",
  "gsFromZero2",
  "gs2",
  "restrict2",
  "prolongAdd2",
  "dot",
  "bicgDirection",
  "scale2",
  "bicgStep",
  "levinAffinityRows",
  "dendyEdges",
  "dendyCorners",
  "galerkinAccumulate"
];
var COMMAND_RUN = 0;
var COMMAND_ATTACH = 1;
var COMMAND_DETACH = 2;
var OPERATOR_AT = 5;
var ARGS_AT = 17;
var MAX_ARGS = 24;
var PREFAULT_CHUNK = 1 << 20;
var TIMEOUT_MS = 6e4;
var SPIN_MS = 1;
var WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const c = new Int32Array(workerData.control);
const f = new Float64Array(workerData.values);
const names = workerData.names;
const port = workerData.port;
let ex = null;
let fns = [];
const args = [];
let seen = 0;
// Faults in [from, to) from the top down, a chunk per claim (the caller claims from the same
// counter when it would otherwise wait). A write that changes nothing: the caller may already be
// writing the same pages.
function prefault(mem, from, to) {
  for (let k; (k = Atomics.add(c, 5, 1)) < Atomics.load(c, 6); ) {
    const hi = to - k * ${PREFAULT_CHUNK};
    const lo = Math.max(from, hi - ${PREFAULT_CHUNK});
    for (let a = hi - 4; a >= lo; a -= 4096) Atomics.or(mem, a >> 2, 0);
  }
}
for (;;) {
  // Spin a little, then sleep; the caller notifies only a sleeping worker ([3]).
  const until = performance.now() + ${SPIN_MS};
  while (Atomics.load(c, 0) === seen && performance.now() < until);
  if (Atomics.load(c, 0) === seen) {
    Atomics.store(c, 3, 1);
    Atomics.wait(c, 0, seen);
    Atomics.store(c, 3, 0);
  }
  seen = Atomics.load(c, 0);
  let result = 0;
  try {
    const command = f[1];
    if (command === ${COMMAND_ATTACH}) {
      const m = receiveMessageOnPort(port).message;
      ex = new WebAssembly.Instance(m.module, { env: { memory: m.memory } }).exports;
      fns = names.map((n) => ex[n]);
      if (m.prefault) prefault(new Int32Array(m.memory.buffer), m.prefault[0], m.prefault[1]);
    } else if (command === ${COMMAND_DETACH}) {
      ex = null;
      fns = [];
    } else {
      if (f[4]) ex.operator(f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15], f[16]);
      const n = f[3];
      args.length = n;
      for (let k = 0; k < n; k++) args[k] = f[${ARGS_AT} + k];
      result = fns[f[2]](...args) || 0;
    }
  } catch (e) {
    Atomics.store(c, 2, 1);
  }
  f[0] = result;
  Atomics.store(c, 1, seen);
  if (Atomics.load(c, 4)) Atomics.notify(c, 1);
}
`;
var KernelHelper = class _KernelHelper {
  control = new Int32Array(new SharedArrayBuffer(32));
  /** The memory being faulted in and its range, while the counter has chunks left. */
  faulting = null;
  values = new Float64Array(new SharedArrayBuffer(8 * (ARGS_AT + MAX_ARGS)));
  port;
  requested = 0;
  /** Kernel blocks run on the helper so far (tests check that it did run). */
  kernelRuns = 0;
  /** The memory the worker has instantiated the kernels on (or is about to). */
  memory = null;
  pendingAttach = false;
  constructor(threads) {
    const { port1, port2 } = new threads.MessageChannel();
    this.port = port1;
    const worker = new threads.Worker(WORKER_SOURCE, {
      eval: true,
      // Not the parent's flags: a loader such as tsx has nothing to do in this worker.
      execArgv: [],
      workerData: {
        control: this.control.buffer,
        values: this.values.buffer,
        names: HELPER_KERNELS,
        port: port2
      },
      transferList: [port2],
      stdout: false,
      stderr: false
    });
    worker.unref();
    port1.unref?.();
    worker.on("error", () => {
      helper = null;
    });
  }
  /** Starts the worker, or null where there is no second CPU, no Node, or threads are off. */
  static start() {
    const proc = globalThis.process;
    if (!proc?.versions?.node || proc.env.COLORIZE_THREADS === "1")
      return null;
    try {
      const os = proc.getBuiltinModule?.("node:os");
      const threads = proc.getBuiltinModule?.("node:worker_threads");
      if (!threads || (os?.availableParallelism?.() ?? 1) < 2)
        return null;
      return new _KernelHelper(threads);
    } catch {
      return null;
    }
  }
  /** Whether the worker runs kernels on `memory` (after {@link attach}). */
  attachedTo(memory) {
    return this.memory === memory;
  }
  /**
   * Has the worker instantiate `module` on `memory` (dropping the memory it had); returns at once,
   * the next {@link start} waits for it. With `prefault` [from, to), the worker then writes every
   * page of those bytes once, from the top down, while the caller goes on: a fresh arena's first
   * writes are page faults, which on the virtual machines measured cost about 2 ms per MiB even
   * in 2 MiB pages, and two threads fault in twice as fast as one (the caller takes its share
   * when it next needs the worker, {@link start}).
   */
  attach(memory, module, prefault) {
    if (this.memory === memory)
      return;
    this.finishAttach(false);
    if (prefault && prefault[1] > prefault[0]) {
      const c = this.control;
      Atomics.store(c, 5, 0);
      Atomics.store(c, 6, Math.ceil((prefault[1] - prefault[0]) / PREFAULT_CHUNK));
      this.faulting = { view: new Int32Array(memory.buffer), from: prefault[0], to: prefault[1] };
    }
    this.port.postMessage({ memory, module, prefault: this.faulting ? prefault : void 0 });
    this.memory = memory;
    this.pendingAttach = true;
    this.values[1] = COMMAND_ATTACH;
    this.signal();
  }
  /** Lets the worker drop `memory` (so it can be collected). */
  detach(memory) {
    if (this.memory !== memory)
      return;
    this.finishAttach(false);
    this.values[1] = COMMAND_DETACH;
    this.signal();
    this.join();
    this.memory = null;
  }
  /**
   * Starts `kernel`(...args) on the worker; `operator`: the 12 arguments of the kernels'
   * `operator` to select first. {@link join} waits for it and returns its result.
   */
  start(kernel, args, operator) {
    this.finishAttach();
    const v = this.values;
    v[1] = COMMAND_RUN;
    v[2] = HELPER_KERNELS.indexOf(kernel);
    v[3] = args.length;
    v[4] = operator ? 1 : 0;
    if (operator)
      for (let k = 0; k < 12; k++)
        v[OPERATOR_AT + k] = operator[k];
    for (let k = 0; k < args.length; k++)
      v[ARGS_AT + k] = args[k];
    this.kernelRuns++;
    this.signal();
  }
  /** Waits for the last request and returns its result. */
  join() {
    const c = this.control;
    const want = this.requested;
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(c, 1) !== want && performance.now() < until)
      ;
    const deadline = performance.now() + TIMEOUT_MS;
    for (; ; ) {
      const done = Atomics.load(c, 1);
      if (done === want)
        break;
      if (performance.now() > deadline)
        throw new Error("solver helper thread did not answer");
      Atomics.store(c, 4, 1);
      Atomics.wait(c, 1, done, 1e3);
      Atomics.store(c, 4, 0);
    }
    if (Atomics.load(c, 2)) {
      Atomics.store(c, 2, 0);
      throw new Error("a solver kernel failed on the helper thread");
    }
    return this.values[0];
  }
  signal() {
    this.requested++;
    Atomics.store(this.control, 0, this.requested);
    if (Atomics.load(this.control, 3))
      Atomics.notify(this.control, 0);
  }
  /**
   * Waits for the last attach; with `help`, faults in here the chunks of its memory that the
   * worker has not claimed yet, otherwise leaves them unfaulted.
   */
  finishAttach(help = true) {
    if (!this.pendingAttach)
      return;
    this.pendingAttach = false;
    const p = this.faulting;
    this.faulting = null;
    const c = this.control;
    if (p && !help)
      Atomics.store(c, 5, Atomics.load(c, 6));
    else if (p)
      this.prefaultHere(p);
    this.join();
  }
  /** Claims and faults in chunks here until none are left (see {@link attach}). */
  prefaultHere(p) {
    const c = this.control;
    for (let k; (k = Atomics.add(c, 5, 1)) < Atomics.load(c, 6); ) {
      const hi = p.to - k * PREFAULT_CHUNK;
      const lo = Math.max(p.from, hi - PREFAULT_CHUNK);
      for (let a = hi - 4; a >= lo; a -= 4096)
        Atomics.or(p.view, a >> 2, 0);
    }
  }
};
var helper;
function kernelHelper() {
  if (helper === void 0)
    helper = KernelHelper.start();
  return helper;
}
function startSolverThreads() {
  return kernelHelper() !== null;
}

// dist/solve/row-blocks.js
var SPLIT_MIN_PIXELS = 65536;
var SPLIT_MIN_ROWS = 16;
function splitRow(width, height) {
  if (width * height < SPLIT_MIN_PIXELS || height < SPLIT_MIN_ROWS)
    return 0;
  return height >> 2 << 1;
}
function splitIndex(from, to) {
  if (to - from < SPLIT_MIN_PIXELS)
    return to;
  return from + (to - from >> 3 << 2);
}
function accumulateInBlockOrder(width, height, run, both = (a, b) => {
  run(a[0], a[1]);
  run(b[0], b[1]);
}) {
  const m = splitRow(width, height);
  if (!m)
    run(0, height);
  else {
    both([0, m - 2], [m, height]);
    run(m - 2, m);
  }
}
function sweepInBlockOrder(width, height, backward, sweep, both = (a, b) => {
  sweep(a[0], a[1], backward);
  sweep(b[0], b[1], backward);
}) {
  const m = splitRow(width, height);
  if (!m)
    sweep(0, height, backward);
  else if (!backward) {
    both([0, m - 1], [m, height]);
    sweep(m - 1, m, false);
  } else {
    sweep(m - 1, m, true);
    both([0, m - 1], [m, height]);
  }
}
function sweepFromZeroInBlockOrder(width, height, x, fromZero, sweep, both = (a, b) => {
  fromZero(a[0], a[1]);
  fromZero(b[0], b[1]);
}) {
  const m = splitRow(width, height);
  if (!m) {
    fromZero(0, height);
    return;
  }
  for (const plane of x)
    plane.fill(0, width + 1 + (m - 1) * width, width + 1 + m * width);
  both([0, m - 1], [m, height]);
  sweep(m - 1, m, false);
}

// dist/solve/wasm/huge-pages.js
var advise;
function helper2() {
  if (advise !== void 0)
    return advise;
  advise = null;
  const proc = globalThis.process;
  if (proc?.platform !== "linux" || proc.env.COLORIZE_HUGE_PAGES === "0")
    return advise;
  try {
    const module = proc.getBuiltinModule?.("node:module");
    if (!module)
      return advise;
    const require2 = module.createRequire(import.meta.url);
    const addon = require2("../../../native/huge-pages/build/huge-pages.node");
    advise = addon.advise;
  } catch {
  }
  return advise;
}
function adviseHugePages(buffer, offset = 0, length = buffer.byteLength - offset) {
  const fn = helper2();
  return fn ? fn(new Uint8Array(buffer), offset, length) : 0;
}

// dist/solve/wasm/kernels-binary.js
var KERNELS_WASM_BASE64 = "AGFzbQEAAAABvAIaYAN/f38AYAt/f39/f39/f39/fwBgB39/f39/f38AYAh/f39/f39/fwBgCn9/f39/f39/f38AYAJ/fwBgDX9/f39/f39/fH9/f38Bf2AQf39/f39/f39/f39/f399fQBgDX9/f39/f39/f398fH8AYAx/f39/f39/f39/fHwBfGAKf39/f39/f39/fQBgFH9/f39/f39/f39/f39/f39/f39/AGAMf39/f39/f39/f39/AGAHf39/f319fQBgCX9/f39/f39/fwBgBH9/f38BfGAEf39/fwBgCX9/f39/f39/fAF8YAp/f39/f39/f398AGAJf39/f39/f39/AXxgB39/f399f38BfGAHf39/fX1/fwBgBX9/f39/AGAEf39/fQBgBn9/f39/fwBgDX9/f39/f39/f39/f38AAg8BA2VudgZtZW1vcnkCAAADIyIBAQUGBwgJCgsCAQMEDA0AAw4ADxAEABEAEhMUFRYCFxgZBjgLfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEACwfAAyMIb3BlcmF0b3IADQZhcHBseTIAIAlyZXNpZHVhbDIACwtnc0Zyb21aZXJvMgAQA2dzMgARCXJlc3RyaWN0MgAKC3Byb2xvbmdBZGQyAAwDZG90ABMNYmljZ0RpcmVjdGlvbgAcBnNjYWxlMgAJCGJpY2dTdGVwABsGdHZEdWFsAAcIdHZQcmltYWwABAt0dkdyYWRpZW50VwAFCXR2U2VsZWN0VwADCHR2RW5lcmd5AAYFZGVuZHkAFQpkZW5keUVkZ2VzAAAMZGVuZHlDb3JuZXJzAAEMYmFsYW5jZVBhaXJzAB4NYmFsYW5jZVNwcmVhZAAdDmJhbGFuY2VGYWN0b3JzAB8RbGV2aW5BZmZpbml0eVJvd3MADg1zeW1tZXRyaWNQYXJ0AAgNZGVpbnRlcmxlYXZlNAAWC2RpYWdvbmFsczY0ABQJaW52ZXJzZTMyAA8QZGVncmVlc1dpdGhSaWRnZQAXBHplcm8AAgVmaWxsOAASBGNvcHkAGA1jb2Fyc2VFbnRyaWVzABoSY29hcnNlSWRlbnRpdHlSb3dzABkSZ2FsZXJraW5BY2N1bXVsYXRlACEGbWVtb3J5AgAKmMMBItQDAgF8Bn8DQCAJIApIBEAgCUEBcSENQQAhDANAIAcgDEoEQCAHIAlsIAxqIg4gBWotAAAEQCAGIAggDmoiD0EEdGohECAMQQFxIg4gDXIEQCANRSAOcQRAIAAgD0EDdGorAwAgAiAPQQJ0Ig5qKgIAu6EgAiAPIAdrIhFBAnRqKgIAu6EhCyAQIAEgD0EBa0ECdGoqAgC7IAMgEUEBa0ECdGoqAgC7oCAEIA5qKgIAu6AgC6O2QwAAAAAgC0QAAAAAAAAAAGQiDxs4AgAgECABIA5qKgIAuyAEIBFBAWpBAnRqKgIAu6AgAyAOaioCALugIAujtkMAAAAAIA8bOAIEBSANIA5FcQRAIBAgAiAPIAdrIg5BAnRqKgIAuyADIA5BAWtBAnRqKgIAu6AgBCAOQQFqQQJ0aioCALugIAAgD0EDdGorAwAgASAPQQJ0Ig5qKgIAu6EgASAPQQFrQQJ0aioCALuhIgujtkMAAAAAIAtEAAAAAAAAAABkIg8bOAIAIBAgAiAOaioCALsgAyAOaioCALugIAQgDmoqAgC7oCALo7ZDAAAAACAPGzgCCAsLBSAQQwAAgD84AgALCyAMQQFqIQwMAQsLIAlBAWohCQwBCwsLywMCBXwIfyAJQQFyIQkDQCAJIApIBEBBASEQA0AgByAQSgRAIAcgCWwgEGoiESAFai0AAARAIAAgCCARaiIUQQN0aisDACELIAIgFEECdCIVaioCALshDCABIBVqKgIAuyENIBQgB2siEkECdCEWIAYgFEEEdGoiESADIBJBAWtBAnRqKgIAuyACIBJBAnRqKgIAuyIOIAYgFkECdGoqAgC7oqAgASAUQQFrIhNBAnRqKgIAuyIPIAYgE0ECdCIXQQJ0aioCALuioCALo7ZDAAAAACALRAAAAAAAAAAAZCITGzgCACARIAQgEkEBakECdGoqAgC7IA4gBiAWQQFqQQJ0aioCALuioCANIAYgFEEBakECdCISQQJ0aioCALuioCALo7ZDAAAAACATGzgCBCARIAQgFWoqAgC7IAwgBiAHIBRqQQJ0IhRBAnRqKgIAu6KgIA8gBiAXQQJqQQJ0aioCALuioCALo7ZDAAAAACATGzgCCCARIAMgFWoqAgC7IAwgBiAUQQFqQQJ0aioCALuioCANIAYgEkECakECdGoqAgC7oqAgC6O2QwAAAAAgExs4AgwLIBBBAmohEAwBCwsgCUECaiEJDAELCwsLACAAQQAgAfwLAAuEAwIHfwR8A0AgACAPSgRAIAIgD0ECdCIOaioCALsiFiAEIAkgD2otAAAiEiINIAEgD2wiEGpBAnQiE2oqAgC7oSIUIBSiIAMgDmoqAgC7IhcgBSATaioCALuhIhQgFKKgIAcEfCAIIAcgE2oqAgC7ogVEAAAAAAAAAAALoCEUQQAhDgNAIAEgDkoEQCAWIAQgDiAQakECdCITaioCALuhIhUgFaIgFyAFIBNqKgIAu6EiFSAVoqAgBwR8IAggByATaioCALuiBUQAAAAAAAAAAAugIhUgFGMEQCAVIRQgDiENCyAOQQFqIQ4MAQsLQQEgDCANIBJHIg4bBEAgEUEBaiARIA4bIRFBACEOA0AgASAOSgRAIAYgDiAQakECdGpDAAAAADgCACAOQQFqIQ4MAQsLIAYgDSAQakECdCIOakMAAIA/OAIAIAkgD2ogDToAACAKIA9BAnQiDWogBCAOaioCADgCACALIA1qIAUgDmoqAgA4AgALIA9BAWohDwwBCwsgEQvtCgMIfQd/CnsgDv0TISEgD/0TISJDAACAPyAPQwAAgD+SlSIV/RMhIwNAIAEgHEoEQCAAIBxsIR1DAACAP0MAAAAAIBwgAUEBa0gbIhb9EyEkQwAAgD9DAAAAACAcQQBKIhgbIhf9EyElIABBACAYGyEeQQAhGQNAIAAgGUoEQCAZQQRqIABIIBlBAEpxRQRAIBkgHWohGkMAAAAAIREgGSAAQQFrSAR9IAIgGkECdCIYaioCAEMAAAAAkiERIAQgGGoqAgBDAAAAAJIFQwAAAAALIRAgGUEASgRAIBEgAiAaQQFrQQJ0IhhqKgIAkyERIBAgBCAYaioCAJMhEAsgESAWIAMgGkECdCIbaioCAJQgFyADIBogHmtBAnQiGGoqAgCUk5IhFCAQIBYgBSAbaioCAJQgFyAFIBhqKgIAlJOSIRAgByAbaiIaKgIAIRMgCCAbaiAGIBtqIhgqAgAiEjgCACAJIBtqIBM4AgBDAADcwkMAANxCIBMgDiAQlJIgDyANIBtqKgIAlJIgFZQiECAQQwAA3EJeGyAQQwAA3MJdGyERIBhDAADcwkMAANxCIBIgDiAUlJIgDyAMIBtqKgIAlJIgFZQiECAQQwAA3EJeGyAQQwAA3MJdGyIQOAIAIBogETgCACAKIBtqIBAgEJIgEpM4AgAgCyAbaiARIBGSIBOTOAIAIBlBAWohGQwCCwsLA0AgGUEEaiIYIABIBEAgAiAZIB1qIhlBAnQiG2r9AAQAIAIgGUEBa0ECdCIaav0ABAD95QEgJCADIBtq/QAEAP3mASAlIAMgGSAea0ECdCIZav0ABAD95gH95QH95AEhJyAEIBtq/QAEACAEIBpq/QAEAP3lASAkIAUgG2r9AAQA/eYBICUgBSAZav0ABAD95gH95QH95AEhHyAHIBtqIhr9AAQAISAgCCAbaiAGIBtqIhn9AAQAIib9CwQAIAkgG2ogIP0LBAAgICAhIB/95gH95AEgIiANIBtq/QAEAP3mAf3kASAj/eYB/QwAANzCAADcwgAA3MIAANzC/ekB/QwAANxCAADcQgAA3EIAANxC/egBISggGSAmICEgJ/3mAf3kASAiIAwgG2r9AAQA/eYB/eQBICP95gH9DAAA3MIAANzCAADcwgAA3ML96QH9DAAA3EIAANxCAADcQgAA3EL96AEiH/0LBAAgGiAo/QsEACAKIBtq/QwAAABAAAAAQAAAAEAAAABAIB/95gEgJv3lAf0LBAAgCyAbav0MAAAAQAAAAEAAAABAAAAAQCAo/eYBICD95QH9CwQAIBghGQwBCwsDQCAAIBlKBEAgGSAdaiEaQwAAAAAhESAZIABBAWtIBH0gAiAaQQJ0IhhqKgIAQwAAAACSIREgBCAYaioCAEMAAAAAkgVDAAAAAAshECAZQQBKBEAgESACIBpBAWtBAnQiGGoqAgCTIREgECAEIBhqKgIAkyEQCyARIBYgAyAaQQJ0IhtqKgIAlCAXIAMgGiAea0ECdCIYaioCAJSTkiEUIBAgFiAFIBtqKgIAlCAXIAUgGGoqAgCUk5IhECAHIBtqIhoqAgAhEyAIIBtqIAYgG2oiGCoCACISOAIAIAkgG2ogEzgCAEMAANzCQwAA3EIgEyAOIBCUkiAPIA0gG2oqAgCUkiAVlCIQIBBDAADcQl4bIBBDAADcwl0bIREgGEMAANzCQwAA3EIgEiAOIBSUkiAPIAwgG2oqAgCUkiAVlCIQIBBDAADcQl4bIBBDAADcwl0bIhA4AgAgGiAROAIAIAogG2ogECAQkiASkzgCACALIBtqIBEgEZIgE5M4AgAgGUEBaiEZDAELCyAcQQFqIRwMAQsLC4gGAgZ/BXwDQCAAIBJKBEAgASASbCEQIAIgEkECdCINaioCALshFyADIA1qKgIAuyEWRAAAAAAAAPD/IRNEAAAAAAAA8P8hFEEAIQ1BACEOA0AgASAOSgRAIAYgDiAQakECdCIPaiIRIBEqAgC7IAogFyAEIA9qKgIAu6EiFSAVoiAWIAUgD2oqAgC7oSIVIBWioKKhIAcEfCALIAcgD2oqAgC7ogVEAAAAAAAAAAALoSIVtjgCACATIBVjBEAgEyEUIBUhEyAOIQ0FIBUgFCAUIBVjGyEUCyAOQQFqIQ4MAQsLRAAAAAAAAAAAIRZEAAAAAAAAAAAhFSATIBShRAAAAAAAAPA/ZgRAQQAhDgNAIAEgDkoEQCAGIA4gEGpBAnRqQwAAAAA4AgAgDkEBaiEODAELCyAGIA0gEGpBAnQiDWpDAACAPzgCACAEIA1qKgIAuyEWIAUgDWoqAgC7IRUFRAAAAAAAAAAAIRRBACENQQAhEQNAIAEgDUoEQCAMIA1qQQE6AAAgFCAGIA0gEGpBAnRqKgIAu6AhFCANQQFqIQ0MAQsLIBREAAAAAAAA8L+gIAEiDbejIRMDQEEAIQ5BACEPA0AgASAPSgRAIAwgD2otAAAEfyAGIA8gEGpBAnRqKgIAuyATZQVBAAsEQCAMIA9qQQA6AABBASEOIBQgBiAPIBBqQQJ0aioCALuhIRQgDUEBayENCyAPQQFqIQ8MAQsLIA1FIA5FckUEQCAURAAAAAAAAPC/oCANt6MhEwwBCwsDQCABIBFKBEAgBiAQIBFqQQJ0aiINKgIAuyAToSEUIA0gFEQAAAAAAAAAACAURAAAAAAAAAAAZEEAIAwgEWotAAAbG7Y4AgAgEUEBaiERDAELC0EAIQ4DQCABIA5KBEAgFiAGIA4gEGpBAnQiDWoqAgC7IhMgBCANaioCALuioCEWIBUgEyAFIA1qKgIAu6KgIRUgDkEBaiEODAELCwsgCCASQQJ0Ig1qIBa2OAIAIAkgDWogFbY4AgAgEkEBaiESDAELCwuQAwIHfAZ/A0AgASAWSgRAQQAhFANAIAAgFEoEQCADIAAgFmwgFGoiFUECdCIXaioCALshDSAMIAsgAyAVQQFqIBUgFCAAQQFrSBtBAnQiE2oqAgC7IA2hIgwgDKIgAyAAIBVqIBUgFiABQQFrSBtBAnQiGGoqAgC7IA2hIgwgDKKgoiAEIBNqKgIAuyAEIBdqKgIAuyIPoSIMIAyioCAEIBhqKgIAuyAPoSIMIAyioCAFIBNqKgIAuyAFIBdqKgIAuyIOoSIMIAyioCAFIBhqKgIAuyAOoSIMIAyioJ+gRAAAAAAAAAAAIQ1EAAAAAAAAAAAhDEEAIRMDQCACIBNKBEAgDyAGIAIgFWwgE2pBAnQiF2oqAgC7oSERIA0gCCAXaioCALsiEiARIBGiIA4gByAXaioCALuhIg0gDaKgoqAhDSAJBEAgDCASIAkgF2oqAgC7oqAhDAsgE0EBaiETDAELCyAKRAAAAAAAAOA/oiANoiAMoKAhDCAUQQFqIRQMAQsLIBZBAWohFgwBCwsgDAurCQMIfwx7CX0gCf0TIRMDQCABIAxKBEAgACAMbCENIABBACAMIAFBAWtIGyEOQQAhCwNAIAtBBGogAEgEQCACIAsgDWoiD0ECdCIKav0ABAAhEiAEIApq/QAEACATIAIgD0EBakECdCIQav0ABAAgEv3lAf3mAf3kASIXIBf95gEgBSAKav0ABAAgEyACIA4gD2pBAnQiEWr9AAQAIBL95QH95gH95AEiGCAY/eYB/eQBIAYgCmr9AAQAIBMgAyAQav0ABAAgAyAKav0ABAAiEv3lAf3mAf3kASIZIBn95gEgByAKav0ABAAgEyADIBFq/QAEACAS/eUB/eYB/eQBIhogGv3mAf3kAf3kASIb/eMBIhT9DAAAgD8AAIA/AACAPwAAgD8gCCAKav0ABAAiFf3kAf3nASESIBX9DAAAAAAAAAAAAAAAAAAAAAD9RCEWQQAhCgNAIBb9U0EAIApBCEgbBEAgEiAS/QwAAIA/AACAPwAAgD8AAIA/IBIgEv3mAf3kASIc/eMBIh395wEgFSAS/eYB/eQBIBT95QH9DAAAgD8AAIA/AACAPwAAgD8gHCAd/eYB/ecBIBX95AH95wEiHP3lASASIBb9UiESIBYgHP0MvTeGtb03hrW9N4a1vTeGtf1F/U4hFiAKQQFqIQoMAQsLIAQgD0ECdCIKaiAX/QwAAAAAAAAAAAAAAAAAAAAAIBL9DAAAgD8AAIA/AACAPwAAgD8gEiAS/eYB/eQB/eMB/ecBIBT95wH9DAAAgD8AAIA/AACAPwAAgD/9DAAAgD8AAIA/AACAPwAAgD8gFP3nASAU/QwAAIA/AACAPwAAgD8AAIA//UP9UiAV/QwAAAAAAAAAAAAAAAAAAAAA/UT9UiAb/QwAAAAAAAAAAAAAAAAAAAAA/UH9UiIS/eYB/QsEACAFIApqIBggEv3mAf0LBAAgBiAKaiAZIBL95gH9CwQAIAcgCmogGiAS/eYB/QsEACALQQRqIQsMAQsLA0AgACALSgRAIAIgCyANaiIPQQJ0IgpqKgIAIR4gBCAKaioCACAJIAIgD0EBaiAPIAsgAEEBa0gbQQJ0IhBqKgIAIB6TlJIiHyAflCAFIApqKgIAIAkgAiAOIA9qQQJ0IhFqKgIAIB6TlJIiICAglJIgBiAKaioCACAJIAMgEGoqAgAgAyAKaioCACIek5SSIiEgIZSSIAcgCmoqAgAgCSADIBFqKgIAIB6TlJIiIiAilJIiHkMAAAAAXAR9IB6RISMgCCAKaioCACIlQwAAAABbBH1DAACAP0MAAIA/ICOVICNDAACAP10bBSAjICVDAACAP5KVIR5BACEKA0AgCkEISARAAkAgHiAeIB4gHpRDAACAP5IiJJEiJpUgJSAelJIgI5NDAACAPyAkICaUlSAlkpUiJJMhHiAkQ703hrVeDQAgCkEBaiEKDAILCwsgHiAeIB6UQwAAgD+SkZUgI5ULBUMAAAAACyEeIAQgD0ECdCIKaiAfIB6UOAIAIAUgCmogICAelDgCACAGIApqICEgHpQ4AgAgByAKaiAiIB6UOAIAIAtBAWohCwwBCwsgDEEBaiEMDAELCwubBwMGfwF7AX0gEyARIBJsaiEXIBMhFANAIBRBBGoiFSAXTARAIAkgFEECdCIYav0ABAAhGiAMIBhq/QwAAAA/AAAAPwAAAD8AAAA/IBogASAYav0ABAD95gEgCSAUQQFqQQJ0Ihlq/QAEACAAIBlq/QAEAP3mAf3kAf3mAf0LBAAgDSAYav0MAAAAPwAAAD8AAAA/AAAAPyAaIAMgGGr9AAQA/eYBIAkgESAUaiIUQQJ0Ihlq/QAEACACIBlq/QAEAP3mAf3kAf3mAf0LBAAgDiAYav0MAAAAPwAAAD8AAAA/AAAAPyAaIAcgGGr9AAQA/eYBIAkgFEEBakECdCIZav0ABAAgBCAZav0ABAD95gH95AH95gH9CwQAIA8gGGr9DAAAAD8AAAA/AAAAPwAAAD8gGiAGIBhq/QAEAP3mASAJIBRBAWtBAnQiFGr9AAQAIAUgFGr9AAQA/eYB/eQB/eYB/QsEACAVIRQMAQsLA0AgFCAXSARAIAkgFEECdCIYaioCACEbIAwgGGogGyABIBhqKgIAlCAJIBRBAWoiFUECdCIZaioCACAAIBlqKgIAlJJDAAAAP5Q4AgAgDSAYaiAbIAMgGGoqAgCUIAkgESAUaiIUQQJ0IhlqKgIAIAIgGWoqAgCUkkMAAAA/lDgCACAOIBhqIBsgByAYaioCAJQgCSAUQQFqQQJ0IhlqKgIAIAQgGWoqAgCUkkMAAAA/lDgCACAPIBhqIBsgBiAYaioCAJQgCSAUQQFrQQJ0IhRqKgIAIAUgFGoqAgCUkkMAAAA/lDgCACAVIRQMAQsLA0AgFiARIBJsSARAIBAgEyAWaiIUQQN0aiEVAkAgCiAWai0AAEUEQCAVRAAAAAAAAPA/OQMADAELIBUgDCAUQQJ0IhVqKgIAuyAMIBRBAWtBAnRqKgIAu6AgDSAVaioCALugIA0gFCARayIUQQJ0aioCALugIA4gFWoqAgC7oCAOIBRBAWtBAnRqKgIAu6AgDyAVaioCALugIA8gFEEBakECdGoqAgC7oCAJIBVqKgIAuyAIIBVqKgIAuyAAIBVqKgIAuyABIBVqKgIAu6AgAiAVaioCALugIAMgFWoqAgC7oCAEIBVqKgIAu6AgBSAVaioCALugIAYgFWoqAgC7oCAHIBVqKgIAu6ChokQAAAAAAAAAAKUgCyAWQQJ0aioCALugRAAAAAAAAOA/oqA5AwALIBZBAWohFgwBCwsLpQECAX8BewNAIAVBBGoiByAGTARAIAAgBUECdCIFav0ABAAhCCADIAVqIAggASAFav0ABAD95gH9CwQAIAQgBWogCCACIAVq/QAEAP3mAf0LBAAgByEFDAELCwNAIAUgBkgEQCADIAVBAnQiB2ogACAHaioCACABIAdqKgIAlDgCACAEIAdqIAAgB2oqAgAgAiAHaioCAJQ4AgAgBUEBaiEFDAELCwvwEwMOfwh7Bn0gAgRAIAdBAWohDCAIQQFqIQ0gACILIAFBAnQiAGoiDiAAaiIPIABqIRADQCAJIApIBEAgDCAHIAlsaiERIA0gCUEBdSAIbGoiEiAIaiETQQAhAANAIABBCGoiASAHTARAIAMgACARaiIUQQJ0IhVq/QAEACEZIAMgFEEEakECdCIWav0ABAAhGiACIBVq/QAEACIbIBn95gEhGSACIBZq/QAEACIcIBr95gEhGiAbIAQgFWr9AAQA/eYBIRsgHCAEIBZq/QAEAP3mASEcIAUgAEEBdSIUIBJqIhdBAnQiAGoiGCAY/QAEACALIBVq/QAEACIdIBn95gEiHiALIBZq/QAEACIfIBr95gEiIP0NAAECAwgJCgsQERITGBkaGyAeICD9DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAAgBmoiACAA/QAEACAdIBv95gEiHSAfIBz95gEiHv0NAAECAwgJCgsQERITGBkaGyAdIB79DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAUgF0EBakECdCIAaiIXIBf9AAQAIA4gFWr9AAQAIh0gGf3mASIeIA4gFmr9AAQAIh8gGv3mASIg/Q0AAQIDCAkKCxAREhMYGRobIB4gIP0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgACAGaiIAIAD9AAQAIB0gG/3mASIdIB8gHP3mASIe/Q0AAQIDCAkKCxAREhMYGRobIB0gHv0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBSATIBRqIgBBAnQiFGoiFyAX/QAEACAPIBVq/QAEACIdIBn95gEiHiAPIBZq/QAEACIfIBr95gEiIP0NAAECAwgJCgsQERITGBkaGyAeICD9DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAYgFGoiFCAU/QAEACAdIBv95gEiHSAfIBz95gEiHv0NAAECAwgJCgsQERITGBkaGyAdIB79DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAUgAEEBakECdCIAaiIUIBT9AAQAIBAgFWr9AAQAIh0gGf3mASIZIBAgFmr9AAQAIh4gGv3mASIa/Q0AAQIDCAkKCxAREhMYGRobIBkgGv0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgACAGaiIAIAD9AAQAIB0gG/3mASIZIB4gHP3mASIa/Q0AAQIDCAkKCxAREhMYGRobIBkgGv0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgASEADAELCwNAIAAgB0gEQCACIAAgEWpBAnQiAWoqAgAiISABIANqKgIAlCEiICEgASAEaioCAJQhISABIA5qKgIAISMgASAPaioCACEkIAEgEGoqAgAhJSAFIBIgAEEBdWoiE0ECdCIUaiIVIBUqAgAgASALaioCACImICKUkjgCACAGIBRqIgEgASoCACAmICGUkjgCACAFIBNBAWoiAUECdGoiFCAUKgIAICMgIpSSOAIAIAYgAUECdGoiASABKgIAICMgIZSSOAIAIAUgCCATaiIBQQJ0aiITIBMqAgAgJCAilJI4AgAgBiABQQJ0aiITIBMqAgAgJCAhlJI4AgAgBSABQQFqIgFBAnRqIhMgEyoCACAlICKUkjgCACAGIAFBAnRqIgEgASoCACAlICGUkjgCACAAQQFqIQAMAQsLIAlBAWohCQwBCwsFIAdBAWohCyAIQQFqIQwgACICIAFBAnQiAGoiDSAAaiIOIABqIQ8DQCAJIApIBEAgCyAHIAlsaiEQIAwgCUEBdSAIbGoiESAIaiESQQAhAANAIABBCGoiASAHTARAIAMgACAQaiITQQJ0IhRq/QAEACEZIAIgE0EEakECdCITav0ABAAiGiADIBNq/QAEACIb/eYBIRwgAiAUav0ABAAiHSAEIBRq/QAEACIe/eYBIR8gGiAEIBNq/QAEACIa/eYBISAgBSAAQQF1IgAgEWoiFUECdCIWaiIXIBf9AAQAIB0gGf3mASIdIBz9DQABAgMICQoLEBESExgZGhsgHSAc/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAGIBZqIhYgFv0ABAAgHyAg/Q0AAQIDCAkKCxAREhMYGRobIB8gIP0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBSAVQQFqQQJ0IhVqIhYgFv0ABAAgDSAUav0ABAAiHCAZ/eYBIh0gDSATav0ABAAiHyAb/eYBIiD9DQABAgMICQoLEBESExgZGhsgHSAg/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAGIBVqIhUgFf0ABAAgHCAe/eYBIhwgHyAa/eYBIh39DQABAgMICQoLEBESExgZGhsgHCAd/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAFIAAgEmoiAEECdCIVaiIWIBb9AAQAIA4gFGr9AAQAIhwgGf3mASIdIA4gE2r9AAQAIh8gG/3mASIg/Q0AAQIDCAkKCxAREhMYGRobIB0gIP0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBiAVaiIVIBX9AAQAIBwgHv3mASIcIB8gGv3mASId/Q0AAQIDCAkKCxAREhMYGRobIBwgHf0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBSAAQQFqQQJ0IgBqIhUgFf0ABAAgDyAUav0ABAAiHCAZ/eYBIhkgDyATav0ABAAiHSAb/eYBIhv9DQABAgMICQoLEBESExgZGhsgGSAb/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAAIAZqIgAgAP0ABAAgHCAe/eYBIhkgHSAa/eYBIhr9DQABAgMICQoLEBESExgZGhsgGSAa/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACABIQAMAQsLA0AgACAHSARAIAMgACAQakECdCIBaioCACEhIAEgBGoqAgAhIiABIA1qKgIAISMgASAOaioCACEkIAEgD2oqAgAhJSAFIBEgAEEBdWoiEkECdCITaiIUIBQqAgAgASACaioCACImICGUkjgCACAGIBNqIgEgASoCACAmICKUkjgCACAFIBJBAWoiAUECdGoiEyATKgIAICMgIZSSOAIAIAYgAUECdGoiASABKgIAICMgIpSSOAIAIAUgCCASaiIBQQJ0aiISIBIqAgAgJCAhlJI4AgAgBiABQQJ0aiISIBIqAgAgJCAilJI4AgAgBSABQQFqIgFBAnRqIhIgEioCACAlICGUkjgCACAGIAFBAnRqIgEgASoCACAlICKUkjgCACAAQQFqIQAMAQsLIAlBAWohCQwBCwsLC48IAwl/AXsBfSMKQQFqIgkjCiAHbGohCCAJIwogBmxqIQYDQCAGQQRqIgcgCEwEQCAGQQJ0IgkjCGr9AAQAIREgBCAJaiACIAlq/QAEACARIAAgCWr9AAQA/eYBIwAgCWr9AAQAIAAgBkEBa0ECdCILav0ABAD95gEjASAJav0ABAAgACAGQQFqQQJ0Igxq/QAEAP3mAf3kASMCIAlq/QAEACAAIAYjCmsiCkECdCINav0ABAD95gEjAyAJav0ABAAgACAGIwpqIgZBAnQiDmr9AAQA/eYB/eQB/eQBIwQgCWr9AAQAIAAgCkEBa0ECdCIPav0ABAD95gEjBSAJav0ABAAgACAKQQFqQQJ0Igpq/QAEAP3mAf3kAf3kASMGIAlq/QAEACAAIAZBAWtBAnQiEGr9AAQA/eYBIwcgCWr9AAQAIAAgBkEBakECdCIGav0ABAD95gH95AH95AH95QH95QH9CwQAIAUgCWogAyAJav0ABAAgESABIAlq/QAEAP3mASAJIwBq/QAEACABIAtq/QAEAP3mASAJIwFq/QAEACABIAxq/QAEAP3mAf3kASAJIwJq/QAEACABIA1q/QAEAP3mASAJIwNq/QAEACABIA5q/QAEAP3mAf3kAf3kASAJIwRq/QAEACABIA9q/QAEAP3mASAJIwVq/QAEACABIApq/QAEAP3mAf3kAf3kASAJIwZq/QAEACABIBBq/QAEAP3mASAJIwdq/QAEACABIAZq/QAEAP3mAf3kAf3kAf3lAf3lAf0LBAAgByEGDAELCwNAIAYgCEgEQCAGQQJ0IgcjCGoqAgAhEiAGIwprIQkgBiMKaiEKIAQgB2ogAiAHaioCACASIAAgB2oqAgCUIwAgB2oqAgAgACAGQQFrQQJ0IgtqKgIAlCMBIAdqKgIAIAAgBkEBaiIGQQJ0IgxqKgIAlJIjAiAHaioCACAAIAlBAnQiDWoqAgCUkiMDIAdqKgIAIAAgCkECdCIOaioCAJSSIwQgB2oqAgAgACAJQQFrQQJ0Ig9qKgIAlJIjBSAHaioCACAAIAlBAWpBAnQiCWoqAgCUkiMGIAdqKgIAIAAgCkEBa0ECdCIQaioCAJSSIwcgB2oqAgAgACAKQQFqQQJ0IgpqKgIAlJKTkzgCACAFIAdqIAMgB2oqAgAgEiABIAdqKgIAlCAHIwBqKgIAIAEgC2oqAgCUIAcjAWoqAgAgASAMaioCAJSSIAcjAmoqAgAgASANaioCAJSSIAcjA2oqAgAgASAOaioCAJSSIAcjBGoqAgAgASAPaioCAJSSIAcjBWoqAgAgASAJaioCAJSSIAcjBmoqAgAgASAQaioCAJSSIAcjB2oqAgAgASAKaioCAJSSk5M4AgAMAQsLC94FAwx/B3sEfSAGQQFqIRAgB0EBaiERIAFBAnQiASAAaiELIAEgC2oiDCABaiENIAghCgNAIAkgCkoEQCAQIAYgCmxqIQ4gESAKQQF1IAdsaiIPIAdqIRJBACEBA0AgAUEEaiIIIAZMBEAgACABIA5qQQJ0IhNq/QAEACEZIAIgAUEBdSIBIA9qQQJ0IhRq/QAEACEYIAMgFGr9AAQAIRYgAyABIBJqQQJ0IgFq/QAEACEXIAQgE2oiFCAU/QAEACAZIBggGP0NAAECAwABAgMEBQYHBAUGB/3mASALIBNq/QAEACIaIBggGP0NBAUGBwQFBgcICQoLCAkKC/3mAf3kASAMIBNq/QAEACIbIAEgAmr9AAQAIhggGP0NAAECAwABAgMEBQYHBAUGB/3mAf3kASANIBNq/QAEACIcIBggGP0NBAUGBwQFBgcICQoLCAkKC/3mAf3kAf3kAf0LBAAgBSATaiIBIAH9AAQAIBkgFiAW/Q0AAQIDAAECAwQFBgcEBQYH/eYBIBogFiAW/Q0EBQYHBAUGBwgJCgsICQoL/eYB/eQBIBsgFyAX/Q0AAQIDAAECAwQFBgcEBQYH/eYB/eQBIBwgFyAX/Q0EBQYHBAUGBwgJCgsICQoL/eYB/eQB/eQB/QsEACAIIQEMAQsLA0AgASAGSARAIAAgASAOakECdCIIaioCACEdIAQgCGoiEiASKgIAIB0gAiAPIAFBAXVqIhJBAnQiE2oqAgCUkiAIIAtqKgIAIh4gAiASQQFqQQJ0IhRqKgIAlJIgCCAMaioCACIfIAIgByASaiISQQJ0IhVqKgIAlJIgCCANaioCACIgIAIgEkEBakECdCISaioCAJSSOAIAIAUgCGoiCCAIKgIAIB0gAyATaioCAJSSIB4gAyAUaioCAJSSIB8gAyAVaioCAJSSICAgAyASaioCAJSSOAIAIAFBAWohAQwBCwsgCkEBaiEKDAELCwsuACAAJAAgASQBIAIkAiADJAMgBCQEIAUkBSAGJAYgByQHIAgkCCAJJAkgCiQKC4MbAht7B38gAiADbEECdCEiIAJBAnQhJSAE/RMhB0MAAIA/IAWV/RMhCCAG/RMhCSACQQJrQXxxQQFqISYDQCADICRKBEBBASEjA0AgIyAmSARAIAAgJEEBaiACbCAjakECdGoiJ/0ABAAhCiAnQQRr/QAEACAK/eUBIgsgJ/0ABAQgCv3lASIM/eQBICcgJWsiKP0ABAAgCv3lASINICUgJ2oiJ/0ABAAgCv3lASIO/eQB/eQBIChBBGv9AAQAIAr95QEiDyAo/QAEBCAK/eUBIhD95AEgJ0EEa/0ABAAgCv3lASIRICf9AAQEIAr95QEiCv3kAf3kAf3kAf0MOY7jPTmO4z05juM9OY7jPf3mASES/QwAAIC/AACAvwAAgL8AAIC/IAsgC/3mASILIAwgDP3mASIM/eQBIA0gDf3mASINIA4gDv3mASIO/eQB/eQBIA8gD/3mASIPIBAgEP3mASIU/eQBIBEgEf3mASIVIAogCv3mASIW/eQB/eQB/eQB/Qw5juM9OY7jPTmO4z05juM9/eYBIBIgEv3mAf3lASAH/eYBIAsgDP3oASANIA796AH96AEgDyAU/egBIBUgFv3oAf3oAf3oASAI/eYB/ekBIAn96QH95wEhFyALIBf95gEiGP0MAACuwgAArsIAAK7CAACuwv3pASIZ/Qw7qrg/O6q4PzuquD87qrg//eYB/WohGiAMIBf95gEiCv0MAACuwgAArsIAAK7CAACuwv3pASIQ/Qw7qrg/O6q4PzuquD87qrg//eYB/WohGyANIBf95gEiC/0MAACuwgAArsIAAK7CAACuwv3pASIR/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHCAOIBf95gEiDP0MAACuwgAArsIAAK7CAACuwv3pASIS/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHSAPIBf95gEiDf0MAACuwgAArsIAAK7CAACuwv3pASIT/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHiAUIBf95gEiDv0MAACuwgAArsIAAK7CAACuwv3pASIU/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHyAVIBf95gEiD/0MAACuwgAArsIAAK7CAACuwv3pASIV/Qw7qrg/O6q4PzuquD87qrg//eYB/WohICAWIBf95gEiFv0MAACuwgAArsIAAK7CAACuwv3pASIX/Qw7qrg/O6q4PzuquD87qrg//eYB/WohIf0MAACAPwAAgD8AAIA/AACAP/0MYQu2OmELtjphC7Y6YQu2OiAZIBr9DAByMT8AcjE/AHIxPwByMT/95gH95QEgGv0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIZ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBn95gH9DKuqKj2rqio9q6oqPauqKj395AEgGf3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAZ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBn95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgGf3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAa/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgGP0MAACuwgAArsIAAK7CAACuwv1E/U4iGP0MYQu2OmELtjphC7Y6YQu2OiAQIBv9DAByMT8AcjE/AHIxPwByMT/95gH95QEgG/0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAb/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCv0MAACuwgAArsIAAK7CAACuwv1E/U4iCv3kAf0MYQu2OmELtjphC7Y6YQu2OiARIBz9DAByMT8AcjE/AHIxPwByMT/95gH95QEgHP0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAc/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgC/0MAACuwgAArsIAAK7CAACuwv1E/U4iC/0MYQu2OmELtjphC7Y6YQu2OiASIB39DAByMT8AcjE/AHIxPwByMT/95gH95QEgHf0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAd/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgDP0MAACuwgAArsIAAK7CAACuwv1E/U4iDP3kAf3kAf0MYQu2OmELtjphC7Y6YQu2OiATIB79DAByMT8AcjE/AHIxPwByMT/95gH95QEgHv0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAe/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgDf0MAACuwgAArsIAAK7CAACuwv1E/U4iDf0MYQu2OmELtjphC7Y6YQu2OiAUIB/9DAByMT8AcjE/AHIxPwByMT/95gH95QEgH/0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAf/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgDv0MAACuwgAArsIAAK7CAACuwv1E/U4iDv3kAf0MYQu2OmELtjphC7Y6YQu2OiAVICD9DAByMT8AcjE/AHIxPwByMT/95gH95QEgIP0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAg/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgD/0MAACuwgAArsIAAK7CAACuwv1E/U4iD/0MYQu2OmELtjphC7Y6YQu2OiAXICH9DAByMT8AcjE/AHIxPwByMT/95gH95QEgIf0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAh/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgFv0MAACuwgAArsIAAK7CAACuwv1E/U4iEP3kAf3kAf3kAf3nASERIAEgAiAkbCAjakECdGoiJyAYIBH95gH9CwQAICIgJ2ogCiAR/eYB/QsEACAnICJBAXRqIAsgEf3mAf0LBAAgJyAiQQNsaiAMIBH95gH9CwQAICcgIkECdGogDSAR/eYB/QsEACAnICJBBWxqIA4gEf3mAf0LBAAgJyAiQQZsaiAPIBH95gH9CwQAICcgIkEHbGogECAR/eYB/QsEACAjQQRqISMMAQsLICRBAWohJAwBCwsLUgICfwF8A0AgAiADSgRAIAEgA0ECdCIEaiAAIARqKgIAuyIFRAAAAAAAAAAAYgR9RAAAAAAAAPA/IAWjtgVDAAAAAAs4AgAgA0EBaiEDDAELCwupBQIHfwR9IwpBAWohCyAGIQkDQCAHIAlKBEAgCyAJIwpsaiEKQQAhBgNAIAZBBGoiCCMKTARAIAYgCmoiDCMKayENIAQgBkECdCIGaiACIAxBAnQiDmr9AAQAIwIgDmr9AAQAIAAgDUECdGr9AAQA/eYBIwQgDmr9AAQAIAAgDUEBa0ECdGr9AAQA/eYBIwUgDmr9AAQAIAAgDUEBakECdGr9AAQA/eYB/eQB/eQB/eQB/QsEACAFIAZqIAMgDmr9AAQAIwIgDmr9AAQAIAEgDCMKayIGQQJ0av0ABAD95gEjBCAOav0ABAAgASAGQQFrQQJ0av0ABAD95gEjBSAOav0ABAAgASAGQQFqQQJ0av0ABAD95gH95AH95AH95AH9CwQAIAghBgwBCwsDQCAGIwpIBEAgBiAKaiIIIwprIQwgBCAGQQJ0Ig1qIAIgCEECdCIOaioCACMCIA5qKgIAIAAgDEECdGoqAgCUkiMEIA5qKgIAIAAgDEEBa0ECdGoqAgCUkiMFIA5qKgIAIAAgDEEBakECdGoqAgCUkjgCACAFIA1qIAMgDmoqAgAjAiAOaioCACABIAgjCmsiCEECdGoqAgCUkiMEIA5qKgIAIAEgCEEBa0ECdGoqAgCUkiMFIA5qKgIAIAEgCEEBakECdGoqAgCUkjgCACAGQQFqIQYMAQsLIwAhDEEAIQggACAKQQFrQQJ0IgZqKgIAIQ8gASAGaioCACEQQQAhBgNAIAYjCkgEQCAEIAhBAnQiDWoqAgAgDCAIIApqQQJ0Ig5qKgIAIhEgD5SSIwkgDmoqAgAiEpQhDyAFIA1qKgIAIBEgEJSSIBKUIRAgACAOaiAPOAIAIAEgDmogEDgCACAGQQFqIQYgCEEBaiEIDAELCyAJQQFqIQkMAQsLC4sLAhJ/BH0jCkEBaiENIAchCQNAIAggCUoEQCANIwogCEEBayAJIAdrayAJIAYbbGohDEEAIQsDQCMKIAtBBGpOBEAgCyAMaiIKIwprIQ4gCiMKaiEPIAQgC0ECdGogAiAKQQJ0IhBq/QAEACAGBHsjACAQav0ABAAgACAKQQFrQQJ0av0ABAD95gEFIwEgCkECdGr9AAQAIAAgCkEBakECdGr9AAQA/eYBC/3kASAKQQJ0IgojAmr9AAQAIAAgDkECdGr9AAQA/eYBIwMgCmr9AAQAIAAgD0ECdGr9AAQA/eYB/eQB/eQBIwQgCmr9AAQAIAAgDkEBa0ECdGr9AAQA/eYBIwUgCmr9AAQAIAAgDkEBakECdGr9AAQA/eYB/eQB/eQBIwYgCmr9AAQAIAAgD0EBa0ECdGr9AAQA/eYBIwcgCmr9AAQAIAAgD0EBakECdGr9AAQA/eYB/eQB/eQB/QsEACALIAxqIgojCmshDiAKIwpqIQ8gBSALQQJ0aiADIApBAnQiEGr9AAQAIAYEeyMAIBBq/QAEACABIApBAWtBAnRq/QAEAP3mAQUjASAKQQJ0av0ABAAgASAKQQFqQQJ0av0ABAD95gEL/eQBIApBAnQiCiMCav0ABAAgASAOQQJ0av0ABAD95gEjAyAKav0ABAAgASAPQQJ0av0ABAD95gH95AH95AEjBCAKav0ABAAgASAOQQFrQQJ0av0ABAD95gEjBSAKav0ABAAgASAOQQFqQQJ0av0ABAD95gH95AH95AEjBiAKav0ABAAgASAPQQFrQQJ0av0ABAD95gEjByAKav0ABAAgASAPQQFqQQJ0av0ABAD95gH95AH95AH9CwQAIAtBBGohCwwBCwsDQCALIwpIBEAjAiEKIwMhDiMEIQ8gCyAMaiIQIwprIhFBAWshEiMFIRMgEUEBaiEUIwYhFSAQIwpqIhZBAWshFyMHIRggFkEBaiEZIAQgC0ECdGogAiAQQQJ0IhpqKgIAIAYEfSMAIBpqKgIAIAAgEEEBa0ECdGoqAgCUBSMBIBBBAnRqKgIAIAAgEEEBakECdGoqAgCUC5IgCiAQQQJ0IgpqKgIAIAAgEUECdGoqAgCUkiAKIA5qKgIAIAAgFkECdGoqAgCUkiAKIA9qKgIAIAAgEkECdGoqAgCUkiAKIBNqKgIAIAAgFEECdGoqAgCUkiAKIBVqKgIAIAAgF0ECdGoqAgCUkiAKIBhqKgIAIAAgGUECdGoqAgCUkjgCACMCIQojAyEOIwQhDyALIAxqIhAjCmsiEUEBayESIwUhEyARQQFqIRQjBiEVIBAjCmoiFkEBayEXIwchGCAWQQFqIRkgBSALQQJ0aiADIBBBAnQiGmoqAgAgBgR9IwAgGmoqAgAgASAQQQFrQQJ0aioCAJQFIwEgEEECdGoqAgAgASAQQQFqQQJ0aioCAJQLkiAKIBBBAnQiCmoqAgAgASARQQJ0aioCAJSSIAogDmoqAgAgASAWQQJ0aioCAJSSIAogD2oqAgAgASASQQJ0aioCAJSSIAogE2oqAgAgASAUQQJ0aioCAJSSIAogFWoqAgAgASAXQQJ0aioCAJSSIAogGGoqAgAgASAZQQJ0aioCAJSSOAIAIAtBAWohCwwBCwsjASMAIAYbIQ4gACAMIwpBAWtBACAGGyIKakF/QQEgBhsiD2tBAnQiC2oqAgAhGyABIAtqKgIAIRxBACELA0AgCyMKSARAIAQgCkECdCIQaioCACAOIAogDGpBAnQiEWoqAgAiHSAblJIjCSARaioCACIelCEbIAUgEGoqAgAgHSAclJIgHpQhHCAAIBFqIBs4AgAgASARaiAcOAIAIAtBAWohCyAKIA9qIQoMAQsLIAlBAWohCQwBCwsLCwAgACABIAL8CwALzQEDAX8EewF8A0AgAkEEaiIEIANMBEAgBSAAIAJBAnQiAmr9AAQAIgf9XyABIAJq/QAEACII/V/98gH98AEhBSAGIAcgB/0NCAkKCwwNDg8AAQIDBAUGB/1fIAggCP0NCAkKCwwNDg8AAQIDBAUGB/1f/fIB/fABIQYgBCECDAELCyAF/SEAIAX9IQGgIAb9IQCgIAb9IQGgIQkDQCACIANIBEAgCSAAIAJBAnQiBGoqAgC7IAEgBGoqAgC7oqAhCSACQQFqIQIMAQsLIAkLXwICfwF8A0AgAyAESgRAIAEgBEECdCIFaiAAIARBA3RqKwMAIga2OAIAIAIgBWogBkQAAAAAAAAAAGIEfUQAAAAAAADwPyAGo7YFQwAAAAALOAIAIARBAWohBAwBCwsLMgAgACABIAIgAyAEIAUgBiAHIAlBACAIEAAgACABIAIgAyAEIAUgBiAHIAlBACAIEAELtgMCBX8GeyACQQJ0IgQgAWohByAEIAdqIgYgBGohBQNAIANBBGoiBCACTARAIAAgA0ECdCIDQQJ0av0ABAAhDCABIANqIAwgACADQQRqQQJ0av0ABAAiDf0NAAECAxAREhMEBQYHFBUWFyILIAAgA0EIakECdGr9AAQAIgogACADQQxqQQJ0av0ABAAiCf0NAAECAxAREhMEBQYHFBUWFyII/Q0AAQIDBAUGBxAREhMUFRYX/QsEACADIAdqIAsgCP0NCAkKCwwNDg8YGRobHB0eH/0LBAAgAyAGaiAMIA39DQgJCgsYGRobDA0ODxwdHh8iCCAKIAn9DQgJCgsYGRobDA0ODxwdHh8iCf0NAAECAwQFBgcQERITFBUWF/0LBAAgAyAFaiAIIAn9DQgJCgsMDQ4PGBkaGxwdHh/9CwQAIAQhAwwBCwsDQCACIANKBEAgASADQQJ0IgRqIAAgBEECdGoqAgA4AgAgBCAHaiAAIARBAWpBAnRqKgIAOAIAIAQgBmogACAEQQJqQQJ0aioCADgCACAEIAVqIAAgBEEDakECdGoqAgA4AgAgA0EBaiEDDAELCwvyAQICfAN/IAcgBSAGbGohDCAHIQYDQCAGIAxIBEAgBCAGQQN0aiAAIAZBAnQiC2oqAgC7IAAgBkEBa0ECdGoqAgC7oCABIAtqKgIAu6AgASAGIAVrIg1BAnRqKgIAu6AgAiALaioCALugIAIgDUEBa0ECdGoqAgC7oCADIAtqKgIAu6AgAyANQQFqQQJ0aioCALugIgo5AwAgCSAKpSEJIAZBAWohBgwBCwsgCCAJRAAAAAAAAPA/IAlEAAAAAAAAAABkG6IhCANAIAcgDEgEQCAEIAdBA3RqIgAgACsDACAIoDkDACAHQQFqIQcMAQsLIAkLDAAgACABIAL8CgAAC/QBAQN/IAYgB2whBwNAIAcgCkoEQAJAIAAgCCAKaiILQQN0aisDACAJZARAIAUgCmpBAToAAAwBCyAFIApqQQA6AAAgACALQQN0akQAAAAAAADwPzkDACABIAtBAnQiDGpDAAAAADgCACACIAxqQwAAAAA4AgAgAyAMakMAAAAAOAIAIAQgDGpDAAAAADgCACAKIAZvQQBKBEAgASALQQFrQQJ0akMAAAAAOAIACyACIAsgBmsiC0ECdGpDAAAAADgCACADIAtBAWtBAnRqQwAAAAA4AgAgBCALQQFqQQJ0akMAAAAAOAIACyAKQQFqIQoMAQsLC/ABAgV/AnwDQCAHIAtKBEAgC0EBaiAHSCEMQQAhCQNAIAYgCUoEQCABIAhBA3RqIAAgCEEobGoiCisDACIPOQMAIA8gDiAOIA9jGyEOIAIgCEECdGogCUEBaiAGSCINBH0gCisDCJq2BUMAAAAACzgCACADIAhBAnRqIAwEfSAKKwMQmrYFQwAAAAALOAIAIAQgCEECdGogDCANcQR9IAorAxiatgVDAAAAAAs4AgAgBSAIQQJ0aiAMIAlBAEpxBH0gCisDIJq2BUMAAAAACzgCACAJQQFqIQkgCEEBaiEIDAELCyALQQFqIQsMAQsLIA4LpgIEAn8EewF8AX0gBP0TIQsDQCAFQQRqIgcgBkwEQCAAIAVBAnQiBWoiCP0ABAAgCyABIAVq/QAEAP3mAf3lASEMIAggDP0LBAAgAiAFaiIIIAj9AAQAIAsgAyAFav0ABAD95gH95AH9CwQAIAkgDP1fIgkgCf3yAf3wASEJIAogDCAM/Q0ICQoLDA0ODwABAgMEBQYH/V8iCiAK/fIB/fABIQogByEFDAELCyAJ/SEAIAn9IQGgIAr9IQCgIAr9IQGgIQ0DQCAFIAZIBEAgACAFQQJ0IgdqIggqAgAgBCABIAdqKgIAlJMhDiAIIA44AgAgAiAHaiIIIAgqAgAgBCADIAdqKgIAlJI4AgAgDSAOuyINIA2ioCENIAVBAWohBQwBCwsgDQugAQICfwJ7IAP9EyEJIAT9EyEKA0AgBUEEaiIHIAZMBEAgACAFQQJ0IgVqIgggASAFav0ABAAgCSAI/QAEACAKIAIgBWr9AAQA/eYB/eUB/eYB/eQB/QsEACAHIQUMAQsLA0AgBSAGSARAIAAgBUECdCIHaiIIIAEgB2oqAgAgAyAIKgIAIAQgAiAHaioCAJSTlJI4AgAgBUEBaiEFDAELCwuOAQEDfwNAIANBBGoiBSAETARAIAIgA0ECdCIGaiIHIAf9AAQAIAAgAyABa0ECdGr9AAQAIAAgBmr9AAQA/eUB/eQB/QsEACAFIQMMAQsLA0AgAyAESARAIAIgA0ECdCIFaiIGIAYqAgAgACADIAFrQQJ0aioCAJIgACAFaioCAJM4AgAgA0EBaiEDDAELCwuECwICfwh7A0AgBUEEaiIHIAZMBEAgACAFQQJ0Ighq/QAEACIJ/QwAAAAAAAAAAAAAAAAAAAAA/UQgASACIAVqQQJ0av0ABAAiCv0MAAAAAAAAAAAAAAAAAAAAAP1E/U4hCyADIAhqIAn9DAAAgD8AAIA/AACAPwAAgD8gC/1SIgkgCv0MAACAPwAAgD8AAIA/AACAPyAL/VIiCv3mAf3jASIMIAv9Tv0LBAAgCSAJ/QzzBDU/8wQ1P/MENT/zBDU//bEBQRf9rAEiCUEX/asB/bEBIg39DAAAgD8AAIA/AACAPwAAgD/95QEgDf0MAACAPwAAgD8AAIA/AACAP/3kAf3nASINIA395gEhDiAKIAr9DPMENT/zBDU/8wQ1P/MENT/9sQFBF/2sASIKQRf9qwH9sQEiD/0MAACAPwAAgD8AAIA/AACAP/3lASAP/QwAAIA/AACAPwAAgD8AAIA//eQB/ecBIg8gD/3mASEQIAQgCGogDCAJ/foB/QwYcjE/GHIxPxhyMT8YcjE//eYB/Qw5jmM+OY5jPjmOYz45jmM+IA795gH9DCVJkj4lSZI+JUmSPiVJkj795AEgDv3mAf0MzczMPs3MzD7NzMw+zczMPv3kASAO/eYB/Qyrqio/q6oqP6uqKj+rqio//eQBIA795gH9DAAAAEAAAABAAAAAQAAAAED95AEgDf3mAf3kASAK/foB/QwYcjE/GHIxPxhyMT8YcjE//eYB/Qw5jmM+OY5jPjmOYz45jmM+IBD95gH9DCVJkj4lSZI+JUmSPiVJkj795AEgEP3mAf0MzczMPs3MzD7NzMw+zczMPv3kASAQ/eYB/Qyrqio/q6oqP6uqKj+rqio//eQBIBD95gH9DAAAAEAAAABAAAAAQAAAAED95AEgD/3mAf3kAf3lAf3mASAL/U79CwQAIAchBQwBCwsDQCAFIAZIBEAgACAFQQJ0IgdqKgIA/RMiCf0MAAAAAAAAAAAAAAAAAAAAAP1EIAEgAiAFakECdGoqAgD9EyIK/QwAAAAAAAAAAAAAAAAAAAAA/UT9TiELIAMgB2ogCf0MAACAPwAAgD8AAIA/AACAPyAL/VIiCSAK/QwAAIA/AACAPwAAgD8AAIA/IAv9UiIK/eYB/eMBIgwgC/1O/R8AOAIAIAkgCf0M8wQ1P/MENT/zBDU/8wQ1P/2xAUEX/awBIglBF/2rAf2xASIN/QwAAIA/AACAPwAAgD8AAIA//eUBIA39DAAAgD8AAIA/AACAPwAAgD/95AH95wEiDSAN/eYBIQ4gCiAK/QzzBDU/8wQ1P/MENT/zBDU//bEBQRf9rAEiCkEX/asB/bEBIg/9DAAAgD8AAIA/AACAPwAAgD/95QEgD/0MAACAPwAAgD8AAIA/AACAP/3kAf3nASIPIA/95gEhECAEIAdqIAwgCf36Af0MGHIxPxhyMT8YcjE/GHIxP/3mAf0MOY5jPjmOYz45jmM+OY5jPiAO/eYB/QwlSZI+JUmSPiVJkj4lSZI+/eQBIA795gH9DM3MzD7NzMw+zczMPs3MzD795AEgDv3mAf0Mq6oqP6uqKj+rqio/q6oqP/3kASAO/eYB/QwAAABAAAAAQAAAAEAAAABA/eQBIA395gH95AEgCv36Af0MGHIxPxhyMT8YcjE/GHIxP/3mAf0MOY5jPjmOYz45jmM+OY5jPiAQ/eYB/QwlSZI+JUmSPiVJkj4lSZI+/eQBIBD95gH9DM3MzD7NzMw+zczMPs3MzD795AEgEP3mAf0Mq6oqP6uqKj+rqio/q6oqP/3kASAQ/eYB/QwAAABAAAAAQAAAAEAAAABA/eQBIA/95gH95AH95QH95gEgC/1O/R8AOAIAIAVBAWohBQwBCwsL7QYDAn8GewF8A0AgAiAESgRAIAwgACAEQQJ0aioCALugIQwgBEEBaiEEDAELCyAMIAK3RAAAAAAAAPA/IAJBAEobo7b9EyELIAP9EyEKIAOM/RMhCQNAIAVBBGoiBCACTARAIAogCSAAIAVBAnQiBWr9AAQAIAv95QH96QH96AEiCP0MAACuwgAArsIAAK7CAACuwv3pASIG/Qw7qrg/O6q4PzuquD87qrg//eYB/WohByABIAVq/QxhC7Y6YQu2OmELtjphC7Y6IAYgB/0MAHIxPwByMT8AcjE/AHIxP/3mAf3lASAH/QyOvr81jr6/NY6+vzWOvr81/eYB/eUBIgb95gH9DImICDyJiAg8iYgIPImICDz95AEgBv3mAf0Mq6oqPauqKj2rqio9q6oqPf3kASAG/eYB/Qyrqio+q6oqPquqKj6rqio+/eQBIAb95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgBv3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAG/eYB/QwAAIA/AACAPwAAgD8AAIA//eQBIAf9+AH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAI/QwAAK7CAACuwgAArsIAAK7C/UT9Tv0LBAAgBCEFDAELCwNAIAIgBUoEQCAKIAkgACAFQQJ0IgRqKgIA/RMgC/3lAf3pAf3oASII/QwAAK7CAACuwgAArsIAAK7C/ekBIgb9DDuquD87qrg/O6q4PzuquD/95gH9aiEHIAEgBGr9DGELtjphC7Y6YQu2OmELtjogBiAH/QwAcjE/AHIxPwByMT8AcjE//eYB/eUBIAf9DI6+vzWOvr81jr6/NY6+vzX95gH95QEiBv3mAf0MiYgIPImICDyJiAg8iYgIPP3kASAG/eYB/Qyrqio9q6oqPauqKj2rqio9/eQBIAb95gH9DKuqKj6rqio+q6oqPquqKj795AEgBv3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASAG/eYB/QwAAIA/AACAPwAAgD8AAIA//eQBIAb95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgB/34Af0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAj9DAAArsIAAK7CAACuwgAArsL9RP1O/R8AOAIAIAVBAWohBQwBCwsL5QcDCX8BewF9IwpBAWoiByMKIAVsaiEGIAcjCiAEbGohBANAIARBBGoiBSAGTARAIARBAnQiByMIav0ABAAhDyACIAdqIA8gACAHav0ABAD95gEjACAHav0ABAAgACAEQQFrQQJ0Iglq/QAEAP3mASMBIAdq/QAEACAAIARBAWpBAnQiCmr9AAQA/eYB/eQBIwIgB2r9AAQAIAAgBCMKayIIQQJ0Igtq/QAEAP3mASMDIAdq/QAEACAAIAQjCmoiBEECdCIMav0ABAD95gH95AH95AEjBCAHav0ABAAgACAIQQFrQQJ0Ig1q/QAEAP3mASMFIAdq/QAEACAAIAhBAWpBAnQiCGr9AAQA/eYB/eQB/eQBIwYgB2r9AAQAIAAgBEEBa0ECdCIOav0ABAD95gEjByAHav0ABAAgACAEQQFqQQJ0IgRq/QAEAP3mAf3kAf3kAf3lAf0LBAAgAyAHaiAPIAEgB2r9AAQA/eYBIAcjAGr9AAQAIAEgCWr9AAQA/eYBIAcjAWr9AAQAIAEgCmr9AAQA/eYB/eQBIAcjAmr9AAQAIAEgC2r9AAQA/eYBIAcjA2r9AAQAIAEgDGr9AAQA/eYB/eQB/eQBIAcjBGr9AAQAIAEgDWr9AAQA/eYBIAcjBWr9AAQAIAEgCGr9AAQA/eYB/eQB/eQBIAcjBmr9AAQAIAEgDmr9AAQA/eYBIAcjB2r9AAQAIAEgBGr9AAQA/eYB/eQB/eQB/eUB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSMIaioCACEQIAQjCmshByAEIwpqIQggAiAFaiAQIAAgBWoqAgCUIwAgBWoqAgAgACAEQQFrQQJ0IglqKgIAlCMBIAVqKgIAIAAgBEEBaiIEQQJ0IgpqKgIAlJIjAiAFaioCACAAIAdBAnQiC2oqAgCUkiMDIAVqKgIAIAAgCEECdCIMaioCAJSSIwQgBWoqAgAgACAHQQFrQQJ0Ig1qKgIAlJIjBSAFaioCACAAIAdBAWpBAnQiB2oqAgCUkiMGIAVqKgIAIAAgCEEBa0ECdCIOaioCAJSSIwcgBWoqAgAgACAIQQFqQQJ0IghqKgIAlJKTOAIAIAMgBWogECABIAVqKgIAlCAFIwBqKgIAIAEgCWoqAgCUIAUjAWoqAgAgASAKaioCAJSSIAUjAmoqAgAgASALaioCAJSSIAUjA2oqAgAgASAMaioCAJSSIAUjBGoqAgAgASANaioCAJSSIAUjBWoqAgAgASAHaioCAJSSIAUjBmoqAgAgASAOaioCAJSSIAUjB2oqAgAgASAIaioCAJSSkzgCAAwBCwsL/RkCD3wKfyAGQQJ0ISIgCEEFbCEgA0AgCyAMSARAIAtBAXEhH0EAISEDQCAGICFKBEAgBSAHIAYgC2xqICFqIhxBAnQiHSIeQQJ0aioCALshEyAFIB5BAWpBAnRqKgIAuyISRAAAAAAAAAAAYSATRAAAAAAAAAAAYXEgBSAeQQJqQQJ0aioCALsiEUQAAAAAAAAAAGFxIAUgHkEDakECdGoqAgC7IhdEAAAAAAAAAABhcUUEQCADIBwgBmsiI0EBa0ECdGoqAgC7miEYIAIgI0ECdGoqAgC7miEQIAQgI0EBakECdGoqAgC7miEZIAEgHEEBa0ECdGoqAgC7miEPIAAgHEEDdGorAwAhDiABIB1qKgIAu5ohDSAEIB1qKgIAu5ohFCACIB1qKgIAu5ohFiADIB1qKgIAu5ohFSAJIAtBAXUgCGxqICFBAXVqQQVsIR0gIUEBcSAfQQF0ciIcBEAgHEEBRgRAIAogHUEDdGoiHCAcKwMAIBMgGKIgBSAeICJrIhxBAmtBAnRqKgIAu6IgEyAQoiIRIAUgHEECakECdGoqAgC7oqAgEyAPoiAFIB5BBGtBAnRqKgIAu6KgIBMgDqIiDyAToqAgEyAUoiIXIAUgHiAiaiIjQQRrQQJ0aioCALuioCATIBaiIhggBSAjQQJ0aioCALuioKA5AwAgCiAdQQFqQQN0aiIkICQrAwAgESAFIBxBA2pBAnRqKgIAu6IgEyAZoiAFIBxBBmpBAnRqKgIAu6KgIA8gBSAeQQFqQQJ0aioCALuioCATIA2iIAUgHkEEakECdGoqAgC7oqAgGCAFICNBAWpBAnRqKgIAu6KgIBMgFaIiDyAFICNBBGpBAnRqKgIAu6KgoDkDACAKIB1BAmpBA3RqIiQgJCsDACAXIAUgI0ECa0ECdGoqAgC7oiAYIAUgI0ECakECdGoqAgC7oqCgOQMAIAogHUEDakEDdGoiJCAkKwMAIBggBSAjQQNqQQJ0aioCALuiIA8gBSAjQQZqQQJ0aioCALuioKA5AwAgCiAdQQVqQQN0aiIkICQrAwAgEiAQoiAFIBxBA2pBAnRqKgIAu6IgEiAZoiAFIBxBBmpBAnRqKgIAu6KgIBIgDqIgBSAeQQFqQQJ0aioCALuioCASIA2iIAUgHkEEakECdGoqAgC7oqAgEiAWoiINIAUgI0EBakECdGoqAgC7oqAgEiAVoiIOIAUgI0EEakECdGoqAgC7oqCgOQMAIAogHUEHakEDdGoiHCAcKwMAIA0gBSAjQQNqQQJ0aioCALuiIA4gBSAjQQZqQQJ0aioCALuioKA5AwAgCiAdQQlqQQN0aiIcIBwrAwAgEiAUoiAFICNBAmtBAnRqKgIAu6IgDSAFICNBAmpBAnRqKgIAu6KgoDkDAAUgHEECRgRAIAogHUEDdGoiHCAcKwMAIBMgGKIgBSAeICJrIhxBA2tBAnRqKgIAu6IgEyAQoiAFIBxBAnRqKgIAu6KgIBMgGaIiECAFIBxBBGpBAnRqKgIAu6KgIBMgD6IiEiAFIB5BA2tBAnRqKgIAu6KgIBMgDqIiFyAFIB5BAnRqKgIAu6KgIBMgDaIiGCAFIB5BBGpBAnRqKgIAu6KgoDkDACAKIB1BAWoiI0EDdGoiJCAkKwMAIBAgBSAcQQVqQQJ0aioCALuiIBggBSAeQQVqQQJ0aioCALuioKA5AwAgCiAdQQJqQQN0aiIcIBwrAwAgEiAFIB5BAWtBAnRqKgIAu6IgFyAFIB5BAmpBAnRqKgIAu6KgIBggBSAeQQZqQQJ0aioCALuioCATIBSiIhAgBSAeICJqIhxBA2tBAnRqKgIAu6KgIBMgFqIgBSAcQQJ0aioCALuioCATIBWiIhMgBSAcQQRqQQJ0aioCALuioKA5AwAgCiAdQQNqQQN0aiIkICQrAwAgGCAFIB5BB2pBAnRqKgIAu6IgEyAFIBxBBWpBAnRqKgIAu6KgoDkDACAKIB1BBGpBA3RqIiQgJCsDACASIAUgHkECa0ECdGoqAgC7oiAQIAUgHEEEa0ECdGoqAgC7oqCgOQMAIAogHSAgakEDdGoiHSAdKwMAIBEgD6IgBSAeQQFrQQJ0aioCALuiIBEgDqIgBSAeQQJqQQJ0aioCALuioCARIA2iIg0gBSAeQQZqQQJ0aioCALuioCARIBSiIAUgHEEDa0ECdGoqAgC7oqAgESAWoiAFIBxBAnRqKgIAu6KgIBEgFaIiDiAFIBxBBGpBAnRqKgIAu6KgoDkDACAKICAgI2pBA3RqIh0gHSsDACANIAUgHkEHakECdGoqAgC7oiAOIAUgHEEFakECdGoqAgC7oqCgOQMABSAcQQNGBEAgCiAdQQN0aiIcIBwrAwAgEyAYoiAFIB4gImsiHEEEa0ECdGoqAgC7oiATIBCiIhggBSAcQQJ0aioCALuioCATIA+iIhogBSAeQQRrQQJ0aioCALuioCATIA6iIhsgBSAeQQJ0aioCALuioKA5AwAgCiAdQQFqIiNBA3RqIiQgJCsDACAYIAUgHEEBakECdGoqAgC7oiATIBmiIAUgHEEEakECdGoqAgC7oqAgGyAFIB5BAWpBAnRqKgIAu6KgIBMgDaIiGCAFIB5BBGpBAnRqKgIAu6KgoDkDACAKIB1BAmpBA3RqIiQgJCsDACAaIAUgHkECa0ECdGoqAgC7oiAbIAUgHkECakECdGoqAgC7oqAgEyAUoiAFIB4gImoiJEEEa0ECdGoqAgC7oqAgEyAWoiIaIAUgJEECdGoqAgC7oqCgOQMAIAogHUEDakEDdGoiJSAlKwMAIBsgBSAeQQNqQQJ0aioCALuiIBggBSAeQQZqQQJ0aioCALuioCAaIAUgJEEBakECdGoqAgC7oqAgEyAVoiAFICRBBGpBAnRqKgIAu6KgoDkDACAKIB0gIGpBA3RqIiUgJSsDACARIA+iIAUgHkECa0ECdGoqAgC7oiARIA6iIhMgBSAeQQJqQQJ0aioCALuioCARIBSiIAUgJEEEa0ECdGoqAgC7oqAgESAWoiIYIAUgJEECdGoqAgC7oqCgOQMAIAogICAjakEDdGoiIyAjKwMAIBMgBSAeQQNqQQJ0aioCALuiIBEgDaIgBSAeQQZqQQJ0aioCALuioCAYIAUgJEEBakECdGoqAgC7oqAgESAVoiAFICRBBGpBAnRqKgIAu6KgoDkDACAKIB1BBWoiI0EDdGoiJSAlKwMAIBIgEKIgBSAcQQFqQQJ0aioCALuiIBIgGaIgBSAcQQRqQQJ0aioCALuioCASIA6iIhAgBSAeQQFqQQJ0aioCALuioCASIA2iIhEgBSAeQQRqQQJ0aioCALuioKA5AwAgCiAdQQdqQQN0aiIcIBwrAwAgECAFIB5BA2pBAnRqKgIAu6IgESAFIB5BBmpBAnRqKgIAu6KgIBIgFqIiESAFICRBAWpBAnRqKgIAu6KgIBIgFaIgBSAkQQRqQQJ0aioCALuioKA5AwAgCiAdQQlqQQN0aiIcIBwrAwAgEiAPoiAFIB5BAmtBAnRqKgIAu6IgECAFIB5BAmpBAnRqKgIAu6KgIBIgFKIgBSAkQQRrQQJ0aioCALuioCARIAUgJEECdGoqAgC7oqCgOQMAIAogICAjakEDdGoiHCAcKwMAIBcgDqIgBSAeQQNqQQJ0aioCALuiIBcgDaIgBSAeQQZqQQJ0aioCALuioCAXIBaiIAUgHiAiakEBakECdGoqAgC7oqAgFyAVoiAFIB4gImpBBGpBAnRqKgIAu6KgoDkDAAsLCwUgCiAdQQN0aiIcIBwrAwAgEyAYoiAFIB4gImsiHEEBa0ECdGoqAgC7oiATIBCiIAUgHEECakECdGoqAgC7oqAgEyAZoiIQIAUgHEEGakECdGoqAgC7oqAgEyAPoiAFIB5BA2tBAnRqKgIAu6KgIBMgDqIgE6KgIBMgDaIiDSAFIB5BBGpBAnRqKgIAu6KgIBMgFKIiDiAFIB4gImoiI0EDa0ECdGoqAgC7oqAgEyAWoiIPIAUgI0ECdGoqAgC7oqAgEyAVoiIRIAUgI0EEakECdGoqAgC7oqCgOQMAIAogHUEBakEDdGoiJCAkKwMAIBAgBSAcQQdqQQJ0aioCALuiIA0gBSAeQQVqQQJ0aioCALuioCARIAUgI0EFakECdGoqAgC7oqCgOQMAIAogHUECakEDdGoiHCAcKwMAIA4gBSAjQQFrQQJ0aioCALuiIA8gBSAjQQJqQQJ0aioCALuioCARIAUgI0EGakECdGoqAgC7oqCgOQMAIAogHUEDakEDdGoiHCAcKwMAIBEgBSAjQQdqQQJ0aioCALuioDkDACAKIB1BBGpBA3RqIhwgHCsDACAOIAUgI0ECa0ECdGoqAgC7oqA5AwALCyAhQQFqISEMAQsLIAtBAWohCwwBCwsL";
var KERNELS_SHARED_WASM_BASE64 = "AGFzbQEAAAABvAIaYAN/f38AYAt/f39/f39/f39/fwBgB39/f39/f38AYAh/f39/f39/fwBgCn9/f39/f39/f38AYAJ/fwBgDX9/f39/f39/fH9/f38Bf2AQf39/f39/f39/f39/f399fQBgDX9/f39/f39/f398fH8AYAx/f39/f39/f39/fHwBfGAKf39/f39/f39/fQBgFH9/f39/f39/f39/f39/f39/f39/AGAMf39/f39/f39/f39/AGAHf39/f319fQBgCX9/f39/f39/fwBgBH9/f38BfGAEf39/fwBgCX9/f39/f39/fAF8YAp/f39/f39/f398AGAJf39/f39/f39/AXxgB39/f399f38BfGAHf39/fX1/fwBgBX9/f39/AGAEf39/fQBgBn9/f39/fwBgDX9/f39/f39/f39/f38AAhIBA2VudgZtZW1vcnkCAwCAgAQDIyIBAQUGBwgJCgsCAQMEDA0AAw4ADxAEABEAEhMUFRYCFxgZBjgLfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEACwfAAyMIb3BlcmF0b3IADQZhcHBseTIAIAlyZXNpZHVhbDIACwtnc0Zyb21aZXJvMgAQA2dzMgARCXJlc3RyaWN0MgAKC3Byb2xvbmdBZGQyAAwDZG90ABMNYmljZ0RpcmVjdGlvbgAcBnNjYWxlMgAJCGJpY2dTdGVwABsGdHZEdWFsAAcIdHZQcmltYWwABAt0dkdyYWRpZW50VwAFCXR2U2VsZWN0VwADCHR2RW5lcmd5AAYFZGVuZHkAFQpkZW5keUVkZ2VzAAAMZGVuZHlDb3JuZXJzAAEMYmFsYW5jZVBhaXJzAB4NYmFsYW5jZVNwcmVhZAAdDmJhbGFuY2VGYWN0b3JzAB8RbGV2aW5BZmZpbml0eVJvd3MADg1zeW1tZXRyaWNQYXJ0AAgNZGVpbnRlcmxlYXZlNAAWC2RpYWdvbmFsczY0ABQJaW52ZXJzZTMyAA8QZGVncmVlc1dpdGhSaWRnZQAXBHplcm8AAgVmaWxsOAASBGNvcHkAGA1jb2Fyc2VFbnRyaWVzABoSY29hcnNlSWRlbnRpdHlSb3dzABkSZ2FsZXJraW5BY2N1bXVsYXRlACEGbWVtb3J5AgAKmMMBItQDAgF8Bn8DQCAJIApIBEAgCUEBcSENQQAhDANAIAcgDEoEQCAHIAlsIAxqIg4gBWotAAAEQCAGIAggDmoiD0EEdGohECAMQQFxIg4gDXIEQCANRSAOcQRAIAAgD0EDdGorAwAgAiAPQQJ0Ig5qKgIAu6EgAiAPIAdrIhFBAnRqKgIAu6EhCyAQIAEgD0EBa0ECdGoqAgC7IAMgEUEBa0ECdGoqAgC7oCAEIA5qKgIAu6AgC6O2QwAAAAAgC0QAAAAAAAAAAGQiDxs4AgAgECABIA5qKgIAuyAEIBFBAWpBAnRqKgIAu6AgAyAOaioCALugIAujtkMAAAAAIA8bOAIEBSANIA5FcQRAIBAgAiAPIAdrIg5BAnRqKgIAuyADIA5BAWtBAnRqKgIAu6AgBCAOQQFqQQJ0aioCALugIAAgD0EDdGorAwAgASAPQQJ0Ig5qKgIAu6EgASAPQQFrQQJ0aioCALuhIgujtkMAAAAAIAtEAAAAAAAAAABkIg8bOAIAIBAgAiAOaioCALsgAyAOaioCALugIAQgDmoqAgC7oCALo7ZDAAAAACAPGzgCCAsLBSAQQwAAgD84AgALCyAMQQFqIQwMAQsLIAlBAWohCQwBCwsLywMCBXwIfyAJQQFyIQkDQCAJIApIBEBBASEQA0AgByAQSgRAIAcgCWwgEGoiESAFai0AAARAIAAgCCARaiIUQQN0aisDACELIAIgFEECdCIVaioCALshDCABIBVqKgIAuyENIBQgB2siEkECdCEWIAYgFEEEdGoiESADIBJBAWtBAnRqKgIAuyACIBJBAnRqKgIAuyIOIAYgFkECdGoqAgC7oqAgASAUQQFrIhNBAnRqKgIAuyIPIAYgE0ECdCIXQQJ0aioCALuioCALo7ZDAAAAACALRAAAAAAAAAAAZCITGzgCACARIAQgEkEBakECdGoqAgC7IA4gBiAWQQFqQQJ0aioCALuioCANIAYgFEEBakECdCISQQJ0aioCALuioCALo7ZDAAAAACATGzgCBCARIAQgFWoqAgC7IAwgBiAHIBRqQQJ0IhRBAnRqKgIAu6KgIA8gBiAXQQJqQQJ0aioCALuioCALo7ZDAAAAACATGzgCCCARIAMgFWoqAgC7IAwgBiAUQQFqQQJ0aioCALuioCANIAYgEkECakECdGoqAgC7oqAgC6O2QwAAAAAgExs4AgwLIBBBAmohEAwBCwsgCUECaiEJDAELCwsLACAAQQAgAfwLAAuEAwIHfwR8A0AgACAPSgRAIAIgD0ECdCIOaioCALsiFiAEIAkgD2otAAAiEiINIAEgD2wiEGpBAnQiE2oqAgC7oSIUIBSiIAMgDmoqAgC7IhcgBSATaioCALuhIhQgFKKgIAcEfCAIIAcgE2oqAgC7ogVEAAAAAAAAAAALoCEUQQAhDgNAIAEgDkoEQCAWIAQgDiAQakECdCITaioCALuhIhUgFaIgFyAFIBNqKgIAu6EiFSAVoqAgBwR8IAggByATaioCALuiBUQAAAAAAAAAAAugIhUgFGMEQCAVIRQgDiENCyAOQQFqIQ4MAQsLQQEgDCANIBJHIg4bBEAgEUEBaiARIA4bIRFBACEOA0AgASAOSgRAIAYgDiAQakECdGpDAAAAADgCACAOQQFqIQ4MAQsLIAYgDSAQakECdCIOakMAAIA/OAIAIAkgD2ogDToAACAKIA9BAnQiDWogBCAOaioCADgCACALIA1qIAUgDmoqAgA4AgALIA9BAWohDwwBCwsgEQvtCgMIfQd/CnsgDv0TISEgD/0TISJDAACAPyAPQwAAgD+SlSIV/RMhIwNAIAEgHEoEQCAAIBxsIR1DAACAP0MAAAAAIBwgAUEBa0gbIhb9EyEkQwAAgD9DAAAAACAcQQBKIhgbIhf9EyElIABBACAYGyEeQQAhGQNAIAAgGUoEQCAZQQRqIABIIBlBAEpxRQRAIBkgHWohGkMAAAAAIREgGSAAQQFrSAR9IAIgGkECdCIYaioCAEMAAAAAkiERIAQgGGoqAgBDAAAAAJIFQwAAAAALIRAgGUEASgRAIBEgAiAaQQFrQQJ0IhhqKgIAkyERIBAgBCAYaioCAJMhEAsgESAWIAMgGkECdCIbaioCAJQgFyADIBogHmtBAnQiGGoqAgCUk5IhFCAQIBYgBSAbaioCAJQgFyAFIBhqKgIAlJOSIRAgByAbaiIaKgIAIRMgCCAbaiAGIBtqIhgqAgAiEjgCACAJIBtqIBM4AgBDAADcwkMAANxCIBMgDiAQlJIgDyANIBtqKgIAlJIgFZQiECAQQwAA3EJeGyAQQwAA3MJdGyERIBhDAADcwkMAANxCIBIgDiAUlJIgDyAMIBtqKgIAlJIgFZQiECAQQwAA3EJeGyAQQwAA3MJdGyIQOAIAIBogETgCACAKIBtqIBAgEJIgEpM4AgAgCyAbaiARIBGSIBOTOAIAIBlBAWohGQwCCwsLA0AgGUEEaiIYIABIBEAgAiAZIB1qIhlBAnQiG2r9AAQAIAIgGUEBa0ECdCIaav0ABAD95QEgJCADIBtq/QAEAP3mASAlIAMgGSAea0ECdCIZav0ABAD95gH95QH95AEhJyAEIBtq/QAEACAEIBpq/QAEAP3lASAkIAUgG2r9AAQA/eYBICUgBSAZav0ABAD95gH95QH95AEhHyAHIBtqIhr9AAQAISAgCCAbaiAGIBtqIhn9AAQAIib9CwQAIAkgG2ogIP0LBAAgICAhIB/95gH95AEgIiANIBtq/QAEAP3mAf3kASAj/eYB/QwAANzCAADcwgAA3MIAANzC/ekB/QwAANxCAADcQgAA3EIAANxC/egBISggGSAmICEgJ/3mAf3kASAiIAwgG2r9AAQA/eYB/eQBICP95gH9DAAA3MIAANzCAADcwgAA3ML96QH9DAAA3EIAANxCAADcQgAA3EL96AEiH/0LBAAgGiAo/QsEACAKIBtq/QwAAABAAAAAQAAAAEAAAABAIB/95gEgJv3lAf0LBAAgCyAbav0MAAAAQAAAAEAAAABAAAAAQCAo/eYBICD95QH9CwQAIBghGQwBCwsDQCAAIBlKBEAgGSAdaiEaQwAAAAAhESAZIABBAWtIBH0gAiAaQQJ0IhhqKgIAQwAAAACSIREgBCAYaioCAEMAAAAAkgVDAAAAAAshECAZQQBKBEAgESACIBpBAWtBAnQiGGoqAgCTIREgECAEIBhqKgIAkyEQCyARIBYgAyAaQQJ0IhtqKgIAlCAXIAMgGiAea0ECdCIYaioCAJSTkiEUIBAgFiAFIBtqKgIAlCAXIAUgGGoqAgCUk5IhECAHIBtqIhoqAgAhEyAIIBtqIAYgG2oiGCoCACISOAIAIAkgG2ogEzgCAEMAANzCQwAA3EIgEyAOIBCUkiAPIA0gG2oqAgCUkiAVlCIQIBBDAADcQl4bIBBDAADcwl0bIREgGEMAANzCQwAA3EIgEiAOIBSUkiAPIAwgG2oqAgCUkiAVlCIQIBBDAADcQl4bIBBDAADcwl0bIhA4AgAgGiAROAIAIAogG2ogECAQkiASkzgCACALIBtqIBEgEZIgE5M4AgAgGUEBaiEZDAELCyAcQQFqIRwMAQsLC4gGAgZ/BXwDQCAAIBJKBEAgASASbCEQIAIgEkECdCINaioCALshFyADIA1qKgIAuyEWRAAAAAAAAPD/IRNEAAAAAAAA8P8hFEEAIQ1BACEOA0AgASAOSgRAIAYgDiAQakECdCIPaiIRIBEqAgC7IAogFyAEIA9qKgIAu6EiFSAVoiAWIAUgD2oqAgC7oSIVIBWioKKhIAcEfCALIAcgD2oqAgC7ogVEAAAAAAAAAAALoSIVtjgCACATIBVjBEAgEyEUIBUhEyAOIQ0FIBUgFCAUIBVjGyEUCyAOQQFqIQ4MAQsLRAAAAAAAAAAAIRZEAAAAAAAAAAAhFSATIBShRAAAAAAAAPA/ZgRAQQAhDgNAIAEgDkoEQCAGIA4gEGpBAnRqQwAAAAA4AgAgDkEBaiEODAELCyAGIA0gEGpBAnQiDWpDAACAPzgCACAEIA1qKgIAuyEWIAUgDWoqAgC7IRUFRAAAAAAAAAAAIRRBACENQQAhEQNAIAEgDUoEQCAMIA1qQQE6AAAgFCAGIA0gEGpBAnRqKgIAu6AhFCANQQFqIQ0MAQsLIBREAAAAAAAA8L+gIAEiDbejIRMDQEEAIQ5BACEPA0AgASAPSgRAIAwgD2otAAAEfyAGIA8gEGpBAnRqKgIAuyATZQVBAAsEQCAMIA9qQQA6AABBASEOIBQgBiAPIBBqQQJ0aioCALuhIRQgDUEBayENCyAPQQFqIQ8MAQsLIA1FIA5FckUEQCAURAAAAAAAAPC/oCANt6MhEwwBCwsDQCABIBFKBEAgBiAQIBFqQQJ0aiINKgIAuyAToSEUIA0gFEQAAAAAAAAAACAURAAAAAAAAAAAZEEAIAwgEWotAAAbG7Y4AgAgEUEBaiERDAELC0EAIQ4DQCABIA5KBEAgFiAGIA4gEGpBAnQiDWoqAgC7IhMgBCANaioCALuioCEWIBUgEyAFIA1qKgIAu6KgIRUgDkEBaiEODAELCwsgCCASQQJ0Ig1qIBa2OAIAIAkgDWogFbY4AgAgEkEBaiESDAELCwuQAwIHfAZ/A0AgASAWSgRAQQAhFANAIAAgFEoEQCADIAAgFmwgFGoiFUECdCIXaioCALshDSAMIAsgAyAVQQFqIBUgFCAAQQFrSBtBAnQiE2oqAgC7IA2hIgwgDKIgAyAAIBVqIBUgFiABQQFrSBtBAnQiGGoqAgC7IA2hIgwgDKKgoiAEIBNqKgIAuyAEIBdqKgIAuyIPoSIMIAyioCAEIBhqKgIAuyAPoSIMIAyioCAFIBNqKgIAuyAFIBdqKgIAuyIOoSIMIAyioCAFIBhqKgIAuyAOoSIMIAyioJ+gRAAAAAAAAAAAIQ1EAAAAAAAAAAAhDEEAIRMDQCACIBNKBEAgDyAGIAIgFWwgE2pBAnQiF2oqAgC7oSERIA0gCCAXaioCALsiEiARIBGiIA4gByAXaioCALuhIg0gDaKgoqAhDSAJBEAgDCASIAkgF2oqAgC7oqAhDAsgE0EBaiETDAELCyAKRAAAAAAAAOA/oiANoiAMoKAhDCAUQQFqIRQMAQsLIBZBAWohFgwBCwsgDAurCQMIfwx7CX0gCf0TIRMDQCABIAxKBEAgACAMbCENIABBACAMIAFBAWtIGyEOQQAhCwNAIAtBBGogAEgEQCACIAsgDWoiD0ECdCIKav0ABAAhEiAEIApq/QAEACATIAIgD0EBakECdCIQav0ABAAgEv3lAf3mAf3kASIXIBf95gEgBSAKav0ABAAgEyACIA4gD2pBAnQiEWr9AAQAIBL95QH95gH95AEiGCAY/eYB/eQBIAYgCmr9AAQAIBMgAyAQav0ABAAgAyAKav0ABAAiEv3lAf3mAf3kASIZIBn95gEgByAKav0ABAAgEyADIBFq/QAEACAS/eUB/eYB/eQBIhogGv3mAf3kAf3kASIb/eMBIhT9DAAAgD8AAIA/AACAPwAAgD8gCCAKav0ABAAiFf3kAf3nASESIBX9DAAAAAAAAAAAAAAAAAAAAAD9RCEWQQAhCgNAIBb9U0EAIApBCEgbBEAgEiAS/QwAAIA/AACAPwAAgD8AAIA/IBIgEv3mAf3kASIc/eMBIh395wEgFSAS/eYB/eQBIBT95QH9DAAAgD8AAIA/AACAPwAAgD8gHCAd/eYB/ecBIBX95AH95wEiHP3lASASIBb9UiESIBYgHP0MvTeGtb03hrW9N4a1vTeGtf1F/U4hFiAKQQFqIQoMAQsLIAQgD0ECdCIKaiAX/QwAAAAAAAAAAAAAAAAAAAAAIBL9DAAAgD8AAIA/AACAPwAAgD8gEiAS/eYB/eQB/eMB/ecBIBT95wH9DAAAgD8AAIA/AACAPwAAgD/9DAAAgD8AAIA/AACAPwAAgD8gFP3nASAU/QwAAIA/AACAPwAAgD8AAIA//UP9UiAV/QwAAAAAAAAAAAAAAAAAAAAA/UT9UiAb/QwAAAAAAAAAAAAAAAAAAAAA/UH9UiIS/eYB/QsEACAFIApqIBggEv3mAf0LBAAgBiAKaiAZIBL95gH9CwQAIAcgCmogGiAS/eYB/QsEACALQQRqIQsMAQsLA0AgACALSgRAIAIgCyANaiIPQQJ0IgpqKgIAIR4gBCAKaioCACAJIAIgD0EBaiAPIAsgAEEBa0gbQQJ0IhBqKgIAIB6TlJIiHyAflCAFIApqKgIAIAkgAiAOIA9qQQJ0IhFqKgIAIB6TlJIiICAglJIgBiAKaioCACAJIAMgEGoqAgAgAyAKaioCACIek5SSIiEgIZSSIAcgCmoqAgAgCSADIBFqKgIAIB6TlJIiIiAilJIiHkMAAAAAXAR9IB6RISMgCCAKaioCACIlQwAAAABbBH1DAACAP0MAAIA/ICOVICNDAACAP10bBSAjICVDAACAP5KVIR5BACEKA0AgCkEISARAAkAgHiAeIB4gHpRDAACAP5IiJJEiJpUgJSAelJIgI5NDAACAPyAkICaUlSAlkpUiJJMhHiAkQ703hrVeDQAgCkEBaiEKDAILCwsgHiAeIB6UQwAAgD+SkZUgI5ULBUMAAAAACyEeIAQgD0ECdCIKaiAfIB6UOAIAIAUgCmogICAelDgCACAGIApqICEgHpQ4AgAgByAKaiAiIB6UOAIAIAtBAWohCwwBCwsgDEEBaiEMDAELCwubBwMGfwF7AX0gEyARIBJsaiEXIBMhFANAIBRBBGoiFSAXTARAIAkgFEECdCIYav0ABAAhGiAMIBhq/QwAAAA/AAAAPwAAAD8AAAA/IBogASAYav0ABAD95gEgCSAUQQFqQQJ0Ihlq/QAEACAAIBlq/QAEAP3mAf3kAf3mAf0LBAAgDSAYav0MAAAAPwAAAD8AAAA/AAAAPyAaIAMgGGr9AAQA/eYBIAkgESAUaiIUQQJ0Ihlq/QAEACACIBlq/QAEAP3mAf3kAf3mAf0LBAAgDiAYav0MAAAAPwAAAD8AAAA/AAAAPyAaIAcgGGr9AAQA/eYBIAkgFEEBakECdCIZav0ABAAgBCAZav0ABAD95gH95AH95gH9CwQAIA8gGGr9DAAAAD8AAAA/AAAAPwAAAD8gGiAGIBhq/QAEAP3mASAJIBRBAWtBAnQiFGr9AAQAIAUgFGr9AAQA/eYB/eQB/eYB/QsEACAVIRQMAQsLA0AgFCAXSARAIAkgFEECdCIYaioCACEbIAwgGGogGyABIBhqKgIAlCAJIBRBAWoiFUECdCIZaioCACAAIBlqKgIAlJJDAAAAP5Q4AgAgDSAYaiAbIAMgGGoqAgCUIAkgESAUaiIUQQJ0IhlqKgIAIAIgGWoqAgCUkkMAAAA/lDgCACAOIBhqIBsgByAYaioCAJQgCSAUQQFqQQJ0IhlqKgIAIAQgGWoqAgCUkkMAAAA/lDgCACAPIBhqIBsgBiAYaioCAJQgCSAUQQFrQQJ0IhRqKgIAIAUgFGoqAgCUkkMAAAA/lDgCACAVIRQMAQsLA0AgFiARIBJsSARAIBAgEyAWaiIUQQN0aiEVAkAgCiAWai0AAEUEQCAVRAAAAAAAAPA/OQMADAELIBUgDCAUQQJ0IhVqKgIAuyAMIBRBAWtBAnRqKgIAu6AgDSAVaioCALugIA0gFCARayIUQQJ0aioCALugIA4gFWoqAgC7oCAOIBRBAWtBAnRqKgIAu6AgDyAVaioCALugIA8gFEEBakECdGoqAgC7oCAJIBVqKgIAuyAIIBVqKgIAuyAAIBVqKgIAuyABIBVqKgIAu6AgAiAVaioCALugIAMgFWoqAgC7oCAEIBVqKgIAu6AgBSAVaioCALugIAYgFWoqAgC7oCAHIBVqKgIAu6ChokQAAAAAAAAAAKUgCyAWQQJ0aioCALugRAAAAAAAAOA/oqA5AwALIBZBAWohFgwBCwsLpQECAX8BewNAIAVBBGoiByAGTARAIAAgBUECdCIFav0ABAAhCCADIAVqIAggASAFav0ABAD95gH9CwQAIAQgBWogCCACIAVq/QAEAP3mAf0LBAAgByEFDAELCwNAIAUgBkgEQCADIAVBAnQiB2ogACAHaioCACABIAdqKgIAlDgCACAEIAdqIAAgB2oqAgAgAiAHaioCAJQ4AgAgBUEBaiEFDAELCwvwEwMOfwh7Bn0gAgRAIAdBAWohDCAIQQFqIQ0gACILIAFBAnQiAGoiDiAAaiIPIABqIRADQCAJIApIBEAgDCAHIAlsaiERIA0gCUEBdSAIbGoiEiAIaiETQQAhAANAIABBCGoiASAHTARAIAMgACARaiIUQQJ0IhVq/QAEACEZIAMgFEEEakECdCIWav0ABAAhGiACIBVq/QAEACIbIBn95gEhGSACIBZq/QAEACIcIBr95gEhGiAbIAQgFWr9AAQA/eYBIRsgHCAEIBZq/QAEAP3mASEcIAUgAEEBdSIUIBJqIhdBAnQiAGoiGCAY/QAEACALIBVq/QAEACIdIBn95gEiHiALIBZq/QAEACIfIBr95gEiIP0NAAECAwgJCgsQERITGBkaGyAeICD9DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAAgBmoiACAA/QAEACAdIBv95gEiHSAfIBz95gEiHv0NAAECAwgJCgsQERITGBkaGyAdIB79DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAUgF0EBakECdCIAaiIXIBf9AAQAIA4gFWr9AAQAIh0gGf3mASIeIA4gFmr9AAQAIh8gGv3mASIg/Q0AAQIDCAkKCxAREhMYGRobIB4gIP0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgACAGaiIAIAD9AAQAIB0gG/3mASIdIB8gHP3mASIe/Q0AAQIDCAkKCxAREhMYGRobIB0gHv0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBSATIBRqIgBBAnQiFGoiFyAX/QAEACAPIBVq/QAEACIdIBn95gEiHiAPIBZq/QAEACIfIBr95gEiIP0NAAECAwgJCgsQERITGBkaGyAeICD9DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAYgFGoiFCAU/QAEACAdIBv95gEiHSAfIBz95gEiHv0NAAECAwgJCgsQERITGBkaGyAdIB79DQQFBgcMDQ4PFBUWFxwdHh/95AH95AH9CwQAIAUgAEEBakECdCIAaiIUIBT9AAQAIBAgFWr9AAQAIh0gGf3mASIZIBAgFmr9AAQAIh4gGv3mASIa/Q0AAQIDCAkKCxAREhMYGRobIBkgGv0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgACAGaiIAIAD9AAQAIB0gG/3mASIZIB4gHP3mASIa/Q0AAQIDCAkKCxAREhMYGRobIBkgGv0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgASEADAELCwNAIAAgB0gEQCACIAAgEWpBAnQiAWoqAgAiISABIANqKgIAlCEiICEgASAEaioCAJQhISABIA5qKgIAISMgASAPaioCACEkIAEgEGoqAgAhJSAFIBIgAEEBdWoiE0ECdCIUaiIVIBUqAgAgASALaioCACImICKUkjgCACAGIBRqIgEgASoCACAmICGUkjgCACAFIBNBAWoiAUECdGoiFCAUKgIAICMgIpSSOAIAIAYgAUECdGoiASABKgIAICMgIZSSOAIAIAUgCCATaiIBQQJ0aiITIBMqAgAgJCAilJI4AgAgBiABQQJ0aiITIBMqAgAgJCAhlJI4AgAgBSABQQFqIgFBAnRqIhMgEyoCACAlICKUkjgCACAGIAFBAnRqIgEgASoCACAlICGUkjgCACAAQQFqIQAMAQsLIAlBAWohCQwBCwsFIAdBAWohCyAIQQFqIQwgACICIAFBAnQiAGoiDSAAaiIOIABqIQ8DQCAJIApIBEAgCyAHIAlsaiEQIAwgCUEBdSAIbGoiESAIaiESQQAhAANAIABBCGoiASAHTARAIAMgACAQaiITQQJ0IhRq/QAEACEZIAIgE0EEakECdCITav0ABAAiGiADIBNq/QAEACIb/eYBIRwgAiAUav0ABAAiHSAEIBRq/QAEACIe/eYBIR8gGiAEIBNq/QAEACIa/eYBISAgBSAAQQF1IgAgEWoiFUECdCIWaiIXIBf9AAQAIB0gGf3mASIdIBz9DQABAgMICQoLEBESExgZGhsgHSAc/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAGIBZqIhYgFv0ABAAgHyAg/Q0AAQIDCAkKCxAREhMYGRobIB8gIP0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBSAVQQFqQQJ0IhVqIhYgFv0ABAAgDSAUav0ABAAiHCAZ/eYBIh0gDSATav0ABAAiHyAb/eYBIiD9DQABAgMICQoLEBESExgZGhsgHSAg/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAGIBVqIhUgFf0ABAAgHCAe/eYBIhwgHyAa/eYBIh39DQABAgMICQoLEBESExgZGhsgHCAd/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAFIAAgEmoiAEECdCIVaiIWIBb9AAQAIA4gFGr9AAQAIhwgGf3mASIdIA4gE2r9AAQAIh8gG/3mASIg/Q0AAQIDCAkKCxAREhMYGRobIB0gIP0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBiAVaiIVIBX9AAQAIBwgHv3mASIcIB8gGv3mASId/Q0AAQIDCAkKCxAREhMYGRobIBwgHf0NBAUGBwwNDg8UFRYXHB0eH/3kAf3kAf0LBAAgBSAAQQFqQQJ0IgBqIhUgFf0ABAAgDyAUav0ABAAiHCAZ/eYBIhkgDyATav0ABAAiHSAb/eYBIhv9DQABAgMICQoLEBESExgZGhsgGSAb/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACAAIAZqIgAgAP0ABAAgHCAe/eYBIhkgHSAa/eYBIhr9DQABAgMICQoLEBESExgZGhsgGSAa/Q0EBQYHDA0ODxQVFhccHR4f/eQB/eQB/QsEACABIQAMAQsLA0AgACAHSARAIAMgACAQakECdCIBaioCACEhIAEgBGoqAgAhIiABIA1qKgIAISMgASAOaioCACEkIAEgD2oqAgAhJSAFIBEgAEEBdWoiEkECdCITaiIUIBQqAgAgASACaioCACImICGUkjgCACAGIBNqIgEgASoCACAmICKUkjgCACAFIBJBAWoiAUECdGoiEyATKgIAICMgIZSSOAIAIAYgAUECdGoiASABKgIAICMgIpSSOAIAIAUgCCASaiIBQQJ0aiISIBIqAgAgJCAhlJI4AgAgBiABQQJ0aiISIBIqAgAgJCAilJI4AgAgBSABQQFqIgFBAnRqIhIgEioCACAlICGUkjgCACAGIAFBAnRqIgEgASoCACAlICKUkjgCACAAQQFqIQAMAQsLIAlBAWohCQwBCwsLC48IAwl/AXsBfSMKQQFqIgkjCiAHbGohCCAJIwogBmxqIQYDQCAGQQRqIgcgCEwEQCAGQQJ0IgkjCGr9AAQAIREgBCAJaiACIAlq/QAEACARIAAgCWr9AAQA/eYBIwAgCWr9AAQAIAAgBkEBa0ECdCILav0ABAD95gEjASAJav0ABAAgACAGQQFqQQJ0Igxq/QAEAP3mAf3kASMCIAlq/QAEACAAIAYjCmsiCkECdCINav0ABAD95gEjAyAJav0ABAAgACAGIwpqIgZBAnQiDmr9AAQA/eYB/eQB/eQBIwQgCWr9AAQAIAAgCkEBa0ECdCIPav0ABAD95gEjBSAJav0ABAAgACAKQQFqQQJ0Igpq/QAEAP3mAf3kAf3kASMGIAlq/QAEACAAIAZBAWtBAnQiEGr9AAQA/eYBIwcgCWr9AAQAIAAgBkEBakECdCIGav0ABAD95gH95AH95AH95QH95QH9CwQAIAUgCWogAyAJav0ABAAgESABIAlq/QAEAP3mASAJIwBq/QAEACABIAtq/QAEAP3mASAJIwFq/QAEACABIAxq/QAEAP3mAf3kASAJIwJq/QAEACABIA1q/QAEAP3mASAJIwNq/QAEACABIA5q/QAEAP3mAf3kAf3kASAJIwRq/QAEACABIA9q/QAEAP3mASAJIwVq/QAEACABIApq/QAEAP3mAf3kAf3kASAJIwZq/QAEACABIBBq/QAEAP3mASAJIwdq/QAEACABIAZq/QAEAP3mAf3kAf3kAf3lAf3lAf0LBAAgByEGDAELCwNAIAYgCEgEQCAGQQJ0IgcjCGoqAgAhEiAGIwprIQkgBiMKaiEKIAQgB2ogAiAHaioCACASIAAgB2oqAgCUIwAgB2oqAgAgACAGQQFrQQJ0IgtqKgIAlCMBIAdqKgIAIAAgBkEBaiIGQQJ0IgxqKgIAlJIjAiAHaioCACAAIAlBAnQiDWoqAgCUkiMDIAdqKgIAIAAgCkECdCIOaioCAJSSIwQgB2oqAgAgACAJQQFrQQJ0Ig9qKgIAlJIjBSAHaioCACAAIAlBAWpBAnQiCWoqAgCUkiMGIAdqKgIAIAAgCkEBa0ECdCIQaioCAJSSIwcgB2oqAgAgACAKQQFqQQJ0IgpqKgIAlJKTkzgCACAFIAdqIAMgB2oqAgAgEiABIAdqKgIAlCAHIwBqKgIAIAEgC2oqAgCUIAcjAWoqAgAgASAMaioCAJSSIAcjAmoqAgAgASANaioCAJSSIAcjA2oqAgAgASAOaioCAJSSIAcjBGoqAgAgASAPaioCAJSSIAcjBWoqAgAgASAJaioCAJSSIAcjBmoqAgAgASAQaioCAJSSIAcjB2oqAgAgASAKaioCAJSSk5M4AgAMAQsLC94FAwx/B3sEfSAGQQFqIRAgB0EBaiERIAFBAnQiASAAaiELIAEgC2oiDCABaiENIAghCgNAIAkgCkoEQCAQIAYgCmxqIQ4gESAKQQF1IAdsaiIPIAdqIRJBACEBA0AgAUEEaiIIIAZMBEAgACABIA5qQQJ0IhNq/QAEACEZIAIgAUEBdSIBIA9qQQJ0IhRq/QAEACEYIAMgFGr9AAQAIRYgAyABIBJqQQJ0IgFq/QAEACEXIAQgE2oiFCAU/QAEACAZIBggGP0NAAECAwABAgMEBQYHBAUGB/3mASALIBNq/QAEACIaIBggGP0NBAUGBwQFBgcICQoLCAkKC/3mAf3kASAMIBNq/QAEACIbIAEgAmr9AAQAIhggGP0NAAECAwABAgMEBQYHBAUGB/3mAf3kASANIBNq/QAEACIcIBggGP0NBAUGBwQFBgcICQoLCAkKC/3mAf3kAf3kAf0LBAAgBSATaiIBIAH9AAQAIBkgFiAW/Q0AAQIDAAECAwQFBgcEBQYH/eYBIBogFiAW/Q0EBQYHBAUGBwgJCgsICQoL/eYB/eQBIBsgFyAX/Q0AAQIDAAECAwQFBgcEBQYH/eYB/eQBIBwgFyAX/Q0EBQYHBAUGBwgJCgsICQoL/eYB/eQB/eQB/QsEACAIIQEMAQsLA0AgASAGSARAIAAgASAOakECdCIIaioCACEdIAQgCGoiEiASKgIAIB0gAiAPIAFBAXVqIhJBAnQiE2oqAgCUkiAIIAtqKgIAIh4gAiASQQFqQQJ0IhRqKgIAlJIgCCAMaioCACIfIAIgByASaiISQQJ0IhVqKgIAlJIgCCANaioCACIgIAIgEkEBakECdCISaioCAJSSOAIAIAUgCGoiCCAIKgIAIB0gAyATaioCAJSSIB4gAyAUaioCAJSSIB8gAyAVaioCAJSSICAgAyASaioCAJSSOAIAIAFBAWohAQwBCwsgCkEBaiEKDAELCwsuACAAJAAgASQBIAIkAiADJAMgBCQEIAUkBSAGJAYgByQHIAgkCCAJJAkgCiQKC4MbAht7B38gAiADbEECdCEiIAJBAnQhJSAE/RMhB0MAAIA/IAWV/RMhCCAG/RMhCSACQQJrQXxxQQFqISYDQCADICRKBEBBASEjA0AgIyAmSARAIAAgJEEBaiACbCAjakECdGoiJ/0ABAAhCiAnQQRr/QAEACAK/eUBIgsgJ/0ABAQgCv3lASIM/eQBICcgJWsiKP0ABAAgCv3lASINICUgJ2oiJ/0ABAAgCv3lASIO/eQB/eQBIChBBGv9AAQAIAr95QEiDyAo/QAEBCAK/eUBIhD95AEgJ0EEa/0ABAAgCv3lASIRICf9AAQEIAr95QEiCv3kAf3kAf3kAf0MOY7jPTmO4z05juM9OY7jPf3mASES/QwAAIC/AACAvwAAgL8AAIC/IAsgC/3mASILIAwgDP3mASIM/eQBIA0gDf3mASINIA4gDv3mASIO/eQB/eQBIA8gD/3mASIPIBAgEP3mASIU/eQBIBEgEf3mASIVIAogCv3mASIW/eQB/eQB/eQB/Qw5juM9OY7jPTmO4z05juM9/eYBIBIgEv3mAf3lASAH/eYBIAsgDP3oASANIA796AH96AEgDyAU/egBIBUgFv3oAf3oAf3oASAI/eYB/ekBIAn96QH95wEhFyALIBf95gEiGP0MAACuwgAArsIAAK7CAACuwv3pASIZ/Qw7qrg/O6q4PzuquD87qrg//eYB/WohGiAMIBf95gEiCv0MAACuwgAArsIAAK7CAACuwv3pASIQ/Qw7qrg/O6q4PzuquD87qrg//eYB/WohGyANIBf95gEiC/0MAACuwgAArsIAAK7CAACuwv3pASIR/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHCAOIBf95gEiDP0MAACuwgAArsIAAK7CAACuwv3pASIS/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHSAPIBf95gEiDf0MAACuwgAArsIAAK7CAACuwv3pASIT/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHiAUIBf95gEiDv0MAACuwgAArsIAAK7CAACuwv3pASIU/Qw7qrg/O6q4PzuquD87qrg//eYB/WohHyAVIBf95gEiD/0MAACuwgAArsIAAK7CAACuwv3pASIV/Qw7qrg/O6q4PzuquD87qrg//eYB/WohICAWIBf95gEiFv0MAACuwgAArsIAAK7CAACuwv3pASIX/Qw7qrg/O6q4PzuquD87qrg//eYB/WohIf0MAACAPwAAgD8AAIA/AACAP/0MYQu2OmELtjphC7Y6YQu2OiAZIBr9DAByMT8AcjE/AHIxPwByMT/95gH95QEgGv0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIZ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBn95gH9DKuqKj2rqio9q6oqPauqKj395AEgGf3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAZ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBn95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgGf3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAa/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgGP0MAACuwgAArsIAAK7CAACuwv1E/U4iGP0MYQu2OmELtjphC7Y6YQu2OiAQIBv9DAByMT8AcjE/AHIxPwByMT/95gH95QEgG/0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAb/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgCv0MAACuwgAArsIAAK7CAACuwv1E/U4iCv3kAf0MYQu2OmELtjphC7Y6YQu2OiARIBz9DAByMT8AcjE/AHIxPwByMT/95gH95QEgHP0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAc/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgC/0MAACuwgAArsIAAK7CAACuwv1E/U4iC/0MYQu2OmELtjphC7Y6YQu2OiASIB39DAByMT8AcjE/AHIxPwByMT/95gH95QEgHf0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAd/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgDP0MAACuwgAArsIAAK7CAACuwv1E/U4iDP3kAf3kAf0MYQu2OmELtjphC7Y6YQu2OiATIB79DAByMT8AcjE/AHIxPwByMT/95gH95QEgHv0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAe/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgDf0MAACuwgAArsIAAK7CAACuwv1E/U4iDf0MYQu2OmELtjphC7Y6YQu2OiAUIB/9DAByMT8AcjE/AHIxPwByMT/95gH95QEgH/0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAf/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgDv0MAACuwgAArsIAAK7CAACuwv1E/U4iDv3kAf0MYQu2OmELtjphC7Y6YQu2OiAVICD9DAByMT8AcjE/AHIxPwByMT/95gH95QEgIP0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAg/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgD/0MAACuwgAArsIAAK7CAACuwv1E/U4iD/0MYQu2OmELtjphC7Y6YQu2OiAXICH9DAByMT8AcjE/AHIxPwByMT/95gH95QEgIf0Mjr6/NY6+vzWOvr81jr6/Nf3mAf3lASIQ/eYB/QyJiAg8iYgIPImICDyJiAg8/eQBIBD95gH9DKuqKj2rqio9q6oqPauqKj395AEgEP3mAf0Mq6oqPquqKj6rqio+q6oqPv3kASAQ/eYB/QwAAAA/AAAAPwAAAD8AAAA//eQBIBD95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgEP3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAh/fgB/Qx/AAAAfwAAAH8AAAB/AAAA/a4BQRf9qwH95gEgFv0MAACuwgAArsIAAK7CAACuwv1E/U4iEP3kAf3kAf3kAf3nASERIAEgAiAkbCAjakECdGoiJyAYIBH95gH9CwQAICIgJ2ogCiAR/eYB/QsEACAnICJBAXRqIAsgEf3mAf0LBAAgJyAiQQNsaiAMIBH95gH9CwQAICcgIkECdGogDSAR/eYB/QsEACAnICJBBWxqIA4gEf3mAf0LBAAgJyAiQQZsaiAPIBH95gH9CwQAICcgIkEHbGogECAR/eYB/QsEACAjQQRqISMMAQsLICRBAWohJAwBCwsLUgICfwF8A0AgAiADSgRAIAEgA0ECdCIEaiAAIARqKgIAuyIFRAAAAAAAAAAAYgR9RAAAAAAAAPA/IAWjtgVDAAAAAAs4AgAgA0EBaiEDDAELCwupBQIHfwR9IwpBAWohCyAGIQkDQCAHIAlKBEAgCyAJIwpsaiEKQQAhBgNAIAZBBGoiCCMKTARAIAYgCmoiDCMKayENIAQgBkECdCIGaiACIAxBAnQiDmr9AAQAIwIgDmr9AAQAIAAgDUECdGr9AAQA/eYBIwQgDmr9AAQAIAAgDUEBa0ECdGr9AAQA/eYBIwUgDmr9AAQAIAAgDUEBakECdGr9AAQA/eYB/eQB/eQB/eQB/QsEACAFIAZqIAMgDmr9AAQAIwIgDmr9AAQAIAEgDCMKayIGQQJ0av0ABAD95gEjBCAOav0ABAAgASAGQQFrQQJ0av0ABAD95gEjBSAOav0ABAAgASAGQQFqQQJ0av0ABAD95gH95AH95AH95AH9CwQAIAghBgwBCwsDQCAGIwpIBEAgBiAKaiIIIwprIQwgBCAGQQJ0Ig1qIAIgCEECdCIOaioCACMCIA5qKgIAIAAgDEECdGoqAgCUkiMEIA5qKgIAIAAgDEEBa0ECdGoqAgCUkiMFIA5qKgIAIAAgDEEBakECdGoqAgCUkjgCACAFIA1qIAMgDmoqAgAjAiAOaioCACABIAgjCmsiCEECdGoqAgCUkiMEIA5qKgIAIAEgCEEBa0ECdGoqAgCUkiMFIA5qKgIAIAEgCEEBakECdGoqAgCUkjgCACAGQQFqIQYMAQsLIwAhDEEAIQggACAKQQFrQQJ0IgZqKgIAIQ8gASAGaioCACEQQQAhBgNAIAYjCkgEQCAEIAhBAnQiDWoqAgAgDCAIIApqQQJ0Ig5qKgIAIhEgD5SSIwkgDmoqAgAiEpQhDyAFIA1qKgIAIBEgEJSSIBKUIRAgACAOaiAPOAIAIAEgDmogEDgCACAGQQFqIQYgCEEBaiEIDAELCyAJQQFqIQkMAQsLC4sLAhJ/BH0jCkEBaiENIAchCQNAIAggCUoEQCANIwogCEEBayAJIAdrayAJIAYbbGohDEEAIQsDQCMKIAtBBGpOBEAgCyAMaiIKIwprIQ4gCiMKaiEPIAQgC0ECdGogAiAKQQJ0IhBq/QAEACAGBHsjACAQav0ABAAgACAKQQFrQQJ0av0ABAD95gEFIwEgCkECdGr9AAQAIAAgCkEBakECdGr9AAQA/eYBC/3kASAKQQJ0IgojAmr9AAQAIAAgDkECdGr9AAQA/eYBIwMgCmr9AAQAIAAgD0ECdGr9AAQA/eYB/eQB/eQBIwQgCmr9AAQAIAAgDkEBa0ECdGr9AAQA/eYBIwUgCmr9AAQAIAAgDkEBakECdGr9AAQA/eYB/eQB/eQBIwYgCmr9AAQAIAAgD0EBa0ECdGr9AAQA/eYBIwcgCmr9AAQAIAAgD0EBakECdGr9AAQA/eYB/eQB/eQB/QsEACALIAxqIgojCmshDiAKIwpqIQ8gBSALQQJ0aiADIApBAnQiEGr9AAQAIAYEeyMAIBBq/QAEACABIApBAWtBAnRq/QAEAP3mAQUjASAKQQJ0av0ABAAgASAKQQFqQQJ0av0ABAD95gEL/eQBIApBAnQiCiMCav0ABAAgASAOQQJ0av0ABAD95gEjAyAKav0ABAAgASAPQQJ0av0ABAD95gH95AH95AEjBCAKav0ABAAgASAOQQFrQQJ0av0ABAD95gEjBSAKav0ABAAgASAOQQFqQQJ0av0ABAD95gH95AH95AEjBiAKav0ABAAgASAPQQFrQQJ0av0ABAD95gEjByAKav0ABAAgASAPQQFqQQJ0av0ABAD95gH95AH95AH9CwQAIAtBBGohCwwBCwsDQCALIwpIBEAjAiEKIwMhDiMEIQ8gCyAMaiIQIwprIhFBAWshEiMFIRMgEUEBaiEUIwYhFSAQIwpqIhZBAWshFyMHIRggFkEBaiEZIAQgC0ECdGogAiAQQQJ0IhpqKgIAIAYEfSMAIBpqKgIAIAAgEEEBa0ECdGoqAgCUBSMBIBBBAnRqKgIAIAAgEEEBakECdGoqAgCUC5IgCiAQQQJ0IgpqKgIAIAAgEUECdGoqAgCUkiAKIA5qKgIAIAAgFkECdGoqAgCUkiAKIA9qKgIAIAAgEkECdGoqAgCUkiAKIBNqKgIAIAAgFEECdGoqAgCUkiAKIBVqKgIAIAAgF0ECdGoqAgCUkiAKIBhqKgIAIAAgGUECdGoqAgCUkjgCACMCIQojAyEOIwQhDyALIAxqIhAjCmsiEUEBayESIwUhEyARQQFqIRQjBiEVIBAjCmoiFkEBayEXIwchGCAWQQFqIRkgBSALQQJ0aiADIBBBAnQiGmoqAgAgBgR9IwAgGmoqAgAgASAQQQFrQQJ0aioCAJQFIwEgEEECdGoqAgAgASAQQQFqQQJ0aioCAJQLkiAKIBBBAnQiCmoqAgAgASARQQJ0aioCAJSSIAogDmoqAgAgASAWQQJ0aioCAJSSIAogD2oqAgAgASASQQJ0aioCAJSSIAogE2oqAgAgASAUQQJ0aioCAJSSIAogFWoqAgAgASAXQQJ0aioCAJSSIAogGGoqAgAgASAZQQJ0aioCAJSSOAIAIAtBAWohCwwBCwsjASMAIAYbIQ4gACAMIwpBAWtBACAGGyIKakF/QQEgBhsiD2tBAnQiC2oqAgAhGyABIAtqKgIAIRxBACELA0AgCyMKSARAIAQgCkECdCIQaioCACAOIAogDGpBAnQiEWoqAgAiHSAblJIjCSARaioCACIelCEbIAUgEGoqAgAgHSAclJIgHpQhHCAAIBFqIBs4AgAgASARaiAcOAIAIAtBAWohCyAKIA9qIQoMAQsLIAlBAWohCQwBCwsLCwAgACABIAL8CwALzQEDAX8EewF8A0AgAkEEaiIEIANMBEAgBSAAIAJBAnQiAmr9AAQAIgf9XyABIAJq/QAEACII/V/98gH98AEhBSAGIAcgB/0NCAkKCwwNDg8AAQIDBAUGB/1fIAggCP0NCAkKCwwNDg8AAQIDBAUGB/1f/fIB/fABIQYgBCECDAELCyAF/SEAIAX9IQGgIAb9IQCgIAb9IQGgIQkDQCACIANIBEAgCSAAIAJBAnQiBGoqAgC7IAEgBGoqAgC7oqAhCSACQQFqIQIMAQsLIAkLXwICfwF8A0AgAyAESgRAIAEgBEECdCIFaiAAIARBA3RqKwMAIga2OAIAIAIgBWogBkQAAAAAAAAAAGIEfUQAAAAAAADwPyAGo7YFQwAAAAALOAIAIARBAWohBAwBCwsLMgAgACABIAIgAyAEIAUgBiAHIAlBACAIEAAgACABIAIgAyAEIAUgBiAHIAlBACAIEAELtgMCBX8GeyACQQJ0IgQgAWohByAEIAdqIgYgBGohBQNAIANBBGoiBCACTARAIAAgA0ECdCIDQQJ0av0ABAAhDCABIANqIAwgACADQQRqQQJ0av0ABAAiDf0NAAECAxAREhMEBQYHFBUWFyILIAAgA0EIakECdGr9AAQAIgogACADQQxqQQJ0av0ABAAiCf0NAAECAxAREhMEBQYHFBUWFyII/Q0AAQIDBAUGBxAREhMUFRYX/QsEACADIAdqIAsgCP0NCAkKCwwNDg8YGRobHB0eH/0LBAAgAyAGaiAMIA39DQgJCgsYGRobDA0ODxwdHh8iCCAKIAn9DQgJCgsYGRobDA0ODxwdHh8iCf0NAAECAwQFBgcQERITFBUWF/0LBAAgAyAFaiAIIAn9DQgJCgsMDQ4PGBkaGxwdHh/9CwQAIAQhAwwBCwsDQCACIANKBEAgASADQQJ0IgRqIAAgBEECdGoqAgA4AgAgBCAHaiAAIARBAWpBAnRqKgIAOAIAIAQgBmogACAEQQJqQQJ0aioCADgCACAEIAVqIAAgBEEDakECdGoqAgA4AgAgA0EBaiEDDAELCwvyAQICfAN/IAcgBSAGbGohDCAHIQYDQCAGIAxIBEAgBCAGQQN0aiAAIAZBAnQiC2oqAgC7IAAgBkEBa0ECdGoqAgC7oCABIAtqKgIAu6AgASAGIAVrIg1BAnRqKgIAu6AgAiALaioCALugIAIgDUEBa0ECdGoqAgC7oCADIAtqKgIAu6AgAyANQQFqQQJ0aioCALugIgo5AwAgCSAKpSEJIAZBAWohBgwBCwsgCCAJRAAAAAAAAPA/IAlEAAAAAAAAAABkG6IhCANAIAcgDEgEQCAEIAdBA3RqIgAgACsDACAIoDkDACAHQQFqIQcMAQsLIAkLDAAgACABIAL8CgAAC/QBAQN/IAYgB2whBwNAIAcgCkoEQAJAIAAgCCAKaiILQQN0aisDACAJZARAIAUgCmpBAToAAAwBCyAFIApqQQA6AAAgACALQQN0akQAAAAAAADwPzkDACABIAtBAnQiDGpDAAAAADgCACACIAxqQwAAAAA4AgAgAyAMakMAAAAAOAIAIAQgDGpDAAAAADgCACAKIAZvQQBKBEAgASALQQFrQQJ0akMAAAAAOAIACyACIAsgBmsiC0ECdGpDAAAAADgCACADIAtBAWtBAnRqQwAAAAA4AgAgBCALQQFqQQJ0akMAAAAAOAIACyAKQQFqIQoMAQsLC/ABAgV/AnwDQCAHIAtKBEAgC0EBaiAHSCEMQQAhCQNAIAYgCUoEQCABIAhBA3RqIAAgCEEobGoiCisDACIPOQMAIA8gDiAOIA9jGyEOIAIgCEECdGogCUEBaiAGSCINBH0gCisDCJq2BUMAAAAACzgCACADIAhBAnRqIAwEfSAKKwMQmrYFQwAAAAALOAIAIAQgCEECdGogDCANcQR9IAorAxiatgVDAAAAAAs4AgAgBSAIQQJ0aiAMIAlBAEpxBH0gCisDIJq2BUMAAAAACzgCACAJQQFqIQkgCEEBaiEIDAELCyALQQFqIQsMAQsLIA4LpgIEAn8EewF8AX0gBP0TIQsDQCAFQQRqIgcgBkwEQCAAIAVBAnQiBWoiCP0ABAAgCyABIAVq/QAEAP3mAf3lASEMIAggDP0LBAAgAiAFaiIIIAj9AAQAIAsgAyAFav0ABAD95gH95AH9CwQAIAkgDP1fIgkgCf3yAf3wASEJIAogDCAM/Q0ICQoLDA0ODwABAgMEBQYH/V8iCiAK/fIB/fABIQogByEFDAELCyAJ/SEAIAn9IQGgIAr9IQCgIAr9IQGgIQ0DQCAFIAZIBEAgACAFQQJ0IgdqIggqAgAgBCABIAdqKgIAlJMhDiAIIA44AgAgAiAHaiIIIAgqAgAgBCADIAdqKgIAlJI4AgAgDSAOuyINIA2ioCENIAVBAWohBQwBCwsgDQugAQICfwJ7IAP9EyEJIAT9EyEKA0AgBUEEaiIHIAZMBEAgACAFQQJ0IgVqIgggASAFav0ABAAgCSAI/QAEACAKIAIgBWr9AAQA/eYB/eUB/eYB/eQB/QsEACAHIQUMAQsLA0AgBSAGSARAIAAgBUECdCIHaiIIIAEgB2oqAgAgAyAIKgIAIAQgAiAHaioCAJSTlJI4AgAgBUEBaiEFDAELCwuOAQEDfwNAIANBBGoiBSAETARAIAIgA0ECdCIGaiIHIAf9AAQAIAAgAyABa0ECdGr9AAQAIAAgBmr9AAQA/eUB/eQB/QsEACAFIQMMAQsLA0AgAyAESARAIAIgA0ECdCIFaiIGIAYqAgAgACADIAFrQQJ0aioCAJIgACAFaioCAJM4AgAgA0EBaiEDDAELCwuECwICfwh7A0AgBUEEaiIHIAZMBEAgACAFQQJ0Ighq/QAEACIJ/QwAAAAAAAAAAAAAAAAAAAAA/UQgASACIAVqQQJ0av0ABAAiCv0MAAAAAAAAAAAAAAAAAAAAAP1E/U4hCyADIAhqIAn9DAAAgD8AAIA/AACAPwAAgD8gC/1SIgkgCv0MAACAPwAAgD8AAIA/AACAPyAL/VIiCv3mAf3jASIMIAv9Tv0LBAAgCSAJ/QzzBDU/8wQ1P/MENT/zBDU//bEBQRf9rAEiCUEX/asB/bEBIg39DAAAgD8AAIA/AACAPwAAgD/95QEgDf0MAACAPwAAgD8AAIA/AACAP/3kAf3nASINIA395gEhDiAKIAr9DPMENT/zBDU/8wQ1P/MENT/9sQFBF/2sASIKQRf9qwH9sQEiD/0MAACAPwAAgD8AAIA/AACAP/3lASAP/QwAAIA/AACAPwAAgD8AAIA//eQB/ecBIg8gD/3mASEQIAQgCGogDCAJ/foB/QwYcjE/GHIxPxhyMT8YcjE//eYB/Qw5jmM+OY5jPjmOYz45jmM+IA795gH9DCVJkj4lSZI+JUmSPiVJkj795AEgDv3mAf0MzczMPs3MzD7NzMw+zczMPv3kASAO/eYB/Qyrqio/q6oqP6uqKj+rqio//eQBIA795gH9DAAAAEAAAABAAAAAQAAAAED95AEgDf3mAf3kASAK/foB/QwYcjE/GHIxPxhyMT8YcjE//eYB/Qw5jmM+OY5jPjmOYz45jmM+IBD95gH9DCVJkj4lSZI+JUmSPiVJkj795AEgEP3mAf0MzczMPs3MzD7NzMw+zczMPv3kASAQ/eYB/Qyrqio/q6oqP6uqKj+rqio//eQBIBD95gH9DAAAAEAAAABAAAAAQAAAAED95AEgD/3mAf3kAf3lAf3mASAL/U79CwQAIAchBQwBCwsDQCAFIAZIBEAgACAFQQJ0IgdqKgIA/RMiCf0MAAAAAAAAAAAAAAAAAAAAAP1EIAEgAiAFakECdGoqAgD9EyIK/QwAAAAAAAAAAAAAAAAAAAAA/UT9TiELIAMgB2ogCf0MAACAPwAAgD8AAIA/AACAPyAL/VIiCSAK/QwAAIA/AACAPwAAgD8AAIA/IAv9UiIK/eYB/eMBIgwgC/1O/R8AOAIAIAkgCf0M8wQ1P/MENT/zBDU/8wQ1P/2xAUEX/awBIglBF/2rAf2xASIN/QwAAIA/AACAPwAAgD8AAIA//eUBIA39DAAAgD8AAIA/AACAPwAAgD/95AH95wEiDSAN/eYBIQ4gCiAK/QzzBDU/8wQ1P/MENT/zBDU//bEBQRf9rAEiCkEX/asB/bEBIg/9DAAAgD8AAIA/AACAPwAAgD/95QEgD/0MAACAPwAAgD8AAIA/AACAP/3kAf3nASIPIA/95gEhECAEIAdqIAwgCf36Af0MGHIxPxhyMT8YcjE/GHIxP/3mAf0MOY5jPjmOYz45jmM+OY5jPiAO/eYB/QwlSZI+JUmSPiVJkj4lSZI+/eQBIA795gH9DM3MzD7NzMw+zczMPs3MzD795AEgDv3mAf0Mq6oqP6uqKj+rqio/q6oqP/3kASAO/eYB/QwAAABAAAAAQAAAAEAAAABA/eQBIA395gH95AEgCv36Af0MGHIxPxhyMT8YcjE/GHIxP/3mAf0MOY5jPjmOYz45jmM+OY5jPiAQ/eYB/QwlSZI+JUmSPiVJkj4lSZI+/eQBIBD95gH9DM3MzD7NzMw+zczMPs3MzD795AEgEP3mAf0Mq6oqP6uqKj+rqio/q6oqP/3kASAQ/eYB/QwAAABAAAAAQAAAAEAAAABA/eQBIA/95gH95AH95QH95gEgC/1O/R8AOAIAIAVBAWohBQwBCwsL7QYDAn8GewF8A0AgAiAESgRAIAwgACAEQQJ0aioCALugIQwgBEEBaiEEDAELCyAMIAK3RAAAAAAAAPA/IAJBAEobo7b9EyELIAP9EyEKIAOM/RMhCQNAIAVBBGoiBCACTARAIAogCSAAIAVBAnQiBWr9AAQAIAv95QH96QH96AEiCP0MAACuwgAArsIAAK7CAACuwv3pASIG/Qw7qrg/O6q4PzuquD87qrg//eYB/WohByABIAVq/QxhC7Y6YQu2OmELtjphC7Y6IAYgB/0MAHIxPwByMT8AcjE/AHIxP/3mAf3lASAH/QyOvr81jr6/NY6+vzWOvr81/eYB/eUBIgb95gH9DImICDyJiAg8iYgIPImICDz95AEgBv3mAf0Mq6oqPauqKj2rqio9q6oqPf3kASAG/eYB/Qyrqio+q6oqPquqKj6rqio+/eQBIAb95gH9DAAAAD8AAAA/AAAAPwAAAD/95AEgBv3mAf0MAACAPwAAgD8AAIA/AACAP/3kASAG/eYB/QwAAIA/AACAPwAAgD8AAIA//eQBIAf9+AH9DH8AAAB/AAAAfwAAAH8AAAD9rgFBF/2rAf3mASAI/QwAAK7CAACuwgAArsIAAK7C/UT9Tv0LBAAgBCEFDAELCwNAIAIgBUoEQCAKIAkgACAFQQJ0IgRqKgIA/RMgC/3lAf3pAf3oASII/QwAAK7CAACuwgAArsIAAK7C/ekBIgb9DDuquD87qrg/O6q4PzuquD/95gH9aiEHIAEgBGr9DGELtjphC7Y6YQu2OmELtjogBiAH/QwAcjE/AHIxPwByMT8AcjE//eYB/eUBIAf9DI6+vzWOvr81jr6/NY6+vzX95gH95QEiBv3mAf0MiYgIPImICDyJiAg8iYgIPP3kASAG/eYB/Qyrqio9q6oqPauqKj2rqio9/eQBIAb95gH9DKuqKj6rqio+q6oqPquqKj795AEgBv3mAf0MAAAAPwAAAD8AAAA/AAAAP/3kASAG/eYB/QwAAIA/AACAPwAAgD8AAIA//eQBIAb95gH9DAAAgD8AAIA/AACAPwAAgD/95AEgB/34Af0MfwAAAH8AAAB/AAAAfwAAAP2uAUEX/asB/eYBIAj9DAAArsIAAK7CAACuwgAArsL9RP1O/R8AOAIAIAVBAWohBQwBCwsL5QcDCX8BewF9IwpBAWoiByMKIAVsaiEGIAcjCiAEbGohBANAIARBBGoiBSAGTARAIARBAnQiByMIav0ABAAhDyACIAdqIA8gACAHav0ABAD95gEjACAHav0ABAAgACAEQQFrQQJ0Iglq/QAEAP3mASMBIAdq/QAEACAAIARBAWpBAnQiCmr9AAQA/eYB/eQBIwIgB2r9AAQAIAAgBCMKayIIQQJ0Igtq/QAEAP3mASMDIAdq/QAEACAAIAQjCmoiBEECdCIMav0ABAD95gH95AH95AEjBCAHav0ABAAgACAIQQFrQQJ0Ig1q/QAEAP3mASMFIAdq/QAEACAAIAhBAWpBAnQiCGr9AAQA/eYB/eQB/eQBIwYgB2r9AAQAIAAgBEEBa0ECdCIOav0ABAD95gEjByAHav0ABAAgACAEQQFqQQJ0IgRq/QAEAP3mAf3kAf3kAf3lAf0LBAAgAyAHaiAPIAEgB2r9AAQA/eYBIAcjAGr9AAQAIAEgCWr9AAQA/eYBIAcjAWr9AAQAIAEgCmr9AAQA/eYB/eQBIAcjAmr9AAQAIAEgC2r9AAQA/eYBIAcjA2r9AAQAIAEgDGr9AAQA/eYB/eQB/eQBIAcjBGr9AAQAIAEgDWr9AAQA/eYBIAcjBWr9AAQAIAEgCGr9AAQA/eYB/eQB/eQBIAcjBmr9AAQAIAEgDmr9AAQA/eYBIAcjB2r9AAQAIAEgBGr9AAQA/eYB/eQB/eQB/eUB/QsEACAFIQQMAQsLA0AgBCAGSARAIARBAnQiBSMIaioCACEQIAQjCmshByAEIwpqIQggAiAFaiAQIAAgBWoqAgCUIwAgBWoqAgAgACAEQQFrQQJ0IglqKgIAlCMBIAVqKgIAIAAgBEEBaiIEQQJ0IgpqKgIAlJIjAiAFaioCACAAIAdBAnQiC2oqAgCUkiMDIAVqKgIAIAAgCEECdCIMaioCAJSSIwQgBWoqAgAgACAHQQFrQQJ0Ig1qKgIAlJIjBSAFaioCACAAIAdBAWpBAnQiB2oqAgCUkiMGIAVqKgIAIAAgCEEBa0ECdCIOaioCAJSSIwcgBWoqAgAgACAIQQFqQQJ0IghqKgIAlJKTOAIAIAMgBWogECABIAVqKgIAlCAFIwBqKgIAIAEgCWoqAgCUIAUjAWoqAgAgASAKaioCAJSSIAUjAmoqAgAgASALaioCAJSSIAUjA2oqAgAgASAMaioCAJSSIAUjBGoqAgAgASANaioCAJSSIAUjBWoqAgAgASAHaioCAJSSIAUjBmoqAgAgASAOaioCAJSSIAUjB2oqAgAgASAIaioCAJSSkzgCAAwBCwsL/RkCD3wKfyAGQQJ0ISIgCEEFbCEgA0AgCyAMSARAIAtBAXEhH0EAISEDQCAGICFKBEAgBSAHIAYgC2xqICFqIhxBAnQiHSIeQQJ0aioCALshEyAFIB5BAWpBAnRqKgIAuyISRAAAAAAAAAAAYSATRAAAAAAAAAAAYXEgBSAeQQJqQQJ0aioCALsiEUQAAAAAAAAAAGFxIAUgHkEDakECdGoqAgC7IhdEAAAAAAAAAABhcUUEQCADIBwgBmsiI0EBa0ECdGoqAgC7miEYIAIgI0ECdGoqAgC7miEQIAQgI0EBakECdGoqAgC7miEZIAEgHEEBa0ECdGoqAgC7miEPIAAgHEEDdGorAwAhDiABIB1qKgIAu5ohDSAEIB1qKgIAu5ohFCACIB1qKgIAu5ohFiADIB1qKgIAu5ohFSAJIAtBAXUgCGxqICFBAXVqQQVsIR0gIUEBcSAfQQF0ciIcBEAgHEEBRgRAIAogHUEDdGoiHCAcKwMAIBMgGKIgBSAeICJrIhxBAmtBAnRqKgIAu6IgEyAQoiIRIAUgHEECakECdGoqAgC7oqAgEyAPoiAFIB5BBGtBAnRqKgIAu6KgIBMgDqIiDyAToqAgEyAUoiIXIAUgHiAiaiIjQQRrQQJ0aioCALuioCATIBaiIhggBSAjQQJ0aioCALuioKA5AwAgCiAdQQFqQQN0aiIkICQrAwAgESAFIBxBA2pBAnRqKgIAu6IgEyAZoiAFIBxBBmpBAnRqKgIAu6KgIA8gBSAeQQFqQQJ0aioCALuioCATIA2iIAUgHkEEakECdGoqAgC7oqAgGCAFICNBAWpBAnRqKgIAu6KgIBMgFaIiDyAFICNBBGpBAnRqKgIAu6KgoDkDACAKIB1BAmpBA3RqIiQgJCsDACAXIAUgI0ECa0ECdGoqAgC7oiAYIAUgI0ECakECdGoqAgC7oqCgOQMAIAogHUEDakEDdGoiJCAkKwMAIBggBSAjQQNqQQJ0aioCALuiIA8gBSAjQQZqQQJ0aioCALuioKA5AwAgCiAdQQVqQQN0aiIkICQrAwAgEiAQoiAFIBxBA2pBAnRqKgIAu6IgEiAZoiAFIBxBBmpBAnRqKgIAu6KgIBIgDqIgBSAeQQFqQQJ0aioCALuioCASIA2iIAUgHkEEakECdGoqAgC7oqAgEiAWoiINIAUgI0EBakECdGoqAgC7oqAgEiAVoiIOIAUgI0EEakECdGoqAgC7oqCgOQMAIAogHUEHakEDdGoiHCAcKwMAIA0gBSAjQQNqQQJ0aioCALuiIA4gBSAjQQZqQQJ0aioCALuioKA5AwAgCiAdQQlqQQN0aiIcIBwrAwAgEiAUoiAFICNBAmtBAnRqKgIAu6IgDSAFICNBAmpBAnRqKgIAu6KgoDkDAAUgHEECRgRAIAogHUEDdGoiHCAcKwMAIBMgGKIgBSAeICJrIhxBA2tBAnRqKgIAu6IgEyAQoiAFIBxBAnRqKgIAu6KgIBMgGaIiECAFIBxBBGpBAnRqKgIAu6KgIBMgD6IiEiAFIB5BA2tBAnRqKgIAu6KgIBMgDqIiFyAFIB5BAnRqKgIAu6KgIBMgDaIiGCAFIB5BBGpBAnRqKgIAu6KgoDkDACAKIB1BAWoiI0EDdGoiJCAkKwMAIBAgBSAcQQVqQQJ0aioCALuiIBggBSAeQQVqQQJ0aioCALuioKA5AwAgCiAdQQJqQQN0aiIcIBwrAwAgEiAFIB5BAWtBAnRqKgIAu6IgFyAFIB5BAmpBAnRqKgIAu6KgIBggBSAeQQZqQQJ0aioCALuioCATIBSiIhAgBSAeICJqIhxBA2tBAnRqKgIAu6KgIBMgFqIgBSAcQQJ0aioCALuioCATIBWiIhMgBSAcQQRqQQJ0aioCALuioKA5AwAgCiAdQQNqQQN0aiIkICQrAwAgGCAFIB5BB2pBAnRqKgIAu6IgEyAFIBxBBWpBAnRqKgIAu6KgoDkDACAKIB1BBGpBA3RqIiQgJCsDACASIAUgHkECa0ECdGoqAgC7oiAQIAUgHEEEa0ECdGoqAgC7oqCgOQMAIAogHSAgakEDdGoiHSAdKwMAIBEgD6IgBSAeQQFrQQJ0aioCALuiIBEgDqIgBSAeQQJqQQJ0aioCALuioCARIA2iIg0gBSAeQQZqQQJ0aioCALuioCARIBSiIAUgHEEDa0ECdGoqAgC7oqAgESAWoiAFIBxBAnRqKgIAu6KgIBEgFaIiDiAFIBxBBGpBAnRqKgIAu6KgoDkDACAKICAgI2pBA3RqIh0gHSsDACANIAUgHkEHakECdGoqAgC7oiAOIAUgHEEFakECdGoqAgC7oqCgOQMABSAcQQNGBEAgCiAdQQN0aiIcIBwrAwAgEyAYoiAFIB4gImsiHEEEa0ECdGoqAgC7oiATIBCiIhggBSAcQQJ0aioCALuioCATIA+iIhogBSAeQQRrQQJ0aioCALuioCATIA6iIhsgBSAeQQJ0aioCALuioKA5AwAgCiAdQQFqIiNBA3RqIiQgJCsDACAYIAUgHEEBakECdGoqAgC7oiATIBmiIAUgHEEEakECdGoqAgC7oqAgGyAFIB5BAWpBAnRqKgIAu6KgIBMgDaIiGCAFIB5BBGpBAnRqKgIAu6KgoDkDACAKIB1BAmpBA3RqIiQgJCsDACAaIAUgHkECa0ECdGoqAgC7oiAbIAUgHkECakECdGoqAgC7oqAgEyAUoiAFIB4gImoiJEEEa0ECdGoqAgC7oqAgEyAWoiIaIAUgJEECdGoqAgC7oqCgOQMAIAogHUEDakEDdGoiJSAlKwMAIBsgBSAeQQNqQQJ0aioCALuiIBggBSAeQQZqQQJ0aioCALuioCAaIAUgJEEBakECdGoqAgC7oqAgEyAVoiAFICRBBGpBAnRqKgIAu6KgoDkDACAKIB0gIGpBA3RqIiUgJSsDACARIA+iIAUgHkECa0ECdGoqAgC7oiARIA6iIhMgBSAeQQJqQQJ0aioCALuioCARIBSiIAUgJEEEa0ECdGoqAgC7oqAgESAWoiIYIAUgJEECdGoqAgC7oqCgOQMAIAogICAjakEDdGoiIyAjKwMAIBMgBSAeQQNqQQJ0aioCALuiIBEgDaIgBSAeQQZqQQJ0aioCALuioCAYIAUgJEEBakECdGoqAgC7oqAgESAVoiAFICRBBGpBAnRqKgIAu6KgoDkDACAKIB1BBWoiI0EDdGoiJSAlKwMAIBIgEKIgBSAcQQFqQQJ0aioCALuiIBIgGaIgBSAcQQRqQQJ0aioCALuioCASIA6iIhAgBSAeQQFqQQJ0aioCALuioCASIA2iIhEgBSAeQQRqQQJ0aioCALuioKA5AwAgCiAdQQdqQQN0aiIcIBwrAwAgECAFIB5BA2pBAnRqKgIAu6IgESAFIB5BBmpBAnRqKgIAu6KgIBIgFqIiESAFICRBAWpBAnRqKgIAu6KgIBIgFaIgBSAkQQRqQQJ0aioCALuioKA5AwAgCiAdQQlqQQN0aiIcIBwrAwAgEiAPoiAFIB5BAmtBAnRqKgIAu6IgECAFIB5BAmpBAnRqKgIAu6KgIBIgFKIgBSAkQQRrQQJ0aioCALuioCARIAUgJEECdGoqAgC7oqCgOQMAIAogICAjakEDdGoiHCAcKwMAIBcgDqIgBSAeQQNqQQJ0aioCALuiIBcgDaIgBSAeQQZqQQJ0aioCALuioCAXIBaiIAUgHiAiakEBakECdGoqAgC7oqAgFyAVoiAFIB4gImpBBGpBAnRqKgIAu6KgoDkDAAsLCwUgCiAdQQN0aiIcIBwrAwAgEyAYoiAFIB4gImsiHEEBa0ECdGoqAgC7oiATIBCiIAUgHEECakECdGoqAgC7oqAgEyAZoiIQIAUgHEEGakECdGoqAgC7oqAgEyAPoiAFIB5BA2tBAnRqKgIAu6KgIBMgDqIgE6KgIBMgDaIiDSAFIB5BBGpBAnRqKgIAu6KgIBMgFKIiDiAFIB4gImoiI0EDa0ECdGoqAgC7oqAgEyAWoiIPIAUgI0ECdGoqAgC7oqAgEyAVoiIRIAUgI0EEakECdGoqAgC7oqCgOQMAIAogHUEBakEDdGoiJCAkKwMAIBAgBSAcQQdqQQJ0aioCALuiIA0gBSAeQQVqQQJ0aioCALuioCARIAUgI0EFakECdGoqAgC7oqCgOQMAIAogHUECakEDdGoiHCAcKwMAIA4gBSAjQQFrQQJ0aioCALuiIA8gBSAjQQJqQQJ0aioCALuioCARIAUgI0EGakECdGoqAgC7oqCgOQMAIAogHUEDakEDdGoiHCAcKwMAIBEgBSAjQQdqQQJ0aioCALuioDkDACAKIB1BBGpBA3RqIhwgHCsDACAOIAUgI0ECa0ECdGoqAgC7oqA5AwALCyAhQQFqISEMAQsLIAtBAWohCwwBCwsL";

// dist/solve/wasm/arena.js
var PAGE = 65536;
var EARLY_ATTACH_BYTES = 8 << 20;
var BASE = 1024;
var compiled;
var compiledShared;
function disabled() {
  const env = globalThis.process?.env;
  return env?.COLORIZE_WASM === "0";
}
function compile(base64) {
  try {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++)
      bytes[i] = text.charCodeAt(i);
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}
function kernelModule() {
  if (disabled())
    return null;
  if (compiled === void 0)
    compiled = compile(KERNELS_WASM_BASE64);
  return compiled;
}
function sharedKernelModule() {
  if (!kernelModule())
    return null;
  if (compiledShared === void 0)
    compiledShared = compile(KERNELS_SHARED_WASM_BASE64);
  return compiledShared;
}
function wasmKernelsAvailable() {
  return kernelModule() !== null;
}
var arenas = /* @__PURE__ */ new WeakMap();
var WasmArena = class _WasmArena {
  memory;
  kernels;
  top = BASE;
  /** Start of the planes taken from the end of the memory (the memory's size while none are). */
  low;
  /** Highest bottom and lowest top address ever handed out: memory beyond them is still zero. */
  topHigh = BASE;
  lowLow;
  inUseHigh = BASE;
  operators = /* @__PURE__ */ new WeakMap();
  current = null;
  /** The current operator's `operator` arguments, for the helper thread. */
  operatorArgs = null;
  rows = null;
  /** The helper thread running one block of each split kernel, where there is one. */
  helper;
  module;
  constructor(memory, kernels, module, helper3) {
    this.memory = memory;
    this.kernels = kernels;
    this.module = module;
    this.helper = helper3;
    this.low = memory.buffer.byteLength;
    this.lowLow = this.low;
  }
  /**
   * An arena of at least `bytes` bytes, or null when the kernels are unavailable or it is too
   * large. With `threads` (for the solves' arenas; default false) and where there is a helper
   * thread (./helper-thread.ts), its memory is shared and the helper runs one block of every split
   * kernel; the results are the same either way (../row-blocks.ts).
   */
  static create(bytes, options = {}) {
    const plain = kernelModule();
    if (!plain)
      return null;
    const pages = Math.ceil((bytes + BASE) / PAGE);
    if (pages > 65536)
      return null;
    const helper3 = options.threads ? kernelHelper() : null;
    const shared = helper3 ? sharedKernelModule() : null;
    const module = shared ?? plain;
    try {
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: !!shared });
      adviseHugePages(memory.buffer);
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      const kernels = instance.exports;
      const arena = new _WasmArena(memory, kernels, module, shared ? helper3 : null);
      if (shared && helper3 && bytes >= EARLY_ATTACH_BYTES)
        helper3.attach(memory, module, options.prefault ? [BASE, memory.buffer.byteLength] : void 0);
      arenas.set(memory.buffer, arena);
      return arena;
    } catch {
      return null;
    }
  }
  /** A zeroed Float32Array of `length` in the arena (16-byte aligned), from the bottom or the top. */
  f32(length, end = "bottom") {
    const at = this.take(length * 4, end);
    return new Float32Array(this.memory.buffer, at, length);
  }
  /** A zeroed Float64Array of `length` in the arena (16-byte aligned), from the bottom or the top. */
  f64(length, end = "bottom") {
    const at = this.take(length * 8, end);
    return new Float64Array(this.memory.buffer, at, length);
  }
  /** Where both ends of the allocator stand now, for {@link WasmArena.release}. */
  mark() {
    return { bottom: this.top, top: this.low };
  }
  /**
   * Hands back everything taken since `mark` at both ends; views of it must not be used again.
   * Operators registered on released planes must not be selected again either.
   */
  release(mark) {
    if (mark.bottom > this.top || mark.top < this.low)
      throw new Error("wasm arena: release of a mark older than the last release");
    this.top = mark.bottom;
    this.low = mark.top;
    if (this.rows && (this.rows[0].byteOffset >= this.top || this.rows[0].byteOffset < this.low))
      this.rows = null;
    this.current = null;
    this.operatorArgs = null;
  }
  /** Hands back what was taken from the top since `mark`; the bottom stays as it is. */
  releaseTop(mark) {
    this.release({ bottom: this.top, top: mark.top });
  }
  /** The most bytes ever in use at once (both ends together, from address 0): what this arena's work needed. */
  get highWater() {
    return this.inUseHigh;
  }
  /** Bytes between the two ends: what can still be taken. */
  free() {
    return this.low - this.top;
  }
  /**
   * Hands the whole arena out again from the start; every earlier view now aliases new ones, and
   * new views are no longer zeroed. For scratch use only (./setup-arena.ts), never with registered operators.
   */
  reset() {
    this.top = BASE;
  }
  /** A Uint8Array of `length` in the arena, zeroed or filled with `value`. */
  u8(length, end = "bottom", value = 0) {
    const at = this.take(length, end);
    if (value)
      this.kernels.fill8(at, value, length);
    return new Uint8Array(this.memory.buffer, at, length);
  }
  /** A Float32Array copy of `src` in the arena. */
  copy32(src, end = "bottom") {
    const out = this.f32(src.length, end);
    out.set(src);
    return out;
  }
  take(bytes, end = "bottom") {
    const size = bytes + 15 & ~15;
    const at = end === "top" ? this.low - size : this.top;
    const next = at + size;
    if (at < this.top || next > this.low)
      throw new Error(`wasm arena full: ${size} more bytes, ${this.low - this.top} free of ${this.memory.buffer.byteLength}`);
    if (end === "top")
      this.low = at;
    else
      this.top = next;
    if (at < this.topHigh)
      this.kernels.zero(at, Math.min(next, this.topHigh) - at);
    if (next > this.lowLow) {
      const from = Math.max(at, this.lowLow);
      this.kernels.zero(from, next - from);
    }
    if (end === "top")
      this.lowLow = Math.min(this.lowLow, at);
    else
      this.topHigh = Math.max(this.topHigh, next);
    this.inUseHigh = Math.max(this.inUseHigh, this.top + this.memory.buffer.byteLength - this.low);
    return at;
  }
  /** Whether `view` (of any element type) lies in this arena's memory. */
  owns(view) {
    return view.buffer === this.memory.buffer;
  }
  /** Whether every array is a Float32Array view into this arena. */
  holds(...arrays) {
    const buf = this.memory.buffer;
    for (const a of arrays)
      if (!(a instanceof Float32Array) || a.buffer !== buf)
        return false;
    return true;
  }
  /**
   * A general 9-point operator (./general-stencil9.ts) whose coupling planes are in this arena:
   * its diagonal and inverse diagonal are added as single-precision planes and it is registered.
   */
  registerGeneral(A) {
    const [w, e, n, s, nw, ne, sw, se] = A.c.map((c) => this.address(c));
    const { diag, inv } = A.diag instanceof Float32Array && this.holds(A.diag) ? this.inverse(A.diag) : this.diagonals(A.diag);
    this.operators.set(A, [w, e, n, s, nw, ne, sw, se, diag, inv]);
  }
  /**
   * A symmetric stencil (./stencil9.ts) in this arena: the same operator as a general one whose
   * planes are its own shifted by one neighbour (c_W[i] = e[i − 1], c_N[i] = s[i − W], …).
   */
  registerSymmetric(A, end = "bottom") {
    const W = A.width;
    const e = this.address(A.e);
    const s = this.address(A.s);
    const se = this.address(A.se);
    const sw = this.address(A.sw);
    const { diag, inv } = this.diagonals(A.diag, end);
    this.operators.set(A, [e - 4, e, s - 4 * W, s, se - 4 * (W + 1), sw - 4 * (W - 1), sw, se, diag, inv]);
  }
  inverse(d) {
    const inv = this.f32(d.length);
    this.kernels.inverse32(d.byteOffset, inv.byteOffset, d.length);
    return { diag: d.byteOffset, inv: inv.byteOffset };
  }
  diagonals(d, end = "bottom") {
    const diag = this.f32(d.length, end);
    const inv = this.f32(d.length, end);
    if (d instanceof Float64Array && this.owns(d)) {
      this.kernels.diagonals64(d.byteOffset, diag.byteOffset, inv.byteOffset, d.length);
      return { diag: diag.byteOffset, inv: inv.byteOffset };
    }
    for (let i = 0; i < d.length; i++) {
      diag[i] = d[i];
      inv[i] = d[i] !== 0 ? 1 / d[i] : 0;
    }
    return { diag: diag.byteOffset, inv: inv.byteOffset };
  }
  address(a) {
    if (a.buffer !== this.memory.buffer)
      throw new Error("wasm arena: plane is not in this arena");
    return a.byteOffset;
  }
  /** Whether `A` is registered in this arena. */
  registered(A) {
    return this.operators.has(A);
  }
  /** Selects a registered operator for the next kernel calls; false if it is not registered here. */
  use(A, width, height) {
    if (this.current === A)
      return true;
    const p = this.operators.get(A);
    if (!p)
      return false;
    this.kernels.operator(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], width, height);
    this.current = A;
    this.operatorArgs = [...p, width, height];
    return true;
  }
  /**
   * Four scratch rows of at least `width + 4` floats for the Gauss–Seidel kernels: two for this
   * thread, two for the helper's block.
   */
  scratchRows(width) {
    if (!this.rows || this.rows[0].length < width + 4)
      this.rows = [0, 1, 2, 3].map(() => this.f32(width + 8));
    const [a, b, c, d] = this.rows.map((r) => r.byteOffset);
    return [a, b, c, d];
  }
  /** Whether this arena's split kernels run one block on a helper thread. */
  get threaded() {
    return this.helper !== null;
  }
  /**
   * Lets the helper thread drop this arena's memory (call when the arena's work is done, so the
   * memory can be collected); the arena still works, single-threaded until it is next split.
   */
  releaseHelper() {
    this.helper?.detach(this.memory);
  }
  /**
   * `kernel`(...argsA, ...a) here and `kernel`(...argsB, ...b) at the same time on the helper
   * thread where there is one (one after the other otherwise); the sum of their results, a's first.
   * `operator`: the kernel reads the current operator.
   */
  pair(kernel, argsA, a, argsB, b, operator) {
    return this.together(kernel, [...argsA, a[0], a[1]], [...argsB, b[0], b[1]], operator);
  }
  /**
   * `kernel`(...argsA) here and `kernel`(...argsB) at the same time on the helper thread where
   * there is one (one after the other otherwise); the sum of their results, a's first. The two
   * calls must not write what the other reads or writes.
   */
  together(kernel, argsA, argsB, operator = false) {
    const run = this.kernels[kernel];
    const h = this.helper;
    if (!h)
      return (run(...argsA) ?? 0) + (run(...argsB) ?? 0);
    if (!h.attachedTo(this.memory))
      h.attach(this.memory, this.module);
    h.start(kernel, argsB, operator ? this.operatorArgs : null);
    let ra;
    try {
      ra = run(...argsA) ?? 0;
    } catch (e) {
      h.join();
      throw e;
    }
    return ra + h.join();
  }
  /** A kernel over grid rows: split at ../row-blocks.ts's row where the grid is large enough. */
  rowsOf(kernel, args, width, height, operator) {
    const m = splitRow(width, height);
    if (!m)
      this.kernels[kernel](...args, 0, height);
    else
      this.pair(kernel, args, [0, m], args, [m, height], operator);
  }
  /**
   * An accumulating kernel over fine rows (fine row y adds into coarse rows ⌊y/2⌋ and ⌊y/2⌋ + 1:
   * the restriction, the Galerkin product) in ../row-blocks.ts's order, its two blocks at once.
   */
  accumulateRowsOf(kernel, args, width, height) {
    accumulateInBlockOrder(width, height, (from, to) => this.kernels[kernel](...args, from, to), (a, b) => this.pair(kernel, args, a, args, b, false));
  }
  /** A kernel over an index range [from, to), split in two where long enough; the sum of its results. */
  rangeOf(kernel, args, from, to) {
    const s = splitIndex(from, to);
    if (s === to)
      return this.kernels[kernel](...args, from, to) ?? 0;
    return this.pair(kernel, args, [from, s], args, [s, to], false);
  }
};
function arenaOf(a) {
  return a instanceof Float32Array ? arenas.get(a.buffer) : void 0;
}
function zeroVector(v, from = 0, to = v.length) {
  const k = arenaOf(v);
  if (!k || to <= from)
    v.fill(0, from, to);
  else
    k.kernels.zero(v.byteOffset + 4 * from, 4 * (to - from));
}
function copyVector(dst, src) {
  const k = arenaOf(dst);
  if (k?.holds(src) && src.length === dst.length)
    k.kernels.copy(dst.byteOffset, src.byteOffset, 4 * src.length);
  else
    dst.set(src);
}
function planeBytes(length, count = 1) {
  return count * (length * 4 + 15 & ~15);
}
function wasmApply2(A, x0, x1, y0, y1) {
  const k = arenaOf(x0);
  if (!k?.holds(x1, y0, y1) || !k.use(A, A.width, A.height))
    return false;
  k.rowsOf("apply2", [x0.byteOffset, x1.byteOffset, y0.byteOffset, y1.byteOffset], A.width, A.height, true);
  return true;
}
function wasmResidual2(A, x0, x1, b0, b1, r0, r1) {
  const k = arenaOf(x0);
  if (!k?.holds(x1, b0, b1, r0, r1) || !k.use(A, A.width, A.height))
    return false;
  const args = [x0.byteOffset, x1.byteOffset, b0.byteOffset, b1.byteOffset, r0.byteOffset, r1.byteOffset];
  k.rowsOf("residual2", args, A.width, A.height, true);
  return true;
}
function wasmGaussSeidel2(A, x0, x1, b0, b1, backward, fromZero) {
  const k = arenaOf(x0);
  if (!k?.holds(x1, b0, b1) || !k.use(A, A.width, A.height))
    return false;
  const { width: W, height: H } = A;
  const [t0, t1, t2, t3] = k.scratchRows(W);
  const planes = [x0.byteOffset, x1.byteOffset, b0.byteOffset, b1.byteOffset];
  const mine = [...planes, t0, t1];
  const theirs = [...planes, t2, t3];
  const sweep = (from, to, back) => k.kernels.gs2(...mine, back ? 1 : 0, from, to);
  if (fromZero)
    sweepFromZeroInBlockOrder(W, H, [x0, x1], (from, to) => k.kernels.gsFromZero2(...mine, from, to), sweep, (a, b) => k.pair("gsFromZero2", mine, a, theirs, b, true));
  else {
    const dir = backward ? 1 : 0;
    sweepInBlockOrder(W, H, backward, sweep, (a, b) => k.pair("gs2", [...mine, dir], a, [...theirs, dir], b, true));
  }
  return true;
}
function wasmRestrict2(q, W, H, r0, r1, c0, c1, Wc, f) {
  const k = arenaOf(r0);
  if (!k?.holds(q, r1, c0, c1) || f && !k.holds(f))
    return false;
  const args = [
    q.byteOffset,
    q.length >> 2,
    f ? f.byteOffset : 0,
    r0.byteOffset,
    r1.byteOffset,
    c0.byteOffset,
    c1.byteOffset,
    W,
    Wc
  ];
  k.accumulateRowsOf("restrict2", args, W, H);
  return true;
}
function wasmProlongAdd2(q, W, H, e0, e1, x0, x1, Wc) {
  const k = arenaOf(x0);
  if (!k?.holds(q, e0, e1, x1))
    return false;
  const args = [
    q.byteOffset,
    q.length >> 2,
    e0.byteOffset,
    e1.byteOffset,
    x0.byteOffset,
    x1.byteOffset,
    W,
    Wc
  ];
  k.rowsOf("prolongAdd2", args, W, H, false);
  return true;
}
function wasmDot(a, b, from, to) {
  const k = arenaOf(a);
  if (!k?.holds(b))
    return void 0;
  return k.rangeOf("dot", [a.byteOffset, b.byteOffset], from, to);
}
function wasmBicgDirection(p, r, v, beta, omega, from, to) {
  const k = arenaOf(p);
  if (!k?.holds(r, v))
    return false;
  k.rangeOf("bicgDirection", [p.byteOffset, r.byteOffset, v.byteOffset, beta, omega], from, to);
  return true;
}
function wasmScale2(f, r0, r1, s0, s1, from, to) {
  const k = arenaOf(f);
  if (!k?.holds(r0, r1, s0, s1))
    return false;
  k.rangeOf("scale2", [f.byteOffset, r0.byteOffset, r1.byteOffset, s0.byteOffset, s1.byteOffset], from, to);
  return true;
}
function wasmBicgStep(r, v, x, h, a, from, to) {
  const k = arenaOf(r);
  if (!k?.holds(v, x, h))
    return void 0;
  return k.rangeOf("bicgStep", [r.byteOffset, v.byteOffset, x.byteOffset, h.byteOffset, a], from, to);
}
function planarWeights(arena, q) {
  const len = q.length >> 2;
  const out = arena.f32(q.length);
  if (arena.owns(q)) {
    arena.kernels.deinterleave4(q.byteOffset, out.byteOffset, len);
    return out;
  }
  for (let i = 0; i < len; i++) {
    out[i] = q[4 * i];
    out[len + i] = q[4 * i + 1];
    out[2 * len + i] = q[4 * i + 2];
    out[3 * len + i] = q[4 * i + 3];
  }
  return out;
}

// dist/solve/stencil9.js
function padFor(width) {
  return width + 1;
}
function gridVector(width, height) {
  return new Float64Array(width * height + 2 * padFor(width));
}
function gridVector32(width, height) {
  return new Float32Array(width * height + 2 * padFor(width));
}
function createStencil9(width, height) {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  return {
    width,
    height,
    pad,
    diag: new Float64Array(len),
    e: new Float32Array(len),
    s: new Float32Array(len),
    se: new Float32Array(len),
    sw: new Float32Array(len)
  };
}
function toGrid(plane, width, height, out) {
  const g = out ?? gridVector(width, height);
  const pad = padFor(width);
  for (let i = 0; i < width * height; i++)
    g[pad + i] = plane[i];
  return g;
}
function fromGrid(g, width, height) {
  const n = width * height;
  const pad = padFor(width);
  const out = new Float32Array(n);
  out.set(g.subarray(pad, pad + n));
  return out;
}
function applyStencil9x2(A, x0, x1, y0, y1) {
  if (wasmApply2(A, x0, x1, y0, y1))
    return;
  const { width: w, pad, diag, e, s, se, sw } = A;
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    const cE = e[i];
    const cW = e[i - 1];
    const cS = s[i];
    const cN = s[i - w];
    const cSE = se[i];
    const cNW = se[i - w - 1];
    const cSW = sw[i];
    const cNE = sw[i - w + 1];
    const d = diag[i];
    y0[i] = d * x0[i] - cE * x0[i + 1] - cW * x0[i - 1] - cS * x0[i + w] - cN * x0[i - w] - cSE * x0[i + w + 1] - cNW * x0[i - w - 1] - cSW * x0[i + w - 1] - cNE * x0[i - w + 1];
    y1[i] = d * x1[i] - cE * x1[i + 1] - cW * x1[i - 1] - cS * x1[i + w] - cN * x1[i - w] - cSE * x1[i + w + 1] - cNW * x1[i - w - 1] - cSW * x1[i + w - 1] - cNE * x1[i - w + 1];
  }
}
function gaussSeidel9x2(A, x0, x1, b0, b1, backward) {
  if (wasmGaussSeidel2(A, x0, x1, b0, b1, backward, false))
    return;
  sweepInBlockOrder(A.width, A.height, backward, (from, to, back) => sweepRows(A, x0, x1, b0, b1, from, to, back));
}
function sweepRows(A, x0, x1, b0, b1, from, to, backward) {
  const { width: w, pad, diag, e, s, se, sw } = A;
  const n = (to - from) * w;
  const step = backward ? -1 : 1;
  for (let k = 0, i = backward ? pad + to * w - 1 : pad + from * w; k < n; k++, i += step) {
    const cE = e[i];
    const cW = e[i - 1];
    const cS = s[i];
    const cN = s[i - w];
    const cSE = se[i];
    const cNW = se[i - w - 1];
    const cSW = sw[i];
    const cNE = sw[i - w + 1];
    const inv = 1 / diag[i];
    x0[i] = (b0[i] + cE * x0[i + 1] + cW * x0[i - 1] + cS * x0[i + w] + cN * x0[i - w] + cSE * x0[i + w + 1] + cNW * x0[i - w - 1] + cSW * x0[i + w - 1] + cNE * x0[i - w + 1]) * inv;
    x1[i] = (b1[i] + cE * x1[i + 1] + cW * x1[i - 1] + cS * x1[i + w] + cN * x1[i - w] + cSE * x1[i + w + 1] + cNW * x1[i - w - 1] + cSW * x1[i + w - 1] + cNE * x1[i - w + 1]) * inv;
  }
}
function gaussSeidelFromZero9x2(A, x0, x1, b0, b1) {
  if (wasmGaussSeidel2(A, x0, x1, b0, b1, false, true))
    return;
  const { width: w, pad, diag, e, s, se, sw } = A;
  sweepFromZeroInBlockOrder(A.width, A.height, [x0, x1], (from, to) => {
    const end = pad + to * w;
    for (let i = pad + from * w; i < end; i++) {
      const cW = e[i - 1];
      const cN = s[i - w];
      const cNW = se[i - w - 1];
      const cNE = sw[i - w + 1];
      const inv = 1 / diag[i];
      x0[i] = (b0[i] + cW * x0[i - 1] + cN * x0[i - w] + cNW * x0[i - w - 1] + cNE * x0[i - w + 1]) * inv;
      x1[i] = (b1[i] + cW * x1[i - 1] + cN * x1[i - w] + cNW * x1[i - w - 1] + cNE * x1[i - w + 1]) * inv;
    }
  }, (from, to, back) => sweepRows(A, x0, x1, b0, b1, from, to, back));
}
function coupling9(A, i, dx, dy) {
  const w = A.width;
  if (dy === 0)
    return dx === 0 ? A.diag[i] : dx > 0 ? A.e[i] : A.e[i - 1];
  if (dy > 0)
    return dx === 0 ? A.s[i] : dx > 0 ? A.se[i] : A.sw[i];
  return dx === 0 ? A.s[i - w] : dx > 0 ? A.sw[i - w + 1] : A.se[i - w - 1];
}

// dist/solve/banded-cholesky.js
function factorBandInPlace(n, b, L) {
  const stride = b + 1;
  for (let i = 0; i < n; i++) {
    const ri = i * stride - i + b;
    const j0 = Math.max(0, i - b);
    for (let j = j0; j <= i; j++) {
      const rj = j * stride - j + b;
      let sum = L[ri + j];
      const k0 = Math.max(j0, j - b);
      for (let k = k0; k < j; k++)
        sum -= L[ri + k] * L[rj + k];
      if (j === i) {
        if (!(sum > 0)) {
          throw new ColorizeError(`band Cholesky: pivot ${i} is ${sum}; the matrix is not positive definite`, "internal");
        }
        L[ri + i] = Math.sqrt(sum);
      } else {
        L[ri + j] = sum / L[rj + j];
      }
    }
  }
  return { n, bandwidth: b, factor: L };
}
function bandSolve(F, x) {
  const { n, bandwidth: b, factor: L } = F;
  const stride = b + 1;
  for (let i = 0; i < n; i++) {
    const ri = i * stride - i + b;
    let s = x[i];
    for (let k = Math.max(0, i - b); k < i; k++)
      s -= L[ri + k] * x[k];
    x[i] = s / L[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    x[i] /= L[i * stride + b];
    const xi = x[i];
    const ri = i * stride - i + b;
    for (let k = Math.max(0, i - b); k < i; k++)
      x[k] -= L[ri + k] * xi;
  }
}
function factorStencil9(A) {
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const columnMajor = W > H;
  const b = Math.min((columnMajor ? H : W) + 1, Math.max(0, n - 1));
  const stride = b + 1;
  const L = new Float64Array(n * stride);
  const bandIndex = (x, y) => columnMajor ? x * H + y : y * W + x;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const k = bandIndex(x, y);
      const i = pad + y * W + x;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= W || yy >= H)
            continue;
          const j = bandIndex(xx, yy);
          if (j > k)
            continue;
          const c = coupling9(A, i, dx, dy);
          L[k * stride + (j - k + b)] = j === k ? c : -c;
        }
      }
    }
  }
  return { stencil: A, factor: factorBandInPlace(n, b, L), columnMajor, scratch: new Float64Array(n) };
}
function solveStencil9(F, x) {
  const { width: W, height: H, pad } = F.stencil;
  const t = F.scratch;
  const n = W * H;
  if (!F.columnMajor) {
    for (let k = 0; k < n; k++)
      t[k] = x[pad + k];
    bandSolve(F.factor, t);
    for (let k = 0; k < n; k++)
      x[pad + k] = t[k];
  } else {
    for (let xx = 0, k = 0; xx < W; xx++)
      for (let y = 0; y < H; y++, k++)
        t[k] = x[pad + y * W + xx];
    bandSolve(F.factor, t);
    for (let xx = 0, k = 0; xx < W; xx++)
      for (let y = 0; y < H; y++, k++)
        x[pad + y * W + xx] = t[k];
  }
}

// dist/solve/galerkin-kernel.js
function galerkinAccumulate(A, q, Wc, padc, acc, rowFrom = 0, rowTo = A.height) {
  const { width: W, pad, diag: d, e, s, se, sw } = A;
  const W4 = 4 * W;
  const Wc5 = 5 * Wc;
  for (let y = rowFrom; y < rowTo; y++) {
    const py = y & 1;
    for (let x = 0; x < W; x++) {
      const i = pad + y * W + x;
      const qi = 4 * i;
      const q0 = q[qi];
      const q1 = q[qi + 1];
      const q2 = q[qi + 2];
      const q3 = q[qi + 3];
      if (q0 === 0 && q1 === 0 && q2 === 0 && q3 === 0)
        continue;
      const a0 = -se[i - W - 1];
      const a1 = -s[i - W];
      const a2 = -sw[i - W + 1];
      const a3 = -e[i - 1];
      const a4 = d[i];
      const a5 = -e[i];
      const a6 = -sw[i];
      const a7 = -s[i];
      const a8 = -se[i];
      const c5 = 5 * (padc + (y >> 1) * Wc + (x >> 1));
      const cls = x & 1 | py << 1;
      if (cls === 0) {
        acc[c5] += q0 * a0 * q[qi - W4 - 1] + q0 * a1 * q[qi - W4 + 2] + q0 * a2 * q[qi - W4 + 6] + q0 * a3 * q[qi - 3] + q0 * a4 * q[qi] + q0 * a5 * q[qi + 4] + q0 * a6 * q[qi + W4 - 3] + q0 * a7 * q[qi + W4] + q0 * a8 * q[qi + W4 + 4];
        acc[c5 + 1] += q0 * a2 * q[qi - W4 + 7] + q0 * a5 * q[qi + 5] + q0 * a8 * q[qi + W4 + 5];
        acc[c5 + 2] += q0 * a6 * q[qi + W4 - 1] + q0 * a7 * q[qi + W4 + 2] + q0 * a8 * q[qi + W4 + 6];
        acc[c5 + 3] += q0 * a8 * q[qi + W4 + 7];
        acc[c5 + 4] += q0 * a6 * q[qi + W4 - 2];
      } else if (cls === 1) {
        acc[c5] += q0 * a0 * q[qi - W4 - 2] + q0 * a1 * q[qi - W4 + 2] + q0 * a3 * q[qi - 4] + q0 * a4 * q[qi] + q0 * a6 * q[qi + W4 - 4] + q0 * a7 * q[qi + W4];
        acc[c5 + 1] += q0 * a1 * q[qi - W4 + 3] + q0 * a2 * q[qi - W4 + 6] + q0 * a4 * q[qi + 1] + q0 * a5 * q[qi + 4] + q0 * a7 * q[qi + W4 + 1] + q0 * a8 * q[qi + W4 + 4];
        acc[c5 + 2] += q0 * a6 * q[qi + W4 - 2] + q0 * a7 * q[qi + W4 + 2];
        acc[c5 + 3] += q0 * a7 * q[qi + W4 + 3] + q0 * a8 * q[qi + W4 + 6];
        acc[c5 + 5] += q1 * a1 * q[qi - W4 + 3] + q1 * a2 * q[qi - W4 + 6] + q1 * a4 * q[qi + 1] + q1 * a5 * q[qi + 4] + q1 * a7 * q[qi + W4 + 1] + q1 * a8 * q[qi + W4 + 4];
        acc[c5 + 7] += q1 * a7 * q[qi + W4 + 3] + q1 * a8 * q[qi + W4 + 6];
        acc[c5 + 9] += q1 * a6 * q[qi + W4 - 2] + q1 * a7 * q[qi + W4 + 2];
      } else if (cls === 2) {
        acc[c5] += q0 * a0 * q[qi - W4 - 3] + q0 * a1 * q[qi - W4] + q0 * a2 * q[qi - W4 + 4] + q0 * a3 * q[qi - 3] + q0 * a4 * q[qi] + q0 * a5 * q[qi + 4];
        acc[c5 + 1] += q0 * a2 * q[qi - W4 + 5] + q0 * a5 * q[qi + 5];
        acc[c5 + 2] += q0 * a3 * q[qi - 1] + q0 * a4 * q[qi + 2] + q0 * a5 * q[qi + 6] + q0 * a6 * q[qi + W4 - 3] + q0 * a7 * q[qi + W4] + q0 * a8 * q[qi + W4 + 4];
        acc[c5 + 3] += q0 * a5 * q[qi + 7] + q0 * a8 * q[qi + W4 + 5];
        acc[c5 + 4] += q0 * a3 * q[qi - 2] + q0 * a6 * q[qi + W4 - 4];
        acc[c5 + 0 + Wc5] += q2 * a3 * q[qi - 1] + q2 * a4 * q[qi + 2] + q2 * a5 * q[qi + 6] + q2 * a6 * q[qi + W4 - 3] + q2 * a7 * q[qi + W4] + q2 * a8 * q[qi + W4 + 4];
        acc[c5 + 1 + Wc5] += q2 * a5 * q[qi + 7] + q2 * a8 * q[qi + W4 + 5];
      } else if (cls === 3) {
        acc[c5] += q0 * a0 * q[qi - W4 - 4] + q0 * a1 * q[qi - W4] + q0 * a3 * q[qi - 4] + q0 * a4 * q[qi];
        acc[c5 + 1] += q0 * a1 * q[qi - W4 + 1] + q0 * a2 * q[qi - W4 + 4] + q0 * a4 * q[qi + 1] + q0 * a5 * q[qi + 4];
        acc[c5 + 2] += q0 * a3 * q[qi - 2] + q0 * a4 * q[qi + 2] + q0 * a6 * q[qi + W4 - 4] + q0 * a7 * q[qi + W4];
        acc[c5 + 3] += q0 * a4 * q[qi + 3] + q0 * a5 * q[qi + 6] + q0 * a7 * q[qi + W4 + 1] + q0 * a8 * q[qi + W4 + 4];
        acc[c5 + 0 + Wc5] += q2 * a3 * q[qi - 2] + q2 * a4 * q[qi + 2] + q2 * a6 * q[qi + W4 - 4] + q2 * a7 * q[qi + W4];
        acc[c5 + 1 + Wc5] += q2 * a4 * q[qi + 3] + q2 * a5 * q[qi + 6] + q2 * a7 * q[qi + W4 + 1] + q2 * a8 * q[qi + W4 + 4];
        acc[c5 + 5] += q1 * a1 * q[qi - W4 + 1] + q1 * a2 * q[qi - W4 + 4] + q1 * a4 * q[qi + 1] + q1 * a5 * q[qi + 4];
        acc[c5 + 7] += q1 * a4 * q[qi + 3] + q1 * a5 * q[qi + 6] + q1 * a7 * q[qi + W4 + 1] + q1 * a8 * q[qi + W4 + 4];
        acc[c5 + 9] += q1 * a3 * q[qi - 2] + q1 * a4 * q[qi + 2] + q1 * a6 * q[qi + W4 - 4] + q1 * a7 * q[qi + W4];
        acc[c5 + 5 + Wc5] += q3 * a4 * q[qi + 3] + q3 * a5 * q[qi + 6] + q3 * a7 * q[qi + W4 + 1] + q3 * a8 * q[qi + W4 + 4];
      }
    }
  }
}

// dist/solve/wasm/setup-arena.js
function bytesFor(W, H) {
  const len = W * H + 2 * (W + 1);
  const Wc = W + 1 >> 1;
  const lenc = Wc * (H + 1 >> 1) + 2 * (Wc + 1);
  return 8 * (4 * len + 16) + 8 * len + W * H + 40 * lenc + 64 * 1024;
}
function wasmSetupKernels(A) {
  const arena = WasmArena.create(bytesFor(A.width, A.height));
  if (!arena)
    return null;
  const { kernels } = arena;
  const copy = (view, src) => {
    view.set(src);
    return view.byteOffset;
  };
  return {
    coarsen(S2, active, Wc, padc) {
      arena.reset();
      const { width: W, height: H, pad } = S2;
      const d = copy(arena.f64(S2.diag.length), S2.diag);
      const [e, s, se, sw] = [S2.e, S2.s, S2.se, S2.sw].map((p) => copy(arena.f32(p.length), p));
      const mask = copy(arena.u8(active.length), active);
      const q = arena.f32(4 * S2.diag.length);
      q.fill(0);
      kernels.dendy(d, e, s, se, sw, mask, q.byteOffset, W, H, pad);
      const acc = arena.f64(5 * (Wc * (H + 1 >> 1) + 2 * padc));
      acc.fill(0);
      accumulateInBlockOrder(W, H, (from, to) => kernels.galerkinAccumulate(d, e, s, se, sw, q.byteOffset, W, pad, Wc, padc, acc.byteOffset, from, to));
      return { q: q.slice(), acc };
    }
  };
}

// dist/solve/multigrid.js
var NO_VECTOR = new Float32Array(0);
function weightsOf(level) {
  if (level.q)
    return level.q;
  throw new ColorizeError("multigrid: a level in a wasm arena reached the JavaScript loops", "internal");
}
function buildMultigrid(A, active, options = {}) {
  const smoothing = options.smoothing ?? 1;
  const coarsestSize = options.coarsestSize ?? 2048;
  const levels = [];
  let cur = A;
  let act = active;
  const setup = options.wasm !== false && A.width * A.height > 4 * coarsestSize ? wasmSetupKernels(A) : null;
  for (; ; ) {
    const v = levels.length === 0 ? () => NO_VECTOR : () => gridVector32(cur.width, cur.height);
    const level = { A: cur, x0: v(), x1: v(), b0: v(), b1: v() };
    levels.push(level);
    if (cur.width * cur.height <= coarsestSize || cur.width < 3 || cur.height < 3)
      break;
    const next = coarsen(cur, act, setup, level);
    cur = next.A;
    act = next.active;
  }
  return { levels, coarsest: factorStencil9(cur), smoothing };
}
function dendyInterpolation(A, active) {
  const { width: W, height: H, pad, diag: d, e, s, se, sw } = A;
  const q = new Float32Array(4 * (W * H + 2 * pad));
  const ratio = (num2, den) => den > 0 ? num2 / den : 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const k = y * W + x;
      if (!active[k])
        continue;
      const i = pad + k;
      const ox = x & 1;
      const oy = y & 1;
      if (!ox && !oy) {
        q[4 * i] = 1;
      } else if (ox && !oy) {
        const den = d[i] - s[i] - s[i - W];
        q[4 * i] = ratio(e[i - 1] + se[i - W - 1] + sw[i], den);
        q[4 * i + 1] = ratio(e[i] + sw[i - W + 1] + se[i], den);
      } else if (!ox && oy) {
        const den = d[i] - e[i] - e[i - 1];
        q[4 * i] = ratio(s[i - W] + se[i - W - 1] + sw[i - W + 1], den);
        q[4 * i + 2] = ratio(s[i] + se[i] + sw[i], den);
      }
    }
  }
  for (let y = 1; y < H; y += 2) {
    for (let x = 1; x < W; x += 2) {
      const k = y * W + x;
      if (!active[k])
        continue;
      const i = pad + k;
      const den = d[i];
      const wN = s[i - W];
      const wS = s[i];
      const wW = e[i - 1];
      const wE = e[i];
      const n = 4 * (i - W);
      const so = 4 * (i + W);
      const we = 4 * (i - 1);
      const ea = 4 * (i + 1);
      q[4 * i] = ratio(se[i - W - 1] + wN * q[n] + wW * q[we], den);
      q[4 * i + 1] = ratio(sw[i - W + 1] + wN * q[n + 1] + wE * q[ea], den);
      q[4 * i + 2] = ratio(sw[i] + wS * q[so] + wW * q[we + 2], den);
      q[4 * i + 3] = ratio(se[i] + wS * q[so + 1] + wE * q[ea + 2], den);
    }
  }
  return q;
}
function coarsen(A, active, setup, level) {
  const Wc = A.width + 1 >> 1;
  const padc = padFor(Wc);
  if (setup) {
    const { q, acc } = setup.coarsen(A, active, Wc, padc);
    level.q = q;
    return assembleCoarse(Wc, A.height + 1 >> 1, acc);
  }
  level.q = dendyInterpolation(A, active);
  return galerkin(A, level.q);
}
function galerkin(A, q) {
  const { width: W, height: H } = A;
  const Wc = W + 1 >> 1;
  const Hc = H + 1 >> 1;
  const padc = padFor(Wc);
  const nc = Wc * Hc;
  const acc = new Float64Array(5 * (nc + 2 * padc));
  accumulateInBlockOrder(W, H, (from, to) => galerkinAccumulate(A, q, Wc, padc, acc, from, to));
  return assembleCoarse(Wc, Hc, acc);
}
var IDENTITY_ROW_FACTOR = 1e-12;
function assembleCoarse(Wc, Hc, acc, C = createStencil9(Wc, Hc)) {
  const padc = C.pad;
  const nc = Wc * Hc;
  const active = new Uint8Array(nc);
  let maxDiag = 0;
  const { diag: cd, e: ce, s: cs, se: cse, sw: csw } = C;
  for (let cy = 0, k = padc; cy < Hc; cy++) {
    const below = cy + 1 < Hc;
    for (let cx = 0; cx < Wc; cx++, k++) {
      const a = 5 * k;
      const d = acc[a];
      cd[k] = d;
      if (d > maxDiag)
        maxDiag = d;
      const right = cx + 1 < Wc;
      ce[k] = right ? -acc[a + 1] : 0;
      cs[k] = below ? -acc[a + 2] : 0;
      cse[k] = right && below ? -acc[a + 3] : 0;
      csw[k] = cx > 0 && below ? -acc[a + 4] : 0;
    }
  }
  const tiny = maxDiag * IDENTITY_ROW_FACTOR;
  for (let I = 0; I < nc; I++) {
    const k = padc + I;
    if (cd[k] > tiny) {
      active[I] = 1;
      continue;
    }
    cd[k] = 1;
    ce[k] = cs[k] = cse[k] = csw[k] = 0;
    if (I % Wc > 0)
      ce[k - 1] = 0;
    cs[k - Wc] = 0;
    cse[k - Wc - 1] = 0;
    csw[k - Wc + 1] = 0;
  }
  return { A: C, active };
}
function vcycle2(mg, b0, b1, z0, z1) {
  cycle(mg, 0, z0, z1, b0, b1);
}
function cycle(mg, l, x0, x1, b0, b1) {
  const level = mg.levels[l];
  const A = level.A;
  if (l === mg.levels.length - 1) {
    copyVector(x0, b0);
    copyVector(x1, b1);
    solveStencil9(mg.coarsest, x0);
    solveStencil9(mg.coarsest, x1);
    return;
  }
  gaussSeidelFromZero9x2(A, x0, x1, b0, b1);
  for (let k = 1; k < mg.smoothing; k++)
    gaussSeidel9x2(A, x0, x1, b0, b1, false);
  const coarse = mg.levels[l + 1];
  restrictResidual2(level, x0, x1, b0, b1, coarse);
  cycle(mg, l + 1, coarse.x0, coarse.x1, coarse.b0, coarse.b1);
  prolongAdd2(level, coarse, x0, x1);
  for (let k = 0; k < mg.smoothing; k++)
    gaussSeidel9x2(A, x0, x1, b0, b1, true);
}
function coarseCorrection(mg, r0, r1, z0, z1, rowScale) {
  const level = mg.levels[0];
  const coarse = mg.levels[1];
  restrict2(level, r0, r1, coarse, rowScale);
  cycle(mg, 1, coarse.x0, coarse.x1, coarse.b0, coarse.b1);
  prolongAdd2(level, coarse, z0, z1);
}
function restrict2(level, r0, r1, coarse, f) {
  const { width: W, height: H, pad } = level.A;
  const { b0: c0, b1: c1 } = coarse;
  const Wc = coarse.A.width;
  const padc = padFor(Wc);
  zeroVector(c0);
  zeroVector(c1);
  if (level.qp && wasmRestrict2(level.qp, W, H, r0, r1, c0, c1, Wc, f)) {
    const stop = padc + Wc * (H + 1 >> 1);
    zeroVector(c0, stop);
    zeroVector(c1, stop);
    return;
  }
  const q = weightsOf(level);
  for (let y = 0; y < H; y++) {
    const cRow = padc + (y >> 1) * Wc;
    for (let x = 0, i = pad + y * W; x < W; x++, i++) {
      const g = f ? f[i] : 1;
      const v0 = g * r0[i];
      const v1 = g * r1[i];
      const c = cRow + (x >> 1);
      const qa = q[4 * i];
      const qb = q[4 * i + 1];
      const qc = q[4 * i + 2];
      const qd = q[4 * i + 3];
      c0[c] += qa * v0;
      c1[c] += qa * v1;
      c0[c + 1] += qb * v0;
      c1[c + 1] += qb * v1;
      c0[c + Wc] += qc * v0;
      c1[c + Wc] += qc * v1;
      c0[c + Wc + 1] += qd * v0;
      c1[c + Wc + 1] += qd * v1;
    }
  }
  const end = padc + Wc * (H + 1 >> 1);
  c0.fill(0, 0, padc);
  c1.fill(0, 0, padc);
  c0.fill(0, end);
  c1.fill(0, end);
}
function restrictResidual2(level, x0, x1, b0, b1, coarse) {
  if (level.r0 && level.r1 && wasmResidual2(level.A, x0, x1, b0, b1, level.r0, level.r1)) {
    restrict2(level, level.r0, level.r1, coarse);
    return;
  }
  const { width: W, height: H, pad, diag, e, s, se, sw } = level.A;
  const q = weightsOf(level);
  const { b0: c0, b1: c1 } = coarse;
  const Wc = coarse.A.width;
  const padc = padFor(Wc);
  zeroVector(c0);
  zeroVector(c1);
  for (let y = 0; y < H; y++) {
    const cRow = padc + (y >> 1) * Wc;
    for (let x = 0, i = pad + y * W; x < W; x++, i++) {
      const cE = e[i];
      const cW = e[i - 1];
      const cS = s[i];
      const cN = s[i - W];
      const cSE = se[i];
      const cNW = se[i - W - 1];
      const cSW = sw[i];
      const cNE = sw[i - W + 1];
      const d = diag[i];
      const v0 = b0[i] - (d * x0[i] - cE * x0[i + 1] - cW * x0[i - 1] - cS * x0[i + W] - cN * x0[i - W] - cSE * x0[i + W + 1] - cNW * x0[i - W - 1] - cSW * x0[i + W - 1] - cNE * x0[i - W + 1]);
      const v1 = b1[i] - (d * x1[i] - cE * x1[i + 1] - cW * x1[i - 1] - cS * x1[i + W] - cN * x1[i - W] - cSE * x1[i + W + 1] - cNW * x1[i - W - 1] - cSW * x1[i + W - 1] - cNE * x1[i - W + 1]);
      const c = cRow + (x >> 1);
      const qa = q[4 * i];
      const qb = q[4 * i + 1];
      const qc = q[4 * i + 2];
      const qd = q[4 * i + 3];
      c0[c] += qa * v0;
      c1[c] += qa * v1;
      c0[c + 1] += qb * v0;
      c1[c + 1] += qb * v1;
      c0[c + Wc] += qc * v0;
      c1[c + Wc] += qc * v1;
      c0[c + Wc + 1] += qd * v0;
      c1[c + Wc + 1] += qd * v1;
    }
  }
  const end = padc + Wc * (H + 1 >> 1);
  c0.fill(0, 0, padc);
  c1.fill(0, 0, padc);
  c0.fill(0, end);
  c1.fill(0, end);
}
function prolongAdd2(level, coarse, x0, x1) {
  const { width: W, height: H, pad } = level.A;
  const { x0: e0, x1: e1 } = coarse;
  const Wc = coarse.A.width;
  if (level.qp && wasmProlongAdd2(level.qp, W, H, e0, e1, x0, x1, Wc))
    return;
  const q = weightsOf(level);
  const padc = padFor(Wc);
  for (let y = 0; y < H; y++) {
    const cRow = padc + (y >> 1) * Wc;
    for (let x = 0, i = pad + y * W; x < W; x++, i++) {
      const c = cRow + (x >> 1);
      const a = q[4 * i];
      const b = q[4 * i + 1];
      const cc = q[4 * i + 2];
      const dd = q[4 * i + 3];
      x0[i] += a * e0[c] + b * e0[c + 1] + cc * e0[c + Wc] + dd * e0[c + Wc + 1];
      x1[i] += a * e1[c] + b * e1[c + 1] + cc * e1[c + Wc] + dd * e1[c + Wc + 1];
    }
  }
}

// dist/solve/pcg.js
function gridDot(a, b, from, to) {
  const fast = wasmDot(a, b, from, to);
  if (fast !== void 0)
    return fast;
  let s = 0;
  for (let i = from; i < to; i++)
    s += a[i] * b[i];
  return s;
}
function pairChannels(name, problem, b, x) {
  const { width: W, height: H } = problem;
  const from = W + 1;
  const to = from + W * H;
  const m = b.length;
  if (x.length !== m)
    throw new ColorizeError(`${name}: ${m} right-hand sides but ${x.length} solutions`, "internal");
  const mm = m + (m & 1);
  const single = b[0] instanceof Float32Array;
  const arena = arenaOf(b[0]);
  const len = W * H + 2 * from;
  const vec = () => arena ? arena.f32(len) : single ? gridVector32(W, H) : gridVector(W, H);
  const bb = [...b];
  const xx = [...x];
  const dummy = mm > m ? vec() : null;
  if (dummy) {
    bb.push(dummy);
    xx.push(dummy);
  }
  const work = (_, c) => dummy && c >= m ? dummy : vec();
  return { from, to, m, mm, bb, xx, vec, work };
}
function pcg(problem, b, x, options = {}) {
  const tol = options.tolerance ?? 1e-6;
  const maxIt = options.maxIterations ?? 500;
  const { from, to, m, mm, bb, xx, work } = pairChannels("pcg", problem, b, x);
  const r = bb.map(work);
  const z = bb.map(work);
  const p = bb.map(work);
  const q = bb.map(work);
  const bnorm = [];
  const rnorm = [];
  const rz = [];
  const done = [];
  if (!options.zeroStart)
    for (let c = 0; c < mm; c += 2)
      problem.apply(xx[c], xx[c + 1], q[c], q[c + 1]);
  for (let c = 0; c < mm; c++) {
    bnorm.push(Math.sqrt(gridDot(bb[c], bb[c], from, to)) || 1);
    const rc = r[c];
    const bc = bb[c];
    const qc = q[c];
    if (options.zeroStart)
      copyVector(rc, bc);
    else
      for (let i = from; i < to; i++)
        rc[i] = bc[i] - qc[i];
    rnorm.push(Math.sqrt(gridDot(rc, rc, from, to)) / bnorm[c]);
    done.push(rnorm[c] <= tol);
  }
  for (let c = 0; c < mm; c += 2)
    problem.precondition(r[c], r[c + 1], z[c], z[c + 1]);
  for (let c = 0; c < mm; c++) {
    copyVector(p[c], z[c]);
    rz.push(gridDot(r[c], z[c], from, to));
  }
  let it = 0;
  while (it < maxIt && done.some((dn) => !dn)) {
    it++;
    for (let c = 0; c < mm; c += 2)
      if (!done[c] || !done[c + 1])
        problem.apply(p[c], p[c + 1], q[c], q[c + 1]);
    for (let c = 0; c < mm; c++) {
      if (done[c])
        continue;
      const pc = p[c];
      const rc = r[c];
      const xc = xx[c];
      const qc = q[c];
      const pq = gridDot(pc, qc, from, to);
      if (!(pq > 0)) {
        done[c] = true;
        continue;
      }
      const alpha = rz[c] / pq;
      let rr = wasmBicgStep(rc, qc, xc, pc, alpha, from, to) ?? -1;
      if (rr < 0)
        rr = 0;
      else {
        rnorm[c] = Math.sqrt(rr) / bnorm[c];
        if (rnorm[c] <= tol)
          done[c] = true;
        continue;
      }
      for (let i = from; i < to; i++) {
        xc[i] += alpha * pc[i];
        const v = rc[i] - alpha * qc[i];
        rc[i] = v;
        rr += v * v;
      }
      rnorm[c] = Math.sqrt(rr) / bnorm[c];
      if (rnorm[c] <= tol)
        done[c] = true;
    }
    if (done.every((dn) => dn) || it >= maxIt)
      break;
    for (let c = 0; c < mm; c += 2)
      if (!done[c] || !done[c + 1])
        problem.precondition(r[c], r[c + 1], z[c], z[c + 1]);
    for (let c = 0; c < mm; c++) {
      if (done[c])
        continue;
      const rzNew = gridDot(r[c], z[c], from, to);
      const beta = rzNew / rz[c];
      rz[c] = rzNew;
      const pc = p[c];
      const zc = z[c];
      if (wasmBicgDirection(pc, zc, pc, beta, 0, from, to))
        continue;
      for (let i = from; i < to; i++)
        pc[i] = zc[i] + beta * pc[i];
    }
  }
  const rel = rnorm.slice(0, m);
  return { iterations: it, relativeResiduals: rel, converged: rel.every((v) => v <= tol) };
}

// dist/solve/general-stencil9.js
var GENERAL_OFFSETS = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1]
];
function createGeneralStencil9(width, height, precision = "single") {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  return {
    width,
    height,
    pad,
    diag: new Float64Array(len),
    c: GENERAL_OFFSETS.map(() => precision === "double" ? new Float64Array(len) : new Float32Array(len))
  };
}
function generalOffsets(w) {
  return GENERAL_OFFSETS.map(([dx, dy]) => dy * w + dx);
}
function applyGeneral9x2(A, x0, x1, y0, y1) {
  if (wasmApply2(A, x0, x1, y0, y1))
    return;
  const { width: w, pad, diag } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    const a = cW[i];
    const b = cE[i];
    const c = cN[i];
    const d = cS[i];
    const e = cNW[i];
    const f = cNE[i];
    const g = cSW[i];
    const h = cSE[i];
    const dg = diag[i];
    y0[i] = dg * x0[i] - a * x0[i - 1] - b * x0[i + 1] - c * x0[i - w] - d * x0[i + w] - e * x0[i - w - 1] - f * x0[i - w + 1] - g * x0[i + w - 1] - h * x0[i + w + 1];
    y1[i] = dg * x1[i] - a * x1[i - 1] - b * x1[i + 1] - c * x1[i - w] - d * x1[i + w] - e * x1[i - w - 1] - f * x1[i - w + 1] - g * x1[i + w - 1] - h * x1[i + w + 1];
  }
}
function generalDirichletSystem(L, fixed, values, inPlace = false, planes = {}, rowScale) {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  if (fixed.length !== n)
    throw new ColorizeError(`generalDirichletSystem: mask has ${fixed.length} pixels, grid ${n}`, "internal");
  let A = L;
  if (!inPlace) {
    A = createGeneralStencil9(W, H, L.c[0] instanceof Float64Array ? "double" : "single");
    A.diag.set(L.diag);
    for (let k = 0; k < 8; k++)
      A.c[k].set(L.c[k]);
  }
  const rhs = planes.rhs ?? values.map(() => gridVector(W, H));
  const active = planes.active ?? new Uint8Array(n).fill(1);
  const inflow = planes.inflow ?? new Float32Array(n);
  for (let r = 0; r < n; r++) {
    if (!fixed[r])
      continue;
    active[r] = 0;
    const x = r % W;
    const y = (r - x) / W;
    const i = pad + r;
    A.diag[i] = 1;
    for (let ch = 0; ch < rhs.length; ch++)
      rhs[ch][i] = values[ch][r];
    for (let k = 0; k < 8; k++) {
      const [dx, dy] = GENERAL_OFFSETS[k];
      const cv = A.c[k][i];
      if (cv !== 0) {
        const s2 = r + dy * W + dx;
        if (!fixed[s2])
          inflow[s2] += rowScale ? rowScale[r] * cv : cv;
        A.c[k][i] = 0;
      }
      const qx = x - dx;
      const qy = y - dy;
      if (qx < 0 || qy < 0 || qx >= W || qy >= H)
        continue;
      const q = qy * W + qx;
      if (fixed[q])
        continue;
      const cq = A.c[k][pad + q];
      if (cq === 0)
        continue;
      for (let ch = 0; ch < rhs.length; ch++)
        rhs[ch][pad + q] += cq * values[ch][r];
      A.c[k][pad + q] = 0;
    }
  }
  return { A, rhs, active, inflow, release: planes.release };
}
function solveGeneralDirect(sys) {
  const F = factorGeneralStencil9(sys.A);
  const { width: W, height: H, pad } = sys.A;
  return sys.rhs.map((b) => {
    const x = Float64Array.from(b);
    solveGeneralStencil9(F, x);
    return x.slice(pad, pad + W * H);
  });
}
function factorGeneralStencil9(A) {
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const transpose = H < W;
  const order = new Int32Array(n);
  const pixel = new Int32Array(n);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = transpose ? x * H + y : y * W + x;
      order[y * W + x] = i;
      pixel[i] = y * W + x;
    }
  const kOf = new Int8Array(9).fill(-1);
  GENERAL_OFFSETS.forEach(([dx, dy], k) => {
    kOf[dx + 1 + 3 * (dy + 1)] = k;
  });
  const entry = (i, j) => {
    const r = pixel[i];
    if (i === j)
      return A.diag[pad + r];
    const s = pixel[j];
    const dx = s % W - r % W;
    const dy = Math.floor(s / W) - Math.floor(r / W);
    if (dx < -1 || dx > 1 || dy < -1 || dy > 1)
      return 0;
    return -A.c[kOf[dx + 1 + 3 * (dy + 1)]][pad + r];
  };
  const factor = bandLuFactor(n, (transpose ? H : W) + 1, entry);
  return { width: W, height: H, pad, order, factor, work: new Float64Array(n) };
}
function solveGeneralStencil9(F, x) {
  const { order, work, pad } = F;
  const n = order.length;
  for (let r = 0; r < n; r++)
    work[order[r]] = x[pad + r];
  bandLuApply(F.factor, work);
  for (let r = 0; r < n; r++)
    x[pad + r] = work[order[r]];
}
function bandLuFactor(n, bandwidth, entry) {
  const b = Math.min(bandwidth, Math.max(0, n - 1));
  const stride = 2 * b + 1;
  const gib = n * stride * 8 / 2 ** 30;
  if (gib > 4)
    throw new ColorizeError(`the band LU would need ${gib.toFixed(1)} GiB`, "input");
  const M = new Float64Array(n * stride);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++)
      M[i * stride + (j - i + b)] = entry(i, j);
  for (let k = 0; k < n; k++) {
    const offK = k * stride - k + b;
    const pivot = M[offK + k];
    if (pivot === 0 || !Number.isFinite(pivot))
      throw new ColorizeError(`band LU: pivot ${k} is ${pivot}`, "internal");
    const iEnd = Math.min(n - 1, k + b);
    for (let i = k + 1; i <= iEnd; i++) {
      const off = i * stride - i + b;
      const l = M[off + k] / pivot;
      if (l === 0)
        continue;
      M[off + k] = l;
      for (let j = k + 1; j <= iEnd; j++)
        M[off + j] -= l * M[offK + j];
    }
  }
  return { n, bandwidth: b, lu: M };
}
function bandLuApply(F, v, offset = 0) {
  const { n, bandwidth: b, lu: M } = F;
  const stride = 2 * b + 1;
  for (let i = 0; i < n; i++) {
    let s = v[offset + i];
    const off = i * stride - i + b;
    for (let j = Math.max(0, i - b); j < i; j++)
      s -= M[off + j] * v[offset + j];
    v[offset + i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = v[offset + i];
    const off = i * stride - i + b;
    const jEnd = Math.min(n - 1, i + b);
    for (let j = i + 1; j <= jEnd; j++)
      s -= M[off + j] * v[offset + j];
    v[offset + i] = s / M[off + i];
  }
}
function bandLuSolve(n, bandwidth, entry, rhs) {
  const F = bandLuFactor(n, bandwidth, entry);
  for (const v of rhs)
    bandLuApply(F, v);
}
function gaussSeidelGeneral9x2(A, x0, x1, b0, b1, backward, fromZero = false) {
  if (wasmGaussSeidel2(A, x0, x1, b0, b1, backward, fromZero))
    return;
  const { width: w, pad, diag } = A;
  const [cW, , cN, , cNW, cNE] = A.c;
  const sweep = (from, to, back) => sweepGeneralRows(A, x0, x1, b0, b1, from, to, back);
  if (!fromZero) {
    sweepInBlockOrder(A.width, A.height, backward, sweep);
    return;
  }
  sweepFromZeroInBlockOrder(A.width, A.height, [x0, x1], (from, to) => {
    const end = pad + to * w;
    for (let i = pad + from * w; i < end; i++) {
      const a = cW[i];
      const c = cN[i];
      const e = cNW[i];
      const f = cNE[i];
      const inv = 1 / diag[i];
      x0[i] = (b0[i] + a * x0[i - 1] + c * x0[i - w] + e * x0[i - w - 1] + f * x0[i - w + 1]) * inv;
      x1[i] = (b1[i] + a * x1[i - 1] + c * x1[i - w] + e * x1[i - w - 1] + f * x1[i - w + 1]) * inv;
    }
  }, sweep);
}
function sweepGeneralRows(A, x0, x1, b0, b1, from, to, backward) {
  const { width: w, pad, diag } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const n = (to - from) * w;
  const step = backward ? -1 : 1;
  for (let k = 0, i = backward ? pad + to * w - 1 : pad + from * w; k < n; k++, i += step) {
    const a = cW[i];
    const b = cE[i];
    const c = cN[i];
    const d = cS[i];
    const e = cNW[i];
    const f = cNE[i];
    const g = cSW[i];
    const h = cSE[i];
    const inv = 1 / diag[i];
    x0[i] = (b0[i] + a * x0[i - 1] + b * x0[i + 1] + c * x0[i - w] + d * x0[i + w] + e * x0[i - w - 1] + f * x0[i - w + 1] + g * x0[i + w - 1] + h * x0[i + w + 1]) * inv;
    x1[i] = (b1[i] + a * x1[i - 1] + b * x1[i + 1] + c * x1[i - w] + d * x1[i + w] + e * x1[i - w - 1] + f * x1[i - w + 1] + g * x1[i + w - 1] + h * x1[i + w + 1]) * inv;
  }
}
function applyGeneralTranspose9x2(A, x0, x1, y0, y1) {
  const { width: w, pad, diag } = A;
  const offs = generalOffsets(w);
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    y0[i] = diag[i] * x0[i];
    y1[i] = diag[i] * x1[i];
  }
  for (let k = 0; k < 8; k++) {
    const ck = A.c[k];
    const o = offs[k];
    for (let s = pad; s < end; s++) {
      const r = s - o;
      const cv = ck[r];
      if (cv === 0)
        continue;
      y0[s] -= cv * x0[r];
      y1[s] -= cv * x1[r];
    }
  }
}
function symmetrise(A, L = createStencil9(A.width, A.height), rowScale) {
  const { width: W, height: H, pad } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const { e, s, se, sw, diag } = L;
  const end = pad + W * H;
  if (rowScale) {
    const safe = Math.max(pad, end - W - 1);
    for (let i = pad, r = 0; i < safe; i++, r++) {
      const p = rowScale[r];
      e[i] = 0.5 * (p * cE[i] + rowScale[r + 1] * cW[i + 1]);
      s[i] = 0.5 * (p * cS[i] + rowScale[r + W] * cN[i + W]);
      se[i] = 0.5 * (p * cSE[i] + rowScale[r + W + 1] * cNW[i + W + 1]);
      sw[i] = 0.5 * (p * cSW[i] + rowScale[r + W - 1] * cNE[i + W - 1]);
    }
    const f = (r) => r < rowScale.length ? rowScale[r] : 0;
    for (let i = safe, r = safe - pad; i < end; i++, r++) {
      const p = f(r);
      e[i] = 0.5 * (p * cE[i] + f(r + 1) * cW[i + 1]);
      s[i] = 0.5 * (p * cS[i] + f(r + W) * cN[i + W]);
      se[i] = 0.5 * (p * cSE[i] + f(r + W + 1) * cNW[i + W + 1]);
      sw[i] = 0.5 * (p * cSW[i] + f(r + W - 1) * cNE[i + W - 1]);
    }
  } else {
    for (let i = pad; i < end; i++) {
      e[i] = 0.5 * (cE[i] + cW[i + 1]);
      s[i] = 0.5 * (cS[i] + cN[i + W]);
      se[i] = 0.5 * (cSE[i] + cNW[i + W + 1]);
      sw[i] = 0.5 * (cSW[i] + cNE[i + W - 1]);
    }
  }
  for (let i = pad; i < end; i++)
    diag[i] = e[i] + e[i - 1] + s[i] + s[i - W] + se[i] + se[i - W - 1] + sw[i] + sw[i - W + 1];
  return L;
}

// dist/solve/wasm/arena-stencils.js
function arenaStencil9(arena, width, height, end = "bottom") {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  return {
    width,
    height,
    pad,
    diag: arena.f64(len, end),
    e: arena.f32(len, end),
    s: arena.f32(len, end),
    se: arena.f32(len, end),
    sw: arena.f32(len, end)
  };
}
function arenaGeneralStencil9(arena, width, height) {
  const pad = padFor(width);
  const len = width * height + 2 * pad;
  return { width, height, pad, diag: arena.f32(len), c: GENERAL_OFFSETS.map(() => arena.f32(len)) };
}

// dist/solve/wasm/solve-arena.js
var VECTORS_PER_CHANNEL = 8;
var PLANES_PER_LEVEL = 16;
function lengthOf(W, H) {
  return W * H + 2 * (W + 1);
}
function moveGeneralSolve(A, mg, channels, extraPlanes = 0) {
  if (!(A.c[0] instanceof Float32Array))
    return null;
  const len0 = lengthOf(A.width, A.height);
  const pairs = channels + (channels & 1);
  const arena = WasmArena.create(planeBytes(len0, 10 + VECTORS_PER_CHANNEL * pairs + 2 + extraPlanes) + hierarchyBytes(mg, A.width), { threads: true });
  if (!arena)
    return null;
  for (let k = 0; k < A.c.length; k++)
    A.c[k] = arena.copy32(A.c[k]);
  arena.registerGeneral(A);
  const levels = mg.levels;
  const moved = levels.map((level, l) => {
    if (l > 0)
      return moveLevel(arena, level, l === levels.length - 1);
    const S2 = levels.length > 1 ? sizeOnly(level.A) : level.A;
    return { ...level, A: S2, q: void 0, qp: level.q && planarWeights(arena, level.q) };
  });
  return { arena, mg: { ...mg, levels: moved } };
}
function moveSpdSolve(mg, channels) {
  const A = mg.levels[0].A;
  const len0 = lengthOf(A.width, A.height);
  const pairs = channels + (channels & 1);
  const arena = WasmArena.create(planeBytes(len0, PLANES_PER_LEVEL + SPD_VECTORS_PER_CHANNEL * pairs) + hierarchyBytes(mg, A.width), { threads: true });
  if (!arena)
    return null;
  const levels = mg.levels;
  const moved = levels.map((level, l) => {
    if (l > 0)
      return moveLevel(arena, level, l === levels.length - 1);
    const last = levels.length === 1;
    const len = len0;
    return {
      ...level,
      A: copyStencil(arena, level.A),
      q: void 0,
      qp: level.q && planarWeights(arena, level.q),
      r0: last ? void 0 : arena.f32(len),
      r1: last ? void 0 : arena.f32(len)
    };
  });
  return { arena, mg: { ...mg, levels: moved } };
}
var SPD_VECTORS_PER_CHANNEL = 6;
function hierarchyBytes(mg, width) {
  const levels = mg.levels;
  let bytes = levels.length > 1 ? planeBytes(4 * lengthOf(levels[0].A.width, levels[0].A.height)) : 0;
  for (let l = 1; l < levels.length; l++) {
    const L = levels[l].A;
    bytes += planeBytes(lengthOf(L.width, L.height), PLANES_PER_LEVEL);
  }
  return bytes + planeBytes(width + 8, 4) + 64 * 1024;
}
function moveLevel(arena, level, last) {
  const S2 = copyStencil(arena, level.A);
  const len = lengthOf(S2.width, S2.height);
  return {
    A: S2,
    qp: level.q && planarWeights(arena, level.q),
    x0: arena.f32(len),
    x1: arena.f32(len),
    b0: arena.f32(len),
    b1: arena.f32(len),
    r0: last ? void 0 : arena.f32(len),
    r1: last ? void 0 : arena.f32(len)
  };
}
function sizeOnly(S2) {
  const none = new Float32Array(0);
  return {
    width: S2.width,
    height: S2.height,
    pad: S2.pad,
    diag: new Float64Array(0),
    e: none,
    s: none,
    se: none,
    sw: none
  };
}
function copyStencil(arena, S2) {
  const C = {
    width: S2.width,
    height: S2.height,
    pad: S2.pad,
    diag: S2.diag,
    e: arena.copy32(S2.e),
    s: arena.copy32(S2.s),
    se: arena.copy32(S2.se),
    sw: arena.copy32(S2.sw)
  };
  arena.registerSymmetric(C);
  return C;
}

// dist/solve/wasm/arena-multigrid.js
var NO_VECTOR2 = new Float32Array(0);
function levelSizes(width, height, coarsestSize = 2048) {
  const sizes = [[width, height]];
  let [w, h] = [width, height];
  while (!(w * h <= coarsestSize || w < 3 || h < 3)) {
    w = w + 1 >> 1;
    h = h + 1 >> 1;
    sizes.push([w, h]);
  }
  return sizes;
}
var ARENA_PLANES_PER_COARSE_LEVEL = 18;
function buildMultigridInArena(S2, active, arena, options) {
  const smoothing = options.smoothing ?? 1;
  const coarsestSize = options.coarsestSize ?? 2048;
  const levels = [];
  let cur = S2;
  let act = active;
  for (; ; ) {
    const { width: W, height: H, pad } = cur;
    const len = W * H + 2 * pad;
    const last = W * H <= coarsestSize || W < 3 || H < 3;
    const finest = levels.length === 0;
    const vec = () => finest ? NO_VECTOR2 : arena.f32(len);
    const residuals = !last && (!finest || options.finest === "operator");
    const x0 = vec();
    const b0 = vec();
    const r0 = residuals ? arena.f32(len) : void 0;
    const shared = options.channels === 1 && (!finest || residuals) ? arena.f32(len) : void 0;
    const level = {
      A: finest && options.finest === "size" && !last ? sizeOnly(cur) : cur,
      x0,
      x1: finest ? NO_VECTOR2 : shared ?? vec(),
      b0,
      b1: finest ? NO_VECTOR2 : shared ?? vec(),
      r0,
      r1: residuals ? shared ?? arena.f32(len) : void 0
    };
    levels.push(level);
    if (last)
      break;
    const Wc = W + 1 >> 1;
    const Hc = H + 1 >> 1;
    const padc = padFor(Wc);
    const lenc = Wc * Hc + 2 * padc;
    const scratch2 = arena.mark();
    const d = arena.owns(cur.diag) ? cur.diag : arenaCopy64(arena, cur.diag);
    const mask = arena.u8(act.length, "top");
    mask.set(act);
    const q = arena.f32(4 * len, "top");
    const [e, s, se, sw] = [cur.e, cur.s, cur.se, cur.sw].map((p) => p.byteOffset);
    const acc = arena.f64(5 * lenc, "top");
    const dendyArgs = [d.byteOffset, e, s, se, sw, mask.byteOffset, q.byteOffset, W, pad];
    arena.rowsOf("dendyEdges", dendyArgs, W, H, false);
    arena.rowsOf("dendyCorners", dendyArgs, W, H, false);
    const galerkinArgs = [d.byteOffset, e, s, se, sw, q.byteOffset, W, pad, Wc, padc, acc.byteOffset];
    arena.accumulateRowsOf("galerkinAccumulate", galerkinArgs, W, H);
    level.qp = planarWeights(arena, q);
    const next = assembleCoarseInArena(arena, Wc, Hc, acc, arenaStencil9(arena, Wc, Hc));
    arena.releaseTop(scratch2);
    arena.registerSymmetric(next.A);
    cur = next.A;
    act = next.active;
  }
  return { levels, coarsest: factorStencil9(cur), smoothing };
}
function assembleCoarseInArena(arena, Wc, Hc, acc, C) {
  if (!arena.owns(acc) || !(C.diag instanceof Float64Array) || !arena.owns(C.diag))
    return assembleCoarse(Wc, Hc, acc, C);
  const { kernels } = arena;
  const at = [C.diag, C.e, C.s, C.se, C.sw].map((p) => p.byteOffset);
  const maxDiag = kernels.coarseEntries(acc.byteOffset, ...at, Wc, Hc, C.pad);
  const mark = arena.mark();
  const mask = arena.u8(Wc * Hc, "top");
  kernels.coarseIdentityRows(...at, mask.byteOffset, Wc, Hc, C.pad, maxDiag * IDENTITY_ROW_FACTOR);
  const active = new Uint8Array(Wc * Hc);
  active.set(mask);
  arena.releaseTop(mark);
  return { A: C, active };
}
function arenaCopy64(arena, v) {
  const out = arena.f64(v.length, "top");
  out.set(v);
  return out;
}

// dist/solve/spd-solve.js
var SOLVER_KINDS = ["multigrid", "direct"];
var DEFAULT_TOLERANCE = 1e-3;
function hierarchy(A, active, options, single, channels) {
  const { arena } = options;
  if (single && arena?.holds(A.e) && arena.registered(A))
    return {
      mg: buildMultigridInArena(A, active, arena, {
        ...options,
        finest: "operator",
        channels: channels === 1 ? 1 : 2
      }),
      arena
    };
  const built = buildMultigrid(A, active, options);
  const moved = single && options.wasm !== false ? moveSpdSolve(built, channels) : null;
  return moved ?? { mg: built };
}
function solveSpd(sys, options = {}) {
  const solver = checkChoice("solver", options.solver ?? "multigrid", SOLVER_KINDS);
  const tolerance = checkNumber("tolerance", options.tolerance ?? DEFAULT_TOLERANCE, 1e-15, 1);
  const maxIterations = checkInteger("maxIterations", options.maxIterations ?? 200, 1);
  const { A, rhs, active } = sys;
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const t0 = performance.now();
  if (solver === "direct") {
    const gib = n * (Math.min(W, H) + 2) * 8 / 2 ** 30;
    if (gib > 4) {
      throw new ColorizeError(`the direct solver would need ${gib.toFixed(1)} GiB for a ${W}\xD7${H} image; use the multigrid solver`, "input");
    }
    const F = factorStencil9(A);
    const t12 = performance.now();
    const planes = rhs.map((b2) => {
      const x2 = b2.slice();
      solveStencil9(F, x2);
      return fromGrid(x2, W, H);
    });
    return {
      planes,
      iterations: 0,
      relativeResidual: 0,
      converged: true,
      setupMs: t12 - t0,
      solveMs: performance.now() - t12
    };
  }
  const single = checkChoice("precision", options.precision ?? "single", ["single", "double"]) === "single";
  const { mg, arena } = hierarchy(A, active, options, single, rhs.length);
  const op = mg.levels[0].A;
  const t1 = performance.now();
  const b = single ? rhs.map((v) => arena ? arena.holds(v) ? v : arena.copy32(v) : Float32Array.from(v)) : rhs;
  const x = b.map((bc, c) => {
    const init = options.initial?.[c];
    const g = arena ? arena.f32(n + 2 * pad) : single ? gridVector32(W, H) : gridVector(W, H);
    if (init)
      toGrid(init, W, H, g);
    for (let i = 0; i < n; i++)
      if (!active[i])
        g[pad + i] = bc[pad + i];
    return g;
  });
  const res = pcg(
    {
      width: W,
      height: H,
      apply: (x0, x1, y0, y1) => applyStencil9x2(op, x0, x1, y0, y1),
      precondition: (r0, r1, z0, z1) => vcycle2(mg, r0, r1, z0, z1)
    },
    b,
    x,
    // Without a warm start or fixed pixels x starts at zero (the balancing fit, for one).
    { tolerance, maxIterations, zeroStart: !options.initial && active.indexOf(0) < 0 }
  );
  const out = iterativeResult(x, res, W, H, t1 - t0, t1, options.into, arena);
  if (arena && arena !== options.arena)
    arena.releaseHelper();
  return { ...out, kernels: arena ? "wasm" : "javascript" };
}
function iterativeResult(x, res, width, height, setupMs, solveStart, into, arena) {
  const pad = padFor(width);
  const n = width * height;
  const copy = (g, out) => {
    if (arena?.owns(g) && arena.owns(out))
      arena.kernels.copy(out.byteOffset, g.byteOffset + 4 * pad, 4 * n);
    else
      out.set(g.subarray(pad, pad + n));
    return out;
  };
  return {
    planes: x.map((g, c) => into?.[c] ? copy(g, into[c]) : fromGrid(g, width, height)),
    iterations: res.iterations,
    relativeResidual: Math.max(...res.relativeResiduals),
    converged: res.converged,
    setupMs,
    solveMs: performance.now() - solveStart
  };
}

// dist/solve/balance.js
var LOG_RANGE = 30;
function stationaryBalance(A, options = {}) {
  const { width: W, height: H, pad } = A;
  const n = W * H;
  const end = pad + n;
  const arena = options.arena;
  if (arena && A.c.every((c) => arena.holds(c))) {
    const pi = arena.f32(n);
    const mark = arena.mark();
    try {
      const L2 = arenaStencil9(arena, W, H, "top");
      const b2 = arena.f32(W * H + 2 * pad, "top");
      const pairs = arena.mark();
      const g = arena.f32(W * H + 2 * pad, "top");
      for (const [forward, backward, off, plane] of pairDirections(A, L2)) {
        arena.kernels.balancePairs(forward.byteOffset, backward.byteOffset, off, plane.byteOffset, g.byteOffset, pad, end);
        arena.kernels.balanceSpread(g.byteOffset, off, b2.byteOffset, pad, end);
      }
      arena.releaseTop(pairs);
      return fit(L2, b2, options, (S2) => arena.registerSymmetric(S2, "top"), pi, arena.f32(n, "top"));
    } finally {
      arena.release(mark);
    }
  }
  const L = createStencil9(W, H);
  const b = gridVector(W, H);
  if (!fitInWasm(A, L, b))
    fitInJavaScript(A, L, b);
  return fit(L, b, options);
}
function fit(L, b, options, register, pi = new Float32Array(L.width * L.height), phi) {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  const end = pad + n;
  const { e, s, se, sw, diag } = L;
  const RIDGE = 1e-6;
  const arena = options.arena;
  if (arena && diag instanceof Float64Array && arena.owns(diag) && arena.holds(e, s, se, sw)) {
    arena.kernels.degreesWithRidge(e.byteOffset, s.byteOffset, se.byteOffset, sw.byteOffset, diag.byteOffset, W, H, pad, RIDGE);
  } else {
    let scale = 0;
    for (let i = pad; i < end; i++) {
      diag[i] = e[i] + e[i - 1] + s[i] + s[i - W] + se[i] + se[i - W - 1] + sw[i] + sw[i - W + 1];
      scale = Math.max(scale, diag[i]);
    }
    const ridge = RIDGE * (scale || 1);
    for (let i = pad; i < end; i++)
      diag[i] += ridge;
  }
  register?.(L);
  const res = solveSpd({ A: L, rhs: [b], active: new Uint8Array(n).fill(1) }, {
    tolerance: options.tolerance ?? 0.1,
    maxIterations: options.maxIterations ?? 2,
    arena: options.arena,
    into: phi && [phi]
  });
  const logs = res.planes[0];
  if (arena?.owns(logs) && arena.owns(pi)) {
    arena.kernels.balanceFactors(logs.byteOffset, pi.byteOffset, n, LOG_RANGE);
    return pi;
  }
  let mean = 0;
  for (let r = 0; r < n; r++)
    mean += logs[r];
  mean /= n || 1;
  for (let r = 0; r < n; r++) {
    const d = Math.min(LOG_RANGE, Math.max(-LOG_RANGE, logs[r] - mean));
    pi[r] = Math.exp(d);
  }
  return pi;
}
function pairDirections(A, L) {
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const W = A.width;
  return [
    [cE, cW, 1, L.e],
    [cS, cN, W, L.s],
    [cSE, cNW, W + 1, L.se],
    [cSW, cNE, W - 1, L.sw]
  ];
}
function fitInJavaScript(A, L, b) {
  const end = A.pad + A.width * A.height;
  for (const [forward, backward, off, out] of pairDirections(A, L)) {
    for (let i = A.pad; i < end; i++) {
      const a = forward[i];
      if (a === 0)
        continue;
      const c = backward[i + off];
      if (c === 0)
        continue;
      const weight = Math.sqrt(a * c);
      const g = weight * Math.log(a / c);
      out[i] = weight;
      b[i] -= g;
      b[i + off] += g;
    }
  }
}
function fitInWasm(A, L, b) {
  if (!(A.c[0] instanceof Float32Array) || !wasmKernelsAvailable())
    return false;
  const { width: W, height: H, pad } = A;
  const len = W * H + 2 * pad;
  const arena = WasmArena.create(planeBytes(len, 5));
  if (!arena)
    return false;
  const [fw, bw, g, rhs] = [arena.f32(len), arena.f32(len), arena.f32(len), arena.f32(len)];
  const out = arena.f32(len);
  const end = pad + W * H;
  for (const [forward, backward, off, plane] of pairDirections(A, L)) {
    fw.set(forward);
    bw.set(backward);
    arena.kernels.balancePairs(fw.byteOffset, bw.byteOffset, off, out.byteOffset, g.byteOffset, pad, end);
    arena.kernels.balanceSpread(g.byteOffset, off, rhs.byteOffset, pad, end);
    plane.set(out);
  }
  b.set(rhs);
  return true;
}

// dist/solve/dirichlet.js
function dirichletSystem(L, fixed, values, base) {
  const { width: W, height: H, pad } = L;
  const n = W * H;
  if (fixed.length !== n)
    throw new ColorizeError(`dirichletSystem: mask has ${fixed.length} pixels, grid ${n}`, "internal");
  const A = createStencil9(W, H);
  A.diag.set(L.diag);
  A.e.set(L.e);
  A.s.set(L.s);
  A.se.set(L.se);
  A.sw.set(L.sw);
  const rhs = values.map(() => gridVector(W, H));
  if (base)
    for (let c = 0; c < rhs.length; c++)
      for (let i = 0; i < n; i++)
        rhs[c][pad + i] = base[c][i];
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    active[i] = fixed[i] ? 0 : 1;
  const couple = (arr, r, t) => {
    const fr = fixed[r];
    const ft = fixed[t];
    if (!fr && !ft)
      return;
    const c = arr[pad + r];
    if (c === 0)
      return;
    if (fr && !ft)
      for (let k = 0; k < rhs.length; k++)
        rhs[k][pad + t] += c * values[k][r];
    else if (ft && !fr)
      for (let k = 0; k < rhs.length; k++)
        rhs[k][pad + r] += c * values[k][t];
    arr[pad + r] = 0;
  };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const r = y * W + x;
      if (x + 1 < W)
        couple(A.e, r, r + 1);
      if (y + 1 < H) {
        couple(A.s, r, r + W);
        if (x + 1 < W)
          couple(A.se, r, r + W + 1);
        if (x > 0)
          couple(A.sw, r, r + W - 1);
      }
    }
  }
  for (let r = 0; r < n; r++) {
    if (!fixed[r])
      continue;
    A.diag[pad + r] = 1;
    for (let k = 0; k < rhs.length; k++)
      rhs[k][pad + r] = values[k][r];
  }
  return { A, rhs, active };
}

// dist/solve/bicgstab.js
function bicgstab(problem, b, x, options = {}) {
  const tol = options.tolerance ?? 1e-6;
  const maxIt = options.maxIterations ?? 500;
  const { from, to, m, mm, bb, xx, work } = pairChannels("bicgstab", problem, b, x);
  const r = bb.map(work);
  const rhat = options.consumeRhs ? bb : bb.map(work);
  const p = bb.map(work);
  const v = bb.map(work);
  const phat = bb.map(work);
  const shat = phat;
  const t = bb.map(work);
  const rho = new Array(mm).fill(1);
  const alpha = new Array(mm).fill(1);
  const omega = new Array(mm).fill(1);
  const bnorm = [];
  const rnorm = [];
  const done = [];
  for (let c = 0; c < mm; c += 2)
    problem.apply(xx[c], xx[c + 1], t[c], t[c + 1]);
  for (let c = 0; c < mm; c++) {
    bnorm.push(Math.sqrt(gridDot(bb[c], bb[c], from, to)) || 1);
    const rc = r[c];
    const bc = bb[c];
    const tc = t[c];
    copyVector(rc, bc);
    if (wasmBicgStep(rc, tc, p[c], p[c], 1, from, to) === void 0)
      for (let i = from; i < to; i++)
        rc[i] = bc[i] - tc[i];
    copyVector(rhat[c], rc);
    rnorm.push(Math.sqrt(gridDot(rc, rc, from, to)) / bnorm[c]);
    done.push(rnorm[c] <= tol);
  }
  const pairActive = (c) => !done[c] || !done[c + 1];
  let it = 0;
  while (it < maxIt && done.some((dn) => !dn)) {
    it++;
    for (let c = 0; c < mm; c++) {
      if (done[c])
        continue;
      let rh = gridDot(rhat[c], r[c], from, to);
      if (rh === 0 || !Number.isFinite(rh)) {
        rhat[c].set(r[c]);
        p[c].fill(0);
        v[c].fill(0);
        rho[c] = alpha[c] = omega[c] = 1;
        rh = gridDot(rhat[c], r[c], from, to);
      }
      const beta = rh / rho[c] * (alpha[c] / omega[c]);
      rho[c] = rh;
      const pc = p[c];
      const rc = r[c];
      const vc = v[c];
      const w = omega[c];
      if (wasmBicgDirection(pc, rc, vc, beta, w, from, to))
        continue;
      for (let i = from; i < to; i++)
        pc[i] = rc[i] + beta * (pc[i] - w * vc[i]);
    }
    for (let c = 0; c < mm; c += 2) {
      if (!pairActive(c))
        continue;
      problem.precondition(p[c], p[c + 1], phat[c], phat[c + 1]);
      problem.apply(phat[c], phat[c + 1], v[c], v[c + 1]);
    }
    for (let c = 0; c < mm; c++) {
      if (done[c])
        continue;
      const den = gridDot(rhat[c], v[c], from, to);
      alpha[c] = den === 0 ? 0 : rho[c] / den;
      const a = alpha[c];
      const rc = r[c];
      const vc = v[c];
      const xc = xx[c];
      const ph = phat[c];
      let ss = wasmBicgStep(rc, vc, xc, ph, a, from, to) ?? -1;
      if (ss < 0) {
        ss = 0;
        for (let i = from; i < to; i++) {
          const sv = rc[i] - a * vc[i];
          rc[i] = sv;
          ss += sv * sv;
          xc[i] += a * ph[i];
        }
      }
      rnorm[c] = Math.sqrt(ss) / bnorm[c];
      if (rnorm[c] <= tol)
        done[c] = true;
    }
    if (done.every((dn) => dn))
      break;
    for (let c = 0; c < mm; c += 2) {
      if (!pairActive(c))
        continue;
      problem.precondition(r[c], r[c + 1], shat[c], shat[c + 1]);
      problem.apply(shat[c], shat[c + 1], t[c], t[c + 1]);
    }
    for (let c = 0; c < mm; c++) {
      if (done[c])
        continue;
      const tc = t[c];
      const rc = r[c];
      const tt = gridDot(tc, tc, from, to);
      const w = tt > 0 ? gridDot(tc, rc, from, to) / tt : 0;
      omega[c] = w;
      const xc = xx[c];
      const sh = shat[c];
      let rr = wasmBicgStep(rc, tc, xc, sh, w, from, to) ?? -1;
      if (rr < 0) {
        rr = 0;
        for (let i = from; i < to; i++) {
          xc[i] += w * sh[i];
          const nv = rc[i] - w * tc[i];
          rc[i] = nv;
          rr += nv * nv;
        }
      }
      rnorm[c] = Math.sqrt(rr) / bnorm[c];
      if (rnorm[c] <= tol)
        done[c] = true;
      else if (w === 0) {
        rhat[c].set(rc);
        p[c].fill(0);
        v[c].fill(0);
        rho[c] = alpha[c] = omega[c] = 1;
      }
    }
  }
  const rel = rnorm.slice(0, m);
  return { iterations: it, relativeResiduals: rel, converged: rel.every((v2) => v2 <= tol) };
}

// dist/solve/general-multigrid.js
var scratch = /* @__PURE__ */ new WeakMap();
function hybridVcycle2(mg, G, b0, b1, z0, z1, rowScale) {
  const from = G.pad;
  const end = G.pad + G.width * G.height;
  if (mg.levels.length === 1) {
    if (rowScale) {
      const [r0, r1] = scratchPlanes(mg, G, b0);
      if (!wasmScale2(rowScale, b0, b1, r0, r1, from, end))
        for (let i = from; i < end; i++) {
          r0[i] = b0[i] * rowScale[i];
          r1[i] = b1[i] * rowScale[i];
        }
      vcycle2(mg, r0, r1, z0, z1);
    } else
      vcycle2(mg, b0, b1, z0, z1);
    return;
  }
  if (rowScale) {
    zeroVector(z0);
    zeroVector(z1);
    coarseCorrection(mg, b0, b1, z0, z1, rowScale);
  } else {
    const [r0, r1] = scratchPlanes(mg, G, b0);
    gaussSeidelGeneral9x2(G, z0, z1, b0, b1, false, true);
    for (let k = 1; k < mg.smoothing; k++)
      gaussSeidelGeneral9x2(G, z0, z1, b0, b1, false);
    if (!wasmResidual2(G, z0, z1, b0, b1, r0, r1)) {
      applyGeneral9x2(G, z0, z1, r0, r1);
      for (let i = from; i < end; i++) {
        r0[i] = b0[i] - r0[i];
        r1[i] = b1[i] - r1[i];
      }
    }
    coarseCorrection(mg, r0, r1, z0, z1);
  }
  for (let k = 0; k < mg.smoothing; k++)
    gaussSeidelGeneral9x2(G, z0, z1, b0, b1, true);
}
function scratchPlanes(mg, G, b) {
  let r = scratch.get(mg);
  if (!r) {
    const arena = arenaOf(b);
    const len = G.width * G.height + 2 * G.pad;
    r = arena ? [arena.f32(len), arena.f32(len)] : [gridVector32(G.width, G.height), gridVector32(G.width, G.height)];
    scratch.set(mg, r);
  }
  return r;
}

// dist/solve/general-solve.js
var LEAST_SQUARES_RIDGE = 1e-9;
function resolve(options) {
  return {
    direct: checkChoice("solver", options.solver ?? "multigrid", SOLVER_KINDS) === "direct",
    tolerance: checkNumber("tolerance", options.tolerance ?? DEFAULT_TOLERANCE, 1e-15, 1),
    maxIterations: checkInteger("maxIterations", options.maxIterations ?? 200, 1),
    single: checkChoice("precision", options.precision ?? "single", ["single", "double"]) === "single"
  };
}
function checkDirectSize(W, H, band) {
  const gib = W * H * (2 * band + 1) * 8 / 2 ** 30;
  if (gib > 4) {
    throw new ColorizeError(`the direct solver would need ${gib.toFixed(1)} GiB for a ${W}\xD7${H} image; use the multigrid solver`, "input");
  }
}
function startVectors(b, active, W, H, pad, single, initial, fixedValue, arena) {
  const n = W * H;
  return b.map((_, c) => {
    const g = arena ? arena.f32(n + 2 * pad) : single ? gridVector32(W, H) : gridVector(W, H);
    const init = initial?.[c];
    if (init)
      toGrid(init, W, H, g);
    for (let i = 0; i < n; i++)
      if (!active[i])
        g[pad + i] = fixedValue(c, i);
    return g;
  });
}
function constrainedSymmetricPart(sys, into, rowScale) {
  const { A, inflow, active } = sys;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const L = symmetrise(A, into, rowScale);
  const { pad, diag } = L;
  const end = pad + A.width * A.height;
  for (let i = pad; i < end; i++) {
    if (!active[i - pad]) {
      diag[i] = 1;
      continue;
    }
    const moved = (rowScale ? rowScale[i - pad] : 1) * (A.diag[i] - (cW[i] + cE[i] + cN[i] + cS[i] + cNW[i] + cNE[i] + cSW[i] + cSE[i]));
    diag[i] += 0.5 * (Math.max(0, moved) + inflow[i - pad]);
  }
  return L;
}
function homeArena(sys, options, single) {
  const { arena } = options;
  return single && arena && sys.A.c.every((c) => arena.holds(c)) ? arena : void 0;
}
var ROW_SCALE_PLANES = 1;
function preconditioner(sys, options, single, pi) {
  const { A } = sys;
  const arena = homeArena(sys, options, single);
  if (arena) {
    const mark = arena.mark();
    const S2 = arenaStencil9(arena, A.width, A.height, "top");
    if (!symmetricPartInArena(sys, S2, arena, pi))
      constrainedSymmetricPart(sys, S2, options.rowScale);
    const mg = buildMultigridInArena(S2, sys.active, arena, { ...options, finest: "size" });
    arena.releaseTop(mark);
    if (!arena.registered(A))
      arena.registerGeneral(A);
    return { mg, arena };
  }
  const built = buildMultigrid(constrainedSymmetricPart(sys, void 0, options.rowScale), sys.active, options);
  const extra = options.rowScale ? ROW_SCALE_PLANES : 0;
  const moved = single && options.wasm !== false ? moveGeneralSolve(sys.A, built, sys.rhs.length, extra) : null;
  return moved ?? { mg: built };
}
function solveGeneral(sys, options = {}) {
  const o = resolve(options);
  const { A, rhs, active } = sys;
  const { width: W, height: H, pad } = A;
  const t0 = performance.now();
  if (o.direct) {
    checkDirectSize(W, H, Math.min(W, H) + 1);
    const planes = solveGeneralDirect(sys).map((v) => Float32Array.from(v));
    const t12 = performance.now();
    return { planes, iterations: 0, relativeResidual: 0, converged: true, setupMs: t12 - t0, solveMs: 0 };
  }
  const home = homeArena(sys, options, o.single);
  let pi = options.rowScale && home ? paddedFactors(options.rowScale, sys, true, home) : void 0;
  const { mg, arena } = preconditioner(sys, options, o.single, pi);
  sys.release?.();
  const t1 = performance.now();
  const b = o.single ? rhs.map((v) => arena ? arena.holds(v) ? v : arena.copy32(v) : Float32Array.from(v)) : rhs;
  const x = startVectors(b, active, W, H, pad, o.single, options.initial, (c, i) => b[c][pad + i], arena);
  if (options.rowScale && !pi)
    pi = paddedFactors(options.rowScale, sys, o.single, arena);
  const res = bicgstab(
    {
      width: W,
      height: H,
      apply: (x0, x1, y0, y1) => applyGeneral9x2(A, x0, x1, y0, y1),
      precondition: (r0, r1, z0, z1) => hybridVcycle2(mg, A, r0, r1, z0, z1, pi)
    },
    b,
    x,
    // In single precision b is a copy, or the system's own planes in the arena (consumed: the
    // right-hand sides of a system solved in its arena do not survive the solve).
    { tolerance: o.tolerance, maxIterations: o.maxIterations, consumeRhs: o.single }
  );
  const out = iterativeResult(x, res, W, H, t1 - t0, t1);
  if (arena && arena !== options.arena)
    arena.releaseHelper();
  return { ...out, kernels: arena ? "wasm" : "javascript" };
}
function symmetricPartInArena(sys, S2, arena, pi) {
  const { A, active, inflow } = sys;
  const { width: W, height: H, pad } = A;
  if (!(A.diag instanceof Float32Array) || !arena.holds(A.diag, S2.e, S2.s, S2.se, S2.sw))
    return false;
  if (!(S2.diag instanceof Float64Array) || !arena.owns(S2.diag))
    return false;
  if (pi && !arena.holds(pi))
    return false;
  const n = W * H;
  let factors = pi;
  if (!factors) {
    factors = arena.f32(n + 2 * pad, "top");
    factors.fill(1, pad, pad + n);
  }
  const mask = arena.owns(active) ? active : arena.u8(n, "top");
  if (mask !== active)
    mask.set(active);
  const into = arena.owns(inflow) ? inflow : arena.copy32(inflow, "top");
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c.map((c) => c.byteOffset);
  arena.kernels.symmetricPart(cW, cE, cN, cS, cNW, cNE, cSW, cSE, A.diag.byteOffset, factors.byteOffset, mask.byteOffset, into.byteOffset, S2.e.byteOffset, S2.s.byteOffset, S2.se.byteOffset, S2.sw.byteOffset, S2.diag.byteOffset, W, H, pad);
  return true;
}
function paddedFactors(rowScale, sys, single, arena) {
  const { width: W, height: H, pad } = sys.A;
  const n = W * H;
  const pi = arena ? arena.f32(n + 2 * pad) : single ? gridVector32(W, H) : gridVector(W, H);
  for (let r = 0; r < n; r++)
    pi[pad + r] = sys.active[r] ? rowScale[r] : 1;
  return pi;
}
function solveLeastSquares(E, fixed, values, preconditioner2, options = {}) {
  const o = resolve(options);
  const { width: W, height: H, pad } = E;
  const n = W * H;
  const t0 = performance.now();
  const m = values.length;
  const mm = m + (m & 1);
  const cvec = Array.from({ length: mm }, (_, c) => {
    const g = gridVector(W, H);
    if (c < m) {
      for (let i = 0; i < n; i++)
        if (fixed[i])
          g[pad + i] = values[c][i];
    }
    return g;
  });
  const tmp = cvec.map(() => gridVector(W, H));
  const rhs = cvec.map(() => gridVector(W, H));
  for (let c = 0; c < mm; c += 2) {
    applyGeneral9x2(E, cvec[c], cvec[c + 1], tmp[c], tmp[c + 1]);
    applyGeneralTranspose9x2(E, tmp[c], tmp[c + 1], rhs[c], rhs[c + 1]);
  }
  for (const g of rhs)
    for (let i = 0; i < n; i++)
      g[pad + i] = fixed[i] ? 0 : -g[pad + i];
  const withFixed = (planes) => planes.slice(0, m).map((p, c) => {
    for (let i = 0; i < n; i++)
      if (fixed[i])
        p[i] = values[c][i];
    return p;
  });
  if (o.direct) {
    const transpose = H < W;
    const short = transpose ? H : W;
    checkDirectSize(W, H, 2 * short);
    const idx = (x2, y) => transpose ? x2 * H + y : y * W + x2;
    const K = /* @__PURE__ */ new Map();
    const key = (a, b2) => a * n + b2;
    const cols = new Int32Array(9);
    const vals = new Float64Array(9);
    for (let y = 0; y < H; y++) {
      for (let x2 = 0; x2 < W; x2++) {
        const r = y * W + x2;
        let cnt = 0;
        if (!fixed[r]) {
          cols[cnt] = idx(x2, y);
          vals[cnt++] = E.diag[pad + r];
        }
        for (let k = 0; k < 8; k++) {
          const cv = E.c[k][pad + r];
          const xx = x2 + GENERAL_OFFSETS[k][0];
          const yy = y + GENERAL_OFFSETS[k][1];
          if (cv === 0 || xx < 0 || yy < 0 || xx >= W || yy >= H || fixed[yy * W + xx])
            continue;
          cols[cnt] = idx(xx, yy);
          vals[cnt++] = -cv;
        }
        for (let a = 0; a < cnt; a++)
          for (let b2 = 0; b2 < cnt; b2++) {
            const kk = key(cols[a], cols[b2]);
            K.set(kk, (K.get(kk) ?? 0) + vals[a] * vals[b2]);
          }
      }
    }
    const isFixedBand = new Uint8Array(n);
    for (let y = 0; y < H; y++)
      for (let x2 = 0; x2 < W; x2++)
        isFixedBand[idx(x2, y)] = fixed[y * W + x2];
    const entry = (i, j) => {
      if (isFixedBand[i] || isFixedBand[j])
        return i === j ? 1 : 0;
      return (K.get(key(i, j)) ?? 0) + (i === j ? LEAST_SQUARES_RIDGE : 0);
    };
    const rows = rhs.slice(0, m).map((g) => {
      const v = new Float64Array(n);
      for (let y = 0; y < H; y++)
        for (let x2 = 0; x2 < W; x2++)
          v[idx(x2, y)] = g[pad + y * W + x2];
      return v;
    });
    bandLuSolve(n, 2 * short, entry, rows);
    const planes = rows.map((v) => {
      const out2 = new Float32Array(n);
      for (let y = 0; y < H; y++)
        for (let x2 = 0; x2 < W; x2++)
          out2[y * W + x2] = v[idx(x2, y)];
      return out2;
    });
    const t12 = performance.now();
    return {
      planes: withFixed(planes),
      iterations: 0,
      relativeResidual: 0,
      converged: true,
      setupMs: t12 - t0,
      solveMs: 0
    };
  }
  const P = dirichletSystem(preconditioner2(), fixed, []);
  const mg = buildMultigrid(P.A, P.active, options);
  const t1 = performance.now();
  const b = o.single ? rhs.map((v) => Float32Array.from(v)) : rhs;
  const active = P.active;
  const x = startVectors(b, active, W, H, pad, o.single, options.initial, () => 0);
  const vec = () => o.single ? gridVector32(W, H) : gridVector(W, H);
  const e0 = vec();
  const e1 = vec();
  const z0 = vec();
  const z1 = vec();
  const res = pcg({
    width: W,
    height: H,
    apply: (x0, x1, y0, y1) => {
      applyGeneral9x2(E, x0, x1, e0, e1);
      applyGeneralTranspose9x2(E, e0, e1, y0, y1);
      for (let i = 0; i < n; i++) {
        if (active[i])
          continue;
        y0[pad + i] = 0;
        y1[pad + i] = 0;
      }
    },
    precondition: (r0, r1, q0, q1) => {
      vcycle2(mg, r0, r1, z0, z1);
      vcycle2(mg, z0, z1, q0, q1);
    }
  }, b, x, { tolerance: o.tolerance, maxIterations: o.maxIterations });
  const out = iterativeResult(x, res, W, H, t1 - t0, t1);
  return { ...out, planes: withFixed(out.planes) };
}

// dist/methods/scribbles/strokes.js
var MARKED_THRESHOLD = 0.01;
function strokeCount(strokes) {
  let n = 0;
  for (let i = 0; i < strokes.mask.length; i++)
    n += strokes.mask[i];
  return n;
}
function rgbPlanes(img) {
  if (img.channels.length === 3)
    return img.channels;
  if (img.channels.length === 1)
    return [img.channels[0], img.channels[0], img.channels[0]];
  throw new ColorizeError(`expected a gray or RGB image, got ${img.channels.length} channels`, "input");
}
function sizeCheck(what, img, width, height) {
  if (img.width !== width || img.height !== height) {
    throw new ColorizeError(`${what} is ${img.width}\xD7${img.height} but the gray image is ${width}\xD7${height}; they must be the same size`, "input");
  }
}
function requireStrokes(set, where) {
  if (strokeCount(set) === 0)
    throw new ColorizeError(`no strokes found in ${where}`, "input");
  return set;
}
function strokesFromMarked(gray, marked, threshold = MARKED_THRESHOLD) {
  checkNumber("threshold", threshold, 0);
  const { width, height } = gray;
  sizeCheck("the marked image", marked, width, height);
  const g = gray.channels.length === 1 ? gray.channels[0] : null;
  const G = rgbPlanes(gray);
  const [R, Gm, B] = rgbPlanes(marked);
  const n = width * height;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = g ? Math.abs(R[i] - g[i]) + Math.abs(Gm[i] - g[i]) + Math.abs(B[i] - g[i]) : Math.abs(R[i] - G[0][i]) + Math.abs(Gm[i] - G[1][i]) + Math.abs(B[i] - G[2][i]);
    mask[i] = d > threshold ? 1 : 0;
  }
  return requireStrokes({ width, height, mask, colors: { width, height, channels: [R, Gm, B] } }, "the marked image (no pixel differs from the gray image)");
}
function strokesFromMask(mask, colors, width = mask.width, height = mask.height) {
  sizeCheck("the mask", mask, width, height);
  sizeCheck("the colour image", colors, width, height);
  if (mask.channels.length !== 1) {
    throw new ColorizeError("the mask is not binary: it has colour; use black (no stroke) and white (stroke) only", "input");
  }
  const m = mask.channels[0];
  const n = width * height;
  const out = new Uint8Array(n);
  let bad = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const v = m[i];
    if (v <= 1e-6)
      continue;
    if (v >= 1 - 1e-6)
      out[i] = 1;
    else {
      if (first < 0)
        first = i;
      bad++;
    }
  }
  if (bad > 0) {
    const x = first % width;
    const y = (first - x) / width;
    throw new ColorizeError(`the mask is not binary: ${bad} pixel(s) are neither black nor white (first at x=${x}, y=${y}, value ${Math.round(m[first] * 255)}/255)`, "input");
  }
  const [R, G, B] = rgbPlanes(colors);
  return requireStrokes({ width, height, mask: out, colors: { width, height, channels: [R.slice(), G.slice(), B.slice()] } }, "the mask (it is all black)");
}
function parseColor(c, k) {
  if (typeof c === "string") {
    const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
    if (!m)
      throw new ColorizeError(`stroke ${k}: colour ${JSON.stringify(c)} is not "#rrggbb"`, "input");
    const v = Number.parseInt(m[1], 16);
    return [(v >> 16) / 255, (v >> 8 & 255) / 255, (v & 255) / 255];
  }
  if (Array.isArray(c) && c.length === 3 && c.every((v) => typeof v === "number" && v >= 0 && v <= 255)) {
    return [c[0] / 255, c[1] / 255, c[2] / 255];
  }
  throw new ColorizeError(`stroke ${k}: colour ${JSON.stringify(c)} must be "#rrggbb" or [r, g, b] with values 0\u2013255`, "input");
}
function strokesFromJson(text, width, height, source = "the stroke file") {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ColorizeError(`${source} is not valid JSON (${err.message})`, "input");
  }
  const list = Array.isArray(doc) ? doc : doc?.strokes;
  if (!Array.isArray(list)) {
    throw new ColorizeError(`${source}: expected {"strokes": [...]} or an array of strokes`, "input");
  }
  if (list.length === 0)
    throw new ColorizeError(`no strokes found in ${source} (the list is empty)`, "input");
  const strokes = [];
  list.forEach((raw, k) => {
    const st = raw;
    if (!st || typeof st !== "object" || !Array.isArray(st.points) || st.points.length === 0) {
      throw new ColorizeError(`${source}: stroke ${k} needs a non-empty "points" list of [x, y]`, "input");
    }
    const bw = st.width ?? 5;
    if (typeof bw !== "number" || !Number.isFinite(bw) || bw <= 0) {
      throw new ColorizeError(`${source}: stroke ${k} has width ${JSON.stringify(bw)}; expected a positive number of pixels`, "input");
    }
    const pts = [];
    for (const p of st.points) {
      if (!Array.isArray(p) || p.length !== 2 || !p.every((v) => typeof v === "number" && Number.isFinite(v))) {
        throw new ColorizeError(`${source}: stroke ${k} has a point ${JSON.stringify(p)} that is not [x, y]`, "input");
      }
      const [x, y] = p;
      if (x < -0.5 || y < -0.5 || x > width - 0.5 || y > height - 0.5) {
        throw new ColorizeError(`${source}: stroke ${k} has point (${x}, ${y}) outside the ${width}\xD7${height} image`, "input");
      }
      pts.push(x, y);
    }
    strokes.push({ points: pts, radius: bw / 2, rgb: parseColor(st.color, k) });
  });
  return rasterizeStrokes(strokes, width, height);
}
function rasterizeStrokes(strokes, width, height) {
  const n = width * height;
  const mask = new Uint8Array(n);
  const R = new Float32Array(n);
  const G = new Float32Array(n);
  const B = new Float32Array(n);
  for (const st of strokes) {
    const p = st.points;
    const rad = st.radius;
    const r2 = rad * rad;
    const segs = Math.max(1, p.length / 2 - 1);
    for (let k = 0; k < segs; k++) {
      const ax = p[2 * k];
      const ay = p[2 * k + 1];
      const bx = p.length >= 4 ? p[2 * k + 2] : ax;
      const by = p.length >= 4 ? p[2 * k + 3] : ay;
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - rad));
      const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + rad));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - rad));
      const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by) + rad));
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = ax + t * dx - x;
          const ey = ay + t * dy - y;
          if (ex * ex + ey * ey <= Math.max(r2, 0.25)) {
            const i = y * width + x;
            mask[i] = 1;
            R[i] = st.rgb[0];
            G[i] = st.rgb[1];
            B[i] = st.rgb[2];
          }
        }
      }
    }
  }
  return requireStrokes({ width, height, mask, colors: { width, height, channels: [R, G, B] } }, "the stroke list");
}
function reduceStrokes(strokes, width, height) {
  const { width: W, height: H } = strokes;
  if (W === width && H === height)
    return strokes;
  const n = W * H;
  const m = new Float32Array(n);
  for (let i = 0; i < n; i++)
    m[i] = strokes.mask[i];
  const cover = resizePlane(m, W, H, width, height, "area");
  const cols = strokes.colors.channels.map((c) => {
    const weighted = new Float32Array(n);
    for (let i = 0; i < n; i++)
      weighted[i] = strokes.mask[i] ? c[i] : 0;
    return resizePlane(weighted, W, H, width, height, "area");
  });
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const c = cover[i];
      let keep = c >= 0.5;
      if (!keep && c > 1e-3) {
        keep = true;
        for (let dy = -1; dy <= 1 && keep; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || yy >= height || xx < 0 || xx >= width || dx === 0 && dy === 0)
              continue;
            if (cover[yy * width + xx] > c) {
              keep = false;
              break;
            }
          }
      }
      if (keep) {
        mask[i] = 1;
        for (const ch of cols)
          ch[i] /= c;
      }
    }
  for (let i = 0; i < mask.length; i++)
    if (!mask[i])
      for (const ch of cols)
        ch[i] = 0;
  return { width, height, mask, colors: { width, height, channels: cols } };
}

// dist/methods/scribbles/levin/affinity.js
var AFFINITY_DEFAULTS = {
  varianceScale: 0.6,
  minNeighbourWeight: 0.01,
  sigmaFloor: 2e-6
};
function resolve2(options) {
  return {
    varianceScale: checkNumber("varianceScale", options.varianceScale ?? AFFINITY_DEFAULTS.varianceScale, 1e-6),
    minNeighbourWeight: checkNumber("minNeighbourWeight", options.minNeighbourWeight ?? AFFINITY_DEFAULTS.minNeighbourWeight, 1e-300, 0.999),
    sigmaFloor: checkNumber("sigmaFloor", options.sigmaFloor ?? AFFINITY_DEFAULTS.sigmaFloor, 1e-12)
  };
}
function levinOperator(Y, width, height, options = {}, precision = "single", arena) {
  const { varianceScale, minNeighbourWeight, sigmaFloor } = resolve2(options);
  const logFloor = -Math.log(minNeighbourWeight);
  const A = arena && precision === "single" ? arenaGeneralStencil9(arena, width, height) : createGeneralStencil9(width, height, precision);
  const { pad, diag } = A;
  const [cW, cE, cN, cS, cNW, cNE, cSW, cSE] = A.c;
  const W = width;
  const v = new Float64Array(8);
  const inside = new Uint8Array(8);
  const generalPixel = (x, y) => {
    const r = y * W + x;
    const yr = Y[r];
    let m = 1;
    let sum = yr;
    for (let k = 0; k < 8; k++) {
      const xx = x + GENERAL_OFFSETS[k][0];
      const yy = y + GENERAL_OFFSETS[k][1];
      inside[k] = xx >= 0 && yy >= 0 && xx < W && yy < height ? 1 : 0;
      if (!inside[k])
        continue;
      const t = Y[yy * W + xx];
      v[k] = t;
      sum += t;
      m++;
    }
    const mean = sum / m;
    let variance = (yr - mean) * (yr - mean);
    let minSq = Infinity;
    for (let k = 0; k < 8; k++) {
      if (!inside[k])
        continue;
      const t = v[k];
      variance += (t - mean) * (t - mean);
      const d = (t - yr) * (t - yr);
      if (d < minSq)
        minSq = d;
    }
    variance /= m;
    let csig = variance * varianceScale;
    if (csig < minSq / logFloor)
      csig = minSq / logFloor;
    if (csig < sigmaFloor)
      csig = sigmaFloor;
    const inv = -1 / csig;
    let total = 0;
    for (let k = 0; k < 8; k++) {
      if (!inside[k]) {
        v[k] = 0;
        continue;
      }
      const d = v[k] - yr;
      const g = Math.exp(d * d * inv);
      v[k] = g;
      total += g;
    }
    const i = pad + r;
    for (let k = 0; k < 8; k++)
      A.c[k][i] = v[k] / total;
    diag[i] = 1;
  };
  if (precision === "single" && affinitiesInWasm(Y, A, varianceScale, logFloor, sigmaFloor, generalPixel))
    return A;
  for (let y = 0; y < height; y++) {
    const border = y === 0 || y === height - 1;
    for (let x = 0; x < W; x++) {
      if (border || x === 0 || x === W - 1) {
        generalPixel(x, y);
        continue;
      }
      const r0 = y * W + x;
      const i = pad + r0;
      const yr = Y[r0];
      const tW = Y[r0 - 1];
      const tE = Y[r0 + 1];
      const tN = Y[r0 - W];
      const tS = Y[r0 + W];
      const tNW = Y[r0 - W - 1];
      const tNE = Y[r0 - W + 1];
      const tSW = Y[r0 + W - 1];
      const tSE = Y[r0 + W + 1];
      const mean = (yr + tW + tE + tN + tS + tNW + tNE + tSW + tSE) / 9;
      const dW = tW - yr;
      const dE = tE - yr;
      const dN = tN - yr;
      const dS = tS - yr;
      const dNW = tNW - yr;
      const dNE = tNE - yr;
      const dSW = tSW - yr;
      const dSE = tSE - yr;
      const dm = yr - mean;
      const sq = dW * dW + dE * dE + dN * dN + dS * dS + dNW * dNW + dNE * dNE + dSW * dSW + dSE * dSE;
      const variance = sq / 9 - dm * dm;
      const minSq = Math.min(dW * dW, dE * dE, dN * dN, dS * dS, dNW * dNW, dNE * dNE, dSW * dSW, dSE * dSE);
      let csig = variance * varianceScale;
      if (csig < minSq / logFloor)
        csig = minSq / logFloor;
      if (csig < sigmaFloor)
        csig = sigmaFloor;
      const inv = -1 / csig;
      const gW = Math.exp(dW * dW * inv);
      const gE = Math.exp(dE * dE * inv);
      const gN = Math.exp(dN * dN * inv);
      const gS = Math.exp(dS * dS * inv);
      const gNW = Math.exp(dNW * dNW * inv);
      const gNE = Math.exp(dNE * dNE * inv);
      const gSW = Math.exp(dSW * dSW * inv);
      const gSE = Math.exp(dSE * dSE * inv);
      const h = 1 / (gW + gE + gN + gS + gNW + gNE + gSW + gSE);
      cW[i] = gW * h;
      cE[i] = gE * h;
      cN[i] = gN * h;
      cS[i] = gS * h;
      cNW[i] = gNW * h;
      cNE[i] = gNE * h;
      cSW[i] = gSW * h;
      cSE[i] = gSE * h;
      diag[i] = 1;
    }
  }
  return A;
}
function symmetricAffinity(Y, width, height, options = {}) {
  return symmetrise(levinOperator(Y, width, height, options));
}
var BAND_ROWS = 64;
function affinitiesInWasm(Y, A, varianceScale, logFloor, sigmaFloor, pixel) {
  const { width: W, height: H, pad } = A;
  if (W < 6 || H < 3)
    return false;
  const home = arenaOf(A.c[0]);
  const bandRows = Math.min(BAND_ROWS, H - 2);
  const inHome = home && A.c.every((c) => home.holds(c)) && home.free() >= planeBytes(W * H) + planeBytes(8 * W * bandRows, 2) + 64;
  const arena = inHome ? home : WasmArena.create(planeBytes(W * (BAND_ROWS + 2)) + planeBytes(W * BAND_ROWS, 8));
  if (!arena)
    return false;
  const mark = arena.mark();
  const whole = inHome ? arena.copy32(Y, "top") : null;
  const yBand = whole ? null : arena.f32(W * (BAND_ROWS + 2));
  const outs = inHome ? [arena.f32(8 * W * bandRows, "top"), arena.f32(8 * W * bandRows, "top")] : [arena.f32(8 * W * bandRows)];
  const xEnd = 1 + (W - 2 & ~3);
  const bands = [];
  for (let y0 = 1; y0 < H - 1; y0 += BAND_ROWS)
    bands.push(y0);
  const args = (y0, out) => {
    const rows = Math.min(BAND_ROWS, H - 1 - y0);
    let band;
    if (whole)
      band = whole.byteOffset + 4 * (y0 - 1) * W;
    else {
      yBand?.set(Y.subarray((y0 - 1) * W, (y0 + rows + 1) * W));
      band = yBand?.byteOffset ?? 0;
    }
    return [band, out.byteOffset, W, rows, varianceScale, logFloor, sigmaFloor];
  };
  const place = (y0, out) => {
    const rows = Math.min(BAND_ROWS, H - 1 - y0);
    const n = rows * W;
    for (let k = 0; k < 8; k++) {
      if (inHome)
        arena.kernels.copy(A.c[k].byteOffset + 4 * (pad + y0 * W), out.byteOffset + 4 * k * n, 4 * n);
      else
        A.c[k].set(out.subarray(k * n, (k + 1) * n), pad + y0 * W);
    }
    for (let y = y0; y < y0 + rows; y++) {
      pixel(0, y);
      for (let x = xEnd; x < W; x++)
        pixel(x, y);
    }
  };
  for (let b = 0; b < bands.length; b += outs.length) {
    const y0 = bands[b];
    if (outs.length === 2 && b + 1 < bands.length) {
      arena.together("levinAffinityRows", args(y0, outs[0]), args(bands[b + 1], outs[1]));
      place(y0, outs[0]);
      place(bands[b + 1], outs[1]);
    } else {
      arena.kernels.levinAffinityRows(...args(y0, outs[0]));
      place(y0, outs[0]);
    }
  }
  if (inHome)
    arena.releaseTop(mark);
  for (let x = 0; x < W; x++) {
    pixel(x, 0);
    pixel(x, H - 1);
  }
  A.diag.fill(1, pad, pad + W * H);
  return true;
}

// dist/methods/scribbles/levin/report-system.js
var REPORT_SIGMA_FLOOR = 0.01;
var REPORT_INTENSITY_SCALE = 255;
function reportOperator(Y, width, height) {
  if (width < 2 || height < 2)
    throw new ColorizeError(`the report's system needs at least 2\xD72 pixels, got ${width}\xD7${height}`, "input");
  const E = createGeneralStencil9(width, height);
  const d2 = new Float64Array(4);
  const inside = new Uint8Array(4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = y * width + x;
      const yr = Y[r] * REPORT_INTENSITY_SCALE;
      let m = 0;
      let sum = 0;
      for (let k = 0; k < 4; k++) {
        const xx = x + GENERAL_OFFSETS[k][0];
        const yy = y + GENERAL_OFFSETS[k][1];
        inside[k] = xx >= 0 && yy >= 0 && xx < width && yy < height ? 1 : 0;
        if (inside[k]) {
          sum += Y[yy * width + xx] * REPORT_INTENSITY_SCALE;
          m++;
        }
      }
      const mean = sum / m;
      let ss = 0;
      let minD2 = Infinity;
      for (let k = 0; k < 4; k++) {
        if (!inside[k])
          continue;
        const t = Y[y * width + x + GENERAL_OFFSETS[k][1] * width + GENERAL_OFFSETS[k][0]] * REPORT_INTENSITY_SCALE;
        ss += (t - mean) * (t - mean);
        d2[k] = (t - yr) * (t - yr);
        if (d2[k] < minD2)
          minD2 = d2[k];
      }
      let sigma = ss / (m - 1);
      if (sigma === 0)
        sigma = REPORT_SIGMA_FLOOR;
      const inv = 1 / (2 * sigma * sigma);
      let total = 0;
      const g = [0, 0, 0, 0];
      for (let k = 0; k < 4; k++) {
        if (!inside[k])
          continue;
        g[k] = Math.exp(-(d2[k] - minD2) * inv);
        total += g[k];
      }
      const i = E.pad + r;
      E.diag[i] = 1;
      for (let k = 0; k < 4; k++)
        E.c[k][i] = g[k] / total;
    }
  }
  return E;
}
function reportPreconditioner(E, floor = 1e-3) {
  const L = symmetrise(E);
  const { width: W, height: H, pad, e, s, diag } = L;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = pad + y * W + x;
      if (x + 1 < W && e[i] < floor)
        e[i] = floor;
      if (y + 1 < H && s[i] < floor)
        s[i] = floor;
    }
  const end = pad + W * H;
  for (let i = pad; i < end; i++)
    diag[i] = e[i] + e[i - 1] + s[i] + s[i - W];
  return L;
}

// dist/methods/scribbles/levin/levin.js
var SCRIBBLE_SPACES = ["yuv", "yiq"];
var LEVIN_SYSTEMS = ["levin", "symmetric", "report"];
var BALANCE_MIN_PIXELS = 1e6;
var LEVIN_TOLERANCE = 5e-5;
function grayPlane(img) {
  return img.channels.length === 1 ? img.channels[0] : lumaOf(img);
}
function strokeChroma(strokes, space, into) {
  const n = strokes.mask.length;
  const { index, c1, c2 } = strokeChromaAt(strokes, space);
  const [u, v] = into ?? [new Float32Array(n), new Float32Array(n)];
  for (let k = 0; k < index.length; k++) {
    u[index[k]] = c1[k];
    v[index[k]] = c2[k];
  }
  return [u, v];
}
function solveChroma(L, strokes, space, options, buildMs) {
  const { width, height } = L;
  const t0 = performance.now();
  const sys = dirichletSystem(L, strokes.mask, strokeChroma(strokes, space));
  const t1 = performance.now();
  return packResult(solveSpd(sys, options), strokes, space, width, height, buildMs + (t1 - t0));
}
function packResult(res, strokes, space, width, height, buildMs) {
  let strokePixels = 0;
  for (let i = 0; i < strokes.mask.length; i++)
    strokePixels += strokes.mask[i];
  return {
    chroma: { width, height, channels: res.planes },
    space,
    stats: {
      strokePixels,
      iterations: res.iterations,
      relativeResidual: res.relativeResidual,
      converged: res.converged,
      buildMs,
      setupMs: res.setupMs,
      solveMs: res.solveMs,
      kernels: res.kernels
    }
  };
}
function levinChroma(gray, strokes, options = {}) {
  const space = checkChoice("space", options.space ?? "yuv", SCRIBBLE_SPACES);
  const system = checkChoice("system", options.system ?? "levin", LEVIN_SYSTEMS);
  const { width, height } = gray;
  const t0 = performance.now();
  const Y = grayPlane(gray);
  if (system === "symmetric") {
    const L = symmetricAffinity(Y, width, height, options);
    return solveChroma(L, strokes, space, options, performance.now() - t0);
  }
  if (system === "report") {
    const values = strokeChroma(strokes, space);
    const E = reportOperator(Y, width, height);
    const t1 = performance.now();
    const res2 = solveLeastSquares(E, strokes.mask, values, () => reportPreconditioner(E), options);
    return packResult(res2, strokes, space, width, height, t1 - t0);
  }
  const precision = options.precision ?? "single";
  const arena = precision === "single" && options.solver !== "direct" ? takeReservedArena(width, height, options.threads) ?? levinArena(width, height, options.threads) : void 0;
  const A = levinOperator(Y, width, height, options, precision, arena);
  const balance = options.balance ?? width * height >= BALANCE_MIN_PIXELS;
  const rowScale = balance ? stationaryBalance(A, { arena }) : void 0;
  const res = solveLevinSystem(A, strokes, space, { ...options, rowScale, arena }, performance.now() - t0, true);
  arena?.releaseHelper();
  return { ...res, stats: { ...res.stats, balanced: balance } };
}
function solveLevinSystem(A, strokes, space, options, buildMs = 0, consumeOperator = false) {
  const t0 = performance.now();
  const home = options.arena?.holds(A.c[0]) ? options.arena : void 0;
  const len = A.width * A.height + 2 * A.pad;
  const n = A.width * A.height;
  const outer = home?.mark();
  const planes = home ? {
    rhs: [home.f32(len), home.f32(len)],
    active: home.u8(n, "bottom", 1),
    inflow: home.f32(n, "top"),
    release: () => outer && home.releaseTop(outer)
  } : {};
  const mark = home?.mark();
  const spread = home && home.free() >= 2 * n * 4 + 1024;
  const values = strokeChroma(strokes, space, spread ? [home.f32(n, "top"), home.f32(n, "top")] : void 0);
  const sys = generalDirichletSystem(A, strokes.mask, values, consumeOperator, planes, options.rowScale);
  if (home && mark)
    home.releaseTop(mark);
  const t1 = performance.now();
  const res = solveGeneral(sys, {
    ...options,
    tolerance: options.tolerance ?? LEVIN_TOLERANCE
  });
  return packResult(res, strokes, space, A.width, A.height, buildMs + (t1 - t0));
}
function levinArena(width, height, threads) {
  const [, ...coarse] = levelSizes(width, height);
  let bytes = planeBytes(width * height + 2 * (width + 1), 33);
  for (const [w, h] of coarse)
    bytes += planeBytes(w * h + 2 * (w + 1), ARENA_PLANES_PER_COARSE_LEVEL);
  const arena = WasmArena.create(bytes + planeBytes(width + 8, 4) + (1 << 16), {
    threads: threads ?? true,
    prefault: true
  });
  arena?.scratchRows(width);
  return arena ?? void 0;
}
var reserved = null;
function reserveLevinArena(width, height, options = {}) {
  reserved = null;
  try {
    if ((options.system ?? "levin") !== "levin" || options.solver === "direct")
      return false;
    if ((options.precision ?? "single") !== "single")
      return false;
    const cap = checkWorkingPixels("workingPixels", options.workingPixels ?? LEVIN_WORKING_PIXELS);
    const grid = cap === 0 || width * height <= cap ? { width, height } : workingGrid(width, height, cap);
    const threads = options.threads ?? true;
    const arena = levinArena(grid.width, grid.height, threads);
    if (arena)
      reserved = { ...grid, threads, arena };
    return !!arena;
  } catch {
    return false;
  }
}
function takeReservedArena(width, height, threads = true) {
  const r = reserved;
  reserved = null;
  return r && r.width === width && r.height === height && r.threads === threads ? r.arena : void 0;
}
function colorizeLevin(gray, strokes, options = {}, finishOptions = {}) {
  const { width, height } = gray;
  const cap = checkWorkingPixels("workingPixels", options.workingPixels ?? LEVIN_WORKING_PIXELS);
  if (cap === 0 || width * height <= cap) {
    const res2 = levinChroma(gray, strokes, options);
    const rgb2 = finish({ original: gray, chroma: res2.chroma, space: res2.space }, finishOptions);
    return { ...res2, rgb: rgb2 };
  }
  const space = checkChoice("space", options.space ?? "yuv", SCRIBBLE_SPACES);
  const { width: w, height: h } = workingGrid(width, height, cap);
  const small = {
    width: w,
    height: h,
    channels: [resizePlane(grayPlane(gray), width, height, w, h, "area")]
  };
  const res = levinChroma(small, reduceStrokes(strokes, w, h), options);
  const fixed = strokeChromaAt(strokes, space);
  const rgb = finish({ original: gray, chroma: res.chroma, space: res.space, fixed }, finishOptions);
  return {
    ...res,
    rgb,
    stats: { ...res.stats, strokePixels: fixed.index.length, working: { width: w, height: h } }
  };
}
var LEVIN_WORKING_PIXELS = 4e6;
function strokeChromaAt(strokes, space) {
  const { mask } = strokes;
  let count = 0;
  for (let i = 0; i < mask.length; i++)
    count += mask[i] ? 1 : 0;
  const index = new Uint32Array(count);
  const c1 = new Float32Array(count);
  const c2 = new Float32Array(count);
  const [R, G, B] = strokes.colors.channels;
  const m = forwardMatrix(space);
  for (let i = 0, k = 0; i < mask.length; i++) {
    if (!mask[i])
      continue;
    const r = R[i];
    const g = G[i];
    const b = B[i];
    index[k] = i;
    c1[k] = m[3] * r + m[4] * g + m[5] * b;
    c2[k] = m[6] * r + m[7] * g + m[8] * b;
    k++;
  }
  return { index, c1, c2 };
}

// dist/methods/scribbles/declare.js
var SCRIBBLE_INPUTS = [
  {
    name: "gray",
    kind: "image",
    required: true,
    description: "the gray photo (a colour photo is used by its luma)"
  },
  {
    name: "marked",
    kind: "image",
    required: false,
    description: "the gray photo with coloured strokes painted on it; a pixel is a stroke when |R\u2212gray|+|G\u2212gray|+|B\u2212gray| exceeds the threshold (Levin et al.), so white, gray or black strokes count too"
  },
  {
    name: "strokes",
    kind: "json",
    required: false,
    description: 'strokes as JSON polylines {"strokes": [{"points": [[x, y], ...], "width": 5, "color": "#rrggbb"}]} (pixel coordinates, width = brush diameter)'
  },
  {
    name: "mask",
    kind: "image",
    required: false,
    description: "stroke mask: white = stroke, black = none (with colors)"
  },
  { name: "colors", kind: "image", required: false, description: "the colours of the strokes in mask" }
];
var SCRIBBLE_ONE_OF = [["marked", "strokes", "mask"]];
var SCRIBBLE_TOGETHER = [["mask", "colors"]];
var SCRIBBLE_SOLVE_OPTIONS = [
  {
    flags: "--space <space>",
    key: "space",
    type: "string",
    choices: SCRIBBLE_SPACES,
    default: "yuv",
    description: "chroma space: yuv (report eq. 1) or yiq (Levin et al.\u2019s code)"
  },
  {
    flags: "--solver <name>",
    key: "solver",
    type: "string",
    choices: SOLVER_KINDS,
    default: "multigrid",
    description: "multigrid (fast) or direct (exact, small images only)"
  },
  {
    flags: "--tolerance <x>",
    key: "tolerance",
    type: "number",
    defaultText: `${LEVIN_TOLERANCE} for the levin system, ${DEFAULT_TOLERANCE} otherwise`,
    min: 1e-15,
    max: 1,
    description: "relative residual at which the iterative solver stops"
  },
  {
    flags: "--working-pixels <n>",
    key: "workingPixels",
    type: "number",
    integer: true,
    default: LEVIN_WORKING_PIXELS,
    description: "largest photo solved at full resolution (0: always); a larger one is solved on a grid of this many pixels with every stroke kept, then upsampled guided by the gray (exact stroke colours kept)"
  },
  {
    flags: "--threshold <x>",
    key: "threshold",
    type: "number",
    default: MARKED_THRESHOLD,
    min: 0,
    max: 3,
    description: "marked image: a pixel is a stroke when \u03A3|marked \u2212 gray| over R, G, B exceeds this (0\u20131 scale)"
  }
];
function fromInput(name, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ColorizeError)
      throw new ColorizeError(`${name}: ${err.message}`, err.kind);
    throw err;
  }
}
function strokesOfInputs(inputs, options, context = {}) {
  const g = inputs.images.gray;
  if (!g.isGray)
    context.notice?.(COLOUR_AS_GRAY_NOTE);
  const gray = grayInput(g.image, g.isGray);
  const forms = [inputs.images.marked, inputs.texts.strokes, inputs.images.mask].filter((x) => x !== void 0);
  if (forms.length === 0)
    throw new ColorizeError("no strokes given: give a marked image, strokes JSON, or a mask with colors", "usage");
  if (forms.length > 1)
    throw new ColorizeError("give strokes in one form only: a marked image, strokes JSON, or a mask with colors", "usage");
  const { width, height } = gray;
  const json = inputs.texts.strokes;
  if (json !== void 0)
    return { gray, strokes: strokesFromJson(json, width, height, "strokes") };
  const marked = inputs.images.marked;
  if (marked) {
    const threshold = options.threshold ?? MARKED_THRESHOLD;
    return { gray, strokes: fromInput("marked", () => strokesFromMarked(gray, marked.image, threshold)) };
  }
  const mask = inputs.images.mask;
  const colors = inputs.images.colors;
  if (!colors)
    throw new ColorizeError("mask and colors go together: give both", "usage");
  if (colors.image.width !== width || colors.image.height !== height)
    throw new ColorizeError(`colors: the colour image is ${colors.image.width}\xD7${colors.image.height} but the gray image is ${width}\xD7${height}; they must be the same size`, "input");
  return { gray, strokes: fromInput("mask", () => strokesFromMask(mask.image, colors.image, width, height)) };
}
function solveOptions(o) {
  const { threshold: _t, ...rest } = o;
  return rest;
}
function solveSummary(stats, direct, iterationName) {
  const work = direct ? "direct solve" : `${stats.iterations} ${iterationName} iterations`;
  const s = (stats.buildMs + stats.setupMs + stats.solveMs) / 1e3;
  const grid = stats.working ? ` on a ${stats.working.width}\xD7${stats.working.height} working grid` : "";
  return `${stats.strokePixels} stroke pixels, ${work}${grid}, solve ${s.toFixed(2)} s`;
}

// dist/methods/scribbles/levin/method.js
var levinMethod = {
  name: "levin",
  family: "scribbles",
  familyDefault: true,
  summary: "Levin, Lischinski & Weiss 2004: colorization using optimisation (strokes spread along luminance)",
  paper: "Levin, Lischinski & Weiss 2004 (eq. 1\u20132, getColorExact.m); report \xA73.2 eq. 8\u20139",
  inputs: SCRIBBLE_INPUTS,
  oneOf: SCRIBBLE_ONE_OF,
  together: SCRIBBLE_TOGETHER,
  browser: true,
  prepare: (size, o) => {
    startSolverThreads();
    if (size)
      reserveLevinArena(size.width, size.height, o ? solveOptions(o) : {});
  },
  options: [
    ...SCRIBBLE_SOLVE_OPTIONS,
    {
      flags: "--system <name>",
      key: "system",
      type: "string",
      choices: LEVIN_SYSTEMS,
      default: "levin",
      description: "levin: Levin et al.\u2019s own system (getColorExact.m); symmetric: the symmetrised graph Laplacian; report: the report\u2019s eq. 8 weights and eq. 9 normal equations"
    },
    {
      flags: "--balance <when>",
      key: "balance",
      type: "string",
      choices: ["auto", "on", "off"],
      default: "auto",
      description: `levin system: balance its rows before the solve (same result, fewer iterations on large photos); auto: from ${BALANCE_MIN_PIXELS / 1e6} MP`
    },
    {
      flags: "--variance-scale <f>",
      key: "varianceScale",
      type: "number",
      default: AFFINITY_DEFAULTS.varianceScale,
      min: 0,
      description: "2\u03C3_r\xB2 = factor \xB7 local variance",
      source: "Levin et al.\u2019s code: 0.6"
    },
    {
      flags: "--min-neighbour-weight <w>",
      key: "minNeighbourWeight",
      type: "number",
      default: AFFINITY_DEFAULTS.minNeighbourWeight,
      min: 0,
      description: "weight the most similar neighbour keeps at least"
    }
  ],
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOfInputs(inputs, o, ctx);
    ctx.progress?.(0.1, "solving");
    const { balance, ...rest } = solveOptions(o);
    const res = colorizeLevin(gray, strokes, {
      ...rest,
      balance: balance === "on" ? true : balance === "off" ? false : void 0
    });
    const system = o.system ?? "levin";
    const s = res.stats;
    if (!s.converged)
      ctx.notice?.(`the solver stopped after ${s.iterations} iterations before reaching the tolerance`);
    const iteration = system === "levin" ? "BiCGStab" : "CG";
    return {
      rgb: res.rgb,
      summary: `levin (${system} system, ${o.space ?? "yuv"}), ${solveSummary(s, o.solver === "direct", iteration)}`
    };
  }
};

// dist/methods/scribbles/poisson/poisson.js
var POISSON_OUTPUTS = ["finished", "raw"];
var POISSON_DEFAULT_LAMBDA = 1e10;
function poissonMergeRgb(gray, strokes, options = {}) {
  const lambda = checkNumber("lambda", options.lambda ?? POISSON_DEFAULT_LAMBDA, 0);
  const { width: W, height: H } = gray;
  const t = grayPlane(gray);
  const n = W * H;
  const t0 = performance.now();
  const L = createStencil9(W, H);
  const { pad, e, s, diag } = L;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = pad + y * W + x;
      if (x + 1 < W)
        e[i] = lambda;
      if (y + 1 < H)
        s[i] = lambda;
      const deg = (x > 0 ? 1 : 0) + (x + 1 < W ? 1 : 0) + (y > 0 ? 1 : 0) + (y + 1 < H ? 1 : 0);
      diag[i] = 1 + lambda * deg;
    }
  }
  const delta = strokes.colors.channels.map((c) => {
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++)
      if (strokes.mask[i])
        d[i] = c[i] - t[i];
    return d;
  });
  const sys = dirichletSystem(L, strokes.mask, delta);
  const t1 = performance.now();
  const res = solveSpd(sys, options);
  const rgb = res.planes.map((d, c) => {
    const out = new Float32Array(n);
    const col = strokes.colors.channels[c];
    for (let i = 0; i < n; i++)
      out[i] = strokes.mask[i] ? col[i] : t[i] + d[i];
    return out;
  });
  let strokePixels = 0;
  for (let i = 0; i < n; i++)
    strokePixels += strokes.mask[i];
  return {
    rgb: { width: W, height: H, channels: rgb },
    stats: {
      strokePixels,
      iterations: res.iterations,
      relativeResidual: res.relativeResidual,
      converged: res.converged,
      buildMs: t1 - t0,
      setupMs: res.setupMs,
      solveMs: res.solveMs
    }
  };
}
function colorizePoisson(gray, strokes, options = {}, finishOptions = {}) {
  const space = checkChoice("space", options.space ?? "yuv", SCRIBBLE_SPACES);
  const output = checkChoice("output", options.output ?? "finished", POISSON_OUTPUTS);
  const cap = checkWorkingPixels("workingPixels", options.workingPixels ?? LEVIN_WORKING_PIXELS);
  if (cap !== 0 && gray.width * gray.height > cap)
    return poissonAtWorkingSize(gray, strokes, space, output, cap, options, finishOptions);
  const { rgb: merged, stats } = poissonMergeRgb(gray, strokes, options);
  const lc = rgbToLumaChroma(merged, space);
  const chroma = { width: gray.width, height: gray.height, channels: [lc.channels[1], lc.channels[2]] };
  const rgb = output === "raw" ? { width: gray.width, height: gray.height, channels: merged.channels.map(clamp01) } : finish({ original: gray, chroma, space }, finishOptions);
  return { chroma, space, stats, rgb, merged };
}
function poissonAtWorkingSize(gray, strokes, space, output, cap, options, finishOptions) {
  const { width: W, height: H } = gray;
  const { width: w, height: h } = workingGrid(W, H, cap);
  const t = grayPlane(gray);
  const small = resizePlane(t, W, H, w, h, "area");
  const { rgb: merged, stats: solveStats } = poissonMergeRgb({ width: w, height: h, channels: [small] }, reduceStrokes(strokes, w, h), options);
  const lc = rgbToLumaChroma(merged, space);
  const chroma = { width: w, height: h, channels: [lc.channels[1], lc.channels[2]] };
  let strokePixels = 0;
  for (let i = 0; i < strokes.mask.length; i++)
    strokePixels += strokes.mask[i];
  const stats = { ...solveStats, strokePixels, working: { width: w, height: h } };
  if (output === "raw") {
    const channels = merged.channels.map((m, c) => {
      const d = new Float32Array(w * h);
      for (let i = 0; i < d.length; i++)
        d[i] = m[i] - small[i];
      const up = resizePlane(d, w, h, W, H, "bilinear");
      const col = strokes.colors.channels[c];
      for (let i = 0; i < up.length; i++) {
        const v = strokes.mask[i] ? col[i] : t[i] + up[i];
        up[i] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
      return up;
    });
    return { chroma, space, stats, rgb: { width: W, height: H, channels }, merged };
  }
  const fixed = strokeChromaAt(strokes, space);
  const rgb = finish({ original: gray, chroma, space, fixed }, finishOptions);
  return { chroma, space, stats, rgb, merged };
}
function clamp01(p) {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++)
    out[i] = p[i] < 0 ? 0 : p[i] > 1 ? 1 : p[i];
  return out;
}

// dist/methods/scribbles/poisson/method.js
var poissonMethod = {
  name: "poisson",
  family: "scribbles",
  summary: "RGB Poisson merging of the strokes with the gray image (report \xA73.1.2, eq. 7)",
  paper: "semi-interactive re-colorization report \xA73.1.2, eq. 7",
  inputs: SCRIBBLE_INPUTS,
  oneOf: SCRIBBLE_ONE_OF,
  together: SCRIBBLE_TOGETHER,
  browser: true,
  options: [
    ...SCRIBBLE_SOLVE_OPTIONS,
    {
      flags: "--lambda <x>",
      key: "lambda",
      type: "number",
      default: POISSON_DEFAULT_LAMBDA,
      min: 0,
      description: "weight \u03BB of the gradient term",
      source: "report eq. 7, fig. 21"
    },
    {
      flags: "--poisson-output <form>",
      key: "output",
      type: "string",
      choices: POISSON_OUTPUTS,
      default: "finished",
      description: "finished: the merged chroma on the gray luminance; raw: the merged RGB of eq. 7 (luminance drift and all, report figs. 20\u201322)"
    }
  ],
  run: (inputs, o, ctx) => {
    const { gray, strokes } = strokesOfInputs(inputs, o, ctx);
    ctx.progress?.(0.1, "solving");
    const res = colorizePoisson(gray, strokes, solveOptions(o));
    const s = res.stats;
    if (!s.converged)
      ctx.notice?.(`the solver stopped after ${s.iterations} iterations before reaching the tolerance`);
    const raw = o.output === "raw" ? " raw RGB" : "";
    return {
      rgb: res.rgb,
      summary: `poisson${raw} (${o.space ?? "yuv"}), ${solveSummary(s, o.solver === "direct", "CG")}`
    };
  }
};

// dist/filters/edges.js
var EDGE_KERNEL_NAMES = [
  "horizontal",
  "vertical",
  "laplacian4",
  "laplacian8"
];
var EDGE_KERNELS = {
  horizontal: [0, 0, 0, -1, 2, -1, 0, 0, 0],
  vertical: [0, -1, 0, 0, 2, 0, 0, -1, 0],
  laplacian4: [0, -1, 0, -1, 4, -1, 0, -1, 0],
  laplacian8: [-1, -1, -1, -1, 8, -1, -1, -1, -1]
};
function convolve3x3(src, width, height, m) {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const ys = [y > 0 ? y - 1 : 0, y, y < height - 1 ? y + 1 : height - 1];
    for (let x = 0; x < width; x++) {
      const xs0 = x > 0 ? x - 1 : 0;
      const xs2 = x < width - 1 ? x + 1 : width - 1;
      let s = 0;
      for (let r = 0; r < 3; r++) {
        const row = ys[r] * width;
        s += m[3 * r] * src[row + xs0] + m[3 * r + 1] * src[row + x] + m[3 * r + 2] * src[row + xs2];
      }
      out[y * width + x] = s;
    }
  }
  return out;
}
function edgeProbability(luminance, width, height, options = {}) {
  const kernel = checkChoice("kernel", options.kernel ?? "laplacian4", EDGE_KERNEL_NAMES);
  const sigma = checkNumber("sigma", options.sigma ?? 1, 0, 20);
  const m = EDGE_KERNELS[kernel];
  const src = sigma > 0 ? gaussianFir(luminance, width, height, sigma) : luminance;
  const c = convolve3x3(src, width, height, m);
  const inv = 1 / m[4];
  for (let i = 0; i < c.length; i++) {
    const v = Math.abs(c[i]) * inv;
    c[i] = v > 1 ? 1 : v;
  }
  return c;
}

// dist/methods/transfer/declare.js
function catalogueGrayHint(method) {
  return grayTargetHint(method, {
    method: (m) => `method ${m}`,
    exemplar: () => "an exemplar method",
    option: (k, v) => `option ${k}=${v}`
  });
}
function transferMethod(d) {
  const { transfer, ...rest } = d;
  return {
    ...rest,
    family: "transfer",
    inputs: referenceInputs("image to recolour (colour or gray)", "colour image whose colours are used"),
    oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
    run: async (inputs, options, context) => {
      const target = inputs.images.target;
      const reference = colourReference(inputs);
      if (refusesGrayTarget(d, target.isGray, options)) {
        const hint = catalogueGrayHint(d);
        throw new ColorizeError(`target is gray and ${d.name} needs a colour target${hint ? `; ${hint}` : ""}`, "input");
      }
      const rgb = await transfer(target.image, reference.image, options, context);
      return { rgb: target.isGray ? keepGrayLuminance(target.image, rgb) : rgb };
    }
  };
}
function keepGrayLuminance(target, rgb) {
  const y = target.channels.length === 1 ? target.channels[0] : lumaOf(target);
  const out = lumaOf(rgb);
  let worst = 0;
  for (let i = 0; i < y.length; i++)
    worst = Math.max(worst, Math.abs(out[i] - y[i]));
  if (worst <= 0.5 / 255)
    return rgb;
  const lab = rgbImageToLab(rgb);
  const chroma = fromPlanes(rgb.width, rgb.height, [lab.channels[1], lab.channels[2]]);
  const gray = fromPlanes(target.width, target.height, [y]);
  return finish({ original: gray, chroma, space: "lab" });
}

// dist/filters/histogram-match.js
function binOf(v, top) {
  const b = Math.round(v * top);
  return b < 0 ? 0 : b > top ? top : b;
}
function cumulativeHistogram(values, bins = 256, mask) {
  checkInteger("bins", bins, 2, 65536);
  const top = bins - 1;
  const h = new Float64Array(bins);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && !mask[i])
      continue;
    h[binOf(values[i], top)]++;
    count++;
  }
  if (count === 0)
    throw new ColorizeError("histogram of an empty pixel set", "internal");
  let s = 0;
  for (let k = 0; k < bins; k++) {
    s += h[k];
    h[k] = s / count;
  }
  return h;
}
function lutFromCdfs(cdfTarget, cdfRef) {
  const n = cdfTarget.length;
  const top = cdfRef.length - 1;
  const lut = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < top && cdfRef[j] < cdfTarget[i] - 1e-12)
      j++;
    lut[i] = j;
  }
  return lut;
}
function matchHistogramLut(target, reference, bins = 256, masks = {}) {
  const lut = lutFromCdfs(cumulativeHistogram(target, bins, masks.targetMask), cumulativeHistogram(reference, bins, masks.refMask));
  const top = bins - 1;
  const levels = new Float32Array(bins);
  for (let k = 0; k < bins; k++)
    levels[k] = lut[k] / top;
  const out = new Float32Array(target.length);
  for (let i = 0; i < target.length; i++)
    out[i] = levels[binOf(target[i], top)];
  return out;
}
function sortedMasked(values, mask) {
  let n = 0;
  if (mask)
    for (let i = 0; i < values.length; i++)
      n += mask[i] ? 1 : 0;
  else
    n = values.length;
  if (n === 0)
    throw new ColorizeError("histogram of an empty pixel set", "internal");
  const out = new Float32Array(n);
  if (mask) {
    for (let i = 0, k = 0; i < values.length; i++)
      if (mask[i])
        out[k++] = values[i];
  } else
    out.set(values);
  return out.sort();
}
function bound(a, v, orEqual) {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (a[mid] < v || orEqual && a[mid] === v)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}
function matchHistogramExact(target, reference, masks = {}) {
  const st = sortedMasked(target, masks.targetMask);
  const sr = sortedMasked(reference, masks.refMask);
  const nt = st.length;
  const nr = sr.length;
  const quantile = (share) => {
    let pos = share * nr - 0.5;
    pos = pos < 0 ? 0 : pos > nr - 1 ? nr - 1 : pos;
    const k = Math.floor(pos);
    const f = pos - k;
    return f > 0 && k + 1 < nr ? sr[k] + f * (sr[k + 1] - sr[k]) : sr[k];
  };
  const levels = [];
  const mapped = [];
  for (let i = 0; i < nt; ) {
    let j = i + 1;
    while (j < nt && st[j] === st[i])
      j++;
    levels.push(st[i]);
    mapped.push(quantile((i + j) / (2 * nt)));
    i = j;
  }
  const lv = Float32Array.from(levels);
  const out = new Float32Array(target.length);
  for (let i = 0; i < target.length; i++) {
    const v = target[i];
    const lo = bound(lv, v, false);
    if (lo < lv.length && lv[lo] === v)
      out[i] = mapped[lo];
    else
      out[i] = quantile((bound(st, v, false) + bound(st, v, true)) / (2 * nt));
  }
  return out;
}

// dist/methods/transfer/common.js
function isGrayImage(img) {
  return isNeutralGray(img, 1 / 255);
}
function requireColourReference(reference, method) {
  if (reference.channels.length !== 1 && reference.channels.length !== 3) {
    throw new ColorizeError(`${method}: reference must have 1 or 3 channels, got ${reference.channels.length}`, "input");
  }
  if (isGrayImage(reference)) {
    throw new ColorizeError(`${method}: the reference image has no colour (it is gray), so there are no colours to transfer; use a colour reference`, "input");
  }
  return reference;
}
function targetAsRgb(target) {
  if (target.channels.length !== 1 && target.channels.length !== 3) {
    throw new ColorizeError(`target must have 1 or 3 channels, got ${target.channels.length}`, "input");
  }
  return grayToRgb(target);
}
function clampImage01(img) {
  for (const p of img.channels)
    for (let i = 0; i < p.length; i++)
      p[i] = p[i] < 0 ? 0 : p[i] > 1 ? 1 : p[i];
  return img;
}
function planeStats(p) {
  let s = 0;
  for (let i = 0; i < p.length; i++)
    s += p[i];
  const mean = s / p.length;
  let v = 0;
  for (let i = 0; i < p.length; i++)
    v += (p[i] - mean) ** 2;
  return { mean, std: Math.sqrt(v / p.length) };
}

// dist/methods/transfer/histogram-lut/histogram-lut.js
var HISTOGRAM_LUT_DEFAULTS = { bins: 256, exact: false };
function resolveHistogramLutOptions(o = {}) {
  return {
    bins: checkInteger("bins", o.bins ?? HISTOGRAM_LUT_DEFAULTS.bins, 2, 65536),
    exact: o.exact ?? HISTOGRAM_LUT_DEFAULTS.exact
  };
}
function matchChannels(target, reference, options = {}, masks = {}) {
  const { bins, exact } = resolveHistogramLutOptions(options);
  const channels = target.channels.map((t, c) => exact ? matchHistogramExact(t, reference.channels[c], masks) : matchHistogramLut(t, reference.channels[c], bins, masks));
  return { width: target.width, height: target.height, channels };
}
function histogramLutTransfer(target, reference, options = {}) {
  requireColourReference(reference, "histogram");
  return matchChannels(targetAsRgb(target), targetAsRgb(reference), options);
}

// dist/methods/transfer/histogram-lut/normalize.js
function normalizeReportRange(img) {
  for (const p of img.channels) {
    let min = Infinity;
    for (let i = 0; i < p.length; i++)
      if (p[i] < min)
        min = p[i];
    if (min < 0)
      for (let i = 0; i < p.length; i++)
        p[i] -= min;
    let max = -Infinity;
    for (let i = 0; i < p.length; i++)
      if (p[i] > max)
        max = p[i];
    if (max > 1)
      for (let i = 0; i < p.length; i++)
        p[i] /= max;
  }
  return img;
}

// dist/methods/transfer/histogram-lut/histogram-yuv.js
var RANGE_NORMALIZATIONS = ["report", "clamp"];
function toReportYuv(rgb) {
  const yuv = rgbToLumaChroma(rgb, "yuv");
  for (const c of [1, 2]) {
    const p = yuv.channels[c];
    for (let i = 0; i < p.length; i++)
      p[i] += YUV_REPORT_OFFSET;
  }
  return yuv;
}
function fromReportYuv(yuv) {
  for (const c of [1, 2]) {
    const p = yuv.channels[c];
    for (let i = 0; i < p.length; i++)
      p[i] -= YUV_REPORT_OFFSET;
  }
  return lumaChromaToRgb(yuv, "yuv");
}
function histogramYuvTransfer(target, reference, options = {}) {
  requireColourReference(reference, "histogram-yuv");
  const normalize = checkChoice("normalize", options.normalize ?? "report", RANGE_NORMALIZATIONS);
  const ref = targetAsRgb(reference);
  let t = targetAsRgb(target);
  if (options.rgbFirst ?? true)
    t = matchChannels(t, ref, options);
  let ty = toReportYuv(t);
  t = null;
  let matched = matchChannels(ty, toReportYuv(ref), options);
  ty = null;
  const rgb = fromReportYuv(matched);
  matched = null;
  return normalize === "report" ? clampImage01(normalizeReportRange(rgb)) : clampImage01(rgb);
}

// dist/methods/transfer/histogram-lut/method.js
var BINS_OPTION = {
  flags: "--bins <n>",
  key: "bins",
  type: "number",
  integer: true,
  description: "LUT levels per channel",
  source: "report \xA72.1.2",
  default: HISTOGRAM_LUT_DEFAULTS.bins,
  min: 2,
  max: 65536
};
var EXACT_OPTION = {
  flags: "--exact",
  key: "exact",
  type: "boolean",
  description: "full-resolution float CDF matching instead of the binned LUT",
  default: HISTOGRAM_LUT_DEFAULTS.exact
};
var histogramMethod = transferMethod({
  name: "histogram",
  summary: "per-channel RGB histogram LUT (report \xA72.1.2)",
  paper: "semi-interactive re-colorization report \xA72.1.2",
  familyDefault: true,
  targets: "any",
  browser: true,
  options: [BINS_OPTION, EXACT_OPTION],
  transfer: (t, r, o) => histogramLutTransfer(t, r, { bins: o.bins, exact: o.exact })
});
var histogramYuvMethod = transferMethod({
  name: "histogram-yuv",
  summary: "RGB then YUV histogram LUT with range normalisation (report \xA72.1.4)",
  paper: "semi-interactive re-colorization report \xA72.1.3\u20132.1.4",
  targets: "any",
  browser: true,
  options: [
    BINS_OPTION,
    EXACT_OPTION,
    {
      flags: "--no-rgb-first",
      key: "rgbFirst",
      type: "boolean",
      description: "match YUV directly, without RGB matching first",
      source: "report figure 8",
      default: true
    },
    {
      flags: "--normalize <mode>",
      key: "normalize",
      type: "string",
      description: "back into [0, 1]",
      choices: RANGE_NORMALIZATIONS,
      default: "report"
    }
  ],
  transfer: (t, r, o) => histogramYuvTransfer(t, r, {
    bins: o.bins,
    exact: o.exact,
    rgbFirst: o.rgbFirst,
    normalize: o.normalize
  })
});

// dist/methods/transfer/option-helpers.js
var spaceOption = (choices, dflt) => ({
  flags: "--space <space>",
  key: "space",
  type: "string",
  description: "",
  choices,
  default: dflt
});
var intOption = (flags, key, description, dflt, min, max) => ({ flags, key, type: "number", integer: true, description, default: dflt, min, max });

// dist/methods/transfer/edge-aware/content.js
var LUMA = [0.299, 0.587, 0.114];
function convolveSeparableAdjoint(src, W, H, kernel) {
  const r = kernel.length - 1 >> 1;
  const tmp = new Float64Array(W * H);
  for (let y = 0; y < H; y++)
    for (let k = 0; k < kernel.length; k++) {
      const wk = kernel[k];
      const drow = reflectIndex(y + k - r, H) * W;
      for (let x = 0; x < W; x++)
        tmp[drow + x] += wk * src[y * W + x];
    }
  const out = new Float64Array(W * H);
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const v = tmp[row + x];
      for (let k = 0; k < kernel.length; k++)
        out[row + reflectIndex(x + k - r, W)] += kernel[k] * v;
    }
  }
  return out;
}
function conv3x3(src, W, H, m, adjoint) {
  const out = new Float64Array(W * H);
  for (let y = 0; y < H; y++) {
    const ys = [y > 0 ? y - 1 : 0, y, y < H - 1 ? y + 1 : H - 1];
    for (let x = 0; x < W; x++) {
      const xs = [x > 0 ? x - 1 : 0, x, x < W - 1 ? x + 1 : W - 1];
      const i = y * W + x;
      let s = 0;
      for (let r = 0; r < 3; r++)
        for (let c = 0; c < 3; c++) {
          const j = ys[r] * W + xs[c];
          const w = m[3 * r + c];
          if (w === 0)
            continue;
          if (adjoint)
            out[j] += w * src[i];
          else
            s += w * src[j];
        }
      if (!adjoint)
        out[i] = s;
    }
  }
  return out;
}
function contentTerm(target, width, height, options = {}) {
  const m = EDGE_KERNELS[options.kernel ?? "laplacian4"];
  const sigma = checkNumber("edgeSigma", options.edgeSigma ?? 1, 0, 20);
  const g = sigma > 0 ? gaussianKernel(sigma) : null;
  const m00 = m[4];
  const response = (Y) => conv3x3(g ? convolveSeparable(Y, width, height, g) : Float64Array.from(Y), width, height, m, false);
  const pt = response(target).map((z) => Math.min(1, Math.abs(z) / m00));
  let targetNorm = 0;
  for (const v of pt)
    targetNorm += v * v;
  return {
    response,
    targetNorm,
    value(Y, grad) {
      const z = response(Y);
      let dc = 0;
      const dz = grad ? new Float64Array(z.length) : null;
      for (let i = 0; i < z.length; i++) {
        const a = Math.abs(z[i]) / m00;
        const p = a > 1 ? 1 : a;
        const d = p - pt[i];
        dc += d * d;
        if (dz && a < 1)
          dz[i] = 2 * d * Math.sign(z[i]) / m00;
      }
      if (grad && dz) {
        const back = conv3x3(dz, width, height, m, true);
        grad.set(g ? convolveSeparableAdjoint(back, width, height, g) : back);
      }
      return dc;
    }
  };
}
function contentObjective(term, x0, alpha) {
  const n = x0[0].length;
  const scale = alpha / term.targetNorm;
  const inv = 1 / (3 * n);
  return (x, grad) => {
    const Y = new Float64Array(n);
    for (let i = 0; i < n; i++)
      Y[i] = LUMA[0] * x[0][i] + LUMA[1] * x[1][i] + LUMA[2] * x[2][i];
    const gY = grad ? new Float64Array(n) : void 0;
    let J = scale * term.value(Y, gY);
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < n; i++) {
        const d = x[c][i] - x0[c][i];
        J += inv * d * d;
        if (grad && gY)
          grad[c][i] = scale * LUMA[c] * gY[i] + 2 * inv * d;
      }
    return J;
  };
}
function optimiseContent(start, target, options) {
  const alpha = checkNumber("contentWeight", options.weight, 0);
  const iterations = checkNumber("contentIterations", options.iterations ?? 100, 0, 1e4);
  const { width: W, height: H } = target;
  const n = W * H;
  const term = contentTerm(lumaOf(target), W, H, options);
  const x0 = start.channels.map((p) => Float64Array.from(p));
  const J = contentObjective(term, x0, alpha);
  let x = x0.map((p) => Float64Array.from(p));
  let g = x.map(() => new Float64Array(n));
  let f = J(x, g);
  const objective = [f];
  const ratioOf = (planes) => {
    const Y = new Float64Array(n);
    for (let i = 0; i < n; i++)
      Y[i] = LUMA[0] * planes[0][i] + LUMA[1] * planes[1][i] + LUMA[2] * planes[2][i];
    return term.value(Y) / term.targetNorm;
  };
  const ratioBefore = ratioOf(x0);
  let step = 1;
  for (let it = 0; it < iterations && alpha > 0; it++) {
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      const xn = x.map((p, c) => p.map((v, i) => Math.min(1, Math.max(0, v - step * g[c][i]))));
      let decrease = 0;
      for (let c = 0; c < 3; c++)
        for (let i = 0; i < n; i++)
          decrease += g[c][i] * (x[c][i] - xn[c][i]);
      const gn = x.map(() => new Float64Array(n));
      const fn = J(xn, gn);
      if (fn <= f - 1e-4 * decrease && decrease > 0) {
        let ss = 0;
        let sy = 0;
        for (let c = 0; c < 3; c++)
          for (let i = 0; i < n; i++) {
            const s = xn[c][i] - x[c][i];
            ss += s * s;
            sy += s * (gn[c][i] - g[c][i]);
          }
        step = sy > 0 ? Math.min(1e6, ss / sy) : step * 2;
        x = xn;
        g = gn;
        f = fn;
        objective.push(f);
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted)
      break;
  }
  return {
    rgb: { width: W, height: H, channels: x.map((p) => Float32Array.from(p)) },
    objective,
    ratioBefore,
    ratioAfter: ratioOf(x)
  };
}

// dist/methods/transfer/edge-aware/edge-aware.js
var MIN_PIXELS = 16;
function nonEdgeMask(rgb, threshold, kernel, sigma) {
  const p = edgeProbability(lumaOf(rgb), rgb.width, rgb.height, { kernel, sigma });
  const mask = new Uint8Array(p.length);
  let count = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < threshold) {
      mask[i] = 1;
      count++;
    }
  }
  if (count < Math.min(MIN_PIXELS, p.length))
    mask.fill(1);
  return mask;
}
function edgeAwareTransfer(target, reference, options = {}) {
  const threshold = checkNumber("threshold", options.threshold ?? 0.01, 0, 1);
  const sigma = checkNumber("edgeSigma", options.edgeSigma ?? 1, 0, 20);
  requireColourReference(reference, "edge-aware");
  const t = targetAsRgb(target);
  const r = targetAsRgb(reference);
  const targetMask = nonEdgeMask(t, threshold, options.kernel, sigma);
  const refMask = nonEdgeMask(r, threshold, options.kernel, sigma);
  const weight = checkNumber("contentWeight", options.contentWeight ?? 0, 0);
  const iterations = checkNumber("contentIterations", options.contentIterations ?? 50, 1, 1e4);
  const lut = matchChannels(t, r, options, { targetMask, refMask });
  if (weight === 0)
    return lut;
  return optimiseContent(lut, t, { weight, iterations, kernel: options.kernel, edgeSigma: sigma }).rgb;
}

// dist/methods/transfer/edge-aware/method.js
var edgeAwareMethod = transferMethod({
  name: "edge-aware",
  summary: "histogram LUT from non-edge pixels only (report \xA72.3)",
  paper: "semi-interactive re-colorization report \xA72.3",
  targets: "any",
  browser: true,
  options: [
    {
      flags: "--threshold <t>",
      key: "threshold",
      type: "number",
      description: "pixels with edge probability < t count",
      default: 0.01,
      min: 0,
      max: 1
    },
    {
      flags: "--kernel <name>",
      key: "kernel",
      type: "string",
      description: "",
      choices: EDGE_KERNEL_NAMES,
      default: "laplacian4"
    },
    {
      flags: "--edge-sigma <px>",
      key: "edgeSigma",
      type: "number",
      description: "Gaussian \u03C3 before the edge kernel",
      unit: "px",
      default: 1,
      min: 0,
      max: 20
    },
    BINS_OPTION,
    EXACT_OPTION,
    {
      flags: "--content-weight <\u03B1>",
      key: "contentWeight",
      type: "number",
      description: "\u03B1 > 0: after the LUT, lower the content term d_c by minimising \u03B1\xB7d_c/\u2016P_e(T)\u2016\xB2 + mean (X \u2212 X_LUT)\xB2 (0 = off)",
      source: "report \xA72.3.2",
      default: 0,
      min: 0
    },
    intOption("--content-iterations <n>", "contentIterations", "projected gradient steps for --content-weight", 50, 1, 1e4)
  ],
  transfer: (t, r, o) => edgeAwareTransfer(t, r, {
    threshold: o.threshold,
    kernel: o.kernel,
    edgeSigma: o.edgeSigma,
    bins: o.bins,
    exact: o.exact,
    contentWeight: o.contentWeight,
    contentIterations: o.contentIterations
  })
});

// dist/methods/transfer/reinhard/lalphabeta.js
var RGB_TO_LMS = [0.3811, 0.5783, 0.0402, 0.1967, 0.7244, 0.0782, 0.0241, 0.1288, 0.8444];
var LMS_TO_RGB = invert3(RGB_TO_LMS);
var RGB_FLOOR = 1 / 255;
var R3 = 1 / Math.sqrt(3);
var R6 = 1 / Math.sqrt(6);
var R2 = 1 / Math.sqrt(2);
function rgbToLalphabeta(img) {
  const n = img.width * img.height;
  const [R, G, B] = img.channels;
  const l = new Float32Array(n);
  const al = new Float32Array(n);
  const be = new Float32Array(n);
  const m = RGB_TO_LMS;
  for (let i = 0; i < n; i++) {
    const r = Math.max(R[i], RGB_FLOOR);
    const g = Math.max(G[i], RGB_FLOOR);
    const b = Math.max(B[i], RGB_FLOOR);
    const L = Math.log10(m[0] * r + m[1] * g + m[2] * b);
    const M = Math.log10(m[3] * r + m[4] * g + m[5] * b);
    const S2 = Math.log10(m[6] * r + m[7] * g + m[8] * b);
    l[i] = R3 * (L + M + S2);
    al[i] = R6 * (L + M - 2 * S2);
    be[i] = R2 * (L - M);
  }
  return { width: img.width, height: img.height, channels: [l, al, be] };
}
function lalphabetaToRgb(img) {
  const n = img.width * img.height;
  const [l, al, be] = img.channels;
  const R = new Float32Array(n);
  const G = new Float32Array(n);
  const B = new Float32Array(n);
  const m = LMS_TO_RGB;
  for (let i = 0; i < n; i++) {
    const a = l[i] / Math.sqrt(3);
    const b = al[i] / Math.sqrt(6);
    const c = be[i] / Math.sqrt(2);
    const L = 10 ** (a + b + c);
    const M = 10 ** (a + b - c);
    const S2 = 10 ** (a - 2 * b);
    R[i] = m[0] * L + m[1] * M + m[2] * S2;
    G[i] = m[3] * L + m[4] * M + m[5] * S2;
    B[i] = m[6] * L + m[7] * M + m[8] * S2;
  }
  return { width: img.width, height: img.height, channels: [R, G, B] };
}

// dist/methods/transfer/reinhard/reinhard.js
var REINHARD_SPACES = ["lab", "lalphabeta"];
var GRAY_TARGET_POLICIES = ["reject", "mean-chroma"];
function transferStatistics(target, reference) {
  const channels = target.channels.map((t, c) => {
    const st = planeStats(t);
    const sr = planeStats(reference.channels[c]);
    const k = st.std > 0 ? sr.std / st.std : 0;
    const out = new Float32Array(t.length);
    for (let i = 0; i < t.length; i++)
      out[i] = k * (t[i] - st.mean) + sr.mean;
    return out;
  });
  return { width: target.width, height: target.height, channels };
}
function reinhardTransfer(target, reference, options = {}) {
  const space = checkChoice("space", options.space ?? "lab", REINHARD_SPACES);
  const policy = checkChoice("grayTarget", options.grayTarget ?? "reject", GRAY_TARGET_POLICIES);
  requireColourReference(reference, "reinhard");
  const ref = targetAsRgb(reference);
  if (isGrayImage(target)) {
    if (policy === "reject") {
      throw new ColorizeError("reinhard needs a colour target: a gray image has no chroma statistics to rescale. For a gray target use --method welsh (or histogram, wavelet --space lab); reinhard --gray-target mean-chroma gives the constant-cast baseline", "input");
    }
    return meanChromaCast(target, ref);
  }
  const t = targetAsRgb(target);
  if (space === "lalphabeta")
    return clampImage01(lalphabetaToRgb(transferStatistics(rgbToLalphabeta(t), rgbToLalphabeta(ref))));
  const lab = transferStatistics(rgbImageToLab(t), rgbImageToLab(ref));
  clampLabGamut(lab.channels[0], lab.channels[1], lab.channels[2]);
  return clampImage01(labImageToRgb(lab));
}
function meanChromaCast(target, ref) {
  const lab = rgbImageToLab(ref);
  const n = target.width * target.height;
  const a = new Float32Array(n).fill(planeStats(lab.channels[1]).mean);
  const b = new Float32Array(n).fill(planeStats(lab.channels[2]).mean);
  return finish({
    original: target,
    chroma: { width: target.width, height: target.height, channels: [a, b] },
    space: "lab"
  });
}

// dist/methods/transfer/reinhard/method.js
var reinhardMethod = transferMethod({
  name: "reinhard",
  summary: "Reinhard et al. 2001 mean/std transfer in CIELAB or l\u03B1\u03B2 (colour targets)",
  paper: "Reinhard, Ashikhmin, Gooch & Shirley 2001, Color Transfer between Images",
  targets: "colour",
  grayAlternative: {
    method: "welsh",
    option: { key: "grayTarget", value: "mean-chroma", gives: "the constant-cast baseline" }
  },
  browser: true,
  options: [
    spaceOption(REINHARD_SPACES, "lab"),
    {
      flags: "--gray-target <policy>",
      key: "grayTarget",
      type: "string",
      description: "what to do with a gray target",
      choices: GRAY_TARGET_POLICIES,
      default: "reject"
    }
  ],
  transfer: (t, r, o) => reinhardTransfer(t, r, { space: o.space, grayTarget: o.grayTarget })
});

// dist/filters/wavelet.js
var WAVELET_NAMES = ["haar", "db2", "db4"];
var S = Math.SQRT1_2;
var LOWPASS = {
  haar: [S, S],
  db2: [0.48296291314469025, 0.836516303737469, 0.22414386804185735, -0.12940952255092145],
  db4: [
    0.23037781330885523,
    0.7148465705525415,
    0.6308807679295904,
    -0.02798376941698385,
    -0.18703481171888114,
    0.030841381835986965,
    0.032883011666982945,
    -0.010597401784997278
  ]
};
function waveletFilters(name) {
  const h = Float64Array.from(LOWPASS[checkChoice("wavelet", name, WAVELET_NAMES)]);
  const L = h.length;
  const g = new Float64Array(L);
  for (let k = 0; k < L; k++)
    g[k] = (k % 2 === 0 ? 1 : -1) * h[L - 1 - k];
  return { h, g };
}
function analyze(x, n, h, g, lo, hi) {
  const half = n >> 1;
  const L = h.length;
  for (let i = 0; i < half; i++) {
    let a = 0;
    let d = 0;
    for (let k = 0; k < L; k++) {
      const v = x[(2 * i + k) % n];
      a += h[k] * v;
      d += g[k] * v;
    }
    lo[i] = a;
    hi[i] = d;
  }
}
function synthesize(lo, hi, n, h, g, x) {
  const half = n >> 1;
  const L = h.length;
  x.fill(0, 0, n);
  for (let i = 0; i < half; i++) {
    const a = lo[i];
    const d = hi[i];
    for (let k = 0; k < L; k++)
      x[(2 * i + k) % n] += h[k] * a + g[k] * d;
  }
}
function dwtStep(src, w, hgt, h, g) {
  const W = w + (w & 1);
  const H = hgt + (hgt & 1);
  const bw = W >> 1;
  const bh = H >> 1;
  const rowLo = new Float64Array(bw * H);
  const rowHi = new Float64Array(bw * H);
  const line = new Float64Array(W);
  const lo = new Float64Array(bw);
  const hi = new Float64Array(bw);
  for (let y = 0; y < H; y++) {
    const sy = y < hgt ? y : hgt - 1;
    for (let x = 0; x < W; x++)
      line[x] = src[sy * w + (x < w ? x : w - 1)];
    analyze(line, W, h, g, lo, hi);
    rowLo.set(lo, y * bw);
    rowHi.set(hi, y * bw);
  }
  const cols = (plane) => {
    const a = new Float64Array(bw * bh);
    const d = new Float64Array(bw * bh);
    for (let i = 0; i < bh; i++) {
      for (let k = 0; k < h.length; k++) {
        const srow = (2 * i + k) % H * bw;
        const hk = h[k];
        const gk = g[k];
        for (let x = 0; x < bw; x++) {
          const v = plane[srow + x];
          a[i * bw + x] += hk * v;
          d[i * bw + x] += gk * v;
        }
      }
    }
    return [a, d];
  };
  const [ll, lh] = cols(rowLo);
  const [hl, hh] = cols(rowHi);
  return { ll, details: [lh, hl, hh], bw, bh };
}
function idwtStep(ll, details, w, hgt, h, g) {
  const W = w + (w & 1);
  const H = hgt + (hgt & 1);
  const bw = W >> 1;
  const bh = H >> 1;
  const [lh, hl, hh] = details;
  const cols = (a, d) => {
    const out2 = new Float64Array(bw * H);
    for (let i = 0; i < bh; i++) {
      for (let k = 0; k < h.length; k++) {
        const drow = (2 * i + k) % H * bw;
        const hk = h[k];
        const gk = g[k];
        for (let x = 0; x < bw; x++)
          out2[drow + x] += hk * a[i * bw + x] + gk * d[i * bw + x];
      }
    }
    return out2;
  };
  const rowLo = cols(ll, lh);
  const rowHi = cols(hl, hh);
  const out = new Float64Array(w * hgt);
  const line = new Float64Array(W);
  for (let y = 0; y < hgt; y++) {
    synthesize(rowLo.subarray(y * bw, (y + 1) * bw), rowHi.subarray(y * bw, (y + 1) * bw), W, h, g, line);
    out.set(line.subarray(0, w), y * w);
  }
  return out;
}
function dwt2(plane, width, height, levels, wavelet = "haar") {
  checkInteger("levels", levels, 1, 30);
  const { h, g } = waveletFilters(wavelet);
  let cur = Float64Array.from(plane);
  let w = width;
  let ht = height;
  const out = [];
  for (let j = 0; j < levels; j++) {
    const step = dwtStep(cur, w, ht, h, g);
    out.push({ width: w, height: ht, bandWidth: step.bw, bandHeight: step.bh, details: step.details });
    cur = step.ll;
    w = step.bw;
    ht = step.bh;
  }
  return { wavelet, width, height, levels: out, approx: cur, approxWidth: w, approxHeight: ht };
}
function idwt2(dec) {
  const { h, g } = waveletFilters(dec.wavelet);
  let cur = dec.approx;
  for (let j = dec.levels.length - 1; j >= 0; j--) {
    const lv = dec.levels[j];
    cur = idwtStep(cur, lv.details, lv.width, lv.height, h, g);
  }
  return cur;
}

// dist/methods/transfer/wavelet/merge.js
var MAX_MERGE_LEVELS = 16;
function defaultLambda(levels) {
  return Array.from({ length: levels + 1 }, (_, i) => Math.min(1, Math.round(2 * i) / 10));
}
function resolveLambda(lambda, levels) {
  if (levels !== void 0)
    checkInteger("levels", levels, 1, MAX_MERGE_LEVELS);
  if (lambda === void 0) {
    const k2 = levels ?? 10;
    return { lambda: defaultLambda(k2), levels: k2 };
  }
  if (!Array.isArray(lambda) || lambda.length < 2) {
    throw new ColorizeError(`option "lambda" needs at least 2 values (\u03BB\u2080 for the low-pass, then one per level from coarse to fine), got ${JSON.stringify(lambda)}`, "usage");
  }
  for (const [i, v] of lambda.entries())
    checkNumber(`lambda[${i}]`, v, 0, 1);
  if (levels !== void 0 && lambda.length !== levels + 1) {
    throw new ColorizeError(`option "lambda" has ${lambda.length} values but levels = ${levels} needs ${levels + 1} (\u03BB\u2080 for the low-pass, then \u03BB\u2081\u2026\u03BB${levels} from the coarsest level to the finest)`, "usage");
  }
  const k = lambda.length - 1;
  checkInteger("levels", k, 1, MAX_MERGE_LEVELS);
  return { lambda: [...lambda], levels: k };
}
function mergeWaveletPlanes(target, reference, width, height, lambda, wavelet) {
  const k = lambda.length - 1;
  const dt = dwt2(target, width, height, k, wavelet);
  const ds = dwt2(reference, width, height, k, wavelet);
  const mix = (a, b, l) => {
    for (let i = 0; i < a.length; i++)
      a[i] = l * a[i] + (1 - l) * b[i];
  };
  mix(dt.approx, ds.approx, lambda[0]);
  for (let j = 0; j < k; j++) {
    const l = lambda[k - j];
    for (let b = 0; b < 3; b++)
      mix(dt.levels[j].details[b], ds.levels[j].details[b], l);
  }
  return Float32Array.from(idwt2(dt));
}

// dist/methods/transfer/wavelet/contrast.js
function enhanceLocalContrast(img, gain, sigma) {
  checkNumber("contrast", gain, 0, 10);
  checkNumber("contrastSigma", sigma, 0.5, 1e3);
  const channels = img.channels.map((p) => {
    const m = gaussianBlur(p, img.width, img.height, sigma);
    const out = new Float32Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const v = m[i] + gain * (p[i] - m[i]);
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    return out;
  });
  return { width: img.width, height: img.height, channels };
}

// dist/methods/transfer/wavelet/wavelet-transfer.js
var WAVELET_SPACES = ["rgb", "yuv", "lab"];
function waveletTransfer(target, reference, options = {}) {
  const { lambda } = resolveLambda(options.lambda, options.levels);
  const wavelet = checkChoice("wavelet", options.wavelet ?? "haar", WAVELET_NAMES);
  const space = checkChoice("space", options.space ?? "rgb", WAVELET_SPACES);
  const gain = checkNumber("contrast", options.contrast ?? 1, 0, 10);
  const sigma = checkNumber("contrastSigma", options.contrastSigma ?? 8, 0.5, 1e3);
  requireColourReference(reference, "wavelet");
  const { width, height } = target;
  let ref = targetAsRgb(reference);
  if (ref.width !== width || ref.height !== height)
    ref = resizeImage(ref, width, height, "bilinear");
  let t = target.channels.length === 1 ? { width, height, channels: [target.channels[0], target.channels[0], target.channels[0]] } : targetAsRgb(target);
  if (options.preMatch)
    t = matchChannels(t, ref);
  if (gain !== 1)
    t = enhanceLocalContrast(t, gain, sigma);
  const merge = (a, b) => mergeWaveletPlanes(a, b, width, height, lambda, wavelet);
  if (space === "rgb") {
    return clampImage01({ width, height, channels: t.channels.map((p, c) => merge(p, ref.channels[c])) });
  }
  const toSpace = (img) => space === "lab" ? rgbImageToLab(img) : rgbToLumaChroma(img, "yuv");
  const tc = toSpace(t);
  const rc = toSpace(ref);
  const chroma = {
    width,
    height,
    channels: [merge(tc.channels[1], rc.channels[1]), merge(tc.channels[2], rc.channels[2])]
  };
  return finish({ original: t, chroma, space });
}

// dist/methods/transfer/wavelet/method.js
var waveletMethod = transferMethod({
  name: "wavelet",
  summary: "wavelet-coefficient merging with a \u03BB vector (report \xA72.2)",
  paper: "semi-interactive re-colorization report \xA72.2",
  targets: "any",
  browser: true,
  options: [
    {
      flags: "--levels <k>",
      key: "levels",
      type: "number",
      integer: true,
      description: "decomposition levels k",
      defaultText: "|\u03BB|\u22121, or 10",
      min: 1,
      max: MAX_MERGE_LEVELS
    },
    {
      flags: "--lambda <list>",
      key: "lambda",
      type: "number-list",
      description: "k+1 weights in [0,1], \u03BB\u2080 (low-pass) then coarse\u2192fine",
      defaultText: "0,0.2,0.4,0.6,0.8,1,\u2026",
      min: 0,
      max: 1
    },
    {
      flags: "--wavelet <name>",
      key: "wavelet",
      type: "string",
      description: "",
      choices: WAVELET_NAMES,
      default: "haar"
    },
    spaceOption(WAVELET_SPACES, "rgb"),
    {
      flags: "--pre-match",
      key: "preMatch",
      type: "boolean",
      description: "histogram-match RGB before merging",
      source: "report figure 14",
      default: false
    },
    {
      flags: "--contrast <gain>",
      key: "contrast",
      type: "number",
      description: "localized contrast gain on the target first",
      default: 1,
      defaultText: "1 = off",
      min: 0,
      max: 10
    },
    {
      flags: "--contrast-sigma <px>",
      key: "contrastSigma",
      type: "number",
      description: "\u03C3 of the local mean for --contrast",
      unit: "px",
      default: 8,
      min: 0.5,
      max: 1e3
    }
  ],
  transfer: (t, r, o) => waveletTransfer(t, r, {
    lambda: o.lambda,
    levels: o.levels,
    wavelet: o.wavelet,
    space: o.space,
    preMatch: o.preMatch,
    contrast: o.contrast,
    contrastSigma: o.contrastSigma
  })
});

// dist/random.js
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// dist/methods/transfer/welsh/sampling.js
function jitteredSamples(width, height, count, seed) {
  checkInteger("samples", count, 1, 1e6);
  const n = Math.min(count, width * height);
  const gx = Math.max(1, Math.min(width, Math.round(Math.sqrt(n * width / height))));
  const gy = Math.max(1, Math.min(height, Math.round(n / gx)));
  const rand = seededRandom(seed);
  const out = new Uint32Array(gx * gy);
  let k = 0;
  for (let cy = 0; cy < gy; cy++) {
    const y0 = Math.floor(cy * height / gy);
    const y1 = Math.floor((cy + 1) * height / gy);
    for (let cx = 0; cx < gx; cx++) {
      const x0 = Math.floor(cx * width / gx);
      const x1 = Math.floor((cx + 1) * width / gx);
      const x = x0 + Math.min(x1 - x0 - 1, Math.floor(rand() * (x1 - x0)));
      const y = y0 + Math.min(y1 - y0 - 1, Math.floor(rand() * (y1 - y0)));
      out[k++] = y * width + x;
    }
  }
  return out;
}

// dist/methods/transfer/welsh/welsh.js
var WELSH_SPACES = ["lab", "yuv"];
function localStd(p, width, height, radius) {
  const sq = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++)
    sq[i] = p[i] * p[i];
  const m = boxFilter(p, width, height, radius);
  const m2 = boxFilter(sq, width, height, radius);
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = m2[i] - m[i] * m[i];
    out[i] = v > 0 ? Math.sqrt(v) : 0;
  }
  return out;
}
function welshChroma(targetL, width, height, refLab, options = {}) {
  const count = checkInteger("samples", options.samples ?? 200, 1, 1e5);
  const window = checkInteger("window", options.window ?? 5, 1, 99);
  if (window % 2 === 0)
    invalidOption("window", window, "an odd integer in [1, 99]");
  const w = checkNumber("weight", options.weight ?? 0.5, 0, 1);
  const seed = checkInteger("seed", options.seed ?? 1, 0, 2 ** 32 - 1);
  const radius = window - 1 >> 1;
  const [refL0, refA, refB] = refLab.channels;
  let refL = refL0;
  if (options.remap ?? true) {
    const st = planeStats(targetL);
    const sr = planeStats(refL0);
    const k = sr.std > 0 ? st.std / sr.std : 1;
    refL = new Float32Array(refL0.length);
    for (let i = 0; i < refL.length; i++)
      refL[i] = k * (refL0[i] - sr.mean) + st.mean;
  }
  const samples = jitteredSamples(refLab.width, refLab.height, count, seed);
  const refStd = localStd(refL, refLab.width, refLab.height, radius);
  const m = samples.length;
  const sL = new Float64Array(m);
  const sS = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    sL[k] = refL[samples[k]];
    sS[k] = refStd[samples[k]];
  }
  const tStd = localStd(targetL, width, height, radius);
  const a = new Float32Array(width * height);
  const b = new Float32Array(width * height);
  const wl = w;
  const ws = 1 - w;
  for (let i = 0; i < a.length; i++) {
    const l = targetL[i];
    const s = tStd[i];
    let best = 0;
    let bestD = Infinity;
    for (let k = 0; k < m; k++) {
      const dl = l - sL[k];
      const ds = s - sS[k];
      const d = wl * dl * dl + ws * ds * ds;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    a[i] = refA[samples[best]];
    b[i] = refB[samples[best]];
  }
  return { a, b, samples };
}
function welshTransfer(target, reference, options = {}) {
  const space = checkChoice("space", options.space ?? "lab", WELSH_SPACES);
  requireColourReference(reference, "welsh");
  const ref = targetAsRgb(reference);
  const refSpace = space === "lab" ? rgbImageToLab(ref) : rgbToLumaChroma(ref, "yuv");
  const L = space === "lab" ? lightnessOf(target) : lumaOf(target);
  const { a, b } = welshChroma(L, target.width, target.height, refSpace, options);
  return finish({
    original: target,
    chroma: { width: target.width, height: target.height, channels: [a, b] },
    space
  });
}

// dist/methods/transfer/welsh/method.js
var welshMethod = transferMethod({
  name: "welsh",
  summary: "Welsh et al. 2002 luminance + neighbourhood-std matching (gray targets)",
  paper: "Welsh, Ashikhmin & Mueller 2002, Transferring Color to Greyscale Images",
  alsoIn: ["exemplar"],
  targets: "any",
  browser: true,
  options: [
    intOption("--samples <n>", "samples", "jittered reference samples", 200, 1, 1e5),
    intOption("--window <n>", "window", "odd side of the std neighbourhood", 5, 1, 99),
    {
      flags: "--weight <w>",
      key: "weight",
      type: "number",
      description: "weight of luminance vs. std in the match",
      default: 0.5,
      min: 0,
      max: 1
    },
    intOption("--seed <n>", "seed", "seed of the jittered sampling", 1, 0, 2 ** 32 - 1),
    spaceOption(WELSH_SPACES, "lab")
  ],
  transfer: (t, r, o) => welshTransfer(t, r, {
    samples: o.samples,
    window: o.window,
    weight: o.weight,
    seed: o.seed,
    space: o.space
  })
});

// dist/methods/browser-builtin.js
registerMethod(levinMethod);
registerMethod(poissonMethod);
registerMethod(histogramMethod);
registerMethod(histogramYuvMethod);
registerMethod(reinhardMethod);
registerMethod(waveletMethod);
registerMethod(edgeAwareMethod);
registerMethod(welshMethod);

// dist/methods/automatic/declare.js
function automaticMethod(d) {
  const { colorize, ...rest } = d;
  return {
    ...rest,
    family: "automatic",
    inputs: [
      {
        name: "gray",
        kind: "image",
        required: true,
        description: "gray photo to colour (a colour photo is reduced to its luminance)"
      }
    ],
    run: async (inputs, options, context) => {
      const input = inputs.images.gray;
      if (!input.isGray)
        context.notice?.(COLOUR_AS_GRAY_NOTE);
      return { rgb: await colorize(grayInput(input.image, input.isGray), options, context) };
    }
  };
}

// dist/methods/automatic/cheng/options.js
var CHENG_FEATURE_SETS = ["full", "no-patch", "no-daisy", "no-semantic"];
var CHENG_STYLES = ["natural", "warm"];
var CHENG_WORKING_SIZE = 0;
var CHENG_WORKING_PIXELS = 2e6;
var CHENG_CHROMA_GAIN = 1;
var CHENG_MEMBERS = 1;
function bool(name, v, dflt) {
  if (v === void 0)
    return dflt;
  if (typeof v !== "boolean")
    throw new ColorizeError(`option "${name}" = ${JSON.stringify(v)} is invalid: expected true or false`, "usage");
  return v;
}
function resolveChengOptions(o = {}) {
  return {
    clustering: bool("clustering", o.clustering, true),
    refine: bool("refine", o.refine, true),
    features: checkChoice("features", o.features ?? "full", CHENG_FEATURE_SETS),
    style: checkChoice("style", o.style ?? "natural", CHENG_STYLES),
    topK: checkInteger("topK", o.topK ?? 3, 1, 1e3),
    refineSigmaSpatial: checkNumber("refineSigmaSpatial", o.refineSigmaSpatial ?? 8, 0.5, 1e3),
    refineSigmaRange: checkNumber("refineSigmaRange", o.refineSigmaRange ?? 0.08, 1e-3, 10),
    batch: checkInteger("batch", o.batch ?? 32768, 1, 1 << 24),
    workingSize: (o.workingSize ?? CHENG_WORKING_SIZE) === 0 ? 0 : checkInteger("workingSize", o.workingSize ?? CHENG_WORKING_SIZE, 16, 1 << 16),
    workingPixels: checkWorkingPixels("workingPixels", o.workingPixels ?? CHENG_WORKING_PIXELS),
    chromaGain: checkNumber("chromaGain", o.chromaGain ?? CHENG_CHROMA_GAIN, 0, 4),
    members: checkInteger("members", o.members ?? CHENG_MEMBERS, 1, 64)
  };
}

// dist/features/gist.js
function fftPow2(re, im, inverse) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1)
      j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (inverse ? 2 : -2) * Math.PI / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b] * cr - im[b] * ci;
        const xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
        const t = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = t;
      }
    }
  }
}
var planCache = /* @__PURE__ */ new Map();
function mixedPlan(n) {
  const hit = planCache.get(n);
  if (hit)
    return hit;
  let m = 1;
  while (n % (2 * m) === 0)
    m *= 2;
  const q = n / m;
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    cos[j] = Math.cos(2 * Math.PI * j / n);
    sin[j] = Math.sin(2 * Math.PI * j / n);
  }
  const plan = {
    q,
    m,
    cos,
    sin,
    subRe: Array.from({ length: q }, () => new Float64Array(m)),
    subIm: Array.from({ length: q }, () => new Float64Array(m)),
    outRe: new Float64Array(n),
    outIm: new Float64Array(n)
  };
  planCache.set(n, plan);
  return plan;
}
function fft1(re, im, inverse) {
  const n = re.length;
  if (isPow2(n)) {
    fftPow2(re, im, inverse);
    return;
  }
  const { q, m, cos, sin, subRe, subIm, outRe, outIm } = mixedPlan(n);
  for (let r = 0; r < q; r++) {
    const a = subRe[r];
    const b = subIm[r];
    for (let i = 0; i < m; i++) {
      a[i] = re[q * i + r];
      b[i] = im[q * i + r];
    }
    if (m > 1)
      fftPow2(a, b, inverse);
  }
  const sign = inverse ? 1 : -1;
  for (let k = 0; k < n; k++) {
    const km = k % m;
    let sr = 0;
    let si = 0;
    let j = 0;
    for (let r = 0; r < q; r++) {
      const c = cos[j];
      const sn = sign * sin[j];
      const xr = subRe[r][km];
      const xi = subIm[r][km];
      sr += xr * c - xi * sn;
      si += xr * sn + xi * c;
      j += k;
      if (j >= n)
        j -= n;
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  re.set(outRe);
  im.set(outIm);
}
function fft2(re, im, n, inverse = false) {
  const r = new Float64Array(n);
  const i = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    r.set(re.subarray(y * n, y * n + n));
    i.set(im.subarray(y * n, y * n + n));
    fft1(r, i, inverse);
    re.set(r, y * n);
    im.set(i, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      r[y] = re[y * n + x];
      i[y] = im[y * n + x];
    }
    fft1(r, i, inverse);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = r[y];
      im[y * n + x] = i[y];
    }
  }
  if (inverse) {
    const s = 1 / (n * n);
    for (let k = 0; k < re.length; k++) {
      re[k] *= s;
      im[k] *= s;
    }
  }
}
function freq(k, n) {
  return k < n / 2 ? k : k - n;
}
function isPow2(n) {
  return n > 0 && (n & n - 1) === 0;
}
var gaborCache = /* @__PURE__ */ new Map();
function gaborBank(orientations, n) {
  const key = `${orientations.join(",")}/${n}`;
  const hit = gaborCache.get(key);
  if (hit)
    return hit;
  const bank = [];
  orientations.forEach((no, s) => {
    for (let j = 0; j < no; j++) {
      const p1 = 0.35;
      const p2 = 0.3 / 1.85 ** s;
      const p3 = 16 * no * no / (32 * 32);
      const p4 = Math.PI / no * j;
      const g = new Float64Array(n * n);
      for (let ky = 0; ky < n; ky++)
        for (let kx = 0; kx < n; kx++) {
          const fx = freq(kx, n);
          const fy = freq(ky, n);
          const fr = Math.sqrt(fx * fx + fy * fy);
          let tr = Math.atan2(fy, fx) + p4;
          if (tr < -Math.PI)
            tr += 2 * Math.PI;
          else if (tr > Math.PI)
            tr -= 2 * Math.PI;
          g[ky * n + kx] = Math.exp(-10 * p1 * (fr / n / p2 - 1) ** 2 - 2 * p3 * Math.PI * tr * tr);
        }
      bank.push(g);
    }
  });
  gaborCache.set(key, bank);
  return bank;
}
function symIndex(i, len) {
  const period = 2 * len;
  let j = (i % period + period) % period;
  if (j >= len)
    j = period - 1 - j;
  return j;
}
function padSymmetric(img, n, w) {
  const N = n + 2 * w;
  const out = new Float64Array(N * N);
  for (let y = 0; y < N; y++) {
    const sy = symIndex(y - w, n) * n;
    for (let x = 0; x < N; x++)
      out[y * N + x] = img[sy + symIndex(x - w, n)];
  }
  return out;
}
function prefilter(img, n, fc) {
  const w = 5;
  const N = n + 2 * w;
  const s1 = fc / Math.sqrt(Math.LN2);
  const gf = new Float64Array(N * N);
  for (let ky = 0; ky < N; ky++)
    for (let kx = 0; kx < N; kx++) {
      const fx = freq(kx, N);
      const fy = freq(ky, N);
      gf[ky * N + kx] = Math.exp(-(fx * fx + fy * fy) / (s1 * s1));
    }
  const re = padSymmetric(img, n, w);
  const lowpass = (src) => {
    const r = src.slice();
    const i = new Float64Array(N * N);
    fft2(r, i, N);
    for (let k = 0; k < r.length; k++) {
      r[k] *= gf[k];
      i[k] *= gf[k];
    }
    fft2(r, i, N, true);
    return r;
  };
  const low = lowpass(re);
  const hp = new Float64Array(N * N);
  for (let k = 0; k < hp.length; k++)
    hp[k] = re[k] - low[k];
  const sq = new Float64Array(N * N);
  for (let k = 0; k < sq.length; k++)
    sq[k] = hp[k] * hp[k];
  const lstd = lowpass(sq);
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const k = (y + w) * N + x + w;
      out[y * n + x] = hp[k] / (0.2 + Math.sqrt(Math.abs(lstd[k])));
    }
  return out;
}
function gistSquare(gray, width, height, n) {
  const s = n / Math.min(width, height);
  const rw = Math.max(n, Math.round(width * s));
  const rh = Math.max(n, Math.round(height * s));
  const resized = resizePlane(gray, width, height, rw, rh, "area");
  const ox = rw - n >> 1;
  const oy = rh - n >> 1;
  const img = new Float64Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      img[y * n + x] = resized[(y + oy) * rw + x + ox];
  return img;
}
function gist(gray, width, height, options = {}) {
  const n = checkInteger("imageSize", options.imageSize ?? 128, 16, 1024);
  if (n % 2 !== 0)
    throw new RangeError(`GIST imageSize must be even, got ${n}`);
  const orientations = options.orientationsPerScale ?? [8, 8, 8, 8];
  const blocks = checkInteger("blocks", options.blocks ?? 4, 1, n);
  const fc = options.fc ?? 4;
  const be = checkInteger("boundaryExtension", options.boundaryExtension ?? 32, 0, n);
  const img = gistSquare(gray, width, height, n);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n * n; k++) {
    if (img[k] < lo)
      lo = img[k];
    if (img[k] > hi)
      hi = img[k];
  }
  const stretch = hi > lo ? 255 / (hi - lo) : 0;
  for (let k = 0; k < n * n; k++)
    img[k] = Math.log(1 + (img[k] - lo) * stretch);
  const pre = prefilter(img, n, fc);
  const N = n + 2 * be;
  const Fr = padSymmetric(pre, n, be);
  const Fi = new Float64Array(N * N);
  fft2(Fr, Fi, N);
  const bank = gaborBank(orientations, N);
  const out = new Float32Array(bank.length * blocks * blocks);
  const re = new Float64Array(N * N);
  const im = new Float64Array(N * N);
  const edges = Array.from({ length: blocks + 1 }, (_, i) => Math.floor(i * n / blocks + 1e-9));
  bank.forEach((g, f) => {
    for (let k = 0; k < N * N; k++) {
      re[k] = Fr[k] * g[k];
      im[k] = Fi[k] * g[k];
    }
    fft2(re, im, N, true);
    for (let bx = 0; bx < blocks; bx++)
      for (let by = 0; by < blocks; by++) {
        let sum = 0;
        for (let y = edges[by]; y < edges[by + 1]; y++)
          for (let x = edges[bx]; x < edges[bx + 1]; x++) {
            const k = (y + be) * N + x + be;
            sum += Math.sqrt(re[k] * re[k] + im[k] * im[k]);
          }
        out[f * blocks * blocks + bx * blocks + by] = sum / ((edges[by + 1] - edges[by]) * (edges[bx + 1] - edges[bx]));
      }
  });
  return out;
}

// dist/methods/automatic/cheng/clusters.js
function cosineSimilarity(a, b) {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
function selectCluster(clusters, gist2, histogram, topK) {
  const dist = clusters.map((c, i) => {
    let d = 0;
    for (let j = 0; j < gist2.length; j++)
      d += (c.gist[j] - gist2[j]) ** 2;
    return { i, d };
  });
  dist.sort((a, b) => a.d - b.d || a.i - b.i);
  const top = dist.slice(0, Math.max(1, topK));
  if (!histogram)
    return top[0].i;
  let best = top[0].i;
  let bestSim = -Infinity;
  for (const { i } of top) {
    const h = clusters[i].histogram;
    const s = h ? cosineSimilarity(h, histogram) : -Infinity;
    if (s > bestSim) {
      bestSim = s;
      best = i;
    }
  }
  return best;
}

// dist/features/daisy.js
function daisyField(gray, width, height, options = {}) {
  const R = checkNumber("radius", options.radius ?? 8, 1, 1e3);
  const Q = checkInteger("rings", options.rings ?? 1, 1, 8);
  const T = checkInteger("pointsPerRing", options.pointsPerRing ?? 3, 1, 32);
  const H = checkInteger("orientations", options.orientations ?? 8, 1, 32);
  const s0 = checkNumber("sigmaInit", options.sigmaInit ?? 1, 0);
  const normFloor = checkNumber("normFloor", options.normFloor ?? 5e-3, 0);
  const n = width * height;
  const smooth = s0 > 0 ? gaussianBlur(gray, width, height, s0) : gray;
  const gx = new Float32Array(n);
  const gy = new Float32Array(n);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const xl = x > 0 ? p - 1 : p;
      const xr = x + 1 < width ? p + 1 : p;
      const yu = y > 0 ? p - width : p;
      const yd = y + 1 < height ? p + width : p;
      gx[p] = (smooth[xr] - smooth[xl]) / Math.max(1, xr - xl | 0);
      gy[p] = (smooth[yd] - smooth[yu]) / Math.max(1, (yd - yu) / width | 0);
    }
  const maps = [];
  for (let o = 0; o < H; o++) {
    const c = Math.cos(2 * Math.PI * o / H);
    const s = Math.sin(2 * Math.PI * o / H);
    const m = new Float32Array(n);
    for (let p = 0; p < n; p++) {
      const v = c * gx[p] + s * gy[p];
      m[p] = v > 0 ? v : 0;
    }
    maps.push(m);
  }
  const layers = [];
  for (let i = 0; i < Q; i++) {
    const sigma = R * (i + 1) / (2 * Q);
    layers.push(maps.map((m) => gaussianBlur(m, width, height, sigma)));
  }
  const offsets = [];
  for (let i = 0; i < Q; i++) {
    const r = R * (i + 1) / Q;
    for (let t = 0; t < T; t++) {
      const a = 2 * Math.PI * t / T;
      offsets.push({ dx: r * Math.cos(a), dy: r * Math.sin(a), layer: i });
    }
  }
  return { width, height, layers, offsets, orientations: H, normFloor, size: (Q * T + 1) * H };
}
function histogramAt(f, layer, fx, fy, out, at) {
  const { width, height, orientations: H } = f;
  const x = Math.min(Math.max(fx, 0), width - 1);
  const y = Math.min(Math.max(fy, 0), height - 1);
  const x0 = Math.min(Math.floor(x), width - 2 < 0 ? 0 : width - 2);
  const y0 = Math.min(Math.floor(y), height - 2 < 0 ? 0 : height - 2);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const tx = x - x0;
  const ty = y - y0;
  const p00 = y0 * width + x0;
  const p01 = y0 * width + x1;
  const p10 = y1 * width + x0;
  const p11 = y1 * width + x1;
  const w00 = (1 - tx) * (1 - ty);
  const w01 = tx * (1 - ty);
  const w10 = (1 - tx) * ty;
  const w11 = tx * ty;
  let ss = 0;
  for (let o = 0; o < H; o++) {
    const m = layer[o];
    const v = w00 * m[p00] + w01 * m[p01] + w10 * m[p10] + w11 * m[p11];
    out[at + o] = v;
    ss += v * v;
  }
  const inv = 1 / Math.max(Math.sqrt(ss), f.normFloor, 1e-12);
  for (let o = 0; o < H; o++)
    out[at + o] *= inv;
}
function daisyDescriptor(f, x, y, out, at = 0) {
  const dst = out ?? new Float32Array(f.size);
  histogramAt(f, f.layers[0], x, y, dst, at);
  let k = at + f.orientations;
  for (const o of f.offsets) {
    histogramAt(f, f.layers[o.layer], x + o.dx, y + o.dy, dst, k);
    k += f.orientations;
  }
  return dst;
}

// dist/methods/automatic/cheng/features.js
var PATCH_SIZE = 7;
function chengDescriptors(gray, width, height, set, semantic = null, daisyOptions = {}) {
  const field = set.daisy ? daisyField(gray, width, height, daisyOptions) : null;
  if (set.semantic && !semantic)
    throw new Error("chengDescriptors: semantic planes are required");
  const sem = set.semantic ? semantic : [];
  const r = PATCH_SIZE >> 1;
  const size = (set.patch ? PATCH_SIZE * PATCH_SIZE : 0) + (field ? field.size : 0) + sem.length;
  return {
    size,
    fill(x, y, out, at) {
      let k = at;
      if (set.patch) {
        for (let dy = -r; dy <= r; dy++) {
          const yy = Math.min(Math.max(y + dy, 0), height - 1) * width;
          for (let dx = -r; dx <= r; dx++)
            out[k++] = gray[yy + Math.min(Math.max(x + dx, 0), width - 1)];
        }
      }
      if (field) {
        daisyDescriptor(field, x, y, out, k);
        k += field.size;
      }
      const p = y * width + x;
      for (const plane of sem)
        out[k++] = plane[p];
    }
  };
}

// dist/methods/automatic/cheng/mlp.js
function mlpToOnnx(net) {
  const nodes = [];
  const initializers = [];
  let prev = "x";
  const L = net.weights.length;
  for (let l = 0; l < L; l++) {
    const ni = net.sizes[l];
    const no = net.sizes[l + 1];
    initializers.push({ name: `w${l}`, dims: [no, ni], data: net.weights[l] });
    initializers.push({ name: `b${l}`, dims: [no], data: net.biases[l] });
    const gemmOut = l === L - 1 ? "y" : `h${l}`;
    nodes.push({
      op: "Gemm",
      inputs: [prev, `w${l}`, `b${l}`],
      outputs: [gemmOut],
      attributes: { transB: 1 }
    });
    if (l < L - 1) {
      nodes.push({ op: "Relu", inputs: [gemmOut], outputs: [`r${l}`] });
      prev = `r${l}`;
    }
  }
  return encodeOnnxModel({
    name: "cheng-mlp",
    nodes,
    initializers,
    inputs: [{ name: "x", shape: ["n", net.sizes[0]] }],
    outputs: [{ name: "y", shape: ["n", net.sizes[L]] }]
  });
}
var sessions = /* @__PURE__ */ new WeakMap();
async function mlpForwardOrt(net, input, count) {
  let s = sessions.get(net);
  if (!s) {
    s = loadOrt().then((ort2) => ort2.InferenceSession.create(mlpToOnnx(net), { graphOptimizationLevel: "all", intraOpNumThreads: 1 }));
    sessions.set(net, s);
  }
  const session = await s;
  const ort = await loadOrt();
  const x = new ort.Tensor("float32", input.subarray(0, count * net.sizes[0]), [count, net.sizes[0]]);
  const r = await session.run({ x });
  return r.y.data;
}

// dist/methods/automatic/cheng/model.js
import { readFileSync } from "node:fs";
import path from "node:path";
var CHENG_MODEL_FILES = ["cheng/model.json", "cheng/weights.bin"];
function decodeFloat16(bytes) {
  const n = bytes.length >> 1;
  const out = new Float32Array(n);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    const h = dv.getUint16(2 * i, true);
    const s = h & 32768 ? -1 : 1;
    const e = h >> 10 & 31;
    const f = h & 1023;
    out[i] = e === 0 ? s * f * 2 ** -24 : e === 31 ? f ? Number.NaN : s * Infinity : s * (1 + f / 1024) * 2 ** (e - 15);
  }
  return out;
}
function parseChengModel(meta, values) {
  const gistSize = Number(meta.gistSize ?? 512);
  const networks = /* @__PURE__ */ new Map();
  const at = (off, len) => {
    if (!(off >= 0 && off + len <= values.length))
      throw new ColorizeError("cheng model: weights.bin is truncated", "io");
    return values.slice(off, off + len);
  };
  for (const [name, n] of Object.entries(meta.networks)) {
    const weights = [];
    const biases = [];
    n.layers.forEach((l, i) => {
      weights.push(at(l.weights, n.sizes[i] * n.sizes[i + 1]));
      biases.push(at(l.biases, n.sizes[i + 1]));
    });
    networks.set(name, { name, features: n.features, sizes: n.sizes, weights, biases });
  }
  const sem = meta.semantic;
  const clusters = meta.clusters.map((c) => {
    const network = networks.get(c.network);
    if (!network)
      throw new ColorizeError(`cheng model: cluster network ${c.network} is missing`, "io");
    return {
      layer: c.layer,
      parent: c.parent ?? null,
      network,
      images: c.images,
      gist: at(c.gist, gistSize),
      histogram: c.histogram === null || !sem ? null : at(c.histogram, sem.classes)
    };
  });
  const chromaSpace = meta.chromaSpace === "yuv601" ? "yuv601" : "yuv";
  return {
    networks,
    clusters,
    semantic: sem ? { variant: sem.variant, classes: sem.classes } : null,
    chromaSpace,
    meta
  };
}
var cached = null;
function loadChengModel() {
  const json = requireModelFile(CHENG_MODEL_FILES[0]);
  const bin = requireModelFile(CHENG_MODEL_FILES[1]);
  const dir = path.dirname(json);
  if (cached?.dir === dir)
    return cached.model;
  let meta;
  try {
    meta = JSON.parse(readFileSync(json, "utf8"));
  } catch (e) {
    throw new ColorizeError(`${json}: not a valid model file (${e.message})`, "io", json);
  }
  if (meta.format !== "cheng-deep-colorization/1")
    throw new ColorizeError(`${json}: unknown model format ${JSON.stringify(meta.format)}`, "io", json);
  const model = parseChengModel(meta, decodeFloat16(readFileSync(bin)));
  cached = { dir, model };
  return model;
}

// dist/filters/domain-transform.js
function domainTransformRF(guide, values, width, height, options = {}) {
  const ss = checkNumber("sigmaSpatial", options.sigmaSpatial ?? 20, 1e-6);
  const sr = checkNumber("sigmaRange", options.sigmaRange ?? 0.1, 1e-6);
  const N = checkInteger("iterations", options.iterations ?? 3, 1, 20);
  const n = width * height;
  const dH = new Float32Array(n);
  const dV = new Float32Array(n);
  const ratio = ss / sr;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      let sh = 0;
      let sv = 0;
      for (const g of guide) {
        if (x + 1 < width)
          sh += Math.abs(g[p + 1] - g[p]);
        if (y + 1 < height)
          sv += Math.abs(g[p + width] - g[p]);
      }
      dH[p] = 1 + ratio * sh;
      dV[p] = 1 + ratio * sv;
    }
  const outs = values.map((v) => Float64Array.from(v));
  const wH = new Float64Array(n);
  const wV = new Float64Array(n);
  for (let i = 0; i < N; i++) {
    const sigmaH = ss * Math.sqrt(3) * 2 ** (N - i - 1) / Math.sqrt(4 ** N - 1);
    const a = Math.exp(-Math.SQRT2 / sigmaH);
    for (let p = 0; p < n; p++) {
      wH[p] = a ** dH[p];
      wV[p] = a ** dV[p];
    }
    for (const o of outs) {
      for (let y = 0; y < height; y++) {
        const row = y * width;
        for (let x = 1; x < width; x++) {
          const p = row + x;
          const w = wH[p - 1];
          o[p] += w * (o[p - 1] - o[p]);
        }
        for (let x = width - 2; x >= 0; x--) {
          const p = row + x;
          const w = wH[p];
          o[p] += w * (o[p + 1] - o[p]);
        }
      }
      for (let y = 1; y < height; y++) {
        const row = y * width;
        for (let x = 0; x < width; x++) {
          const p = row + x;
          o[p] += wV[p - width] * (o[p - width] - o[p]);
        }
      }
      for (let y = height - 2; y >= 0; y--) {
        const row = y * width;
        for (let x = 0; x < width; x++) {
          const p = row + x;
          o[p] += wV[p] * (o[p + width] - o[p]);
        }
      }
    }
  }
  return outs.map((o) => Float32Array.from(o));
}

// dist/methods/automatic/cheng/semantic.js
var CHENG_SEMANTIC_VARIANT = "cityscapes";
function smoothSemantic(gray, low, options = {}) {
  const { width: W, height: H } = gray;
  const up = resizeImage(low, W, H, "bilinear");
  const planes = domainTransformRF([gray.channels[0]], up.channels, W, H, {
    sigmaSpatial: options.sigmaSpatial ?? 16,
    sigmaRange: options.sigmaRange ?? 0.1
  });
  const C = planes.length;
  const histogram = new Float32Array(C);
  for (let p = 0; p < W * H; p++) {
    let best = 0;
    for (let c = 1; c < C; c++)
      if (planes[c][p] > planes[best][p])
        best = c;
    histogram[best]++;
  }
  for (let c = 0; c < C; c++)
    histogram[c] /= W * H;
  return { planes, histogram };
}
async function semanticFeature(gray, options = {}) {
  const variants = String(options.variant ?? CHENG_SEMANTIC_VARIANT).split("+");
  const planes = [];
  const hist = [];
  for (const v of variants) {
    if (!(v in DEEPLAB_MODELS))
      throw new ColorizeError(`cheng semantic: unknown segmentation network "${v}" (expected ${Object.keys(DEEPLAB_MODELS).join(", ")}, or several joined by '+')`, "usage");
    const { probabilities } = await deeplabProbabilities(gray, v);
    const f = smoothSemantic(gray, probabilities, options);
    planes.push(...f.planes);
    hist.push(...f.histogram);
  }
  return { planes, histogram: Float32Array.from(hist) };
}

// dist/methods/automatic/cheng/pipeline.js
function checkGray(gray) {
  if (gray.channels.length !== 1)
    throw new ColorizeError(`cheng: expected a one-channel gray image, got ${gray.channels.length} channels`, "input");
  if (gray.width < 1 || gray.height < 1)
    throw new ColorizeError("cheng: the image is empty", "input");
  const g = gray.channels[0];
  if (g.length !== gray.width * gray.height)
    throw new ColorizeError(`cheng: the gray plane has ${g.length} values for ${gray.width}\xD7${gray.height}`, "input");
  for (let i = 0; i < g.length; i++)
    if (!Number.isFinite(g[i]))
      throw new ColorizeError(`cheng: the gray image holds a non-finite value at ${i}`, "input");
  return g;
}
function chooseNetwork(model, options, globalDescriptor, histogram) {
  const pick = (name) => {
    const n = model.networks.get(name);
    if (!n)
      throw new ColorizeError(`cheng model: no network "${name}" (retrain with training/cheng)`, "io");
    return n;
  };
  const one = (network, cluster = null) => ({
    network,
    members: [network],
    cluster
  });
  if (options.members > 1) {
    if (options.clustering && model.clusters.length > 0)
      throw new ColorizeError(`option "members" = ${options.members} needs clustering off (--no-clustering)`, "usage");
    if (options.features !== "full" || options.style !== "natural")
      throw new ColorizeError(`option "members" = ${options.members} needs the global network (features 'full', style 'natural')`, "usage");
    const names = ["global", ...Array.from({ length: options.members - 1 }, (_, k) => `global.${k + 2}`)];
    const have = names.filter((n) => model.networks.has(n)).length;
    if (have < names.length)
      throw new ColorizeError(`option "members" = ${options.members}: the model holds ${globalMembers(model)} global network(s)`, "usage");
    const members = names.map(pick);
    return { network: members[0], members, cluster: null };
  }
  if (options.style !== "natural") {
    if (options.features !== "full")
      throw new ColorizeError(`option "style" = ${options.style} needs features 'full'`, "usage");
    return one(pick(`style-${options.style}`));
  }
  if (options.features !== "full")
    return one(pick(options.features));
  if (!options.clustering || model.clusters.length === 0)
    return one(pick("global"));
  const i = selectCluster(model.clusters, globalDescriptor(), histogram, options.topK);
  return one(model.clusters[i].network, i);
}
function globalMembers(model) {
  let k = model.networks.has("global") ? 1 : 0;
  while (k > 0 && model.networks.has(`global.${k + 1}`))
    k++;
  return k;
}
async function colorizeCheng(gray, options = {}, context = {}) {
  const o = resolveChengOptions(options);
  checkGray(gray);
  const model = loadChengModel();
  const full = gray;
  const side = Math.max(full.width, full.height);
  let reduced = null;
  if (o.workingSize > 0 && side > o.workingSize) {
    const s = o.workingSize / side;
    reduced = {
      width: Math.max(1, Math.round(full.width * s)),
      height: Math.max(1, Math.round(full.height * s))
    };
  } else if (o.workingSize === 0 && o.workingPixels > 0 && full.width * full.height > o.workingPixels) {
    reduced = workingGrid(full.width, full.height, o.workingPixels);
  }
  if (reduced) {
    const { width: w, height: h } = reduced;
    gray = {
      width: w,
      height: h,
      channels: [resizePlane(full.channels[0], full.width, full.height, w, h, "area")]
    };
  }
  const g = gray.channels[0];
  const { width: W, height: H } = gray;
  const progress = context.progress ?? (() => {
  });
  const timings = {
    semantic: 0,
    gist: 0,
    features: 0,
    network: 0,
    refine: 0,
    finish: 0
  };
  const lap = stageTimer(timings);
  progress(0, "semantic");
  const needsSemantic = o.features !== "no-semantic";
  let sem = null;
  if (model.semantic && needsSemantic)
    sem = await semanticFeature(gray, { variant: model.semantic.variant });
  lap("semantic");
  progress(0.2, "cluster");
  const { network, members, cluster } = chooseNetwork(model, o, () => gist(g, W, H), sem?.histogram ?? null);
  lap("gist");
  progress(0.3, "features");
  const src = chengDescriptors(g, W, H, network.features, network.features.semantic ? sem?.planes ?? null : null);
  if (src.size !== network.sizes[0])
    throw new ColorizeError(`cheng model: network ${network.name} expects ${network.sizes[0]} inputs, descriptor has ${src.size}`, "io");
  const U = new Float32Array(W * H);
  const V = new Float32Array(W * H);
  const n = W * H;
  const batch = Math.min(o.batch, n);
  const buf = new Float32Array(batch * src.size);
  for (let start = 0; start < n; start += batch) {
    const count = Math.min(batch, n - start);
    for (let k = 0; k < count; k++) {
      const p = start + k;
      src.fill(p % W, Math.floor(p / W), buf, k * src.size);
    }
    lap("features");
    const y = await mlpForwardOrt(network, buf, count);
    for (const m of members.slice(1)) {
      const ym = await mlpForwardOrt(m, buf, count);
      for (let k = 0; k < 2 * count; k++)
        y[k] += ym[k];
    }
    const gain = o.chromaGain / members.length;
    for (let k = 0; k < count; k++) {
      U[start + k] = gain * y[2 * k];
      V[start + k] = gain * y[2 * k + 1];
    }
    lap("network");
    progress(0.3 + 0.6 * (start + count) / n, "network");
  }
  let chroma = { width: W, height: H, channels: [U, V] };
  if (o.refine) {
    const [u, v] = jointBilateralGrid(g, [U, V], W, H, {
      sigmaSpatial: o.refineSigmaSpatial,
      sigmaRange: o.refineSigmaRange
    });
    chroma = { width: W, height: H, channels: [u, v] };
  }
  lap("refine");
  progress(0.95, "finish");
  const rgb = finish({ original: full, chroma, space: model.chromaSpace });
  lap("finish");
  progress(1, "done");
  return {
    rgb,
    chroma,
    network: members.length > 1 ? `global\xD7${members.length}` : network.name,
    cluster,
    timings
  };
}

// dist/methods/automatic/cheng/auto-method.js
var chengMethod = automaticMethod({
  name: "cheng",
  paper: "Cheng, Yang & Sheng 2015/16, Deep Colorization, \xA7III",
  browser: false,
  summary: "Cheng et al. 2015/16 Deep Colorization: patch + DAISY + semantic features, per-cluster MLPs",
  // Registered models (models/catalogue.ts): the ensemble and the segmentation network its
  // semantic feature was trained with.
  models: ["cheng", "deeplab-cityscapes"],
  options: [
    {
      flags: "--no-clustering",
      key: "clustering",
      type: "boolean",
      description: "use the global network instead of the adaptive image clustering",
      source: "paper \xA7III-C",
      default: true
    },
    {
      flags: "--no-refine",
      key: "refine",
      type: "boolean",
      description: "skip the joint bilateral chrominance refinement",
      source: "paper \xA7III-B.4",
      default: true
    },
    {
      flags: "--features <set>",
      key: "features",
      type: "string",
      choices: CHENG_FEATURE_SETS,
      description: "descriptor: all features, or an ablation network without one group",
      source: "paper Figs. 2\u20134",
      default: "full"
    },
    {
      flags: "--style <name>",
      key: "style",
      type: "string",
      choices: CHENG_STYLES,
      description: "global colour style: the ordinary ensemble, or a network fine-tuned on warm photos",
      source: "paper \xA7IV-C, Fig. 13",
      default: "natural"
    },
    {
      flags: "--top-k <k>",
      key: "topK",
      type: "number",
      integer: true,
      min: 1,
      description: "clusters kept by GIST distance before the semantic-histogram choice",
      source: "paper \xA7III-C.1 (k not given)",
      default: 3
    },
    {
      flags: "--refine-sigma-spatial <px>",
      key: "refineSigmaSpatial",
      type: "number",
      min: 0.5,
      description: "refinement spatial \u03C3 in pixels",
      source: "not given in the paper",
      default: 8
    },
    {
      flags: "--refine-sigma-range <\u03C3>",
      key: "refineSigmaRange",
      type: "number",
      min: 1e-3,
      max: 10,
      description: "refinement range \u03C3 on the [0, 1] gray guide",
      source: "paper \xA7III-B.4 (not given)",
      default: 0.08
    },
    {
      flags: "--working-size <px>",
      key: "workingSize",
      type: "number",
      integer: true,
      min: 0,
      description: "longest side at which the descriptors run (larger inputs are reduced and the chroma brought up by the finish stage); 0 = the input size",
      source: "not in the paper (its training and test photos are ~256 px); docs/cheng.md measures it",
      default: CHENG_WORKING_SIZE
    },
    {
      flags: "--working-pixels <n>",
      key: "workingPixels",
      type: "number",
      integer: true,
      min: 0,
      description: "without --working-size: largest pixel count at which the descriptors run; larger inputs are reduced to about this many pixels (0 = no limit)",
      source: "not in the paper: bounds memory (about 0.3 GB per megapixel at full size); README.md",
      default: CHENG_WORKING_PIXELS
    },
    {
      flags: "--chroma-gain <g>",
      key: "chromaGain",
      type: "number",
      min: 0,
      max: 4,
      description: "factor on the predicted chrominance: least squares predicts a greyer mean colour; 1 = the paper's output",
      source: "not in the paper; chosen on the tuning split (docs/cheng.md)",
      default: CHENG_CHROMA_GAIN
    },
    {
      flags: "--members <k>",
      key: "members",
      type: "number",
      integer: true,
      min: 1,
      max: 64,
      description: "global networks averaged (other training seeds; needs --no-clustering); 1 = the paper's single network",
      source: "not in the paper; docs/cheng.md measures 1\u20135 on val",
      default: CHENG_MEMBERS
    }
  ],
  colorize: async (gray, options, context) => (await colorizeCheng(gray, options, {
    notice: context.notice,
    progress: context.progress
  })).rgb
});

// dist/solve/coupled-tv.js
var DEFAULT_TV_LAMBDA = 0.02;
var DEFAULT_TV_GAMMA = 4;
var DEFAULT_TV_ITERATIONS = 500;
var DEFAULT_TV_SELECT_ITERATIONS = 50;
var DEFAULT_TV_WEIGHT_STEP = 0.05;
var DEFAULT_TV_TOLERANCE = 3e-3;
var DEFAULT_TV_PRIMAL_STEP = 4;
var W_EVERY = 5;
function projectSimplex(v, offset, k, active) {
  let sum = 0;
  for (let j = 0; j < k; j++) {
    active[j] = 1;
    sum += v[offset + j];
  }
  let count = k;
  let theta = (sum - 1) / count;
  for (; ; ) {
    let changed = false;
    for (let j = 0; j < k; j++) {
      if (active[j] && v[offset + j] <= theta) {
        active[j] = 0;
        sum -= v[offset + j];
        count--;
        changed = true;
      }
    }
    if (!changed || count === 0)
      break;
    theta = (sum - 1) / count;
  }
  for (let j = 0; j < k; j++) {
    const x = v[offset + j] - theta;
    v[offset + j] = active[j] && x > 0 ? x : 0;
  }
}
function coupledTvEnergy(lum, c, ua, ub, weight, lambda, gamma) {
  const { width: W, height: H, count: K } = c;
  let e = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const r = x < W - 1 ? i + 1 : i;
      const d = y < H - 1 ? i + W : i;
      const g = gamma * ((lum[r] - lum[i]) ** 2 + (lum[d] - lum[i]) ** 2) + (ua[r] - ua[i]) ** 2 + (ua[d] - ua[i]) ** 2 + (ub[r] - ub[i]) ** 2 + (ub[d] - ub[i]) ** 2;
      e += Math.sqrt(g);
      let f = 0;
      let q = 0;
      for (let j = 0; j < K; j++) {
        const o = i * K + j;
        f += weight[o] * ((ua[i] - c.a[o]) ** 2 + (ub[i] - c.b[o]) ** 2);
        if (c.cost)
          q += weight[o] * c.cost[o];
      }
      e += 0.5 * lambda * f + q;
    }
  return e;
}
function pdIteration(s) {
  const { W, H, ua, ub, barA, barB, prevA, prevB, ma, mb, sa, tau: TAU, sigma: SIGMA, tl } = s;
  const { ax: pax, ay: pay, bx: pbx, by: pby } = s.p;
  if (s.arena) {
    const k = s.arena.kernels;
    const o = (a) => a.byteOffset;
    k.tvDual(W, H, o(barA), o(barB), o(pax), o(pay), o(pbx), o(pby), o(sa), SIGMA);
    k.tvPrimal(W, H, o(pax), o(pay), o(pbx), o(pby), o(ua), o(ub), o(prevA), o(prevB), o(barA), o(barB), o(ma), o(mb), TAU, tl);
    return;
  }
  for (let y = 0; y < H; y++) {
    const row = y * W;
    const lastRow = y === H - 1;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      const r = x < W - 1 ? i + 1 : i;
      const d = lastRow ? i : i + W;
      const bai = barA[i];
      const bbi = barB[i];
      const qax = pax[i] + SIGMA * (barA[r] - bai);
      const qay = pay[i] + SIGMA * (barA[d] - bai);
      const qbx = pbx[i] + SIGMA * (barB[r] - bbi);
      const qby = pby[i] + SIGMA * (barB[d] - bbi);
      const s2 = qax * qax + qay * qay + qbx * qbx + qby * qby;
      if (s2 === 0) {
        pax[i] = 0;
        pay[i] = 0;
        pbx[i] = 0;
        pby[i] = 0;
        continue;
      }
      const q = Math.sqrt(s2);
      const k = sa[i];
      let scale;
      if (k === 0)
        scale = q < 1 ? 1 : 1 / q;
      else {
        let t = q / (1 + k);
        for (let iter = 0; iter < 8; iter++) {
          const u2 = 1 + t * t;
          const su = Math.sqrt(u2);
          const step = (t / su + k * t - q) / (1 / (u2 * su) + k);
          t -= step;
          if (step > -1e-6)
            break;
        }
        scale = t / Math.sqrt(1 + t * t) / q;
      }
      pax[i] = qax * scale;
      pay[i] = qay * scale;
      pbx[i] = qbx * scale;
      pby[i] = qby * scale;
    }
  }
  const inv = 1 / (1 + tl);
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const i = row + x;
      let divA = 0;
      let divB = 0;
      if (x < W - 1) {
        divA += pax[i];
        divB += pbx[i];
      }
      if (x > 0) {
        divA -= pax[i - 1];
        divB -= pbx[i - 1];
      }
      if (y < H - 1) {
        divA += pay[i];
        divB += pby[i];
      }
      if (y > 0) {
        divA -= pay[i - W];
        divB -= pby[i - W];
      }
      const oa = ua[i];
      const ob = ub[i];
      prevA[i] = oa;
      prevB[i] = ob;
      let na = (oa + TAU * divA + tl * ma[i]) * inv;
      let nb = (ob + TAU * divB + tl * mb[i]) * inv;
      na = na < AB_MIN ? AB_MIN : na > AB_MAX ? AB_MAX : na;
      nb = nb < AB_MIN ? AB_MIN : nb > AB_MAX ? AB_MAX : nb;
      ua[i] = na;
      ub[i] = nb;
      barA[i] = 2 * na - oa;
      barB[i] = 2 * nb - ob;
    }
  }
}
function relativeChange(s) {
  const { ua, ub, prevA, prevB } = s;
  let num2 = 0;
  let den = 1e-12;
  for (let i = 0; i < ua.length; i++) {
    num2 += (ua[i] - prevA[i]) ** 2 + (ub[i] - prevB[i]) ** 2;
    den += ua[i] * ua[i] + ub[i] * ub[i];
  }
  return Math.sqrt(num2 / den);
}
function coupledTvSelect(lum, c, options = {}) {
  const lambda = checkNumber("lambda", options.lambda ?? DEFAULT_TV_LAMBDA, 1e-6);
  const gamma = checkNumber("gamma", options.gamma ?? DEFAULT_TV_GAMMA, 0);
  const maxIt = checkInteger("iterations", options.iterations ?? DEFAULT_TV_ITERATIONS, 0);
  const maxSel = checkInteger("selectIterations", options.selectIterations ?? DEFAULT_TV_SELECT_ITERATIONS, 0);
  const tol = checkNumber("tolerance", options.tolerance ?? DEFAULT_TV_TOLERANCE, 0);
  const weightStep = checkNumber("weightStep", options.weightStep ?? DEFAULT_TV_WEIGHT_STEP, 0);
  const TAU = checkNumber("primalStep", options.primalStep ?? DEFAULT_TV_PRIMAL_STEP, 1e-3, 1e3);
  const binary = options.binary ?? true;
  const SIGMA = 0.95 / (8 * TAU);
  const { width: W, height: H, count: K } = c;
  const n = W * H;
  if (lum.length !== n || c.a.length !== n * K || c.b.length !== n * K || c.weight.length !== n * K)
    throw new RangeError("coupledTvSelect: luminance and candidate arrays do not match the image size");
  if (K > 255)
    throw new RangeError("coupledTvSelect: at most 255 candidates per pixel");
  const init = options.init;
  if (init && (init.a.length !== n || init.b.length !== n))
    throw new RangeError("coupledTvSelect: the initial u does not match the image size");
  const arena = options.wasm !== false ? WasmArena.create(planeBytes(n, 14) + planeBytes(n * K, c.cost ? 4 : 3) + 2 * n + K + 4096) : null;
  const w = arena ? arena.copy32(c.weight) : Float32Array.from(c.weight);
  const candA = arena ? arena.copy32(c.a) : c.a;
  const candB = arena ? arena.copy32(c.b) : c.b;
  const candCost = arena && c.cost ? arena.copy32(c.cost) : c.cost;
  const lumIn = arena ? arena.copy32(lum) : lum;
  const plane = (src) => {
    if (arena)
      return src ? arena.copy32(src) : arena.f32(n);
    return src ? Float32Array.from(src) : new Float32Array(n);
  };
  const ma = plane();
  const mb = plane();
  for (let i = 0; i < n; i++) {
    let sa2 = 0;
    let sb = 0;
    for (let j = 0; j < K; j++) {
      const o = i * K + j;
      sa2 += w[o] * c.a[o];
      sb += w[o] * c.b[o];
    }
    ma[i] = sa2;
    mb[i] = sb;
  }
  const ua = plane(init ? init.a : ma);
  const ub = plane(init ? init.b : mb);
  const p = init?.dual && init.dual.ax.length === n ? {
    ax: plane(init.dual.ax),
    ay: plane(init.dual.ay),
    bx: plane(init.dual.bx),
    by: plane(init.dual.by)
  } : { ax: plane(), ay: plane(), bx: plane(), by: plane() };
  const sa = plane();
  const sqrtG = Math.sqrt(gamma);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const gx = x < W - 1 ? lum[i + 1] - lum[i] : 0;
      const gy = y < H - 1 ? lum[i + W] - lum[i] : 0;
      sa[i] = SIGMA * sqrtG * Math.sqrt(gx * gx + gy * gy);
    }
  const s = {
    W,
    H,
    ua,
    ub,
    barA: plane(ua),
    barB: plane(ub),
    prevA: plane(),
    prevB: plane(),
    ma,
    mb,
    p,
    sa,
    tau: TAU,
    sigma: SIGMA,
    tl: TAU * lambda,
    arena: arena ?? void 0
  };
  const scratch2 = arena ? arena.u8(K) : new Uint8Array(K);
  const wStep = weightStep * 0.5 * lambda;
  const cost = c.cost;
  if (cost && cost.length !== n * K)
    throw new RangeError("coupledTvSelect: the candidate costs do not match the candidates");
  const costScale = 2 / lambda;
  const at = (v) => v?.byteOffset ?? 0;
  const gradientW = () => {
    if (arena) {
      arena.kernels.tvGradientW(n, K, at(ua), at(ub), at(candA), at(candB), at(w), at(candCost), at(ma), at(mb), wStep, weightStep, at(scratch2));
      return;
    }
    for (let i = 0; i < n; i++) {
      const o = i * K;
      const na = ua[i];
      const nb = ub[i];
      let best = -Infinity;
      let second = -Infinity;
      let bi = 0;
      for (let j = 0; j < K; j++) {
        const dA = na - c.a[o + j];
        const dB = nb - c.b[o + j];
        const v = w[o + j] - wStep * (dA * dA + dB * dB) - (cost ? weightStep * cost[o + j] : 0);
        w[o + j] = v;
        if (v > best) {
          second = best;
          best = v;
          bi = j;
        } else if (v > second)
          second = v;
      }
      let sa2 = 0;
      let sb2 = 0;
      if (best - second >= 1) {
        for (let j = 0; j < K; j++)
          w[o + j] = 0;
        w[o + bi] = 1;
        sa2 = c.a[o + bi];
        sb2 = c.b[o + bi];
      } else {
        projectSimplex(w, o, K, scratch2);
        for (let j = 0; j < K; j++) {
          sa2 += w[o + j] * c.a[o + j];
          sb2 += w[o + j] * c.b[o + j];
        }
      }
      ma[i] = sa2;
      mb[i] = sb2;
    }
  };
  const winner = arena ? arena.u8(n) : new Uint8Array(n);
  const selectW = (first) => {
    if (arena)
      return arena.kernels.tvSelectW(n, K, at(ua), at(ub), at(candA), at(candB), at(w), at(candCost), costScale, at(winner), at(ma), at(mb), first ? 1 : 0);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      const na = ua[i];
      const nb = ub[i];
      const cur = winner[i];
      let bi = cur;
      let bd = (na - c.a[o + cur]) ** 2 + (nb - c.b[o + cur]) ** 2 + (cost ? costScale * cost[o + cur] : 0);
      for (let j = 0; j < K; j++) {
        const d = (na - c.a[o + j]) ** 2 + (nb - c.b[o + j]) ** 2 + (cost ? costScale * cost[o + j] : 0);
        if (d < bd) {
          bd = d;
          bi = j;
        }
      }
      if (bi !== cur || first) {
        if (bi !== cur)
          changed++;
        for (let j = 0; j < K; j++)
          w[o + j] = 0;
        w[o + bi] = 1;
        winner[i] = bi;
        ma[i] = c.a[o + bi];
        mb[i] = c.b[o + bi];
      }
    }
    return changed;
  };
  let it = 0;
  let change = Infinity;
  for (let k = 0; k < maxIt; k++) {
    pdIteration(s);
    it++;
    if ((k + 1) % W_EVERY === 0)
      gradientW();
    if ((k + 1) % 10 === 0) {
      change = relativeChange(s);
      options.onIteration?.(it, change);
      if (change < tol)
        break;
    }
  }
  let selIt = 0;
  if (binary) {
    for (let i = 0; i < n; i++) {
      let bi = 0;
      for (let j = 1; j < K; j++)
        if (w[i * K + j] > w[i * K + bi])
          bi = j;
      winner[i] = bi;
    }
    let changedSince = selectW(true);
    let prevEnergy = Infinity;
    for (let k = 0; k < maxSel; k++) {
      pdIteration(s);
      it++;
      selIt++;
      if ((k + 1) % W_EVERY === 0)
        changedSince += selectW(false);
      if ((k + 1) % 10 === 0) {
        change = relativeChange(s);
        options.onIteration?.(it, change);
        if (change < tol) {
          const e = arena ? arena.kernels.tvEnergy(W, H, K, at(lumIn), at(ua), at(ub), at(candA), at(candB), at(w), at(candCost), lambda, gamma) : coupledTvEnergy(lum, c, ua, ub, w, lambda, gamma);
          const stalled = prevEnergy - e < tol / 30 * e;
          prevEnergy = e;
          if (changedSince <= tol * n || stalled)
            break;
        } else
          prevEnergy = Infinity;
        changedSince = 0;
      }
    }
    selectW(false);
  } else {
    for (let i = 0; i < n; i++) {
      let bi = 0;
      for (let j = 1; j < K; j++)
        if (w[i * K + j] > w[i * K + bi])
          bi = j;
      winner[i] = bi;
    }
  }
  let isBinary = true;
  for (let i = 0; i < n && isBinary; i++)
    if (w[i * K + winner[i]] !== 1)
      isBinary = false;
  const out = (v) => arena ? Float32Array.from(v) : v;
  return {
    a: out(ua),
    b: out(ub),
    weight: out(w),
    winner: arena ? Uint8Array.from(winner) : winner,
    dual: { ax: out(p.ax), ay: out(p.ay), bx: out(p.bx), by: out(p.by) },
    iterations: it,
    selectIterations: selIt,
    change,
    binary: isBinary
  };
}
function coupledTvScales(width, height, minSide = 64) {
  const out = [{ width, height }];
  let w = width;
  let h = height;
  while (Math.min(w, h) / 2 >= minSide) {
    w = Math.round(w / 2);
    h = Math.round(h / 2);
    out.push({ width: w, height: h });
  }
  return out.reverse();
}
function coupledTvMultiscale(width, height, level, options = {}) {
  const lambda = checkNumber("lambda", options.lambda ?? DEFAULT_TV_LAMBDA, 1e-6);
  const sizes = coupledTvScales(width, height, options.minSide ?? 64);
  const binary = options.binary ?? true;
  let prev = null;
  let prevSize = sizes[0];
  let iterations = 0;
  for (let k = 0; k < sizes.length; k++) {
    const { width: w, height: h } = sizes[k];
    const { lum, candidates } = level(w, h);
    const init = prev ? {
      a: upsampleBilinear(prev.a, prevSize.width, prevSize.height, w, h),
      b: upsampleBilinear(prev.b, prevSize.width, prevSize.height, w, h),
      dual: {
        ax: upsampleNearest(prev.dual.ax, prevSize.width, prevSize.height, w, h),
        ay: upsampleNearest(prev.dual.ay, prevSize.width, prevSize.height, w, h),
        bx: upsampleNearest(prev.dual.bx, prevSize.width, prevSize.height, w, h),
        by: upsampleNearest(prev.dual.by, prevSize.width, prevSize.height, w, h)
      }
    } : void 0;
    prev = null;
    const r2 = coupledTvSelect(lum, candidates, {
      ...options,
      lambda: lambda * (width / w),
      // Soft w: phase 1 at every scale. Binary w: phase 1 at the coarsest scale only, then phase 2
      // at every scale, each started from the coarser selection (boundaries move a pixel per few
      // iterations, so a coarse scale moves them 2^k times faster in full-size pixels).
      iterations: binary && k > 0 ? 0 : options.iterations,
      binary,
      init,
      onIteration: options.onIteration && ((it, ch) => options.onIteration?.(iterations + it, ch))
    });
    iterations += r2.iterations;
    prev = r2;
    prevSize = sizes[k];
  }
  const r = prev;
  return { ...r, iterations, scales: sizes.length };
}
function upsampleBilinear(src, w0, h0, w, h) {
  const out = new Float32Array(w * h);
  const sx = w0 / w;
  const sy = h0 / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h0 - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, h0 - 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w0 - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, w0 - 1);
      const tx = fx - x0;
      out[y * w + x] = (1 - ty) * ((1 - tx) * src[y0 * w0 + x0] + tx * src[y0 * w0 + x1]) + ty * ((1 - tx) * src[y1 * w0 + x0] + tx * src[y1 * w0 + x1]);
    }
  }
  return out;
}
function upsampleNearest(src, w0, h0, w, h) {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.min(h0 - 1, Math.floor(y * h0 / h));
    for (let x = 0; x < w; x++)
      out[y * w + x] = src[y0 * w0 + Math.min(w0 - 1, Math.floor(x * w0 / w))];
  }
  return out;
}

// dist/methods/automatic/cnn-tv/candidates.js
var DEFAULT_CANDIDATES = 10;
function topM(probs, off, q, m, out, outOff, val) {
  val.fill(-1);
  for (let k = 0; k < q; k++) {
    const v = probs[off + k];
    if (v <= val[m - 1])
      continue;
    let j = m - 1;
    while (j > 0 && val[j - 1] < v) {
      val[j] = val[j - 1];
      out[outOff + j] = out[outOff + j - 1];
      j--;
    }
    val[j] = v;
    out[outOff + j] = k;
  }
}
function candidatesFromDistribution(dist, width, height, count = DEFAULT_CANDIDATES) {
  const K = checkInteger("candidates", count, 1, 64);
  const bins = dist.bins;
  const Q = bins.count;
  const M = Math.min(Q, 2 * K);
  const { width: w0, height: h0, probs } = dist;
  const top = new Int32Array(w0 * h0 * M);
  const scratch2 = new Float64Array(M);
  for (let p = 0; p < w0 * h0; p++)
    topM(probs, p * Q, Q, M, top, p * M, scratch2);
  const cellBins = new Array(w0 * h0);
  const cellProbs = new Array(w0 * h0);
  const stamp = new Int32Array(Q).fill(-1);
  const union = new Int32Array(4 * M);
  for (let y0 = 0; y0 < h0; y0++)
    for (let x0 = 0; x0 < w0; x0++) {
      const cell = y0 * w0 + x0;
      const x1 = Math.min(x0 + 1, w0 - 1);
      const y1 = Math.min(y0 + 1, h0 - 1);
      const nb = [cell, y0 * w0 + x1, y1 * w0 + x0, y1 * w0 + x1];
      let u = 0;
      for (const p of nb)
        for (let m = 0; m < M; m++) {
          const q = top[p * M + m];
          if (stamp[q] === cell)
            continue;
          stamp[q] = cell;
          union[u++] = q;
        }
      const pr = new Float32Array(4 * u);
      for (let j = 0; j < u; j++)
        for (let k = 0; k < 4; k++)
          pr[4 * j + k] = probs[nb[k] * Q + union[j]];
      cellBins[cell] = union.slice(0, u);
      cellProbs[cell] = pr;
    }
  const n = width * height;
  const ca = new Float32Array(n * K);
  const cb = new Float32Array(n * K);
  const cw = new Float32Array(n * K);
  const bestV = new Float64Array(K);
  const bestK = new Int32Array(K);
  const sx = w0 / width;
  const sy = h0 / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h0 - 1);
    const y0 = Math.min(Math.floor(fy), h0 - 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w0 - 1);
      const x0 = Math.min(Math.floor(fx), w0 - 1);
      const tx = fx - x0;
      const w00 = (1 - tx) * (1 - ty);
      const w10 = tx * (1 - ty);
      const w01 = (1 - tx) * ty;
      const w11 = tx * ty;
      const cell = y0 * w0 + x0;
      const ub = cellBins[cell];
      const pr = cellProbs[cell];
      bestV.fill(-1);
      for (let j = 0; j < ub.length; j++) {
        const v = w00 * pr[4 * j] + w10 * pr[4 * j + 1] + w01 * pr[4 * j + 2] + w11 * pr[4 * j + 3];
        if (v <= bestV[K - 1])
          continue;
        let s = K - 1;
        while (s > 0 && bestV[s - 1] < v) {
          bestV[s] = bestV[s - 1];
          bestK[s] = bestK[s - 1];
          s--;
        }
        bestV[s] = v;
        bestK[s] = ub[j];
      }
      const i = y * width + x;
      let sum = 0;
      for (let k = 0; k < K; k++)
        sum += Math.max(bestV[k], 0);
      for (let k = 0; k < K; k++) {
        const o = i * K + k;
        const q = bestK[k];
        ca[o] = bins.a[q];
        cb[o] = bins.b[q];
        cw[o] = sum > 0 ? Math.max(bestV[k], 0) / sum : 1 / K;
      }
    }
  }
  return { width, height, count: K, a: ca, b: cb, weight: cw };
}

// dist/methods/automatic/cnn-tv/pipeline.js
var DEFAULT_TEMPERATURE = 0.38;
var DEFAULT_WORKING_PIXELS = 1e6;
var CNN_UPSAMPLE_METHODS = ["joint-bilateral", "guided", "bilinear"];
function checkUpsample(v) {
  if (v === void 0)
    return "joint-bilateral";
  if (!CNN_UPSAMPLE_METHODS.includes(v))
    throw new ColorizeError(`option "upsample" = ${JSON.stringify(v)} is invalid: expected one of ${CNN_UPSAMPLE_METHODS.join(", ")}`, "usage");
  return v;
}
function checkGray2(gray) {
  if (gray.channels.length !== 1)
    throw new RangeError(`expected a one-channel gray image, got ${gray.channels.length} channels`);
}
async function colorizeCnn(gray, options = {}) {
  checkGray2(gray);
  const T = checkNumber("temperature", options.temperature ?? DEFAULT_TEMPERATURE, 0.01, 10);
  const upsample2 = checkUpsample(options.upsample);
  options.onProgress?.(0, "cnn");
  const dist = await predictColorDistribution(gray);
  options.onProgress?.(0.8, "decode");
  const rgb = decodeAnnealedMean(gray, dist, T, upsample2);
  options.onProgress?.(1, "done");
  return rgb;
}
function decodeAnnealedMean(gray, dist, temperature2 = DEFAULT_TEMPERATURE, upsample2 = "joint-bilateral") {
  const { a, b } = annealedMean(dist.probs, dist.width * dist.height, temperature2, dist.bins);
  return finish({
    original: gray,
    chroma: { width: dist.width, height: dist.height, channels: [a, b] },
    space: "lab"
  }, { upsample: upsample2 });
}
function workingSize(width, height, cap) {
  if (width * height <= cap)
    return { width, height };
  const s = Math.sqrt(cap / (width * height));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}
async function colorizeCnnTv(gray, options = {}) {
  checkGray2(gray);
  options.onProgress?.(0, "cnn");
  const dist = await predictColorDistribution(gray);
  const run = selectWithCoupledTv(gray, dist, options);
  if (options.onDebug)
    cnnTvDebugPictures(gray, run, options.onDebug);
  return run.image;
}
function cnnTvDebugPictures(gray, run, sink) {
  const { width: W, height: H, candidates: c, tv } = run;
  const n = W * H;
  const K = c.count;
  const g = W === gray.width && H === gray.height ? gray.channels[0] : resizePlane(gray.channels[0], gray.width, gray.height, W, H, "area");
  const L = new Float32Array(n);
  for (let i = 0; i < n; i++)
    L[i] = grayToL(g[i]);
  for (let k = 0; k < K; k++) {
    const a = new Float32Array(n);
    const b = new Float32Array(n);
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = c.a[i * K + k];
      b[i] = c.b[i * K + k];
      w[i] = tv.weight[i * K + k];
    }
    sink(`candidate-${k}`, labImageToRgb({ width: W, height: H, channels: [L, a, b] }));
    sink(`weight-${k}`, { width: W, height: H, channels: [w] });
  }
  const win = new Float32Array(n);
  for (let i = 0; i < n; i++)
    win[i] = K > 1 ? tv.winner[i] / (K - 1) : 0;
  sink("winner", { width: W, height: H, channels: [win] });
}
function selectWithCoupledTv(gray, dist, options = {}) {
  checkGray2(gray);
  const K = checkInteger("candidates", options.candidates ?? DEFAULT_CANDIDATES, 1, 64);
  const cap = checkInteger("workingPixels", options.workingPixels ?? DEFAULT_WORKING_PIXELS, 4096);
  const upsample2 = checkUpsample(options.upsample);
  const progress = options.onProgress;
  const { width: W, height: H } = workingSize(gray.width, gray.height, cap);
  progress?.(0.2, "candidates");
  let tCand = 0;
  const g = W === gray.width && H === gray.height ? gray.channels[0] : resizePlane(gray.channels[0], gray.width, gray.height, W, H, "area");
  const lumFull = new Float32Array(W * H);
  for (let i = 0; i < lumFull.length; i++)
    lumFull[i] = grayToL(g[i]);
  let fine = null;
  const level = (w, h) => {
    const t = performance.now();
    const candidates = candidatesFromDistribution(dist, w, h, K);
    const lum = w === W && h === H ? lumFull : resizePlane(lumFull, W, H, w, h, "area");
    if (w === W && h === H)
      fine = candidates;
    tCand += performance.now() - t;
    return { lum, candidates };
  };
  const t0 = performance.now();
  const maxIt = options.iterations ?? DEFAULT_TV_ITERATIONS;
  const r = coupledTvMultiscale(W, H, level, {
    ...options,
    onIteration: (it) => progress?.(0.3 + 0.6 * Math.min(1, it / Math.max(1, 4 * maxIt)), "tv")
  });
  const tTv = performance.now() - t0 - tCand;
  progress?.(0.9, "finish");
  const t1 = performance.now();
  const image = finish({
    original: gray,
    chroma: { width: W, height: H, channels: [r.a, r.b] },
    space: "lab"
  }, { upsample: upsample2 });
  const tFinish = performance.now() - t1;
  progress?.(1, "done");
  return {
    image,
    width: W,
    height: H,
    iterations: r.iterations,
    selectIterations: r.selectIterations,
    scales: r.scales,
    candidates: fine,
    tv: r,
    timings: { candidates: tCand, tv: tTv, finish: tFinish }
  };
}

// dist/methods/automatic/cnn-tv/auto-method.js
var MODELS = ["mobilenet-v2", "cnn-tv-head", "color-bins"];
var temperature = {
  flags: "--temperature <t>",
  key: "temperature",
  type: "number",
  description: "annealed-mean temperature",
  source: "Zhang et al. \xA73.3",
  default: DEFAULT_TEMPERATURE,
  min: 0.01,
  max: 10
};
var upsample = {
  flags: "--upsample <method>",
  key: "upsample",
  type: "string",
  description: "how chroma reaches full resolution (bilinear: Zhang et al.'s own, the baseline of Mouzon et al. Figs. 4\u20135; cnn-tv: only above --working-pixels)",
  source: "Mouzon et al. \xA74",
  default: "joint-bilateral",
  choices: CNN_UPSAMPLE_METHODS
};
var tvFlags = [
  {
    flags: "--candidates <k>",
    key: "candidates",
    type: "number",
    integer: true,
    description: "colour candidates kept per pixel",
    source: "Mouzon et al. \xA74",
    default: DEFAULT_CANDIDATES,
    min: 1,
    max: 64
  },
  {
    flags: "--lambda <\u03BB>",
    key: "lambda",
    type: "number",
    description: "fidelity weight \u03BB of eq. 2 (larger: closer to the CNN)",
    default: DEFAULT_TV_LAMBDA,
    min: 1e-6
  },
  {
    flags: "--gamma <\u03B3>",
    key: "gamma",
    type: "number",
    description: "luminance coupling \u03B3 of the coupled TV, eq. 7",
    default: DEFAULT_TV_GAMMA,
    min: 0
  },
  {
    flags: "--iterations <n>",
    key: "iterations",
    type: "number",
    integer: true,
    description: "phase 1: most primal-dual iterations of Pierre et al., at the coarsest scale (at every scale with --no-binary); stops earlier when u settles",
    source: "Mouzon et al. \xA73 (500)",
    default: DEFAULT_TV_ITERATIONS,
    min: 0
  },
  {
    flags: "--no-binary",
    key: "binary",
    type: "boolean",
    description: "stop after phase 1 (soft w, a TV-smoothed mixture) instead of solving to a selection",
    source: "Mouzon et al. \xA73\u20134, Tan et al. Alg. 2",
    default: true
  },
  {
    flags: "--select-iterations <n>",
    key: "selectIterations",
    type: "number",
    integer: true,
    description: "phase 2 (binary w): most primal-dual iterations per scale",
    default: DEFAULT_TV_SELECT_ITERATIONS,
    min: 0
  },
  {
    flags: "--tolerance <t>",
    key: "tolerance",
    type: "number",
    description: "stop a phase when u changes by less than this (relative, per iteration) and, in phase 2, at most this fraction of pixels changed candidate in 10 iterations",
    default: DEFAULT_TV_TOLERANCE,
    min: 0
  },
  {
    flags: "--weight-step <\u03C4w>",
    key: "weightStep",
    type: "number",
    description: "phase 1: projected-gradient step of w on the simplex (every 5 primal-dual steps)",
    default: DEFAULT_TV_WEIGHT_STEP,
    min: 0
  },
  {
    flags: "--primal-step <\u03C4>",
    key: "primalStep",
    type: "number",
    description: "primal step \u03C4 of the primal-dual scheme (dual step \u03C3 = 0.95 / (8\u03C4))",
    default: DEFAULT_TV_PRIMAL_STEP,
    min: 1e-3,
    max: 1e3
  },
  {
    flags: "--working-pixels <n>",
    key: "workingPixels",
    type: "number",
    integer: true,
    description: "largest image solved at full resolution; larger ones are solved at this size and upsampled",
    default: DEFAULT_WORKING_PIXELS,
    min: 4096
  },
  upsample
];
var cnnTvMethod = automaticMethod({
  name: "cnn-tv",
  familyDefault: true,
  summary: "CNN colour distributions + coupled-TV candidate selection (Mouzon, Pierre & Berger 2019)",
  paper: "Mouzon, Pierre & Berger 2019, Joint CNN and Variational Model for Fully-Automatic Image Colorization, \xA73\u20134",
  options: tvFlags,
  models: MODELS,
  browser: false,
  debugPictures: true,
  colorize: (gray, options, context) => colorizeCnnTv(gray, {
    ...options,
    onProgress: (f, stage) => context.progress?.(f, stage),
    onDebug: context.debugImage ? (name, image) => void context.debugImage?.(name, image) : void 0
  })
});
var cnnMethod = automaticMethod({
  name: "cnn",
  summary: "CNN colour distributions decoded by the annealed mean (Zhang et al. 2016)",
  paper: "Zhang, Isola & Efros 2016, Colorful Image Colorization, \xA73.3 (the baseline of Mouzon et al.)",
  options: [temperature, upsample],
  models: MODELS,
  browser: false,
  colorize: (gray, options, context) => colorizeCnn(gray, {
    ...options,
    onProgress: (f, stage) => context.progress?.(f, stage)
  })
});

// dist/methods/exemplar/attention/method.js
var attentionMethod = {
  name: "attention",
  family: "exemplar",
  summary: "attention-based exemplar colourisation network (axial attention, pyramid decoder; trained here at 128\xB2)",
  paper: "Gorriz Blanch, Khalifeh, Smeaton, O\u2019Connor & Mrak, Attention-based Stylisation for Exemplar Image Colourisation",
  inputs: referenceInputs("gray photo to colour"),
  oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
  targets: "any",
  browser: false,
  options: [
    {
      flags: "--working-size <px>",
      key: "workingSize",
      type: "number",
      integer: true,
      unit: "px",
      min: 64,
      max: 512,
      default: 128,
      description: "side of the square the network sees, a multiple of 32 (128: the training size; networks exported with fixed sizes run at that size only)",
      source: "paper \xA74.1: 224"
    },
    {
      flags: "--model <file>",
      key: "model",
      type: "string",
      description: "ONNX network to use instead of the trained models/attention/net.onnx",
      cliOnly: true
    }
  ],
  run: async (inputs, o, ctx) => {
    const reference = colourReference(inputs);
    const { attentionColorize } = await import("./pipeline-CYYHCOE3.js");
    ctx.progress?.(0.05, "colorizing");
    const res = await attentionColorize(inputs.images.target.image, reference.image, {
      model: o.model,
      size: o.workingSize
    });
    return { rgb: res.rgb };
  }
};

// dist/methods/exemplar/gram/method.js
var gramMethod = {
  name: "gram",
  family: "exemplar",
  summary: "VGG-19 Gram-matrix optimisation (Gatys et al. 2016; re-colorization report \xA74), original luma kept",
  paper: "semi-interactive re-colorization report \xA74.2\u20134.4 (Gatys, Ecker & Bethge 2016)",
  inputs: referenceInputs("gray photo to colour", "colour photo whose style is used"),
  oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
  targets: "any",
  browser: false,
  options: [
    {
      flags: "--optimizer <name>",
      key: "optimizer",
      type: "string",
      choices: GRAM_OPTIMIZERS,
      default: GRAM_DEFAULTS.optimizer,
      description: "adam (report \xA74.3.2), lbfgs, or lbfgs-fixed (the report's L-BFGS: unit step, no line search)"
    },
    {
      flags: "--iterations <n>",
      key: "iterations",
      type: "number",
      integer: true,
      min: 1,
      max: 5e3,
      default: GRAM_DEFAULTS.iterations,
      description: "maximum optimiser iterations at the working size (stops earlier on a plateau)"
    },
    {
      flags: "--levels <n>",
      key: "levels",
      type: "number",
      integer: true,
      min: 1,
      max: 6,
      default: GRAM_DEFAULTS.levels,
      description: "coarse-to-fine levels: the first runs at working size / 2^(levels \u2212 1)"
    },
    {
      flags: "--init <name>",
      key: "init",
      type: "string",
      choices: GRAM_INITS,
      default: GRAM_DEFAULTS.init,
      description: "starting image: mean of target and reference, or the target (chroma: the reference's mean colour, or gray)",
      source: "report fig. 32"
    },
    {
      flags: "--parametrization <name>",
      key: "parametrization",
      type: "string",
      choices: GRAM_PARAMETRIZATIONS,
      default: GRAM_DEFAULTS.parametrization,
      description: "what is optimised: rgb (the pixels) or chroma (YUV U, V on the target's luma, which then holds by construction)",
      source: "docs/gram.md"
    },
    {
      flags: "--chroma-factor <k>",
      key: "chromaFactor",
      type: "number",
      integer: true,
      min: 1,
      max: 64,
      default: GRAM_DEFAULTS.chromaFactor,
      description: "with --parametrization chroma: chroma optimised on a grid k times coarser than the working size, upsampled bilinearly",
      source: "docs/gram.md"
    },
    {
      flags: "--luma-weight <beta>",
      key: "lumaWeight",
      type: "number",
      min: 0,
      max: 1e9,
      default: GRAM_DEFAULTS.lumaWeight,
      description: "\u03B2 of a luma fidelity term \u03B2 \u03A3 (Y(X) \u2212 Y_target)\xB2 (rgb; 0 = off)",
      source: "docs/gram.md"
    },
    {
      flags: "--normalization <name>",
      key: "normalization",
      type: "string",
      choices: GRAM_NORMALIZATIONS,
      default: GRAM_DEFAULTS.normalization,
      description: "loss scaling: gatys (Gatys et al.'s, weights squared as the report's code) or relative",
      source: "docs/gram.md"
    },
    {
      flags: "--working-size <px>",
      key: "workingSize",
      type: "number",
      integer: true,
      unit: "px",
      min: 16,
      max: 1024,
      default: GRAM_DEFAULTS.workingSize,
      description: "long side of the working images",
      source: "report \xA74.4.3"
    },
    {
      flags: "--learning-rate <r>",
      key: "learningRate",
      type: "number",
      min: 0,
      max: 1,
      default: GRAM_DEFAULTS.learningRate,
      description: "Adam step on [0, 1] pixel values"
    },
    {
      flags: "--content-layers <list>",
      key: "contentLayers",
      type: "string",
      default: "conv3_1:1",
      description: "content layers[:weight]: conv1_1 \u2026 conv3_4 or the report's conv_1 \u2026 conv_8",
      source: "report \xA74.4.1\u20134.4.2"
    },
    {
      flags: "--style-layers <list>",
      key: "styleLayers",
      type: "string",
      default: "conv1_1,conv1_2,conv2_1,conv2_2,conv3_1",
      description: "style layers[:weight] (weight 500 when omitted)",
      source: "report \xA74.4.1"
    },
    {
      flags: "--space <space>",
      key: "space",
      type: "string",
      choices: ["lab", "yuv"],
      default: GRAM_DEFAULTS.space,
      description: "space whose chroma is taken from the optimised image"
    }
  ],
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target;
    const reference = colourReference(inputs);
    const iterations = o.iterations ?? GRAM_DEFAULTS.iterations;
    const levels = o.levels ?? GRAM_DEFAULTS.levels;
    const total = iterations * (2 ** levels - 1);
    const { gramColorize } = await import("./pipeline-CDX6FKIY.js");
    const t0 = performance.now();
    ctx.progress?.(0.02, "optimising");
    const res = await gramColorize(target.image, reference.image, {
      optimizer: o.optimizer,
      iterations,
      levels,
      init: o.init,
      normalization: o.normalization,
      parametrization: o.parametrization,
      lumaWeight: o.lumaWeight,
      chromaFactor: o.chromaFactor,
      workingSize: o.workingSize,
      learningRate: o.learningRate,
      space: o.space,
      contentLayers: o.contentLayers === void 0 ? void 0 : parseLayerWeights(String(o.contentLayers), 1, "contentLayers"),
      styleLayers: o.styleLayers === void 0 ? void 0 : parseLayerWeights(String(o.styleLayers), 500, "styleLayers"),
      onProgress: (p) => ctx.progress?.(0.02 + 0.95 * Math.min(p.iteration, total) / total, `iteration ${p.iteration}, loss ${p.loss.toPrecision(4)}`)
    });
    const first = res.losses[0].toPrecision(4);
    const best = Math.min(...res.losses).toPrecision(4);
    return {
      rgb: res.rgb,
      summary: `gram (${o.optimizer ?? GRAM_DEFAULTS.optimizer}), ${res.iterations} iterations (${res.stopped}), loss ${first} \u2192 ${best}, ${((performance.now() - t0) / 1e3).toFixed(1)} s`
    };
  }
};

// dist/methods/exemplar/superpixel/method.js
var real = (flags, key, description, dflt, source) => ({
  flags,
  key,
  type: "number",
  description,
  source,
  default: dflt,
  min: 1e-6,
  max: 1e6
});
var SUPERPIXEL_OPTIONS = [
  real("--tau <t>", "tau", "softmax temperature \u03C4 of the attention", SUPERPIXEL_DEFAULTS.tau, "IPOL eq. 1/7"),
  real("--delta-s <v>", "deltaS", "spatial weight \u03B4s of the colour fusion; larger \u03B4s = position counts less (eq. 5 uses \u03A3\u207B\xB9)", SUPERPIXEL_DEFAULTS.deltaS, "IPOL eq. 6"),
  real("--delta-c <v>", "deltaC", "colour weight \u03B4c of the colour fusion; larger \u03B4c = gray level counts less (eq. 5 uses \u03A3\u207B\xB9)", SUPERPIXEL_DEFAULTS.deltaC, "IPOL eq. 6"),
  real("--sigma-g <v>", "sigmaG", "\u03C3_g of the fusion exponent (not in the paper)", SUPERPIXEL_DEFAULTS.sigmaG, "IPOL eq. 5; Giraud et al.\u2019s fusion code"),
  {
    flags: "--fusion-normalise <mode>",
    key: "fusionNormalise",
    type: "string",
    choices: FUSION_NORMALISE,
    default: SUPERPIXEL_DEFAULTS.fusionNormalise,
    description: "per-pixel: \u03C3_g scaled by each pixel\u2019s best term (Giraud et al.); fixed: eq. 5 as written",
    source: "docs/superpixel.md"
  },
  {
    flags: "--cutoff <k2>",
    key: "cutoff",
    type: "number",
    default: SUPERPIXEL_DEFAULTS.cutoff,
    min: 0.1,
    max: 1e4,
    description: "\u03BA\xB2: fusion terms below e^\u2212\u03BA\xB2 \xD7 each pixel\u2019s best are dropped",
    source: "IPOL eq. 4"
  },
  {
    flags: "--superpixels <n>",
    key: "superpixels",
    type: "number",
    integer: true,
    description: "SLIC superpixels per image",
    defaultText: "3\u230A\u221A(HW)\u230B at working size",
    min: 2,
    max: 1e5,
    source: "IPOL \xA73.1, Fig. 4"
  },
  {
    flags: "--compactness <m>",
    key: "compactness",
    type: "number",
    default: SUPERPIXEL_DEFAULTS.compactness,
    min: 1e-3,
    max: 1e4,
    description: "SLIC compactness",
    source: "scikit-image default"
  },
  {
    flags: "--layer-weights <list>",
    key: "layerWeights",
    type: "number-list",
    default: [1, 1, 1],
    min: 0,
    max: 1e6,
    description: "weights w_l of the VGG-19 layers (conv1_1, conv2_1, conv3_1) in the distance",
    source: "IPOL eq. 3 / 7"
  },
  {
    flags: "--working-size <px>",
    key: "workingSize",
    type: "number",
    integer: true,
    unit: "px",
    description: "long side of the working images",
    default: SUPERPIXEL_DEFAULTS.workingSize,
    min: 16,
    max: 8192,
    source: "IPOL \xA73.1"
  },
  {
    flags: "--features <name>",
    key: "features",
    type: "string",
    description: "auto = vgg19 when its weights are found, else handcrafted with a note",
    choices: FEATURE_CHOICES,
    default: "auto"
  },
  {
    flags: "--finish <mode>",
    key: "finishMode",
    type: "string",
    choices: FINISH_MODES,
    default: SUPERPIXEL_DEFAULTS.finishMode,
    description: "edge-aware: a*b* up-sampled guided by the luminance (ours); paper: a*b* resized, L* put back (\xA73.1, Alg. 3\u20134); rgb: the fused RGB resized (Fig. 3c/9c)",
    source: "IPOL \xA73.1"
  }
];
var superpixelMethod = {
  name: "superpixel",
  family: "exemplar",
  alsoIn: ["transfer"],
  familyDefault: true,
  summary: "superpixel non-local matching of VGG-19 features (Carrillo et al. 2022, IPOL 2024): gray target \u2192 Alg. 4, colour target \u2192 Alg. 3",
  paper: "Leduc, Carrillo & Papadakis, IPOL 2024, Algorithms 3\u20134",
  inputs: referenceInputs("gray photo to colour (a colour photo gets the reference\u2019s colours)"),
  oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
  targets: "any",
  options: SUPERPIXEL_OPTIONS,
  browser: false,
  debugPictures: true,
  run: async (inputs, o, ctx) => {
    const target = inputs.images.target;
    const reference = colourReference(inputs);
    const { superpixelColorize, superpixelTransfer } = await import("./pipeline-MMBROZBL.js");
    const options = { ...o, debug: ctx.debugImage !== void 0 };
    ctx.progress?.(0.05, target.isGray ? "colorizing (Algorithm 4)" : "transferring (Algorithm 3)");
    const res = target.isGray ? await superpixelColorize(target.image, reference.image, options) : await superpixelTransfer(target.image, reference.image, options);
    for (const n of res.notices)
      ctx.notice?.(n);
    if (ctx.debugImage) {
      for (const [name, image] of Object.entries(res.debug ?? {}))
        await ctx.debugImage(name, image);
      const a = res.chroma;
      const ab = createImage(a.width, a.height, 3);
      for (let p = 0; p < a.channels[0].length; p++) {
        ab.channels[0][p] = 0.5 + a.channels[0][p] / 200;
        ab.channels[1][p] = 0.5;
        ab.channels[2][p] = 0.5 + a.channels[1][p] / 200;
      }
      await ctx.debugImage("chroma-ab", ab);
    }
    return { rgb: res.rgb };
  }
};

// dist/methods/fuse/candidates.js
var FUSE_DEFAULTS = {
  strokeWeight: 16,
  referenceWeight: 1,
  autoWeight: 0.25,
  /** μ of the prior −μ log w⁰ on the initial weights (FuseLayout.prior). */
  prior: 8,
  /** Shift the reference's colours to the strokes (`shiftedByStrokes`). */
  referenceShift: false,
  /** σ of the stroke confidence, in working-resolution pixels, when a reference is given. */
  strokeSigma: 60,
  /**
   * The same without a reference (strokes + auto): the CNN's candidates are weaker than a
   * reference's, so the strokes reach farther. On val/ (strokes + auto): 26.61 dB at σ 60 against
   * 28.05 at 200, strokes alone 28.00; on the exemplar tuning sets σ 200 cost strokes + reference
   * 0.8 dB, hence two values (docs/fuse.md).
   */
  strokeSigmaWithoutReference: 200,
  /** β of the geodesic step cost 1 + β|ΔL*|. */
  edgeCost: 1,
  autoCandidates: 6,
  referenceCandidates: 4,
  workingPixels: 262144,
  /**
   * Levin's propagation of the strokes on at most this many pixels, brought to the working size
   * (the stroke pixels keep their own chroma). At 1 MP (working 262 144 px) Levin at full working
   * size was the slowest stage (5.2 of 11.4 CPU-s); on the tuning halves 16 384 px cost nothing
   * (exemplar s+r 22.63 both, s+a 21.87 vs 21.82, s+r+a 22.69 vs 22.70; val s+a 25.78 vs 25.64
   * dB), so 65 536 is a safe default (docs/fuse.md, speed).
   */
  levinPixels: 65536
};
function downsampleStrokes(strokes, width, height) {
  const { width: W, height: H } = strokes;
  if (W === width && H === height)
    return strokes;
  const n = width * height;
  const count = new Float32Array(n);
  const sum = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let y = 0; y < H; y++) {
    const ty = Math.min(height - 1, Math.floor(y * height / H));
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (!strokes.mask[i])
        continue;
      const t = ty * width + Math.min(width - 1, Math.floor(x * width / W));
      count[t]++;
      for (let c = 0; c < 3; c++)
        sum[c][t] += strokes.colors.channels[c][i];
    }
  }
  const mask = new Uint8Array(n);
  for (let t = 0; t < n; t++)
    if (count[t] > 0) {
      mask[t] = 1;
      for (let c = 0; c < 3; c++)
        sum[c][t] /= count[t];
    }
  return { width, height, mask, colors: { width, height, channels: sum } };
}
function shiftedByStrokes(ex, stroke, W, H) {
  let da = 0;
  let db = 0;
  let n = 0;
  for (let y = 0; y < H; y++) {
    const ey = Math.min(ex.height - 1, Math.floor((y + 0.5) * ex.height / H));
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (!stroke.mask[i])
        continue;
      const e = ey * ex.width + Math.min(ex.width - 1, Math.floor((x + 0.5) * ex.width / W));
      da += stroke.a[i] - ex.fusedA[e];
      db += stroke.b[i] - ex.fusedB[e];
      n++;
    }
  }
  if (n === 0)
    return ex;
  da /= n;
  db /= n;
  const add = (p, d) => p.map((v) => v + d);
  return {
    ...ex,
    a: add(ex.a, da),
    b: add(ex.b, db),
    fusedA: add(ex.fusedA, da),
    fusedB: add(ex.fusedB, db)
  };
}
function fusedCandidates(s, l, w, h, autoCandidates) {
  const { W, H } = s;
  const n = w * h;
  const fine = w === W && h === H;
  const ka = s.dist ? l.ka : 0;
  const kr = s.exemplar ? 1 + s.exemplar.k : 0;
  const ks = s.stroke ? 1 : 0;
  const K = ka + kr + ks;
  const ca = new Float32Array(n * K);
  const cb = new Float32Array(n * K);
  const cw = new Float32Array(n * K);
  const mu = l.prior ?? 0;
  const cost = mu > 0 ? new Float32Array(n * K) : void 0;
  const reuse = autoCandidates?.width === w && autoCandidates.height === h && autoCandidates.count === ka;
  const auto = s.dist ? reuse ? autoCandidates : candidatesFromDistribution(s.dist, w, h, ka) : void 0;
  const resize = (p, pw, ph) => pw === w && ph === h ? p : resizePlane(p, pw, ph, w, h, pw * ph > n ? "area" : "bilinear");
  const ex = s.exemplar;
  const fa = ex ? resize(ex.fusedA, ex.width, ex.height) : void 0;
  const fb = ex ? resize(ex.fusedB, ex.width, ex.height) : void 0;
  const st = s.stroke;
  const sa = st ? resize(st.a, W, H) : void 0;
  const sb = st ? resize(st.b, W, H) : void 0;
  const sc = st ? resize(st.conf, W, H) : void 0;
  for (let y = 0; y < h; y++) {
    const ey = ex ? Math.min(ex.height - 1, Math.floor((y + 0.5) * ex.height / h)) : 0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const o = i * K;
      let j = 0;
      if (auto) {
        for (let t = 0; t < ka; t++, j++) {
          ca[o + j] = auto.a[i * ka + t];
          cb[o + j] = auto.b[i * ka + t];
          cw[o + j] = l.wa * auto.weight[i * ka + t];
        }
      }
      if (ex && fa && fb) {
        const ew = Math.min(ex.width - 1, Math.floor((x + 0.5) * ex.width / w));
        const seg = ex.labels[ey * ex.width + ew];
        ca[o + j] = fa[i];
        cb[o + j] = fb[i];
        cw[o + j] = 0.5 * l.wr;
        j++;
        for (let t = 0; t < ex.k; t++, j++) {
          ca[o + j] = ex.a[seg * ex.k + t];
          cb[o + j] = ex.b[seg * ex.k + t];
          cw[o + j] = 0.5 * l.wr * ex.weight[seg * ex.k + t];
        }
      }
      if (st && sa && sb && sc) {
        ca[o + j] = sa[i];
        cb[o + j] = sb[i];
        cw[o + j] = l.ws * sc[i];
        if (fine && st.mask[i]) {
          for (let t = 0; t < K; t++) {
            ca[o + t] = sa[i];
            cb[o + t] = sb[i];
            cw[o + t] = 1;
          }
        }
      }
      let sum = 0;
      for (let t = 0; t < K; t++)
        sum += cw[o + t];
      if (sum > 0)
        for (let t = 0; t < K; t++)
          cw[o + t] /= sum;
      else
        for (let t = 0; t < K; t++)
          cw[o + t] = 1 / K;
      if (cost)
        for (let t = 0; t < K; t++)
          cost[o + t] = -mu * Math.log(Math.max(cw[o + t], 1e-6));
    }
  }
  return cost ? { width: w, height: h, count: K, a: ca, b: cb, weight: cw, cost } : { width: w, height: h, count: K, a: ca, b: cb, weight: cw };
}

// dist/methods/fuse/geodesic.js
var MinHeap = class {
  keys;
  nodes;
  size = 0;
  constructor(capacity) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }
  push(key, node) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let i = this.size++;
    const { keys, nodes } = this;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (keys[p] <= key)
        break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the smallest entry; its key and node are in `topKey`, `topNode`. */
  pop() {
    const { keys, nodes } = this;
    this.topKey = keys[0];
    this.topNode = nodes[0];
    const n = --this.size;
    const key = keys[n];
    const node = nodes[n];
    let i = 0;
    for (; ; ) {
      let c = 2 * i + 1;
      if (c >= n)
        break;
      if (c + 1 < n && keys[c + 1] < keys[c])
        c++;
      if (keys[c] >= key)
        break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  topKey = 0;
  topNode = 0;
};
function geodesicDistance(lum, width, height, seeds, edgeCost) {
  const beta = checkNumber("edgeCost", edgeCost, 0);
  const n = width * height;
  if (lum.length !== n || seeds.length !== n)
    throw new RangeError("geodesicDistance: luminance and seed arrays do not match the image size");
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const heap = new MinHeap(n);
  for (let i = 0; i < n; i++)
    if (seeds[i]) {
      dist[i] = 0;
      heap.push(0, i);
    }
  const done = new Uint8Array(n);
  while (heap.size > 0) {
    heap.pop();
    const p = heap.topNode;
    if (done[p] || heap.topKey > dist[p])
      continue;
    done[p] = 1;
    const dp = dist[p];
    const x = p % width;
    const lp = lum[p];
    const relax = (q) => {
      if (done[q])
        return;
      const d = dp + 1 + beta * Math.abs(lp - lum[q]);
      if (d < dist[q]) {
        dist[q] = d;
        heap.push(d, q);
      }
    };
    if (x > 0)
      relax(p - 1);
    if (x < width - 1)
      relax(p + 1);
    if (p >= width)
      relax(p - width);
    if (p + width < n)
      relax(p + width);
  }
  return Float32Array.from(dist);
}
function strokeConfidence(distance, sigma) {
  const s = checkNumber("strokeSigma", sigma, 1e-6);
  const out = new Float32Array(distance.length);
  for (let i = 0; i < out.length; i++)
    out[i] = Math.exp(-distance[i] / s);
  return out;
}

// dist/methods/fuse/fuse.js
function imposeStrokes(out, gray, strokes) {
  const { index, c1: U, c2: V } = strokeChromaAt(strokes, "yuv");
  const k = index.length;
  if (k === 0)
    return;
  const Y = new Float32Array(k);
  for (let j = 0; j < k; j++)
    Y[j] = gray[index[j]];
  const rgb = recombine(Y, U, V, k, 1, "yuv");
  for (let j = 0; j < k; j++)
    for (let c = 0; c < 3; c++)
      out.channels[c][index[j]] = rgb.channels[c][j];
}
async function fuseColorize(gray, hints, options = {}, cache) {
  if (gray.channels.length !== 1)
    throw new RangeError(`expected a one-channel gray image, got ${gray.channels.length} channels`);
  const sources = [];
  if (hints.strokes)
    sources.push("strokes");
  if (hints.reference)
    sources.push("reference");
  if (hints.auto)
    sources.push("auto");
  if (sources.length === 0)
    throw new ColorizeError("no hint given: give strokes (--strokes or --marked), a reference (--reference or --gallery) or --auto, or several", "usage");
  const D = FUSE_DEFAULTS;
  const layout = {
    ws: checkNumber("strokeWeight", options.strokeWeight ?? D.strokeWeight, 0, 1e6),
    wr: checkNumber("referenceWeight", options.referenceWeight ?? D.referenceWeight, 0, 1e6),
    wa: checkNumber("autoWeight", options.autoWeight ?? D.autoWeight, 0, 1e6),
    // The prior weighs sources against each other; one source alone is its own method's model.
    prior: sources.length > 1 ? checkNumber("prior", options.prior ?? D.prior, 0, 1e6) : 0,
    ka: checkInteger("autoCandidates", options.autoCandidates ?? D.autoCandidates, 1, 64),
    kr: checkInteger("referenceCandidates", options.referenceCandidates ?? D.referenceCandidates, 1, 32)
  };
  const sigma = checkNumber("strokeSigma", options.strokeSigma ?? (hints.reference ? D.strokeSigma : D.strokeSigmaWithoutReference), 1e-3, 1e6);
  const beta = checkNumber("edgeCost", options.edgeCost ?? D.edgeCost, 0, 1e3);
  const cap = checkInteger("workingPixels", options.workingPixels ?? D.workingPixels, 4096);
  const strokes = hints.strokes;
  if (strokes) {
    if (strokes.width !== gray.width || strokes.height !== gray.height)
      throw new ColorizeError(`the strokes are ${strokes.width}\xD7${strokes.height} but the gray image is ${gray.width}\xD7${gray.height}; they must be the same size`, "input");
    if (strokeCount(strokes) === 0)
      throw new ColorizeError("no strokes found", "input");
  }
  if (hints.reference && hints.reference.channels.length !== 3)
    throw new ColorizeError("the reference is gray, so it has no colours to use; give a colour reference", "input");
  const progress = options.onProgress;
  const timings = {};
  const lap = stageTimer(timings);
  const notices = [];
  if (strokes && sources.length === 1) {
    progress?.(0.1, "levin");
    const res = colorizeLevin(gray, strokes);
    lap("levin");
    return {
      rgb: res.rgb,
      sources,
      summary: `fuse (strokes): levin, ${res.stats.strokePixels} stroke pixels, ${res.stats.iterations} iterations`,
      notices,
      width: gray.width,
      height: gray.height,
      candidates: 0,
      iterations: 0,
      timings
    };
  }
  const { width: W, height: H } = workingSize(gray.width, gray.height, cap);
  const g = W === gray.width && H === gray.height ? gray.channels[0] : resizePlane(gray.channels[0], gray.width, gray.height, W, H, "area");
  const lum = new Float32Array(W * H);
  for (let i = 0; i < lum.length; i++)
    lum[i] = grayToL(g[i]);
  const src = { W, H };
  if (hints.auto) {
    progress?.(0.05, "cnn");
    const { predictColorDistribution: predictColorDistribution2 } = await import("./network-F7GFBAGB.js");
    src.dist = cache?.dist ?? await predictColorDistribution2(gray);
    if (cache)
      cache.dist = src.dist;
    lap("cnn");
  }
  if (hints.reference) {
    progress?.(0.2, "exemplar matching");
    const { superpixelCandidates } = await import("./pipeline-MMBROZBL.js");
    src.exemplar = cache?.exemplar?.k === layout.kr ? cache.exemplar : await superpixelCandidates(gray, hints.reference, { features: options.features ?? "auto" }, layout.kr);
    if (cache)
      cache.exemplar = src.exemplar;
    notices.push(...src.exemplar.notices);
    lap("exemplar");
  }
  if (strokes) {
    progress?.(0.4, "levin");
    const sw = downsampleStrokes(strokes, W, H);
    const grayW = { width: W, height: H, channels: [g] };
    let lab = cache?.levinLab;
    if (!lab) {
      const lp = checkInteger("levinPixels", options.levinPixels ?? D.levinPixels, 1024);
      const ls = workingSize(W, H, lp);
      let U;
      let V;
      if (ls.width === W && ls.height === H) {
        const lev = levinChroma(grayW, sw);
        [U, V] = lev.chroma.channels;
      } else {
        const gl = resizePlane(g, W, H, ls.width, ls.height, "area");
        const lev = levinChroma({ width: ls.width, height: ls.height, channels: [gl] }, downsampleStrokes(strokes, ls.width, ls.height));
        U = resizePlane(lev.chroma.channels[0], ls.width, ls.height, W, H, "bilinear");
        V = resizePlane(lev.chroma.channels[1], ls.width, ls.height, W, H, "bilinear");
        setFixedChroma(U, V, strokeChromaAt(sw, "yuv"));
      }
      lab = rgbImageToLab(recombine(g, U, V, W, H, "yuv"));
      if (cache)
        cache.levinLab = lab;
    }
    const conf = strokeConfidence(geodesicDistance(lum, W, H, sw.mask, beta), sigma);
    src.stroke = { a: lab.channels[1], b: lab.channels[2], conf, mask: sw.mask };
    lap("levin");
    if (src.exemplar && (options.referenceShift ?? D.referenceShift))
      src.exemplar = shiftedByStrokes(src.exemplar, src.stroke, W, H);
  }
  progress?.(0.5, "tv");
  let K = 0;
  const maxIt = options.iterations ?? DEFAULT_TV_ITERATIONS;
  const r = coupledTvMultiscale(W, H, (w, h) => {
    const candidates = fusedCandidates(src, layout, w, h);
    K = candidates.count;
    return { lum: w === W && h === H ? lum : resizePlane(lum, W, H, w, h, "area"), candidates };
  }, {
    ...options,
    onIteration: (it) => progress?.(0.5 + 0.4 * Math.min(1, it / Math.max(1, 4 * maxIt)), "tv")
  });
  lap("tv");
  progress?.(0.9, "finish");
  const rgb = finish({ original: gray, chroma: { width: W, height: H, channels: [r.a, r.b] }, space: "lab" });
  if (strokes)
    imposeStrokes(rgb, gray.channels[0], strokes);
  lap("finish");
  progress?.(1, "done");
  return {
    rgb,
    sources,
    summary: `fuse (${sources.join(" + ")}), ${K} candidates per pixel at ${W}\xD7${H}, ${r.iterations} TV iterations`,
    notices,
    width: W,
    height: H,
    candidates: K,
    iterations: r.iterations,
    timings
  };
}
function recolourLocal(photo, strokes, options = {}) {
  if (photo.channels.length !== 3)
    throw new ColorizeError("re-colouring needs a colour photo (three channels)", "input");
  const { width: W, height: H } = photo;
  if (strokes.width !== W || strokes.height !== H)
    throw new ColorizeError(`the strokes are ${strokes.width}\xD7${strokes.height} but the photo is ${W}\xD7${H}; they must be the same size`, "input");
  if (strokeCount(strokes) === 0)
    throw new ColorizeError("no strokes found", "input");
  const sigma = checkNumber("strokeSigma", options.strokeSigma ?? FUSE_DEFAULTS.strokeSigma, 1e-3, 1e6);
  const beta = checkNumber("edgeCost", options.edgeCost ?? FUSE_DEFAULTS.edgeCost, 0, 1e3);
  const n = W * H;
  const [Y, U, V] = rgbToLumaChroma(photo, "yuv").channels;
  const gray = { width: W, height: H, channels: [Y] };
  const lev = levinChroma(gray, strokes, { space: "yuv" });
  const lum = new Float32Array(n);
  for (let i = 0; i < n; i++)
    lum[i] = grayToL(Y[i]);
  const conf = strokeConfidence(geodesicDistance(lum, W, H, strokes.mask, beta), sigma);
  const region = options.region;
  if (region && region.length !== n)
    throw new RangeError("recolourLocal: the region does not match the photo");
  const [Ul, Vl] = lev.chroma.channels;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = strokes.mask[i] ? 1 : region ? region[i] * conf[i] : conf[i];
    if (c <= 0)
      continue;
    changed = true;
    U[i] = c * Ul[i] + (1 - c) * U[i];
    V[i] = c * Vl[i] + (1 - c) * V[i];
  }
  if (!changed)
    return photo;
  const out = recombine(Y, U, V, W, H, "yuv");
  for (let i = 0; i < n; i++) {
    const c = strokes.mask[i] ? 1 : region ? region[i] * conf[i] : conf[i];
    if (c > 0)
      continue;
    for (let k = 0; k < 3; k++)
      out.channels[k][i] = photo.channels[k][i];
  }
  return out;
}
async function fuseStaticSources(gray, hints, options = {}) {
  if (gray.channels.length !== 1)
    throw new RangeError(`expected a one-channel gray image, got ${gray.channels.length} channels`);
  const out = { notices: [] };
  if (hints.auto) {
    const { predictColorDistribution: predictColorDistribution2 } = await import("./network-F7GFBAGB.js");
    out.dist = await predictColorDistribution2(gray);
  }
  if (hints.reference) {
    if (hints.reference.channels.length !== 3)
      throw new ColorizeError("the reference is gray, so it has no colours to use; give a colour reference", "input");
    const kr = checkInteger("referenceCandidates", options.referenceCandidates ?? FUSE_DEFAULTS.referenceCandidates, 1, 32);
    const { superpixelCandidates } = await import("./pipeline-MMBROZBL.js");
    out.exemplar = await superpixelCandidates(gray, hints.reference, { features: options.features ?? "auto" }, kr);
    out.notices.push(...out.exemplar.notices);
  }
  return out;
}

// dist/methods/fuse/method.js
var num = (flags, key, description, dflt, min, max, extra = {}) => ({ flags, key, type: "number", description, default: dflt, min, max, ...extra });
var FUSE_OPTIONS = [
  {
    flags: "--auto",
    key: "auto",
    type: "boolean",
    default: false,
    description: "use the automatic CNN prediction (its top bins) as candidates too"
  },
  num("--stroke-weight <w>", "strokeWeight", "weight of the stroke candidate (times its confidence)", FUSE_DEFAULTS.strokeWeight, 0, 1e6, {
    source: "chosen on val/ and exemplar/ (docs/fuse.md)"
  }),
  num("--reference-weight <w>", "referenceWeight", "weight of the reference candidates", FUSE_DEFAULTS.referenceWeight, 0, 1e6, {
    source: "chosen on val/ and exemplar/ (docs/fuse.md)"
  }),
  num("--auto-weight <w>", "autoWeight", "weight of the CNN candidates", FUSE_DEFAULTS.autoWeight, 0, 1e6, {
    source: "chosen on val/ and exemplar/ (docs/fuse.md)"
  }),
  num("--stroke-sigma <px>", "strokeSigma", "stroke confidence exp(\u2212d/\u03C3): \u03C3 of the geodesic distance d", FUSE_DEFAULTS.strokeSigma, 1e-3, 1e6, {
    unit: "px",
    defaultText: `${FUSE_DEFAULTS.strokeSigma} with a reference, ${FUSE_DEFAULTS.strokeSigmaWithoutReference} without (strokes + auto)`,
    source: "chosen on val/ and exemplar/ (docs/fuse.md)"
  }),
  num("--edge-cost <\u03B2>", "edgeCost", "geodesic step cost 1 + \u03B2|\u0394L*|: how much a luminance edge stops a stroke", FUSE_DEFAULTS.edgeCost, 0, 1e3),
  num("--auto-candidates <k>", "autoCandidates", "CNN bins kept per pixel", FUSE_DEFAULTS.autoCandidates, 1, 64, {
    integer: true,
    source: "Mouzon et al. \xA74"
  }),
  num("--reference-candidates <k>", "referenceCandidates", "reference superpixels of largest attention kept per superpixel", FUSE_DEFAULTS.referenceCandidates, 1, 32, {
    integer: true,
    source: "IPOL 2024 eq. 7"
  }),
  num("--lambda <\u03BB>", "lambda", "fidelity weight \u03BB of eq. 2", DEFAULT_TV_LAMBDA, 1e-6, 1e6, {
    source: "Mouzon et al. eq. 2"
  }),
  num("--gamma <\u03B3>", "gamma", "luminance coupling \u03B3 of the coupled TV, eq. 7", DEFAULT_TV_GAMMA, 0, 1e6, {
    source: "Mouzon et al. eq. 7"
  }),
  num("--iterations <n>", "iterations", "phase-1 primal-dual iterations per scale", DEFAULT_TV_ITERATIONS, 0, 1e5, {
    integer: true
  }),
  num("--working-pixels <n>", "workingPixels", "largest working resolution of the candidates and the TV step", FUSE_DEFAULTS.workingPixels, 4096, 1e8, {
    integer: true,
    unit: "px"
  }),
  {
    flags: "--features <name>",
    key: "features",
    type: "string",
    choices: FEATURE_CHOICES,
    default: "auto",
    description: "features of the exemplar matching (auto: VGG-19 when its weights are found)"
  },
  {
    flags: "--prior <\u03BC>",
    key: "prior",
    type: "number",
    default: FUSE_DEFAULTS.prior,
    min: 0,
    max: 1e6,
    description: "each candidate costs \u2212\u03BC log of its initial weight, so the selection keeps weighing the sources (0: eq. 2 as in the paper)",
    source: "ours, an extension of Mouzon et al. eq. 2"
  },
  {
    flags: "--reference-shift",
    key: "referenceShift",
    type: "boolean",
    default: FUSE_DEFAULTS.referenceShift,
    description: "with strokes and a reference: move the reference colours by their mean difference to the strokes"
  },
  {
    flags: "--levin-pixels <n>",
    key: "levinPixels",
    type: "number",
    integer: true,
    min: 1024,
    max: 1e8,
    unit: "px",
    default: FUSE_DEFAULTS.levinPixels,
    source: "chosen on val/ and exemplar/ (docs/fuse.md, speed)",
    description: "run the strokes\u2019 Levin propagation on at most this many pixels (faster; its result is smooth away from the strokes)"
  },
  FEATHER_OPTION,
  num("--threshold <x>", "threshold", "marked image: a pixel is a stroke when \u03A3|marked \u2212 gray| over R, G, B exceeds this", MARKED_THRESHOLD, 0, 3)
];
var fuseMethod = {
  name: "fuse",
  family: "fuse",
  familyDefault: true,
  summary: "strokes, a reference and the automatic prediction as candidates of one coupled-TV selection (any non-empty combination)",
  paper: "Mouzon, Pierre & Berger 2019 eq. 2, 7; Levin et al. 2004; IPOL 2024 eq. 4\u20137",
  inputs: [
    // As the scribble methods take them (strokesOfInputs reads them); `mask` here is the region mask.
    ...SCRIBBLE_INPUTS.filter((i) => i.name === "gray" || i.name === "marked" || i.name === "strokes"),
    {
      name: "reference",
      kind: "image",
      required: false,
      description: "a colour photo whose colours are candidates"
    },
    GALLERY_INPUT,
    // The region of the re-colouring (a colour photo with strokes); without it here the service
    // refused the field.
    {
      ...REGION_MASK_INPUT,
      description: "re-colouring a colour photo: strokes change it only here (white), with a feathered edge (--feather)"
    }
  ],
  browser: false,
  models: ["mobilenet-v2", "cnn-tv-head", "color-bins"],
  options: FUSE_OPTIONS,
  run: async (inputs, o, ctx) => {
    const hasStrokes = inputs.images.marked !== void 0 || inputs.texts.strokes !== void 0;
    const hasReference = inputs.images.reference !== void 0;
    const auto = o.auto === true;
    if (!hasStrokes && !hasReference && !auto)
      throw new ColorizeError("no hint given: give strokes (--strokes or --marked), a reference (--reference or --gallery) or --auto, or several", "usage");
    const photo = inputs.images.gray;
    const mask = inputs.images.mask;
    if (!photo.isGray && hasStrokes && !hasReference && !auto) {
      const { strokes: set } = strokesOfInputs(
        // `mask` is the region here, not the scribble methods' mask-with-colours input.
        {
          ...inputs,
          images: { ...inputs.images, mask: void 0, gray: { image: photo.image, isGray: true } }
        },
        o
      );
      const region = mask ? featheredMask(mask.image, photo.image.width, photo.image.height, o.feather ?? DEFAULT_FEATHER) : void 0;
      ctx.progress?.(0.1, "re-colouring");
      const rgb = recolourLocal(photo.image, set, {
        strokeSigma: o.strokeSigma,
        edgeCost: o.edgeCost,
        region
      });
      return {
        rgb,
        summary: `fuse (re-colouring a colour photo from strokes${mask ? " inside the mask" : ""})`
      };
    }
    if (mask)
      throw new ColorizeError("--mask limits the re-colouring of a colour photo by strokes; give a colour GRAY photo with strokes and no other hint", "usage");
    let gray;
    let strokes;
    if (hasStrokes)
      ({ gray, strokes } = strokesOfInputs(inputs, o, ctx));
    else {
      const g = inputs.images.gray;
      if (!g.isGray)
        ctx.notice?.(COLOUR_AS_GRAY_NOTE);
      gray = grayInput(g.image, g.isGray);
    }
    const reference = hasReference ? colourReference(inputs).image : void 0;
    const { auto: _a, threshold: _t, feather: _f, ...rest } = o;
    const res = await fuseColorize(gray, { strokes, reference, auto }, {
      ...rest,
      onProgress: (f, stage) => ctx.progress?.(f, stage)
    });
    for (const n of res.notices)
      ctx.notice?.(n);
    return { rgb: res.rgb, summary: res.summary };
  }
};

// dist/methods/builtin.js
registerMethod(superpixelMethod);
registerMethod(gramMethod);
registerMethod(attentionMethod);
registerMethod(cnnTvMethod);
registerMethod(cnnMethod);
registerMethod(chengMethod);
registerMethod(fuseMethod);

// dist/image/io.js
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path2 from "node:path";
import sharp from "sharp";
var DEFAULT_MAX_PIXELS = 1e8;
var IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".gif", ".avif"];
function envMaxPixels() {
  const v = process.env.COLORIZE_MAX_PIXELS;
  if (v === void 0 || v === "")
    return DEFAULT_MAX_PIXELS;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ColorizeError(`COLORIZE_MAX_PIXELS=${v} is invalid: expected a positive number`, "usage");
  }
  return n;
}
function damagedJpegMessage(detail) {
  return `damaged JPEG data (${detail}); the decoder would fill the damaged part with guesses, so it is refused (accept it with --accept-damaged, or acceptDamaged=true over HTTP)`;
}
function describeSharpError(err) {
  const msg = err instanceof Error ? err.message : String(err);
  if (/Corrupt JPEG data|VipsJpeg: .*(marker|Huffman|Bogus)/i.test(msg))
    return damagedJpegMessage(msg.trim().split("\n")[0]);
  if (/unsupported image format/i.test(msg))
    return "not an image in a supported format";
  if (/premature end|truncated|unexpected end|read error|Invalid PNG|corrupt/i.test(msg))
    return `truncated or corrupt image data (${msg.trim()})`;
  if (/pixel limit/i.test(msg))
    return msg.trim();
  return msg.trim();
}
function pixelCount(n) {
  return `${n} pixels (${(n / 1e6).toFixed(1)} MP)`;
}
async function readImage(input, options = {}) {
  const source = typeof input === "string" ? input : "<buffer>";
  const maxPixels = options.maxPixels ?? envMaxPixels();
  if (typeof input === "string") {
    let st;
    try {
      st = await fs.stat(input);
    } catch (err) {
      const code = err.code;
      const what = code === "ENOENT" ? "file not found" : fsProblem(err);
      throw new ColorizeError(`${source}: ${what}`, "io", source);
    }
    if (st.isDirectory())
      throw new ColorizeError(`${source}: is a folder, expected an image file`, "io", source);
    if (st.size === 0)
      throw new ColorizeError(`${source}: empty file, not an image`, "input", source);
  }
  let meta;
  try {
    meta = await sharp(input, { limitInputPixels: false, pages: 1 }).metadata();
  } catch (err) {
    throw new ColorizeError(`${source}: ${describeSharpError(err)}`, "input", source);
  }
  const w0 = meta.width ?? 0;
  const h0 = meta.height ?? 0;
  if (w0 === 0 || h0 === 0)
    throw new ColorizeError(`${source}: image has 0 pixels`, "input", source);
  const frames = meta.pages ?? 1;
  if (frames > 1 && !options.firstFrame)
    throw new ColorizeError(`${source}: has ${frames} frames (an animated ${meta.format?.toUpperCase() ?? "image"} or a multi-page file); only single images are coloured: extract the frames first (e.g. ffmpeg -i in.gif frame%04d.png) and colour the folder`, "input", source);
  if (w0 * h0 > maxPixels) {
    throw new ColorizeError(`${source}: ${w0}\xD7${h0} = ${pixelCount(w0 * h0)} exceeds the pixel limit of ${pixelCount(maxPixels)} (raise it with --max-pixels or COLORIZE_MAX_PIXELS)`, "input", source);
  }
  const is16 = meta.depth === "ushort" || meta.depth === "short" || meta.depth === "uint" || meta.depth === "float";
  const srcChannels = meta.channels ?? 3;
  const hasAlpha = meta.hasAlpha === true;
  const colourChannels = srcChannels - (hasAlpha ? 1 : 0);
  const oneChannel = colourChannels === 1 && meta.space !== "cmyk";
  const target = oneChannel && !hasAlpha ? is16 ? "grey16" : "b-w" : is16 ? "rgb16" : "srgb";
  let data;
  let info;
  const acceptDamaged = options.acceptDamaged ?? process.env.COLORIZE_ACCEPT_DAMAGED === "1";
  const failOn = meta.format === "jpeg" && !acceptDamaged ? "warning" : "truncated";
  try {
    const pipe = sharp(input, { limitInputPixels: false, pages: 1, failOn }).rotate().toColourspace(target);
    ({ data, info } = await pipe.raw({ depth: is16 ? "ushort" : "uchar" }).toBuffer({ resolveWithObject: true }));
  } catch (err) {
    throw new ColorizeError(`${source}: ${describeSharpError(err)}`, "input", source);
  }
  const { width, height, channels } = info;
  const outColour = oneChannel ? 1 : 3;
  const withAlpha = channels > outColour;
  const n = width * height;
  const samples = is16 ? new Uint16Array(data.buffer, data.byteOffset, data.length / 2) : new Uint8Array(data.buffer, data.byteOffset, data.length);
  const scale = 1 / (is16 ? 65535 : 255);
  const alpha = withAlpha ? new Float32Array(n) : null;
  if (alpha)
    for (let i = 0, j = channels - 1; i < n; i++, j += channels)
      alpha[i] = samples[j] * scale;
  const isGray = oneChannel || neutralCodes(samples, n, channels);
  let result;
  if (isGray && !oneChannel)
    result = { width, height, channels: [lumaOfCodes(samples, n, channels, scale)] };
  else {
    result = createImage(width, height, outColour);
    for (let k = 0; k < outColour; k++) {
      const p = result.channels[k];
      for (let i = 0, j = k; i < n; i++, j += channels)
        p[i] = samples[j] * scale;
    }
  }
  return {
    image: result,
    alpha,
    bitDepth: is16 ? 16 : 8,
    isGray,
    storedAsRgb: !oneChannel,
    format: meta.format ?? "unknown",
    frames,
    metadata: { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc },
    source
  };
}
function neutralCodes(samples, n, channels) {
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = samples[j];
    const g = samples[j + 1];
    const b = samples[j + 2];
    if (r - g > 1 || g - r > 1 || g - b > 1 || b - g > 1 || r - b > 1 || b - r > 1)
      return false;
  }
  return true;
}
function lumaOfCodes(samples, n, channels, scale) {
  const out = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = Math.fround(samples[j] * scale);
    const g = Math.fround(samples[j + 1] * scale);
    const b = Math.fround(samples[j + 2] * scale);
    out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return out;
}
function formatFromPath(file) {
  const ext = path2.extname(file).toLowerCase();
  switch (ext) {
    case ".png":
      return "png";
    case ".jpg":
    case ".jpeg":
      return "jpeg";
    case ".webp":
      return "webp";
    case ".tif":
    case ".tiff":
      return "tiff";
    default:
      throw new ColorizeError(`${file}: cannot tell the output format from the extension "${ext}"; use .png, .jpg, .webp or .tif`, "usage", file);
  }
}
function quantize(img, alpha, bits) {
  const n = img.width * img.height;
  const c = img.channels.length + (alpha ? 1 : 0);
  const max = bits === 16 ? 65535 : 255;
  const out = bits === 16 ? new Uint16Array(n * c) : new Uint8Array(n * c);
  const planes = alpha ? [...img.channels, alpha] : img.channels;
  for (let k = 0; k < c; k++) {
    const p = planes[k];
    for (let i = 0, j = k; i < n; i++, j += c) {
      const v = p[i];
      out[j] = v <= 0 ? 0 : v >= 1 ? max : Math.round(v * max);
    }
  }
  return out;
}
async function encodeImage(img, format, options = {}) {
  const nc = img.channels.length;
  if (nc !== 1 && nc !== 3)
    throw new RangeError(`cannot encode an image with ${nc} channels (need 1 or 3)`);
  if (img.width === 0 || img.height === 0)
    throw new ColorizeError("cannot encode an image with 0 pixels", "input");
  const alpha = options.alpha ?? null;
  if (alpha && alpha.length !== img.width * img.height) {
    throw new RangeError(`alpha has ${alpha.length} samples, image has ${img.width * img.height}`);
  }
  const deep = options.bitDepth === 16 && (format === "png" || format === "tiff");
  const bits = deep ? 16 : 8;
  const samples = quantize(img, alpha, bits);
  const channels = nc + (alpha ? 1 : 0);
  let pipe = sharp(samples, { raw: { width: img.width, height: img.height, channels } });
  if (deep)
    pipe = pipe.toColourspace(nc === 1 ? "grey16" : "rgb16");
  else if (nc === 1)
    pipe = pipe.toColourspace("b-w");
  const quality = options.quality ?? 92;
  if (options.metadata?.exif)
    pipe = pipe.withExif(options.metadata.exif);
  if (options.metadata?.xmp)
    pipe = pipe.withXmp(options.metadata.xmp);
  switch (format) {
    case "png":
      pipe = pipe.png({ compressionLevel: 6 });
      break;
    case "jpeg":
      pipe = pipe.jpeg({ quality, chromaSubsampling: "4:4:4" });
      break;
    case "webp":
      pipe = pipe.webp({ quality });
      break;
    case "tiff":
      pipe = pipe.tiff({ compression: "lzw" });
      break;
  }
  return pipe.toBuffer();
}
async function writeImage(file, img, options = {}) {
  const format = formatFromPath(file);
  const buf = await encodeImage(img, format, options);
  await writeFileAtomic(file, buf);
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function writeFileAtomic(file, data) {
  const dir = path2.dirname(path2.resolve(file));
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory())
      throw new Error("not a folder");
  } catch {
    throw new ColorizeError(`${file}: output folder ${dir} does not exist`, "io", file);
  }
  const tmp = path2.join(dir, `.${path2.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw new ColorizeError(`${file}: cannot write (${err.message})`, "io", file);
  }
}

export {
  VERSION,
  IMAGE_EXTENSIONS,
  readImage,
  formatFromPath,
  writeImage,
  processAlive,
  flagName,
  optionHelp,
  typeOptionValue,
  validateOptions,
  listMethods,
  getMethod,
  familyDefault,
  describeMethod,
  grayInput,
  refusesGrayTarget,
  grayTargetHint,
  inputProblem,
  cancellable,
  fuseStaticSources
};
