import {
  checkChoice,
  checkInteger,
  checkNumber,
  invalidOption
} from "./chunk-QUYJNQPH.js";

// dist/stage-timer.js
function stageTimer(timings) {
  let t0 = performance.now();
  return (name) => {
    const t = performance.now();
    timings[name] = (timings[name] ?? 0) + (t - t0);
    t0 = t;
  };
}

// dist/methods/exemplar/superpixel/fusion.js
var FUSION_NORMALISE = ["fixed", "per-pixel"];
var POS_VAR_FLOOR = 1 / 12;
var COLOUR_VAR_FLOOR = 1e-4;
var KEY_WEIGHTS = [0.299, 0.587, 0.114];
function invert3(m) {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  const k = 1 / det;
  return [
    A * k,
    -(b * i - c * h) * k,
    (b * f - c * e) * k,
    B * k,
    (a * i - c * g) * k,
    -(a * f - c * d) * k,
    C * k,
    -(a * h - b * g) * k,
    (a * e - b * d) * k
  ];
}
function fusionStats(guide, sp, o) {
  const { width: W, labels, count: N } = sp;
  const d = guide.length;
  const nS = 1 + 2 + 3 + d + d * (d + 1) / 2;
  const acc = new Float64Array(N * nS);
  for (let p = 0; p < labels.length; p++) {
    const x = p % W;
    const y = (p - x) / W;
    const o0 = labels[p] * nS;
    acc[o0] += 1;
    acc[o0 + 1] += x;
    acc[o0 + 2] += y;
    acc[o0 + 3] += x * x;
    acc[o0 + 4] += x * y;
    acc[o0 + 5] += y * y;
    let k = o0 + 6;
    for (let c = 0; c < d; c++)
      acc[k++] += guide[c][p];
    for (let c = 0; c < d; c++)
      for (let e = c; e < d; e++)
        acc[k++] += guide[c][p] * guide[e][p];
  }
  const s = {
    count: N,
    dims: d,
    cx: new Float64Array(N),
    cy: new Float64Array(N),
    ps: new Float64Array(N * 3),
    mc: new Float64Array(N * d),
    pc: new Float64Array(N * d * d),
    lmax: new Float64Array(N),
    key: new Float64Array(N),
    reach: new Float64Array(N)
  };
  const kw = d === 1 ? [1] : KEY_WEIGHTS;
  const ds2 = o.deltaS * o.deltaS;
  const dc2 = o.deltaC * o.deltaC;
  for (let i = 0; i < N; i++) {
    const a = acc.subarray(i * nS, (i + 1) * nS);
    const n = Math.max(1, a[0]);
    const mx = a[1] / n;
    const my = a[2] / n;
    s.cx[i] = mx;
    s.cy[i] = my;
    const vxx = (a[3] / n - mx * mx + POS_VAR_FLOOR) * ds2;
    const vxy = (a[4] / n - mx * my) * ds2;
    const vyy = (a[5] / n - my * my + POS_VAR_FLOOR) * ds2;
    const det = vxx * vyy - vxy * vxy;
    s.ps[i * 3] = vyy / det;
    s.ps[i * 3 + 1] = -vxy / det;
    s.ps[i * 3 + 2] = vxx / det;
    const lmax = (vxx + vyy) / 2 + Math.sqrt(((vxx - vyy) / 2) ** 2 + vxy * vxy);
    s.lmax[i] = lmax;
    const mean = [];
    for (let c = 0; c < d; c++)
      mean.push(a[6 + c] / n);
    for (let c = 0; c < d; c++)
      s.mc[i * d + c] = mean[c];
    const cov = new Array(d * d).fill(0);
    let k = 6 + d;
    for (let c = 0; c < d; c++)
      for (let e = c; e < d; e++) {
        const v = (a[k++] / n - mean[c] * mean[e]) * dc2;
        cov[c * d + e] = v;
        cov[e * d + c] = v;
      }
    for (let c = 0; c < d; c++)
      cov[c * d + c] += COLOUR_VAR_FLOOR * dc2;
    const inv = d === 1 ? [1 / cov[0]] : d === 3 ? invert3(cov) : [];
    for (let t = 0; t < d * d; t++)
      s.pc[i * d * d + t] = inv[t];
    let key = 0;
    let wcw = 0;
    for (let c = 0; c < d; c++) {
      key += kw[c] * mean[c];
      for (let e = 0; e < d; e++)
        wcw += kw[c] * cov[c * d + e] * kw[e];
    }
    s.key[i] = key;
    s.reach[i] = Math.sqrt(wcw);
  }
  return s;
}
function centroidGrid(s, W, H) {
  const N = s.count;
  const cell = Math.max(4, Math.round(Math.sqrt(W * H / N)));
  const gx = Math.ceil(W / cell);
  const gy = Math.ceil(H / cell);
  const head = new Int32Array(gx * gy).fill(-1);
  const next = new Int32Array(N);
  let lmaxAll = 0;
  for (let i = 0; i < N; i++) {
    const b = Math.min(gy - 1, Math.max(0, Math.floor(s.cy[i] / cell))) * gx + Math.min(gx - 1, Math.max(0, Math.floor(s.cx[i] / cell)));
    next[i] = head[b];
    head[b] = i;
    lmaxAll = Math.max(lmaxAll, s.lmax[i]);
  }
  return { cell, gx, gy, head, next, lmaxAll };
}
function tileLabels(labels, W, tx, ty, x1, y1, out) {
  let nl = 0;
  for (let y = ty; y <= y1; y++)
    for (let x = tx; x <= x1; x++) {
      const l = labels[y * W + x];
      let seen = false;
      for (let t = 0; t < nl; t++)
        if (out[t] === l) {
          seen = true;
          break;
        }
      if (!seen)
        out[nl++] = l;
    }
  return nl;
}
function grayExponent(s, i, x, y, g) {
  const { ps } = s;
  const dx = x - s.cx[i];
  const dy = y - s.cy[i];
  const v = g - s.mc[i];
  return ps[i * 3] * dx * dx + 2 * ps[i * 3 + 1] * dx * dy + ps[i * 3 + 2] * dy * dy + v * v * s.pc[i];
}
function rgbExponent(s, i, x, y, g0, g1, g2) {
  const { ps, mc, pc } = s;
  const dx = x - s.cx[i];
  const dy = y - s.cy[i];
  const o9 = i * 9;
  const v0 = g0 - mc[i * 3];
  const v1 = g1 - mc[i * 3 + 1];
  const v2 = g2 - mc[i * 3 + 2];
  return ps[i * 3] * dx * dx + 2 * ps[i * 3 + 1] * dx * dy + ps[i * 3 + 2] * dy * dy + (v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) + v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) + v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2));
}
function pixelScale(e, sg, perPixel) {
  return perPixel ? sg * Math.max(1, e) : sg;
}
function keyAt(p0, p1, p2, gray, p) {
  return gray ? p0[p] : KEY_WEIGHTS[0] * p0[p] + KEY_WEIGHTS[1] * p1[p] + KEY_WEIGHTS[2] * p2[p];
}
function tileBounds(s, guide, W, tx, ty, x1, y1, T, tl, nl, cut, sg, perPixel, bound, range) {
  const gray = guide.length === 1;
  const p0 = guide[0];
  const p1 = gray ? p0 : guide[1];
  const p2 = gray ? p0 : guide[2];
  let B = 0;
  let kmin = Infinity;
  let kmax = -Infinity;
  for (let y = ty; y <= y1; y++)
    for (let x = tx; x <= x1; x++) {
      const p = y * W + x;
      const g0 = p0[p];
      const kv = keyAt(p0, p1, p2, gray, p);
      if (kv < kmin)
        kmin = kv;
      if (kv > kmax)
        kmax = kv;
      let u = Infinity;
      for (let t = 0; t < nl; t++) {
        const i = tl[t];
        const e = gray ? grayExponent(s, i, x, y, g0) : rgbExponent(s, i, x, y, g0, p1[p], p2[p]);
        if (e < u)
          u = e;
      }
      const b = u + cut * pixelScale(u, sg, perPixel);
      bound[(y - ty) * T + (x - tx)] = b;
      if (b > B)
        B = b;
    }
  range[0] = B;
  range[1] = kmin;
  range[2] = kmax;
}
function tileCandidates(s, grid, tx, ty, x1, y1, range, gray, cand) {
  const { cx, cy, pc, lmax, key, reach } = s;
  const { cell, gx, gy, head, next } = grid;
  const B = range[0];
  const kmin = range[1];
  const kmax = range[2];
  const rmax = Math.sqrt(B * grid.lmaxAll);
  const bx0 = Math.max(0, Math.floor((tx - rmax) / cell));
  const bx1 = Math.min(gx - 1, Math.floor((x1 + rmax) / cell));
  const by0 = Math.max(0, Math.floor((ty - rmax) / cell));
  const by1 = Math.min(gy - 1, Math.floor((y1 + rmax) / cell));
  let nc = 0;
  for (let by = by0; by <= by1; by++)
    for (let bx = bx0; bx <= bx1; bx++)
      for (let i = head[by * gx + bx]; i >= 0; i = next[i]) {
        const ex = Math.max(tx - cx[i], 0, cx[i] - x1);
        const ey = Math.max(ty - cy[i], 0, cy[i] - y1);
        let lb = (ex * ex + ey * ey) / lmax[i];
        const gap = Math.max(0, kmin - key[i], key[i] - kmax);
        if (gray)
          lb += gap * gap * pc[i];
        else {
          const r = gap / reach[i];
          lb += r * r * (1 - 1e-9);
        }
        if (lb <= B)
          cand[nc++] = i;
      }
  return nc;
}
function gathered(N, d, k) {
  return {
    cx: new Float64Array(N),
    cy: new Float64Array(N),
    p0: new Float64Array(N),
    p1: new Float64Array(N),
    p2: new Float64Array(N),
    mc: new Float64Array(N * d),
    pc: new Float64Array(N * d * d),
    key: new Float64Array(N),
    C: new Float64Array(N * k)
  };
}
function gather(s, C, k, cand, nc, g) {
  const d = s.dims;
  const dd = d * d;
  const { ps, mc, pc } = s;
  for (let t = 0; t < nc; t++) {
    const i = cand[t];
    g.cx[t] = s.cx[i];
    g.cy[t] = s.cy[i];
    g.p0[t] = ps[i * 3];
    g.p1[t] = 2 * ps[i * 3 + 1];
    g.p2[t] = ps[i * 3 + 2];
    g.key[t] = s.key[i];
    for (let c = 0; c < d; c++)
      g.mc[t * d + c] = mc[i * d + c];
    for (let c = 0; c < dd; c++)
      g.pc[t * dd + c] = pc[i * dd + c];
    for (let c = 0; c < k; c++)
      g.C[t * k + c] = C[i * k + c];
  }
}
function keyOrder(s) {
  const N = s.count;
  const { reach, key } = s;
  let rmin = Infinity;
  for (let i = 0; i < N; i++)
    if (reach[i] > 0 && reach[i] < rmin)
      rmin = reach[i];
  const cls = new Int32Array(N);
  for (let i = 0; i < N; i++)
    cls[i] = reach[i] > 0 ? Math.min(60, Math.max(0, Math.floor(Math.log2(reach[i] / rmin)))) : 0;
  const order = Int32Array.from({ length: N }, (_, i) => i).sort((a, b) => cls[a] - cls[b] || key[a] - key[b]);
  const rank = new Int32Array(N);
  for (let t = 0; t < N; t++)
    rank[order[t]] = t;
  return { rank, order, cls };
}
function keyRuns(s, ko, cand, nc, keys, runStart, runReach) {
  for (let t = 0; t < nc; t++)
    keys[t] = ko.rank[cand[t]];
  keys.subarray(0, nc).sort();
  let nr = 0;
  let prev = -1;
  for (let t = 0; t < nc; t++) {
    const i = ko.order[keys[t]];
    cand[t] = i;
    const c = ko.cls[i];
    if (c !== prev) {
      runStart[nr] = t;
      runReach[nr] = 0;
      nr++;
      prev = c;
    }
    if (s.reach[i] > runReach[nr - 1])
      runReach[nr - 1] = s.reach[i];
  }
  runStart[nr] = nc;
  return nr;
}
function lowerBound(a, lo, hi, v) {
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (a[mid] < v)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}
function grayTerm(g, t, x, y, v0) {
  const v = v0 - g.mc[t];
  const dx = x - g.cx[t];
  const dy = y - g.cy[t];
  return g.p0[t] * dx * dx + g.p1[t] * dx * dy + g.p2[t] * dy * dy + v * v * g.pc[t];
}
function rgbTerm(g, t, x, y, g0, g1, g2) {
  const { mc, pc } = g;
  const dx = x - g.cx[t];
  const dy = y - g.cy[t];
  const e = g.p0[t] * dx * dx + g.p1[t] * dx * dy + g.p2[t] * dy * dy;
  const o9 = t * 9;
  const v0 = g0 - mc[t * 3];
  const v1 = g1 - mc[t * 3 + 1];
  const v2 = g2 - mc[t * 3 + 2];
  return e + v0 * (pc[o9] * v0 + pc[o9 + 1] * v1 + pc[o9 + 2] * v2) + v1 * (pc[o9 + 3] * v0 + pc[o9 + 4] * v1 + pc[o9 + 5] * v2) + v2 * (pc[o9 + 6] * v0 + pc[o9 + 7] * v1 + pc[o9 + 8] * v2);
}
function pixelTerms(g, rgb, x, y, kv, g0, g1, g2, b, nr, runStart, runReach, runPos, cut, sg, perPixel, kept, keptE, count) {
  const { key } = g;
  let n = 0;
  let eBest = Infinity;
  for (let r = 0; r < nr; r++) {
    const start = runStart[r];
    const end = runStart[r + 1];
    const pos = lowerBound(key, start, end, kv);
    runPos[r] = pos;
    for (let t = pos - 1; t <= pos; t++) {
      if (t < start || t >= end)
        continue;
      n++;
      const et = rgb ? rgbTerm(g, t, x, y, g0, g1, g2) : grayTerm(g, t, x, y, g0);
      if (et < eBest)
        eBest = et;
    }
  }
  const bb = eBest + cut * pixelScale(eBest, sg, perPixel);
  if (bb < b)
    b = bb;
  const sb = Math.sqrt(b) * (1 + 1e-9);
  let m = 0;
  for (let r = 0; r < nr; r++) {
    const half = sb * runReach[r];
    const hiV = kv + half;
    const end = runStart[r + 1];
    const lo = lowerBound(key, runStart[r], runPos[r], kv - half);
    if (rgb) {
      for (let t = lo; t < end && key[t] <= hiV; t++) {
        const dx = x - g.cx[t];
        const dy = y - g.cy[t];
        if (g.p0[t] * dx * dx + g.p1[t] * dx * dy + g.p2[t] * dy * dy > b)
          continue;
        n++;
        const et = rgbTerm(g, t, x, y, g0, g1, g2);
        kept[m] = t;
        keptE[m] = et;
        m += et <= b ? 1 : 0;
      }
    } else
      for (let t = lo; t < end && key[t] <= hiV; t++) {
        n++;
        const et = grayTerm(g, t, x, y, g0);
        kept[m] = t;
        keptE[m] = et;
        m += et <= b ? 1 : 0;
      }
  }
  count[0] += n;
  return m;
}
function fusePixel(kept, keptE, m, tC, k, cut, sg, perPixel, acc, out, p) {
  let emin = Infinity;
  for (let t = 0; t < m; t++)
    if (keptE[t] < emin)
      emin = keptE[t];
  const sgp = pixelScale(emin, sg, perPixel);
  const lim = emin + cut * sgp;
  const inv = 1 / sgp;
  acc.fill(0);
  let wsum = 0;
  let w2sum = 0;
  for (let t = 0; t < m; t++) {
    const e = keptE[t];
    if (e > lim)
      continue;
    const wgt = Math.exp((emin - e) * inv);
    wsum += wgt;
    w2sum += wgt * wgt;
    const o = kept[t] * k;
    for (let c = 0; c < k; c++)
      acc[c] += wgt * tC[o + c];
  }
  for (let c = 0; c < k; c++)
    out[c][p] = acc[c] / wsum;
  return wsum * wsum / w2sum;
}
function colourFusion(guide, sp, C, o, report) {
  const { width: W, height: H, labels, count: N } = sp;
  const k = C.length / N;
  const s = fusionStats(guide, sp, o);
  const d = guide.length;
  const gray = d === 1;
  const perPixel = (o.normalise ?? "fixed") === "per-pixel";
  const sg = o.sigmaG;
  const cut = o.cutoff;
  const out = Array.from({ length: k }, () => new Float32Array(W * H));
  const grid = centroidGrid(s, W, H);
  const ko = keyOrder(s);
  const T = 16;
  const cand = new Int32Array(N);
  const keys = new Int32Array(N);
  const runStart = new Int32Array(N + 1);
  const runReach = new Float64Array(N);
  const runPos = new Int32Array(N);
  const kept = new Int32Array(N);
  const keptE = new Float64Array(N);
  const tl = new Int32Array(T * T);
  const bound = new Float64Array(T * T);
  const range = new Float64Array(3);
  const acc = new Float64Array(k);
  const count = new Float64Array(1);
  const g = gathered(N, d, k);
  const p0 = guide[0];
  const p1 = gray ? p0 : guide[1];
  const p2 = gray ? p0 : guide[2];
  let effSum = 0;
  for (let ty = 0; ty < H; ty += T)
    for (let tx = 0; tx < W; tx += T) {
      const x1 = Math.min(W, tx + T) - 1;
      const y1 = Math.min(H, ty + T) - 1;
      const nl = tileLabels(labels, W, tx, ty, x1, y1, tl);
      tileBounds(s, guide, W, tx, ty, x1, y1, T, tl, nl, cut, sg, perPixel, bound, range);
      const nc = tileCandidates(s, grid, tx, ty, x1, y1, range, gray, cand);
      const nr = keyRuns(s, ko, cand, nc, keys, runStart, runReach);
      gather(s, C, k, cand, nc, g);
      for (let y = ty; y <= y1; y++)
        for (let x = tx; x <= x1; x++) {
          const p = y * W + x;
          const b = bound[(y - ty) * T + (x - tx)];
          const m = pixelTerms(g, !gray, x, y, keyAt(p0, p1, p2, gray, p), p0[p], p1[p], p2[p], b, nr, runStart, runReach, runPos, cut, sg, perPixel, kept, keptE, count);
          effSum += fusePixel(kept, keptE, m, g.C, k, cut, sg, perPixel, acc, out, p);
        }
    }
  if (report) {
    report.effectiveSuperpixels = effSum / (W * H);
    report.termsPerPixel = count[0] / (W * H);
  }
  return out;
}

