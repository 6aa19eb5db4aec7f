/**
 * Runs the VGG-19 forward and backward graphs of models/vgg19-grad.ts through ONNX Runtime on
 * images in [0, 1] RGB, converting the input gradient back from the caffe BGR 0–255 units.
 */

import type { FeatureMap } from '../../../features/feature-extractor.js';
import { vggInput } from '../../../features/vgg19-features.js';
import type { ImageF32 } from '../../../image/image.js';
import { loadOrt, onnxSession } from '../../../models/runtime.js';
import { checkGradSize, ensureVgg19GradOnnx, type VggConvName } from '../../../models/vgg19-grad.js';

type Session = import('onnxruntime-node').InferenceSession;

/** Forward features and input gradients of VGG-19 for a fixed set of layers. */
export class VggNetwork {
  private constructor(
    readonly layers: VggConvName[],
    private readonly ort: typeof import('onnxruntime-node'),
    private readonly fwd: Session,
    private readonly bwd: Session,
  ) {}

  /**
   * Opens (building on first use) the two models for `layers`; `memPattern: false` opens them
   * without ONNX Runtime's memory-pattern planning (less memory; see `onnxSession`).
   *
   * @example
   * ```ts
   * import { createImage, VggNetwork } from 'colorize-toolkit/internals';
   * const net = await VggNetwork.open(['conv1_1']);
   * const [f] = await net.features(createImage(8, 8, 3));
   * console.log(f.channels, f.width); // 64 8
   * ```
   */
  static async open(
    layers: readonly VggConvName[],
    { memPattern = true }: { memPattern?: boolean } = {},
  ): Promise<VggNetwork> {
    const [ort, files] = await Promise.all([loadOrt(), ensureVgg19GradOnnx(layers)]);
    const [fwd, bwd] = await Promise.all([
      onnxSession(files.forward, { memPattern }),
      onnxSession(files.backward, { memPattern }),
    ]);
    // Output order of the models is network order.
    const names = fwd.outputNames as VggConvName[];
    return new VggNetwork(names, ort, fwd, bwd);
  }

  /** The image as the graphs' `input` tensor [1, 3, H, W] (caffe BGR, 0–255 minus the mean). */
  inputTensor(image: ImageF32): import('onnxruntime-node').Tensor {
    checkGradSize(image.width, image.height);
    return new this.ort.Tensor('float32', vggInput(image), [1, 3, image.height, image.width]);
  }

  /** Pre-ReLU outputs of the layers, in `this.layers` order. */
  async features(image: ImageF32): Promise<FeatureMap[]> {
    const out = await this.fwd.run({ input: this.inputTensor(image) });
    return this.layers.map((n) => {
      const t = out[n];
      const [, c, h, w] = t.dims as number[];
      return { channels: c, width: w, height: h, data: t.data as Float32Array };
    });
  }

  /**
   * dL/d(image) for an RGB image in [0, 1], given dL/dF for each layer (same order and shapes as
   * {@link features}); returns three planes R, G, B.
   */
  async gradient(image: ImageF32, grads: FeatureMap[]): Promise<Float32Array[]> {
    const feeds: Record<string, import('onnxruntime-node').Tensor> = { input: this.inputTensor(image) };
    this.layers.forEach((n, i) => {
      const g = grads[i];
      feeds[`grad_${n}`] = new this.ort.Tensor('float32', g.data, [1, g.channels, g.height, g.width]);
    });
    const out = await this.bwd.run(feeds);
    return this.imageGradient(image, out.grad_input);
  }

  /** A `grad_input` tensor (∂L/∂input, caffe units) as ∂L/∂R, ∂L/∂G, ∂L/∂B of the [0, 1] image. */
  imageGradient(image: ImageF32, gradInput: import('onnxruntime-node').Tensor): Float32Array[] {
    const d = gradInput.data as Float32Array;
    const n = image.width * image.height;
    // input_B = 255·B − mean, so dL/dB = 255·dL/d(input_B); the planes are stored B, G, R.
    const plane = (k: number) => {
      const p = new Float32Array(n);
      for (let i = 0; i < n; i++) p[i] = 255 * d[k * n + i];
      return p;
    };
    return [plane(2), plane(1), plane(0)];
  }
}
