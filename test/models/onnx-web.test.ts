/**
 * The converted and trained graphs run unchanged in onnxruntime-web (WebAssembly, here under
 * Node) and give what onnxruntime-node gives: the toolchain's promise that the browser can use them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as ortWeb from 'onnxruntime-web';
import { ensureMobileNetV2Onnx } from '../../src/models/mobilenet-v2.js';
import { loadOrt, onnxSession } from '../../src/models/runtime.js';
import { REPO_ROOT } from '../helpers/shared.js';

ortWeb.env.wasm.numThreads = 1;

async function compare(file: string, inputs: Record<string, { dims: number[]; data: Float32Array }>) {
  const ort = await loadOrt();
  const node = await onnxSession(file);
  const web = await ortWeb.InferenceSession.create(readFileSync(file));
  const feedsNode: Record<string, InstanceType<typeof ort.Tensor>> = {};
  const feedsWeb: Record<string, ortWeb.Tensor> = {};
  for (const [k, v] of Object.entries(inputs)) {
    feedsNode[k] = new ort.Tensor('float32', v.data, v.dims);
    feedsWeb[k] = new ortWeb.Tensor('float32', v.data, v.dims);
  }
  const a = await node.run(feedsNode);
  const b = await web.run(feedsWeb);
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
  for (const k of Object.keys(a)) {
    const x = a[k].data as Float32Array;
    const y = b[k].data as Float32Array;
    assert.equal(x.length, y.length);
    let scale = 1e-6;
    let diff = 0;
    for (let i = 0; i < x.length; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
      diff = Math.max(diff, Math.abs(x[i] - y[i]));
    }
    assert.ok(diff <= 1e-3 * scale, `${path.basename(file)} output ${k}: max diff ${diff} (scale ${scale})`);
  }
}

const wave = (n: number, k: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(0.01 * i + k));

describe('graphs in onnxruntime-web', () => {
  it('MobileNetV2 (converted from TFLite) gives the same maps and scores', async () => {
    await compare(await ensureMobileNetV2Onnx(), {
      input: { dims: [1, 3, 96, 128], data: wave(3 * 96 * 128, 0) },
    });
  });

  it('the trained CNN head gives the same logits', async () => {
    const shapes: Array<[string, number[]]> = [
      ['features_s4', [1, 24, 56, 56]],
      ['features_s8', [1, 32, 28, 28]],
      ['features_s16', [1, 96, 14, 14]],
      ['features_s32', [1, 1280, 7, 7]],
      ['gray', [1, 1, 56, 56]],
    ];
    const inputs: Record<string, { dims: number[]; data: Float32Array }> = {};
    shapes.forEach(([name, dims], k) => {
      inputs[name] = {
        dims,
        data: wave(
          dims.reduce((p, d) => p * d, 1),
          k,
        ),
      };
    });
    await compare(path.join(REPO_ROOT, 'models/cnn-tv/head.onnx'), inputs);
  });
});
