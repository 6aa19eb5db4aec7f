/**
 * {@link MatrixOps} through ONNX Runtime: two weightless graphs (F·Fᵀ and D·F) with dynamic
 * shapes, built with the project's encoder and cached in models/cache/.
 */
import type { FeatureMap } from '../../../features/feature-extractor.js';
import { cachedModelFile } from '../../../models/locate.js';
import { encodeOnnxModel } from '../../../models/onnx-builder.js';
import { loadOrt, onnxSession } from '../../../models/runtime.js';
import type { MatrixOps } from './loss.js';

let opsPromise: Promise<MatrixOps> | null = null;

/**
 * Gram products with ONNX Runtime's GEMM.
 *
 * @example
 * ```ts
 * import { onnxMatrixOps } from 'colorize-toolkit/internals';
 * const ops = await onnxMatrixOps();
 * const g = await ops.gram({ channels: 2, width: 2, height: 1, data: new Float32Array([1, 2, 3, 4]) });
 * console.log(Array.from(g)); // [1.25, 2.75, 2.75, 6.25]
 * ```
 */
export function onnxMatrixOps(): Promise<MatrixOps> {
  opsPromise ??= (async () => {
    const ort = await loadOrt();
    const gramFile = await cachedModelFile('gram-v1.onnx', () =>
      encodeOnnxModel({
        name: 'gram',
        nodes: [
          { op: 'Transpose', inputs: ['f'], outputs: ['ft'], attributes: { perm: [1, 0] } },
          { op: 'MatMul', inputs: ['f', 'ft'], outputs: ['g'] },
        ],
        initializers: [],
        inputs: [{ name: 'f', shape: ['c', 'm'] }],
        outputs: [{ name: 'g', shape: ['c', 'c'] }],
      }),
    );
    const mulFile = await cachedModelFile('left-multiply-v1.onnx', () =>
      encodeOnnxModel({
        name: 'left_multiply',
        nodes: [{ op: 'MatMul', inputs: ['d', 'f'], outputs: ['df'] }],
        initializers: [],
        inputs: [
          { name: 'd', shape: ['c', 'c'] },
          { name: 'f', shape: ['c', 'm'] },
        ],
        outputs: [{ name: 'df', shape: ['c', 'm'] }],
      }),
    );
    const [gs, ms] = await Promise.all([onnxSession(gramFile), onnxSession(mulFile)]);
    const mat = (f: FeatureMap) => new ort.Tensor('float32', f.data, [f.channels, f.width * f.height]);
    return {
      gram: async (f: FeatureMap) => {
        const out = (await gs.run({ f: mat(f) })).g.data as Float32Array;
        const scale = 1 / (f.channels * f.width * f.height);
        return Float64Array.from(out, (v) => v * scale);
      },
      leftMultiply: async (d: Float32Array, f: FeatureMap) => {
        const dt = new ort.Tensor('float32', d, [f.channels, f.channels]);
        return (await ms.run({ d: dt, f: mat(f) })).df.data as Float32Array;
      },
    };
  })();
  opsPromise.catch(() => {
    opsPromise = null;
  });
  return opsPromise;
}
