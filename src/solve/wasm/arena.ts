/**
 * WebAssembly SIMD kernels for the multigrid solves (issue 14: Levin's system at 1 MP in JavaScript
 * ran its 9-point sweeps at about 40 ns per pixel for two channels; the same sweep with 128-bit SIMD
 * takes about 3.5 ns). The kernels (wasm/solver-kernels.ts, AssemblyScript) work on single-precision
 * padded grid planes that live in one `WebAssembly.Memory`, a {@link WasmArena}. Arrays in an
 * arena are ordinary Float32Array views, so every JavaScript kernel still works on them: the
 * dispatchers below run the wasm kernel when all their arrays are in one arena and the operator
 * is registered there, and return false otherwise (the caller then runs its JavaScript loop).
 *
 * `COLORIZE_WASM=0` in the environment turns the kernels off (benchmarks compare both).
 */
import type { GeneralStencil9 } from '../general-stencil9.js';
import {
  accumulateInBlockOrder,
  type RowRange,
  splitIndex,
  splitRow,
  sweepFromZeroInBlockOrder,
  sweepInBlockOrder,
} from '../row-blocks.js';
import type { GridVector, Stencil9 } from '../stencil9.js';
import { type HelperKernel, type KernelHelper, kernelHelper } from './helper-thread.js';
import { adviseHugePages } from './huge-pages.js';
import { KERNELS_SHARED_WASM_BASE64, KERNELS_WASM_BASE64 } from './kernels-binary.js';
import { gcFunction, withV8Flags } from './v8-flags.js';

/**
 * The kernels split by rows or ranges (./helper-thread.ts's HELPER_KERNELS) take their arguments
 * followed by a row range [from, to) of the grid (apply2, residual2, gsFromZero2, gs2, restrict2,
 * prolongAdd2) or an index range (dot, bicgDirection, axpy, scale2, bicgStep, symmetricCouplings,
 * symmetricDiagonal, balancePairs, balanceSpread); void ones return undefined.
 */
type SplitKernels = Record<HelperKernel, (...args: number[]) => number | undefined>;

interface KernelExports extends SplitKernels {
  operator(...args: number[]): void;
  dendy(
    d: number,
    e: number,
    s: number,
    se: number,
    sw: number,
    active: number,
    q: number,
    W: number,
    H: number,
    pad: number,
  ): void;
  zero(ptr: number, bytes: number): void;
  fill8(ptr: number, value: number, bytes: number): void;
  coarseEntries(...args: number[]): number;
  coarseIdentityRows(...args: number[]): void;
  copy(dst: number, src: number, bytes: number): void;
  inverse32(d: number, inv: number, len: number): void;
  allOnes(d: number, from: number, to: number): number;
  tvDual(...args: number[]): void;
  tvPrimal(...args: number[]): void;
  tvGradientW(...args: number[]): void;
  tvSelectW(...args: number[]): number;
  tvEnergy(...args: number[]): number;
}

const PAGE = 65536;
/** A wasm memory's largest size in pages (4 GiB). */
const MAX_PAGES = 65536;
/** Arenas from this size on attach the helper thread when created (smaller ones when first split). */
const EARLY_ATTACH_BYTES = 8 << 20;
/** Bytes kept free at the start of the memory (address 0 is never handed out). */
const BASE = 1024;
/** Where kernels with two sums write them (below BASE: never handed out), each half 16 bytes apart. */
const SUMS_AT = 64;

let compiled: WebAssembly.Module | null | undefined;
let compiledShared: WebAssembly.Module | null | undefined;

function disabled(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.COLORIZE_WASM === '0';
}

