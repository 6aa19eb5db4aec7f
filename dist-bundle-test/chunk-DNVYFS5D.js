import {
  D65_WHITE,
  XYZ_TO_RGB,
  invert3,
  labImageToRgb,
  lightnessOf,
  resizePlane
} from "./chunk-C7DXZTIV.js";
import {
  ColorizeError,
  checkChoice,
  checkInteger,
  checkNumber,
  invalidOption
} from "./chunk-QUYJNQPH.js";

// dist/color/linear-spaces.js
var RGB_TO_YUV = [
  0.299,
  0.587,
  0.114,
  -0.1687,
  -0.3313,
  0.5,
  0.5,
  -0.4187,
  -0.0813
];
var YUV_TO_RGB = invert3(RGB_TO_YUV);
var YUV_REPORT_OFFSET = 128 / 255;
var RGB_TO_YIQ = [
  0.299,
  0.587,
  0.114,
  0.596,
  -0.274,
  -0.322,
  0.211,
  -0.523,
  0.312
];
var YIQ_TO_RGB = invert3(RGB_TO_YIQ);
var RGB_TO_YUV601 = (() => {
  const ku = 0.436 / (1 - 0.114);
  const kv = 0.615 / (1 - 0.299);
  const y = [0.299, 0.587, 0.114];
  return [...y, -ku * y[0], -ku * y[1], ku * (1 - y[2]), kv * (1 - y[0]), -kv * y[1], -kv * y[2]];
})();
var YUV601_TO_RGB = invert3(RGB_TO_YUV601);
function forwardMatrix(space) {
  return space === "yuv" ? RGB_TO_YUV : space === "yuv601" ? RGB_TO_YUV601 : RGB_TO_YIQ;
}
function inverseMatrix(space) {
  return space === "yuv" ? YUV_TO_RGB : space === "yuv601" ? YUV601_TO_RGB : YIQ_TO_RGB;
}
function applyMatrix(img, m) {
  const n = img.width * img.height;
  const [A, B, C] = img.channels;
  const X = new Float32Array(n);
  const Y = new Float32Array(n);
  const Z = new Float32Array(n);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = m;
  for (let i = 0; i < n; i++) {
    const a = A[i];
    const b = B[i];
    const c = C[i];
    X[i] = m0 * a + m1 * b + m2 * c;
    Y[i] = m3 * a + m4 * b + m5 * c;
    Z[i] = m6 * a + m7 * b + m8 * c;
  }
  return { width: img.width, height: img.height, channels: [X, Y, Z] };
}
function rgbToLumaChroma(img, space) {
  return applyMatrix(img, forwardMatrix(space));
}
function lumaChromaToRgb(img, space) {
  return applyMatrix(img, inverseMatrix(space));
}
function lumaOf(img) {
  if (img.channels.length === 1)
    return img.channels[0];
  const [R, G, B] = img.channels;
  const out = new Float32Array(R.length);
  for (let i = 0; i < R.length; i++)
    out[i] = 0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i];
  return out;
}

