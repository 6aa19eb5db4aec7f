import {
  indexByKey,
  isDirectory,
  listImages,
  listImagesDeep,
  pairKey
} from "./chunk-3H4K7PBV.js";
import {
  DEFAULT_QUEUE,
  connectRedis,
  redisUrl,
  shownUrl
} from "./chunk-LLI2KVWK.js";
import {
  colorizeVideo,
  declareMethodFlags,
  methodOptions,
  withFlagName,
  withInputFile
} from "./chunk-PEE2GYAQ.js";
import {
  checkOutputPath,
  colourisationRecord,
  ensureFolder,
  outputPathFor,
  writeResult
} from "./chunk-7HZYYSAU.js";
import {
  VIDEO_DEFAULTS,
  frameNumber,
  openGallery,
  parseStrokeKeyframes
} from "./chunk-5VLUYPI7.js";
import {
  VERSION,
  describeMethod,
  familyDefault,
  flagName,
  getMethod,
  grayTargetHint,
  inputProblem,
  listMethods,
  optionHelp,
  processAlive,
  readImage,
  refusesGrayTarget,
  validateOptions,
  writeImage
} from "./chunk-YJQATMIZ.js";
import "./chunk-ERYG42RF.js";
import {
  listModels,
  modelStatus,
  requireModel
} from "./chunk-E2GQZY2A.js";
import "./chunk-62PT54LQ.js";
import {
  gaussianKernel
} from "./chunk-JZHOG4WJ.js";
import "./chunk-2VPUGM6P.js";
import "./chunk-DNVYFS5D.js";
import {
  grayToRgb,
  rgbImageToLab
} from "./chunk-C7DXZTIV.js";
import "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  checkInteger,
  checkNumber,
  invalidOption,
  modelCacheDir,
  modelSearchPaths
} from "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";

// dist/cli/main.js
import { Command, CommanderError, Help } from "commander";

// dist/cli/commands/eval.js
import path from "node:path";

// dist/metrics/shape.js
function assertSameShape(a, b) {
  if (a.width !== b.width || a.height !== b.height || a.channels.length !== b.channels.length) {
    throw new RangeError(`images differ in shape: ${a.width}\xD7${a.height}\xD7${a.channels.length} vs ${b.width}\xD7${b.height}\xD7${b.channels.length}`);
  }
}

// dist/metrics/ciede2000.js
var DEG = Math.PI / 180;
var POW25_7 = 25 ** 7;
function ciede2000(L1, a1, b1, L2, a2, b2) {
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = 0.5 * (C1 + C2);
  const Cm7 = Cm ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cm7 / (Cm7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hp = (b, a) => {
    if (b === 0 && a === 0)
      return 0;
    const h = Math.atan2(b, a) / DEG;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hp(b1, a1p);
  const h2p = hp(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180)
      dhp -= 360;
    else if (dhp < -180)
      dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(dhp / 2 * DEG);
  const Lmp = 0.5 * (L1 + L2);
  const Cmp = 0.5 * (C1p + C2p);
  let hmp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180)
      hmp = 0.5 * (h1p + h2p);
    else if (h1p + h2p < 360)
      hmp = 0.5 * (h1p + h2p + 360);
    else
      hmp = 0.5 * (h1p + h2p - 360);
  }
  const T = 1 - 0.17 * Math.cos((hmp - 30) * DEG) + 0.24 * Math.cos(2 * hmp * DEG) + 0.32 * Math.cos((3 * hmp + 6) * DEG) - 0.2 * Math.cos((4 * hmp - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hmp - 275) / 25) ** 2));
  const Cmp7 = Cmp ** 7;
  const RC = 2 * Math.sqrt(Cmp7 / (Cmp7 + POW25_7));
  const Lm50 = (Lmp - 50) ** 2;
  const SL = 1 + 0.015 * Lm50 / Math.sqrt(20 + Lm50);
  const SC = 1 + 0.045 * Cmp;
  const SH = 1 + 0.015 * Cmp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;
  const tL = dLp / SL;
  const tC = dCp / SC;
  const tH = dHp / SH;
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}
function meanCiede2000(pred, truth) {
  const p = grayToRgb(pred);
  const t = grayToRgb(truth);
  assertSameShape(p, t);
  const lp = rgbImageToLab(p);
  const lt = rgbImageToLab(t);
  const [L1, A1, B1] = lp.channels;
  const [L2, A2, B2] = lt.channels;
  let s = 0;
  for (let i = 0; i < L1.length; i++)
    s += ciede2000(L1[i], A1[i], B1[i], L2[i], A2[i], B2[i]);
  return s / L1.length;
}

// dist/metrics/colorfulness.js
function colorfulness(img) {
  if (img.channels.length === 1)
    return 0;
  const [R, G, B] = img.channels;
  const n = R.length;
  let srg = 0;
  let syb = 0;
  let srg2 = 0;
  let syb2 = 0;
  for (let i = 0; i < n; i++) {
    const r = R[i] * 255;
    const g = G[i] * 255;
    const b = B[i] * 255;
    const rg = r - g;
    const yb = 0.5 * (r + g) - b;
    srg += rg;
    syb += yb;
    srg2 += rg * rg;
    syb2 += yb * yb;
  }
  const mrg = srg / n;
  const myb = syb / n;
  const vrg = Math.max(0, srg2 / n - mrg * mrg);
  const vyb = Math.max(0, syb2 / n - myb * myb);
  return Math.sqrt(vrg + vyb) + 0.3 * Math.sqrt(mrg * mrg + myb * myb);
}

// dist/metrics/histogram-intersection.js
var HIS_BINS = 21;
var HIS_RANGE = 110;
function abHistogram(img) {
  const h = new Float64Array(HIS_BINS * HIS_BINS);
  if (img.channels.length === 1) {
    h[(HIS_BINS - 1) / 2 * HIS_BINS + (HIS_BINS - 1) / 2] = 1;
    return h;
  }
  const lab = rgbImageToLab(img);
  const [, A, B] = lab.channels;
  const step = 2 * HIS_RANGE / HIS_BINS;
  for (let i = 0; i < A.length; i++) {
    let ia = Math.floor((A[i] + HIS_RANGE) / step);
    let ib = Math.floor((B[i] + HIS_RANGE) / step);
    ia = ia < 0 ? 0 : ia >= HIS_BINS ? HIS_BINS - 1 : ia;
    ib = ib < 0 ? 0 : ib >= HIS_BINS ? HIS_BINS - 1 : ib;
    h[ia * HIS_BINS + ib] += 1;
  }
  for (let k = 0; k < h.length; k++)
    h[k] /= A.length;
  return h;
}
function histogramIntersection(a, b) {
  const ha = abHistogram(a);
  const hb = abHistogram(b);
  let s = 0;
  for (let k = 0; k < ha.length; k++)
    s += Math.min(ha[k], hb[k]);
  return s;
}

// dist/metrics/psnr.js
function psnr(pred, truth) {
  assertSameShape(pred, truth);
  let se = 0;
  let count = 0;
  for (let c = 0; c < pred.channels.length; c++) {
    const p = pred.channels[c];
    const t = truth.channels[c];
    for (let i = 0; i < p.length; i++) {
      const d = (p[i] - t[i]) * 255;
      se += d * d;
    }
    count += p.length;
  }
  const mse = se / count;
  return mse === 0 ? Infinity : 10 * Math.log10(255 * 255 / mse);
}

// dist/color/hsv.js
function hsvSaturation(r, g, b) {
  const max = Math.max(r, g, b);
  if (max <= 0)
    return 0;
  return (max - Math.min(r, g, b)) / max;
}

// dist/metrics/saturation.js
function meanSaturation(img) {
  if (img.channels.length === 1)
    return 0;
  const [R, G, B] = img.channels;
  let s = 0;
  for (let i = 0; i < R.length; i++)
    s += hsvSaturation(R[i], G[i], B[i]);
  return s / R.length;
}