function compile(base64: string): WebAssembly.Module | null {
  try {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

/** The compiled kernels, or null where WebAssembly SIMD is unavailable or turned off. */
function kernelModule(): WebAssembly.Module | null {
  if (disabled()) return null;
  if (compiled === undefined) compiled = compile(KERNELS_WASM_BASE64);
  return compiled;
}

/**
 * `compile` with V8's optimising compiler for every function at once, where V8's flags can be set
 * (Node). By default V8 compiles a function on its first call with its baseline compiler and
 * optimises it in the background once it has run a while, but a call already running stays in
 * baseline code: the first large call of each kernel, which in a solve is often the only one (the
 * fit's Galerkin product), ran several times slower (a 1 MP fit 150–175 ms on its first run, 43
 * ms once optimised; compiled up front the first ran 84–99 ms, the rest of the gap being the
 * JavaScript's own warm-up). Compiling the 32 KB module up front takes about 10 ms. The flags are
 * set back afterwards unless Node was started with them.
 */
function compileOptimized(base64: string): WebAssembly.Module | null {
  const optimized = withV8Flags(['--no-liftoff', '--no-wasm-lazy-compilation'], () => compile(base64));
  return optimized === undefined ? compile(base64) : optimized;
}

/**
 * Bytes of shared arenas made since this thread last collected its garbage. V8 counts a plain
 * wasm memory towards the heap's growth, but not a shared one: released arenas were collected only
 * when the JavaScript heap itself filled, and 25 solves at 1 MP in one process held 3.5 GiB (a
 * folder job, a worker serving a queue). Past {@link COLLECT_AFTER_BYTES} the next shared arena
 * first collects (a full collection of a heap this size: a few ms, once every seven 1 MP solves).
 */
let sharedSinceCollect = 0;
const COLLECT_AFTER_BYTES = 2 ** 30;
let collector: (() => void) | null | undefined;

/** Notes a new shared arena of `bytes`; collects first when the ones before it add up. */
function collectIfDue(bytes: number): void {
  sharedSinceCollect += bytes;
  if (sharedSinceCollect <= COLLECT_AFTER_BYTES) return;
  sharedSinceCollect = bytes;
  if (collector === undefined) collector = gcFunction();
  collector?.();
}

/**
 * The kernels importing a shared memory (for arenas with the helper thread: the solves), or null;
 * compiled optimised up front ({@link compileOptimized}).
 */
function sharedKernelModule(): WebAssembly.Module | null {
  if (!kernelModule()) return null;
  if (compiledShared === undefined) compiledShared = compileOptimized(KERNELS_SHARED_WASM_BASE64);
  return compiledShared;
}

/** Whether the wasm kernels can run here. */
export function wasmKernelsAvailable(): boolean {
  return kernelModule() !== null;
}

const arenas = new WeakMap<ArrayBufferLike, WasmArena>();

/** Which end of an arena a plane is taken from (see {@link WasmArena}). */
export type ArenaEnd = 'bottom' | 'top';

/** Both ends of an arena's allocator at one moment ({@link WasmArena.mark}). */
export interface ArenaMark {
  readonly bottom: number;
  readonly top: number;
}

/** The planes of an operator registered in an arena: 8 coupling planes, diagonal, 1/diagonal (byte addresses). */
type OperatorPlanes = readonly number[];

/**
 * One fixed-size WebAssembly memory with the kernels instantiated on it, and a bump allocator
 * for its planes. It never grows (growing would detach every view); size it with
 * {@link planeBytes} for everything a solve allocates.
 *
 * Planes are taken from the bottom (what a solve keeps) or, with `'top'`, from the end of the
 * memory downwards (what only one stage needs: a stencil that is dropped once its multigrid is
 * built, set-up scratch). {@link WasmArena.mark} and {@link WasmArena.release} hand both ends
 * back, so one arena holds a whole solve without a second copy of anything (issue 14: 4 MP in
 * 1 GiB).
 *
 * @example
 * ```ts
 * import { WasmArena } from 'colorize-toolkit/internals';
 * const arena = WasmArena.create(1 << 20);
 * const v = arena?.f32(100);
 * console.log(v === undefined || v.length === 100); // true
 * ```
 */
export class WasmArena {
  readonly memory: WebAssembly.Memory;
  readonly kernels: KernelExports;
  private top = BASE;
  /** Start of the planes taken from the end of the memory (the memory's size while none are). */
  private low: number;
  /** Highest bottom and lowest top address ever handed out: memory beyond them is still zero. */
  private topHigh = BASE;
  private lowLow: number;
  private inUseHigh = BASE;
  /** End of the memory the two ends share; above it lies the spare, handed out by {@link WasmArena.spareF32} only. */
  private readonly end: number;
  /** Next free byte of the spare. */
  private spareAt: number;
  private readonly operators = new WeakMap<object, OperatorPlanes>();
  private current: object | null = null;
  /** The current operator's `operator` arguments, for the helper thread. */
  private operatorArgs: number[] | null = null;
  private rows: Float32Array[] | null = null;
  /** The helper thread running one block of each split kernel, where there is one. */
  private readonly helper: KernelHelper | null;
  private readonly module: WebAssembly.Module;

  private constructor(
    memory: WebAssembly.Memory,
    kernels: KernelExports,
    module: WebAssembly.Module,
    helper: KernelHelper | null,
    spare = 0,
  ) {
    this.memory = memory;
    this.kernels = kernels;
    this.module = module;
    this.helper = helper;
    this.end = memory.buffer.byteLength - spare;
    this.spareAt = this.end;
    this.low = this.end;
    this.lowLow = this.low;
  }

  /**
   * An arena of at least `bytes` bytes, or null when the kernels are unavailable or it is too
   * large. With `threads` (for the solves' arenas; default false) and where there is a helper
   * thread (./helper-thread.ts), its memory is shared and the helper runs one block of every split
   * kernel; the results are the same either way (../row-blocks.ts). `spare` bytes more lie above
   * them, not faulted in with `prefault` and not handed out by {@link WasmArena.f32}: memory that
   * only a rare path takes ({@link WasmArena.spareF32}), so that its pages cost nothing until then;
   * none where the two together would pass the 4 GiB of a wasm memory.
   */
  static create(
    bytes: number,
    options: { threads?: boolean; prefault?: boolean; spare?: number } = {},
  ): WasmArena | null {
    const plain = kernelModule();
    if (!plain) return null;
    const base = Math.ceil((bytes + BASE) / PAGE);
    if (base > MAX_PAGES) return null;
    // The spare is given up where it would pass the 4 GiB of a wasm memory (its path then goes without).
    const wanted = Math.ceil((options.spare ?? 0) / PAGE);
    const spare = (base + wanted <= MAX_PAGES ? wanted : 0) * PAGE;
    const pages = base + spare / PAGE;
    const helper = options.threads ? kernelHelper() : null;
    const shared = helper ? sharedKernelModule() : null;
    const module = shared ?? plain;
    try {
      if (shared) collectIfDue(pages * PAGE);
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: !!shared });
      // Every page of an arena is written once (./huge-pages.ts: fewer, cheaper first writes).
      adviseHugePages(memory.buffer);
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      const kernels = instance.exports as unknown as KernelExports;
      const arena = new WasmArena(memory, kernels, module, shared ? helper : null, spare);
      // A large arena will split its kernels: the helper instantiates them while the caller builds.
      // `prefault`: the caller will write (nearly) all of it, so the helper faults it in meanwhile.
      if (shared && helper && bytes >= EARLY_ATTACH_BYTES)
        helper.attach(memory, module, options.prefault ? [BASE, arena.end] : undefined);
      arenas.set(memory.buffer, arena);
      return arena;
    } catch {
      return null;
    }
  }

  /** A zeroed Float32Array of `length` in the arena (16-byte aligned), from the bottom or the top. */
  f32(length: number, end: ArenaEnd = 'bottom'): Float32Array {
    const at = this.take(length * 4, end);
    return new Float32Array(this.memory.buffer, at, length);
  }

  /** A zeroed Float64Array of `length` in the arena (16-byte aligned), from the bottom or the top. */
  f64(length: number, end: ArenaEnd = 'bottom'): Float64Array {
    const at = this.take(length * 8, end);
    return new Float64Array(this.memory.buffer, at, length);
  }

  /** Where both ends of the allocator stand now, for {@link WasmArena.release}. */
  mark(): ArenaMark {
    return { bottom: this.top, top: this.low };
  }

  /**
   * Hands back everything taken since `mark` at both ends; views of it must not be used again.
   * Operators registered on released planes must not be selected again either.
   */
  release(mark: ArenaMark): void {
    if (mark.bottom > this.top || mark.top < this.low)
      throw new Error('wasm arena: release of a mark older than the last release');
    this.top = mark.bottom;
    this.low = mark.top;
    if (this.rows && (this.rows[0].byteOffset >= this.top || this.rows[0].byteOffset < this.low))
      this.rows = null;
    this.current = null;
    this.operatorArgs = null;
  }

  /** Hands back what was taken from the top since `mark`; the bottom stays as it is. */
  releaseTop(mark: ArenaMark): void {
    this.release({ bottom: this.top, top: mark.top });
  }

  /** The most bytes ever in use at once (both ends together, from address 0): what this arena's work needed. */
  get highWater(): number {
    return this.inUseHigh;
  }

  /** Bytes between the two ends: what can still be taken. */
  free(): number {
    return this.low - this.top;
  }

  /**
   * Hands the whole arena out again from the start; every earlier view now aliases new ones, and
   * new views are no longer zeroed. For scratch use only (./setup-arena.ts), never with registered operators.
   */
  reset(): void {
    this.top = BASE;
  }

  /** A Uint8Array of `length` in the arena, zeroed or filled with `value`. */
  u8(length: number, end: ArenaEnd = 'bottom', value = 0): Uint8Array {
    const at = this.take(length, end);
    if (value) this.kernels.fill8(at, value, length);
    return new Uint8Array(this.memory.buffer, at, length);
  }

  /** A Float32Array copy of `src` in the arena. */
  copy32(src: ArrayLike<number>, end: ArenaEnd = 'bottom'): Float32Array {
    const out = this.f32(src.length, end);
    out.set(src);
    return out;
  }

  private take(bytes: number, end: ArenaEnd = 'bottom'): number {
    const size = (bytes + 15) & ~15;
    const at = end === 'top' ? this.low - size : this.top;
    const next = at + size;
    if (at < this.top || next > this.low)
      throw new Error(`wasm arena full: ${size} more bytes, ${this.low - this.top} free of ${this.end}`);
    if (end === 'top') this.low = at;
    else this.top = next;
    // Memory handed out before (at either end) and released is not zero any more.
    // In the kernels: a typed array's fill on a shared memory is several times slower.
    if (at < this.topHigh) this.kernels.zero(at, Math.min(next, this.topHigh) - at);
    if (next > this.lowLow) {
      const from = Math.max(at, this.lowLow);
      this.kernels.zero(from, next - from);
    }
    if (end === 'top') this.lowLow = Math.min(this.lowLow, at);
    else this.topHigh = Math.max(this.topHigh, next);
    this.inUseHigh = Math.max(this.inUseHigh, this.top + this.end - this.low);
    return at;
  }

  /**
   * A zeroed Float32Array of `length` from the spare ({@link WasmArena.create}), or null when the
   * spare has no room left. Never given back: for a path taken at most once in an arena's life.
   */
  spareF32(length: number): Float32Array | null {
    const size = (length * 4 + 15) & ~15;
    if (this.spareAt + size > this.memory.buffer.byteLength) return null;
    const view = new Float32Array(this.memory.buffer, this.spareAt, length);
    this.spareAt += size;
    return view;
  }

  /**
   * Hands the spare back, zeroed, for a solve retried in this arena after everything it took was
   * released (../../methods/scribbles/levin/levin.ts): its views must not be used again.
   */
  resetSpare(): void {
    if (this.spareAt > this.end) this.kernels.zero(this.end, this.spareAt - this.end);
    this.spareAt = this.end;
  }

  /** Whether `view` (of any element type) lies in this arena's memory. */
  owns(view: ArrayBufferView): boolean {
    return view.buffer === this.memory.buffer;
  }

  /** Whether every array is a Float32Array view into this arena. */
  holds(...arrays: GridVector[]): boolean {
    const buf = this.memory.buffer;
    for (const a of arrays) if (!(a instanceof Float32Array) || a.buffer !== buf) return false;
    return true;
  }

  /**
   * A general 9-point operator (./general-stencil9.ts) whose coupling planes are in this arena:
   * its diagonal and inverse diagonal are added as single-precision planes and it is registered.
   */
  registerGeneral(A: GeneralStencil9): void {
    const [w, e, n, s, nw, ne, sw, se] = A.c.map((c) => this.address(c as Float32Array));
    const here = A.diag instanceof Float32Array && this.holds(A.diag);
    // A unit diagonal (Levin et al.'s I − w, identity rows at strokes) is given to the kernels as
    // address 0: no inverse plane, and the sweeps and products read one plane less per pixel.
    // Otherwise a single-precision diagonal already here is the kernels' diagonal as it is.
    const unit = here && this.kernels.allOnes(A.diag.byteOffset, A.pad, A.pad + A.width * A.height);
    const { diag, inv } = unit
      ? { diag: 0, inv: 0 }
      : here
        ? this.inverse(A.diag as Float32Array)
        : this.diagonals(A.diag);
    const rowSum = A.rowSum ? this.address(A.rowSum as Float32Array) : 0;
    this.operators.set(A, [w, e, n, s, nw, ne, sw, se, diag, inv, rowSum]);
  }

  /**
   * A symmetric stencil (./stencil9.ts) in this arena: the same operator as a general one whose
   * planes are its own shifted by one neighbour (c_W[i] = e[i − 1], c_N[i] = s[i − W], …).
   */
  registerSymmetric(A: Stencil9, end: ArenaEnd = 'bottom'): void {
    const W = A.width;
    const e = this.address(A.e);
    const s = this.address(A.s);
    const se = this.address(A.se);
    const sw = this.address(A.sw);
    const { diag, inv } = this.diagonals(A.diag, end);
    this.operators.set(A, [e - 4, e, s - 4 * W, s, se - 4 * (W + 1), sw - 4 * (W - 1), sw, se, diag, inv, 0]);
  }

  private inverse(d: Float32Array): { diag: number; inv: number } {
    const inv = this.f32(d.length);
    this.kernels.inverse32(d.byteOffset, inv.byteOffset, d.length);
    return { diag: d.byteOffset, inv: inv.byteOffset };
  }

  private diagonals(d: Float64Array | Float32Array, end: ArenaEnd = 'bottom'): { diag: number; inv: number } {
    const diag = this.f32(d.length, end);
    const inv = this.f32(d.length, end);
    if (d instanceof Float64Array && this.owns(d)) {
      this.rangeOf('diagonals64', [d.byteOffset, diag.byteOffset, inv.byteOffset], 0, d.length);
      return { diag: diag.byteOffset, inv: inv.byteOffset };
    }
    for (let i = 0; i < d.length; i++) {
      diag[i] = d[i];
      inv[i] = d[i] !== 0 ? 1 / d[i] : 0;
    }
    return { diag: diag.byteOffset, inv: inv.byteOffset };
  }

  private address(a: Float32Array): number {
    if (a.buffer !== this.memory.buffer) throw new Error('wasm arena: plane is not in this arena');
    return a.byteOffset;
  }

  /** Whether `A` is registered in this arena. */
  registered(A: object): boolean {
    return this.operators.has(A);
  }

  /** Selects a registered operator for the next kernel calls; false if it is not registered here. */
  use(A: object, width: number, height: number): boolean {
    if (this.current === A) return true;
    const p = this.operators.get(A);
    if (!p) return false;
    this.kernels.operator(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], width, height);
    this.current = A;
    this.operatorArgs = [...p, width, height];
    return true;
  }

  /**
   * Four scratch rows of at least `width + 4` floats for the Gauss–Seidel kernels: two for this
   * thread, two for the helper's block.
   */
  scratchRows(width: number): [number, number, number, number] {
    if (!this.rows || this.rows[0].length < width + 4)
      this.rows = [0, 1, 2, 3].map(() => this.f32(width + 8));
    const [a, b, c, d] = this.rows.map((r) => r.byteOffset);
    return [a, b, c, d];
  }

  /** Whether this arena's split kernels run one block on a helper thread. */
  get threaded(): boolean {
    return this.helper !== null;
  }

  /**
   * How long the helper thread and the caller took to fault this arena's memory in (created with
   * `prefault`), and how many bytes: null where it was not faulted in that way or has not ended.
   * Read it before {@link releaseHelper}.
   */
  faultInTime(): { bytes: number; ms: number } | null {
    return this.helper?.faultInTime(this.memory) ?? null;
  }

  /**
   * Lets the helper thread drop this arena's memory (call when the arena's work is done, so the
   * memory can be collected); the arena still works, single-threaded until it is next split.
   */
  releaseHelper(): void {
    this.helper?.detach(this.memory);
  }

  /**
   * `kernel`(...argsA, ...a) here and `kernel`(...argsB, ...b) at the same time on the helper
   * thread where there is one (one after the other otherwise); the sum of their results, a's first.
   * `operator`: the kernel reads the current operator.
   */
  pair(
    kernel: HelperKernel,
    argsA: number[],
    a: RowRange,
    argsB: number[],
    b: RowRange,
    operator: boolean,
  ): number {
    return this.together(kernel, [...argsA, a[0], a[1]], [...argsB, b[0], b[1]], operator);
  }

  /**
   * `kernel`(...argsA) here and `kernel`(...argsB) at the same time on the helper thread where
   * there is one (one after the other otherwise); the sum of their results, a's first. The two
   * calls must not write what the other reads or writes.
   */
  together(kernel: HelperKernel, argsA: number[], argsB: number[], operator = false): number {
    const [ra, rb] = this.togetherBoth(kernel, argsA, argsB, operator);
    return ra + rb;
  }

  /** As {@link WasmArena.together}, both results. */
  private togetherBoth(
    kernel: HelperKernel,
    argsA: number[],
    argsB: number[],
    operator = false,
  ): [number, number] {
    const run = this.kernels[kernel];
    const h = this.helper;
    if (!h) return [run(...argsA) ?? 0, run(...argsB) ?? 0];
    if (!h.attachedTo(this.memory)) h.attach(this.memory, this.module);
    h.start(kernel, argsB, operator ? this.operatorArgs : null);
    let ra: number;
    try {
      ra = run(...argsA) ?? 0;
    } catch (e) {
      h.join();
      throw e;
    }
    return [ra, h.join()];
  }

  /** A kernel over grid rows: split at ../row-blocks.ts's row where the grid is large enough. */
  rowsOf(kernel: HelperKernel, args: number[], width: number, height: number, operator: boolean): void {
    const m = splitRow(width, height);
    if (!m) this.kernels[kernel](...args, 0, height);
    else this.pair(kernel, args, [0, m], args, [m, height], operator);
  }

  /**
   * An accumulating kernel over fine rows (fine row y adds into coarse rows ⌊y/2⌋ and ⌊y/2⌋ + 1:
   * the restriction, the Galerkin product) in ../row-blocks.ts's order, its two blocks at once.
   */
  accumulateRowsOf(kernel: HelperKernel, args: number[], width: number, height: number): void {
    accumulateInBlockOrder(
      width,
      height,
      (from, to) => this.kernels[kernel](...args, from, to),
      (a, b) => this.pair(kernel, args, a, args, b, false),
    );
  }

  /** A kernel over an index range [from, to), split in two where long enough; the sum of its results. */
  rangeOf(kernel: HelperKernel, args: number[], from: number, to: number): number {
    const s = splitIndex(from, to);
    if (s === to) return this.kernels[kernel](...args, from, to) ?? 0;
    return this.pair(kernel, args, [from, s], args, [s, to], false);
  }

  /**
   * A kernel that writes two f64 sums at the address it takes last before its range (dot2,
   * bicgStepShadow), over [from, to) split as {@link WasmArena.rangeOf} splits; the two sums, each
   * added a's half first, as rangeOf adds.
   */
  rangeSums(kernel: HelperKernel, args: number[], from: number, to: number): [number, number] {
    const s = splitIndex(from, to);
    const sums = new Float64Array(this.memory.buffer, SUMS_AT, 4);
    if (s === to) {
      this.kernels[kernel](...args, SUMS_AT, from, to);
      return [sums[0], sums[1]];
    }
    this.pair(kernel, [...args, SUMS_AT], [from, s], [...args, SUMS_AT + 16], [s, to], false);
    return [sums[0] + sums[2], sums[1] + sums[3]];
  }

  /** As {@link WasmArena.rangeOf}, the larger of the two halves' results (a maximum over the range). */
  rangeMax(kernel: HelperKernel, args: number[], from: number, to: number): number {
    const s = splitIndex(from, to);
    if (s === to) return this.kernels[kernel](...args, from, to) ?? 0;
    const both = this.togetherBoth(kernel, [...args, from, s], [...args, s, to], false);
    return Math.max(both[0], both[1]);
  }
}

