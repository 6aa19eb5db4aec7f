/**
 * POST /v1/colorize/{method}: one route per catalogue method (so each has its own validated
 * schema and OpenAPI entry), and a catch-all that answers 404 with the list of methods (or runs
 * a method registered after start-up).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { describeMethod, listMethods } from '../methods/catalogue/catalogue.js';
import type { MethodDescription, OptionSpec } from '../methods/catalogue/types.js';
import { type ServiceContext, sendError, uploadedFiles } from './context.js';
import { JOB_MIME } from './job-protocol.js';
import { formatFromAccept } from './limits.js';
import { buildTask, uploadOf } from './request.js';
import { TaskError } from './worker-pool.js';

/** JSON schema of one option's multipart field (strings from a form are coerced by the validator). */
export function optionSchema(o: OptionSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: o.description };
  // A number list travels as text ("0,0.2,0.4"), so its default does too.
  if (o.default !== undefined) base.default = Array.isArray(o.default) ? o.default.join(',') : o.default;
  switch (o.type) {
    case 'number':
    case 'integer':
      return {
        ...base,
        type: 'number',
        // Not type 'integer': "must be number" stays the message for a value that is no number.
        ...(o.integer ? { multipleOf: 1 } : {}),
        ...(o.minimum !== undefined ? { minimum: o.minimum } : {}),
        ...(o.maximum !== undefined ? { maximum: o.maximum } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'number-list':
      return { ...base, type: 'string', pattern: '^\\s*-?[0-9.eE+-]+(\\s*[,\\s]\\s*-?[0-9.eE+-]+)*\\s*$' };
    default:
      return { ...base, type: 'string', ...(o.enum ? { enum: o.enum } : {}) };
  }
}

/** The multipart body schema of a method: its inputs (files, texts) and options (form fields). */
export function methodBodySchema(m: MethodDescription): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const i of m.inputs) {
    properties[i.name] =
      i.kind === 'image'
        ? { type: 'string', format: 'binary', description: i.description }
        : i.kind === 'gallery'
          ? { type: 'string', description: `${i.description} (needs a server started with --gallery DIR)` }
          : { type: 'string', description: `${i.description} (a file or a text field)` };
  }
  for (const o of m.options) properties[o.key] = optionSchema(o);
  properties.acceptDamaged = {
    type: 'boolean',
    description: 'decode damaged JPEG inputs (corrupt data, stray markers) instead of refusing them with 422',
  };
  return {
    type: 'object',
    properties,
    required: m.inputs.filter((i) => i.required).map((i) => i.name),
    additionalProperties: false,
  };
}

/** Refuses bodies that are not multipart before the schema sees them. */
async function requireMultipart(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) {
    throw new TaskError(
      'send the inputs as multipart/form-data (curl -F gray=@photo.png ...)',
      415,
      'unsupported-media-type',
    );
  }
}

export function registerColorizeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const handle = async (name: string, req: FastifyRequest, reply: FastifyReply) => {
    const format = formatFromAccept(req.headers.accept);
    if (!format) {
      return sendError(
        reply,
        ctx,
        406,
        'not-acceptable',
        'this endpoint returns image/png, image/jpeg or image/webp; ask for one in Accept',
      );
    }
    const task = await buildTask(
      name,
      uploadOf(req.body, uploadedFiles(req)),
      format,
      ctx.options.maxPixels,
      ctx.gallery,
    );
    const h = ctx.pool.submit(task);
    // A client that hangs up does not keep a worker busy.
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) h.cancel();
    });
    const out = await h.promise;
    reply
      .header('Content-Type', JOB_MIME[out.format])
      .header('X-Colorize-Method', name)
      .header('X-Colorize-Ms', out.ms.toFixed(0))
      .header(
        'Content-Disposition',
        `inline; filename="colorized.${out.format === 'jpeg' ? 'jpg' : out.format}"`,
      );
    if (out.notices.length) reply.header('X-Colorize-Notices', encodeURIComponent(out.notices.join(' | ')));
    return reply.send(Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength));
  };

  for (const m of listMethods().map(describeMethod)) {
    app.post(
      `/v1/colorize/${m.name}`,
      {
        preValidation: requireMultipart,
        schema: {
          tags: ['colorize'],
          summary: `${m.family}: ${m.summary}`,
          description:
            `Inputs: ${m.inputs.map((i) => `${i.name}${i.required ? '' : ' (optional)'}`).join(', ')}` +
            (m.oneOf ? `; at least one of ${m.oneOf.map((g) => g.join('/')).join(', ')}` : '') +
            '. Returns the colorized image; Accept picks image/png (default), image/jpeg or image/webp.',
          consumes: ['multipart/form-data'],
          body: methodBodySchema(m),
          produces: ['image/png', 'image/jpeg', 'image/webp'],
        },
      },
      (req, reply) => handle(m.name, req, reply),
    );
  }
  app.post(
    '/v1/colorize/:method',
    {
      schema: {
        hide: true,
        params: { type: 'object', properties: { method: { type: 'string', maxLength: 64 } } },
      },
    },
    (req, reply) => handle((req.params as { method: string }).method, req, reply),
  );
}
