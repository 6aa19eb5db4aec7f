/**
 * One queued job's work, without the queue: read the inputs, colour through the method catalogue
 * (`colorize()`), write the output atomically (temporary name + rename). Used by `colorize
 * worker` and by the HTTP service's job processes (kept free of BullMQ so those load quickly).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { withInputFile } from '../cli/method-flags.js';
import { writeResult } from '../cli/output.js';
import { colorize } from '../colorize.js';
import { ColorizeError, fsProblem } from '../errors.js';
import { readImage } from '../image/io.js';
import { colourisationRecord } from '../image/metadata.js';
import { getMethod } from '../methods/catalogue/catalogue.js';
import type { InputName } from '../methods/catalogue/types.js';
import { requireModel } from '../models/registry.js';
import type { FrameProgress } from '../video/video-job.js';
import { runVideoJob } from '../video/video-job.js';
import type { QueueJobData } from './jobs.js';

/** What a job's run gives back besides its output file. */
export interface QueueJobRun {
  seconds: number;
  summary?: string;
  /** Size of the written image. */
  width: number;
  height: number;
  /** What the method said along the way (e.g. the gallery image it picked). */
  notices: string[];
}

/**
 * Runs one job's work: reads the inputs, colours, writes `data.output` atomically. Errors are
 * ColorizeErrors whose message starts with the file concerned.
 */
export async function runQueueJob(
  data: QueueJobData,
  progress?: (fraction: number, stage?: string, frames?: FrameProgress) => void,
): Promise<QueueJobRun> {
  const t0 = performance.now();
  if (data.v !== 1)
    throw new ColorizeError(`job layout v${String(data.v)} is not known to this worker`, 'usage');
  // A clip: coloured frame by frame into a video file (src/video/).
  if (data.video) return runVideoJob(data.video, data.method, data.options, data.output, data.read, progress);
  const method = getMethod(data.method);
  for (const m of method.models ?? []) requireModel(m);
  const first = method.inputs[0].name;
  const primaryFile = data.inputs[first];
  if (primaryFile === undefined) throw new ColorizeError(`the job has no ${first} input`, 'usage');
  const primary = await readImage(primaryFile, data.read);
  const inputs: Partial<Record<InputName, unknown>> = { ...data.inputs, [first]: primary.image };
  // colorize() takes a JSON input (strokes) as its text; the job has its file.
  for (const i of method.inputs) {
    const file = data.inputs[i.name];
    if (i.kind !== 'json' || file === undefined) continue;
    try {
      inputs[i.name] = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw new ColorizeError(`${file}: cannot read: ${fsProblem(err)}`, 'input', file);
    }
  }
  const notices: string[] = [];
  let result: Awaited<ReturnType<typeof colorize>>;
  try {
    result = await colorize(
      inputs as Parameters<typeof colorize>[0],
      { method: data.method, ...data.options },
      { progress, notice: (text) => notices.push(text) },
      data.read,
    );
  } catch (err) {
    // A method names an input by its name ("target: ..."); name the file instead.
    throw withInputFile(err, data.inputs);
  }
  try {
    await fs.mkdir(path.dirname(data.output), { recursive: true });
  } catch (err) {
    throw new ColorizeError(`${data.output}: cannot create its folder: ${fsProblem(err)}`, 'io', data.output);
  }
  // As the command line: the input's EXIF text fields and XMP kept, the colourisation recorded.
  await writeResult(data.output, result.rgb, primary, {
    record: colourisationRecord(data.method, data.options),
    notes: (text) => notices.push(text),
  });
  return {
    seconds: (performance.now() - t0) / 1000,
    summary: result.summary,
    width: result.rgb.width,
    height: result.rgb.height,
    notices,
  };
}
