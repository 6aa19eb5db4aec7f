/**
 * Typed method options for the front ends: what GET /v1/methods lists, what the route schemas
 * validate and what the studio's option forms show. A transfer-registry method's options come
 * from its flags' typed metadata (type, default, choices, range; src/methods/transfer/registry.ts),
 * so the registry stays their one source; other methods declare theirs (builtin-methods.ts).
 */
import { ColorizeError } from '../errors.js';
import { type FlagType, type FlagValue, flagHelp, type TransferFlag } from '../methods/transfer/registry.js';

/** A flag's type, or 'integer' for options that are whole numbers (a flag says `integer: true`). */
export type OptionType = FlagType | 'integer';

export interface OptionSpec {
  key: string;
  type: OptionType;
  description: string;
  /** The default as a value, when it is one. */
  default?: FlagValue;
  /** The default as the method documents it, when it is a rule rather than a value ("|λ|−1, or 10"). */
  defaultText?: string;
  /** Allowed values of a string option. */
  enum?: string[];
  /** Only whole numbers (of a 'number', or of each value of a 'number-list'). */
  integer?: boolean;
  /** Smallest allowed value (of each value, for a 'number-list'). */
  minimum?: number;
  /** Largest allowed value (of each value, for a 'number-list'). */
  maximum?: number;
}

/**
 * The option spec of a transfer-registry flag. Its description is the flag's help text without
 * the method prefix (choices, what it does, default, source).
 *
 * @example
 * ```ts
 * import { getTransferMethod, optionFromFlag } from 'colorize-toolkit';
 * const space = optionFromFlag(getTransferMethod('reinhard').flags[0]);
 * console.log(space.key, space.enum, space.default); // space [ 'lab', 'lalphabeta' ] lab
 * ```
 */
export function optionFromFlag(f: TransferFlag): OptionSpec {
  const spec: OptionSpec = { key: f.key, type: f.type, description: flagHelp(f) };
  if (f.default !== undefined) spec.default = Array.isArray(f.default) ? [...f.default] : f.default;
  else if (f.defaultText !== undefined) spec.defaultText = f.defaultText;
  if (f.choices) spec.enum = [...f.choices];
  if (f.integer) spec.integer = true;
  if (f.min !== undefined) spec.minimum = f.min;
  if (f.max !== undefined) spec.maximum = f.max;
  return spec;
}

/**
 * Option specs of a transfer-registry method's flags.
 *
 * @example
 * ```ts
 * import { getTransferMethod, optionsFromFlags } from 'colorize-toolkit';
 * const [space] = optionsFromFlags(getTransferMethod('reinhard').flags);
 * console.log(space.key, space.enum, space.default); // space [ 'lab', 'lalphabeta' ] lab
 * ```
 */
export function optionsFromFlags(flags: readonly TransferFlag[]): OptionSpec[] {
  return flags.map(optionFromFlag);
}

/** JSON schema of one option's multipart field (strings from a form are coerced by the validator). */
export function optionSchema(o: OptionSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: o.description };
  // A number list travels as text ("0,0.2,0.4"), so its default does too.
  if (o.default !== undefined) base.default = Array.isArray(o.default) ? o.default.join(',') : o.default;
  switch (o.type) {
    case 'number':
    case 'integer':
      return {
        ...base,
        type: o.type,
        // Not type 'integer': "must be number" stays the message for a value that is no number.
        ...(o.type === 'number' && o.integer ? { multipleOf: 1 } : {}),
        ...(o.minimum !== undefined ? { minimum: o.minimum } : {}),
        ...(o.maximum !== undefined ? { maximum: o.maximum } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'number-list':
      return { ...base, type: 'string', pattern: '^\\s*-?[0-9.eE+-]+(\\s*[,\\s]\\s*-?[0-9.eE+-]+)*\\s*$' };
    default:
      return { ...base, type: 'string', ...(o.enum ? { enum: o.enum } : {}) };
  }
}

/**
 * Turns option values that came as text (form fields, query strings) into typed values, and
 * refuses keys the method does not have. Values already typed pass through.
 *
 * @example
 * ```ts
 * import { coerceOptions } from 'colorize-toolkit';
 * const specs = [{ key: 'bins', type: 'number' as const, description: '' }];
 * console.log(coerceOptions('histogram', specs, { bins: '64' })); // { bins: 64 }
 * ```
 */
export function coerceOptions(
  method: string,
  specs: readonly OptionSpec[],
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      const known = specs.map((s) => s.key).join(', ') || 'none';
      throw new ColorizeError(
        `option "${key}" does not apply to method ${method} (its options: ${known})`,
        'usage',
      );
    }
    out[key] = coerceValue(spec, value);
  }
  return out;
}

function coerceValue(spec: OptionSpec, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  switch (spec.type) {
    case 'number':
    case 'integer':
      return t !== '' && Number.isFinite(Number(t)) ? Number(t) : value;
    case 'boolean':
      return t === 'true' || t === '1' || t === 'on'
        ? true
        : t === 'false' || t === '0' || t === 'off'
          ? false
          : value;
    case 'number-list':
      return t
        .split(/[\s,;]+/)
        .filter((s) => s !== '')
        .map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
    default:
      return value;
  }
}
