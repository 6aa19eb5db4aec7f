/**
 * Pictures and loss curves for docs/gram.md, from the project's own example pair only
 * (examples/scene_gray.png coloured from examples/sunset.png): the report's figures 34 (content
 * layer) and 35 (style layers) as montages, the loss curves of Adam, L-BFGS and the report's
 * L-BFGS without line search as an SVG (these at one level, same iteration budget each), and
 * figures 36–37 (defaults at 256; 512 with content 0.5), each with the rgb and the chroma
 * parametrisation side by side. Figures 34–35 and the curves optimise the pixels ('rgb'), as the
 * report does.
 * Usage: node --import tsx scripts/gram-figures.ts [iterations=100] [workingSize=128] [parts=fig34,fig35,curves,fig36]
 */
import { writeFileSync } from 'node:fs';
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import type { LayerWeights } from '../src/methods/exemplar/gram/options.js';
import { gramColorize } from '../src/methods/exemplar/gram/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';

const iterations = Number(process.argv[2] ?? 100);
const workingSize = Number(process.argv[3] ?? 128);
const parts = new Set((process.argv[4] ?? 'fig34,fig35,curves,fig36').split(','));
const { image: gray } = await readImage('examples/scene_gray.png');
const { image: ref } = await readImage('examples/sunset.png');
const { image: truth } = await readImage('examples/scene.png');
const firstFive: LayerWeights = { conv1_1: 500, conv1_2: 500, conv2_1: 500, conv2_2: 500, conv3_1: 500 };

/** Tiles images (each scaled to width 192) in rows of `perRow`. */
async function montage(file: string, images: ImageF32[], perRow: number): Promise<void> {
  const w = 192;
  const h = Math.round((w * images[0].height) / images[0].width);
  const gap = 4;
  const rows = Math.ceil(images.length / perRow);
  const W = perRow * w + (perRow - 1) * gap;
  const H = rows * h + (rows - 1) * gap;
  const out = createImage(W, H, 3);
  for (const c of out.channels) c.fill(1);
  images.forEach((im, k) => {
    const r = resizeImage(im, w, h, 'area');
    const ox = (k % perRow) * (w + gap);
    const oy = Math.floor(k / perRow) * (h + gap);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          out.channels[c][(oy + y) * W + ox + x] = r.channels[Math.min(c, r.channels.length - 1)][y * w + x];
  });
  await writeImage(file, out);
}

const rows: string[] = [];
async function run(
  label: string,
  contentLayers: LayerWeights,
  styleLayers: LayerWeights,
  optimizer: 'adam' | 'lbfgs' | 'lbfgs-fixed' = 'adam',
) {
  const r = await gramColorize(gray, ref, {
    contentLayers,
    styleLayers,
    optimizer,
    iterations,
    workingSize,
    levels: 1,
    parametrization: 'rgb',
    tolerance: 0,
  });
  const m = evaluate(r.rgb, truth);
  const p = r.progress.at(-1);
  rows.push(
    `| ${label} | ${r.iterations} | ${r.losses[0].toPrecision(4)} | ${Math.min(...r.losses).toPrecision(4)} | ${p?.content.toPrecision(3)} | ${p?.style.toPrecision(3)} | ${m.psnr.toFixed(2)} |`,
  );
  console.log(rows.at(-1));
  return r;
}

if (parts.has('fig34')) {
  const fig34: ImageF32[] = [];
  for (const layer of ['conv1_1', 'conv2_1', 'conv3_1'] as const) {
    const r = await run(`content ${layer} (fig. 34)`, { [layer]: 1 }, firstFive);
    fig34.push(r.optimized, r.rgb);
  }
  await montage('docs/images/gram-fig34-content-layers.png', fig34, 2);
}

const styleSets: Array<[string, LayerWeights]> = [
  ['conv_2…conv_6 @500', { conv1_2: 500, conv2_1: 500, conv2_2: 500, conv3_1: 500, conv3_2: 500 }],
  ['conv_3…conv_7 @500', { conv2_1: 500, conv2_2: 500, conv3_1: 500, conv3_2: 500, conv3_3: 500 }],
  ['conv_4…conv_8 @500', { conv2_2: 500, conv3_1: 500, conv3_2: 500, conv3_3: 500, conv3_4: 500 }],
  ['conv_1…5 @200…1000', { conv1_1: 200, conv1_2: 400, conv2_1: 600, conv2_2: 800, conv3_1: 1000 }],
  ['conv_1…5 @1000…200', { conv1_1: 1000, conv1_2: 800, conv2_1: 600, conv2_2: 400, conv3_1: 200 }],
  ['conv_1…5 @300,600,900,600,300', { conv1_1: 300, conv1_2: 600, conv2_1: 900, conv2_2: 600, conv3_1: 300 }],
];
if (parts.has('fig35')) {
  const fig35: ImageF32[] = [];
  for (const [label, s] of styleSets) {
    const r = await run(`style ${label} (fig. 35)`, { conv3_1: 1 }, s);
    fig35.push(r.optimized);
  }
  await montage('docs/images/gram-fig35-style-layers.png', fig35, 3);
}

