/**
 * Colour fusion (IPOL 2024 eq. 4–6) against its literal evaluation on real photos of
 * ../shared/data/exemplar: max and share of pixels above 1 and 5 ΔE_ab, for the previous absolute
 * truncation and the relative one, with σ_g fixed or normalised per pixel; effective number of
 * superpixels per pixel (1 / Σ w²); terms computed per pixel; fusion time.
 * Run: node --import tsx scripts/eval-superpixel-fusion.ts [workingSize] [set ...]
 */
import path from 'node:path';
import { readImage } from '../src/image/io.js';
import {
  colourFusion,
  type FusionOptions,
  type FusionReport,
} from '../src/methods/exemplar/superpixel/fusion.js';
import { deltaE, fusionProblem, literalFusion } from '../test/helpers/literal-fusion.js';
import { EASY_SETS, EXEMPLAR_DIR, HARD_SETS } from './exemplar-sets.js';

const size = Number(process.argv[2] ?? 128);
const sets = process.argv.length > 3 ? process.argv.slice(3) : [...HARD_SETS, ...EASY_SETS];
const base = { deltaS: 10, deltaC: 0.1 };
const variants: { name: string; o: FusionOptions; absolute?: number }[] = [
  { name: 'absolute κ²=9, σ_g=1 (previous)', o: { ...base, sigmaG: 1, cutoff: 1e9 }, absolute: 9 },
  { name: 'relative κ²=9, σ_g=1', o: { ...base, sigmaG: 1, cutoff: 9 } },
  { name: 'relative κ²=20, σ_g=1', o: { ...base, sigmaG: 1, cutoff: 20 } },
  { name: 'relative κ²=9, per-pixel', o: { ...base, sigmaG: 1, cutoff: 9, normalise: 'per-pixel' } },
  { name: 'relative κ²=20, per-pixel', o: { ...base, sigmaG: 1, cutoff: 20, normalise: 'per-pixel' } },
];
type Acc = { max: number; over1: number; over5: number; px: number; eff: number; terms: number; ms: number };
const acc: Record<string, Acc> = {};
for (const id of sets) {
  const [g, r] = await Promise.all(
    ['target', 'reference'].map((k) => readImage(path.join(EXEMPLAR_DIR, `${id}_${k}.png`))),
  );
  const pr = await fusionProblem(g.image, r.image, 'colorize', size);
  const { width: W, height: H } = pr.sp;
  const exact: Record<string, Float64Array[]> = {};
  for (const v of variants) {
    const key = `${v.o.sigmaG}/${v.o.normalise ?? 'fixed'}`;
    exact[key] ??= literalFusion(pr, v.o);
    let got: ArrayLike<number>[];
    const rep: FusionReport = { effectiveSuperpixels: 0, termsPerPixel: 0 };
    const t0 = performance.now();
    if (v.absolute !== undefined) got = literalFusion(pr, v.o, v.absolute);
    else got = colourFusion(pr.guide, pr.sp, pr.C, v.o, rep);
    const ms = performance.now() - t0;
    const dE = deltaE(W, H, got, exact[key]);
    const a = (acc[v.name] ??= { max: 0, over1: 0, over5: 0, px: 0, eff: 0, terms: 0, ms: 0 });
    for (const e of dE) {
      a.max = Math.max(a.max, e);
      if (e > 1) a.over1++;
      if (e > 5) a.over5++;
    }
    a.px += dE.length;
    a.eff += rep.effectiveSuperpixels * dE.length;
    a.terms += rep.termsPerPixel * dE.length;
    a.ms += v.absolute === undefined ? ms : 0;
  }
  process.stderr.write(`${id} `);
}
console.log(`\nworking size ${size}, ${sets.length} sets (colorization, handcrafted-feature attention)`);
console.log(
  '| fusion | max ΔE_ab vs literal eq. 4 | pixels > 1 ΔE | pixels > 5 ΔE | effective superpixels / pixel | terms / pixel | fusion ms (sum) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const [name, a] of Object.entries(acc))
  console.log(
    `| ${name} | ${a.max.toFixed(2)} | ${((100 * a.over1) / a.px).toFixed(2)} % | ${((100 * a.over5) / a.px).toFixed(2)} % | ${a.eff ? (a.eff / a.px).toFixed(2) : '—'} | ${a.terms ? (a.terms / a.px).toFixed(0) : '—'} | ${a.ms ? a.ms.toFixed(0) : '—'} |`,
  );
