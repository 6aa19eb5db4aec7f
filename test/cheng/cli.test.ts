/** `colorize auto --method cheng` from the command line: files, folders, bad flags, bad input. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readImage } from '../../src/image/io.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-cheng-'));
const photo = dataPath('val/bsds500_100007.jpg');

describe('colorize auto --method cheng', () => {
  it('colours one photo into a file of the same size', async () => {
    const out = path.join(tmp, 'one.png');
    const r = await runCli(['auto', photo, '-o', out, '--method', 'cheng']);
    assert.equal(r.code, 0, r.stderr);
    const { image, isGray } = await readImage(out);
    const src = await readImage(photo);
    assert.equal(image.width, src.image.width);
    assert.equal(image.height, src.image.height);
    assert.equal(isGray, false);
    assert.match(r.stderr, /colour image; using its luminance/);
  });

  it('colours a folder, with the ablation and no-refine flags', async () => {
    const inDir = path.join(tmp, 'in');
    mkdirSync(inDir);
    copyFileSync(photo, path.join(inDir, 'a.jpg'));
    copyFileSync(dataPath('val/curban100_img_001.png'), path.join(inDir, 'b.png'));
    const outDir = path.join(tmp, 'out');
    const r = await runCli([
      'auto',
      inDir,
      '-o',
      outDir,
      '--method',
      'cheng',
      '--no-refine',
      '--no-clustering',
      '--features',
      'no-daisy',
      '-q',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(outDir).sort(), ['a.jpg', 'b.png']);
  });

  it('averages seed siblings with --members and refuses them with clustering on', async () => {
    const out = path.join(tmp, 'members.png');
    const args = ['auto', photo, '-o', out, '--method', 'cheng', '--members', '3', '--chroma-gain', '1.2'];
    const refused = await runCli(args);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /members.*--no-clustering/);
    assert.equal(existsSync(out), false);
    const r = await runCli([...args, '--no-clustering']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await readImage(out)).isGray, false);
  });

  it('refuses bad flags with a usage error and writes nothing', async () => {
    for (const [flag, value, pattern] of [
      ['--features', 'no-colour', /features/],
      ['--top-k', '0', /topK|top-k/],
      ['--members', '0', /members/],
      ['--refine-sigma-spatial', 'x', /--refine-sigma-spatial = "x" is invalid/],
    ] as const) {
      const out = path.join(tmp, `bad-${value}.png`);
      const r = await runCli(['auto', photo, '-o', out, '--method', 'cheng', flag, value]);
      assert.equal(r.code, 2, `${flag} ${value}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(existsSync(out), false);
    }
  });

  it('reports a corrupt input clearly and leaves no output', async () => {
    const bad = path.join(tmp, 'broken.png');
    writeFileSync(bad, 'not a png');
    const out = path.join(tmp, 'broken-out.png');
    const r = await runCli(['auto', bad, '-o', out, '--method', 'cheng']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /broken\.png/);
    assert.equal(existsSync(out), false);
  });
});
