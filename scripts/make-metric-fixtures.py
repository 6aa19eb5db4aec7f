#!/usr/bin/env python3
"""Reference values for the metric tests, computed with scikit-image (Debian python3-skimage).

Run with Debian's interpreter: /usr/bin/python3 scripts/make-metric-fixtures.py
Writes test/fixtures/metrics-reference.json. Pairs are named by how the TypeScript test rebuilds
them: 'file' reads an image, 'swap_rb' swaps its R and B channels, 'luma' takes the Rec. 601 luma
(rounded to 8 bits) replicated to RGB.
"""
import json
import os
import sys

import numpy as np
import skimage
from skimage import io
from skimage.color import deltaE_ciede2000, rgb2hsv, rgb2lab
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
SHARED = os.environ.get('COLORIZE_SHARED_DIR', os.path.join(ROOT, '..', 'shared'))


def load(spec):
    img = io.imread(os.path.join(SHARED, 'data', spec['file']))
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    img = img[..., :3].astype(np.uint8)
    op = spec.get('op')
    if op == 'swap_rb':
        img = img[..., ::-1].copy()
    elif op == 'luma':
        y = np.round(0.299 * img[..., 0] + 0.587 * img[..., 1] + 0.114 * img[..., 2]).astype(np.uint8)
        img = np.stack([y] * 3, axis=-1)
    return img


def colorfulness(img):
    x = img.astype(np.float64)
    rg = x[..., 0] - x[..., 1]
    yb = 0.5 * (x[..., 0] + x[..., 1]) - x[..., 2]
    return float(np.sqrt(rg.std() ** 2 + yb.std() ** 2) + 0.3 * np.sqrt(rg.mean() ** 2 + yb.mean() ** 2))


def saturation(img):
    return float(rgb2hsv(img)[..., 1].mean())


def ab_hist(img):
    lab = rgb2lab(img)
    step = 220 / 21
    ia = np.clip(np.floor((lab[..., 1] + 110) / step), 0, 20).astype(int)
    ib = np.clip(np.floor((lab[..., 2] + 110) / step), 0, 20).astype(int)
    h = np.zeros((21, 21))
    np.add.at(h, (ia.ravel(), ib.ravel()), 1)
    return h / h.sum()


PAIRS = [
    ({'file': 'exemplar/002_target.png'}, {'file': 'exemplar/002_truth.png'}, {'file': 'exemplar/002_reference.png'}),
    ({'file': 'exemplar/032_truth.png', 'op': 'swap_rb'}, {'file': 'exemplar/032_truth.png'}, {'file': 'exemplar/032_reference.png'}),
    ({'file': 'val/bsds500_100007.jpg', 'op': 'luma'}, {'file': 'val/bsds500_100007.jpg'}, None),
    ({'file': 'val/curban100_img_001.png', 'op': 'swap_rb'}, {'file': 'val/curban100_img_001.png'}, None),
    ({'file': 'exemplar/011_reference.png'}, {'file': 'exemplar/011_reference.png', 'op': 'swap_rb'}, {'file': 'exemplar/011_truth.png'}),
]

out = {'generator': 'scripts/make-metric-fixtures.py', 'skimage': skimage.__version__, 'numpy': np.__version__, 'pairs': []}
for pred_spec, truth_spec, ref_spec in PAIRS:
    p = load(pred_spec)
    t = load(truth_spec)
    rec = {
        'pred': pred_spec,
        'truth': truth_spec,
        'psnr': float(peak_signal_noise_ratio(t, p, data_range=255)),
        'ssim': float(structural_similarity(t, p, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255, channel_axis=-1)),
        'ssim_sample_covariance': float(structural_similarity(t, p, gaussian_weights=True, sigma=1.5, data_range=255, channel_axis=-1)),
        'colorfulness': colorfulness(p),
        'saturation': saturation(p),
        'ciede2000': float(deltaE_ciede2000(rgb2lab(p), rgb2lab(t)).mean()),
    }
    if ref_spec is not None:
        r = load(ref_spec)
        rec['reference'] = ref_spec
        rec['his'] = float(np.minimum(ab_hist(p), ab_hist(r)).sum())
    out['pairs'].append(rec)
    print(pred_spec, rec['psnr'], rec['ssim'], file=sys.stderr)

# CIEDE2000 on Lab pairs: rows of Sharma, Wu & Dalal's test data plus random pairs.
rng = np.random.default_rng(7)
lab_pairs = [
    [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485],
    [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485],
    [50.0, 0.0, 0.0, 50.0, -1.0, 2.0],
    [50.0, 2.5, 0.0, 73.0, 25.0, -18.0],
    [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387],
    [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49],
]
for _ in range(30):
    lab_pairs.append([float(rng.uniform(0, 100)), float(rng.uniform(-100, 100)), float(rng.uniform(-100, 100)),
                      float(rng.uniform(0, 100)), float(rng.uniform(-100, 100)), float(rng.uniform(-100, 100))])
arr = np.array(lab_pairs)
out['ciede2000_pairs'] = [row + [float(d)] for row, d in zip(lab_pairs, deltaE_ciede2000(arr[:, :3], arr[:, 3:]))]

with open(os.path.join(ROOT, 'test', 'fixtures', 'metrics-reference.json'), 'w') as f:
    json.dump(out, f, indent=2)
    f.write('\n')
