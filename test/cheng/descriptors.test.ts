/** Known answers for the building blocks of Deep Colorization: DAISY, GIST, domain transform, cluster choice. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daisyDescriptor, daisyField } from '../../src/features/daisy.js';
import { gist } from '../../src/features/gist.js';
import { domainTransformRF } from '../../src/filters/domain-transform.js';
import { selectCluster } from '../../src/methods/automatic/cheng/clusters.js';
import { chengDescriptorSize, chengDescriptors } from '../../src/methods/automatic/cheng/features.js';
import { decodeFloat16 } from '../../src/methods/automatic/cheng/model.js';
import { seededRandom } from '../../src/random.js';

const argmax = (a: ArrayLike<number>, from: number, len: number): number => {
  let b = from;
  for (let i = from; i < from + len; i++) if (a[i] > a[b]) b = i;
  return b - from;
};

describe('DAISY', () => {
  it('puts the orientation peak of every histogram on the gradient direction of an edge (8 directions)', () => {
    const n = 64;
    for (let k = 0; k < 8; k++) {
      const th = (2 * Math.PI * k) / 8;
      // Brightness rises along direction θ (x right, y down): the gradient points along θ.
      const img = new Float32Array(n * n).map((_, i) => {
        const x = (i % n) - 32;
        const y = Math.floor(i / n) - 32;
        return 1 / (1 + Math.exp(-(x * Math.cos(th) + y * Math.sin(th)) / 3));
      });
      const d = daisyDescriptor(daisyField(img, n, n, { radius: 4 }), 32, 32);
      assert.equal(d.length, 32);
      for (let h = 0; h < 4; h++) assert.equal(argmax(d, 8 * h, 8), k, `direction ${k}, histogram ${h}`);
    }
  });

  it('normalises each histogram to unit length on texture and stays near zero on a flat image', () => {
    const r = seededRandom(3);
    const tex = new Float32Array(40 * 40).map(() => r());
    const d = daisyDescriptor(daisyField(tex, 40, 40), 20, 20);
    for (let h = 0; h < 4; h++) {
      let s = 0;
      for (let o = 0; o < 8; o++) s += d[8 * h + o] ** 2;
      assert.ok(Math.abs(Math.sqrt(s) - 1) < 1e-5, `histogram ${h} norm ${Math.sqrt(s)}`);
    }
    const flat = new Float32Array(40 * 40).fill(0.5);
    assert.ok(daisyDescriptor(daisyField(flat, 40, 40), 20, 20).every((v) => v === 0));
  });

  it('reads the ring points R pixels away at 0°, 120° and 240° (Q = 1: the same layer as the centre)', () => {
    const n = 48;
    const r = seededRandom(9);
    const img = new Float32Array(n * n).map(() => r());
    const f = daisyField(img, n, n, { radius: 8 });
    const d = daisyDescriptor(f, 20, 24);
    assert.deepEqual(Array.from(d.subarray(8, 16)), Array.from(daisyDescriptor(f, 28, 24).subarray(0, 8)));
    assert.notDeepEqual(Array.from(d.subarray(8, 16)), Array.from(daisyDescriptor(f, 12, 24).subarray(0, 8)));
    assert.deepEqual(
      f.offsets.map((o) => [Math.round(o.dx * 1000) / 1000, Math.round(o.dy * 1000) / 1000]),
      [
        [8, 0],
        [-4, 6.928],
        [-4, -6.928],
      ],
    );
  });
});

describe('patch + DAISY descriptor', () => {
  it('is the 7×7 gray patch (clamped at borders) followed by DAISY', () => {
    const w = 12;
    const gray = new Float32Array(w * 9).map((_, i) => (i % w) / 100 + Math.floor(i / w));
    const src = chengDescriptors(gray, w, 9, { patch: true, daisy: true, semantic: false });
    assert.equal(src.size, chengDescriptorSize({ patch: true, daisy: true, semantic: false }, 21));
    const d = new Float32Array(src.size);
    src.fill(0, 0, d, 0);
    assert.equal(d[0], gray[0]); // (−3, −3) clamps to (0, 0)
    assert.equal(d[48], gray[3 * w + 3]);
    assert.deepEqual(Array.from(d.subarray(49)), Array.from(daisyDescriptor(daisyField(gray, w, 9), 0, 0)));
  });
});

describe('domain transform', () => {
  it('keeps a step edge and a constant exactly, and smooths noise within each side', () => {
    const w = 60;
    const h = 20;
    const guide = new Float32Array(w * h).map((_, i) => (i % w < 30 ? 0.2 : 0.8));
    const r = seededRandom(5);
    const noisy = guide.map((v) => v + 0.05 * (r() - 0.5));
    const [step, flat, smooth] = domainTransformRF(
      [guide],
      [guide, new Float32Array(w * h).fill(0.3), noisy],
      w,
      h,
      {
        sigmaSpatial: 30,
        sigmaRange: 0.05,
      },
    );
    let maxStep = 0;
    for (let i = 0; i < w * h; i++) maxStep = Math.max(maxStep, Math.abs(step[i] - guide[i]));
    assert.ok(maxStep < 1e-4, `step moved by ${maxStep}`);
    assert.ok(flat.every((v) => Math.abs(v - 0.3) < 1e-6));
    const sd = (a: Float32Array, ref: Float32Array) =>
      Math.sqrt(a.reduce((s, v, i) => s + (v - ref[i]) ** 2, 0) / a.length);
    assert.ok(sd(smooth, guide) < sd(noisy, guide) / 3, `${sd(smooth, guide)} vs ${sd(noisy, guide)}`);
    // Without the edge in the guide, the same filter blurs the step.
    const [blurred] = domainTransformRF([new Float32Array(w * h)], [guide], w, h, {
      sigmaSpatial: 30,
      sigmaRange: 0.05,
    });
    assert.ok(Math.abs(blurred[10 * w + 29] - guide[10 * w + 29]) > 0.1);
  });
});

describe('GIST', () => {
  const n = 128;
  const r = seededRandom(11);
  const blobs = Array.from({ length: 12 }, () => ({ x: r() * n, y: r() * n, s: 3 + 12 * r(), a: r() }));
  const img = new Float32Array(n * n).map((_, i) => {
    const x = i % n;
    const y = Math.floor(i / n);
    let v = 0.3 + 0.1 * Math.sin((x + 2 * y) / 3);
    for (const b of blobs) v += 0.4 * b.a * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.s * b.s));
    return v;
  });
  const g = gist(img, n, n);
  const relErr = (a: Float32Array, b: Float32Array) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < a.length; i++) {
      num += (a[i] - b[i]) ** 2;
      den += a[i] ** 2;
    }
    return Math.sqrt(num / den);
  };
  /** GIST entry index: filter (scale s, orientation j), block column bx, row by. */
  const at = (s: number, j: number, bx: number, by: number) => (s * 8 + j) * 16 + bx * 4 + by;
  const permuted = (src: Float32Array, map: (s: number, j: number, bx: number, by: number) => number) => {
    const out = new Float32Array(src.length);
    for (let s = 0; s < 4; s++)
      for (let j = 0; j < 8; j++)
        for (let bx = 0; bx < 4; bx++)
          for (let by = 0; by < 4; by++) out[at(s, j, bx, by)] = src[map(s, j, bx, by)];
    return out;
  };

  it('has 512 values: 4 scales × 8 orientations × 4×4 blocks', () => {
    assert.equal(g.length, 512);
    assert.ok(g.every((v) => Number.isFinite(v) && v >= 0));
  });

  it('of a mirrored image is the GIST with mirrored orientations (j → −j) and block columns', () => {
    const flipped = img.map((_, i) => img[Math.floor(i / n) * n + (n - 1 - (i % n))]);
    const gf = gist(flipped, n, n);
    const expected = permuted(g, (s, j, bx, by) => at(s, (8 - j) % 8, 3 - bx, by));
    assert.ok(relErr(gf, expected) < 0.03, `mirror relation error ${relErr(gf, expected)}`);
    assert.ok(relErr(gf, g) > 0.1, 'the mirrored GIST differs from the original');
  });

  it('of an image turned by 90° is the GIST with orientations shifted by 4 and blocks turned', () => {
    // R(u, v) = I(x = v, y = n − 1 − u)
    const rot = img.map((_, i) => img[(n - 1 - (i % n)) * n + Math.floor(i / n)]);
    const gr = gist(rot, n, n);
    const expected = permuted(g, (s, j, bx, by) => at(s, (j + 4) % 8, by, 3 - bx));
    assert.ok(relErr(gr, expected) < 0.03, `rotation relation error ${relErr(gr, expected)}`);
    assert.ok(relErr(gr, g) > 0.1);
  });
});

