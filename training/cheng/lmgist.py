"""GIST of Oliva & Torralba as their LMgist MATLAB code computes it (LMgist.m, prefilt.m,
gistGabor.m, createGabor.m), transcribed literally in numpy: np.pad(mode='symmetric') is
padarray(..., 'symmetric'), np.fft.fft2/ifft2 are fft2/ifft2. Used by scripts/make-gist-fixture.py
(the reference for src/features/gist.ts) and by gist_batch.py (training GISTs)."""
import numpy as np


def create_gabor(orientations, n):  # createGabor.m
    params = []
    for i, no in enumerate(orientations):
        for j in range(no):
            params.append((.35, .3 / (1.85 ** i), 16 * no ** 2 / 32 ** 2, np.pi / no * j))
    fx, fy = np.meshgrid(np.arange(-n // 2, n // 2), np.arange(-n // 2, n // 2))
    fr = np.fft.fftshift(np.sqrt(fx ** 2 + fy ** 2))
    t = np.fft.fftshift(np.angle(fx + 1j * fy))
    G = []
    for p1, p2, p3, p4 in params:
        tr = t + p4
        tr = tr + 2 * np.pi * (tr < -np.pi) - 2 * np.pi * (tr > np.pi)
        G.append(np.exp(-10 * p1 * (fr / n / p2 - 1) ** 2 - 2 * p3 * np.pi * tr ** 2))
    return np.array(G)


def prefilt(img, fc=4):  # prefilt.m
    w = 5
    s1 = fc / np.sqrt(np.log(2))
    img = np.log(img + 1)
    img = np.pad(img, w, mode='symmetric')
    sn, sm = img.shape
    n = max(sn, sm); n = n + n % 2
    img = np.pad(img, ((0, n - sn), (0, n - sm)), mode='symmetric')
    fx, fy = np.meshgrid(np.arange(-n // 2, n // 2), np.arange(-n // 2, n // 2))
    gf = np.fft.fftshift(np.exp(-(fx ** 2 + fy ** 2) / s1 ** 2))
    output = img - np.real(np.fft.ifft2(np.fft.fft2(img) * gf))
    localstd = np.sqrt(np.abs(np.fft.ifft2(np.fft.fft2(output ** 2) * gf)))
    output = output / (.2 + localstd)
    return output[w:sn - w, w:sm - w]


def down_n(x, N):  # downN of gistGabor.m; y(xx, yy): xx over rows, yy over columns
    nx = np.fix(np.linspace(0, x.shape[0], N + 1)).astype(int)
    ny = np.fix(np.linspace(0, x.shape[1], N + 1)).astype(int)
    y = np.zeros((N, N))
    for xx in range(N):
        for yy in range(N):
            y[xx, yy] = x[nx[xx]:nx[xx + 1], ny[yy]:ny[yy + 1]].mean()
    return y


_bank = {}


def lmgist(img, be=32, orientations=(8, 8, 8, 8), blocks=4, vectorised=False):
    """GIST (512 values by default) of a square gray image already brought to imageSize (imresizecrop
    done): stretch to [0, 255], prefilt, symmetric padding by `be`, Gabor bank at imageSize + 2 be,
    crop, block means; filter by filter, blocks column-major as LMgist."""
    n = img.shape[0]
    assert img.shape == (n, n)
    img = img - img.min()
    mx = img.max()
    img = 255 * img / mx if mx > 0 else img  # LMgist divides 0/0 on a flat image
    out = prefilt(img, 4)
    key = (tuple(orientations), n + 2 * be)
    if key not in _bank:
        _bank[key] = create_gabor(orientations, n + 2 * be)
    G = _bank[key]
    padded = np.pad(out, be, mode='symmetric')
    F = np.fft.fft2(padded)
    ny, nx = padded.shape
    if not vectorised:
        g = []
        for Gn in G:
            ig = np.abs(np.fft.ifft2(F * Gn))[be:ny - be, be:nx - be]
            v = down_n(ig, blocks)
            g.extend(v.reshape(-1, order='F'))  # reshape(v, [W N]) is column-major
        return np.array(g)
    # The same with block means by reshaping (gist_batch.py), when the blocks divide n.
    b = n // blocks
    assert b * blocks == n
    g = []
    for Gn in G:
        ig = np.abs(np.fft.ifft2(F * Gn))[be:ny - be, be:nx - be]
        v = ig.reshape(blocks, b, blocks, b).mean(axis=(1, 3))  # [row block, column block]
        g.extend(v.reshape(-1, order='F'))
    return np.array(g)
