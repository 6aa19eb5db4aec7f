/** `colorize transfer` through the CLI entry point: results, folder mode and every bad-input case. */
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../src/cli/main.js';
import { readImage } from '../../src/image/io.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await run(['node', 'colorize', ...args]);
    return { code, stderr };
  } finally {
    process.stderr.write = write;
  }
}

describe('colorize transfer', () => {
  let dir: string;
  const target = dataPath('exemplar', '011_target.png');
  const reference = dataPath('exemplar', '011_reference.png');
  const grayRef = dataPath('exemplar', '013_target.png');
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'colorize-transfer-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes a colour result of the target size', async () => {
    const out = path.join(dir, 'single.png');
    const r = await cli(
      'transfer',
      target,
      reference,
      '-o',
      out,
      '--method',
      'wavelet',
      '--levels',
      '3',
      '--lambda',
      '0,0.5,1,1',
      '--space',
      'lab',
    );
    assert.equal(r.code, 0, r.stderr);
    const img = await readImage(out);
    const t = await readImage(target);
    assert.equal(img.image.width, t.image.width);
    assert.equal(img.isGray, false);
  });

  it('folder mode: one reference for every image of a folder; non-images are skipped', async () => {
    const inDir = path.join(dir, 'in');
    await fs.mkdir(inDir);
    await fs.copyFile(target, path.join(inDir, 'a.png'));
    await fs.copyFile(dataPath('exemplar', '013_target.png'), path.join(inDir, 'b.png'));
    await fs.writeFile(path.join(inDir, 'notes.txt'), 'not an image');
    const outDir = path.join(dir, 'out');
    const r = await cli('transfer', inDir, reference, '-o', outDir, '--method', 'welsh', '--samples', '100');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((await fs.readdir(outDir)).sort(), ['a.png', 'b.png']);
  });

  it('folder mode: a corrupt image fails alone, the others are written, exit code 1', async () => {
    const inDir = path.join(dir, 'in2');
    await fs.mkdir(inDir);
    await fs.copyFile(target, path.join(inDir, 'good.png'));
    await fs.writeFile(path.join(inDir, 'bad.png'), 'this is text, not a PNG');
    const outDir = path.join(dir, 'out2');
    const r = await cli('transfer', inDir, reference, '-o', outDir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.png/);
    assert.deepEqual(await fs.readdir(outDir), ['good.png']);
  });

  it('superpixel --debug-dir: the intermediate pictures of each target, named after it', async () => {
    const out = path.join(dir, 'sp.png');
    const dbg = path.join(dir, 'debug');
    const truth = dataPath('exemplar', '011_truth.png');
    const r = await cli(
      'transfer',
      truth,
      reference,
      '-o',
      out,
      '--method',
      'superpixel',
      '--features',
      'handcrafted',
      '--working-size',
      '64',
      '--debug-dir',
      dbg,
    );
    assert.equal(r.code, 0, r.stderr);
    const files = (await fs.readdir(dbg)).sort();
    assert.ok(files.includes('011_truth-matches.png'), files.join(', '));
    assert.ok(files.length >= 3 && files.every((f) => f.startsWith('011_truth-')), files.join(', '));
  });

  it('help: a larger δs/δc means less influence (eq. 5 inverts Σ), in transfer and exemplar', async () => {
    for (const cmd of ['transfer', 'exemplar']) {
      const r = await runCli([cmd, '--help']);
      assert.equal(r.code, 0);
      const help = r.stdout.replace(/\s+/g, ' ');
      assert.match(help, /--delta-s <v> .*larger δs = position counts less/);
      assert.match(help, /--delta-c <v> .*larger δc = (colour|gray level) counts less/);
    }
    assert.match((await runCli(['transfer', '--help'])).stdout, /--debug-dir <dir>/);
  });

  const bad: Array<[string, string[], number, RegExp]> = [
    [
      '--debug-dir with a method that makes no pictures',
      ['--method', 'histogram', '--debug-dir', 'never-made'],
      2,
      /option --debug-dir belongs to --method superpixel, not histogram/,
    ],
    ['gray reference', ['--method', 'histogram'], 1, /reference is gray/],
    [
      'λ of the wrong length',
      ['--method', 'wavelet', '--levels', '3', '--lambda', '0,0.5,1'],
      2,
      /--lambda has 3 values but levels = 3 needs 4/,
    ],
    ['λ value out of range', ['--method', 'wavelet', '--lambda', '0,2'], 2, /lambda\[1\]/],
    [
      'colour-only method on a gray target',
      ['--method', 'reinhard'],
      1,
      /--method reinhard needs a colour target and this one is gray; use --method welsh/,
    ],
    [
      'flag of another method',
      ['--method', 'histogram', '--lambda', '0,1'],
      2,
      /--lambda belongs to --method wavelet, not histogram/,
    ],
    ['unknown method', ['--method', 'magic'], 2, /expected one of histogram, histogram-yuv, reinhard/],
    ['bad number', ['--method', 'welsh', '--samples', 'lots'], 2, /--samples = "lots"/],
  ];
  for (const [name, args, code, message] of bad) {
    it(`bad input, ${name}: clear error, exit ${code}, no output`, async () => {
      const out = path.join(dir, `bad-${name.replace(/\W+/g, '-')}.png`);
      const ref = name === 'gray reference' ? grayRef : reference;
      const r = await cli('transfer', target, ref, '-o', out, ...args);
      assert.equal(r.code, code, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(existsSync(out), false);
    });
  }

  it('bad input, non-image target or reference: exit 1, no output', async () => {
    const fake = path.join(dir, 'fake.png');
    await fs.writeFile(fake, 'plain text');
    for (const [t, r] of [
      [fake, reference],
      [target, fake],
    ]) {
      const out = path.join(dir, 'never.png');
      const res = await cli('transfer', t, r, '-o', out);
      assert.equal(res.code, 1);
      assert.match(res.stderr, /fake\.png: not an image/);
      assert.equal(existsSync(out), false);
    }
  });
});
