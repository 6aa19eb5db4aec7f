/**
 * From a multipart request to a job task: uploaded files (kept in memory, never written under a
 * name the request chose), option fields coerced to their types, inputs checked against the
 * method, image headers probed for the pixel limit before any work is queued.
 */
import sharp from 'sharp';
import type { ColorizeError } from '../errors.js';
import { withVipsDetail } from '../image/vips-lock.js';
import { getMethod } from '../methods/catalogue/catalogue.js';
import { inputProblem } from '../methods/catalogue/inputs.js';
import { validateOptions } from '../methods/catalogue/options.js';
import type { MethodDeclaration } from '../methods/catalogue/types.js';
import type { Gallery } from '../methods/exemplar/gallery/gallery.js';
import type { ImageFormat, JobTask } from './job-protocol.js';
import { TaskError } from './worker-pool.js';

/** Multipart fields that are not method options. */
export const RESERVED_FIELDS = new Set(['method', 'format', 'acceptDamaged']);

/** A request's files (by field name) and its text fields. */
export interface Upload {
  files: Record<string, Buffer>;
  fields: Record<string, unknown>;
}

/** The upload of a multipart request whose files were moved out of the body (see app.ts). */
export function uploadOf(body: unknown, files: Record<string, Buffer>): Upload {
  const fields: Record<string, unknown> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k in files) continue;
      if (Array.isArray(v)) throw new TaskError(`field "${k}" was sent more than once`, 400, 'bad-request');
      fields[k] = v;
    }
  }
  return { files, fields };
}

/** Checks an uploaded image from its header: decodable, not empty, within the pixel limit (422/413 naming `name`). */
export async function probeImage(name: string, data: Buffer, maxPixels: number): Promise<void> {
  let meta: sharp.Metadata;
  try {
    meta = await withVipsDetail(() => sharp(data, { limitInputPixels: false, pages: 1 }).metadata());
  } catch {
    throw new TaskError(
      `${name}: not an image in a supported format (PNG, JPEG, WebP, TIFF, GIF, AVIF)`,
      422,
      'unprocessable-input',
    );
  }
  const px = (meta.width ?? 0) * (meta.height ?? 0);
  if (px === 0) throw new TaskError(`${name}: the image has 0 pixels`, 422, 'unprocessable-input');
  if (px > maxPixels) {
    throw new TaskError(
      `${name}: ${meta.width}×${meta.height} = ${(px / 1e6).toFixed(1)} MP is more than this server's limit of ${(maxPixels / 1e6).toFixed(1)} MP per image`,
      413,
      'too-many-pixels',
    );
  }
}

/**
 * Checks a request against its method and builds the task.
 *
 * @example
 * ```ts
 * // in a route: const task = await buildTask('reinhard', uploadOf(req.body, files), 'png', 25e6);
 * ```
 */
export async function buildTask(
  methodName: string,
  upload: Upload,
  format: ImageFormat,
  maxPixels: number,
  gallery?: { gallery: Gallery; indexFile: string },
): Promise<JobTask> {
  let method: MethodDeclaration;
  try {
    const m = getMethod(methodName);
    // Command-line-only options (local files) are no fields of the service.
    method = { ...m, options: m.options.filter((o) => !o.cliOnly) };
  } catch (err) {
    throw new TaskError((err as ColorizeError).message, 404, 'unknown-method');
  }
  const inputNames = new Set<string>(method.inputs.map((i) => i.name));
  const rawOptions: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  for (const [k, v] of Object.entries(upload.fields)) {
    if (RESERVED_FIELDS.has(k)) continue;
    const spec = method.inputs.find((i) => i.name === k);
    if ((spec?.kind === 'json' || spec?.kind === 'gallery') && typeof v === 'string') texts[k] = v;
    else if (spec)
      throw new TaskError(`${k}: expected an image file upload, got a text field`, 400, 'bad-request');
    else rawOptions[k] = v;
  }
  for (const k of Object.keys(upload.files)) {
    if (!inputNames.has(k)) {
      const names = method.inputs.map((i) => i.name).join(', ');
      throw new TaskError(
        `file field "${k}" is not an input of ${method.name} (its inputs: ${names})`,
        400,
        'bad-request',
      );
    }
  }
  const present = (n: string) => n in upload.files || n in texts;
  const problem = inputProblem(method, present);
  if (problem) throw new TaskError(problem, 400, 'bad-request');
  if (present('reference') && present('gallery'))
    throw new TaskError('give either a "reference" image or "gallery", not both', 400, 'bad-request');
  let options: Record<string, unknown>;
  try {
    options = validateOptions(method, rawOptions);
  } catch (err) {
    throw new TaskError((err as Error).message, 400, 'bad-request');
  }
  let pick: JobTask['gallery'];
  const wanted = texts.gallery;
  if (wanted !== undefined) {
    delete texts.gallery;
    if (!gallery)
      throw new TaskError(
        'this server has no gallery (start it with --gallery DIR); send a "reference" image',
        400,
        'bad-request',
      );
    let file: string | undefined;
    if (wanted !== 'auto') {
      try {
        file = gallery.gallery.file(wanted);
      } catch (err) {
        throw new TaskError((err as Error).message, 400, 'bad-request');
      }
    }
    pick = {
      dir: gallery.gallery.dir,
      indexFile: gallery.indexFile,
      pick: file === undefined ? 'auto' : { file },
    };
  }
  const files: Record<string, Uint8Array> = {};
  for (const spec of method.inputs) {
    const f = upload.files[spec.name];
    if (!f) continue;
    if (spec.kind === 'image') await probeImage(spec.name, f, maxPixels);
    files[spec.name] = new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  }
  const damaged = upload.fields.acceptDamaged;
  const acceptDamaged = damaged === true || damaged === 'true';
  if (damaged !== undefined && !acceptDamaged && damaged !== false && damaged !== 'false')
    throw new TaskError(
      `field "acceptDamaged" = ${JSON.stringify(damaged)} is invalid: expected true or false`,
      400,
      'bad-request',
    );
  return {
    method: method.name,
    files,
    texts,
    options,
    format,
    maxPixels,
    acceptDamaged,
    ...(pick ? { gallery: pick } : {}),
  };
}
