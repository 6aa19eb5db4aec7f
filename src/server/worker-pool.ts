/**
 * A fixed number of job worker processes and a bounded queue in front of them. A task waits in
 * the queue while every worker is busy; when the queue is full too, `submit` refuses at once (the
 * HTTP layer answers 503 with Retry-After). A task that is cancelled (the client hung up, DELETE)
 * or passes its time limit is stopped by killing its worker, which is replaced on the next task.
 *
 * Workers are child processes, not worker threads: terminating a thread while it is inside a
 * native call of onnxruntime aborts the whole process ("terminate called after throwing an
 * instance of ..."), so one client hanging up during a `gram` job took the service down for
 * everyone. Killing a child process cannot touch the server. A worker killed this way is replaced
 * at once, so the next task does not wait for a process to start.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColorizeError, ErrorKind } from '../errors.js';
import { ortLeftoverFile } from '../models/runtime.js';
import { packageRoot } from '../package-root.js';
import type { FrameProgress } from '../video/video-job.js';
import type { FromWorker, JobOutput, PoolTask, ToWorker } from './job-protocol.js';

export interface PoolOptions {
  /** Worker threads, i.e. tasks running at once. */
  size: number;
  /** Tasks allowed to wait for a worker. */
  maxQueue: number;
  /** Per-task time limit in ms (from the moment a worker starts it). */
  timeoutMs: number;
  /** Extra module URLs each worker imports (method registrations). */
  modules?: string[];
}

export interface TaskEvents {
  onStart?(): void;
  onProgress?(fraction: number, stage: string, frames?: FrameProgress): void;
}

/** Why a task did not produce a result; `status` is the HTTP status the service answers with. */
export class TaskError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TaskError';
  }
}

/** The HTTP status and error code the service answers with for each kind of ColorizeError. */
export const KIND_STATUS: Record<ErrorKind, [number, string]> = {
  usage: [400, 'bad-request'],
  input: [422, 'unprocessable-input'],
  io: [500, 'io-error'],
  internal: [500, 'internal-error'],
};

export interface TaskHandle {
  promise: Promise<JobOutput>;
  /** Drops the task from the queue, or stops its worker. */
  cancel(): void;
  /** 1-based place in the queue; 0 once it runs. */
  position(): number;
}

interface Pending {
  task: PoolTask;
  events: TaskEvents;
  resolve(out: JobOutput): void;
  reject(err: Error): void;
  cancelled: boolean;
  /** The last progress stage the worker reported. */
  stage?: string;
}

interface Slot {
  worker: ChildProcess | null;
  /** Resolves when the worker has loaded its modules (spawning is not counted in the time limit). */
  ready: Promise<void> | null;
  current: Pending | null;
  timer: NodeJS.Timeout | undefined;
}