// dist/metrics/ssim.js
function ssim(pred, truth, options = {}) {
  assertSameShape(pred, truth);
  const { width: w, height: h } = pred;
  const pad = 5;
  if (w <= 2 * pad || h <= 2 * pad)
    throw new RangeError(`SSIM needs images larger than 11\xD711, got ${w}\xD7${h}`);
  const kernel = gaussianKernel(1.5, 3.5);
  const N = 121;
  const covNorm = options.sampleCovariance ? N / (N - 1) : 1;
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  const K = kernel.length;
  const n = w * h;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const hx = new Float64Array(n);
  const hy = new Float64Array(n);
  const hxx = new Float64Array(n);
  const hyy = new Float64Array(n);
  const hxy = new Float64Array(n);
  const vx = new Float64Array(w);
  const vy = new Float64Array(w);
  const vxx = new Float64Array(w);
  const vyy = new Float64Array(w);
  const vxy = new Float64Array(w);
  let total = 0;
  for (let c = 0; c < pred.channels.length; c++) {
    const pc = pred.channels[c];
    const tc = truth.channels[c];
    for (let i = 0; i < n; i++) {
      x[i] = Math.round(pc[i] * 255 * 1e4) / 1e4;
      y[i] = Math.round(tc[i] * 255 * 1e4) / 1e4;
    }
    for (let r = 0; r < h; r++) {
      const row = r * w;
      for (let q = pad; q < w - pad; q++) {
        let sx = 0;
        let sy = 0;
        let sxx = 0;
        let syy = 0;
        let sxy = 0;
        for (let k = 0, j = row + q - pad; k < K; k++, j++) {
          const wk = kernel[k];
          const a = x[j];
          const b = y[j];
          sx += wk * a;
          sy += wk * b;
          sxx += wk * a * a;
          syy += wk * b * b;
          sxy += wk * a * b;
        }
        const i = row + q;
        hx[i] = sx;
        hy[i] = sy;
        hxx[i] = sxx;
        hyy[i] = syy;
        hxy[i] = sxy;
      }
    }
    let s = 0;
    for (let r = pad; r < h - pad; r++) {
      vx.fill(0);
      vy.fill(0);
      vxx.fill(0);
      vyy.fill(0);
      vxy.fill(0);
      for (let k = 0; k < K; k++) {
        const wk = kernel[k];
        const src = (r + k - pad) * w;
        for (let q = pad; q < w - pad; q++) {
          const i = src + q;
          vx[q] += wk * hx[i];
          vy[q] += wk * hy[i];
          vxx[q] += wk * hxx[i];
          vyy[q] += wk * hyy[i];
          vxy[q] += wk * hxy[i];
        }
      }
      for (let q = pad; q < w - pad; q++) {
        const mx = vx[q];
        const my = vy[q];
        const sx2 = covNorm * (vxx[q] - mx * mx);
        const sy2 = covNorm * (vyy[q] - my * my);
        const sxy = covNorm * (vxy[q] - mx * my);
        s += (2 * mx * my + C1) * (2 * sxy + C2) / ((mx * mx + my * my + C1) * (sx2 + sy2 + C2));
      }
    }
    total += s / ((w - 2 * pad) * (h - 2 * pad));
  }
  return total / pred.channels.length;
}

// dist/metrics/evaluate.js
var SCORE_NAMES = ["psnr", "ssim", "colorfulness", "saturation", "ciede2000", "his"];
function evaluate(pred, truth, reference) {
  if (pred.width !== truth.width || pred.height !== truth.height) {
    throw new ColorizeError(`result is ${pred.width}\xD7${pred.height} but truth is ${truth.width}\xD7${truth.height}`, "input");
  }
  const p = grayToRgb(pred);
  const t = grayToRgb(truth);
  const scores = {
    psnr: psnr(p, t),
    ssim: ssim(p, t),
    colorfulness: colorfulness(p),
    saturation: meanSaturation(p),
    ciede2000: meanCiede2000(p, t)
  };
  if (reference)
    scores.his = histogramIntersection(p, grayToRgb(reference));
  return scores;
}
function meanScores(list) {
  const mean = {};
  for (const key of SCORE_NAMES) {
    const vals = list.map((s) => s[key]).filter((v) => v !== void 0);
    if (vals.length)
      mean[key] = vals.reduce((s, v) => s + v, 0) / vals.length;
  }
  return mean;
}

// dist/cli/progress.js
import cliProgress from "cli-progress";
function startProgress(total, title) {
  if (!process.stderr.isTTY || total < 2)
    return { tick() {
    }, stop() {
    } };
  const bar = new cliProgress.SingleBar({
    format: `${title} [{bar}] {value}/{total} ETA {eta_formatted} {label}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { label: "" });
  return {
    tick(label = "") {
      bar.increment(1, { label });
    },
    stop() {
      bar.stop();
    }
  };
}
function startFractionProgress(title) {
  if (!process.stderr.isTTY)
    return { update() {
    }, stop() {
    } };
  const bar = new cliProgress.SingleBar({
    format: `${title} [{bar}] {percentage}% {stage}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true
  }, cliProgress.Presets.shades_classic);
  bar.start(100, 0, { stage: "" });
  return {
    update(fraction, stage) {
      bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 100), { stage });
    },
    stop() {
      bar.stop();
    }
  };
}

// dist/cli/shared-options.js
function readOptions(g) {
  const damaged = g.acceptDamaged === true ? { acceptDamaged: true } : {};
  if (g.maxPixels === void 0)
    return damaged;
  const v = Number(g.maxPixels);
  if (!Number.isFinite(v) || v <= 0) {
    throw new ColorizeError(`option --max-pixels = ${g.maxPixels} is invalid: expected a positive number of pixels`, "usage");
  }
  return { maxPixels: v, ...damaged };
}

