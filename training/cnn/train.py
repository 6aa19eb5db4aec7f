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


class BackboneTop(nn.Module):
    """MobileNetV2's top (blocks 13-16 and Conv_1 + ReLU6: features_s16 -> features_s32), rebuilt
    from the toolkit's converted ONNX graph so that it can be trained (--unfreeze-top). Runs the
    graph's own nodes (Conv with TF "SAME_UPPER" padding, Clip, Add) in order."""

    def __init__(self, onnx_path):
        super().__init__()
        import onnx
        from onnx import numpy_helper

        g = onnx.load(onnx_path).graph
        init = {t.name: numpy_helper.to_array(t) for t in g.initializer}
        nodes = list(g.node)
        src = next(n.input[0] for n in nodes if n.op_type == "Identity" and n.output[0] == "features_s16")
        dst = next(n.input[0] for n in nodes if n.op_type == "Identity" and n.output[0] == "features_s32")
        i0 = next(i for i, n in enumerate(nodes) if src in n.output)
        i1 = next(i for i, n in enumerate(nodes) if dst in n.output)
        self.src, self.dst, self.ops = src, dst, []
        self.convs = nn.ModuleList()
        for n in nodes[i0 + 1 : i1 + 1]:
            att = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
            if n.op_type == "Conv":
                w, b = init[n.input[1]], init[n.input[2]]
                if att.get("auto_pad", b"SAME_UPPER") != b"SAME_UPPER" or list(att.get("dilations", [1, 1])) != [1, 1]:
                    raise SystemExit(f"unexpected conv attributes {att}")
                c = nn.Conv2d(w.shape[1] * att["group"], w.shape[0], w.shape[2:], stride=att["strides"], groups=att["group"])
                c.weight.data = torch.from_numpy(w.copy())
                c.bias.data = torch.from_numpy(b.copy())
                self.ops.append(("Conv", n.input[0], n.output[0], len(self.convs)))
                self.convs.append(c)
            elif n.op_type == "Clip":
                self.ops.append(("Clip", n.input[0], n.output[0], (float(init[n.input[1]]), float(init[n.input[2]]))))
            elif n.op_type == "Add":
                self.ops.append(("Add", n.input[0], n.output[0], n.input[1]))
            else:
                raise SystemExit(f"unexpected op {n.op_type} between features_s16 and features_s32")

    @staticmethod
    def same_pad(x, conv):
        pads = []
        for size, k, s in zip(x.shape[-2:], conv.kernel_size, conv.stride):
            out = -(-size // s)
            total = max((out - 1) * s + k - size, 0)
            pads.append((total // 2, total - total // 2))
        (t, b), (l, r) = pads
        return F.pad(x, (l, r, t, b)) if t or b or l or r else x

    def forward(self, x):
        env = {self.src: x}
        for op, a, out, arg in self.ops:
            if op == "Conv":
                conv = self.convs[arg]
                env[out] = conv(self.same_pad(env[a], conv))
            elif op == "Clip":
                env[out] = torch.clamp(env[a], arg[0], arg[1])
            else:
                env[out] = env[a] + env[arg]
        return env[self.dst]


class TopAndHead(nn.Module):
    """The head fed by a trainable copy of the backbone's top: inputs are the head's without
    features_s32, which the top computes from features_s16."""

    def __init__(self, inputs, width, top):
        super().__init__()
        self.names = [s["name"] for s in inputs]
        self.top = top
        self.head = Head(inputs, width)

    def forward(self, *xs):
        named = dict(zip([n for n in self.names if n != "features_s32"], xs))
        named["features_s32"] = self.top(named["features_s16"])
        return self.head(*[named[n] for n in self.names])


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


def model_inputs(model, specs):
    """(index in specs, spec) of each input the model takes."""
    skip = "features_s32" if isinstance(model, TopAndHead) else None
    return [(k, s) for k, s in enumerate(specs) if s["name"] != skip]


def load_semantic(work, split, n, spec):
    """prepare.ts --semantic's class probabilities of a split: (n, channels * height * width)."""
    per = spec["channels"] * spec["height"] * spec["width"]
    return np.memmap(os.path.join(work, f"{split}-semantic.f32"), dtype=np.float32, mode="r", shape=(n, per))


def soft_targets_ab(idx, wts, bins_a, bins_b):
    """The truth's a*, b* on the grid, from its soft encoding (weights of the 5 nearest bins)."""
    a = (wts * bins_a[idx]).sum(1) / wts.sum(1)
    b = (wts * bins_b[idx]).sum(1) / wts.sum(1)
    return a, b


def export(model, specs, path):
    model.eval()
    used = model_inputs(model, specs)
    dummy = [torch.zeros(1, s["channels"], s["height"], s["width"]) for _, s in used]
    names = [s["name"] for _, s in used]
    tmp = path + ".tmp"
    torch.onnx.export(model, tuple(dummy), tmp, input_names=names, output_names=["logits"], opset_version=13)
    os.replace(tmp, path)
    # Known answer for the toolkit's test: input k of the head filled with sin(0.01 * i + k)
    # (i = flat index), logits of a few bins at a few grid positions, computed by PyTorch.
    xs = [torch.sin(0.01 * torch.arange(s["channels"] * s["height"] * s["width"], dtype=torch.float64) + k).float().view(1, s["channels"], s["height"], s["width"]) for k, s in used]
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
    ap.add_argument("--unfreeze-top", metavar="MOBILENET_ONNX", help="also train MobileNetV2's top (blocks 13-16, Conv_1), rebuilt from this converted graph (models/cache/mobilenet_v2_1.0-*.onnx); the head then takes features_s16 and computes features_s32 itself")
    ap.add_argument("--top-lr", type=float, default=1e-4, help="learning rate of the unfrozen top (with --unfreeze-top)")
    ap.add_argument("--augment-flip", action="store_true", help="draw each training photo mirrored left to right with probability 1/2 (the split train-flip of prepare.ts --flip); the order of photos is the run without it")
    ap.add_argument("--exclude", default="", help="comma-separated file-name prefixes of training photos to leave out (e.g. 'flower'); the rebalancing weights are then those of the photos kept")
    ap.add_argument("--init-onnx", help="start from the weights of an exported head (e.g. the committed one) instead of at random")
    ap.add_argument("--semantic", action="store_true", help="also feed the head the Cityscapes DeepLab class probabilities of prepare.ts --semantic (input 'semantic', 28 x 28)")
    ap.add_argument("--eval-only", action="store_true", help="print the validation figures (overall and per source) of --init-onnx or the checkpoint, and stop")
    ap.add_argument("--eval-temperatures", default="0.38", help="with --eval-only: the annealed mean's temperatures to score, comma-separated")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    meta = json.load(open(os.path.join(args.work, "meta.json")))
    bins = np.fromfile(meta["binsFile"], dtype="<f4")
    bins_a, bins_b = bins[:Q].astype(np.float64), bins[Q:].astype(np.float64)
    specs = list(meta["inputs"])
    if args.semantic:
        if "semantic" not in meta:
            raise SystemExit("no semantic input prepared: run prepare.ts --semantic first")
        if args.unfreeze_top or args.augment_flip:
            raise SystemExit("--semantic goes with neither --unfreeze-top nor --augment-flip")
        specs.append(meta["semantic"])
    model = Head(specs, args.width)
    if args.unfreeze_top:
        model = TopAndHead(meta["inputs"], args.width, BackboneTop(args.unfreeze_top))
    head = model.head if args.unfreeze_top else model
    if args.init_onnx and not (args.resume or args.export_only):
        load_onnx_weights(head, args.init_onnx)
        print(f"weights from {args.init_onnx}")
    groups = [{"params": list(head.parameters()), "base": args.lr}]
    if args.unfreeze_top:
        groups.append({"params": list(model.top.parameters()), "base": args.top_lr})
    opt = torch.optim.Adam(groups, lr=args.lr)
    ckpt_path = os.path.join(args.work, "checkpoint.pt")
    log_path = os.path.join(args.work, "log.jsonl")
    state = {"epoch": 0, "step": 0}
    if args.resume or args.export_only or (args.eval_only and not args.init_onnx):
        ck = torch.load(ckpt_path)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        rng = np.random.default_rng(args.seed + state["epoch"])
        print(f"resumed at epoch {state['epoch']}, step {state['step']}")
    if args.export_only:
        export(model, specs, args.out)
        print(f"exported {args.out}")
        return
    used = [k for k, s in model_inputs(model, specs) if s["name"] != "semantic"]

    def feed(rows, sem=None):
        xs = unpack(meta, rows)
        out = [xs[k] for k in used]
        if args.semantic:
            sp = meta["semantic"]
            out.append(torch.from_numpy(np.ascontiguousarray(sem)).view(-1, sp["channels"], sp["height"], sp["width"]))
        return out

    n_all, feats, tidx, tw = load_split(args.work, "train", meta)
    sems = load_semantic(args.work, "train", n_all, meta["semantic"]) if args.semantic else None
    names = open(os.path.join(args.work, "train-files.txt")).read().split("\n")[:n_all]
    excluded = [e for e in args.exclude.split(",") if e]
    # Rows of the photos trained on: sampling and the rebalancing prior see only these.
    keep = np.array([i for i, f in enumerate(names) if not any(f.startswith(e) for e in excluded)], dtype=np.int64)
    n = len(keep)
    if excluded:
        print(f"--exclude {args.exclude}: {n_all - n} of {n_all} training photos left out")
    if args.unfreeze_top:
        # The rebuilt top must reproduce the backbone's own features_s32 (stored by prepare.ts).
        xs = unpack(meta, feats[:4])
        names = [s["name"] for s in meta["inputs"]]
        with torch.no_grad():
            got = model.top(xs[names.index("features_s16")])
        want = xs[names.index("features_s32")]
        err = (got - want).abs().max().item()
        print(f"rebuilt top vs stored features_s32: max |diff| {err:.2e} (scale {want.abs().max().item():.2f})")
        if err > 1e-3 * max(1.0, want.abs().max().item()):
            raise SystemExit("the rebuilt top does not reproduce features_s32")
    if args.augment_flip:
        nf, ffeats, ftidx, ftw = load_split(args.work, "train-flip", meta)
        if nf != n_all:
            raise SystemExit(f"train-flip has {nf} photos, train {n_all}: run prepare.ts --flip again")
        # Its own generator, so that the photo order is the one of the run without flips.
        flip_rng = np.random.default_rng(args.seed + 1000 + state["step"])
    nv, vfeats, vtidx, vtw = load_split(args.work, "val", meta)
    vsems = load_semantic(args.work, "val", nv, meta["semantic"]) if args.semantic else None
    vnames = open(os.path.join(args.work, "val-files.txt")).read().split("\n")[:nv]
    vsource = np.array([f.split("_")[0] for f in vnames])
    p, p_s, rebal_np = rebalance_weights(tidx if n == n_all else tidx[keep], tw if n == n_all else tw[keep], bins_a, bins_b)
    json.dump({"prior": p.tolist(), "smoothed": p_s.tolist(), "weights": rebal_np.tolist()}, open(os.path.join(args.work, "rebalance.json"), "w"))
    rebal = torch.from_numpy(rebal_np.astype(np.float32))
    print(f"train {n} images, val {nv}; rebalancing weights {rebal_np.min():.3f}..{rebal_np.max():.3f}")
    steps_per_epoch = n // args.batch
    total = steps_per_epoch * args.epochs

    def lr_at(step):
        return args.lr * 0.5 * (1 + math.cos(math.pi * min(step, total) / total))

    ta, tb = torch.from_numpy(bins_a.astype(np.float32)), torch.from_numpy(bins_b.astype(np.float32))

    def validate(T=0.38):
        """Validation losses, overall ("all") and per source (file-name prefix), with the annealed mean's
        (temperature T) a*b* error on the grid against the truth's, as dB over predicting a* = b* = 0
        (the gray image), and the mean chroma |ab| (the truth's beside it)."""
        model.eval()
        per = {}
        with torch.no_grad():
            for s in range(0, nv, 32):
                rows = vfeats[s : s + 32]
                logits = model(*feed(rows, vsems[s : s + 32] if args.semantic else None))
                idx = torch.from_numpy(vtidx[s : s + 32].astype(np.int64))
                wts = torch.from_numpy(np.asarray(vtw[s : s + 32]))
                B = rows.shape[0]
                probs = F.softmax(logits.view(B, Q, -1) / T, dim=1)
                pa, pb = (probs * ta[None, :, None]).sum(1), (probs * tb[None, :, None]).sum(1)
                ga, gb = soft_targets_ab(idx, wts, ta, tb)
                for j in range(B):
                    l, ce = batch_loss(logits[j : j + 1], idx[j : j + 1], wts[j : j + 1], rebal)
                    photo = {
                        "n": 1,
                        "loss": l.item(),
                        "ce": ce.item(),
                        "se": ((pa[j] - ga[j]) ** 2 + (pb[j] - gb[j]) ** 2).mean().item(),
                        "se0": (ga[j] ** 2 + gb[j] ** 2).mean().item(),
                        "chroma": torch.sqrt(pa[j] ** 2 + pb[j] ** 2).mean().item(),
                        "truth": torch.sqrt(ga[j] ** 2 + gb[j] ** 2).mean().item(),
                    }
                    for key in ("all", vsource[s + j]):
                        acc = per.setdefault(key, dict.fromkeys(photo, 0.0))
                        for name, value in photo.items():
                            acc[name] += value
        model.train()
        return {
            k: {
                "n": int(v["n"]),
                "val": round(v["loss"] / v["n"], 4),
                "valCE": round(v["ce"] / v["n"], 4),
                "abGainDb": round(10 * math.log10(v["se0"] / v["se"]), 3),
                "chroma": round(v["chroma"] / v["n"], 2),
                "truthChroma": round(v["truth"] / v["n"], 2),
            }
            for k, v in per.items()
        }

    if args.eval_only:
        for T in [float(t) for t in args.eval_temperatures.split(",")]:
            print(json.dumps({"T": T, **validate(T)}), flush=True)
        return
    # A new run starts a new log (after --eval-only has returned: it must not delete a run's log).
    if not args.resume and os.path.exists(log_path):
        os.remove(log_path)

    log = [json.loads(l) for l in open(log_path)] if os.path.exists(log_path) else []
    logf = open(log_path, "a")
    t0 = time.time()
    running = None
    while state["epoch"] < args.epochs:
        order = rng.permutation(n)
        start = state["step"] - state["epoch"] * steps_per_epoch
        for b in range(start, steps_per_epoch):
            sel = np.sort(keep[order[b * args.batch : (b + 1) * args.batch]])
            rows = feats[sel]
            srows = sems[sel] if args.semantic else None
            idx = torch.from_numpy(tidx[sel].astype(np.int64))
            wts = torch.from_numpy(np.asarray(tw[sel]))
            if args.augment_flip:
                m = flip_rng.random(len(sel)) < 0.5
                if m.any():
                    rows = np.array(rows)
                    rows[m] = ffeats[sel[m]]
                    idx[torch.from_numpy(m)] = torch.from_numpy(ftidx[sel[m]].astype(np.int64))
                    wts[torch.from_numpy(m)] = torch.from_numpy(np.asarray(ftw[sel[m]]))
            for g in opt.param_groups:
                g["lr"] = lr_at(state["step"]) * g["base"] / args.lr
            logits = model(*feed(rows, srows))
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
        detail = validate()
        v, vce = detail["all"]["val"], detail["all"]["valCE"]
        rec = {"step": state["step"], "val": v, "valCE": vce, "epoch": state["epoch"], "time": time.time() - t0, "bySource": detail}
        log.append(rec)
        logf.write(json.dumps(rec) + "\n")
        logf.flush()
        print(f"epoch {state['epoch']} done: val {v:.4f} (plain CE {vce:.4f}); {json.dumps(detail)}", flush=True)
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state}, ckpt_path + ".tmp")
        os.replace(ckpt_path + ".tmp", ckpt_path)
        plot(log, args.curve)
        export(model, specs, args.out)
    print(f"done in {time.time() - t0:.0f} s; exported {args.out}")


if __name__ == "__main__":
    main()