// dist/color/gamut.js
var EPS = 216 / 24389;
var KAPPA = 24389 / 27;
var [XN, YN, ZN] = D65_WHITE;
var LIN_TOL = 1e-7;
function fInv(t) {
  const t3 = t * t * t;
  return t3 > EPS ? t3 : (116 * t - 16) / KAPPA;
}
function labInGamut(L, a, b) {
  const fy = (L + 16) / 116;
  const x = XN * fInv(fy + a / 500);
  const y = YN * fInv(fy);
  const z = ZN * fInv(fy - b / 200);
  const m = XYZ_TO_RGB;
  const r = m[0] * x + m[1] * y + m[2] * z;
  const g = m[3] * x + m[4] * y + m[5] * z;
  const bl = m[6] * x + m[7] * y + m[8] * z;
  return r >= -LIN_TOL && r <= 1 + LIN_TOL && g >= -LIN_TOL && g <= 1 + LIN_TOL && bl >= -LIN_TOL && bl <= 1 + LIN_TOL;
}
function labChromaScale(L, a, b, iterations = 20) {
  if (labInGamut(L, a, b))
    return 1;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < iterations; k++) {
    const mid = 0.5 * (lo + hi);
    if (labInGamut(L, mid * a, mid * b))
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}
function clampLabGamut(L, a, b) {
  let moved = 0;
  for (let i = 0; i < L.length; i++) {
    let l = L[i];
    if (l < 0)
      l = L[i] = 0;
    else if (l > 100)
      l = L[i] = 100;
    const s = labChromaScale(l, a[i], b[i]);
    if (s < 1) {
      a[i] *= s;
      b[i] *= s;
      moved++;
    }
  }
  return moved;
}
function clampLinearGamut(Y, c1, c2, space) {
  const m = inverseMatrix(space);
  let moved = 0;
  for (let i = 0; i < Y.length; i++) {
    let y = Y[i];
    if (y < 0)
      y = Y[i] = 0;
    else if (y > 1)
      y = Y[i] = 1;
    const u = c1[i];
    const v = c2[i];
    let s = 1;
    for (let k = 0; k < 3; k++) {
      const d = m[3 * k + 1] * u + m[3 * k + 2] * v;
      if (y + d > 1)
        s = Math.min(s, (1 - y) / d);
      else if (y + d < 0)
        s = Math.min(s, -y / d);
    }
    if (s < 1) {
      c1[i] = u * s;
      c2[i] = v * s;
      moved++;
    }
  }
  return moved;
}
function matchLuma(rgb, luma) {
  const [R, G, B] = rgb.channels;
  for (let i = 0; i < R.length; i++) {
    const t = luma[i] < 0 ? 0 : luma[i] > 1 ? 1 : luma[i];
    const y = 0.299 * R[i] + 0.587 * G[i] + 0.114 * B[i];
    const cr = R[i] - y;
    const cg = G[i] - y;
    const cb = B[i] - y;
    const s = Math.min(chromaBound(t, cr), chromaBound(t, cg), chromaBound(t, cb));
    R[i] = t + s * cr;
    G[i] = t + s * cg;
    B[i] = t + s * cb;
  }
}
function chromaBound(t, c) {
  if (t + c > 1)
    return (1 - t) / c;
  if (t + c < 0)
    return -t / c;
  return 1;
}

