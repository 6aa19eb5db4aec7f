/**
 * What fresh memory costs on this machine, and how much of the 1 MP Levin solve's spread it
 * explains (docs/scribbles.md, "Fresh memory"):
 *   node --import tsx bench/fresh-memory.ts [rounds=5] [idleSeconds=8]
 * Each round runs, in fresh processes, a first write to 136 MiB of huge-page-advised memory (the
 * 1 MP arena's size) and the benchmark's 1 MP `levin` case twice: "cold" after the machine has
 * idled `idleSeconds` (long enough for the kernel's free page reporting to hand freed memory
 * back to the host: page_reporting.page_reporting_order on the kernel command line), and "hot"
 * right after another process wrote and freed 512 MiB. Prints one JSON line per measurement and
 * the medians; not part of `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const rounds = Number(process.argv[2] ?? 5);
const idle = Number(process.argv[3] ?? 8);

// A first write to 136 MiB, in its own process (the arena's advice and page size).
const TOUCH = `
const { adviseHugePages } = await import(${JSON.stringify(path.join(root, 'src/solve/wasm/huge-pages.ts'))});
const mib = 136;
const mem = new WebAssembly.Memory({ initial: mib * 16, maximum: mib * 16, shared: true });
adviseHugePages(mem.buffer);
const v = new Int32Array(mem.buffer);
const t0 = performance.now();
for (let i = 0; i < v.length; i += 1024) v[i] = 1;
console.log(JSON.stringify({ touchMsPerMiB: Number(((performance.now() - t0) / mib).toFixed(2)) }));
`;

function node(args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}
const touch = () => node(['--import', 'tsx', '--input-type=module', '-e', TOUCH]).touchMsPerMiB;
const solve = () => node(['--import', 'tsx', path.join(here, 'scribble-case.ts'), '1', 'levin']);
const warmUpMemory = () => node(['-e', 'Buffer.alloc(512 << 20, 1); console.log("{}")']);
const sleep = (s: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, s * 1000);

const cmdline = readFileSync('/proc/cmdline', 'utf8').match(/page_reporting\.page_reporting_order=\d+/);
console.log(`# ${cmdline?.[0] ?? 'no page_reporting_order on the kernel command line'}`);
const rows: Record<string, number[]>[] = [];
const collect = (state: string, t: number, s: Record<string, number>) => {
  const row = { touchMsPerMiB: t, ...s };
  console.log(JSON.stringify({ state, ...row }));
  rows.push({ [state]: [t, s.solveMs, s.buildMs, s.iterateMs, s.faultInMs, s.faultInMsPerMiB] });
};
for (let k = 0; k < rounds; k++) {
  sleep(idle);
  const coldTouch = touch();
  sleep(idle);
  collect('cold', coldTouch, solve());
  warmUpMemory();
  const hotTouch = touch();
  warmUpMemory();
  collect('hot', hotTouch, solve());
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const names = [
  'first write ms/MiB',
  'solve ms',
  'build ms',
  'iterations ms',
  'arena fault-in ms',
  'its ms/MiB',
];
for (const state of ['cold', 'hot']) {
  const of = rows.flatMap((r) => (r[state] ? [r[state]] : []));
  console.log(
    `${state}: ${names.map((n, i) => `${n} ${median(of.map((r) => r[i]))}`).join(', ')} (medians of ${of.length})`,
  );
}
