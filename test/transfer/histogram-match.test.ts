import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cumulativeHistogram,
  lutFromCdfs,
  matchHistogramExact,
  matchHistogramLut,
} from '../../src/filters/histogram-match.js';
import { rng } from '../helpers/images.js';

function levels(n: number, seed: number, shape: (u: number) => number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => Math.round(shape(r()) * 255) / 255);
}

describe('histogram matching (report §2.1.1–2.1.2)', () => {
  it('the matched histogram reproduces the reference CDF (to one target bin)', () => {
    const target = levels(20000, 1, (u) => u); // flat
    const reference = levels(15000, 2, (u) => u * u * u); // dark-heavy
    const out = matchHistogramLut(target, reference);
    const cOut = cumulativeHistogram(out);
    const cRef = cumulativeHistogram(reference);
    const pT = cumulativeHistogram(target);
    let maxBin = pT[0];
    for (let k = 1; k < 256; k++) maxBin = Math.max(maxBin, pT[k] - pT[k - 1]);
    let err = 0;
    for (let k = 0; k < 256; k++) err = Math.max(err, Math.abs(cOut[k] - cRef[k]));
    assert.ok(err <= maxBin + 1e-9, `max CDF gap ${err} > largest target bin ${maxBin}`);
    // And it really moved: the flat target's CDF was far from the reference's.
    let before = 0;
    for (let k = 0; k < 256; k++) before = Math.max(before, Math.abs(pT[k] - cRef[k]));
    assert.ok(before > 0.3);
  });

  it('the LUT is monotone, so pixel order (the content metric d_c) is kept', () => {
    const lut = lutFromCdfs(
      cumulativeHistogram(levels(5000, 3, (u) => u)),
      cumulativeHistogram(levels(5000, 4, Math.sqrt)),
    );
    for (let i = 1; i < lut.length; i++) assert.ok(lut[i] >= lut[i - 1]);
  });

  it('exact matching: a target with distinct values becomes a permutation of the reference', () => {
    const r = rng(5);
    const target = Float32Array.from({ length: 999 }, () => r());
    const reference = Float32Array.from({ length: 999 }, () => r() ** 2);
    const out = matchHistogramExact(target, reference);
    assert.deepEqual([...out].sort(), [...reference].sort());
    // Order kept.
    const idx = [...target.keys()].sort((a, b) => target[a] - target[b]);
    for (let k = 1; k < idx.length; k++) assert.ok(out[idx[k]] >= out[idx[k - 1]]);
  });

  it('masks restrict which pixels count in each histogram', () => {
    const target = Float32Array.of(0, 0.5, 1, 1);
    const reference = Float32Array.of(0.2, 0.2, 0.9, 0.9);
    const refMask = Uint8Array.of(1, 1, 0, 0);
    const out = matchHistogramLut(target, reference, 256, { refMask });
    for (const v of out) assert.ok(Math.abs(v - 51 / 255) < 1e-6);
  });
});
