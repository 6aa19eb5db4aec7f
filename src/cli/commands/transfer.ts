import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { type DecodedImage, readImage, writeImage } from '../../image/io.js';
import '../../methods/transfer/builtin.js';
// After the built-in methods, so superpixel comes last in --method and --help.
import '../../methods/exemplar/superpixel/transfer-method.js';
import {
  cliGrayHint,
  getTransferMethod,
  listTransferMethods,
  type TransferContext,
  type TransferMethod,
} from '../../methods/transfer/registry.js';
import { folderInputs, runBatch, singleOutput } from '../batch.js';
import { cliContext, declareMethodFlags, methodOptions } from '../method-flags.js';
import { writeResult } from '../output.js';
import { isDirectory } from '../pairing.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

const DEFAULT_METHOD = 'histogram';

async function readReference(file: string, readOpts: ReturnType<typeof readOptions>): Promise<DecodedImage> {
  if (await isDirectory(file)) {
    throw new ColorizeError(`${file}: REFERENCE must be one image file, not a folder`, 'usage', file);
  }
  const ref = await readImage(file, readOpts);
  if (ref.isGray) {
    throw new ColorizeError(
      `${file}: the reference is gray, so it has no colours to transfer; give a colour reference`,
      'input',
      file,
    );
  }
  return ref;
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

async function transferOne(
  method: TransferMethod,
  targetFile: string,
  reference: DecodedImage,
  options: Record<string, unknown>,
  outFile: string,
  readOpts: ReturnType<typeof readOptions>,
  context: TransferContext,
  debugDir?: string,
): Promise<void> {
  const target = await readImage(targetFile, readOpts);
  const alt = method.grayAlternative;
  const altChosen = alt?.option !== undefined && options[alt.option.key] === alt.option.value;
  if (method.targets === 'colour' && target.isGray && !altChosen) {
    const hint = cliGrayHint(method);
    throw new ColorizeError(
      `${targetFile}: --method ${method.name} needs a colour target and this one is gray${hint ? `; ${hint}` : ''}`,
      'input',
      targetFile,
    );
  }
  const stem = path.parse(targetFile).name;
  const ctx: TransferContext =
    debugDir === undefined
      ? context
      : {
          ...context,
          debugImage: (name, image) => writeImage(path.join(debugDir, `${stem}-${name}.png`), image),
        };
  const rgb = await method.run(target.image, reference.image, options, ctx);
  await writeResult(outFile, rgb, target);
}

export function registerTransfer(program: Command): void {
  const methods = listTransferMethods();
  const cmd = program
    .command('transfer')
    .summary('recolour an image (or a folder) with the colours of a reference image')
    .description(
      'Global colour transfer from REFERENCE to TARGET (colour or gray). TARGET may be a folder: every image ' +
        'in it is recoloured with the same reference into the folder given by -o (created if missing).\n\nMethods:\n' +
        methods.map((m) => `  ${m.name.padEnd(14)} ${m.summary}`).join('\n') +
        '\n\nMethod flags are listed below, prefixed with the method they apply to.',
    )
    .argument('<target>', 'image to recolour (colour or gray), or a folder of them')
    .argument('<reference>', 'colour image whose colours are used')
    .requiredOption('-o, --output <path>', 'output image, or output folder when TARGET is a folder')
    .option('-m, --method <name>', `${methods.map((m) => m.name).join('|')}`, DEFAULT_METHOD)
    .option(
      '--debug-dir <dir>',
      `${methods
        .filter((m) => m.debugPictures)
        .map((m) => m.name)
        .join(
          ', ',
        )}: write intermediate pictures (superpixel maps, matches, fused colours) here as <target name>-<picture>.png`,
    );
  declareMethodFlags(cmd, methods);
  cmd.action(
    async (
      targetArg: string,
      refArg: string,
      opts: { output: string; method: string; debugDir?: string },
      c: Command,
    ) => {
      const readOpts = readOptions(c.optsWithGlobals<GlobalOptions>());
      const method = getTransferMethod(opts.method);
      const options = methodOptions(c, method, methods);
      const debugDir = opts.debugDir;
      if (debugDir !== undefined && !method.debugPictures) {
        const owners = methods.filter((m) => m.debugPictures).map((m) => m.name);
        throw new ColorizeError(
          `option --debug-dir belongs to --method ${owners.join('/')}, not ${method.name}`,
          'usage',
        );
      }
      const context = cliContext();
      const out = opts.output;
      if (sameFile(out, refArg) || sameFile(out, targetArg)) {
        throw new ColorizeError(
          `${out}: the output would overwrite an input; choose another -o`,
          'usage',
          out,
        );
      }
      if (!(await isDirectory(targetArg))) {
        const outFile = await singleOutput(targetArg, out, 'target', { reference: refArg });
        const reference = await readReference(refArg, readOpts);
        if (debugDir !== undefined) await fs.mkdir(debugDir, { recursive: true });
        await transferOne(method, targetArg, reference, options, outFile, readOpts, context, debugDir);
        return;
      }
      const targets = await folderInputs(targetArg, out, 'TARGET');
      const reference = await readReference(refArg, readOpts);
      const overwrite = c.optsWithGlobals<GlobalOptions>().overwrite;
      if (debugDir !== undefined) await fs.mkdir(debugDir, { recursive: true });
      await runBatch(
        targets,
        out,
        { title: `transfer (${method.name})`, noun: 'target', overwrite },
        (file, outFile) =>
          transferOne(method, file, reference, options, outFile, readOpts, context, debugDir),
      );
    },
  );
}
