/**
 * The total loss of report §4.2.2, L(X) = Σ_l w^c_l E_c^l(X) + Σ_l w^s_l E_s^l(X), and its
 * gradient w.r.t. the image: features forward, loss gradients per layer in TypeScript (Gram
 * products through {@link MatrixOps}), then the VGG backward graph.
 */
import type { FeatureMap } from '../../../features/feature-extractor.js';
import type { ImageF32 } from '../../../image/image.js';
import type { VggConvName } from '../../../models/vgg19-grad.js';
import { contentLoss, type MatrixOps, styleLoss } from './loss.js';
import type { VggNetwork } from './network.js';
import type { LayerWeights } from './options.js';

export interface Evaluation {
  loss: number;
  content: number;
  style: number;
  /** dL/dR, dL/dG, dL/dB. */
  grad: Float32Array[];
}

/** Targets fixed for one optimisation: content features P_l and reference Gram matrices A_l. */
export class GramObjective {
  private constructor(
    private readonly net: VggNetwork,
    private readonly ops: MatrixOps,
    private readonly content: Map<VggConvName, { weight: number; target: FeatureMap }>,
    private readonly style: Map<VggConvName, { weight: number; target: Float64Array }>,
  ) {}

  /** Computes the targets from the content image (gray as RGB) and the style image. */
  static async create(
    net: VggNetwork,
    ops: MatrixOps,
    contentImage: ImageF32,
    styleImage: ImageF32,
    contentLayers: LayerWeights,
    styleLayers: LayerWeights,
  ): Promise<GramObjective> {
    const [cf, sf] = await Promise.all([net.features(contentImage), net.features(styleImage)]);
    const content = new Map<VggConvName, { weight: number; target: FeatureMap }>();
    const style = new Map<VggConvName, { weight: number; target: Float64Array }>();
    for (let i = 0; i < net.layers.length; i++) {
      const n = net.layers[i];
      const wc = contentLayers[n];
      const ws = styleLayers[n];
      if (wc !== undefined && wc > 0) content.set(n, { weight: wc, target: cf[i] });
      if (ws !== undefined && ws > 0) style.set(n, { weight: ws, target: await ops.gram(sf[i]) });
    }
    return new GramObjective(net, ops, content, style);
  }

  /** Loss and gradient at `image` (RGB in [0, 1], same size as the content image). */
  async evaluate(image: ImageF32): Promise<Evaluation> {
    const feats = await this.net.features(image);
    let content = 0;
    let style = 0;
    const grads: FeatureMap[] = [];
    for (let i = 0; i < feats.length; i++) {
      const f = feats[i];
      const n = this.net.layers[i];
      const g = new Float32Array(f.data.length);
      const c = this.content.get(n);
      if (c) content += c.weight * contentLoss(f, c.target, c.weight, g).value;
      const s = this.style.get(n);
      if (s) style += s.weight * (await styleLoss(f, s.target, s.weight, g, this.ops)).value;
      grads.push({ ...f, data: g });
    }
    const grad = await this.net.gradient(image, grads);
    return { loss: content + style, content, style, grad };
  }
}
