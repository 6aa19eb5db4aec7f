#!/usr/bin/env python3
"""Trains the attention-based exemplar colourisation network (Gorriz Blanch et al., BBC R&D;
../shared/papers/attention-exemplar-colourisation-bbc.md) on features precomputed by prepare.ts
(the frozen VGG-19 / MobileNetV2 backbone runs once, in the toolkit itself, so training and
inference see the same features), then exports it to ONNX.

Network (section 3.1-3.2, scaled down, see README.md): 1x1 conv + ReLU projections of every
backbone map to h channels; axial attention modules (width then height axis, multi-head, learned
relative positional encodings for queries, keys and values, eq. 2; BN + ReLU before, residual add
+ ReLU after) at 1/4, 1/8 and 1/16 ("from block 3"), each applied twice; a U-Net-like pyramid
decoder from the 1/32 bottleneck with prediction heads (3x3 conv e + ReLU, 1x1 conv + tanh)
giving ab at 1/8, 1/4, 1/2 and 1/1.

Losses (section 3.3-4.1), summed over the 4 scales: smooth-L1 against the target's own ab
(lambda 100), differentiable colour histogram with the symmetric chi^2 distance against the
reference's ab (eq. 3, Q = 441 = 21 x 21 bins, eps 1e-5, lambda 2), total variation (lambda 50),
LS-GAN generator loss from patch discriminators on (L, ab) at the two finest scales (lambda 1).

Pairs (section 4.1 with global-feature neighbours standing in for ImageNet classes): per target,
the reference is its nearest neighbour by cosine similarity of the mean-pooled MobileNetV2
bottleneck with probability 0.6, a random one of its 5 nearest with 0.3, any other image with 0.1.

Usage (Debian python3-torch; 2 cores, no GPU):
  /usr/bin/python3 training/attention/train.py --work W --epochs 3 --minutes 25
  /usr/bin/python3 training/attention/train.py --work W --resume          # continue
  /usr/bin/python3 training/attention/train.py --work W --export-only     # ONNX from checkpoint
  add --attention standard for the ablation (eq. 1, full 2D attention, no positional encoding)
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

AB_SCALE = 110.0
HIST_BINS = 21  # 21 x 21 = 441 = Q
HIST_EPS = 1e-5
LAMBDA = {"pixel": 100.0, "hist": 2.0, "tv": 50.0, "gan": 1.0}


# ---------------------------------------------------------------- attention (section 3.2)
class AxialLayer(nn.Module):
    """Multi-head cross attention along one axis (eq. 2): queries from the target, keys and
    values from the reference, learned relative positional encodings r^q, r^k, r^v over the whole
    span m (= the axis length, as the paper), heads concatenated then a 1x1 output projection."""

    def __init__(self, h, heads, span, axis, pos=True):
        super().__init__()
        self.h, self.heads, self.span, self.axis, self.pos = h, heads, span, axis, pos
        self.d = h // heads
        self.q = nn.Conv2d(h, h, 1, bias=False)
        self.k = nn.Conv2d(h, h, 1, bias=False)
        self.v = nn.Conv2d(h, h, 1, bias=False)
        self.out = nn.Conv2d(h, h, 1)
        if pos:
            self.rel = nn.Parameter(torch.randn(3, self.d, 2 * span - 1) * (self.d ** -0.5))

    def rel_index(self, m):
        """Flat index (o, p) -> column of self.rel for offset p - o, clipped to +-(span - 1): at the
        trained axis length m = span every offset has its own encoding (the paper's m = H_l, W_l);
        on a longer axis the farther offsets share the outermost encoding, so the working size is
        not pinned to the training size. Built from the runtime axis length (ONNX Range)."""
        o = torch.arange(m, device=self.rel.device)
        return (torch.clamp(o[None, :] - o[:, None], -(self.span - 1), self.span - 1) + self.span - 1).reshape(-1)

    def forward(self, t, r):
        B, C, H, W = t.shape
        q, k, v = self.q(t), self.k(r), self.v(r)
        if self.axis == "width":  # sequences are rows: (B*H, heads, d, W)
            f = lambda x: x.permute(0, 2, 1, 3).reshape(B * H, self.heads, self.d, W)
        else:  # columns: (B*W, heads, d, H)
            f = lambda x: x.permute(0, 3, 1, 2).reshape(B * W, self.heads, self.d, H)
        q, k, v = f(q), f(k), f(v)
        N, Hh, d = q.shape[0], self.heads, self.d
        m = q.shape[-1]  # axis length at run time (= span at the training size)
        qt = q.transpose(-1, -2)  # (N, heads, o, d)
        logits = torch.matmul(qt, k)  # q.k: (N, heads, o, p)
        if not self.pos:
            a = torch.softmax(logits * (d ** -0.5), dim=-1)
            y = torch.matmul(a, v.transpose(-1, -2)).transpose(-1, -2)  # (N, heads, d, o)
        else:
            emb = self.rel[:, :, self.rel_index(m)].reshape(3, self.d, m, m)  # [which, d, o, p]
            rq, rk, rv = emb[0], emb[1], emb[2]
            # Batched matrix products (ONNX MatMul) for the five terms of eq. 2.
            # q.r^q_(p-o): per o, (N*heads, d) x (d, p)
            lq = torch.matmul(qt.permute(2, 0, 1, 3).reshape(m, N * Hh, d), rq.permute(1, 0, 2))  # (o, N*heads, p)
            logits = logits + lq.reshape(m, N, Hh, m).permute(1, 2, 0, 3)
            # k.r^k_(p-o): per p, (N*heads, d) x (d, o)
            lk = torch.matmul(k.permute(3, 0, 1, 2).reshape(m, N * Hh, d), rk.permute(2, 0, 1))  # (p, N*heads, o)
            logits = logits + lk.reshape(m, N, Hh, m).permute(1, 2, 3, 0)
            a = torch.softmax(logits * (d ** -0.5), dim=-1)  # (N, heads, o, p)
            y = torch.matmul(a, v.transpose(-1, -2))  # (N, heads, o, d)
            # sum_p a_op r^v_(p-o): per o, (N*heads, p) x (p, d)
            yv = torch.matmul(a.permute(2, 0, 1, 3).reshape(m, N * Hh, m), rv.permute(1, 2, 0))  # (o, N*heads, d)
            y = (y + yv.reshape(m, N, Hh, d).permute(1, 2, 0, 3)).transpose(-1, -2)  # (N, heads, d, o)
        if self.axis == "width":
            y = y.reshape(B, H, C, W).permute(0, 2, 1, 3)
        else:
            y = y.reshape(B, W, C, H).permute(0, 2, 3, 1)
        return self.out(y)


class StandardLayer(nn.Module):
    """Ablation: multi-head cross attention over the whole 2D lattice (eq. 1), no positional term."""

    def __init__(self, h, heads):
        super().__init__()
        self.heads, self.d = heads, h // heads
        self.q = nn.Conv2d(h, h, 1, bias=False)
        self.k = nn.Conv2d(h, h, 1, bias=False)
        self.v = nn.Conv2d(h, h, 1, bias=False)
        self.out = nn.Conv2d(h, h, 1)

    def forward(self, t, r):
        B, C, H, W = t.shape
        f = lambda x: x.reshape(B, self.heads, self.d, H * W)
        q, k, v = f(self.q(t)), f(self.k(r)), f(self.v(r))
        a = torch.softmax(torch.matmul(q.transpose(-1, -2), k) * (self.d ** -0.5), dim=-1)  # (B, heads, o, p)
        return self.out(torch.matmul(a, v.transpose(-1, -2)).transpose(-1, -2).reshape(B, C, H, W))


class AttentionModule(nn.Module):
    """Figure 2: BN + ReLU on both sources, width- then height-axis attention, residual add, ReLU."""

    def __init__(self, h, heads, size, kind, pos=True):
        super().__init__()
        self.bt, self.br = nn.BatchNorm2d(h), nn.BatchNorm2d(h)
        if kind == "axial":
            self.layers = nn.ModuleList(
                [AxialLayer(h, heads, size, "width", pos), AxialLayer(h, heads, size, "height", pos)]
            )
        else:
            self.layers = nn.ModuleList([StandardLayer(h, heads)])

    def forward(self, t, r):
        tn, rn = F.relu(self.bt(t)), F.relu(self.br(r))
        y = tn
        for layer in self.layers:
            y = layer(y, rn)
        return F.relu(t + y)


# ---------------------------------------------------------------- network (section 3.1)
def conv_relu(cin, cout, k=3):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2), nn.ReLU(inplace=True))


class DecoderBlock(nn.Module):
    """One decoder level of section 3.1 (five steps): (1) add the fused features of this level
    (when the level has an attention module), (2) 3x3 conv + ReLU, (3) x2 bilinear upsampling,
    (4) concatenate the projected target map of the finer level (U-Net skip), (5) 3x3 conv + ReLU
    back to `cout` channels. As DecoderBlock in the authors' code (bbc/xcnet src/models/layers.py),
    widths per level instead of one h."""

    def __init__(self, cin, cskip, cout):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cin, 3, padding=1)
        self.c2 = nn.Conv2d(cin + cskip, cout, 3, padding=1)

    def forward(self, x, fused, skip):
        if fused is not None:
            x = x + fused
        x = F.interpolate(F.relu(self.c1(x)), scale_factor=2, mode="bilinear", align_corners=False)
        return F.relu(self.c2(torch.cat([x, skip], 1)))


class PredictionHead(nn.Module):
    def __init__(self, cin, e):
        super().__init__()
        self.c1 = nn.Conv2d(cin, e, 3, padding=1)
        self.c2 = nn.Conv2d(e, 2, 1)

    def forward(self, x):
        return torch.tanh(self.c2(F.relu(self.c1(x))))


class AttentionColorizer(nn.Module):
    """Inputs (CHW, batch first): t_relu1_1, t_relu2_1, t_relu3_1, t_s8, t_s16, t_s32, r_relu3_1,
    r_s8, r_s16 (see meta.json). Output: ab in [-1, 1] at 1/8, 1/4, 1/2, 1/1 (coarsest first)."""

    def __init__(self, meta, h=64, heads=4, e=32, repeats=2, kind="axial", pos=True, decoder="paper"):
        super().__init__()
        t = {s["name"]: s for s in meta["target"]}
        r = {s["name"]: s for s in meta["reference"]}
        # Narrower at the two finest levels (h/2 at 1/2, h/4 at 1/1) so that training fits 2 cores.
        h2, h4 = h // 2, h // 4
        self.p_t1 = conv_relu(t["t_relu1_1"]["channels"], h4, 1)
        self.p_t2 = conv_relu(t["t_relu2_1"]["channels"], h2, 1)
        self.p_t = nn.ModuleList([conv_relu(t[n]["channels"], h, 1) for n in ("t_relu3_1", "t_s8", "t_s16")])
        self.p_r = nn.ModuleList([conv_relu(r[n]["channels"], h, 1) for n in ("r_relu3_1", "r_s8", "r_s16")])
        self.p_b = conv_relu(t["t_s32"]["channels"], h, 1)
        sizes = [t[n]["height"] for n in ("t_relu3_1", "t_s8", "t_s16")]
        self.att = nn.ModuleList(
            [nn.ModuleList([AttentionModule(h, heads, s, kind, pos) for _ in range(repeats)]) for s in sizes]
        )
        self.decoder = decoder
        if decoder == "paper":
            # Section 3.1 / Figure 1, coarsest first. O = projected bottleneck (1/32, one level
            # below the paper's 1/16 relu5_3: MobileNetV2 s32 here). Each block adds the fused map
            # of its level (1/16, 1/8, 1/4; none at 1/32 and 1/2), upsamples and takes the
            # projected target map of the finer level as skip (1/16 s16, 1/8 s8, 1/4 relu3_1,
            # 1/2 relu2_1, 1/1 relu1_1): target skips at every level.
            self.dec = nn.ModuleList(
                [DecoderBlock(h, h, h), DecoderBlock(h, h, h), DecoderBlock(h, h, h), DecoderBlock(h, h2, h2), DecoderBlock(h2, h4, h4)]
            )
        else:
            # The earlier decoder (ablation "concat"): fused maps concatenated in place of the
            # target skips at 1/16-1/4, one 3x3 conv per level.
            self.d16 = conv_relu(2 * h, h)
            self.d8 = conv_relu(2 * h, h)
            self.d4 = conv_relu(2 * h, h)
            self.d2 = conv_relu(h + h2, h2)
            self.d1 = conv_relu(h2 + h4, h4)
        self.heads = nn.ModuleList([PredictionHead(h, e), PredictionHead(h, e), PredictionHead(h2, e), PredictionHead(h4, e)])
        # Per-channel standardisation of the nine inputs (VGG activations reach thousands), from
        # training-set statistics (set_input_stats), baked into the exported graph.
        self.names = [s["name"] for s in meta["target"] + meta["reference"]]
        for s in meta["target"] + meta["reference"]:
            self.register_buffer(f"mean_{s['name']}", torch.zeros(1, s["channels"], 1, 1))
            self.register_buffer(f"inv_std_{s['name']}", torch.ones(1, s["channels"], 1, 1))

    def set_input_stats(self, xs):
        for name, x in zip(self.names, xs):
            m = x.mean(dim=(0, 2, 3), keepdim=True)
            sd = x.std(dim=(0, 2, 3), keepdim=True)
            getattr(self, f"mean_{name}").copy_(m)
            getattr(self, f"inv_std_{name}").copy_(1.0 / (sd + 1e-3))
        self.fix_dead_channels()

    def fix_dead_channels(self):
        """A channel constant over the statistics sample (a dead ReLU: the gray target leaves 1 of
        relu2_1 and 1 of relu3_1 at 0) would be scaled by 1000: it gets the input's median scale
        instead, so an unexpected non-zero value there cannot blow up. No effect where it is 0."""
        for name in self.names:
            v = getattr(self, f"inv_std_{name}")
            v[v > 99] = float(v.median())

    def forward(self, *xs):
        t1, t2, t3, t8, t16, t32, r3, r8, r16 = [
            (x - getattr(self, f"mean_{n}")) * getattr(self, f"inv_std_{n}") for n, x in zip(self.names, xs)
        ]
        fused, skips = [], []
        for proj_t, proj_r, mods, ft, fr in zip(self.p_t, self.p_r, self.att, (t3, t8, t16), (r3, r8, r16)):
            x, y = proj_t(ft), proj_r(fr)
            skips.append(x)
            for m in mods:
                x = m(x, y)
            fused.append(x)
        if self.decoder == "paper":
            d = self.dec
            x = d[0](self.p_b(t32), None, skips[2])  # 1/32 -> 1/16
            x = d[1](x, fused[2], skips[1])  # + fused 1/16 -> 1/8
            o8 = self.heads[0](x)
            x = d[2](x, fused[1], skips[0])  # + fused 1/8 -> 1/4
            o4 = self.heads[1](x)
            x = d[3](x, fused[0], self.p_t2(t2))  # + fused 1/4 -> 1/2
            o2 = self.heads[2](x)
            x = d[4](x, None, self.p_t1(t1))  # 1/2 -> 1/1
            return [o8, o4, o2, self.heads[3](x)]
        up = lambda x: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
        x = self.d16(torch.cat([up(self.p_b(t32)), fused[2]], 1))
        x = self.d8(torch.cat([up(x), fused[1]], 1))
        o8 = self.heads[0](x)
        x = self.d4(torch.cat([up(x), fused[0]], 1))
        o4 = self.heads[1](x)
        x = self.d2(torch.cat([up(x), self.p_t2(t2)], 1))
        o2 = self.heads[2](x)
        x = self.d1(torch.cat([up(x), self.p_t1(t1)], 1))
        o1 = self.heads[3](x)
        return [o8, o4, o2, o1]


class Export(nn.Module):
    """The finest prediction in CIELAB a*, b* units, for the toolkit."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, *xs):
        return self.net(*xs)[-1] * AB_SCALE


class PatchD(nn.Module):
    """Small PatchGAN discriminator on (L, a, b) (Isola et al. 2017, as the paper's [22])."""

    def __init__(self, ch=32):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, ch, 4, 2, 1), nn.LeakyReLU(0.2, True),
            nn.Conv2d(ch, 2 * ch, 4, 2, 1), nn.BatchNorm2d(2 * ch), nn.LeakyReLU(0.2, True),
            nn.Conv2d(2 * ch, 1, 3, 1, 1),
        )

    def forward(self, x):
        return self.net(x)


