import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { grayToRgb } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { vgg19Available } from '../../src/methods/exemplar/superpixel/features.js';
import { superpixelColorize } from '../../src/methods/exemplar/superpixel/pipeline.js';
import { evaluate } from '../../src/metrics/evaluate.js';
import { psnr } from '../../src/metrics/psnr.js';
import { runCli } from '../helpers/cli.js';
import { dataPath } from '../helpers/shared.js';

const set = (id: string) => ['target', 'reference', 'truth'].map((k) => dataPath(`exemplar/${id}_${k}.png`));

// Floors measured at working size 128 (032: VGG 27.6 dB, handcrafted 27.3 dB; the gray target alone scores 26.6 dB).
for (const features of ['vgg19', 'handcrafted'] as const) {
  test(`exemplar superpixel (${features}) on triplet 032 beats the gray target and a measured PSNR floor`, {
    skip: features === 'vgg19' && !vgg19Available() && 'VGG-19 weights not found',
  }, async () => {
    const [g, r, t] = await Promise.all(set('032').map((f) => readImage(f)));
    const res = await superpixelColorize(g.image, r.image, { features, workingSize: 128 });
    assert.equal(res.features, features);
    assert.equal(res.rgb.width, g.image.width);
    const s = evaluate(res.rgb, t.image, r.image);
    const grayPsnr = psnr(grayToRgb(g.image), t.image);
    assert.ok(s.psnr > 27, `PSNR ${s.psnr}`);
    assert.ok(s.psnr > grayPsnr + 0.5, `PSNR ${s.psnr} vs gray ${grayPsnr}`);
    assert.ok(s.ssim > 0.9, `SSIM ${s.ssim}`);
  });
}

test('colorize exemplar: bad input gives clear messages, exit codes and no output file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-exemplar-'));
  const [target, reference] = set('002');
  const out = path.join(dir, 'out.png');
  let r = await runCli(['exemplar', target, target, '-o', out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /the reference is gray/);
  r = await runCli(['exemplar', target, reference, '-o', out, '--tau', '0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /tau/);
  r = await runCli(['exemplar', target, reference, '-o', out, '--features', 'resnet']);
  assert.equal(r.code, 2);
  assert.equal(existsSync(out), false);
  // One superpixel method for both algorithms: a gray target given to `colorize transfer` is
  // coloured by Algorithm 4, as `colorize exemplar` does.
  const viaTransfer = path.join(dir, 'via-transfer.png');
  r = await runCli([
    'transfer',
    target,
    reference,
    '-o',
    viaTransfer,
    '--method',
    'superpixel',
    '--working-size',
    '64',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(viaTransfer), true);
  r = await runCli([
    'exemplar',
    target,
    reference,
    '-o',
    out,
    '--working-size',
    '64',
    '--features',
    'handcrafted',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(out), true);
});
