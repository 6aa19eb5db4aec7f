/** Messages between the service's main thread and its job workers (worker_threads). */
import type { ErrorKind } from '../errors.js';
import type { QueueJobData } from '../queue/jobs.js';

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export const IMAGE_MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** One unit of work: a method, its encoded inputs, its options and the output format. */
export interface JobTask {
  method: string;
  /** Encoded image files and stroke JSON by input name. */
  files: Record<string, Uint8Array>;
  texts: Record<string, string>;
  options: Record<string, unknown>;
  format: ImageFormat;
  maxPixels: number;
  /** Decode damaged JPEGs instead of refusing them (form field acceptDamaged=true). */
  acceptDamaged?: boolean;
  /** The reference from the service's gallery: "auto" (nearest to the target) or an image file. */
  gallery?: { dir: string; indexFile: string; pick: 'auto' | { file: string } };
}

/**
 * A job of the queue (`serve --redis`): the worker process runs it as `colorize worker` does,
 * reading its inputs from and writing its output to the files the job names.
 */
export interface QueueRun {
  method: string;
  format: ImageFormat;
  queueJob: QueueJobData;
}

/** What the worker pool runs. */
export type PoolTask = JobTask | QueueRun;

export type ToWorker = { type: 'run'; task: JobTask } | { type: 'run-queue'; data: QueueJobData };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'notice'; text: string }
  | { type: 'done'; data: Uint8Array; width: number; height: number; ms: number; summary?: string }
  | { type: 'error'; kind: ErrorKind; message: string };

/** What a finished task gives back. */
export interface JobOutput {
  data: Uint8Array;
  width: number;
  height: number;
  format: ImageFormat;
  ms: number;
  notices: string[];
  /** The method's one-line summary (queue runs). */
  summary?: string;
}
