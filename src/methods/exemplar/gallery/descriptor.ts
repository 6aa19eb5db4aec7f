/**
 * Global descriptor for gallery retrieval (report §4.4.3: argmin over the gallery of
 * ‖F^l(X) − F^l(T)‖_F for some layer l). F^l is VGG-19 conv3_4 (ReLU; the deepest layer the
 * weights hold, so the most semantic) of the image made gray and squashed to 64 × 64, then
 * average-pooled on a 4 × 4 grid: 256 × 16 = 4,096 values. The Euclidean distance between two
 * descriptors is the report's Frobenius distance between the two feature maps after a 4 × 4 box
 * low-pass, which keeps the coarse layout the report's distance rewards while making a 4,000-image
 * index 65 MB instead of 1 GB. Gallery images are described by their luma (the target is gray, and
 * a colour image's features differ from its gray version's).
 */
import { lumaOf } from '../../../color/linear-spaces.js';
import { Vgg19Features } from '../../../features/vgg19-features.js';
import { fromPlanes, type ImageF32 } from '../../../image/image.js';
import { resizeImage } from '../../../image/resize.js';

export const DESCRIPTOR_INPUT = 64;
export const DESCRIPTOR_GRID = 4;
export const DESCRIPTOR_LAYER = 'conv3_4';
/** 256 channels × 4 × 4 cells. */
export const DESCRIPTOR_DIMS = 256 * DESCRIPTOR_GRID * DESCRIPTOR_GRID;

const extractor = new Vgg19Features();

/**
 * The descriptor of an image (gray or colour; colour is reduced to its Rec. 601 luma first).
 *
 * @example
 * ```ts
 * import { createImage, galleryDescriptor } from 'colorize-toolkit/internals';
 * console.log((await galleryDescriptor(createImage(80, 60, 1))).length); // 4096
 * ```
 */
export async function galleryDescriptor(image: ImageF32): Promise<Float32Array> {
  const y = image.channels.length === 1 ? image.channels[0] : lumaOf(image);
  const small = resizeImage(
    fromPlanes(image.width, image.height, [y]),
    DESCRIPTOR_INPUT,
    DESCRIPTOR_INPUT,
    'area',
  );
  const maps = await extractor.extract(small);
  const f = maps[2]; // conv3_4: 256 × 16 × 16
  const cell = f.width / DESCRIPTOR_GRID;
  const out = new Float32Array(DESCRIPTOR_DIMS);
  const g = DESCRIPTOR_GRID;
  for (let c = 0; c < f.channels; c++)
    for (let y0 = 0; y0 < f.height; y0++)
      for (let x0 = 0; x0 < f.width; x0++) {
        const k = (c * g + Math.floor(y0 / cell)) * g + Math.floor(x0 / cell);
        out[k] += f.data[(c * f.height + y0) * f.width + x0] / (cell * cell);
      }
  return out;
}
