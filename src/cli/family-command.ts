/**
 * One command per method family (`colorize scribble|transfer|exemplar|auto`), generated from the
 * catalogue: its --method choices, every method's flags and help, the inputs as arguments or
 * flags, a gallery for methods with a reference, and single-file or folder jobs. Nothing here
 * names a method or a method's flag.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { type DecodedImage, readImage, writeImage } from '../image/io.js';
import { colourisationRecord } from '../image/metadata.js';
import { familyDefault, getMethod, listMethods } from '../methods/catalogue/catalogue.js';
import { grayTargetHint, inputProblem, refusesGrayTarget } from '../methods/catalogue/inputs.js';
import { flagName } from '../methods/catalogue/options.js';
import type {
  InputName,
  InputSpec,
  MethodContext,
  MethodDeclaration,
  MethodFamily,
  MethodInputs,
} from '../methods/catalogue/types.js';
import { type Gallery, openGallery } from '../methods/exemplar/gallery/gallery.js';
import { requireModel } from '../models/registry.js';
import { checkOutputFolder, runJobs, singleOutput } from './batch.js';
import { declareMethodFlags, methodOptions, withFlagName, withInputFile } from './method-flags.js';
import { ensureFolder, outputPathFor, writeResult } from './output.js';
import { isDirectory, listImagesDeep, pairKey } from './pairing.js';
import { startFractionProgress, startProgress } from './progress.js';
import { type GlobalOptions, readOptions } from './shared-options.js';

/** How a family's command looks: its name, words, and which inputs are arguments. */
export interface FamilyCli {
  family: MethodFamily;
  command: string;
  summary: string;
  /** What the family does, before the generated list of methods. */
  description: string;
  /** Inputs taken as arguments, in order; the first may be a folder (a folder job). */
  args: Array<{ input: InputName; label: string; help: string; optional?: boolean }>;
  /** What one input of a folder job is called in messages ("3 of 9 targets failed"). */
  noun: string;
  /** Help text after the flags (examples). */
  epilog?: string;
}

interface FamilyFlags {
  output: string;
  method: string;
  quiet?: boolean;
  debugDir?: string;
  gallery?: string;
  topK?: string;
  index?: string;
  recursive?: boolean;
  suffix?: string;
  [input: string]: unknown;
}

/** The inputs of a family's methods, each once. */
function familyInputs(methods: readonly MethodDeclaration[]): InputSpec[] {
  const out = new Map<InputName, InputSpec>();
  for (const m of methods) for (const i of m.inputs) if (!out.has(i.name)) out.set(i.name, i);
  return [...out.values()];
}

const flagOf = (input: InputName) => `--${input}`;

/** What messages call each input's file ("the output would overwrite the marked image"). */
const INPUT_NOUNS: Record<InputName, string> = {
  gray: 'gray image',
  target: 'target',
  reference: 'reference',
  gallery: 'gallery',
  marked: 'marked image',
  strokes: 'strokes file',
  mask: 'mask',
  colors: 'colour image',
};

/** `head` then `text` wrapped at 80 columns, continuation lines indented under the text. */
function hanging(head: string, text: string, width = 80): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && head.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? head : ' '.repeat(head.length)) + l).join('\n');
}

