import {
  connectRedis,
  shownUrl
} from "./chunk-LLI2KVWK.js";
import {
  checkVideoOptions,
  frameNumber,
  isStillImage,
  openGallery,
  parseStrokeKeyframes,
  probeVideoAsync
} from "./chunk-5VLUYPI7.js";
import {
  VERSION,
  describeMethod,
  familyDefault,
  fuseStaticSources,
  getMethod,
  grayInput,
  inputProblem,
  listMethods,
  processAlive,
  readImage,
  validateOptions
} from "./chunk-YJQATMIZ.js";
import "./chunk-ERYG42RF.js";
import "./chunk-E2GQZY2A.js";
import "./chunk-62PT54LQ.js";
import {
  FEATURE_CHOICES
} from "./chunk-JZHOG4WJ.js";
import "./chunk-2VPUGM6P.js";
import "./chunk-DNVYFS5D.js";
import "./chunk-C7DXZTIV.js";
import {
  ortLeftoverFile
} from "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  fsProblem
} from "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";

// dist/server/app.js
import { promises as fs5 } from "node:fs";
import path7 from "node:path";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";

// dist/server/context.js
function sendError(reply, ctx, status, code, message) {
  if (status === 503)
    reply.header("Retry-After", String(ctx.options.retryAfterSeconds));
  return reply.code(status).send({ statusCode: status, code, error: httpReason(status), message });
}
function httpReason(status) {
  const reasons = {
    400: "Bad Request",
    404: "Not Found",
    406: "Not Acceptable",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    500: "Internal Server Error",
    503: "Service Unavailable"
  };
  return reasons[status] ?? "Error";
}
function uploadedFiles(req) {
  return req.uploadedFiles ?? {};
}

// dist/server/jobs.js
import { randomUUID as randomUUID2 } from "node:crypto";
import { appendFileSync as appendFileSync2, promises as fs3 } from "node:fs";
import path3 from "node:path";

// dist/server/job-protocol.js
var IMAGE_MIME = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp"
};
var JOB_MIME = { ...IMAGE_MIME, mp4: "video/mp4" };

// dist/server/video-task.js
import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

// dist/server/request.js
import sharp from "sharp";

// dist/server/worker-pool.js
import { fork } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
var TaskError = class extends Error {
  status;
  code;
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = "TaskError";
  }
};
var KIND_STATUS = {
  usage: [400, "bad-request"],
  input: [422, "unprocessable-input"],
  io: [500, "io-error"],
  internal: [500, "internal-error"]
};
function workerScript() {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    return {
      script: fileURLToPath(new URL("./job-worker.ts", here)),
      execArgv: ["--import", import.meta.resolve("tsx")]
    };
  }
  return { script: fileURLToPath(new URL("./job-worker.js", here)), execArgv: [] };
}
var WorkerPool = class {
  options;
  slots;
  queue = [];
  closed = false;
  /** Set when the service is closing: new tasks are refused, those in flight may finish. */
  draining = false;
  constructor(options) {
    this.options = options;
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: null,
      ready: null,
      current: null,
      timer: void 0
    }));
    for (const slot of this.slots)
      this.spawn(slot);
  }
  /** Tasks running and waiting. */
  get stats() {
    return {
      running: this.slots.filter((s) => s.current).length,
      stages: this.slots.flatMap((s) => s.current ? [`${s.current.task.method}: ${s.current.stage ?? "starting"}`] : []),
      queued: this.queue.length,
      size: this.slots.length,
      maxQueue: this.options.maxQueue
    };
  }
  /** True when a new task would be refused. */
  get full() {
    return this.slots.every((s) => s.current) && this.queue.length >= this.options.maxQueue;
  }
  /**
   * Runs a task; rejects with TaskError (503 when the queue is full, 422 past the time limit,
   * 400/422/500 from the method). `cancel` drops a waiting task or stops a running one.
   */
  submit(task, events = {}) {
    if (this.closed || this.draining)
      throw new TaskError("the server is shutting down", 503, "shutting-down");
    if (this.full) {
      throw new TaskError(`all ${this.slots.length} workers are busy and ${this.queue.length} tasks are waiting; try again later`, 503, "busy");
    }
    let pending;
    const promise = new Promise((resolve, reject) => {
      pending = { task, events, resolve, reject, cancelled: false };
    });
    this.queue.push(pending);
    this.pump();
    return {
      promise,
      cancel: () => this.cancel(pending),
      position: () => this.queue.indexOf(pending) + 1
    };
  }
  cancel(p) {
    if (p.cancelled)
      return;
    p.cancelled = true;
    const qi = this.queue.indexOf(p);
    if (qi >= 0)
      this.queue.splice(qi, 1);
    const slot = this.slots.find((s) => s.current === p);
    if (slot)
      void this.kill(slot, true);
    p.reject(new TaskError("the job was cancelled", 409, "cancelled"));
    this.pump();
  }
  /** Kills the slot's worker; `respawn` starts its replacement now rather than on the next task. */
  kill(slot, respawn = false) {
    const w = slot.worker;
    if (slot.timer)
      clearTimeout(slot.timer);
    slot.timer = void 0;
    slot.worker = null;
    slot.ready = null;
    slot.current = null;
    let gone = Promise.resolve();
    if (w) {
      w.removeAllListeners();
      w.on("error", () => {
      });
      if (w.exitCode === null && w.signalCode === null) {
        gone = new Promise((resolve) => {
          w.once("exit", () => {
            if (w.pid !== void 0)
              rmSync(ortLeftoverFile(w.pid), { force: true });
            resolve();
          });
        });
        w.kill("SIGKILL");
      }
    }
    if (respawn && !this.closed)
      this.spawn(slot);
    return gone;
  }
  spawn(slot) {
    const modules = this.options.modules ?? [];
    const { script, execArgv } = workerScript();
    const w = fork(script, [], {
      execArgv,
      env: { ...process.env, COLORIZE_WORKER_MODULES: JSON.stringify(modules) },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    });
    w.once("exit", () => {
      if (w.pid !== void 0)
        rmSync(ortLeftoverFile(w.pid), { force: true });
    });
    slot.worker = w;
    slot.ready = new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type !== "ready")
          return;
        w.off("message", onMessage);
        w.off("error", reject);
        resolve();
      };
      w.on("message", onMessage);
      w.once("error", reject);
    });
    slot.ready.catch(() => {
    });
    w.once("exit", () => {
      if (slot.worker === w && !slot.current)
        void this.kill(slot);
    });
  }
  pump() {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0)
        continue;
      const p = this.queue.shift();
      slot.current = p;
      this.start(slot, p).catch((err) => {
        void this.kill(slot);
        p.reject(new TaskError(`the worker could not start: ${err?.message ?? err}`, 500, "internal-error"));
        this.pump();
      });
    }
  }
  async start(slot, p) {
    if (!slot.worker)
      this.spawn(slot);
    const w = slot.worker;
    await slot.ready;
    if (slot.current !== p || p.cancelled)
      return;
    const notices = [];
    const finish = (fn) => {
      if (slot.timer)
        clearTimeout(slot.timer);
      slot.timer = void 0;
      w.removeAllListeners("message");
      w.removeAllListeners("error");
      w.off("exit", onExit);
      if (slot.current === p)
        slot.current = null;
      fn();
      this.pump();
    };
    w.on("message", (m) => {
      switch (m.type) {
        case "progress":
          p.stage = m.stage;
          p.events.onProgress?.(m.fraction, m.stage, m.frames);
          break;
        case "notice":
          notices.push(m.text);
          break;
        case "done":
          finish(() => p.resolve({
            data: m.data,
            width: m.width,
            height: m.height,
            format: p.task.format,
            ms: m.ms,
            notices,
            ...m.summary === void 0 ? {} : { summary: m.summary }
          }));
          break;
        case "error": {
          const [status, code] = KIND_STATUS[m.kind];
          finish(() => p.reject(new TaskError(m.message, status, code)));
          break;
        }
      }
    });
    const crash = (why) => {
      void this.kill(slot);
      finish(() => p.reject(new TaskError(`the worker stopped: ${why}`, 500, "internal-error")));
    };
    w.on("error", (err) => crash(err.message));
    function onExit(code, signal) {
      if (slot.current !== p)
        return;
      crash(signal ? `it was killed by ${signal}${signal === "SIGKILL" ? " (often: out of memory; try a smaller image)" : ""}` : `exit code ${code}`);
    }
    w.once("exit", onExit);
    const limitMs = ("timeoutMs" in p.task ? p.task.timeoutMs : void 0) ?? this.options.timeoutMs;
    slot.timer = setTimeout(() => {
      void this.kill(slot, true);
      finish(() => p.reject(new TaskError(`the job passed the time limit of ${(limitMs / 1e3).toFixed(0)} s and was stopped; use a smaller image or faster options`, 422, "time-limit")));
    }, limitMs);
    p.events.onStart?.();
    const t = p.task;
    w.send("queueJob" in t ? { type: "run-queue", data: t.queueJob } : { type: "run", task: t });
  }
  /** Stops every worker and refuses what is waiting. */
  async close() {
    this.closed = true;
    for (const p of this.queue.splice(0))
      p.reject(new TaskError("the server is shutting down", 503, "shutting-down"));
    const gone = [];
    for (const slot of this.slots) {
      const p = slot.current;
      gone.push(this.kill(slot));
      p?.reject(new TaskError("the server is shutting down", 503, "shutting-down"));
    }
    let timer;
    await Promise.race([
      Promise.all(gone),
      new Promise((resolve) => {
        timer = setTimeout(resolve, 5e3);
      })
    ]);
    clearTimeout(timer);
  }
};
function taskErrorOf(err) {
  const [status, code] = KIND_STATUS[err.kind];
  return new TaskError(err.message, status, code);
}