# ---------------------------------------------------------------- losses (section 3.3)
def soft_hist(ab):
    """Differentiable 21 x 21 ab histogram (bilinear votes, as Lu et al. [31]); ab in [-1, 1]. (B, 441)."""
    B = ab.shape[0]
    centres = torch.linspace(-1, 1, HIST_BINS, device=ab.device)
    delta = 2.0 / (HIST_BINS - 1)
    a = ab[:, 0].reshape(B, -1, 1)
    b = ab[:, 1].reshape(B, -1, 1)
    wa = torch.clamp(1 - (a - centres).abs() / delta, min=0)  # (B, P, 21)
    wb = torch.clamp(1 - (b - centres).abs() / delta, min=0)
    hist = torch.einsum("bpi,bpj->bij", wa, wb).reshape(B, -1)
    return hist / (hist.sum(1, keepdim=True) + 1e-12)


def chi2(ht, hr):
    """Eq. 3: 2 sum_q (H_T - H_R)^2 / (H_T + H_R + eps), averaged over the batch."""
    return (2 * ((ht - hr) ** 2) / (ht + hr + HIST_EPS)).sum(1).mean()


def tv(x):
    """Total variation regulariser, squared as Johnson et al. [23] and the authors' code (bbc/xcnet
    src/models/criterion.py, _total_variation_loss): 2 * (mean (x[i+1, j] - x[i, j])^2 +
    mean (x[i, j+1] - x[i, j])^2), each mean over channels and neighbour pairs of one image, then
    over the batch. Applied to the predicted ab only (the authors' code also feeds the target's own
    L, a constant without gradient that only dilutes the ab means by 2/3)."""
    dy = x[:, :, 1:, :] - x[:, :, :-1, :]
    dx = x[:, :, :, 1:] - x[:, :, :, :-1]
    return 2 * ((dy ** 2).mean() + (dx ** 2).mean())


