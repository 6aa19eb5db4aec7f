/**
 * ONNX Runtime sessions (onnxruntime-node, CPU). The runtime is imported lazily so that code
 * paths without a network never load its native library; sessions are cached per model file.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ColorizeError } from '../errors.js';
import { rebuildCachedModel } from './locate.js';

type Ort = typeof import('onnxruntime-node');
let ortPromise: Promise<Ort> | null = null;
const sessions = new Map<string, Promise<import('onnxruntime-node').InferenceSession>>();

/**
 * The empty `mat-debug-<pid>.log` that the telemetry library linked into onnxruntime creates in
 * the temp folder of every process that loads it, and never removes.
 */
export function ortLeftoverFile(pid: number): string {
  return path.join(tmpdir(), `mat-debug-${pid}.log`);
}

/** The onnxruntime-node module, loaded on first use. */
export async function loadOrt(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-node').then(
    (ort) => {
      // Removed at exit (the service removes it for a worker it had to kill).
      process.once('exit', () => rmSync(ortLeftoverFile(process.pid), { force: true }));
      return ort;
    },
    (e: unknown) => {
      ortPromise = null;
      throw new ColorizeError(
        `cannot load onnxruntime-node (${(e as Error).message}); run npm install`,
        'internal',
      );
    },
  );
  return ortPromise;
}

/** A model file onnxruntime cannot load, in one line naming the file. */
function modelError(file: string, err: unknown): ColorizeError {
  if (err instanceof ColorizeError) return err;
  const msg = ((err as Error)?.message ?? String(err))
    .split('\n')[0]
    .replace(/^Load model from .* failed:/, '');
  return new ColorizeError(`${file}: not a usable ONNX model (${msg.trim()})`, 'io', file);
}

/**
 * A cached inference session for an .onnx file (one per file and choice of options).
 *
 * `memPattern: false` turns off ONNX Runtime's memory-pattern planning, which pre-allocates one
 * block for every tensor of a run: for graphs that keep many large activations alive (the fused
 * Gram objective at 512²: 1,161 → 684 MiB peak, same speed) that block is the peak.
 * `spinning: false` lets ONNX Runtime's worker threads sleep between operators instead of
 * spinning (on the shared 2-core machine: the fused Gram graph at 256² 13 % less CPU time, at
 * 512² 4 %; measured 2026-12-04, load 5–7).
 *
 * @example
 * ```ts
 * import { ensureVgg19Onnx, onnxSession } from 'colorize-toolkit/internals';
 * const session = await onnxSession(await ensureVgg19Onnx());
 * console.log(session.outputNames); // [ 'conv1_2', 'conv2_2', 'conv3_4' ]
 * ```
 */
export async function onnxSession(
  file: string,
  { memPattern = true, spinning = true }: { memPattern?: boolean; spinning?: boolean } = {},
): Promise<import('onnxruntime-node').InferenceSession> {
  const key = `${file}${memPattern ? '' : '\0no-mem-pattern'}${spinning ? '' : '\0no-spinning'}`;
  let s = sessions.get(key);
  if (!s) {
    s = loadOrt().then(async (ort) => {
      const create = () =>
        ort.InferenceSession.create(file, {
          graphOptimizationLevel: 'all',
          ...(memPattern ? {} : { enableMemPattern: false }),
          ...(spinning ? {} : { extra: { session: { intra_op: { allow_spinning: '0' } } } }),
        });
      try {
        return await create();
      } catch (err) {
        // A damaged cache entry is rebuilt once; any other file is the user's to fix.
        if (await rebuildCachedModel(file)) {
          try {
            return await create();
          } catch (again) {
            throw modelError(file, again);
          }
        }
        throw modelError(file, err);
      }
    });
    s.catch(() => sessions.delete(key));
    sessions.set(key, s);
  }
  return s;
}
