import {
  IMAGE_EXTENSIONS,
  cancellable,
  getMethod,
  inputProblem,
  readImage,
  validateOptions
} from "./chunk-YJQATMIZ.js";
import {
  Vgg19Features
} from "./chunk-2VPUGM6P.js";
import {
  finish,
  lumaOf
} from "./chunk-DNVYFS5D.js";
import {
  createImage,
  fromPlanes,
  isNeutralGray,
  resizeImage,
  resizePlane,
  rgbImageToLab
} from "./chunk-C7DXZTIV.js";
import {
  ColorizeError,
  checkInteger,
  checkNumber,
  fsProblem,
  modelCacheDir
} from "./chunk-QUYJNQPH.js";

// dist/methods/exemplar/gallery/gallery.js
import { promises as fs2 } from "node:fs";
import path2 from "node:path";

// dist/methods/exemplar/gallery/descriptor.js
var DESCRIPTOR_INPUT = 64;
var DESCRIPTOR_GRID = 4;
var DESCRIPTOR_LAYER = "conv3_4";
var DESCRIPTOR_DIMS = 256 * DESCRIPTOR_GRID * DESCRIPTOR_GRID;
var extractor = new Vgg19Features();
async function galleryDescriptor(image) {
  const y = image.channels.length === 1 ? image.channels[0] : lumaOf(image);
  const small = resizeImage(fromPlanes(image.width, image.height, [y]), DESCRIPTOR_INPUT, DESCRIPTOR_INPUT, "area");
  const maps = await extractor.extract(small);
  const f = maps[2];
  const cell = f.width / DESCRIPTOR_GRID;
  const out = new Float32Array(DESCRIPTOR_DIMS);
  const g = DESCRIPTOR_GRID;
  for (let c = 0; c < f.channels; c++)
    for (let y0 = 0; y0 < f.height; y0++)
      for (let x0 = 0; x0 < f.width; x0++) {
        const k = (c * g + Math.floor(y0 / cell)) * g + Math.floor(x0 / cell);
        out[k] += f.data[(c * f.height + y0) * f.width + x0] / (cell * cell);
      }
  return out;
}

// dist/methods/exemplar/gallery/gallery-index.js
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
var MAGIC = "CLZGAL1\n";
var SETTINGS = { version: 2, layer: DESCRIPTOR_LAYER, input: DESCRIPTOR_INPUT, grid: DESCRIPTOR_GRID };
function defaultIndexFile(dir) {
  const h = createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16);
  return path.join(modelCacheDir(), `gallery-${path.basename(path.resolve(dir))}-${h}.idx`);
}
async function readGalleryIndex(file) {
  let buf;
  try {
    buf = await fs.readFile(file);
  } catch {
    return null;
  }
  if (buf.length < 12 || buf.toString("latin1", 0, 8) !== MAGIC)
    return null;
  const hl = buf.readUInt32LE(8);
  let header;
  try {
    header = JSON.parse(buf.toString("utf8", 12, 12 + hl));
  } catch {
    return null;
  }
  if (!Array.isArray(header?.entries))
    return null;
  if (JSON.stringify(header.settings) !== JSON.stringify(SETTINGS) || header.dims !== DESCRIPTOR_DIMS)
    return null;
  const start = Math.ceil((12 + hl) / 4) * 4;
  const n = header.entries.length * header.dims;
  if (buf.length < start + 4 * n)
    return null;
  const data = new Float32Array(n);
  new Uint8Array(data.buffer).set(buf.subarray(start, start + 4 * n));
  return { entries: header.entries, dims: header.dims, data };
}
async function writeGalleryIndex(file, index) {
  const header = Buffer.from(JSON.stringify({ settings: SETTINGS, dims: index.dims, entries: index.entries }), "utf8");
  const start = Math.ceil((12 + header.length) / 4) * 4;
  const buf = Buffer.alloc(start + index.data.byteLength);
  buf.write(MAGIC, 0, "latin1");
  buf.writeUInt32LE(header.length, 8);
  header.copy(buf, 12);
  Buffer.from(index.data.buffer, index.data.byteOffset, index.data.byteLength).copy(buf, start);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(tmp, buf);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw new ColorizeError(`${file}: cannot write the gallery index: ${fsProblem(err)}`, "io", file);
  }
}
async function indexGallery(dir, files, options = {}) {
  if (files.length === 0)
    throw new ColorizeError(`${dir}: the gallery holds no image files`, "input", dir);
  const indexFile = options.indexFile ?? defaultIndexFile(dir);
  const old = await readGalleryIndex(indexFile);
  const byFile = /* @__PURE__ */ new Map();
  old?.entries.forEach((e, i) => {
    byFile.set(e.file, i);
  });
  const entries = await Promise.all(files.map(async (f) => {
    const abs = path.resolve(f);
    const st = await fs.stat(abs);
    return { file: abs, size: st.size, mtimeMs: st.mtimeMs };
  }));
  const data = new Float32Array(entries.length * DESCRIPTOR_DIMS);
  const todo = [];
  entries.forEach((e, i) => {
    const j = byFile.get(e.file);
    const o = j === void 0 ? void 0 : old?.entries[j];
    if (old && j !== void 0 && o && o.size === e.size && o.mtimeMs === e.mtimeMs) {
      if (o.gray)
        e.gray = true;
      data.set(old.data.subarray(j * DESCRIPTOR_DIMS, (j + 1) * DESCRIPTOR_DIMS), i * DESCRIPTOR_DIMS);
    } else
      todo.push(i);
  });
  let done = 0;
  for (const i of todo) {
    const { image, isGray } = await readImage(entries[i].file);
    if (isGray)
      entries[i].gray = true;
    data.set(await galleryDescriptor(image), i * DESCRIPTOR_DIMS);
    options.onProgress?.(++done, todo.length, entries[i].file);
  }
  const index = { entries, dims: DESCRIPTOR_DIMS, data };
  if (todo.length > 0 || !old || old.entries.length !== entries.length)
    await writeGalleryIndex(indexFile, index);
  return { index, described: todo.length, indexFile };
}
function rankGallery(index, descriptor, k = 1) {
  const n = index.entries.length;
  const d = index.dims;
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = index.data[off + j] - descriptor[j];
      s += v * v;
    }
    dist[i] = Math.sqrt(s);
  }
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => !index.entries[i].gray).sort((a, b) => dist[a] - dist[b]);
  if (order.length === 0)
    throw new ColorizeError("the gallery holds no colour image", "input");
  return order.slice(0, Math.max(1, k)).map((i) => ({ file: index.entries[i].file, distance: dist[i] }));
}

