/**
 * V8's flags, set for a moment from Node (they are the whole process's: every isolate, every
 * worker). Nothing here where there is no Node (this module is also compiled for the browser).
 */

/** What is read of Node's `process` here. */
interface NodeProcessFlags {
  execArgv?: string[];
  env?: Record<string, string | undefined>;
  getBuiltinModule?: (id: string) => unknown;
}

function nodeProcess(): NodeProcessFlags | undefined {
  return (globalThis as { process?: NodeProcessFlags }).process;
}

/** Whether Node was started with `flag` (on its command line or in NODE_OPTIONS). */
export function nodeStartedWith(flag: string): boolean {
  const proc = nodeProcess();
  return [...(proc?.execArgv ?? []), ...(proc?.env?.NODE_OPTIONS ?? '').split(/\s+/)].includes(flag);
}

/**
 * `fn()` with each of `flags` (`--name` or `--no-name`) in effect, each set back to its opposite
 * afterwards unless Node was started with it; undefined where V8's flags cannot be set.
 */
export function withV8Flags<T>(flags: readonly string[], fn: () => T): T | undefined {
  const v8 = nodeProcess()?.getBuiltinModule?.('node:v8') as
    | { setFlagsFromString(flags: string): void }
    | undefined;
  if (!v8) return undefined;
  const toggled = flags.filter((f) => !nodeStartedWith(f));
  for (const f of toggled) v8.setFlagsFromString(f);
  try {
    return fn();
  } finally {
    for (const f of toggled)
      v8.setFlagsFromString(f.startsWith('--no-') ? `--${f.slice(5)}` : `--no-${f.slice(2)}`);
  }
}

/** V8's `gc` (taken in a new context with --expose-gc set for the moment), or null. */
export function gcFunction(): (() => void) | null {
  const vm = nodeProcess()?.getBuiltinModule?.('node:vm') as
    | { runInNewContext(code: string): unknown }
    | undefined;
  if (!vm) return null;
  try {
    const gc = withV8Flags(['--expose-gc'], () => vm.runInNewContext('gc'));
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
