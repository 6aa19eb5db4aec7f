/**
 * Errors a person can act on. Every failure that reaches a user is a `ColorizeError`
 * with a one-line message naming the file or option and the problem; `kind` picks the
 * exit code (usage → 2, everything else → 1).
 */
export type ErrorKind = 'usage' | 'input' | 'io' | 'internal';

export class ColorizeError extends Error {
  readonly kind: ErrorKind;
  readonly file: string | undefined;

  constructor(message: string, kind: ErrorKind = 'input', file?: string) {
    super(message);
    this.name = 'ColorizeError';
    this.kind = kind;
    this.file = file;
  }

  /** Exit code the command line uses for this error. */
  get exitCode(): number {
    return this.kind === 'usage' ? 2 : 1;
  }
}

/**
 * A file-system error in words (the system's code in brackets), for messages that start with
 * the path: "no such file or folder", "a symbolic link loop", "permission denied", ...
 *
 * @example
 * ```ts
 * import { fsProblem } from 'colorize-toolkit';
 * console.log(fsProblem(Object.assign(new Error('x'), { code: 'ELOOP' })));
 * // a symbolic link loop (a link that leads back to itself) [ELOOP]
 * ```
 */
export function fsProblem(err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    ELOOP: 'a symbolic link loop (a link that leads back to itself)',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'on a read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'is a folder, not a file',
    EEXIST: 'already exists',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'the name is too long',
  };
  if (code && words[code]) return `${words[code]} [${code}]`;
  return (err as Error | undefined)?.message ?? String(err);
}

/**
 * Throws a usage error naming an option, its value and what is allowed.
 *
 * @example
 * ```ts
 * import { invalidOption } from 'colorize-toolkit';
 * try { invalidOption('sigma', -1, 'a positive number'); } catch (e) { console.log((e as Error).message); }
 * // option "sigma" = -1 is invalid: expected a positive number
 * ```
 */
export function invalidOption(name: string, value: unknown, allowed: string): never {
  throw new ColorizeError(
    `option "${name}" = ${JSON.stringify(value)} is invalid: expected ${allowed}`,
    'usage',
  );
}

/** Validates a finite number within [min, max]; returns it. */
export function checkNumber(name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range =
      min === -Infinity && max === Infinity
        ? 'a finite number'
        : max === Infinity
          ? `a number ≥ ${min}`
          : min === -Infinity
            ? `a number ≤ ${max}`
            : `a number in [${min}, ${max}]`;
    invalidOption(name, value, range);
  }
  return value;
}

/** Validates an integer within [min, max]; returns it. */
export function checkInteger(name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalidOption(name, value, `an integer in [${min}, ${max}]`);
  }
  return value;
}

/** Validates that `value` is one of `allowed`; returns it. */
export function checkChoice<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalidOption(name, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}
