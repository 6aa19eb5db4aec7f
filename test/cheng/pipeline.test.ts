/** Deep Colorization end to end with the committed networks, on real photos and synthetic cases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lumaOf } from '../../src/color/linear-spaces.js';
import { ColorizeError } from '../../src/errors.js';
import { createImage, fromPlanes, grayToRgb } from '../../src/image/image.js';
import { readImage } from '../../src/image/io.js';
import { resizeImage, resizePlane, workingGrid } from '../../src/image/resize.js';
import { chengDescriptors } from '../../src/methods/automatic/cheng/features.js';
import { mlpForward } from '../../src/methods/automatic/cheng/mlp.js';
import { loadChengModel, parseChengModel } from '../../src/methods/automatic/cheng/model.js';
import { colorizeCheng, globalMembers } from '../../src/methods/automatic/cheng/pipeline.js';
import { semanticFeature } from '../../src/methods/automatic/cheng/semantic.js';
import { colorfulness } from '../../src/metrics/colorfulness.js';
import { psnr } from '../../src/metrics/psnr.js';
import { dataPath } from '../helpers/shared.js';

// Every 50th validation photo from BSDS500 (natural scenes, like most of the training set; on the
// grayish Urban100 scenes the gray image itself scores higher, see docs/cheng.md).
const PHOTOS = [
  'val/bsds500_100007.jpg',
  'val/bsds500_157032.jpg',
  'val/bsds500_226043.jpg',
  'val/bsds500_35028.jpg',
];

async function load(rel: string) {
  const { image: truth } = await readImage(dataPath(rel));
  return { truth, gray: fromPlanes(truth.width, truth.height, [lumaOf(truth).slice()]) };
}

const totalVariation = (p: Float32Array, w: number) => {
  let s = 0;
  for (let i = 0; i + 1 < p.length; i++) if ((i + 1) % w !== 0) s += Math.abs(p[i + 1] - p[i]);
  for (let i = 0; i + w < p.length; i++) s += Math.abs(p[i + w] - p[i]);
  return s;
};

describe('colorizeCheng on validation photos', () => {
  it('adds colour, keeps the gray image as luma; the global network beats the gray image’s PSNR on most photos', async () => {
    // The global network, not the cluster ensemble: on the val samples, Algorithm 3's cluster
    // networks overfit their ~60–100 photos and score 0.86 dB lower (docs/cheng.md, Fig. 8).
    let better = 0;
    for (const rel of PHOTOS) {
      const { truth, gray } = await load(rel);
      const r = await colorizeCheng(gray, { clustering: false });
      assert.equal(r.rgb.width, gray.width);
      assert.ok(colorfulness(r.rgb) > 5, `${rel}: colourfulness ${colorfulness(r.rgb)}`);
      const y = lumaOf(r.rgb);
      let err = 0;
      for (let i = 0; i < y.length; i++) err += Math.abs(y[i] - gray.channels[0][i]);
      assert.ok(err / y.length < 2e-3, `${rel}: luma moved by ${err / y.length}`);
      const pGray = psnr(grayToRgb(gray), truth);
      const p = psnr(r.rgb, truth);
      // 100007 (a nearly colourless scene) costs 5.2 dB against its gray image with the model trained
      // on all 2,774 photos (3.6 dB with the earlier 1,387-photo one); the others gain 2.1–2.4 dB.
      assert.ok(p > pGray - 6, `${rel}: PSNR ${p.toFixed(2)} vs gray ${pGray.toFixed(2)}`);
      if (p > pGray) better++;
      // The default (clustering, the paper's full method) picks a cluster network and adds colour.
      const c = await colorizeCheng(gray);
      assert.ok(c.cluster !== null && c.network.startsWith('c'), `cluster network chosen (${c.network})`);
      assert.ok(colorfulness(c.rgb) > 5);
      const pc = psnr(c.rgb, truth);
      assert.ok(pc > pGray - 4, `${rel}: clustered PSNR ${pc.toFixed(2)} vs gray ${pGray.toFixed(2)}`);
    }
    assert.ok(better >= 3, `better than gray on ${better} of ${PHOTOS.length}`);
  });

  it('refinement lowers the total variation of U and V; options pick the named networks', async () => {
    const { gray } = await load(PHOTOS[0]);
    const raw = await colorizeCheng(gray, { refine: false, clustering: false });
    const refined = await colorizeCheng(gray, { clustering: false });
    assert.equal(raw.network, 'global');
    assert.equal(raw.cluster, null);
    for (let c = 0; c < 2; c++) {
      const a = totalVariation(raw.chroma.channels[c], gray.width);
      const b = totalVariation(refined.chroma.channels[c], gray.width);
      assert.ok(b < 0.7 * a, `channel ${c}: ${b} vs ${a}`);
    }
    for (const f of ['no-patch', 'no-daisy', 'no-semantic'] as const) {
      const r = await colorizeCheng(gray, { features: f });
      assert.equal(r.network, f);
    }
  });
});

describe('chroma gain', () => {
  it('scales the refined U, V exactly (the refinement is linear in them) and adds colourfulness', async () => {
    const { gray } = await load(PHOTOS[2]);
    const base = await colorizeCheng(gray, { clustering: false });
    const more = await colorizeCheng(gray, { clustering: false, chromaGain: 1.3 });
    for (let c = 0; c < 2; c++) {
      const a = base.chroma.channels[c];
      const b = more.chroma.channels[c];
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(b[i] - 1.3 * a[i]));
      assert.ok(worst < 1e-4, `channel ${c}: off by ${worst}`);
    }
    assert.ok(colorfulness(more.rgb) > 1.2 * colorfulness(base.rgb));
    const none = await colorizeCheng(gray, { clustering: false, chromaGain: 0 });
    assert.ok(colorfulness(none.rgb) < 1e-3);
  });
});

describe('members (the mean of several global networks)', () => {
  it('averages global, global.2, … exactly as the networks evaluated one by one', async () => {
    const { gray: photo } = await load(PHOTOS[3]);
    // A 96 × 64 crop keeps the plain-JavaScript reference below quick.
    const W = 96;
    const H = 64;
    const crop = new Float32Array(W * H);
    for (let y = 0; y < H; y++)
      crop.set(
        photo.channels[0].subarray((y + 100) * photo.width + 150, (y + 100) * photo.width + 150 + W),
        y * W,
      );
    const gray = fromPlanes(W, H, [crop]);
    const model = loadChengModel();
    const k = Math.min(3, globalMembers(model));
    assert.ok(k >= 3, `the committed model holds ${k} global networks`);
    const r = await colorizeCheng(gray, { clustering: false, refine: false, members: k, chromaGain: 1.2 });
    assert.equal(r.network, `global×${k}`);
    const global = model.networks.get('global');
    assert.ok(global);
    const sem = await semanticFeature(gray, { variant: model.semantic?.variant ?? 'cityscapes' });
    const src = chengDescriptors(crop, W, H, global.features, sem.planes);
    const X = new Float32Array(W * H * src.size);
    for (let p = 0; p < W * H; p++) src.fill(p % W, Math.floor(p / W), X, p * src.size);
    const names = ['global', 'global.2', 'global.3'];
    const outs = names.map((n) => {
      const net = model.networks.get(n);
      assert.ok(net, n);
      return mlpForward(net, X, W * H);
    });
    // The members differ (other seeds), so the mean is not any one of them.
    let spread = 0;
    let worst = 0;
    for (let p = 0; p < W * H; p++)
      for (let c = 0; c < 2; c++) {
        spread = Math.max(spread, Math.abs(outs[0][2 * p + c] - outs[1][2 * p + c]));
        const mean = (outs[0][2 * p + c] + outs[1][2 * p + c] + outs[2][2 * p + c]) / 3;
        worst = Math.max(worst, Math.abs(r.chroma.channels[c][p] - 1.2 * mean));
      }
    assert.ok(spread > 1e-3, `members differ by ${spread}`);
    assert.ok(worst < 1e-4, `mean of the members off by ${worst}`);
  });

  it('needs the global network and as many members as the model holds', async () => {
    const g = createImage(8, 8, 1);
    const have = globalMembers(loadChengModel());
    for (const [o, pattern] of [
      [{ members: 2 }, /clustering/],
      [{ members: 2, clustering: false, features: 'no-daisy' }, /global network/],
      [{ members: have + 1, clustering: false }, new RegExp(`holds ${have} global`)],
      [{ members: 0 }, /members/],
      [{ members: 1.5 }, /members/],
    ] as const) {
      await assert.rejects(
        colorizeCheng(g, o as never),
        (e: unknown) => e instanceof ColorizeError && e.kind === 'usage' && pattern.test(e.message),
        JSON.stringify(o),
      );
    }
  });
});

describe('working size (inputs far above the training scale)', () => {
  it('runs the descriptors at workingSize, brings the chroma up to full size and keeps the input luma', async () => {
    const { truth, gray } = await load(PHOTOS[1]);
    // The photo enlarged twice (962 × 642) as the "large input", the truth enlarged the same way.
    const big = resizeImage(truth, truth.width * 2, truth.height * 2, 'bicubic');
    const bigGray = fromPlanes(big.width, big.height, [lumaOf(big).slice()]);
    const r = await colorizeCheng(bigGray, { workingSize: 320, clustering: false });
    assert.equal(Math.max(r.chroma.width, r.chroma.height), 320);
    assert.equal(r.rgb.width, big.width);
    assert.equal(r.rgb.height, big.height);
    const y = lumaOf(r.rgb);
    let err = 0;
    for (let i = 0; i < y.length; i++) err += Math.abs(y[i] - bigGray.channels[0][i]);
    assert.ok(err / y.length < 2e-3, `luma moved by ${err / y.length}`);
    // Same colours as running at the photo's own scale, up to the resampling: PSNR against the
    // enlarged truth within 1 dB of the native-size result's against the truth, and above gray − 1.
    const native = await colorizeCheng(gray, { workingSize: 0, clustering: false });
    const pBig = psnr(r.rgb, big);
    const pNative = psnr(native.rgb, truth);
    assert.ok(Math.abs(pBig - pNative) < 1, `${pBig.toFixed(2)} vs ${pNative.toFixed(2)}`);
    assert.ok(colorfulness(r.rgb) > 5);
    // workingSize 0 keeps the input size.
    assert.equal(native.chroma.width, gray.width);
  });

  it('without a working size, runs photos over workingPixels at about that many pixels (issue 21)', async () => {
    const { gray } = await load(PHOTOS[1]); // 481 × 321
    const r = await colorizeCheng(gray, { workingPixels: 40_000, clustering: false });
    const grid = workingGrid(gray.width, gray.height, 40_000);
    assert.deepEqual({ width: r.chroma.width, height: r.chroma.height }, grid);
    assert.equal(r.rgb.width, gray.width);
    assert.equal(r.rgb.height, gray.height);
    // The same chroma as the method run on the area-reduced photo itself.
    const small = fromPlanes(grid.width, grid.height, [
      resizePlane(gray.channels[0], gray.width, gray.height, grid.width, grid.height, 'area'),
    ]);
    const direct = await colorizeCheng(small, { workingPixels: 0, clustering: false });
    assert.deepEqual(r.chroma.channels, direct.chroma.channels);
    await assert.rejects(
      colorizeCheng(gray, { workingPixels: 100 }),
      (e: unknown) => e instanceof ColorizeError && /workingPixels/.test(e.message),
    );
  });

  it('refuses a working size below 16 px', async () => {
    const g = createImage(40, 30, 1);
    await assert.rejects(
      colorizeCheng(g, { workingSize: 8 }),
      (e: unknown) => e instanceof ColorizeError && /workingSize/.test(e.message),
    );
  });
});

describe('global styles (Fig. 13)', () => {
  it('the warm style gives warmer chrominance (larger mean V − U) than the natural style', async () => {
    for (const rel of PHOTOS.slice(0, 2)) {
      const { gray } = await load(rel);
      const natural = await colorizeCheng(gray, { clustering: false });
      const warm = await colorizeCheng(gray, { style: 'warm' });
      assert.equal(warm.network, 'style-warm');
      const warmth = (c: typeof warm.chroma) => {
        let s = 0;
        for (let i = 0; i < c.channels[0].length; i++) s += c.channels[1][i] - c.channels[0][i];
        return s / c.channels[0].length;
      };
      assert.ok(
        warmth(warm.chroma) > warmth(natural.chroma) + 0.01,
        `${rel}: ${warmth(warm.chroma)} vs ${warmth(natural.chroma)}`,
      );
    }
  });
});

describe('colorizeCheng on degenerate sizes', () => {
  it('colours 1×1, 3×2 and 600×2 images with finite values of the right size', async () => {
    for (const [w, h] of [
      [1, 1],
      [3, 2],
      [600, 2],
    ]) {
      const g = createImage(w, h, 1);
      g.channels[0].forEach((_, i, a) => {
        a[i] = (i % 5) / 5;
      });
      const r = await colorizeCheng(g);
      assert.equal(r.rgb.width, w);
      assert.equal(r.rgb.height, h);
      assert.ok(r.rgb.channels.every((c) => c.length === w * h && c.every(Number.isFinite)));
    }
  });
});

describe('colorizeCheng errors', () => {
  it('refuses a colour image, an empty plane and non-finite values as input errors', async () => {
    const rgb = createImage(8, 8, 3);
    await assert.rejects(
      colorizeCheng(rgb),
      (e: unknown) => e instanceof ColorizeError && e.kind === 'input',
    );
    const nan = createImage(8, 8, 1);
    nan.channels[0][5] = Number.NaN;
    await assert.rejects(
      colorizeCheng(nan),
      (e: unknown) => e instanceof ColorizeError && e.kind === 'input',
    );
  });

  it('refuses bad options as usage errors naming the option', async () => {
    const g = createImage(8, 8, 1);
    for (const [o, name] of [
      [{ features: 'no-colour' }, 'features'],
      [{ topK: 0 }, 'topK'],
      [{ style: 'dusk' }, 'style'],
      [{ style: 'warm', features: 'no-daisy' }, 'style'],
      [{ refineSigmaSpatial: -1 }, 'refineSigmaSpatial'],
      [{ clustering: 'yes' }, 'clustering'],
      [{ chromaGain: -0.5 }, 'chromaGain'],
      [{ chromaGain: Number.NaN }, 'chromaGain'],
    ] as const) {
      await assert.rejects(
        colorizeCheng(g, o as never),
        (e: unknown) => e instanceof ColorizeError && e.kind === 'usage' && e.message.includes(name),
      );
    }
  });

  it('reports a truncated weights file as a model error', () => {
    const model = loadChengModel();
    assert.throws(
      () => parseChengModel(model.meta, new Float32Array(100)),
      (e: unknown) => e instanceof ColorizeError && /truncated/.test(e.message),
    );
  });
});
