/**
 * Command-line flags of a family's methods, from the catalogue: every method's options declared
 * once on the family's command, help text per method, and the typed, validated option values of
 * the chosen method (a flag of another method is a usage error).
 */
import type { Command } from 'commander';
import { ColorizeError } from '../errors.js';
import { flagName, optionHelp, typeOptionValue, validateOptions } from '../methods/catalogue/options.js';
import type { InputName, MethodDeclaration, MethodOption } from '../methods/catalogue/types.js';

export interface FlagUsers {
  flag: MethodOption;
  users: Array<{ method: string; flag: MethodOption }>;
}

/** Every method's flags, one entry per flag text (methods may share a flag), with the methods that read it. */
export function allFlags(methods: readonly Pick<MethodDeclaration, 'name' | 'options'>[]): FlagUsers[] {
  const seen = new Map<string, FlagUsers>();
  for (const m of methods)
    for (const f of m.options) {
      const entry = seen.get(flagName(f)) ?? { flag: f, users: [] };
      if (entry.flag.key !== f.key || entry.flag.type !== f.type || entry.flag.flags !== f.flags)
        throw new Error(
          `${m.name} declares ${f.flags} unlike ${entry.users[0].method} (${entry.flag.flags})`,
        );
      entry.users.push({ method: m.name, flag: f });
      seen.set(flagName(f), entry);
    }
  return [...seen.values()];
}

/**
 * The --help text of a flag: the common text of a flag several methods read alike, or each
 * method's text ("reinhard: lab|lalphabeta (default lab); wavelet: …") when they differ.
 */
export function sharedFlagHelp(users: ReadonlyArray<{ method: string; flag: MethodOption }>): string {
  const texts = users.map((u) => optionHelp(u.flag));
  if (users.length > 1 && texts.every((t) => t === texts[0])) return texts[0];
  return users.map((u, i) => `${u.method}: ${texts[i]}`).join('; ');
}

/** Declares every method's flags on `cmd`. */
export function declareMethodFlags(cmd: Command, methods: readonly MethodDeclaration[]): void {
  for (const { flag, users } of allFlags(methods)) cmd.option(flag.flags, sharedFlagHelp(users));
}

/** commander's attribute name of a flag ('--poisson-output' → poissonOutput, '--no-rgb-first' → rgbFirst). */
function attributeOf(cmd: Command, flag: MethodOption): string {
  const o = cmd.options.find((x) => x.flags === flag.flags);
  return o ? o.attributeName() : flag.key;
}

/**
 * Option values the user typed for `method`, typed and validated against its declaration; a flag
 * that belongs only to other methods is a usage error. Messages name the flag.
 */
export function methodOptions(
  cmd: Command,
  method: MethodDeclaration,
  methods: readonly MethodDeclaration[],
): Record<string, unknown> {
  const raw = cmd.opts<Record<string, unknown>>();
  const given: Record<string, unknown> = {};
  for (const { flag: f, users } of allFlags(methods)) {
    const attr = attributeOf(cmd, f);
    if (cmd.getOptionValueSource(attr) !== 'cli') continue;
    const own = method.options.find((g) => g.key === f.key && g.flags === f.flags);
    if (!own) {
      const owners = users.map((u) => u.method).join('/');
      throw new ColorizeError(
        `option ${flagName(f)} belongs to --method ${owners}, not ${method.name}`,
        'usage',
      );
    }
    given[own.key] = typeOptionValue(own, raw[attr]);
  }
  try {
    return validateOptions(method, given);
  } catch (err) {
    throw withFlagName(err, method);
  }
}

/**
 * The command line's words for an error about one of `method`'s options: the catalogue and the
 * methods say `option "key"`, the command line names the flag (`option --flag`). Other errors
 * are returned as they are.
 */
export function withFlagName(err: unknown, method: Pick<MethodDeclaration, 'options'>): unknown {
  if (!(err instanceof ColorizeError)) return err;
  const m = /^option "([^"]+)"/.exec(err.message);
  const o = m && method.options.find((x) => x.key === m[1]);
  return o ? new ColorizeError(err.message.replace(m[0], `option ${flagName(o)}`), err.kind) : err;
}

/**
 * An error a method raised naming one of its inputs ("mask: …", "strokes is not valid JSON"),
 * reworded with the file that input came from; other errors are returned as they are.
 */
export function withInputFile(err: unknown, files: Partial<Record<InputName, string>>): unknown {
  if (!(err instanceof ColorizeError)) return err;
  const m = /^([a-z]+)(:? )/.exec(err.message);
  const file = m ? files[m[1] as InputName] : undefined;
  if (!m || file === undefined) return err;
  return new ColorizeError(`${file}${m[2]}${err.message.slice(m[0].length)}`, err.kind, file);
}
