/**
 * The shape of a method declaration: what every front end (CLI, HTTP service, studio) reads to
 * offer a method. A method is declared once, in its own folder (`method.ts`), and registered with
 * one line in methods/builtin.ts (browser-capable ones in methods/browser-builtin.ts).
 *
 * No Node-only imports: the studio's Web Worker imports the catalogue.
 */
import type { ImageF32 } from '../../image/image.js';

export type MethodFamily = 'scribbles' | 'transfer' | 'exemplar' | 'automatic' | 'fuse';

/** The families in the order front ends list them. */
export const METHOD_FAMILIES: readonly MethodFamily[] = [
  'scribbles',
  'transfer',
  'exemplar',
  'automatic',
  'fuse',
];

/** Input names a method may take (multipart field names over HTTP). */
export type InputName =
  | 'gray'
  | 'target'
  | 'reference'
  | 'gallery'
  | 'marked'
  | 'strokes'
  | 'mask'
  | 'colors';

export interface InputSpec {
  name: InputName;
  /**
   * 'image': an encoded image file; 'json': JSON text (file or plain field); 'gallery': a pick from
   * a gallery of colour images (on the command line a folder, over HTTP the service's gallery),
   * standing in for the `reference` input.
   */
  kind: 'image' | 'json' | 'gallery';
  required: boolean;
  description: string;
}

/** Value type of an option; a 'number-list' is typed as "0,0.2,0.4" on the command line and in forms. */
export type OptionType = 'number' | 'string' | 'boolean' | 'number-list';

/** A typed option value. */
export type OptionValue = number | string | boolean | number[];

/**
 * One option of a method: its command-line flag and its typed metadata. A flag several methods of
 * one family read (e.g. `--space`) appears in each method's list with that method's own default and
 * choices; the flag text, key and type must then be the same in all of them.
 */
export interface MethodOption {
  /** commander flag text, e.g. '--levels <k>', '--exact' or '--no-rgb-first'. */
  flags: string;
  /** Key of the option passed to `run`, of the HTTP field and of the studio control. */
  key: string;
  type: OptionType;
  /** Only whole numbers (a 'number' or each value of a 'number-list'). */
  integer?: boolean;
  /** What the option does, without its choices or default (front ends add those). May be empty. */
  description: string;
  /** Where the option comes from in the paper or report, e.g. 'report §2.1.2' or 'IPOL eq. 7'. */
  source?: string;
  /** Unit of a number, e.g. 'px'. */
  unit?: string;
  /** The value used when the option is not given (a boolean flag: the value without the flag). */
  default?: OptionValue;
  /** The default as help shows it, when the value alone does not say it all, or the rule ('|λ|−1, or 10'). */
  defaultText?: string;
  /** Allowed values of a 'string' option. */
  choices?: readonly string[];
  /** Smallest allowed value (of each value, for a 'number-list'). */
  min?: number;
  /** Largest allowed value (of each value, for a 'number-list'). */
  max?: number;
  /** Offered on the command line only (e.g. a local model file), never over HTTP or in the studio. */
  cliOnly?: boolean;
}

/** A decoded input image: planar sRGB or gray channels, and whether the pixels carry colour. */
export interface InputImage {
  image: ImageF32;
  isGray: boolean;
}

/** What `run` receives: decoded images and raw JSON texts by input name. */
export interface MethodInputs {
  images: Partial<Record<InputName, InputImage>>;
  texts: Partial<Record<InputName, string>>;
}

/** Where a running method sends what is not its result. Every member is optional. */
export interface MethodContext {
  /** Progress of the method's own work, as a fraction in [0, 1], and a short stage name. */
  progress?(fraction: number, stage?: string): void;
  /** A note for the user (e.g. a fallback that was taken); the CLI prints it, the service returns it. */
  notice?(text: string): void;
  /**
   * Receives intermediate pictures (by name, e.g. 'matches') when the front end wants them (the
   * CLI's --debug-dir); when absent the method makes none.
   */
  debugImage?(name: string, image: ImageF32): void | Promise<void>;
  /** Aborted when the user cancels; long methods check it between stages. */
  signal?: AbortSignal;
}