// dist/methods/exemplar/gallery/gallery.js
async function folderImages(dir) {
  let names;
  try {
    names = await fs2.readdir(dir);
  } catch {
    throw new ColorizeError(`${dir}: the gallery must be a folder of colour images`, "io", dir);
  }
  return names.filter((n) => IMAGE_EXTENSIONS.includes(path2.extname(n).toLowerCase()) && !n.startsWith(".")).sort().map((n) => path2.join(dir, n));
}
async function openGallery(dir, options = {}) {
  const files = await folderImages(dir);
  const { index } = await indexGallery(dir, files, options);
  const offered = index.entries.filter((e) => !e.gray).map((e) => e.file);
  const byName = new Map(offered.map((f) => [path2.basename(f), f]));
  return {
    dir,
    index,
    names: () => [...byName.keys()],
    file: (name) => {
      const f = byName.get(name);
      if (!f)
        throw new ColorizeError(`gallery: no colour image called ${JSON.stringify(name)}; the gallery has ${[...byName.keys()].join(", ") || "none"} (or give "auto")`, "usage");
      return f;
    },
    nearest: async (target, k = 1) => rankGallery(index, await galleryDescriptor(target), k)
  };
}

// dist/colorize.js
function isImage(x) {
  return typeof x === "object" && x !== null && "channels" in x && "width" in x;
}
async function decode(source, read) {
  if (isImage(source)) {
    const isGray = isNeutralGray(source, 1 / 255);
    return { image: source, isGray };
  }
  const d = await readImage(typeof source === "string" ? source : Buffer.from(source), read);
  return { image: d.image, isGray: d.isGray };
}
async function colorize(inputs, request, context = {}, read = {}) {
  const { method: name, ...raw } = request;
  const method = getMethod(name);
  const options = validateOptions(method, raw);
  const given = typeof inputs === "string" || inputs instanceof Uint8Array || isImage(inputs) ? { [method.inputs[0].name]: inputs } : inputs;
  for (const key of Object.keys(given))
    if (!method.inputs.some((i) => i.name === key))
      throw new ColorizeError(`"${key}" is not an input of ${method.name} (its inputs: ${method.inputs.map((i) => i.name).join(", ")})`, "usage");
  const problem = inputProblem(method, (n) => given[n] !== void 0);
  if (problem)
    throw new ColorizeError(problem, "usage");
  const out = { images: {}, texts: {} };
  for (const spec of method.inputs) {
    const v = given[spec.name];
    if (v === void 0 || spec.kind === "gallery")
      continue;
    if (spec.kind === "json")
      out.texts[spec.name] = typeof v === "string" ? v : JSON.stringify(v);
    else
      out.images[spec.name] = await decode(v, read);
  }
  const gallery = given.gallery;
  if (gallery !== void 0) {
    if (typeof gallery !== "string")
      throw new ColorizeError("gallery: give the path of a folder", "usage");
    const target = out.images.target ?? out.images.gray;
    if (!target)
      throw new ColorizeError("gallery: the method has no target to match", "usage");
    const [best] = await (await openGallery(gallery)).nearest(target.image);
    context.notice?.(`reference: ${best.file} (nearest gallery image, distance ${best.distance.toFixed(1)})`);
    out.images.reference = await decode(best.file, read);
  }
  if (context.signal?.aborted)
    throw new ColorizeError("cancelled (before it started)", "usage");
  return method.run(out, options, cancellable(context));
}

// dist/flow/warp.js
function warpPlanes(planes, flow) {
  const { width, height, u, v } = flow;
  const outs = planes.map(() => new Float32Array(width * height));
  const k = planes.length;
  const xMax = width - 2 < 0 ? 0 : width - 2;
  const yMax = height - 2 < 0 ? 0 : height - 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let fx = x + u[i];
      let fy = y + v[i];
      fx = fx < 0 ? 0 : fx > width - 1 ? width - 1 : fx;
      fy = fy < 0 ? 0 : fy > height - 1 ? height - 1 : fy;
      const x0 = Math.min(Math.floor(fx), xMax);
      const y0 = Math.min(Math.floor(fy), yMax);
      const x1 = Math.min(x0 + 1, width - 1);
      const y1 = Math.min(y0 + 1, height - 1);
      const ax = fx - x0;
      const ay = fy - y0;
      const i00 = y0 * width + x0;
      const i01 = y0 * width + x1;
      const i10 = y1 * width + x0;
      const i11 = y1 * width + x1;
      for (let c = 0; c < k; c++) {
        const p = planes[c];
        const top = p[i00] * (1 - ax) + p[i01] * ax;
        const bot = p[i10] * (1 - ax) + p[i11] * ax;
        outs[c][i] = top * (1 - ay) + bot * ay;
      }
    }
  }
  return outs;
}
function flowConsistency(flow, back, photometric) {
  const { width, height, u, v } = flow;
  const [bu, bv, warped = null] = warpPlanes(photometric ? [back.u, back.v, photometric.to] : [back.u, back.v], flow);
  const from = photometric?.from;
  const tol = photometric?.tolerance ?? Infinity;
  const ok = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const tx = x + u[i];
      const ty = y + v[i];
      if (tx < 0 || ty < 0 || tx > width - 1 || ty > height - 1)
        continue;
      const du = u[i] + bu[i];
      const dv = v[i] + bv[i];
      const lim = 0.01 * (u[i] * u[i] + v[i] * v[i] + bu[i] * bu[i] + bv[i] * bv[i]) + 0.5;
      ok[i] = du * du + dv * dv <= lim && (!warped || Math.abs(from[i] - warped[i]) <= tol) ? 1 : 0;
    }
  }
  return ok;
}