// dist/cli/commands/eval.js
var COLUMNS = [
  ["psnr", "PSNR dB", 2],
  ["ssim", "SSIM", 4],
  ["colorfulness", "colourful", 2],
  ["saturation", "sat", 4],
  ["ciede2000", "\u0394E00", 3],
  ["his", "HIS", 4]
];
async function pairs(predArg, truthArg, refArg) {
  const predIsDir = await isDirectory(predArg);
  const truthIsDir = await isDirectory(truthArg);
  if (predIsDir !== truthIsDir) {
    throw new ColorizeError(`PRED and TRUTH must both be files or both be folders (${predArg}, ${truthArg})`, "usage");
  }
  const refIsDir = refArg ? await isDirectory(refArg) : false;
  if (!predIsDir) {
    return {
      list: [{ name: pairKey(predArg), pred: predArg, truth: truthArg, reference: refArg }],
      unmatched: []
    };
  }
  const preds = await listImages(predArg);
  if (preds.length === 0)
    throw new ColorizeError(`${predArg}: no image files in this folder`, "input", predArg);
  const truths = indexByKey(await listImages(truthArg), /_truth\./i);
  const refs = refArg ? refIsDir ? indexByKey(await listImages(refArg), /_reference\./i) : null : null;
  const list = [];
  const unmatched = [];
  for (const p of preds) {
    const k = pairKey(p);
    const t = truths.get(k);
    if (!t) {
      unmatched.push(path.basename(p));
      continue;
    }
    const reference = refArg ? refs ? refs.get(k) : refArg : void 0;
    list.push({ name: k, pred: p, truth: t, reference });
  }
  if (list.length === 0) {
    throw new ColorizeError(`no result in ${predArg} has a truth image of the same name in ${truthArg}`, "input");
  }
  return { list, unmatched };
}
function fmt(v, digits) {
  if (v === void 0)
    return "\u2013";
  if (v === Infinity)
    return "inf";
  return v.toFixed(digits);
}
function jsonNumber(v) {
  if (v === void 0)
    return void 0;
  return Number.isFinite(v) ? v : null;
}
function scoresJson(s) {
  const o = {};
  for (const [key] of COLUMNS) {
    const v = jsonNumber(s[key]);
    if (v !== void 0)
      o[key] = v;
  }
  return o;
}
function registerEval(program) {
  program.command("eval").summary("score colorized images against ground truth").description("Scores results against ground truth: PSNR (RGB, 8-bit), SSIM (Wang et al., 11\xD711 Gaussian \u03C3=1.5), colourfulness (Hasler & S\xFCsstrunk), mean HSV saturation, mean CIEDE2000, and, with --ref, the ab histogram intersection (HIS) with the reference. PRED and TRUTH are two files or two folders; folders are paired by name, ignoring role suffixes such as _truth, _result, _target. PSNR of identical images is reported as inf (null in JSON).").argument("<pred>", "result image or folder of results").argument("<truth>", "ground-truth image or folder").option("--ref <ref>", "reference image, or folder of references paired by name, for HIS").option("--json", "print machine-readable JSON instead of a table").action(async (predArg, truthArg, opts, cmd) => {
    const g = cmd.optsWithGlobals();
    const readOpts = readOptions(g);
    const { list, unmatched } = await pairs(predArg, truthArg, opts.ref);
    const rows = [];
    const progress = startProgress(list.length, "eval");
    try {
      for (const item of list) {
        const [p, t, r] = await Promise.all([
          readImage(item.pred, readOpts),
          readImage(item.truth, readOpts),
          item.reference ? readImage(item.reference, readOpts) : Promise.resolve(void 0)
        ]);
        if (p.image.width !== t.image.width || p.image.height !== t.image.height) {
          throw new ColorizeError(`${item.pred}: ${p.image.width}\xD7${p.image.height} does not match truth ${item.truth} (${t.image.width}\xD7${t.image.height})`, "input", item.pred);
        }
        rows.push({ ...item, scores: evaluate(p.image, t.image, r?.image) });
        progress.tick(item.name);
      }
    } finally {
      progress.stop();
    }
    const mean = meanScores(rows.map((r) => r.scores));
    if (opts.json) {
      const out = {
        images: rows.map((r) => ({
          name: r.name,
          pred: r.pred,
          truth: r.truth,
          ...r.reference ? { reference: r.reference } : {},
          scores: scoresJson(r.scores)
        })),
        mean: scoresJson(mean),
        count: rows.length,
        unmatched
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}
`);
      return;
    }
    const hasHis = rows.some((r) => r.scores.his !== void 0);
    const cols = COLUMNS.filter(([k]) => k !== "his" || hasHis);
    const nameW = Math.max(4, ...rows.map((r) => r.name.length));
    const header = ["name".padEnd(nameW), ...cols.map(([, h]) => h.padStart(10))].join(" ");
    const lines = [header];
    for (const r of rows)
      lines.push([r.name.padEnd(nameW), ...cols.map(([k, , d]) => fmt(r.scores[k], d).padStart(10))].join(" "));
    if (rows.length > 1) {
      lines.push("-".repeat(header.length));
      lines.push([
        `mean (${rows.length})`.padEnd(nameW),
        ...cols.map(([k, , d]) => fmt(mean[k], d).padStart(10))
      ].join(" "));
    }
    process.stdout.write(`${lines.join("\n")}
`);
    if (unmatched.length)
      process.stderr.write(`warning: no truth image for ${unmatched.length} file(s): ${unmatched.join(", ")}
`);
  });
}

// dist/cli/family-command.js
import { promises as fs2 } from "node:fs";
import path3 from "node:path";

// dist/cli/batch.js
import { promises as fs } from "node:fs";
import path2 from "node:path";
function jobSummary(title, done, skipped, failed, ms) {
  return `${title}: ${done} written, ${skipped} skipped, ${failed} failed, ${(ms / 1e3).toFixed(1)} s`;
}
var TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;
async function removeStaleTemporaries(dir) {
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [])) {
    const m = TEMP_NAME.exec(name);
    if (!m || processAlive(Number(m[1])))
      continue;
    await fs.rm(path2.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
async function singleOutput(input, out, noun, otherInputs = {}) {
  const outIsDir = await fs.stat(out).then((st) => st.isDirectory()).catch(() => false);
  const outFile = outIsDir ? outputPathFor(input, out) : out;
  await checkOutputPath(outFile, { [noun]: input, ...otherInputs });
  return outFile;
}
async function checkOutputFolder(out, argName) {
  const outStat = await fs.stat(out).catch(() => void 0);
  if (outStat && !outStat.isDirectory())
    throw new ColorizeError(`${out}: ${argName} is a folder, so -o must be a folder, not a file`, "usage", out);
  if (!outStat && path2.extname(out) !== "")
    throw new ColorizeError(`${out}: ${argName} is a folder, so -o must be a folder (got a file name)`, "usage", out);
}
async function runJobs(items, outDir, options, one) {
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new ColorizeError(`${outDir}: cannot create the output folder (${err.message})`, "io", outDir);
  }
  const t0 = performance.now();
  const cleaned = await removeStaleTemporaries(outDir);
  const failures = [];
  const todo = [];
  let skipped = 0;
  for (const item of items) {
    if (!options.overwrite && (await fs.stat(item.output).catch(() => void 0))?.isFile())
      skipped++;
    else
      todo.push(item);
  }
  if (!options.quiet && (skipped || cleaned)) {
    const parts = [
      skipped ? `${skipped} of ${items.length} outputs already there, skipped (--overwrite redoes them)` : "",
      cleaned ? `${cleaned} temporary file(s) of an interrupted run removed` : ""
    ];
    process.stderr.write(`colorize: ${parts.filter(Boolean).join("; ")}
`);
  }
  const progress = options.quiet || todo.length === 0 ? { tick() {
  }, stop() {
  } } : startProgress(todo.length, options.title);
  try {
    for (const item of todo) {
      const file = item.input;
      try {
        await fs.mkdir(path2.dirname(item.output), { recursive: true });
        if (path2.resolve(item.output) === path2.resolve(file))
          throw new ColorizeError(`${item.output}: the output would overwrite the ${options.noun}`, "usage");
        await one(item);
      } catch (err) {
        const msg = err instanceof ColorizeError ? err.message : `internal error: ${err?.message ?? String(err)}`;
        failures.push(msg.startsWith(file) ? msg : `${file}: ${msg}`);
      }
      progress.tick(path2.basename(file));
    }
  } finally {
    progress.stop();
  }
  if (!options.quiet)
    process.stderr.write(`colorize: ${jobSummary(options.title, todo.length - failures.length, skipped, failures.length, performance.now() - t0)}
`);
  if (failures.length) {
    for (const f of failures)
      process.stderr.write(`colorize: ${f}
`);
    throw new ColorizeError(`${failures.length} of ${items.length} ${options.noun}s failed; the others were written to ${outDir}`, "input");
  }
}

// dist/cli/family-command.js
function familyInputs(methods) {
  const out = /* @__PURE__ */ new Map();
  for (const m of methods)
    for (const i of m.inputs)
      if (!out.has(i.name))
        out.set(i.name, i);
  return [...out.values()];
}
var flagOf = (input) => `--${input}`;
var INPUT_NOUNS = {
  gray: "gray image",
  target: "target",
  reference: "reference",
  gallery: "gallery",
  marked: "marked image",
  strokes: "strokes file",
  mask: "mask",
  colors: "colour image"
};
function hanging(head, text, width = 80) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && head.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else
      line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? head : " ".repeat(head.length)) + l).join("\n");
}
function registerFamilyCommand(program, spec) {
  const methods = listMethods(spec.family);
  const argInputs = new Set(spec.args.map((a) => a.input));
  const inputs = familyInputs(methods);
  const flagInputs = inputs.filter((i) => !argInputs.has(i.name) && i.kind !== "gallery");
  const hasGallery = inputs.some((i) => i.kind === "gallery");
  const debugMethods = methods.filter((m) => m.debugPictures).map((m) => m.name);
  const dflt = familyDefault(spec.family)?.name;
  const cmd = program.command(spec.command).summary(spec.summary).description(`${spec.description}

Methods (--method):
` + methods.map((m) => hanging(`  ${m.name.padEnd(14)} `, `${m.summary}${m.name === dflt ? " [default]" : ""}`)).join("\n") + "\n\nMethod flags are listed below, prefixed with the method they apply to when not all read them.");
  for (const a of spec.args)
    cmd.argument(a.optional ? `[${a.label}]` : `<${a.label}>`, a.help);
  cmd.requiredOption("-o, --output <path>", "output image, or output folder for a folder job").option("-m, --method <name>", methods.map((m) => m.name).join(", "), dflt).option("-q, --quiet", "no notes, summary or progress on standard error").option("-r, --recursive", "folder jobs: also the images in subfolders, mirrored under the output folder").option("--suffix <text>", "folder jobs: append this to each output name (e.g. _colorized); default none");
  for (const i of flagInputs)
    cmd.option(`${flagOf(i.name)} <file>`, i.description);
  if (hasGallery) {
    cmd.option("--gallery <dir>", "pick the reference from this folder of colour images (report \xA74.4.3)");
    cmd.option("--top-k <k>", "with --gallery: list the k nearest gallery images (the nearest is used; default 1)");
    cmd.option("--index <file>", "with --gallery: index file (default: models/cache/gallery-<folder>-<hash>.idx)");
  }
  if (debugMethods.length)
    cmd.option("--debug-dir <dir>", `${debugMethods.join(", ")}: write intermediate pictures here as <input name>-<picture>.png`);
  declareMethodFlags(cmd, methods);
  if (spec.epilog)
    cmd.addHelpText("after", `
${spec.epilog}`);
  cmd.action(async (...args) => {
    const c = args[args.length - 1];
    const values = args.slice(0, spec.args.length);
    await runFamilyCommand(spec, c, values, c.opts(), methods);
  });
}
function inputWord(spec, name) {
  const a = spec.args.find((x) => x.input === name);
  return a ? a.label.toUpperCase() : flagOf(name);
}
async function runFamilyCommand(spec, cmd, values, f, methods) {
  const method = getMethod(f.method, spec.family);
  const options = methodOptions(cmd, method, methods);
  const global = cmd.optsWithGlobals();
  const readOpts = readOptions(global);
  if (f.debugDir !== void 0 && !method.debugPictures) {
    const owners = methods.filter((m) => m.debugPictures).map((m) => m.name);
    throw new ColorizeError(`option --debug-dir belongs to --method ${owners.join("/")}, not ${method.name}`, "usage");
  }
  const files = {};
  spec.args.forEach((a, i) => {
    if (values[i] !== void 0)
      files[a.input] = values[i];
  });
  for (const i of familyInputs(methods)) {
    if (i.kind === "gallery" || spec.args.some((a) => a.input === i.name))
      continue;
    const v = f[i.name];
    if (typeof v === "string")
      files[i.name] = v;
  }
  for (const name of Object.keys(files))
    if (!method.inputs.some((i) => i.name === name))
      throw new ColorizeError(`${inputWord(spec, name)} is not an input of --method ${method.name}`, "usage");
  if (f.gallery !== void 0) {
    if (!method.inputs.some((i) => i.kind === "gallery"))
      throw new ColorizeError(`--gallery is not an input of --method ${method.name}`, "usage");
    if (files.reference !== void 0)
      throw new ColorizeError(`give either ${inputWord(spec, "reference")} or --gallery DIR, not both`, "usage");
    files.gallery = f.gallery;
  } else if (f.topK !== void 0 || f.index !== void 0)
    throw new ColorizeError("--top-k and --index need --gallery DIR", "usage");
  const problem = inputProblem(method, (n) => files[n] !== void 0, (n) => n === "gallery" ? "--gallery DIR" : inputWord(spec, n));
  if (problem)
    throw new ColorizeError(problem, "usage");
  for (const m of method.models ?? [])
    requireModel(m);
  if (f.debugDir !== void 0)
    await ensureFolder(f.debugDir, "--debug-dir");
  const gallery = files.gallery === void 0 ? void 0 : await openGalleryWithProgress(files.gallery, f, !!f.quiet);
  const topK = gallery ? topKOf(f.topK) : 1;
  const seen = /* @__PURE__ */ new Set();
  const job = new InputJob(spec, method, options, readOpts, f, gallery, topK, seen);
  job.stripMetadata = global.stripMetadata === true;
  const first = spec.args[0].input;
  const firstPath = files[first];
  const out = f.output;
  if (!await isDirectory(firstPath)) {
    const others = {};
    for (const [k, v] of Object.entries(files))
      if (k !== first && k !== "gallery")
        others[INPUT_NOUNS[k]] = v;
    for (const [k, v] of Object.entries(others))
      if (v !== void 0 && spec.args.some((a) => INPUT_NOUNS[a.input] === k) && await isDirectory(v))
        throw new ColorizeError(`${v}: ${k.toUpperCase()} must be an image file when ${inputWord(spec, first)} is a file`, "usage", v);
    const outFile = await singleOutput(firstPath, out, INPUT_NOUNS[first], others);
    const bar = f.quiet ? null : startFractionProgress(`${spec.command} (${method.name})`);
    try {
      await job.run(files, outFile, (fraction, stage) => bar?.update(fraction, stage ?? ""));
    } finally {
      bar?.stop();
    }
    return;
  }
  job.inFolder = true;
  const label = spec.args[0].label.toUpperCase();
  await checkOutputFolder(out, label);
  const recursive = f.recursive === true;
  const suffix = f.suffix ?? "";
  if (/[/\\]/.test(suffix))
    throw new ColorizeError(`option --suffix = ${JSON.stringify(suffix)} is invalid: expected no path separators`, "usage");
  const list = (await listImagesDeep(firstPath, recursive)).filter((p) => !/_(reference|ref|truth|marked)\./i.test(path3.basename(p)));
  if (list.length === 0)
    throw new ColorizeError(`${firstPath}: no image files in this folder`, "input", firstPath);
  const keyOf = (root, file) => path3.join(path3.relative(root, path3.dirname(file)), pairKey(file));
  const paired = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(files))
    if (k !== first && k !== "gallery" && await isDirectory(v)) {
      const byKey = /* @__PURE__ */ new Map();
      const prefer = new RegExp(`_${k}\\.`, "i");
      for (const file of await listImagesDeep(v, recursive)) {
        const key = keyOf(v, file);
        if (!byKey.has(key) || prefer.test(path3.basename(file)))
          byKey.set(key, file);
      }
      paired.set(k, byKey);
    }
  const items = [];
  const missing = [];
  for (const file of list) {
    const own = { ...files, [first]: file };
    let ok = true;
    for (const [k, byKey] of paired) {
      const match = byKey.get(keyOf(firstPath, file));
      if (match === void 0 || match === file)
        ok = false;
      else
        own[k] = match;
    }
    const rel = path3.relative(firstPath, file);
    if (!ok) {
      missing.push(rel);
      continue;
    }
    const named = outputPathFor(file, path3.join(out, path3.dirname(rel)));
    const ext = path3.extname(named);
    items.push({ input: file, output: named.slice(0, -ext.length) + suffix + ext, files: own });
  }
  if (items.length === 0)
    throw new ColorizeError(`no image in ${firstPath} has a ${[...paired.keys()].map((k) => inputWord(spec, k)).join("/")} of the same name`, "input");
  try {
    await runJobs(items, out, {
      title: `${spec.command} (${method.name})`,
      noun: spec.noun,
      quiet: f.quiet,
      overwrite: global.overwrite
    }, (item) => job.run(item.files, item.output));
  } finally {
    if (missing.length)
      process.stderr.write(`warning: no pair for ${missing.length} file(s): ${missing.join(", ")}
`);
  }
}
function topKOf(raw) {
  const k = raw === void 0 ? 1 : Number(raw);
  if (!Number.isInteger(k) || k < 1)
    throw new ColorizeError(`option --top-k = ${JSON.stringify(raw)} is invalid: expected an integer \u2265 1`, "usage");
  return k;
}
async function openGalleryWithProgress(dir, f, quiet) {
  if (!await isDirectory(dir))
    throw new ColorizeError(`${dir}: --gallery must be a folder of colour images`, "io", dir);
  if (f.index !== void 0 && (await fs2.stat(f.index).catch(() => void 0))?.isDirectory())
    throw new ColorizeError(`${f.index}: --index names the gallery index file, and this is a folder; give a file name`, "usage", f.index);
  let bar = null;
  try {
    return await openGallery(dir, {
      indexFile: f.index,
      onProgress: (_done, total, file) => {
        if (quiet)
          return;
        bar ??= startProgress(total, "indexing gallery");
        bar.tick(path3.basename(file));
      }
    });
  } finally {
    bar?.stop();
  }
}
function cliGrayHint(method) {
  return grayTargetHint(method, {
    method: (m) => `--method ${m}`,
    exemplar: () => "`colorize exemplar GRAY REFERENCE -o OUT`",
    option: (k, v) => {
      const o = method.options.find((x) => x.key === k);
      return `${o ? flagName(o) : `--${k}`} ${v}`;
    }
  });
}
var InputJob = class {
  spec;
  method;
  options;
  readOpts;
  f;
  gallery;
  topK;
  seen;
  constructor(spec, method, options, readOpts, f, gallery, topK, seen) {
    this.spec = spec;
    this.method = method;
    this.options = options;
    this.readOpts = readOpts;
    this.f = f;
    this.gallery = gallery;
    this.topK = topK;
    this.seen = seen;
  }
  /** Set for folder jobs: no per-file summary line. */
  inFolder = false;
  /** The global --strip-metadata. */
  stripMetadata = false;
  note(text) {
    if (this.f.quiet || this.seen.has(text))
      return;
    this.seen.add(text);
    process.stderr.write(`note: ${text}
`);
  }
  async run(files, outFile, progress) {
    const t0 = performance.now();
    const { method, spec } = this;
    method.prepare?.();
    const inputs = { images: {}, texts: {} };
    const decoded = {};
    for (const i of method.inputs) {
      const file = files[i.name];
      if (file === void 0 || i.kind === "gallery")
        continue;
      if (i.kind === "json") {
        try {
          inputs.texts[i.name] = await fs2.readFile(file, "utf8");
        } catch {
          throw new ColorizeError(`${file}: file not found or not readable`, "io", file);
        }
        continue;
      }
      const value = await readImage(file, this.readOpts);
      decoded[i.name] = value;
      inputs.images[i.name] = { image: value.image, isGray: value.isGray };
      if (i.name === spec.args[0].input)
        method.prepare?.({ width: value.image.width, height: value.image.height }, this.options);
    }
    const first = spec.args[0].input;
    const primary = decoded[first];
    if (this.gallery) {
      const ranked = await this.gallery.nearest(primary.image, this.topK);
      if (this.topK > 1) {
        process.stdout.write(`${files[first]}: nearest gallery images (report \xA74.4.3, VGG-19 conv3_4 distance)
`);
        ranked.forEach((r, i) => {
          process.stdout.write(`  ${i + 1}. ${r.distance.toFixed(1).padStart(10)}  ${r.file}
`);
        });
      }
      files = { ...files, reference: ranked[0].file };
      const d = await readImage(ranked[0].file, this.readOpts);
      decoded.reference = d;
      inputs.images.reference = { image: d.image, isGray: d.isGray };
    }
    if (decoded.reference?.isGray)
      throw new ColorizeError(`${files.reference}: the reference is gray, so it has no colours to use; give a colour reference`, "input", files.reference);
    if (inputs.images.target && refusesGrayTarget(method, inputs.images.target.isGray, this.options)) {
      const hint = cliGrayHint(method);
      throw new ColorizeError(`${files.target}: --method ${method.name} needs a colour target and this one is gray${hint ? `; ${hint}` : ""}`, "input", files.target);
    }
    const stem = path3.parse(files[first]).name;
    const debugDir = this.f.debugDir;
    const context = {
      notice: (text) => this.note(text),
      progress,
      debugImage: debugDir === void 0 ? void 0 : (name, image) => writeImage(path3.join(debugDir, `${stem}-${name}.png`), image)
    };
    let result;
    try {
      result = await method.run(inputs, this.options, context);
    } catch (err) {
      const named = withFlagName(err, method);
      throw named === err ? withInputFile(err, files) : named;
    }
    const carry = this.stripMetadata ? null : {
      record: colourisationRecord(method.name, this.options),
      notes: (t) => this.note(t)
    };
    await writeResult(outFile, result.rgb, primary, carry);
    if (!this.f.quiet && !this.inFolder)
      process.stderr.write(`${outFile}: ${result.summary ?? method.name}, total ${((performance.now() - t0) / 1e3).toFixed(2)} s
`);
  }
};

// dist/cli/commands/families.js
var FAMILY_COMMANDS = [
  {
    family: "scribbles",
    command: "scribble",
    summary: "colorize a gray photo from coloured strokes",
    description: `Spreads the colours of a few user strokes over a gray photo.

Strokes come in one of three forms:
  MARKED               the gray image with strokes painted on it; a pixel is a
                       stroke when |R\u2212gray|+|G\u2212gray|+|B\u2212gray| > 0.01 (Levin et
                       al.), so white, gray or black strokes count too (they
                       keep a region uncoloured)
  --mask M --colors C  a black/white mask (white = stroke) and an image with the
                       colours
  --strokes S.json     {"strokes": [{"points": [[x, y], ...], "width": 6,
                       "color": "#d04020"}]} (pixel coordinates, width = brush
                       diameter in pixels)

A colour image given as GRAY is reduced to its luminance. The output keeps the gray image as luminance, and GRAY's alpha and bit depth.`,
    args: [
      { input: "gray", label: "gray", help: "gray photo (a colour photo is reduced to its luminance)" },
      {
        input: "marked",
        label: "marked",
        help: "the gray photo with coloured strokes painted on it",
        optional: true
      }
    ],
    noun: "photo",
    epilog: "Examples:\n  colorize scribble examples/scene_gray.png examples/scene_marked.png \\\n      -o scene_levin.png\n  colorize scribble examples/scene_gray.png \\\n      --strokes examples/scene_strokes.json -o out.png"
  },
  {
    family: "transfer",
    command: "transfer",
    summary: "recolour an image (or a folder) with the colours of a reference image",
    description: "Colour transfer from REFERENCE (or the nearest image of a --gallery) to TARGET (colour or gray). TARGET may be a folder: every image in it is recoloured into the folder given by -o (created if missing), with one REFERENCE or a folder of references paired by name.",
    args: [
      { input: "target", label: "target", help: "image to recolour (colour or gray), or a folder of them" },
      {
        input: "reference",
        label: "reference",
        help: "colour image whose colours are used; omit with --gallery",
        optional: true
      }
    ],
    noun: "target"
  },
  {
    family: "exemplar",
    command: "exemplar",
    summary: "colour a gray image from a colour reference photo (or the nearest of a gallery)",
    description: "Exemplar colorization: GRAY is coloured from a colour REFERENCE, or from the gallery image nearest to it in VGG-19 features with --gallery DIR (report \xA74.4.3; the folder is indexed once into a cached file). GRAY may be a folder; REFERENCE is then a folder of references paired by name (NNN_target \u2194 NNN_reference) or one image, and -o names the output folder.",
    args: [
      { input: "target", label: "gray", help: "gray image (or folder of images) to colour" },
      {
        input: "reference",
        label: "reference",
        help: "colour reference image (or folder of references); omit with --gallery",
        optional: true
      }
    ],
    noun: "target"
  },
  {
    family: "automatic",
    command: "auto",
    summary: "colour a gray image (or a folder) fully automatically, with a trained model",
    description: "Fully automatic colorization of GRAY (a colour input is reduced to its luminance). GRAY may be a folder: every image in it is coloured into the folder given by -o (created if missing).",
    args: [{ input: "gray", label: "gray", help: "gray image to colour, or a folder of them" }],
    noun: "input"
  },
  {
    family: "fuse",
    command: "fuse",
    summary: "colour a gray photo from strokes, a reference and the automatic prediction together",
    description: "Hints that work together: any non-empty combination of strokes (--strokes S.json or --marked M), a colour reference (--reference R, or the nearest image of --gallery DIR) and the automatic CNN prediction (--auto) become colour candidates of every pixel, and one coupled-TV selection (Mouzon, Pierre & Berger 2019) chooses among them. Strokes are kept exactly where drawn; their confidence falls with the edge-aware distance from them. See docs/fuse.md.",
    args: [
      {
        input: "gray",
        label: "gray",
        help: "gray photo to colour (a colour photo is reduced to its luminance)"
      }
    ],
    noun: "photo",
    epilog: "Examples:\n  colorize fuse examples/scene_gray.png --marked examples/scene_marked.png \\\n      --reference examples/sunset.png --auto -o fused.png\n  colorize fuse examples/scene_gray.png --reference examples/sunset.png --auto -o fused.png"
  }
];
function registerFamilyCommands(program) {
  for (const spec of FAMILY_COMMANDS)
    registerFamilyCommand(program, spec);
}

// dist/cli/commands/info.js
function registerInfo(program) {
  program.command("info").summary("show how images are decoded").description("Prints, for each image, its size after EXIF rotation, source format, bit depth, whether it is gray (one channel, or RGB with R = G = B), whether it has alpha, and how many frames an animated or multi-page file holds.").argument("<images...>", "image files").option("--json", "print JSON").action(async (files, opts, cmd) => {
    const readOpts = readOptions(cmd.optsWithGlobals());
    const out = [];
    for (const f of files) {
      const d = await readImage(f, { ...readOpts, firstFrame: true });
      out.push({
        file: f,
        width: d.image.width,
        height: d.image.height,
        format: d.format,
        bitDepth: d.bitDepth,
        gray: d.isGray,
        storedAsRgb: d.storedAsRgb,
        alpha: d.alpha !== null,
        frames: d.frames
      });
    }
    if (opts.json)
      process.stdout.write(`${JSON.stringify(out, null, 2)}
`);
    else
      for (const o of out)
        process.stdout.write(`${o.file}: ${o.width}\xD7${o.height} ${o.format} ${o.bitDepth}-bit ${o.gray ? o.storedAsRgb ? "gray (stored as RGB)" : "gray" : "colour"}${o.alpha ? " +alpha" : ""}${o.frames > 1 ? `, ${o.frames} frames (the first is shown)` : ""}
`);
  });
}

// dist/cli/commands/methods.js
function registerMethods(program) {
  program.command("methods").summary("list every method with its inputs and options").option("--json", "print the catalogue as JSON (as GET /v1/methods)").option("-v, --verbose", "also list each method\u2019s options").action((opts) => {
    const methods = listMethods();
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ methods: methods.map(describeMethod) }, null, 2)}
`);
      return;
    }
    for (const spec of FAMILY_COMMANDS) {
      process.stdout.write(`colorize ${spec.command} --method \u2026
`);
      for (const m of listMethods(spec.family)) {
        const where = m.browser ? "browser+server" : "server";
        process.stdout.write(`  ${m.name.padEnd(14)} ${m.summary} [${where}]
`);
        if (opts.verbose)
          for (const o of m.options)
            process.stdout.write(`      ${flagName(o).padEnd(24)} ${optionHelp(o)}
`);
      }
    }
  });
}

// dist/cli/commands/models.js
function registerModels(program) {
  program.command("models").summary("list the models, where they were found, and what is missing").description("Lists every model the methods load: its files and where they were found, or for a missing file each path searched. Models are looked for in $COLORIZE_MODELS (a path list), the project models/ folder and ../shared/models beside the project; converted files are cached in models/cache/ ($COLORIZE_MODELS_CACHE).").option("--convert", "also convert the installed models that need it into their cached ONNX files").option("--json", "print JSON").action(async (opts) => {
    const rows = [];
    for (const entry of listModels()) {
      const s = modelStatus(entry.name);
      let converted;
      if (opts.convert && s.available && entry.convert)
        converted = await entry.convert();
      rows.push({
        name: entry.name,
        available: s.available,
        description: entry.description,
        usedBy: entry.usedBy,
        source: entry.source,
        found: s.found,
        searched: s.searched,
        ...converted ? { converted } : {}
      });
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ searchPaths: modelSearchPaths(), cache: modelCacheDir(), models: rows }, null, 2)}
`);
      return;
    }
    const lines = [`search paths: ${modelSearchPaths().join(", ")}`, `cache: ${modelCacheDir()}`, ""];
    for (const r of rows) {
      lines.push(`${r.available ? "ok     " : "MISSING"} ${r.name}: ${r.description}`);
      lines.push(`        used by: ${r.usedBy.join(", ") || "-"}; source: ${r.source}`);
      const files = Object.entries(r.found);
      const where = new Set(files.filter(([, p]) => p).map(([f, p]) => p.slice(0, p.length - f.length)));
      if (where.size)
        lines.push(`        found in: ${[...where].join(", ")}`);
      for (const [f, paths] of Object.entries(r.searched))
        lines.push(`        missing ${f}; looked in: ${paths.join(", ")}`);
      if (r.converted)
        lines.push(`        converted: ${r.converted}`);
    }
    process.stdout.write(`${lines.join("\n")}
`);
  });
}

