/**
 * Typed method options for the front ends: what GET /v1/methods lists, what the route schemas
 * validate and what the studio's option forms show. Transfer-registry flags carry only commander
 * text, so their type, allowed values and default are read from it ("--bins <n>" with a number
 * parser is a number; "(default 256)" is the default; "lab|lalphabeta" lists the choices; a
 * description shared by several methods is split at "name:" prefixes).
 */
import { ColorizeError } from '../errors.js';
import { parseListFlag, parseNumberFlag } from '../methods/transfer/builtin.js';
import type { TransferFlag } from '../methods/transfer/registry.js';

export type OptionType = 'number' | 'integer' | 'boolean' | 'string' | 'number-list';

export interface OptionSpec {
  key: string;
  type: OptionType;
  description: string;
  /** The default as a value, when it is one. */
  default?: number | boolean | string | number[];
  /** The default as the method documents it, when it is a rule rather than a value ("|λ|−1, or 10"). */
  defaultText?: string;
  /** Allowed values of a string option. */
  enum?: string[];
  minimum?: number;
  maximum?: number;
}

/** The part of a (possibly shared) flag description that concerns `method`. */
function ownText(method: string, description: string): string {
  const parts = description.split(/;\s*/);
  if (parts.length > 1 || /^[a-z0-9-]+:\s/.test(description)) {
    const own = parts.find((p) => p.startsWith(`${method}:`));
    if (own) return own.slice(method.length + 1).trim();
  }
  return description.replace(/^[a-z0-9-]+:\s*/, '');
}

function parseDefault(type: OptionType, text: string): Pick<OptionSpec, 'default' | 'defaultText'> {
  const t = text.trim();
  if (type === 'number' || type === 'integer') {
    // "256, report §2.1.2" or "1 = off": the leading number is the default.
    const lead = /^(-?[0-9.]+(?:e-?[0-9]+)?)(?=$|[\s,;=])/i.exec(t);
    return lead && Number.isFinite(Number(lead[1])) ? { default: Number(lead[1]) } : { defaultText: t };
  }
  if (type === 'number-list') {
    const xs = t.split(/[\s,]+/).map(Number);
    return xs.every(Number.isFinite) && !t.includes('…') ? { default: xs } : { defaultText: t };
  }
  if (type === 'boolean') return t === 'true' || t === 'on' ? { default: true } : { default: false };
  return { default: t.split(/\s/)[0] };
}

/**
 * Option specs of a transfer-registry method's flags.
 *
 * @example
 * ```ts
 * import { getTransferMethod, optionsFromFlags } from 'colorize-toolkit';
 * const [space] = optionsFromFlags('reinhard', getTransferMethod('reinhard').flags);
 * console.log(space.key, space.enum, space.default); // space [ 'lab', 'lalphabeta' ] lab
 * ```
 */
export function optionsFromFlags(method: string, flags: readonly TransferFlag[]): OptionSpec[] {
  return flags.map((f) => {
    const takesValue = /<[^>]+>/.test(f.flags);
    const negated = /^--no-/.test(f.flags);
    const text = ownText(method, f.description);
    // By identity first: a minified studio bundle renames functions.
    const parserName = f.parse?.name ?? '';
    const isList = f.parse === parseListFlag || /List/i.test(parserName);
    const isNumber = f.parse === parseNumberFlag || /Number/i.test(parserName);
    let type: OptionType = 'boolean';
    if (takesValue) type = isList ? 'number-list' : isNumber ? 'number' : 'string';
    const spec: OptionSpec = { key: f.key, type, description: text };
    const choices = /^([a-z0-9-]+(?:\|[a-z0-9-]+)+)/i.exec(text);
    if (type === 'string' && choices) spec.enum = choices[1].split('|');
    const d = /\(default ([^)]*)\)/.exec(text);
    if (type === 'boolean') spec.default = negated;
    else if (d) Object.assign(spec, parseDefault(type, d[1]));
    else if (spec.enum) spec.default = spec.enum[0];
    return spec;
  });
}

/** JSON schema of one option's multipart field (strings from a form are coerced by the validator). */
export function optionSchema(o: OptionSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: o.description };
  if (o.default !== undefined) base.default = o.default;
  switch (o.type) {
    case 'number':
    case 'integer':
      return {
        ...base,
        type: o.type,
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
