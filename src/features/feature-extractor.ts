/**
 * Pluggable per-pixel feature extractors for matching (IPOL 2024 §2.1.2: "the method can
 * nevertheless handle any other handcrafted or learned features"). An extractor turns an image
 * into a few layers of feature maps, each at its own resolution (a CNN layer after pooling is
 * smaller than the image); consumers bring them back to image resolution as they need.
 */
import type { ImageF32 } from '../image/image.js';

/** One layer of features: `channels` planes of width × height, channel-major (CHW). */
export interface FeatureMap {
  channels: number;
  width: number;
  height: number;
  data: Float32Array;
}

export interface FeatureExtractor {
  /** Short name ("vgg19", "handcrafted"). */
  readonly name: string;
  /** One line for the user: what the features are. */
  readonly description: string;
  /** Feature layers of a gray (1 channel) or sRGB (3 channels) image with values in [0, 1]. */
  extract(image: ImageF32): Promise<FeatureMap[]>;
}
