/**
 * Batch jobs on a distributed queue (BullMQ on Redis): one job per image, with an id made from
 * what the job does (input paths and content hashes, method, options, output), so adding the
 * same work twice enqueues it once. Inputs and outputs are paths on a file system every worker
 * sees (docs/scale-out.md).
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { type Job, type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { outputPathFor } from '../cli/output.js';
import { listImages } from '../cli/pairing.js';
import { ColorizeError, type ErrorKind, fsProblem } from '../errors.js';
import type { ReadOptions } from '../image/io.js';
import '../methods/builtin.js';
import { getMethod } from '../methods/catalogue/catalogue.js';
import { inputProblem } from '../methods/catalogue/inputs.js';
import { validateOptions } from '../methods/catalogue/options.js';
import type { InputName } from '../methods/catalogue/types.js';
import type { VideoJobSpec } from '../video/video-job.js';

/** What a queued job carries: absolute paths, the method and its validated options. */
export interface QueueJobData {
  /** Version of this layout, so a worker can refuse jobs it does not understand. */
  v: 1;
  method: string;
  options: Record<string, unknown>;
  /** Input files (a folder for `gallery`) by input name; the method's first input is the image to colour. */
  inputs: Partial<Record<InputName, string>>;
  /** The file to write (atomically; alpha and bit depth of the first input carried over). */
  output: string;
  read: ReadOptions;
  /** Set for jobs of the HTTP service (`serve --redis`): their inputs and output are in its jobs folder. */
  origin?: 'http';
  /**
   * A clip job (HTTP `POST /v1/video/jobs`): `method` colours each frame, `output` is a video file,
   * `inputs` is empty (the clip and its hints are here).
   */
  video?: VideoJobSpec;
  /** Why the job failed for good, with the kind of error (set by the worker that failed it). */
  failure?: { kind: ErrorKind; message: string };
}

/** What a finished job returns (kept in Redis with the job). */
export interface QueueJobResult {
  output: string;
  seconds: number;
  summary?: string;
  worker: string;
  width?: number;
  height?: number;
  notices?: string[];
}

/** Retries of a job that failed on something other than its input (e.g. a full disk). */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  // Finished jobs stay, so re-adding finished work finds them; `queue drain --all` forgets them.
  removeOnComplete: false,
  removeOnFail: false,
};

/** SHA-256 of a file's bytes (streamed), hex. */
export async function fileHash(file: string): Promise<string> {
  const h = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', resolve)
      .on('error', reject);
  });
  return h.digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * The job id of `data`: a hash of the input paths and their contents, the method, its options
 * and the output path. The same work gets the same id, so BullMQ keeps one job for it; a changed
 * input file (new content) or option is new work.
 *
 * @example
 * ```ts
 * import { jobIdFor } from 'colorize-toolkit/internals';
 * const id = await jobIdFor({ v: 1, method: 'histogram', options: {}, inputs: { target: 'examples/scene_gray.png',
 *   reference: 'examples/scene.png' }, output: '/tmp/out/scene_gray.png', read: {} });
 * console.log(id.length); // 34
 * ```
 */
