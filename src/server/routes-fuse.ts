/**
 * POST /v1/fuse/sources: the parts of `fuse` that do not change with a stroke — the CNN's colour
 * distribution (auto) and the superpixel method's candidates (reference, or a gallery pick) — for
 * the studio's fused preview, which asks once per reference/auto change and redoes only the
 * strokes' part in the browser after each stroke (src/methods/fuse/preview.ts). The body is
 * `encodeFuseSources`' binary (src/methods/fuse/sources-wire.ts).
 *
 * The work runs in the service's own process, one request at a time (the CNN and VGG-19 run in
 * ONNX Runtime's threads; the superpixel matching blocks the event loop for about a second on a
 * 0.25 MP photo). It is a studio helper, not a colorization: the worker pool and its queue are for
 * those.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ColorizeError } from '../errors.js';
import { readImage } from '../image/io.js';
import { grayInput } from '../methods/catalogue/inputs.js';
import { openGallery } from '../methods/exemplar/gallery/gallery.js';
import { FEATURE_CHOICES, type FeatureChoice } from '../methods/exemplar/superpixel/options.js';
import { fuseStaticSources } from '../methods/fuse/fuse.js';
import { encodeFuseSources, FUSE_SOURCES_MIME } from '../methods/fuse/sources-wire.js';
import { type ServiceContext, uploadedFiles } from './context.js';
import { TaskError, taskErrorOf } from './worker-pool.js';

export function registerFuseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  let chain: Promise<unknown> = Promise.resolve();
  app.post(
    '/v1/fuse/sources',
    {
      schema: {
        tags: ['colorize'],
        summary:
          'fuse: the CNN distribution and the reference candidates of a gray photo, for the studio’s fused preview (binary)',
        consumes: ['multipart/form-data'],
        body: {
          type: 'object',
          properties: {
            gray: {
              type: 'string',
              format: 'binary',
              description: 'the photo (a colour one is used as its luma)',
            },
            reference: { type: 'string', format: 'binary', description: 'a colour reference photo' },
            gallery: { type: 'string', description: '"auto" or a gallery image name (with --gallery DIR)' },
            auto: { type: 'boolean', default: false, description: 'compute the CNN’s distribution' },
            referenceCandidates: { type: 'number', multipleOf: 1, minimum: 1, maximum: 32, default: 4 },
            features: { type: 'string', enum: [...FEATURE_CHOICES], default: 'auto' },
          },
          required: ['gray'],
          additionalProperties: false,
        },
        produces: [FUSE_SOURCES_MIME],
      },
    },
    async (req, reply) => {
      const files = uploadedFiles(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!files.gray) throw new TaskError('gray: send the photo as a file', 400, 'bad-request');
      if (files.reference && body.gallery !== undefined)
        throw new TaskError('give either a "reference" image or "gallery", not both', 400, 'bad-request');
      const auto = body.auto === true || body.auto === 'true';
      const run = async () => {
        const max = ctx.options.maxPixels;
        const photo = await readImage(files.gray, { maxPixels: max });
        const img = photo.image;
        const gray = grayInput(img, img.channels.length === 1);
        let reference = files.reference
          ? (await readImage(files.reference, { maxPixels: max })).image
          : undefined;
        const notices: string[] = [];
        if (typeof body.gallery === 'string') {
          const g = ctx.gallery;
          if (!g)
            throw new TaskError(
              'this server has no gallery (start it with --gallery DIR)',
              400,
              'bad-request',
            );
          let file: string;
          if (body.gallery === 'auto') {
            const [best] = await (await openGallery(g.gallery.dir, { indexFile: g.indexFile })).nearest(gray);
            file = best.file;
            notices.push(
              `reference: gallery image ${path.basename(file)} (nearest, distance ${best.distance.toFixed(1)})`,
            );
          } else {
            try {
              file = g.gallery.file(body.gallery);
            } catch (err) {
              throw new TaskError((err as Error).message, 404, 'not-found');
            }
            notices.push(`reference: gallery image ${path.basename(file)}`);
          }
          reference = (await readImage(file, { maxPixels: max })).image;
        }
        if (!reference && !auto)
          throw new TaskError(
            'nothing to compute: give a reference (or gallery) or auto=true',
            400,
            'bad-request',
          );
        const s = await fuseStaticSources(
          gray,
          { reference, auto },
          {
            features: body.features as FeatureChoice | undefined,
            referenceCandidates: body.referenceCandidates as number | undefined,
          },
        );
        return encodeFuseSources(s, [...notices, ...s.notices]);
      };
      const next = chain.then(run, run);
      chain = next.catch(() => undefined);
      let bytes: Uint8Array;
      try {
        bytes = await next;
      } catch (err) {
        if (err instanceof ColorizeError) throw taskErrorOf(err);
        throw err;
      }
      return reply
        .header('Content-Type', FUSE_SOURCES_MIME)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