/** Registers a family's command on the program. */
export function registerFamilyCommand(program: Command, spec: FamilyCli): void {
  const methods = listMethods(spec.family);
  const argInputs = new Set(spec.args.map((a) => a.input));
  const inputs = familyInputs(methods);
  const flagInputs = inputs.filter((i) => !argInputs.has(i.name) && i.kind !== 'gallery');
  const hasGallery = inputs.some((i) => i.kind === 'gallery');
  const debugMethods = methods.filter((m) => m.debugPictures).map((m) => m.name);
  const dflt = familyDefault(spec.family)?.name;
  const cmd = program
    .command(spec.command)
    .summary(spec.summary)
    .description(
      `${spec.description}\n\nMethods (--method):\n` +
        methods
          .map((m) =>
            hanging(`  ${m.name.padEnd(14)} `, `${m.summary}${m.name === dflt ? ' [default]' : ''}`),
          )
          .join('\n') +
        '\n\nMethod flags are listed below, prefixed with the method they apply to when not all read them.',
    );
  for (const a of spec.args) cmd.argument(a.optional ? `[${a.label}]` : `<${a.label}>`, a.help);
  cmd
    .requiredOption('-o, --output <path>', 'output image, or output folder for a folder job')
    .option('-m, --method <name>', methods.map((m) => m.name).join(', '), dflt)
    .option('-q, --quiet', 'no notes, summary or progress on standard error')
    .option('-r, --recursive', 'folder jobs: also the images in subfolders, mirrored under the output folder')
    .option(
      '--suffix <text>',
      'folder jobs: append this to each output name (e.g. _colorized); default none',
    );
  for (const i of flagInputs) cmd.option(`${flagOf(i.name)} <file>`, i.description);
  if (hasGallery) {
    cmd.option('--gallery <dir>', 'pick the reference from this folder of colour images (report §4.4.3)');
    cmd.option(
      '--top-k <k>',
      'with --gallery: list the k nearest gallery images (the nearest is used; default 1)',
    );
    cmd.option(
      '--index <file>',
      'with --gallery: index file (default: models/cache/gallery-<folder>-<hash>.idx)',
    );
  }
  if (debugMethods.length)
    cmd.option(
      '--debug-dir <dir>',
      `${debugMethods.join(', ')}: write intermediate pictures here as <input name>-<picture>.png`,
    );
  declareMethodFlags(cmd, methods);
  if (spec.epilog) cmd.addHelpText('after', `\n${spec.epilog}`);
  cmd.action(async (...args: unknown[]) => {
    const c = args[args.length - 1] as Command;
    const values = args.slice(0, spec.args.length) as Array<string | undefined>;
    await runFamilyCommand(spec, c, values, c.opts<FamilyFlags>(), methods);
  });
}

/** The way a front end names an input on this command: an argument's label or a flag. */
function inputWord(spec: FamilyCli, name: InputName): string {
  const a = spec.args.find((x) => x.input === name);
  return a ? a.label.toUpperCase() : flagOf(name);
}

