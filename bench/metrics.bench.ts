/**
 * `colorize eval` metrics on a 1 MP pair, against scikit-image computing the same figures in the
 * same run (Debian's /usr/bin/python3 with python3-skimage; skipped with a note when absent).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createImage } from '../src/image/image.js';
import { writeImage } from '../src/image/io.js';
import { meanCiede2000 } from '../src/metrics/ciede2000.js';
import { psnr } from '../src/metrics/psnr.js';
import { ssim } from '../src/metrics/ssim.js';
import type { BenchRecord } from './run.js';
import { peakRssMiB, round, timeIt } from './util.js';

const PY = `
import sys, time, numpy as np
from skimage import io
from skimage.metrics import peak_signal_noise_ratio, structural_similarity
from skimage.color import rgb2lab, deltaE_ciede2000
a = io.imread(sys.argv[1]); b = io.imread(sys.argv[2])
def best(f):
    t = 1e9
    for _ in range(3):
        t0 = time.perf_counter(); v = f(); t = min(t, time.perf_counter() - t0)
    return t * 1000, v
for name, f in [('psnr', lambda: peak_signal_noise_ratio(a, b, data_range=255)),
                ('ssim', lambda: structural_similarity(a, b, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255, channel_axis=-1)),
                ('ciede2000', lambda: deltaE_ciede2000(rgb2lab(a), rgb2lab(b)).mean())]:
    ms, v = best(f)
    print(name, ms, v)
`;

export default async function bench(): Promise<BenchRecord[]> {
  const W = 1000;
  const H = 1000;
  const a = createImage(W, H, 3);
  const b = createImage(W, H, 3);
  for (let i = 0; i < W * H; i++) {
    const x = (i % W) / W;
    const y = Math.floor(i / W) / H;
    a.channels[0][i] = Math.round(255 * x) / 255;
    a.channels[1][i] = Math.round(255 * y) / 255;
    a.channels[2][i] = Math.round(255 * (0.5 + 0.4 * Math.sin(i / 97))) / 255;
    b.channels[0][i] = Math.round(255 * (0.9 * x + 0.05)) / 255;
    b.channels[1][i] = a.channels[2][i];
    b.channels[2][i] = a.channels[1][i];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'colorize-bench-'));
  await writeImage(path.join(dir, 'a.png'), a);
  await writeImage(path.join(dir, 'b.png'), b);
  const ours: Record<string, { ms: number; value: number }> = {
    psnr: (({ ms, result }) => ({ ms, value: result }))(timeIt(() => psnr(a, b))),
    ssim: (({ ms, result }) => ({ ms, value: result }))(timeIt(() => ssim(a, b))),
    ciede2000: (({ ms, result }) => ({ ms, value: result }))(timeIt(() => meanCiede2000(a, b))),
  };
  const ref: Record<string, { ms: number; value: number }> = {};
  const py = '/usr/bin/python3';
  let note = '';
  if (existsSync(py)) {
    const script = path.join(dir, 'ref.py');
    writeFileSync(script, PY);
    const r = spawnSync(py, [script, path.join(dir, 'a.png'), path.join(dir, 'b.png')], { encoding: 'utf8' });
    if (r.status === 0) {
      for (const line of r.stdout.trim().split('\n')) {
        const [name, ms, value] = line.split(' ');
        ref[name] = { ms: Number(ms), value: Number(value) };
      }
    } else note = `scikit-image failed: ${r.stderr.trim().split('\n').pop()}`;
  } else note = 'no /usr/bin/python3 with python3-skimage: apt-get install python3-skimage';
  return Object.entries(ours).map(([name, o]) => ({
    metric: name,
    megapixels: 1,
    ms: round(o.ms, 1),
    value: round(o.value, 6),
    reference: 'scikit-image 0.19 (same images, same run)',
    reference_ms: ref[name] ? round(ref[name].ms, 1) : null,
    reference_value: ref[name] ? round(ref[name].value, 6) : null,
    note,
    peak_rss_mib: round(peakRssMiB(), 0),
  }));
}
