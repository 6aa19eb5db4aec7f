/**
 * The trained network ensemble of Deep Colorization (models/cheng/model.json + weights.bin, made by
 * training/cheng/train.py): the global network, the feature-ablation networks and the clusters of
 * the adaptive image clustering (§III-C), each with its GIST centre and semantic histogram.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ColorizeError } from '../../../errors.js';
import { requireModelFile } from '../../../models/locate.js';
import type { FeatureSet } from './features.js';
import type { Mlp } from './mlp.js';

/** Model files, relative to the model search paths (models/locate.ts). */
export const CHENG_MODEL_FILES = ['cheng/model.json', 'cheng/weights.bin'] as const;

export interface ChengNetwork extends Mlp {
  name: string;
  features: FeatureSet;
}

export interface ChengCluster {
  layer: number;
  /** Network name of the cluster one layer up whose remaining images this one holds (Alg. 3), or null on the top layer. */
  parent: string | null;
  network: ChengNetwork;
  /** Mean GIST of the cluster's training images. */
  gist: Float32Array;
  /** Mean semantic histogram (fraction of pixels per class), or null without semantics. */
  histogram: Float32Array | null;
  images: number;
}

export interface ChengModel {
  networks: Map<string, ChengNetwork>;
  clusters: ChengCluster[];
  /**
   * Segmentation network(s) the semantic feature comes from ('cityscapes', 'pascal-dm05', or several
   * joined by '+', their class planes concatenated), or null when trained without it.
   */
  semantic: { variant: string; classes: number } | null;
  /**
   * Space of the networks' (U, V) outputs: 'yuv601' (analogue BT.601 YUV as the paper) or, for
   * models trained before it, 'yuv' (the JPEG scaling).
   */
  chromaSpace: 'yuv601' | 'yuv';
  /** The parsed model.json (training figures included). */
  meta: Record<string, unknown>;
}

/** Decodes IEEE 754 half-precision values. */
export function decodeFloat16(bytes: Uint8Array): Float32Array {
  const n = bytes.length >> 1;
  const out = new Float32Array(n);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    const h = dv.getUint16(2 * i, true);
    const s = h & 0x8000 ? -1 : 1;
    const e = (h >> 10) & 0x1f;
    const f = h & 0x3ff;
    out[i] =
      e === 0
        ? s * f * 2 ** -24
        : e === 31
          ? f
            ? Number.NaN
            : s * Infinity
          : s * (1 + f / 1024) * 2 ** (e - 15);
  }
  return out;
}

interface LayerJson {
  weights: number;
  biases: number;
}
interface NetworkJson {
  features: FeatureSet;
  sizes: number[];
  layers: LayerJson[];
}
interface ClusterJson {
  layer: number;
  parent?: string | null;
  network: string;
  images: number;
  gist: number;
  histogram: number | null;
}

/** Parses model.json and its weights (float16 values). */
export function parseChengModel(meta: Record<string, unknown>, values: Float32Array): ChengModel {
  const gistSize = Number(meta.gistSize ?? 512);
  const networks = new Map<string, ChengNetwork>();
  const at = (off: number, len: number): Float32Array => {
    if (!(off >= 0 && off + len <= values.length))
      throw new ColorizeError('cheng model: weights.bin is truncated', 'io');
    return values.slice(off, off + len);
  };
  for (const [name, n] of Object.entries(meta.networks as Record<string, NetworkJson>)) {
    const weights: Float32Array[] = [];
    const biases: Float32Array[] = [];
    n.layers.forEach((l, i) => {
      weights.push(at(l.weights, n.sizes[i] * n.sizes[i + 1]));
      biases.push(at(l.biases, n.sizes[i + 1]));
    });
    networks.set(name, { name, features: n.features, sizes: n.sizes, weights, biases });
  }
  const sem = meta.semantic as { variant: string; classes: number } | null;
  const clusters = (meta.clusters as ClusterJson[]).map((c) => {
    const network = networks.get(c.network);
    if (!network) throw new ColorizeError(`cheng model: cluster network ${c.network} is missing`, 'io');
    return {
      layer: c.layer,
      parent: c.parent ?? null,
      network,
      images: c.images,
      gist: at(c.gist, gistSize),
      histogram: c.histogram === null || !sem ? null : at(c.histogram, sem.classes),
    };
  });
  const chromaSpace = meta.chromaSpace === 'yuv601' ? 'yuv601' : 'yuv';
  return {
    networks,
    clusters,
    semantic: sem ? { variant: sem.variant, classes: sem.classes } : null,
    chromaSpace,
    meta,
  };
}

let cached: { dir: string; model: ChengModel } | null = null;

/**
 * Loads the ensemble from the model search paths (cached); a missing file is an error naming every
 * path searched.
 *
 * @example
 * ```ts
 * import { loadChengModel } from 'colorize-toolkit/internals';
 * const model = loadChengModel();
 * console.log(model.networks.has('global')); // true
 * ```
 */
export function loadChengModel(): ChengModel {
  const json = requireModelFile(CHENG_MODEL_FILES[0]);
  const bin = requireModelFile(CHENG_MODEL_FILES[1]);
  const dir = path.dirname(json);
  if (cached?.dir === dir) return cached.model;
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ColorizeError(`${json}: not a valid model file (${(e as Error).message})`, 'io', json);
  }
  if (meta.format !== 'cheng-deep-colorization/1')
    throw new ColorizeError(`${json}: unknown model format ${JSON.stringify(meta.format)}`, 'io', json);
  const model = parseChengModel(meta, decodeFloat16(readFileSync(bin)));
  cached = { dir, model };
  return model;
}
