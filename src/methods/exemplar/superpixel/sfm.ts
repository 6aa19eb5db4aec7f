/**
 * Super-Features Matching (IPOL 2024 §2.2, Algorithm 2, eq. 1–3) and its colorization variant
 * (§4.1, eq. 7): centred, normalised correlations between target and reference super-features,
 * turned into attention with a softmax of temperature τ over the reference superpixels.
 */

/**
 * Eq. 2: M(i, j) = (F_T(i) − μ_T)ᵀ(F_R(j) − μ_R) / (‖F_T(i) − μ_T‖ ‖F_R(j) − μ_R‖), with μ the
 * mean super-feature of each image. A zero-norm row (all superpixels alike) correlates 0.
 * Returns N_T × N_R, row-major.
 *
 * @example
 * ```ts
 * import { correlationMatrix } from 'colorize-toolkit/internals';
 * const F = Float32Array.of(1, 0, 0, 1); // two superpixels, two channels
 * console.log(Array.from(correlationMatrix(F, 2, F, 2, 2))); // [1, -1, -1, 1]
 * ```
 */
export function correlationMatrix(
  FT: Float32Array,
  NT: number,
  FR: Float32Array,
  NR: number,
  C: number,
): Float32Array {
  const t = centredUnitRows(FT, NT, C);
  const r = centredUnitRows(FR, NR, C);
  const M = new Float32Array(NT * NR);
  for (let i = 0; i < NT; i++) {
    const oi = i * C;
    for (let j = 0; j < NR; j++) {
      const oj = j * C;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let c = 0;
      for (; c + 3 < C; c += 4) {
        s0 += t[oi + c] * r[oj + c];
        s1 += t[oi + c + 1] * r[oj + c + 1];
        s2 += t[oi + c + 2] * r[oj + c + 2];
        s3 += t[oi + c + 3] * r[oj + c + 3];
      }
      for (; c < C; c++) s0 += t[oi + c] * r[oj + c];
      M[i * NR + j] = s0 + s1 + s2 + s3;
    }
  }
  return M;
}

function centredUnitRows(F: Float32Array, N: number, C: number): Float64Array {
  const mu = new Float64Array(C);
  for (let i = 0; i < N; i++) for (let c = 0; c < C; c++) mu[c] += F[i * C + c];
  for (let c = 0; c < C; c++) mu[c] /= Math.max(1, N);
  const out = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let c = 0; c < C; c++) {
      const v = F[i * C + c] - mu[c];
      out[i * C + c] = v;
      s += v * v;
    }
    const inv = s > 1e-24 ? 1 / Math.sqrt(s) : 0;
    for (let c = 0; c < C; c++) out[i * C + c] *= inv;
  }
  return out;
}

/**
 * Eq. 1: A(i, ·) = softmax(M(i, ·) / τ), row by row (max-subtracted, so small τ never overflows).
 * As τ → 0 each row tends to the one-hot argmax of M(i, ·).
 *
 * @example
 * ```ts
 * import { softmaxRows } from 'colorize-toolkit/internals';
 * console.log(Array.from(softmaxRows(Float32Array.of(0, 1), 1, 2, 1e-6))); // [0, 1]
 * ```
 */
export function softmaxRows(M: Float32Array, rows: number, cols: number, tau: number): Float32Array {
  const A = new Float32Array(rows * cols);
  const e = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, M[o + j]);
    let s = 0;
    for (let j = 0; j < cols; j++) {
      e[j] = Math.exp((M[o + j] - max) / tau);
      s += e[j];
    }
    for (let j = 0; j < cols; j++) A[o + j] = e[j] / s;
  }
  return A;
}

export interface LayerSuperFeatures {
  /** Target super-features, N_T × C. */
  target: Float32Array;
  /** Reference super-features, N_R × C. */
  reference: Float32Array;
  channels: number;
}

/**
 * Colour transfer attention (Algorithm 3, eq. 1 and 3): the per-layer softmax attentions
 * averaged with weights w_l: A = Σ_l w_l A_l / Σ_l w_l.
 */
export function transferAttention(
  layers: LayerSuperFeatures[],
  NT: number,
  NR: number,
  tau: number,
  weights: number[],
): Float32Array {
  const A = new Float32Array(NT * NR);
  let wsum = 0;
  layers.forEach((l, k) => {
    const w = weights[k] ?? 1;
    if (w === 0) return;
    const Al = softmaxRows(correlationMatrix(l.target, NT, l.reference, NR, l.channels), NT, NR, tau);
    for (let i = 0; i < A.length; i++) A[i] += w * Al[i];
    wsum += w;
  });
  if (wsum > 0) for (let i = 0; i < A.length; i++) A[i] /= wsum;
  return A;
}

