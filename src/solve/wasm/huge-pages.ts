/**
 * Transparent huge pages for large buffers written once (the solver arenas), where the optional
 * native helper native/huge-pages is built (`npm run build`, Linux). A megapixel solve writes about
 * 190 MB of fresh memory; with 4 KiB pages that is 48 000 page faults, which on the virtual machines
 * this project is measured on take about 10 µs each (0.5 s per 1 MP solve; 2 MiB pages: 25 ms for
 * 300 MB, bench/results/scribble.json). numpy advises its large arrays the same way.
 *
 * Without the helper (not built, not Linux, a browser) {@link adviseHugePages} does nothing, and
 * `COLORIZE_HUGE_PAGES=0` turns it off (the benchmark compares both).
 */

type Advise = (bytes: Uint8Array, offset: number, length: number) => number;

/** What is read of Node's `process` (typed here: this module is also compiled for the browser). */
interface NodeProcess {
  platform: string;
  env: Record<string, string | undefined>;
  getBuiltinModule?: (id: 'node:module') => {
    createRequire(url: string): (id: string) => unknown;
  };
}

let advise: Advise | null | undefined;

function helper(): Advise | null {
  if (advise !== undefined) return advise;
  advise = null;
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (proc?.platform !== 'linux' || proc.env.COLORIZE_HUGE_PAGES === '0') return advise;
  try {
    // Synchronous, and no `node:` import that a browser bundle would trip on.
    const module = proc.getBuiltinModule?.('node:module');
    if (!module) return advise;
    const require = module.createRequire(import.meta.url);
    // src/solve/wasm and dist/solve/wasm lie three folders below the package root, the command
    // line's bundle (dist/cli-bundle) two.
    for (const up of ['../../../', '../../']) {
      try {
        advise = (require(`${up}native/huge-pages/build/huge-pages.node`) as { advise: Advise }).advise;
        break;
      } catch {
        // Not there: the next candidate, or not built (4 KiB pages, same results).
      }
    }
  } catch {
    // No require here: 4 KiB pages, same results.
  }
  return advise;
}

/**
 * Asks for huge pages on `buffer`'s bytes [offset, offset + length) before they are first written;
 * returns the bytes advised (0 where the helper is missing or the range holds no 2 MiB page).
 *
 * @example
 * ```ts
 * import { adviseHugePages } from 'colorize-toolkit/internals';
 * const memory = new WebAssembly.Memory({ initial: 256 }); // 16 MiB
 * console.log(adviseHugePages(memory.buffer) >= 0); // true
 * ```
 */
export function adviseHugePages(
  buffer: ArrayBufferLike,
  offset = 0,
  length = buffer.byteLength - offset,
): number {
  const fn = helper();
  return fn ? fn(new Uint8Array(buffer), offset, length) : 0;
}
