/**
 * Child process of bench/video.bench.ts: colours a 1920×1080 pan (frames made one at a time) and
 * prints its peak RSS, so the figure is this run's alone.  node --import tsx bench/video-rss.ts METHOD FRAMES
 */
import { makeClip } from '../scripts/video-clips.js';
import { peakRssMiB, round } from './util.js';
import { firstFrameStrokes, photos, references, runClip } from './video.bench.js';

const method = process.argv[2] ?? 'superpixel';
const frames = Number(process.argv[3] ?? 6);
const ph = await photos();
const clip = makeClip('pan', ph, 1920, 1080, frames);
const options =
  method === 'levin'
    ? { method, strokes: firstFrameStrokes(clip) }
    : { method, references: references(clip, ph), methodEvery: 4 };
const r = await runClip(clip, options, false);
console.log(
  JSON.stringify({
    case: `${method} 1920×1080×${frames}`,
    peakRssMiB: round(peakRssMiB(), 0),
    fpsWall: round(frames / r.seconds, 3),
    fpsCpu: round(frames / r.cpuSeconds, 3),
  }),
);
