import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { cropImage } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import {
  contentObjective,
  contentTerm,
  optimiseContent,
} from '../../src/methods/transfer/edge-aware/content.js';
import { edgeAwareTransfer, edgeContentDistance } from '../../src/methods/transfer/edge-aware/edge-aware.js';
import { rng } from '../helpers/images.js';
import { REPO_ROOT } from '../helpers/shared.js';

const read = async (f: string) => (await readImage(path.join(REPO_ROOT, 'examples', f))).image;
// The example pair: the edge-aware LUT result of scene_gray → sunset, and a window of it.
const pair = (async () => {
  const [gray, sunset] = await Promise.all([read('scene_gray.png'), read('sunset.png')]);
  const lut = edgeAwareTransfer(gray, sunset);
  return { gray, lut };
})();

describe('optimising the content term d_c of report §2.3.2', () => {
  it('d_c of contentTerm equals edgeContentDistance (P_e checked against scipy there)', async () => {
    const { gray, lut } = await pair;
    const term = contentTerm(lumaOf(gray), gray.width, gray.height);
    const ref = edgeContentDistance(lut, gray);
    assert.ok(Math.abs(term.targetNorm / ref.targetNorm - 1) < 1e-5);
    assert.ok(
      Math.abs(term.value(lumaOf(lut)) / ref.dc - 1) < 1e-4,
      `${term.value(lumaOf(lut))} vs ${ref.dc}`,
    );
  });

  it('the gradient of J matches central finite differences', async () => {
    const { gray, lut } = await pair;
    const t = cropImage(gray, 150, 100, 14, 11);
    const x0 = cropImage(lut, 150, 100, 14, 11).channels.map((p) => Float64Array.from(p));
    const term = contentTerm(lumaOf(t), 14, 11);
    const J = contentObjective(term, x0, 3);
    const r = rng(5);
    const x = x0.map((p) => p.map((v) => Math.min(1, Math.max(0, v + 0.05 * (r() - 0.5)))));
    const g = x.map((p) => new Float64Array(p.length));
    J(x, g);
    const h = 1e-6;
    let checked = 0;
    for (let k = 0; k < 40; k++) {
      const c = k % 3;
      const i = Math.floor(r() * x[0].length);
      const xp = x.map((p) => Float64Array.from(p));
      const xm = x.map((p) => Float64Array.from(p));
      xp[c][i] += h;
      xm[c][i] -= h;
      const fd = (J(xp) - J(xm)) / (2 * h);
      assert.ok(
        Math.abs(fd - g[c][i]) <= 1e-5 * Math.max(1, Math.abs(fd)),
        `channel ${c} pixel ${i}: analytic ${g[c][i]} vs finite difference ${fd}`,
      );
      if (Math.abs(g[c][i]) > 1e-3) checked++;
    }
    assert.ok(checked > 20, `only ${checked} of the checked entries are non-trivial`);
  });

  it('projected gradient descent lowers J at every step and d_c by 10× on an 80×56 window of the example pair', async () => {
    const { gray, lut } = await pair;
    const t = cropImage(gray, 100, 80, 80, 56);
    const x = cropImage(lut, 100, 80, 80, 56);
    const res = optimiseContent(x, t, { weight: 1, iterations: 40 });
    assert.ok(res.objective.length > 10, `${res.objective.length - 1} steps accepted`);
    for (let k = 1; k < res.objective.length; k++)
      assert.ok(
        res.objective[k] <= res.objective[k - 1],
        `J rose at step ${k}: ${res.objective[k - 1]} → ${res.objective[k]}`,
      );
    assert.ok(Math.abs(res.ratioBefore - edgeContentDistance(x, t).ratio) < 1e-4);
    assert.ok(res.ratioBefore > 0.2, `before: ${res.ratioBefore}`);
    assert.ok(
      res.ratioAfter < res.ratioBefore / 10,
      `d_c / ‖P_e(T)‖²: ${res.ratioBefore} → ${res.ratioAfter}`,
    );
    assert.ok(Math.abs(edgeContentDistance(res.rgb, t).ratio - res.ratioAfter) < 1e-3);
    for (const p of res.rgb.channels) for (const v of p) assert.ok(v >= 0 && v <= 1);
    // Weight 0 is the LUT result unchanged.
    const off = optimiseContent(x, t, { weight: 0 });
    for (let c = 0; c < 3; c++) assert.deepEqual(off.rgb.channels[c], x.channels[c]);
  });

  it('edgeAwareTransfer with contentWeight runs the optimisation on its own LUT result', async () => {
    const [gray, sunset] = await Promise.all([read('scene_gray.png'), read('sunset.png')]);
    const t = cropImage(gray, 40, 150, 64, 48);
    const lut = edgeAwareTransfer(t, sunset);
    const opt = edgeAwareTransfer(t, sunset, { contentWeight: 2, contentIterations: 20 });
    const want = optimiseContent(lut, t, { weight: 2, iterations: 20 }).rgb;
    for (let c = 0; c < 3; c++) assert.deepEqual(opt.channels[c], want.channels[c]);
    assert.ok(edgeContentDistance(opt, t).ratio < edgeContentDistance(lut, t).ratio / 2);
    assert.throws(() => edgeAwareTransfer(t, sunset, { contentWeight: -1 }), /option "contentWeight" = -1/);
  });
});