// dist/filters/bilateral.js
function params(o) {
  return {
    ss: checkNumber("sigmaSpatial", o.sigmaSpatial ?? 8, 1e-6),
    sr: checkNumber("sigmaRange", o.sigmaRange ?? 0.1, 1e-6)
  };
}
function jointBilateralGrid(guide, values, width, height, options = {}) {
  const { ss, sr } = params(options);
  let gmin = Infinity;
  let gmax = -Infinity;
  for (let i = 0; i < guide.length; i++) {
    const g = guide[i];
    if (g < gmin)
      gmin = g;
    if (g > gmax)
      gmax = g;
  }
  if (!(gmax > gmin))
    gmax = gmin + 1e-6;
  const pad = 2;
  const gw = Math.ceil((width - 1) / ss) + 1 + 2 * pad;
  const gh = Math.ceil((height - 1) / ss) + 1 + 2 * pad;
  const gd = Math.ceil((gmax - gmin) / sr) + 1 + 2 * pad;
  const nc = values.length + 1;
  const cells = gw * gh * gd;
  let grid = new Float32Array(cells * nc);
  const strideZ = nc;
  const strideX = gd * nc;
  const strideY = gw * gd * nc;
  const cornerBase = new Int32Array(8);
  const cornerWeight = new Float64Array(8);
  const corners = (x, y, g) => {
    const fy = y / ss + pad;
    const fx = x / ss + pad;
    const fz = (g - gmin) / sr + pad;
    const y0 = Math.floor(fy);
    const x0 = Math.floor(fx);
    const z0 = Math.floor(fz);
    const ty = fy - y0;
    const tx = fx - x0;
    const tz = fz - z0;
    let k2 = 0;
    for (let dy = 0; dy <= 1; dy++)
      for (let dx = 0; dx <= 1; dx++)
        for (let dz = 0; dz <= 1; dz++, k2++) {
          cornerWeight[k2] = (dy ? ty : 1 - ty) * (dx ? tx : 1 - tx) * (dz ? tz : 1 - tz);
          cornerBase[k2] = (y0 + dy) * strideY + (x0 + dx) * strideX + (z0 + dz) * strideZ;
        }
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      corners(x, y, guide[p]);
      for (let k2 = 0; k2 < 8; k2++) {
        const wgt = cornerWeight[k2];
        if (wgt === 0)
          continue;
        const base = cornerBase[k2];
        for (let c = 0; c < nc - 1; c++)
          grid[base + c] += wgt * values[c][p];
        grid[base + nc - 1] += wgt;
      }
    }
  const k = [1 / 16, 4 / 16, 6 / 16, 4 / 16, 1 / 16];
  let tmp = new Float32Array(grid.length);
  for (const [stride, len] of [
    [strideX, gw],
    [strideY, gh],
    [strideZ, gd]
  ]) {
    tmp.fill(0);
    for (let i = 0; i < grid.length; i++) {
      const pos = Math.floor(i / stride) % len;
      let s = 0;
      for (let t = -2; t <= 2; t++) {
        const q = pos + t;
        if (q < 0 || q >= len)
          continue;
        s += k[t + 2] * grid[i + t * stride];
      }
      tmp[i] = s;
    }
    const sw = grid;
    grid = tmp;
    tmp = sw;
  }
  const outs = values.map(() => new Float32Array(width * height));
  const acc = new Float64Array(nc);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      corners(x, y, guide[p]);
      acc.fill(0);
      for (let k2 = 0; k2 < 8; k2++) {
        const wgt = cornerWeight[k2];
        if (wgt === 0)
          continue;
        const base = cornerBase[k2];
        for (let c = 0; c < nc; c++)
          acc[c] += wgt * grid[base + c];
      }
      const wsum = acc[nc - 1];
      for (let c = 0; c < nc - 1; c++)
        outs[c][p] = wsum > 0 ? acc[c] / wsum : values[c][p];
    }
  }
  return outs;
}
function jointBilateralUpsample(guide, width, height, lowValues, lowWidth, lowHeight, options = {}) {
  const tent = options.spatialKernel === "tent";
  const ss = checkNumber("sigmaSpatial", options.sigmaSpatial ?? 1, 1e-3);
  const sr = checkNumber("sigmaRange", options.sigmaRange ?? 0.1, 1e-6);
  const R = tent ? 1 : Math.max(1, Math.floor(options.radius ?? Math.ceil(2 * ss)));
  const low = areaReduce(guide, width, height, lowWidth, lowHeight);
  const sx = lowWidth / width;
  const sy = lowHeight / height;
  const inv2s = 1 / (2 * ss * ss);
  const inv2r = 1 / (2 * sr * sr);
  const outs = lowValues.map(() => new Float32Array(width * height));
  const nc = lowValues.length;
  const acc = new Float64Array(nc);
  if (tent) {
    tentUpsample(guide, width, height, low, lowValues, lowWidth, lowHeight, inv2r, outs);
    return outs;
  }
  for (let y = 0; y < height; y++) {
    const fy = (y + 0.5) * sy - 0.5;
    const cy = Math.round(fy);
    for (let x = 0; x < width; x++) {
      const fx = (x + 0.5) * sx - 0.5;
      const cx = Math.round(fx);
      const p = y * width + x;
      const g = guide[p];
      let wsum = 0;
      acc.fill(0);
      for (let qy = Math.max(0, cy - R); qy <= Math.min(lowHeight - 1, cy + R); qy++) {
        const dy = qy - fy;
        for (let qx = Math.max(0, cx - R); qx <= Math.min(lowWidth - 1, cx + R); qx++) {
          const dx = qx - fx;
          const q = qy * lowWidth + qx;
          const dg = low[q] - g;
          const wgt = Math.exp(-(dx * dx + dy * dy) * inv2s - dg * dg * inv2r);
          wsum += wgt;
          for (let c = 0; c < nc; c++)
            acc[c] += wgt * lowValues[c][q];
        }
      }
      if (wsum < 1e-30) {
        const q = Math.min(lowHeight - 1, Math.max(0, cy)) * lowWidth + Math.min(lowWidth - 1, Math.max(0, cx));
        for (let c = 0; c < nc; c++)
          outs[c][p] = lowValues[c][q];
      } else
        for (let c = 0; c < nc; c++)
          outs[c][p] = acc[c] / wsum;
    }
  }
  return outs;
}
function nearestSample(fx, fy, lowWidth, lowHeight) {
  const cx = Math.min(lowWidth - 1, Math.max(0, Math.round(fx)));
  const cy = Math.min(lowHeight - 1, Math.max(0, Math.round(fy)));
  return cy * lowWidth + cx;
}
function tentAxis(n, lowN) {
  const s = lowN / n;
  const i0 = new Int32Array(n);
  const a0 = new Float64Array(n);
  const a1 = new Float64Array(n);
  const ok0 = new Uint8Array(n);
  const ok1 = new Uint8Array(n);
  for (let o = 0; o < n; o++) {
    const f = (o + 0.5) * s - 0.5;
    const q0 = Math.floor(f);
    i0[o] = q0;
    const d0 = q0 - f;
    const d1 = q0 + 1 - f;
    a0[o] = 1 - Math.abs(d0);
    a1[o] = 1 - Math.abs(d1);
    ok0[o] = q0 >= 0 && q0 < lowN && a0[o] > 0 && Math.abs(d0) < 1 ? 1 : 0;
    ok1[o] = q0 + 1 >= 0 && q0 + 1 < lowN && a1[o] > 0 && Math.abs(d1) < 1 ? 1 : 0;
  }
  return { i0, a0, a1, ok0, ok1 };
}
function tentUpsample(guide, width, height, low, lowValues, lowWidth, lowHeight, inv2r, outs) {
  const sx = lowWidth / width;
  const sy = lowHeight / height;
  const nc = lowValues.length;
  const X = tentAxis(width, lowWidth);
  const Y = tentAxis(height, lowHeight);
  for (let y = 0; y < height; y++) {
    const ay0 = Y.a0[y];
    const ay1 = Y.a1[y];
    const oy0 = Y.ok0[y] === 1;
    const oy1 = Y.ok1[y] === 1;
    const r0 = Y.i0[y] * lowWidth;
    const r1 = r0 + lowWidth;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const g = guide[p];
      const cx = X.i0[x];
      const ax0 = X.a0[x];
      const ax1 = X.a1[x];
      const k0 = oy0 && X.ok0[x] === 1;
      const k1 = oy0 && X.ok1[x] === 1;
      const k2 = oy1 && X.ok0[x] === 1;
      const k3 = oy1 && X.ok1[x] === 1;
      let wsum = 0;
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      let w3 = 0;
      if (k0) {
        const dg = low[r0 + cx] - g;
        w0 = ax0 * ay0 * Math.exp(-dg * dg * inv2r);
        wsum += w0;
      }
      if (k1) {
        const dg = low[r0 + cx + 1] - g;
        w1 = ax1 * ay0 * Math.exp(-dg * dg * inv2r);
        wsum += w1;
      }
      if (k2) {
        const dg = low[r1 + cx] - g;
        w2 = ax0 * ay1 * Math.exp(-dg * dg * inv2r);
        wsum += w2;
      }
      if (k3) {
        const dg = low[r1 + cx + 1] - g;
        w3 = ax1 * ay1 * Math.exp(-dg * dg * inv2r);
        wsum += w3;
      }
      if (wsum < 1e-30) {
        const n = nearestSample((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, lowWidth, lowHeight);
        for (let c = 0; c < nc; c++)
          outs[c][p] = lowValues[c][n];
        continue;
      }
      for (let c = 0; c < nc; c++) {
        const v = lowValues[c];
        let a = 0;
        if (k0)
          a += w0 * v[r0 + cx];
        if (k1)
          a += w1 * v[r0 + cx + 1];
        if (k2)
          a += w2 * v[r1 + cx];
        if (k3)
          a += w3 * v[r1 + cx + 1];
        outs[c][p] = a / wsum;
      }
    }
  }
}
function areaReduce(src, w, h, lw, lh) {
  return resizePlane(src, w, h, lw, lh, "area");
}

