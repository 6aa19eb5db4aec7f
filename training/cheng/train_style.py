#!/usr/bin/env python3
"""Step 3 (optional) of the Deep Colorization recipe: a second global style (paper SIV-C, Fig. 13).

The paper trains a separate network on dusk photos. Our training set has no style labels, so the
"warm" style is defined by the data: the photos whose sampled pixels have the warmest mean
chrominance (mean V - mean U, i.e. towards red/orange/yellow), the top --fraction of them. The
global network of models/cheng is fine-tuned on their samples and appended to the ensemble as
'style-warm' (the other networks are left exactly as they are).

  nice /usr/bin/python3 training/cheng/train_style.py [--data .scratch/cheng/train] [--model models/cheng]
"""
import argparse, json, os, time
import numpy as np
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument('--data', default='.scratch/cheng/train')
p.add_argument('--model', default='models/cheng')
p.add_argument('--fraction', type=float, default=0.15)
p.add_argument('--epochs', type=int, default=6)
p.add_argument('--threads', type=int, default=2)
p.add_argument('--seed', type=int, default=0)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
rng = np.random.default_rng(a.seed)
t0 = time.time()

meta = json.load(open(os.path.join(a.model, 'model.json')))
if 'style-warm' in meta['networks']:
    raise SystemExit('model already has style-warm; retrain with train.py first')
blob = np.fromfile(os.path.join(a.model, 'weights.bin'), dtype='<f2').astype(np.float32)
g = meta['networks']['global']
sizes = g['sizes']
layers = []
for i, l in enumerate(g['layers']):
    lin = nn.Linear(sizes[i], sizes[i + 1])
    lin.weight.data = torch.from_numpy(blob[l['weights']:l['weights'] + sizes[i] * sizes[i + 1]].reshape(sizes[i + 1], sizes[i]).copy())
    lin.bias.data = torch.from_numpy(blob[l['biases']:l['biases'] + sizes[i + 1]].copy())
    layers += [lin, nn.ReLU()]
net = nn.Sequential(*layers[:-1])

index = json.load(open(os.path.join(a.data, 'index.json')))
M = len(index['images'])
def load(name, cols, dtype=np.float32):
    return np.fromfile(os.path.join(a.data, name), dtype=dtype).reshape(-1, cols)
classes = meta['semantic']['classes']
X = np.concatenate([load('patch.f32', 49), load('daisy.f32', 32), load('sem.f32', classes)], axis=1)
UV = load('uv.f32', 2)
img = load('pix.i32', 3, np.int32)[:, 0]
warmth = (np.bincount(img, weights=UV[:, 1], minlength=M) - np.bincount(img, weights=UV[:, 0], minlength=M)) / np.bincount(img, minlength=M)
chosen = np.argsort(-warmth)[: int(round(a.fraction * M))]
rows = np.flatnonzero(np.isin(img, chosen))
print(f'{len(chosen)} warm photos (mean V - U >= {warmth[chosen].min():.4f}), {len(rows)} samples', flush=True)

# Standardise inside the training loop (the exported first layer takes raw descriptors):
# train on z = (x - m) / s with W' = W s, b' = b + W m, then fold back.
m = X[rows].mean(0); s = X[rows].std(0) + 1e-3
first = net[0]
with torch.no_grad():
    b_new = first.bias + first.weight @ torch.from_numpy(m.astype(np.float32))
    first.weight.mul_(torch.from_numpy(s.astype(np.float32))[None, :])
    first.bias.copy_(b_new)
Xt = torch.from_numpy(((X[rows] - m) / s).astype(np.float32))
Yt = torch.from_numpy(UV[rows])
opt = torch.optim.Adam(net.parameters(), lr=5e-4)
batch = 512
steps = a.epochs * ((len(rows) + batch - 1) // batch)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
for ep in range(a.epochs):
    perm = torch.from_numpy(rng.permutation(len(rows)))
    tot = 0.0
    for st in range(0, len(rows), batch):
        idx = perm[st:st + batch]
        loss = ((net(Xt[idx]) - Yt[idx]) ** 2).sum(1).mean()
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        tot += loss.item() * len(idx)
    print(f'  warm epoch {ep + 1}/{a.epochs} loss {tot / len(rows):.6f} ({time.time() - t0:.0f} s)', flush=True)

lins = [l for l in net if isinstance(l, nn.Linear)]
Ws = [l.weight.detach().numpy().astype(np.float64) for l in lins]
bs = [l.bias.detach().numpy().astype(np.float64) for l in lins]
Ws[0] = Ws[0] / s[None, :]
bs[0] = bs[0] - Ws[0] @ m
parts = [blob.astype(np.float16)]
offset = blob.size
entry = {'features': g['features'], 'sizes': sizes, 'layers': []}
for W, b in zip(Ws, bs):
    wo = offset; parts.append(W.astype(np.float16).ravel()); offset += W.size
    bo = offset; parts.append(b.astype(np.float16).ravel()); offset += b.size
    entry['layers'].append({'weights': wo, 'biases': bo})
np.concatenate(parts).astype('<f2').tofile(os.path.join(a.model, 'weights.bin'))
meta['networks']['style-warm'] = entry
meta['styles'] = {'warm': {'network': 'style-warm', 'photos': int(len(chosen)), 'samples': int(len(rows)),
                           'criterion': f'top {a.fraction:.0%} of training photos by mean V - U',
                           'epochs': a.epochs, 'seconds': round(time.time() - t0)}}
json.dump(meta, open(os.path.join(a.model, 'model.json'), 'w'), indent=1)
print(f'done in {time.time() - t0:.0f} s; weights.bin {os.path.getsize(os.path.join(a.model, "weights.bin"))} bytes', flush=True)