/**
 * Colorization attention (Algorithm 4, eq. 7): one softmax of the weighted sum of the layers'
 * correlations, A(i, ·) = softmax(Σ_l w_l M_l(i, ·) / τ) — merging before the softmax avoids
 * drab colours (§4.1).
 */
export function colorizationAttention(
  layers: LayerSuperFeatures[],
  NT: number,
  NR: number,
  tau: number,
  weights: number[],
): Float32Array {
  const S = new Float32Array(NT * NR);
  layers.forEach((l, k) => {
    const w = weights[k] ?? 1;
    if (w === 0) return;
    const M = correlationMatrix(l.target, NT, l.reference, NR, l.channels);
    for (let i = 0; i < S.length; i++) S[i] += w * M[i];
  });
  return softmaxRows(S, NT, NR, tau);
}

type Gemm = (
  a: Float32Array,
  rows: number,
  b: Float32Array,
  cols: number,
  C: number,
) => Promise<Float32Array>;
let gemmPromise: Promise<Gemm> | null = null;

/** A·Bᵀ (rows × C times (cols × C)ᵀ) with ONNX Runtime's GEMM; a weightless graph cached in models/cache/. */
function onnxGemm(): Promise<Gemm> {
  gemmPromise ??= (async () => {
    const [{ loadOrt, onnxSession }, { cachedModelFile }, { encodeOnnxModel }] = await Promise.all([
      import('../../../models/runtime.js'),
      import('../../../models/locate.js'),
      import('../../../models/onnx-builder.js'),
    ]);
    const ort = await loadOrt();
    const file = await cachedModelFile('matmul-transposed-v1.onnx', () =>
      encodeOnnxModel({
        name: 'matmul_transposed',
        nodes: [
          { op: 'Transpose', inputs: ['b'], outputs: ['bt'], attributes: { perm: [1, 0] } },
          { op: 'MatMul', inputs: ['a', 'bt'], outputs: ['m'] },
        ],
        initializers: [],
        inputs: [
          { name: 'a', shape: ['n', 'c'] },
          { name: 'b', shape: ['k', 'c'] },
        ],
        outputs: [{ name: 'm', shape: ['n', 'k'] }],
      }),
    );
    // Like VGG-19's: idle threads sleep, so they do not spin on the cores the JS stages after it need.
    const session = await onnxSession(file, { spinning: false });
    return async (a, rows, b, cols, C) => {
      const out = await session.run({
        a: new ort.Tensor('float32', a, [rows, C]),
        b: new ort.Tensor('float32', b, [cols, C]),
      });
      return out.m.data as Float32Array;
    };
  })();
  gemmPromise.catch(() => {
    gemmPromise = null;
  });
  return gemmPromise;
}

/**
 * Eq. 2 as {@link correlationMatrix}, the product of the centred unit rows computed by ONNX
 * Runtime's GEMM (float32; within 1e-5 of the float64 sums, test/superpixel/matching.test.ts).
 *
 * @example
 * ```ts
 * import { correlationMatrixGemm } from 'colorize-toolkit/internals';
 * const F = Float32Array.of(1, 0, 0, 1);
 * const M = await correlationMatrixGemm(F, 2, F, 2, 2); // float32: ±0.99999994
 * console.log(Array.from(M, (v) => Math.round(v))); // [1, -1, -1, 1]
 * ```
 */
export async function correlationMatrixGemm(
  FT: Float32Array,
  NT: number,
  FR: Float32Array,
  NR: number,
  C: number,
): Promise<Float32Array> {
  const gemm = await onnxGemm();
  return gemm(
    Float32Array.from(centredUnitRows(FT, NT, C)),
    NT,
    Float32Array.from(centredUnitRows(FR, NR, C)),
    NR,
    C,
  );
}

/**
 * {@link transferAttention} (eq. 1, 3) or {@link colorizationAttention} (eq. 7) with the
 * correlations computed by {@link correlationMatrixGemm}.
 */
export async function attentionGemm(
  mode: 'colorize' | 'transfer',
  layers: LayerSuperFeatures[],
  NT: number,
  NR: number,
  tau: number,
  weights: number[],
): Promise<Float32Array> {
  const acc = new Float32Array(NT * NR);
  let wsum = 0;
  for (const [k, l] of layers.entries()) {
    const w = weights[k] ?? 1;
    if (w === 0) continue;
    const M = await correlationMatrixGemm(l.target, NT, l.reference, NR, l.channels);
    const X = mode === 'transfer' ? softmaxRows(M, NT, NR, tau) : M;
    for (let i = 0; i < acc.length; i++) acc[i] += w * X[i];
    wsum += w;
  }
  if (mode === 'colorize') return softmaxRows(acc, NT, NR, tau);
  if (wsum > 0) for (let i = 0; i < acc.length; i++) acc[i] /= wsum;
  return acc;
}