/** The arena `a` lives in, if any. */
export function arenaOf(a: GridVector): WasmArena | undefined {
  return a instanceof Float32Array ? arenas.get(a.buffer) : undefined;
}

/**
 * Zeroes v[from, to): in its arena's kernel where it lies in one (a typed array's `fill` on a
 * shared memory is about ten times slower, and the solvers zero vectors in every cycle).
 */
export function zeroVector(v: GridVector, from = 0, to = v.length): void {
  const k = arenaOf(v);
  if (!k || to <= from) v.fill(0, from, to);
  else k.kernels.zero(v.byteOffset + 4 * from, 4 * (to - from));
}

/** dst.set(src) for vectors of one length, by the arena's kernel where both lie in it (see {@link zeroVector}). */
export function copyVector(dst: GridVector, src: GridVector): void {
  const k = arenaOf(dst);
  if (k?.holds(src) && src.length === dst.length)
    k.kernels.copy(dst.byteOffset, src.byteOffset, 4 * src.length);
  else dst.set(src);
}

/** Bytes the arena allocator takes for `count` planes of `length` floats (with alignment). */
export function planeBytes(length: number, count = 1): number {
  return count * ((length * 4 + 15) & ~15);
}

type Op = { width: number; height: number };

/** y = A x on two channels in wasm; false when the arrays or the operator are not in one arena. */
export function wasmApply2(A: Op, x0: GridVector, x1: GridVector, y0: GridVector, y1: GridVector): boolean {
  const k = arenaOf(x0);
  if (!k?.holds(x1, y0, y1) || !k.use(A, A.width, A.height)) return false;
  k.rowsOf('apply2', [x0.byteOffset, x1.byteOffset, y0.byteOffset, y1.byteOffset], A.width, A.height, true);
  return true;
}