// dist/flow/farneback.js
var FARNEBACK_DEFAULTS = {
  pyrScale: 0.5,
  levels: 4,
  winSize: 15,
  iterations: 3,
  polyN: 5,
  polySigma: 1.1,
  unitRange: true
};
var MIN_SIZE = 32;
function prepareGaussian(n, sigma) {
  const g = new Float64Array(2 * n + 1);
  let s = 0;
  for (let x = -n; x <= n; x++) {
    g[x + n] = Math.exp(-x * x / (2 * sigma * sigma));
    s += g[x + n];
  }
  const xg = new Float64Array(2 * n + 1);
  const xxg = new Float64Array(2 * n + 1);
  for (let x = -n; x <= n; x++) {
    g[x + n] /= s;
    xg[x + n] = x * g[x + n];
    xxg[x + n] = x * x * g[x + n];
  }
  let m0 = 0;
  let m2 = 0;
  let m4 = 0;
  let m22 = 0;
  for (let y = -n; y <= n; y++) {
    for (let x = -n; x <= n; x++) {
      const w = g[y + n] * g[x + n];
      m0 += w;
      m2 += w * x * x;
      m4 += w * x ** 4;
      m22 += w * x * x * y * y;
    }
  }
  const a = m0;
  const b = m2;
  const c = m4;
  const d = m22;
  const det2 = a * (c + d) - 2 * b * b;
  const q = -b / det2;
  const rPlusT = a / det2;
  const rMinusT = 1 / (c - d);
  return {
    g,
    xg,
    xxg,
    ig11: 1 / m2,
    ig03: q,
    ig33: (rPlusT + rMinusT) / 2,
    ig55: 1 / m22
  };
}
function polyExpansion(src, width, height, n, sigma) {
  const { g, xg, xxg, ig11, ig03, ig33, ig55 } = prepareGaussian(n, sigma);
  const dst = new Float32Array(width * height * 5);
  const row = new Float64Array((width + 2 * n) * 3);
  const o = n * 3;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      row[o + x * 3] = src[base + x] * g[n];
      row[o + x * 3 + 1] = 0;
      row[o + x * 3 + 2] = 0;
    }
    for (let k = 1; k <= n; k++) {
      const g0 = g[n + k];
      const g1 = xg[n + k];
      const g2 = xxg[n + k];
      const r0 = Math.max(y - k, 0) * width;
      const r1 = Math.min(y + k, height - 1) * width;
      for (let x = 0; x < width; x++) {
        const a = src[r0 + x];
        const b = src[r1 + x];
        const p = a + b;
        row[o + x * 3] += g0 * p;
        row[o + x * 3 + 1] += g1 * (b - a);
        row[o + x * 3 + 2] += g2 * p;
      }
    }
    for (let x = 0; x < n; x++) {
      for (let c = 0; c < 3; c++) {
        row[o - (x + 1) * 3 + c] = row[o + c];
        row[o + (width + x) * 3 + c] = row[o + (width - 1) * 3 + c];
      }
    }
    for (let x = 0; x < width; x++) {
      const cx = o + x * 3;
      let b1 = row[cx] * g[n];
      let b2 = 0;
      let b3 = row[cx + 1] * g[n];
      let b4 = 0;
      let b5 = row[cx + 2] * g[n];
      let b6 = 0;
      for (let k = 1; k <= n; k++) {
        const ip = cx + k * 3;
        const im = cx - k * 3;
        const g0 = g[n + k];
        const tg = row[ip] + row[im];
        b1 += tg * g0;
        b4 += tg * xxg[n + k];
        b2 += (row[ip] - row[im]) * xg[n + k];
        b3 += (row[ip + 1] + row[im + 1]) * g0;
        b6 += (row[ip + 1] - row[im + 1]) * xg[n + k];
        b5 += (row[ip + 2] + row[im + 2]) * g0;
      }
      const d = (base + x) * 5;
      dst[d] = b3 * ig11;
      dst[d + 1] = b2 * ig11;
      dst[d + 2] = b1 * ig03 + b5 * ig33;
      dst[d + 3] = b1 * ig03 + b4 * ig33;
      dst[d + 4] = b6 * ig55;
    }
  }
  return dst;
}
var BORDER = [0.14, 0.14, 0.4472, 0.4472, 0.4472];
function updateMatrices(R0, R1, u, v, width, height, M) {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const dx = u[i];
      const dy = v[i];
      let fx = x + dx;
      let fy = y + dy;
      const x1 = Math.floor(fx);
      const y1 = Math.floor(fy);
      const p0 = i * 5;
      let r2;
      let r3;
      let r4;
      let r5;
      let r6;
      if (x1 >= 0 && x1 < width - 1 && y1 >= 0 && y1 < height - 1) {
        fx -= x1;
        fy -= y1;
        const a00 = (1 - fx) * (1 - fy);
        const a01 = fx * (1 - fy);
        const a10 = (1 - fx) * fy;
        const a11 = fx * fy;
        const q = (y1 * width + x1) * 5;
        const q1 = q + width * 5;
        r2 = a00 * R1[q] + a01 * R1[q + 5] + a10 * R1[q1] + a11 * R1[q1 + 5];
        r3 = a00 * R1[q + 1] + a01 * R1[q + 6] + a10 * R1[q1 + 1] + a11 * R1[q1 + 6];
        r4 = a00 * R1[q + 2] + a01 * R1[q + 7] + a10 * R1[q1 + 2] + a11 * R1[q1 + 7];
        r5 = a00 * R1[q + 3] + a01 * R1[q + 8] + a10 * R1[q1 + 3] + a11 * R1[q1 + 8];
        r6 = a00 * R1[q + 4] + a01 * R1[q + 9] + a10 * R1[q1 + 4] + a11 * R1[q1 + 9];
        r4 = (R0[p0 + 2] + r4) * 0.5;
        r5 = (R0[p0 + 3] + r5) * 0.5;
        r6 = (R0[p0 + 4] + r6) * 0.25;
      } else {
        r2 = 0;
        r3 = 0;
        r4 = R0[p0 + 2];
        r5 = R0[p0 + 3];
        r6 = R0[p0 + 4] * 0.5;
      }
      r2 = (R0[p0] - r2) * 0.5;
      r3 = (R0[p0 + 1] - r3) * 0.5;
      r2 += r4 * dy + r6 * dx;
      r3 += r6 * dy + r5 * dx;
      if (x < 5 || x >= width - 5 || y < 5 || y >= height - 5) {
        const s = (x < 5 ? BORDER[x] : 1) * (x >= width - 5 ? BORDER[width - x - 1] : 1) * (y < 5 ? BORDER[y] : 1) * (y >= height - 5 ? BORDER[height - y - 1] : 1);
        r2 *= s;
        r3 *= s;
        r4 *= s;
        r5 *= s;
        r6 *= s;
      }
      M[p0] = r4 * r4 + r6 * r6;
      M[p0 + 1] = (r4 + r5) * r6;
      M[p0 + 2] = r5 * r5 + r6 * r6;
      M[p0 + 3] = r4 * r2 + r6 * r3;
      M[p0 + 4] = r6 * r2 + r5 * r3;
    }
  }
}
function solveFlow(M, width, height, blockSize, u, v, vsum) {
  const m = blockSize >> 1;
  const scale = 1 / (blockSize * blockSize);
  const W5 = width * 5;
  const pad = (m + 1) * 5;
  vsum.fill(0);
  for (let x = 0; x < W5; x++)
    vsum[pad + x] = M[x] * (m + 2);
  for (let y = 1; y < m; y++) {
    const r = Math.min(y, height - 1) * W5;
    for (let x = 0; x < W5; x++)
      vsum[pad + x] += M[r + x];
  }
  for (let y = 0; y < height; y++) {
    const r0 = Math.max(y - m - 1, 0) * W5;
    const r1 = Math.min(y + m, height - 1) * W5;
    for (let x = 0; x < W5; x++)
      vsum[pad + x] += M[r1 + x] - M[r0 + x];
    for (let x = 0; x < pad; x++) {
      vsum[pad - 1 - x] = vsum[pad + 4 - x];
      vsum[pad + W5 + x] = vsum[pad + W5 + x - 5];
    }
    let g11 = vsum[pad] * (m + 2);
    let g12 = vsum[pad + 1] * (m + 2);
    let g22 = vsum[pad + 2] * (m + 2);
    let h1 = vsum[pad + 3] * (m + 2);
    let h2 = vsum[pad + 4] * (m + 2);
    for (let x = 1; x < m; x++) {
      g11 += vsum[pad + x * 5];
      g12 += vsum[pad + x * 5 + 1];
      g22 += vsum[pad + x * 5 + 2];
      h1 += vsum[pad + x * 5 + 3];
      h2 += vsum[pad + x * 5 + 4];
    }
    const out = y * width;
    for (let x = 0; x < width; x++) {
      const add = pad + (x + m) * 5;
      const sub = pad + (x - m) * 5 - 5;
      g11 += vsum[add] - vsum[sub];
      g12 += vsum[add + 1] - vsum[sub + 1];
      g22 += vsum[add + 2] - vsum[sub + 2];
      h1 += vsum[add + 3] - vsum[sub + 3];
      h2 += vsum[add + 4] - vsum[sub + 4];
      const a = g11 * scale;
      const b = g12 * scale;
      const c = g22 * scale;
      const e = h1 * scale;
      const f = h2 * scale;
      const idet = 1 / (a * c - b * b + 1e-3);
      u[out + x] = (a * f - b * e) * idet;
      v[out + x] = (c * e - b * f) * idet;
    }
  }
}
function smoothingKernel(size, sigma) {
  const k = new Float64Array(size);
  if (sigma <= 0 && size === 3) {
    k.set([0.25, 0.5, 0.25]);
    return k;
  }
  const s = sigma > 0 ? sigma : 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
  let sum = 0;
  const h = (size - 1) / 2;
  for (let i = 0; i < size; i++) {
    k[i] = Math.exp(-((i - h) ** 2) / (2 * s * s));
    sum += k[i];
  }
  for (let i = 0; i < size; i++)
    k[i] /= sum;
  return k;
}
function reflect101(i, n) {
  if (n === 1)
    return 0;
  while (i < 0 || i >= n) {
    if (i < 0)
      i = -i;
    if (i >= n)
      i = 2 * n - 2 - i;
  }
  return i;
}
function blurPlane(src, width, height, k) {
  const r = k.length - 1 >> 1;
  const tmp = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  const xs = new Int32Array(width + 2 * r);
  for (let i = 0; i < xs.length; i++)
    xs[i] = reflect101(i - r, width);
  const ys = new Int32Array(height + 2 * r);
  for (let i = 0; i < ys.length; i++)
    ys[i] = reflect101(i - r, height) * width;
  const line = new Float32Array(width + 2 * r);
  for (let y = 0; y < height; y++) {
    const b = y * width;
    for (let i = 0; i < line.length; i++)
      line[i] = src[b + xs[i]];
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++)
        s += k[j] * line[x + j];
      tmp[b + x] = s;
    }
  }
  const acc = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    for (let j = 0; j < k.length; j++) {
      const row = ys[y + j];
      const kj = k[j];
      for (let x = 0; x < width; x++)
        acc[x] += kj * tmp[row + x];
    }
    const b = y * width;
    for (let x = 0; x < width; x++)
      out[b + x] = acc[x];
  }
  return out;
}
function resizeBilinear(src, width, height, outWidth, outHeight) {
  const out = new Float32Array(outWidth * outHeight);
  const sx = width / outWidth;
  const sy = height / outHeight;
  const xi = new Int32Array(outWidth);
  const xf = new Float32Array(outWidth);
  for (let x = 0; x < outWidth; x++) {
    let fx = (x + 0.5) * sx - 0.5;
    if (fx < 0)
      fx = 0;
    let x0 = Math.floor(fx);
    if (x0 >= width - 1) {
      x0 = width - 1;
      fx = x0;
    }
    xi[x] = x0;
    xf[x] = fx - x0;
  }
  for (let y = 0; y < outHeight; y++) {
    let fy = (y + 0.5) * sy - 0.5;
    if (fy < 0)
      fy = 0;
    let y0 = Math.floor(fy);
    if (y0 >= height - 1) {
      y0 = height - 1;
      fy = y0;
    }
    const wy = fy - y0;
    const r0 = y0 * width;
    const r1 = Math.min(y0 + 1, height - 1) * width;
    for (let x = 0; x < outWidth; x++) {
      const x0 = xi[x];
      const x1 = Math.min(x0 + 1, width - 1);
      const wx = xf[x];
      const top = src[r0 + x0] * (1 - wx) + src[r0 + x1] * wx;
      const bot = src[r1 + x0] * (1 - wx) + src[r1 + x1] * wx;
      out[y * outWidth + x] = top * (1 - wy) + bot * wy;
    }
  }
  return out;
}
function checkOptions(o) {
  checkNumber("pyrScale", o.pyrScale, 0.1, 0.9);
  checkInteger("levels", o.levels, 0, 20);
  checkInteger("winSize", o.winSize, 3, 101);
  checkInteger("iterations", o.iterations, 1, 50);
  checkInteger("polyN", o.polyN, 2, 9);
  checkNumber("polySigma", o.polySigma, 0.3, 5);
}
function flowPyramid(plane, width, height, options = {}) {
  const o = { ...FARNEBACK_DEFAULTS, ...options };
  checkOptions(o);
  if (plane.length !== width * height)
    throw new RangeError(`flow: the plane must have ${width}\xD7${height} samples`);
  const f = o.unitRange ? plane.map((p) => p * 255) : plane;
  let count = 0;
  let scale = 1;
  for (; count < o.levels; count++) {
    scale *= o.pyrScale;
    if (width * scale < MIN_SIZE || height * scale < MIN_SIZE)
      break;
  }
  const levels = [];
  for (let k = 0; k <= count; k++) {
    const s = o.pyrScale ** k;
    const sigma = (1 / s - 1) * 0.5;
    const smooth = Math.max(Math.round(sigma * 5) | 1, 3);
    const w = Math.round(width * s);
    const h = Math.round(height * s);
    const I = resizeBilinear(blurPlane(f, width, height, smoothingKernel(smooth, sigma)), width, height, w, h);
    levels.push({ w, h, R: polyExpansion(I, w, h, o.polyN, o.polySigma) });
  }
  return { width, height, levels };
}
function flowBetween(p0, p1, options = {}) {
  const o = { ...FARNEBACK_DEFAULTS, ...options };
  if (p0.width !== p1.width || p0.height !== p1.height || p0.levels.length !== p1.levels.length)
    throw new RangeError("flow: both frames must have the same size and pyramid");
  let u = null;
  let v = null;
  let pw = 0;
  let ph = 0;
  for (let k = p0.levels.length - 1; k >= 0; k--) {
    const { w, h, R: R0 } = p0.levels[k];
    const R1 = p1.levels[k].R;
    if (u && v) {
      u = resizeBilinear(u, pw, ph, w, h);
      v = resizeBilinear(v, pw, ph, w, h);
      const inv = 1 / o.pyrScale;
      for (let i = 0; i < w * h; i++) {
        u[i] *= inv;
        v[i] *= inv;
      }
    } else {
      u = new Float32Array(w * h);
      v = new Float32Array(w * h);
    }
    const M = new Float32Array(w * h * 5);
    const vsum = new Float64Array((w + 2 * ((o.winSize >> 1) + 1)) * 5);
    updateMatrices(R0, R1, u, v, w, h, M);
    for (let it = 0; it < o.iterations; it++) {
      solveFlow(M, w, h, o.winSize, u, v, vsum);
      if (it < o.iterations - 1)
        updateMatrices(R0, R1, u, v, w, h, M);
    }
    pw = w;
    ph = h;
  }
  return { width: p0.width, height: p0.height, u, v };
}

