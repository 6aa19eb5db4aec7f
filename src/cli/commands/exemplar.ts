/**
 * `colorize exemplar GRAY [REFERENCE] -o OUT [--method superpixel|gram|welsh|attention] [--gallery DIR
 * [--top-k K]] [flags]`: colours a gray image from a colour reference (IPOL 2024 Algorithm 4;
 * report §4 for gram; Gorriz Blanch et al. for attention), or from the nearest image of a gallery (report §4.4.3). GRAY may be a
 * folder: each image is paired
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
import { attentionColorize } from '../../methods/exemplar/attention/pipeline.js';
import { galleryDescriptor } from '../../methods/exemplar/gallery/descriptor.js';
import {
  type GalleryIndex,
  indexGallery,
  rankGallery,
} from '../../methods/exemplar/gallery/gallery-index.js';
import {
  GRAM_DEFAULTS,
  GRAM_INITS,
  GRAM_NORMALIZATIONS,
  GRAM_OPTIMIZERS,
  parseLayerWeights,
} from '../../methods/exemplar/gram/options.js';
import { gramColorize } from '../../methods/exemplar/gram/pipeline.js';
import { FEATURE_CHOICES, type FeatureChoice } from '../../methods/exemplar/superpixel/options.js';
import { superpixelColorize } from '../../methods/exemplar/superpixel/pipeline.js';
import '../../methods/transfer/builtin.js';
import { getTransferMethod, parseNumberFlag } from '../../methods/transfer/registry.js';
import { runJobs } from '../batch.js';
import { checkOutputPath, ensureFolder, writeResult } from '../output.js';
import { indexByKey, isDirectory, listImages, pairKey } from '../pairing.js';
import { startProgress } from '../progress.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

const METHODS = ['superpixel', 'gram', 'welsh', 'attention'] as const;
type Method = (typeof METHODS)[number];

/** Flags that belong to one method (camelCase keys); giving them with another is a usage error. */
const METHOD_FLAGS: Record<Method, Array<keyof ExemplarFlags>> = {
  superpixel: ['tau', 'deltaS', 'deltaC', 'superpixels', 'features', 'debugDir', 'workingSize'],
  gram: [
    'iterations',
    'contentLayers',
    'styleLayers',
    'optimizer',
    'learningRate',
    'space',
    'workingSize',
    'init',
    'normalization',
  ],
  welsh: [],
  attention: ['model', 'workingSize'],
};
const ALL_METHOD_FLAGS = [...new Set(Object.values(METHOD_FLAGS).flat())];

