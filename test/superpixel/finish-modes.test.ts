/**
 * The three final steps of the superpixel method (IPOL 2024 §3.1, Alg. 3–4, Figures 3 and 9) on a
 * real pair: 'paper' puts back the original's CIELAB L* and bilinearly resized a*, b*; 'edge-aware'
 * keeps the original's Rec. 601 luma; 'rgb' is the fused image resized, keeping neither.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lightnessOf, rgbImageToLab } from '../../src/color/lab.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizePlane } from '../../src/image/resize.js';
import { superpixelFusionVariants } from '../../src/methods/exemplar/superpixel/pipeline.js';
import { dataPath } from '../helpers/shared.js';

/** Share of pixels where |a − b| > tol. */
const shareAbove = (a: Float32Array, b: Float32Array, tol: number) =>
  a.reduce((n, v, i) => n + (Math.abs(v - b[i]) > tol ? 1 : 0), 0) / a.length;

test('finish modes: paper keeps L* and resizes a*b* bilinearly, edge-aware keeps luma, rgb keeps neither', async () => {
  const gray = (await readImage(dataPath('exemplar', '004_target.png'))).image;
  const ref = (await readImage(dataPath('exemplar', '004_reference.png'))).image;
  const [edge, paper, rgb] = await superpixelFusionVariants(
    'colorize',
    gray,
    ref,
    { features: 'handcrafted', workingSize: 96 },
    [{ finishMode: 'edge-aware' }, { finishMode: 'paper' }, { finishMode: 'rgb' }],
  );
  const L0 = lightnessOf(gray);
  const Y0 = lumaOf(gray);
  // Paper: L* of the output is the original's (up to 8-bit-free float rounding and the gamut clamp).
  assert.ok(shareAbove(lightnessOf(paper.rgb), L0, 0.5) < 0.01, 'paper keeps L*');
  // Its a*, b* are the working-size chroma resized bilinearly (where the gamut clamp leaves them).
  const lab = rgbImageToLab(paper.rgb).channels;
  const { width: w, height: h } = paper.chroma;
  for (let c = 0; c < 2; c++) {
    const up = resizePlane(paper.chroma.channels[c], w, h, gray.width, gray.height, 'bilinear');
    assert.ok(shareAbove(lab[c + 1], up, 1) < 0.05, `paper: ${c ? 'b*' : 'a*'} is the bilinear resize`);
  }
  // Edge-aware: Rec. 601 luma kept.
  assert.ok(shareAbove(lumaOf(edge.rgb), Y0, 1 / 255) < 0.01, 'edge-aware keeps luma');
  // rgb: the fused image's own lightness, far from the original's in many places.
  assert.ok(shareAbove(lightnessOf(rgb.rgb), L0, 2) > 0.2, 'rgb does not put the luminance back');
  assert.equal(rgb.rgb.width, gray.width);
});
