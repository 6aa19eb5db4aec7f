/**
 * `colorize studio`: serves the built web studio (web/dist) and the HTTP service from one
 * server, and opens it in a browser when run from a terminal.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import type { GlobalOptions } from '../shared-options.js';
import { runService, type ServeFlags, serverOptionsOf, serviceFlags } from './serve.js';

/** web/dist of this package. */
export function studioDir(): string {
  return path.join(packageRoot(), 'web/dist');
}

function openBrowser(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stdout.write(`colorize: open ${url} in a browser\n`));
  child.unref();
}

export function registerStudio(program: Command): void {
  const cmd = program
    .command('studio')
    .summary('open the web studio: paint strokes, live preview, reference transfer, compare')
    .description(
      'Serves the web studio and the HTTP service on one port. Methods that cannot run in the browser ' +
        '(e.g. superpixel exemplar matching) run on this server.',
    );
  serviceFlags(cmd, '5173')
    .option('--no-open', 'do not open a browser')
    .action(async (f: ServeFlags & { open: boolean }, c: Command) => {
      const dir = studioDir();
      if (!existsSync(path.join(dir, 'index.html'))) {
        throw new ColorizeError(
          `the studio is not built (${dir} has no index.html); run: npm run build`,
          'io',
        );
      }
      const options = { ...serverOptionsOf(f, c.optsWithGlobals<GlobalOptions>()), studioDir: dir };
      const interactive = process.stdout.isTTY === true && f.open;
      await runService(options, f, 'studio', interactive ? openBrowser : undefined);
    });
}