// dist/cli/commands/queue.js
function queueConnectionOptions(cmd) {
  return cmd.option("--redis <url>", "Redis to use, e.g. redis://host:6379 (default: $COLORIZE_REDIS_URL)").option("--queue <name>", "queue name (several archives can share one Redis)", DEFAULT_QUEUE);
}
async function withQueue(f, fn) {
  const url = redisUrl(f.redis);
  const redis = await connectRedis(url);
  const { openQueue } = await import("./jobs-3UJZLGST.js");
  const queue = openQueue(redis, f.queue);
  try {
    return await fn(queue, url);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
function sharedInputs() {
  const out = /* @__PURE__ */ new Map();
  for (const m of listMethods())
    for (const i of m.inputs.slice(1))
      if (!out.has(i.name))
        out.set(i.name, { name: i.name, kind: i.kind, description: i.description });
  return [...out.values()];
}
function keyValue(raw, prev) {
  const eq = raw.indexOf("=");
  if (eq <= 0)
    throw new ColorizeError(`--option ${raw}: expected key=value (e.g. --option bins=64)`, "usage");
  return { ...prev, [raw.slice(0, eq).trim()]: raw.slice(eq + 1) };
}
function duration(s) {
  if (s === null)
    return "unknown";
  if (s < 90)
    return `${Math.round(s)} s`;
  if (s < 5400)
    return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
function formatStatus(s, url) {
  const c = s.counts;
  const lines = [
    `queue ${s.queue} on ${shownUrl(url)}`,
    `  waiting ${c.waiting}, active ${c.active}, delayed ${c.delayed}, completed ${c.completed}, failed ${c.failed}`,
    s.throughput === null ? `  throughput: not enough jobs finished in the last ${duration(s.windowSeconds)}` : `  throughput ${s.throughput.toFixed(2)} jobs/s (last ${duration(s.windowSeconds)}), ETA ${duration(s.etaSeconds)}`
  ];
  for (const a of s.active)
    lines.push(`  running ${a.input} (${Math.round(a.progress * 100)}%)`);
  if (s.failed.length) {
    lines.push(`  failed jobs (\`colorize queue retry-failed\` runs them again):`);
    for (const f of s.failed)
      lines.push(`    ${f.error}`);
    if (s.failed.length < c.failed)
      lines.push(`    \u2026 and ${c.failed - s.failed.length} more`);
  }
  return `${lines.join("\n")}
`;
}
function registerQueue(program) {
  const queue = program.command("queue").summary("batch jobs on a distributed queue (BullMQ on Redis) for `colorize worker`").description("Enqueue one job per image on a Redis-backed queue; `colorize worker` on any number of\nmachines runs them. Inputs and outputs must be paths every worker sees (a shared file\nsystem). See docs/scale-out.md.");
  const add = queue.command("add").summary("enqueue one job per image (files, or folders of images)").argument("<input...>", "images, or folders of images, to colour (the method\u2019s first input)").requiredOption("-m, --method <name>", "a method of `colorize methods`").option("--option <key=value>", "a method option by its key (see `colorize methods -v`); repeat for several", keyValue).requiredOption("-o, --out <dir>", "output folder (created); outputs are named after their inputs");
  for (const i of sharedInputs())
    add.option(`--${i.name} <${i.kind === "gallery" ? "dir" : "file"}>`, i.kind === "gallery" ? "a folder of colour photos: the nearest to each image becomes its reference (report \xA74.4.3)" : `${i.description} (the same for every job)`);
  queueConnectionOptions(add).action(async (inputs, f, cmd) => {
    const global = cmd.optsWithGlobals();
    const shared = {};
    for (const i of sharedInputs())
      if (typeof f[i.name] === "string")
        shared[i.name] = f[i.name];
    const { addJobs } = await import("./jobs-3UJZLGST.js");
    const report = await withQueue(f, (q) => addJobs(q, {
      inputs,
      method: f.method,
      options: f.option ?? {},
      shared,
      out: f.out,
      read: readOptions(global),
      overwrite: global.overwrite
    }));
    const parts = [`${report.added} job(s) added`];
    for (const [state, n] of Object.entries(report.existing))
      parts.push(`${n} already ${state}`);
    if (report.outputExists)
      parts.push(`${report.outputExists} output(s) already there (--overwrite redoes them)`);
    process.stdout.write(`${parts.join(", ")} (of ${report.total})
`);
  });
  queueConnectionOptions(queue.command("status").summary("counts, throughput, ETA and the failed jobs with their errors").option("--json", "print the status as JSON")).action(async (f) => {
    const { queueStatus } = await import("./jobs-3UJZLGST.js");
    await withQueue(f, async (q, url) => {
      const s = await queueStatus(q);
      process.stdout.write(f.json ? `${JSON.stringify(s, null, 2)}
` : formatStatus(s, url));
    });
  });
  queueConnectionOptions(queue.command("retry-failed").summary("move every failed job back to the waiting list")).action(async (f) => {
    const { retryFailed } = await import("./jobs-3UJZLGST.js");
    const n = await withQueue(f, (q) => retryFailed(q));
    process.stdout.write(`${n} failed job(s) moved back to waiting
`);
  });
  queueConnectionOptions(queue.command("drain").summary("remove the jobs not yet started").option("--all", "forget the whole queue, finished and failed jobs too (no job may be running)")).action(async (f) => {
    const { drainQueue } = await import("./jobs-3UJZLGST.js");
    const n = await withQueue(f, (q) => drainQueue(q, f.all));
    process.stdout.write(f.all ? `queue ${f.queue} removed (${n} job(s))
` : `${n} waiting job(s) removed
`);
  });
}

// dist/cli/commands/serve.js
import { createServer } from "node:net";
import path4 from "node:path";
function num(name, raw) {
  if (raw === void 0)
    return void 0;
  const v = raw.trim() === "" ? Number.NaN : Number(raw);
  return checkNumber(name, v, 0);
}
function positive(name, raw) {
  const v = num(name, raw);
  if (v === 0)
    invalidOption(name, raw, "a number > 0");
  return v;
}
function serverOptionsOf(f, g) {
  const maxFileMb = positive("max-file-mb", f.maxFileMb);
  const timeout = positive("job-timeout", f.jobTimeout);
  const videoTimeout = positive("video-timeout", f.videoTimeout);
  const maxVideoFrames = positive("max-video-frames", f.maxVideoFrames);
  const drain = num("drain-timeout", f.drainTimeout);
  const concurrency = num("concurrency", f.concurrency);
  const maxQueue = num("max-queue", f.maxQueue);
  return {
    ...g.maxPixels !== void 0 ? { maxPixels: checkNumber("max-pixels", Number(g.maxPixels), 1) } : {},
    ...maxFileMb !== void 0 ? { maxFileBytes: Math.round(maxFileMb * 1024 * 1024) } : {},
    ...timeout !== void 0 ? { jobTimeoutMs: timeout * 1e3 } : {},
    ...videoTimeout !== void 0 ? { videoJobTimeoutMs: videoTimeout * 1e3 } : {},
    ...maxVideoFrames !== void 0 ? { maxVideoFrames: checkInteger("max-video-frames", maxVideoFrames, 1, 1e7) } : {},
    ...drain !== void 0 ? { drainTimeoutMs: drain * 1e3 } : {},
    ...concurrency !== void 0 ? { concurrency: checkInteger("concurrency", concurrency, 1, 64) } : {},
    ...maxQueue !== void 0 ? { maxQueue: checkInteger("max-queue", maxQueue, 0, 1e4) } : {},
    ...f.gallery !== void 0 ? { gallery: f.gallery } : {},
    logger: f.log === true
  };
}
function queueOptionsOf(f, env = process.env) {
  const given = f.redis ?? env.COLORIZE_REDIS_URL;
  if (given === void 0 || given.trim() === "") {
    for (const [flag, v] of [
      ["--queue", f.queue],
      ["--jobs-dir", f.jobsDir],
      ["--queue-workers", f.queueWorkers]
    ])
      if (v !== void 0)
        throw new ColorizeError(`${flag} needs --redis URL (or COLORIZE_REDIS_URL): jobs are on the queue only then`, "usage");
    return {};
  }
  const workers = num("queue-workers", f.queueWorkers);
  return {
    redis: redisUrl(given),
    ...f.queue !== void 0 ? { queueName: f.queue } : {},
    ...f.jobsDir !== void 0 ? { jobsDir: path4.resolve(f.jobsDir) } : {},
    ...workers !== void 0 ? { queueWorkers: checkInteger("queue-workers", workers, 0, 64) } : {}
  };
}
function serviceFlags(cmd, defaultPort) {
  return cmd.option("-p, --port <n>", "TCP port (0 = any free port)", defaultPort).option("--host <address>", "address to listen on (use 0.0.0.0 to accept other machines)", "127.0.0.1").option("--concurrency <n>", "jobs running at once, one worker process each (default: CPUs \u2212 1)").option("--max-queue <n>", "jobs waiting for a worker before new ones get 503 (default 8)").option("--max-file-mb <n>", "largest uploaded file in MB (default 50)").option("--job-timeout <s>", "per-job time limit in seconds (default 120)").option("--video-timeout <s>", "time limit of a clip job (POST /v1/video/jobs) in seconds (default 3600)").option("--max-video-frames <n>", "most frames a clip job may have (default 10000)").option("--drain-timeout <s>", "on SIGTERM/SIGINT, seconds requests in flight may still finish before their jobs are stopped (default 10)").option("--gallery <dir>", "folder of colour photos that methods with a reference can pick from (field gallery=auto or a name; GET /v1/gallery)").option("--log", "log every request");
}
async function runService(options, f, what, onListen) {
  const { buildServer } = await import("./app-N67DKB5M.js");
  const port = checkInteger("port", Number(f.port), 0, 65535);
  await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err) => reject(listenError(err, f.host, port)));
    probe.listen(port, f.host, () => probe.close(() => resolve()));
  });
  const app = await buildServer(options);
  try {
    await app.listen({ port, host: f.host });
  } catch (err) {
    await app.close();
    throw listenError(err, f.host, port);
  }
  const addr = app.server.address();
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const url = `http://${host}:${addr.port}/`;
  process.stdout.write(`colorize: ${what} on ${url} (API docs: ${url}docs); Ctrl+C stops it
`);
  onListen?.(url);
  await new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  const drainMs = options.drainTimeoutMs ?? 1e4;
  const hard = setTimeout(() => {
    process.stderr.write("colorize: the service did not close in time; exiting\n");
    process.exit(1);
  }, drainMs + 1e4);
  hard.unref();
  await app.close();
  clearTimeout(hard);
}
function listenError(err, host, port) {
  const e = err;
  const where = `${host}:${port}`;
  switch (e?.code) {
    case "EADDRINUSE":
      return new ColorizeError(`cannot listen on ${where}: the port is already in use (pick another with --port)`, "io");
    case "EACCES":
      return new ColorizeError(`cannot listen on ${where}: permission denied (ports below 1024 need privileges)`, "io");
    case "EADDRNOTAVAIL":
      return new ColorizeError(`cannot listen on ${where}: the address is not one of this machine's`, "io");
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return new ColorizeError(`cannot listen on ${where}: the host name "${host}" does not resolve`, "usage");
    default:
      return new ColorizeError(`cannot listen on ${where}: ${e?.message ?? String(err)}`, "io");
  }
}
function registerServe(program) {
  const cmd = program.command("serve").summary("run the HTTP service (colorize over HTTP, jobs, OpenAPI at /docs)").description("Serves every method over HTTP: POST /v1/colorize/{method} with multipart inputs, GET /v1/methods, jobs at /v1/jobs, the OpenAPI document at /docs. Work runs in worker processes behind a bounded queue.");
  serviceFlags(cmd, "8080").option("--redis <url>", "keep jobs (POST /v1/jobs) on the distributed queue in this Redis, so a restart loses none (default: $COLORIZE_REDIS_URL)").option("--queue <name>", "with --redis: the queue of the service's jobs (default colorize-http)").option("--jobs-dir <dir>", "with --redis: folder for the jobs' uploads and results, shared with any `colorize worker` elsewhere (default <temp>/colorize-serve-jobs)").option("--queue-workers <n>", "with --redis: jobs this service runs at once from the queue (default --concurrency; 0 = only queue them)").action(async (f, c) => {
    const options = { ...serverOptionsOf(f, c.optsWithGlobals()), ...queueOptionsOf(f) };
    await runService(options, f, "serving");
  });
}