// dist/methods/exemplar/superpixel/options.js
var FEATURE_CHOICES = ["auto", "vgg19", "handcrafted"];
var FINISH_MODES = ["edge-aware", "paper", "rgb"];
var SUPERPIXEL_DEFAULTS = {
  tau: 0.015,
  deltaS: 10,
  deltaC: 0.1,
  sigmaG: 1,
  fusionNormalise: "per-pixel",
  cutoff: 20,
  finishMode: "edge-aware",
  workingSize: 256,
  compactness: 10
};
function resolveOptions(o = {}) {
  const features = o.features ?? "auto";
  if (typeof features === "string")
    checkChoice("features", features, FEATURE_CHOICES);
  const layerWeights = o.layerWeights ?? [1, 1, 1];
  if (!Array.isArray(layerWeights) || layerWeights.some((w) => typeof w !== "number" || !(w >= 0)) || !layerWeights.some((w) => w > 0)) {
    invalidOption("layerWeights", layerWeights, "non-negative numbers, at least one positive");
  }
  return {
    tau: checkNumber("tau", o.tau ?? SUPERPIXEL_DEFAULTS.tau, 1e-6, 1e6),
    deltaS: checkNumber("deltaS", o.deltaS ?? SUPERPIXEL_DEFAULTS.deltaS, 1e-6, 1e6),
    deltaC: checkNumber("deltaC", o.deltaC ?? SUPERPIXEL_DEFAULTS.deltaC, 1e-6, 1e6),
    sigmaG: checkNumber("sigmaG", o.sigmaG ?? SUPERPIXEL_DEFAULTS.sigmaG, 1e-6, 1e6),
    fusionNormalise: checkChoice("fusionNormalise", o.fusionNormalise ?? SUPERPIXEL_DEFAULTS.fusionNormalise, FUSION_NORMALISE),
    cutoff: checkNumber("cutoff", o.cutoff ?? SUPERPIXEL_DEFAULTS.cutoff, 0.1, 1e4),
    superpixels: o.superpixels === void 0 ? void 0 : checkInteger("superpixels", o.superpixels, 2, 1e5),
    workingSize: checkInteger("workingSize", o.workingSize ?? SUPERPIXEL_DEFAULTS.workingSize, 16, 8192),
    features,
    layerWeights,
    compactness: checkNumber("compactness", o.compactness ?? SUPERPIXEL_DEFAULTS.compactness, 1e-3, 1e4),
    debug: o.debug ?? false,
    finishMode: checkChoice("finishMode", o.finishMode ?? SUPERPIXEL_DEFAULTS.finishMode, FINISH_MODES),
    finish: o.finish ?? {}
  };
}
function fusionOptionsOf(o) {
  return {
    deltaS: o.deltaS,
    deltaC: o.deltaC,
    sigmaG: o.sigmaG,
    cutoff: o.cutoff,
    normalise: o.fusionNormalise
  };
}