// dist/flow/fill.js
function boxMean(src, width, height, r) {
  const tmp = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let s = 0;
    let n = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x++) {
      s += src[row + x];
      n++;
    }
    for (let x = 0; x < width; x++) {
      tmp[row + x] = s / n;
      const add = x + r + 1;
      const drop = x - r;
      if (add < width) {
        s += src[row + add];
        n++;
      }
      if (drop >= 0) {
        s -= src[row + drop];
        n--;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let s = 0;
    let n = 0;
    for (let y = 0; y <= Math.min(r, height - 1); y++) {
      s += tmp[y * width + x];
      n++;
    }
    for (let y = 0; y < height; y++) {
      out[y * width + x] = s / n;
      const add = y + r + 1;
      const drop = y - r;
      if (add < height) {
        s += tmp[add * width + x];
        n++;
      }
      if (drop >= 0) {
        s -= tmp[drop * width + x];
        n--;
      }
    }
  }
  return out;
}
function textureConfidence(gray, width, height, radius = 3, textureScale = 0.03) {
  const g2 = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const ym = y > 0 ? y - 1 : y;
    const yp = y < height - 1 ? y + 1 : y;
    for (let x = 0; x < width; x++) {
      const xm = x > 0 ? x - 1 : x;
      const xp = x < width - 1 ? x + 1 : x;
      const gx = (gray[y * width + xp] - gray[y * width + xm]) / Math.max(1, xp - xm);
      const gy = (gray[yp * width + x] - gray[ym * width + x]) / Math.max(1, yp - ym);
      g2[y * width + x] = gx * gx + gy * gy;
    }
  }
  const e2 = boxMean(g2, width, height, radius);
  const s2 = textureScale * textureScale;
  const s8 = s2 ** 4;
  for (let i = 0; i < e2.length; i++) {
    const e8 = e2[i] ** 4;
    e2[i] = e8 / (e8 + s8);
  }
  return e2;
}
function fillTexturelessFlow(flow, gray, options = {}) {
  const { width, height, u, v } = flow;
  const n = width * height;
  const c = options.confidence ?? textureConfidence(gray, width, height, options.radius ?? 3, options.textureScale ?? 0.03);
  const side = Math.max(width, height);
  const near = options.nearRadius ?? Math.max(4, Math.round(side / 40));
  const far = options.farRadius ?? Math.max(8, Math.round(side / 8));
  const cu = new Float32Array(n);
  const cv = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    cu[i] = c[i] * u[i];
    cv[i] = c[i] * v[i];
  }
  const blur = (p, r) => boxMean(boxMean(p, width, height, r), width, height, r);
  const [cn, un, vn] = [c, cu, cv].map((p) => blur(p, near));
  const [cf, uf, vf] = [c, cu, cv].map((p) => blur(p, far));
  let sc = 0;
  let su = 0;
  let sv = 0;
  for (let i = 0; i < n; i++) {
    sc += c[i];
    su += cu[i];
    sv += cv[i];
  }
  const gu = sc > 1e-6 ? su / sc : 0;
  const gv = sc > 1e-6 ? sv / sc : 0;
  const ou = new Float32Array(n);
  const ov = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ci = c[i];
    const beta = Math.min(1, cn[i] / 0.3);
    const gamma = Math.min(1, cf[i] / 0.05);
    let fu = sc > 1e-6 ? gu : u[i];
    let fv = sc > 1e-6 ? gv : v[i];
    if (cf[i] > 1e-6) {
      fu = gamma * (uf[i] / cf[i]) + (1 - gamma) * fu;
      fv = gamma * (vf[i] / cf[i]) + (1 - gamma) * fv;
    }
    if (cn[i] > 1e-6) {
      fu = beta * (un[i] / cn[i]) + (1 - beta) * fu;
      fv = beta * (vn[i] / cn[i]) + (1 - beta) * fv;
    }
    ou[i] = ci * u[i] + (1 - ci) * fu;
    ov[i] = ci * v[i] + (1 - ci) * fv;
  }
  return { width, height, u: ou, v: ov };
}

