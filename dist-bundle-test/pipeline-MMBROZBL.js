import {
  colourFusion,
  fusionOptionsOf,
  gaussianBlur,
  resolveOptions,
  stageTimer
} from "./chunk-JZHOG4WJ.js";
import {
  Vgg19Features
} from "./chunk-2VPUGM6P.js";
import {
  boxFilter,
  finish,
  lumaOf
} from "./chunk-DNVYFS5D.js";
import {
  VGG19_LAYERS,
  createImage,
  fitWithin,
  fromPlanes,
  grayToL,
  lightnessOf,
  resizeImage,
  rgbImageToLab
} from "./chunk-C7DXZTIV.js";
import "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  checkInteger,
  checkNumber,
  findModelFile,
  modelSearchPaths
} from "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";

// dist/segment/connectivity.js
function enforceConnectivity(labels, width, height, minSize) {
  const n = width * height;
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (out[start] >= 0)
      continue;
    const original = labels[start];
    const sx = start % width;
    let adjacent = -1;
    if (sx > 0)
      adjacent = out[start - 1];
    if (adjacent < 0 && start >= width)
      adjacent = out[start - width];
    out[start] = next;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const p = queue[head++];
      const x = p % width;
      if (x > 0 && out[p - 1] < 0 && labels[p - 1] === original) {
        out[p - 1] = next;
        queue[tail++] = p - 1;
      }
      if (x < width - 1 && out[p + 1] < 0 && labels[p + 1] === original) {
        out[p + 1] = next;
        queue[tail++] = p + 1;
      }
      if (p >= width && out[p - width] < 0 && labels[p - width] === original) {
        out[p - width] = next;
        queue[tail++] = p - width;
      }
      if (p + width < n && out[p + width] < 0 && labels[p + width] === original) {
        out[p + width] = next;
        queue[tail++] = p + width;
      }
    }
    if (tail < minSize && adjacent >= 0) {
      for (let q = 0; q < tail; q++)
        out[queue[q]] = adjacent;
    } else {
      next++;
    }
  }
  labels.set(out);
  return next;
}

