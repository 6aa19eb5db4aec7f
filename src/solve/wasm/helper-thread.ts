/**
 * A second thread for the solver kernels (issue 14: the machine has two cores and a solve used
 * one). A Node worker instantiates the same kernels on the arena's shared memory and runs one
 * block of rows of a kernel while the calling thread runs the other (../row-blocks.ts); it is
 * driven through a small shared control block with Atomics, synchronously, so the solvers stay
 * plain synchronous code. One helper serves the process; an arena attaches its memory before its
 * first split kernel.
 *
 * Only in Node, with at least two CPUs, and not with `COLORIZE_THREADS=1`; elsewhere (a browser,
 * one CPU) every block runs on the calling thread in the same order, with the same results.
 */

import { nodeStartedWith } from './v8-flags.js';

/** What is read of Node's `process` (typed here: this module is also compiled for the browser). */
interface NodeProcess {
  env: Record<string, string | undefined>;
  versions: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

interface WorkerThreads {
  Worker: new (
    code: string,
    options: Record<string, unknown>,
  ) => { unref(): void; on(event: string, fn: (...args: unknown[]) => void): void };
  MessageChannel: new () => {
    port1: { postMessage(message: unknown): void; close(): void };
    port2: unknown;
  };
}

/** Kernels the helper can run, by index (the worker looks them up once per memory). */
export const HELPER_KERNELS = [
  'apply2',
  'residual2',
  'gsFromZero2',
  'gs2',
  'restrict2',
  'prolongAdd2',
  'prolong2',
  'dot',
  'bicgDirection',
  'axpy',
  'scale2',
  'bicgStep',
  'bicgStepShadow',
  'dot2',
  'levinAffinityRows',
  'dendyEdges',
  'dendyCorners',
  'galerkinAccumulate',
  'symmetricCouplings',
  'symmetricDiagonal',
  'balancePairs',
  'balanceSpread',
  'degrees',
  'addScalar64',
  'sumRange',
  'expFactors',
  'deinterleave4',
  'diagonals64',
] as const;
export type HelperKernel = (typeof HELPER_KERNELS)[number];

// Control block: Int32 [0] request count, [1] answered count, [2] failure flag, [3] the worker
// is asleep (waiting on [0]), [4] the caller is asleep (waiting on [1]), [5] the next chunk to
// fault in, [6] the chunk count, [7] the chunks faulted in (the side that completes the last one
// writes the time into the fault clock); Float64 [0]
// result, [1] command, [2] kernel, [3] argument count, [4] operator given, [5..18) operator,
// [18..) arguments.
const COMMAND_RUN = 0;
const COMMAND_ATTACH = 1;
const COMMAND_DETACH = 2;
const OPERATOR_AT = 5;
const OPERATOR_ARGS = 13;
const ARGS_AT = OPERATOR_AT + OPERATOR_ARGS;
const MAX_ARGS = 24;
/**
 * Bytes per claim when the memory of a new arena is faulted in (see {@link KernelHelper.attach}):
 * small enough that whichever side finishes first waits little for the other.
 */
export const PREFAULT_CHUNK = 1 << 20;
/** A kernel call never takes this long; past it the helper is taken for dead. */
const TIMEOUT_MS = 60_000;
/**
 * How long either side spins before it sleeps (ms). Waking a sleeping thread is a system call on
 * each side (about 50 µs each on the VM this is measured on, ~300 split kernels per 1 MP solve);
 * within a solve the next request comes well within this, so neither side sleeps.
 */
const SPIN_MS = 1;

// The worker: plain JavaScript, no imports but worker_threads, so it starts in a few ms and needs
// no loader (the calling process may run under tsx).
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const c = new Int32Array(workerData.control);
const f = new Float64Array(workerData.values);
const clock = new Float64Array(workerData.clock);
const names = workerData.names;
const port = workerData.port;
let ex = null;
let fns = [];
const args = [];
let seen = 0;
// This thread allocates almost nothing, so its collector never runs by itself, and the arenas'
// shared memories it has let go of stayed alive with it: 25 solves at 1 MP held 3.5 GiB. It
// collects after letting one go instead (the function taken with the flag on, the flag restored).
let collect = null;
try {
  const v8 = require('node:v8');
  v8.setFlagsFromString('--expose-gc');
  collect = require('node:vm').runInNewContext('gc');
  if (!workerData.exposeGc) v8.setFlagsFromString('--no-expose-gc');
} catch {}
// Faults in [from, to) from the top down, a chunk per claim (the caller claims from the same
// counter when it would otherwise wait). A write that changes nothing: the caller may already be
// writing the same pages.
function prefault(mem, from, to) {
  for (let k; (k = Atomics.add(c, 5, 1)) < Atomics.load(c, 6); ) {
    const hi = to - k * ${PREFAULT_CHUNK};
    const lo = Math.max(from, hi - ${PREFAULT_CHUNK});
    for (let a = hi - 4; a >= lo; a -= 4096) Atomics.or(mem, a >> 2, 0);
    if (Atomics.add(c, 7, 1) + 1 === Atomics.load(c, 6)) clock[0] = performance.timeOrigin + performance.now();
  }
}
for (;;) {
  // Spin a little, then sleep; the caller notifies only a sleeping worker ([3]).
  const until = performance.now() + ${SPIN_MS};
  while (Atomics.load(c, 0) === seen && performance.now() < until);
  if (Atomics.load(c, 0) === seen) {
    Atomics.store(c, 3, 1);
    Atomics.wait(c, 0, seen);
    Atomics.store(c, 3, 0);
  }
  seen = Atomics.load(c, 0);
  let result = 0;
  let dropped = false;
  try {
    const command = f[1];
    if (command === ${COMMAND_ATTACH}) {
      dropped = ex !== null;
      const m = receiveMessageOnPort(port).message;
      ex = new WebAssembly.Instance(m.module, { env: { memory: m.memory } }).exports;
      fns = names.map((n) => ex[n]);
      if (m.prefault) prefault(new Int32Array(m.memory.buffer), m.prefault[0], m.prefault[1]);
    } else if (command === ${COMMAND_DETACH}) {
      dropped = ex !== null;
      ex = null;
      fns = [];
    } else {
      if (f[4]) ex.operator(f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15], f[16], f[17]);
      const n = f[3];
      args.length = n;
      for (let k = 0; k < n; k++) args[k] = f[${ARGS_AT} + k];
      result = fns[f[2]](...args) || 0;
    }
  } catch (e) {
    Atomics.store(c, 2, 1);
  }
  f[0] = result;
  Atomics.store(c, 1, seen);
  if (Atomics.load(c, 4)) Atomics.notify(c, 1);
  // After answering: the caller does not wait for it.
  if (dropped && collect) collect();
}
`;

/** The process's helper thread (see the module comment). */
export class KernelHelper {
  private readonly control = new Int32Array(new SharedArrayBuffer(32));
  /** The memory being faulted in and its range, while the counter has chunks left. */
  private faulting: { view: Int32Array; from: number; to: number } | null = null;
  private readonly values = new Float64Array(new SharedArrayBuffer(8 * (ARGS_AT + MAX_ARGS)));
  /** When the last fault-in ended (ms since the epoch; 0 while it runs), written by either side. */
  private readonly clock = new Float64Array(new SharedArrayBuffer(8));
  /** The last fault-in started: its memory, bytes and start (ms since the epoch). */
  private faultIn: { memory: WebAssembly.Memory; bytes: number; start: number } | null = null;
  private readonly port: { postMessage(message: unknown): void };
  private requested = 0;
  /** Kernel blocks run on the helper so far (tests check that it did run). */
  kernelRuns = 0;
  /** The memory the worker has instantiated the kernels on (or is about to). */
  private memory: WebAssembly.Memory | null = null;
  private pendingAttach = false;

  private constructor(threads: WorkerThreads) {
    const { port1, port2 } = new threads.MessageChannel();
    this.port = port1;
    const worker = new threads.Worker(WORKER_SOURCE, {
      eval: true,
      // Not the parent's flags: a loader such as tsx has nothing to do in this worker.
      execArgv: [],
      workerData: {
        control: this.control.buffer,
        values: this.values.buffer,
        clock: this.clock.buffer,
        // V8's flags are the process's: the worker sets --expose-gc back only if Node was not
        // started with it.
        exposeGc: nodeStartedWith('--expose-gc'),
        names: HELPER_KERNELS,
        port: port2,
      },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    worker.unref();
    (port1 as unknown as { unref?: () => void }).unref?.();
    worker.on('error', () => {
      helper = null;
    });
  }

  /** Starts the worker, or null where there is no second CPU, no Node, or threads are off. */
  static start(): KernelHelper | null {
    const proc = (globalThis as { process?: NodeProcess }).process;
    if (!proc?.versions?.node || proc.env.COLORIZE_THREADS === '1') return null;
    try {
      const os = proc.getBuiltinModule?.('node:os') as { availableParallelism?: () => number } | undefined;
      const threads = proc.getBuiltinModule?.('node:worker_threads') as WorkerThreads | undefined;
      if (!threads || (os?.availableParallelism?.() ?? 1) < 2) return null;
      return new KernelHelper(threads);
    } catch {
      return null;
    }
  }

  /** Whether the worker runs kernels on `memory` (after {@link attach}). */
  attachedTo(memory: WebAssembly.Memory): boolean {
    return this.memory === memory;
  }

  /**
   * Has the worker instantiate `module` on `memory` (dropping the memory it had); returns at once,
   * the next {@link start} waits for it. With `prefault` [from, to), the worker then writes every
   * page of those bytes once, from the top down, while the caller goes on: a fresh arena's first
   * writes are page faults, which on the virtual machines measured cost about 2 ms per MiB even
   * in 2 MiB pages, and two threads fault in twice as fast as one (the caller takes its share
   * when it next needs the worker, {@link start}).
   */
  attach(memory: WebAssembly.Memory, module: WebAssembly.Module, prefault?: [number, number]): void {
    if (this.memory === memory) return;
    // The memory it had is done with (or was never used): no more of it is faulted in.
    this.finishAttach(false);
    if (prefault && prefault[1] > prefault[0]) {
      const c = this.control;
      Atomics.store(c, 5, 0);
      Atomics.store(c, 6, Math.ceil((prefault[1] - prefault[0]) / PREFAULT_CHUNK));
      Atomics.store(c, 7, 0);
      this.clock[0] = 0;
      this.faultIn = {
        memory,
        bytes: prefault[1] - prefault[0],
        start: performance.timeOrigin + performance.now(),
      };
      this.faulting = { view: new Int32Array(memory.buffer), from: prefault[0], to: prefault[1] };
    }
    this.port.postMessage({ memory, module, prefault: this.faulting ? prefault : undefined });
    this.memory = memory;
    this.pendingAttach = true;
    this.values[1] = COMMAND_ATTACH;
    this.signal();
  }

  /** Lets the worker drop `memory` (so it can be collected). */
  detach(memory: WebAssembly.Memory): void {
    if (this.memory !== memory) return;
    this.finishAttach(false);
    this.values[1] = COMMAND_DETACH;
    this.signal();
    this.join();
    this.memory = null;
    if (this.faultIn?.memory === memory) this.faultIn = null;
  }

  /**
   * Starts `kernel`(...args) on the worker; `operator`: the 13 arguments of the kernels'
   * `operator` to select first. {@link join} waits for it and returns its result.
   */
  start(kernel: HelperKernel, args: readonly number[], operator: readonly number[] | null): void {
    this.finishAttach();
    const v = this.values;
    v[1] = COMMAND_RUN;
    v[2] = HELPER_KERNELS.indexOf(kernel);
    v[3] = args.length;
    v[4] = operator ? 1 : 0;
    if (operator) for (let k = 0; k < OPERATOR_ARGS; k++) v[OPERATOR_AT + k] = operator[k];
    for (let k = 0; k < args.length; k++) v[ARGS_AT + k] = args[k];
    this.kernelRuns++;
    this.signal();
  }

  /** Waits for the last request and returns its result. */
  join(): number {
    const c = this.control;
    const want = this.requested;
    // Spin first: most blocks end within microseconds of the caller's own.
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(c, 1) !== want && performance.now() < until);
    const deadline = performance.now() + TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(c, 1);
      if (done === want) break;
      if (performance.now() > deadline) throw new Error('solver helper thread did not answer');
      // Asleep flag first, then the check Atomics.wait makes: the worker either sees the flag
      // and notifies, or has answered before the wait starts.
      Atomics.store(c, 4, 1);
      Atomics.wait(c, 1, done, 1000);
      Atomics.store(c, 4, 0);
    }
    if (Atomics.load(c, 2)) {
      Atomics.store(c, 2, 0);
      throw new Error('a solver kernel failed on the helper thread');
    }
    return this.values[0];
  }

  private signal(): void {
    this.requested++;
    Atomics.store(this.control, 0, this.requested);
    // A spinning worker sees the store; only a sleeping one needs the system call.
    if (Atomics.load(this.control, 3)) Atomics.notify(this.control, 0);
  }

  /**
   * Waits for the last attach; with `help`, faults in here the chunks of its memory that the
   * worker has not claimed yet, otherwise leaves them unfaulted.
   */
  private finishAttach(help = true): void {
    if (!this.pendingAttach) return;
    this.pendingAttach = false;
    const p = this.faulting;
    this.faulting = null;
    const c = this.control;
    if (p && !help) Atomics.store(c, 5, Atomics.load(c, 6));
    else if (p) this.prefaultHere(p);
    this.join();
  }

  /** Claims and faults in chunks here until none are left (see {@link attach}). */
  private prefaultHere(p: { view: Int32Array; from: number; to: number }): void {
    const c = this.control;
    for (let k: number; (k = Atomics.add(c, 5, 1)) < Atomics.load(c, 6); ) {
      const hi = p.to - k * PREFAULT_CHUNK;
      const lo = Math.max(p.from, hi - PREFAULT_CHUNK);
      for (let a = hi - 4; a >= lo; a -= 4096) Atomics.or(p.view, a >> 2, 0);
      if (Atomics.add(c, 7, 1) + 1 === Atomics.load(c, 6))
        this.clock[0] = performance.timeOrigin + performance.now();
    }
  }

  /**
   * How long faulting in `memory` took, wall time from {@link attach} until its last page was
   * written by either thread, with the bytes faulted in; null until that has happened, or where
   * `memory` was not the last memory faulted in or was given up before the end. The cost of a
   * fresh page varies twentyfold over minutes on the virtual machines measured (docs/scribbles.md,
   * "Fresh memory"), so the benchmark prints it beside each solve.
   */
  faultInTime(memory: WebAssembly.Memory): { bytes: number; ms: number } | null {
    const f = this.faultIn;
    const end = this.clock[0];
    if (!f || f.memory !== memory || end === 0) return null;
    return { bytes: f.bytes, ms: end - f.start };
  }
}

let helper: KernelHelper | null | undefined;

/** The process's helper thread, started on first use; null where there is none (see the module comment). */
export function kernelHelper(): KernelHelper | null {
  if (helper === undefined) helper = KernelHelper.start();
  return helper;
}

/**
 * Starts the solvers' helper thread now, so that it has booted (a few tens of ms) by the time a
 * solve splits its first kernel; front ends call it before they read their inputs. Returns
 * whether there is one (false in a browser, on one CPU, or with `COLORIZE_THREADS=1`).
 *
 * @example
 * ```ts
 * import { startSolverThreads } from 'colorize-toolkit/internals';
 * console.log(typeof startSolverThreads()); // boolean
 * ```
 */
export function startSolverThreads(): boolean {
  return kernelHelper() !== null;
}
