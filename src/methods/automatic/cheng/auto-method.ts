/** Declares Deep Colorization (Cheng, Yang & Sheng) as the automatic method `cheng`. */
import type { OptionValue } from '../../catalogue/types.js';
import { automaticMethod } from '../declare.js';
import {
  CHENG_CHROMA_GAIN,
  CHENG_FEATURE_SETS,
  CHENG_MEMBERS,
  CHENG_STYLES,
  CHENG_WORKING_PIXELS,
  CHENG_WORKING_SIZE,
  type ChengOptions,
} from './options.js';
import { colorizeCheng } from './pipeline.js';

export const chengMethod = automaticMethod({
  name: 'cheng',
  paper: 'Cheng, Yang & Sheng 2015/16, Deep Colorization, §III',
  browser: false,
  summary: 'Cheng et al. 2015/16 Deep Colorization: patch + DAISY + semantic features, per-cluster MLPs',
  // Registered models (models/catalogue.ts): the ensemble and the segmentation network its
  // semantic feature was trained with.
  models: ['cheng', 'deeplab-cityscapes'],
  options: [
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
      default: 'full' as OptionValue,
    },
    {
      flags: '--style <name>',
      key: 'style',
      type: 'string',
      choices: CHENG_STYLES,
      description: 'global colour style: the ordinary ensemble, or a network fine-tuned on warm photos',
      source: 'paper §IV-C, Fig. 13',
      default: 'natural' as OptionValue,
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
      flags: '--refine-sigma-range <σ>',
      key: 'refineSigmaRange',
      type: 'number',
      min: 1e-3,
      max: 10,
      description: 'refinement range σ on the [0, 1] gray guide',
      source: 'paper §III-B.4 (not given)',
      default: 0.08,
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
    {
      flags: '--working-pixels <n>',
      key: 'workingPixels',
      type: 'number',
      integer: true,
      min: 0,
      description:
        'without --working-size: largest pixel count at which the descriptors run; larger inputs are reduced to about this many pixels (0 = no limit)',
      source: 'not in the paper: bounds memory (about 0.3 GB per megapixel at full size); README.md',
      default: CHENG_WORKING_PIXELS,
    },
    {
      flags: '--chroma-gain <g>',
      key: 'chromaGain',
      type: 'number',
      min: 0,
      max: 4,
      description:
        "factor on the predicted chrominance: least squares predicts a greyer mean colour; 1 = the paper's output",
      source: 'not in the paper; chosen on the tuning split (docs/cheng.md)',
      default: CHENG_CHROMA_GAIN,
    },
    {
      flags: '--members <k>',
      key: 'members',
      type: 'number',
      integer: true,
      min: 1,
      max: 64,
      description:
        "global networks averaged (other training seeds; needs --no-clustering); 1 = the paper's single network",
      source: 'not in the paper; docs/cheng.md measures 1–5 on val',
      default: CHENG_MEMBERS,
    },
  ],
  colorize: async (gray, options, context) =>
    (
      await colorizeCheng(gray, options as ChengOptions, {
        notice: context.notice,
        progress: context.progress,
      })
    ).rgb,
});
