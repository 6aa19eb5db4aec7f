/**
 * Laplacian-type edge kernels of the re-colorization report §2.3.1 and an edge probability map
 * built from them. The kernels are the second differences of eq. (3) written as convolutions
 * (eq. 5): horizontal [−1 2 −1], vertical [−1 2 −1]ᵀ, the 4-neighbour and the 8-neighbour
 * Laplacian.
 */
import { checkChoice, checkNumber } from '../errors.js';
import { gaussianFir } from './gaussian.js';

export type EdgeKernelName = 'horizontal' | 'vertical' | 'laplacian4' | 'laplacian8';
export const EDGE_KERNEL_NAMES: readonly EdgeKernelName[] = [
  'horizontal',
  'vertical',
  'laplacian4',
  'laplacian8',
];

/** The four 3×3 matrices of §2.3.1, row-major, in the report's order. */
export const EDGE_KERNELS: Record<EdgeKernelName, readonly number[]> = {
  horizontal: [0, 0, 0, -1, 2, -1, 0, 0, 0],
  vertical: [0, -1, 0, 0, 2, 0, 0, -1, 0],
  laplacian4: [0, -1, 0, -1, 4, -1, 0, -1, 0],
  laplacian8: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
};

/**
 * 3×3 convolution C_M(X) of eq. (5) with replicated borders. The kernels here are symmetric,
 * so correlation and convolution agree.
 *
 * @example
 * ```ts
 * import { convolve3x3, EDGE_KERNELS } from 'colorize-toolkit/internals';
 * const x = Float32Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0);
 * console.log(convolve3x3(x, 3, 3, EDGE_KERNELS.laplacian4)[4]); // 4
 * ```
 */
export function convolve3x3(
  src: Float32Array,
  width: number,
  height: number,
  m: readonly number[],
): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const ys = [y > 0 ? y - 1 : 0, y, y < height - 1 ? y + 1 : height - 1];
    for (let x = 0; x < width; x++) {
      const xs0 = x > 0 ? x - 1 : 0;
      const xs2 = x < width - 1 ? x + 1 : width - 1;
      let s = 0;
      for (let r = 0; r < 3; r++) {
        const row = ys[r] * width;
        s += m[3 * r] * src[row + xs0] + m[3 * r + 1] * src[row + x] + m[3 * r + 2] * src[row + xs2];
      }
      out[y * width + x] = s;
    }
  }
  return out;
}

export interface EdgeProbabilityOptions {
  /** Which §2.3.1 kernel (default 'laplacian4', the third matrix). */
  kernel?: EdgeKernelName;
  /** Gaussian pre-smoothing σ in pixels, the report's "dropping out noises" (default 1; 0 = none). */
  sigma?: number;
}

/**
 * Edge probability P_e(X) ∈ [0, 1] of a [0, 1] luminance plane: |C_M(X)| divided by the kernel's
 * centre weight, which is the largest response any [0, 1] image can give, so P_e = 1 only on an
 * isolated white pixel on black and a step of height d scores d / centre on its sides.
 *
 * @example
 * ```ts
 * import { edgeProbability } from 'colorize-toolkit/internals';
 * const step = Float32Array.from({ length: 64 }, (_, i) => (i % 8 < 4 ? 0 : 1));
 * const p = edgeProbability(step, 8, 8, { sigma: 0 });
 * console.log(p[3], p[4], p[0]); // 0.25 0.25 0
 * ```
 */
export function edgeProbability(
  luminance: Float32Array,
  width: number,
  height: number,
  options: EdgeProbabilityOptions = {},
): Float32Array {
  const kernel = checkChoice('kernel', options.kernel ?? 'laplacian4', EDGE_KERNEL_NAMES);
  const sigma = checkNumber('sigma', options.sigma ?? 1, 0, 20);
  const m = EDGE_KERNELS[kernel];
  const src = sigma > 0 ? gaussianFir(luminance, width, height, sigma) : luminance;
  const c = convolve3x3(src, width, height, m);
  const inv = 1 / m[4];
  for (let i = 0; i < c.length; i++) {
    const v = Math.abs(c[i]) * inv;
    c[i] = v > 1 ? 1 : v;
  }
  return c;
}
