#!/usr/bin/env python3
"""Step 2 of the Deep Colorization recipe (see README.md beside this file).

Trains, on the samples written by extract.ts (and extract-semantic.ts when present):
  * 'global'       the full-descriptor network trained on every image (the "no clustering" model);
  * 'no-patch', 'no-daisy', 'no-semantic'  the paper's feature ablations (global, one group dropped);
  * the adaptive image clustering of Algorithm 3 (paper SIII-C): k-means on GIST, one network per
    cluster (initialised from 'global' and fine-tuned), images whose training error is below
    epsilon (sample PSNR >= 26 dB) removed before the next layer, N^{l+1} = size / mu with
    mu = alpha N_w / N_s (eq. 3).
Writes models/cheng/model.json + weights.bin (float16) and test/cheng/mlp-reference.json.

  nice /usr/bin/python3 training/cheng/train.py [--data .scratch/cheng/train] [--out models/cheng]
"""
import argparse, json, os, time
import numpy as np
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument('--data', default='.scratch/cheng/train')
p.add_argument('--out', default='models/cheng')
p.add_argument('--reference', default='test/cheng/mlp-reference.json')
p.add_argument('--epochs', type=int, default=10)
p.add_argument('--ablation-epochs', type=int, default=6)
p.add_argument('--cluster-epochs', type=int, default=4)
p.add_argument('--n0', type=int, default=6, help='clusters on the top layer N^0')
p.add_argument('--alpha', type=float, default=10.0, help='alpha of eq. 3')
p.add_argument('--eps-db', type=float, default=26.0, help='-epsilon: PSNR above which an image is fitted')
p.add_argument('--max-layers', type=int, default=3)
p.add_argument('--max-clusters', type=int, default=14)
p.add_argument('--threads', type=int, default=2)
p.add_argument('--seed', type=int, default=0)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
rng = np.random.default_rng(a.seed)
t_start = time.time()

index = json.load(open(os.path.join(a.data, 'index.json')))
N, M = index['total'], len(index['images'])
def load(name, cols, dtype=np.float32):
    return np.fromfile(os.path.join(a.data, name), dtype=dtype).reshape(-1, cols)
groups = {'patch': load('patch.f32', 49), 'daisy': load('daisy.f32', 32)}
sem_info = None
if os.path.exists(os.path.join(a.data, 'semantic.json')):
    sem_info = json.load(open(os.path.join(a.data, 'semantic.json')))
    groups['semantic'] = load('sem.f32', sem_info['classes'])
    semhist = load('semhist.f32', sem_info['classes'])
else:
    semhist = None
UV = load('uv.f32', 2)
img_of = load('pix.i32', 3, np.int32)[:, 0]
G = load('gist.f32', 512)
assert all(g.shape[0] == N for g in groups.values()) and UV.shape[0] == N and G.shape[0] == M
print(f'{M} images, {N} samples, groups {[(k, v.shape[1]) for k, v in groups.items()]}', flush=True)

RGB_TO_YUV = np.array([[0.299, 0.587, 0.114], [-0.1687, -0.3313, 0.5], [0.5, -0.4187, -0.0813]])
YUV_TO_RGB = np.linalg.inv(RGB_TO_YUV)
UV_TO_RGB = YUV_TO_RGB[:, 1:]  # an error in U, V gives this error in R, G, B (Y is kept)

def feature_matrix(names):
    return np.concatenate([groups[n] for n in names], axis=1)