// dist/segment/slic.js
var DEFAULT_SLIC_TOLERANCE = 0.15;
function defaultSegmentCount(width, height) {
  return 3 * Math.floor(Math.sqrt(width * height));
}
function labPlanes(img, already) {
  if (already)
    return img.channels;
  if (img.channels.length === 3)
    return rgbImageToLab(img).channels;
  if (img.channels.length !== 1)
    throw new RangeError(`slic: expected 1 or 3 channels, got ${img.channels.length}`);
  const g = img.channels[0];
  const L = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++)
    L[i] = grayToL(g[i] < 0 ? 0 : g[i] > 1 ? 1 : g[i]);
  return [L];
}
function slic(img, options = {}) {
  const W = img.width;
  const H = img.height;
  const n = W * H;
  const segments = checkInteger("segments", options.segments ?? defaultSegmentCount(W, H), 1, n);
  const m = checkNumber("compactness", options.compactness ?? 10, 1e-6);
  const iterations = checkInteger("iterations", options.iterations ?? 10, 1, 1e3);
  const minSizeFactor = checkNumber("minSizeFactor", options.minSizeFactor ?? 0.5, 0, 1);
  const tolerance = checkNumber("tolerance", options.tolerance ?? DEFAULT_SLIC_TOLERANCE, 0);
  const planes = labPlanes(img, options.channelsAreLab ?? false);
  const nc = planes.length;
  const step = Math.sqrt(n / segments);
  const nx = Math.max(1, Math.round(W / step));
  const ny = Math.max(1, Math.round(H / step));
  const k = nx * ny;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const cc = new Float64Array(k * nc);
  const P0 = planes[0];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      let x = Math.min(W - 1, Math.floor((i + 0.5) * W / nx));
      let y = Math.min(H - 1, Math.floor((j + 0.5) * H / ny));
      let best = Infinity;
      let bx = x;
      let by = y;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 1 || yy < 1 || xx >= W - 1 || yy >= H - 1)
            continue;
          const p = yy * W + xx;
          const gx = P0[p + 1] - P0[p - 1];
          const gy = P0[p + W] - P0[p - W];
          const g = gx * gx + gy * gy;
          if (g < best) {
            best = g;
            bx = xx;
            by = yy;
          }
        }
      x = bx;
      y = by;
      const c = j * nx + i;
      cx[c] = x;
      cy[c] = y;
      for (let ch = 0; ch < nc; ch++)
        cc[c * nc + ch] = planes[ch][y * W + x];
    }
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float32Array(n).fill(Infinity);
  const invM2 = 1 / (m * m);
  const invS2 = 1 / (step * step);
  const r = Math.ceil(step);
  const c1 = nc === 3 ? planes[1] : P0;
  const c2 = nc === 3 ? planes[2] : P0;
  const tol2 = tolerance * tolerance;
  let active = new Uint8Array(k).fill(1);
  let moved = new Uint8Array(k);
  const stride = nc + 3;
  const sums = new Float64Array(k * stride);
  for (let it = 0; it < iterations; it++) {
    for (let c = 0; c < k; c++) {
      if (!active[c])
        continue;
      const x0 = Math.max(0, Math.floor(cx[c] - r));
      const x1 = Math.min(W - 1, Math.ceil(cx[c] + r));
      const y0 = Math.max(0, Math.floor(cy[c] - r));
      const y1 = Math.min(H - 1, Math.ceil(cy[c] + r));
      for (let y = y0; y <= y1; y++)
        for (let p = y * W + x0, e = y * W + x1; p <= e; p++)
          if (labels[p] === c)
            dist[p] = Infinity;
    }
    for (let c = 0; c < k; c++) {
      if (!active[c])
        continue;
      const x0 = Math.max(0, Math.floor(cx[c] - r));
      const x1 = Math.min(W - 1, Math.ceil(cx[c] + r));
      const y0 = Math.max(0, Math.floor(cy[c] - r));
      const y1 = Math.min(H - 1, Math.ceil(cy[c] + r));
      if (nc === 3) {
        const o = c * 3;
        assign3(P0, c1, c2, cc[o], cc[o + 1], cc[o + 2], cx[c], cy[c], c, x0, x1, y0, y1, W, invM2, invS2, dist, labels);
      } else
        assign1(P0, cc[c], cx[c], cy[c], c, x0, x1, y0, y1, W, invM2, invS2, dist, labels);
    }
    sums.fill(0);
    for (let y = 0, p = 0; y < H; y++)
      for (let x = 0; x < W; x++, p++) {
        const o = labels[p] * stride;
        if (o < 0)
          continue;
        sums[o] += 1;
        sums[o + 1] += x;
        sums[o + 2] += y;
        sums[o + 3] += P0[p];
        if (nc === 3) {
          sums[o + 4] += c1[p];
          sums[o + 5] += c2[p];
        }
      }
    moved.fill(0);
    let anyMoved = false;
    for (let c = 0; c < k; c++) {
      const o = c * stride;
      const cnt = sums[o];
      if (cnt === 0)
        continue;
      const nx1 = sums[o + 1] / cnt;
      const ny1 = sums[o + 2] / cnt;
      let move = ((nx1 - cx[c]) ** 2 + (ny1 - cy[c]) ** 2) * invS2;
      for (let ch = 0; ch < nc; ch++)
        move += (sums[o + 3 + ch] / cnt - cc[c * nc + ch]) ** 2 * invM2;
      cx[c] = nx1;
      cy[c] = ny1;
      for (let ch = 0; ch < nc; ch++)
        cc[c * nc + ch] = sums[o + 3 + ch] / cnt;
      if (move > tol2) {
        moved[c] = 1;
        anyMoved = true;
      }
    }
    if (!anyMoved)
      break;
    [active, moved] = [moved, active];
  }
  for (let p = 0; p < n; p++)
    if (labels[p] < 0)
      labels[p] = 0;
  const minSize = Math.max(1, Math.floor(minSizeFactor * n / k));
  const count = enforceConnectivity(labels, W, H, minSize);
  return { width: W, height: H, labels, count };
}
function assign3(P0, P1, P2, l0, l1, l2, ccx, ccy, c, x0, x1, y0, y1, W, invM2, invS2, dist, labels) {
  for (let y = y0; y <= y1; y++) {
    const dy2 = (y - ccy) * (y - ccy) * invS2;
    const row = y * W;
    for (let x = x0; x <= x1; x++) {
      const p = row + x;
      const d0 = P0[p] - l0;
      const d1 = P1[p] - l1;
      const d2 = P2[p] - l2;
      const dx = x - ccx;
      const d = (d0 * d0 + d1 * d1 + d2 * d2) * invM2 + dx * dx * invS2 + dy2;
      if (d < dist[p]) {
        dist[p] = d;
        labels[p] = c;
      }
    }
  }
}
function assign1(P0, l0, ccx, ccy, c, x0, x1, y0, y1, W, invM2, invS2, dist, labels) {
  for (let y = y0; y <= y1; y++) {
    const dy2 = (y - ccy) * (y - ccy) * invS2;
    const row = y * W;
    for (let x = x0; x <= x1; x++) {
      const p = row + x;
      const d0 = P0[p] - l0;
      const dx = x - ccx;
      const d = d0 * d0 * invM2 + dx * dx * invS2 + dy2;
      if (d < dist[p]) {
        dist[p] = d;
        labels[p] = c;
      }
    }
  }
}

