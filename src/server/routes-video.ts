/**
 * POST /v1/video/jobs (issue 19): a clip as a job. The clip (any container ffmpeg reads) and its
 * hints (a reference for the whole clip, references by keyframe, strokes on keyframes, or none:
 * automatic) are checked here, then the job is held by the service's job store (in memory, or on
 * the queue with `serve --redis`) and run in the worker pool like any job: GET /v1/jobs/{id} shows
 * its frames done / total and frame rate, DELETE /v1/jobs/{id} stops it, and
 * GET /v1/jobs/{id}/result gives the coloured clip as video/mp4.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ServiceContext, uploadedFiles } from './context.js';
import { uploadOf } from './request.js';
import { jobSchema, view } from './routes-jobs.js';
import { buildVideoTask } from './video-task.js';
import { TaskError } from './worker-pool.js';

const bodySchema = {
  type: 'object',
  properties: {
    clip: {
      type: 'string',
      format: 'binary',
      description: 'the video to colour (mp4, mov, mkv, webm, avi, … anything ffmpeg reads)',
    },
    method: {
      type: 'string',
      pattern: '^[a-z0-9-]{1,64}$',
      description:
        'the per-frame method (GET /v1/methods); default: the exemplar default with a reference, the scribble default with strokes, else the automatic default',
    },
    reference: {
      type: 'string',
      format: 'binary',
      description: 'a colour reference image for the whole clip',
    },
    references: {
      type: 'string',
      description:
        'references by keyframe: {"0": "reference", "120": "ref2"}, each value the name of an uploaded image field',
    },
    strokes: {
      type: 'string',
      description:
        'strokes on keyframes (file or text): the studio\'s stroke JSON with "frame", or a list of those',
    },
    temporal: { type: 'boolean', description: 'false: colour every frame on its own (no flow)' },
    temporalWeight: {
      type: 'number',
      minimum: 0,
      maximum: 0.99,
      description: 'pull toward the warped previous result (default 0.85)',
    },
    methodEvery: {
      type: 'number',
      multipleOf: 1,
      minimum: 1,
      maximum: 1000,
      description:
        'run the method on every k-th frame of a shot, carry colours along the flow between (default 1)',
    },
    flowSize: {
      type: 'number',
      multipleOf: 1,
      minimum: 32,
      maximum: 4096,
      description: 'long side of the frames the flow is computed on (default 320)',
    },
    cutThreshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'histogram distance that makes a cut (default 0.3)',
    },
  },
  required: ['clip'],
  // The per-frame method's options are fields too (checked against the method).
  additionalProperties: true,
};

export function registerVideoRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/v1/video/jobs',
    {
      preValidation: async (req: FastifyRequest) => {
        if (!req.isMultipart())
          throw new TaskError(
            'send the clip as multipart/form-data with a "clip" file (curl -F clip=@film.mp4 ...)',
            415,
            'unsupported-media-type',
          );
      },
      schema: {
        tags: ['jobs'],
        summary:
          'queue a clip to colour consistently in time; poll GET /v1/jobs/{id}, download the mp4 from its result',
        description:
          'Fields: clip (file), and a hint: reference (image), references (JSON keyframe → image field) or strokes ' +
          '(JSON with frame numbers), or none (automatic); method and its options as fields; temporal settings. ' +
          "The result (GET /v1/jobs/{id}/result) is video/mp4 with the clip's frame rate, size and audio.",
        consumes: ['multipart/form-data'],
        body: bodySchema,
        response: { 202: jobSchema },
      },
    },
    async (req, reply) => {
      const task = await buildVideoTask(uploadOf(req.body, uploadedFiles(req)), {
        maxPixels: ctx.options.maxPixels,
        maxFrames: ctx.options.maxVideoFrames,
        timeoutMs: ctx.options.videoJobTimeoutMs,
        workDir: ctx.workDir,
      });
      const job = await ctx.jobs.createVideo(task);
      return reply
        .code(202)
        .header('Location', `/v1/jobs/${job.id}`)
        .send(view((await ctx.jobs.get(job.id)) ?? job));
    },
  );
}
