import {
  mobileNetV2Features,
  requireModel
} from "./chunk-E2GQZY2A.js";
import {
  vggInput
} from "./chunk-2VPUGM6P.js";
import {
  finish,
  lumaOf
} from "./chunk-DNVYFS5D.js";
import {
  createImage,
  ensureVgg19ReluOnnx,
  resizeImage
} from "./chunk-C7DXZTIV.js";
import {
  loadOrt,
  onnxSession
} from "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  requireModelFile
} from "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";

// dist/methods/exemplar/attention/features.js
var ATTENTION_SIZE = 128;
var TARGET_INPUTS = ["t_relu1_1", "t_relu2_1", "t_relu3_1", "t_s8", "t_s16", "t_s32"];
var REFERENCE_INPUTS = ["r_relu3_1", "r_s8", "r_s16"];
function toWorkingSize(image, size = ATTENTION_SIZE) {
  if (image.width === size && image.height === size)
    return image;
  const shrink = image.width >= size && image.height >= size;
  return resizeImage(image, size, size, shrink ? "area" : "bilinear");
}
async function vggRelu(image) {
  const [ort, session] = await Promise.all([loadOrt(), ensureVgg19ReluOnnx().then(onnxSession)]);
  const out = await session.run({
    input: new ort.Tensor("float32", vggInput(image), [1, 3, image.height, image.width])
  });
  return ["relu1_1", "relu2_1", "relu3_1"].map((name) => {
    const [, c, h, w] = out[name].dims;
    return { name, channels: c, height: h, width: w, data: out[name].data };
  });
}
async function attentionTargetInputs(gray, size = ATTENTION_SIZE) {
  if (gray.channels.length !== 1)
    throw new ColorizeError(`attention: the target must be one gray channel, got ${gray.channels.length}`, "input");
  const g = toWorkingSize(gray, size);
  const [vgg, mn] = await Promise.all([vggRelu(g), mobileNetV2Features(g, { width: size, height: size })]);
  const f = mn.features;
  const maps = [...vgg, f.features_s8, f.features_s16, f.features_s32];
  return maps.map((m, i) => ({
    name: TARGET_INPUTS[i],
    channels: m.channels,
    height: m.height,
    width: m.width,
    data: m.data
  }));
}
async function attentionReferenceInputs(rgb, size = ATTENTION_SIZE) {
  if (rgb.channels.length !== 3)
    throw new ColorizeError(`attention: the reference must be RGB, got ${rgb.channels.length} channels`, "input");
  const r = toWorkingSize(rgb, size);
  const [vgg, mn] = await Promise.all([vggRelu(r), mobileNetV2Features(r, { width: size, height: size })]);
  const f = mn.features;
  const s32 = f.features_s32;
  const n = s32.width * s32.height;
  const global = new Float32Array(s32.channels);
  for (let c = 0; c < s32.channels; c++) {
    let s = 0;
    for (let i = 0; i < n; i++)
      s += s32.data[c * n + i];
    global[c] = s / n;
  }
  const maps = [vgg[2], f.features_s8, f.features_s16];
  return {
    inputs: maps.map((m, i) => ({
      name: REFERENCE_INPUTS[i],
      channels: m.channels,
      height: m.height,
      width: m.width,
      data: m.data
    })),
    global
  };
}

// dist/methods/exemplar/attention/network.js
import { existsSync } from "node:fs";
var ATTENTION_NET_FILE = "attention/net.onnx";
function attentionNetPath(model) {
  if (model !== void 0) {
    if (!existsSync(model))
      throw new ColorizeError(`${model}: network file not found`, "io", model);
    return model;
  }
  requireModel("attention");
  return requireModelFile(ATTENTION_NET_FILE);
}
async function runAttentionNetwork(inputs, model) {
  const [ort, session] = await Promise.all([loadOrt(), onnxSession(attentionNetPath(model))]);
  const feeds = {};
  for (const x of inputs)
    feeds[x.name] = new ort.Tensor("float32", x.data, [1, x.channels, x.height, x.width]);
  for (const name of session.inputNames)
    if (!feeds[name])
      throw new ColorizeError(`attention: the network needs input "${name}", which was not computed`, "internal");
  let out;
  try {
    out = (await session.run(feeds)).ab;
  } catch (e) {
    const side = inputs.find((x) => x.name === "t_relu1_1")?.width;
    throw new ColorizeError(`attention: the network ${model ?? ATTENTION_NET_FILE} did not run at working size ${side}\xB2 (a network exported with fixed sizes runs at its training size only): ${e.message}`, "input");
  }
  const [, c, h, w] = out.dims;
  if (c !== 2)
    throw new ColorizeError(`attention: network output has ${c} channels, expected 2`, "internal");
  const data = out.data;
  const ab = createImage(w, h, 2);
  ab.channels[0].set(data.subarray(0, w * h));
  ab.channels[1].set(data.subarray(w * h, 2 * w * h));
  return ab;
}

// dist/methods/exemplar/attention/pipeline.js
async function attentionColorize(target, reference, options = {}) {
  if (reference.channels.length !== 3)
    throw new ColorizeError("attention: the reference must be a colour (RGB) image", "input");
  if (target.channels.length !== 1 && target.channels.length !== 3)
    throw new ColorizeError(`attention: target with ${target.channels.length} channels`, "input");
  const size = options.size ?? ATTENTION_SIZE;
  if (!Number.isInteger(size) || size % 32 !== 0 || size < 64 || size > 512)
    throw new ColorizeError(`attention: working size ${size} is invalid: expected a multiple of 32 in [64, 512]`, "usage");
  const timings = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const gray = target.channels.length === 1 ? target : { width: target.width, height: target.height, channels: [lumaOf(target)] };
  const [tin, rin] = await Promise.all([
    attentionTargetInputs(gray, size),
    attentionReferenceInputs(reference, size)
  ]);
  lap("backbone");
  const chroma = await runAttentionNetwork([...tin, ...rin.inputs], options.model);
  lap("network");
  const rgb = finish({ original: target, chroma, space: "lab" }, options.finish);
  lap("finish");
  return { rgb, chroma, timings };
}
export {
  attentionColorize
};
