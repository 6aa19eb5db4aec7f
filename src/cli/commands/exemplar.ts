/**
 * `colorize exemplar GRAY REFERENCE -o OUT [--method superpixel] [flags]`: colours a gray image
 * from a colour reference (IPOL 2024 Algorithm 4). GRAY may be a folder: each image is paired
 * with the reference of the same name in the REFERENCE folder (002_target.png ↔
 * 002_reference.png), or with the one REFERENCE file, and written to the folder OUT as
 * <name>_colorized.<ext>, with a progress bar.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError, checkChoice } from '../../errors.js';
import { createImage, type ImageF32 } from '../../image/image.js';
import { readImage, writeImage } from '../../image/io.js';
import { FEATURE_CHOICES, type FeatureChoice } from '../../methods/exemplar/superpixel/options.js';
import { superpixelColorize } from '../../methods/exemplar/superpixel/pipeline.js';
import { parseNumberFlag } from '../../methods/transfer/registry.js';
import { checkOutputPath, writeResult } from '../output.js';
import { indexByKey, isDirectory, listImages, pairKey } from '../pairing.js';
import { startProgress } from '../progress.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

const METHODS = ['superpixel'] as const;

interface ExemplarFlags {
  output: string;
  method: string;
  tau?: string;
  deltaS?: string;
  deltaC?: string;
  superpixels?: string;
  workingSize?: string;
  features?: string;
  debugDir?: string;
}

function numberFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = parseNumberFlag(raw);
  if (typeof v !== 'number')
    throw new ColorizeError(
      `option --${name} = ${JSON.stringify(raw)} is invalid: expected a number`,
      'usage',
    );
  return v;
}

async function colourOne(
  grayFile: string,
  refFile: string,
  outFile: string,
  f: ExemplarFlags,
  readOpts: ReturnType<typeof readOptions>,
  notices: Set<string>,
): Promise<void> {
  const [g, r] = await Promise.all([readImage(grayFile, readOpts), readImage(refFile, readOpts)]);
  if (r.isGray) {
    throw new ColorizeError(
      `${refFile}: the reference image is gray; exemplar colorization needs a colour reference`,
      'input',
      refFile,
    );
  }
  // A colour target is coloured from its luminance (its own colours are ignored).
  const target: ImageF32 = g.image;
  const res = await superpixelColorize(target, r.image, {
    tau: numberFlag('tau', f.tau),
    deltaS: numberFlag('delta-s', f.deltaS),
    deltaC: numberFlag('delta-c', f.deltaC),
    superpixels: numberFlag('superpixels', f.superpixels),
    workingSize: numberFlag('working-size', f.workingSize),
    features:
      f.features === undefined
        ? undefined
        : checkChoice('features', f.features, FEATURE_CHOICES as FeatureChoice[]),
    debug: f.debugDir !== undefined,
  });
  for (const n of res.notices) {
    if (!notices.has(n)) process.stderr.write(`note: ${n}\n`);
    notices.add(n);
  }
  await writeResult(outFile, res.rgb, g);
  if (f.debugDir && res.debug) {
    const stem = pairKey(grayFile);
    for (const [name, img] of Object.entries(res.debug))
      await writeImage(path.join(f.debugDir, `${stem}-${name}.png`), img);
    const a = res.chroma;
    // The a*, b* planes as a picture: mid-gray = neutral.
    const ab = createImage(a.width, a.height, 3);
    for (let p = 0; p < a.channels[0].length; p++) {
      ab.channels[0][p] = 0.5 + a.channels[0][p] / 200;
      ab.channels[1][p] = 0.5;
      ab.channels[2][p] = 0.5 + a.channels[1][p] / 200;
    }
    await writeImage(path.join(f.debugDir, `${stem}-chroma-ab.png`), ab);
  }
}

export function registerExemplar(program: Command): void {
  program
    .command('exemplar')
    .summary('colour a gray image from a colour reference photo')
    .description(
      'Exemplar colorization by superpixel non-local matching of deep features (Carrillo, Clément & Bugeau 2022; ' +
        'IPOL 2024 Algorithm 4): SLIC superpixels on the gray target and the gray version of the reference, ' +
        'VGG-19 super-features, attention with temperature τ, colour fusion, original luminance kept. ' +
        'GRAY may be a folder; REFERENCE is then a folder of references paired by name (NNN_target ↔ NNN_reference) ' +
        'or one image, and -o names the output folder.',
    )
    .argument('<gray>', 'gray image (or folder of images) to colour')
    .argument('<reference>', 'colour reference image (or folder of references)')
    .requiredOption('-o, --output <path>', 'output image, or output folder for a GRAY folder')
    .option('--method <name>', `method: ${METHODS.join(', ')}`, 'superpixel')
    .option('--tau <t>', 'softmax temperature τ (default 0.015, IPOL eq. 7)')
    .option('--delta-s <v>', 'spatial weight δs of the colour fusion (default 10, eq. 6)')
    .option('--delta-c <v>', 'colour weight δc of the colour fusion (default 0.1, eq. 6)')
    .option('--superpixels <n>', 'SLIC superpixels per image (default 3⌊√(HW)⌋ at working size)')
    .option('--working-size <px>', 'long side of the working images (default 256)')
    .option(
      '--features <name>',
      'vgg19|handcrafted (default: vgg19 when its weights are found, else handcrafted with a note)',
    )
    .option('--debug-dir <dir>', 'write superpixel maps, the matches and the fused colours here')
    .action(async (grayArg: string, refArg: string, f: ExemplarFlags, cmd: Command) => {
      checkChoice('method', f.method, METHODS);
      const readOpts = readOptions(cmd.optsWithGlobals<GlobalOptions>());
      if (f.debugDir) await fs.mkdir(f.debugDir, { recursive: true });
      const notices = new Set<string>();
      if (!(await isDirectory(grayArg))) {
        if (await isDirectory(refArg))
          throw new ColorizeError(
            `${refArg}: REFERENCE must be an image file when GRAY is a file`,
            'usage',
            refArg,
          );
        await checkOutputPath(f.output);
        await colourOne(grayArg, refArg, f.output, f, readOpts, notices);
        return;
      }
      try {
        if (!(await fs.stat(f.output)).isDirectory()) throw new Error();
      } catch {
        throw new ColorizeError(
          `${f.output}: output folder does not exist (GRAY is a folder, so -o must be a folder)`,
          'io',
          f.output,
        );
      }
      const grays = (await listImages(grayArg)).filter(
        (p) => !/_(reference|ref|truth)\./i.test(path.basename(p)),
      );
      if (grays.length === 0)
        throw new ColorizeError(`${grayArg}: no image files in this folder`, 'input', grayArg);
      const refs = (await isDirectory(refArg)) ? indexByKey(await listImages(refArg), /_reference\./i) : null;
      const jobs: Array<{ gray: string; ref: string; out: string }> = [];
      const missing: string[] = [];
      for (const g of grays) {
        const ref = refs ? refs.get(pairKey(g)) : refArg;
        if (!ref || ref === g) {
          missing.push(path.basename(g));
          continue;
        }
        jobs.push({
          gray: g,
          ref,
          out: path.join(
            f.output,
            `${pairKey(g)}_colorized${path.extname(g).toLowerCase() === '.png' ? '.png' : '.png'}`,
          ),
        });
      }
      if (jobs.length === 0)
        throw new ColorizeError(
          `no image in ${grayArg} has a reference of the same name in ${refArg}`,
          'input',
        );
      const progress = startProgress(jobs.length, 'exemplar');
      try {
        for (const j of jobs) {
          await colourOne(j.gray, j.ref, j.out, f, readOpts, notices);
          progress.tick(path.basename(j.gray));
        }
      } finally {
        progress.stop();
      }
      if (missing.length)
        process.stderr.write(`warning: no reference for ${missing.length} file(s): ${missing.join(', ')}\n`);
    });
}
