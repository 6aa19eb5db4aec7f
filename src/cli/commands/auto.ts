import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { readImage } from '../../image/io.js';
import '../../methods/automatic/builtin.js';
import {
  type AutoContext,
  type AutoMethod,
  getAutoMethod,
  grayInput,
  listAutoMethods,
} from '../../methods/automatic/registry.js';
import '../../models/catalogue.js';
import { requireModel } from '../../models/registry.js';
import { folderInputs, runBatch, singleOutput } from '../batch.js';
import { cliContext, declareMethodFlags, methodOptions } from '../method-flags.js';
import { writeResult } from '../output.js';
import { isDirectory } from '../pairing.js';
import { startFractionProgress } from '../progress.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

/** The method used without --method: the CNN with coupled-TV selection when it is registered. */
function defaultMethod(): string {
  const names = listAutoMethods().map((m) => m.name);
  return names.includes('cnn-tv') ? 'cnn-tv' : (names[0] ?? 'cnn-tv');
}

async function colourOne(
  method: AutoMethod,
  file: string,
  outFile: string,
  options: Record<string, unknown>,
  readOpts: ReturnType<typeof readOptions>,
  context: AutoContext,
): Promise<void> {
  const input = await readImage(file, readOpts);
  if (!input.isGray)
    context.notice?.(`${file} is a colour image; using its luminance (Rec. 601 luma) as the gray image`);
  const rgb = await method.run(grayInput(input.image, input.isGray), options, context);
  await writeResult(outFile, rgb, input);
}

export function registerAuto(program: Command): void {
  const methods = listAutoMethods();
  const cmd = program
    .command('auto')
    .summary('colour a gray image (or a folder) fully automatically, with a trained model')
    .description(
      'Fully automatic colorization of GRAY (a colour input is reduced to its luminance). GRAY may be a ' +
        'folder: every image in it is coloured into the folder given by -o (created if missing).\n\nMethods:\n' +
        methods.map((m) => `  ${m.name.padEnd(10)} ${m.summary}`).join('\n') +
        '\n\nMethod flags are listed below, prefixed with the method they apply to.',
    )
    .argument('<gray>', 'gray image to colour, or a folder of them')
    .requiredOption('-o, --output <path>', 'output image, or output folder when GRAY is a folder')
    .option('-m, --method <name>', methods.map((m) => m.name).join('|'), defaultMethod())
    .option('-q, --quiet', 'no notes or progress on standard error');
  declareMethodFlags(cmd, methods);
  cmd.action(
    async (grayArg: string, opts: { output: string; method: string; quiet?: boolean }, c: Command) => {
      const readOpts = readOptions(c.optsWithGlobals<GlobalOptions>());
      const method = getAutoMethod(opts.method);
      const options = methodOptions(c, method, methods);
      const context: AutoContext = opts.quiet ? {} : cliContext();
      for (const m of method.models ?? []) requireModel(m);
      const out = opts.output;
      if (path.resolve(out) === path.resolve(grayArg))
        throw new ColorizeError(
          `${out}: the output would overwrite the input; choose another -o`,
          'usage',
          out,
        );

      if (!(await isDirectory(grayArg))) {
        const outFile = await singleOutput(grayArg, out, 'input');
        // One image: a percentage bar follows the method's own stages.
        const bar = opts.quiet ? null : startFractionProgress(`auto (${method.name})`);
        try {
          await colourOne(method, grayArg, outFile, options, readOpts, {
            ...context,
            progress: (f, stage) => bar?.update(f, stage),
          });
        } finally {
          bar?.stop();
        }
        return;
      }
      const inputs = await folderInputs(grayArg, out, 'GRAY');
      await runBatch(
        inputs,
        out,
        {
          title: `auto (${method.name})`,
          noun: 'input',
          quiet: opts.quiet,
          overwrite: c.optsWithGlobals<GlobalOptions>().overwrite,
        },
        (file, outFile) => colourOne(method, file, outFile, options, readOpts, context),
      );
    },
  );
}
