/**
 * Scribble colorization speed: Levin et al.'s own system (default; BiCGStab with the hybrid
 * multigrid in the WebAssembly SIMD kernels, and again with the JavaScript kernels as the
 * reference), the symmetric system (multigrid CG) and the report's eq. 9 (0.25 MP only: slow by
 * nature) at 0.25, 1 and 4 MP, against scipy's exact solve of the same system (getColorExact.m
 * ported, scripts/levin_exact.py; SuperLU) in the same run, with the ratio. pyamg is used by that
 * script where installed (it is not in Debian). Also the whole `colorize scribble` command at 1 MP
 * and the studio's preview at 0.25 MP. Each case runs in its own process (bench/scribble-case.ts)
 * so peak memory is its own. Goals on the 2-core machine: 1 MP solve ≤ 0.5 s, command ≤ 1.2 s,
 * 4 MP solve ≤ 2.5 s in ≤ 1 GiB, preview ≤ 100 ms median.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRecord } from './run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function runCase(args: string[], env: Record<string, string> = {}): BenchRecord {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'scribble-case.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`scribble-case ${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as BenchRecord;
}

/** The case run `runs` times: the run with the median solve time, and every run's solve time. */
function medianCase(args: string[], env: Record<string, string> = {}, runs = 3): BenchRecord {
  const all = Array.from({ length: runs }, () => runCase(args, env));
  all.sort((a, b) => Number(a.solveMs) - Number(b.solveMs));
  return {
    ...all[runs >> 1],
    solveMsRuns: all.map((r) => r.solveMs).join(' '),
    // Each run's fresh-memory cost beside its time (docs/scribbles.md, "Fresh memory").
    ...(all[0].faultInMsPerMiB !== undefined && {
      faultInMsPerMiBRuns: all.map((r) => r.faultInMsPerMiB).join(' '),
    }),
  };
}

/**
 * The whole `colorize scribble` command at 1 MP: decode, strokes, solve, finish, encode (the
 * built CLI when there is one), five runs. `when` names where in the benchmark it ran.
 */
function commandCase(when: string): BenchRecord {
  const dir = mkdtempSync(path.join(tmpdir(), 'scribble-bench-'));
  try {
    runCase(['1', 'write', dir]);
    const cli = path.join(root, 'packages/colorize-cli/colorize.js');
    const built = existsSync(path.join(root, 'dist/cli/main.js'));
    const argv = built ? [cli] : ['--import', 'tsx', path.join(root, 'src/cli/entry.ts')];
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
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
    return {
      case: `colorize scribble 1 MP (whole command, ${when})`,
      commandMs: Math.round(Math.min(...times)),
      commandMedianMs: Math.round([...times].sort((a, b) => a - b)[2]),
      commandRunsMs: times.map(Math.round).join(' '),
      builtCli: built,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  for (const mp of [0.25, 1, 4]) {
    // Median of three where the goals are (1 and 4 MP): this VM's timings vary by ±30 % run to run.
    const levin = mp >= 1 ? medianCase([String(mp), 'levin']) : runCase([String(mp), 'levin']);
    records.push({ case: `levin ${mp} MP`, ...levin });
    if (mp >= 1) {
      // The same solve on one thread (src/solve/wasm/helper-thread.ts off): the reference for the second core.
      const one = medianCase([String(mp), 'levin'], { COLORIZE_THREADS: '1' });
      records.push({
        case: `levin ${mp} MP, one thread`,
        ...one,
        speedupOfThreads: Number((Number(one.solveMs) / Number(levin.solveMs)).toFixed(2)),
      });
    }
    // The same solve with the JavaScript kernels (no wasm): the reference for the SIMD kernels.
    const js = runCase([String(mp), 'levin'], { COLORIZE_WASM: '0' });
    records.push({
      case: `levin ${mp} MP, JavaScript kernels`,
      ...js,
      speedupOfWasm: Number((Number(js.solveMs) / Number(levin.solveMs)).toFixed(1)),
    });
    if (mp >= 1) {
      // The same solve with 4 KiB pages (src/solve/wasm/huge-pages.ts off): the reference for the advice.
      const small = medianCase([String(mp), 'levin'], { COLORIZE_HUGE_PAGES: '0' });
      records.push({
        case: `levin ${mp} MP, 4 KiB pages`,
        ...small,
        speedupOfHugePages: Number((Number(small.solveMs) / Number(levin.solveMs)).toFixed(2)),
      });
    }
    if (mp >= 1)
      records.push({
        case: `levin ${mp} MP, without row balancing`,
        ...runCase([String(mp), 'levin-unbalanced']),
      });
    records.push({ case: `symmetric ${mp} MP`, ...runCase([String(mp), 'symmetric']) });
    if (mp <= 0.25) records.push({ case: `report ${mp} MP`, ...runCase([String(mp), 'report']) });
    // SCRIBBLE_SCIPY_MP: the largest size with scipy's exact solve (default 1; at 1 MP it takes
    // 10–20 minutes of SuperLU).
    if (mp <= Number(process.env.SCRIBBLE_SCIPY_MP ?? 1)) {
      const ref = runCase([String(mp), 'scipy']);
      records.push({
        case: `scipy exact ${mp} MP`,
        ...ref,
        speedup: Number((Number(ref.scipyTotalMs) / Number(levin.solveMs)).toFixed(1)),
      });
    }
    // The command twice, here and after the 4 MP cases: this VM's speed drifts over minutes (the
    // same command took 1.31 s in one run's last minute and 1.13 s between runs), and two
    // measurements minutes apart show how much.
    if (mp === 1) records.push(commandCase('after the 1 MP cases'));
  }
  records.push({ case: 'preview 0.25 MP', ...runCase(['0.25', 'preview']) });
  records.push(commandCase('after the 4 MP cases'));
  return records;
}
