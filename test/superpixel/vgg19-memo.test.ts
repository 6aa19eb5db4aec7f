/**
 * ensureVgg19Onnx remembers the converted model per process (the shards are read, transposed and
 * hashed once), but still follows the shards: a shard whose content changes (same size, new
 * modification time) gives a model under a new hash name (one changed in place with its size and
 * time kept is not noticed: the cost of not reading the shards), and a removed cache file is rebuilt.
 * Also: the VGG-19 session whose idle threads do not spin is a session of its own, same outputs.
 */
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findModelFile } from '../../src/models/locate.js';
import { loadOrt, onnxSession } from '../../src/models/runtime.js';
import { ensureVgg19Onnx, VGG19_LAYERS } from '../../src/models/vgg19.js';

const haveWeights = findModelFile('vgg19/group8-shard1of1') !== null;

test('ensureVgg19Onnx: memoised per process, yet a changed shard or a removed cache file is converted again', {
  skip: !haveWeights && 'VGG-19 weights not installed',
}, async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'vgg19-memo-'));
  const saved = { models: process.env.COLORIZE_MODELS, cache: process.env.COLORIZE_MODELS_CACHE };
  try {
    mkdirSync(path.join(root, 'models', 'vgg19'), { recursive: true });
    for (const l of VGG19_LAYERS)
      copyFileSync(findModelFile(`vgg19/${l.shard}`) as string, path.join(root, 'models', 'vgg19', l.shard));
    // Whole-second times, so that the test can put one back exactly.
    const then = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    for (const l of VGG19_LAYERS) utimesSync(path.join(root, 'models', 'vgg19', l.shard), then, then);
    process.env.COLORIZE_MODELS = path.join(root, 'models');
    process.env.COLORIZE_MODELS_CACHE = path.join(root, 'cache');
    const a = await ensureVgg19Onnx();
    assert.ok(a.startsWith(path.join(root, 'cache')), a);
    assert.equal(await ensureVgg19Onnx(), a);
    // Change one weight of the last shard, keeping its size. With the modification time put
    // back, the shard looks unchanged and the remembered path is returned without reading it
    // (a fresh read would hash the new bytes to another name): that is the memoisation.
    const shard = path.join(root, 'models', 'vgg19', VGG19_LAYERS[7].shard);
    const bytes = readFileSync(shard);
    bytes.writeFloatLE(bytes.readFloatLE(0) + 1, 0);
    writeFileSync(shard, bytes);
    utimesSync(shard, then, then);
    assert.equal(statSync(shard).mtimeMs, then.getTime());
    assert.equal(await ensureVgg19Onnx(), a, 'an unchanged size and time must reuse the remembered model');
    // With a new modification time the change is seen.
    const later = new Date(Date.now() + 5000);
    utimesSync(shard, later, later);
    const b = await ensureVgg19Onnx();
    assert.notEqual(b, a, 'a changed shard must give a model with another hash');
    assert.ok(existsSync(b));
    rmSync(b);
    const c = await ensureVgg19Onnx();
    assert.equal(c, b);
    assert.ok(existsSync(c), 'a removed cache file must be rebuilt');
  } finally {
    for (const [k, v] of [
      ['COLORIZE_MODELS', saved.models],
      ['COLORIZE_MODELS_CACHE', saved.cache],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(root, { recursive: true, force: true });
  }
});

test('onnxSession without spinning: its own cached session, VGG-19 outputs equal to the default session to the bit', {
  skip: !haveWeights && 'VGG-19 weights not installed',
}, async () => {
  const ort = await loadOrt();
  const file = await ensureVgg19Onnx();
  const a = await onnxSession(file);
  const b = await onnxSession(file, { spinning: false });
  assert.notEqual(a, b);
  assert.equal(await onnxSession(file, { spinning: false }), b);
  const [H, W] = [40, 56];
  const data = Float32Array.from({ length: 3 * H * W }, (_, i) => Math.sin(i * 0.01) * 100);
  const input = new ort.Tensor('float32', data, [1, 3, H, W]);
  const [ra, rb] = [await a.run({ input }), await b.run({ input })];
  for (const k of ['conv1_2', 'conv2_2', 'conv3_4']) {
    const x = ra[k].data as Float32Array;
    const y = rb[k].data as Float32Array;
    assert.equal(x.length, y.length);
    assert.ok(
      x.every((v, i) => v === y[i]),
      k,
    );
  }
});