/** What `run` returns: the finished full-resolution sRGB image and a one-line account of the run. */
export interface MethodResult {
  rgb: ImageF32;
  /** e.g. "levin (levin system, yuv), 812 stroke pixels, 14 BiCGStab iterations, solve 1.20 s". */
  summary?: string;
}

/** What a front end may suggest for a gray target given to a colour-only method. */
export interface GrayAlternative {
  /** A method that colours gray targets, e.g. 'welsh'. */
  method?: string;
  /** Exemplar colorization (a gray target coloured from a colour reference) is the way. */
  exemplar?: boolean;
  /** An option of this method that makes it take a gray target, the value to give, and what that gives. */
  option?: { key: string; value: string; gives: string };
}

export interface MethodDeclaration {
  /** Name used by --method, in URLs (POST /v1/colorize/{name}) and in the studio. */
  name: string;
  family: MethodFamily;
  /** Other family commands that offer the method too (welsh: also an exemplar method). */
  alsoIn?: readonly MethodFamily[];
  /** The method the family's command uses without --method. */
  familyDefault?: boolean;
  /** One line for lists and --help. */
  summary: string;
  /** The paper (and section) the method implements. */
  paper: string;
  inputs: InputSpec[];
  /** At least one input of each group must be present (e.g. marked, strokes or mask). */
  oneOf?: InputName[][];
  /** Inputs that must come together (mask and colors). */
  together?: InputName[][];
  /** Of a method with a `target`: 'colour' refuses a gray target (see `grayAlternative`). */
  targets?: 'any' | 'colour';
  grayAlternative?: GrayAlternative;
  options: MethodOption[];
  /** True when the method uses no Node-only code, so the studio may run it in a Web Worker. */
  browser: boolean;
  /** Registered models (models/registry.ts) the method needs; front ends check them before any work. */
  models?: readonly string[];
  /** The method can hand intermediate pictures to `context.debugImage`. */
  debugPictures?: boolean;
  /**
   * Called by a front end before it reads the inputs (without `size`), and again with the size of
   * the first image input and the options once that image is decoded, for work that can overlap
   * the decoding: the scribble solvers start their helper thread (src/solve/wasm/helper-thread.ts)
   * and then make the solve's memory, which the helper faults in while the other inputs are read.
   * Must not throw: option errors are reported by `run`.
   */
  prepare?: (size?: { width: number; height: number }, options?: Readonly<Record<string, unknown>>) => void;
  /**
   * Called by a front end when a run ends, whether it succeeded or failed: hands back what
   * `prepare` made and the run did not take (the scribble solvers' reserved memory, about
   * 150 MB per megapixel, which a long-lived service would otherwise hold until its next job).
   * Must not throw.
   */
  release?: () => void;
  /**
   * Colours the inputs. `options` holds only the options the user gave, already validated
   * against the declaration ({@link validateOptions}); the defaults describe what happens without
   * them. The result is the size of the first image input.
   */
  run(
    inputs: MethodInputs,
    options: Record<string, unknown>,
    context: MethodContext,
  ): MethodResult | Promise<MethodResult>;
}

/** The JSON description of a method (GET /v1/methods, `colorize methods --json`, the studio). */
export type MethodDescription = Omit<MethodDeclaration, 'run' | 'prepare' | 'release' | 'options'> & {
  options: OptionSpec[];
};

/** An option as front ends outside the command line see it (JSON; no flag text). */
export interface OptionSpec {
  key: string;
  type: OptionType | 'integer';
  description: string;
  default?: OptionValue;
  defaultText?: string;
  enum?: string[];
  integer?: boolean;
  minimum?: number;
  maximum?: number;
  unit?: string;
  source?: string;
}
