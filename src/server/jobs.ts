/**
 * Asynchronous jobs: each has a server-made id (a random UUID), a status with progress, and when
 * done a result file in the service's temporary working folder. File names are built from the id
 * alone, never from anything a request sent; results expire after `ttlMs`.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FrameProgress } from '../video/video-job.js';
import {
  JOB_MIME,
  type JobFormat,
  type JobTask,
  type PoolTask,
  type QueueRun,
  type VideoTask,
} from './job-protocol.js';
import { writeVideoJob } from './video-task.js';
import { JOB_LEDGER } from './workdir.js';
import { TaskError, type TaskHandle, type WorkerPool } from './worker-pool.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  method: string;
  status: JobStatus;
  /** 0…1 */
  progress: number;
  stage: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  format: JobFormat;
  /** Set for a clip (POST /v1/video/jobs): its result is a video. */
  kind?: 'video';
  /** A clip's frames done / total and frames per second (while it runs, for jobs run here). */
  frames?: FrameProgress;
  width?: number;
  height?: number;
  notices: string[];
  error?: { statusCode: number; code: string; message: string };
}

/** A job as GET /v1/jobs/{id} shows it (with its place in the queue while it waits, when known). */
export type JobView = Job & { queuePosition?: number };

/**
 * Where the service keeps its jobs: in memory ({@link JobStore}, the default) or on the
 * distributed queue (`RedisJobStore`, `serve --redis`), which survives a restart of the service.
 */
export interface JobBackend {
  /** Queues a task as a job (TaskError 503 when no more can be held). */
  create(task: JobTask): Promise<Job> | Job;
  /** Queues a clip (its files written into the job's own folder); run by the worker pool. */
  createVideo(task: VideoTask): Promise<Job>;
  get(id: string): Promise<JobView | undefined> | JobView | undefined;
  /** The result file and its MIME type of a finished job. */
  result(
    id: string,
  ): Promise<{ file: string; mime: string } | undefined> | { file: string; mime: string } | undefined;
  /** Cancels a waiting or running job, or deletes a finished one and its result; false when unknown. */
  remove(id: string): Promise<boolean>;
  /** True when the id belonged to a job lost in a restart of the service. */
  wasLost(id: string): boolean;
  /** Ids of the jobs a stop of this service would lose (none when they live on the queue). */
  ids(): string[];
  /** Figures for GET /v1/health. */
  health?(): Promise<Record<string, unknown>>;
  close(): Promise<void> | void;
}

interface Entry {
  job: Job;
  handle: TaskHandle;
  file?: string;
  /** A clip job's own folder (its uploads, frames and result), removed with the job. */
  dir?: string;
  expires?: number;
}