// dist/methods/exemplar/superpixel/sfe.js
function inverseTaps(coarse, fine) {
  const scale = coarse / fine;
  const lists = Array.from({ length: coarse }, () => []);
  const clamp = (i) => i < 0 ? 0 : i >= coarse ? coarse - 1 : i;
  for (let o = 0; o < fine; o++) {
    const c = (o + 0.5) * scale - 0.5;
    const i0 = Math.floor(c);
    const f = c - i0;
    const a = clamp(i0);
    const b = clamp(i0 + 1);
    if (a === b)
      lists[a].push([o, 1]);
    else {
      if (1 - f > 0)
        lists[a].push([o, 1 - f]);
      if (f > 0)
        lists[b].push([o, f]);
    }
  }
  const start = new Int32Array(coarse + 1);
  for (let q = 0; q < coarse; q++)
    start[q + 1] = start[q] + lists[q].length;
  const index = new Int32Array(start[coarse]);
  const weight = new Float32Array(start[coarse]);
  for (const [q, l] of lists.entries())
    for (const [k, [o, w]] of l.entries()) {
      index[start[q] + k] = o;
      weight[start[q] + k] = w;
    }
  return { start, index, weight };
}
function superFeatures(map, sp) {
  const { width: W, height: H, labels, count: N } = sp;
  const C = map.channels;
  const w = map.width;
  const h = map.height;
  const nq = w * h;
  const acc = new Float64Array(N * C);
  const size = new Float64Array(N);
  for (let p = 0; p < W * H; p++)
    size[labels[p]] += 1;
  if (w === W && h === H) {
    for (let c = 0; c < C; c++) {
      const plane = map.data.subarray(c * nq, (c + 1) * nq);
      for (let p = 0; p < nq; p++)
        acc[labels[p] * C + c] += plane[p];
    }
  } else {
    const tx = inverseTaps(w, W);
    const ty = inverseTaps(h, H);
    let maxX = 0;
    let maxY = 0;
    for (let q = 0; q < w; q++)
      maxX = Math.max(maxX, tx.start[q + 1] - tx.start[q]);
    for (let q = 0; q < h; q++)
      maxY = Math.max(maxY, ty.start[q + 1] - ty.start[q]);
    const lab = new Int32Array(maxX * maxY);
    const wt = new Float64Array(maxX * maxY);
    for (let qy = 0; qy < h; qy++)
      for (let qx = 0; qx < w; qx++) {
        let m = 0;
        for (let ky = ty.start[qy]; ky < ty.start[qy + 1]; ky++) {
          const row = ty.index[ky] * W;
          const wy = ty.weight[ky];
          for (let kx = tx.start[qx]; kx < tx.start[qx + 1]; kx++) {
            const l = labels[row + tx.index[kx]];
            const v = wy * tx.weight[kx];
            let j = 0;
            while (j < m && lab[j] !== l)
              j++;
            if (j === m) {
              lab[m] = l;
              wt[m++] = v;
            } else
              wt[j] += v;
          }
        }
        const q = qy * w + qx;
        for (let j = 0; j < m; j++) {
          const o = lab[j] * C;
          const v = wt[j];
          for (let c = 0; c < C; c++)
            acc[o + c] += v * map.data[c * nq + q];
        }
      }
  }
  const out = new Float32Array(N * C);
  for (let i = 0; i < N; i++) {
    const s = size[i] > 0 ? 1 / size[i] : 0;
    for (let c = 0; c < C; c++)
      out[i * C + c] = acc[i * C + c] * s;
  }
  return out;
}
function superpixelMeans(planes, sp) {
  const d = planes.length;
  const acc = new Float64Array(sp.count * d);
  const size = new Float64Array(sp.count);
  for (let p = 0; p < sp.labels.length; p++) {
    const l = sp.labels[p];
    size[l] += 1;
    for (let c = 0; c < d; c++)
      acc[l * d + c] += planes[c][p];
  }
  const out = new Float32Array(sp.count * d);
  for (let i = 0; i < sp.count; i++)
    for (let c = 0; c < d; c++)
      out[i * d + c] = size[i] > 0 ? acc[i * d + c] / size[i] : 0;
  return out;
}