/** r = b − A x on two channels in wasm (see {@link wasmApply2}). */
export function wasmResidual2(
  A: Op,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  r0: GridVector,
  r1: GridVector,
): boolean {
  const k = arenaOf(x0);
  if (!k?.holds(x1, b0, b1, r0, r1) || !k.use(A, A.width, A.height)) return false;
  const args = [x0.byteOffset, x1.byteOffset, b0.byteOffset, b1.byteOffset, r0.byteOffset, r1.byteOffset];
  k.rowsOf('residual2', args, A.width, A.height, true);
  return true;
}

/**
 * One Gauss–Seidel sweep on two channels in wasm; `fromZero` is the first forward sweep from
 * x = 0. Blocks of rows in ../row-blocks.ts's order, the two blocks at the same time where the
 * arena has a helper thread.
 */
export function wasmGaussSeidel2(
  A: Op,
  x0: GridVector,
  x1: GridVector,
  b0: GridVector,
  b1: GridVector,
  backward: boolean,
  fromZero: boolean,
): boolean {
  const k = arenaOf(x0);
  if (!k?.holds(x1, b0, b1) || !k.use(A, A.width, A.height)) return false;
  const { width: W, height: H } = A;
  const [t0, t1, t2, t3] = k.scratchRows(W);
  const planes = [x0.byteOffset, x1.byteOffset, b0.byteOffset, b1.byteOffset];
  // The helper's block has scratch rows of its own.
  const mine = [...planes, t0, t1];
  const theirs = [...planes, t2, t3];
  const sweep = (from: number, to: number, back: boolean) => k.kernels.gs2(...mine, back ? 1 : 0, from, to);
  if (fromZero)
    sweepFromZeroInBlockOrder(
      W,
      H,
      [x0, x1],
      (from, to) => k.kernels.gsFromZero2(...mine, from, to),
      sweep,
      (a, b) => k.pair('gsFromZero2', mine, a, theirs, b, true),
    );
  else {
    const dir = backward ? 1 : 0;
    sweepInBlockOrder(W, H, backward, sweep, (a, b) =>
      k.pair('gs2', [...mine, dir], a, [...theirs, dir], b, true),
    );
  }
  return true;
}

