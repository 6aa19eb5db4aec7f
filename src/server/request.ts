/**
 * From a multipart request to a job task: uploaded files (kept in memory, never written under a
 * name the request chose), option fields coerced to their types, inputs checked against the
 * method, image headers probed for the pixel limit before any work is queued.
 */
import sharp from 'sharp';
import type { ColorizeError } from '../errors.js';
import { getServiceMethod, type ServiceMethod } from './catalogue.js';
import type { ImageFormat, JobTask } from './job-protocol.js';
import { coerceOptions } from './option-specs.js';
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

async function probe(name: string, data: Buffer, maxPixels: number): Promise<void> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false, pages: 1 }).metadata();
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
): Promise<JobTask> {
  let method: ServiceMethod;
  try {
    method = getServiceMethod(methodName);
  } catch (err) {
    throw new TaskError((err as ColorizeError).message, 404, 'unknown-method');
  }
  const inputNames = new Set<string>(method.inputs.map((i) => i.name));
  const rawOptions: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  for (const [k, v] of Object.entries(upload.fields)) {
    if (RESERVED_FIELDS.has(k)) continue;
    const spec = method.inputs.find((i) => i.name === k);
    if (spec?.kind === 'json' && typeof v === 'string') texts[k] = v;
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
  for (const spec of method.inputs) {
    if (spec.required && !present(spec.name)) {
      throw new TaskError(
        `${method.name} needs the input "${spec.name}" (${spec.description})`,
        400,
        'bad-request',
      );
    }
  }
  for (const group of method.oneOf ?? []) {
    if (!group.some(present)) {
      throw new TaskError(
        `${method.name} needs one of the inputs ${group.map((g) => `"${g}"`).join(' or ')}`,
        400,
        'bad-request',
      );
    }
  }
  let options: Record<string, unknown>;
  try {
    options = coerceOptions(method.name, method.options, rawOptions);
  } catch (err) {
    throw new TaskError((err as Error).message, 400, 'bad-request');
  }
  for (const spec of method.options) {
    const v = options[spec.key];
    if (v === undefined) continue;
    const bad =
      ((spec.type === 'number' || spec.type === 'integer') && typeof v !== 'number') ||
      (spec.type === 'integer' && !Number.isInteger(v)) ||
      (spec.type === 'boolean' && typeof v !== 'boolean') ||
      (spec.enum && !spec.enum.includes(String(v)));
    if (bad) {
      const allowed = spec.enum
        ? `one of ${spec.enum.join(', ')}`
        : `a${spec.type === 'integer' ? 'n' : ''} ${spec.type}`;
      throw new TaskError(
        `option "${spec.key}" = ${JSON.stringify(v)} is invalid: expected ${allowed}`,
        400,
        'bad-request',
      );
    }
  }
  const files: Record<string, Uint8Array> = {};
  for (const spec of method.inputs) {
    const f = upload.files[spec.name];
    if (!f) continue;
    if (spec.kind === 'image') await probe(spec.name, f, maxPixels);
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
  return { method: method.name, files, texts, options, format, maxPixels, acceptDamaged };
}
