/**
 * The five family commands: `colorize scribble|transfer|exemplar|auto|fuse`. Their methods, flags and
 * help come from the catalogue (src/methods/catalogue); this file only says how each command
 * takes its inputs.
 */
import type { Command } from 'commander';
import '../../methods/builtin.js';
import { type FamilyCli, registerFamilyCommand } from '../family-command.js';

export const FAMILY_COMMANDS: FamilyCli[] = [
  {
    family: 'scribbles',
    command: 'scribble',
    summary: 'colorize a gray photo from coloured strokes',
    description:
      'Spreads the colours of a few user strokes over a gray photo.\n\n' +
      'Strokes come in one of three forms:\n' +
      '  MARKED               the gray image with strokes painted on it; a pixel is a\n' +
      '                       stroke when |R−gray|+|G−gray|+|B−gray| > 0.01 (Levin et\n' +
      '                       al.), so white, gray or black strokes count too (they\n' +
      '                       keep a region uncoloured)\n' +
      '  --mask M --colors C  a black/white mask (white = stroke) and an image with the\n' +
      '                       colours\n' +
      '  --strokes S.json     {"strokes": [{"points": [[x, y], ...], "width": 6,\n' +
      '                       "color": "#d04020"}]} (pixel coordinates, width = brush\n' +
      '                       diameter in pixels)\n\n' +
      'A colour image given as GRAY is reduced to its luminance. The output keeps the gray image ' +
      "as luminance, and GRAY's alpha and bit depth.",
    args: [
      { input: 'gray', label: 'gray', help: 'gray photo (a colour photo is reduced to its luminance)' },
      {
        input: 'marked',
        label: 'marked',
        help: 'the gray photo with coloured strokes painted on it',
        optional: true,
      },
    ],
    noun: 'photo',
    epilog:
      'Examples:\n' +
      '  colorize scribble examples/scene_gray.png examples/scene_marked.png \\\n' +
      '      -o scene_levin.png\n' +
      '  colorize scribble examples/scene_gray.png \\\n' +
      '      --strokes examples/scene_strokes.json -o out.png',
  },
  {
    family: 'transfer',
    command: 'transfer',
    summary: 'recolour an image (or a folder) with the colours of a reference image',
    description:
      'Colour transfer from REFERENCE (or the nearest image of a --gallery) to TARGET (colour or gray). ' +
      'TARGET may be a folder: every image in it is recoloured into the folder given by -o (created if ' +
      'missing), with one REFERENCE or a folder of references paired by name.',
    args: [
      { input: 'target', label: 'target', help: 'image to recolour (colour or gray), or a folder of them' },
      {
        input: 'reference',
        label: 'reference',
        help: 'colour image whose colours are used; omit with --gallery',
        optional: true,
      },
    ],
    noun: 'target',
  },
  {
    family: 'exemplar',
    command: 'exemplar',
    summary: 'colour a gray image from a colour reference photo (or the nearest of a gallery)',
    description:
      'Exemplar colorization: GRAY is coloured from a colour REFERENCE, or from the gallery image nearest ' +
      'to it in VGG-19 features with --gallery DIR (report §4.4.3; the folder is indexed once into a cached ' +
      'file). GRAY may be a folder; REFERENCE is then a folder of references paired by name ' +
      '(NNN_target ↔ NNN_reference) or one image, and -o names the output folder.',
    args: [
      { input: 'target', label: 'gray', help: 'gray image (or folder of images) to colour' },
      {
        input: 'reference',
        label: 'reference',
        help: 'colour reference image (or folder of references); omit with --gallery',
        optional: true,
      },
    ],
    noun: 'target',
  },
  {
    family: 'automatic',
    command: 'auto',
    summary: 'colour a gray image (or a folder) fully automatically, with a trained model',
    description:
      'Fully automatic colorization of GRAY (a colour input is reduced to its luminance). GRAY may be a ' +
      'folder: every image in it is coloured into the folder given by -o (created if missing).',
    args: [{ input: 'gray', label: 'gray', help: 'gray image to colour, or a folder of them' }],
    noun: 'input',
  },
  {
    family: 'fuse',
    command: 'fuse',
    summary: 'colour a gray photo from strokes, a reference and the automatic prediction together',
    description:
      'Hints that work together: any non-empty combination of strokes (--strokes S.json or --marked M), a ' +
      'colour reference (--reference R, or the nearest image of --gallery DIR) and the automatic CNN ' +
      'prediction (--auto) become colour candidates of every pixel, and one coupled-TV selection (Mouzon, ' +
      'Pierre & Berger 2019) chooses among them. Strokes are kept exactly where drawn; their confidence ' +
      'falls with the edge-aware distance from them. See docs/fuse.md.',
    args: [
      {
        input: 'gray',
        label: 'gray',
        help: 'gray photo to colour (a colour photo is reduced to its luminance)',
      },
    ],
    noun: 'photo',
    epilog:
      'Examples:\n' +
      '  colorize fuse examples/scene_gray.png --marked examples/scene_marked.png \\\n' +
      '      --reference examples/sunset.png --auto -o fused.png\n' +
      '  colorize fuse examples/scene_gray.png --reference examples/sunset.png --auto -o fused.png',
  },
];

export function registerFamilyCommands(program: Command): void {
  for (const spec of FAMILY_COMMANDS) registerFamilyCommand(program, spec);
}
