/**
 * `colorize transfer TARGET REFERENCE -o OUT --method NAME [method flags]`: recolours a target
 * (colour or gray) with the colours of a reference. TARGET may be a folder: every image in it is
 * recoloured with the one reference into the folder OUT, with a progress bar. Methods and their
 * flags come from the transfer registry (src/methods/transfer/registry.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../../errors.js';
import { type DecodedImage, readImage } from '../../image/io.js';
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
import { runBatch } from '../batch.js';
import { cliContext, declareMethodFlags, methodOptions } from '../method-flags.js';
import { checkOutputPath, outputPathFor, writeResult } from '../output.js';
import { isDirectory, listImages } from '../pairing.js';
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
  const rgb = await method.run(target.image, reference.image, options, context);
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
    .option('-m, --method <name>', `${methods.map((m) => m.name).join('|')}`, DEFAULT_METHOD);
  declareMethodFlags(cmd, methods);
  cmd.action(
    async (targetArg: string, refArg: string, opts: { output: string; method: string }, c: Command) => {
      const readOpts = readOptions(c.optsWithGlobals<GlobalOptions>());
      const method = getTransferMethod(opts.method);
      const options = methodOptions(c, method, methods);
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
        let outFile = out;
        let outIsDir = false;
        try {
          outIsDir = (await fs.stat(out)).isDirectory();
        } catch {
          // Not there yet: a file to create.
        }
        if (outIsDir) outFile = outputPathFor(targetArg, out);
        if (sameFile(outFile, targetArg))
          throw new ColorizeError(`${outFile}: the output would overwrite the target`, 'usage');
        await checkOutputPath(outFile);
        const reference = await readReference(refArg, readOpts);
        await transferOne(method, targetArg, reference, options, outFile, readOpts, context);
        return;
      }
      const targets = await listImages(targetArg);
      if (targets.length === 0)
        throw new ColorizeError(`${targetArg}: no image files in this folder`, 'input', targetArg);
      try {
        if (!(await fs.stat(out)).isDirectory()) {
          throw new ColorizeError(
            `${out}: TARGET is a folder, so -o must be a folder, not a file`,
            'usage',
            out,
          );
        }
      } catch (err) {
        if (err instanceof ColorizeError) throw err;
        if (path.extname(out) !== '') {
          throw new ColorizeError(
            `${out}: TARGET is a folder, so -o must be a folder (got a file name)`,
            'usage',
            out,
          );
        }
      }
      const reference = await readReference(refArg, readOpts);
      await fs.mkdir(out, { recursive: true });
      await runBatch(targets, out, { title: `transfer (${method.name})`, noun: 'target' }, (file, outFile) =>
        transferOne(method, file, reference, options, outFile, readOpts, context),
      );
    },
  );
}
