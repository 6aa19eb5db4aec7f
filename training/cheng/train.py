#!/usr/bin/env python3
"""Step 2 of the Deep Colorization recipe (see README.md beside this file).

Trains, on the samples written by extract.ts (and extract-semantic.ts when present):
  * 'global'       the full-descriptor network trained on every image (the "no clustering" model);
  * 'no-patch', 'no-daisy', 'no-semantic'  the paper's feature ablations (global, one group dropped);
  * the adaptive image clustering of Algorithm 3 (paper SIII-C), as written: k-means on GIST into
    N^0 = 24 clusters, one network per cluster trained on that cluster's own images (from scratch
    by default), images whose training error E(I) <= epsilon (sample PSNR >= 26 dB) removed, and
    for every cluster (i, l) whose remaining set Lambda_(i,l) still holds >= mu images, a layer
    below with N^{l+1} = size(Lambda_(i,l)) / mu clusters of those images only (line 12), with
    mu = alpha N_w / N_s (eq. 3). The hierarchy itself is computed by adaptive_hierarchy(), which
    test/cheng/clustering.test.ts checks on a synthetic set (scripts/make-cheng-hierarchy-fixture.py).
Writes models/cheng/model.json + weights.bin (float16) and test/cheng/mlp-reference.json.

  nice /usr/bin/python3 training/cheng/train.py [--data .scratch/cheng/train] [--out models/cheng]
      [--semantic cityscapes|pascal-dm05|cityscapes+pascal-dm05|none]
  nice /usr/bin/python3 training/cheng/train.py --explore-semantic none,pascal-dm05,cityscapes \
      --val .scratch/cheng/val --subset 0.5      # feature ablation on val samples, no export
  nice /usr/bin/python3 training/cheng/train.py --explore-clusters --val .scratch/cheng/val  # Fig. 8 on val samples
"""
import argparse, json, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clustering  # noqa: E402  (Algorithm 3: k-means and the per-cluster hierarchy)
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument('--data', default='.scratch/cheng/train')
p.add_argument('--out', default='models/cheng')
p.add_argument('--reference', default='test/cheng/mlp-reference.json')
p.add_argument('--epochs', type=int, default=10)
p.add_argument('--ablation-epochs', type=int, default=6)
p.add_argument('--cluster-epochs', type=int, default=12)
p.add_argument('--cluster-init', choices=['scratch', 'global'], default='scratch',
               help='cluster networks trained from scratch on their images (paper) or fine-tuned from global')
p.add_argument('--n0', type=int, default=24, help='clusters on the top layer N^0 (paper: 24)')
# The paper gives mu = 80 for its 114-57-57-57-2 network (N_w = 13,283) but not N_s; with the same
# N_s as here (256), eq. 3 gives alpha = 80 * 256 / 13,283 = 1.54, used as the default.
p.add_argument('--alpha', type=float, default=80 * 256 / 13283, help='alpha of eq. 3')
p.add_argument('--eps-db', type=float, default=26.0, help='-epsilon: PSNR above which an image is fitted')
p.add_argument('--max-depth', type=int, default=6, help='guard on the number of layers')
p.add_argument('--semantic', default='cityscapes', help="variant(s) joined by '+', or 'none'")
p.add_argument('--batch', type=int, default=1024)
p.add_argument('--cluster-batch', type=int, default=128, help='small batches: a cluster holds ~10^4 samples')
p.add_argument('--cluster-lr', type=float, default=None, help='default 1e-3 fine-tuning, 2e-3 from scratch')
p.add_argument('--threads', type=int, default=1)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--val', default=None, help='samples of the validation photos (extract.ts on val/)')
p.add_argument('--subset', type=float, default=1.0, help='fraction of training photos (exploration)')
p.add_argument('--hidden', type=int, default=0, help='hidden width (default 0: half the input width, as the paper)')
p.add_argument('--exclude', default='', help="comma-separated file-name prefixes of training photos to leave out (e.g. 'flower')")
p.add_argument('--explore-semantic', default=None, help='comma-separated semantic settings to compare')
p.add_argument('--explore-clusters', action='store_true', help='global vs clustered on val samples, no export')
p.add_argument('--members', type=int, default=1,
               help="global networks to train with seeds seed..seed+K-1 ('global', 'global.2', ...): --members K at inference averages them")
p.add_argument('--explore-ensemble', type=int, default=0,
               help='K: train K global networks (seeds seed..seed+K-1) and compare one against their mean on val samples, no export')
