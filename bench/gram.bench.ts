/**
 * Gram-matrix colorization (report §4), issue 15's speed goals: a usable 256² result in ≤ 15 s,
 * 512² in ≤ 60 s. Each case runs in its own process (bench/gram-case.ts), so its peak RSS is its
 * own, and reports wall time AND CPU time (user + system of the process: ONNX Runtime runs its
 * own threads, so on the shared 2-core machine CPU time is the steadier figure, wall time the
 * one users see). Every case runs with the fused evaluation (default: forward, losses and
 * backward in one ONNX graph) and, as the reference in the same run, the separate path it
 * replaced (features graph, TypeScript losses and Gram products, backward graph recomputing the
 * forward pass).
 *
 * - one evaluation (loss and gradient) at 256² and 512², the example pair stretched, defaults;
 * - whole default runs (two levels, 40 + 20 Adam iterations) on the pair stretched to 256 × 256
 *   and 512 × 512 (content 0.5 there, as fig. 37), and on the pair as it is (384 × 256: working
 *   256 × 168 and 384 × 256) as the earlier benches measured it;
 * - the objective before issue 15 (relative, one level, L-BFGS to convergence ≤ 300) at 256.
 *
 * `npm run bench -- gram` runs everything (about 10 min on a quiet machine); GRAM_BENCH=quick
 * skips the pair runs and the L-BFGS reference.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRecord } from './run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function runCase(args: string[]): BenchRecord {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'gram-case.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`gram-case ${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  const rec = JSON.parse(lines[lines.length - 1]) as BenchRecord;
  console.log(JSON.stringify(rec));
  return rec;
}

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const quick = process.env.GRAM_BENCH === 'quick';
  for (const size of ['256', '512'])
    for (const e of ['fused', 'separate']) records.push(runCase(['eval', size, e]));
  for (const run of quick ? ['true256', 'true512'] : ['true256', 'true512', 'pair256', 'pair512'])
    for (const e of ['fused', 'separate']) records.push(runCase(['run', run, e]));
  if (!quick) records.push(runCase(['run', 'reference', 'separate']));
  return records;
}
