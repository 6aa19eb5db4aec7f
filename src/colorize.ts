/**
 * The one-call library entry: `colorize(inputs, { method, ...options })` runs any catalogue method
 * on files, buffers or decoded images, with the same validation as the command line and the
 * service.
 */
import { ColorizeError } from './errors.js';
import { type ImageF32, isNeutralGray } from './image/image.js';
import { type ReadOptions, readImage } from './image/io.js';
import './methods/builtin.js';
import { getMethod } from './methods/catalogue/catalogue.js';
import { cancellable, inputProblem } from './methods/catalogue/inputs.js';
import { validateOptions } from './methods/catalogue/options.js';
import type { InputName, MethodContext, MethodInputs, MethodResult } from './methods/catalogue/types.js';
import { openGallery } from './methods/exemplar/gallery/gallery.js';

/** An image input: a file path, encoded bytes, or a decoded image. */
export type ImageSource = string | Uint8Array | ImageF32;

/** The inputs of a call: by input name, or one image standing for the method's first input. */
export type ColorizeInputs = ImageSource | Partial<Record<InputName, ImageSource | object>>;

export interface ColorizeRequest {
  /** A catalogue method name (see `listMethods()`). */
  method: string;
  /** The method's options (see `getMethod(name).options`). */
  [option: string]: unknown;
}

function isImage(x: unknown): x is ImageF32 {
  return typeof x === 'object' && x !== null && 'channels' in x && 'width' in x;
}

async function decode(source: ImageSource, read: ReadOptions) {
  if (isImage(source)) {
    const isGray = isNeutralGray(source, 1 / 255);
    return { image: source, isGray };
  }
  const d = await readImage(typeof source === 'string' ? source : Buffer.from(source), read);
  return { image: d.image, isGray: d.isGray };
}

/**
 * Colours `inputs` with a catalogue method. A `gallery` input is a folder of colour photos from
 * which the nearest to the target becomes the reference (report §4.4.3). `context.signal` cancels
 * a run at its next progress report (between stages or iterations).
 *
 * @example
 * ```ts
 * import { colorize } from 'colorize-toolkit';
 * const { rgb } = await colorize({ target: 'examples/scene_gray.png', reference: 'examples/scene.png' },
 *   { method: 'welsh', samples: 50 });
 * console.log(rgb.channels.length); // 3
 * ```
 */
export async function colorize(
  inputs: ColorizeInputs,
  request: ColorizeRequest,
  context: MethodContext = {},
  read: ReadOptions = {},
): Promise<MethodResult> {
  const { method: name, ...raw } = request;
  const method = getMethod(name);
  const options = validateOptions(method, raw);
  const given: Partial<Record<InputName, ImageSource | object>> =
    typeof inputs === 'string' || inputs instanceof Uint8Array || isImage(inputs)
      ? { [method.inputs[0].name]: inputs }
      : inputs;
  for (const key of Object.keys(given))
    if (!method.inputs.some((i) => i.name === key))
      throw new ColorizeError(
        `"${key}" is not an input of ${method.name} (its inputs: ${method.inputs.map((i) => i.name).join(', ')})`,
        'usage',
      );
  const problem = inputProblem(method, (n) => given[n] !== undefined);
  if (problem) throw new ColorizeError(problem, 'usage');
  const out: MethodInputs = { images: {}, texts: {} };
  // Work that can overlap the decoding (declaration's `prepare`): before, and once the first
  // image's header is read; what the run did not take is handed back however it ends (`release`).
  method.prepare?.();
  try {
    let sized = false;
    const sizeKnown = (width: number, height: number) => {
      if (!sized) method.prepare?.({ width, height }, options);
      sized = true;
    };
    // The caller's own onSize still hears every encoded image.
    const reading: ReadOptions = {
      ...read,
      onSize: (width, height) => {
        sizeKnown(width, height);
        read.onSize?.(width, height);
      },
    };
    for (const spec of method.inputs) {
      const v = given[spec.name];
      if (v === undefined || spec.kind === 'gallery') continue;
      if (spec.kind === 'json') out.texts[spec.name] = typeof v === 'string' ? v : JSON.stringify(v);
      else {
        if (isImage(v)) sizeKnown(v.width, v.height);
        out.images[spec.name] = await decode(v as ImageSource, reading);
      }
    }
    const gallery = given.gallery;
    if (gallery !== undefined) {
      if (typeof gallery !== 'string') throw new ColorizeError('gallery: give the path of a folder', 'usage');
      const target = out.images.target ?? out.images.gray;
      if (!target) throw new ColorizeError('gallery: the method has no target to match', 'usage');
      const [best] = await (await openGallery(gallery)).nearest(target.image);
      context.notice?.(
        `reference: ${best.file} (nearest gallery image, distance ${best.distance.toFixed(1)})`,
      );
      out.images.reference = await decode(best.file, read);
    }
    if (context.signal?.aborted) throw new ColorizeError('cancelled (before it started)', 'usage');
    return await method.run(out, options, cancellable(context));
  } finally {
    method.release?.();
  }
}