p.add_argument('--gains', default='1', help='chroma gains for --explore-ensemble (comma-separated)')
p.add_argument('--no-ablation', action='store_true')
p.add_argument('--style-fraction', type=float, default=0.15, help="photos of the 'warm' style (0: none)")
p.add_argument('--style-epochs', type=int, default=4)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
rng = np.random.default_rng(a.seed)
t_start = time.time()

def semantic_parts(folder, v):
    """semantic-V.json, or the part files semantic-V.<from>.json of extract-semantic.ts --from/--to."""
    whole = os.path.join(folder, f'semantic-{v}.json')
    if os.path.exists(whole):
        return [('', json.load(open(whole)))]
    parts = sorted(f for f in os.listdir(folder) if f.startswith(f'semantic-{v}.') and f.endswith('.json'))
    if not parts:
        raise SystemExit(f'no semantic feature {v} in {folder}: run extract-semantic.ts --variant {v}')
    return [(f[len(f'semantic-{v}'):-len('.json')], json.load(open(os.path.join(folder, f)))) for f in parts]

def load_semantic(folder, v, load, index):
    """Class planes (N x C) and histograms (M x C) of network v, merged over its part files."""
    parts = semantic_parts(folder, v)
    if len(parts) == 1 and parts[0][0] == '':
        info = parts[0][1]
        return info, load(f'sem-{v}.f32', info['classes']), load(f'semhist-{v}.f32', info['classes'])
    C = parts[0][1]['classes']
    N, M = index['total'], len(index['images'])
    sem, hist, images = np.zeros((N, C), np.float32), np.zeros((M, C), np.float32), []
    for tag, info in parts:
        s_ = load(f'sem-{v}{tag}.f32', C); h_ = load(f'semhist-{v}{tag}.f32', C)
        for i in info['images']:
            im = index['images'][i]
            sem[im['first']:im['first'] + im['count']] = s_[im['first']:im['first'] + im['count']]
            hist[i] = h_[i]
        images += info['images']
    return {'variant': v, 'classes': C, 'images': sorted(set(images))}, sem, hist

def load_set(folder, semantic):
    index = json.load(open(os.path.join(folder, 'index.json')))
    N, M = index['total'], len(index['images'])
    def load(name, cols, dtype=np.float32):
        return np.fromfile(os.path.join(folder, name), dtype=dtype).reshape(-1, cols)
    groups = {'patch': load('patch.f32', 49), 'daisy': load('daisy.f32', 32)}
    sem_info, semhist = None, None
    if semantic != 'none':
        parts, hists, classes = [], [], 0
        for v in semantic.split('+'):
            info, sem_v, hist_v = load_semantic(folder, v, load, index)
            parts.append(sem_v)
            hists.append(hist_v)
            classes += info['classes']
        groups['semantic'] = np.concatenate(parts, 1)
        semhist = np.concatenate(hists, 1)
        sem_info = {'variant': semantic, 'classes': classes}
    UV = load('uv.f32', 2)
    img_of = load('pix.i32', 3, np.int32)[:, 0]
    G = load('gist.f32', 512) if os.path.exists(os.path.join(folder, 'gist.f32')) else None
    gparts = [f for f in os.listdir(folder) if f.startswith('gist.') and f.endswith('.f32') and f != 'gist.f32']
    if G is None and gparts:  # gist_batch.py FROM TO parts: each holds zeros outside its range
        G = sum(load(f, 512) for f in gparts)
    assert all(g.shape[0] == N for g in groups.values()) and UV.shape[0] == N
    assert G is None or G.shape[0] == M
    assert index.get('chromaSpace') == 'yuv601', 'samples written before the BT.601 change: rerun extract.ts'
    return dict(index=index, N=N, M=M, groups=groups, sem_info=sem_info, semhist=semhist, UV=UV, img_of=img_of, G=G)

def select(d, images):
    """The part of a data set that belongs to `images` (sorted), renumbered 0..len-1."""
    images = np.asarray(images)
    rows = np.flatnonzero(np.isin(d['img_of'], images))
    remap = np.full(d['M'], -1); remap[images] = np.arange(len(images))
    out = dict(d, N=len(rows), M=len(images), UV=d['UV'][rows], img_of=remap[d['img_of'][rows]],
               groups={k: v[rows] for k, v in d['groups'].items()})
    out['G'] = d['G'][images] if d['G'] is not None else None
    out['semhist'] = d['semhist'][images] if d['semhist'] is not None else None
    return out

