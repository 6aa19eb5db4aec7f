import {
  colorizeVideo,
  withInputFile
} from "./chunk-PEE2GYAQ.js";
import {
  colourisationRecord,
  writeResult
} from "./chunk-7HZYYSAU.js";
import {
  colorize,
  parseStrokeKeyframes,
  probeVideo
} from "./chunk-5VLUYPI7.js";
import {
  getMethod,
  readImage
} from "./chunk-YJQATMIZ.js";
import "./chunk-ERYG42RF.js";
import {
  requireModel
} from "./chunk-E2GQZY2A.js";
import "./chunk-62PT54LQ.js";
import "./chunk-JZHOG4WJ.js";
import "./chunk-2VPUGM6P.js";
import "./chunk-DNVYFS5D.js";
import "./chunk-C7DXZTIV.js";
import "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  fsProblem
} from "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";

// dist/queue/worker.js
import os from "node:os";
import { Queue, UnrecoverableError, Worker } from "bullmq";

// dist/queue/run-job.js
import { promises as fs2 } from "node:fs";
import path2 from "node:path";

// dist/video/video-job.js
import { promises as fs } from "node:fs";
import path from "node:path";
function clock(seconds) {
  if (!Number.isFinite(seconds))
    return "?";
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
function frameStage(p) {
  const eta = p.total && p.fps > 0 ? clock((p.total - p.done) / p.fps) : "?";
  return `frame ${p.done}${p.total ? `/${p.total}` : ""}, ${p.fps.toFixed(2)} fps, ETA ${eta}`;
}
function named(err, file, name) {
  if (err instanceof ColorizeError)
    return new ColorizeError(err.message.split(file).join(name), err.kind, void 0);
  return err;
}
async function runVideoJob(spec, method, options, output, read, progress) {
  const t0 = performance.now();
  const references = [];
  for (const r of spec.references ?? []) {
    let d;
    try {
      d = await readImage(r.file, read);
    } catch (err) {
      throw named(err, r.file, r.name);
    }
    if (d.isGray)
      throw new ColorizeError(`${r.name}: the reference is gray, so it has no colours to use; give a colour photo`, "input");
    references.push({ frame: r.frame, value: d.image });
  }
  let strokes;
  if (spec.strokes) {
    let text;
    try {
      text = await fs.readFile(spec.strokes, "utf8");
    } catch (err) {
      throw new ColorizeError(`strokes: cannot read: ${fsProblem(err)}`, "io");
    }
    strokes = parseStrokeKeyframes(JSON.parse(text), "strokes");
  }
  let info;
  try {
    info = probeVideo(spec.clip);
  } catch (err) {
    throw named(err, spec.clip, "clip");
  }
  const notices = [];
  progress?.(0.01, "starting");
  let result;
  try {
    result = await colorizeVideo(spec.clip, output, {
      method,
      methodOptions: options,
      references: references.length ? references : void 0,
      strokes,
      ...spec.settings,
      read
    }, {
      notice: (t) => notices.push(t),
      progress: (done, total, fps) => {
        const frames = { done, ...total ? { total } : {}, fps };
        const fraction = total ? Math.min(0.97, 0.97 * done / total) : 0.5;
        progress?.(fraction, total && done >= total ? "encoding" : frameStage(frames), frames);
      }
    });
  } catch (err) {
    throw named(named(err, `${output}.frames`, "the frames"), spec.clip, "clip");
  }
  const summary = `${result.coloured} frames coloured by ${method}, ${result.cuts.length} shot${result.cuts.length === 1 ? "" : "s"}, ${(result.coloured / Math.max(result.seconds, 1e-6)).toFixed(2)} fps, flow reliable on ${(100 * result.meanReliable).toFixed(0)} % of pixels (${result.codec ?? path.extname(output)})`;
  return {
    seconds: (performance.now() - t0) / 1e3,
    summary,
    width: info.width,
    height: info.height,
    notices
  };
}

// dist/queue/run-job.js
async function runQueueJob(data, progress) {
  const t0 = performance.now();
  if (data.v !== 1)
    throw new ColorizeError(`job layout v${String(data.v)} is not known to this worker`, "usage");
  if (data.video)
    return runVideoJob(data.video, data.method, data.options, data.output, data.read, progress);
  const method = getMethod(data.method);
  for (const m of method.models ?? [])
    requireModel(m);
  const first = method.inputs[0].name;
  const primaryFile = data.inputs[first];
  if (primaryFile === void 0)
    throw new ColorizeError(`the job has no ${first} input`, "usage");
  const primary = await readImage(primaryFile, data.read);
  const inputs = { ...data.inputs, [first]: primary.image };
  for (const i of method.inputs) {
    const file = data.inputs[i.name];
    if (i.kind !== "json" || file === void 0)
      continue;
    try {
      inputs[i.name] = await fs2.readFile(file, "utf8");
    } catch (err) {
      throw new ColorizeError(`${file}: cannot read: ${fsProblem(err)}`, "input", file);
    }
  }
  const notices = [];
  let result;
  try {
    result = await colorize(inputs, { method: data.method, ...data.options }, { progress, notice: (text) => notices.push(text) }, data.read);
  } catch (err) {
    throw withInputFile(err, data.inputs);
  }
  try {
    await fs2.mkdir(path2.dirname(data.output), { recursive: true });
  } catch (err) {
    throw new ColorizeError(`${data.output}: cannot create its folder: ${fsProblem(err)}`, "io", data.output);
  }
  await writeResult(data.output, result.rgb, primary, {
    record: colourisationRecord(data.method, data.options),
    notes: (text) => notices.push(text)
  });
  return {
    seconds: (performance.now() - t0) / 1e3,
    summary: result.summary,
    width: result.rgb.width,
    height: result.rgb.height,
    notices
  };
}

// dist/queue/worker.js
function failureMessage(data, err) {
  const msg = err instanceof ColorizeError ? err.message : `internal error: ${err?.message ?? String(err)}`;
  const files = Object.values(data.inputs).filter((f) => f !== void 0);
  if (files.length === 0)
    return msg;
  if (files.some((f) => msg.startsWith(f)) || msg.startsWith(data.output))
    return msg;
  const first = files.find((f) => f === data.inputs[getMethodFirst(data)]) ?? files[0];
  return `${first}: ${msg}`;
}
function getMethodFirst(data) {
  try {
    return getMethod(data.method).inputs[0].name;
  } catch {
    return "target";
  }
}
function startWorker(redis, options) {
  const log = options.log ?? (() => {
  });
  const me = `${os.hostname()}:${process.pid}`;
  let completed = 0;
  let failed = 0;
  const worker = new Worker(options.queue, async (job) => {
    let last = -1;
    const progress = (fraction) => {
      const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
      if (pct >= last + 5) {
        last = pct;
        job.updateProgress(pct).catch(() => {
        });
      }
    };
    try {
      const r = await runQueueJob(job.data, progress);
      await job.updateProgress(100).catch(() => {
      });
      return {
        output: job.data.output,
        seconds: r.seconds,
        summary: r.summary,
        worker: me,
        width: r.width,
        height: r.height,
        notices: r.notices
      };
    } catch (err) {
      const message = failureMessage(job.data, err);
      if (err instanceof ColorizeError && (err.kind === "input" || err.kind === "usage")) {
        await job.updateData({ ...job.data, failure: { kind: err.kind, message } }).catch(() => {
        });
        throw new UnrecoverableError(message);
      }
      throw new Error(message);
    }
  }, {
    connection: redis,
    concurrency: options.concurrency ?? 1,
    // Unset values keep BullMQ's defaults (an explicit undefined would replace them).
    ...options.lockDuration === void 0 ? {} : { lockDuration: options.lockDuration },
    ...options.stalledInterval === void 0 ? {} : { stalledInterval: options.stalledInterval },
    // A job whose worker died twice is tried a third time before it is failed.
    maxStalledCount: 2
  });
  worker.on("completed", (job, r) => {
    completed++;
    log(`done ${job.id} ${r.output} ${r.seconds.toFixed(2)} s`);
  });
  worker.on("failed", (job, err) => {
    if (!job)
      return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === "UnrecoverableError";
    if (final)
      failed++;
    log(`${final ? "failed" : "will retry"} ${job.id} ${err.message}`);
  });
  worker.on("error", (err) => log(`worker error: ${err.message}`));
  worker.waitUntilReady().then(() => log(`ready ${me}`)).catch(() => {
  });
  let timer;
  let stopping;
  const stop = () => {
    if (timer)
      clearInterval(timer);
    stopping ??= worker.close();
    return stopping;
  };
  const done = new Promise((resolve, reject) => {
    worker.on("closed", () => resolve({ completed, failed }));
    worker.waitUntilReady().catch(reject);
  });
  if (options.exitWhenEmpty) {
    const counter = new Queue(options.queue, { connection: redis });
    let checking = false;
    timer = setInterval(async () => {
      if (checking || stopping)
        return;
      checking = true;
      try {
        const c = await counter.getJobCounts("waiting", "prioritized", "active", "delayed");
        if (Object.values(c).every((n) => !n))
          await stop();
      } catch {
      } finally {
        checking = false;
      }
    }, 500);
    done.finally(() => counter.close()).catch(() => {
    });
  }
  return { done, stop };
}
export {
  startWorker
};