// dist/methods/exemplar/superpixel/debug.js
function rgbCopy(img) {
  const c = img.channels;
  return {
    width: img.width,
    height: img.height,
    channels: c.length === 3 ? c.map((p) => p.slice()) : [c[0].slice(), c[0].slice(), c[0].slice()]
  };
}
function boundaries(img, sp) {
  const out = rgbCopy(img);
  const { width: W, height: H, labels } = sp;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      if (x + 1 < W && labels[p + 1] !== labels[p] || y + 1 < H && labels[p + W] !== labels[p]) {
        out.channels[0][p] = 1;
        out.channels[1][p] = 0.9;
        out.channels[2][p] = 0;
      }
    }
  return out;
}
function line(img, x0, y0, x1, y1, rgb) {
  const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  for (let k = 0; k <= n; k++) {
    const x = Math.round(x0 + (x1 - x0) * k / n);
    const y = Math.round(y0 + (y1 - y0) * k / n);
    if (x < 0 || y < 0 || x >= img.width || y >= img.height)
      continue;
    for (let c = 0; c < 3; c++)
      img.channels[c][y * img.width + x] = rgb[c];
  }
}
function centroids(sp) {
  const xs = new Float32Array(sp.labels.length);
  const ys = new Float32Array(sp.labels.length);
  for (let p = 0; p < xs.length; p++) {
    xs[p] = p % sp.width;
    ys[p] = Math.floor(p / sp.width);
  }
  return Float64Array.from(superpixelMeans([xs, ys], sp));
}
function debugPictures(d) {
  const bt = boundaries(d.target, d.spT);
  const br = boundaries(d.reference, d.spR);
  const W = bt.width + br.width;
  const H = Math.max(bt.height, br.height);
  const matches = createImage(W, H, 3);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < bt.height; y++)
      matches.channels[c].set(bt.channels[c].subarray(y * bt.width, (y + 1) * bt.width), y * W);
    for (let y = 0; y < br.height; y++)
      matches.channels[c].set(br.channels[c].subarray(y * br.width, (y + 1) * br.width), y * W + bt.width);
  }
  const ct = centroids(d.spT);
  const cr = centroids(d.spR);
  const NT = d.spT.count;
  const NR = d.spR.count;
  const palette = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0.6, 1],
    [1, 0, 1],
    [0, 1, 1],
    [1, 0.5, 0]
  ];
  const stepI = Math.max(1, Math.floor(NT / 24));
  for (let i = 0, k = 0; i < NT; i += stepI, k++) {
    let best = 0;
    for (let j = 1; j < NR; j++)
      if (d.A[i * NR + j] > d.A[i * NR + best])
        best = j;
    line(matches, ct[i * 2], ct[i * 2 + 1], cr[best * 2] + bt.width, cr[best * 2 + 1], palette[k % palette.length]);
  }
  const perSp = createImage(d.spT.width, d.spT.height, 3);
  for (let p = 0; p < d.spT.labels.length; p++)
    for (let c = 0; c < 3; c++)
      perSp.channels[c][p] = d.C[d.spT.labels[p] * 3 + c];
  return {
    "target-superpixels": bt,
    "reference-superpixels": br,
    matches,
    "superpixel-colours": perSp,
    fused: d.fused
  };
}

