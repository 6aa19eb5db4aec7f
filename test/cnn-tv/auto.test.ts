import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage, writeImage } from '../../src/image/io.js';
import { headInputs, predictColorDistribution } from '../../src/methods/automatic/cnn-tv/network.js';
import {
  colorizeCnn,
  colorizeCnnTv,
  selectWithCoupledTv,
} from '../../src/methods/automatic/cnn-tv/pipeline.js';
import { colorfulness } from '../../src/metrics/colorfulness.js';
import { psnr } from '../../src/metrics/psnr.js';
import { meanSaturation } from '../../src/metrics/saturation.js';
import { loadOrt, onnxSession } from '../../src/models/runtime.js';
import { runCli } from '../helpers/cli.js';
import { dataPath, REPO_ROOT } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'colorize-auto-'));
const HEAD = path.join(REPO_ROOT, 'models/cnn-tv/head.onnx');

describe('cnn head (trained here)', () => {
  it('runs in onnxruntime exactly as PyTorch computed it at export', async () => {
    const ref = JSON.parse(readFileSync(path.join(REPO_ROOT, 'models/cnn-tv/head-reference.json'), 'utf8'));
    const meta = await headInputs({ width: 224, height: 224, channels: [new Float32Array(224 * 224)] });
    const ort = await loadOrt();
    const session = await onnxSession(HEAD);
    const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
    meta.forEach((x, k) => {
      if (!session.inputNames.includes(x.name)) return;
      const n = x.channels * x.height * x.width;
      const data = new Float32Array(n);
      for (let i = 0; i < n; i++) data[i] = Math.sin(0.01 * i + k);
      feeds[x.name] = new ort.Tensor('float32', data, [1, x.channels, x.height, x.width]);
    });
    const out = (await session.run(feeds)).logits;
    const [, Q, H, W] = out.dims as number[];
    assert.deepEqual([Q, H, W], [313, 56, 56]);
    const logits = out.data as Float32Array;
    for (const [q, y, x, v] of ref.probes as number[][]) {
      const got = logits[q * H * W + y * W + x];
      assert.ok(
        Math.abs(got - v) < 1e-3 * Math.max(1, Math.abs(v)),
        `bin ${q} at (${x},${y}): ${got} vs ${v}`,
      );
    }
  });
});

describe('cnn and cnn-tv on a real photo', async () => {
  const truth = (await readImage(dataPath('exemplar/002_truth.png'))).image;
  const gray = { width: truth.width, height: truth.height, channels: [lumaOf(truth).slice()] };
  const grayRgb = { ...gray, channels: [gray.channels[0], gray.channels[0], gray.channels[0]] };
  const grayPsnr = psnr(grayRgb, truth);

  it('predicts a distribution on the 56² grid that sums to 1 and is not uniform', async () => {
    const d = await predictColorDistribution(gray);
    assert.equal(d.width, 56);
    let maxP = 0;
    for (let p = 0; p < 56 * 56; p += 97) {
      let s = 0;
      for (let q = 0; q < 313; q++) {
        s += d.probs[p * 313 + q];
        maxP = Math.max(maxP, d.probs[p * 313 + q]);
      }
      assert.ok(Math.abs(s - 1) < 1e-4);
    }
    assert.ok(maxP > 0.05, `largest probability ${maxP}`);
  });

  it('colours the photo: colourful, near the gray image in PSNR, luma kept exactly', async () => {
    for (const run of [() => colorizeCnn(gray), () => colorizeCnnTv(gray)]) {
      const rgb = await run();
      assert.equal(rgb.width, truth.width);
      const c = colorfulness(rgb);
      assert.ok(c > 10, `colourfulness ${c}`);
      const p = psnr(rgb, truth);
      assert.ok(p > grayPsnr - 2, `PSNR ${p} vs gray ${grayPsnr}`);
      const y = lumaOf(rgb);
      let maxDiff = 0;
      for (let i = 0; i < y.length; i += 7) maxDiff = Math.max(maxDiff, Math.abs(y[i] - gray.channels[0][i]));
      assert.ok(maxDiff < 2 / 255, `luma differs by ${maxDiff * 255}/255`);
    }
  });

  it('cnn-tv solves the model to a binary selection; phase 1 alone (soft w) stays more saturated', async () => {
    const dist = await predictColorDistribution(gray);
    const run = selectWithCoupledTv(gray, dist);
    assert.equal(run.tv.binary, true);
    assert.ok(run.scales >= 2, `scales ${run.scales}`);
    // The solved model selects one candidate per pixel: u is within the TV's contrast loss of it.
    const K = run.candidates.count;
    let near = 0;
    for (let i = 0; i < run.tv.a.length; i++) {
      const o = i * K + run.tv.winner[i];
      if (Math.hypot(run.tv.a[i] - run.candidates.a[o], run.tv.b[i] - run.candidates.b[o]) < 10) near++;
    }
    assert.ok(near > 0.5 * run.tv.a.length, `${near} of ${run.tv.a.length} pixels near their candidate`);
    // What the tuning split showed (docs/auto.md): stopping in phase 1 keeps more saturation.
    const soft = selectWithCoupledTv(gray, dist, { binary: false });
    assert.equal(soft.tv.binary, false);
    const s1 = meanSaturation(run.image);
    const s2 = meanSaturation(soft.image);
    assert.ok(s2 > s1, `saturation binary ${s1}, soft ${s2}`);
  });
});

