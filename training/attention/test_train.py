#!/usr/bin/env python3
"""Checks of training/attention/train.py against references it does not share code with:
the squared TV of the authors' code evaluated literally (numpy loops) and its gradient by
central finite differences; the reach of the axial attention (what a target position can take
from the reference); the relative positional encodings at another working size; the decoder's
five steps (section 3.1); the loss switches; --resume (a run stopped after 3 steps and resumed to 7
equals 7 steps in one go, bit for bit).

  /usr/bin/python3 -m unittest training/attention/test_train.py      (run by test/attention/trainer.test.ts)
"""
import importlib.util
import os
import unittest

import numpy as np
import torch
import torch.nn.functional as F

_spec = importlib.util.spec_from_file_location("attention_train", os.path.join(os.path.dirname(__file__), "train.py"))
T = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(T)


def tv_literal(x):
    """The authors' _total_variation_loss (bbc/xcnet src/models/criterion.py) written out as sums:
    (1/B) sum_b 2 (sum_{c,i,j} (x[b,c,i+1,j] - x[b,c,i,j])^2 / (C (H-1) W)
                   + sum_{c,i,j} (x[b,c,i,j+1] - x[b,c,i,j])^2 / (C H (W-1)))."""
    B, C, H, W = x.shape
    total = 0.0
    for b in range(B):
        sy = sx = 0.0
        for c in range(C):
            for i in range(H):
                for j in range(W):
                    if i + 1 < H:
                        sy += (x[b, c, i + 1, j] - x[b, c, i, j]) ** 2
                    if j + 1 < W:
                        sx += (x[b, c, i, j + 1] - x[b, c, i, j]) ** 2
        total += 2 * (sy / (C * (H - 1) * W) + sx / (C * H * (W - 1)))
    return total / B


class TVLoss(unittest.TestCase):
    def setUp(self):
        self.x = np.random.default_rng(3).standard_normal((2, 2, 5, 7))

    def test_value_matches_the_literal_sum(self):
        got = float(T.tv(torch.from_numpy(self.x)))
        self.assertAlmostEqual(got, tv_literal(self.x), places=12)

    def test_is_squared_not_l1(self):
        # Scaling the input by 3 scales a squared TV by 9 (an L1 TV by 3).
        x = torch.from_numpy(self.x)
        self.assertAlmostEqual(float(T.tv(3 * x)) / float(T.tv(x)), 9.0, places=10)
        self.assertAlmostEqual(float(T.tv_l1(3 * x)) / float(T.tv_l1(x)), 3.0, places=10)

    def test_gradient_matches_finite_differences(self):
        x = torch.from_numpy(self.x.copy()).requires_grad_(True)
        T.tv(x).backward()
        grad = x.grad.numpy()
        eps = 1e-6
        fd = np.zeros_like(self.x)
        for idx in np.ndindex(*self.x.shape):
            xp, xm = self.x.copy(), self.x.copy()
            xp[idx] += eps
            xm[idx] -= eps
            fd[idx] = (tv_literal(xp) - tv_literal(xm)) / (2 * eps)
        np.testing.assert_allclose(grad, fd, rtol=1e-6, atol=1e-9)


def axial(axis, pos=True, span=6, h=8, heads=2):
    torch.manual_seed(0)
    layer = T.AxialLayer(h, heads, span, axis, pos).double().eval()
    return layer


class AxialReach(unittest.TestCase):
    """Eq. 2 along one axis: a target position o = (i, j) attends to the reference positions p on
    its own row (width layer) or its own column (height layer) only."""

    def setUp(self):
        g = torch.Generator().manual_seed(1)
        self.t = torch.randn(1, 8, 6, 6, generator=g, dtype=torch.float64)
        self.r = torch.randn(1, 8, 6, 6, generator=g, dtype=torch.float64)
        self.r2 = self.r.clone()
        self.k = 4
        self.r2[..., :, self.k] += torch.randn(1, 8, 6, generator=g, dtype=torch.float64)  # reference column k

    def test_height_layer_takes_column_j_from_reference_column_j_only(self):
        layer = axial("height")
        with torch.no_grad():
            a, b = layer(self.t, self.r), layer(self.t, self.r2)
        diff = (a - b).abs().amax(dim=(0, 1, 2))  # per target column
        for j in range(6):
            if j == self.k:
                self.assertGreater(float(diff[j]), 1e-3)
            else:
                self.assertEqual(float(diff[j]), 0.0, f"column {j} moved when reference column {self.k} changed")

    def test_width_layer_takes_row_i_from_reference_row_i_only(self):
        layer = axial("width")
        r2 = self.r.clone()
        r2[..., 2, :] += 1.0  # reference row 2
        with torch.no_grad():
            diff = (layer(self.t, self.r) - layer(self.t, r2)).abs().amax(dim=(0, 1, 3))  # per target row
        self.assertGreater(float(diff[2]), 1e-3)
        self.assertEqual(float(diff[[0, 1, 3, 4, 5]].max()), 0.0)

    def test_module_width_then_height_values_come_from_column_j(self):
        """Figure 2 module (width then height layer): reference column k != j reaches target column
        j, but only through the attention weights (the width layer's output is the height layer's
        query). The values the height layer mixes into column j are reference column j's: when
        that column is constant along the height and r^v is zero, target column j does not move
        whatever reference column k does."""
        torch.manual_seed(0)
        mod = T.AttentionModule(8, 2, 6, "axial").double().eval()
        with torch.no_grad():
            a, b = mod(self.t, self.r), mod(self.t, self.r2)
        self.assertGreater(float((a - b)[..., 0].abs().max()), 1e-4, "weights path: column 0 should move")
        j = 1
        r, r2 = self.r.clone(), self.r2.clone()
        r[..., :, j] = r[..., :1, j]  # column j constant along the height
        r2[..., :, j] = r[..., :, j]
        with torch.no_grad():
            for layer in mod.layers:
                layer.rel[2].zero_()  # r^v = 0
            a, b = mod(self.t, r), mod(self.t, r2)
        self.assertLess(float((a - b)[..., j].abs().max()), 1e-12)
        self.assertGreater(float((a - b)[..., self.k].abs().max()), 1e-3)


