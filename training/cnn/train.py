#!/usr/bin/env python3
"""Trains the light colour-distribution head of `colorize auto --method cnn|cnn-tv` on features
precomputed by prepare.ts (the frozen MobileNetV2 backbone runs once, in the toolkit itself, so
training and inference see the same features), then exports it to ONNX.

Loss (Zhang, Isola & Efros 2016, eq. 2 and 3-4): multinomial cross-entropy against soft-encoded
targets (5 nearest of the 313 bins, Gaussian sigma = 5), each pixel weighted by the class
rebalancing weight of its target's most likely bin; the prior is the training set's bin
distribution smoothed with a Gaussian (sigma = 5) on the ab plane and mixed with uniform
(lambda = 0.5), w ~ 1 / ((1 - lambda) p + lambda / Q), normalised so E_p[w] = 1.

Usage (Debian python3-torch; 2 cores, no GPU):
  /usr/bin/python3 training/cnn/train.py --work training/cnn/work --epochs 8
  /usr/bin/python3 training/cnn/train.py --work training/cnn/work --resume      # continue
  /usr/bin/python3 training/cnn/train.py --work training/cnn/work --export-only # ONNX from checkpoint
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

Q = 313


class Head(nn.Module):
    """Per-scale 1x1 reductions, upsampled to the stride-4 grid, then two 3x3 convolutions."""

    def __init__(self, inputs, width=128):
        super().__init__()
        self.inputs = inputs  # list of {name, channels, stride, reduce}
        self.reduce = nn.ModuleList(
            [nn.Conv2d(s["channels"], s["reduce"], 1) if s["reduce"] else nn.Identity() for s in inputs]
        )
        cat = sum(s["reduce"] or s["channels"] for s in inputs)
        self.conv1 = nn.Conv2d(cat, width, 3, padding=1)
        self.conv2 = nn.Conv2d(width, width, 3, padding=2, dilation=2)
        self.out = nn.Conv2d(width, Q, 1)

    def forward(self, *xs):
        size = xs[0].shape[-2:]
        parts = []
        for spec, red, x in zip(self.inputs, self.reduce, xs):
            y = red(x)
            if spec["reduce"]:
                y = F.relu(y)
            if y.shape[-2:] != size:
                y = F.interpolate(y, size=size, mode="bilinear", align_corners=False)
            parts.append(y)
        h = F.relu(self.conv1(torch.cat(parts, 1)))
        h = F.relu(self.conv2(h))
        return self.out(h)


def load_split(work, split, meta):
    n = len(open(os.path.join(work, f"{split}-files.txt")).read().split("\n")) - 1
    per = meta["recordFloats"]
    feats = np.memmap(os.path.join(work, f"{split}-features.f32"), dtype=np.float32, mode="r", shape=(n, per))
    g = meta["grid"]
    k = meta["neighbours"]
    tidx = np.memmap(os.path.join(work, f"{split}-tidx.u16"), dtype=np.uint16, mode="r", shape=(n, k, g * g))
    tw = np.memmap(os.path.join(work, f"{split}-tw.f32"), dtype=np.float32, mode="r", shape=(n, k, g * g))
    return n, feats, tidx, tw


def unpack(meta, rows):
    """Feature records (batch, recordFloats) -> one tensor per head input."""
    out = []
    off = 0
    for s in meta["inputs"]:
        size = s["channels"] * s["height"] * s["width"]
        out.append(torch.from_numpy(np.ascontiguousarray(rows[:, off : off + size])).view(-1, s["channels"], s["height"], s["width"]))
        off += size
    return out


def rebalance_weights(tidx, tw, bins_a, bins_b, lam=0.5, sigma=5.0):
    """Class-rebalancing weights of Zhang et al. eq. 3-4 from the training targets."""
    counts = np.zeros(Q, np.float64)
    for i in range(tidx.shape[0]):
        np.add.at(counts, tidx[i].reshape(-1).astype(np.int64), tw[i].reshape(-1))
    p = counts / counts.sum()
    d2 = (bins_a[:, None] - bins_a[None, :]) ** 2 + (bins_b[:, None] - bins_b[None, :]) ** 2
    kern = np.exp(-d2 / (2 * sigma * sigma))
    p_s = kern @ p
    p_s /= p_s.sum()
    w = 1.0 / ((1 - lam) * p_s + lam / Q)
    w /= (p_s * w).sum()
    return p, p_s, w


def batch_loss(logits, idx, wts, rebal):
    """Weighted cross-entropy; idx, wts: (B, K, H*W)."""
    B = logits.shape[0]
    logp = F.log_softmax(logits.view(B, Q, -1), dim=1)  # (B, Q, P)
    picked = torch.gather(logp, 1, idx)  # (B, K, P)
    ce = -(wts * picked).sum(1)  # (B, P)
    top = torch.gather(idx, 1, wts.argmax(1, keepdim=True)).squeeze(1)  # most likely bin (B, P)
    v = rebal[top]
    return (v * ce).mean(), ce.mean()


def plot(log, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = [r["step"] for r in log if "train" in r]
    fig, ax = plt.subplots(figsize=(6, 3.6), dpi=110)
    ax.plot(steps, [r["train"] for r in log if "train" in r], lw=0.8, label="train (rebalanced CE, running mean)")
    val = [r for r in log if "val" in r]
    if val:
        ax.plot([r["step"] for r in val], [r["val"] for r in val], "o-", label="val (rebalanced CE)")
    ax.set_xlabel("step (batch)")
    ax.set_ylabel("loss")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def export(model, meta, path):
    model.eval()
    dummy = [torch.zeros(1, s["channels"], s["height"], s["width"]) for s in meta["inputs"]]
    names = [s["name"] for s in meta["inputs"]]
    tmp = path + ".tmp"
    torch.onnx.export(model, tuple(dummy), tmp, input_names=names, output_names=["logits"], opset_version=13)
    os.replace(tmp, path)
    # Known answer for the toolkit's test: input k of the head filled with sin(0.01 * i + k)
    # (i = flat index), logits of a few bins at a few grid positions, computed by PyTorch.
    xs = [torch.sin(0.01 * torch.arange(s["channels"] * s["height"] * s["width"], dtype=torch.float64) + k).float().view(1, s["channels"], s["height"], s["width"]) for k, s in enumerate(meta["inputs"])]
    with torch.no_grad():
        out = model(*xs)[0]
    probes = [[q, y, x] for q in (0, 100, 312) for (y, x) in ((0, 0), (27, 31), (55, 55))]
    ref = {"rule": "input k = sin(0.01 * flatIndex + k), float64 then float32", "probes": [[q, y, x, float(out[q, y, x])] for q, y, x in probes]}
    with open(os.path.splitext(path)[0] + "-reference.json", "w") as f:
        json.dump(ref, f, indent=1)


def load_onnx_weights(model, path):
    """Copies an exported head's initializers (named as the state dict by torch.onnx.export) into model."""
    import onnx
    from onnx import numpy_helper

    init = {t.name: numpy_helper.to_array(t) for t in onnx.load(path).graph.initializer}
    state = model.state_dict()
    missing = [k for k in state if k not in init]
    if missing:
        raise SystemExit(f"{path} lacks {', '.join(missing)}: not a head of this width and inputs")
    for k in state:
        if tuple(init[k].shape) != tuple(state[k].shape):
            raise SystemExit(f"{path}: {k} has shape {init[k].shape}, the model {tuple(state[k].shape)}")
        state[k] = torch.from_numpy(init[k].copy())
    model.load_state_dict(state)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="training/cnn/work")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--export-only", action="store_true")
    ap.add_argument("--out", default="models/cnn-tv/head.onnx")
    ap.add_argument("--curve", default="training/cnn/loss-curve.png")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--init-onnx", help="start from the weights of an exported head (e.g. the committed one) instead of at random")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    meta = json.load(open(os.path.join(args.work, "meta.json")))
    bins = np.fromfile(meta["binsFile"], dtype="<f4")
    bins_a, bins_b = bins[:Q].astype(np.float64), bins[Q:].astype(np.float64)
    model = Head(meta["inputs"], args.width)
    if args.init_onnx and not (args.resume or args.export_only):
        load_onnx_weights(model, args.init_onnx)
        print(f"weights from {args.init_onnx}")
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    ckpt_path = os.path.join(args.work, "checkpoint.pt")
    log_path = os.path.join(args.work, "log.jsonl")
    state = {"epoch": 0, "step": 0}
    if args.resume or args.export_only:
        ck = torch.load(ckpt_path)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        rng = np.random.default_rng(args.seed + state["epoch"])
        print(f"resumed at epoch {state['epoch']}, step {state['step']}")
    if args.export_only:
        export(model, meta, args.out)
        print(f"exported {args.out}")
        return
    if not args.resume and os.path.exists(log_path):
        os.remove(log_path)

    n, feats, tidx, tw = load_split(args.work, "train", meta)
    nv, vfeats, vtidx, vtw = load_split(args.work, "val", meta)
    p, p_s, rebal_np = rebalance_weights(tidx, tw, bins_a, bins_b)
    json.dump({"prior": p.tolist(), "smoothed": p_s.tolist(), "weights": rebal_np.tolist()}, open(os.path.join(args.work, "rebalance.json"), "w"))
    rebal = torch.from_numpy(rebal_np.astype(np.float32))
    print(f"train {n} images, val {nv}; rebalancing weights {rebal_np.min():.3f}..{rebal_np.max():.3f}")
    steps_per_epoch = n // args.batch
    total = steps_per_epoch * args.epochs

    def lr_at(step):
        return args.lr * 0.5 * (1 + math.cos(math.pi * min(step, total) / total))

    def validate():
        model.eval()
        tot, tot_ce = 0.0, 0.0
        with torch.no_grad():
            for s in range(0, nv, 32):
                rows = vfeats[s : s + 32]
                logits = model(*unpack(meta, rows))
                idx = torch.from_numpy(vtidx[s : s + 32].astype(np.int64))
                wts = torch.from_numpy(np.asarray(vtw[s : s + 32]))
                l, ce = batch_loss(logits, idx, wts, rebal)
                tot += l.item() * rows.shape[0]
                tot_ce += ce.item() * rows.shape[0]
        model.train()
        return tot / nv, tot_ce / nv

    log = [json.loads(l) for l in open(log_path)] if os.path.exists(log_path) else []
    logf = open(log_path, "a")
    t0 = time.time()
    running = None
    while state["epoch"] < args.epochs:
        order = rng.permutation(n)
        start = state["step"] - state["epoch"] * steps_per_epoch
        for b in range(start, steps_per_epoch):
            sel = np.sort(order[b * args.batch : (b + 1) * args.batch])
            rows = feats[sel]
            idx = torch.from_numpy(tidx[sel].astype(np.int64))
            wts = torch.from_numpy(np.asarray(tw[sel]))
            for g in opt.param_groups:
                g["lr"] = lr_at(state["step"])
            logits = model(*unpack(meta, rows))
            loss, _ = batch_loss(logits, idx, wts, rebal)
            opt.zero_grad()
            loss.backward()
            opt.step()
            state["step"] += 1
            running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
            if state["step"] % 20 == 0:
                rec = {"step": state["step"], "train": running, "time": time.time() - t0}
                log.append(rec)
                logf.write(json.dumps(rec) + "\n")
                logf.flush()
            if state["step"] % 100 == 0:
                print(f"epoch {state['epoch']} step {state['step']}/{total} loss {running:.4f} ({time.time() - t0:.0f} s)", flush=True)
        state["epoch"] += 1
        v, vce = validate()
        rec = {"step": state["step"], "val": v, "valCE": vce, "epoch": state["epoch"], "time": time.time() - t0}
        log.append(rec)
        logf.write(json.dumps(rec) + "\n")
        logf.flush()
        print(f"epoch {state['epoch']} done: val {v:.4f} (plain CE {vce:.4f})", flush=True)
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state}, ckpt_path + ".tmp")
        os.replace(ckpt_path + ".tmp", ckpt_path)
        plot(log, args.curve)
        export(model, meta, args.out)
    print(f"done in {time.time() - t0:.0f} s; exported {args.out}")


if __name__ == "__main__":
    main()
