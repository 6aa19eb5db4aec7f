/**
 * Chooses the fused method's source weights (issue 18) on the tuning halves: the first half of the
 * hard exemplar sets (sorted) and the first N sorted val photos; prints mean PSNR per setting.
 *   nice node --import tsx scripts/tune-fuse.ts [valCount] [json list of option sets] [exemplar combos, e.g. sr,sa,sra]
 */
import {
  type Combo,
  exemplarCase,
  type FuseCase,
  HARD_SETS,
  meanOf,
  runCase,
  valCase,
  valNames,
} from '../bench/fuse-cases.js';
import type { FuseOptions } from '../src/methods/fuse/fuse.js';

const valCount = Number(process.argv[2] ?? 6);
const settings: FuseOptions[] = process.argv[3] ? JSON.parse(process.argv[3]) : [{}];
const exCombos = (process.argv[4] ?? 'sr,sa,ra,sra').split(',') as Combo[];
const cases: Array<[FuseCase, Combo[]]> = [];
for (const id of HARD_SETS.slice(0, HARD_SETS.length / 2)) cases.push([await exemplarCase(id), exCombos]);
for (const n of valNames().slice(0, valCount)) cases.push([await valCase(n), ['sa']]);
const singles = cases.map(() => ({}) as Record<string, never>);
for (const [si, s] of settings.entries()) {
  const rows = [];
  for (const [i, [c, combos]] of cases.entries()) {
    const r = await runCase(c, combos, s, si === 0);
    if (si === 0) Object.assign(singles[i], r);
    rows.push({ ...singles[i], ...r });
  }
  const exRows = rows.slice(0, HARD_SETS.length / 2);
  const valRows = rows.slice(HARD_SETS.length / 2);
  const fmt = (m: ReturnType<typeof meanOf>) =>
    Object.entries(m)
      .map(([k, v]) => `${k} ${v.psnr.toFixed(2)}`)
      .join(' | ');
  console.log(JSON.stringify(s));
  console.log(`  exemplar: ${fmt(meanOf(exRows))}`);
  console.log(`  val:      ${fmt(meanOf(valRows))}`);
}
