/**
 * Local colouring (issue 18): a `mask` input limits a transfer or exemplar method to a region. The
 * method runs on the whole target; the result is blended back over the target with the mask,
 * blurred by a Gaussian of σ = `feather` pixels so the edge is soft:
 *
 *   out = α · result + (1 − α) · target,   α = G_σ * [mask > ½]
 *
 * A gray target keeps its gray outside the region; a colour target its colours. Registered
 * transfer and exemplar methods get the input and the `--feather` option from the catalogue.
 */

import { lumaOf } from '../../color/linear-spaces.js';
import { ColorizeError } from '../../errors.js';
import { gaussianBlur } from '../../filters/gaussian.js';
import type { ImageF32 } from '../../image/image.js';
import type { InputSpec, MethodDeclaration, MethodOption } from './types.js';

/** Default feather σ in pixels. */
export const DEFAULT_FEATHER = 4;

export const REGION_MASK_INPUT: InputSpec = {
  name: 'mask',
  kind: 'image',
  required: false,
  description:
    'limit the method to a region: white = colour it, black = keep the target as it is (the edge is feathered by --feather)',
};

export const FEATHER_OPTION: MethodOption = {
  flags: '--feather <px>',
  key: 'feather',
  type: 'number',
  default: DEFAULT_FEATHER,
  min: 0,
  max: 1000,
  unit: 'px',
  description: 'with a mask: σ of the Gaussian that softens the region’s edge (0: a hard edge)',
};

/**
 * The blending weight α of a region mask: 1 inside (mask > ½, on its luma), 0 outside, the edge
 * blurred by a Gaussian of σ = `feather` pixels.
 *
 * @example
 * ```ts
 * import { featheredMask, fromPlanes } from 'colorize-toolkit/internals';
 * const m = fromPlanes(4, 1, [Float32Array.of(1, 1, 0, 0)]);
 * console.log(Array.from(featheredMask(m, 4, 1, 0))); // [ 1, 1, 0, 0 ]
 * ```
 */
export function featheredMask(mask: ImageF32, width: number, height: number, feather: number): Float32Array {
  if (mask.width !== width || mask.height !== height)
    throw new ColorizeError(
      `mask: the mask is ${mask.width}×${mask.height} but the target is ${width}×${height}; they must be the same size`,
      'input',
    );
  const y = mask.channels.length === 1 ? mask.channels[0] : lumaOf(mask);
  const hard = new Float32Array(width * height);
  for (let i = 0; i < hard.length; i++) hard[i] = y[i] > 0.5 ? 1 : 0;
  if (feather <= 0) return hard;
  const a = gaussianBlur(hard, width, height, feather);
  for (let i = 0; i < a.length; i++) a[i] = Math.min(1, Math.max(0, a[i]));
  return a;
}

/** α · result + (1 − α) · target, per pixel (a gray target as R = G = B). */
export function blendRegion(result: ImageF32, target: ImageF32, alpha: Float32Array): ImageF32 {
  const channels = [0, 1, 2].map((c) => {
    const r = result.channels[Math.min(c, result.channels.length - 1)];
    const t = target.channels[Math.min(c, target.channels.length - 1)];
    const out = new Float32Array(r.length);
    for (let i = 0; i < r.length; i++) out[i] = alpha[i] * r[i] + (1 - alpha[i]) * t[i];
    return out;
  });
  return { width: result.width, height: result.height, channels };
}

/**
 * A transfer or exemplar method with the region mask: the `mask` input and `--feather` option
 * added, its result blended over the target where the mask is given. Other methods unchanged.
 */
export function withRegionMask(method: MethodDeclaration): MethodDeclaration {
  const families = [method.family, ...(method.alsoIn ?? [])];
  if (!families.some((f) => f === 'transfer' || f === 'exemplar')) return method;
  if (!method.inputs.some((i) => i.name === 'target') || method.inputs.some((i) => i.name === 'mask'))
    return method;
  const run = method.run;
  return {
    ...method,
    inputs: [...method.inputs, REGION_MASK_INPUT],
    options: [...method.options, FEATHER_OPTION],
    run: async (inputs, options, context) => {
      const { feather, ...rest } = options;
      const mask = inputs.images.mask;
      const target = inputs.images.target;
      const { mask: _m, ...images } = inputs.images;
      const res = await run({ ...inputs, images }, rest, context);
      if (!mask || !target) return res;
      const alpha = featheredMask(
        mask.image,
        target.image.width,
        target.image.height,
        (feather as number | undefined) ?? DEFAULT_FEATHER,
      );
      return { ...res, rgb: blendRegion(res.rgb, target.image, alpha) };
    },
  };
}