/**
 * c += Pᵀ r (restriction with Dendy's weights of a fine W × H grid) in wasm; `q` holds the weights
 * in planar form (four planes q00, q10, q01, q11 of the padded fine grid, see {@link planarWeights}).
 * Split as ../row-blocks.ts says: fine rows m − 2 and m − 1 write the coarse rows both blocks reach.
 */
export function wasmRestrict2(
  q: Float32Array,
  W: number,
  H: number,
  r0: GridVector,
  r1: GridVector,
  c0: GridVector,
  c1: GridVector,
  Wc: number,
  f?: GridVector,
): boolean {
  const k = arenaOf(r0);
  if (!k?.holds(q, r1, c0, c1) || (f && !k.holds(f))) return false;
  const args = [
    q.byteOffset,
    q.length >> 2,
    f ? f.byteOffset : 0,
    r0.byteOffset,
    r1.byteOffset,
    c0.byteOffset,
    c1.byteOffset,
    W,
    Wc,
  ];
  k.accumulateRowsOf('restrict2', args, W, H);
  return true;
}

/** x += P e in wasm (planar weights as in {@link wasmRestrict2}); with `assign`, x = P e (x's old values unread). */
export function wasmProlongAdd2(
  q: Float32Array,
  W: number,
  H: number,
  e0: GridVector,
  e1: GridVector,
  x0: GridVector,
  x1: GridVector,
  Wc: number,
  assign = false,
): boolean {
  const k = arenaOf(x0);
  if (!k?.holds(q, e0, e1, x1)) return false;
  const args = [
    q.byteOffset,
    q.length >> 2,
    e0.byteOffset,
    e1.byteOffset,
    x0.byteOffset,
    x1.byteOffset,
    W,
    Wc,
  ];
  k.rowsOf(assign ? 'prolong2' : 'prolongAdd2', args, W, H, false);
  return true;
}

