#!/usr/bin/env python3
"""Fixture for test/cheng/clustering.test.ts: Algorithm 3 of Deep Colorization (the per-cluster
hierarchy of training/cheng/clustering.py, the code train.py runs) on a synthetic set whose
hierarchy is worked out by hand below. No networks: an image's training PSNR is a fixed number per
image that rises by 3 dB per layer (a network trained on fewer, more similar images fits them
better), and an image is removed when it reaches 26 dB (E(I) <= epsilon = -26 dB).

Set (1-D global descriptors), mu = 10, N^0 = 3:
  A: 25 images: 5 at 0.00 .. 0.04 with PSNR 27, 10 at 1.00 .. 1.09 and 10 at 2.00 .. 2.09 with PSNR 20
  B: 12 images at 100.00 .. 100.11;  PSNR 20
  C: 40 images in three groups at 200, 203, 206 (+0.01 t):
     C1 14 images: the first 2 at PSNR 27 (removed on layer 0), the next 2 at 23.5, then 20
     C2 13 images: the first 3 at 27, then 20;   C3 13 images: the first 3 at 27, then 20
By hand: layer 0 = A, B, C. A loses 5 -> 20 left -> floor(20/10) = 2 clusters on layer 1 (10 + 10,
none reaches 26 at 23 dB: no layer below). B loses none -> not split (same images again). C loses
8 -> 32 left -> 3 clusters: C1 (12: the two at 23.5 + 3 = 26.5 are removed, 10 left -> 1 cluster
on layer 2 whose 10 images reach 20 + 6 = 26 and are all removed -> 0 left, stop), C2 (10), C3 (10).

  /usr/bin/python3 scripts/make-cheng-hierarchy-fixture.py   # writes test/fixtures/cheng-hierarchy.json
"""
import json, os, sys
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'training', 'cheng'))
import clustering  # noqa: E402

desc, psnr = [], []
def group(n, at, bases):
    for t in range(n):
        desc.append(at + 0.01 * t); psnr.append(bases[t] if t < len(bases) else 20.0)
group(5, 0, [27] * 5)
group(10, 1, [])
group(10, 2, [])
group(12, 100, [])
group(14, 200, [27, 27, 23.5, 23.5])
group(13, 203, [27] * 3)
group(13, 206, [27] * 3)
desc, psnr = np.array(desc), np.array(psnr)
mu, n0 = 10, 3
rng = np.random.default_rng(0)

def cluster(imgs, k):
    lab, c = clustering.kmeans(desc[imgs, None], k, rng)
    order = np.argsort(c[:, 0])  # name clusters by ascending centre, so the names are predictable
    rank = np.empty(k, int); rank[order] = np.arange(k)
    return rank[lab]

layer_of = {}
def fit(members, name):
    layer = name.count('.')
    return [int(i) for i in members if psnr[i] + 3 * layer >= 26]

nodes = clustering.adaptive_hierarchy(np.arange(len(desc)), n0, mu, fit, cluster)
out = [{'name': n['name'], 'layer': n['layer'], 'parent': n['parent'], 'images': int(len(n['images'])),
        'removed': int(len(n['removed'])), 'first': int(n['images'][0])} for n in nodes]
expected = [('c0-0', 25, 5), ('c0-1', 12, 0), ('c0-2', 40, 8), ('c0-0.0', 10, 0), ('c0-0.1', 10, 0),
            ('c0-2.0', 12, 2), ('c0-2.1', 10, 0), ('c0-2.2', 10, 0), ('c0-2.0.0', 10, 10)]
got = [(n['name'], n['images'], n['removed']) for n in out]
assert got == expected, f'hierarchy differs from the hand computation:\n{got}\n{expected}'
json.dump({'source': 'scripts/make-cheng-hierarchy-fixture.py (training/cheng/clustering.py)', 'mu': mu, 'n0': n0,
           'images': len(desc), 'nodes': out}, open('test/fixtures/cheng-hierarchy.json', 'w'), indent=1)
print(got)
