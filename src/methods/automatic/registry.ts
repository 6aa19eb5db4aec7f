/**
 * The registry behind `colorize auto --method NAME`: a fully automatic method is a name, a
 * function from a gray image to a full-resolution sRGB image, and its options (the same typed
 * flag metadata as the transfer registry, so the CLI builds flags and help from it).
 */

import { lumaOf } from '../../color/linear-spaces.js';
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import type { TransferContext, TransferFlag } from '../transfer/registry.js';

/** What a front end hands to `run`: where notes and progress go. */
export interface AutoContext extends TransferContext {
  /** Progress of one long run, as a fraction in [0, 1] and a short stage name. */
  progress?(fraction: number, stage: string): void;
  /**
   * Receives a method's diagnostic pictures (name, image), when the front end wants them (the
   * CLI's --debug-dir); methods without any ignore it.
   */
  debug?(name: string, image: ImageF32): void;
}

export interface AutoMethod {
  /** Name used by --method. */
  name: string;
  /** One-line description for --help. */
  summary: string;
  /** Options this method reads; a flag of another method given with this one is a usage error. */
  flags: TransferFlag[];
  /**
   * Names of the registered models the method needs (see models/registry.ts); front ends check
   * them first so a missing model is named, with every path searched, before any work is done.
   */
  models?: readonly string[];
  /**
   * Colours `gray` (one channel, values in [0, 1]; front ends pass the luminance of a colour
   * input) → sRGB image of the same size. `options` holds only what the user gave.
   */
  run(gray: ImageF32, options: Record<string, unknown>, context?: AutoContext): Promise<ImageF32>;
}

/**
 * The one-channel gray image an input stands for: a gray input's own plane (also when stored as
 * RGB), or the Rec. 601 luma of a colour one.
 *
 * @example
 * ```ts
 * import { fromPlanes, grayInput } from 'colorize-toolkit';
 * const red = fromPlanes(1, 1, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]);
 * console.log(grayInput(red, false).channels[0][0].toFixed(3)); // 0.299
 * ```
 */
export function grayInput(image: ImageF32, isGray: boolean): ImageF32 {
  const plane = isGray ? image.channels[0] : lumaOf(image);
  return { width: image.width, height: image.height, channels: [plane] };
}

const methods = new Map<string, AutoMethod>();

/**
 * Adds (or replaces) an automatic method.
 *
 * @example
 * ```ts
 * import { registerAutoMethod, getAutoMethod } from 'colorize-toolkit';
 * registerAutoMethod({ name: 'sepia', summary: 'gray stays gray', flags: [], run: async (g) => g });
 * console.log(getAutoMethod('sepia').summary); // gray stays gray
 * ```
 */
export function registerAutoMethod(method: AutoMethod): void {
  methods.set(method.name, method);
}

/** Registered automatic methods, in registration order. */
export function listAutoMethods(): AutoMethod[] {
  return [...methods.values()];
}

/** The automatic method called `name`, or a usage error listing the known ones. */
export function getAutoMethod(name: string): AutoMethod {
  const m = methods.get(name);
  if (!m) {
    throw new ColorizeError(
      `option "method" = ${JSON.stringify(name)} is invalid: expected one of ${[...methods.keys()].join(', ')}`,
      'usage',
    );
  }
  return m;
}
