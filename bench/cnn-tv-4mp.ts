/** Child of auto-cnn.bench.ts: colours a 2000 × 2000 gray image with cnn-tv and prints time and peak memory. */
import { createImage } from '../src/image/image.js';
import { colorizeCnnTv } from '../src/methods/automatic/cnn-tv/pipeline.js';

const W = 2000;
const gray = createImage(W, W, 1);
const g = gray.channels[0];
for (let y = 0; y < W; y++)
  for (let x = 0; x < W; x++)
    g[y * W + x] = 0.5 + 0.3 * Math.sin(x / 97) * Math.cos(y / 131) + (x > y ? 0.1 : 0);
const c0 = process.cpuUsage();
const t0 = performance.now();
await colorizeCnnTv(gray);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
console.log(
  JSON.stringify({
    total_ms: Math.round(ms),
    total_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    goal_total_ms: 15000,
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    goal_peak_rss_mib: 1024,
  }),
);
