/** What the routes share: settings, the worker pool, the job store and the error reply. */
import type { FastifyReply } from 'fastify';
import type { Gallery } from '../methods/exemplar/gallery/gallery.js';
import type { JobBackend } from './jobs.js';
import type { ResolvedServerOptions } from './limits.js';
import type { WorkerPool } from './worker-pool.js';

export interface ServiceContext {
  options: ResolvedServerOptions;
  pool: WorkerPool;
  jobs: JobBackend;
  /** Temporary working folder: the only place the service writes to. */
  workDir: string;
  /** The gallery given at start (`--gallery DIR`), indexed into the working folder. */
  gallery?: { gallery: Gallery; indexFile: string };
}

/** Sends a JSON error in Fastify's shape; 503 carries Retry-After. */
export function sendError(
  reply: FastifyReply,
  ctx: ServiceContext,
  status: number,
  code: string,
  message: string,
) {
  if (status === 503) reply.header('Retry-After', String(ctx.options.retryAfterSeconds));
  return reply.code(status).send({ statusCode: status, code, error: httpReason(status), message });
}

function httpReason(status: number): string {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    404: 'Not Found',
    406: 'Not Acceptable',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return reasons[status] ?? 'Error';
}

/** The uploaded files of a multipart request (set by the preValidation hook). */
export function uploadedFiles(req: unknown): Record<string, Buffer> {
  return (req as { uploadedFiles?: Record<string, Buffer> }).uploadedFiles ?? {};
}
