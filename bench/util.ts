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
