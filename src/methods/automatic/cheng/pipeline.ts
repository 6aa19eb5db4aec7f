/**
 * Deep Colorization end to end (Algorithm 2): choose the network (§III-C.1), extract the per-pixel
 * descriptor (§III-B), run the network to get U, V (§III-A), refine them with a joint bilateral
 * filter guided by the gray image (§III-B.4), and recombine with the gray image as Y through
 * finish/ (gamut clamp; the input gray is kept exactly).
 */

import { ColorizeError } from '../../../errors.js';
import { gist } from '../../../features/gist.js';
import { jointBilateralGrid } from '../../../filters/bilateral.js';
import { finish } from '../../../finish/finish.js';
import type { ImageF32 } from '../../../image/image.js';
import { resizePlane, workingGrid } from '../../../image/resize.js';
import { stageTimer } from '../../../stage-timer.js';
import type { MethodContext } from '../../catalogue/types.js';
import { selectCluster } from './clusters.js';
import { chengDescriptors } from './features.js';
import { mlpForwardOrt } from './mlp.js';
import { type ChengModel, type ChengNetwork, loadChengModel } from './model.js';
import { type ChengOptions, resolveChengOptions } from './options.js';
import { type SemanticFeature, semanticFeature } from './semantic.js';

export interface ChengResult {
  /** The colour image (sRGB, [0, 1]). */
  rgb: ImageF32;
  /** U, V planes after refinement (before the gamut clamp of finish/), at the working size. */
  chroma: ImageF32;
  /** Name of the network used ('global', 'c0-3', 'no-daisy', …; 'global×3' for the mean of 3 members). */
  network: string;
  /** Index of the chosen cluster in the model, or null without clustering. */
  cluster: number | null;
  /** Milliseconds per stage: semantic, gist (cluster choice), features, network, refine, finish. */
  timings: Record<string, number>;
}

function checkGray(gray: ImageF32): Float32Array {
  if (gray.channels.length !== 1)
    throw new ColorizeError(
      `cheng: expected a one-channel gray image, got ${gray.channels.length} channels`,
      'input',
    );
  if (gray.width < 1 || gray.height < 1) throw new ColorizeError('cheng: the image is empty', 'input');
  const g = gray.channels[0];
  if (g.length !== gray.width * gray.height)
    throw new ColorizeError(
      `cheng: the gray plane has ${g.length} values for ${gray.width}×${gray.height}`,
      'input',
    );
  for (let i = 0; i < g.length; i++)
    if (!Number.isFinite(g[i]))
      throw new ColorizeError(`cheng: the gray image holds a non-finite value at ${i}`, 'input');
  return g;
}

/** The network(s) a run uses (several: the mean of `members` global networks), and the cluster. */
export function chooseNetwork(
  model: ChengModel,
  options: ReturnType<typeof resolveChengOptions>,
  globalDescriptor: () => Float32Array,
  histogram: Float32Array | null,
): { network: ChengNetwork; members: ChengNetwork[]; cluster: number | null } {
  const pick = (name: string) => {
    const n = model.networks.get(name);
    if (!n) throw new ColorizeError(`cheng model: no network "${name}" (retrain with training/cheng)`, 'io');
    return n;
  };
  const one = (network: ChengNetwork, cluster: number | null = null) => ({
    network,
    members: [network],
    cluster,
  });
  if (options.members > 1) {
    // Averaging is defined for the global network only: the other networks have no seed siblings.
    if (options.clustering && model.clusters.length > 0)
      throw new ColorizeError(
        `option "members" = ${options.members} needs clustering off (--no-clustering)`,
        'usage',
      );
    if (options.features !== 'full' || options.style !== 'natural')
      throw new ColorizeError(
        `option "members" = ${options.members} needs the global network (features 'full', style 'natural')`,
        'usage',
      );
    const names = ['global', ...Array.from({ length: options.members - 1 }, (_, k) => `global.${k + 2}`)];
    const have = names.filter((n) => model.networks.has(n)).length;
    if (have < names.length)
      throw new ColorizeError(
        `option "members" = ${options.members}: the model holds ${globalMembers(model)} global network(s)`,
        'usage',
      );
    const members = names.map(pick);
    return { network: members[0], members, cluster: null };
  }
  if (options.style !== 'natural') {
    if (options.features !== 'full')
      throw new ColorizeError(`option "style" = ${options.style} needs features 'full'`, 'usage');
    return one(pick(`style-${options.style}`));
  }
  if (options.features !== 'full') return one(pick(options.features));
  if (!options.clustering || model.clusters.length === 0) return one(pick('global'));
  const i = selectCluster(model.clusters, globalDescriptor(), histogram, options.topK);
  return one(model.clusters[i].network, i);
}

/** How many seed siblings of the global network the model holds ('global', 'global.2', …). */
export function globalMembers(model: ChengModel): number {
  let k = model.networks.has('global') ? 1 : 0;
  while (k > 0 && model.networks.has(`global.${k + 1}`)) k++;
  return k;
}

