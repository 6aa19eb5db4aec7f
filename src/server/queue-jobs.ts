/**
 * The service's jobs on the distributed queue (`colorize serve --redis URL`): a POST /v1/jobs
 * writes its uploads into a folder of the jobs folder (a path every worker sees) and adds a job
 * to the BullMQ queue; the job's state, progress, errors and result live in Redis and in that
 * folder, so a restart or a kill -9 of the service loses no job. The service runs jobs itself,
 * in its worker processes (`queueWorkers` at once), and `colorize worker --queue NAME` processes on
 * other machines can run them too (docs/scale-out.md).
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, type Job as QueueJob, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ColorizeError, type ErrorKind, fsProblem } from '../errors.js';
import { connectRedis, shownUrl } from '../queue/connection.js';
import type { QueueJobData, QueueJobResult } from '../queue/jobs.js';
import type { FrameProgress } from '../video/video-job.js';
import { type ImageFormat, JOB_MIME, type JobFormat, type JobTask, type VideoTask } from './job-protocol.js';
import type { Job, JobBackend, JobStatus, JobView } from './jobs.js';
import { writeVideoJob } from './video-task.js';
import { KIND_STATUS, TaskError, type TaskHandle, type WorkerPool } from './worker-pool.js';

export interface QueueJobsOptions {
  /** redis:// URL. */
  url: string;
  /** Queue name (default `colorize-http`). */
  queue: string;
  /** Folder for each job's uploads and result: on a file system every worker sees. */
  dir: string;
  /** How long finished jobs and their files are kept, in ms. */
  ttlMs: number;
  /** Jobs this service runs at once from the queue (0: it only queues; workers elsewhere run them). */
  workers: number;
  /** Jobs held (waiting + running) before new ones get 503. */
  maxJobs: number;
  /** BullMQ lock duration and stalled-job check interval, in ms (defaults 30000). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** Tries of a job: a worker process that died or a service that stopped mid-job is retried. */
const ATTEMPTS = 3;

const FORMAT_OF_EXT: Record<string, JobFormat> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.webp': 'webp',
  '.mp4': 'mp4',
};
const EXT_OF_FORMAT: Record<ImageFormat, string> = { png: '.png', jpeg: '.jpg', webp: '.webp' };
const KIND_OF_STATUS = (status: number): ErrorKind =>
  status === 400 ? 'usage' : status < 500 ? 'input' : 'internal';

type StoredFailure = NonNullable<QueueJobData['failure']> & { status?: number; code?: string };

function formatOf(output: string): JobFormat {
  return FORMAT_OF_EXT[path.extname(output)] ?? 'png';
}

/** Jobs of the service kept on the BullMQ queue (see the file's comment). */
export class RedisJobStore implements JobBackend {
  private readonly local = new Map<string, { handle?: TaskHandle; stage: string; frames?: FrameProgress }>();
  private worker?: Worker<QueueJobData, QueueJobResult>;
  private sweeper?: NodeJS.Timeout;
  private readonly me = `${os.hostname()}:${process.pid}`;

  private constructor(
    private readonly redis: Redis,
    private readonly queue: Queue<QueueJobData, QueueJobResult>,
    private readonly pool: WorkerPool,
    private readonly o: QueueJobsOptions,
  ) {}

  /** Connects to Redis (a clear error when it is not there), checks the jobs folder, starts taking jobs. */
  static async open(pool: WorkerPool, o: QueueJobsOptions): Promise<RedisJobStore> {
    try {
      await fs.mkdir(o.dir, { recursive: true });
      await fs.access(o.dir, fs.constants.W_OK);
    } catch (err) {
      throw new ColorizeError(`${o.dir}: the jobs folder cannot be used: ${fsProblem(err)}`, 'io', o.dir);
    }
    const redis = await connectRedis(o.url);
    const queue = new Queue<QueueJobData, QueueJobResult>(o.queue, { connection: redis });
    const store = new RedisJobStore(redis, queue, pool, o);
    if (o.workers > 0) store.startWorker();
    store.sweeper = setInterval(() => void store.sweep().catch(() => {}), Math.min(60_000, o.ttlMs));
    store.sweeper.unref();
    return store;
  }

  private startWorker(): void {
    this.worker = new Worker<QueueJobData, QueueJobResult>(this.o.queue, (job) => this.process(job), {
      connection: this.redis,
      concurrency: this.o.workers,
      ...(this.o.lockDurationMs === undefined ? {} : { lockDuration: this.o.lockDurationMs }),
      ...(this.o.stalledIntervalMs === undefined ? {} : { stalledInterval: this.o.stalledIntervalMs }),
      maxStalledCount: 2,
    });
    this.worker.on('error', () => {
      // Redis briefly away: BullMQ reconnects by itself.
    });
  }

