/** Registers Deep Colorization as `colorize auto --method cheng`. */
import type { FlagValue } from '../../transfer/registry.js';
import { registerAutoMethod } from '../registry.js';
import { CHENG_FEATURE_SETS, CHENG_STYLES, CHENG_WORKING_SIZE, type ChengOptions } from './options.js';
import { colorizeCheng } from './pipeline.js';

registerAutoMethod({
  name: 'cheng',
  summary: 'Cheng et al. 2015/16 Deep Colorization: patch + DAISY + semantic features, per-cluster MLPs',
  // Registered models (models/catalogue.ts): the ensemble and the segmentation network its
  // semantic feature was trained with.
  models: ['cheng', 'deeplab-cityscapes'],
  flags: [
    {
      flags: '--no-clustering',
      key: 'clustering',
      type: 'boolean',
      description: 'use the global network instead of the adaptive image clustering',
      source: 'paper §III-C',
      default: true,
    },
    {
      flags: '--no-refine',
      key: 'refine',
      type: 'boolean',
      description: 'skip the joint bilateral chrominance refinement',
      source: 'paper §III-B.4',
      default: true,
    },
    {
      flags: '--features <set>',
      key: 'features',
      type: 'string',
      choices: CHENG_FEATURE_SETS,
      description: 'descriptor: all features, or an ablation network without one group',
      source: 'paper Figs. 2–4',
      default: 'full' as FlagValue,
    },
    {
      flags: '--style <name>',
      key: 'style',
      type: 'string',
      choices: CHENG_STYLES,
      description: 'global colour style: the ordinary ensemble, or a network fine-tuned on warm photos',
      source: 'paper §IV-C, Fig. 13',
      default: 'natural' as FlagValue,
    },
    {
      flags: '--top-k <k>',
      key: 'topK',
      type: 'number',
      integer: true,
      min: 1,
      description: 'clusters kept by GIST distance before the semantic-histogram choice',
      source: 'paper §III-C.1 (k not given)',
      default: 3,
    },
    {
      flags: '--refine-sigma-spatial <px>',
      key: 'refineSigmaSpatial',
      type: 'number',
      min: 0.5,
      description: 'refinement spatial σ in pixels',
      source: 'not given in the paper',
      default: 8,
    },
    {
      flags: '--working-size <px>',
      key: 'workingSize',
      type: 'number',
      integer: true,
      min: 0,
      description:
        'longest side at which the descriptors run (larger inputs are reduced and the chroma brought up by the finish stage); 0 = the input size',
      source: 'not in the paper (its training and test photos are ~256 px); docs/cheng.md measures it',
      default: CHENG_WORKING_SIZE,
    },
  ],
  run: async (gray, options, context) => (await colorizeCheng(gray, options as ChengOptions, context)).rgb,
});
