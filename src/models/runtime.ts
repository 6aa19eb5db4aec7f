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

/** How a session's intra-op threads wait for work. */
export interface SessionTuning {
  /**
   * Let idle intra-op threads spin (ONNX Runtime's default, true). Spinning shaves a little
   * latency off back-to-back small operators on an idle machine; on a busy one the spinning
   * threads take the cores the working ones need (VGG-19 at 256², two passes on the shared 2-core
   * machine at load 8: median 1477 ms wall / 760 ms CPU spinning, 973 / 594 not; docs/superpixel.md).
   */
  spinning?: boolean;
  /**
   * ONNX Runtime's memory-pattern planning (default true), which pre-allocates one block for every
   * tensor of a run: for graphs that keep many large activations alive (the fused Gram objective
   * at 512²: 1,161 → 684 MiB peak without it, same speed) that block is the peak.
   */
  memPattern?: boolean;
}

/**
 * A cached inference session for an .onnx file (one per file and tuning). `spinning: false` also
 * helps the fused Gram graph (256²: 13 % less CPU time, 512²: 4 %; measured 2026-12-04, load 5–7).
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
  tuning: SessionTuning = {},
): Promise<import('onnxruntime-node').InferenceSession> {
  const spinning = tuning.spinning ?? true;
  const memPattern = tuning.memPattern ?? true;
  const key = `${file}${spinning ? '' : '\0no-spin'}${memPattern ? '' : '\0no-mem-pattern'}`;
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
