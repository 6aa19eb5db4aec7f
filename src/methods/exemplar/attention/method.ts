/**
 * Declares `attention`: the attention-based exemplar colourisation network of Gorriz Blanch et al.
 * (axial attention, pyramid decoder; trained here at 128², see docs/attention.md). `--model` (a
 * local ONNX file, for ablations) is offered on the command line only.
 */
import { colourReference, REFERENCE_ONE_OF, referenceInputs } from '../../catalogue/inputs.js';
import type { MethodDeclaration } from '../../catalogue/types.js';

export const attentionMethod: MethodDeclaration = {
  name: 'attention',
  family: 'exemplar',
  summary:
    'attention-based exemplar colourisation network (axial attention, pyramid decoder; trained here at 128²)',
  paper:
    'Gorriz Blanch, Khalifeh, Smeaton, O’Connor & Mrak, Attention-based Stylisation for Exemplar Image Colourisation',
  inputs: referenceInputs('gray photo to colour'),
  oneOf: REFERENCE_ONE_OF.map((g) => [...g]),
  targets: 'any',
  browser: false,
  options: [
    {
      flags: '--working-size <px>',
      key: 'workingSize',
      type: 'number',
      integer: true,
      unit: 'px',
      min: 64,
      max: 512,
      default: 128,
      description:
        'side of the square the network sees, a multiple of 32 (128: the training size; networks exported with fixed sizes run at that size only)',
      source: 'paper §4.1: 224',
    },
    {
      flags: '--model <file>',
      key: 'model',
      type: 'string',
      description: 'ONNX network to use instead of the trained models/attention/net.onnx',
      cliOnly: true,
    },
  ],
  run: async (inputs, o, ctx) => {
    const reference = colourReference(inputs);
    const { attentionColorize } = await import('./pipeline.js');
    ctx.progress?.(0.05, 'colorizing');
    const res = await attentionColorize(inputs.images.target!.image, reference.image, {
      model: o.model as string | undefined,
      size: o.workingSize as number | undefined,
    });
    return { rgb: res.rgb };
  },
};