interface ExemplarFlags {
  output: string;
  method: string;
  gallery?: string;
  topK?: string;
  index?: string;
  iterations?: string;
  contentLayers?: string;
  styleLayers?: string;
  optimizer?: string;
  learningRate?: string;
  init?: string;
  normalization?: string;
  space?: string;
  tau?: string;
  deltaS?: string;
  deltaC?: string;
  superpixels?: string;
  workingSize?: string;
  features?: string;
  debugDir?: string;
  model?: string;
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
  jobsTotal = 1,
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
  const method = f.method as Method;
  if (method === 'welsh') {
    const rgb = await getTransferMethod('welsh').run(target, r.image, {});
    await writeResult(outFile, rgb, g);
    return;
  }
  if (method === 'attention') {
    const res = await attentionColorize(target, r.image, {
      model: f.model,
      size: numberFlag('working-size', f.workingSize),
    });
    await writeResult(outFile, res.rgb, g);
    return;
  }
  if (method === 'gram') {
    const t0 = performance.now();
    const iterations = numberFlag('iterations', f.iterations);
    // Level k of the coarse-to-fine start runs up to 2^k × the iterations (options.ts `levels`).
    const maxIterations = (iterations ?? GRAM_DEFAULTS.iterations) * (2 ** GRAM_DEFAULTS.levels - 1);
    const bar = startProgress(jobsTotal === 1 ? maxIterations : 0, 'gram');
    const res = await gramColorize(target, r.image, {
      iterations,
      contentLayers:
        f.contentLayers === undefined ? undefined : parseLayerWeights(f.contentLayers, 1, 'content-layers'),
      styleLayers:
        f.styleLayers === undefined ? undefined : parseLayerWeights(f.styleLayers, 500, 'style-layers'),
      optimizer:
        f.optimizer === undefined ? undefined : checkChoice('optimizer', f.optimizer, GRAM_OPTIMIZERS),
      learningRate: numberFlag('learning-rate', f.learningRate),
      space: f.space === undefined ? undefined : checkChoice('space', f.space, ['lab', 'yuv'] as const),
      workingSize: numberFlag('working-size', f.workingSize),
      init: f.init === undefined ? undefined : checkChoice('init', f.init, GRAM_INITS),
      normalization:
        f.normalization === undefined
          ? undefined
          : checkChoice('normalization', f.normalization, GRAM_NORMALIZATIONS),
      onProgress: (p) => bar.tick(`loss ${p.loss.toPrecision(4)}`),
    }).finally(() => bar.stop());
    await writeResult(outFile, res.rgb, g);
    process.stderr.write(
      `${outFile}: gram (${f.optimizer ?? 'adam'}), ${res.iterations} iterations (${res.stopped}), loss ${res.losses[0].toPrecision(4)} → ${Math.min(...res.losses).toPrecision(4)}, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    return;
  }
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

/** Indexes the gallery (progress bar while describing new images) and returns a picker for a gray file. */
async function openGallery(
  dir: string,
  f: ExemplarFlags,
): Promise<(grayFile: string, image: ImageF32) => Promise<string>> {
  if (!(await isDirectory(dir)))
    throw new ColorizeError(`${dir}: --gallery must be a folder of colour images`, 'io', dir);
  const topK = numberFlag('top-k', f.topK) ?? 1;
  if (!Number.isInteger(topK) || topK < 1)
    throw new ColorizeError(
      `option --top-k = ${JSON.stringify(f.topK)} is invalid: expected an integer ≥ 1`,
      'usage',
    );
  if (f.index !== undefined && (await fs.stat(f.index).catch(() => undefined))?.isDirectory())
    throw new ColorizeError(
      `${f.index}: --index names the gallery index file, and this is a folder; give a file name`,
      'usage',
      f.index,
    );
  let bar: ReturnType<typeof startProgress> | null = null;
  let index: GalleryIndex;
  try {
    ({ index } = await indexGallery(dir, await listImages(dir), {
      indexFile: f.index,
      onProgress: (_done, total, file) => {
        bar ??= startProgress(total, 'indexing gallery');
        bar.tick(path.basename(file));
      },
    }));
  } finally {
    (bar as ReturnType<typeof startProgress> | null)?.stop();
  }
  return async (grayFile, image) => {
    const ranked = rankGallery(index, await galleryDescriptor(image), topK);
    if (topK > 1) {
      process.stdout.write(`${grayFile}: nearest gallery images (report §4.4.3, VGG-19 conv3_4 distance)\n`);
      ranked.forEach((r, i) => {
        process.stdout.write(`  ${i + 1}. ${r.distance.toFixed(1).padStart(10)}  ${r.file}\n`);
      });
    }
    return ranked[0].file;
  };
}

export function registerExemplar(program: Command): void {
  program
    .command('exemplar')
    .summary('colour a gray image from a colour reference photo (or the nearest of a gallery)')
    .description(
      'Exemplar colorization. --method superpixel (default): superpixel non-local matching of deep features (Carrillo, Clément & Bugeau 2022; ' +
        'IPOL 2024 Algorithm 4). --method gram: VGG-19 Gram-matrix optimisation (Gatys et al. 2016; report §4.2–4.4), ' +
        'the chroma of the optimised image recombined with the gray luminance. --method welsh: Welsh et al. 2002 with its defaults. ' +
        '--method attention: the attention-based exemplar network of Gorriz Blanch et al. (axial attention, pyramid decoder; trained here at 128², see docs/attention.md). ' +
        'Instead of REFERENCE, --gallery DIR picks the gallery image nearest to the target in VGG-19 features (report §4.4.3; ' +
        'the folder is indexed once into a cached file). ' +
        'GRAY may be a folder; REFERENCE is then a folder of references paired by name (NNN_target ↔ NNN_reference) ' +
        'or one image, and -o names the output folder.',
    )
    .argument('<gray>', 'gray image (or folder of images) to colour')
    .argument('[reference]', 'colour reference image (or folder of references); omit with --gallery')
    .requiredOption('-o, --output <path>', 'output image, or output folder for a GRAY folder')
    .option('--method <name>', `method: ${METHODS.join(', ')}`, 'superpixel')
    .option('--gallery <dir>', 'pick the reference from this folder of colour images (report §4.4.3)')
    .option(
      '--top-k <k>',
      'with --gallery: list the k nearest gallery images (the nearest is used; default 1)',
    )
    .option(
      '--index <file>',
      'with --gallery: index file (default: models/cache/gallery-<folder>-<hash>.idx)',
    )
    .option('--tau <t>', 'superpixel: softmax temperature τ (default 0.015, IPOL eq. 7)')
    .option(
      '--delta-s <v>',
      'superpixel: spatial weight δs of the colour fusion; larger δs = position counts less (default 10, eq. 5–6 use Σ⁻¹)',
    )
    .option(
      '--delta-c <v>',
      'superpixel: colour weight δc of the colour fusion; larger δc = gray level counts less (default 0.1, eq. 5–6 use Σ⁻¹)',
    )
    .option('--superpixels <n>', 'superpixel: SLIC superpixels per image (default 3⌊√(HW)⌋ at working size)')
    .option(
      '--working-size <px>',
      'superpixel, gram: long side of the working images (default 256); attention: side of the square the network sees, a multiple of 32 in [64, 512] (default 128, the training size; paper 224)',
    )
    .option(
      '--features <name>',
      'superpixel: vgg19|handcrafted (default: vgg19 when its weights are found, else handcrafted with a note)',
    )
    .option('--debug-dir <dir>', 'superpixel: write superpixel maps, the matches and the fused colours here')
    .option(
      '--iterations <n>',
      `gram: maximum optimiser iterations (default ${GRAM_DEFAULTS.iterations}; stops earlier on a plateau)`,
    )
    .option(
      '--content-layers <list>',
      "gram: content layers[:weight], conv1_1 … conv3_4 or the report's conv_1 … conv_8 (default conv3_1:1)",
    )
    .option(
      '--style-layers <list>',
      'gram: style layers[:weight] (default conv1_1,conv1_2,conv2_1,conv2_2,conv3_1 at 500)',
    )
    .option(
      '--optimizer <name>',
      `gram: ${GRAM_OPTIMIZERS.join('|')} (default adam; lbfgs-fixed: the report's L-BFGS, unit step, no line search)`,
    )
    .option('--learning-rate <r>', 'gram: Adam step on [0,1] pixel values (default 0.02)')
    .option('--space <name>', 'gram: lab|yuv, the chroma taken from the optimised image (default lab)')
    .option(
      '--init <name>',
      'gram: average|content, the starting image: mean of target and reference (report fig. 32, default) or the target',
    )
    .option(
      '--normalization <name>',
      `gram: ${GRAM_NORMALIZATIONS.join('|')}, how the loss terms are scaled (default ${GRAM_DEFAULTS.normalization}; see docs/gram.md)`,
    )
    .option(
      '--model <file>',
      'attention: ONNX network to use instead of the trained models/attention/net.onnx',
    )
    .action(async (grayArg: string, refArg: string | undefined, f: ExemplarFlags, cmd: Command) => {
      checkChoice('method', f.method, METHODS);
      const method = f.method as Method;
      for (const k of ALL_METHOD_FLAGS)
        if (f[k] !== undefined && !METHOD_FLAGS[method].includes(k)) {
          const flag = `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
          const owners = METHODS.filter((m) => METHOD_FLAGS[m].includes(k));
          throw new ColorizeError(
            `option ${flag} belongs to --method ${owners.join('/')}, not ${method}`,
            'usage',
          );
        }
      if (f.gallery !== undefined && refArg !== undefined)
        throw new ColorizeError('give either REFERENCE or --gallery DIR, not both', 'usage');
      if (f.gallery === undefined && refArg === undefined)
        throw new ColorizeError('missing REFERENCE (or --gallery DIR to pick one from a folder)', 'usage');
      if (f.gallery === undefined && (f.topK !== undefined || f.index !== undefined))
        throw new ColorizeError('--top-k and --index need --gallery DIR', 'usage');
      const readOpts = readOptions(cmd.optsWithGlobals<GlobalOptions>());
      if (f.debugDir) await ensureFolder(f.debugDir, '--debug-dir');
      const notices = new Set<string>();
      const grayIsDir = await isDirectory(grayArg);
      if (!grayIsDir) await checkOutputPath(f.output, { 'gray image': grayArg, reference: refArg });
      const pick = f.gallery !== undefined ? await openGallery(f.gallery, f) : null;
      const referenceFor = async (gray: string, fallback: string): Promise<string> =>
        pick ? pick(gray, (await readImage(gray, readOpts)).image) : fallback;
      if (!grayIsDir) {
        if (refArg !== undefined && (await isDirectory(refArg)))
          throw new ColorizeError(
            `${refArg}: REFERENCE must be an image file when GRAY is a file`,
            'usage',
            refArg,
          );
        const ref = await referenceFor(grayArg, refArg as string);
        await colourOne(grayArg, ref, f.output, f, readOpts, notices);
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
      const refs =
        refArg !== undefined && (await isDirectory(refArg))
          ? indexByKey(await listImages(refArg), /_reference\./i)
          : null;
      const jobs: Array<{ gray: string; ref: string; out: string }> = [];
      const missing: string[] = [];
      for (const g of grays) {
        const ref = pick ? '' : refs ? refs.get(pairKey(g)) : refArg;
        if (ref === undefined || (!pick && (!ref || ref === g))) {
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
      const items = jobs.map((j) => ({ input: j.gray, output: j.out, ref: j.ref }));
      const overwrite = cmd.optsWithGlobals<GlobalOptions>().overwrite;
      try {
        await runJobs(items, f.output, { title: 'exemplar', noun: 'target', overwrite }, async (j) =>
          colourOne(j.input, await referenceFor(j.input, j.ref), j.output, f, readOpts, notices, jobs.length),
        );
      } finally {
        if (missing.length)
          process.stderr.write(
            `warning: no reference for ${missing.length} file(s): ${missing.join(', ')}\n`,
          );
      }
    });
}
