/**
 * Runs the runnable @example blocks of the library's TSDoc: every ```ts block under src/ that
 * imports from 'colorize-toolkit' (or 'colorize-toolkit/internals') and prints with console.log(...) followed by an expected-output
 * comment (`// 85.53`) is executed against the source, in a temporary folder, and each printed
 * line must equal its comment. Examples that read files other than the project's examples/ are
 * skipped, since they stand for the user's own photos.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/shared.js';

interface Example {
  file: string;
  line: number;
  code: string;
  expected: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of walk(path.join(REPO_ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const re = /\* ```ts\n([\s\S]*?)\* ```/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const code = m[1]
        .split('\n')
        .map((l) => l.replace(/^\s*\* ?/, ''))
        .join('\n');
      if (!/from 'colorize-toolkit(\/internals)?'/.test(code)) continue;
      if (/readImage\('(?!examples\/)|readFileSync|--gallery|onnx|serve|fetch\(/.test(code)) continue;
      const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ (.+)$/gm)].map((x) => x[1].trim());
      if (expected.length === 0) continue;
      out.push({
        file: path.relative(REPO_ROOT, file),
        line: text.slice(0, m.index).split('\n').length,
        code,
        expected,
      });
    }
  }
  return out;
}

/** Spacing and quote style differ between what Node prints and what a comment writes. */
function normalise(s: string): string {
  return s.replace(/\s+/g, '').replaceAll('"', "'");
}

const index = pathToFileURL(path.join(REPO_ROOT, 'src/index.ts')).href;
const internals = pathToFileURL(path.join(REPO_ROOT, 'src/internals.ts')).href;
const work = mkdtempSync(path.join(tmpdir(), 'colorize-doc-examples-'));

/**
 * Runs every example module in one child process (one tsx start-up instead of one per example),
 * capturing each module's console.log lines; returns printed lines or an error per example.
 */
function runAll(list: Example[]): Array<{ printed: string[]; error?: string }> {
  const files = list.map((ex, i) => {
    const file = path.join(work, `ex${i}.mts`);
    const code = ex.code
      .replaceAll("from 'colorize-toolkit'", `from '${index}'`)
      .replaceAll("from 'colorize-toolkit/internals'", `from '${internals}'`)
      .replaceAll("'examples/", `'${REPO_ROOT}/examples/`);
    writeFileSync(file, code);
    return pathToFileURL(file).href;
  });
  const runner = path.join(work, 'runner.mts');
  writeFileSync(
    runner,
    `import { inspect } from 'node:util';
const files = ${JSON.stringify(files)};
const results = [];
let lines = [];
// One line per console.log call, however long the printed value.
console.log = (...a) => lines.push(a.map((v) => (typeof v === 'string' ? v : inspect(v, { breakLength: Infinity, compact: true }))).join(' '));
for (const f of files) {
  lines = [];
  try {
    await import(f);
    results.push({ printed: lines });
  } catch (e) {
    results.push({ printed: lines, error: String(e && e.stack ? e.stack : e) });
  }
}
process.stdout.write(JSON.stringify(results));
`,
  );
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), runner], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`example runner failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('TSDoc @example blocks print what their comments say', () => {
  const list = examples();
  const results = runAll(list);
  it('finds the examples', () => assert.ok(list.length >= 30, `only ${list.length} examples found`));
  list.forEach((ex, k) => {
    it(`${ex.file}:${ex.line}`, () => {
      const { printed, error } = results[k];
      assert.equal(error, undefined, error);
      assert.equal(printed.length, ex.expected.length, `printed ${JSON.stringify(printed)}`);
      printed.forEach((line, i) => {
        const got = normalise(line);
        const want = normalise(ex.expected[i]);
        // A comment may go on after the value: "// true: the edge is kept", "// 0.1250 (why)".
        const ok = want === got || want.startsWith(`${got}:`) || want.startsWith(`${got}(`);
        assert.ok(ok, `line ${i + 1}: printed ${line} but the comment says ${ex.expected[i]}`);
      });
    });
  });
});
