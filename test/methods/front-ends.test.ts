/**
 * Issue 17's done-when: the command line, the HTTP service and `colorize methods --json` offer the
 * same methods with the same options and defaults, all generated from the catalogue; and no front
 * end names a method or a method flag by hand.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FAMILY_COMMANDS } from '../../src/cli/commands/families.js';
import { buildProgram, run } from '../../src/cli/main.js';
import '../../src/methods/builtin.js';
import { describeMethod, listMethods } from '../../src/methods/catalogue/catalogue.js';
import { flagName } from '../../src/methods/catalogue/options.js';
import { METHOD_FAMILIES, type MethodDescription } from '../../src/methods/catalogue/types.js';
import { buildServer } from '../../src/server/app.js';
import { REPO_ROOT } from '../helpers/shared.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx|js|html)$/.test(n) ? [p] : [];
  });
}

async function captureStdout(fn: () => Promise<number>): Promise<string> {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((s: string | Uint8Array) => {
    out += String(s);
    return true;
  }) as typeof process.stdout.write;
  try {
    assert.equal(await fn(), 0);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('front ends generated from the catalogue', () => {
  it('every family command offers exactly its catalogue methods, each option as a flag with its default in the help', () => {
    const program = buildProgram();
    for (const spec of FAMILY_COMMANDS) {
      const cmd = program.commands.find((c) => c.name() === spec.command);
      assert.ok(cmd, spec.command);
      const methods = listMethods(spec.family);
      // Every family has methods; the fuse family has one (issue 18).
      assert.ok(methods.length >= (spec.family === 'fuse' ? 1 : 2), spec.family);
      const methodFlag = cmd.options.find((o) => o.long === '--method')!;
      assert.deepEqual(
        methodFlag.description.split(', '),
        methods.map((m) => m.name),
        spec.command,
      );
      for (const m of methods)
        for (const o of m.options) {
          const flag = cmd.options.find((x) => x.long === flagName(o) || x.flags === o.flags);
          assert.ok(flag, `${spec.command} ${m.name}: ${o.flags}`);
          if (o.default !== undefined && o.type !== 'boolean') {
            const shown = Array.isArray(o.default) ? o.default.join(',') : String(o.default);
            assert.ok(flag.description.includes(`default ${shown}`), `${o.flags}: ${flag.description}`);
          }
        }
    }
  });

  it('method descriptions are plain data: the studio worker posts them (structured clone), JSON keeps all of them', () => {
    for (const m of listMethods()) {
      const d = describeMethod(m);
      assert.deepEqual(structuredClone(d), d, m.name);
      assert.deepEqual(JSON.parse(JSON.stringify(d)), d, m.name);
    }
  });

  it('GET /v1/methods, `colorize methods --json` and the catalogue agree on methods, inputs, options and defaults', async () => {
    const expected = listMethods().map(describeMethod);
    const app = await buildServer({ concurrency: 1 });
    let served: MethodDescription[];
    try {
      served = (await app.inject({ method: 'GET', url: '/v1/methods' })).json().methods;
    } finally {
      await app.close();
    }
    const printed = JSON.parse(
      await captureStdout(() => run(['node', 'colorize', 'methods', '--json'])),
    ).methods;
    assert.deepEqual(served, JSON.parse(JSON.stringify(expected)));
    assert.deepEqual(printed, served);
    // Command-line-only options (local files) stay off the service.
    const attention = served.find((m) => m.name === 'attention')!;
    assert.deepEqual(
      attention.options.map((o) => o.key),
      ['workingSize', 'feather'],
    );
    for (const m of served)
      for (const o of m.options) assert.ok(o.default !== undefined || o.defaultText, `${m.name}.${o.key}`);
  });

  it('no method name or method flag is written by hand in src/cli, src/server or web/src (comments aside)', () => {
    // A method named like its family (fuse) may be written where the family is meant.
    const names = listMethods()
      .map((m) => m.name)
      .filter((n) => !(METHOD_FAMILIES as readonly string[]).includes(n));
    // The family commands' own flags (output, gallery, debug pictures) are not method flags.
    const own = new Set([
      '--output',
      '--method',
      '--quiet',
      '--gallery',
      '--top-k',
      '--index',
      '--debug-dir',
    ]);
    const flags = new Set(
      listMethods()
        .flatMap((m) => m.options.map(flagName))
        .filter((f) => !own.has(f)),
    );
    const files = ['src/cli', 'src/server', 'web/src'].flatMap((d) => walk(path.join(REPO_ROOT, d)));
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*')) return;
          for (const n of names)
            if (new RegExp(`['"\`]${n}['"\`]`).test(code)) found.push(`${file}:${i + 1}: ${n}`);
          for (const f of flags)
            if (new RegExp(`['"\`]${f}( <[^>]*>)?['"\`]`).test(code)) found.push(`${file}:${i + 1}: ${f}`);
        });
    }
    assert.deepEqual(found, []);
  });
});