async function runFamilyCommand(
  spec: FamilyCli,
  cmd: Command,
  values: Array<string | undefined>,
  f: FamilyFlags,
  methods: MethodDeclaration[],
): Promise<void> {
  const method = getMethod(f.method, spec.family);
  const options = methodOptions(cmd, method, methods);
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const readOpts = readOptions(global);
  if (f.debugDir !== undefined && !method.debugPictures) {
    const owners = methods.filter((m) => m.debugPictures).map((m) => m.name);
    throw new ColorizeError(
      `option --debug-dir belongs to --method ${owners.join('/')}, not ${method.name}`,
      'usage',
    );
  }
  const files: Partial<Record<InputName, string>> = {};
  spec.args.forEach((a, i) => {
    if (values[i] !== undefined) files[a.input] = values[i];
  });
  for (const i of familyInputs(methods)) {
    if (i.kind === 'gallery' || spec.args.some((a) => a.input === i.name)) continue;
    const v = f[i.name];
    if (typeof v === 'string') files[i.name] = v;
  }
  for (const name of Object.keys(files) as InputName[])
    if (!method.inputs.some((i) => i.name === name))
      throw new ColorizeError(`${inputWord(spec, name)} is not an input of --method ${method.name}`, 'usage');
  if (f.gallery !== undefined) {
    if (!method.inputs.some((i) => i.kind === 'gallery'))
      throw new ColorizeError(`--gallery is not an input of --method ${method.name}`, 'usage');
    if (files.reference !== undefined)
      throw new ColorizeError(
        `give either ${inputWord(spec, 'reference')} or --gallery DIR, not both`,
        'usage',
      );
    files.gallery = f.gallery;
  } else if (f.topK !== undefined || f.index !== undefined)
    throw new ColorizeError('--top-k and --index need --gallery DIR', 'usage');
  const problem = inputProblem(
    method,
    (n) => files[n] !== undefined,
    (n) => (n === 'gallery' ? '--gallery DIR' : inputWord(spec, n)),
  );
  if (problem) throw new ColorizeError(problem, 'usage');
  for (const m of method.models ?? []) requireModel(m);
  if (f.debugDir !== undefined) await ensureFolder(f.debugDir, '--debug-dir');
  const gallery =
    files.gallery === undefined ? undefined : await openGalleryWithProgress(files.gallery, f, !!f.quiet);
  const topK = gallery ? topKOf(f.topK) : 1;
  const seen = new Set<string>();
  const job = new InputJob(spec, method, options, readOpts, f, gallery, topK, seen);
  job.stripMetadata = global.stripMetadata === true;

  const first = spec.args[0].input;
  const firstPath = files[first]!;
  const out = f.output;
  if (!(await isDirectory(firstPath))) {
    const others: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(files) as Array<[InputName, string]>)
      if (k !== first && k !== 'gallery') others[INPUT_NOUNS[k]] = v;
    for (const [k, v] of Object.entries(others))
      if (v !== undefined && spec.args.some((a) => INPUT_NOUNS[a.input] === k) && (await isDirectory(v)))
        throw new ColorizeError(
          `${v}: ${k.toUpperCase()} must be an image file when ${inputWord(spec, first)} is a file`,
          'usage',
          v,
        );
    const outFile = await singleOutput(firstPath, out, INPUT_NOUNS[first], others);
    const bar = f.quiet ? null : startFractionProgress(`${spec.command} (${method.name})`);
    try {
      await job.run(files, outFile, (fraction, stage) => bar?.update(fraction, stage ?? ''));
    } finally {
      bar?.stop();
    }
    return;
  }
  job.inFolder = true;
  // A folder job: the first input's folder (and subfolders with --recursive), the other inputs
  // paired by name (and subfolder) or shared; outputs keep the input's name and subfolder.
  const label = spec.args[0].label.toUpperCase();
  await checkOutputFolder(out, label);
  const recursive = f.recursive === true;
  const suffix = f.suffix ?? '';
  if (/[/\\]/.test(suffix))
    throw new ColorizeError(
      `option --suffix = ${JSON.stringify(suffix)} is invalid: expected no path separators`,
      'usage',
    );
  const list = (await listImagesDeep(firstPath, recursive)).filter(
    (p) => !/_(reference|ref|truth|marked)\./i.test(path.basename(p)),
  );
  if (list.length === 0)
    throw new ColorizeError(`${firstPath}: no image files in this folder`, 'input', firstPath);
  const keyOf = (root: string, file: string) =>
    path.join(path.relative(root, path.dirname(file)), pairKey(file));
  const paired = new Map<InputName, Map<string, string>>();
  for (const [k, v] of Object.entries(files) as Array<[InputName, string]>)
    if (k !== first && k !== 'gallery' && (await isDirectory(v))) {
      const byKey = new Map<string, string>();
      const prefer = new RegExp(`_${k}\\.`, 'i');
      for (const file of await listImagesDeep(v, recursive)) {
        const key = keyOf(v, file);
        if (!byKey.has(key) || prefer.test(path.basename(file))) byKey.set(key, file);
      }
      paired.set(k, byKey);
    }
  const items: Array<{ input: string; output: string; files: Partial<Record<InputName, string>> }> = [];
  const missing: string[] = [];
  for (const file of list) {
    const own: Partial<Record<InputName, string>> = { ...files, [first]: file };
    let ok = true;
    for (const [k, byKey] of paired) {
      const match = byKey.get(keyOf(firstPath, file));
      if (match === undefined || match === file) ok = false;
      else own[k] = match;
    }
    const rel = path.relative(firstPath, file);
    if (!ok) {
      missing.push(rel);
      continue;
    }
    const named = outputPathFor(file, path.join(out, path.dirname(rel)));
    const ext = path.extname(named);
    items.push({ input: file, output: named.slice(0, -ext.length) + suffix + ext, files: own });
  }
  if (items.length === 0)
    throw new ColorizeError(
      `no image in ${firstPath} has a ${[...paired.keys()].map((k) => inputWord(spec, k)).join('/')} of the same name`,
      'input',
    );
  try {
    await runJobs(
      items,
      out,
      {
        title: `${spec.command} (${method.name})`,
        noun: spec.noun,
        quiet: f.quiet,
        overwrite: global.overwrite,
      },
      (item) => job.run(item.files, item.output),
    );
  } finally {
    if (missing.length)
      process.stderr.write(`warning: no pair for ${missing.length} file(s): ${missing.join(', ')}\n`);
  }
}

