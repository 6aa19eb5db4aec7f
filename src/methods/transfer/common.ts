/** Checks and small helpers shared by the global colour transfer methods. */
import { ColorizeError } from '../../errors.js';
import { grayToRgb, type ImageF32, isNeutralGray } from '../../image/image.js';

/** True when the image has one channel or R = G = B at every pixel within one 8-bit level. */
export function isGrayImage(img: ImageF32): boolean {
  return isNeutralGray(img, 1 / 255);
}

/** Throws a clear input error when the reference has no colour. */
export function requireColourReference(reference: ImageF32, method: string): ImageF32 {
  if (reference.channels.length !== 1 && reference.channels.length !== 3) {
    throw new ColorizeError(
      `${method}: reference must have 1 or 3 channels, got ${reference.channels.length}`,
      'input',
    );
  }
  if (isGrayImage(reference)) {
    throw new ColorizeError(
      `${method}: the reference image has no colour (it is gray), so there are no colours to transfer; use a colour reference`,
      'input',
    );
  }
  return reference;
}

/** The target as three channels (a gray target becomes R = G = B, the report's convention). */
export function targetAsRgb(target: ImageF32): ImageF32 {
  if (target.channels.length !== 1 && target.channels.length !== 3) {
    throw new ColorizeError(`target must have 1 or 3 channels, got ${target.channels.length}`, 'input');
  }
  return grayToRgb(target);
}

/** Clamps every sample of a planar image into [0, 1] in place and returns it. */
export function clampImage01(img: ImageF32): ImageF32 {
  for (const p of img.channels) for (let i = 0; i < p.length; i++) p[i] = p[i] < 0 ? 0 : p[i] > 1 ? 1 : p[i];
  return img;
}

/** Mean and (population) standard deviation of a plane, accumulated in float64. */
export function planeStats(p: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i];
  const mean = s / p.length;
  let v = 0;
  for (let i = 0; i < p.length; i++) v += (p[i] - mean) ** 2;
  return { mean, std: Math.sqrt(v / p.length) };
}
