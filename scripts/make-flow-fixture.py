#!/usr/bin/python3
"""Independent reference for src/flow/farneback.ts: OpenCV's calcOpticalFlowFarneback (Debian's
python3-opencv) on a small pair cut from our own examples/scene.png, the second frame made by a
known sub-pixel translation and zoom (cv2.warpAffine). Writes test/fixtures/farneback-opencv.json:
both 8-bit frames, the true motion and OpenCV's flow (×100, int16), all base64.

  apt-get install -y python3-opencv && /usr/bin/python3 scripts/make-flow-fixture.py (Debian's Python)
"""
import base64, json, os
import cv2
import numpy as np

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
img = cv2.imread(os.path.join(root, 'examples', 'scene.png'), cv2.IMREAD_GRAYSCALE)
x0, y0, w, h = 140, 90, 112, 80
big = img.astype(np.float32)
# Frame 1: the crop. Frame 2: the scene moved by (tx, ty) and zoomed by s about the crop centre.
tx, ty, s = 2.6, -1.4, 1.02
cx, cy = x0 + (w - 1) / 2, y0 + (h - 1) / 2
# next(p) = prev(A^-1 (p - t)) : map p in frame-2 coordinates back to the scene.
A = np.array([[s, 0, cx - s * cx + tx], [0, s, cy - s * cy + ty]], np.float32)
moved = cv2.warpAffine(big, A, (img.shape[1], img.shape[0]), flags=cv2.INTER_LINEAR | 0, borderMode=cv2.BORDER_REFLECT)
prev = img[y0:y0 + h, x0:x0 + w].copy()
nxt = np.clip(np.round(moved[y0:y0 + h, x0:x0 + w]), 0, 255).astype(np.uint8)
params = dict(pyr_scale=0.5, levels=3, winsize=15, iterations=3, poly_n=5, poly_sigma=1.1, flags=0)
flow = cv2.calcOpticalFlowFarneback(prev, nxt, None, **params)
q = np.round(flow * 100).astype('<i2')

def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()

out = {
    'source': 'examples/scene.png crop (x0=140, y0=90, 112x80); OpenCV ' + cv2.__version__,
    'width': w, 'height': h,
    'motion': {'tx': tx, 'ty': ty, 'scale': s, 'note': 'scene point p moves to s*(p-c)+c+t, c = crop centre'},
    'params': params,
    'prev': b64(prev), 'next': b64(nxt),
    'flowU100': b64(q[:, :, 0]), 'flowV100': b64(q[:, :, 1]),
}
with open(os.path.join(root, 'test', 'fixtures', 'farneback-opencv.json'), 'w') as f:
    json.dump(out, f, indent=2)
    f.write("\n")
m = flow[10:-10, 10:-10]
print('opencv flow mean', m[..., 0].mean(), m[..., 1].mean())
