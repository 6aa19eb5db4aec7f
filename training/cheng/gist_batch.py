#!/usr/bin/env python3
"""GIST of every photo of a sample folder from the 128x128 squares extract.ts --gist-squares wrote
(gist-squares.f32), with LMgist in numpy (lmgist.py): the same numbers as src/features/gist.ts to
1e-5 (test/cheng/gist-lmgist.test.ts), in a fraction of the time. Writes gist.f32 (M x 512).

  nice /usr/bin/python3 training/cheng/gist_batch.py .scratch/cheng/train [EVERY [FROM TO]]   (parts gist.FROM.f32 are summed by train.py)
"""
import os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lmgist import lmgist  # noqa: E402

folder = sys.argv[1]
every = int(sys.argv[2]) if len(sys.argv) > 2 else 1  # only every k-th photo (the others stay 0)
lo = int(sys.argv[3]) if len(sys.argv) > 3 else 0  # only photos lo <= i < hi, written to gist.<lo>.f32
hi = int(sys.argv[4]) if len(sys.argv) > 4 else None
sq = np.fromfile(os.path.join(folder, 'gist-squares.f32'), dtype='<f4').reshape(-1, 128, 128)
t0 = time.time()
out = np.zeros((len(sq), 512), '<f4')
hi = len(sq) if hi is None else hi
name = 'gist.f32' if (lo, hi) == (0, len(sq)) else f'gist.{lo}.f32'
for i in range(lo + (-lo) % every, hi, every):
    out[i] = lmgist(sq[i].astype(np.float64), vectorised=True)
    if i % (100 * every) == 0:
        print(f'{i}/{len(sq)} {time.time() - t0:.0f} s', flush=True)
out.tofile(os.path.join(folder, name))
print(f'GIST of photos {lo}..{hi - 1} (every {every}) in {time.time() - t0:.0f} s -> {folder}/{name}', flush=True)