// dist/cli/commands/studio.js
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path5 from "node:path";
import { fileURLToPath } from "node:url";
function studioDir() {
  return path5.resolve(path5.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");
}
function openBrowser(url) {
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(opener, [url], { stdio: "ignore", detached: true });
  child.on("error", () => process.stdout.write(`colorize: open ${url} in a browser
`));
  child.unref();
}
function registerStudio(program) {
  const cmd = program.command("studio").summary("open the web studio: paint strokes, live preview, reference transfer, compare").description("Serves the web studio and the HTTP service on one port. Methods that cannot run in the browser (e.g. superpixel exemplar matching) run on this server.");
  serviceFlags(cmd, "5173").option("--no-open", "do not open a browser").action(async (f, c) => {
    const dir = studioDir();
    if (!existsSync(path5.join(dir, "index.html"))) {
      throw new ColorizeError(`the studio is not built (${dir} has no index.html); run: npm run build`, "io");
    }
    const options = { ...serverOptionsOf(f, c.optsWithGlobals()), studioDir: dir };
    const interactive = process.stdout.isTTY === true && f.open;
    await runService(options, f, "studio", interactive ? openBrowser : void 0);
  });
}

// dist/cli/commands/video.js
import { readFileSync } from "node:fs";
import path6 from "node:path";
function readJson(file, what) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ColorizeError(`${what} ${file}: ${err.message}`, "input", file);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ColorizeError(`${what} ${file} is not JSON: ${err.message}`, "input", file);
  }
}
function parseSet(list) {
  const out = {};
  for (const s of list) {
    const i = s.indexOf("=");
    if (i <= 0)
      throw new ColorizeError(`--set ${s}: expected key=value (an option of the method)`, "usage");
    out[s.slice(0, i)] = s.slice(i + 1);
  }
  return out;
}
function clock(seconds) {
  if (!Number.isFinite(seconds))
    return "?";
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
function registerVideo(program) {
  program.command("video").summary("colour a film clip (video file or folder of frames) consistently in time").description('Colours every frame of IN, a video file (decoded and encoded with ffmpeg: frame rate, size and audio kept, H.264 when available) or a folder of frame_00000.png, frame_00001.png, \u2026 (written under the same names in the folder -o). Each frame is coloured by a catalogue method (--method: by default the exemplar default with --reference/--references, the scribble default with --strokes, else the automatic default); its a*, b* are then pulled toward the previous result warped along the optical flow (Farneb\xE4ck) wherever the flow passes the forward\u2013backward check, so colours do not flicker. Shots are found by luminance-histogram distance; no reference or propagation crosses a cut. Frames already in the output are not redone (a killed run resumes).\n\nStrokes: the studio\u2019s stroke JSON with the frame it was drawn on, {"frame": 0, "strokes": [...]}, or a list of those; between keyframes the warped colours act as strokes for the next frame.').argument("<in>", "video file, or folder of frame_NNNNN.png").requiredOption("-o, --output <out>", "output video file (for a video input) or folder (for a folder of frames)").option("--method <name>", "the per-frame method (any method taking a gray image with a reference, strokes or nothing)").option("--reference <image>", "one colour reference for the whole clip").option("--references <json>", 'references by keyframe: {"0": "a.png", "120": "b.png"} (paths relative to the JSON)').option("--strokes <json>", 'strokes on keyframes (the studio\u2019s stroke JSON with "frame")').option("--set <key=value>", "an option of the method (repeatable), e.g. --set tau=0.02", (v, acc) => [...acc, v], []).option("--no-temporal", "colour every frame independently (no flow)").option("--temporal-weight <a>", "pull toward the warped previous result, 0\u20130.99", String(VIDEO_DEFAULTS.temporalWeight)).option("--flow-size <px>", "long side of the frames the flow is computed on", String(VIDEO_DEFAULTS.flowSize)).option("--cut-threshold <d>", "histogram distance (0\u20131) that makes a cut", String(VIDEO_DEFAULTS.cutThreshold)).option("--method-every <k>", "run the method on every k-th frame of a shot, carry colours along the flow between", String(VIDEO_DEFAULTS.methodEvery)).action(async (input, flags, cmd) => {
    const globals = cmd.optsWithGlobals();
    const read = readOptions(globals);
    const num2 = (name, v) => {
      const n = Number(v);
      if (!Number.isFinite(n))
        throw new ColorizeError(`option --${name} = ${v} is invalid: expected a number`, "usage");
      return n;
    };
    const references = [];
    if (flags.reference)
      references.push({ frame: 0, value: (await readImage(flags.reference, read)).image });
    if (flags.references) {
      const json = readJson(flags.references, "--references");
      if (!json || typeof json !== "object" || Array.isArray(json))
        throw new ColorizeError(`--references ${flags.references}: expected {"frame": "image", \u2026}`, "input");
      for (const [k, v] of Object.entries(json)) {
        const file = path6.resolve(path6.dirname(flags.references), String(v));
        references.push({
          frame: frameNumber(k, flags.references),
          value: (await readImage(file, read)).image
        });
      }
    }
    const strokes = flags.strokes ? parseStrokeKeyframes(readJson(flags.strokes, "--strokes"), flags.strokes) : void 0;
    const family = strokes ? "scribbles" : references.length ? "exemplar" : "automatic";
    const method = flags.method ? getMethod(flags.method) : familyDefault(family);
    if (!method)
      throw new ColorizeError(`no ${family} method is registered`, "internal");
    const methodOptions2 = validateOptions(method, parseSet(flags.set));
    const tty = process.stderr.isTTY;
    let lastLine = 0;
    const result = await colorizeVideo(input, flags.output, {
      method: method.name,
      methodOptions: methodOptions2,
      references: references.length ? references : void 0,
      strokes,
      temporalWeight: flags.temporal ? num2("temporal-weight", flags.temporalWeight) : 0,
      flowSize: num2("flow-size", flags.flowSize),
      cutThreshold: num2("cut-threshold", flags.cutThreshold),
      methodEvery: num2("method-every", flags.methodEvery),
      overwrite: globals.overwrite,
      read
    }, {
      notice: (t) => process.stderr.write(`colorize: ${t}
`),
      progress: (done, total, fps) => {
        const eta = total && fps > 0 ? clock((total - done) / fps) : "?";
        const line = `video: frame ${done}${total ? `/${total}` : ""}, ${fps.toFixed(2)} fps, ETA ${eta}`;
        if (tty)
          process.stderr.write(`\r${line}\x1B[K`);
        else if (done - lastLine >= 10 || done === total) {
          process.stderr.write(`${line}
`);
          lastLine = done;
        }
      }
    });
    if (tty)
      process.stderr.write("\n");
    const shots = result.cuts.length;
    process.stderr.write(`${method.name}: ${result.coloured} frames coloured${result.skipped ? `, ${result.skipped} already done` : ""}, ${shots} shot${shots === 1 ? "" : "s"}, ${(result.coloured / Math.max(result.seconds, 1e-6)).toFixed(2)} fps, flow reliable on ${(100 * result.meanReliable).toFixed(0)} % of pixels; wrote ${flags.output}${result.codec ? ` (${result.codec})` : ""}
`);
  });
}

// dist/cli/commands/worker.js
function positiveInt(flag, raw) {
  if (raw === void 0)
    return void 0;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1)
    throw new ColorizeError(`option ${flag} = ${JSON.stringify(raw)} is invalid: expected an integer \u2265 1`, "usage");
  return v;
}
function registerWorker(program) {
  queueConnectionOptions(program.command("worker").summary("run the jobs of a queue (`colorize queue add`); start one per machine or more").option("-c, --concurrency <n>", "jobs at once in this process (default 1; methods compute on one thread, so start one process per core instead)").option("--exit-when-empty", "stop once no job is waiting, delayed or running").option("--lock-duration <ms>", "job lock time; a job whose worker is silent this long is run again elsewhere (default 30000)").option("--stalled-interval <ms>", "how often to look for jobs of dead workers (default 30000)").option("-q, --quiet", "no line per job on standard error")).action(async (f) => {
    const concurrency = positiveInt("--concurrency", f.concurrency) ?? 1;
    const lockDuration = positiveInt("--lock-duration", f.lockDuration);
    const stalledInterval = positiveInt("--stalled-interval", f.stalledInterval);
    const url = redisUrl(f.redis);
    const redis = await connectRedis(url);
    const log = f.quiet ? void 0 : (line) => process.stderr.write(`${line}
`);
    log?.(`worker ${process.pid} on queue ${f.queue} at ${shownUrl(url)}, concurrency ${concurrency}`);
    let started;
    try {
      const { startWorker } = await import("./worker-5VX36G42.js");
      started = startWorker(redis, {
        queue: f.queue,
        concurrency,
        lockDuration,
        stalledInterval,
        exitWhenEmpty: f.exitWhenEmpty,
        log
      });
    } catch (err) {
      redis.disconnect();
      throw err;
    }
    const { done, stop } = started;
    const onSignal = () => {
      log?.("stopping after the running jobs (signal again to stop at once)");
      process.once("SIGINT", () => process.exit(130));
      process.once("SIGTERM", () => process.exit(143));
      void stop();
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const r = await done;
      log?.(`worker ${process.pid} stopped: ${r.completed} job(s) done, ${r.failed} failed`);
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      redis.disconnect();
    }
  });
}