// dist/filters/box.js
function boxFilter(src, width, height, radius, out) {
  const r = Math.max(0, Math.floor(radius));
  const n = width * height;
  const dst = out ?? new Float32Array(n);
  if (r === 0) {
    if (dst !== src)
      dst.set(src);
    return dst;
  }
  const tmp = new Float32Array(n);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let s = 0;
    const lastInit2 = Math.min(r, width - 1);
    for (let x = 0; x <= lastInit2; x++)
      s += src[row + x];
    for (let x = 0; x < width; x++) {
      const lo = x - r;
      const hi = x + r;
      const count = Math.min(hi, width - 1) - Math.max(lo, 0) + 1;
      tmp[row + x] = s / count;
      if (hi + 1 < width)
        s += src[row + hi + 1];
      if (lo >= 0)
        s -= src[row + lo];
    }
  }
  const acc = new Float64Array(width);
  const lastInit = Math.min(r, height - 1);
  for (let y = 0; y <= lastInit; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++)
      acc[x] += tmp[row + x];
  }
  for (let y = 0; y < height; y++) {
    const lo = y - r;
    const hi = y + r;
    const inv = 1 / (Math.min(hi, height - 1) - Math.max(lo, 0) + 1);
    const row = y * width;
    for (let x = 0; x < width; x++)
      dst[row + x] = acc[x] * inv;
    if (hi + 1 < height) {
      const add = (hi + 1) * width;
      for (let x = 0; x < width; x++)
        acc[x] += tmp[add + x];
    }
    if (lo >= 0) {
      const sub = lo * width;
      for (let x = 0; x < width; x++)
        acc[x] -= tmp[sub + x];
    }
  }
  return dst;
}