/** Σ a_i b_i over [from, to) in wasm (double-precision sums), or undefined. */
export function wasmDot(a: GridVector, b: GridVector, from: number, to: number): number | undefined {
  const k = arenaOf(a);
  if (!k?.holds(b)) return undefined;
  return k.rangeOf('dot', [a.byteOffset, b.byteOffset], from, to);
}

/** BiCGStab's p = r + β (p − ω v) over [from, to) in wasm; false when not all in one arena. */
export function wasmBicgDirection(
  p: GridVector,
  r: GridVector,
  v: GridVector,
  beta: number,
  omega: number,
  from: number,
  to: number,
): boolean {
  const k = arenaOf(p);
  if (!k?.holds(r, v)) return false;
  k.rangeOf('bicgDirection', [p.byteOffset, r.byteOffset, v.byteOffset, beta, omega], from, to);
  return true;
}

/** y += a·x over [from, to) in wasm; false when not both in one arena. */
export function wasmAxpy(y: GridVector, a: number, x: GridVector, from: number, to: number): boolean {
  const k = arenaOf(y);
  if (!k?.holds(x)) return false;
  k.rangeOf('axpy', [y.byteOffset, x.byteOffset, a], from, to);
  return true;
}

/** s0 = f·r0, s1 = f·r1 over [from, to) in wasm; false when not all in one arena. */
export function wasmScale2(
  f: GridVector,
  r0: GridVector,
  r1: GridVector,
  s0: GridVector,
  s1: GridVector,
  from: number,
  to: number,
): boolean {
  const k = arenaOf(f);
  if (!k?.holds(r0, r1, s0, s1)) return false;
  k.rangeOf('scale2', [f.byteOffset, r0.byteOffset, r1.byteOffset, s0.byteOffset, s1.byteOffset], from, to);
  return true;
}

