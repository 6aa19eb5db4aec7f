/**
 * The frozen backbone of the attention network (Gorriz Blanch et al. §3.1), run by the toolkit
 * itself — training (training/attention/prepare.ts) calls these same functions, so the trained
 * part always sees the features it sees at inference.
 *
 * - VGG-19 relu1_1, relu2_1, relu3_1 (blocks 1–3, max pooling) of the target's luma triplicated
 *   to three channels, and relu3_1 of the colour reference.
 * - VGG-19 blocks 4–5 are not available here (../shared/models/vgg19 holds blocks 1–3 only):
 *   the deeper maps come from the ImageNet MobileNetV2 the toolkit converts — features_s8
 *   (32 ch, 1/8) and features_s16 (96 ch, 1/16) stand in for blocks 4 and 5 of both images,
 *   and features_s32 (1280 ch, 1/32) of the target is the bottleneck F_T^B.
 *
 * Both images are resized to ATTENTION_SIZE² (aspect ratio not kept); the network's output ab
 * at that size is brought back to full resolution by the finish stage.
 */
import { ColorizeError } from '../../../errors.js';
import { vggInput } from '../../../features/vgg19-features.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizeImage } from '../../../image/resize.js';
import { mobileNetV2Features } from '../../../models/mobilenet-v2.js';
import { loadOrt, onnxSession } from '../../../models/runtime.js';
import { ensureVgg19ReluOnnx } from '../../../models/vgg19.js';

/** Side of the square working size the network was trained at (training/attention/README.md). */
export const ATTENTION_SIZE = 128;

/** One CHW input tensor of the network. */
export interface AttentionTensor {
  name: string;
  channels: number;
  height: number;
  width: number;
  data: Float32Array;
}

/** Names of the target inputs, finest first (relu1_1 … bottleneck). */
export const TARGET_INPUTS = ['t_relu1_1', 't_relu2_1', 't_relu3_1', 't_s8', 't_s16', 't_s32'] as const;
/** Names of the reference inputs (the levels the attention modules fuse). */
export const REFERENCE_INPUTS = ['r_relu3_1', 'r_s8', 'r_s16'] as const;

/** Resizes to exactly size × size: area averaging when shrinking both sides, bilinear otherwise. */
export function toWorkingSize(image: ImageF32, size = ATTENTION_SIZE): ImageF32 {
  if (image.width === size && image.height === size) return image;
  const shrink = image.width >= size && image.height >= size;
  return resizeImage(image, size, size, shrink ? 'area' : 'bilinear');
}

async function vggRelu(image: ImageF32): Promise<AttentionTensor[]> {
  const [ort, session] = await Promise.all([loadOrt(), ensureVgg19ReluOnnx().then(onnxSession)]);
  const out = await session.run({
    input: new ort.Tensor('float32', vggInput(image), [1, 3, image.height, image.width]),
  });
  return ['relu1_1', 'relu2_1', 'relu3_1'].map((name) => {
    const [, c, h, w] = out[name].dims as number[];
    return { name, channels: c, height: h, width: w, data: out[name].data as Float32Array };
  });
}

/**
 * The six target inputs of a gray image (one channel, values in [0, 1]) at the working size.
 *
 * @example
 * ```ts
 * import { attentionTargetInputs, createImage } from 'colorize-toolkit/internals';
 * const t = await attentionTargetInputs(createImage(200, 150, 1));
 * console.log(t.map((x) => `${x.name}:${x.channels}x${x.width}`).join(' ')); // t_relu1_1:64x128 t_relu2_1:128x64 t_relu3_1:256x32 t_s8:32x16 t_s16:96x8 t_s32:1280x4
 * ```
 */
export async function attentionTargetInputs(
  gray: ImageF32,
  size = ATTENTION_SIZE,
): Promise<AttentionTensor[]> {
  if (gray.channels.length !== 1)
    throw new ColorizeError(
      `attention: the target must be one gray channel, got ${gray.channels.length}`,
      'input',
    );
  const g = toWorkingSize(gray, size);
  const [vgg, mn] = await Promise.all([vggRelu(g), mobileNetV2Features(g, { width: size, height: size })]);
  const f = mn.features;
  const maps = [...vgg, f.features_s8, f.features_s16, f.features_s32];
  return maps.map((m, i) => ({
    name: TARGET_INPUTS[i],
    channels: m.channels,
    height: m.height,
    width: m.width,
    data: m.data,
  }));
}

/**
 * The three reference inputs of a colour image (RGB, values in [0, 1]) at the working size, and
 * the global-average-pooled MobileNetV2 bottleneck (1280 values; training pairs images by it).
 */
export async function attentionReferenceInputs(
  rgb: ImageF32,
  size = ATTENTION_SIZE,
): Promise<{ inputs: AttentionTensor[]; global: Float32Array }> {
  if (rgb.channels.length !== 3)
    throw new ColorizeError(
      `attention: the reference must be RGB, got ${rgb.channels.length} channels`,
      'input',
    );
  const r = toWorkingSize(rgb, size);
  const [vgg, mn] = await Promise.all([vggRelu(r), mobileNetV2Features(r, { width: size, height: size })]);
  const f = mn.features;
  const s32 = f.features_s32;
  const n = s32.width * s32.height;
  const global = new Float32Array(s32.channels);
  for (let c = 0; c < s32.channels; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += s32.data[c * n + i];
    global[c] = s / n;
  }
  const maps = [vgg[2], f.features_s8, f.features_s16];
  return {
    inputs: maps.map((m, i) => ({
      name: REFERENCE_INPUTS[i],
      channels: m.channels,
      height: m.height,
      width: m.width,
      data: m.data,
    })),
    global,
  };
}
