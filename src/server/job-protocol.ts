/** Messages between the service's main thread and its job workers (worker_threads). */
import type { ErrorKind } from '../errors.js';
import type { QueueJobData } from '../queue/jobs.js';
import type { FrameProgress, VideoSettings } from '../video/video-job.js';

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export const IMAGE_MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** What a job gives: an image, or a video file (clip jobs). */
export type JobFormat = ImageFormat | 'mp4';

export const JOB_MIME: Record<JobFormat, string> = { ...IMAGE_MIME, mp4: 'video/mp4' };

/**
 * A clip to colour (POST /v1/video/jobs), checked by the service: the clip's bytes, the reference
 * images by keyframe with the field each came in, the stroke keyframes, the per-frame method with
 * its validated options, and the temporal settings. The job store writes the files into the job's
 * folder and runs it as a queue run (`QueueJobData.video`).
 */
export interface VideoTask {
  method: string;
  options: Record<string, unknown>;
  clip: Uint8Array;
  references: { frame: number; name: string; data: Uint8Array }[];
  /** Stroke keyframes as JSON: a list of the studio's stroke JSON with "frame". */
  strokes?: string;
  settings: VideoSettings;
  maxPixels: number;
  timeoutMs: number;
}

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
  format: JobFormat;
  queueJob: QueueJobData;
  /** Its own time limit in ms (clip jobs), instead of the pool's. */
  timeoutMs?: number;
}

/** What the worker pool runs. */
export type PoolTask = JobTask | QueueRun;

export type ToWorker = { type: 'run'; task: JobTask } | { type: 'run-queue'; data: QueueJobData };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; fraction: number; stage: string; frames?: FrameProgress }
  | { type: 'notice'; text: string }
  | { type: 'done'; data: Uint8Array; width: number; height: number; ms: number; summary?: string }
  | { type: 'error'; kind: ErrorKind; message: string };

/** What a finished task gives back. */
export interface JobOutput {
  data: Uint8Array;
  width: number;
  height: number;
  format: JobFormat;
  ms: number;
  notices: string[];
  /** The method's one-line summary (queue runs). */
  summary?: string;
}