export async function jobIdFor(data: QueueJobData): Promise<string> {
  const contents: Record<string, [string, string]> = {};
  for (const [name, file] of Object.entries(data.inputs)) {
    if (file === undefined) continue;
    const st = await fs.stat(file);
    // A gallery is a folder: its path stands for it.
    contents[name] = [file, st.isDirectory() ? 'folder' : await fileHash(file)];
  }
  const key = JSON.stringify(
    canonical({ method: data.method, options: data.options, inputs: contents, output: data.output }),
  );
  // A letter first: BullMQ refuses custom ids that are plain integers.
  return `c-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** The queue's client for adding and inspecting jobs (no worker). */
export function openQueue(redis: Redis, name: string): Queue<QueueJobData, QueueJobResult> {
  return new Queue<QueueJobData, QueueJobResult>(name, { connection: redis });
}

/** What to enqueue: every image the inputs name, one method and its options, an output folder. */
export interface AddRequest {
  /** Image files, or folders whose images are each one job; the method's first input. */
  inputs: string[];
  method: string;
  /** Options by key, as typed or as text ("64", "true"); validated against the method. */
  options: Record<string, unknown>;
  /** The method's other inputs, the same for every job (e.g. `reference`). */
  shared: Partial<Record<InputName, string>>;
  /** Output folder (created); each output is named after its input. */
  out: string;
  read?: ReadOptions;
  /** Enqueue even when the output file is already there. */
  overwrite?: boolean;
}

/** What `addJobs` did with each image. */
export interface AddReport {
  added: number;
  /** Already in the queue by id, by state (waiting, active, completed, failed, ...). */
  existing: Record<string, number>;
  /** Output already on disk (and no --overwrite): not enqueued. */
  outputExists: number;
  total: number;
}

async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of inputs) {
    let st: Awaited<ReturnType<typeof fs.stat>>;
    try {
      st = await fs.stat(p);
    } catch (err) {
      throw new ColorizeError(`${p}: ${fsProblem(err)}`, 'io', p);
    }
    if (st.isDirectory()) {
      const list = await listImages(p);
      if (list.length === 0) throw new ColorizeError(`${p}: no image files in this folder`, 'input', p);
      files.push(...list);
    } else files.push(p);
  }
  return files.map((f) => path.resolve(f));
}

/** The jobs a request makes, checked before anything is enqueued (method, options, inputs, outputs). */
export async function planJobs(req: AddRequest): Promise<QueueJobData[]> {
  const method = getMethod(req.method);
  const options = validateOptions(method, req.options);
  const first = method.inputs[0].name;
  for (const name of Object.keys(req.shared) as InputName[]) {
    if (name === first)
      throw new ColorizeError(`--${name} is the image each job colours: give it as INPUT`, 'usage');
    if (!method.inputs.some((i) => i.name === name))
      throw new ColorizeError(
        `--${name} is not an input of method ${method.name} (its inputs: ${method.inputs.map((i) => i.name).join(', ')})`,
        'usage',
      );
  }
  const problem = inputProblem(
    method,
    (n) => n === first || req.shared[n] !== undefined,
    (n) => `--${n}`,
  );
  if (problem) throw new ColorizeError(problem, 'usage');
  const shared: Partial<Record<InputName, string>> = {};
  for (const [name, file] of Object.entries(req.shared) as Array<[InputName, string]>) {
    const st = await fs.stat(file).catch((err) => {
      throw new ColorizeError(`${file}: ${fsProblem(err)}`, 'io', file);
    });
    const wantsFolder = method.inputs.find((i) => i.name === name)?.kind === 'gallery';
    if (wantsFolder !== st.isDirectory())
      throw new ColorizeError(
        `${file}: --${name} must be ${wantsFolder ? 'a folder' : 'a file'}`,
        'usage',
        file,
      );
    shared[name] = path.resolve(file);
  }
  const files = await expandInputs(req.inputs);
  const outDir = path.resolve(req.out);
  const outStat = await fs.stat(outDir).catch(() => undefined);
  if (outStat && !outStat.isDirectory())
    throw new ColorizeError(`${req.out}: --out must be a folder, not a file`, 'usage', req.out);
  const seen = new Map<string, string>();
  const jobs: QueueJobData[] = [];
  for (const file of files) {
    const output = outputPathFor(file, outDir);
    const other = seen.get(output);
    if (other !== undefined && other !== file)
      throw new ColorizeError(`${file} and ${other} would both be written to ${output}`, 'usage', file);
    if (other !== undefined) continue;
    seen.set(output, file);
    for (const [name, p] of Object.entries({ [first]: file, ...shared }))
      if (p === output)
        throw new ColorizeError(
          `${output}: the output would overwrite the ${name}; choose another --out`,
          'usage',
        );
    jobs.push({
      v: 1,
      method: method.name,
      options,
      inputs: { ...shared, [first]: file },
      output,
      read: req.read ?? {},
    });
  }
  return jobs;
}

/**
 * Enqueues one job per input image. Work already in the queue (same id: same inputs and contents,
 * method, options and output) is not enqueued again, whatever its state; nor is work whose output
 * file is already there, unless `overwrite`.
 */
export async function addJobs(
  queue: Queue<QueueJobData, QueueJobResult>,
  req: AddRequest,
): Promise<AddReport> {
  const jobs = await planJobs(req);
  await fs.mkdir(path.resolve(req.out), { recursive: true }).catch((err) => {
    throw new ColorizeError(`${req.out}: cannot create the output folder: ${fsProblem(err)}`, 'io', req.out);
  });
  const report: AddReport = { added: 0, existing: {}, outputExists: 0, total: jobs.length };
  const batch: Array<{ name: string; data: QueueJobData; opts: JobsOptions }> = [];
  for (const data of jobs) {
    let jobId: string;
    try {
      jobId = await jobIdFor(data);
    } catch (err) {
      const file = Object.values(data.inputs)[0];
      throw new ColorizeError(`${file}: cannot read: ${fsProblem(err)}`, 'io', file);
    }
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      report.existing[state] = (report.existing[state] ?? 0) + 1;
      continue;
    }
    if (!req.overwrite && (await fs.stat(data.output).catch(() => undefined))?.isFile()) {
      report.outputExists++;
      continue;
    }
    batch.push({ name: data.method, data, opts: { ...JOB_OPTIONS, jobId } });
  }
  for (let i = 0; i < batch.length; i += 500) await queue.addBulk(batch.slice(i, i + 500));
  report.added = batch.length;
  return report;
}

/** A failed job as `queue status` shows it. */
export interface FailedJob {
  id: string;
  input: string;
  output: string;
  error: string;
  attempts: number;
}

/** The state of a queue: counts, recent throughput, an ETA, and the failed jobs. */
export interface QueueStatus {
  queue: string;
  counts: {
    waiting: number;
    active: number;
    delayed: number;
    completed: number;
    failed: number;
  };
  /** Finished jobs per second over the recent window, or null with fewer than 2 finished jobs in it. */
  throughput: number | null;
  /** The window the throughput was measured over, in seconds. */
  windowSeconds: number;
  /** Seconds until waiting + active + delayed jobs are done at that rate, or null. */
  etaSeconds: number | null;
  /** Progress of the active jobs, in [0, 1]. */
  active: Array<{ id: string; input: string; progress: number }>;
  failed: FailedJob[];
}

function firstInput(job: Job<QueueJobData>): string {
  const d = job.data;
  try {
    return d.inputs[getMethod(d.method).inputs[0].name] ?? Object.values(d.inputs)[0] ?? '?';
  } catch {
    return Object.values(d.inputs)[0] ?? '?';
  }
}

/**
 * Counts, throughput over the last `windowSeconds` (from the finish times of up to 1000 recent
 * completed jobs), ETA, active jobs' progress and up to `maxFailed` failed jobs with their errors.
 */
export async function queueStatus(
  queue: Queue<QueueJobData, QueueJobResult>,
  options: { windowSeconds?: number; maxFailed?: number; now?: number } = {},
): Promise<QueueStatus> {
  const windowSeconds = options.windowSeconds ?? 600;
  const now = options.now ?? Date.now();
  const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
  const counts = {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    completed: c.completed ?? 0,
    failed: c.failed ?? 0,
  };
  const recent = (await queue.getJobs(['completed'], 0, 999))
    .map((j) => j.finishedOn ?? 0)
    .filter((t) => t >= now - windowSeconds * 1000);
  let throughput: number | null = null;
  if (recent.length >= 2) {
    // Jobs finished per second from the first to the last finish in the window.
    const span = (Math.max(...recent) - Math.min(...recent)) / 1000;
    throughput = span > 0 ? (recent.length - 1) / span : null;
  }
  const left = counts.waiting + counts.active + counts.delayed;
  const etaSeconds = left === 0 ? 0 : throughput ? left / throughput : null;
  const active = (await queue.getJobs(['active'], 0, 99)).map((j) => ({
    id: j.id ?? '',
    input: firstInput(j),
    progress: typeof j.progress === 'number' ? j.progress / 100 : 0,
  }));
  const failed = (await queue.getJobs(['failed'], 0, (options.maxFailed ?? 50) - 1)).map((j) => ({
    id: j.id ?? '',
    input: firstInput(j),
    output: j.data.output,
    error: j.failedReason ?? 'unknown error',
    attempts: j.attemptsMade,
  }));
  return { queue: queue.name, counts, throughput, windowSeconds, etaSeconds, active, failed };
}

/** Moves every failed job back to waiting; returns how many. */
export async function retryFailed(queue: Queue<QueueJobData, QueueJobResult>): Promise<number> {
  const n = (await queue.getJobCounts('failed')).failed ?? 0;
  if (n > 0) await queue.retryJobs({ state: 'failed', count: 1000 });
  return n;
}

/**
 * Removes the jobs not yet started (waiting and delayed); returns how many. With `all`, forgets
 * the queue entirely (finished and failed jobs too, so re-adding redoes work whose output is
 * missing); refused while jobs are active.
 */
export async function drainQueue(queue: Queue<QueueJobData, QueueJobResult>, all = false): Promise<number> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
  if (all) {
    if ((c.active ?? 0) > 0)
      throw new ColorizeError(
        `${c.active} job(s) are running; stop the workers (or wait) before \`queue drain --all\``,
        'usage',
      );
    await queue.obliterate({ force: true });
    return Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
  }
  await queue.drain(true);
  return (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
}
