/**
 * Declares a fully automatic method from its gray → image function: one `gray` input (a colour
 * photo is reduced to its Rec. 601 luma, with a note), progress and debug pictures passed through.
 */
import type { ImageF32 } from '../../image/image.js';
import { COLOUR_AS_GRAY_NOTE, grayInput } from '../catalogue/inputs.js';
import type { MethodContext, MethodDeclaration } from '../catalogue/types.js';

export type AutomaticDeclaration = Omit<MethodDeclaration, 'family' | 'inputs' | 'run'> & {
  /** Colours `gray` (one channel, values in [0, 1]) → sRGB image of the same size. */
  colorize(gray: ImageF32, options: Record<string, unknown>, context: MethodContext): Promise<ImageF32>;
};

/**
 * An automatic-family declaration.
 *
 * @example
 * ```ts
 * import { automaticMethod } from 'colorize-toolkit';
 * const m = automaticMethod({ name: 'sepia', summary: 'gray stays gray', paper: 'none', options: [],
 *   browser: true, colorize: async (g) => g });
 * console.log(m.family, m.inputs.map((i) => i.name)); // automatic [ 'gray' ]
 * ```
 */
export function automaticMethod(d: AutomaticDeclaration): MethodDeclaration {
  const { colorize, ...rest } = d;
  return {
    ...rest,
    family: 'automatic',
    inputs: [
      {
        name: 'gray',
        kind: 'image',
        required: true,
        description: 'gray photo to colour (a colour photo is reduced to its luminance)',
      },
    ],
    run: async (inputs, options, context) => {
      const input = inputs.images.gray!;
      if (!input.isGray) context.notice?.(COLOUR_AS_GRAY_NOTE);
      return { rgb: await colorize(grayInput(input.image, input.isGray), options, context) };
    },
  };
}