// dist/features/handcrafted-features.js
function localStd(L, W, H, radius) {
  const sq = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++)
    sq[i] = L[i] * L[i];
  const m = boxFilter(L, W, H, radius);
  const m2 = boxFilter(sq, W, H, radius);
  const out = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++)
    out[i] = Math.sqrt(Math.max(0, m2[i] - m[i] * m[i]));
  return out;
}
function stack(planes, W, H) {
  const n = W * H;
  const data = new Float32Array(planes.length * n);
  for (const [c, p] of planes.entries())
    data.set(p, c * n);
  return { channels: planes.length, width: W, height: H, data };
}
var HandcraftedFeatures = class {
  name = "handcrafted";
  description = "handcrafted Lab + gradient statistics (VGG-19 weights not used)";
  async extract(image) {
    const W = image.width;
    const H = image.height;
    const n = W * H;
    let colour;
    let L;
    if (image.channels.length === 3) {
      const lab = rgbImageToLab(image).channels;
      L = lab[0];
      colour = lab.map((p) => p.map((v) => v / 100));
    } else {
      L = lightnessOf(image);
      colour = [L.map((v) => v / 100)];
    }
    const l = colour[0];
    const gx = new Float32Array(n);
    const gy = new Float32Array(n);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = y * W + x;
        gx[i] = Math.abs(l[y * W + Math.min(W - 1, x + 1)] - l[y * W + Math.max(0, x - 1)]) * 2;
        gy[i] = Math.abs(l[Math.min(H - 1, y + 1) * W + x] - l[Math.max(0, y - 1) * W + x]) * 2;
      }
    const energy = new Float32Array(n);
    for (let i = 0; i < n; i++)
      energy[i] = Math.hypot(gx[i], gy[i]);
    return [
      stack(colour, W, H),
      stack([gx, gy, localStd(l, W, H, 2)], W, H),
      stack([gaussianBlur(l, W, H, 4), gaussianBlur(energy, W, H, 4), localStd(l, W, H, 8)], W, H)
    ];
  }
};

// dist/methods/exemplar/superpixel/features.js
function vgg19Available() {
  return VGG19_LAYERS.every((l) => findModelFile(`vgg19/${l.shard}`) !== null);
}
function chooseExtractor(choice) {
  if (typeof choice !== "string")
    return { extractor: choice };
  if (choice === "handcrafted")
    return { extractor: new HandcraftedFeatures() };
  if (vgg19Available())
    return { extractor: new Vgg19Features() };
  const where = modelSearchPaths().map((d) => `${d}/vgg19`).join(", ");
  if (choice === "vgg19") {
    throw new ColorizeError(`VGG-19 weights not found (looked in ${where}); set COLORIZE_MODELS or use --features handcrafted`, "io");
  }
  return {
    extractor: new HandcraftedFeatures(),
    notice: `VGG-19 weights not found (looked in ${where}); using handcrafted Lab + gradient features instead`
  };
}

