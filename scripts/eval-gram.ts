/**
 * Quality of Gram-matrix colorization on ../shared/data/exemplar (hard and easy sets apart): mean
 * PSNR and SSIM against the truth, HIS against the reference, and seconds per image, for the
 * old objective (relative normalisation, one level, 60 Adam iterations: the docs' earlier table)
 * against the new defaults (Gatys normalisation, two levels), optionally next to the superpixel
 * method (VGG-19) and the welsh baseline. Prints a Markdown table.
 * Run: node --import tsx scripts/eval-gram.ts [workingSize=128] [sets per kind=all] [gram|all]
 * (`gram`, the default, skips the other methods, whose figures are in docs/superpixel.md).
 *
 * Parametrisation (issue 15 §2, docs/gram.md "Parametrisation"):
 *   node --import tsx scripts/eval-gram.ts param <workingSize> <ids|hard|easy|all> [content=1] [variants=rgb,chroma]
 * runs the defaults (report weights: style 500 on conv_1 … conv_5, content on conv_5 at the given
 * weight) per variant — `rgb`, `chroma`, `rgb-luma<β>` (rgb with lumaWeight β), `chroma-content`
 * (chroma from c = 0), a `-f<k>` suffix on chroma for chromaFactor k — on each set and prints per set and mean: PSNR, SSIM against the truth and
 * HIS against the reference of the colorization; SSIM_Y, the optimised image's luma against the
 * target's at working size; the content error ‖F − P‖/‖P‖ at conv3_1 and the Gram errors
 * ‖G − A‖/‖A‖ at conv1_1 … conv3_1 (G = F Fᵀ/(C·M), A the reference's at its working size); the
 * content loss first → last; wall and CPU seconds (process.cpuUsage, ONNX Runtime's threads
 * included).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { lumaOf } from '../src/color/linear-spaces.js';
import type { ImageF32 } from '../src/image/image.js';
import { fromPlanes } from '../src/image/image.js';
import { readImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { onnxMatrixOps } from '../src/methods/exemplar/gram/matrix-ops.js';
import { VggNetwork } from '../src/methods/exemplar/gram/network.js';
import { GRAM_DEFAULTS, type GramOptions } from '../src/methods/exemplar/gram/options.js';
import { gramColorize, gramWorkingSize } from '../src/methods/exemplar/gram/pipeline.js';
import { superpixelColorize } from '../src/methods/exemplar/superpixel/pipeline.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { ssim } from '../src/metrics/ssim.js';
import type { VggConvName } from '../src/models/vgg19-grad.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';
import '../src/methods/builtin.js';
import { getMethod } from '../src/methods/catalogue/catalogue.js';
import { runWithReference } from '../src/methods/transfer/declare.js';

if (process.argv[2] === 'param') {
  await parametrisation();
  process.exit(0);
}

async function parametrisation(): Promise<void> {
  const ws = Number(process.argv[3] ?? 256);
  const which = process.argv[4] ?? '002';
  const ids =
    which === 'hard'
      ? HARD_SETS
      : which === 'easy'
        ? EASY_SETS
        : which === 'all'
          ? [...HARD_SETS, ...EASY_SETS]
          : which.split(',');
  const contentWeight = Number(process.argv[5] ?? 1);
  const variants = (process.argv[6] ?? 'rgb,chroma').split(',');
  const styleNames = Object.keys(GRAM_DEFAULTS.styleLayers) as VggConvName[];
  const layers = [...new Set<VggConvName>(['conv3_1', ...styleNames])];
  const net = await VggNetwork.open(layers);
  const ops = await onnxMatrixOps();
  const rel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let d = 0;
    let n = 0;
    for (let i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) ** 2;
      n += b[i] ** 2;
    }
    return Math.sqrt(d / n);
  };
  const cols = ['psnr', 'ssim', 'his', 'ssimY', 'content', 'gramMin', 'gramMax', 'wall', 'cpu'] as const;
  type R = Record<(typeof cols)[number], number>;
  const sums: Record<string, R[]> = {};
  console.log(
    `# working ${ws}, content ${contentWeight}, load ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`,
  );
  console.log(
    '| set | variant | PSNR dB | SSIM | HIS | SSIM_Y | content err | Gram err | content loss | wall / CPU s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const id of ids) {
    const [g, r, t] = await Promise.all(
      ['target', 'reference', 'truth'].map((k) => readImage(path.join(EXEMPLAR_DIR, `${id}_${k}.png`))),
    );
    const w = gramWorkingSize(g.image.width, g.image.height, ws);
    const target = resizeImage(g.image, w.width, w.height, 'area');
    const ty = target.channels.length === 1 ? target.channels[0] : lumaOf(target);
    const gray3 = fromPlanes(w.width, w.height, [ty, ty, ty]);
    const rw = gramWorkingSize(r.image.width, r.image.height, ws);
    const [pf, rf] = [
      await net.features(gray3),
      await net.features(resizeImage(r.image, rw.width, rw.height, 'area')),
    ];
    const refGram = await Promise.all(styleNames.map((n) => ops.gram(rf[layers.indexOf(n)])));
    for (const v of variants) {
      const o: GramOptions = { workingSize: ws, contentLayers: { conv3_1: contentWeight } };
      o.parametrization = v.startsWith('chroma') ? 'chroma' : 'rgb';
      if (v.startsWith('chroma-content')) o.init = 'content';
      const factor = /-f(\d+)$/.exec(v);
      if (factor) o.chromaFactor = Number(factor[1]);
      const beta = /^rgb-luma(.+)$/.exec(v);
      if (beta) o.lumaWeight = Number(beta[1]);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await gramColorize(g.image, r.image, o, ops);
      const wall = (performance.now() - t0) / 1000;
      const cu = process.cpuUsage(c0);
      const cpu = (cu.user + cu.system) / 1e6;
      const s = evaluate(res.rgb, t.image, r.image);
      const ssimY = ssim(
        fromPlanes(w.width, w.height, [lumaOf(res.optimized)]),
        fromPlanes(w.width, w.height, [ty]),
      );
      const xf = await net.features(res.optimized);
      const content = rel(xf[layers.indexOf('conv3_1')].data, pf[layers.indexOf('conv3_1')].data);
      const grams = await Promise.all(
        styleNames.map(async (n, k) => rel(await ops.gram(xf[layers.indexOf(n)]), refGram[k])),
      );
      const cl = res.progress.map((p) => p.content);
      const row: R = {
        psnr: s.psnr,
        ssim: s.ssim,
        his: s.his ?? 0,
        ssimY,
        content,
        gramMin: Math.min(...grams),
        gramMax: Math.max(...grams),
        wall,
        cpu,
      };
      (sums[v] ??= []).push(row);
      console.log(
        `| ${id} | ${v} | ${s.psnr.toFixed(2)} | ${s.ssim.toFixed(4)} | ${(s.his ?? 0).toFixed(4)} | ${ssimY.toFixed(3)} | ${content.toFixed(3)} | ${grams.map((x) => x.toFixed(2)).join(' ')} | ${cl[0].toPrecision(3)} → ${cl.at(-1)!.toPrecision(3)} | ${wall.toFixed(1)} / ${cpu.toFixed(1)} |`,
      );
    }
  }
  for (const [v, rows] of Object.entries(sums)) {
    const m = (k: (typeof cols)[number]) => rows.reduce((a, r) => a + r[k], 0) / rows.length;
    console.log(
      `| mean (${rows.length}) | ${v} | ${m('psnr').toFixed(2)} | ${m('ssim').toFixed(4)} | ${m('his').toFixed(4)} | ${m('ssimY').toFixed(3)} | ${m('content').toFixed(3)} | ${m('gramMin').toFixed(2)} … ${m('gramMax').toFixed(2)} | | ${m('wall').toFixed(1)} / ${m('cpu').toFixed(1)} |`,
    );
  }
  console.log(`# load at end ${loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`);
}

const workingSize = Number(process.argv[2] ?? 128);
const perKind = process.argv[3] && process.argv[3] !== 'all' ? Number(process.argv[3]) : Infinity;
type Row = { psnr: number; ssim: number; his: number; ms: number };
const methods: Record<string, (g: ImageF32, r: ImageF32) => Promise<ImageF32>> = {
  'gram old (relative, 1 level, 60 it.)': async (g, r) =>
    (await gramColorize(g, r, { workingSize, iterations: 60, levels: 1, normalization: 'relative' })).rgb,
  [`gram new (defaults: gatys, ${GRAM_DEFAULTS.levels} levels, ${GRAM_DEFAULTS.iterations} it. at full size)`]:
    async (g, r) => (await gramColorize(g, r, { workingSize })).rgb,
  'superpixel (vgg19)': async (g, r) =>
    (await superpixelColorize(g, r, { features: 'vgg19', workingSize })).rgb,
  welsh: async (g, r) => runWithReference(getMethod('welsh'), g, r),
};
if (process.argv[4] !== 'all') for (const k of Object.keys(methods).slice(2)) delete methods[k];
const lines = ['| set | method | PSNR dB | SSIM | HIS | s / image |', '|---|---|---|---|---|---|'];
for (const [kind, all] of [
  ['hard', HARD_SETS],
  ['easy', EASY_SETS],
] as const) {
  const ids = all.slice(0, Math.min(perKind, all.length));
  const sums: Record<string, Row> = {};
  for (const id of ids) {
    const [g, r, t] = await Promise.all(
      ['target', 'reference', 'truth'].map((k) => readImage(path.join(EXEMPLAR_DIR, `${id}_${k}.png`))),
    );
    for (const [m, fn] of Object.entries(methods)) {
      const t0 = performance.now();
      const out = await fn(g.image, r.image);
      const ms = performance.now() - t0;
      const s = evaluate(out, t.image, r.image);
      const acc = (sums[m] ??= { psnr: 0, ssim: 0, his: 0, ms: 0 });
      acc.psnr += s.psnr;
      acc.ssim += s.ssim;
      acc.his += s.his ?? 0;
      acc.ms += ms;
      process.stderr.write(
        `${id} ${m}: ${s.psnr.toFixed(2)} ${s.ssim.toFixed(4)} ${s.his?.toFixed(4)} ${(ms / 1000).toFixed(1)} s\n`,
      );
    }
  }
  for (const [m, s] of Object.entries(sums))
    lines.push(
      `| ${kind} (${ids.join(', ')}) | ${m} | ${(s.psnr / ids.length).toFixed(2)} | ${(s.ssim / ids.length).toFixed(4)} | ${(s.his / ids.length).toFixed(4)} | ${(s.ms / ids.length / 1000).toFixed(1)} |`,
    );
}
console.log(`\nworking size ${workingSize}\n${lines.join('\n')}`);
