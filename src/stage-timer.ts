/**
 * Wall time per named stage of a pipeline, in ms: each call of the returned `lap(name)` adds the
 * time since the previous lap (or since the timer was made) to `timings[name]`.
 *
 * @example
 * ```ts
 * import { stageTimer } from 'colorize-toolkit/internals';
 * const timings: Record<string, number> = {};
 * const lap = stageTimer(timings);
 * lap('decode'); lap('solve'); lap('solve');
 * console.log(Object.keys(timings)); // [ 'decode', 'solve' ]
 * ```
 */
export function stageTimer(timings: Record<string, number>): (name: string) => void {
  let t0 = performance.now();
  return (name) => {
    const t = performance.now();
    timings[name] = (timings[name] ?? 0) + (t - t0);
    t0 = t;
  };
}
