/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32): methods that sample (Welsh et al.'s
 * jittered grid), tests and benchmarks use it so results repeat for a seed.
 *
 * @example
 * ```ts
 * import { seededRandom } from 'colorize-toolkit/internals';
 * const r = seededRandom(7);
 * console.log(r() === seededRandom(7)()); // true
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