// dist/filters/gaussian.js
function gaussianKernel(sigma, truncate = 4) {
  const radius = Math.floor(truncate * sigma + 0.5);
  const k = new Float64Array(2 * radius + 1);
  let s = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-0.5 * i * i / (sigma * sigma));
    k[i + radius] = v;
    s += v;
  }
  for (let i = 0; i < k.length; i++)
    k[i] /= s;
  return k;
}
function reflectIndex(i, n) {
  if (n === 1)
    return 0;
  const period = 2 * n;
  let j = i % period;
  if (j < 0)
    j += period;
  return j < n ? j : period - 1 - j;
}
function convolveSeparable(src, width, height, kernel) {
  const r = kernel.length - 1 >> 1;
  const tmp = new Float64Array(width * height);
  const out = new Float64Array(width * height);
  const line = new Float64Array(width + 2 * r);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = -r; x < width + r; x++)
      line[x + r] = src[row + reflectIndex(x, width)];
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = 0; k < kernel.length; k++)
        s += kernel[k] * line[x + k];
      tmp[row + x] = s;
    }
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let k = 0; k < kernel.length; k++) {
      const wk = kernel[k];
      const srow = reflectIndex(y + k - r, height) * width;
      for (let x = 0; x < width; x++)
        out[row + x] += wk * tmp[srow + x];
    }
  }
  return out;
}
function gaussianFir(src, width, height, sigma, truncate = 4) {
  return Float32Array.from(convolveSeparable(src, width, height, gaussianKernel(sigma, truncate)));
}
function yvvCoefficients(sigma) {
  const q = sigma >= 2.5 ? 0.98711 * sigma - 0.9633 : 3.97156 - 4.14554 * Math.sqrt(1 - 0.26891 * sigma);
  const q2 = q * q;
  const q3 = q2 * q;
  const b0 = 1.57825 + 2.44413 * q + 1.4281 * q2 + 0.422205 * q3;
  const b1 = (2.44413 * q + 2.85619 * q2 + 1.26661 * q3) / b0;
  const b2 = -(1.4281 * q2 + 1.26661 * q3) / b0;
  const b3 = 0.422205 * q3 / b0;
  return { B: 1 - (b1 + b2 + b3), b1, b2, b3 };
}
function yvvLine(d, off, n, step, c, w) {
  const { B, b1, b2, b3 } = c;
  let p1 = d[off];
  let p2 = p1;
  let p3 = p1;
  for (let i = 0; i < n; i++) {
    const v = B * d[off + i * step] + b1 * p1 + b2 * p2 + b3 * p3;
    w[i] = v;
    p3 = p2;
    p2 = p1;
    p1 = v;
  }
  p1 = p2 = p3 = w[n - 1];
  for (let i = n - 1; i >= 0; i--) {
    const v = B * w[i] + b1 * p1 + b2 * p2 + b3 * p3;
    d[off + i * step] = v;
    p3 = p2;
    p2 = p1;
    p1 = v;
  }
}
function gaussianBlur(src, width, height, sigma) {
  if (!(sigma > 0))
    return src.slice();
  if (sigma < 4)
    return gaussianFir(src, width, height, sigma, 4);
  const c = yvvCoefficients(sigma);
  const out = src.slice();
  const w = new Float64Array(Math.max(width, height));
  for (let y = 0; y < height; y++)
    yvvLine(out, y * width, width, 1, c, w);
  const { B, b1, b2, b3 } = c;
  const f = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const r1 = (y >= 1 ? y - 1 : 0) * width;
    const r2 = (y >= 2 ? y - 2 : 0) * width;
    const r3 = (y >= 3 ? y - 3 : 0) * width;
    const s1 = y >= 1 ? f : out;
    const s2 = y >= 2 ? f : out;
    const s3 = y >= 3 ? f : out;
    for (let x = 0; x < width; x++) {
      f[row + x] = B * out[row + x] + b1 * s1[r1 + x] + b2 * s2[r2 + x] + b3 * s3[r3 + x];
    }
  }
  const last = (height - 1) * width;
  for (let y = height - 1; y >= 0; y--) {
    const row = y * width;
    const r1 = (y + 1 <= height - 1 ? y + 1 : height - 1) * width;
    const r2 = (y + 2 <= height - 1 ? y + 2 : height - 1) * width;
    const r3 = (y + 3 <= height - 1 ? y + 3 : height - 1) * width;
    const s1 = y + 1 <= height - 1 ? out : f;
    const s2 = y + 2 <= height - 1 ? out : f;
    const s3 = y + 3 <= height - 1 ? out : f;
    for (let x = 0; x < width; x++) {
      out[row + x] = B * f[row + x] + b1 * (s1 === f ? f[last + x] : s1[r1 + x]) + b2 * (s2 === f ? f[last + x] : s2[r2 + x]) + b3 * (s3 === f ? f[last + x] : s3[r3 + x]);
    }
  }
  return out;
}

export {
  gaussianKernel,
  reflectIndex,
  convolveSeparable,
  gaussianFir,
  gaussianBlur,
  stageTimer,
  FUSION_NORMALISE,
  colourFusion,
  FEATURE_CHOICES,
  FINISH_MODES,
  SUPERPIXEL_DEFAULTS,
  resolveOptions,
  fusionOptionsOf
};