def set_data(d):
    global index, N, M, groups, sem_info, semhist, UV, img_of, G
    index, N, M, groups, sem_info, semhist, UV, img_of, G = (d[k] for k in
        ['index', 'N', 'M', 'groups', 'sem_info', 'semhist', 'UV', 'img_of', 'G'])

def processed(folder, setting):
    """Photos whose semantic feature was extracted for every network of `setting` (None: all;
    extract-semantic.ts --every K does every K-th photo only)."""
    done = None
    if setting == 'none':
        return done
    for v in setting.split('+'):
        parts = semantic_parts(folder, v)
        if all('images' not in info for _, info in parts):
            continue
        imgs = set(i for _, info in parts for i in info.get('images', []))
        done = imgs if done is None else done & imgs
    return None if done is None else np.array(sorted(done))

settings = a.explore_semantic.split(',') if a.explore_semantic else [a.semantic]
train_set = load_set(a.data, settings[0])
train_set_images = np.arange(train_set['M'])
for st in settings:
    done = processed(a.data, st)
    if done is not None:
        train_set_images = np.intersect1d(train_set_images, done)
if a.exclude:
    prefixes = tuple(x for x in a.exclude.split(',') if x)
    keep = [i for i, im in enumerate(train_set['index']['images']) if not im['file'].startswith(prefixes)]
    train_set_images = np.intersect1d(train_set_images, keep)
if a.subset < 1:
    train_set_images = np.sort(rng.choice(train_set_images, int(a.subset * len(train_set_images)), replace=False))
if len(train_set_images) < train_set['M']:
    train_set = select(train_set, train_set_images)
set_data(train_set)
print(f'{M} images, {N} samples, groups {[(k, v.shape[1]) for k, v in groups.items()]}', flush=True)

# Analogue BT.601 YUV (linear-spaces.ts RGB_TO_YUV601): U = 0.492 (B - Y), V = 0.877 (R - Y).
_ku, _kv = 0.436 / (1 - 0.114), 0.615 / (1 - 0.299)
RGB_TO_YUV = np.array([[0.299, 0.587, 0.114], [-_ku * 0.299, -_ku * 0.587, _ku * (1 - 0.114)],
                       [_kv * (1 - 0.299), -_kv * 0.587, -_kv * 0.114]])
YUV_TO_RGB = np.linalg.inv(RGB_TO_YUV)
UV_TO_RGB = YUV_TO_RGB[:, 1:]  # an error in U, V gives this error in R, G, B (Y is kept)

def feature_matrix(names):
    return np.concatenate([groups[n] for n in names], axis=1)