def tv_l1(x):
    """The earlier, non-squared TV (mean absolute neighbour difference): kept for the ablation."""
    return (x[..., 1:, :] - x[..., :-1, :]).abs().mean() + (x[..., :, 1:] - x[..., :, :-1]).abs().mean()


def pyramid(x, n=4):
    """x at 1/1, 1/2, 1/4, 1/8 by 2 x 2 average pooling, returned coarsest first."""
    out = [x]
    for _ in range(n - 1):
        out.append(F.avg_pool2d(out[-1], 2))
    return out[::-1]


# ---------------------------------------------------------------- data
def load_split(work, split, meta):
    n = len(open(os.path.join(work, f"{split}-files.txt")).read().split("\n")) - 1
    tper = sum(s["channels"] * s["height"] * s["width"] for s in meta["target"])
    rper = sum(s["channels"] * s["height"] * s["width"] for s in meta["reference"])
    S = meta["size"]
    tgt = np.memmap(os.path.join(work, f"{split}-tgt.f16"), dtype=np.float16, mode="r", shape=(n, tper))
    ref = np.memmap(os.path.join(work, f"{split}-ref.f16"), dtype=np.float16, mode="r", shape=(n, rper))
    lab = np.memmap(os.path.join(work, f"{split}-lab.f16"), dtype=np.float16, mode="r", shape=(n, 3, S, S))
    glob = np.fromfile(os.path.join(work, f"{split}-global.f32"), dtype=np.float32).reshape(n, -1)
    return {"n": n, "tgt": tgt, "ref": ref, "lab": lab, "global": glob}