// dist/video/temporal.js
var CUT_BINS = 64;
function lumaHistogram(gray) {
  const h = new Float64Array(CUT_BINS);
  for (let i = 0; i < gray.length; i++) {
    const b = Math.min(CUT_BINS - 1, Math.max(0, Math.floor(gray[i] * CUT_BINS)));
    h[b]++;
  }
  for (let b = 0; b < CUT_BINS; b++)
    h[b] /= gray.length;
  return h;
}
function histogramDistance(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++)
    s += Math.abs(a[i] - b[i]);
  return s / 2;
}
function pyramidOf(f, options) {
  f.pyramid ??= flowPyramid(f.gray, f.width, f.height, options);
  return f.pyramid;
}
function flowWorkingSize(width, height, maxSide) {
  const s = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(8, Math.round(width * s)), height: Math.max(8, Math.round(height * s)) };
}
function smallFrame(gray, width, height, maxSide) {
  const s = flowWorkingSize(width, height, maxSide);
  const g = s.width === width && s.height === height ? gray : resizePlane(gray, width, height, s.width, s.height, "area");
  return { ...s, gray: g };
}
function backwardFlow(cur, prev, width, height, options = {}) {
  const { width: w, height: h } = cur;
  const pc = pyramidOf(cur, options.farneback);
  const pp = pyramidOf(prev, options.farneback);
  let back = flowBetween(pc, pp, options.farneback);
  let fwd = flowBetween(pp, pc, options.farneback);
  if (options.fillTextureless !== false) {
    cur.texture ??= textureConfidence(cur.gray, w, h);
    prev.texture ??= textureConfidence(prev.gray, prev.width, prev.height);
    back = fillTexturelessFlow(back, cur.gray, { confidence: cur.texture });
    fwd = fillTexturelessFlow(fwd, prev.gray, { confidence: prev.texture });
  }
  const ok = flowConsistency(back, fwd, {
    from: cur.gray,
    to: prev.gray,
    tolerance: options.photoTolerance ?? 0.06
  });
  let count = 0;
  const okF = new Float32Array(w * h);
  for (let i = 0; i < ok.length; i++) {
    okF[i] = ok[i];
    count += ok[i];
  }
  const sx = width / w;
  const sy = height / h;
  const same = w === width && h === height;
  const u = same ? back.u : resizeBilinear(back.u, w, h, width, height);
  const v = same ? back.v : resizeBilinear(back.v, w, h, width, height);
  if (!same) {
    for (let i = 0; i < u.length; i++) {
      u[i] *= sx;
      v[i] *= sy;
    }
  }
  const reliability = same ? okF : resizeBilinear(okF, w, h, width, height);
  return { flow: { width, height, u, v }, reliability, reliableFraction: count / ok.length };
}
function temporalBlend(own, prev, flow, reliability, alpha) {
  const warped = warpPlanes(prev, flow);
  return own.map((o, c) => {
    const w = warped[c];
    const out = new Float32Array(o.length);
    for (let i = 0; i < o.length; i++)
      out[i] = o[i] + alpha * reliability[i] * (w[i] - o[i]);
    return out;
  });
}
function frameGray(img) {
  if (img.channels.length === 1)
    return img.channels[0];
  const [r, g, b] = img.channels;
  const out = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++)
    out[i] = 0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i];
  return out;
}

