/** attentionColorize on a real triplet of ../shared/data/exemplar and through the CLI. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { ATTENTION_NET_FILE, attentionColorize } from '../../src/methods/exemplar/attention/index.js';
import { findModelFile } from '../../src/models/locate.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const skip =
  (findModelFile(ATTENTION_NET_FILE) === null && 'models/attention/net.onnx not found') ||
  (findModelFile('vgg19/group5-shard1of1') === null && 'VGG-19 weights not found');

test('attention keeps the gray target luma and adds colour (hard set 002)', { skip }, async () => {
  const gray = (await readImage(dataPath('exemplar', '002_target.png'))).image;
  const ref = (await readImage(dataPath('exemplar', '002_reference.png'))).image;
  const res = await attentionColorize(gray, ref);
  assert.equal(res.rgb.width, gray.width);
  assert.equal(res.rgb.height, gray.height);
  assert.equal(res.chroma.width, 128);
  const y = lumaOf(res.rgb);
  let maxErr = 0;
  for (let i = 0; i < y.length; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - gray.channels[0][i]));
  assert.ok(maxErr < 2 / 255, `luma changed by up to ${maxErr * 255} levels`);
  // Colourful: mean chroma |a*| + |b*| of the network output well above zero.
  const [a, b] = res.chroma.channels;
  let chroma = 0;
  for (let i = 0; i < a.length; i++) chroma += Math.hypot(a[i], b[i]);
  chroma /= a.length;
  assert.ok(chroma > 3, `mean chroma ${chroma.toFixed(2)}`);
});

test('colorize exemplar --method attention: bad flags are usage errors with no output', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-attention-cli-'));
  const out = path.join(dir, 'out.png');
  const gray = 'examples/scene_gray.png';
  const ref = 'examples/sunset.png';
  const cases: Array<[string[], RegExp]> = [
    [['--method', 'attention', '--iterations', '3'], /--iterations belongs to --method gram/],
    [['--method', 'attention', '--tau', '0.1'], /--tau belongs to --method superpixel/],
    [['--method', 'superpixel', '--model', 'x.onnx'], /--model belongs to --method attention/],
    [['--method', 'atention'], /method/],
    [
      ['--method', 'attention', '--working-size', '100'],
      /working size 100 is invalid: expected a multiple of 32/,
    ],
    [
      ['--method', 'attention', '--working-size', '1024'],
      /--working-size = 1024 is invalid: expected an integer in \[64, 512\]/,
    ],
  ];
  for (const [extra, msg] of cases) {
    const r = await runCli(['exemplar', gray, ref, '-o', out, ...extra]);
    assert.equal(r.code, 2, `${extra.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, msg);
    assert.equal(existsSync(out), false);
  }
  const r = await runCli([
    'exemplar',
    gray,
    ref,
    '-o',
    out,
    '--method',
    'attention',
    '--model',
    path.join(dir, 'none.onnx'),
  ]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /none\.onnx/);
  assert.equal(existsSync(out), false);
});

test('colorize exemplar --method attention writes a file, and folders', { skip }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-attention-cli-'));
  const out = path.join(dir, 'out.png');
  let r = await runCli([
    'exemplar',
    'examples/scene_gray.png',
    'examples/sunset.png',
    '-o',
    out,
    '--method',
    'attention',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(out));
  const outDir = mkdtempSync(path.join(tmpdir(), 'colorize-attention-dir-'));
  r = await runCli(['exemplar', 'examples', 'examples/sunset.png', '-o', outDir, '--method', 'attention']);
  assert.equal(r.code, 0, r.stderr);
});
