/**
 * The HTTP service (`colorize serve`): Fastify with JSON-schema-validated routes, multipart
 * uploads held in memory, an OpenAPI document at /docs, and the work done in worker processes
 * behind a bounded queue. Optionally serves the built web studio at /.
 *
 *   GET  /v1/methods              methods, their inputs and options with defaults
 *   GET  /v1/gallery              the gallery's images (with --gallery DIR); /v1/gallery/{name}: a thumbnail
 *   POST /v1/fuse/sources         the static sources of the studio's fused preview (binary)
 *   POST /v1/colorize/{method}    multipart inputs + options → image (Accept: PNG, JPEG, WebP)
 *   POST /v1/jobs                 same, plus a "method" field → 202 {id, status, …}
 *   GET  /v1/jobs/{id}            status and progress
 *   GET  /v1/jobs/{id}/result     the image of a finished job
 *   DELETE /v1/jobs/{id}          cancel, or delete a result
 *   POST /v1/video/jobs           a clip (+ reference, references or strokes) → 202 {id, …}; result video/mp4
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ColorizeError } from '../errors.js';
import { VERSION } from '../version.js';
import '../methods/builtin.js';
import { openGallery } from '../methods/exemplar/gallery/gallery.js';
import { type ServiceContext, sendError } from './context.js';
import { type JobBackend, JobStore } from './jobs.js';
import { resolveServerOptions, type ServerOptions } from './limits.js';
import { RedisJobStore } from './queue-jobs.js';
import { registerColorizeRoutes } from './routes-colorize.js';
import { registerFuseRoutes } from './routes-fuse.js';
import { registerGalleryRoutes } from './routes-gallery.js';
import { registerJobRoutes } from './routes-jobs.js';
import { registerMethodRoutes } from './routes-methods.js';
import { registerVideoRoutes } from './routes-video.js';
import { cleanStaleWorkDirs, lostJobIds, makeWorkDir, rememberLostJobs } from './workdir.js';
import { TaskError, taskErrorOf, WorkerPool } from './worker-pool.js';

/** Clearer words for the errors Fastify and its multipart plugin raise themselves. */
function describeFrameworkError(err: FastifyError, ctx: ServiceContext): string {
  const mb = (ctx.options.maxFileBytes / 1024 / 1024).toFixed(0);
  switch (err.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return `an uploaded file is larger than this server's limit of ${mb} MB per file`;
    case 'FST_FIELDS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return `too many fields or files in the request (${err.message})`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // Only non-multipart bodies (JSON, text) are parsed whole; multipart files have their own limit.
      return (
        `the request body is larger than ${JSON_BODY_LIMIT / 1024 / 1024} MB, the limit for bodies that are not ` +
        `multipart/form-data; send the inputs as multipart/form-data (files up to ${mb} MB each)`
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the inputs as multipart/form-data (curl -F target=@photo.png ...)';
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'send the inputs as multipart/form-data (curl -F target=@photo.png ...)';
    default:
      return err.message;
  }
}

/** Largest body that is not multipart (JSON, text); uploads go through multipart. */
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The client's fault in a multipart body that the parser reports without a status (it would be
 * a 500): a missing boundary, a body that ends before its closing boundary. Null for others.
 */
