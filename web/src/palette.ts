/**
 * Dominant colours of a reference photo for the brush: k-means in CIELAB on a reduced copy
 * (k-means++ seeding with a fixed seed, so the palette is the same every time), largest first.
 */
import { labImageToRgb, rgbImageToLab } from '../../src/color/lab.js';
import type { ImageF32 } from '../../src/image/image.js';
import { resizeImage } from '../../src/image/resize.js';

export interface PaletteColour {
  hex: string;
  /** Share of the reference's pixels. */
  share: number;
}

/**
 * @example
 * ```ts
 * const colours = dominantColours(referenceImage, 8);
 * console.log(colours[0].hex); // e.g. "#3a6ea5"
 * ```
 */
export function dominantColours(img: ImageF32, k = 8, iterations = 12): PaletteColour[] {
  const f = Math.min(1, Math.sqrt(4096 / (img.width * img.height)));
  const small =
    f < 1
      ? resizeImage(
          img,
          Math.max(1, Math.round(img.width * f)),
          Math.max(1, Math.round(img.height * f)),
          'area',
        )
      : img;
  const lab = rgbImageToLab(small);
  const [L, A, B] = lab.channels;
  const n = L.length;
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  const centres: number[][] = [[L[0], A[0], B[0]]];
  const d2 = new Float64Array(n).fill(Infinity);
  while (centres.length < Math.min(k, n)) {
    const c = centres[centres.length - 1];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const d = (L[i] - c[0]) ** 2 + (A[i] - c[1]) ** 2 + (B[i] - c[2]) ** 2;
      if (d < d2[i]) d2[i] = d;
      sum += d2[i];
    }
    let r = rand() * sum;
    let pick = 0;
    for (; pick < n - 1 && r > d2[pick]; pick++) r -= d2[pick];
    centres.push([L[pick], A[pick], B[pick]]);
  }
  const label = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    const acc = centres.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bd = Infinity;
      for (let c = 0; c < centres.length; c++) {
        const d = (L[i] - centres[c][0]) ** 2 + (A[i] - centres[c][1]) ** 2 + (B[i] - centres[c][2]) ** 2;
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      label[i] = best;
      const a = acc[best];
      a[0] += L[i];
      a[1] += A[i];
      a[2] += B[i];
      a[3]++;
    }
    acc.forEach((a, c) => {
      if (a[3] > 0) centres[c] = [a[0] / a[3], a[1] / a[3], a[2] / a[3]];
    });
  }
  const counts = centres.map(() => 0);
  for (let i = 0; i < n; i++) counts[label[i]]++;
  const planes = [0, 1, 2].map((j) => Float32Array.from(centres, (c) => c[j]));
  const rgb = labImageToRgb({ width: centres.length, height: 1, channels: planes });
  const hex = (i: number) =>
    `#${rgb.channels
      .map((p) =>
        Math.round(Math.min(1, Math.max(0, p[i])) * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  return centres
    .map((_, i) => ({ hex: hex(i), share: counts[i] / n }))
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share);
}
