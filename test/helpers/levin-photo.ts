/**
 * Levin's constrained system on a real photo, as several solver tests build it: val photo
 * bsds500_10081 resized to `width` × `height`, short strokes simulated from its colours (400 per
 * megapixel, seed 9). `make` builds a fresh system each call (solves consume theirs).
 */
import path from 'node:path';
import { shortStrokes } from '../../scripts/stroke-simulation.js';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage } from '../../src/image/resize.js';
import { levinOperator } from '../../src/methods/scribbles/levin/affinity.js';
import { strokeChroma } from '../../src/methods/scribbles/levin/levin.js';
import { type GeneralDirichletSystem, generalDirichletSystem } from '../../src/solve/general-stencil9.js';
import { SHARED } from './shared.js';

export async function photoLevinSystem(width: number, height: number): Promise<() => GeneralDirichletSystem> {
  const src = (await readImage(path.join(SHARED, 'data/val/bsds500_10081.jpg'))).image;
  const truth = resizeImage(src, width, height, 'area');
  const Y = lumaOf(truth);
  const strokes = shortStrokes(truth, 400, 9);
  const values = strokeChroma(strokes, 'yuv');
  return () => generalDirichletSystem(levinOperator(Y, width, height), strokes.mask, values);
}
