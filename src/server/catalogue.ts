/**
 * The catalogue of methods the front ends (HTTP service, web studio) offer. A method is a name,
 * its family, the inputs it takes (images and stroke JSON), its options with types and defaults,
 * whether it can run in a browser, and a `run` function. Every method of the global transfer
 * registry (src/methods/transfer/registry.ts) appears here without further edits; other families
 * register with {@link registerServiceMethod} (see builtin-methods.ts). The HTTP routes, their
 * JSON schemas, the OpenAPI document and the studio's method lists are all built from this list.
 *
 * No Node-only imports: the studio imports the catalogue's types and browser-capable entries.
 */
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { type AutoMethod, grayInput, listAutoMethods } from '../methods/automatic/registry.js';
import { listTransferMethods, type TransferMethod } from '../methods/transfer/registry.js';
import { type OptionSpec, optionsFromFlags } from './option-specs.js';

export type MethodFamily = 'scribbles' | 'transfer' | 'exemplar' | 'automatic';

/** Input fields a method may take (multipart field names). */
export type InputName = 'gray' | 'target' | 'reference' | 'marked' | 'strokes';

export interface InputSpec {
  name: InputName;
  /** 'image': an encoded image file; 'json': stroke JSON text (file or plain field). */
  kind: 'image' | 'json';
  required: boolean;
  description: string;
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

/** Lets a running method report progress (fraction in [0, 1] of its own work) and its stage. */
export interface RunContext {
  progress(fraction: number, stage?: string): void;
  /** Notes for the user (e.g. a fallback that was taken). */
  notice(text: string): void;
}

export interface ServiceMethod {
  /** URL name: POST /v1/colorize/{name}. */
  name: string;
  family: MethodFamily;
  summary: string;
  inputs: InputSpec[];
  /** At least one input of each group must be present (e.g. marked or strokes). */
  oneOf?: InputName[][];
  options: OptionSpec[];
  /** True when the method uses no Node-only code, so the studio may run it in a Web Worker. */
  browser: boolean;
  /** Full-resolution sRGB result of the size of the first image input. */
  run(inputs: MethodInputs, options: Record<string, unknown>, ctx: RunContext): ImageF32 | Promise<ImageF32>;
}

const registered = new Map<string, ServiceMethod>();

/**
 * Adds (or replaces) a method of the front ends. A method registered here under the name of a
 * transfer-registry method takes its place.
 *
 * @example
 * ```ts
 * import { registerServiceMethod, getServiceMethod } from 'colorize-toolkit';
 * registerServiceMethod({
 *   name: 'identity', family: 'transfer', summary: 'returns the target', browser: true, options: [],
 *   inputs: [{ name: 'target', kind: 'image', required: true, description: 'any image' }],
 *   run: (inputs) => inputs.images.target!.image,
 * });
 * console.log(getServiceMethod('identity').summary); // returns the target
 * ```
 */
export function registerServiceMethod(method: ServiceMethod): void {
  registered.set(method.name, method);
}

const TRANSFER_INPUTS: InputSpec[] = [
  { name: 'target', kind: 'image', required: true, description: 'image to recolour (colour or gray)' },
  { name: 'reference', kind: 'image', required: true, description: 'colour image whose colours are used' },
];

/**
 * The service's words for a colour-only method's gray-target suggestion (the CLI's are in
 * registry.ts `cliGrayHint`, which the CLI prints): routes and fields instead of command-line flags.
 */
export function httpGrayHint(m: TransferMethod): string | undefined {
  const a = m.grayAlternative;
  if (!a) return undefined;
  const parts: string[] = [];
  if (a.method) parts.push(`use method ${a.method} (POST /v1/colorize/${a.method}) for a gray target`);
  if (a.exemplar) {
    const names = listServiceMethods()
      .filter((x) => x.family === 'exemplar')
      .map((x) => `${x.name} (POST /v1/colorize/${x.name})`);
    parts.push(
      `to colour a gray target from a colour reference use an exemplar method${names.length ? `: ${names.join(', ')}` : ''}`,
    );
  }
  let text = parts.join('; ');
  if (a.option) {
    const o = `option ${a.option.key}=${a.option.value} for ${a.option.gives}`;
    text = text ? `${text} (or ${o})` : `use ${o}`;
  }
  return text || undefined;
}

/**
 * Wraps a transfer-registry method: its options come from the flags' typed metadata, its notes
 * go to the run context, and gray targets of colour-only methods are refused with the service's
 * wording of its hint (unless the request set the option the hint names, e.g.
 * grayTarget=mean-chroma for reinhard).
 */
export function fromTransferMethod(m: TransferMethod, browser = true): ServiceMethod {
  return {
    name: m.name,
    family: 'transfer',
    summary: m.summary,
    inputs: TRANSFER_INPUTS,
    options: optionsFromFlags(m.flags),
    browser,
    run: (inputs, options, ctx) => {
      const target = inputs.images.target!;
      const reference = inputs.images.reference!;
      const alt = m.grayAlternative?.option;
      const grayAllowed = alt !== undefined && options[alt.key] === alt.value;
      if (m.targets === 'colour' && target.isGray && !grayAllowed) {
        throw new ColorizeError(
          `target is gray and ${m.name} needs a colour target; ${httpGrayHint(m) ?? ''}`.trim(),
        );
      }
      return m.run(target.image, reference.image, options, { notice: (text) => ctx.notice(text) });
    },
  };
}

/**
 * Wraps an automatic-registry method (server-only: the methods run ONNX models): one `gray`
 * input, reduced to its Rec. 601 luma with a note when it is a colour photo.
 */
export function fromAutoMethod(m: AutoMethod): ServiceMethod {
  return {
    name: m.name,
    family: 'automatic',
    summary: m.summary,
    inputs: [
      {
        name: 'gray',
        kind: 'image',
        required: true,
        description: 'gray photo to colour (a colour photo is reduced to its luminance)',
      },
    ],
    options: optionsFromFlags(m.flags),
    browser: false,
    run: (inputs, options, ctx) => {
      const input = inputs.images.gray!;
      if (!input.isGray)
        ctx.notice('the input is a colour image; its luminance (Rec. 601 luma) was used as the gray image');
      return m.run(grayInput(input.image, input.isGray), options, {
        notice: (t) => ctx.notice(t),
        progress: (f, st) => ctx.progress(f, st),
      });
    },
  };
}

/** Every method: the registered ones, then registry methods (transfer, automatic) not overridden by name. */
export function listServiceMethods(): ServiceMethod[] {
  const out = [...registered.values()];
  for (const t of listTransferMethods()) if (!registered.has(t.name)) out.push(fromTransferMethod(t));
  for (const a of listAutoMethods()) if (!registered.has(a.name)) out.push(fromAutoMethod(a));
  const order: MethodFamily[] = ['scribbles', 'transfer', 'exemplar', 'automatic'];
  return out.sort((a, b) => order.indexOf(a.family) - order.indexOf(b.family));
}

/** The method called `name`, or a usage error listing the known ones. */
export function getServiceMethod(name: string): ServiceMethod {
  const m = listServiceMethods().find((x) => x.name === name);
  if (!m) {
    const names = listServiceMethods()
      .map((x) => x.name)
      .join(', ');
    throw new ColorizeError(`unknown method ${JSON.stringify(name)}; known methods: ${names}`, 'usage');
  }
  return m;
}

/** The JSON description of a method for GET /v1/methods and the studio (no functions). */
export function describeMethod(m: ServiceMethod): Omit<ServiceMethod, 'run'> {
  return {
    name: m.name,
    family: m.family,
    summary: m.summary,
    inputs: m.inputs,
    ...(m.oneOf ? { oneOf: m.oneOf } : {}),
    options: m.options,
    browser: m.browser,
  };
}
