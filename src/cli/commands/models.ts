/**
 * `colorize models [--convert] [--json]`: which models are installed, where each was found, and
 * for anything missing, every path that was searched. --convert also builds the cached ONNX
 * files of the models that need converting (the set-up step).
 */
import type { Command } from 'commander';
import '../../models/catalogue.js';
import { modelCacheDir, modelSearchPaths } from '../../models/locate.js';
import { listModels, modelStatus } from '../../models/registry.js';

export function registerModels(program: Command): void {
  program
    .command('models')
    .summary('list the models, where they were found, and what is missing')
    .description(
      'Lists every model the methods load: its files and where they were found, or for a missing file ' +
        'each path searched. Models are looked for in $COLORIZE_MODELS (a path list), the project models/ ' +
        'folder and ../shared/models beside the project; converted files are cached in models/cache/ ' +
        '($COLORIZE_MODELS_CACHE).',
    )
    .option('--convert', 'also convert the installed models that need it into their cached ONNX files')
    .option('--json', 'print JSON')
    .action(async (opts: { convert?: boolean; json?: boolean }) => {
      const rows = [];
      for (const entry of listModels()) {
        const s = modelStatus(entry.name);
        let converted: string | undefined;
        if (opts.convert && s.available && entry.convert) converted = await entry.convert();
        rows.push({
          name: entry.name,
          available: s.available,
          description: entry.description,
          usedBy: entry.usedBy,
          source: entry.source,
          found: s.found,
          searched: s.searched,
          ...(converted ? { converted } : {}),
        });
      }
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ searchPaths: modelSearchPaths(), cache: modelCacheDir(), models: rows }, null, 2)}\n`,
        );
        return;
      }
      const lines = [`search paths: ${modelSearchPaths().join(', ')}`, `cache: ${modelCacheDir()}`, ''];
      for (const r of rows) {
        lines.push(`${r.available ? 'ok     ' : 'MISSING'} ${r.name}: ${r.description}`);
        lines.push(`        used by: ${r.usedBy.join(', ') || '-'}; source: ${r.source}`);
        const files = Object.entries(r.found);
        const where = new Set(files.filter(([, p]) => p).map(([f, p]) => p!.slice(0, p!.length - f.length)));
        if (where.size) lines.push(`        found in: ${[...where].join(', ')}`);
        for (const [f, paths] of Object.entries(r.searched))
          lines.push(`        missing ${f}; looked in: ${paths.join(', ')}`);
        if (r.converted) lines.push(`        converted: ${r.converted}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
