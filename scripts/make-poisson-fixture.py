#!/usr/bin/env python3
"""Reference for the raw RGB Poisson merge: the report's eq. (7) system, built literally as the
report's MATLAB listing does (§3.1.2: one unknown per unmarked pixel, A(i,i) = 1 + λ·#N(s),
A(i, j) = −λ for an unmarked neighbour, b(i) = T_s + λ Σ (T_s − T_i) + λ Σ Color_i over marked
neighbours), solved with scipy's sparse direct solver (SuperLU) for R, G and B.

Input: a window of the project's own example (examples/scene_gray.png, examples/scene_marked.png);
a pixel is a stroke when |R − gray| + |G − gray| + |B − gray| > 0.01 on a 0–1 scale (Levin et
al.'s rule, as `strokesFromMarked`). The window is treated as a whole image (its border pixels
have fewer neighbours).

Run with Debian's interpreter (python3-scipy, python3-skimage):
  /usr/bin/python3 scripts/make-poisson-fixture.py
  npx biome format --write test/fixtures/poisson-eq7.json
Writes test/fixtures/poisson-eq7.json (values to 6 decimals), read by
test/methods/scribbles/poisson.test.ts.
"""
import json
import os

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from skimage import io

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
X0, Y0, W, H = 56, 124, 32, 20  # the barn's red stroke and the green field stroke
LAMBDAS = [1.0, 1e10]  # report fig. 20 (λ = 1 and 10¹⁰; λ = 0 is the gray image)
THRESHOLD = 0.01


def solve_eq7(T, M, colour, lam):
    """Report §3.1.2 listing, 0-based: returns the merged channel (colour at strokes)."""
    R, C = T.shape
    t_to_o = -np.ones((R, C), dtype=np.int64)
    o_to_t = []
    for i in range(R):
        for j in range(C):
            if not M[i, j]:
                t_to_o[i, j] = len(o_to_t)
                o_to_t.append((i, j))
    d = len(o_to_t)
    rows, cols, vals = [], [], []
    b = np.zeros(d)
    for k, (x, y) in enumerate(o_to_t):
        diag = 1.0
        b[k] = T[x, y]
        for nx, ny in ((x - 1, y), (x, y - 1), (x + 1, y), (x, y + 1)):
            if nx < 0 or ny < 0 or nx >= R or ny >= C:
                continue
            diag += lam
            b[k] += lam * (T[x, y] - T[nx, ny])
            if t_to_o[nx, ny] >= 0:
                rows.append(k)
                cols.append(t_to_o[nx, ny])
                vals.append(-lam)
            else:
                b[k] += colour[nx, ny] * lam
        rows.append(k)
        cols.append(k)
        vals.append(diag)
    A = sp.csc_matrix((vals, (rows, cols)), shape=(d, d))
    r = spla.spsolve(A, b)
    out = colour.copy()
    for k, (x, y) in enumerate(o_to_t):
        out[x, y] = r[k]
    return out


def main():
    gray = io.imread(os.path.join(ROOT, 'examples', 'scene_gray.png')).astype(np.float64) / 255
    marked = io.imread(os.path.join(ROOT, 'examples', 'scene_marked.png'))[..., :3].astype(np.float64) / 255
    T = gray[Y0 : Y0 + H, X0 : X0 + W]
    Mk = marked[Y0 : Y0 + H, X0 : X0 + W]
    M = np.abs(Mk - T[..., None]).sum(axis=-1) > THRESHOLD
    merged = [
        [[round(float(v), 6) for v in solve_eq7(T, M, Mk[..., c], lam).ravel()] for c in range(3)]
        for lam in LAMBDAS
    ]
    out = {
        'generator': 'scripts/make-poisson-fixture.py',
        'scipy': scipy.__version__,
        'numpy': np.__version__,
        'gray': 'examples/scene_gray.png',
        'marked': 'examples/scene_marked.png',
        'window': {'x': X0, 'y': Y0, 'width': W, 'height': H},
        'threshold': THRESHOLD,
        'mask': ''.join('1' if v else '0' for v in M.ravel()),
        'lambdas': LAMBDAS,
        'rgb': merged,  # rgb[k][c]: channel c of the merge for LAMBDAS[k], row-major
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'poisson-eq7.json')
    with open(path, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
        f.write('\n')
    print(f'{path}: {int(M.sum())} stroke pixels of {W * H}, λ = {LAMBDAS}')


if __name__ == '__main__':
    main()