/** The worker entry: dist/server/job-worker.js, or the .ts source (loaded through tsx) under tsx. */
function workerScript(): { script: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return {
      script: fileURLToPath(new URL('./job-worker.ts', here)),
      execArgv: ['--import', import.meta.resolve('tsx')],
    };
  }
  // dist/server/job-worker.js also when this module is a chunk of the command line's bundle.
  return { script: path.join(packageRoot(), 'dist/server/job-worker.js'), execArgv: [] };
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private closed = false;
  /** Set when the service is closing: new tasks are refused, those in flight may finish. */
  draining = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: null,
      ready: null,
      current: null,
      timer: undefined,
    }));
    // Warm start: the first request does not wait for a thread to load the library.
    for (const slot of this.slots) this.spawn(slot);
  }

  /** Tasks running and waiting. */
  get stats(): { running: number; queued: number; size: number; maxQueue: number; stages: string[] } {
    return {
      running: this.slots.filter((s) => s.current).length,
      stages: this.slots.flatMap((s) =>
        s.current ? [`${s.current.task.method}: ${s.current.stage ?? 'starting'}`] : [],
      ),
      queued: this.queue.length,
      size: this.slots.length,
      maxQueue: this.options.maxQueue,
    };
  }

  /** True when a new task would be refused. */
  get full(): boolean {
    return this.slots.every((s) => s.current) && this.queue.length >= this.options.maxQueue;
  }

  /**
   * Runs a task; rejects with TaskError (503 when the queue is full, 422 past the time limit,
   * 400/422/500 from the method). `cancel` drops a waiting task or stops a running one.
   */
  submit(task: PoolTask, events: TaskEvents = {}): TaskHandle {
    if (this.closed || this.draining)
      throw new TaskError('the server is shutting down', 503, 'shutting-down');
    if (this.full) {
      throw new TaskError(
        `all ${this.slots.length} workers are busy and ${this.queue.length} tasks are waiting; try again later`,
        503,
        'busy',
      );
    }
    let pending!: Pending;
    const promise = new Promise<JobOutput>((resolve, reject) => {
      pending = { task, events, resolve, reject, cancelled: false };
    });
    this.queue.push(pending);
    this.pump();
    return {
      promise,
      cancel: () => this.cancel(pending),
      position: () => this.queue.indexOf(pending) + 1,
    };
  }

  private cancel(p: Pending): void {
    if (p.cancelled) return;
    p.cancelled = true;
    const qi = this.queue.indexOf(p);
    if (qi >= 0) this.queue.splice(qi, 1);
    const slot = this.slots.find((s) => s.current === p);
    if (slot) void this.kill(slot, true);
    p.reject(new TaskError('the job was cancelled', 409, 'cancelled'));
    this.pump();
  }

  /** Kills the slot's worker; `respawn` starts its replacement now rather than on the next task. */
  private kill(slot: Slot, respawn = false): Promise<void> {
    const w = slot.worker;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.worker = null;
    slot.ready = null;
    slot.current = null;
    let gone = Promise.resolve();
    if (w) {
      w.removeAllListeners();
      w.on('error', () => {});
      if (w.exitCode === null && w.signalCode === null) {
        gone = new Promise<void>((resolve) => {
          // A killed worker cannot remove the file onnxruntime made for it in the temp folder.
          w.once('exit', () => {
            if (w.pid !== undefined) rmSync(ortLeftoverFile(w.pid), { force: true });
            resolve();
          });
        });
        // A process, not a thread: killing it mid-way through a native call is safe for the server.
        w.kill('SIGKILL');
      }
    }
    if (respawn && !this.closed) this.spawn(slot);
    return gone;
  }

  private spawn(slot: Slot): void {
    const modules = this.options.modules ?? [];
    const { script, execArgv } = workerScript();
    const w = fork(script, [], {
      execArgv,
      env: { ...process.env, COLORIZE_WORKER_MODULES: JSON.stringify(modules) },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // A killed worker cannot remove the file onnxruntime made for it in the temp folder.
    w.once('exit', () => {
      if (w.pid !== undefined) rmSync(ortLeftoverFile(w.pid), { force: true });
    });
    slot.worker = w;
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type !== 'ready') return;
        w.off('message', onMessage);
        w.off('error', reject);
        resolve();
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });
    // A worker that dies while idle is replaced on its next task.
    slot.ready.catch(() => {});
    w.once('exit', () => {
      if (slot.worker === w && !slot.current) void this.kill(slot);
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      this.start(slot, p).catch((err: unknown) => {
        void this.kill(slot);
        p.reject(
          new TaskError(
            `the worker could not start: ${(err as Error)?.message ?? err}`,
            500,
            'internal-error',
          ),
        );
        this.pump();
      });
    }
  }

  private async start(slot: Slot, p: Pending): Promise<void> {
    if (!slot.worker) this.spawn(slot);
    const w = slot.worker!;
    await slot.ready;
    if (slot.current !== p || p.cancelled) return;
    const notices: string[] = [];
    const finish = (fn: () => void) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      w.removeAllListeners('message');
      w.removeAllListeners('error');
      w.off('exit', onExit);
      if (slot.current === p) slot.current = null;
      fn();
      this.pump();
    };
    w.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'progress':
          p.stage = m.stage;
          p.events.onProgress?.(m.fraction, m.stage, m.frames);
          break;
        case 'notice':
          notices.push(m.text);
          break;
        case 'done':
          finish(() =>
            p.resolve({
              data: m.data,
              width: m.width,
              height: m.height,
              format: p.task.format,
              ms: m.ms,
              notices,
              ...(m.summary === undefined ? {} : { summary: m.summary }),
            }),
          );
          break;
        case 'error': {
          const [status, code] = KIND_STATUS[m.kind];
          finish(() => p.reject(new TaskError(m.message, status, code)));
          break;
        }
      }
    });
    const crash = (why: string) => {
      void this.kill(slot);
      finish(() => p.reject(new TaskError(`the worker stopped: ${why}`, 500, 'internal-error')));
    };
    w.on('error', (err) => crash(err.message));
    function onExit(code: number | null, signal: NodeJS.Signals | null) {
      if (slot.current !== p) return;
      // Killed from outside (most often the system's out-of-memory killer): the server goes on.
      crash(
        signal
          ? `it was killed by ${signal}${signal === 'SIGKILL' ? ' (often: out of memory; try a smaller image)' : ''}`
          : `exit code ${code}`,
      );
    }
    w.once('exit', onExit);
    const limitMs = ('timeoutMs' in p.task ? p.task.timeoutMs : undefined) ?? this.options.timeoutMs;
    slot.timer = setTimeout(() => {
      void this.kill(slot, true);
      finish(() =>
        p.reject(
          new TaskError(
            `the job passed the time limit of ${(limitMs / 1000).toFixed(0)} s and was stopped; ` +
              'use a smaller image or faster options',
            422,
            'time-limit',
          ),
        ),
      );
    }, limitMs);
    p.events.onStart?.();
    // Inputs are copied (not transferred): the caller may still hold them for a retry.
    const t = p.task;
    w.send(
      ('queueJob' in t
        ? { type: 'run-queue', data: t.queueJob }
        : { type: 'run', task: t }) satisfies ToWorker,
    );
  }

  /** Stops every worker and refuses what is waiting. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0))
      p.reject(new TaskError('the server is shutting down', 503, 'shutting-down'));
    const gone: Promise<void>[] = [];
    for (const slot of this.slots) {
      const p = slot.current;
      gone.push(this.kill(slot));
      p?.reject(new TaskError('the server is shutting down', 503, 'shutting-down'));
    }
    // Wait (briefly) for the workers to be gone, so nothing of theirs outlives the service.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(gone),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 5000);
      }),
    ]);
    clearTimeout(timer);
  }
}

/** A ColorizeError as a TaskError (for checks done in the main thread). */
export function taskErrorOf(err: ColorizeError): TaskError {
  const [status, code] = KIND_STATUS[err.kind];
  return new TaskError(err.message, status, code);
}
