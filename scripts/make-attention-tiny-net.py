#!/usr/bin/env python3
"""A tiny, untrained attention network (h = 16, 2 heads, e = 8, seed 7) exported by
training/attention/train.py's own export() with dynamic sizes, and its PyTorch known answers at
128² and 192², as a fixture for test/attention/network.test.ts: the toolkit's ONNX path at another
working size, whatever network is committed in models/attention.

  /usr/bin/python3 scripts/make-attention-tiny-net.py   -> test/fixtures/attention-tiny-net.onnx (+ -reference.json)
  npx biome format --write test/fixtures/attention-tiny-net-reference.json
"""
import importlib.util
import os

import torch

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("attention_train", os.path.join(root, "training/attention/train.py"))
T = importlib.util.module_from_spec(spec)
spec.loader.exec_module(T)

S = 128
shapes = {
    "t_relu1_1": (64, S), "t_relu2_1": (128, S // 2), "t_relu3_1": (256, S // 4), "t_s8": (32, S // 8),
    "t_s16": (96, S // 16), "t_s32": (1280, S // 32), "r_relu3_1": (256, S // 4), "r_s8": (32, S // 8), "r_s16": (96, S // 16),
}
spec_of = lambda n: {"name": n, "channels": shapes[n][0], "height": shapes[n][1], "width": shapes[n][1]}
meta = {
    "size": S,
    "target": [spec_of(n) for n in ("t_relu1_1", "t_relu2_1", "t_relu3_1", "t_s8", "t_s16", "t_s32")],
    "reference": [spec_of(n) for n in ("r_relu3_1", "r_s8", "r_s16")],
}
torch.manual_seed(7)
net = T.AttentionColorizer(meta, h=16, heads=2, e=8)
T.export(net, meta, os.path.join(root, "test/fixtures/attention-tiny-net.onnx"))
print("wrote test/fixtures/attention-tiny-net.onnx")
