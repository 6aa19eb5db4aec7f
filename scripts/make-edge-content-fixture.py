#!/usr/bin/env python3
"""Reference values for the edge-aware content term (report §2.3.2, d_c = ‖P_e(Y(X)) − P_e(T)‖²):
the edge probability P_e of the example target's luminance, computed with scipy.ndimage
(Debian python3-scipy, python3-skimage for reading):

  P_e(Y) = min(1, |C_M(G_σ * Y)| / m₀₀),  M = the 4-neighbour Laplacian of §2.3.1 (m₀₀ = 4),

with G_σ a Gaussian of σ = 1 truncated at 4σ and 'reflect' borders (scipy.ndimage.gaussian_filter)
and the 3×3 kernel applied with replicated borders (scipy.ndimage.correlate, mode='nearest').
Y is the Rec. 601 luma 0.299 R + 0.587 G + 0.114 B of an RGB file, the file itself if gray.

Run with Debian's interpreter:
  /usr/bin/python3 scripts/make-edge-content-fixture.py
  npx biome format --write test/fixtures/edge-content.json
Writes test/fixtures/edge-content.json, read by test/transfer/edge-aware.test.ts.
"""
import json
import os

import numpy as np
import scipy
from scipy import ndimage
from skimage import io

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
FILES = ['examples/scene_gray.png', 'examples/scene.png']
LAPLACIAN4 = np.array([[0, -1, 0], [-1, 4, -1], [0, -1, 0]], dtype=np.float64)


def luminance(path):
    img = io.imread(os.path.join(ROOT, path)).astype(np.float64) / 255
    if img.ndim == 2:
        return img
    return 0.299 * img[..., 0] + 0.587 * img[..., 1] + 0.114 * img[..., 2]


def edge_probability(y):
    g = ndimage.gaussian_filter(y, sigma=1.0, mode='reflect', truncate=4.0)
    c = ndimage.correlate(g, LAPLACIAN4, mode='nearest')
    return np.minimum(1.0, np.abs(c) / LAPLACIAN4[1, 1])


def main():
    rng = np.random.default_rng(14)
    images = []
    for path in FILES:
        y = luminance(path)
        p = edge_probability(y).ravel()
        idx = sorted(int(i) for i in rng.choice(p.size, 24, replace=False))
        idx.append(int(np.argmax(p)))
        images.append(
            {
                'file': path,
                'width': int(y.shape[1]),
                'height': int(y.shape[0]),
                'sumSquares': float(np.sum(p**2)),
                'sum': float(np.sum(p)),
                'max': float(p.max()),
                'samples': {str(i): float(p[i]) for i in idx},
            }
        )
    out = {
        'generator': 'scripts/make-edge-content-fixture.py',
        'scipy': scipy.__version__,
        'numpy': np.__version__,
        'kernel': 'laplacian4',
        'sigma': 1.0,
        'images': images,
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'edge-content.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=2)
        f.write('\n')
    print(path, [(im['file'], round(im['sumSquares'], 6)) for im in images])


if __name__ == '__main__':
    main()
