/** `colorize methods [--json]`: the catalogue, as a table or as the JSON the service serves. */
import type { Command } from 'commander';
import '../../methods/builtin.js';
import { describeMethod, listMethods } from '../../methods/catalogue/catalogue.js';
import { flagName, optionHelp } from '../../methods/catalogue/options.js';
import { FAMILY_COMMANDS } from './families.js';

export function registerMethods(program: Command): void {
  program
    .command('methods')
    .summary('list every method with its inputs and options')
    .option('--json', 'print the catalogue as JSON (as GET /v1/methods)')
    .option('-v, --verbose', 'also list each method’s options')
    .action((opts: { json?: boolean; verbose?: boolean }) => {
      const methods = listMethods();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ methods: methods.map(describeMethod) }, null, 2)}\n`);
        return;
      }
      for (const spec of FAMILY_COMMANDS) {
        process.stdout.write(`colorize ${spec.command} --method …\n`);
        for (const m of listMethods(spec.family)) {
          const where = m.browser ? 'browser+server' : 'server';
          process.stdout.write(`  ${m.name.padEnd(14)} ${m.summary} [${where}]\n`);
          if (opts.verbose)
            for (const o of m.options)
              process.stdout.write(`      ${flagName(o).padEnd(24)} ${optionHelp(o)}\n`);
        }
      }
    });
}
