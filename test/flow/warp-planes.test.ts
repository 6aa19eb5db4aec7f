/**
 * warpPlanes (several planes along one flow, positions computed once) and warpPlane against
 * bilinear sampling written out here, on the three planes of a real photo (val/bsds500_100039) and
 * a flow with sub-pixel, negative and out-of-frame displacements: the same numbers, bit for bit.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { warpPlane, warpPlanes } from '../../src/flow/warp.js';
import { readImage } from '../../src/image/io.js';
import { dataPath } from '../helpers/shared.js';

/** plane(x + u, y + v), the position clamped to the frame, bilinear between the 4 nearest samples. */
function sampleLiterally(p: Float32Array, width: number, height: number, fx0: number, fy0: number): number {
  const fx = Math.min(Math.max(fx0, 0), width - 1);
  const fy = Math.min(Math.max(fy0, 0), height - 1);
  const x0 = Math.min(Math.floor(fx), Math.max(width - 2, 0));
  const y0 = Math.min(Math.floor(fy), Math.max(height - 2, 0));
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const top = p[y0 * width + x0] * (1 - ax) + p[y0 * width + x1] * ax;
  const bot = p[y1 * width + x0] * (1 - ax) + p[y1 * width + x1] * ax;
  return top * (1 - ay) + bot * ay;
}

it('warpPlanes and warpPlane equal bilinear sampling written out, plane by plane', async () => {
  const photo = (await readImage(dataPath('val', 'bsds500_100039.jpg'))).image;
  const { width, height } = photo;
  const n = width * height;
  const u = Float32Array.from({ length: n }, (_, i) => 7.3 * Math.sin(i * 0.013) - 1.1);
  const v = Float32Array.from({ length: n }, (_, i) => 5.9 * Math.cos(i * 0.007) + 0.4);
  const flow = { width, height, u, v };
  const many = warpPlanes(photo.channels, flow);
  photo.channels.forEach((p, c) => {
    const literal = new Float32Array(n);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        literal[i] = sampleLiterally(p, width, height, x + u[i], y + v[i]);
      }
    assert.deepEqual(many[c], literal);
    assert.deepEqual(warpPlane(p, flow), literal);
  });
});