// dist/methods/exemplar/superpixel/sfm.js
function centredUnitRows(F, N, C) {
  const mu = new Float64Array(C);
  for (let i = 0; i < N; i++)
    for (let c = 0; c < C; c++)
      mu[c] += F[i * C + c];
  for (let c = 0; c < C; c++)
    mu[c] /= Math.max(1, N);
  const out = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let c = 0; c < C; c++) {
      const v = F[i * C + c] - mu[c];
      out[i * C + c] = v;
      s += v * v;
    }
    const inv = s > 1e-24 ? 1 / Math.sqrt(s) : 0;
    for (let c = 0; c < C; c++)
      out[i * C + c] *= inv;
  }
  return out;
}
function softmaxRows(M, rows, cols, tau) {
  const A = new Float32Array(rows * cols);
  const e = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++)
      max = Math.max(max, M[o + j]);
    let s = 0;
    for (let j = 0; j < cols; j++) {
      e[j] = Math.exp((M[o + j] - max) / tau);
      s += e[j];
    }
    for (let j = 0; j < cols; j++)
      A[o + j] = e[j] / s;
  }
  return A;
}
var gemmPromise = null;
function onnxGemm() {
  gemmPromise ??= (async () => {
    const [{ loadOrt, onnxSession }, { cachedModelFile }, { encodeOnnxModel }] = await Promise.all([
      import("./runtime-AFPZ5TT7.js"),
      import("./locate-MRXNTR3L.js"),
      import("./onnx-builder-BD5RVTQG.js")
    ]);
    const ort = await loadOrt();
    const file = await cachedModelFile("matmul-transposed-v1.onnx", () => encodeOnnxModel({
      name: "matmul_transposed",
      nodes: [
        { op: "Transpose", inputs: ["b"], outputs: ["bt"], attributes: { perm: [1, 0] } },
        { op: "MatMul", inputs: ["a", "bt"], outputs: ["m"] }
      ],
      initializers: [],
      inputs: [
        { name: "a", shape: ["n", "c"] },
        { name: "b", shape: ["k", "c"] }
      ],
      outputs: [{ name: "m", shape: ["n", "k"] }]
    }));
    const session = await onnxSession(file, { spinning: false });
    return async (a, rows, b, cols, C) => {
      const out = await session.run({
        a: new ort.Tensor("float32", a, [rows, C]),
        b: new ort.Tensor("float32", b, [cols, C])
      });
      return out.m.data;
    };
  })();
  gemmPromise.catch(() => {
    gemmPromise = null;
  });
  return gemmPromise;
}
async function correlationMatrixGemm(FT, NT, FR, NR, C) {
  const gemm = await onnxGemm();
  return gemm(Float32Array.from(centredUnitRows(FT, NT, C)), NT, Float32Array.from(centredUnitRows(FR, NR, C)), NR, C);
}
async function attentionGemm(mode, layers, NT, NR, tau, weights) {
  const acc = new Float32Array(NT * NR);
  let wsum = 0;
  for (const [k, l] of layers.entries()) {
    const w = weights[k] ?? 1;
    if (w === 0)
      continue;
    const M = await correlationMatrixGemm(l.target, NT, l.reference, NR, l.channels);
    const X = mode === "transfer" ? softmaxRows(M, NT, NR, tau) : M;
    for (let i = 0; i < acc.length; i++)
      acc[i] += w * X[i];
    wsum += w;
  }
  if (mode === "colorize")
    return softmaxRows(acc, NT, NR, tau);
  if (wsum > 0)
    for (let i = 0; i < acc.length; i++)
      acc[i] /= wsum;
  return acc;
}

