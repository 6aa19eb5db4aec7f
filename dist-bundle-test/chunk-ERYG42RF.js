import {
  mobileNetV2Features,
  requireModel
} from "./chunk-E2GQZY2A.js";
import {
  resizeImage,
  resizePlane,
  srgbToLab
} from "./chunk-C7DXZTIV.js";
import {
  loadOrt,
  onnxSession
} from "./chunk-ZWSHODDX.js";
import {
  requireModelFile
} from "./chunk-QUYJNQPH.js";

// dist/methods/automatic/cnn-tv/network.js
import { promises as fs } from "node:fs";

// dist/color/ab-bins.js
var AB_GRID = 10;
var AB_MIN = -110;
var AB_MAX = 110;
var GRID_N = (AB_MAX - AB_MIN) / AB_GRID + 1;
var cached = null;
function makeAbBins(a, b) {
  const cellToBin = new Int32Array(GRID_N * GRID_N).fill(-1);
  for (let k = 0; k < a.length; k++) {
    const ia = Math.round((a[k] - AB_MIN) / AB_GRID);
    const ib = Math.round((b[k] - AB_MIN) / AB_GRID);
    if (ia >= 0 && ia < GRID_N && ib >= 0 && ib < GRID_N)
      cellToBin[ia * GRID_N + ib] = k;
  }
  return { count: a.length, a: Float32Array.from(a), b: Float32Array.from(b), cellToBin };
}
function abBins() {
  if (cached)
    return cached;
  const hit = new Uint8Array(GRID_N * GRID_N);
  const S = 97;
  for (let ri = 0; ri < S; ri++)
    for (let gi = 0; gi < S; gi++)
      for (let bi = 0; bi < S; bi++) {
        const [, av, bv] = srgbToLab(ri / (S - 1), gi / (S - 1), bi / (S - 1));
        const fa = Math.floor((av - AB_MIN) / AB_GRID);
        const fb = Math.floor((bv - AB_MIN) / AB_GRID);
        for (let da = 0; da <= 1; da++)
          for (let db = 0; db <= 1; db++) {
            const ia = fa + da;
            const ib = fb + db;
            if (ia >= 0 && ia < GRID_N && ib >= 0 && ib < GRID_N)
              hit[ia * GRID_N + ib] = 1;
          }
      }
  const a = [];
  const b = [];
  for (let ia = 0; ia < GRID_N; ia++)
    for (let ib = 0; ib < GRID_N; ib++)
      if (hit[ia * GRID_N + ib]) {
        a.push(AB_MIN + ia * AB_GRID);
        b.push(AB_MIN + ib * AB_GRID);
      }
  cached = makeAbBins(a, b);
  return cached;
}
function parseAbBins(bytes) {
  if (bytes.length % 8 !== 0 || bytes.length === 0) {
    throw new RangeError(`ab bin file has ${bytes.length} bytes; expected 8 per bin (planar float32 a then b)`);
  }
  const n = bytes.length / 8;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const a = [];
  const b = [];
  for (let k = 0; k < n; k++) {
    a.push(dv.getFloat32(4 * k, true));
    b.push(dv.getFloat32(4 * (n + k), true));
  }
  return makeAbBins(a, b);
}
function annealedMean(probs, pixels, T = 0.38, bins = abBins()) {
  const q = bins.count;
  if (probs.length !== pixels * q)
    throw new RangeError(`expected ${pixels}\xD7${q} probabilities, got ${probs.length}`);
  const outA = new Float32Array(pixels);
  const outB = new Float32Array(pixels);
  const invT = 1 / T;
  const tmp = new Float64Array(q);
  for (let i = 0; i < pixels; i++) {
    const off = i * q;
    let maxLog = -Infinity;
    for (let k = 0; k < q; k++) {
      const l = Math.log(Math.max(probs[off + k], 1e-30)) * invT;
      tmp[k] = l;
      if (l > maxLog)
        maxLog = l;
    }
    let s = 0;
    let sa = 0;
    let sb = 0;
    for (let k = 0; k < q; k++) {
      const w = Math.exp(tmp[k] - maxLog);
      s += w;
      sa += w * bins.a[k];
      sb += w * bins.b[k];
    }
    outA[i] = sa / s;
    outB[i] = sb / s;
  }
  return { a: outA, b: outB };
}

// dist/methods/automatic/cnn-tv/network.js
var CNN_INPUT = 224;
var CNN_GRID = 56;
var CNN_HEAD_FILE = "cnn-tv/head.onnx";
var COLOR_BINS_FILE = "color-bins/pts_in_hull.f32";
async function headInputs(gray) {
  const g224 = gray.width === CNN_INPUT && gray.height === CNN_INPUT ? gray : resizeImage(gray, CNN_INPUT, CNN_INPUT, gray.width >= CNN_INPUT && gray.height >= CNN_INPUT ? "area" : "bilinear");
  const f = (await mobileNetV2Features(g224)).features;
  const lum = resizePlane(g224.channels[0], CNN_INPUT, CNN_INPUT, CNN_GRID, CNN_GRID, "area");
  for (let i = 0; i < lum.length; i++)
    lum[i] = (lum[i] - 0.5) * 2;
  const maps = [f.features_s4, f.features_s8, f.features_s16, f.features_s32];
  const names = ["features_s4", "features_s8", "features_s16", "features_s32"];
  return [
    ...maps.map((m, k) => ({
      name: names[k],
      channels: m.channels,
      height: m.height,
      width: m.width,
      data: m.data
    })),
    { name: "gray", channels: 1, height: CNN_GRID, width: CNN_GRID, data: lum }
  ];
}
var binsPromise = null;
function colorBins313() {
  binsPromise ??= fs.readFile(requireModelFile(COLOR_BINS_FILE)).then((b) => parseAbBins(new Uint8Array(b)));
  return binsPromise;
}
async function predictColorDistribution(gray) {
  requireModel("mobilenet-v2");
  requireModel("cnn-tv-head");
  const [ort, session, bins, inputs] = await Promise.all([
    loadOrt(),
    onnxSession(requireModelFile(CNN_HEAD_FILE)),
    colorBins313(),
    headInputs(gray)
  ]);
  const feeds = {};
  for (const x of inputs)
    if (session.inputNames.includes(x.name))
      feeds[x.name] = new ort.Tensor("float32", x.data, [1, x.channels, x.height, x.width]);
  const out = await session.run(feeds);
  const logits = out.logits.data;
  const Q = bins.count;
  const P = CNN_GRID * CNN_GRID;
  const probs = new Float32Array(P * Q);
  for (let p = 0; p < P; p++) {
    let m = -Infinity;
    for (let q = 0; q < Q; q++)
      m = Math.max(m, logits[q * P + p]);
    let s = 0;
    for (let q = 0; q < Q; q++) {
      const e = Math.exp(logits[q * P + p] - m);
      probs[p * Q + q] = e;
      s += e;
    }
    for (let q = 0; q < Q; q++)
      probs[p * Q + q] /= s;
  }
  return { width: CNN_GRID, height: CNN_GRID, probs, bins };
}

export {
  AB_MIN,
  AB_MAX,
  annealedMean,
  CNN_INPUT,
  CNN_GRID,
  CNN_HEAD_FILE,
  COLOR_BINS_FILE,
  headInputs,
  colorBins313,
  predictColorDistribution
};
