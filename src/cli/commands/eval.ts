/** `colorize eval PRED TRUTH [--ref REF] [--json]`: quality figures against ground truth. */
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { readImage } from '../../image/io.js';
import { evaluate, meanScores, type Scores } from '../../metrics/evaluate.js';
import { indexByKey, isDirectory, listImages, pairKey } from '../pairing.js';
import { startProgress } from '../progress.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

interface EvalRow {
  name: string;
  pred: string;
  truth: string;
  reference?: string;
  scores: Scores;
}

const COLUMNS: Array<[keyof Scores, string, number]> = [
  ['psnr', 'PSNR dB', 2],
  ['ssim', 'SSIM', 4],
  ['colorfulness', 'colourful', 2],
  ['saturation', 'sat', 4],
  ['ciede2000', 'ΔE00', 3],
  ['his', 'HIS', 4],
];

async function pairs(predArg: string, truthArg: string, refArg?: string) {
  const predIsDir = await isDirectory(predArg);
  const truthIsDir = await isDirectory(truthArg);
  if (predIsDir !== truthIsDir) {
    throw new ColorizeError(
      `PRED and TRUTH must both be files or both be folders (${predArg}, ${truthArg})`,
      'usage',
    );
  }
  const refIsDir = refArg ? await isDirectory(refArg) : false;
  if (!predIsDir) {
    return {
      list: [{ name: pairKey(predArg), pred: predArg, truth: truthArg, reference: refArg }],
      unmatched: [],
    };
  }
  const preds = await listImages(predArg);
  if (preds.length === 0)
    throw new ColorizeError(`${predArg}: no image files in this folder`, 'input', predArg);
  const truths = indexByKey(await listImages(truthArg), /_truth\./i);
  const refs = refArg ? (refIsDir ? indexByKey(await listImages(refArg), /_reference\./i) : null) : null;
  const list: Array<{ name: string; pred: string; truth: string; reference?: string }> = [];
  const unmatched: string[] = [];
  for (const p of preds) {
    const k = pairKey(p);
    const t = truths.get(k);
    if (!t) {
      unmatched.push(path.basename(p));
      continue;
    }
    const reference = refArg ? (refs ? refs.get(k) : refArg) : undefined;
    list.push({ name: k, pred: p, truth: t, reference });
  }
  if (list.length === 0) {
    throw new ColorizeError(
      `no result in ${predArg} has a truth image of the same name in ${truthArg}`,
      'input',
    );
  }
  return { list, unmatched };
}

function fmt(v: number | undefined, digits: number): string {
  if (v === undefined) return '–';
  if (v === Infinity) return 'inf';
  return v.toFixed(digits);
}

function jsonNumber(v: number | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  return Number.isFinite(v) ? v : null;
}

function scoresJson(s: Partial<Scores>): Record<string, number | null> {
  const o: Record<string, number | null> = {};
  for (const [key] of COLUMNS) {
    const v = jsonNumber(s[key]);
    if (v !== undefined) o[key] = v;
  }
  return o;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .summary('score colorized images against ground truth')
    .description(
      'Scores results against ground truth: PSNR (RGB, 8-bit), SSIM (Wang et al., 11×11 Gaussian σ=1.5), ' +
        'colourfulness (Hasler & Süsstrunk), mean HSV saturation, mean CIEDE2000, and, with --ref, ' +
        'the ab histogram intersection (HIS) with the reference. PRED and TRUTH are two files or two ' +
        'folders; folders are paired by name, ignoring role suffixes such as _truth, _result, _target. ' +
        'PSNR of identical images is reported as inf (null in JSON).',
    )
    .argument('<pred>', 'result image or folder of results')
    .argument('<truth>', 'ground-truth image or folder')
    .option('--ref <ref>', 'reference image, or folder of references paired by name, for HIS')
    .option('--json', 'print machine-readable JSON instead of a table')
    .action(
      async (predArg: string, truthArg: string, opts: { ref?: string; json?: boolean }, cmd: Command) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        const readOpts = readOptions(g);
        const { list, unmatched } = await pairs(predArg, truthArg, opts.ref);
        const rows: EvalRow[] = [];
        const progress = startProgress(list.length, 'eval');
        try {
          for (const item of list) {
            const [p, t, r] = await Promise.all([
              readImage(item.pred, readOpts),
              readImage(item.truth, readOpts),
              item.reference ? readImage(item.reference, readOpts) : Promise.resolve(undefined),
            ]);
            if (p.image.width !== t.image.width || p.image.height !== t.image.height) {
              throw new ColorizeError(
                `${item.pred}: ${p.image.width}×${p.image.height} does not match truth ${item.truth} (${t.image.width}×${t.image.height})`,
                'input',
                item.pred,
              );
            }
            rows.push({ ...item, scores: evaluate(p.image, t.image, r?.image) });
            progress.tick(item.name);
          }
        } finally {
          progress.stop();
        }
        const mean = meanScores(rows.map((r) => r.scores));
        if (opts.json) {
          const out = {
            images: rows.map((r) => ({
              name: r.name,
              pred: r.pred,
              truth: r.truth,
              ...(r.reference ? { reference: r.reference } : {}),
              scores: scoresJson(r.scores),
            })),
            mean: scoresJson(mean),
            count: rows.length,
            unmatched,
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        const hasHis = rows.some((r) => r.scores.his !== undefined);
        const cols = COLUMNS.filter(([k]) => k !== 'his' || hasHis);
        const nameW = Math.max(4, ...rows.map((r) => r.name.length));
        const header = ['name'.padEnd(nameW), ...cols.map(([, h]) => h.padStart(10))].join(' ');
        const lines = [header];
        for (const r of rows)
          lines.push(
            [r.name.padEnd(nameW), ...cols.map(([k, , d]) => fmt(r.scores[k], d).padStart(10))].join(' '),
          );
        if (rows.length > 1) {
          lines.push('-'.repeat(header.length));
          lines.push(
            [
              `mean (${rows.length})`.padEnd(nameW),
              ...cols.map(([k, , d]) => fmt(mean[k], d).padStart(10)),
            ].join(' '),
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        if (unmatched.length)
          process.stderr.write(
            `warning: no truth image for ${unmatched.length} file(s): ${unmatched.join(', ')}\n`,
          );
      },
    );
}