  /** Runs one queued job in a worker process of the pool (the process writes the output file). */
  private async process(job: QueueJob<QueueJobData, QueueJobResult>): Promise<QueueJobResult> {
    const id = job.id ?? '';
    const entry: { handle?: TaskHandle; stage: string; frames?: FrameProgress } = { stage: 'starting' };
    this.local.set(id, entry);
    let last = -1;
    try {
      // The pool refuses while the service is closing or full: the job is retried later.
      const handle = this.pool.submit(
        {
          method: job.data.method,
          format: formatOf(job.data.output),
          queueJob: job.data,
          // A clip has its own (longer) time limit.
          ...(job.data.video?.timeoutMs === undefined ? {} : { timeoutMs: job.data.video.timeoutMs }),
        },
        {
          onProgress: (fraction, stage, frames) => {
            entry.stage = stage;
            if (frames) entry.frames = frames;
            const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
            if (pct >= last + 5) {
              last = pct;
              job.updateProgress(pct).catch(() => {});
            }
          },
        },
      );
      entry.handle = handle;
      const out = await handle.promise;
      await job.updateProgress(100).catch(() => {});
      return {
        output: job.data.output,
        seconds: out.ms / 1000,
        worker: this.me,
        width: out.width,
        height: out.height,
        notices: out.notices,
        ...(out.summary === undefined ? {} : { summary: out.summary }),
      };
    } catch (err) {
      const e = err instanceof TaskError ? err : new TaskError(String(err), 500, 'internal-error');
      // A worker process that died, a full pool or a service closing: try again (here or elsewhere).
      if (e.code === 'busy' || e.code === 'shutting-down' || e.code === 'internal-error')
        throw new Error(e.message);
      const failure: StoredFailure = {
        kind: KIND_OF_STATUS(e.status),
        message: e.message,
        status: e.status,
        code: e.code,
      };
      await job.updateData({ ...job.data, failure }).catch(() => {});
      throw new UnrecoverableError(e.message);
    } finally {
      this.local.delete(id);
    }
  }

  async create(task: JobTask): Promise<Job> {
    await this.checkRoom();
    const id = randomUUID();
    const dir = path.join(this.o.dir, id);
    const inputs: QueueJobData['inputs'] = {};
    try {
      await fs.mkdir(dir);
      // Files are named after their input, so an error about one reads "target: ..." as in a request.
      for (const [name, bytes] of Object.entries(task.files)) {
        await fs.writeFile(path.join(dir, name), bytes);
        inputs[name as keyof typeof inputs] = path.join(dir, name);
      }
      for (const [name, text] of Object.entries(task.texts)) {
        if (name === 'gallery') continue;
        await fs.writeFile(path.join(dir, name), text);
        inputs[name as keyof typeof inputs] = path.join(dir, name);
      }
      if (task.gallery) {
        if (task.gallery.pick === 'auto') inputs.gallery = task.gallery.dir;
        else inputs.reference = task.gallery.pick.file;
      }
      const data: QueueJobData = {
        v: 1,
        method: task.method,
        options: task.options,
        inputs,
        output: path.join(dir, `result${EXT_OF_FORMAT[task.format]}`),
        read: { maxPixels: task.maxPixels, acceptDamaged: task.acceptDamaged === true },
        origin: 'http',
      };
      await this.add(id, task.method, data);
    } catch (err) {
      await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
      if (err instanceof ColorizeError || err instanceof TaskError) throw err;
      throw new TaskError(`the job could not be queued: ${(err as Error)?.message ?? err}`, 500, 'io-error');
    }
    return (await this.get(id))!;
  }

  /** Queues a clip: its files go into the job's folder of the jobs folder; the result is `result.mp4` there. */
  async createVideo(task: VideoTask): Promise<Job> {
    await this.checkRoom();
    const id = randomUUID();
    const dir = path.join(this.o.dir, id);
    try {
      const data: QueueJobData = { ...(await writeVideoJob(task, dir)), origin: 'http' };
      await this.add(id, task.method, data);
    } catch (err) {
      await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
      throw new TaskError(`the job could not be queued: ${(err as Error)?.message ?? err}`, 500, 'io-error');
    }
    return (await this.get(id))!;
  }

  /** Adds a job under our id: retried on a worker's death, kept after it ends (the sweep removes it). */
  private async add(id: string, name: string, data: QueueJobData): Promise<void> {
    await this.queue.add(name, data, {
      jobId: id,
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: false,
      removeOnFail: false,
    });
  }