/** Job ids are UUIDs; the route schema enforces this pattern before any lookup. */
export const JOB_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Jobs held in this process's memory (lost when it stops; the ledger lets the next run say so). */
export class JobStore implements JobBackend {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly pool: WorkerPool,
    private readonly dir: string,
    private readonly ttlMs: number,
    private readonly maxJobs = 1000,
    /** Ids of jobs of earlier runs of the service, lost in a restart. */
    private readonly lost: ReadonlySet<string> = new Set(),
  ) {
    this.sweeper = setInterval(() => void this.sweep(), Math.min(60_000, ttlMs)).unref();
  }

  private checkRoom(): void {
    if (this.entries.size >= this.maxJobs) {
      void this.sweep();
      if (this.entries.size >= this.maxJobs)
        throw new TaskError(`${this.maxJobs} jobs are held; fetch or delete some first`, 503, 'busy');
    }
  }

  /** Queues a task as a job (TaskError 503 when the queue is full). */
  create(task: JobTask): Job {
    this.checkRoom();
    return this.track(randomUUID(), task);
  }

  /** Queues a clip: its files go into the job's folder in the working folder; the result is `result.mp4` there. */
  async createVideo(task: VideoTask): Promise<Job> {
    this.checkRoom();
    const id = randomUUID();
    const dir = path.join(this.dir, id);
    let run: QueueRun;
    try {
      const data = await writeVideoJob(task, dir);
      run = { method: task.method, format: 'mp4', queueJob: data, timeoutMs: task.timeoutMs };
    } catch (err) {
      await fs.rm(dir, { recursive: true, force: true });
      throw new TaskError(`the job could not be stored: ${(err as Error)?.message ?? err}`, 500, 'io-error');
    }
    try {
      return this.track(id, run, dir);
    } catch (err) {
      // The pool is full or closing (503): the clip's files go.
      await fs.rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  private track(id: string, task: PoolTask, dir?: string): Job {
    const job: Job = {
      id,
      method: task.method,
      status: 'queued',
      progress: 0,
      stage: 'queued',
      createdAt: new Date().toISOString(),
      format: task.format,
      ...(dir ? { kind: 'video' as const } : {}),
      notices: [],
    };
    const handle = this.pool.submit(task, {
      onStart: () => {
        job.status = 'running';
        job.stage = 'starting';
        job.startedAt = new Date().toISOString();
      },
      onProgress: (fraction, stage, frames) => {
        job.progress = Math.max(job.progress, fraction);
        job.stage = stage;
        if (frames) job.frames = frames;
      },
    });
    const entry: Entry = { job, handle, ...(dir ? { dir } : {}) };
    this.entries.set(id, entry);
    // The ledger lets the next run of the service say this job was lost, if this one dies.
    appendFileSync(path.join(this.dir, JOB_LEDGER), `${id}\n`);
    // Paths of a clip's folder read as the names of its fields.
    const words = (text: string) => (dir ? text.split(`${dir}${path.sep}`).join('') : text);
    handle.promise.then(
      async (out) => {
        let file: string;
        if ('queueJob' in task) file = task.queueJob.output;
        else {
          file = path.join(this.dir, `${id}.${out.format}`);
          await fs.writeFile(file, out.data);
        }
        entry.file = file;
        Object.assign(job, {
          status: 'done',
          progress: 1,
          stage: 'done',
          width: out.width,
          height: out.height,
        });
        if (job.frames?.total !== undefined) job.frames = { ...job.frames, done: job.frames.total };
        job.notices.push(...out.notices.map(words));
        this.finished(entry);
      },
      async (err: unknown) => {
        const e = err instanceof TaskError ? err : new TaskError(String(err), 500, 'internal-error');
        job.status = e.code === 'cancelled' ? 'cancelled' : 'failed';
        job.stage = job.status;
        job.error = { statusCode: e.status, code: e.code, message: words(e.message) };
        this.finished(entry);
        // A clip that did not finish leaves nothing of its frames behind.
        if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
      },
    );
    return job;
  }

  private finished(entry: Entry): void {
    entry.job.finishedAt = new Date().toISOString();
    entry.expires = Date.now() + this.ttlMs;
  }

  /** The job with this id (with its queue position while it waits), or undefined. */
  get(id: string): JobView | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    return e.job.status === 'queued' ? { ...e.job, queuePosition: e.handle.position() } : e.job;
  }

  /** The result file and its MIME type of a finished job. */
  result(id: string): { file: string; mime: string } | undefined {
    const e = this.entries.get(id);
    return e?.file ? { file: e.file, mime: JOB_MIME[e.job.format] } : undefined;
  }

  /** Cancels a waiting or running job, or deletes a finished one and its result. */
  async remove(id: string): Promise<boolean> {
    const e = this.entries.get(id);
    if (!e) return false;
    if (e.job.status === 'queued' || e.job.status === 'running') {
      e.handle.cancel();
      return true;
    }
    this.entries.delete(id);
    if (e.file) await fs.rm(e.file, { force: true });
    if (e.dir) await fs.rm(e.dir, { recursive: true, force: true });
    return true;
  }

  /** True when the id belonged to a job of an earlier run of the service. */
  wasLost(id: string): boolean {
    return this.lost.has(id);
  }

  /** Ids of the jobs held now (all of them are lost when the service stops). */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const [id, e] of this.entries) {
      if (e.expires !== undefined && e.expires < now) {
        this.entries.delete(id);
        if (e.file) await fs.rm(e.file, { force: true });
        if (e.dir) await fs.rm(e.dir, { recursive: true, force: true });
      }
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
