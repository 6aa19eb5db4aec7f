/**
 * The network of Deep Colorization §III-A.2, eq. 2: fully connected layers, ReLU on every hidden
 * layer, a linear output layer (U, V). Weights are row-major [out][in] per layer. Inference runs in
 * TypeScript (`mlpForward`, the reference) or, for whole images, on ONNX Runtime (`MlpRunner`).
 */
import type { InferenceSession } from 'onnxruntime-node';
import { encodeOnnxModel, type OnnxNode, type OnnxTensor } from '../../../models/onnx-builder.js';
import { loadOrt } from '../../../models/runtime.js';

export interface Mlp {
  /** Layer widths, input first: e.g. [102, 51, 51, 51, 2]. */
  sizes: number[];
  /** weights[l]: sizes[l+1] × sizes[l], row-major. */
  weights: Float32Array[];
  /** biases[l]: sizes[l+1]. */
  biases: Float32Array[];
}

/**
 * Runs the network on `count` inputs stored one after another in `input` (count × sizes[0]);
 * returns count × (output width) values. Float64 accumulation, float32 storage.
 *
 * @example
 * ```ts
 * import { mlpForward } from 'colorize-toolkit/internals';
 * // 2 → 2 (ReLU) → 1: y = relu(x0 − x1) + relu(x1 − x0) = |x0 − x1|
 * const net = {
 *   sizes: [2, 2, 1],
 *   weights: [Float32Array.of(1, -1, -1, 1), Float32Array.of(1, 1)],
 *   biases: [Float32Array.of(0, 0), Float32Array.of(0)],
 * };
 * console.log(Array.from(mlpForward(net, Float32Array.of(3, 5, 2, 0.5), 2))); // [ 2, 1.5 ]
 * ```
 */
export function mlpForward(net: Mlp, input: Float32Array, count: number): Float32Array {
  const L = net.weights.length;
  const widest = Math.max(...net.sizes);
  let a = new Float64Array(widest);
  let b = new Float64Array(widest);
  const nOut = net.sizes[L];
  const nIn = net.sizes[0];
  const out = new Float32Array(count * nOut);
  for (let p = 0; p < count; p++) {
    for (let i = 0; i < nIn; i++) a[i] = input[p * nIn + i];
    for (let l = 0; l < L; l++) {
      const W = net.weights[l];
      const B = net.biases[l];
      const ni = net.sizes[l];
      const no = net.sizes[l + 1];
      const relu = l < L - 1;
      for (let o = 0; o < no; o++) {
        let s = B[o];
        const row = o * ni;
        for (let i = 0; i < ni; i++) s += W[row + i] * a[i];
        b[o] = relu && s < 0 ? 0 : s;
      }
      const t = a;
      a = b;
      b = t;
    }
    for (let o = 0; o < nOut; o++) out[p * nOut + o] = a[o];
  }
  return out;
}

/** The network as an ONNX graph: input "x" [n, in] → output "y" [n, out]. */
export function mlpToOnnx(net: Mlp): Uint8Array {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  let prev = 'x';
  const L = net.weights.length;
  for (let l = 0; l < L; l++) {
    const ni = net.sizes[l];
    const no = net.sizes[l + 1];
    // Gemm computes prev · Wᵀ + b with transB = 1, W stored [out][in].
    initializers.push({ name: `w${l}`, dims: [no, ni], data: net.weights[l] });
    initializers.push({ name: `b${l}`, dims: [no], data: net.biases[l] });
    const gemmOut = l === L - 1 ? 'y' : `h${l}`;
    nodes.push({
      op: 'Gemm',
      inputs: [prev, `w${l}`, `b${l}`],
      outputs: [gemmOut],
      attributes: { transB: 1 },
    });
    if (l < L - 1) {
      nodes.push({ op: 'Relu', inputs: [gemmOut], outputs: [`r${l}`] });
      prev = `r${l}`;
    }
  }
  return encodeOnnxModel({
    name: 'cheng-mlp',
    nodes,
    initializers,
    inputs: [{ name: 'x', shape: ['n', net.sizes[0]] }],
    outputs: [{ name: 'y', shape: ['n', net.sizes[L]] }],
  });
}

const sessions = new WeakMap<Mlp, Promise<InferenceSession>>();

/**
 * Runs the network on ONNX Runtime (one cached session per network): the same numbers as
 * {@link mlpForward} up to float32 rounding, several times faster on whole images.
 */
export async function mlpForwardOrt(net: Mlp, input: Float32Array, count: number): Promise<Float32Array> {
  let s = sessions.get(net);
  if (!s) {
    s = loadOrt().then((ort) =>
      ort.InferenceSession.create(mlpToOnnx(net), { graphOptimizationLevel: 'all', intraOpNumThreads: 1 }),
    );
    sessions.set(net, s);
  }
  const session = await s;
  const ort = await loadOrt();
  const x = new ort.Tensor('float32', input.subarray(0, count * net.sizes[0]), [count, net.sizes[0]]);
  const r = await session.run({ x });
  return r.y.data as Float32Array;
}