// dist/video/colorize-video.js
var VIDEO_DEFAULTS = {
  temporalWeight: 0.85,
  flowSize: 320,
  cutThreshold: 0.3,
  photoTolerance: 0.06,
  methodEvery: 1
};
function methodKind(m) {
  const names = m.inputs.map((i) => i.name);
  if (names.includes("reference"))
    return "reference";
  if (names.includes("strokes") || names.includes("mask"))
    return "strokes";
  return "automatic";
}
function latest(list, frame) {
  if (!list?.length)
    return void 0;
  let best;
  for (const k of list)
    if (k.frame <= frame && (!best || k.frame > best.frame))
      best = k;
  return best;
}
function isCut(d, recent, threshold) {
  if (d > threshold)
    return true;
  if (d <= threshold / 2 || recent.length < 2)
    return false;
  const sorted = [...recent].sort((a, b) => a - b);
  return d > 6 * sorted[sorted.length >> 1];
}
function abOf(rgb) {
  const lab = rgbImageToLab(rgb);
  return [lab.channels[1], lab.channels[2]];
}
function checkVideoOptions(options) {
  const method = getMethod(options.method);
  const kind = methodKind(method);
  const alpha = checkNumber("temporal-weight", options.temporalWeight ?? VIDEO_DEFAULTS.temporalWeight, 0, 0.99);
  const flowSize = checkInteger("flow-size", options.flowSize ?? VIDEO_DEFAULTS.flowSize, 32, 4096);
  const cutThreshold = checkNumber("cut-threshold", options.cutThreshold ?? VIDEO_DEFAULTS.cutThreshold, 0, 1);
  const photoTolerance = checkNumber("photo-tolerance", options.photoTolerance ?? VIDEO_DEFAULTS.photoTolerance, 0, 1);
  const every = checkInteger("method-every", options.methodEvery ?? VIDEO_DEFAULTS.methodEvery, 1, 1e3);
  if (kind === "reference" && !options.references?.length)
    throw new ColorizeError(`${method.name} needs a colour reference: give --reference (or --references)`, "usage");
  if (kind === "strokes" && !options.strokes?.length)
    throw new ColorizeError(`${method.name} needs strokes: give --strokes with keyframe strokes`, "usage");
  return { method, kind, alpha, flowSize, cutThreshold, photoTolerance, every };
}
async function colorizeFrames(frames, sink, options, events = {}, total) {
  const { method, kind, alpha, flowSize, cutThreshold, photoTolerance, every } = checkVideoOptions(options);
  const methodOptions = options.methodOptions ?? {};
  const start = performance.now();
  const stats = { frames: 0, coloured: 0, skipped: 0, cuts: [], meanReliable: 0, seconds: 0 };
  let reliableSum = 0;
  let reliableCount = 0;
  let prev = null;
  let shot = -1;
  let shotStart = 0;
  let width = 0;
  let height = 0;
  let warnedNoHint = -1;
  let index = 0;
  const recent = [];
  for await (const frame of frames) {
    if (index === 0) {
      width = frame.width;
      height = frame.height;
    } else if (frame.width !== width || frame.height !== height) {
      throw new ColorizeError(`frame ${index} is ${frame.width}\xD7${frame.height} but the first frame is ${width}\xD7${height}; all frames must be the same size`, "input");
    }
    const gray = frameGray(frame);
    const small = smallFrame(gray, width, height, flowSize);
    const hist = lumaHistogram(small.gray);
    const d = prev ? histogramDistance(prev.hist, hist) : 1;
    const cut = !prev || prev.index !== index - 1 || isCut(d, recent, cutThreshold);
    if (cut)
      recent.length = 0;
    else {
      recent.push(d);
      if (recent.length > 8)
        recent.shift();
    }
    if (cut) {
      shot++;
      shotStart = index;
      stats.cuts.push(index);
    }
    if (await sink.has(index)) {
      stats.skipped++;
      prev = { index, small, ab: "finished", own: null, shot, hist };
    } else {
      if (prev && !cut && prev.ab === "finished") {
        const back = await sink.read(prev.index);
        if (back.width !== width || back.height !== height)
          throw new ColorizeError(`the finished frame ${prev.index} in the output has another size; remove it`, "input");
        prev.ab = abOf(back.channels.length === 3 ? back : fromPlanes(width, height, [back.channels[0], back.channels[0], back.channels[0]]));
      }
      const carry = prev && !cut && Array.isArray(prev.ab) ? prev : null;
      const grayImage = fromPlanes(width, height, [gray]);
      let ab = null;
      let own = null;
      const flow = carry ? backwardFlow(small, carry.small, width, height, { farneback: options.farneback, photoTolerance }) : null;
      if (flow) {
        reliableSum += flow.reliableFraction;
        reliableCount++;
      }
      const runMethod = !carry || (index - shotStart) % every === 0 || !carry.own;
      if (kind === "strokes") {
        const key = options.strokes?.find((k) => k.frame === index);
        if (key) {
          own = abOf((await colorize({ gray: grayImage, strokes: key.value }, { method: method.name, ...methodOptions })).rgb);
          if (carry && flow)
            ab = temporalBlend(own, carry.ab, flow.flow, flow.reliability, alpha);
          else
            ab = own;
        } else if (carry && flow) {
          const warped = warpPlanes(carry.ab, flow.flow);
          ab = warped;
          const { width: sw, height: sh } = small;
          const rel = resizePlane(flow.reliability, width, height, sw, sh, "area");
          const mask = createImage(sw, sh, 1);
          let strokes = 0;
          for (let i = 0; i < sw * sh; i++)
            if (rel[i] >= 0.999) {
              mask.channels[0][i] = 1;
              strokes++;
            }
          if (strokes > 0 && strokes < sw * sh) {
            const grayS = fromPlanes(sw, sh, [small.gray]);
            const abS = warped.map((p) => resizePlane(p, width, height, sw, sh, "area"));
            const colours = finish({ original: grayS, chroma: fromPlanes(sw, sh, abS), space: "lab" }, { upsample: "bilinear" });
            const solved = abOf((await colorize({ gray: grayS, mask, colors: colours }, { method: method.name, ...methodOptions })).rgb).map((p) => resizePlane(p, sw, sh, width, height, "bilinear"));
            const r = flow.reliability;
            ab = warped.map((w, c) => {
              const out = new Float32Array(w.length);
              for (let i = 0; i < w.length; i++)
                out[i] = r[i] * w[i] + (1 - r[i]) * solved[c][i];
              return out;
            });
          }
        }
      } else if (runMethod) {
        const inputs = { [method.inputs[0].name]: grayImage };
        if (kind === "reference") {
          const ref = latest(options.references, index) ?? options.references[0];
          inputs.reference = ref.value;
        }
        own = abOf((await colorize(inputs, { method: method.name, ...methodOptions })).rgb);
        ab = carry && flow ? temporalBlend(own, carry.ab, flow.flow, flow.reliability, alpha) : own;
      } else if (carry && flow) {
        own = warpPlanes(carry.own, flow.flow);
        ab = temporalBlend(own, carry.ab, flow.flow, flow.reliability, alpha);
      }
      let rgb;
      if (ab) {
        rgb = finish({ original: grayImage, chroma: fromPlanes(width, height, ab), space: "lab" }, { upsample: "bilinear" });
      } else {
        if (warnedNoHint !== shot) {
          events.notice?.(`frames from ${index} have no strokes in their shot (it starts at frame ${shotStart}); they stay gray`);
          warnedNoHint = shot;
        }
        rgb = fromPlanes(width, height, [gray, gray, gray]);
      }
      await sink.write(index, rgb);
      stats.coloured++;
      prev = { index, small, ab: ab ?? "none", own: own ?? (carry ? carry.own : null), shot, hist };
    }
    index++;
    stats.frames = index;
    const secs = (performance.now() - start) / 1e3;
    events.progress?.(index, total, stats.coloured / Math.max(secs, 1e-6));
  }
  if (index === 0)
    throw new ColorizeError("the input has no frames", "input");
  stats.meanReliable = reliableCount ? reliableSum / reliableCount : 0;
  stats.seconds = (performance.now() - start) / 1e3;
  return stats;
}