def make_net(d):
    h = a.hidden or d // 2  # paper: "half of that in the input layer"
    return nn.Sequential(nn.Linear(d, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU(), nn.Linear(h, 2))

class Model:
    """A network with the input standardisation it was trained with (folded in at export)."""
    def __init__(self, names, mean, std, net):
        self.names, self.mean, self.std, self.net = names, mean, std, net

def train(names, rows, epochs, init=None, lr=2e-3, batch=None, tag='', quiet=False):
    batch = batch or a.batch
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
        if not quiet or ep == epochs - 1:
            print(f'  {tag} epoch {ep + 1}/{epochs} loss {tot / len(rows):.6f} ({time.time() - t0:.0f} s)', flush=True)
    return Model(names, mean, std, net)

def predict(model, rows, X=None):
    X = (feature_matrix(model.names) if X is None else X)[rows]
    with torch.no_grad():
        return model.net(torch.from_numpy(((X - model.mean) / model.std).astype(np.float32))).numpy()

def image_psnr(model, images):
    """Training error E(I) of Algorithm 3 as a PSNR over each image's samples (RGB, [0, 1] scale)."""
    rows = np.flatnonzero(np.isin(img_of, images))
    err = (predict(model, rows) - UV[rows]) @ UV_TO_RGB.T
    mse = np.bincount(img_of[rows], weights=(err ** 2).mean(1), minlength=M) / np.maximum(np.bincount(img_of[rows], minlength=M), 1)
    return {int(i): 10 * np.log10(1 / max(mse[i], 1e-10)) for i in images}

def kmeans(X, k):
    return clustering.kmeans(X, k, rng)

adaptive_hierarchy = clustering.adaptive_hierarchy

d_in = sum(groups[n].shape[1] for n in groups); h_ = a.hidden or d_in // 2
N_w = d_in * h_ + 2 * h_ * h_ + 2 * h_ + 3 * h_ + 2  # weights and biases of one network
N_s = index['samples']
mu = int(round(a.alpha * N_w / N_s))  # eq. 3

def colourfulness(rgb, img):
    """Hasler & Suesstrunk colourfulness (x100 scale as the toolkit's metric), per image over its samples."""
    rg = rgb[:, 0] - rgb[:, 1]; yb = 0.5 * (rgb[:, 0] + rgb[:, 1]) - rgb[:, 2]
    out = []
    for i in np.unique(img):
        r, y = rg[img == i] * 255, yb[img == i] * 255
        out.append(np.sqrt(r.std() ** 2 + y.std() ** 2) + 0.3 * np.sqrt(r.mean() ** 2 + y.mean() ** 2))
    return np.array(out)

def val_scores(pred_of_image, vd):
    """Mean over val photos of the sample PSNR (RGB, Y kept) and sample colourfulness."""
    Yv = None
    ps, cf = [], []
    # Y of the samples is the patch centre (index 24 of the 7x7 patch).
    Y = vd['groups']['patch'][:, 24]
    pred = pred_of_image
    rgb = np.clip((np.concatenate([Y[:, None], pred], 1)) @ YUV_TO_RGB.T, 0, 1)
    true = np.clip((np.concatenate([Y[:, None], vd['UV']], 1)) @ YUV_TO_RGB.T, 0, 1)
    err = ((rgb - true) ** 2).mean(1)
    for i in range(vd['M']):
        m = vd['img_of'] == i
        ps.append(10 * np.log10(1 / max(err[m].mean(), 1e-10)))
    return float(np.mean(ps)), float(np.mean(colourfulness(rgb, vd['img_of']))), np.array(ps)

def val_predict(model, vd):
    X = np.concatenate([vd['groups'][n] for n in model.names], 1)
    with torch.no_grad():
        return model.net(torch.from_numpy(((X - model.mean) / model.std).astype(np.float32))).numpy()

all_rows = np.arange(N)
full = ['patch', 'daisy'] + (['semantic'] if 'semantic' in groups else [])
models = {}

if a.explore_semantic:
    # Feature ablation (Figs. 2-4) across semantic networks: global networks only, val samples.
    results = []
    for setting in a.explore_semantic.split(','):
        d = load_set(a.data, setting)
        if len(train_set_images) < d['M']: d = select(d, train_set_images)
        set_data(d)
        names = ['patch', 'daisy'] + (['semantic'] if setting != 'none' else [])
        t0 = time.time()
        m = train(names, np.arange(N), a.epochs, tag=f'global[{setting}]', quiet=True)
        vd = load_set(a.val, setting)
        ps, cf, _ = val_scores(val_predict(m, vd), vd)
        gray, _, _ = val_scores(np.zeros((vd['N'], 2), np.float32), vd)
        results.append({'semantic': setting, 'inputs': sum(groups[n].shape[1] for n in names),
                        'valSamplePsnr': round(ps, 3), 'grayPsnr': round(gray, 3), 'valColourfulness': round(cf, 2),
                        'seconds': round(time.time() - t0)})
        print(json.dumps(results[-1]), flush=True)
    json.dump({'trainingPhotos': int(len(train_set_images)), 'epochs': a.epochs, 'results': results},
              open('.scratch/cheng/explore-semantic.json', 'w'), indent=1)
    raise SystemExit(0)

if a.explore_ensemble:
    # Does averaging K global networks (seeds differ: initialisation and batch order) move the
    # accuracy/colour curve, or only along it? Each gain scales the predicted U, V (--chroma-gain).
    vd = load_set(a.val, a.semantic)
    gray, _, _ = val_scores(np.zeros((vd['N'], 2), np.float32), vd)
    preds = []
    for k in range(a.explore_ensemble):
        torch.manual_seed(a.seed + k); rng = np.random.default_rng(a.seed + k)
        preds.append(val_predict(train(full, all_rows, a.epochs, tag=f'global[seed {a.seed + k}]', quiet=True), vd))
        for g in [float(x) for x in a.gains.split(',')]:
            for label, pr in [('single', preds[-1]), (f'mean of {k + 1}', np.mean(preds, 0))]:
                ps, cf, _ = val_scores(pr * g, vd)
                print(json.dumps({'members': k + 1, 'decoding': label, 'gain': g, 'valSamplePsnr': round(ps, 3),
                                  'minusGray': round(ps - gray, 3), 'valColourfulness': round(cf, 2)}), flush=True)
    np.save('.scratch/cheng/ensemble-val-predictions.npy', np.array(preds))
    raise SystemExit(0)

print('global network', flush=True)
models['global'] = train(full, all_rows, a.epochs, tag='global')
# More global networks, other seeds (initialisation and batch order), for the mean of --members K
# (docs/cheng.md: it moves the accuracy/colour curve). The RNG states are restored afterwards, so
# everything below trains exactly as with --members 1.
_np_state, _torch_state = rng.bit_generator.state, torch.get_rng_state()
for k in range(1, a.members):
    torch.manual_seed(a.seed + k); rng = np.random.default_rng(a.seed + k)
    models[f'global.{k + 1}'] = train(full, all_rows, a.epochs, tag=f'global.{k + 1}')
rng = np.random.default_rng(); rng.bit_generator.state = _np_state; torch.set_rng_state(_torch_state)
if not a.no_ablation and not a.explore_clusters:
    for drop in ['patch', 'daisy', 'semantic']:
        if drop not in groups: continue
        names = [n for n in full if n != drop]
        print(f'ablation no-{drop}', flush=True)
        models[f'no-{drop}'] = train(names, all_rows, a.ablation_epochs, tag=f'no-{drop}')

# Adaptive image clustering (Algorithm 3).
print(f'N_w = {N_w}, N_s = {N_s}, alpha = {a.alpha:.3f} -> mu = {mu} images; N^0 = {a.n0}', flush=True)
base_psnr = image_psnr(models['global'], np.arange(M))
clusters = []
t_clusters = time.time()

def fit(members, name):
    rows = np.flatnonzero(np.isin(img_of, members))
    init = models['global'] if a.cluster_init == 'global' else None
    m = train(full, rows, a.cluster_epochs, init=init, lr=a.cluster_lr or (1e-3 if init else 2e-3),
              batch=a.cluster_batch, tag=name, quiet=True)
    models[name] = m
    ps = image_psnr(m, members)
    fitted = [int(i) for i in members if ps[int(i)] >= a.eps_db]
    clusters.append({'network': name, 'images_idx': members,
                     'gist': G[members].mean(0), 'hist': semhist[members].mean(0) if semhist is not None else None,
                     'meanSamplePsnr': float(np.mean([ps[int(i)] for i in members])),
                     'globalSamplePsnr': float(np.mean([base_psnr[int(i)] for i in members])),
                     'removed': len(fitted)})
    print(f'{name}: {len(members)} images, sample PSNR {clusters[-1]["meanSamplePsnr"]:.2f} dB '
          f'(global net {clusters[-1]["globalSamplePsnr"]:.2f}); {len(fitted)} with E(I) <= eps removed '
          f'({time.time() - t_clusters:.0f} s)', flush=True)
    return fitted

nodes = adaptive_hierarchy(np.arange(M), a.n0, mu, fit, lambda imgs, k: kmeans(G[imgs], k)[0], a.max_depth)
by_name = {c['network']: c for c in clusters}
for nd in nodes:
    by_name[nd['name']]['layer'] = nd['layer']; by_name[nd['name']]['parent'] = nd['parent']
layer = 1 + max(nd['layer'] for nd in nodes) if nodes else 0
print(f'{len(nodes)} cluster networks in {layer} layers '
      f'({", ".join(str(sum(1 for n in nodes if n["layer"] == l)) for l in range(layer))}), '
      f'{time.time() - t_clusters:.0f} s', flush=True)

# Second global style (paper SIV-C, Fig. 13; formerly train_style.py): the training photos carry no
# style labels, so "warm" is the top --style-fraction of photos by the mean V - U of their samples;
# the global network is fine-tuned on their samples.
styles = None
if not a.explore_clusters and a.style_fraction > 0:
    cnt = np.bincount(img_of, minlength=M)
    warmth = (np.bincount(img_of, weights=UV[:, 1], minlength=M) - np.bincount(img_of, weights=UV[:, 0], minlength=M)) / np.maximum(cnt, 1)
    chosen = np.argsort(-warmth)[: int(round(a.style_fraction * M))]
    rows = np.flatnonzero(np.isin(img_of, chosen))
    t_style = time.time()
    models['style-warm'] = train(full, rows, a.style_epochs, init=models['global'], lr=5e-4, tag='style-warm')
    styles = {'warm': {'network': 'style-warm', 'photos': int(len(chosen)), 'samples': int(len(rows)),
                       'criterion': f'top {a.style_fraction:.0%} of training photos by mean V - U',
                       'epochs': a.style_epochs, 'seconds': round(time.time() - t_style)}}

val_report = None
if a.val:
    # Feature ablation (Figs. 2-4) and Fig. 8 on val samples (all val photos, 512 pixels each, before
    # refinement): every network trained above, and the cluster chosen by GIST top-k + semantic histogram.
    vd = load_set(a.val, a.semantic)
    gray_v, _, _ = val_scores(np.zeros((vd['N'], 2), np.float32), vd)
    val_report = {'photos': vd['M'], 'gray': round(gray_v, 3), 'networks': {}}
    for name in [n for n in models if not n.startswith('c')]:
        ps_, cf_, _ = val_scores(val_predict(models[name], vd), vd)
        val_report['networks'][name] = {'psnr': round(ps_, 3), 'colourfulness': round(cf_, 2)}
        print(f'val samples, {name}: PSNR {ps_:.3f} dB (gray {gray_v:.3f}), colourfulness {cf_:.2f}', flush=True)
    if a.members > 1:
        pm = np.mean([val_predict(models[n], vd) for n in models if n == 'global' or n.startswith('global.')], 0)
        ps_, cf_, _ = val_scores(pm, vd)
        val_report['networks'][f'global x{a.members}'] = {'psnr': round(ps_, 3), 'colourfulness': round(cf_, 2)}
        print(f'val samples, mean of {a.members} global networks: PSNR {ps_:.3f} dB, colourfulness {cf_:.2f}', flush=True)
    pg = val_predict(models['global'], vd)
    pc = np.zeros_like(pg)
    cg = np.array([c['gist'] for c in clusters])
    for i in range(vd['M']):
        order = np.argsort(((cg - vd['G'][i]) ** 2).sum(1), kind='stable')[:3]
        best = order[0]
        if vd['semhist'] is not None:
            h = vd['semhist'][i]
            sims = [float(clusters[j]['hist'] @ h / max(np.linalg.norm(clusters[j]['hist']) * np.linalg.norm(h), 1e-12)) for j in order]
            best = order[int(np.argmax(sims))]
        rows = np.flatnonzero(vd['img_of'] == i)
        pc[rows] = val_predict(models[clusters[best]['network']], select(vd, [i]))
    sg, cfg, psg = val_scores(pg, vd)
    sc, cfc, psc = val_scores(pc, vd)
    gray, _, _ = val_scores(np.zeros_like(pg), vd)
    bands = [-1e9, 18, 20, 22, 24, 26, 28, 30, 1e9]
    hist = lambda v: np.histogram(v, bands)[0].tolist()
    fig8 = {'valPhotos': vd['M'], 'gray': round(gray, 3), 'global': {'psnr': round(sg, 3), 'colourfulness': round(cfg, 2), 'bands': hist(psg)},
            'clustered': {'psnr': round(sc, 3), 'colourfulness': round(cfc, 2), 'bands': hist(psc)}}
    print('Fig. 8 on val samples:', json.dumps(fig8), flush=True)
    val_report['fig8'] = fig8
if a.explore_clusters:
    raise SystemExit(0)

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
    cl_out.append({'layer': c['layer'], 'parent': c['parent'], 'network': c['network'], 'images': int(len(c['images_idx'])), 'gist': put(c['gist']),
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
    'trainingPhotoIndices': 'all' if len(train_set_images) == len(json.load(open(os.path.join(a.data, 'index.json')))['images'])
        else f'{len(train_set_images)} photos: those with the semantic feature (extract-semantic.ts --every)',
    'trainingSamples': N,
    'chromaSpace': 'yuv601',
    'clustering': {'n0': a.n0, 'alpha': round(a.alpha, 4), 'mu': mu, 'N_w': N_w, 'epsilonDb': -a.eps_db, 'layers': layer,
                   'init': a.cluster_init, 'hierarchy': 'per cluster: N^{l+1} = size(Lambda_(i,l)) / mu'},
    'globalMembers': a.members,
    'epochs': {'global': a.epochs, 'ablation': a.ablation_epochs, 'cluster': a.cluster_epochs},
    'clusterLearningRate': a.cluster_lr or (1e-3 if a.cluster_init == 'global' else 2e-3),
    'batch': {'global': a.batch, 'cluster': a.cluster_batch},
    'trainingSeconds': round(time.time() - t_start),
    'valSamples': val_report,
    'styles': styles,
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