def unpack(specs, rows):
    out, off = [], 0
    for s in specs:
        size = s["channels"] * s["height"] * s["width"]
        a = np.ascontiguousarray(rows[:, off : off + size]).astype(np.float32)
        out.append(torch.from_numpy(a).view(-1, s["channels"], s["height"], s["width"]))
        off += size
    return out


def neighbours(glob, k=5):
    g = glob / (np.linalg.norm(glob, axis=1, keepdims=True) + 1e-8)
    sim = g @ g.T
    np.fill_diagonal(sim, -np.inf)
    return np.argsort(-sim, axis=1)[:, :k]


def choose_refs(nn_idx, rng):
    """Section 4.1: top-1 (0.6), random among top-5 (0.3), random other image (0.1)."""
    n = nn_idx.shape[0]
    u = rng.random(n)
    refs = nn_idx[:, 0].copy()
    mid = (u >= 0.6) & (u < 0.9)
    refs[mid] = nn_idx[mid, rng.integers(0, nn_idx.shape[1], mid.sum())]
    far = u >= 0.9
    other = rng.integers(0, n - 1, far.sum())
    other = other + (other >= np.arange(n)[far])  # skip the target itself
    refs[far] = other
    return refs


def batch(meta, d, ti, ri):
    ti_s, ri_s = np.asarray(ti), np.asarray(ri)
    xs = unpack(meta["target"], d["tgt"][ti_s]) + unpack(meta["reference"], d["ref"][ri_s])
    tlab = torch.from_numpy(np.asarray(d["lab"][ti_s]).astype(np.float32))
    rlab = torch.from_numpy(np.asarray(d["lab"][ri_s]).astype(np.float32))
    return xs, tlab, rlab