def make_net(d):
    h = d // 2  # "half of that in the input layer"
    return nn.Sequential(nn.Linear(d, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU(), nn.Linear(h, 2))

class Model:
    """A network with the input standardisation it was trained with (folded in at export)."""
    def __init__(self, names, mean, std, net):
        self.names, self.mean, self.std, self.net = names, mean, std, net

def train(names, rows, epochs, init=None, lr=2e-3, batch=512, tag=''):
    X = feature_matrix(names)
    if init is None:
        mean = X.mean(0).astype(np.float32); std = (X.std(0) + 1e-3).astype(np.float32)
        net = make_net(X.shape[1])
    else:
        mean, std = init.mean, init.std
        net = make_net(X.shape[1]); net.load_state_dict(init.net.state_dict())
    Xt = torch.from_numpy(((X[rows] - mean) / std).astype(np.float32))
    Yt = torch.from_numpy(UV[rows])
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    steps = epochs * ((len(rows) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps) if init is None else \
        torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    t0 = time.time()
    for ep in range(epochs):
        perm = torch.from_numpy(rng.permutation(len(rows)))
        tot = 0.0
        for s in range(0, len(rows), batch):
            idx = perm[s:s + batch]
            loss = ((net(Xt[idx]) - Yt[idx]) ** 2).sum(1).mean()  # eq. 1 (per-sample mean)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
            tot += loss.item() * len(idx)
        print(f'  {tag} epoch {ep + 1}/{epochs} loss {tot / len(rows):.6f} ({time.time() - t0:.0f} s)', flush=True)
    return Model(names, mean, std, net)

def predict(model, rows):
    X = feature_matrix(model.names)[rows]
    with torch.no_grad():
        return model.net(torch.from_numpy(((X - model.mean) / model.std).astype(np.float32))).numpy()

def image_psnr(model, images):
    """Training error E(I) of Algorithm 3 as a PSNR over each image's samples (RGB, [0, 1] scale)."""
    rows = np.flatnonzero(np.isin(img_of, images))
    err = (predict(model, rows) - UV[rows]) @ UV_TO_RGB.T
    mse = np.bincount(img_of[rows], weights=(err ** 2).mean(1), minlength=M) / np.maximum(np.bincount(img_of[rows], minlength=M), 1)
    return {int(i): 10 * np.log10(1 / max(mse[i], 1e-10)) for i in images}

def kmeans(X, k, iters=50):
    c = [X[rng.integers(len(X))]]
    for _ in range(1, k):  # k-means++
        d = np.min(((X[:, None, :] - np.array(c)[None]) ** 2).sum(2), 1)
        c.append(X[rng.choice(len(X), p=d / d.sum())])
    c = np.array(c)
    for _ in range(iters):
        lab = np.argmin(((X[:, None, :] - c[None]) ** 2).sum(2), 1)
        nc = np.array([X[lab == j].mean(0) if np.any(lab == j) else c[j] for j in range(k)])
        if np.allclose(nc, c): break
        c = nc
    return lab, c

all_rows = np.arange(N)
full = ['patch', 'daisy'] + (['semantic'] if 'semantic' in groups else [])
models = {}
print('global network', flush=True)
models['global'] = train(full, all_rows, a.epochs, tag='global')
for drop in ['patch', 'daisy', 'semantic']:
    if drop not in groups: continue
    names = [n for n in full if n != drop]
    print(f'ablation no-{drop}', flush=True)
    models[f'no-{drop}'] = train(names, all_rows, a.ablation_epochs, tag=f'no-{drop}')

# Adaptive image clustering (Algorithm 3).
d_in = sum(groups[n].shape[1] for n in full); h = d_in // 2
N_w = d_in * h + 2 * h * h + 2 * h + 3 * h + 2  # weights and biases of one network
N_s = index['samples']
mu = int(round(a.alpha * N_w / N_s))  # eq. 3
print(f'N_w = {N_w}, N_s = {N_s}, alpha = {a.alpha} -> mu = {mu} images', flush=True)
remaining = np.arange(M)
clusters = []
layer = 0
base_psnr = image_psnr(models['global'], remaining)
while len(remaining) >= mu and layer < a.max_layers and len(clusters) < a.max_clusters:
    k = a.n0 if layer == 0 else max(1, len(remaining) // mu)
    k = min(k, a.max_clusters - len(clusters), len(remaining) // max(1, mu // 2))
    if k < 1: break
    lab, centres = kmeans(G[remaining], k)
    keep = []
    for j in range(k):
        imgs = remaining[lab == j]
        if len(imgs) == 0: continue
        rows = np.flatnonzero(np.isin(img_of, imgs))
        name = f'c{layer}-{j}'
        print(f'layer {layer} cluster {j}: {len(imgs)} images', flush=True)
        m = train(full, rows, a.cluster_epochs, init=models['global'], lr=1e-3, tag=name)
        models[name] = m
        ps = image_psnr(m, imgs)
        fitted = [i for i in imgs if ps[int(i)] >= a.eps_db]
        keep.extend(i for i in imgs if ps[int(i)] < a.eps_db)
        clusters.append({'layer': layer, 'network': name, 'images': int(len(imgs)),
                         'gist': G[imgs].mean(0), 'hist': semhist[imgs].mean(0) if semhist is not None else None,
                         'meanSamplePsnr': float(np.mean([ps[int(i)] for i in imgs])),
                         'globalSamplePsnr': float(np.mean([base_psnr[int(i)] for i in imgs])),
                         'removed': len(fitted)})
        print(f'  sample PSNR {clusters[-1]["meanSamplePsnr"]:.2f} dB (global net {clusters[-1]["globalSamplePsnr"]:.2f}); '
              f'{len(fitted)} fitted images removed', flush=True)
    remaining = np.array(sorted(keep), dtype=np.int64)
    layer += 1

# Export: float16 little-endian blob; input standardisation folded into the first layer.
blob = []
offset = 0
def put(arr):
    global offset
    a16 = np.asarray(arr, dtype=np.float16).ravel()
    blob.append(a16); o = offset; offset += a16.size
    return o
def export(m):
    layers = [l for l in m.net if isinstance(l, nn.Linear)]
    Ws = [l.weight.detach().numpy().astype(np.float64) for l in layers]
    bs = [l.bias.detach().numpy().astype(np.float64) for l in layers]
    Ws[0] = Ws[0] / m.std[None, :]
    bs[0] = bs[0] - Ws[0] @ m.mean
    entry = {'features': {g: g in m.names for g in ['patch', 'daisy', 'semantic']},
             'sizes': [Ws[0].shape[1]] + [W.shape[0] for W in Ws], 'layers': []}
    for W, b in zip(Ws, bs):
        entry['layers'].append({'weights': put(W), 'biases': put(b)})
    return entry, [np.asarray(W, np.float16).astype(np.float64) for W in Ws], [np.asarray(b, np.float16).astype(np.float64) for b in bs]
networks = {}
deq = {}
for name, m in models.items():
    networks[name], Wq, bq = export(m)
    deq[name] = (Wq, bq)
cl_out = []
for c in clusters:
    cl_out.append({'layer': c['layer'], 'network': c['network'], 'images': c['images'], 'gist': put(c['gist']),
                   'histogram': put(c['hist']) if c['hist'] is not None else None,
                   'meanSamplePsnr': round(c['meanSamplePsnr'], 3), 'globalSamplePsnr': round(c['globalSamplePsnr'], 3),
                   'removed': c['removed']})
os.makedirs(a.out, exist_ok=True)
np.concatenate(blob).astype('<f2').tofile(os.path.join(a.out, 'weights.bin'))
meta = {
    'format': 'cheng-deep-colorization/1',
    'weights': 'weights.bin (float16 little-endian; offsets in values)',
    'gistSize': 512,
    'semantic': sem_info,
    'samplesPerImage': N_s,
    'trainingImages': M,
    'trainingSamples': N,
    'clustering': {'n0': a.n0, 'alpha': a.alpha, 'mu': mu, 'N_w': N_w, 'epsilonDb': -a.eps_db, 'layers': layer},
    'epochs': {'global': a.epochs, 'ablation': a.ablation_epochs, 'cluster': a.cluster_epochs},
    'trainingSeconds': round(time.time() - t_start),
    'networks': networks,
    'clusters': cl_out,
}
json.dump(meta, open(os.path.join(a.out, 'model.json'), 'w'), indent=1)

# Reference outputs of the exported (float16) global network for the TypeScript inference test.
Wq, bq = deq['global']
rows = rng.choice(N, 8, replace=False)
X = feature_matrix(full)[rows].astype(np.float64)
h_ = X
for i, (W, b) in enumerate(zip(Wq, bq)):
    h_ = h_ @ W.T + b
    if i < len(Wq) - 1: h_ = np.maximum(h_, 0)
json.dump({'network': 'global', 'inputs': X.astype(np.float32).tolist(), 'outputs': h_.tolist()},
          open(a.reference, 'w'))
print(f'done in {time.time() - t_start:.0f} s: {len(networks)} networks, {len(cl_out)} clusters, '
      f'{os.path.getsize(os.path.join(a.out, "weights.bin"))} bytes', flush=True)
