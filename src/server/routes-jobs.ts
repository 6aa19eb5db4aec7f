/** Jobs: POST /v1/jobs, GET /v1/jobs/{id}, GET /v1/jobs/{id}/result, DELETE /v1/jobs/{id}. */
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ServiceContext, sendError, uploadedFiles } from './context.js';
import type { ImageFormat } from './job-protocol.js';
import { JOB_ID_PATTERN, type JobView } from './jobs.js';
import { buildTask, uploadOf } from './request.js';
import { TaskError } from './worker-pool.js';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: JOB_ID_PATTERN, description: 'job id (UUID)' } },
  required: ['id'],
};

export const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    method: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
    progress: { type: 'number', description: '0…1' },
    stage: { type: 'string' },
    queuePosition: { type: 'integer' },
    createdAt: { type: 'string' },
    startedAt: { type: 'string' },
    finishedAt: { type: 'string' },
    format: { type: 'string', description: 'png, jpeg, webp; mp4 for a clip' },
    kind: { type: 'string', enum: ['video'], description: 'set for a clip (POST /v1/video/jobs)' },
    frames: {
      type: 'object',
      description: 'a clip: frames done, of total (when the container says), coloured frames per second',
      properties: { done: { type: 'integer' }, total: { type: 'integer' }, fps: { type: 'number' } },
    },
    width: { type: 'integer' },
    height: { type: 'integer' },
    notices: { type: 'array', items: { type: 'string' } },
    error: {
      type: 'object',
      properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
    },
    links: { type: 'object', properties: { self: { type: 'string' }, result: { type: 'string' } } },
  },
};

export function view(job: JobView) {
  return {
    ...job,
    progress: Math.round(job.progress * 1000) / 1000,
    links: { self: `/v1/jobs/${job.id}`, result: `/v1/jobs/${job.id}/result` },
  };
}

export function registerJobRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // One answer for every route that looks a job up by id.
  const unknownJob = (reply: FastifyReply, id: string) =>
    ctx.jobs.wasLost(id)
      ? sendError(
          reply,
          ctx,
          404,
          'job-lost',
          `job ${id} was lost when the service restarted (jobs are kept in memory); submit it again`,
        )
      : sendError(
          reply,
          ctx,
          404,
          'unknown-job',
          'no such job (finished results are kept for a limited time)',
        );
  app.post(
    '/v1/jobs',
    {
      preValidation: async (req: FastifyRequest) => {
        if (!req.isMultipart())
          throw new TaskError(
            'send the job as multipart/form-data with a "method" field',
            415,
            'unsupported-media-type',
          );
      },
      schema: {
        tags: ['jobs'],
        summary: 'queue a colorization; the fields are those of POST /v1/colorize/{method} plus "method"',
        consumes: ['multipart/form-data'],
        body: {
          type: 'object',
          properties: {
            method: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,64}$',
              description: 'a name from GET /v1/methods',
            },
            format: {
              type: 'string',
              enum: ['png', 'jpeg', 'webp'],
              description: 'result format (default png)',
            },
            acceptDamaged: {
              type: 'boolean',
              description: 'decode damaged JPEG inputs instead of refusing them with 422',
            },
          },
          required: ['method'],
          additionalProperties: true,
        },
        response: { 202: jobSchema },
      },
    },
    async (req, reply) => {
      const body = req.body as { method: string; format?: ImageFormat };
      const task = await buildTask(
        body.method,
        uploadOf(body, uploadedFiles(req)),
        body.format ?? 'png',
        ctx.options.maxPixels,
        ctx.gallery,
      );
      const job = await ctx.jobs.create(task);
      return reply
        .code(202)
        .header('Location', `/v1/jobs/${job.id}`)
        .send(view((await ctx.jobs.get(job.id)) ?? job));
    },
  );

  app.get(
    '/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'status and progress of a job',
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const job = await ctx.jobs.get(id);
      if (!job) return unknownJob(reply, id);
      return view(job);
    },
  );

  app.get(
    '/v1/jobs/:id/result',
    {
      schema: {
        tags: ['jobs'],
        summary: 'the image of a finished job (the video, video/mp4, of a clip job)',
        params: idParams,
        produces: ['image/png', 'image/jpeg', 'image/webp', 'video/mp4'],
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const job = await ctx.jobs.get(id);
      if (!job) return unknownJob(reply, id);
      if (job.status === 'failed' && job.error)
        return sendError(reply, ctx, job.error.statusCode, job.error.code, job.error.message);
      const r = await ctx.jobs.result(id);
      if (!r) {
        const pct = Math.round(job.progress * 100);
        return sendError(
          reply,
          ctx,
          409,
          'not-ready',
          `the job is ${job.status} (${pct} %, ${job.stage}); poll /v1/jobs/${id}`,
        );
      }
      // The path is the store's own (working folder + id), never taken from the request.
      return reply
        .header('Content-Type', r.mime)
        .header(
          'Content-Disposition',
          `attachment; filename="${id}.${job.format === 'jpeg' ? 'jpg' : job.format}"`,
        )
        .send(createReadStream(r.file));
    },
  );

  app.delete(
    '/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'cancel a job, or delete a finished one and its result',
        params: idParams,
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const ok = await ctx.jobs.remove(id);
      if (!ok) return unknownJob(reply, id);
      return reply.code(204).send();
    },
  );
}
