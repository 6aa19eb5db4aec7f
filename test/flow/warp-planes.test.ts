/**
 * warpPlanes (several planes along one flow, positions computed once) against warpPlane one plane
 * at a time, on the three planes of a real photo (val/bsds500_100039) and a flow with sub-pixel,
 * negative and out-of-frame displacements: the same numbers, bit for bit.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { warpPlane, warpPlanes } from '../../src/flow/warp.js';
import { readImage } from '../../src/image/io.js';
import { dataPath } from '../helpers/shared.js';

it('warpPlanes equals warpPlane plane by plane', async () => {
  const photo = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
  const { width, height } = photo;
  const n = width * height;
  const u = Float32Array.from({ length: n }, (_, i) => 7.3 * Math.sin(i * 0.013) - 1.1);
  const v = Float32Array.from({ length: n }, (_, i) => 5.9 * Math.cos(i * 0.007) + 0.4);
  const flow = { width, height, u, v };
  const many = warpPlanes(photo.channels, flow);
  photo.channels.forEach((p, c) => {
    assert.deepEqual(many[c], warpPlane(p, flow));
  });
});
