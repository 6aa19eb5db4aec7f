/** Timing helpers for benchmarks (never used by tests). */
export function timeIt<T>(fn: () => T, repeats = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

export async function timeAsync<T>(fn: () => Promise<T>, repeats = 3): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

/** Peak resident set size so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Imports a library module as users run it: the compiled `dist/<rel>.js` when it exists and is at
 * least as new as `src/<rel>.ts` (tsx's on-the-fly build runs hot loops ~15% slower), the source
 * otherwise. Returns the module and which build was used, to record next to the figures.
 */
export async function importBuilt<T>(rel: string): Promise<{ mod: T; build: 'dist' | 'src' }> {
  const { existsSync, statSync } = await import('node:fs');
  const path = await import('node:path');
  const { fileURLToPath, pathToFileURL } = await import('node:url');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dist = path.join(root, 'dist', `${rel}.js`);
  const src = path.join(root, 'src', `${rel}.ts`);
  if (existsSync(dist) && statSync(dist).mtimeMs >= statSync(src).mtimeMs) {
    return { mod: (await import(pathToFileURL(dist).href)) as T, build: 'dist' };
  }
  return { mod: (await import(pathToFileURL(src).href)) as T, build: 'src' };
}

/**
 * This minute's memory throughput, GB/s: the best of five single-threaded passes of the solver's
 * `dot` kernel over two 32 MiB planes already written (a pass reads 64 MiB). The solve's
 * iterations are bound by such loads, so a slow minute shows here too: printed beside the
 * timings as a reference measured in the same process, after its peak memory was read.
 */
export async function streamGBs(): Promise<number | undefined> {
  const { WasmArena, wasmDot } = await import('../src/solve/wasm/arena.js');
  const n = 8 << 20;
  const arena = WasmArena.create(2 * 4 * n + (1 << 16));
  if (!arena) return undefined;
  const a = arena.f32(n).fill(1);
  const b = arena.f32(n).fill(2);
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    wasmDot(a, b, 0, n);
    best = Math.min(best, performance.now() - t0);
  }
  return Number(((2 * 4 * n) / best / 1e6).toFixed(1));
}