  private async checkRoom(): Promise<void> {
    const c = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    const held = Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
    if (held >= this.o.maxJobs)
      throw new TaskError(`${held} jobs are waiting or running; try again later`, 503, 'busy');
  }

  private async find(id: string): Promise<QueueJob<QueueJobData, QueueJobResult> | undefined> {
    const job = await this.queue.getJob(id);
    return job?.data?.origin === 'http' ? job : undefined;
  }

  /** Paths of the job's folder read as the names of its inputs. */
  private words(id: string, text: string): string {
    return text.split(`${path.join(this.o.dir, id)}${path.sep}`).join('');
  }

  async get(id: string): Promise<JobView | undefined> {
    const job = await this.find(id);
    if (!job) return undefined;
    const state = await job.getState();
    const failure = job.data.failure as StoredFailure | undefined;
    let status: JobStatus;
    if (state === 'completed') status = 'done';
    else if (state === 'failed') status = failure?.code === 'cancelled' ? 'cancelled' : 'failed';
    else if (state === 'active') status = 'running';
    else status = 'queued';
    const r = job.returnvalue;
    const iso = (t?: number) => (t ? new Date(t).toISOString() : undefined);
    const view: JobView = {
      id,
      method: job.data.method,
      status,
      progress: status === 'done' ? 1 : typeof job.progress === 'number' ? job.progress / 100 : 0,
      stage: this.local.get(id)?.stage ?? (state === 'delayed' ? 'waiting to be retried' : status),
      createdAt: iso(job.timestamp)!,
      format: formatOf(job.data.output),
      ...(job.data.video ? { kind: 'video' as const } : {}),
      notices: (r?.notices ?? []).map((n) => this.words(id, n)),
    };
    const frames = this.local.get(id)?.frames;
    if (frames) view.frames = frames;
    if (job.processedOn) view.startedAt = iso(job.processedOn);
    if (job.finishedOn) view.finishedAt = iso(job.finishedOn);
    if (r?.width !== undefined && r.height !== undefined)
      Object.assign(view, { width: r.width, height: r.height });
    if (status === 'failed' || status === 'cancelled') {
      // The service's own status where its worker pool set one, else the one of the error's kind.
      const [kindStatus, kindCode] = KIND_STATUS[failure?.kind ?? 'internal'];
      view.error = {
        statusCode: failure?.status ?? kindStatus,
        code: failure?.code ?? kindCode,
        message: this.words(id, failure?.message ?? job.failedReason ?? 'the job failed'),
      };
    }
    return view;
  }

  async result(id: string): Promise<{ file: string; mime: string } | undefined> {
    const job = await this.find(id);
    if (!job || (await job.getState()) !== 'completed') return undefined;
    const file = job.data.output;
    if (!(await fs.stat(file).catch(() => undefined))?.isFile()) return undefined;
    return { file, mime: JOB_MIME[formatOf(file)] };
  }

  async remove(id: string): Promise<boolean> {
    const job = await this.find(id);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'active') {
      const mine = this.local.get(id);
      if (!mine?.handle)
        throw new TaskError(
          'the job is running on another worker and cannot be stopped from this service; delete it once it has finished',
          409,
          'running-elsewhere',
        );
      mine.handle.cancel();
      return true;
    }
    try {
      await job.remove();
    } catch {
      // Taken by a worker between the look and the removal.
      throw new TaskError('the job has just started; try again to cancel it', 409, 'started');
    }
    await fs.rm(path.dirname(job.data.output), { recursive: true, force: true });
    return true;
  }

  wasLost(): boolean {
    return false;
  }

  ids(): string[] {
    return [];
  }

  async health(): Promise<Record<string, unknown>> {
    const c = await this.queue.getJobCounts(
      'waiting',
      'prioritized',
      'delayed',
      'active',
      'completed',
      'failed',
    );
    return {
      redis: shownUrl(this.o.url),
      name: this.o.queue,
      workersHere: this.o.workers,
      counts: c,
    };
  }

  /** Forgets finished jobs of the service older than the result lifetime, with their files. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const state of ['completed', 'failed'] as const) {
      for (const job of await this.queue.getJobs([state], 0, 999, true)) {
        if (job.data?.origin !== 'http' || !job.finishedOn || job.finishedOn + this.o.ttlMs > now) continue;
        await job.remove().catch(() => {});
        await fs.rm(path.dirname(job.data.output), { recursive: true, force: true }).catch(() => {});
      }
    }
  }

  /** Stops taking new jobs (the service is closing); jobs running here go on until the pool stops. */
  async pause(): Promise<void> {
    await this.worker?.pause(true).catch(() => {});
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.worker?.close().catch(() => {});
    await this.queue.close().catch(() => {});
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