if (parts.has('fig36')) {
  // Figures 36–37: the defaults at working size 256, then 512 with content 0.5 (§4.4.3); per row
  // the optimised image and the result of the rgb parametrisation, then of the chroma one.
  const shown: ImageF32[] = [];
  for (const [size, content] of [
    [256, 1],
    [512, 0.5],
  ] as const)
    for (const parametrization of ['rgb', 'chroma'] as const) {
      const t0 = performance.now();
      const r = await gramColorize(gray, ref, {
        workingSize: size,
        contentLayers: { conv3_1: content },
        parametrization,
      });
      const m = evaluate(r.rgb, truth, ref);
      console.log(
        `| fig. ${size === 256 ? 36 : 37}: ${r.optimized.width}×${r.optimized.height}, content ${content}, ${parametrization} | ${r.iterations} (${r.evaluations} evaluations) | ${((performance.now() - t0) / 1000).toFixed(1)} s | ${m.psnr.toFixed(2)} | ${m.ssim.toFixed(4)} | ${m.his?.toFixed(4)} |`,
      );
      shown.push(r.optimized, r.rgb);
    }
  await montage('docs/images/gram-fig36-37.png', shown, 4);
}

if (!parts.has('curves')) process.exit(0);
// Loss curves, Adam vs L-BFGS (Armijo) vs L-BFGS without line search, default layers.
const curves: Record<string, number[]> = {};
for (const opt of ['adam', 'lbfgs', 'lbfgs-fixed'] as const)
  curves[opt] = (await run(`defaults, ${opt}`, { conv3_1: 1 }, firstFive, opt)).losses;
const W = 560;
const H = 300;
const pad = 50;
const all = Object.values(curves).flat();
const lmin = Math.log10(Math.min(...all));
const lmax = Math.log10(Math.max(...all));
const n = Math.max(...Object.values(curves).map((c) => c.length)) - 1;
const px = (i: number) => pad + ((W - 2 * pad) * i) / n;
const py = (v: number) => H - pad - ((H - 2 * pad) * (Math.log10(v) - lmin)) / (lmax - lmin);
const colours: Record<string, string> = { adam: '#d9480f', lbfgs: '#1864ab', 'lbfgs-fixed': '#2b8a3e' };
const labels: Record<string, string> = {
  adam: 'Adam',
  lbfgs: 'L-BFGS (Armijo)',
  'lbfgs-fixed': 'L-BFGS, no line search',
};
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">\n<rect width="${W}" height="${H}" fill="white"/>\n`;
svg += `<line x1="${pad}" y1="${H - pad}" x2="${W - pad}" y2="${H - pad}" stroke="black"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${H - pad}" stroke="black"/>\n`;
for (let e = Math.ceil(lmin); e <= Math.floor(lmax); e++)
  svg += `<text x="${pad - 6}" y="${py(10 ** e) + 4}" text-anchor="end">1e${e}</text><line x1="${pad}" x2="${W - pad}" y1="${py(10 ** e)}" y2="${py(10 ** e)}" stroke="#ddd"/>\n`;
svg += `<text x="${W / 2}" y="${H - 15}" text-anchor="middle">iteration (0 … ${n})</text><text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle">loss (log scale)</text>\n`;
Object.entries(curves).forEach(([name, c], k) => {
  svg += `<polyline fill="none" stroke="${colours[name]}" stroke-width="1.5" points="${c.map((v, i) => `${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ')}"/>\n`;
  svg += `<text x="${W - pad - 150}" y="${pad + 16 * k}" fill="${colours[name]}">${labels[name]}</text>\n`;
});
svg += '</svg>\n';
writeFileSync('docs/images/gram-loss-curves.svg', svg);
console.log('| run | iterations | initial loss | best loss | content | style | PSNR dB |');
console.log(rows.join('\n'));