function malformedMultipart(err: Error): string | null {
  const m = err.message ?? '';
  if (/boundary not found/i.test(m))
    return 'multipart/form-data needs a boundary: Content-Type: multipart/form-data; boundary=... (curl -F and browsers set it)';
  if (
    /unexpected end of (form|multipart)|premature close|part terminated early|malformed part header/i.test(m)
  )
    return `the multipart body is malformed or ended before its closing boundary (${m})`;
  return null;
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Validation messages that name the field, what it got and what it allows. */
function formatSchemaErrors(errors: AjvError[], dataVar: string): Error {
  const e = errors[0];
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const where = field ? `${dataVar} field "${field}"` : dataVar;
  let msg: string;
  switch (e.keyword) {
    case 'additionalProperties':
      msg = `${dataVar}: unknown field "${String(e.params.additionalProperty)}"`;
      break;
    case 'required':
      msg = `${dataVar}: missing field "${String(e.params.missingProperty)}"`;
      break;
    case 'enum':
      msg = `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
      break;
    default:
      msg = `${where} ${e.message ?? 'is invalid'}`;
  }
  return new Error(msg);
}

/**
 * Builds the service (not listening yet). Close it with `app.close()`, which stops the workers
 * and removes the working folder.
 *
 * @example
 * ```ts
 * import { buildServer } from 'colorize-toolkit';
 * const app = await buildServer({ concurrency: 1 });
 * await app.listen({ host: '127.0.0.1', port: 0 });
 * const res = await fetch(`http://127.0.0.1:${app.server.address().port}/v1/methods`);
 * console.log((await res.json()).methods.length > 0); // true
 * await app.close();
 * ```
 */
export async function buildServer(opts: ServerOptions = {}): Promise<FastifyInstance> {
  const options = resolveServerOptions(opts);
  for (const m of options.modules) await import(m);
  await cleanStaleWorkDirs(options.workRoot);
  const workDir = await makeWorkDir(options.workRoot);
  const pool = new WorkerPool({
    size: options.concurrency,
    maxQueue: options.maxQueue,
    timeoutMs: options.jobTimeoutMs,
    modules: options.modules,
  });
  let jobs: JobBackend;
  try {
    jobs = options.redis
      ? await RedisJobStore.open(pool, {
          url: options.redis,
          queue: options.queueName,
          dir: options.jobsDir,
          ttlMs: options.resultTtlMs,
          workers: options.queueWorkers ?? options.concurrency,
          maxJobs: 10_000,
          ...(options.queueLockMs === undefined ? {} : { lockDurationMs: options.queueLockMs }),
          ...(options.queueStalledMs === undefined ? {} : { stalledIntervalMs: options.queueStalledMs }),
        })
      : new JobStore(pool, workDir, options.resultTtlMs, 1000, lostJobIds(options.workRoot));
  } catch (err) {
    await pool.close();
    await fs.rm(workDir, { recursive: true, force: true });
    throw err;
  }
  const ctx: ServiceContext = { options, pool, jobs, workDir };
  if (options.gallery) {
    // Indexed once here (into the working folder, the only place the service writes); the workers
    // reuse the index file.
    const indexFile = path.join(workDir, 'gallery.idx');
    ctx.gallery = { gallery: await openGallery(options.gallery, { indexFile }), indexFile };
  }

  const app = Fastify({
    logger: options.logger,
    bodyLimit: JSON_BODY_LIMIT,
    // Unknown fields must be refused with their name, not silently dropped.
    ajv: {
      customOptions: { removeAdditional: false, useDefaults: false, coerceTypes: true, allErrors: false },
    },
    schemaErrorFormatter: (errors, dataVar) => formatSchemaErrors(errors as AjvError[], dataVar),
  });
  // Closing (SIGTERM): Fastify stops accepting connections and answers 503 to new requests on
  // open ones; requests in flight get `drainTimeoutMs` to finish, then their jobs are stopped
  // (503 "shutting down") and connections still open are closed.
  let drainTimer: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    pool.draining = true;
    if (jobs instanceof RedisJobStore) void jobs.pause();
    drainTimer = setTimeout(() => {
      void pool.close();
      drainTimer = setTimeout(() => app.server.closeAllConnections(), 2000);
    }, options.drainTimeoutMs);
    done();
  });
  app.addHook('onClose', async () => {
    clearTimeout(drainTimer);
    // The pool first: a queued job it stops goes back to the queue (retried) before the queue closes.
    await pool.close();
    await jobs.close();
    await rememberLostJobs(options.workRoot, jobs.ids()).catch(() => {});
    await fs.rm(workDir, { recursive: true, force: true });
  });

  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: {
      fileSize: options.maxFileBytes,
      fieldSize: options.maxFileBytes,
      files: 6,
      fields: 64,
      parts: 70,
    },
  });
  // A multipart body that never ends would hold its connection (and parser) for ever.
  app.addHook('onRequest', async (req, reply) => {
    if (!/^multipart\//i.test(req.headers['content-type'] ?? '')) return;
    const timer = setTimeout(() => {
      if (reply.sent) return;
      reply.header('Connection', 'close');
      reply.raw.once('finish', () => req.raw.destroy());
      void sendError(
        reply,
        ctx,
        400,
        'body-timeout',
        `the multipart body did not end within ${(options.bodyTimeoutMs / 1000).toFixed(0)} s ` +
          '(its closing boundary --<boundary>-- never came); send the whole body',
      );
    }, options.bodyTimeoutMs);
    req.raw.once('end', () => clearTimeout(timer));
    reply.raw.once('close', () => clearTimeout(timer));
  });
  // Files leave the body before validation: the schema sees a short text in their place.
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart() || !req.body || typeof req.body !== 'object') return;
    const body = req.body as Record<string, unknown>;
    const files: Record<string, Buffer> = {};
    for (const [k, v] of Object.entries(body)) {
      // keyValues turns a repeated field into an array; which value was meant is anyone's guess.
      if (Array.isArray(v)) {
        const what = v.some((x) => Buffer.isBuffer(x)) ? 'file field' : 'field';
        throw new TaskError(
          `${what} "${k}" was sent ${v.length} times; send each input and option once`,
          400,
          'bad-request',
        );
      }
      if (Buffer.isBuffer(v)) {
        files[k] = v;
        body[k] = `<file of ${v.byteLength} bytes>`;
      }
    }
    (req as unknown as { uploadedFiles: Record<string, Buffer> }).uploadedFiles = files;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'colorize-toolkit service',
        description:
          'Colorize gray photos from strokes, recolour photos from a reference. Every method of the toolkit, ' +
          'its inputs as multipart files and its options as form fields. Long work: POST /v1/jobs.',
        version: VERSION,
      },
      tags: [
        { name: 'methods', description: 'what the service can do' },
        { name: 'colorize', description: 'one request, one image back' },
        { name: 'jobs', description: 'long work: submit, poll, download' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof TaskError) return sendError(reply, ctx, err.status, err.code, err.message);
    if (err instanceof ColorizeError) {
      const t = taskErrorOf(err);
      return sendError(reply, ctx, t.status, t.code, t.message);
    }
    const malformed = malformedMultipart(err);
    if (malformed) return sendError(reply, ctx, 400, 'bad-request', malformed);
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status === 500) reply.log.error(err);
    const code = err.code === 'FST_ERR_VALIDATION' ? 'bad-request' : (err.code ?? 'internal-error');
    return sendError(
      reply,
      ctx,
      status,
      code,
      status === 500 ? `internal error: ${err.message}` : describeFrameworkError(err, ctx),
    );
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, ctx, 404, 'not-found', `no route ${req.method} ${req.url.split('?')[0]}; see /docs`),
  );

  app.get(
    '/v1/health',
    { schema: { tags: ['methods'], summary: 'liveness and queue figures' } },
    async () => ({
      status: 'ok',
      version: VERSION,
      workers: pool.stats,
      ...(jobs.health ? { queue: await jobs.health() } : {}),
    }),
  );
  registerMethodRoutes(app);
  registerGalleryRoutes(app, ctx);
  registerFuseRoutes(app, ctx);
  registerColorizeRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerVideoRoutes(app, ctx);

  if (options.studioDir) {
    // @fastify/static resolves every path inside `root` and refuses ../ and encoded escapes.
    await app.register(fastifyStatic, {
      root: path.resolve(options.studioDir),
      prefix: '/',
      decorateReply: false,
    });
  }
  return app;
}
