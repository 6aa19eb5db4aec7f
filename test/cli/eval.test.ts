import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { dataPath, REPO_ROOT } from '../helpers/shared.js';

const fixture = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/metrics-reference.json'), 'utf8'),
);
const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-eval-'));

describe('colorize eval', () => {
  it('prints reference-exact PSNR/SSIM/colourfulness for a real pair (--json)', async () => {
    const r = await runCli([
      'eval',
      dataPath('exemplar/002_target.png'),
      dataPath('exemplar/002_truth.png'),
      '--ref',
      dataPath('exemplar/002_reference.png'),
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const want = fixture.pairs[0];
    assert.equal(out.count, 1);
    const s = out.images[0].scores;
    assert.ok(Math.abs(s.psnr - want.psnr) < 0.01);
    assert.ok(Math.abs(s.ssim - want.ssim) < 0.001);
    assert.ok(Math.abs(s.colorfulness - want.colorfulness) < 0.1);
    assert.ok(Math.abs(s.his - want.his) < 0.005);
    assert.deepEqual(Object.keys(out.mean).sort(), [
      'ciede2000',
      'colorfulness',
      'his',
      'psnr',
      'saturation',
      'ssim',
    ]);
  });

  it('pairs folders by name, ignoring role suffixes, prints a table with means, and warns about unmatched files', async () => {
    const pred = path.join(tmp, 'pred');
    const truth = path.join(tmp, 'truth');
    mkdirSync(pred);
    mkdirSync(truth);
    for (const id of ['002', '004']) {
      copyFileSync(dataPath(`exemplar/${id}_target.png`), path.join(pred, `${id}_result.png`));
      copyFileSync(dataPath(`exemplar/${id}_truth.png`), path.join(truth, `${id}_truth.png`));
    }
    copyFileSync(dataPath('exemplar/006_target.png'), path.join(pred, '006.png'));
    const r = await runCli(['eval', pred, truth]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^name\s+PSNR dB\s+SSIM/m);
    assert.match(r.stdout, /^002\s+17\.25\s+0\.8487/m);
    assert.match(r.stdout, /^mean \(2\)/m);
    assert.match(r.stderr, /no truth image for 1 file\(s\): 006\.png/);
    const j = JSON.parse((await runCli(['eval', pred, truth, '--json'])).stdout);
    assert.equal(j.count, 2);
    assert.ok(Math.abs(j.mean.psnr - (j.images[0].scores.psnr + j.images[1].scores.psnr) / 2) < 1e-9);
  });

  it('reports identical images as inf in the table and null in JSON', async () => {
    const f = dataPath('exemplar/002_truth.png');
    assert.match((await runCli(['eval', f, f])).stdout, /^002\s+inf\s+1\.0000/m);
    assert.equal(JSON.parse((await runCli(['eval', f, f, '--json'])).stdout).images[0].scores.psnr, null);
  });

  it('fails with one line naming the file and exit 1 on bad input; exit 2 on usage errors', async () => {
    const mismatch = await runCli([
      'eval',
      dataPath('exemplar/002_target.png'),
      dataPath('exemplar/004_truth.png'),
    ]);
    assert.equal(mismatch.code, 1);
    assert.match(
      mismatch.stderr,
      /^colorize: .*002_target\.png: 200×150 does not match truth .*004_truth\.png/,
    );
    assert.equal(mismatch.stdout, '');
    const junk = path.join(tmp, 'junk.png');
    writeFileSync(junk, 'not an image');
    const bad = await runCli(['eval', junk, dataPath('exemplar/002_truth.png')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /junk\.png: not an image/);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    const missing = await runCli(['eval', path.join(tmp, 'none.png'), dataPath('exemplar/002_truth.png')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /none\.png: no such file or folder/);
    const unknown = await runCli(['eval', '--frobnicate', 'a', 'b']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option '--frobnicate'/);
    const limit = await runCli([
      '--max-pixels',
      '1000',
      'eval',
      dataPath('exemplar/002_target.png'),
      dataPath('exemplar/002_truth.png'),
    ]);
    assert.equal(limit.code, 1);
    assert.match(limit.stderr, /exceeds the pixel limit/);
    const badLimit = await runCli([
      '--max-pixels',
      'lots',
      'eval',
      dataPath('exemplar/002_target.png'),
      dataPath('exemplar/002_truth.png'),
    ]);
    assert.equal(badLimit.code, 2);
    assert.match(badLimit.stderr, /--max-pixels = lots is invalid/);
  });

  it('every subcommand has --help', async () => {
    for (const cmd of [[], ['eval'], ['info']]) {
      const r = await runCli([...cmd, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: colorize/m);
    }
  });
});
