import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import { readImage, writeImage } from '../../image/io.js';
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
  debugDir?: string,
): Promise<void> {
  const input = await readImage(file, readOpts);
  if (!input.isGray)
    context.notice?.(`${file} is a colour image; using its luminance (Rec. 601 luma) as the gray image`);
  const pictures: [string, ImageF32][] = [];
  const rgb = await method.run(grayInput(input.image, input.isGray), options, {
    ...context,
    debug: debugDir ? (name, image) => pictures.push([name, image]) : undefined,
  });
  await writeResult(outFile, rgb, input);
  if (debugDir) {
    const stem = path.parse(file).name;
    await fs.mkdir(debugDir, { recursive: true });
    for (const [name, image] of pictures) await writeImage(path.join(debugDir, `${stem}-${name}.png`), image);
  }
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
    .option('-q, --quiet', 'no notes or progress on standard error')
    .option(
      '--debug-dir <dir>',
      'write diagnostic pictures here, named after the input (cnn-tv: each candidate, its final weight w, the winning candidate)',
    );
  declareMethodFlags(cmd, methods);
  cmd.action(
    async (
      grayArg: string,
      opts: { output: string; method: string; quiet?: boolean; debugDir?: string },
      c: Command,
    ) => {
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
          await colourOne(
            method,
            grayArg,
            outFile,
            options,
            readOpts,
            {
              ...context,
              progress: (f, stage) => bar?.update(f, stage),
            },
            opts.debugDir,
          );
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
        (file, outFile) => colourOne(method, file, outFile, options, readOpts, context, opts.debugDir),
      );
    },
  );
}
