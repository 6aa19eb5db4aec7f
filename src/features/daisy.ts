/**
 * Dense DAISY descriptor of Tola, Lepetit & Fua ("A fast local descriptor for dense matching",
 * CVPR 2008; PAMI 2010), as used by Cheng et al. (Deep Colorization §III-B.2, 32-d: 4 locations ×
 * 8 orientations, i.e. the centre plus one ring of 3 points).
 *
 * 1. The image is smoothed with σ0 and its gradient is taken by central differences.
 * 2. H orientation maps G_o = max(∂I/∂o, 0) = max(cos θ_o ∂I/∂x + sin θ_o ∂I/∂y, 0), θ_o = 2πo/H
 *    (x to the right, y downwards).
 * 3. Each map is convolved with a Gaussian per ring: σ_i = R (i+1) / (2Q) (Tola's released code; the
 *    centre histogram is read from the first layer).
 * 4. The descriptor at p is the H-bin histogram of the centre and of T points per ring i at radius
 *    R (i+1)/Q, angles 2πt/T, read with bilinear interpolation (clamped at the border); each
 *    histogram is normalised to unit L2 length (Tola's NRM_PARTIAL), with a floor on the norm so
 *    that flat regions stay near zero instead of amplifying noise.
 */
import { checkInteger, checkNumber } from '../errors.js';
import { gaussianBlur } from '../filters/gaussian.js';

export interface DaisyOptions {
  /** Radius R of the outer ring in pixels (default 8; Tola's default 15 is for 640-px images). */
  radius?: number;
  /** Number of rings Q (default 1). */
  rings?: number;
  /** Points per ring T (default 3: with the centre, the paper's 4 locations). */
  pointsPerRing?: number;
  /** Orientation bins H (default 8). */
  orientations?: number;
  /** Pre-smoothing σ0 before the gradient (default 1). */
  sigmaInit?: number;
  /** Norm floor of each histogram before normalisation, in gradient units of a [0, 1] image (default 0.005). */
  normFloor?: number;
}

/** Smoothed orientation layers of one image, from which descriptors are read at any pixel. */
export interface DaisyField {
  width: number;
  height: number;
  /** layers[i][o]: orientation map o convolved with ring i's Gaussian (i = 0 also serves the centre). */
  layers: Float32Array[][];
  /** Sample offsets (dx, dy) of every histogram location after the centre, ring by ring. */
  offsets: Array<{ dx: number; dy: number; layer: number }>;
  orientations: number;
  normFloor: number;
  /** Descriptor length: (Q·T + 1)·H. */
  size: number;
}

/**
 * Computes the smoothed orientation layers of `gray` (values in [0, 1]).
 *
 * @example
 * ```ts
 * import { daisyField, daisyDescriptor } from 'colorize-toolkit/internals';
 * // Dark left half, bright right half: the gradient points along +x, orientation bin 0.
 * const img = new Float32Array(40 * 40).map((_, i) => (i % 40 < 20 ? 0.2 : 0.8));
 * const d = daisyDescriptor(daisyField(img, 40, 40), 20, 20);
 * console.log(d.length, d.indexOf(Math.max(...d.slice(0, 8)))); // 32 0
 * ```
 */
