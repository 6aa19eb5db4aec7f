/**
 * Declares a transfer method from its (target, reference) → image function: the inputs (target,
 * colour reference or gallery pick), the gray-target policy and the run wrapper are the same for
 * every method of the family. Each method's `method.ts` calls it once.
 */

import { rgbImageToLab } from '../../color/lab.js';
import { lumaOf } from '../../color/linear-spaces.js';
import { ColorizeError } from '../../errors.js';
import { finish } from '../../finish/finish.js';
import { fromPlanes, type ImageF32, isNeutralGray } from '../../image/image.js';
import {
  colourReference,
  grayTargetHint,
  REFERENCE_ONE_OF,
  referenceInputs,
  refusesGrayTarget,
} from '../catalogue/inputs.js';
import { validateOptions } from '../catalogue/options.js';
import type { MethodContext, MethodDeclaration } from '../catalogue/types.js';

export type TransferDeclaration = Omit<
  MethodDeclaration,
  'family' | 'inputs' | 'oneOf' | 'run' | 'targets'
> & {
  targets: 'any' | 'colour';
  /**
   * The transfer: target (1 or 3 channels), colour reference (3 channels) → sRGB image of the
   * target's size; `options` holds the validated options the user gave.
   */
  transfer(
    target: ImageF32,
    reference: ImageF32,
    options: Record<string, unknown>,
    context: MethodContext,
  ): ImageF32 | Promise<ImageF32>;
};

/** The catalogue's words for a gray-target suggestion (front ends may word their own). */
export function catalogueGrayHint(method: Pick<MethodDeclaration, 'grayAlternative'>): string | undefined {
  return grayTargetHint(method, {
    method: (m) => `method ${m}`,
    exemplar: () => 'an exemplar method',
    option: (k, v) => `option ${k}=${v}`,
  });
}

/**
 * A transfer-family declaration.
 *
 * @example
 * ```ts
 * import { transferMethod } from 'colorize-toolkit';
 * const m = transferMethod({ name: 'keep', summary: 'returns the target', paper: 'none', targets: 'any',
 *   options: [], browser: true, transfer: (t) => t });
 * console.log(m.family, m.inputs.map((i) => i.name)); // transfer [ 'target', 'reference', 'gallery' ]
 * ```
 */
export function transferMethod(d: TransferDeclaration): MethodDeclaration {
  const { transfer, ...rest } = d;
  return {
    ...rest,
    family: 'transfer',
    inputs: referenceInputs('image to recolour (colour or gray)', 'colour image whose colours are used'),
    oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
    run: async (inputs, options, context) => {
      const target = inputs.images.target!;
      const reference = colourReference(inputs);
      if (refusesGrayTarget(d, target.isGray, options)) {
        const hint = catalogueGrayHint(d);
        throw new ColorizeError(
          `target is gray and ${d.name} needs a colour target${hint ? `; ${hint}` : ''}`,
          'input',
        );
      }
      const rgb = await transfer(target.image, reference.image, options, context);
      return { rgb: target.isGray ? keepGrayLuminance(target.image, rgb) : rgb };
    },
  };
}

/**
 * A gray target's result with the target's own luminance: methods that match all three channels
 * (the histogram LUTs, wavelet merging in RGB) would otherwise posterise and shift the gray
 * levels. Their colours stay (CIELAB a*, b*, gamut-clamped), the Rec. 601 luma is the target's,
 * through the shared finish stage. A result that already keeps it is returned as it is.
 */
export function keepGrayLuminance(target: ImageF32, rgb: ImageF32): ImageF32 {
  const y = target.channels.length === 1 ? target.channels[0] : lumaOf(target);
  const out = lumaOf(rgb);
  let worst = 0;
  for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(out[i] - y[i]));
  if (worst <= 0.5 / 255) return rgb;
  const lab = rgbImageToLab(rgb);
  const chroma = fromPlanes(rgb.width, rgb.height, [lab.channels[1], lab.channels[2]]);
  const gray = fromPlanes(target.width, target.height, [y]);
  return finish({ original: gray, chroma, space: 'lab' });
}

/**
 * Runs a method with a target and a reference given as images (gray when one channel or R = G = B),
 * options validated against its declaration: for scripts and tests that call methods directly.
 *
 * @example
 * ```ts
 * import { createImage, getMethod, runWithReference } from 'colorize-toolkit/internals';
 * const t = createImage(4, 4, 1); t.channels[0].fill(0.5);
 * const r = createImage(4, 4, 3); r.channels[0].fill(0.8);
 * const out = await runWithReference(getMethod('histogram'), t, r);
 * console.log(out.channels.length); // 3
 * ```
 */
export async function runWithReference(
  method: MethodDeclaration,
  target: ImageF32,
  reference: ImageF32,
  options: Record<string, unknown> = {},
  context: MethodContext = {},
): Promise<ImageF32> {
  const images = {
    target: { image: target, isGray: isNeutralGray(target, 1 / 255) },
    reference: { image: reference, isGray: isNeutralGray(reference, 1 / 255) },
  };
  const { rgb } = await method.run({ images, texts: {} }, validateOptions(method, options), context);
  return rgb;
}