function topKOf(raw: string | undefined): number {
  const k = raw === undefined ? 1 : Number(raw);
  if (!Number.isInteger(k) || k < 1)
    throw new ColorizeError(
      `option --top-k = ${JSON.stringify(raw)} is invalid: expected an integer ≥ 1`,
      'usage',
    );
  return k;
}

async function openGalleryWithProgress(dir: string, f: FamilyFlags, quiet: boolean): Promise<Gallery> {
  if (!(await isDirectory(dir)))
    throw new ColorizeError(`${dir}: --gallery must be a folder of colour images`, 'io', dir);
  if (f.index !== undefined && (await fs.stat(f.index).catch(() => undefined))?.isDirectory())
    throw new ColorizeError(
      `${f.index}: --index names the gallery index file, and this is a folder; give a file name`,
      'usage',
      f.index,
    );
  let bar: ReturnType<typeof startProgress> | null = null;
  try {
    return await openGallery(dir, {
      indexFile: f.index,
      onProgress: (_done, total, file) => {
        if (quiet) return;
        bar ??= startProgress(total, 'indexing gallery');
        bar.tick(path.basename(file));
      },
    });
  } finally {
    (bar as ReturnType<typeof startProgress> | null)?.stop();
  }
}

/** The command line's words for what to do with a gray target of a colour-only method. */
export function cliGrayHint(method: MethodDeclaration): string | undefined {
  return grayTargetHint(method, {
    method: (m) => `--method ${m}`,
    exemplar: () => '`colorize exemplar GRAY REFERENCE -o OUT`',
    option: (k, v) => {
      const o = method.options.find((x) => x.key === k);
      return `${o ? flagName(o) : `--${k}`} ${v}`;
    },
  });
}

/** Runs the chosen method on one set of input files. */
class InputJob {
  constructor(
    private spec: FamilyCli,
    private method: MethodDeclaration,
    private options: Record<string, unknown>,
    private readOpts: ReturnType<typeof readOptions>,
    private f: FamilyFlags,
    private gallery: Gallery | undefined,
    private topK: number,
    private seen: Set<string>,
  ) {}

  /** Set for folder jobs: no per-file summary line. */
  inFolder = false;

  /** The global --strip-metadata. */
  stripMetadata = false;

  private note(text: string): void {
    if (this.f.quiet || this.seen.has(text)) return;
    this.seen.add(text);
    process.stderr.write(`note: ${text}\n`);
  }

  async run(
    files: Partial<Record<InputName, string>>,
    outFile: string,
    progress?: (fraction: number, stage?: string) => void,
  ): Promise<void> {
    // Work that overlaps the decoding, and what the run did not take handed back however it
    // ends (a folder job goes on to the next file).
    this.method.prepare?.();
    try {
      await this.runPrepared(files, outFile, progress);
    } finally {
      this.method.release?.();
    }
  }

