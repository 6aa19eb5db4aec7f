/**
 * Options as declared (src/methods/catalogue/types.ts `MethodOption`): their help text, their
 * JSON description, typing of text values (command line, form fields) and the one validation every
 * front end goes through before a method runs.
 */
import { ColorizeError, invalidOption } from '../../errors.js';
import type { MethodOption, OptionSpec, OptionValue } from './types.js';

/** The flag's name without its argument, e.g. '--levels'. */
export function flagName(option: MethodOption): string {
  return option.flags.split(' ')[0];
}

function formatValue(v: OptionValue): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/**
 * An option's help text: choices, description, then default and source in parentheses, e.g.
 * 'haar|db2|db4 (default haar)' or 'LUT levels per channel (default 256, report §2.1.2)'. A
 * boolean's default (off, or on for a --no- flag) goes unsaid.
 *
 * @example
 * ```ts
 * import { getMethod, optionHelp } from 'colorize-toolkit';
 * console.log(optionHelp(getMethod('histogram').options[0])); // LUT levels per channel (default 256, report §2.1.2)
 * ```
 */
export function optionHelp(option: MethodOption): string {
  const head = [option.choices?.join('|'), option.description].filter((s) => s).join(', ');
  const dflt =
    option.defaultText ??
    (option.type !== 'boolean' && option.default !== undefined
      ? `${formatValue(option.default)}${option.unit ? ` ${option.unit}` : ''}`
      : undefined);
  const paren = [dflt === undefined ? undefined : `default ${dflt}`, option.source].filter((s) => s);
  return paren.length ? `${head} (${paren.join(', ')})` : head;
}

/**
 * The JSON description of an option (what GET /v1/methods and the studio show).
 *
 * @example
 * ```ts
 * import { getMethod, optionSpec } from 'colorize-toolkit';
 * const space = optionSpec(getMethod('reinhard').options[0]);
 * console.log(space.key, space.enum, space.default); // space [ 'lab', 'lalphabeta' ] lab
 * ```
 */
export function optionSpec(o: MethodOption): OptionSpec {
  const spec: OptionSpec = { key: o.key, type: o.type, description: optionHelp(o) };
  if (o.default !== undefined) spec.default = Array.isArray(o.default) ? [...o.default] : o.default;
  else if (o.defaultText !== undefined) spec.defaultText = o.defaultText;
  if (o.default !== undefined && o.defaultText !== undefined) spec.defaultText = o.defaultText;
  if (o.choices) spec.enum = [...o.choices];
  if (o.integer) spec.integer = true;
  if (o.min !== undefined) spec.minimum = o.min;
  if (o.max !== undefined) spec.maximum = o.max;
  if (o.unit) spec.unit = o.unit;
  if (o.source) spec.source = o.source;
  return spec;
}

/** A number when the text is one, else the text itself, so validation can quote what was typed. */
export function parseNumberText(raw: string): number | string {
  const t = raw.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : raw;
}

/** "0,0.2,0.4" or "0 0.2 0.4" → [0, 0.2, 0.4] (non-numbers kept as text for the error message). */
export function parseListText(raw: string): Array<number | string> {
  return raw
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(parseNumberText);
}

/**
 * The typed value of an option given as text (a command-line argument, a form field); values
 * already typed pass through. Validation is {@link validateOptions}'s job.
 */
export function typeOptionValue(option: MethodOption, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  switch (option.type) {
    case 'number':
      return parseNumberText(value);
    case 'number-list':
      return parseListText(value);
    case 'boolean':
      return t === 'true' || t === '1' || t === 'on'
        ? true
        : t === 'false' || t === '0' || t === 'off'
          ? false
          : value;
    default:
      return value;
  }
}

function rangeText(o: MethodOption): string {
  const lo = o.min ?? -Infinity;
  const hi = o.max ?? Infinity;
  const what = o.integer ? 'an integer' : 'a number';
  if (lo === -Infinity && hi === Infinity) return what;
  if (hi === Infinity) return `${what} ≥ ${lo}`;
  if (lo === -Infinity) return `${what} ≤ ${hi}`;
  return `${what} in [${lo}, ${hi}]`;
}

function checkScalar(o: MethodOption, v: unknown, quoted: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) invalidOption(o.key, quoted, rangeText(o));
  if (o.integer && !Number.isInteger(v)) invalidOption(o.key, quoted, rangeText(o));
  if ((o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max))
    invalidOption(o.key, quoted, rangeText(o));
}

/**
 * Types and checks the options a user gave against a method's declaration: unknown keys, types,
 * choices, integers and ranges, with the messages every front end shows. Returns the typed values
 * (only those given; defaults are the method's business).
 *
 * @example
 * ```ts
 * import { getMethod, validateOptions } from 'colorize-toolkit';
 * console.log(validateOptions(getMethod('histogram'), { bins: '64' })); // { bins: 64 }
 * try { validateOptions(getMethod('histogram'), { bins: 1 }); } catch (e) {
 *   console.log((e as Error).message); // option "bins" = 1 is invalid: expected an integer in [2, 65536]
 * }
 * ```
 */
export function validateOptions(
  method: { name: string; options: readonly MethodOption[] },
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, given] of Object.entries(raw)) {
    if (given === undefined) continue;
    const o = method.options.find((s) => s.key === key);
    if (!o) {
      const known = method.options.map((s) => s.key).join(', ') || 'none';
      throw new ColorizeError(
        `option "${key}" does not apply to method ${method.name} (its options: ${known})`,
        'usage',
      );
    }
    const v = typeOptionValue(o, given);
    switch (o.type) {
      case 'number':
        checkScalar(o, v, given);
        break;
      case 'number-list':
        if (!Array.isArray(v) || v.length === 0) invalidOption(key, given, `a list of numbers, e.g. 0,0.5,1`);
        (v as unknown[]).forEach((x, i) => {
          checkScalar({ ...o, key: `${key}[${i}]` }, x, x);
        });
        break;
      case 'boolean':
        if (typeof v !== 'boolean') invalidOption(key, given, 'true or false');
        break;
      default:
        if (typeof v !== 'string') invalidOption(key, given, 'a string');
        if (o.choices && !o.choices.includes(v as string))
          invalidOption(key, given, `one of ${o.choices.join(', ')}`);
    }
    out[key] = v;
  }
  return out;
}