// dist/server/request.js
var RESERVED_FIELDS = /* @__PURE__ */ new Set(["method", "format", "acceptDamaged"]);
function uploadOf(body, files) {
  const fields = {};
  if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body)) {
      if (k in files)
        continue;
      if (Array.isArray(v))
        throw new TaskError(`field "${k}" was sent more than once`, 400, "bad-request");
      fields[k] = v;
    }
  }
  return { files, fields };
}
async function probeImage(name, data, maxPixels) {
  let meta;
  try {
    meta = await sharp(data, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    throw new TaskError(`${name}: not an image in a supported format (PNG, JPEG, WebP, TIFF, GIF, AVIF)`, 422, "unprocessable-input");
  }
  const px = (meta.width ?? 0) * (meta.height ?? 0);
  if (px === 0)
    throw new TaskError(`${name}: the image has 0 pixels`, 422, "unprocessable-input");
  if (px > maxPixels) {
    throw new TaskError(`${name}: ${meta.width}\xD7${meta.height} = ${(px / 1e6).toFixed(1)} MP is more than this server's limit of ${(maxPixels / 1e6).toFixed(1)} MP per image`, 413, "too-many-pixels");
  }
}
async function buildTask(methodName, upload, format, maxPixels, gallery) {
  let method;
  try {
    const m = getMethod(methodName);
    method = { ...m, options: m.options.filter((o) => !o.cliOnly) };
  } catch (err) {
    throw new TaskError(err.message, 404, "unknown-method");
  }
  const inputNames = new Set(method.inputs.map((i) => i.name));
  const rawOptions = {};
  const texts = {};
  for (const [k, v] of Object.entries(upload.fields)) {
    if (RESERVED_FIELDS.has(k))
      continue;
    const spec = method.inputs.find((i) => i.name === k);
    if ((spec?.kind === "json" || spec?.kind === "gallery") && typeof v === "string")
      texts[k] = v;
    else if (spec)
      throw new TaskError(`${k}: expected an image file upload, got a text field`, 400, "bad-request");
    else
      rawOptions[k] = v;
  }
  for (const k of Object.keys(upload.files)) {
    if (!inputNames.has(k)) {
      const names = method.inputs.map((i) => i.name).join(", ");
      throw new TaskError(`file field "${k}" is not an input of ${method.name} (its inputs: ${names})`, 400, "bad-request");
    }
  }
  const present = (n) => n in upload.files || n in texts;
  const problem = inputProblem(method, present);
  if (problem)
    throw new TaskError(problem, 400, "bad-request");
  if (present("reference") && present("gallery"))
    throw new TaskError('give either a "reference" image or "gallery", not both', 400, "bad-request");
  let options;
  try {
    options = validateOptions(method, rawOptions);
  } catch (err) {
    throw new TaskError(err.message, 400, "bad-request");
  }
  let pick;
  const wanted = texts.gallery;
  if (wanted !== void 0) {
    delete texts.gallery;
    if (!gallery)
      throw new TaskError('this server has no gallery (start it with --gallery DIR); send a "reference" image', 400, "bad-request");
    let file;
    if (wanted !== "auto") {
      try {
        file = gallery.gallery.file(wanted);
      } catch (err) {
        throw new TaskError(err.message, 400, "bad-request");
      }
    }
    pick = {
      dir: gallery.gallery.dir,
      indexFile: gallery.indexFile,
      pick: file === void 0 ? "auto" : { file }
    };
  }
  const files = {};
  for (const spec of method.inputs) {
    const f = upload.files[spec.name];
    if (!f)
      continue;
    if (spec.kind === "image")
      await probeImage(spec.name, f, maxPixels);
    files[spec.name] = new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  }
  const damaged = upload.fields.acceptDamaged;
  const acceptDamaged = damaged === true || damaged === "true";
  if (damaged !== void 0 && !acceptDamaged && damaged !== false && damaged !== "false")
    throw new TaskError(`field "acceptDamaged" = ${JSON.stringify(damaged)} is invalid: expected true or false`, 400, "bad-request");
  return {
    method: method.name,
    files,
    texts,
    options,
    format,
    maxPixels,
    acceptDamaged,
    ...pick ? { gallery: pick } : {}
  };
}

// dist/server/video-task.js
var VIDEO_FIELDS = [
  "clip",
  "method",
  "reference",
  "references",
  "strokes",
  "temporal",
  "temporalWeight",
  "methodEvery",
  "flowSize",
  "cutThreshold"
];
var bad = (message) => new TaskError(message, 400, "bad-request");
var unprocessable = (message) => new TaskError(message, 422, "unprocessable-input");
function textOf(upload, name) {
  const f = upload.files[name];
  if (f)
    return f.toString("utf8");
  const v = upload.fields[name];
  return v === void 0 ? void 0 : String(v);
}
function json(name, text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw unprocessable(`${name}: not JSON (${err.message})`);
  }
}
function number(name, v) {
  if (v === void 0)
    return void 0;
  const n = typeof v === "number" ? v : String(v).trim() === "" ? Number.NaN : Number(v);
  if (!Number.isFinite(n))
    throw bad(`field "${name}" = ${JSON.stringify(v)} is invalid: expected a number`);
  return n;
}
async function probeClip(data, limits) {
  const file = path.join(limits.workDir, `probe-${randomUUID()}`);
  await fs.writeFile(file, data);
  let info;
  try {
    info = await probeVideoAsync(file);
  } catch (err) {
    const msg = err instanceof ColorizeError ? err.message.split(file).join("clip") : String(err);
    if (/was not found/.test(msg))
      throw new TaskError(`this server cannot read videos: ${msg}`, 501, "no-ffmpeg");
    throw unprocessable(`clip: not a video ffmpeg can read (${msg.replace(/^cannot read clip as a video: /, "")}); send a video file (mp4, mov, mkv, webm, avi, \u2026)`);
  } finally {
    await fs.rm(file, { force: true });
  }
  if (isStillImage(info))
    throw unprocessable(`clip: a still image (${info.container}), not a video; send a video file (mp4, mov, mkv, webm, avi, \u2026), or colour the image with POST /v1/jobs`);
  const px = info.width * info.height;
  if (px > limits.maxPixels)
    throw new TaskError(`clip: its frames are ${info.width}\xD7${info.height} = ${(px / 1e6).toFixed(1)} MP, more than this server's limit of ${(limits.maxPixels / 1e6).toFixed(1)} MP per frame`, 413, "too-many-pixels");
  if (info.frames > limits.maxFrames)
    throw new TaskError(`clip: ${info.frames} frames is more than this server's limit of ${limits.maxFrames} frames per clip`, 413, "too-many-frames");
  return info;
}
async function buildVideoTask(upload, limits) {
  const clip = upload.files.clip;
  if (!clip) {
    if (upload.fields.clip !== void 0)
      throw bad("clip: expected a video file upload, got a text field");
    throw bad('missing file "clip": the video to colour (multipart file field "clip")');
  }
  let strokes;
  const strokesText = textOf(upload, "strokes");
  if (strokesText !== void 0) {
    try {
      strokes = parseStrokeKeyframes(json("strokes", strokesText), "strokes");
    } catch (err) {
      if (err instanceof TaskError)
        throw err;
      throw unprocessable(err.message);
    }
    if (strokes.length === 0)
      throw unprocessable("strokes: the list of keyframes is empty");
  }
  const refs = [];
  const refsText = textOf(upload, "references");
  if (refsText !== void 0) {
    const map = json("references", refsText);
    if (!map || typeof map !== "object" || Array.isArray(map))
      throw unprocessable('references: expected {"frame": "file field", \u2026}, e.g. {"0": "reference", "120": "ref2"}');
    for (const [k, v] of Object.entries(map)) {
      let frame;
      try {
        frame = frameNumber(k, "references");
      } catch (err) {
        throw unprocessable(err.message);
      }
      const name = String(v);
      if (!upload.files[name] || name === "clip" || name === "strokes" || name === "references")
        throw bad(`references: keyframe ${frame} names "${name}", which is no uploaded image file field`);
      refs.push({ frame, name });
    }
  }
  if (upload.files.reference && !refs.some((r) => r.name === "reference"))
    refs.push({ frame: 0, name: "reference" });
  if (upload.fields.reference !== void 0)
    throw bad("reference: expected an image file upload, got a text field");
  for (const k of Object.keys(upload.files))
    if (k !== "clip" && k !== "strokes" && k !== "references" && !refs.some((r) => r.name === k))
      throw bad(`file field "${k}" is not used: a clip job takes "clip", "reference", "strokes", "references" and the images "references" names`);
  if (strokes && refs.length)
    throw bad("give strokes or references, not both (one kind of hint per clip)");
  const family = strokes ? "scribbles" : refs.length ? "exemplar" : "automatic";
  let method;
  try {
    const m = upload.fields.method !== void 0 ? getMethod(String(upload.fields.method)) : familyDefault(family);
    if (!m)
      throw new ColorizeError(`no ${family} method is registered`, "internal");
    method = { ...m, options: m.options.filter((o) => !o.cliOnly) };
  } catch (err) {
    throw new TaskError(err.message, 404, "unknown-method");
  }
  const raw = {};
  for (const [k, v] of Object.entries(upload.fields))
    if (!VIDEO_FIELDS.includes(k))
      raw[k] = v;
  let options;
  try {
    options = validateOptions(method, raw);
  } catch (err) {
    throw bad(`${err.message} (the fields of a clip job: ${VIDEO_FIELDS.join(", ")} and the options of the method)`);
  }
  const temporal = upload.fields.temporal;
  if (temporal !== void 0 && !["true", "false", true, false].includes(temporal))
    throw bad(`field "temporal" = ${JSON.stringify(temporal)} is invalid: expected true or false`);
  const settings = {};
  const tw = temporal === false || temporal === "false" ? 0 : number("temporalWeight", upload.fields.temporalWeight);
  if (tw !== void 0)
    settings.temporalWeight = tw;
  const every = number("methodEvery", upload.fields.methodEvery);
  if (every !== void 0)
    settings.methodEvery = every;
  const flow = number("flowSize", upload.fields.flowSize);
  if (flow !== void 0)
    settings.flowSize = flow;
  const cut = number("cutThreshold", upload.fields.cutThreshold);
  if (cut !== void 0)
    settings.cutThreshold = cut;
  try {
    checkVideoOptions({
      method: method.name,
      ...settings,
      references: refs.map((r) => ({ frame: r.frame, value: null })),
      strokes
    });
  } catch (err) {
    throw bad(err.message.replace(/--reference \(or --references\)/, 'a "reference" file'));
  }
  for (const r of refs)
    await probeImage(r.name, upload.files[r.name], limits.maxPixels);
  await probeClip(clip, limits);
  const bytes = (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return {
    method: method.name,
    options,
    clip: bytes(clip),
    references: refs.map((r) => ({ ...r, data: bytes(upload.files[r.name]) })),
    ...strokes ? { strokes: JSON.stringify(strokes.map((k) => ({ frame: k.frame, ...JSON.parse(k.value) }))) } : {},
    settings,
    maxPixels: limits.maxPixels,
    timeoutMs: limits.timeoutMs
  };
}
async function writeVideoJob(task, dir) {
  await fs.mkdir(dir, { recursive: true });
  const clip = path.join(dir, "clip");
  await fs.writeFile(clip, task.clip);
  const references = [];
  for (const [i, r] of task.references.entries()) {
    const file = path.join(dir, `reference-${i}`);
    await fs.writeFile(file, r.data);
    references.push({ frame: r.frame, name: r.name, file });
  }
  let strokes;
  if (task.strokes !== void 0) {
    strokes = path.join(dir, "strokes.json");
    await fs.writeFile(strokes, task.strokes);
  }
  return {
    v: 1,
    method: task.method,
    options: task.options,
    inputs: {},
    output: path.join(dir, "result.mp4"),
    read: { maxPixels: task.maxPixels },
    video: {
      clip,
      ...references.length ? { references } : {},
      ...strokes ? { strokes } : {},
      settings: task.settings,
      timeoutMs: task.timeoutMs
    }
  };
}

// dist/server/workdir.js
import { appendFileSync, promises as fs2, readFileSync } from "node:fs";
import path2 from "node:path";
var PREFIX = "colorize-serve-";
var LOST_JOBS_FILE = "colorize-serve-lost-jobs.txt";
var JOB_LEDGER = "jobs.txt";
var MAX_LOST = 1e4;
async function readIds(file) {
  const text = await fs2.readFile(file, "utf8").catch(() => "");
  return text.split("\n").filter((l) => l !== "");
}
async function rememberLostJobs(root, ids) {
  if (ids.length === 0)
    return;
  const file = path2.join(root, LOST_JOBS_FILE);
  const all = [...await readIds(file), ...ids].slice(-MAX_LOST);
  const tmp = `${file}.tmp-${process.pid}`;
  await fs2.writeFile(tmp, `${all.join("\n")}
`);
  await fs2.rename(tmp, file);
}
async function cleanStaleWorkDirs(root) {
  const names = await fs2.readdir(root).catch(() => []);
  const removed = [];
  for (const name of names) {
    const m = /^colorize-serve-(\d+)-[A-Za-z0-9]+$/.exec(name);
    if (!m || processAlive(Number(m[1])))
      continue;
    const dir = path2.join(root, name);
    const st = await fs2.lstat(dir).catch(() => void 0);
    if (!st?.isDirectory())
      continue;
    await rememberLostJobs(root, await readIds(path2.join(dir, JOB_LEDGER)));
    await fs2.rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
async function makeWorkDir(root) {
  await fs2.mkdir(root, { recursive: true });
  return fs2.mkdtemp(path2.join(root, `${PREFIX}${process.pid}-`));
}
function lostJobIds(root) {
  try {
    return new Set(readFileSync(path2.join(root, LOST_JOBS_FILE), "utf8").split("\n").filter((l) => l !== ""));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}

// dist/server/jobs.js
var JOB_ID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
var JobStore = class {
  pool;
  dir;
  ttlMs;
  maxJobs;
  lost;
  entries = /* @__PURE__ */ new Map();
  sweeper;
  constructor(pool, dir, ttlMs, maxJobs = 1e3, lost = /* @__PURE__ */ new Set()) {
    this.pool = pool;
    this.dir = dir;
    this.ttlMs = ttlMs;
    this.maxJobs = maxJobs;
    this.lost = lost;
    this.sweeper = setInterval(() => void this.sweep(), Math.min(6e4, ttlMs)).unref();
  }
  checkRoom() {
    if (this.entries.size >= this.maxJobs) {
      void this.sweep();
      if (this.entries.size >= this.maxJobs)
        throw new TaskError(`${this.maxJobs} jobs are held; fetch or delete some first`, 503, "busy");
    }
  }
  /** Queues a task as a job (TaskError 503 when the queue is full). */
  create(task) {
    this.checkRoom();
    return this.track(randomUUID2(), task);
  }
  /** Queues a clip: its files go into the job's folder in the working folder; the result is `result.mp4` there. */
  async createVideo(task) {
    this.checkRoom();
    const id = randomUUID2();
    const dir = path3.join(this.dir, id);
    let run;
    try {
      const data = await writeVideoJob(task, dir);
      run = { method: task.method, format: "mp4", queueJob: data, timeoutMs: task.timeoutMs };
    } catch (err) {
      await fs3.rm(dir, { recursive: true, force: true });
      throw new TaskError(`the job could not be stored: ${err?.message ?? err}`, 500, "io-error");
    }
    try {
      return this.track(id, run, dir);
    } catch (err) {
      await fs3.rm(dir, { recursive: true, force: true });
      throw err;
    }
  }
  track(id, task, dir) {
    const job = {
      id,
      method: task.method,
      status: "queued",
      progress: 0,
      stage: "queued",
      createdAt: (/* @__PURE__ */ new Date()).toISOString(),
      format: task.format,
      ...dir ? { kind: "video" } : {},
      notices: []
    };
    const handle = this.pool.submit(task, {
      onStart: () => {
        job.status = "running";
        job.stage = "starting";
        job.startedAt = (/* @__PURE__ */ new Date()).toISOString();
      },
      onProgress: (fraction, stage, frames) => {
        job.progress = Math.max(job.progress, fraction);
        job.stage = stage;
        if (frames)
          job.frames = frames;
      }
    });
    const entry = { job, handle, ...dir ? { dir } : {} };
    this.entries.set(id, entry);
    appendFileSync2(path3.join(this.dir, JOB_LEDGER), `${id}
`);
    const words = (text) => dir ? text.split(`${dir}${path3.sep}`).join("") : text;
    handle.promise.then(async (out) => {
      let file;
      if ("queueJob" in task)
        file = task.queueJob.output;
      else {
        file = path3.join(this.dir, `${id}.${out.format}`);
        await fs3.writeFile(file, out.data);
      }
      entry.file = file;
      Object.assign(job, {
        status: "done",
        progress: 1,
        stage: "done",
        width: out.width,
        height: out.height
      });
      if (job.frames?.total !== void 0)
        job.frames = { ...job.frames, done: job.frames.total };
      job.notices.push(...out.notices.map(words));
      this.finished(entry);
    }, async (err) => {
      const e = err instanceof TaskError ? err : new TaskError(String(err), 500, "internal-error");
      job.status = e.code === "cancelled" ? "cancelled" : "failed";
      job.stage = job.status;
      job.error = { statusCode: e.status, code: e.code, message: words(e.message) };
      this.finished(entry);
      if (dir)
        await fs3.rm(dir, { recursive: true, force: true }).catch(() => {
        });
    });
    return job;
  }
  finished(entry) {
    entry.job.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    entry.expires = Date.now() + this.ttlMs;
  }
  /** The job with this id (with its queue position while it waits), or undefined. */
  get(id) {
    const e = this.entries.get(id);
    if (!e)
      return void 0;
    return e.job.status === "queued" ? { ...e.job, queuePosition: e.handle.position() } : e.job;
  }
  /** The result file and its MIME type of a finished job. */
  result(id) {
    const e = this.entries.get(id);
    return e?.file ? { file: e.file, mime: JOB_MIME[e.job.format] } : void 0;
  }
  /** Cancels a waiting or running job, or deletes a finished one and its result. */
  async remove(id) {
    const e = this.entries.get(id);
    if (!e)
      return false;
    if (e.job.status === "queued" || e.job.status === "running") {
      e.handle.cancel();
      return true;
    }
    this.entries.delete(id);
    if (e.file)
      await fs3.rm(e.file, { force: true });
    if (e.dir)
      await fs3.rm(e.dir, { recursive: true, force: true });
    return true;
  }
  /** True when the id belonged to a job of an earlier run of the service. */
  wasLost(id) {
    return this.lost.has(id);
  }
  /** Ids of the jobs held now (all of them are lost when the service stops). */
  ids() {
    return [...this.entries.keys()];
  }
  async sweep() {
    const now = Date.now();
    for (const [id, e] of this.entries) {
      if (e.expires !== void 0 && e.expires < now) {
        this.entries.delete(id);
        if (e.file)
          await fs3.rm(e.file, { force: true });
        if (e.dir)
          await fs3.rm(e.dir, { recursive: true, force: true });
      }
    }
  }
  close() {
    clearInterval(this.sweeper);
  }
};

// dist/server/limits.js
import { availableParallelism, tmpdir } from "node:os";
import path4 from "node:path";
function resolveServerOptions(o = {}) {
  return {
    maxFileBytes: o.maxFileBytes ?? 50 * 1024 * 1024,
    maxPixels: o.maxPixels ?? 25e6,
    concurrency: o.concurrency ?? Math.max(1, availableParallelism() - 1),
    maxQueue: o.maxQueue ?? 8,
    jobTimeoutMs: o.jobTimeoutMs ?? 12e4,
    videoJobTimeoutMs: o.videoJobTimeoutMs ?? 36e5,
    maxVideoFrames: o.maxVideoFrames ?? 1e4,
    resultTtlMs: o.resultTtlMs ?? 36e5,
    retryAfterSeconds: o.retryAfterSeconds ?? 10,
    studioDir: o.studioDir,
    gallery: o.gallery,
    modules: o.modules ?? [],
    logger: o.logger ?? false,
    drainTimeoutMs: o.drainTimeoutMs ?? 1e4,
    bodyTimeoutMs: o.bodyTimeoutMs ?? 6e4,
    workRoot: o.workRoot ?? tmpdir(),
    redis: o.redis,
    queueName: o.queueName ?? "colorize-http",
    jobsDir: o.jobsDir ?? path4.join(tmpdir(), "colorize-serve-jobs"),
    queueWorkers: o.queueWorkers,
    queueLockMs: o.queueLockMs,
    queueStalledMs: o.queueStalledMs
  };
}
var ACCEPTED = [
  ["image/png", "png"],
  ["image/jpeg", "jpeg"],
  ["image/webp", "webp"]
];
function formatFromAccept(accept) {
  if (!accept || accept.trim() === "")
    return "png";
  const ranges = accept.split(",").map((part, i) => {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)).find(Boolean);
    return { type: type.trim(), q: q ? Number(q[1]) : 1, i };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranges) {
    if (r.type === "*/*" || r.type === "image/*")
      return "png";
    const hit = ACCEPTED.find(([mime]) => mime === r.type);
    if (hit)
      return hit[1];
  }
  return null;
}

// dist/server/queue-jobs.js
import { randomUUID as randomUUID3 } from "node:crypto";
import { promises as fs4 } from "node:fs";
import os from "node:os";
import path5 from "node:path";
import { Queue, UnrecoverableError, Worker } from "bullmq";
var ATTEMPTS = 3;
var FORMAT_OF_EXT = {
  ".png": "png",
  ".jpg": "jpeg",
  ".webp": "webp",
  ".mp4": "mp4"
};
var EXT_OF_FORMAT = { png: ".png", jpeg: ".jpg", webp: ".webp" };
var KIND_OF_STATUS = (status) => status === 400 ? "usage" : status < 500 ? "input" : "internal";
function formatOf(output) {
  return FORMAT_OF_EXT[path5.extname(output)] ?? "png";
}
var RedisJobStore = class _RedisJobStore {
  redis;
  queue;
  pool;
  o;
  local = /* @__PURE__ */ new Map();
  worker;
  sweeper;
  me = `${os.hostname()}:${process.pid}`;
  constructor(redis, queue, pool, o) {
    this.redis = redis;
    this.queue = queue;
    this.pool = pool;
    this.o = o;
  }
  /** Connects to Redis (a clear error when it is not there), checks the jobs folder, starts taking jobs. */
  static async open(pool, o) {
    try {
      await fs4.mkdir(o.dir, { recursive: true });
      await fs4.access(o.dir, fs4.constants.W_OK);
    } catch (err) {
      throw new ColorizeError(`${o.dir}: the jobs folder cannot be used: ${fsProblem(err)}`, "io", o.dir);
    }
    const redis = await connectRedis(o.url);
    const queue = new Queue(o.queue, { connection: redis });
    const store = new _RedisJobStore(redis, queue, pool, o);
    if (o.workers > 0)
      store.startWorker();
    store.sweeper = setInterval(() => void store.sweep().catch(() => {
    }), Math.min(6e4, o.ttlMs));
    store.sweeper.unref();
    return store;
  }
  startWorker() {
    this.worker = new Worker(this.o.queue, (job) => this.process(job), {
      connection: this.redis,
      concurrency: this.o.workers,
      ...this.o.lockDurationMs === void 0 ? {} : { lockDuration: this.o.lockDurationMs },
      ...this.o.stalledIntervalMs === void 0 ? {} : { stalledInterval: this.o.stalledIntervalMs },
      maxStalledCount: 2
    });
    this.worker.on("error", () => {
    });
  }
  /** Runs one queued job in a worker process of the pool (the process writes the output file). */
  async process(job) {
    const id = job.id ?? "";
    const entry = { stage: "starting" };
    this.local.set(id, entry);
    let last = -1;
    try {
      const handle = this.pool.submit({
        method: job.data.method,
        format: formatOf(job.data.output),
        queueJob: job.data,
        // A clip has its own (longer) time limit.
        ...job.data.video?.timeoutMs === void 0 ? {} : { timeoutMs: job.data.video.timeoutMs }
      }, {
        onProgress: (fraction, stage, frames) => {
          entry.stage = stage;
          if (frames)
            entry.frames = frames;
          const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
          if (pct >= last + 5) {
            last = pct;
            job.updateProgress(pct).catch(() => {
            });
          }
        }
      });
      entry.handle = handle;
      const out = await handle.promise;
      await job.updateProgress(100).catch(() => {
      });
      return {
        output: job.data.output,
        seconds: out.ms / 1e3,
        worker: this.me,
        width: out.width,
        height: out.height,
        notices: out.notices,
        ...out.summary === void 0 ? {} : { summary: out.summary }
      };
    } catch (err) {
      const e = err instanceof TaskError ? err : new TaskError(String(err), 500, "internal-error");
      if (e.code === "busy" || e.code === "shutting-down" || e.code === "internal-error")
        throw new Error(e.message);
      const failure = {
        kind: KIND_OF_STATUS(e.status),
        message: e.message,
        status: e.status,
        code: e.code
      };
      await job.updateData({ ...job.data, failure }).catch(() => {
      });
      throw new UnrecoverableError(e.message);
    } finally {
      this.local.delete(id);
    }
  }
  async create(task) {
    await this.checkRoom();
    const id = randomUUID3();
    const dir = path5.join(this.o.dir, id);
    const inputs = {};
    try {
      await fs4.mkdir(dir);
      for (const [name, bytes] of Object.entries(task.files)) {
        await fs4.writeFile(path5.join(dir, name), bytes);
        inputs[name] = path5.join(dir, name);
      }
      for (const [name, text] of Object.entries(task.texts)) {
        if (name === "gallery")
          continue;
        await fs4.writeFile(path5.join(dir, name), text);
        inputs[name] = path5.join(dir, name);
      }
      if (task.gallery) {
        if (task.gallery.pick === "auto")
          inputs.gallery = task.gallery.dir;
        else
          inputs.reference = task.gallery.pick.file;
      }
      const data = {
        v: 1,
        method: task.method,
        options: task.options,
        inputs,
        output: path5.join(dir, `result${EXT_OF_FORMAT[task.format]}`),
        read: { maxPixels: task.maxPixels, acceptDamaged: task.acceptDamaged === true },
        origin: "http"
      };
      await this.add(id, task.method, data);
    } catch (err) {
      await fs4.rm(dir, { recursive: true, force: true }).catch(() => {
      });
      if (err instanceof ColorizeError || err instanceof TaskError)
        throw err;
      throw new TaskError(`the job could not be queued: ${err?.message ?? err}`, 500, "io-error");
    }
    return await this.get(id);
  }
  /** Queues a clip: its files go into the job's folder of the jobs folder; the result is `result.mp4` there. */
  async createVideo(task) {
    await this.checkRoom();
    const id = randomUUID3();
    const dir = path5.join(this.o.dir, id);
    try {
      const data = { ...await writeVideoJob(task, dir), origin: "http" };
      await this.add(id, task.method, data);
    } catch (err) {
      await fs4.rm(dir, { recursive: true, force: true }).catch(() => {
      });
      throw new TaskError(`the job could not be queued: ${err?.message ?? err}`, 500, "io-error");
    }
    return await this.get(id);
  }
  /** Adds a job under our id: retried on a worker's death, kept after it ends (the sweep removes it). */
  async add(id, name, data) {
    await this.queue.add(name, data, {
      jobId: id,
      attempts: ATTEMPTS,
      backoff: { type: "exponential", delay: 1e3 },
      removeOnComplete: false,
      removeOnFail: false
    });
  }
  async checkRoom() {
    const c = await this.queue.getJobCounts("waiting", "prioritized", "delayed", "active");
    const held = Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
    if (held >= this.o.maxJobs)
      throw new TaskError(`${held} jobs are waiting or running; try again later`, 503, "busy");
  }
  async find(id) {
    const job = await this.queue.getJob(id);
    return job?.data?.origin === "http" ? job : void 0;
  }
  /** Paths of the job's folder read as the names of its inputs. */
  words(id, text) {
    return text.split(`${path5.join(this.o.dir, id)}${path5.sep}`).join("");
  }
  async get(id) {
    const job = await this.find(id);
    if (!job)
      return void 0;
    const state = await job.getState();
    const failure = job.data.failure;
    let status;
    if (state === "completed")
      status = "done";
    else if (state === "failed")
      status = failure?.code === "cancelled" ? "cancelled" : "failed";
    else if (state === "active")
      status = "running";
    else
      status = "queued";
    const r = job.returnvalue;
    const iso = (t) => t ? new Date(t).toISOString() : void 0;
    const view2 = {
      id,
      method: job.data.method,
      status,
      progress: status === "done" ? 1 : typeof job.progress === "number" ? job.progress / 100 : 0,
      stage: this.local.get(id)?.stage ?? (state === "delayed" ? "waiting to be retried" : status),
      createdAt: iso(job.timestamp),
      format: formatOf(job.data.output),
      ...job.data.video ? { kind: "video" } : {},
      notices: (r?.notices ?? []).map((n) => this.words(id, n))
    };
    const frames = this.local.get(id)?.frames;
    if (frames)
      view2.frames = frames;
    if (job.processedOn)
      view2.startedAt = iso(job.processedOn);
    if (job.finishedOn)
      view2.finishedAt = iso(job.finishedOn);
    if (r?.width !== void 0 && r.height !== void 0)
      Object.assign(view2, { width: r.width, height: r.height });
    if (status === "failed" || status === "cancelled") {
      const [kindStatus, kindCode] = KIND_STATUS[failure?.kind ?? "internal"];
      view2.error = {
        statusCode: failure?.status ?? kindStatus,
        code: failure?.code ?? kindCode,
        message: this.words(id, failure?.message ?? job.failedReason ?? "the job failed")
      };
    }
    return view2;
  }
  async result(id) {
    const job = await this.find(id);
    if (!job || await job.getState() !== "completed")
      return void 0;
    const file = job.data.output;
    if (!(await fs4.stat(file).catch(() => void 0))?.isFile())
      return void 0;
    return { file, mime: JOB_MIME[formatOf(file)] };
  }
  async remove(id) {
    const job = await this.find(id);
    if (!job)
      return false;
    const state = await job.getState();
    if (state === "active") {
      const mine = this.local.get(id);
      if (!mine?.handle)
        throw new TaskError("the job is running on another worker and cannot be stopped from this service; delete it once it has finished", 409, "running-elsewhere");
      mine.handle.cancel();
      return true;
    }
    try {
      await job.remove();
    } catch {
      throw new TaskError("the job has just started; try again to cancel it", 409, "started");
    }
    await fs4.rm(path5.dirname(job.data.output), { recursive: true, force: true });
    return true;
  }
  wasLost() {
    return false;
  }
  ids() {
    return [];
  }
  async health() {
    const c = await this.queue.getJobCounts("waiting", "prioritized", "delayed", "active", "completed", "failed");
    return {
      redis: shownUrl(this.o.url),
      name: this.o.queue,
      workersHere: this.o.workers,
      counts: c
    };
  }
  /** Forgets finished jobs of the service older than the result lifetime, with their files. */
  async sweep() {
    const now = Date.now();
    for (const state of ["completed", "failed"]) {
      for (const job of await this.queue.getJobs([state], 0, 999, true)) {
        if (job.data?.origin !== "http" || !job.finishedOn || job.finishedOn + this.o.ttlMs > now)
          continue;
        await job.remove().catch(() => {
        });
        await fs4.rm(path5.dirname(job.data.output), { recursive: true, force: true }).catch(() => {
        });
      }
    }
  }
  /** Stops taking new jobs (the service is closing); jobs running here go on until the pool stops. */
  async pause() {
    await this.worker?.pause(true).catch(() => {
    });
  }
  async close() {
    clearInterval(this.sweeper);
    await this.worker?.close().catch(() => {
    });
    await this.queue.close().catch(() => {
    });
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
};

// dist/server/routes-colorize.js
function optionSchema(o) {
  const base = { description: o.description };
  if (o.default !== void 0)
    base.default = Array.isArray(o.default) ? o.default.join(",") : o.default;
  switch (o.type) {
    case "number":
    case "integer":
      return {
        ...base,
        type: "number",
        // Not type 'integer': "must be number" stays the message for a value that is no number.
        ...o.integer ? { multipleOf: 1 } : {},
        ...o.minimum !== void 0 ? { minimum: o.minimum } : {},
        ...o.maximum !== void 0 ? { maximum: o.maximum } : {}
      };
    case "boolean":
      return { ...base, type: "boolean" };
    case "number-list":
      return { ...base, type: "string", pattern: "^\\s*-?[0-9.eE+-]+(\\s*[,\\s]\\s*-?[0-9.eE+-]+)*\\s*$" };
    default:
      return { ...base, type: "string", ...o.enum ? { enum: o.enum } : {} };
  }
}
function methodBodySchema(m) {
  const properties = {};
  for (const i of m.inputs) {
    properties[i.name] = i.kind === "image" ? { type: "string", format: "binary", description: i.description } : i.kind === "gallery" ? { type: "string", description: `${i.description} (needs a server started with --gallery DIR)` } : { type: "string", description: `${i.description} (a file or a text field)` };
  }
  for (const o of m.options)
    properties[o.key] = optionSchema(o);
  properties.acceptDamaged = {
    type: "boolean",
    description: "decode damaged JPEG inputs (corrupt data, stray markers) instead of refusing them with 422"
  };
  return {
    type: "object",
    properties,
    required: m.inputs.filter((i) => i.required).map((i) => i.name),
    additionalProperties: false
  };
}
async function requireMultipart(req) {
  if (!req.isMultipart()) {
    throw new TaskError("send the inputs as multipart/form-data (curl -F gray=@photo.png ...)", 415, "unsupported-media-type");
  }
}
function registerColorizeRoutes(app, ctx) {
  const handle = async (name, req, reply) => {
    const format = formatFromAccept(req.headers.accept);
    if (!format) {
      return sendError(reply, ctx, 406, "not-acceptable", "this endpoint returns image/png, image/jpeg or image/webp; ask for one in Accept");
    }
    const task = await buildTask(name, uploadOf(req.body, uploadedFiles(req)), format, ctx.options.maxPixels, ctx.gallery);
    const h = ctx.pool.submit(task);
    reply.raw.on("close", () => {
      if (!reply.raw.writableFinished)
        h.cancel();
    });
    const out = await h.promise;
    reply.header("Content-Type", JOB_MIME[out.format]).header("X-Colorize-Method", name).header("X-Colorize-Ms", out.ms.toFixed(0)).header("Content-Disposition", `inline; filename="colorized.${out.format === "jpeg" ? "jpg" : out.format}"`);
    if (out.notices.length)
      reply.header("X-Colorize-Notices", encodeURIComponent(out.notices.join(" | ")));
    return reply.send(Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength));
  };
  for (const m of listMethods().map(describeMethod)) {
    app.post(`/v1/colorize/${m.name}`, {
      preValidation: requireMultipart,
      schema: {
        tags: ["colorize"],
        summary: `${m.family}: ${m.summary}`,
        description: `Inputs: ${m.inputs.map((i) => `${i.name}${i.required ? "" : " (optional)"}`).join(", ")}` + (m.oneOf ? `; at least one of ${m.oneOf.map((g) => g.join("/")).join(", ")}` : "") + ". Returns the colorized image; Accept picks image/png (default), image/jpeg or image/webp.",
        consumes: ["multipart/form-data"],
        body: methodBodySchema(m),
        produces: ["image/png", "image/jpeg", "image/webp"]
      }
    }, (req, reply) => handle(m.name, req, reply));
  }
  app.post("/v1/colorize/:method", {
    schema: {
      hide: true,
      params: { type: "object", properties: { method: { type: "string", maxLength: 64 } } }
    }
  }, (req, reply) => handle(req.params.method, req, reply));
}

// dist/server/routes-fuse.js
import path6 from "node:path";

// dist/methods/fuse/sources-wire.js
var FUSE_SOURCES_MIME = "application/vnd.colorize.fuse-sources";
function encodeFuseSources(s, notices = []) {
  const arrays = [];
  const header = { version: 1, arrays: {}, notices };
  if (s.dist) {
    const d = s.dist;
    header.dist = { width: d.width, height: d.height, binCount: d.bins.count };
    arrays.push(["dist.probs", d.probs], ["bins.a", d.bins.a], ["bins.b", d.bins.b], ["bins.cellToBin", d.bins.cellToBin]);
  }
  if (s.exemplar) {
    const { labels, a, b, weight, fusedA, fusedB, ...rest } = s.exemplar;
    header.exemplar = rest;
    arrays.push(["ex.labels", labels], ["ex.a", a], ["ex.b", b], ["ex.weight", weight], ["ex.fusedA", fusedA], ["ex.fusedB", fusedB]);
  }
  let offset = 0;
  for (const [name, arr] of arrays) {
    header.arrays[name] = { type: arr instanceof Int32Array ? "i32" : "f32", offset, length: arr.length };
    offset += arr.byteLength;
  }
  const json2 = new TextEncoder().encode(JSON.stringify(header));
  const start = 4 + Math.ceil(json2.length / 4) * 4;
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, json2.length, true);
  out.set(json2, 4);
  for (const [name, arr] of arrays)
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), start + header.arrays[name].offset);
  return out;
}

