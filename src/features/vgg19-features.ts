/**
 * VGG-19 deep features (IPOL 2024 §2.1.2): ReLU outputs of conv1_2, conv2_2 and conv3_4 with
 * average pooling, through ONNX Runtime. Input preprocessing is Keras "caffe" mode: 0–255,
 * BGR order, ImageNet mean subtracted. Gray images are fed as R = G = B.
 */
import { ColorizeError } from '../errors.js';
import type { ImageF32 } from '../image/image.js';
import { loadOrt, onnxSession } from '../models/runtime.js';
import { ensureVgg19Onnx, VGG19_BGR_MEAN, VGG19_OUTPUTS } from '../models/vgg19.js';
import type { FeatureExtractor, FeatureMap } from './feature-extractor.js';

/** Planar [1, 3, H, W] BGR caffe-preprocessed input for VGG-19. */
export function vggInput(image: ImageF32): Float32Array {
  const n = image.width * image.height;
  const out = new Float32Array(3 * n);
  const ch = image.channels;
  if (ch.length !== 1 && ch.length !== 3)
    throw new ColorizeError(`vgg19: expected 1 or 3 channels, got ${ch.length}`, 'input');
  const R = ch.length === 3 ? ch[0] : ch[0];
  const G = ch.length === 3 ? ch[1] : ch[0];
  const B = ch.length === 3 ? ch[2] : ch[0];
  for (let i = 0; i < n; i++) {
    out[i] = B[i] * 255 - VGG19_BGR_MEAN[0];
    out[n + i] = G[i] * 255 - VGG19_BGR_MEAN[1];
    out[2 * n + i] = R[i] * 255 - VGG19_BGR_MEAN[2];
  }
  return out;
}

/**
 * The VGG-19 extractor; converts the weights to ONNX on first use.
 *
 * @example
 * ```ts
 * import { createImage, Vgg19Features } from 'colorize-toolkit/internals';
 * const maps = await new Vgg19Features().extract(createImage(32, 32, 3));
 * console.log(maps.map((m) => [m.channels, m.width])); // [[64, 32], [128, 16], [256, 8]]
 * ```
 */
export class Vgg19Features implements FeatureExtractor {
  readonly name = 'vgg19';
  readonly description = 'VGG-19 conv1_2, conv2_2, conv3_4 (ReLU, average pooling)';

  async extract(image: ImageF32): Promise<FeatureMap[]> {
    if (image.width < 4 || image.height < 4) {
      throw new ColorizeError(
        `vgg19: image ${image.width}×${image.height} is too small (at least 4×4)`,
        'input',
      );
    }
    // Idle threads sleep instead of spinning: much faster on a busy machine (see SessionTuning).
    const [ort, session] = await Promise.all([
      loadOrt(),
      ensureVgg19Onnx().then((file) => onnxSession(file, { spinning: false })),
    ]);
    const input = new ort.Tensor('float32', vggInput(image), [1, 3, image.height, image.width]);
    const out = await session.run({ input });
    return VGG19_OUTPUTS.map((name) => {
      const t = out[name];
      const [, c, h, w] = t.dims as number[];
      return { channels: c, width: w, height: h, data: t.data as Float32Array };
    });
  }
}
