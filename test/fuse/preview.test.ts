/**
 * The studio's fused preview (issue 18, src/methods/fuse/preview.ts): strokes alone are the
 * scribble preview exactly; the CNN's candidates computed once give the same candidates as
 * computed every time; the sources survive their wire format; with the automatic hint the
 * preview is close to the full `fuse` run (the method itself) on a real photo; re-colouring keeps
 * the photo within ΔE00 ≤ 1 outside the mask (distance by brute force), and changes it at the stroke.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abBins } from '../../src/color/ab-bins.js';
import { srgbToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import type { ImageF32 } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { candidatesFromDistribution } from '../../src/methods/automatic/cnn-tv/candidates.js';
import { fusedCandidates } from '../../src/methods/fuse/candidates.js';
import { fuseColorize, fuseStaticSources } from '../../src/methods/fuse/fuse.js';
import { FusePreview, fusePreviewModel } from '../../src/methods/fuse/preview.js';
import { decodeFuseSources, encodeFuseSources } from '../../src/methods/fuse/sources-wire.js';
import { ScribblePreview } from '../../src/methods/scribbles/levin/preview.js';
import { rasterizeStrokes } from '../../src/methods/scribbles/strokes.js';
import { ciede2000 } from '../../src/metrics/ciede2000.js';
import { psnr } from '../../src/metrics/psnr.js';
import { seededRandom } from '../../src/random.js';
import { dataPath } from '../helpers/shared.js';

async function photo(name: string, width: number): Promise<ImageF32> {
  const src = (await readImage(dataPath('val', name))).image;
  return resizeImage(src, width, Math.round((src.height * width) / src.width), 'area');
}

const grayOf = (img: ImageF32): ImageF32 => ({
  width: img.width,
  height: img.height,
  channels: [lumaOf(img)],
});

function deltaE(a: ImageF32, b: ImageF32, i: number): number {
  const p = srgbToLab(a.channels[0][i], a.channels[1][i], a.channels[2][i]);
  const q = srgbToLab(b.channels[0][i], b.channels[1][i], b.channels[2][i]);
  return ciede2000(p[0], p[1], p[2], q[0], q[1], q[2]);
}

/** Strokes in the truth's colour at their start (the way the studio sends them). */
function strokesFrom(truth: ImageF32, count: number, seed: number) {
  const r = seededRandom(seed);
  const { width: W, height: H } = truth;
  return Array.from({ length: count }, () => {
    const x = 4 + r() * (W - 9);
    const y = 4 + r() * (H - 9);
    const i = Math.round(y) * W + Math.round(x);
    const rgb: [number, number, number] = [truth.channels[0][i], truth.channels[1][i], truth.channels[2][i]];
    return { points: [x, y, Math.min(W - 1, x + 12), y + 3 * (r() - 0.5)], radius: 1.5, rgb };
  });
}

test('fused preview, strokes alone: exactly the scribble preview (Levin et al. on the same grid)', async () => {
  const truth = await photo('bsds500_100039.jpg', 320);
  const gray = grayOf(truth);
  const strokes = strokesFrom(truth, 6, 3);
  const a = new FusePreview(gray, { outputPixels: 250_000 });
  const b = new ScribblePreview(gray, { outputPixels: 250_000 });
  for (let k = 1; k <= strokes.length; k += 2) {
    const ra = a.update(strokes.slice(0, k));
    const rb = b.updateStrokes(strokes.slice(0, k));
    assert.equal(ra.mode, 'strokes');
    for (let c = 0; c < 3; c++)
      assert.deepEqual(ra.rgb.channels[c], rb.rgb.channels[c], `stroke ${k}, channel ${c}`);
  }
});

test('the CNN candidates computed once equal those computed at every call', () => {
  const bins = abBins();
  const w0 = 7;
  const h0 = 5;
  const r = seededRandom(9);
  const probs = new Float32Array(w0 * h0 * bins.count);
  for (let p = 0; p < w0 * h0; p++) {
    let s = 0;
    for (let q = 0; q < bins.count; q++) s += probs[p * bins.count + q] = r() ** 8;
    for (let q = 0; q < bins.count; q++) probs[p * bins.count + q] /= s;
  }
  const dist = { width: w0, height: h0, probs, bins };
  const src = {
    W: 40,
    H: 30,
    dist,
    stroke: {
      a: new Float32Array(1200).fill(20),
      b: new Float32Array(1200).fill(-10),
      conf: new Float32Array(1200).fill(0.3),
      mask: new Uint8Array(1200),
    },
  };
  const layout = { ka: 4, kr: 4, ws: 16, wr: 1, wa: 0.25, prior: 8 };
  const fresh = fusedCandidates(src, layout, 40, 30);
  const reused = fusedCandidates(src, layout, 40, 30, candidatesFromDistribution(dist, 40, 30, 4));
  assert.deepEqual(reused, fresh);
});