describe('colorize auto', () => {
  it('writes a coloured image (default cnn-tv) and a colour input is reduced to its luma with a note', async () => {
    const out = path.join(tmp, 'auto.png');
    const r = await runCli(['auto', dataPath('exemplar/002_target.png'), '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const meta = await sharp(out).metadata();
    const truth = await sharp(dataPath('exemplar/002_truth.png')).metadata();
    assert.equal(meta.width, truth.width);
    const rc = await runCli([
      'auto',
      dataPath('exemplar/002_truth.png'),
      '-o',
      path.join(tmp, 'c.png'),
      '--method',
      'cnn',
    ]);
    assert.equal(rc.code, 0, rc.stderr);
    assert.match(rc.stderr, /colour image; using its luminance/);
  });

  it('keeps a 16-bit gray input 16-bit and carries its alpha over', async () => {
    const src = path.join(tmp, 'g16a.png');
    const W = 96;
    const H = 64;
    const g = new Float32Array(W * H);
    const alpha = new Float32Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        g[y * W + x] = (x + y) / (W + H);
        alpha[y * W + x] = x < W / 2 ? 1 : 30000 / 65535;
      }
    await writeImage(src, { width: W, height: H, channels: [g] }, { alpha, bitDepth: 16 });
    assert.equal((await readImage(src)).bitDepth, 16);
    const out = path.join(tmp, 'g16a-out.png');
    const r = await runCli(['auto', src, '-o', out, '--method', 'cnn']);
    assert.equal(r.code, 0, r.stderr);
    const meta = await sharp(out).metadata();
    assert.equal(meta.depth, 'ushort');
    assert.equal(meta.hasAlpha, true);
    const back = await readImage(out);
    assert.equal(back.bitDepth, 16);
    assert.ok(Math.abs(back.alpha![0] - 1) < 1e-6);
    assert.ok(Math.abs(back.alpha![W - 1] - 30000 / 65535) < 1e-6, `alpha ${back.alpha![W - 1] * 65535}`);
  });

  it('colours a folder into a folder', async () => {
    const inDir = path.join(tmp, 'in');
    mkdirSync(inDir);
    for (const f of ['002_target.png', '004_target.png'])
      await sharp(dataPath(`exemplar/${f}`)).toFile(path.join(inDir, f));
    const outDir = path.join(tmp, 'out');
    const r = await runCli(['auto', inDir, '-o', outDir, '--method', 'cnn']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(
      existsSync(path.join(outDir, '002_target.png')) && existsSync(path.join(outDir, '004_target.png')),
    );
  });

  it('rejects bad parameters with a usage error and writes nothing', async () => {
    const out = path.join(tmp, 'bad.png');
    const cases: Array<[string[], RegExp]> = [
      [['--lambda', '-1'], /lambda/],
      [['--candidates', '0'], /candidates/],
      [['--iterations', 'many'], /iterations/],
      [['--method', 'cnn', '--lambda', '0.1'], /--lambda belongs to --method cnn-tv, not cnn/],
      [['--method', 'nope'], /expected one of/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(['auto', dataPath('exemplar/002_target.png'), '-o', out, ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.ok(!existsSync(out));
    }
  });

  it('--debug-dir writes the candidates, the final binary w and the winning-candidate map', async () => {
    const dir = path.join(tmp, 'debug');
    const out = path.join(tmp, 'dbg.png');
    const r = await runCli([
      'auto',
      dataPath('exemplar/002_target.png'),
      '-o',
      out,
      '--debug-dir',
      dir,
      '-q',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const K = 10;
    const weights: Float32Array[] = [];
    for (let k = 0; k < K; k++) {
      assert.ok(existsSync(path.join(dir, `002_target-candidate-${k}.png`)), `candidate ${k}`);
      weights.push((await readImage(path.join(dir, `002_target-weight-${k}.png`))).image.channels[0]);
    }
    const winner = (await readImage(path.join(dir, '002_target-winner.png'))).image.channels[0];
    // Binary w (one weight 1, the rest 0 at every pixel), and the map names the candidate whose w is 1.
    for (let i = 0; i < winner.length; i += 13) {
      const ones = weights.map((w, k) => (w[i] > 0.5 ? k : -1)).filter((k) => k >= 0);
      assert.equal(ones.length, 1, `pixel ${i}: weights ${weights.map((w) => w[i]).join(' ')}`);
      assert.ok(weights.every((w) => w[i] < 1e-6 || w[i] > 1 - 1e-6));
      assert.equal(Math.round(winner[i] * (K - 1)), ones[0]);
    }
  });

  it('--upsample bilinear gives Zhang et al.’s baseline (different from the edge-aware default)', async () => {
    const a = path.join(tmp, 'jb.png');
    const b = path.join(tmp, 'bl.png');
    for (const [o, extra] of [
      [a, []],
      [b, ['--upsample', 'bilinear']],
    ] as const) {
      const r = await runCli([
        'auto',
        dataPath('exemplar/002_target.png'),
        '-o',
        o,
        '--method',
        'cnn',
        ...extra,
      ]);
      assert.equal(r.code, 0, r.stderr);
    }
    const ia = (await readImage(a)).image;
    const ib = (await readImage(b)).image;
    assert.ok(psnr(ia, ib) < 60, 'the two up-samplings must differ');
    const bad = await runCli(['auto', dataPath('exemplar/002_target.png'), '-o', b, '--upsample', 'cubic']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /upsample/);
  });

  it('names an unreadable input and exits 1', async () => {
    const r = await runCli(['auto', path.join(tmp, 'missing.png'), '-o', path.join(tmp, 'x.png')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /missing\.png/);
  });
});

describe('colorize models', () => {
  it('lists every model with where it was found', async () => {
    const r = await runCli(['models', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const byName = Object.fromEntries(out.models.map((m: { name: string }) => [m.name, m]));
    for (const name of ['vgg19', 'mobilenet-v2', 'color-bins', 'cnn-tv-head', 'deeplab-pascal'])
      assert.equal(byName[name]?.available, true, name);
    assert.ok(byName['cnn-tv-head'].found['cnn-tv/head.onnx'].startsWith(path.join(REPO_ROOT, 'models')));
  });

  it('names every path searched for a missing file', async () => {
    const empty = path.join(tmp, 'empty-models');
    mkdirSync(empty);
    const { registerModel, requireModel } = await import('../../src/models/registry.js');
    registerModel({
      name: 'test-missing',
      description: '',
      files: ['nowhere/x.onnx'],
      usedBy: [],
      source: '',
    });
    process.env.COLORIZE_MODELS = empty;
    try {
      assert.throws(
        () => requireModel('test-missing'),
        (e: Error) =>
          e.message.includes(path.join(empty, 'nowhere/x.onnx')) &&
          e.message.includes(path.join(REPO_ROOT, 'models/nowhere/x.onnx')) &&
          /COLORIZE_MODELS/.test(e.message),
      );
    } finally {
      delete process.env.COLORIZE_MODELS;
    }
  });
});
