/**
 * libvips keeps one error buffer per process, and an operation that ends while another fails can
 * clear the failing one's detail: a damaged JPEG decoded beside six good ones was reported as a
 * bare "Warning treated as error due to failOn setting" in 7 of 30 tries (scripts are in the
 * test). So libvips work runs under a shared hold, and a failed operation is tried once more
 * alone (no other libvips work in flight or started meanwhile), where its message is whole. Work
 * that succeeds never waits for anything but such a retry.
 */

let inFlight = 0;
/** Settles when the retry that holds libvips alone is done. */
let exclusive: Promise<void> | null = null;
let drained: (() => void) | null = null;

/** Runs `work` beside other libvips work (it waits only while a retry runs alone). */
async function shared<T>(work: () => Promise<T>): Promise<T> {
  while (exclusive) await exclusive;
  inFlight++;
  try {
    return await work();
  } finally {
    inFlight--;
    if (inFlight === 0) drained?.();
  }
}

/** Runs `work` with no other libvips work in flight, and none started until it ends. */
async function alone<T>(work: () => Promise<T>): Promise<T> {
  while (exclusive) await exclusive;
  let done!: () => void;
  exclusive = new Promise<void>((resolve) => {
    done = resolve;
  });
  try {
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    drained = null;
    return await work();
  } finally {
    exclusive = null;
    done();
  }
}

/**
 * Runs a libvips operation; if it fails, runs it once more alone so that its error carries
 * libvips' own detail, and throws that error (or returns the result, should it then succeed).
 * `operation` must be safe to repeat (a decode, a header read, an encode to memory).
 *
 * @example
 * ```ts
 * import { withVipsDetail } from 'colorize-toolkit/internals';
 * const n = await withVipsDetail(async () => 42);
 * console.log(n); // 42
 * ```
 */
export async function withVipsDetail<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await shared(operation);
  } catch {
    return alone(operation);
  }
}
