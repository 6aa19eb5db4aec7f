/**
 * The optional huge-page helper (native/huge-pages, src/solve/wasm/huge-pages.ts), checked against
 * the kernel's own account of the process's memory (/proc/self/smaps: AnonHugePages of the
 * mapping), not against what the helper returns. Skipped, saying why, off Linux or where the helper
 * was not built (`npm run build` builds it; CI does).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adviseHugePages } from '../../src/solve/wasm/huge-pages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = existsSync(path.join(root, 'native/huge-pages/build/huge-pages.node'));
const thp = existsSync('/sys/kernel/mm/transparent_hugepage/enabled')
  ? readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8')
  : '';
const skip =
  process.platform !== 'linux'
    ? 'not Linux'
    : !built
      ? 'native/huge-pages not built (node scripts/build-native.mjs)'
      : /\[never\]/.test(thp) || !thp
        ? 'transparent huge pages are off in this kernel'
        : process.env.COLORIZE_HUGE_PAGES === '0'
          ? 'COLORIZE_HUGE_PAGES=0'
          : false;

/** AnonHugePages of the whole process (kB), as the kernel counts them. */
function processHugeKiB(): number {
  let total = 0;
  for (const m of readFileSync('/proc/self/smaps', 'utf8').matchAll(/^AnonHugePages:\s+(\d+) kB/gm))
    total += Number(m[1]);
  return total;
}

test('an advised 64 MiB wasm memory is backed by huge pages once written', { skip }, () => {
  const memory = new WebAssembly.Memory({ initial: 1024, maximum: 1024 }); // 64 MiB
  const before = processHugeKiB();
  const advised = adviseHugePages(memory.buffer);
  // At most one 2 MiB page lost at each end to alignment.
  assert.ok(advised >= 60 * 2 ** 20, `advised ${advised} bytes`);
  new Uint8Array(memory.buffer).fill(1);
  const after = processHugeKiB();
  assert.ok(after - before >= 32 * 1024, `AnonHugePages grew by ${after - before} kB`);
});

test('without the advice the same memory stays in 4 KiB pages (the kernel is in madvise mode)', {
  skip: skip || (!/\[madvise\]/.test(thp) ? 'THP mode is not madvise' : false),
}, () => {
  const before = processHugeKiB();
  const memory = new WebAssembly.Memory({ initial: 1024, maximum: 1024 });
  new Uint8Array(memory.buffer).fill(1);
  assert.ok(processHugeKiB() - before < 4096);
});

test('bad ranges advise nothing and throw nothing', { skip }, () => {
  const buf = new ArrayBuffer(1 << 20);
  assert.equal(adviseHugePages(buf), 0); // no whole 2 MiB page inside
  assert.equal(adviseHugePages(buf, 2 << 20, 10), 0); // past the end
});
