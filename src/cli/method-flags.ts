/**
 * Command-line plumbing shared by the commands whose methods come from a registry (`transfer`,
 * `auto`): every method's flags declared once on the command, help text per method, and the
 * typed option values of the chosen method (a flag of another method is a usage error).
 */
import type { Command } from 'commander';
import { ColorizeError } from '../errors.js';
import {
  flagHelp,
  flagName,
  parseFlagValue,
  type TransferContext,
  type TransferFlag,
} from '../methods/transfer/registry.js';

/** What these helpers need of a method: its name and flags. */
export interface FlaggedMethod {
  name: string;
  flags: TransferFlag[];
}

export interface FlagUsers {
  flag: TransferFlag;
  users: Array<{ method: string; flag: TransferFlag }>;
}

/** Every method's flags, one entry per flag text (methods may share a flag), with the methods that read it. */
export function allFlags(methods: readonly FlaggedMethod[]): FlagUsers[] {
  const seen = new Map<string, FlagUsers>();
  for (const m of methods)
    for (const f of m.flags) {
      const entry = seen.get(f.flags) ?? { flag: f, users: [] };
      if (entry.flag.key !== f.key || entry.flag.type !== f.type)
        throw new Error(
          `${m.name} declares ${f.flags} with another key or type than ${entry.users[0].method}`,
        );
      entry.users.push({ method: m.name, flag: f });
      seen.set(f.flags, entry);
    }
  return [...seen.values()];
}

/**
 * The --help text of a flag: its one method's text after "method: ", the common text of a flag
 * several methods read alike, or each method's text ("reinhard: lab|lalphabeta (default lab);
 * wavelet: …") when they differ.
 */
export function sharedFlagHelp(users: ReadonlyArray<{ method: string; flag: TransferFlag }>): string {
  const texts = users.map((u) => flagHelp(u.flag));
  if (users.length > 1 && texts.every((t) => t === texts[0])) return texts[0];
  return users.map((u, i) => `${u.method}: ${texts[i]}`).join('; ');
}

/** Declares every method's flags on `cmd`. */
export function declareMethodFlags(cmd: Command, methods: readonly FlaggedMethod[]): void {
  for (const { flag, users } of allFlags(methods)) cmd.option(flag.flags, sharedFlagHelp(users));
}

/** Where a method's notes go on the command line: `note: …` on stderr, each once per command. */
export function cliContext(seen = new Set<string>()): TransferContext {
  return {
    notice: (message) => {
      if (!seen.has(message)) process.stderr.write(`note: ${message}\n`);
      seen.add(message);
    },
  };
}

/** Option values the user typed for `method`; a flag that belongs only to other methods is a usage error. */
export function methodOptions(
  cmd: Command,
  method: FlaggedMethod,
  methods: readonly FlaggedMethod[],
): Record<string, unknown> {
  const raw = cmd.opts<Record<string, unknown>>();
  const out: Record<string, unknown> = {};
  for (const { flag: f } of allFlags(methods)) {
    if (cmd.getOptionValueSource(f.key) !== 'cli') continue;
    const own = method.flags.find((g) => g.key === f.key);
    if (!own) {
      const ownFlags = method.flags.map(flagName).join(', ') || 'none';
      throw new ColorizeError(
        `${flagName(f)} does not apply to --method ${method.name} (its flags: ${ownFlags})`,
        'usage',
      );
    }
    const v = raw[f.key];
    out[f.key] = typeof v === 'string' ? parseFlagValue(own, v) : v;
  }
  return out;
}
