/**
 * HSV (hexcone, hue in [0, 1) as a fraction of a turn) and HSI as in the re-colorization
 * report eq. (2): I = (R+G+B)/3, S = 1 − 3 min/(R+G+B), H = θ or 2π − θ (in radians here).
 */

/**
 * sRGB in [0, 1] → [h, s, v] with h ∈ [0, 1).
 *
 * @example
 * ```ts
 * import { rgbToHsv } from 'colorize-toolkit/internals';
 * console.log(rgbToHsv(0, 0.5, 1)); // [ 0.5833333333333334, 1, 1 ]
 * ```
 */
export function rgbToHsv(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const s = max === 0 ? 0 : d / max;
  let h = 0;
  if (d > 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
    if (h < 0) h += 1;
  }
  return [h, s, max];
}

/** [h, s, v] with h ∈ [0, 1) → sRGB. */
export function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const h6 = (((h % 1) + 1) % 1) * 6;
  const i = Math.floor(h6);
  const f = h6 - i;
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  switch (i % 6) {
    case 0:
      return [v, t, p];
    case 1:
      return [q, v, p];
    case 2:
      return [p, v, t];
    case 3:
      return [p, q, v];
    case 4:
      return [t, p, v];
    default:
      return [v, p, q];
  }
}

/** HSV saturation alone (max − min)/max, 0 for black. */
export function hsvSaturation(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  if (max <= 0) return 0;
  return (max - Math.min(r, g, b)) / max;
}

/** sRGB → [h (radians, [0, 2π)), s, i] by report eq. (2). */
export function rgbToHsi(r: number, g: number, b: number): [number, number, number] {
  const sum = r + g + b;
  const i = sum / 3;
  const s = sum <= 0 ? 0 : 1 - (3 * Math.min(r, g, b)) / sum;
  // Standard form of θ; the report's denominator is this one's factored, typo'd version.
  const num = 0.5 * (r - g + (r - b));
  const den = Math.sqrt((r - g) * (r - g) + (r - b) * (g - b));
  if (den <= 1e-12) return [0, s, i];
  const theta = Math.acos(Math.max(-1, Math.min(1, num / den)));
  return [b <= g ? theta : 2 * Math.PI - theta, s, i];
}

/** [h (radians), s, i] → sRGB (sector formulas of Gonzalez & Woods). */
export function hsiToRgb(h: number, s: number, i: number): [number, number, number] {
  const TWO_PI = 2 * Math.PI;
  let H = ((h % TWO_PI) + TWO_PI) % TWO_PI;
  const third = TWO_PI / 3;
  const part = (hh: number): [number, number, number] => {
    const x = i * (1 - s);
    const y = i * (1 + (s * Math.cos(hh)) / Math.cos(Math.PI / 3 - hh));
    const z = 3 * i - (x + y);
    return [x, y, z];
  };
  if (H < third) {
    const [x, y, z] = part(H);
    return [y, z, x];
  }
  if (H < 2 * third) {
    H -= third;
    const [x, y, z] = part(H);
    return [x, y, z];
  }
  H -= 2 * third;
  const [x, y, z] = part(H);
  return [z, x, y];
}
