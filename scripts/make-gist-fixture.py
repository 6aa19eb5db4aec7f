#!/usr/bin/env python3
"""Reference GIST for test/cheng/gist-lmgist.test.ts: LMgist (Oliva & Torralba's MATLAB code:
LMgist.m, prefilt.m, gistGabor.m, createGabor.m) transcribed literally in numpy
(training/cheng/lmgist.py), run on two
synthetic 128x128 images defined by formula (so the test rebuilds them without any data file).
np.pad(mode='symmetric') is MATLAB's padarray(..., 'symmetric'); np.fft.fft2 / ifft2 are fft2 /
ifft2. Writes test/fixtures/gist-lmgist.json.

  /usr/bin/python3 scripts/make-gist-fixture.py
"""
import json, os, sys
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'training', 'cheng'))
import lmgist as lmgist_module  # noqa: E402  (the transcription, shared with training/cheng/gist_batch.py)

def synthetic(kind, n=128):
    y, x = np.mgrid[0:n, 0:n].astype(np.float64)
    if kind == 'waves':
        v = 0.5 + 0.25 * np.sin(2 * np.pi * (3 * x + 1 * y) / n) + 0.15 * np.sin(2 * np.pi * (x - 9 * y) / n + 1.0)
        v += 0.1 * np.cos(2 * np.pi * 17 * x / n) * (y > n / 2)
    else:  # 'blocks': a bright disc, a dark bar and a ramp (sharp edges, border not periodic)
        v = 0.2 + 0.6 * x / n
        v = np.where((x - 40) ** 2 + (y - 50) ** 2 < 20 ** 2, 0.9, v)
        v = np.where((np.abs(x - 95) < 6) & (y > 20) & (y < 110), 0.05, v)
    return v  # values in [0, 1], float32-representable after the test's Float32Array

def lmgist(img):
    assert img.shape == (128, 128)  # imresizecrop is the identity here
    return lmgist_module.lmgist(img)

cases = {}
for kind in ['waves', 'blocks']:
    img = synthetic(kind).astype(np.float32).astype(np.float64)  # what the test feeds
    cases[kind] = [float(v) for v in lmgist(img)]
json.dump({'source': 'scripts/make-gist-fixture.py (LMgist transcribed in numpy)', 'size': 128, 'cases': cases},
          open('test/fixtures/gist-lmgist.json', 'w'))
print({k: (len(v), min(v), max(v)) for k, v in cases.items()})
