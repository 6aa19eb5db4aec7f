/**
 * The per-pixel descriptor of Cheng, Yang & Sheng (Deep Colorization §III-B): x_p = {x_p^L; x_p^M;
 * x_p^H}, the concatenation of
 * - the low-level patch feature (§III-B.1): the gray values of the 7×7 patch centred at p, row by
 *   row (49-d; borders clamped);
 * - the mid-level DAISY feature (§III-B.2): 32-d, 4 locations × 8 orientations (features/daisy.ts);
 * - the high-level semantic feature (§III-B.3): per-class probabilities of a segmentation network,
 *   smoothed by the domain transform guided by the gray image (semantic.ts).
 * Descriptors are filled pixel by pixel into a caller's buffer, so a large image never holds all
 * of them at once.
 */
import { type DaisyField, type DaisyOptions, daisyDescriptor, daisyField } from '../../../features/daisy.js';

/** Which of the three feature groups make up the descriptor (the paper's ablations drop one). */
export interface FeatureSet {
  patch: boolean;
  daisy: boolean;
  semantic: boolean;
}

export const FULL_FEATURES: FeatureSet = { patch: true, daisy: true, semantic: true };

/** Side of the patch feature (7 in the paper). */
export const PATCH_SIZE = 7;

/** Per-pixel descriptors of one gray image. */
export interface DescriptorSource {
  /** Descriptor length. */
  size: number;
  /** Writes the descriptor of pixel (x, y) into out[at … at+size). */
  fill(x: number, y: number, out: Float32Array, at: number): void;
}

/**
 * Descriptor size of a feature set with `classes` semantic classes.
 *
 * @example
 * ```ts
 * import { chengDescriptorSize } from 'colorize-toolkit/internals';
 * console.log(chengDescriptorSize({ patch: true, daisy: true, semantic: true }, 21)); // 102
 * ```
 */
export function chengDescriptorSize(set: FeatureSet, classes: number): number {
  return (set.patch ? PATCH_SIZE * PATCH_SIZE : 0) + (set.daisy ? 32 : 0) + (set.semantic ? classes : 0);
}

/**
 * Builds the descriptor source of `gray` for a feature set. `semantic` holds the smoothed class
 * probability planes (required when `set.semantic`).
 *
 * @example
 * ```ts
 * import { chengDescriptors } from 'colorize-toolkit/internals';
 * const gray = new Float32Array(20 * 20).map((_, i) => (i % 20) / 20);
 * const src = chengDescriptors(gray, 20, 20, { patch: true, daisy: false, semantic: false });
 * const d = new Float32Array(src.size);
 * src.fill(10, 10, d, 0);
 * console.log(src.size, d[24].toFixed(2), d[25].toFixed(2)); // 49 0.50 0.55
 * ```
 */
export function chengDescriptors(
  gray: Float32Array,
  width: number,
  height: number,
  set: FeatureSet,
  semantic: readonly Float32Array[] | null = null,
  daisyOptions: DaisyOptions = {},
): DescriptorSource {
  const field: DaisyField | null = set.daisy ? daisyField(gray, width, height, daisyOptions) : null;
  if (set.semantic && !semantic) throw new Error('chengDescriptors: semantic planes are required');
  const sem = set.semantic ? (semantic as readonly Float32Array[]) : [];
  const r = PATCH_SIZE >> 1;
  const size = (set.patch ? PATCH_SIZE * PATCH_SIZE : 0) + (field ? field.size : 0) + sem.length;
  return {
    size,
    fill(x, y, out, at) {
      let k = at;
      if (set.patch) {
        for (let dy = -r; dy <= r; dy++) {
          const yy = Math.min(Math.max(y + dy, 0), height - 1) * width;
          for (let dx = -r; dx <= r; dx++) out[k++] = gray[yy + Math.min(Math.max(x + dx, 0), width - 1)];
        }
      }
      if (field) {
        daisyDescriptor(field, x, y, out, k);
        k += field.size;
      }
      const p = y * width + x;
      for (const plane of sem) out[k++] = plane[p];
    },
  };
}