// dist/methods/exemplar/superpixel/pipeline.js
var MAX_AREA_RATIO = 400;
function checkSizes(target, reference) {
  for (const [name, im] of [
    ["target", target],
    ["reference", reference]
  ]) {
    if (im.width < 8 || im.height < 8) {
      throw new ColorizeError(`the ${name} image is ${im.width}\xD7${im.height}; it must be at least 8\xD78 pixels`, "input");
    }
  }
  const a = target.width * target.height;
  const b = reference.width * reference.height;
  if (Math.max(a, b) / Math.min(a, b) > MAX_AREA_RATIO) {
    throw new ColorizeError(`target (${target.width}\xD7${target.height}) and reference (${reference.width}\xD7${reference.height}) differ in size by more than ${MAX_AREA_RATIO}\xD7 in pixel count; resize one of them to a comparable size`, "input");
  }
}
function segment(im, o) {
  return slic(im, {
    segments: Math.min(o.superpixels ?? defaultSegmentCount(im.width, im.height), im.width * im.height),
    compactness: o.compactness,
    // Working images are small (SLIC takes a few ms here), so converge more tightly than the
    // speed-oriented default; the quality tables in docs/superpixel.md were measured this way.
    tolerance: 0.05
  });
}
var referenceCache = /* @__PURE__ */ new Map();
var REFERENCE_CACHE_SIZE = 2;
function clearSuperpixelReferenceCache() {
  const n = referenceCache.size;
  referenceCache.clear();
  return n;
}
function contentKey(im) {
  let h = 2166136261;
  for (const p of im.channels) {
    const bits = new Uint32Array(p.buffer, p.byteOffset, p.length);
    for (let i = 0; i < bits.length; i++)
      h = Math.imul(h ^ bits[i], 16777619);
  }
  return `${im.width}x${im.height}x${im.channels.length}:${(h >>> 0).toString(16)}`;
}
async function referenceSide(mode, reference, o, extractor, lap) {
  const key = typeof o.features === "string" ? [contentKey(reference), mode, o.workingSize, o.superpixels ?? "", o.compactness, extractor.name].join("|") : null;
  const hit = key === null ? void 0 : referenceCache.get(key);
  if (hit) {
    referenceCache.delete(key);
    referenceCache.set(key, hit);
    return hit;
  }
  const rs = fitWithin(reference.width, reference.height, o.workingSize);
  const rWork = resizeImage(reference, rs.width, rs.height, "area");
  const rMatch = mode === "colorize" ? fromPlanes(rs.width, rs.height, [lumaOf(rWork)]) : rWork;
  lap("resize");
  const spR = segment(rMatch, o);
  lap("slic");
  const fR = await extractor.extract(rMatch);
  lap("features");
  const side = {
    rWork,
    spR,
    superFeatures: fR.map((m) => superFeatures(m, spR)),
    means: superpixelMeans(rWork.channels, spR)
  };
  lap("sfe");
  if (key !== null) {
    referenceCache.set(key, side);
    while (referenceCache.size > REFERENCE_CACHE_SIZE)
      referenceCache.delete(referenceCache.keys().next().value);
  }
  return side;
}
async function match(mode, target, reference, o) {
  if (reference.channels.length !== 3) {
    throw new ColorizeError(mode === "transfer" ? "the reference image is gray: superpixel transfer needs a colour reference (to colour a gray target from a colour reference use `colorize exemplar`)" : "the reference image is gray: exemplar colorization needs a colour reference", "input");
  }
  if (mode === "transfer" && target.channels.length !== 3) {
    throw new ColorizeError("the target image is gray: use `colorize exemplar GRAY REFERENCE` to colour it", "input");
  }
  checkSizes(target, reference);
  const timings = {};
  const lap = stageTimer(timings);
  const notices = [];
  const { extractor, notice } = chooseExtractor(o.features);
  if (notice)
    notices.push(notice);
  const ts = fitWithin(target.width, target.height, o.workingSize);
  const tWork = resizeImage(target, ts.width, ts.height, "area");
  const tMatch = mode === "colorize" ? fromPlanes(ts.width, ts.height, [lumaOf(tWork).slice()]) : tWork;
  lap("resize");
  const spT = segment(tMatch, o);
  lap("slic");
  const fT = await extractor.extract(tMatch);
  lap("features");
  const ref = await referenceSide(mode, reference, o, extractor, lap);
  const { rWork, spR } = ref;
  const layers = fT.map((m, l) => ({
    target: superFeatures(m, spT),
    reference: ref.superFeatures[l],
    channels: m.channels
  }));
  lap("sfe");
  const NT = spT.count;
  const NR = spR.count;
  const A = await attentionGemm(mode, layers, NT, NR, o.tau, o.layerWeights);
  lap("sfm");
  const refMeans = ref.means;
  const C = new Float32Array(NT * 3);
  for (let i = 0; i < NT; i++) {
    let r = 0;
    let g = 0;
    let b = 0;
    const row = i * NR;
    for (let j = 0; j < NR; j++) {
      const a = A[row + j];
      if (a < 1e-12)
        continue;
      r += a * refMeans[j * 3];
      g += a * refMeans[j * 3 + 1];
      b += a * refMeans[j * 3 + 2];
    }
    C[i * 3] = r;
    C[i * 3 + 1] = g;
    C[i * 3 + 2] = b;
  }
  return { target, tWork, rWork, tMatch, spT, spR, A, C, features: extractor.name, notices, timings };
}
function fuseAndFinish(m, o) {
  const { target, tWork, rWork, tMatch, spT, spR, A, C } = m;
  const ts = { width: tWork.width, height: tWork.height };
  const timings = { ...m.timings };
  const lap = stageTimer(timings);
  const report = { effectiveSuperpixels: 0, termsPerPixel: 0 };
  const fused = colourFusion(tMatch.channels, spT, C, fusionOptionsOf(o), report);
  lap("fusion");
  const fusedRgb = fromPlanes(ts.width, ts.height, fused);
  const lab = rgbImageToLab(fusedRgb);
  const chroma = fromPlanes(ts.width, ts.height, [lab.channels[1], lab.channels[2]]);
  const rgb = o.finishMode === "rgb" ? resizeImage(fusedRgb, target.width, target.height, "bilinear") : o.finishMode === "paper" ? finish({ original: target, chroma, space: "lab" }, { upsample: "bilinear", keep: "lightness" }) : finish({ original: target, chroma, space: "lab" }, o.finish);
  lap("finish");
  const result = {
    rgb,
    chroma,
    features: m.features,
    notices: [...m.notices],
    timings,
    superpixels: { target: spT.count, reference: spR.count },
    fusion: report
  };
  if (o.debug)
    result.debug = debugPictures({ target: tWork, reference: rWork, spT, spR, A, fused: fusedRgb, C });
  return result;
}
async function run(mode, target, reference, options) {
  const o = resolveOptions(options);
  return fuseAndFinish(await match(mode, target, reference, o), o);
}
async function superpixelFusionVariants(mode, target, reference, options, variants) {
  const m = await match(mode, target, reference, resolveOptions(options));
  return variants.map((v) => fuseAndFinish(m, resolveOptions({ ...options, ...v })));
}
function superpixelColorize(gray, reference, options = {}) {
  return run("colorize", gray, reference, options);
}
function superpixelTransfer(target, reference, options = {}) {
  return run("transfer", target, reference, options);
}
async function superpixelCandidates(gray, reference, options, k) {
  const o = resolveOptions(options);
  const m = await match("colorize", gray, reference, o);
  const fused = colourFusion(m.tMatch.channels, m.spT, m.C, fusionOptionsOf(o));
  const fusedLab = rgbImageToLab(fromPlanes(m.tWork.width, m.tWork.height, fused));
  const NT = m.spT.count;
  const NR = m.spR.count;
  const K = Math.max(1, Math.min(k, NR));
  const refMeans = superpixelMeans(m.rWork.channels, m.spR);
  const refLab = rgbImageToLab(fromPlanes(NR, 1, [0, 1, 2].map((c) => Float32Array.from({ length: NR }, (_, j) => refMeans[j * 3 + c]))));
  const a = new Float32Array(NT * K);
  const b = new Float32Array(NT * K);
  const weight = new Float32Array(NT * K);
  const idx = new Int32Array(K);
  const val = new Float64Array(K);
  for (let i = 0; i < NT; i++) {
    val.fill(-1);
    const row = i * NR;
    for (let j = 0; j < NR; j++) {
      const v = m.A[row + j];
      if (v <= val[K - 1])
        continue;
      let t = K - 1;
      while (t > 0 && val[t - 1] < v) {
        val[t] = val[t - 1];
        idx[t] = idx[t - 1];
        t--;
      }
      val[t] = v;
      idx[t] = j;
    }
    let s = 0;
    for (let t = 0; t < K; t++)
      s += Math.max(0, val[t]);
    for (let t = 0; t < K; t++) {
      a[i * K + t] = refLab.channels[1][idx[t]];
      b[i * K + t] = refLab.channels[2][idx[t]];
      weight[i * K + t] = s > 0 ? Math.max(0, val[t]) / s : 1 / K;
    }
  }
  return {
    width: m.tWork.width,
    height: m.tWork.height,
    labels: m.spT.labels,
    segments: NT,
    k: K,
    a,
    b,
    weight,
    fusedA: fusedLab.channels[1],
    fusedB: fusedLab.channels[2],
    features: m.features,
    notices: m.notices
  };
}
export {
  MAX_AREA_RATIO,
  clearSuperpixelReferenceCache,
  superpixelCandidates,
  superpixelColorize,
  superpixelFusionVariants,
  superpixelTransfer
};