/** [Σ t·t, Σ t·s] over [from, to) in wasm in one pass (bit for bit two wasmDot calls), or undefined. */
export function wasmDot2(
  t: GridVector,
  s: GridVector,
  from: number,
  to: number,
): [number, number] | undefined {
  const k = arenaOf(t);
  if (!k?.holds(s)) return undefined;
  return k.rangeSums('dot2', [t.byteOffset, s.byteOffset], from, to);
}

/**
 * {@link wasmBicgStep} that also returns Σ r̂·r of the new r (bit for bit a wasmDot after it):
 * [Σ r², Σ r̂·r], or undefined when not all in one arena.
 */
export function wasmBicgStepShadow(
  r: GridVector,
  v: GridVector,
  x: GridVector,
  h: GridVector,
  rhat: GridVector,
  a: number,
  from: number,
  to: number,
): [number, number] | undefined {
  const k = arenaOf(r);
  if (!k?.holds(v, x, h, rhat)) return undefined;
  return k.rangeSums(
    'bicgStepShadow',
    [r.byteOffset, v.byteOffset, x.byteOffset, h.byteOffset, rhat.byteOffset, a],
    from,
    to,
  );
}

/** BiCGStab's r −= a·v, x += a·h over [from, to) in wasm, returning Σ r²; undefined when not all in one arena. */
export function wasmBicgStep(
  r: GridVector,
  v: GridVector,
  x: GridVector,
  h: GridVector,
  a: number,
  from: number,
  to: number,
): number | undefined {
  const k = arenaOf(r);
  if (!k?.holds(v, x, h)) return undefined;
  return k.rangeOf('bicgStep', [r.byteOffset, v.byteOffset, x.byteOffset, h.byteOffset, a], from, to);
}

/**
 * Dendy's interpolation weights (interleaved q00, q10, q01, q11 per padded point, as
 * ../multigrid.ts builds them) as four consecutive planes in `arena`, the layout the wasm
 * restriction and prolongation read four pixels at a time.
 */
export function planarWeights(arena: WasmArena, q: Float32Array): Float32Array {
  const len = q.length >> 2;
  const out = arena.f32(q.length);
  if (arena.owns(q)) {
    arena.rangeOf('deinterleave4', [q.byteOffset, out.byteOffset, len], 0, len);
    return out;
  }
  for (let i = 0; i < len; i++) {
    out[i] = q[4 * i];
    out[len + i] = q[4 * i + 1];
    out[2 * len + i] = q[4 * i + 2];
    out[3 * len + i] = q[4 * i + 3];
  }
  return out;
}
