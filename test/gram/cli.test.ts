import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findModelFile } from '../../src/models/locate.js';
import { runCli } from '../helpers/cli.js';

const skip = findModelFile('vgg19/group8-shard1of1') === null && 'VGG-19 weights not found';
const gray = 'examples/scene_gray.png';
const ref = 'examples/sunset.png';

test('colorize exemplar --method gram: bad layers, options and inputs fail clearly with no output file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-gram-cli-'));
  const out = path.join(dir, 'out.png');
  const cases: Array<[string[], number, RegExp]> = [
    [['--style-layers', 'conv_9'], 2, /blocks 4–5/],
    [['--content-layers', 'pool1'], 2, /unknown layer "pool1"/],
    [['--style-layers', 'conv1_1:-3'], 2, /style-layers/],
    [['--optimizer', 'sgd'], 2, /optimizer/],
    [['--iterations', 'many'], 2, /--iterations/],
    [['--iterations', '0'], 2, /iterations/],
    [['--init', 'noise'], 2, /init.*average, content/],
    [['--normalization', 'mse'], 2, /normalization.*gatys, relative/],
    [['--parametrization', 'hsv'], 2, /parametrization.*rgb, chroma/],
    [['--chroma-factor', '0'], 2, /chroma-factor/],
    [['--luma-weight', '-1'], 2, /luma-weight/],
    [['--tau', '0.1'], 2, /--tau belongs to --method superpixel/],
    [['--top-k', '3'], 2, /need --gallery/],
  ];
  for (const [extra, code, msg] of cases) {
    const r = await runCli(['exemplar', gray, ref, '-o', out, '--method', 'gram', ...extra]);
    assert.equal(r.code, code, `${extra.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, msg);
    assert.equal(existsSync(out), false);
  }
  let r = await runCli(['exemplar', gray, gray, '-o', out, '--method', 'gram']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /the reference is gray/);
  r = await runCli(['exemplar', gray, ref, '--gallery', dir, '-o', out, '--method', 'gram']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not both/);
  r = await runCli(['exemplar', gray, '-o', out, '--method', 'gram']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /gram needs one of the inputs REFERENCE or --gallery DIR/);
  assert.equal(existsSync(out), false);
});

test('colorize exemplar --method gram writes a coloured image and reports the run', { skip }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-gram-cli-'));
  const out = path.join(dir, 'out.png');
  const r = await runCli([
    'exemplar',
    gray,
    ref,
    '-o',
    out,
    '--method',
    'gram',
    '--iterations',
    '3',
    '--working-size',
    '48',
    '--style-layers',
    'conv_1,conv_3:200',
    '--content-layers',
    'conv2_2',
    '--optimizer',
    'lbfgs',
    '--init',
    'content',
    '--normalization',
    'relative',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /gram \(lbfgs\), \d+ iterations/);
  assert.ok(existsSync(out));
});
