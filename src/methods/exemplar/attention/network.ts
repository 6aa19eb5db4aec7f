/**
 * The trained part of the attention network (Gorriz Blanch et al. §3.1–3.2: projections, axial
 * attention modules, pyramid decoder, prediction heads), exported to ONNX by
 * training/attention/train.py and run here through ONNX Runtime. Input: the nine backbone maps
 * of features.ts; output: the finest prediction, CIELAB a*, b* at the working size.
 */
import { existsSync } from 'node:fs';
import { ColorizeError } from '../../../errors.js';
import { createImage, type ImageF32 } from '../../../image/image.js';
import '../../../models/catalogue.js';
import { requireModelFile } from '../../../models/locate.js';
import { requireModel } from '../../../models/registry.js';
import { loadOrt, onnxSession } from '../../../models/runtime.js';
import type { AttentionTensor } from './features.js';

/** The trained network, relative to the model search paths (the project's models/ holds it). */
export const ATTENTION_NET_FILE = 'attention/net.onnx';

/** Path of the network file: `model` if given (must exist), else the registered trained one. */
export function attentionNetPath(model?: string): string {
  if (model !== undefined) {
    if (!existsSync(model)) throw new ColorizeError(`${model}: network file not found`, 'io', model);
    return model;
  }
  requireModel('attention');
  return requireModelFile(ATTENTION_NET_FILE);
}

/**
 * Runs the network on the target and reference maps (in any order; matched by name) and returns
 * a*, b* as a two-plane image at the working size.
 *
 * @example
 * ```ts
 * import { attentionReferenceInputs, attentionTargetInputs, createImage, runAttentionNetwork } from 'colorize-toolkit/internals';
 * const t = await attentionTargetInputs(createImage(64, 64, 1));
 * const r = await attentionReferenceInputs(createImage(64, 64, 3));
 * const ab = await runAttentionNetwork([...t, ...r.inputs]);
 * console.log(ab.width, ab.height, ab.channels.length); // 128 128 2
 * ```
 */
export async function runAttentionNetwork(inputs: AttentionTensor[], model?: string): Promise<ImageF32> {
  const [ort, session] = await Promise.all([loadOrt(), onnxSession(attentionNetPath(model))]);
  const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
  for (const x of inputs)
    feeds[x.name] = new ort.Tensor('float32', x.data, [1, x.channels, x.height, x.width]);
  for (const name of session.inputNames)
    if (!feeds[name])
      throw new ColorizeError(
        `attention: the network needs input "${name}", which was not computed`,
        'internal',
      );
  let out: InstanceType<typeof ort.Tensor>;
  try {
    out = (await session.run(feeds)).ab;
  } catch (e) {
    // A network exported with fixed input sizes (before issue 15) runs at 128² only.
    const side = inputs.find((x) => x.name === 't_relu1_1')?.width;
    throw new ColorizeError(
      `attention: the network ${model ?? ATTENTION_NET_FILE} did not run at working size ${side}² ` +
        `(a network exported with fixed sizes runs at its training size only): ${(e as Error).message}`,
      'input',
    );
  }
  const [, c, h, w] = out.dims as number[];
  if (c !== 2) throw new ColorizeError(`attention: network output has ${c} channels, expected 2`, 'internal');
  const data = out.data as Float32Array;
  const ab = createImage(w, h, 2);
  ab.channels[0].set(data.subarray(0, w * h));
  ab.channels[1].set(data.subarray(w * h, 2 * w * h));
  return ab;
}