class PositionalEncodings(unittest.TestCase):
    def test_index_at_the_trained_size_is_every_offset(self):
        layer = axial("height", span=6)
        o = torch.arange(6)
        np.testing.assert_array_equal(layer.rel_index(6).numpy(), (o[None, :] - o[:, None] + 5).reshape(-1).numpy())

    def test_longer_axis_clips_offsets(self):
        layer = axial("height", span=6)
        idx = layer.rel_index(9).reshape(9, 9)
        self.assertEqual(int(idx[0, 8]), 10)  # offset +8 -> +5 (last column)
        self.assertEqual(int(idx[8, 0]), 0)  # offset -8 -> -5 (first column)
        self.assertEqual(int(idx[3, 5]), 7)  # offset +2 unclipped
        with torch.no_grad():
            y = layer(torch.randn(1, 8, 9, 12, dtype=torch.float64), torch.randn(1, 8, 9, 12, dtype=torch.float64))
        self.assertEqual(tuple(y.shape), (1, 8, 9, 12))


META = {
    "size": 64,
    "target": [
        {"name": n, "channels": c, "height": s, "width": s}
        for n, c, s in (("t_relu1_1", 4, 64), ("t_relu2_1", 5, 32), ("t_relu3_1", 6, 16), ("t_s8", 3, 8), ("t_s16", 7, 4), ("t_s32", 9, 2))
    ],
    "reference": [
        {"name": n, "channels": c, "height": s, "width": s} for n, c, s in (("r_relu3_1", 6, 16), ("r_s8", 3, 8), ("r_s16", 7, 4))
    ],
}


class Decoder(unittest.TestCase):
    def test_block_adds_fused_then_convolves_upsamples_concatenates_convolves(self):
        """Section 3.1's five steps, written out with torch.nn.functional on the block's weights."""
        torch.manual_seed(0)
        blk = T.DecoderBlock(4, 3, 5).double()
        x, f, s = (torch.randn(2, 4, 3, 5, dtype=torch.float64), torch.randn(2, 4, 3, 5, dtype=torch.float64), torch.randn(2, 3, 6, 10, dtype=torch.float64))
        y = F.relu(F.conv2d(x + f, blk.c1.weight, blk.c1.bias, padding=1))  # (1) add, (2) conv + ReLU
        y = F.interpolate(y, size=(6, 10), mode="bilinear", align_corners=False)  # (3) x2
        y = torch.cat([y, s], 1)  # (4) skip
        y = F.relu(F.conv2d(y, blk.c2.weight, blk.c2.bias, padding=1))  # (5) conv + ReLU
        with torch.no_grad():
            np.testing.assert_allclose(blk(x, f, s).numpy(), y.numpy(), atol=1e-12)
            np.testing.assert_allclose(blk(x + f, None, s).numpy(), y.numpy(), atol=1e-12)

    def test_every_target_level_reaches_the_finest_prediction(self):
        torch.manual_seed(0)
        net = T.AttentionColorizer(META, h=8, heads=2, e=4).double().eval()
        xs = [torch.rand(1, s["channels"], s["height"], s["width"], dtype=torch.float64, requires_grad=True) for s in META["target"] + META["reference"]]
        out = net(*xs)
        self.assertEqual([tuple(o.shape[-2:]) for o in out], [(8, 8), (16, 16), (32, 32), (64, 64)])
        out[-1].sum().backward()
        for s, x in zip(META["target"] + META["reference"], xs):
            self.assertGreater(float(x.grad.abs().sum()), 0.0, s["name"])
        # The fused maps are added, not concatenated: the decoder block input stays h wide.
        self.assertEqual(net.dec[1].c1.in_channels, 8)


