import {
  listImages
} from "./chunk-3H4K7PBV.js";
import {
  outputPathFor
} from "./chunk-7HZYYSAU.js";
import {
  getMethod,
  inputProblem,
  validateOptions
} from "./chunk-YJQATMIZ.js";
import "./chunk-ERYG42RF.js";
import "./chunk-E2GQZY2A.js";
import "./chunk-62PT54LQ.js";
import "./chunk-JZHOG4WJ.js";
import "./chunk-DNVYFS5D.js";
import "./chunk-C7DXZTIV.js";
import "./chunk-ZWSHODDX.js";
import {
  ColorizeError,
  fsProblem
} from "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";

// dist/queue/jobs.js
import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { Queue } from "bullmq";
var JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2e3 },
  // Finished jobs stay, so re-adding finished work finds them; `queue drain --all` forgets them.
  removeOnComplete: false,
  removeOnFail: false
};
async function fileHash(file) {
  const h = createHash("sha256");
  await new Promise((resolve, reject) => {
    createReadStream(file).on("data", (d) => h.update(d)).on("end", resolve).on("error", reject);
  });
  return h.digest("hex");
}
function canonical(value) {
  if (Array.isArray(value))
    return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}
async function jobIdFor(data) {
  const contents = {};
  for (const [name, file] of Object.entries(data.inputs)) {
    if (file === void 0)
      continue;
    const st = await fs.stat(file);
    contents[name] = [file, st.isDirectory() ? "folder" : await fileHash(file)];
  }
  const key = JSON.stringify(canonical({ method: data.method, options: data.options, inputs: contents, output: data.output }));
  return `c-${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}
function openQueue(redis, name) {
  return new Queue(name, { connection: redis });
}
async function expandInputs(inputs) {
  const files = [];
  for (const p of inputs) {
    let st;
    try {
      st = await fs.stat(p);
    } catch (err) {
      throw new ColorizeError(`${p}: ${fsProblem(err)}`, "io", p);
    }
    if (st.isDirectory()) {
      const list = await listImages(p);
      if (list.length === 0)
        throw new ColorizeError(`${p}: no image files in this folder`, "input", p);
      files.push(...list);
    } else
      files.push(p);
  }
  return files.map((f) => path.resolve(f));
}
async function planJobs(req) {
  const method = getMethod(req.method);
  const options = validateOptions(method, req.options);
  const first = method.inputs[0].name;
  for (const name of Object.keys(req.shared)) {
    if (name === first)
      throw new ColorizeError(`--${name} is the image each job colours: give it as INPUT`, "usage");
    if (!method.inputs.some((i) => i.name === name))
      throw new ColorizeError(`--${name} is not an input of method ${method.name} (its inputs: ${method.inputs.map((i) => i.name).join(", ")})`, "usage");
  }
  const problem = inputProblem(method, (n) => n === first || req.shared[n] !== void 0, (n) => `--${n}`);
  if (problem)
    throw new ColorizeError(problem, "usage");
  const shared = {};
  for (const [name, file] of Object.entries(req.shared)) {
    const st = await fs.stat(file).catch((err) => {
      throw new ColorizeError(`${file}: ${fsProblem(err)}`, "io", file);
    });
    const wantsFolder = method.inputs.find((i) => i.name === name)?.kind === "gallery";
    if (wantsFolder !== st.isDirectory())
      throw new ColorizeError(`${file}: --${name} must be ${wantsFolder ? "a folder" : "a file"}`, "usage", file);
    shared[name] = path.resolve(file);
  }
  const files = await expandInputs(req.inputs);
  const outDir = path.resolve(req.out);
  const outStat = await fs.stat(outDir).catch(() => void 0);
  if (outStat && !outStat.isDirectory())
    throw new ColorizeError(`${req.out}: --out must be a folder, not a file`, "usage", req.out);
  const seen = /* @__PURE__ */ new Map();
  const jobs = [];
  for (const file of files) {
    const output = outputPathFor(file, outDir);
    const other = seen.get(output);
    if (other !== void 0 && other !== file)
      throw new ColorizeError(`${file} and ${other} would both be written to ${output}`, "usage", file);
    if (other !== void 0)
      continue;
    seen.set(output, file);
    for (const [name, p] of Object.entries({ [first]: file, ...shared }))
      if (p === output)
        throw new ColorizeError(`${output}: the output would overwrite the ${name}; choose another --out`, "usage");
    jobs.push({
      v: 1,
      method: method.name,
      options,
      inputs: { ...shared, [first]: file },
      output,
      read: req.read ?? {}
    });
  }
  return jobs;
}
async function addJobs(queue, req) {
  const jobs = await planJobs(req);
  await fs.mkdir(path.resolve(req.out), { recursive: true }).catch((err) => {
    throw new ColorizeError(`${req.out}: cannot create the output folder: ${fsProblem(err)}`, "io", req.out);
  });
  const report = { added: 0, existing: {}, outputExists: 0, total: jobs.length };
  const batch = [];
  for (const data of jobs) {
    let jobId;
    try {
      jobId = await jobIdFor(data);
    } catch (err) {
      const file = Object.values(data.inputs)[0];
      throw new ColorizeError(`${file}: cannot read: ${fsProblem(err)}`, "io", file);
    }
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      report.existing[state] = (report.existing[state] ?? 0) + 1;
      continue;
    }
    if (!req.overwrite && (await fs.stat(data.output).catch(() => void 0))?.isFile()) {
      report.outputExists++;
      continue;
    }
    batch.push({ name: data.method, data, opts: { ...JOB_OPTIONS, jobId } });
  }
  for (let i = 0; i < batch.length; i += 500)
    await queue.addBulk(batch.slice(i, i + 500));
  report.added = batch.length;
  return report;
}
function firstInput(job) {
  const d = job.data;
  try {
    return d.inputs[getMethod(d.method).inputs[0].name] ?? Object.values(d.inputs)[0] ?? "?";
  } catch {
    return Object.values(d.inputs)[0] ?? "?";
  }
}
async function queueStatus(queue, options = {}) {
  const windowSeconds = options.windowSeconds ?? 600;
  const now = options.now ?? Date.now();
  const c = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "completed", "failed");
  const counts = {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    completed: c.completed ?? 0,
    failed: c.failed ?? 0
  };
  const recent = (await queue.getJobs(["completed"], 0, 999)).map((j) => j.finishedOn ?? 0).filter((t) => t >= now - windowSeconds * 1e3);
  let throughput = null;
  if (recent.length >= 2) {
    const span = (Math.max(...recent) - Math.min(...recent)) / 1e3;
    throughput = span > 0 ? (recent.length - 1) / span : null;
  }
  const left = counts.waiting + counts.active + counts.delayed;
  const etaSeconds = left === 0 ? 0 : throughput ? left / throughput : null;
  const active = (await queue.getJobs(["active"], 0, 99)).map((j) => ({
    id: j.id ?? "",
    input: firstInput(j),
    progress: typeof j.progress === "number" ? j.progress / 100 : 0
  }));
  const failed = (await queue.getJobs(["failed"], 0, (options.maxFailed ?? 50) - 1)).map((j) => ({
    id: j.id ?? "",
    input: firstInput(j),
    output: j.data.output,
    error: j.failedReason ?? "unknown error",
    attempts: j.attemptsMade
  }));
  return { queue: queue.name, counts, throughput, windowSeconds, etaSeconds, active, failed };
}
async function retryFailed(queue) {
  const n = (await queue.getJobCounts("failed")).failed ?? 0;
  if (n > 0)
    await queue.retryJobs({ state: "failed", count: 1e3 });
  return n;
}
async function drainQueue(queue, all = false) {
  const c = await queue.getJobCounts("waiting", "prioritized", "delayed", "active", "completed", "failed");
  if (all) {
    if ((c.active ?? 0) > 0)
      throw new ColorizeError(`${c.active} job(s) are running; stop the workers (or wait) before \`queue drain --all\``, "usage");
    await queue.obliterate({ force: true });
    return Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
  }
  await queue.drain(true);
  return (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
}
export {
  JOB_OPTIONS,
  addJobs,
  drainQueue,
  fileHash,
  jobIdFor,
  openQueue,
  planJobs,
  queueStatus,
  retryFailed
};
