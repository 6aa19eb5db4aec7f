/**
 * Benchmark runner: `npm run bench [-- name-filter...]` runs every bench/*.bench.ts, prints its
 * figures and saves them to bench/results/<name>.json. Each benchmark module default-exports an
 * async function returning a list of records; every record should carry a reference figure
 * measured in the same run (naive implementation, direct solver, published number).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type BenchRecord = Record<string, string | number | boolean | null>;
export type Bench = () => Promise<BenchRecord[]>;

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  console.log(`\n== ${name}`);
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default: Bench };
  const records = await mod.default();
  console.table(records);
  const out = {
    name,
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    records,
  };
  writeFileSync(path.join(dir, 'results', `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
}