  private async runPrepared(
    files: Partial<Record<InputName, string>>,
    outFile: string,
    progress?: (fraction: number, stage?: string) => void,
  ): Promise<void> {
    const t0 = performance.now();
    const { method, spec } = this;
    const inputs: MethodInputs = { images: {}, texts: {} };
    const decoded: Partial<Record<InputName, DecodedImage>> = {};
    // One input after the other, the photo first (its header reserves the solve's memory while
    // the rest is read). Concurrent reads also lost libvips' error detail once in four CI runs;
    // a failed decode is now retried alone wherever it runs (src/image/vips-lock.ts).
    for (const i of method.inputs) {
      const file = files[i.name];
      if (file === undefined || i.kind === 'gallery') continue;
      if (i.kind === 'json') {
        try {
          inputs.texts[i.name] = await fs.readFile(file, 'utf8');
        } catch {
          throw new ColorizeError(`${file}: file not found or not readable`, 'io', file);
        }
        continue;
      }
      // Once the photo's header is read, the method can prepare its memory while the pixels and
      // the other inputs are decoded.
      const onSize =
        i.name === spec.args[0].input
          ? (width: number, height: number) => method.prepare?.({ width, height }, this.options)
          : undefined;
      const value = await readImage(file, { ...this.readOpts, onSize });
      decoded[i.name] = value;
      inputs.images[i.name] = { image: value.image, isGray: value.isGray };
    }
    const first = spec.args[0].input;
    const primary = decoded[first]!;
    if (this.gallery) {
      const ranked = await this.gallery.nearest(primary.image, this.topK);
      if (this.topK > 1) {
        process.stdout.write(
          `${files[first]}: nearest gallery images (report §4.4.3, VGG-19 conv3_4 distance)\n`,
        );
        ranked.forEach((r, i) => {
          process.stdout.write(`  ${i + 1}. ${r.distance.toFixed(1).padStart(10)}  ${r.file}\n`);
        });
      }
      files = { ...files, reference: ranked[0].file };
      const d = await readImage(ranked[0].file, this.readOpts);
      decoded.reference = d;
      inputs.images.reference = { image: d.image, isGray: d.isGray };
    }
    if (decoded.reference?.isGray)
      throw new ColorizeError(
        `${files.reference}: the reference is gray, so it has no colours to use; give a colour reference`,
        'input',
        files.reference,
      );
    if (inputs.images.target && refusesGrayTarget(method, inputs.images.target.isGray, this.options)) {
      const hint = cliGrayHint(method);
      throw new ColorizeError(
        `${files.target}: --method ${method.name} needs a colour target and this one is gray${hint ? `; ${hint}` : ''}`,
        'input',
        files.target,
      );
    }
    const stem = path.parse(files[first]!).name;
    const debugDir = this.f.debugDir;
    const context: MethodContext = {
      notice: (text) => this.note(text),
      progress,
      debugImage:
        debugDir === undefined
          ? undefined
          : (name: string, image: ImageF32) => writeImage(path.join(debugDir, `${stem}-${name}.png`), image),
    };
    let result: Awaited<ReturnType<MethodDeclaration['run']>>;
    try {
      result = await method.run(inputs, this.options, context);
    } catch (err) {
      // A method names an input by its name ("mask: ..."); the command line names the file, and
      // an option by its flag.
      const named = withFlagName(err, method);
      throw named === err ? withInputFile(err, files) : named;
    }
    const carry = this.stripMetadata
      ? null
      : {
          record: colourisationRecord(method.name, this.options),
          notes: (t: string) => this.note(t),
        };
    await writeResult(outFile, result.rgb, primary, carry);
    // One line per single run (a folder job closes with its own summary instead).
    if (!this.f.quiet && !this.inFolder)
      process.stderr.write(
        `${outFile}: ${result.summary ?? method.name}, total ${((performance.now() - t0) / 1000).toFixed(2)} s\n`,
      );
  }
}
