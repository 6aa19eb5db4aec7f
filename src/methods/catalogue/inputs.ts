/**
 * Inputs shared by methods of several families, and the checks on them that every front end
 * makes the same way (a gray reference, a gray target of a colour-only method).
 */
import { lumaOf } from '../../color/linear-spaces.js';
import { ColorizeError } from '../../errors.js';
import type { ImageF32 } from '../../image/image.js';
import type { InputImage, InputSpec, MethodDeclaration, MethodInputs } from './types.js';

/** The gallery stand-in for a reference: any method with a `reference` input takes it. */
export const GALLERY_INPUT: InputSpec = {
  name: 'gallery',
  kind: 'gallery',
  required: false,
  description:
    'instead of a reference: pick it from a gallery of colour photos, the nearest to the target in VGG-19 conv3_4 features (report §4.4.3); "auto" or an image name',
};

/**
 * The inputs of a method that colours a target from a colour reference (or a gallery pick).
 *
 * @example
 * ```ts
 * import { referenceInputs } from 'colorize-toolkit';
 * console.log(referenceInputs('gray photo to colour').map((i) => i.name)); // [ 'target', 'reference', 'gallery' ]
 * ```
 */
export function referenceInputs(
  target: string,
  reference = 'colour photo whose colours are used',
): InputSpec[] {
  return [
    { name: 'target', kind: 'image', required: true, description: target },
    { name: 'reference', kind: 'image', required: false, description: reference },
    GALLERY_INPUT,
  ];
}

/** `oneOf` of a method with {@link referenceInputs}. */
export const REFERENCE_ONE_OF = [['reference', 'gallery']] as const;

/**
 * The one-channel gray image an input stands for: a gray input's own plane (also when stored as
 * RGB), or the Rec. 601 luma of a colour one.
 *
 * @example
 * ```ts
 * import { fromPlanes, grayInput } from 'colorize-toolkit';
 * const red = fromPlanes(1, 1, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]);
 * console.log(grayInput(red, false).channels[0][0].toFixed(3)); // 0.299
 * ```
 */
export function grayInput(image: ImageF32, isGray: boolean): ImageF32 {
  const plane = isGray ? image.channels[0] : lumaOf(image);
  return { width: image.width, height: image.height, channels: [plane] };
}

/** The note a method gives when a colour photo stands for its gray input. */
export const COLOUR_AS_GRAY_NOTE =
  'the gray input is a colour image; using its luminance (Rec. 601 luma) as the gray image';

/** The colour reference of a request; a gray one is refused (it has no colours to give). */
export function colourReference(inputs: MethodInputs): InputImage {
  const reference = inputs.images.reference;
  if (!reference) throw new ColorizeError('give a colour reference (or a gallery to pick one from)', 'usage');
  if (reference.isGray)
    throw new ColorizeError(
      'the reference is gray, so it has no colours to use; give a colour reference',
      'input',
    );
  return reference;
}

/**
 * True when `method` refuses this target: a colour-only method, a gray target, and not the option
 * its `grayAlternative` names for gray targets.
 */
export function refusesGrayTarget(
  method: Pick<MethodDeclaration, 'targets' | 'grayAlternative'>,
  targetIsGray: boolean,
  options: Record<string, unknown>,
): boolean {
  const alt = method.grayAlternative?.option;
  const altChosen = alt !== undefined && options[alt.key] === alt.value;
  return method.targets === 'colour' && targetIsGray && !altChosen;
}

/**
 * A front end's words for what to do with a gray target of a colour-only method: `word` names a
 * method, an option and exemplar colorization in that front end's terms.
 */
export function grayTargetHint(
  method: Pick<MethodDeclaration, 'grayAlternative'>,
  word: {
    method(name: string): string;
    exemplar(): string;
    option(key: string, value: string): string;
  },
): string | undefined {
  const a = method.grayAlternative;
  if (!a) return undefined;
  const parts: string[] = [];
  if (a.method) parts.push(`use ${word.method(a.method)} for a gray target`);
  if (a.exemplar) parts.push(`to colour a gray target from a colour reference use ${word.exemplar()}`);
  let text = parts.join('; ');
  if (a.option) {
    const o = `${word.option(a.option.key, a.option.value)} for ${a.option.gives}`;
    text = text ? `${text} (or ${o})` : `use ${o}`;
  }
  return text || undefined;
}

/**
 * What is wrong with the set of inputs a request gives `method` (a required one missing, none of
 * a one-of group, half of a pair), in the words of a front end (`word` names an input: a field,
 * a flag, an argument), or undefined when nothing is.
 */
export function inputProblem(
  method: Pick<MethodDeclaration, 'name' | 'inputs' | 'oneOf' | 'together'>,
  present: (name: InputSpec['name']) => boolean,
  word: (name: InputSpec['name']) => string = (n) => `"${n}"`,
): string | undefined {
  for (const spec of method.inputs)
    if (spec.required && !present(spec.name))
      return `${method.name} needs the input ${word(spec.name)} (${spec.description})`;
  for (const group of method.oneOf ?? [])
    if (!group.some(present)) return `${method.name} needs one of the inputs ${group.map(word).join(' or ')}`;
  for (const group of method.together ?? [])
    if (group.some(present) && !group.every(present))
      return `${group.map(word).join(' and ')} go together: give both`;
  return undefined;
}
