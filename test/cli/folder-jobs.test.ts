/**
 * Folder jobs (issue 21): a bad file does not stop the others, every failure is reported at the
 * end with exit 1; a re-run skips finished outputs (unless --overwrite) and removes the temporary
 * files a killed run left; every command goes through the same loop (issue 22): output folder
 * created, names kept (--suffix), --recursive, a closing summary.
 */
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { dataPath, REPO_ROOT } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-folder-jobs-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A pid no process has: above this machine's pid_max (32768 by default; at most 4194304). */
const DEAD_PID = 4_194_305;

describe('folder jobs', () => {
  test('transfer: goes on after a bad file, reports it, re-runs resume, --overwrite redoes', async () => {
    const inDir = path.join(tmp, 'targets');
    const out = path.join(tmp, 'out');
    mkdirSync(inDir);
    copyFileSync(dataPath('exemplar/002_truth.png'), path.join(inDir, 'a.png'));
    writeFileSync(path.join(inDir, 'b.png'), 'not a png at all');
    copyFileSync(dataPath('exemplar/004_truth.png'), path.join(inDir, 'c.png'));
    const ref = dataPath('exemplar/002_reference.png');
    const args = ['transfer', inDir, ref, '-o', out, '--method', 'reinhard'];

    const first = await runCli(args);
    assert.equal(first.code, 1);
    assert.match(first.stderr, /b\.png: not an image in a supported format/);
    assert.match(first.stderr, /1 of 3 targets failed; the others were written/);
    assert.ok(existsSync(path.join(out, 'a.png')) && existsSync(path.join(out, 'c.png')));
    assert.ok(!existsSync(path.join(out, 'b.png')));

    // A killed run's temporary (its process is gone) and one of a live process (ours).
    const stale = path.join(out, `.b.png.tmp-${DEAD_PID}-0badf00d`);
    const live = path.join(out, `.b.png.tmp-${process.pid}-0badf00d`);
    writeFileSync(stale, 'half');
    writeFileSync(live, 'half');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(out, 'a.png'), old, old);
    const second = await runCli(args);
    assert.equal(second.code, 1, 'b.png still fails');
    assert.match(second.stderr, /2 of 3 outputs already there, skipped \(--overwrite redoes them\)/);
    assert.match(second.stderr, /1 temporary file\(s\) of an interrupted run removed/);
    assert.ok(!existsSync(stale), 'stale temporary removed');
    assert.ok(existsSync(live), 'a live process’s temporary kept');
    assert.equal(statSync(path.join(out, 'a.png')).mtime.getTime(), old.getTime(), 'a.png not redone');

    const third = await runCli(['--overwrite', ...args]);
    assert.equal(third.code, 1);
    assert.ok(statSync(path.join(out, 'a.png')).mtime.getTime() > old.getTime(), 'a.png redone');
  });

  test('exemplar: a bad target does not stop the good ones', async () => {
    const inDir = path.join(tmp, 'grays');
    const out = path.join(tmp, 'exemplar-out');
    mkdirSync(inDir);
    mkdirSync(out);
    copyFileSync(dataPath('exemplar/002_target.png'), path.join(inDir, '002.png'));
    writeFileSync(path.join(inDir, '003.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    copyFileSync(dataPath('exemplar/004_target.png'), path.join(inDir, '004.png'));
    const r = await runCli([
      'exemplar',
      inDir,
      dataPath('exemplar/002_reference.png'),
      '-o',
      out,
      '--method',
      'welsh',
    ]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /003\.png: /);
    assert.match(r.stderr, /1 of 3 targets failed/);
    assert.match(r.stderr, /exemplar \(welsh\): 2 written, 0 skipped, 1 failed/);
    assert.ok(existsSync(path.join(out, '002.png')));
    assert.ok(existsSync(path.join(out, '004.png')));
  });

  test('one behaviour for every command: the output folder is created, names kept (--suffix adds), --recursive mirrors subfolders, a closing summary', async () => {
    const inDir = path.join(tmp, 'tree');
    mkdirSync(path.join(inDir, 'roll-1'), { recursive: true });
    mkdirSync(path.join(inDir, 'roll-2', 'box'), { recursive: true });
    copyFileSync(dataPath('exemplar/002_target.png'), path.join(inDir, 'top.png'));
    copyFileSync(dataPath('exemplar/004_target.png'), path.join(inDir, 'roll-1', 'a.png'));
    copyFileSync(dataPath('exemplar/006_target.png'), path.join(inDir, 'roll-2', 'box', 'b.png'));
    const ref = dataPath('exemplar/002_reference.png');
    // exemplar, with a folder that does not exist yet, flat then recursive.
    const flat = path.join(tmp, 'new-flat');
    let r = await runCli(['exemplar', inDir, ref, '-o', flat, '--method', 'welsh', '--samples', '20']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /exemplar \(welsh\): 1 written, 0 skipped, 0 failed/);
    assert.ok(existsSync(path.join(flat, 'top.png')));
    const deep = path.join(tmp, 'new-deep');
    r = await runCli([
      'transfer',
      inDir,
      ref,
      '-o',
      deep,
      '--method',
      'welsh',
      '--samples',
      '20',
      '--recursive',
      '--suffix',
      '_colorized',
    ]);
    assert.equal(r.code, 0, r.stderr);
    for (const f of ['top_colorized.png', 'roll-1/a_colorized.png', 'roll-2/box/b_colorized.png'])
      assert.ok(existsSync(path.join(deep, f)), f);
    assert.match(r.stderr, /transfer \(welsh\): 3 written, 0 skipped, 0 failed/);
    r = await runCli([
      'transfer',
      inDir,
      ref,
      '-o',
      deep,
      '--method',
      'welsh',
      '-r',
      '--suffix',
      '_colorized',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /0 written, 3 skipped, 0 failed/);
  });

  test('scribble folders: each gray photo with the marked image of the same name', async () => {
    const grays = path.join(tmp, 'sc-gray');
    const marks = path.join(tmp, 'sc-marked');
    mkdirSync(grays);
    mkdirSync(marks);
    const ex = (n: string) => path.join(REPO_ROOT, 'examples', n);
    copyFileSync(ex('scene_gray.png'), path.join(grays, 'scene.png'));
    copyFileSync(ex('scene_marked.png'), path.join(marks, 'scene_marked.png'));
    const out = path.join(tmp, 'sc-out');
    const r = await runCli(['scribble', grays, marks, '-o', out, '--system', 'symmetric']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(path.join(out, 'scene.png')));
    assert.match(r.stderr, /scribble \(levin\): 1 written/);
  });
});