/**
 * Colours a gray image (values in [0, 1]) with the trained ensemble in models/cheng.
 *
 * @example
 * ```ts
 * import { colorizeCheng, createImage } from 'colorize-toolkit/internals';
 * const gray = createImage(48, 32, 1);
 * gray.channels[0].forEach((_, i, a) => { a[i] = (i % 48) / 48; });
 * const { rgb, network } = await colorizeCheng(gray, { clustering: false });
 * console.log(rgb.channels.length, rgb.width, network); // 3 48 global
 * ```
 */
export async function colorizeCheng(
  gray: ImageF32,
  options: ChengOptions = {},
  context: MethodContext = {},
): Promise<ChengResult> {
  const o = resolveChengOptions(options);
  checkGray(gray);
  const model = loadChengModel();
  const full = gray;
  // Inputs larger than the working size: descriptors at that size, chroma brought up by finish/.
  const side = Math.max(full.width, full.height);
  // Or, without a working size, inputs over workingPixels (peak memory grows with the pixel count).
  let reduced: { width: number; height: number } | null = null;
  if (o.workingSize > 0 && side > o.workingSize) {
    const s = o.workingSize / side;
    reduced = {
      width: Math.max(1, Math.round(full.width * s)),
      height: Math.max(1, Math.round(full.height * s)),
    };
  } else if (o.workingSize === 0 && o.workingPixels > 0 && full.width * full.height > o.workingPixels) {
    reduced = workingGrid(full.width, full.height, o.workingPixels);
  }
  if (reduced) {
    const { width: w, height: h } = reduced;
    gray = {
      width: w,
      height: h,
      channels: [resizePlane(full.channels[0], full.width, full.height, w, h, 'area')],
    };
  }
  const g = gray.channels[0];
  const { width: W, height: H } = gray;
  const progress = context.progress ?? (() => {});
  const timings: Record<string, number> = {
    semantic: 0,
    gist: 0,
    features: 0,
    network: 0,
    refine: 0,
    finish: 0,
  };
  const lap = stageTimer(timings);
  progress(0, 'semantic');
  // Needed by every network but 'no-semantic', and by the cluster choice (semantic histogram).
  const needsSemantic = o.features !== 'no-semantic';
  let sem: SemanticFeature | null = null;
  if (model.semantic && needsSemantic) sem = await semanticFeature(gray, { variant: model.semantic.variant });
  lap('semantic');
  progress(0.2, 'cluster');
  const { network, members, cluster } = chooseNetwork(model, o, () => gist(g, W, H), sem?.histogram ?? null);
  lap('gist');
  progress(0.3, 'features');
  const src = chengDescriptors(
    g,
    W,
    H,
    network.features,
    network.features.semantic ? (sem?.planes ?? null) : null,
  );
  if (src.size !== network.sizes[0])
    throw new ColorizeError(
      `cheng model: network ${network.name} expects ${network.sizes[0]} inputs, descriptor has ${src.size}`,
      'io',
    );
  const U = new Float32Array(W * H);
  const V = new Float32Array(W * H);
  const n = W * H;
  const batch = Math.min(o.batch, n);
  const buf = new Float32Array(batch * src.size);
  for (let start = 0; start < n; start += batch) {
    const count = Math.min(batch, n - start);
    for (let k = 0; k < count; k++) {
      const p = start + k;
      src.fill(p % W, Math.floor(p / W), buf, k * src.size);
    }
    lap('features');
    const y = await mlpForwardOrt(network, buf, count);
    for (const m of members.slice(1)) {
      const ym = await mlpForwardOrt(m, buf, count);
      for (let k = 0; k < 2 * count; k++) y[k] += ym[k];
    }
    // The gain commutes with the refinement (a filter linear in U, V for a fixed guide); the
    // members' mean is folded into it.
    const gain = o.chromaGain / members.length;
    for (let k = 0; k < count; k++) {
      U[start + k] = gain * y[2 * k];
      V[start + k] = gain * y[2 * k + 1];
    }
    lap('network');
    progress(0.3 + (0.6 * (start + count)) / n, 'network');
  }
  let chroma: ImageF32 = { width: W, height: H, channels: [U, V] };
  if (o.refine) {
    const [u, v] = jointBilateralGrid(g, [U, V], W, H, {
      sigmaSpatial: o.refineSigmaSpatial,
      sigmaRange: o.refineSigmaRange,
    });
    chroma = { width: W, height: H, channels: [u, v] };
  }
  lap('refine');
  progress(0.95, 'finish');
  // Same size: chroma used as is; smaller (workingSize): joint bilateral upsampling to full size.
  const rgb = finish({ original: full, chroma, space: model.chromaSpace });
  lap('finish');
  progress(1, 'done');
  return {
    rgb,
    chroma,
    network: members.length > 1 ? `global×${members.length}` : network.name,
    cluster,
    timings,
  };
}
