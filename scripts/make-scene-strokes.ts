/**
 * Makes the scribble example from the project's own procedural scene (examples/scene.png):
 * examples/scene_strokes.json (polylines whose colour is the mean true colour under them) and
 * examples/scene_marked.png (examples/scene_gray.png with those strokes painted on).
 *   node --import tsx scripts/make-scene-strokes.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImage } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import { colorizeLevin } from '../src/methods/scribbles/levin/levin.js';
import { colorizePoisson } from '../src/methods/scribbles/poisson/poisson.js';
import { markedImage, rasterizeStrokes, strokesFromJson } from '../src/methods/scribbles/strokes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ex = (f: string) => path.join(root, 'examples', f);

// Hand-placed strokes on the 384×256 scene: sky, horizon haze, cloud, sun, hills, trees, barn, grass, field, sand.
const STROKES: Array<{ points: Array<[number, number]>; width: number }> = [
  {
    points: [
      [20, 20],
      [120, 10],
      [220, 25],
      [330, 15],
    ],
    width: 5,
  },
  {
    points: [
      [30, 95],
      [150, 100],
      [250, 97],
      [360, 92],
    ],
    width: 4,
  },
  {
    points: [
      [110, 38],
      [150, 42],
      [190, 32],
    ],
    width: 4,
  },
  { points: [[280, 70]], width: 10 },
  {
    points: [
      [20, 118],
      [150, 116],
      [300, 120],
      [370, 117],
    ],
    width: 3,
  },
  {
    points: [
      [10, 140],
      [60, 141],
    ],
    width: 4,
  },
  {
    points: [
      [130, 140],
      [250, 139],
      [370, 141],
    ],
    width: 4,
  },
  {
    points: [
      [78, 140],
      [112, 142],
    ],
    width: 5,
  },
  {
    points: [
      [20, 158],
      [200, 160],
      [370, 157],
    ],
    width: 3,
  },
  {
    points: [
      [20, 185],
      [200, 190],
      [370, 195],
    ],
    width: 4,
  },
  {
    points: [
      [20, 232],
      [200, 240],
      [370, 230],
    ],
    width: 6,
  },
];

const truth = (await readImage(ex('scene.png'))).image;
const gray = (await readImage(ex('scene_gray.png'))).image;
const { width, height } = gray;
const strokes = STROKES.map((st) => {
  const one = rasterizeStrokes(
    [{ points: st.points.flat(), radius: st.width / 2, rgb: [0, 0, 0] }],
    width,
    height,
  );
  const mean = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < one.mask.length; i++) {
    if (!one.mask[i]) continue;
    n++;
    for (let c = 0; c < 3; c++) mean[c] += truth.channels[c][i];
  }
  const hex = mean
    .map((v) =>
      Math.round((255 * v) / n)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  return { points: st.points, width: st.width, color: `#${hex}` };
});
// One stroke per line keeps the file small and readable.
const json = `{"strokes": [\n${strokes.map((s) => `  ${JSON.stringify(s)}`).join(',\n')}\n]}\n`;
writeFileSync(ex('scene_strokes.json'), json);
const set = strokesFromJson(json, width, height);
const marked = markedImage(gray, set);
await writeImage(ex('scene_marked.png'), marked);
// The docs figure: marked input | Levin et al. | Poisson merging, side by side.
const panels = [marked, colorizeLevin(gray, set).rgb, colorizePoisson(gray, set).rgb];
const fig = createImage(width * 3 + 8, height, 3);
for (const c of fig.channels) c.fill(1);
panels.forEach((p, k) => {
  for (let c = 0; c < 3; c++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        fig.channels[c][y * fig.width + k * (width + 4) + x] = p.channels[c][y * width + x];
});
await writeImage(path.join(root, 'docs/images/scribbles-scene.png'), fig);
// Poisson merging: raw RGB at λ = 10³ and 10¹⁰ (report fig. 20), then the finished output.
const poissonPanels = [
  colorizePoisson(gray, set, { lambda: 1e3, output: 'raw' }).rgb,
  colorizePoisson(gray, set, { output: 'raw' }).rgb,
  colorizePoisson(gray, set).rgb,
];
const fig2 = createImage(width * 3 + 8, height, 3);
for (const c of fig2.channels) c.fill(1);
poissonPanels.forEach((p, k) => {
  for (let c = 0; c < 3; c++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        fig2.channels[c][y * fig2.width + k * (width + 4) + x] = p.channels[c][y * width + x];
});
await writeImage(path.join(root, 'docs/images/scribbles-poisson-raw.png'), fig2);
console.log(
  `wrote examples/scene_strokes.json (${strokes.length} strokes), examples/scene_marked.png, docs/images/scribbles-scene.png, docs/images/scribbles-poisson-raw.png`,
);