// dist/cli/main.js
function wrapParagraphs(str, width) {
  return str.split(/\n\s*\n/).map((para) => /\n[^\S\r\n]/.test(`
${para}`) ? para : Help.prototype.boxWrap.call(this, para.replace(/\s*\n\s*/g, " "), width)).join("\n\n");
}
function buildProgram() {
  const program = new Command();
  program.configureHelp({ boxWrap: wrapParagraphs });
  program.name("colorize").description("Colorize grayscale photos and film frames, and measure the results.").version(VERSION).option("--max-pixels <n>", "refuse images larger than this many pixels (default 100000000)").option("--overwrite", "folder jobs: redo outputs that already exist (by default a re-run skips them)").option("--accept-damaged", "decode damaged JPEGs (corrupt data, stray markers) instead of refusing them").option("--strip-metadata", "outputs without the input's EXIF/XMP (captions, copyright, dates) and without the record of the colourisation").showHelpAfterError("(run with --help for usage)").exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerFamilyCommands(program);
  registerVideo(program);
  registerEval(program);
  registerInfo(program);
  registerMethods(program);
  registerModels(program);
  registerServe(program);
  registerStudio(program);
  registerQueue(program);
  registerWorker(program);
  for (const c of program.commands)
    c.exitOverride().showHelpAfterError("(run with --help for usage)");
  return program;
}
async function run(argv) {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0)
        return 0;
      if (err.code === "commander.help")
        return 0;
      return 2;
    }
    if (err instanceof ColorizeError) {
      process.stderr.write(`colorize: ${err.message}
`);
      return err.exitCode;
    }
    const e = err;
    process.stderr.write(`colorize: internal error: ${e?.stack ?? String(err)}
`);
    return 1;
  }
}
export {
  buildProgram,
  run
};
