/**
 * The registry behind `colorize transfer --method NAME` and the HTTP service's transfer methods:
 * a method is a name, a function from (target, reference, options) to a full-resolution RGB
 * image, whether it can colour a gray target, and the options it reads, each with its command-
 * line flag and typed metadata (type, default, allowed values, range). Register a new method with
 * {@link registerTransferMethod} (see builtin.ts for the built-in ones); the CLI builds its flags
 * and help from it, and the service its option schemas and GET /v1/methods entries, without
 * further edits.
 */
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';

/** Value type of an option; a 'number-list' is typed as "0,0.2,0.4" on the command line. */
export type FlagType = 'number' | 'string' | 'boolean' | 'number-list';

/** A typed option value. */
export type FlagValue = number | string | boolean | number[];

/**
 * One option of a method: its command-line flag and its typed metadata. A flag several methods
 * read (e.g. `--space`) appears in each method's list with that method's own default and choices;
 * the flag text, key and type must then be the same in all of them.
 */
export interface TransferFlag {
  /** commander flag text, e.g. '--levels <k>', '--exact' or '--no-rgb-first'. */
  flags: string;
  /** Key of the parsed value in commander's options, of the option passed to `run`, and of the HTTP field. */
  key: string;
  type: FlagType;
  /** Only whole numbers (a 'number' or each value of a 'number-list'). */
  integer?: boolean;
  /**
   * What the option does, without its choices or default (front ends add those), e.g.
   * 'LUT levels per channel'. May be empty when the choices say it all.
   */
  description: string;
  /** Where the option comes from in the report or paper, e.g. 'report §2.1.2'. */
  source?: string;
  /** The value used when the option is not given (a boolean flag: the value without the flag). */
  default?: FlagValue;
  /**
   * The default as help shows it, when the value alone does not say it all ('1 = off'), or the
   * rule when there is no single default value ('|λ|−1, or 10').
   */
  defaultText?: string;
  /** Allowed values of a 'string' option. */
  choices?: readonly string[];
  /** Smallest allowed value (of each value, for a 'number-list'). */
  min?: number;
  /** Largest allowed value (of each value, for a 'number-list'). */
  max?: number;
  /** Turns the raw command-line string into the value; by default from `type` (see {@link parseFlagValue}). */
  parse?: (raw: string) => unknown;
}

/**
 * What a front end may tell a user who gave a gray target to a colour-only method; each front
 * end words it for itself (a flag on the command line, a field or route over HTTP).
 */
export interface GrayAlternative {
  /** A transfer method that colours gray targets, e.g. 'welsh'. */
  method?: string;
  /** Exemplar colorization (a gray target coloured from a colour reference) is the way. */
  exemplar?: boolean;
  /** An option of this method that makes it take a gray target, the value to give, and what that gives. */
  option?: { key: string; value: string; gives: string };
}

/** What a front end hands to `run`: where notes for the user go. */
export interface TransferContext {
  /** A note for the user (e.g. a fallback that was taken); the CLI prints it, the service returns it. */
  notice?(message: string): void;
  /**
   * Where a method with `debugPictures` sends its intermediate pictures (by name, e.g. 'matches');
   * set by the CLI's --debug-dir. When absent the method makes none.
   */
  debugImage?(name: string, image: ImageF32): Promise<void>;
}

export interface TransferMethod {
  /** Name used by --method and in the service's routes. */
  name: string;
  /** One-line description for --help. */
  summary: string;
  /** 'any': colour or gray targets; 'colour': front ends refuse a gray target (see `grayAlternative`). */
  targets: 'any' | 'colour';
  /** What to suggest for a gray target given to a colour-only method. */
  grayAlternative?: GrayAlternative;
  /** Options this method reads; a flag of another method given with this one is a usage error. */
  flags: TransferFlag[];
  /** The method can hand intermediate pictures to `context.debugImage` (the CLI's --debug-dir). */
  debugPictures?: boolean;
  /**
   * The transfer: target (1 or 3 channels), colour reference (3 channels) → sRGB image of the
   * target's size. `options` holds the values of the options the user gave (nothing is filled
   * in: the defaults in `flags` describe what the method does without them). Notes for the user
   * go to `context.notice`, never to the console.
   */
  run(
    target: ImageF32,
    reference: ImageF32,
    options: Record<string, unknown>,
    context?: TransferContext,
  ): ImageF32 | Promise<ImageF32>;
}

/** A number when the text is one, else the text itself, so validation can quote what was typed. */
export function parseNumberFlag(raw: string): number | string {
  const t = raw.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : raw;
}

/** "0,0.2,0.4" or "0 0.2 0.4" → [0, 0.2, 0.4] (non-numbers kept as text for the error message). */
export function parseListFlag(raw: string): Array<number | string> {
  return raw
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(parseNumberFlag);
}

/** The value of a flag typed on the command line (validation is the method's job). */
export function parseFlagValue(flag: TransferFlag, raw: string): unknown {
  if (flag.parse) return flag.parse(raw);
  if (flag.type === 'number') return parseNumberFlag(raw);
  if (flag.type === 'number-list') return parseListFlag(raw);
  return raw;
}

/** The flag's name without its argument, e.g. '--levels'. */
export function flagName(flag: TransferFlag): string {
  return flag.flags.split(' ')[0];
}

function formatValue(v: FlagValue): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/**
 * One method's help text of a flag: choices, description, then default and source in
 * parentheses, e.g. 'haar|db2|db4 (default haar)' or 'LUT levels per channel (default 256,
 * report §2.1.2)'. A boolean flag's default (off, or on for a --no- flag) goes unsaid.
 */
export function flagHelp(flag: TransferFlag): string {
  const head = [flag.choices?.join('|'), flag.description].filter((s) => s).join(', ');
  const dflt =
    flag.defaultText ??
    (flag.type !== 'boolean' && flag.default !== undefined ? formatValue(flag.default) : undefined);
  const paren = [dflt === undefined ? undefined : `default ${dflt}`, flag.source].filter((s) => s);
  return paren.length ? `${head} (${paren.join(', ')})` : head;
}

/** The CLI's words for a gray-target suggestion (the HTTP service words its own, see server/catalogue.ts). */
export function cliGrayHint(method: TransferMethod): string | undefined {
  const a = method.grayAlternative;
  if (!a) return undefined;
  const parts: string[] = [];
  if (a.method) parts.push(`use --method ${a.method} for a gray target`);
  if (a.exemplar)
    parts.push(
      'to colour a gray target from a colour reference use `colorize exemplar GRAY REFERENCE -o OUT`',
    );
  let text = parts.join('; ');
  if (a.option) {
    const f = method.flags.find((g) => g.key === a.option!.key);
    const flag = f ? flagName(f) : `--${a.option.key}`;
    text += `${text ? ' (or' : 'use'} ${flag} ${a.option.value} for ${a.option.gives}${text ? ')' : ''}`;
  }
  return text || undefined;
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