class LossSwitches(unittest.TestCase):
    def test_weights_select_terms(self):
        torch.manual_seed(0)
        preds = [torch.rand(2, 2, s, s) * 2 - 1 for s in (8, 16, 32, 64)]
        tlab, rlab = torch.rand(2, 3, 64, 64), torch.rand(2, 3, 64, 64)
        total, parts, _ = T.losses(preds, tlab, rlab, None)
        self.assertAlmostEqual(float(total), sum(T.LAMBDA[k] * parts[k] for k in parts), places=3)
        lam = dict(T.LAMBDA, hist=0.0)
        total0, parts0, _ = T.losses(preds, tlab, rlab, None, lam)
        self.assertAlmostEqual(float(total0), float(total) - 2.0 * parts["hist"], places=3)
        self.assertGreater(parts0["hist"], 0.0)  # still logged


def _tiny_work(folder, n=10, seed=0):
    """A work folder as prepare.ts writes it, with random features of META's few channels at the
    real working size 128² (the export's known-answer probes assume it)."""
    import json

    meta = {"size": 128, **{k: [dict(s, height=2 * s["height"], width=2 * s["width"]) for s in META[k]] for k in ("target", "reference")}}
    rng = np.random.default_rng(seed)
    S = meta["size"]
    per = lambda specs: sum(s["channels"] * s["height"] * s["width"] for s in specs)
    for split, m in (("train", n), ("val", 4)):
        rng.random((m, per(meta["target"]))).astype(np.float16).tofile(os.path.join(folder, f"{split}-tgt.f16"))
        rng.random((m, per(meta["reference"]))).astype(np.float16).tofile(os.path.join(folder, f"{split}-ref.f16"))
        (rng.random((m, 3, S, S)) * 2 - 1).astype(np.float16).tofile(os.path.join(folder, f"{split}-lab.f16"))
        rng.random((m, 6)).astype(np.float32).tofile(os.path.join(folder, f"{split}-global.f32"))
        with open(os.path.join(folder, f"{split}-files.txt"), "w") as f:
            f.write("".join(f"{split}{i}.jpg\n" for i in range(m)))
    with open(os.path.join(folder, "meta.json"), "w") as f:
        json.dump(meta, f)


class Resume(unittest.TestCase):
    def test_interrupted_and_resumed_run_equals_one_run(self):
        """3 steps, stop, --resume to 7 (across the epoch boundary at 5) gives the same weights,
        discriminators and optimiser states as 7 steps in one go; log rows written after the
        checkpoint (a crash) are dropped on resume."""
        import json
        import subprocess
        import sys
        import tempfile

        train_py = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train.py")
        with tempfile.TemporaryDirectory() as w:
            _tiny_work(w)

            def run(tag, steps, *extra):
                cmd = [sys.executable, train_py, "--work", w, "--threads", "1", "--batch", "2", "--epochs", "1000",
                       "--h", "8", "--heads", "2", "--e", "4", "--max-steps", str(steps), f"--tag={tag}",
                       "--out", os.path.join(w, f"{tag}.onnx"), "--log", os.path.join(w, f"{tag}.jsonl"),
                       "--curve", os.path.join(w, f"{tag}.png"), *extra]
                r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, OMP_NUM_THREADS="1"))
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                return r.stdout

            run("-a", 7)
            run("-b", 3)
            b3 = torch.load(os.path.join(w, "checkpoint-axial-b.pt"))
            with open(os.path.join(w, "-b.jsonl"), "a") as f:
                f.write(json.dumps({"step": 5, "train": 1.0}) + "\n")  # written after the checkpoint
            self.assertIn("resumed at epoch 0, step 3", run("-b", 7, "--resume"))
            a = torch.load(os.path.join(w, "checkpoint-axial-a.pt"))
            b = torch.load(os.path.join(w, "checkpoint-axial-b.pt"))
            self.assertEqual(a["state"]["step"], 7)
            self.assertEqual(b["state"]["step"], 7)
            self.assertEqual(a["state"]["epoch"], b["state"]["epoch"])
            for part in ("model", "d"):
                for k, v in a[part].items():
                    self.assertTrue(torch.equal(v, b[part][k]), f"{part}.{k}")
            for k, st in a["opt"]["state"].items():
                for name, v in st.items():
                    self.assertTrue(torch.equal(v, b["opt"]["state"][k][name]), f"opt {k} {name}")
            # Not trivially equal: steps 4-7 moved the weights.
            self.assertFalse(all(torch.equal(v, b3["model"][k]) for k, v in a["model"].items()))
            rows = [json.loads(l) for l in open(os.path.join(w, "-b.jsonl"))]
            self.assertNotIn(1.0, [r.get("train") for r in rows])


if __name__ == "__main__":
    unittest.main()