export function daisyField(
  gray: Float32Array,
  width: number,
  height: number,
  options: DaisyOptions = {},
): DaisyField {
  const R = checkNumber('radius', options.radius ?? 8, 1, 1000);
  const Q = checkInteger('rings', options.rings ?? 1, 1, 8);
  const T = checkInteger('pointsPerRing', options.pointsPerRing ?? 3, 1, 32);
  const H = checkInteger('orientations', options.orientations ?? 8, 1, 32);
  const s0 = checkNumber('sigmaInit', options.sigmaInit ?? 1, 0);
  const normFloor = checkNumber('normFloor', options.normFloor ?? 0.005, 0);
  const n = width * height;
  const smooth = s0 > 0 ? gaussianBlur(gray, width, height, s0) : gray;
  const gx = new Float32Array(n);
  const gy = new Float32Array(n);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const xl = x > 0 ? p - 1 : p;
      const xr = x + 1 < width ? p + 1 : p;
      const yu = y > 0 ? p - width : p;
      const yd = y + 1 < height ? p + width : p;
      gx[p] = (smooth[xr] - smooth[xl]) / Math.max(1, (xr - xl) | 0);
      gy[p] = (smooth[yd] - smooth[yu]) / Math.max(1, ((yd - yu) / width) | 0);
    }
  const maps: Float32Array[] = [];
  for (let o = 0; o < H; o++) {
    const c = Math.cos((2 * Math.PI * o) / H);
    const s = Math.sin((2 * Math.PI * o) / H);
    const m = new Float32Array(n);
    for (let p = 0; p < n; p++) {
      const v = c * gx[p] + s * gy[p];
      m[p] = v > 0 ? v : 0;
    }
    maps.push(m);
  }
  const layers: Float32Array[][] = [];
  for (let i = 0; i < Q; i++) {
    const sigma = (R * (i + 1)) / (2 * Q);
    layers.push(maps.map((m) => gaussianBlur(m, width, height, sigma)));
  }
  const offsets: DaisyField['offsets'] = [];
  for (let i = 0; i < Q; i++) {
    const r = (R * (i + 1)) / Q;
    for (let t = 0; t < T; t++) {
      const a = (2 * Math.PI * t) / T;
      offsets.push({ dx: r * Math.cos(a), dy: r * Math.sin(a), layer: i });
    }
  }
  return { width, height, layers, offsets, orientations: H, normFloor, size: (Q * T + 1) * H };
}

/** Writes one normalised histogram of `layer` at (fx, fy) (bilinear, clamped) into out[at…]. */
function histogramAt(
  f: DaisyField,
  layer: Float32Array[],
  fx: number,
  fy: number,
  out: Float32Array,
  at: number,
): void {
  const { width, height, orientations: H } = f;
  const x = Math.min(Math.max(fx, 0), width - 1);
  const y = Math.min(Math.max(fy, 0), height - 1);
  const x0 = Math.min(Math.floor(x), width - 2 < 0 ? 0 : width - 2);
  const y0 = Math.min(Math.floor(y), height - 2 < 0 ? 0 : height - 2);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const tx = x - x0;
  const ty = y - y0;
  const p00 = y0 * width + x0;
  const p01 = y0 * width + x1;
  const p10 = y1 * width + x0;
  const p11 = y1 * width + x1;
  const w00 = (1 - tx) * (1 - ty);
  const w01 = tx * (1 - ty);
  const w10 = (1 - tx) * ty;
  const w11 = tx * ty;
  let ss = 0;
  for (let o = 0; o < H; o++) {
    const m = layer[o];
    const v = w00 * m[p00] + w01 * m[p01] + w10 * m[p10] + w11 * m[p11];
    out[at + o] = v;
    ss += v * v;
  }
  const inv = 1 / Math.max(Math.sqrt(ss), f.normFloor, 1e-12);
  for (let o = 0; o < H; o++) out[at + o] *= inv;
}

/**
 * Writes the DAISY descriptor at pixel (x, y) into `out` from index `at` (centre histogram first,
 * then the ring points in order), or returns a new array when `out` is not given.
 */
export function daisyDescriptor(
  f: DaisyField,
  x: number,
  y: number,
  out?: Float32Array,
  at = 0,
): Float32Array {
  const dst = out ?? new Float32Array(f.size);
  histogramAt(f, f.layers[0], x, y, dst, at);
  let k = at + f.orientations;
  for (const o of f.offsets) {
    histogramAt(f, f.layers[o.layer], x + o.dx, y + o.dy, dst, k);
    k += f.orientations;
  }
  return dst;
}