test('the static sources survive their wire format; a cut body is refused', async () => {
  const bins = abBins();
  const r = seededRandom(2);
  const dist = {
    width: 3,
    height: 2,
    probs: Float32Array.from({ length: 6 * bins.count }, () => r()),
    bins,
  };
  const exemplar = {
    width: 4,
    height: 3,
    labels: Int32Array.from({ length: 12 }, (_, i) => i % 2),
    segments: 2,
    k: 2,
    a: Float32Array.of(1, 2, 3, 4),
    b: Float32Array.of(-1, -2, -3, -4),
    weight: Float32Array.of(0.5, 0.5, 0.9, 0.1),
    fusedA: Float32Array.from({ length: 12 }, () => r()),
    fusedB: Float32Array.from({ length: 12 }, () => r()),
    features: 'vgg19',
    notices: ['n'],
  };
  const bytes = encodeFuseSources({ dist, exemplar }, ['a note']);
  // As a fetch body arrives: at an offset that may not be 4-aligned.
  const shifted = new Uint8Array(bytes.length + 1).subarray(1);
  shifted.set(bytes);
  const back = decodeFuseSources(shifted);
  assert.deepEqual(back.notices, ['a note']);
  assert.deepEqual(back.dist?.probs, dist.probs);
  assert.deepEqual(back.dist?.bins.cellToBin, bins.cellToBin);
  assert.deepEqual(back.exemplar, exemplar);
  assert.throws(() => decodeFuseSources(bytes.subarray(0, bytes.length - 8)), /cut short/);
});

test('fused preview with the automatic hint: close to the full fuse run on a real photo, and warm updates stay close', async (t) => {
  const truth = await photo('bsds500_101027.jpg', 400);
  const gray = grayOf(truth);
  const strokes = strokesFrom(truth, 5, 5);
  const sources = await fuseStaticSources(gray, { auto: true });
  const preview = new FusePreview(gray);
  preview.setSources(sources, fusePreviewModel({ strokes: true, auto: true }));
  let last = preview.update(strokes.slice(0, 3));
  assert.equal(last.mode, 'fuse');
  last = preview.update(strokes); // warm-started
  const full = await fuseColorize(gray, {
    strokes: rasterizeStrokes(strokes, gray.width, gray.height),
    auto: true,
  });
  const toFull = psnr(last.rgb, full.rgb);
  const previewTruth = psnr(last.rgb, truth);
  const fullTruth = psnr(full.rgb, truth);
  t.diagnostic(
    `preview vs full ${toFull.toFixed(2)} dB; against the truth: preview ${previewTruth.toFixed(2)}, full ${fullTruth.toFixed(2)} dB`,
  );
  // The preview is the method on a coarser grid: near it, and about as good against the truth.
  assert.ok(toFull > 28, `preview vs full fuse: ${toFull.toFixed(2)} dB`);
  assert.ok(
    previewTruth > fullTruth - 1,
    `against the truth: preview ${previewTruth.toFixed(2)}, full ${fullTruth.toFixed(2)} dB`,
  );
});

test('fused preview, re-colouring: outside the feathered mask ΔE00 ≤ 1; at the stroke its colour', async () => {
  const img = await photo('bsds500_100039.jpg', 300);
  const { width: W, height: H } = img;
  const preview = new FusePreview(grayOf(img), { colour: img });
  const blue: [number, number, number] = [0.15, 0.3, 0.85];
  const stroke = { points: [20, 60, 45, 64], radius: 2, rgb: blue };
  // The mask: a thick band over the left third.
  const mask = [{ points: [10, 10, 10, H - 10], radius: 45, rgb: [1, 1, 1] as [number, number, number] }];
  const feather = 4;
  const r = preview.recolour([stroke], { mask, strokeSigma: 60, edgeCost: 1, feather });
  assert.equal(r.rgb.width, W);
  // Distance to the mask band (a capsule: the segment x = 10, 10 ≤ y ≤ H − 10, radius 45), in
  // closed form; beyond 3 feather σ (plus a pixel of rasterisation) the feathered mask is < 0.2 %.
  let outside = 0;
  let worst = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const cy = Math.min(H - 10, Math.max(10, y));
      const d = Math.hypot(x - 10, y - cy) - 45;
      if (d <= 3 * feather + 1) continue;
      outside++;
      worst = Math.max(worst, deltaE(r.rgb, img, y * W + x));
    }
  assert.ok(outside > 20_000, `${outside} pixels checked outside the mask`);
  assert.ok(worst <= 1, `worst ΔE00 outside the mask: ${worst.toFixed(3)}`);
  const at = 62 * W + 32;
  const blueLab = srgbToLab(...blue);
  const got = srgbToLab(r.rgb.channels[0][at], r.rgb.channels[1][at], r.rgb.channels[2][at]);
  // The chroma of the stroke (the luma stays the photo's): b* as blue as the stroke's within 25 %.
  assert.ok(
    got[2] < 0.75 * blueLab[2],
    `b* at the stroke ${got[2].toFixed(1)} vs the stroke's ${blueLab[2].toFixed(1)}`,
  );
});
