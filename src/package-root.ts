/**
 * The toolkit's package root, found from where the running module lies: src/ (under tsx), dist/,
 * or the command line's bundle in dist/cli-bundle/ (scripts/bundle-cli.mjs), whose chunks sit at
 * another depth than the modules they were made from. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The nearest folder at or above this module holding the toolkit's own package.json.
 *
 * @example
 * ```ts
 * import { existsSync } from 'node:fs';
 * import path from 'node:path';
 * import { packageRoot } from 'colorize-toolkit/internals';
 * console.log(existsSync(path.join(packageRoot(), 'package.json'))); // true
 * ```
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'colorize-toolkit') break;
      } catch {
        // Not a readable package.json: keep looking above.
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('colorize-toolkit: cannot find the package root above its modules');
    dir = up;
  }
  root = dir;
  return dir;
}
