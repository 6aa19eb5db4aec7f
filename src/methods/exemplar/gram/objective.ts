/**
 * The total loss of report §4.2.2, L(X) = Σ_l w^c_l E_c^l(X) + Σ_l w^s_l E_s^l(X), and its
 * gradient w.r.t. the image. Two evaluation paths give the same numbers (test/gram/fused.test.ts):
 * 'fused' (default) runs one ONNX graph (models/vgg19-grad.ts `buildVgg19GramLossOnnx`: forward,
 * both losses and their feature gradients, backward) per evaluation; 'separate' (the reference)
 * runs the features forward, the loss gradients per layer in TypeScript (Gram products through
 * {@link MatrixOps}), then the VGG backward graph, which recomputes the forward pass.
 */
import type { FeatureMap } from '../../../features/feature-extractor.js';
import type { ImageF32 } from '../../../image/image.js';
import { loadOrt, onnxSession } from '../../../models/runtime.js';
import {
  convLayerInfo,
  ensureVgg19GramLossOnnx,
  gramLossContentInputs,
  gramLossStyleInputs,
  type VggConvName,
} from '../../../models/vgg19-grad.js';
import { contentLoss, type MatrixOps, styleLoss } from './loss.js';
import type { VggNetwork } from './network.js';
import type { GramEvaluation, GramNormalization, LayerWeights } from './options.js';

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;
type Tensor = import('onnxruntime-node').Tensor;

/** The fused graph's session and the feeds that stay fixed for one objective (targets, coefficients). */
interface Fused {
  ort: Ort;
  session: Session;
  feeds: Record<string, Tensor>;
}

/** One term of the objective: its weight as applied, its target and the normaliser k of E = k‖·‖². */
interface Term<T> {
  weight: number;
  target: T;
  scale: number | undefined;
}

