/**
 * docs/adding-a-method.md, run as written: its method file is written where the page says (in a
 * temporary copy of the path, imports resolved against the repository), its registration line is
 * run, and the method then appears in the CLI (help, a run, an option changing the result), in
 * the HTTP service (GET /v1/methods, POST /v1/colorize/{name}) and in the catalogue the studio
 * reads.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main.js';
import { encodeImage, readImage } from '../../src/image/io.js';
import '../../src/methods/builtin.js';
import { registerMethod } from '../../src/methods/catalogue/catalogue.js';
import type { MethodDeclaration } from '../../src/methods/catalogue/types.js';
import { buildServer } from '../../src/server/app.js';
import { formBody, formPart, MULTIPART_TYPE } from '../helpers/multipart.js';
import { REPO_ROOT } from '../helpers/shared.js';

const doc = readFileSync(path.join(REPO_ROOT, 'docs/adding-a-method.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({ file: m[1], code: m[2] }));
// Inside the repository (git-ignored), so the modules' relative imports resolve as the page's do.
const work = mkdtempSync(path.join(REPO_ROOT, 'test', 'docs', '.tmp-add-method-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The method file, with its relative imports pointed at the repository's sources. */
function methodModule(): string {
  const { file, code } = blocks[0];
  const dir = path.dirname(path.join(REPO_ROOT, file));
  const fixed = code.replace(/from '(\.[^']+)'/g, (_m, spec: string) => {
    const rel = path.relative(work, path.resolve(dir, spec)).split(path.sep).join('/');
    return `from '${rel.startsWith('.') ? rel : `./${rel}`}'`;
  });
  const out = path.join(work, 'method.ts');
  writeFileSync(out, fixed);
  return pathToFileURL(out).href;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const write = { o: process.stdout.write, e: process.stderr.write };
  let out = '';
  const sink = ((s: string | Uint8Array) => {
    out += String(s);
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = sink;
  process.stderr.write = sink;
  try {
    return { code: await run(['node', 'colorize', ...args]), out };
  } finally {
    process.stdout.write = write.o;
    process.stderr.write = write.e;
  }
}

describe('docs/adding-a-method.md, as written', () => {
  it('has the method file and the one registration line', () => {
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0].file, 'src/methods/transfer/mean-ab/method.ts');
    assert.match(blocks[1].code.trim(), /^registerMethod\(\w+\);$/);
  });

  it('the method appears in the CLI, the service and the catalogue, and its option changes the result', async () => {
    const url = methodModule();
    const mod = (await import(url)) as Record<string, MethodDeclaration>;
    const name = /registerMethod\((\w+)\)/.exec(blocks[1].code)![1];
    registerMethod(mod[name]);
    // What browser-builtin.ts does with the line, as a module the service's workers import.
    const catalogue = path.relative(work, path.join(REPO_ROOT, 'src/methods/catalogue/catalogue.js'));
    const registration = path.join(work, 'register.ts');
    writeFileSync(
      registration,
      `import { registerMethod } from '${catalogue}';\nimport { ${name} } from './method.js';\n${blocks[1].code}`,
    );

    const help = await cli(['transfer', '--help']);
    assert.match(help.out, /mean-ab/);
    assert.match(help.out, /--strength <s>\s+mean-ab: fraction of the shift applied \(default 1\)/);
    const listed = await cli(['methods']);
    assert.match(listed.out, /mean-ab\s+moves the mean CIELAB/);

    const gray = path.join(REPO_ROOT, 'examples/scene_gray.png');
    const ref = path.join(REPO_ROOT, 'examples/sunset.png');
    const full = path.join(work, 'full.png');
    const half = path.join(work, 'half.png');
    assert.equal((await cli(['transfer', gray, ref, '-o', full, '--method', 'mean-ab'])).code, 0);
    assert.equal(
      (await cli(['transfer', gray, ref, '-o', half, '--method', 'mean-ab', '--strength', '0.5'])).code,
      0,
    );
    const [a, b] = [(await readImage(full)).image, (await readImage(half)).image];
    let diff = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < a.channels[c].length; i++) diff += Math.abs(a.channels[c][i] - b.channels[c][i]);
    assert.ok(diff / a.channels[0].length > 0.01, `strength changes the result (${diff})`);
    const bad = await cli([
      'transfer',
      gray,
      ref,
      '-o',
      path.join(work, 'bad.png'),
      '--method',
      'mean-ab',
      '--strength',
      '2',
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.out, /option --strength = 2 is invalid: expected a number in \[0, 1\]/);

    // The service: its workers import the module too (the server's `modules`), as a built-in would be.
    const app = await buildServer({ concurrency: 1, modules: [pathToFileURL(registration).href] });
    try {
      const methods = (await app.inject({ method: 'GET', url: '/v1/methods' })).json().methods as Array<{
        name: string;
        options: Array<{ key: string; default: number; minimum: number; maximum: number }>;
      }>;
      const m = methods.find((x) => x.name === 'mean-ab');
      assert.ok(m);
      assert.deepEqual(
        m.options.map((o) => [o.key, o.default, o.minimum, o.maximum]),
        [
          ['strength', 1, 0, 1],
          ['feather', 4, 0, 1000],
        ],
      );
      const payload = formBody([
        formPart('target', await encodeImage((await readImage(gray)).image, 'png'), 't.png'),
        formPart('reference', await encodeImage((await readImage(ref)).image, 'png'), 'r.png'),
        formPart('strength', '0.5'),
      ]);
      const res = await app.inject({
        method: 'POST',
        url: '/v1/colorize/mean-ab',
        headers: { 'content-type': MULTIPART_TYPE, accept: 'image/png' },
        payload,
      });
      assert.equal(res.statusCode, 200, res.body);
      const served = (await readImage(res.rawPayload)).image;
      let d = 0;
      for (let c = 0; c < 3; c++)
        for (let i = 0; i < b.channels[c].length; i++)
          d = Math.max(d, Math.abs(b.channels[c][i] - served.channels[c][i]));
      assert.ok(d < 1e-6, `the service and the CLI agree (max diff ${d})`);
    } finally {
      await app.close();
    }
  });
});
