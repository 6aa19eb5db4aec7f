/**
 * The fused method with the automatic source (issue 18): auto alone equals `cnn-tv` on the same
 * candidates; fused with strokes, the stroke pixels are exactly the stroke colour (as `levin`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { predictColorDistribution } from '../../src/methods/automatic/cnn-tv/network.js';
import { selectWithCoupledTv } from '../../src/methods/automatic/cnn-tv/pipeline.js';
import { fuseColorize } from '../../src/methods/fuse/fuse.js';
import { colorizeLevin } from '../../src/methods/scribbles/levin/levin.js';
import { psnr } from '../../src/metrics/psnr.js';
import { dataPath } from '../helpers/shared.js';

async function valPhoto(name: string, width: number): Promise<{ truth: ImageF32; gray: ImageF32 }> {
  const src = (await readImage(dataPath('val', name))).image;
  const truth = resizeImage(src, width, Math.round((src.height * width) / src.width), 'area');
  return { truth, gray: { width: truth.width, height: truth.height, channels: [lumaOf(truth)] } };
}

test('auto alone equals cnn-tv on the same candidates (within 1/255); strokes are hard where drawn when fused', async () => {
  const { gray, truth } = await valPhoto('bsds500_100039.jpg', 112);
  const opts = { iterations: 60, workingPixels: 4096 * 4 };
  const fused = await fuseColorize(gray, { auto: true }, { ...opts, autoCandidates: 6 });
  const own = selectWithCoupledTv(gray, await predictColorDistribution(gray), { ...opts, candidates: 6 });
  let maxDiff = 0;
  for (let c = 0; c < 3; c++)
    for (let i = 0; i < gray.width * gray.height; i++)
      maxDiff = Math.max(maxDiff, Math.abs(fused.rgb.channels[c][i] - own.image.channels[c][i]));
  assert.ok(maxDiff <= 1 / 255, `fuse --auto vs cnn-tv: max |Δ| ${maxDiff}`);

  const strokes = shortStrokes(truth, 3000, 4);
  const both = await fuseColorize(gray, { strokes, auto: true }, opts);
  const lev = colorizeLevin(gray, strokes);
  let strokeDiff = 0;
  let count = 0;
  for (let i = 0; i < strokes.mask.length; i++) {
    if (!strokes.mask[i]) continue;
    count++;
    for (let c = 0; c < 3; c++)
      strokeDiff = Math.max(strokeDiff, Math.abs(both.rgb.channels[c][i] - lev.rgb.channels[c][i]));
  }
  assert.ok(count > 50);
  assert.ok(strokeDiff < 1e-6, `stroke pixels differ from the stroke colour by ${strokeDiff}`);
  // Fusing the strokes helps the automatic result on this photo.
  assert.ok(
    psnr(both.rgb, truth) > psnr(fused.rgb, truth),
    `${psnr(both.rgb, truth)} vs ${psnr(fused.rgb, truth)}`,
  );
});

test('strokes + auto without a reference use the farther stroke reach (σ 200), with a reference σ 60', async () => {
  const { gray, truth } = await valPhoto('bsds500_100039.jpg', 240);
  const opts = { iterations: 60, workingPixels: 4096 * 4 };
  const strokes = shortStrokes(truth, 300, 4);
  const cache = {};
  const byDefault = await fuseColorize(gray, { strokes, auto: true }, opts, cache);
  const at200 = await fuseColorize(gray, { strokes, auto: true }, { ...opts, strokeSigma: 200 }, cache);
  const at60 = await fuseColorize(gray, { strokes, auto: true }, { ...opts, strokeSigma: 60 }, cache);
  const maxDiff = (a: ImageF32, b: ImageF32) => {
    let m = 0;
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < a.channels[c].length; i++)
        m = Math.max(m, Math.abs(a.channels[c][i] - b.channels[c][i]));
    return m;
  };
  assert.equal(maxDiff(byDefault.rgb, at200.rgb), 0);
  assert.ok(maxDiff(byDefault.rgb, at60.rgb) > 1 / 255, 'σ matters on this photo');
});
