/** Picks the feature extractor: VGG-19 as in the paper, or handcrafted ones when its weights are absent. */
import { ColorizeError } from '../../../errors.js';
import type { FeatureExtractor } from '../../../features/feature-extractor.js';
import { HandcraftedFeatures } from '../../../features/handcrafted-features.js';
import { Vgg19Features } from '../../../features/vgg19-features.js';
import { findModelFile, modelSearchPaths } from '../../../models/locate.js';
import { VGG19_LAYERS } from '../../../models/vgg19.js';
import type { FeatureChoice } from './options.js';

/** True when all eight VGG-19 shards are found in the model search paths. */
export function vgg19Available(): boolean {
  return VGG19_LAYERS.every((l) => findModelFile(`vgg19/${l.shard}`) !== null);
}

/**
 * The extractor for a choice, and a notice for the user when 'auto' fell back to handcrafted
 * features. 'vgg19' without weights is an error naming the folders searched.
 */
export function chooseExtractor(choice: FeatureChoice | FeatureExtractor): {
  extractor: FeatureExtractor;
  notice?: string;
} {
  if (typeof choice !== 'string') return { extractor: choice };
  if (choice === 'handcrafted') return { extractor: new HandcraftedFeatures() };
  if (vgg19Available()) return { extractor: new Vgg19Features() };
  const where = modelSearchPaths()
    .map((d) => `${d}/vgg19`)
    .join(', ');
  if (choice === 'vgg19') {
    throw new ColorizeError(
      `VGG-19 weights not found (looked in ${where}); set COLORIZE_MODELS or use --features handcrafted`,
      'io',
    );
  }
  return {
    extractor: new HandcraftedFeatures(),
    notice: `VGG-19 weights not found (looked in ${where}); using handcrafted Lab + gradient features instead`,
  };
}
