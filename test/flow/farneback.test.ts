/**
 * Farnebäck flow against two references we did not write: OpenCV's calcOpticalFlowFarneback on a
 * small pair (fixture from scripts/make-flow-fixture.py) and the known synthetic motion (a sub-pixel
 * translation plus zoom) of a real photo from ../shared/data/val.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { farnebackFlow } from '../../src/flow/farneback.js';
import { flowConsistency, warpPlane } from '../../src/flow/warp.js';
import { readImage } from '../../src/image/io.js';
import { rng } from '../helpers/images.js';
import { dataPath, REPO_ROOT } from '../helpers/shared.js';

interface Fixture {
  width: number;
  height: number;
  params: {
    pyr_scale: number;
    levels: number;
    winsize: number;
    iterations: number;
    poly_n: number;
    poly_sigma: number;
  };
  prev: string;
  next: string;
  flowU100: string;
  flowV100: string;
}

const fx = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/farneback-opencv.json'), 'utf8'),
) as Fixture;
const u8 = (b: string) => Float32Array.from(Buffer.from(b, 'base64'), (v) => v / 255);
const i16 = (b: string) => {
  const buf = Buffer.from(b, 'base64');
  return Float32Array.from(new Int16Array(buf.buffer, buf.byteOffset, buf.length / 2), (v) => v / 100);
};

test('farneback: matches OpenCV calcOpticalFlowFarneback on the fixture pair', () => {
  const { width: w, height: h, params: p } = fx;
  const f = farnebackFlow(u8(fx.prev), u8(fx.next), w, h, {
    pyrScale: p.pyr_scale,
    levels: p.levels,
    winSize: p.winsize,
    iterations: p.iterations,
    polyN: p.poly_n,
    polySigma: p.poly_sigma,
  });
  const ru = i16(fx.flowU100);
  const rv = i16(fx.flowV100);
  let sum = 0;
  let max = 0;
  let n = 0;
  let refMag = 0;
  for (let i = 0; i < w * h; i++) {
    const d = Math.hypot(f.u[i] - ru[i], f.v[i] - rv[i]);
    sum += d;
    max = Math.max(max, d);
    refMag += Math.hypot(ru[i], rv[i]);
    n++;
  }
  const mean = sum / n;
  // OpenCV moves ~2.9 px on average here; our flow agrees to a few hundredths of a pixel.
  assert.ok(refMag / n > 2, `reference flow too small (${refMag / n})`);
  assert.ok(mean < 0.03, `mean |ours − OpenCV| = ${mean.toFixed(4)} px`);
  assert.ok(max < 0.3, `max |ours − OpenCV| = ${max.toFixed(4)} px`);
});

for (const [tx, ty, s] of [
  [1.7, -0.6, 1.015],
  [4.3, 2.2, 1],
])
  test(`farneback: recovers a known motion (${tx}, ${ty}) px, zoom ${s}, of a real photo`, async () => {
    const { image } = await readImage(dataPath('val', 'bsds500_100039.jpg'));
    const W = image.width;
    const src = image.channels[1]; // green: a luminance-like plane
    const w = 200;
    const h = 150;
    const x0 = Math.floor((W - w) / 2);
    const y0 = Math.floor((image.height - h) / 2);
    const cx = x0 + (w - 1) / 2;
    const cy = y0 + (h - 1) / 2;
    const sample = (x: number, y: number) => {
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      const ax = x - xi;
      const ay = y - yi;
      const at = (a: number, b: number) => src[b * W + a];
      return (
        (at(xi, yi) * (1 - ax) + at(xi + 1, yi) * ax) * (1 - ay) +
        (at(xi, yi + 1) * (1 - ax) + at(xi + 1, yi + 1) * ax) * ay
      );
    };
    const prev = new Float32Array(w * h);
    const next = new Float32Array(w * h);
    const tu = new Float32Array(w * h);
    const tv = new Float32Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const X = x0 + x;
        const Y = y0 + y;
        prev[y * w + x] = src[Y * W + X];
        // Scene point q moves to s (q − c) + c + t; next(p) = scene((p − c − t)/s + c).
        next[y * w + x] = sample((X - cx - tx) / s + cx, (Y - cy - ty) / s + cy);
        tu[y * w + x] = (s - 1) * (X - cx) + tx;
        tv[y * w + x] = (s - 1) * (Y - cy) + ty;
      }
    const f = farnebackFlow(prev, next, w, h);
    let epe = 0;
    let n = 0;
    for (let y = 12; y < h - 12; y++)
      for (let x = 12; x < w - 12; x++) {
        const i = y * w + x;
        epe += Math.hypot(f.u[i] - tu[i], f.v[i] - tv[i]);
        n++;
      }
    epe /= n;
    assert.ok(epe < 0.1, `mean endpoint error ${epe.toFixed(3)} px on non-border pixels`);
    // Warping the next frame back with the estimated flow reproduces the previous one.
    const back = warpPlane(next, f);
    let err = 0;
    let err0 = 0;
    for (let y = 12; y < h - 12; y++)
      for (let x = 12; x < w - 12; x++) {
        const i = y * w + x;
        err += Math.abs(back[i] - prev[i]);
        err0 += Math.abs(next[i] - prev[i]);
      }
    assert.ok(
      err < err0 / 2.5,
      `warped residual ${(err / n).toFixed(4)} vs unwarped ${(err0 / n).toFixed(4)}`,
    );
  });

test('flow consistency: pixels that leave the frame or whose content is replaced are unreliable', () => {
  const w = 96;
  const h = 64;
  // Smooth random textures (non-periodic, so the motion is not ambiguous).
  const r = rng(7);
  const noise = (n: number) => {
    const a = Float32Array.from({ length: n * n }, () => r());
    const b = new Float32Array(n * n);
    for (let y = 1; y < n - 1; y++)
      for (let x = 1; x < n - 1; x++) {
        let s = 0;
        for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) s += a[(y + j) * n + x + i];
        b[y * n + x] = s / 9;
      }
    return (x: number, y: number) => b[(y + 1) * n + x + 1];
  };
  const tex = noise(120);
  const other = noise(40);
  const prev = new Float32Array(w * h);
  const next = new Float32Array(w * h);
  // The camera pans 3 px left (content moves right by 3); in the next frame a 32×32 patch shows
  // something unrelated (a disocclusion / new object).
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      prev[y * w + x] = tex(x + 10, y);
      next[y * w + x] = x >= 50 && x < 82 && y >= 16 && y < 48 ? other(x - 50, y - 16) : tex(x + 7, y);
    }
  const fwd = farnebackFlow(prev, next, w, h);
  const bwd = farnebackFlow(next, prev, w, h);
  const geometric = flowConsistency(fwd, bwd);
  const ok = flowConsistency(fwd, bwd, { from: prev, to: next, tolerance: 0.04 });
  const frac = (x0: number, x1: number, y0: number, y1: number) => {
    let s = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += ok[y * w + x];
    return s / ((x1 - x0) * (y1 - y0));
  };
  const far = frac(8, 30, 8, 56);
  assert.ok(far > 0.95, `still-consistent region: ${(100 * far).toFixed(0)} % reliable`);
  // Pixels of the previous frame that land beyond the right edge (x + 3 > w − 1).
  assert.equal(frac(w - 2, w, 0, h), 0);
  // Previous-frame pixels whose content is replaced in the next frame (the patch's centre, minus the 3 px shift).
  // Farnebäck's smooth flow stays geometrically consistent there; the photometric test catches it.
  const replaced = frac(53, 75, 24, 40);
  let geo = 0;
  for (let y = 24; y < 40; y++) for (let x = 53; x < 75; x++) geo += geometric[y * w + x];
  assert.ok(geo / (22 * 16) > replaced, 'the photometric test adds nothing');
  assert.ok(replaced < 0.5, `replaced patch: ${(100 * replaced).toFixed(0)} % called reliable`);
});