describe('cluster choice and model decoding', () => {
  it('takes the top-k clusters by GIST distance, then the best semantic-histogram cosine', () => {
    const c = (g: number[], h: number[] | null) => ({
      gist: Float32Array.from(g),
      histogram: h ? Float32Array.from(h) : null,
    });
    const clusters = [
      c([0, 0], [1, 0, 0]),
      c([2, 0], [0, 1, 0]),
      c([0, 3], [0, 0, 1]),
      c([50, 50], [0, 1, 0]),
    ];
    const q = Float32Array.of(0.5, 0);
    assert.equal(selectCluster(clusters, q, null, 3), 0);
    assert.equal(selectCluster(clusters, q, Float32Array.of(0, 0.2, 0.8), 3), 2);
    assert.equal(selectCluster(clusters, q, Float32Array.of(0, 0.2, 0.8), 2), 1);
    assert.equal(selectCluster(clusters, q, Float32Array.of(0, 1, 0), 4), 1); // nearer of the two matches
  });

  it('decodes IEEE half floats', () => {
    const bytes = new Uint8Array(new Uint16Array([0x3c00, 0xc000, 0x7bff, 0x0001, 0x3555, 0]).buffer);
    const v = decodeFloat16(bytes);
    assert.deepEqual(Array.from(v.subarray(0, 4)), [1, -2, 65504, 2 ** -24]);
    assert.ok(Math.abs(v[4] - 1 / 3) < 2e-4);
    assert.equal(v[5], 0);
  });
});
