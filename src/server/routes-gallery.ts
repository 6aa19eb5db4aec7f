/**
 * GET /v1/gallery and GET /v1/gallery/{name}: the colour photos of the gallery the service was
 * started with (`--gallery DIR`), which any method with a reference can use through the request
 * field `gallery` ("auto": the nearest to the target, report §4.4.3; or an image name).
 */
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { withVipsDetail } from '../image/vips-lock.js';
import type { ServiceContext } from './context.js';
import { TaskError } from './worker-pool.js';

/** Long side of the thumbnails GET /v1/gallery/{name} returns. */
export const THUMBNAIL_SIZE = 256;

export function registerGalleryRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  let listing: Promise<Array<{ name: string; width: number; height: number }>> | undefined;
  app.get(
    '/v1/gallery',
    {
      schema: {
        tags: ['methods'],
        summary: 'the images of the server’s gallery (empty without --gallery DIR)',
      },
    },
    async () => {
      const g = ctx.gallery?.gallery;
      if (!g) return { images: [] };
      listing ??= Promise.all(
        g.names().map(async (name) => {
          const meta = await withVipsDetail(() => sharp(g.file(name)).metadata());
          const swap = (meta.orientation ?? 1) >= 5;
          const w = meta.width ?? 0;
          const h = meta.height ?? 0;
          return { name, width: swap ? h : w, height: swap ? w : h };
        }),
      );
      return { images: await listing };
    },
  );
  app.get(
    '/v1/gallery/:name',
    {
      schema: {
        tags: ['methods'],
        summary: `a gallery image as a JPEG thumbnail (long side ≤ ${THUMBNAIL_SIZE})`,
        params: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 255 } },
          required: ['name'],
        },
      },
    },
    async (req, reply) => {
      const g = ctx.gallery?.gallery;
      if (!g)
        throw new TaskError('this server has no gallery (start it with --gallery DIR)', 404, 'not-found');
      let file: string;
      try {
        file = g.file((req.params as { name: string }).name);
      } catch (err) {
        throw new TaskError((err as Error).message, 404, 'not-found');
      }
      const jpeg = await withVipsDetail(() =>
        sharp(file)
          .rotate()
          .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 85 })
          .toBuffer(),
      );
      return reply.header('Content-Type', 'image/jpeg').header('Cache-Control', 'max-age=3600').send(jpeg);
    },
  );
}