// dist/filters/guided.js
function guidedFilter(guide, inputs, width, height, options = {}) {
  const radius = checkNumber("radius", options.radius ?? 4, 0);
  const eps = checkNumber("eps", options.eps ?? 1e-3, 0);
  const s = checkInteger("subsample", options.subsample ?? 1, 1, 64);
  if (s === 1)
    return applyModels(fitLinearModels(guide, inputs, width, height, radius, eps), guide, width, height);
  const w = Math.max(1, Math.round(width / s));
  const h = Math.max(1, Math.round(height / s));
  const I = resizePlane(guide, width, height, w, h, "area");
  const ps = inputs.map((p) => resizePlane(p, width, height, w, h, "area"));
  return applyModels(fitLinearModels(I, ps, w, h, Math.max(1, Math.round(radius / s)), eps), guide, width, height);
}
function fitLinearModels(I, inputs, w, h, r, eps) {
  const n = w * h;
  const meanI = boxFilter(I, w, h, r);
  const II = new Float32Array(n);
  for (let i = 0; i < n; i++)
    II[i] = I[i] * I[i];
  const varI = boxFilter(II, w, h, r);
  for (let i = 0; i < n; i++)
    varI[i] -= meanI[i] * meanI[i];
  const prod = new Float32Array(n);
  return inputs.map((p) => {
    const meanP = boxFilter(p, w, h, r);
    for (let i = 0; i < n; i++)
      prod[i] = I[i] * p[i];
    const a = boxFilter(prod, w, h, r);
    const b = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const ai = (a[i] - meanI[i] * meanP[i]) / (varI[i] + eps);
      a[i] = ai;
      b[i] = meanP[i] - ai * meanI[i];
    }
    return { a: boxFilter(a, w, h, r), b: boxFilter(b, w, h, r), width: w, height: h };
  });
}
function applyModels(models, guide, width, height) {
  return models.map(({ a, b, width: w, height: h }) => {
    const A = resizePlane(a, w, h, width, height, "bilinear");
    const B = w === width && h === height ? b : resizePlane(b, w, h, width, height, "bilinear");
    for (let i = 0; i < A.length; i++)
      A[i] = A[i] * guide[i] + B[i];
    return A;
  });
}
function guidedUpsample(guide, width, height, lowInputs, lowWidth, lowHeight, options = {}) {
  const r = checkNumber("radius", options.radius ?? 1, 0);
  const eps = checkNumber("eps", options.eps ?? 1e-4, 0);
  const I = resizePlane(guide, width, height, lowWidth, lowHeight, "area");
  return applyModels(fitLinearModels(I, lowInputs, lowWidth, lowHeight, r, eps), guide, width, height);
}

