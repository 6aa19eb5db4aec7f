/**
 * Attention-based exemplar colorization (Gorriz Blanch et al., BBC R&D): gray target and colour
 * reference → frozen backbone (features.ts) → trained network (network.ts) → a*, b* at the
 * working size → the shared finish stage (edge-aware upsampling guided by the target, the
 * target's luma kept exactly).
 */
import { lumaOf } from '../../../color/linear-spaces.js';
import { ColorizeError } from '../../../errors.js';
import { type FinishOptions, finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { ATTENTION_SIZE, attentionReferenceInputs, attentionTargetInputs } from './features.js';
import { runAttentionNetwork } from './network.js';

export interface AttentionOptions {
  /** ONNX network to use instead of the trained one (e.g. the standard-attention ablation). */
  model?: string;
  /**
   * Working size (side of the square the network sees), a multiple of 32 in [64, 512]. Default
   * ATTENTION_SIZE = 128, the training size (paper: 224). Other sizes run the same network: its
   * relative positional encodings clip offsets beyond the trained span (docs/attention.md).
   */
  size?: number;
  /** Options of the finish stage. */
  finish?: FinishOptions;
}

export interface AttentionResult {
  /** The coloured image, full resolution, with the target's luma. */
  rgb: ImageF32;
  /** Network output: a*, b* at the working size (`size`², default ATTENTION_SIZE²). */
  chroma: ImageF32;
  /** Milliseconds per stage: backbone, network, finish. */
  timings: Record<string, number>;
}

/**
 * Colours a gray target (one channel; an RGB target is reduced to its Rec. 601 luma) from a
 * colour reference.
 *
 * @example
 * ```ts
 * import { attentionColorize, readImage } from 'colorize-toolkit/internals';
 * const ref = (await readImage('examples/sunset.png')).image;
 * const res = await attentionColorize(ref, ref);
 * console.log(res.rgb.width === ref.width, res.chroma.width); // true 128
 * ```
 */
export async function attentionColorize(
  target: ImageF32,
  reference: ImageF32,
  options: AttentionOptions = {},
): Promise<AttentionResult> {
  if (reference.channels.length !== 3)
    throw new ColorizeError('attention: the reference must be a colour (RGB) image', 'input');
  if (target.channels.length !== 1 && target.channels.length !== 3)
    throw new ColorizeError(`attention: target with ${target.channels.length} channels`, 'input');
  const size = options.size ?? ATTENTION_SIZE;
  if (!Number.isInteger(size) || size % 32 !== 0 || size < 64 || size > 512)
    throw new ColorizeError(
      `attention: working size ${size} is invalid: expected a multiple of 32 in [64, 512]`,
      'usage',
    );
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const gray: ImageF32 =
    target.channels.length === 1
      ? target
      : { width: target.width, height: target.height, channels: [lumaOf(target)] };
  const [tin, rin] = await Promise.all([
    attentionTargetInputs(gray, size),
    attentionReferenceInputs(reference, size),
  ]);
  lap('backbone');
  const chroma = await runAttentionNetwork([...tin, ...rin.inputs], options.model);
  lap('network');
  const rgb = finish({ original: target, chroma, space: 'lab' }, options.finish);
  lap('finish');
  return { rgb, chroma, timings };
}
