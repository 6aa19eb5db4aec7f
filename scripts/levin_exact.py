#!/usr/bin/env python3
"""Levin, Lischinski & Weiss's exact solve (their getColorExact.m), ported literally to
numpy/scipy: the independent reference for the `levin` system of src/methods/scribbles/levin.

Run with Debian's interpreter (python3-scipy):

    /usr/bin/python3 scripts/levin_exact.py DIR

DIR holds what the TypeScript side wrote (scripts/levin-reference.ts, bench/scribble-case.ts):
meta.json {"width", "height"}, Y.f32 (luminance in [0, 1], row-major float32), mask.u8 (1 at
stroke pixels) and chroma.f32 (the two stroke chroma planes, float32, one after the other).
Writes solution.f32 (two chroma planes, float32) and reference.json (timings, sizes, and
whether pyamg was found; it is not in Debian, so it is optional).

The system, as getColorExact.m builds it: for every non-stroke pixel r, over its 3×3 window
clipped to the image, gvals = the window's luminances (centre last),
c_var = mean((gvals - mean(gvals))²), csig = max(0.6·c_var, -min_s (Y_s - Y_r)² / log(0.01), 2e-6),
w_rs = exp(-(Y_s - Y_r)² / csig) / Σ, row r: A(r, r) = 1, A(r, s) = -w_rs; stroke rows are
identity rows, b = stroke chroma there and 0 elsewhere; new_vals = A \\ b.
"""
import json
import os
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def build_system(Y, mask):
    h, w = Y.shape
    n = h * w
    idx = np.arange(n).reshape(h, w)
    pad = np.pad(Y.astype(np.float64), 1, mode='constant', constant_values=np.nan)
    offsets = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0)]
    neigh = np.stack([pad[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy, dx in offsets])  # 8×h×w, NaN outside
    centre = Y.astype(np.float64)
    inside = ~np.isnan(neigh)
    count = inside.sum(0) + 1
    vals = np.where(inside, neigh, 0.0)
    mean = (vals.sum(0) + centre) / count
    c_var = (np.where(inside, (neigh - mean) ** 2, 0.0).sum(0) + (centre - mean) ** 2) / count
    csig = c_var * 0.6
    d2 = np.where(inside, (neigh - centre) ** 2, np.inf)
    mgv = d2.min(0)
    floor = -mgv / np.log(0.01)
    csig = np.where(csig < floor, floor, csig)
    csig = np.where(csig < 0.000002, 0.000002, csig)
    g = np.where(inside, np.exp(-np.where(inside, d2, 0.0) / csig), 0.0)
    g = g / g.sum(0)
    rows, cols, data = [], [], []
    free = ~mask.astype(bool)
    for k, (dy, dx) in enumerate(offsets):
        ok = inside[k] & free
        r = idx[ok]
        yy, xx = np.nonzero(ok)
        rows.append(r)
        cols.append(idx[yy + dy, xx + dx])
        data.append(-g[k][ok])
    rows.append(idx.ravel())
    cols.append(idx.ravel())
    data.append(np.ones(n))
    A = sp.csr_matrix(
        (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )
    return A


def main():
    d = sys.argv[1]
    meta = json.load(open(os.path.join(d, 'meta.json')))
    w, h = meta['width'], meta['height']
    n = w * h
    Y = np.fromfile(os.path.join(d, 'Y.f32'), dtype=np.float32).reshape(h, w)
    mask = np.fromfile(os.path.join(d, 'mask.u8'), dtype=np.uint8).reshape(h, w)
    chroma = np.fromfile(os.path.join(d, 'chroma.f32'), dtype=np.float32).reshape(2, n)
    t0 = time.perf_counter()
    A = build_system(Y, mask)
    t1 = time.perf_counter()
    lbl = mask.ravel().astype(bool)
    out = np.zeros((2, n), dtype=np.float32)
    # One factorisation for both planes, as A \ b would do twice in MATLAB.
    lu = spla.splu(A.tocsc())
    t2 = time.perf_counter()
    for c in range(2):
        b = np.zeros(n)
        b[lbl] = chroma[c][lbl]
        out[c] = lu.solve(b).astype(np.float32)
    t3 = time.perf_counter()
    out.tofile(os.path.join(d, 'solution.f32'))
    info = {
        'scipy': scipy.__version__,
        'buildMs': (t1 - t0) * 1e3,
        'factorMs': (t2 - t1) * 1e3,
        'solveMs': (t3 - t2) * 1e3,
        'totalMs': (t3 - t0) * 1e3,
        'nnz': int(A.nnz),
        'pyamg': None,
    }
    try:
        import pyamg  # noqa: F401  (not in Debian; used only where installed)

        t4 = time.perf_counter()
        ml = pyamg.smoothed_aggregation_solver(A.tocsr())
        res = []
        for c in range(2):
            b = np.zeros(n)
            b[lbl] = chroma[c][lbl]
            res.append(ml.solve(b, tol=1e-3, accel='gmres'))
        info['pyamg'] = {'totalMs': (time.perf_counter() - t4) * 1e3}
    except ImportError:
        pass
    json.dump(info, open(os.path.join(d, 'reference.json'), 'w'))
    print(json.dumps(info))


if __name__ == '__main__':
    main()
