/**
 * Files given on the command line (issue 21): an output that is one of the inputs, a garbage
 * model, a --debug-dir that is a file, a gallery --index that is a folder, a symbolic link loop.
 * Each is one line naming the file and the problem, a non-zero exit and no output.
 */
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-files-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const gray = path.join(tmp, 'gray.png');
const ref = path.join(tmp, 'ref.png');
copyFileSync(dataPath('exemplar/002_target.png'), gray);
copyFileSync(dataPath('exemplar/002_reference.png'), ref);
const refBytes = statSync(ref).size;

describe('files', () => {
  test('-o that is an input (by name or through a hard link) is refused and the input kept', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['exemplar', gray, ref, '-o', ref], /ref\.png: the output would overwrite the reference/],
      [['transfer', gray, ref, '-o', ref, '--method', 'welsh'], /ref\.png: the output would overwrite/],
      [['scribble', gray, ref, '-o', ref], /the output would overwrite the marked image/],
    ];
    const link = path.join(tmp, 'link-to-ref.png');
    linkSync(ref, link);
    cases.push([
      ['exemplar', gray, ref, '-o', link],
      /link-to-ref\.png: the output would overwrite the reference/,
    ]);
    for (const [args, message] of cases) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split('\n').length, 2, 'one line');
    }
    assert.equal(statSync(ref).size, refBytes, 'the reference is untouched');
  });

  test('a garbage ONNX model, a --debug-dir that is a file, an --index that is a folder', async () => {
    const bad = path.join(tmp, 'bad.onnx');
    writeFileSync(bad, Buffer.alloc(3000, 0x5a));
    const aFile = path.join(tmp, 'a-file');
    writeFileSync(aFile, '');
    const aFolder = path.join(tmp, 'a-folder');
    mkdirSync(aFolder);
    const out = path.join(tmp, 'out.png');
    const cases: Array<[string[], number, string]> = [
      [
        ['exemplar', gray, ref, '-o', out, '--method', 'attention', '--model', bad],
        1,
        `colorize: ${bad}: not a usable ONNX model (`,
      ],
      [
        ['exemplar', gray, ref, '-o', out, '--debug-dir', aFile],
        2,
        `colorize: ${aFile}: --debug-dir must be a folder, and this is a file\n`,
      ],
      [
        ['exemplar', gray, '-o', out, '--gallery', tmp, '--index', aFolder],
        2,
        `colorize: ${aFolder}: --index names the gallery index file, and this is a folder; give a file name\n`,
      ],
    ];
    for (const [args, code, start] of cases) {
      const r = await runCli(args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.ok(r.stderr.startsWith(start), r.stderr);
      assert.ok(!r.stderr.includes('internal error'), r.stderr);
    }
    assert.ok(!existsSync(out));
  });

  test('a damaged JPEG is refused, and decoded with --accept-damaged', async () => {
    const jpg = Buffer.from(readFileSync(dataPath('val/bsds500_100007.jpg')));
    jpg.write('\xff\xd9', Math.floor(jpg.length * 0.6), 'latin1'); // an EOI marker inside the entropy data
    const damaged = path.join(tmp, 'damaged.jpg');
    writeFileSync(damaged, jpg);
    const out = path.join(tmp, 'damaged-out.png');
    const args = ['transfer', damaged, ref, '-o', out, '--method', 'reinhard'];
    const r = await runCli(args);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^colorize: .*damaged\.jpg: damaged JPEG data \(.*Corrupt JPEG data.*\).*--accept-damaged/,
    );
    assert.ok(!existsSync(out));
    const ok = await runCli(['--accept-damaged', ...args]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(existsSync(out));
  });

  test('a symbolic link loop is named as one', async () => {
    const a = path.join(tmp, 'loop-a.png');
    const b = path.join(tmp, 'loop-b.png');
    symlinkSync(b, a);
    symlinkSync(a, b);
    const r = await runCli(['auto', a, '-o', path.join(tmp, 'o.png')]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      `colorize: ${a}: a symbolic link loop (a link that leads back to itself) [ELOOP]\n`,
    );
  });
});