def losses(preds, tlab, rlab, ds, lam=None, tv_fn=None, kind_scales=(2, 3)):
    """Generator losses (eq. 4 with the weights `lam`); returns (total, parts dict, fakes for D).
    A term whose weight is 0 is still computed (for the log) but adds nothing."""
    lam = LAMBDA if lam is None else lam
    tv_fn = tv if tv_fn is None else tv_fn
    t_ab, r_ab, t_l = pyramid(tlab[:, 1:]), pyramid(rlab[:, 1:]), pyramid(tlab[:, :1])
    parts = {"pixel": 0.0, "hist": 0.0, "tv": 0.0, "gan": 0.0}
    fakes = []
    for s, p in enumerate(preds):
        parts["pixel"] = parts["pixel"] + F.smooth_l1_loss(p, t_ab[s])
        parts["hist"] = parts["hist"] + chi2(soft_hist(p), soft_hist(r_ab[s]))
        parts["tv"] = parts["tv"] + tv_fn(p)
        if s in kind_scales:
            fake = torch.cat([t_l[s], p], 1)
            fakes.append((fake, torch.cat([t_l[s], t_ab[s]], 1)))
            if ds is not None and lam["gan"] > 0:
                parts["gan"] = parts["gan"] + ((ds[len(fakes) - 1](fake) - 1) ** 2).mean()
    total = sum(lam[k] * v for k, v in parts.items())
    return total, {k: float(v) for k, v in parts.items()}, fakes


