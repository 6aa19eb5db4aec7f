"""Adaptive image clustering of Deep Colorization (Cheng, Yang & Sheng, SIII-C, Algorithm 3), the
part that does not depend on the networks: k-means on global descriptors and the per-cluster
hierarchy. Pure numpy, no scipy/sklearn, so that scripts/make-cheng-hierarchy-fixture.py can run it
on a synthetic set. Used by train.py."""
import numpy as np


def kmeans(X, k, rng, iters=50):
    """Standard k-means (Lloyd) with k-means++ seeding; returns (labels, centres)."""
    X = np.asarray(X, dtype=np.float64)
    c = [X[rng.integers(len(X))]]
    for _ in range(1, k):  # k-means++
        d = np.min(((X[:, None, :] - np.array(c)[None]) ** 2).sum(2), 1)
        c.append(X[rng.choice(len(X), p=d / d.sum())] if d.sum() > 0 else X[rng.integers(len(X))])
    c = np.array(c)
    for _ in range(iters):
        lab = np.argmin(((X[:, None, :] - c[None]) ** 2).sum(2), 1)
        nc = np.array([X[lab == j].mean(0) if np.any(lab == j) else c[j] for j in range(k)])
        if np.allclose(nc, c):
            break
        c = nc
    lab = np.argmin(((X[:, None, :] - c[None]) ** 2).sum(2), 1)
    return lab, c


def adaptive_hierarchy(images, n0, mu, fit, cluster, max_depth=6):
    """Algorithm 3 with a per-cluster hierarchy.

    fit(members, name) trains the cluster's network on its own images and returns the members whose
    training error E(I) <= epsilon (lines 6-11: they are removed); cluster(images, k) returns a label
    in 0..k-1 per image (k-means on the global descriptor, line 4).

    Layer 0 holds N^0 clusters of all images (while size(Lambda) >= mu, line 3). After cluster (i, l)
    is trained, the images it keeps, Lambda_(i,l), get a layer below with
    N^{l+1} = floor(size(Lambda_(i,l)) / mu) clusters of those images only, when that is >= 1
    (line 12). A cluster where no image was removed is not split again (its layer below would hold
    the same images and repeat the same training), and max_depth bounds the layers.

    Returns the nodes in training order (breadth first): dicts with name ('c<l>-<j>' on the top
    layer, '<parent>.<j>' below), layer, parent, images (array) and removed (array)."""
    nodes = []
    images = np.asarray(images)
    if len(images) < mu:
        return nodes
    queue = [(images, 0, None, n0)]
    while queue:
        imgs, layer, parent, k = queue.pop(0)
        k = max(1, min(k, len(imgs)))
        lab = np.asarray(cluster(imgs, k))
        for j in range(k):
            members = imgs[lab == j]
            if len(members) == 0:
                continue
            name = f'c{layer}-{j}' if parent is None else f'{parent}.{j}'
            removed = np.asarray(sorted(int(i) for i in fit(members, name)), dtype=np.int64)
            left = np.setdiff1d(members, removed)
            nodes.append({'name': name, 'layer': layer, 'parent': parent, 'images': members, 'removed': removed})
            if len(left) >= mu and len(removed) > 0 and layer + 1 < max_depth:
                queue.append((left, layer + 1, name, len(left) // mu))
    return nodes
