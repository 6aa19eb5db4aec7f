/** Option declarations several transfer methods share the shape of. */
import type { MethodOption } from '../catalogue/types.js';

/** `--space`: read by several methods, each with its own spaces and default. */
export const spaceOption = (choices: readonly string[], dflt: string): MethodOption => ({
  flags: '--space <space>',
  key: 'space',
  type: 'string',
  description: '',
  choices,
  default: dflt,
});

/** A whole-number option with its default and the range the method checks. */
export const intOption = (
  flags: string,
  key: string,
  description: string,
  dflt: number,
  min: number,
  max: number,
): MethodOption => ({ flags, key, type: 'number', integer: true, description, default: dflt, min, max });