# ---------------------------------------------------------------- plotting and export
def plot(log, path, lam=LAMBDA):
    try:
        import matplotlib
    except ImportError:
        # The curve is a by-product: training, checkpoints and export do not need it.
        print(f"matplotlib is not installed: {path} not drawn (apt-get install python3-matplotlib)", flush=True)
        return

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tr = [r for r in log if "train" in r]
    fig, axs = plt.subplots(1, 2, figsize=(10, 3.6), dpi=110)
    steps = [r["step"] for r in tr]
    for k in ("pixel", "hist", "tv", "gan"):
        axs[0].plot(steps, [r["parts"][k] * lam[k] for r in tr], lw=0.8, label=f"{k} (x{lam[k]:g})")
    axs[0].plot(steps, [r["d"] for r in tr], lw=0.8, label="discriminator")
    axs[0].set_xlabel("step (batch)")
    axs[0].set_ylabel("weighted loss, running mean")
    axs[0].set_yscale("log")
    axs[0].legend(fontsize=7)
    axs[0].grid(alpha=0.3)
    axs[1].plot(steps, [r["train"] for r in tr], lw=0.8, label="train total (G)")
    val = [r for r in log if "val" in r]
    if val:
        axs[1].plot([r["step"] for r in val], [r["val"] for r in val], "o-", label="val total (G, no GAN)")
    axs[1].set_xlabel("step (batch)")
    axs[1].legend(fontsize=7)
    axs[1].grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def scaled_specs(meta, size):
    """The nine input shapes at working size `size` (a multiple of 32) instead of meta's."""
    f = size / meta["size"]
    return [
        dict(s, height=round(s["height"] * f), width=round(s["width"] * f)) for s in meta["target"] + meta["reference"]
    ]


def known_inputs(meta, size=None):
    specs = scaled_specs(meta, size or meta["size"])
    return [
        torch.sin(0.01 * torch.arange(s["channels"] * s["height"] * s["width"], dtype=torch.float64) + k)
        .abs()
        .float()
        .view(1, s["channels"], s["height"], s["width"])
        for k, s in enumerate(specs)
    ]


def export(net, meta, path):
    net.eval()
    with torch.no_grad():
        net.fix_dead_channels()
    # eval() on the wrapper itself: torch.onnx.export restores the wrapper's mode afterwards, and a
    # wrapper left in training mode would put the BatchNorms back in training mode for the known
    # answer below (and update their running statistics with it).
    model = Export(net).eval()
    specs = meta["target"] + meta["reference"]
    dummy = tuple(torch.zeros(1, s["channels"], s["height"], s["width"]) for s in specs)
    tmp = path + ".tmp"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # Height and width of every input are dynamic: the network runs at any working size that is a
    # multiple of 32 (the positional encodings clip offsets beyond the trained span).
    dyn = {s["name"]: {2: f"{s['name']}_h", 3: f"{s['name']}_w"} for s in specs}
    dyn["ab"] = {2: "out_h", 3: "out_w"}
    torch.onnx.export(
        model, dummy, tmp, input_names=[s["name"] for s in specs], output_names=["ab"], opset_version=13, dynamic_axes=dyn
    )
    os.replace(tmp, path)
    # Known answer for the toolkit's test: input k filled with |sin(0.01 * i + k)| (i = flat
    # index, inputs in the order target then reference), ab at a few pixels, by PyTorch.
    with torch.no_grad():
        out = model(*known_inputs(meta))[0]
        out192 = model(*known_inputs(meta, 192))[0]
    probes = [[c, y, x] for c in (0, 1) for (y, x) in ((0, 0), (37, 90), (127, 127), (64, 5))]
    probes192 = [[c, y, x] for c in (0, 1) for (y, x) in ((0, 0), (37, 150), (191, 191), (100, 5))]
    ref = {
        "rule": "input k (target inputs then reference inputs) = |sin(0.01 * flatIndex + k)|, float64 then float32",
        "probes": [[c, y, x, float(out[c, y, x])] for c, y, x in probes],
        "meanAbsA": float(out[0].abs().mean()),
        "meanAbsB": float(out[1].abs().mean()),
        "size192": {
            "probes": [[c, y, x, float(out192[c, y, x])] for c, y, x in probes192],
            "meanAbsA": float(out192[0].abs().mean()),
            "meanAbsB": float(out192[1].abs().mean()),
        },
    }
    with open(os.path.splitext(path)[0] + "-reference.json", "w") as f:
        json.dump(ref, f, indent=1)
    net.train()


