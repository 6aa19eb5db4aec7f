import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import { fromPlanes } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { gramColorize, gramWorkingSize } from '../src/methods/exemplar/gram/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { ssim } from '../src/metrics/ssim.js';
const dir = '/work/shared/data/exemplar';
for (const id of process.argv[2].split(',')) {
  const [g, r, t] = await Promise.all(['target', 'reference', 'truth'].map((k) => readImage(path.join(dir, `${id}_${k}.png`))));
  for (const p of ['rgb', 'chroma'] as const) {
    const o = { workingSize: 64, levels: 1, iterations: 12, contentLayers: { conv3_1: 4 }, tolerance: 0, parametrization: p, chromaFactor: Number(process.argv[3] ?? 8) };
    const res = await gramColorize(g.image, r.image, o);
    const s = evaluate(res.rgb, t.image, r.image);
    const ws = gramWorkingSize(g.image.width, g.image.height, 64);
    const ty = resizeImage(g.image, ws.width, ws.height, 'area');
    const sy = ssim(fromPlanes(ws.width, ws.height, [lumaOf(res.optimized)]), ty);
    const c = res.progress.map((q) => q.content);
    console.log(id, p, s.psnr.toFixed(2), s.ssim.toFixed(4), s.his?.toFixed(3), sy.toFixed(3), c[0].toPrecision(3), c.at(-1)!.toPrecision(3));
  }
}
