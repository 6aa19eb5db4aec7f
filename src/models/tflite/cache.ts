/**
 * Shared plumbing for models converted from TensorFlow Lite: read the .tflite file found in
 * the model search paths, convert it, and cache the ONNX bytes in modelCacheDir() under a name
 * that carries the converter version and a hash of the source file, so a new converter or a
 * new model file gives a new cache entry.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { cachedModelFile, requireModelFile } from '../locate.js';
import { encodeOnnxModel, type OnnxGraph } from '../onnx-builder.js';
import { parseTflite, type TfliteModel } from './schema.js';
import { TFLITE_ONNX_CONVERTER_VERSION } from './to-onnx.js';

/**
 * Path of the cached conversion of `relative` (a .tflite file in the model search paths),
 * converting with `build` when it is not cached yet. `tag` names the variant of the graph
 * (outputs chosen, dynamic size…) and `graphVersion` the caller's own graph recipe.
 */
export async function ensureTfliteOnnx(
  relative: string,
  tag: string,
  graphVersion: number,
  build: (model: TfliteModel) => OnnxGraph,
): Promise<string> {
  const src = requireModelFile(relative);
  const bytes = await fs.readFile(src);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const name = `${tag}-v${TFLITE_ONNX_CONVERTER_VERSION}.${graphVersion}-${hash}.onnx`;
  return cachedModelFile(name, () =>
    encodeOnnxModel(build(parseTflite(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), src))),
  );
}