// dist/server/routes-fuse.js
function registerFuseRoutes(app, ctx) {
  let chain = Promise.resolve();
  app.post("/v1/fuse/sources", {
    schema: {
      tags: ["colorize"],
      summary: "fuse: the CNN distribution and the reference candidates of a gray photo, for the studio\u2019s fused preview (binary)",
      consumes: ["multipart/form-data"],
      body: {
        type: "object",
        properties: {
          gray: {
            type: "string",
            format: "binary",
            description: "the photo (a colour one is used as its luma)"
          },
          reference: { type: "string", format: "binary", description: "a colour reference photo" },
          gallery: { type: "string", description: '"auto" or a gallery image name (with --gallery DIR)' },
          auto: { type: "boolean", default: false, description: "compute the CNN\u2019s distribution" },
          referenceCandidates: { type: "number", multipleOf: 1, minimum: 1, maximum: 32, default: 4 },
          features: { type: "string", enum: [...FEATURE_CHOICES], default: "auto" }
        },
        required: ["gray"],
        additionalProperties: false
      },
      produces: [FUSE_SOURCES_MIME]
    }
  }, async (req, reply) => {
    const files = uploadedFiles(req);
    const body = req.body ?? {};
    if (!files.gray)
      throw new TaskError("gray: send the photo as a file", 400, "bad-request");
    if (files.reference && body.gallery !== void 0)
      throw new TaskError('give either a "reference" image or "gallery", not both', 400, "bad-request");
    const auto = body.auto === true || body.auto === "true";
    const run = async () => {
      const max = ctx.options.maxPixels;
      const photo = await readImage(files.gray, { maxPixels: max });
      const img = photo.image;
      const gray = grayInput(img, img.channels.length === 1);
      let reference = files.reference ? (await readImage(files.reference, { maxPixels: max })).image : void 0;
      const notices = [];
      if (typeof body.gallery === "string") {
        const g = ctx.gallery;
        if (!g)
          throw new TaskError("this server has no gallery (start it with --gallery DIR)", 400, "bad-request");
        let file;
        if (body.gallery === "auto") {
          const [best] = await (await openGallery(g.gallery.dir, { indexFile: g.indexFile })).nearest(gray);
          file = best.file;
          notices.push(`reference: gallery image ${path6.basename(file)} (nearest, distance ${best.distance.toFixed(1)})`);
        } else {
          try {
            file = g.gallery.file(body.gallery);
          } catch (err) {
            throw new TaskError(err.message, 404, "not-found");
          }
          notices.push(`reference: gallery image ${path6.basename(file)}`);
        }
        reference = (await readImage(file, { maxPixels: max })).image;
      }
      if (!reference && !auto)
        throw new TaskError("nothing to compute: give a reference (or gallery) or auto=true", 400, "bad-request");
      const s = await fuseStaticSources(gray, { reference, auto }, {
        features: body.features,
        referenceCandidates: body.referenceCandidates
      });
      return encodeFuseSources(s, [...notices, ...s.notices]);
    };
    const next = chain.then(run, run);
    chain = next.catch(() => void 0);
    let bytes;
    try {
      bytes = await next;
    } catch (err) {
      if (err instanceof ColorizeError)
        throw taskErrorOf(err);
      throw err;
    }
    return reply.header("Content-Type", FUSE_SOURCES_MIME).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

// dist/server/routes-gallery.js
import sharp2 from "sharp";
var THUMBNAIL_SIZE = 256;
function registerGalleryRoutes(app, ctx) {
  let listing;
  app.get("/v1/gallery", {
    schema: {
      tags: ["methods"],
      summary: "the images of the server\u2019s gallery (empty without --gallery DIR)"
    }
  }, async () => {
    const g = ctx.gallery?.gallery;
    if (!g)
      return { images: [] };
    listing ??= Promise.all(g.names().map(async (name) => {
      const meta = await sharp2(g.file(name)).metadata();
      const swap = (meta.orientation ?? 1) >= 5;
      const w = meta.width ?? 0;
      const h = meta.height ?? 0;
      return { name, width: swap ? h : w, height: swap ? w : h };
    }));
    return { images: await listing };
  });
  app.get("/v1/gallery/:name", {
    schema: {
      tags: ["methods"],
      summary: `a gallery image as a JPEG thumbnail (long side \u2264 ${THUMBNAIL_SIZE})`,
      params: {
        type: "object",
        properties: { name: { type: "string", maxLength: 255 } },
        required: ["name"]
      }
    }
  }, async (req, reply) => {
    const g = ctx.gallery?.gallery;
    if (!g)
      throw new TaskError("this server has no gallery (start it with --gallery DIR)", 404, "not-found");
    let file;
    try {
      file = g.file(req.params.name);
    } catch (err) {
      throw new TaskError(err.message, 404, "not-found");
    }
    const jpeg = await sharp2(file).rotate().resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
    return reply.header("Content-Type", "image/jpeg").header("Cache-Control", "max-age=3600").send(jpeg);
  });
}

// dist/server/routes-jobs.js
import { createReadStream } from "node:fs";
var idParams = {
  type: "object",
  properties: { id: { type: "string", pattern: JOB_ID_PATTERN, description: "job id (UUID)" } },
  required: ["id"]
};
var jobSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    method: { type: "string" },
    status: { type: "string", enum: ["queued", "running", "done", "failed", "cancelled"] },
    progress: { type: "number", description: "0\u20261" },
    stage: { type: "string" },
    queuePosition: { type: "integer" },
    createdAt: { type: "string" },
    startedAt: { type: "string" },
    finishedAt: { type: "string" },
    format: { type: "string", description: "png, jpeg, webp; mp4 for a clip" },
    kind: { type: "string", enum: ["video"], description: "set for a clip (POST /v1/video/jobs)" },
    frames: {
      type: "object",
      description: "a clip: frames done, of total (when the container says), coloured frames per second",
      properties: { done: { type: "integer" }, total: { type: "integer" }, fps: { type: "number" } }
    },
    width: { type: "integer" },
    height: { type: "integer" },
    notices: { type: "array", items: { type: "string" } },
    error: {
      type: "object",
      properties: { statusCode: { type: "integer" }, code: { type: "string" }, message: { type: "string" } }
    },
    links: { type: "object", properties: { self: { type: "string" }, result: { type: "string" } } }
  }
};
function view(job) {
  return {
    ...job,
    progress: Math.round(job.progress * 1e3) / 1e3,
    links: { self: `/v1/jobs/${job.id}`, result: `/v1/jobs/${job.id}/result` }
  };
}
function registerJobRoutes(app, ctx) {
  const unknownJob = (reply, id) => ctx.jobs.wasLost(id) ? sendError(reply, ctx, 404, "job-lost", `job ${id} was lost when the service restarted (jobs are kept in memory); submit it again`) : sendError(reply, ctx, 404, "unknown-job", "no such job (finished results are kept for a limited time)");
  app.post("/v1/jobs", {
    preValidation: async (req) => {
      if (!req.isMultipart())
        throw new TaskError('send the job as multipart/form-data with a "method" field', 415, "unsupported-media-type");
    },
    schema: {
      tags: ["jobs"],
      summary: 'queue a colorization; the fields are those of POST /v1/colorize/{method} plus "method"',
      consumes: ["multipart/form-data"],
      body: {
        type: "object",
        properties: {
          method: {
            type: "string",
            pattern: "^[a-z0-9-]{1,64}$",
            description: "a name from GET /v1/methods"
          },
          format: {
            type: "string",
            enum: ["png", "jpeg", "webp"],
            description: "result format (default png)"
          },
          acceptDamaged: {
            type: "boolean",
            description: "decode damaged JPEG inputs instead of refusing them with 422"
          }
        },
        required: ["method"],
        additionalProperties: true
      },
      response: { 202: jobSchema }
    }
  }, async (req, reply) => {
    const body = req.body;
    const task = await buildTask(body.method, uploadOf(body, uploadedFiles(req)), body.format ?? "png", ctx.options.maxPixels, ctx.gallery);
    const job = await ctx.jobs.create(task);
    return reply.code(202).header("Location", `/v1/jobs/${job.id}`).send(view(await ctx.jobs.get(job.id) ?? job));
  });
  app.get("/v1/jobs/:id", {
    schema: {
      tags: ["jobs"],
      summary: "status and progress of a job",
      params: idParams,
      response: { 200: jobSchema }
    }
  }, async (req, reply) => {
    const { id } = req.params;
    const job = await ctx.jobs.get(id);
    if (!job)
      return unknownJob(reply, id);
    return view(job);
  });
  app.get("/v1/jobs/:id/result", {
    schema: {
      tags: ["jobs"],
      summary: "the image of a finished job (the video, video/mp4, of a clip job)",
      params: idParams,
      produces: ["image/png", "image/jpeg", "image/webp", "video/mp4"]
    }
  }, async (req, reply) => {
    const { id } = req.params;
    const job = await ctx.jobs.get(id);
    if (!job)
      return unknownJob(reply, id);
    if (job.status === "failed" && job.error)
      return sendError(reply, ctx, job.error.statusCode, job.error.code, job.error.message);
    const r = await ctx.jobs.result(id);
    if (!r) {
      const pct = Math.round(job.progress * 100);
      return sendError(reply, ctx, 409, "not-ready", `the job is ${job.status} (${pct} %, ${job.stage}); poll /v1/jobs/${id}`);
    }
    return reply.header("Content-Type", r.mime).header("Content-Disposition", `attachment; filename="${id}.${job.format === "jpeg" ? "jpg" : job.format}"`).send(createReadStream(r.file));
  });
  app.delete("/v1/jobs/:id", {
    schema: {
      tags: ["jobs"],
      summary: "cancel a job, or delete a finished one and its result",
      params: idParams
    }
  }, async (req, reply) => {
    const { id } = req.params;
    const ok = await ctx.jobs.remove(id);
    if (!ok)
      return unknownJob(reply, id);
    return reply.code(204).send();
  });
}

// dist/server/routes-methods.js
function registerMethodRoutes(app) {
  app.get("/v1/methods", {
    schema: {
      tags: ["methods"],
      summary: "every method with its family, inputs and options (types, defaults, allowed values)"
    }
  }, async () => ({ methods: listMethods().map(describeMethod) }));
  app.get("/v1/methods/:name", {
    schema: {
      tags: ["methods"],
      summary: "one method",
      params: {
        type: "object",
        properties: { name: { type: "string", pattern: "^[a-z0-9-]{1,64}$" } },
        required: ["name"]
      }
    }
  }, async (req) => {
    const { name } = req.params;
    try {
      return describeMethod(getMethod(name));
    } catch (err) {
      throw new TaskError(err.message, 404, "unknown-method");
    }
  });
}

// dist/server/routes-video.js
var bodySchema = {
  type: "object",
  properties: {
    clip: {
      type: "string",
      format: "binary",
      description: "the video to colour (mp4, mov, mkv, webm, avi, \u2026 anything ffmpeg reads)"
    },
    method: {
      type: "string",
      pattern: "^[a-z0-9-]{1,64}$",
      description: "the per-frame method (GET /v1/methods); default: the exemplar default with a reference, the scribble default with strokes, else the automatic default"
    },
    reference: {
      type: "string",
      format: "binary",
      description: "a colour reference image for the whole clip"
    },
    references: {
      type: "string",
      description: 'references by keyframe: {"0": "reference", "120": "ref2"}, each value the name of an uploaded image field'
    },
    strokes: {
      type: "string",
      description: `strokes on keyframes (file or text): the studio's stroke JSON with "frame", or a list of those`
    },
    temporal: { type: "boolean", description: "false: colour every frame on its own (no flow)" },
    temporalWeight: {
      type: "number",
      minimum: 0,
      maximum: 0.99,
      description: "pull toward the warped previous result (default 0.85)"
    },
    methodEvery: {
      type: "number",
      multipleOf: 1,
      minimum: 1,
      maximum: 1e3,
      description: "run the method on every k-th frame of a shot, carry colours along the flow between (default 1)"
    },
    flowSize: {
      type: "number",
      multipleOf: 1,
      minimum: 32,
      maximum: 4096,
      description: "long side of the frames the flow is computed on (default 320)"
    },
    cutThreshold: {
      type: "number",
      minimum: 0,
      maximum: 1,
      description: "histogram distance that makes a cut (default 0.3)"
    }
  },
  required: ["clip"],
  // The per-frame method's options are fields too (checked against the method).
  additionalProperties: true
};
function registerVideoRoutes(app, ctx) {
  app.post("/v1/video/jobs", {
    preValidation: async (req) => {
      if (!req.isMultipart())
        throw new TaskError('send the clip as multipart/form-data with a "clip" file (curl -F clip=@film.mp4 ...)', 415, "unsupported-media-type");
    },
    schema: {
      tags: ["jobs"],
      summary: "queue a clip to colour consistently in time; poll GET /v1/jobs/{id}, download the mp4 from its result",
      description: "Fields: clip (file), and a hint: reference (image), references (JSON keyframe \u2192 image field) or strokes (JSON with frame numbers), or none (automatic); method and its options as fields; temporal settings. The result (GET /v1/jobs/{id}/result) is video/mp4 with the clip's frame rate, size and audio.",
      consumes: ["multipart/form-data"],
      body: bodySchema,
      response: { 202: jobSchema }
    }
  }, async (req, reply) => {
    const task = await buildVideoTask(uploadOf(req.body, uploadedFiles(req)), {
      maxPixels: ctx.options.maxPixels,
      maxFrames: ctx.options.maxVideoFrames,
      timeoutMs: ctx.options.videoJobTimeoutMs,
      workDir: ctx.workDir
    });
    const job = await ctx.jobs.createVideo(task);
    return reply.code(202).header("Location", `/v1/jobs/${job.id}`).send(view(await ctx.jobs.get(job.id) ?? job));
  });
}

// dist/server/app.js
function describeFrameworkError(err, ctx) {
  const mb = (ctx.options.maxFileBytes / 1024 / 1024).toFixed(0);
  switch (err.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return `an uploaded file is larger than this server's limit of ${mb} MB per file`;
    case "FST_FIELDS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
      return `too many fields or files in the request (${err.message})`;
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return `the request body is larger than ${JSON_BODY_LIMIT / 1024 / 1024} MB, the limit for bodies that are not multipart/form-data; send the inputs as multipart/form-data (files up to ${mb} MB each)`;
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "send the inputs as multipart/form-data (curl -F target=@photo.png ...)";
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return "send the inputs as multipart/form-data (curl -F target=@photo.png ...)";
    default:
      return err.message;
  }
}
var JSON_BODY_LIMIT = 1024 * 1024;
function malformedMultipart(err) {
  const m = err.message ?? "";
  if (/boundary not found/i.test(m))
    return "multipart/form-data needs a boundary: Content-Type: multipart/form-data; boundary=... (curl -F and browsers set it)";
  if (/unexpected end of (form|multipart)|premature close|part terminated early|malformed part header/i.test(m))
    return `the multipart body is malformed or ended before its closing boundary (${m})`;
  return null;
}
function formatSchemaErrors(errors, dataVar) {
  const e = errors[0];
  const field = e.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const where = field ? `${dataVar} field "${field}"` : dataVar;
  let msg;
  switch (e.keyword) {
    case "additionalProperties":
      msg = `${dataVar}: unknown field "${String(e.params.additionalProperty)}"`;
      break;
    case "required":
      msg = `${dataVar}: missing field "${String(e.params.missingProperty)}"`;
      break;
    case "enum":
      msg = `${where} must be one of ${e.params.allowedValues.join(", ")}`;
      break;
    default:
      msg = `${where} ${e.message ?? "is invalid"}`;
  }
  return new Error(msg);
}
async function buildServer(opts = {}) {
  const options = resolveServerOptions(opts);
  for (const m of options.modules)
    await import(m);
  await cleanStaleWorkDirs(options.workRoot);
  const workDir = await makeWorkDir(options.workRoot);
  const pool = new WorkerPool({
    size: options.concurrency,
    maxQueue: options.maxQueue,
    timeoutMs: options.jobTimeoutMs,
    modules: options.modules
  });
  let jobs;
  try {
    jobs = options.redis ? await RedisJobStore.open(pool, {
      url: options.redis,
      queue: options.queueName,
      dir: options.jobsDir,
      ttlMs: options.resultTtlMs,
      workers: options.queueWorkers ?? options.concurrency,
      maxJobs: 1e4,
      ...options.queueLockMs === void 0 ? {} : { lockDurationMs: options.queueLockMs },
      ...options.queueStalledMs === void 0 ? {} : { stalledIntervalMs: options.queueStalledMs }
    }) : new JobStore(pool, workDir, options.resultTtlMs, 1e3, lostJobIds(options.workRoot));
  } catch (err) {
    await pool.close();
    await fs5.rm(workDir, { recursive: true, force: true });
    throw err;
  }
  const ctx = { options, pool, jobs, workDir };
  if (options.gallery) {
    const indexFile = path7.join(workDir, "gallery.idx");
    ctx.gallery = { gallery: await openGallery(options.gallery, { indexFile }), indexFile };
  }
  const app = Fastify({
    logger: options.logger,
    bodyLimit: JSON_BODY_LIMIT,
    // Unknown fields must be refused with their name, not silently dropped.
    ajv: {
      customOptions: { removeAdditional: false, useDefaults: false, coerceTypes: true, allErrors: false }
    },
    schemaErrorFormatter: (errors, dataVar) => formatSchemaErrors(errors, dataVar)
  });
  let drainTimer;
  app.addHook("preClose", (done) => {
    pool.draining = true;
    if (jobs instanceof RedisJobStore)
      void jobs.pause();
    drainTimer = setTimeout(() => {
      void pool.close();
      drainTimer = setTimeout(() => app.server.closeAllConnections(), 2e3);
    }, options.drainTimeoutMs);
    done();
  });
  app.addHook("onClose", async () => {
    clearTimeout(drainTimer);
    await pool.close();
    await jobs.close();
    await rememberLostJobs(options.workRoot, jobs.ids()).catch(() => {
    });
    await fs5.rm(workDir, { recursive: true, force: true });
  });
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    limits: {
      fileSize: options.maxFileBytes,
      fieldSize: options.maxFileBytes,
      files: 6,
      fields: 64,
      parts: 70
    }
  });
  app.addHook("onRequest", async (req, reply) => {
    if (!/^multipart\//i.test(req.headers["content-type"] ?? ""))
      return;
    const timer = setTimeout(() => {
      if (reply.sent)
        return;
      reply.header("Connection", "close");
      reply.raw.once("finish", () => req.raw.destroy());
      void sendError(reply, ctx, 400, "body-timeout", `the multipart body did not end within ${(options.bodyTimeoutMs / 1e3).toFixed(0)} s (its closing boundary --<boundary>-- never came); send the whole body`);
    }, options.bodyTimeoutMs);
    req.raw.once("end", () => clearTimeout(timer));
    reply.raw.once("close", () => clearTimeout(timer));
  });
  app.addHook("preValidation", async (req) => {
    if (!req.isMultipart() || !req.body || typeof req.body !== "object")
      return;
    const body = req.body;
    const files = {};
    for (const [k, v] of Object.entries(body)) {
      if (Array.isArray(v)) {
        const what = v.some((x) => Buffer.isBuffer(x)) ? "file field" : "field";
        throw new TaskError(`${what} "${k}" was sent ${v.length} times; send each input and option once`, 400, "bad-request");
      }
      if (Buffer.isBuffer(v)) {
        files[k] = v;
        body[k] = `<file of ${v.byteLength} bytes>`;
      }
    }
    req.uploadedFiles = files;
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "colorize-toolkit service",
        description: "Colorize gray photos from strokes, recolour photos from a reference. Every method of the toolkit, its inputs as multipart files and its options as form fields. Long work: POST /v1/jobs.",
        version: VERSION
      },
      tags: [
        { name: "methods", description: "what the service can do" },
        { name: "colorize", description: "one request, one image back" },
        { name: "jobs", description: "long work: submit, poll, download" }
      ]
    }
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof TaskError)
      return sendError(reply, ctx, err.status, err.code, err.message);
    if (err instanceof ColorizeError) {
      const t = taskErrorOf(err);
      return sendError(reply, ctx, t.status, t.code, t.message);
    }
    const malformed = malformedMultipart(err);
    if (malformed)
      return sendError(reply, ctx, 400, "bad-request", malformed);
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status === 500)
      reply.log.error(err);
    const code = err.code === "FST_ERR_VALIDATION" ? "bad-request" : err.code ?? "internal-error";
    return sendError(reply, ctx, status, code, status === 500 ? `internal error: ${err.message}` : describeFrameworkError(err, ctx));
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, ctx, 404, "not-found", `no route ${req.method} ${req.url.split("?")[0]}; see /docs`));
  app.get("/v1/health", { schema: { tags: ["methods"], summary: "liveness and queue figures" } }, async () => ({
    status: "ok",
    version: VERSION,
    workers: pool.stats,
    ...jobs.health ? { queue: await jobs.health() } : {}
  }));
  registerMethodRoutes(app);
  registerGalleryRoutes(app, ctx);
  registerFuseRoutes(app, ctx);
  registerColorizeRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerVideoRoutes(app, ctx);
  if (options.studioDir) {
    await app.register(fastifyStatic, {
      root: path7.resolve(options.studioDir),
      prefix: "/",
      decorateReply: false
    });
  }
  return app;
}
export {
  buildServer
};
