/**
 * Job worker process (forked by worker-pool.ts, IPC with the structured-clone serialization):
 * decodes the inputs of a task, runs the method, encodes the result. Methods are CPU-bound and
 * synchronous, so they run here and never block the HTTP event loop; a task that is cancelled or
 * passes its time limit is ended by killing this process.
 *
 * env COLORIZE_WORKER_MODULES: a JSON list of extra module URLs to import first (they register
 * more methods).
 */
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { encodeImage, readImage } from '../image/io.js';
import { carriedMetadata, colourisationRecord } from '../image/metadata.js';
import '../methods/builtin.js';
import { getMethod } from '../methods/catalogue/catalogue.js';
import type { InputImage, MethodDeclaration, MethodInputs } from '../methods/catalogue/types.js';
import { openGallery } from '../methods/exemplar/gallery/gallery.js';
import { runQueueJob } from '../queue/run-job.js';
import type { FromWorker, JobTask, ToWorker } from './job-protocol.js';

const send = (m: FromWorker) => {
  // The server is gone (it died or killed us): nothing to report to.
  if (process.connected) process.send!(m);
};
// The server closed the channel (it stopped, or was killed): do not outlive it.
process.on('disconnect', () => process.exit(0));

async function decode(
  name: string,
  data: Uint8Array,
  maxPixels: number,
  acceptDamaged: boolean,
  onSize?: (width: number, height: number) => void,
) {
  try {
    return await readImage(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      maxPixels,
      acceptDamaged,
      onSize,
    });
  } catch (err) {
    if (err instanceof ColorizeError) {
      throw new ColorizeError(err.message.replace(/^<buffer>/, name), err.kind);
    }
    throw err;
  }
}

async function runTask(task: JobTask): Promise<void> {
  const method = getMethod(task.method);
  // As the command line: work that can overlap the decoding (the scribble solvers' helper thread
  // and memory), and what the run did not take handed back however it ends: this process
  // outlives the job.
  method.prepare?.();
  try {
    await runPrepared(task, method);
  } finally {
    method.release?.();
  }
}

async function runPrepared(task: JobTask, method: MethodDeclaration): Promise<void> {
  const t0 = performance.now();
  send({ type: 'progress', fraction: 0.02, stage: 'decoding' });
  const inputs: MethodInputs = { images: {}, texts: {} };
  let primary: Awaited<ReturnType<typeof decode>> | undefined;
  for (const spec of method.inputs) {
    const file = task.files[spec.name];
    if (spec.kind === 'json') {
      const text = task.texts[spec.name] ?? (file ? new TextDecoder().decode(file) : undefined);
      if (text !== undefined) inputs.texts[spec.name] = text;
      continue;
    }
    if (!file) continue;
    // The photo's size, as soon as its header is read: the method can prepare its memory while
    // the pixels and the other inputs are decoded.
    const onSize = primary
      ? undefined
      : (width: number, height: number) => method.prepare?.({ width, height }, task.options);
    const d = await decode(spec.name, file, task.maxPixels, task.acceptDamaged === true, onSize);
    if (spec.name === 'reference' && d.isGray) {
      throw new ColorizeError(
        'reference: the reference is gray, so it has no colours to use; give a colour photo',
      );
    }
    const img: InputImage = { image: d.image, isGray: d.isGray };
    inputs.images[spec.name] = img;
    primary ??= d;
  }
  if (!primary) throw new ColorizeError('no input image', 'usage');
  if (task.gallery) {
    const g = task.gallery;
    let file: string;
    if (g.pick === 'auto') {
      send({ type: 'progress', fraction: 0.05, stage: 'picking the reference from the gallery' });
      const [best] = await (await openGallery(g.dir, { indexFile: g.indexFile })).nearest(primary.image);
      file = best.file;
      send({
        type: 'notice',
        text: `reference: gallery image ${path.basename(file)} (nearest, distance ${best.distance.toFixed(1)})`,
      });
    } else {
      file = g.pick.file;
      send({ type: 'notice', text: `reference: gallery image ${path.basename(file)}` });
    }
    const d = await readImage(file, { maxPixels: task.maxPixels });
    inputs.images.reference = { image: d.image, isGray: d.isGray };
  }
  send({ type: 'progress', fraction: 0.1, stage: 'running' });
  const { rgb } = await method.run(inputs, task.options, {
    progress: (f, stage) =>
      send({
        type: 'progress',
        fraction: 0.1 + 0.8 * Math.min(1, Math.max(0, f)),
        stage: stage ?? 'running',
      }),
    notice: (text) => send({ type: 'notice', text }),
  });
  send({ type: 'progress', fraction: 0.92, stage: 'encoding' });
  // The result keeps the input's alpha (when sizes agree) and, for PNG, its 16-bit depth.
  const sameSize = rgb.width === primary.image.width && rgb.height === primary.image.height;
  // As the command line: the input's EXIF text fields and XMP kept, the colourisation recorded.
  const metadata = carriedMetadata(primary.metadata, colourisationRecord(task.method, task.options), (text) =>
    send({ type: 'notice', text }),
  );
  const buf = await encodeImage(rgb, task.format, {
    alpha: sameSize ? primary.alpha : null,
    bitDepth: task.format === 'png' ? primary.bitDepth : 8,
    metadata,
  });
  const data = new Uint8Array(buf.byteLength);
  data.set(buf);
  send({ type: 'done', data, width: rgb.width, height: rgb.height, ms: performance.now() - t0 });
}

/** A queued job (`serve --redis`): run as `colorize worker` runs it; the output is its file. */
async function runQueued(data: Parameters<typeof runQueueJob>[0]): Promise<void> {
  const r = await runQueueJob(data, (f, stage, frames) =>
    send({
      type: 'progress',
      fraction: Math.min(1, Math.max(0, f)),
      stage: stage ?? 'running',
      ...(frames ? { frames } : {}),
    }),
  );
  for (const text of r.notices) send({ type: 'notice', text });
  send({
    type: 'done',
    data: new Uint8Array(0),
    width: r.width,
    height: r.height,
    ms: r.seconds * 1000,
    ...(r.summary === undefined ? {} : { summary: r.summary }),
  });
}

async function main(): Promise<void> {
  const modules = JSON.parse(process.env.COLORIZE_WORKER_MODULES ?? '[]') as string[];
  for (const m of modules) await import(m);
  process.on('message', (msg: ToWorker) => {
    const work =
      msg.type === 'run' ? runTask(msg.task) : msg.type === 'run-queue' ? runQueued(msg.data) : null;
    work?.catch((err: unknown) => {
      if (err instanceof ColorizeError) send({ type: 'error', kind: err.kind, message: err.message });
      else {
        const e = err as Error;
        // Size and shape checks in the library throw RangeError with a usable message.
        const kind = e instanceof RangeError ? 'input' : 'internal';
        send({ type: 'error', kind, message: e?.message ?? String(err) });
      }
    });
  });
  send({ type: 'ready' });
}

void main();
