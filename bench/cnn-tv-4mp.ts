/** Child of auto-cnn.bench.ts: colours a 2000 × 2000 gray image with cnn-tv and prints time and peak memory. */
import { createImage } from '../src/image/image.js';
import { colorizeCnnTv } from '../src/methods/automatic/cnn-tv/pipeline.js';

const W = 2000;
const gray = createImage(W, W, 1);
const g = gray.channels[0];
for (let y = 0; y < W; y++)
  for (let x = 0; x < W; x++)
    g[y * W + x] = 0.5 + 0.3 * Math.sin(x / 97) * Math.cos(y / 131) + (x > y ? 0.1 : 0);
const t0 = performance.now();
await colorizeCnnTv(gray);
const ms = performance.now() - t0;
console.log(
  JSON.stringify({
    total_ms: Math.round(ms),
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
