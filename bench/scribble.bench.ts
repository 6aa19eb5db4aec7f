/**
 * Scribble colorization speed (issue 4): Levin et al.'s optimisation with the multigrid-PCG solver
 * at 0.25, 1 and 4 MP, against (a) the same system solved to a 1e-12 relative residual ("exact")
 * and (b) the band-Cholesky direct solver where it fits (0.25 MP; ~8 GB and minutes at 1 MP).
 * Each case runs in its own process (bench/scribble-case.ts) so peak memory is its own.
 * Targets on the 2-core machine: 1 MP solve ≤ 1 s, whole command ≤ 2 s, 4 MP ≤ 5 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRecord } from './run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function runCase(args: string[]): BenchRecord {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'scribble-case.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`scribble-case ${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as BenchRecord;
}

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  for (const mp of [0.25, 1, 4]) {
    const rec: BenchRecord = { case: `levin ${mp} MP`, ...runCase([String(mp), 'fast']) };
    if (mp <= 0.25) Object.assign(rec, runCase([String(mp), 'direct']));
    else rec.directSolveMs = null; // band Cholesky: n·min(W,H)² work, ~8 GB at 1 MP: not run
    records.push(rec);
  }
  // Whole command at 1 MP: decode, strokes, solve, finish, encode (built CLI when available).
  const dir = mkdtempSync(path.join(tmpdir(), 'scribble-bench-'));
  try {
    runCase(['1', 'write', dir]);
    const cli = path.join(root, 'packages/colorize-cli/colorize.js');
    const built = existsSync(path.join(root, 'dist/cli/main.js'));
    const argv = built ? [cli] : ['--import', 'tsx', path.join(root, 'src/cli/entry.ts')];
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [
          ...argv,
          'scribble',
          path.join(dir, 'gray.png'),
          path.join(dir, 'marked.png'),
          '-o',
          path.join(dir, 'out.png'),
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`colorize scribble failed: ${r.stderr}`);
      times.push(performance.now() - t0);
    }
    records.push({
      case: 'colorize scribble 1 MP (whole command)',
      commandMs: Math.round(Math.min(...times)),
      builtCli: built,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return records;
}
