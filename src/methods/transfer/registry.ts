/**
 * The registry behind `colorize transfer --method NAME`: a method is a name, a function from
 * (target, reference, options) to a full-resolution RGB image, whether it can colour a gray
 * target, and the command-line flags it reads. Register a new method with
 * {@link registerTransferMethod} (see builtin.ts for the built-in ones); the command picks up its
 * flags, help text and gray-target check without further edits.
 */
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';

/** A command-line flag of a method. */
export interface TransferFlag {
  /** commander flag text, e.g. '--levels <k>' or '--exact'. Methods sharing a flag must spell it identically. */
  flags: string;
  /** Help text. */
  description: string;
  /** Key of the parsed value in commander's options, and of the option passed to `run`. */
  key: string;
  /** Turns the raw string into the option value (validation is the method's job). */
  parse?: (raw: string) => unknown;
}

export interface TransferMethod {
  /** Name used by --method. */
  name: string;
  /** One-line description for --help. */
  summary: string;
  /** 'any': colour or gray targets; 'colour': a gray target is refused with `grayHint`. */
  targets: 'any' | 'colour';
  /** What to tell a user who gave a gray target to a colour-only method. */
  grayHint?: string;
  /** Flags this method reads; a flag of another method given with this one is a usage error. */
  flags: TransferFlag[];
  /**
   * The transfer: target (1 or 3 channels), colour reference (3 channels) → sRGB image of the
   * target's size. `options` holds the parsed values of the flags the user gave.
   */
  run(target: ImageF32, reference: ImageF32, options: Record<string, unknown>): ImageF32 | Promise<ImageF32>;
}

const methods = new Map<string, TransferMethod>();

/**
 * Adds (or replaces) a method.
 *
 * @example
 * ```ts
 * import { registerTransferMethod, getTransferMethod } from 'colorize-toolkit';
 * registerTransferMethod({ name: 'identity', summary: 'returns the target', targets: 'any', flags: [], run: (t) => t });
 * console.log(getTransferMethod('identity').summary); // returns the target
 * ```
 */
export function registerTransferMethod(method: TransferMethod): void {
  methods.set(method.name, method);
}

/** Registered method names, in registration order. */
export function transferMethodNames(): string[] {
  return [...methods.keys()];
}

export function listTransferMethods(): TransferMethod[] {
  return [...methods.values()];
}

/** The method called `name`, or a usage error listing the known ones. */
export function getTransferMethod(name: string): TransferMethod {
  const m = methods.get(name);
  if (!m) {
    throw new ColorizeError(
      `option "method" = ${JSON.stringify(name)} is invalid: expected one of ${transferMethodNames().join(', ')}`,
      'usage',
    );
  }
  return m;
}