function sumSquares(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** Mean of max(F, 0) over channels and positions: the layer's mean ReLU activation. */
export function meanActivation(f: FeatureMap): number {
  let s = 0;
  for (let i = 0; i < f.data.length; i++) if (f.data[i] > 0) s += f.data[i];
  return s / f.data.length;
}

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
    private readonly content: Map<VggConvName, Term<FeatureMap>>,
    private readonly style: Map<VggConvName, Term<Float64Array>>,
    private readonly fused: Fused | null,
  ) {}

  /**
   * Computes the targets from the content image (gray as RGB) and the style image.
   *
   * `normalization` (see {@link GramNormalization}): 'gatys' is Gatys et al.'s eq. 1 and 4 on
   * features F̂ = F / s_l divided by the layer's mean ReLU activation s_l (over both images; their
   * "mean activation one"), E_c = ½ Σ (F̂ − P̂)², E_s = Σ (F̂F̂ᵀ − ŜŜᵀ)² / (4 C² M²), each
   * weight acting squared as in the report's code (the weight multiplies the features inside
   * its MSE). 'relative' (the behaviour before): E_c = w ‖F − P‖²/‖P‖², E_s = w ‖G − A‖²/‖A‖²,
   * G = F Fᵀ/(C·M).
   *
   * `evaluation`: 'fused' (default) or 'separate' (see the module comment and
   * {@link GramEvaluation}).
   */
  static async create(
    net: VggNetwork,
    ops: MatrixOps,
    contentImage: ImageF32,
    styleImage: ImageF32,
    contentLayers: LayerWeights,
    styleLayers: LayerWeights,
    normalization: GramNormalization = 'gatys',
    evaluation: GramEvaluation = 'fused',
  ): Promise<GramObjective> {
    // The fused path runs the two forward passes one after the other: run at once on one session
    // they need two sets of activations (512²: about 200 MiB more at the peak) for no gain, since
    // each run already uses every core.
    const [cf, sf] =
      evaluation === 'fused'
        ? [await net.features(contentImage), await net.features(styleImage)]
        : await Promise.all([net.features(contentImage), net.features(styleImage)]);
    const content = new Map<VggConvName, Term<FeatureMap>>();
    const style = new Map<VggConvName, Term<Float64Array>>();
    for (let i = 0; i < net.layers.length; i++) {
      const n = net.layers[i];
      const wc = contentLayers[n];
      const ws = styleLayers[n];
      const s = Math.max(0.5 * (meanActivation(cf[i]) + meanActivation(sf[i])), 1e-12);
      const gatys = normalization === 'gatys';
      if (wc !== undefined && wc > 0)
        content.set(n, {
          weight: gatys ? wc * wc : wc,
          target: cf[i],
          scale: gatys ? 1 / (2 * s * s) : 1 / Math.max(sumSquares(cf[i].data), 1e-12),
        });
      if (ws !== undefined && ws > 0) {
        const a = await ops.gram(sf[i]);
        style.set(n, {
          weight: gatys ? ws * ws : ws,
          target: a,
          scale: gatys ? 1 / (4 * s ** 4) : 1 / Math.max(sumSquares(a), 1e-24),
        });
      }
    }
    let fused: Fused | null = null;
    if (evaluation === 'fused') {
      const [ort, file] = await Promise.all([
        loadOrt(),
        ensureVgg19GramLossOnnx([...content.keys()], [...style.keys()]),
      ]);
      // Without the memory pattern the run peaks at about half the memory (512²: 1,161 → 684 MiB);
      // threads that sleep between operators leave the shared cores to others (see onnxSession).
      const session = await onnxSession(file, { memPattern: false, spinning: false });
      const scalar = (v: number) => new ort.Tensor('float32', new Float32Array([v]), [1]);
      const feeds: Record<string, Tensor> = {};
      const positions = (n: VggConvName) => {
        const stride = convLayerInfo(n).stride;
        return (contentImage.width / stride) * (contentImage.height / stride);
      };
      for (const [n, t] of content) {
        const io = gramLossContentInputs(n);
        const p = t.target;
        feeds[io.target] = new ort.Tensor('float32', p.data, [1, p.channels, p.height, p.width]);
        const k = t.scale ?? 1 / Math.max(sumSquares(p.data), 1e-12);
        feeds[io.coef] = scalar(t.weight * k);
        feeds[io.gcoef] = scalar(2 * t.weight * k);
      }
      for (const [n, t] of style) {
        const io = gramLossStyleInputs(n);
        const c = convLayerInfo(n).channels;
        const m = positions(n);
        feeds[io.target] = new ort.Tensor('float32', Float32Array.from(t.target), [c, c]);
        const k = t.scale ?? 1 / Math.max(sumSquares(t.target), 1e-24);
        feeds[io.scale] = scalar(1 / (c * m));
        feeds[io.coef] = scalar(t.weight * k);
        feeds[io.gcoef] = scalar((4 * t.weight * k) / (c * m));
      }
      fused = { ort, session, feeds };
    }
    return new GramObjective(net, ops, content, style, fused);
  }

  /** Loss and gradient at `image` (RGB in [0, 1], same size as the content image). */
  async evaluate(image: ImageF32): Promise<Evaluation> {
    if (this.fused) return this.evaluateFused(image, this.fused);
    const feats = await this.net.features(image);
    let content = 0;
    let style = 0;
    const grads: FeatureMap[] = [];
    for (let i = 0; i < feats.length; i++) {
      const f = feats[i];
      const n = this.net.layers[i];
      const g = new Float32Array(f.data.length);
      const c = this.content.get(n);
      if (c) content += c.weight * contentLoss(f, c.target, c.weight, g, c.scale).value;
      const s = this.style.get(n);
      if (s) style += s.weight * (await styleLoss(f, s.target, s.weight, g, this.ops, s.scale)).value;
      grads.push({ ...f, data: g });
    }
    const grad = await this.net.gradient(image, grads);
    return { loss: content + style, content, style, grad };
  }

  /** One run of the fused graph; the gradient comes back from caffe BGR 0–255 units to RGB [0, 1]. */
  private async evaluateFused(image: ImageF32, f: Fused): Promise<Evaluation> {
    const out = await f.session.run({ ...f.feeds, input: this.net.inputTensor(image) });
    const content = (out.content.data as Float32Array)[0];
    const style = (out.style.data as Float32Array)[0];
    return { loss: content + style, content, style, grad: this.net.imageGradient(image, out.grad_input) };
  }
}