// dist/finish/finish.js
var CHROMA_SPACES = ["lab", "yuv", "yiq", "yuv601"];
var UPSAMPLE_METHODS = ["guided", "joint-bilateral", "bilinear"];
function setFixedChroma(c1, c2, fixed) {
  const { index } = fixed;
  for (let k = 0; k < index.length; k++) {
    const i = index[k];
    if (i >= c1.length)
      throw new ColorizeError(`finish: fixed chroma index ${i} outside the image`, "internal");
    c1[i] = fixed.c1[k];
    c2[i] = fixed.c2[k];
  }
}
function luminanceFor(img, space) {
  return space === "lab" ? lightnessOf(img) : lumaOf(img).slice();
}
function finish(input, options = {}) {
  const { original, chroma } = input;
  const space = checkChoice("space", input.space, CHROMA_SPACES);
  const method = checkChoice("upsample", options.upsample ?? "joint-bilateral", UPSAMPLE_METHODS);
  if (chroma.channels.length !== 2) {
    throw new ColorizeError(`finish: chroma must have 2 planes, got ${chroma.channels.length}`, "internal");
  }
  const W = original.width;
  const H = original.height;
  const n = W * H;
  const lum = luminanceFor(original, space);
  const sameSize = chroma.width === W && chroma.height === H;
  const keep = checkChoice("keep", options.keep ?? "luma", ["luma", "lightness"]);
  if (keep === "lightness" && space !== "lab")
    invalidOption("keep", keep, "'luma' for YUV/YIQ chroma");
  let c1;
  let c2;
  let guide = lum;
  if (space === "lab") {
    guide = new Float32Array(n);
    const norm = 1 / 100;
    for (let i = 0; i < n; i++)
      guide[i] = lum[i] * norm;
  }
  if (!sameSize && method !== "bilinear") {
    const low = [chroma.channels[0], chroma.channels[1]];
    if (method === "guided") {
      const radius = checkNumber("radius", options.radius ?? 1, 0);
      const eps = checkNumber("eps", options.eps ?? 1e-4, 0);
      [c1, c2] = guidedUpsample(guide, W, H, low, chroma.width, chroma.height, { radius, eps });
    } else {
      const sigmaSpatial = checkNumber("sigmaSpatial", options.sigmaSpatial ?? 1, 0.1);
      const sigmaRange = checkNumber("sigmaRange", options.sigmaRange ?? 0.1, 1e-4);
      [c1, c2] = jointBilateralUpsample(guide, W, H, low, chroma.width, chroma.height, {
        sigmaSpatial,
        sigmaRange,
        spatialKernel: options.spatialKernel ?? "tent"
      });
    }
  } else {
    c1 = resizePlane(chroma.channels[0], chroma.width, chroma.height, W, H, "bilinear");
    c2 = resizePlane(chroma.channels[1], chroma.width, chroma.height, W, H, "bilinear");
  }
  if (sameSize && options.refineFullResolution && method !== "bilinear") {
    if (method === "guided") {
      const radius = checkNumber("radius", options.radius ?? 2, 0);
      const eps = checkNumber("eps", options.eps ?? 1e-4, 0);
      [c1, c2] = guidedFilter(guide, [c1, c2], W, H, { radius, eps });
    } else {
      const sigmaSpatial = checkNumber("sigmaSpatial", options.sigmaSpatial ?? 2, 0.5);
      const sigmaRange = checkNumber("sigmaRange", options.sigmaRange ?? 0.05, 1e-4);
      [c1, c2] = jointBilateralGrid(guide, [c1, c2], W, H, { sigmaSpatial, sigmaRange });
    }
  }
  guide = null;
  const fixed = input.fixed;
  if (fixed) {
    if (fixed.c1.length !== fixed.index.length || fixed.c2.length !== fixed.index.length)
      throw new ColorizeError("finish: fixed chroma needs one c1 and one c2 value per index", "internal");
    if (c1 === chroma.channels[0])
      c1 = c1.slice();
    if (c2 === chroma.channels[1])
      c2 = c2.slice();
    setFixedChroma(c1, c2, fixed);
  }
  const rgb = recombine(lum, c1, c2, W, H, space, true);
  if (space === "lab" && keep === "luma")
    matchLuma(rgb, lumaOf(original));
  return rgb;
}
function recombine(lum, c1, c2, width, height, space, inPlace = false) {
  if (space === "lab")
    return labImageToRgb({ width, height, channels: [lum, c1, c2] }, true, inPlace);
  const n = width * height;
  const L = inPlace ? lum : lum.slice();
  const R = inPlace ? L : new Float32Array(n);
  const G = inPlace ? c1 : new Float32Array(n);
  const B = inPlace ? c2 : new Float32Array(n);
  {
    clampLinearGamut(L, c1, c2, space);
    const m = inverseMatrix(space);
    for (let i = 0; i < n; i++) {
      const y = L[i];
      const u = c1[i];
      const v = c2[i];
      const r = m[0] * y + m[1] * u + m[2] * v;
      const g = m[3] * y + m[4] * u + m[5] * v;
      const b = m[6] * y + m[7] * u + m[8] * v;
      R[i] = r < 0 ? 0 : r > 1 ? 1 : r;
      G[i] = g < 0 ? 0 : g > 1 ? 1 : g;
      B[i] = b < 0 ? 0 : b > 1 ? 1 : b;
    }
  }
  return { width, height, channels: [R, G, B] };
}

export {
  YUV_TO_RGB,
  YUV_REPORT_OFFSET,
  forwardMatrix,
  rgbToLumaChroma,
  lumaChromaToRgb,
  lumaOf,
  clampLabGamut,
  jointBilateralGrid,
  boxFilter,
  setFixedChroma,
  finish,
  recombine
};