# ---------------------------------------------------------------- training loop
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="training/attention/work")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--minutes", type=float, default=1e9, help="stop (checkpointed) after this much training time")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--h", type=int, default=64)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--e", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--attention", choices=["axial", "standard"], default="axial")
    ap.add_argument("--no-pos", action="store_true", help="axial attention without the positional encodings of eq. 2")
    ap.add_argument("--decoder", choices=["paper", "concat"], default="paper", help="paper: section 3.1 / Fig. 1; concat: the earlier one")
    ap.add_argument("--tv", choices=["sq", "l1"], default="sq", help="sq: squared TV (Johnson et al., authors' code); l1: the earlier one")
    ap.add_argument("--lambda-pixel", type=float, default=LAMBDA["pixel"])
    ap.add_argument("--lambda-hist", type=float, default=LAMBDA["hist"])
    ap.add_argument("--lambda-tv", type=float, default=LAMBDA["tv"])
    ap.add_argument("--lambda-gan", type=float, default=LAMBDA["gan"])
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (same budget for every ablation)")
    ap.add_argument("--val-every", type=int, default=0, help="also validate every N steps (0: per epoch only)")
    ap.add_argument("--select", choices=["last", "best"], default="last", help="export the last or the best-validation checkpoint")
    ap.add_argument("--tag", default="", help="checkpoint name suffix (several runs in one work folder)")
    ap.add_argument("--train-limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--export-only", action="store_true")
    ap.add_argument("--out", default="models/attention/net.onnx")
    ap.add_argument("--curve", default="training/attention/loss-curve.png")
    ap.add_argument("--log", default="training/attention/log.jsonl")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    meta = json.load(open(os.path.join(args.work, "meta.json")))
    lam = {"pixel": args.lambda_pixel, "hist": args.lambda_hist, "tv": args.lambda_tv, "gan": args.lambda_gan}
    tv_fn = tv if args.tv == "sq" else tv_l1
    net = AttentionColorizer(meta, args.h, args.heads, args.e, args.repeats, args.attention, not args.no_pos, args.decoder)
    ds = nn.ModuleList([PatchD(), PatchD()])
    opt = torch.optim.Adam(net.parameters(), lr=args.lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(ds.parameters(), lr=args.lr, betas=(0.5, 0.999))
    ckpt_path = os.path.join(args.work, f"checkpoint-{args.attention}{args.tag}.pt")
    best_path = ckpt_path.replace(".pt", "-best.pt")
    state = {"epoch": 0, "step": 0, "seconds": 0.0}
    if args.resume or args.export_only:
        ck = torch.load(ckpt_path)
        net.load_state_dict(ck["model"])
        ds.load_state_dict(ck["d"])
        opt.load_state_dict(ck["opt"])
        opt_d.load_state_dict(ck["opt_d"])
        state = ck["state"]
        print(f"resumed at epoch {state['epoch']}, step {state['step']}")
    if args.export_only:
        if args.select == "best" and os.path.exists(best_path):
            net.load_state_dict(torch.load(best_path)["model"])
        export(net, meta, args.out)
        print(f"exported {args.out}")
        return
    if not args.resume and os.path.exists(args.log):
        os.remove(args.log)
    nparams = sum(p.numel() for p in net.parameters())
    print(f"network: {nparams} parameters ({args.attention}, h={args.h}, heads={args.heads}, e={args.e}, x{args.repeats}, pos={not args.no_pos}, decoder={args.decoder}, tv={args.tv}, lambda={lam})")

    tr = load_split(args.work, "train", meta)
    va = load_split(args.work, "val", meta)
    n = tr["n"] if not args.train_limit else min(tr["n"], args.train_limit)
    # Evenly spaced over the prepared images (sorted by source), so every source stays represented.
    pool = np.array([(i * tr["n"]) // n for i in range(n)])
    tr_nn = neighbours(tr["global"][pool])
    va_nn = neighbours(va["global"])
    steps_per_epoch = n // args.batch
    if not args.resume:
        stat_idx = pool[np.linspace(0, n - 1, min(n, 64)).astype(int)]
        xs, _, _ = batch(meta, tr, stat_idx, stat_idx)
        with torch.no_grad():
            net.set_input_stats(xs)
    print(f"train {n} images, val {va['n']}; {steps_per_epoch} steps per epoch", flush=True)

    def validate():
        net.eval()
        tot, cnt = 0.0, 0
        with torch.no_grad():
            for s in range(0, va["n"], 16):
                ti = np.arange(s, min(s + 16, va["n"]))
                xs, tlab, rlab = batch(meta, va, ti, va_nn[ti, 0])
                l, _, _ = losses(net(*xs), tlab, rlab, None, lam, tv_fn)
                tot += float(l) * len(ti)
                cnt += len(ti)
        net.train()
        return tot / cnt

    log = [json.loads(l) for l in open(args.log)] if os.path.exists(args.log) else []
    if args.resume:
        # Rows written after the checkpoint (a crash between two checkpoints) are redone: drop them.
        log = [r for r in log if r["step"] <= state["step"]]
        with open(args.log, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in log)
    logf = open(args.log, "a")
    running, run_d, run_parts = None, None, None
    t_start = time.time() - state["seconds"]

    def save():
        state["seconds"] = time.time() - t_start
        ck = {"model": net.state_dict(), "d": ds.state_dict(), "opt": opt.state_dict(), "opt_d": opt_d.state_dict(), "state": state, "args": vars(args)}
        torch.save(ck, ckpt_path + ".tmp")
        os.replace(ckpt_path + ".tmp", ckpt_path)

    best = {"val": float("inf")}
    if args.resume and os.path.exists(best_path):
        best["val"] = torch.load(best_path)["val"]  # the best before the resume stays the best to beat

    def record_val():
        """Validation loss (generator terms without the GAN, each val image with its nearest
        neighbour as reference) into the log; the best so far is kept (best_path) for --select best."""
        v = validate()
        rec = {"step": state["step"], "val": v, "epoch": state["epoch"], "time": time.time() - t_start}
        log.append(rec)
        logf.write(json.dumps(rec) + "\n")
        logf.flush()
        if v < best["val"]:
            best["val"] = v
            torch.save({"model": net.state_dict(), "state": dict(state), "val": v}, best_path)
        return v

    out_of_time = False
    while state["epoch"] < args.epochs and not out_of_time:
        rng = np.random.default_rng(args.seed * 1000 + state["epoch"])
        order = rng.permutation(n)
        refs = choose_refs(tr_nn, rng)
        start = state["step"] - state["epoch"] * steps_per_epoch
        for b in range(start, steps_per_epoch):
            ti = np.sort(order[b * args.batch : (b + 1) * args.batch])
            xs, tlab, rlab = batch(meta, tr, pool[ti], pool[refs[ti]])
            preds = net(*xs)
            g_loss, parts, fakes = losses(preds, tlab, rlab, ds, lam, tv_fn)
            opt.zero_grad()
            g_loss.backward()
            opt.step()
            d_loss = 0.0
            if lam["gan"] > 0:
                for d, (fake, real) in zip(ds, fakes):
                    d_loss = d_loss + 0.5 * (((d(real) - 1) ** 2).mean() + (d(fake.detach()) ** 2).mean())
                opt_d.zero_grad()
                d_loss.backward()
                opt_d.step()
            state["step"] += 1
            a = 0.95
            running = float(g_loss) if running is None else a * running + (1 - a) * float(g_loss)
            run_d = float(d_loss) if run_d is None else a * run_d + (1 - a) * float(d_loss)
            run_parts = parts if run_parts is None else {k: a * run_parts[k] + (1 - a) * parts[k] for k in parts}
            if state["step"] % 10 == 0:
                rec = {"step": state["step"], "train": running, "d": run_d, "parts": run_parts, "time": time.time() - t_start}
                log.append(rec)
                logf.write(json.dumps(rec) + "\n")
                logf.flush()
            if state["step"] % 50 == 0:
                print(f"epoch {state['epoch']} step {state['step']} G {running:.3f} D {run_d:.3f} {({k: round(v, 4) for k, v in run_parts.items()})} ({time.time() - t_start:.0f} s)", flush=True)
                save()
            if args.val_every and state["step"] % args.val_every == 0:
                record_val()
            if time.time() - t_start > args.minutes * 60 or (args.max_steps and state["step"] >= args.max_steps):
                out_of_time = True
                break
        if not out_of_time:
            state["epoch"] += 1
        v = record_val() if not (args.val_every and state["step"] % args.val_every == 0) else log[-1]["val"]
        print(f"epoch {state['epoch']} {'(budget reached) ' if out_of_time else ''}val {v:.4f}", flush=True)
        save()
        plot(log, args.curve, lam)
    if args.select == "best" and os.path.exists(best_path):
        ck = torch.load(best_path)
        net.load_state_dict(ck["model"])
        print(f"exporting the best validation checkpoint: step {ck['state']['step']}, val {ck['val']:.4f}")
    export(net, meta, args.out)
    print(f"done: {state['step']} steps, {state['epoch']} epochs, {time.time() - t_start:.0f} s; exported {args.out}")


if __name__ == "__main__":
    main()