// dist/video/keyframes.js
function frameNumber(key, file) {
  const n = Number(key);
  if (!Number.isInteger(n) || n < 0)
    throw new ColorizeError(`${file}: keyframe ${JSON.stringify(key)} is not a frame number (0, 1, \u2026)`, "input", file);
  return n;
}
function parseStrokeKeyframes(json, file) {
  const list = Array.isArray(json) ? json : json && typeof json === "object" && Array.isArray(json.keyframes) ? json.keyframes : [json];
  return list.map((k) => {
    if (!k || typeof k !== "object" || !Array.isArray(k.strokes))
      throw new ColorizeError(`${file}: each keyframe needs "frame" and "strokes" (the studio's stroke JSON)`, "input", file);
    const { frame, ...rest } = k;
    return { frame: frameNumber(frame ?? 0, file), value: JSON.stringify(rest) };
  });
}

// dist/video/ffmpeg.js
import { spawn, spawnSync } from "node:child_process";
var INSTALL_HINT = "install it with `bash scripts/setup-ffmpeg.sh` (Debian: apt-get install -y ffmpeg)";
function requireFfmpeg() {
  for (const tool of ["ffmpeg", "ffprobe"]) {
    const r = spawnSync(tool, ["-version"], { stdio: "ignore" });
    if (r.error || r.status !== 0)
      throw new ColorizeError(`${tool} was not found: video files need it; ${INSTALL_HINT}`, "input");
  }
}
function hasH264Encoder() {
  const r = spawnSync("ffmpeg", ["-hide_banner", "-encoders"], { encoding: "utf8" });
  return !r.error && /\blibx264\b/.test(r.stdout ?? "");
}
function parseRate(rate) {
  const [a, b] = rate.split("/").map(Number);
  return b ? a / b : a;
}
var PROBE_ARGS = ["-v", "error", "-print_format", "json", "-show_streams", "-show_format"];
function probeVideo(file) {
  requireFfmpeg();
  const r = spawnSync("ffprobe", [...PROBE_ARGS, file], { encoding: "utf8", maxBuffer: 16 << 20 });
  return parseProbe(file, r.status, r.stdout, r.stderr);
}
function probeVideoAsync(file) {
  return new Promise((resolve, reject) => {
    const child = spawn("ffprobe", [...PROBE_ARGS, file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d.toString();
    });
    child.stderr.on("data", (d) => {
      err = (err + d.toString()).slice(-4e3);
    });
    child.on("error", () => reject(new ColorizeError(`ffprobe was not found: video files need it; ${INSTALL_HINT}`, "input")));
    child.on("close", (code) => {
      try {
        resolve(parseProbe(file, code, out, err));
      } catch (e) {
        reject(e);
      }
    });
  });
}
function parseProbe(file, status, stdout, stderr) {
  if (status !== 0)
    throw new ColorizeError(`cannot read ${file} as a video: ${(stderr || "").trim().split("\n").pop() || "ffprobe failed"}`, "input");
  const j = JSON.parse(stdout);
  const v = j.streams.find((s) => s.codec_type === "video");
  if (!v?.width || !v.height)
    throw new ColorizeError(`${file} has no video stream`, "input");
  const frameRate = v.avg_frame_rate && v.avg_frame_rate !== "0/0" ? v.avg_frame_rate : v.r_frame_rate ?? "25/1";
  const fps = parseRate(frameRate);
  const duration = Number(v.duration ?? j.format?.duration ?? 0);
  const frames = Number(v.nb_frames ?? 0) || Math.round(duration * fps) || 0;
  return {
    width: v.width,
    height: v.height,
    frameRate,
    fps,
    frames,
    codec: v.codec_name,
    hasAudio: j.streams.some((s) => s.codec_type === "audio"),
    container: j.format?.format_name ?? ""
  };
}
function isStillImage(info) {
  return /(^|,)(image2|[a-z0-9]+_pipe)(,|$)/.test(info.container);
}
async function* decodeVideo(file, info = probeVideo(file)) {
  const { width, height } = info;
  const frameBytes = width * height * 3;
  const child = spawn("ffmpeg", ["-v", "error", "-nostdin", "-i", file, "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d.toString()).slice(-2e3);
  });
  const exited = new Promise((resolve) => child.on("close", (code2) => resolve(code2 ?? 1)));
  const buf = Buffer.alloc(frameBytes);
  let fill = 0;
  let finished = false;
  try {
    for await (const chunk of child.stdout) {
      let off = 0;
      while (off < chunk.length) {
        const n = Math.min(chunk.length - off, frameBytes - fill);
        chunk.copy(buf, fill, off, off + n);
        fill += n;
        off += n;
        if (fill === frameBytes) {
          fill = 0;
          yield rgb24ToImage(buf, width, height);
        }
      }
    }
    finished = true;
  } finally {
    if (!finished)
      child.kill("SIGTERM");
  }
  const code = await exited;
  if (code !== 0)
    throw new ColorizeError(`ffmpeg could not decode ${file}: ${stderr.trim()}`, "input");
}
function rgb24ToImage(buf, width, height) {
  const n = width * height;
  const r = new Float32Array(n);
  const g = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    r[i] = buf[j] / 255;
    g[i] = buf[j + 1] / 255;
    b[i] = buf[j + 2] / 255;
  }
  return fromPlanes(width, height, [r, g, b]);
}
async function encodeFrames(folder, out, options) {
  requireFfmpeg();
  const h264 = hasH264Encoder();
  const args = [
    "-y",
    "-v",
    "error",
    "-nostdin",
    "-framerate",
    options.frameRate,
    "-i",
    `${folder}/frame_%05d.png`
  ];
  if (options.audioFrom)
    args.push("-i", options.audioFrom, "-map", "0:v:0", "-map", "1:a?", "-c:a", "copy");
  args.push(...h264 ? ["-c:v", "libx264", "-crf", String(options.crf ?? 18), "-preset", "medium"] : ["-c:v", "mpeg4", "-q:v", "2"], "-pix_fmt", "yuv420p", "-r", options.frameRate, "-shortest", out);
  await runFfmpeg(args, `could not encode ${out}`);
  return h264 ? "h264" : "mpeg4";
}
function runFfmpeg(args, what) {
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr = (stderr + d.toString()).slice(-2e3);
    });
    child.on("error", (e) => reject(new ColorizeError(`${what}: ${e.message}; ${INSTALL_HINT}`, "input")));
    child.on("close", (code) => code === 0 ? resolve() : reject(new ColorizeError(`${what}: ffmpeg: ${stderr.trim()}`, "input")));
  });
}

export {
  openGallery,
  colorize,
  VIDEO_DEFAULTS,
  checkVideoOptions,
  colorizeFrames,
  probeVideo,
  probeVideoAsync,
  isStillImage,
  decodeVideo,
  encodeFrames,
  frameNumber,
  parseStrokeKeyframes
};
