/**
 * The whole method: colour transfer (IPOL 2024 Algorithm 3) and exemplar colorization of a gray
 * target (Algorithm 4), sharing SLIC (§2.1.1), SFE (Alg. 1), SFM (Alg. 2) and colour fusion
 * (eq. 4–6). Both work on down-sized copies and end in one of three final steps (option
 * `finishMode`): 'edge-aware' (default: the fused colours go to CIELAB, a* b* are brought to full
 * size by joint bilateral upsampling guided by the original luminance, and the original's Rec. 601
 * luma is kept), 'paper' (§3.1 end and Alg. 3–4 literally: a* b* resized bilinearly, the original's
 * CIELAB L* put back) or 'rgb' (Figure 3c / 9c: the fused RGB resized, no CIELAB step).
 */

import { rgbImageToLab } from '../../../color/lab.js';
import { lumaOf } from '../../../color/linear-spaces.js';
import { ColorizeError } from '../../../errors.js';
import type { FeatureExtractor } from '../../../features/feature-extractor.js';
import { finish } from '../../../finish/finish.js';
import { fromPlanes, type ImageF32 } from '../../../image/image.js';
import { fitWithin, resizeImage } from '../../../image/resize.js';
import { defaultSegmentCount, type Superpixels, slic } from '../../../segment/slic.js';
import { stageTimer } from '../../../stage-timer.js';
import { debugPictures } from './debug.js';
import type { ExemplarCandidates } from './exemplar-candidates.js';
import { chooseExtractor } from './features.js';
import { colourFusion, type FusionReport } from './fusion.js';
import { fusionOptionsOf, type ResolvedOptions, resolveOptions, type SuperpixelOptions } from './options.js';
import { superFeatures, superpixelMeans } from './sfe.js';
import { attentionGemm, type LayerSuperFeatures } from './sfm.js';

/** Refuse pairs whose pixel counts differ by more than this factor (e.g. a thumbnail against a poster). */
export const MAX_AREA_RATIO = 400;

export interface SuperpixelResult {
  /** Full-resolution sRGB result. */
  rgb: ImageF32;
  /** The fused a*, b* planes at working size. */
  chroma: ImageF32;
  /** Name of the features used ("vgg19" or "handcrafted"). */
  features: string;
  /** Things the user should be told (e.g. fallback to handcrafted features). */
  notices: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  /** Superpixel counts. */
  superpixels: { target: number; reference: number };
  /** Colour fusion figures: mean effective number of superpixels per pixel, terms computed per pixel. */
  fusion: FusionReport;
  /** Debug pictures by name, when options.debug was set. */
  debug?: Record<string, ImageF32>;
}

export type Mode = 'colorize' | 'transfer';

function checkSizes(target: ImageF32, reference: ImageF32): void {
  for (const [name, im] of [
    ['target', target],
    ['reference', reference],
  ] as const) {
    if (im.width < 8 || im.height < 8) {
      throw new ColorizeError(
        `the ${name} image is ${im.width}×${im.height}; it must be at least 8×8 pixels`,
        'input',
      );
    }
  }
  const a = target.width * target.height;
  const b = reference.width * reference.height;
  if (Math.max(a, b) / Math.min(a, b) > MAX_AREA_RATIO) {
    throw new ColorizeError(
      `target (${target.width}×${target.height}) and reference (${reference.width}×${reference.height}) differ in size by more than ${MAX_AREA_RATIO}× in pixel count; resize one of them to a comparable size`,
      'input',
    );
  }
}

/** What the matching stages (resize, SLIC, features, SFE, SFM) hand to the fusion and finish. */
interface Matched {
  target: ImageF32;
  tWork: ImageF32;
  rWork: ImageF32;
  tMatch: ImageF32;
  spT: Superpixels;
  spR: Superpixels;
  A: Float32Array;
  C: Float32Array;
  features: string;
  notices: string[];
  timings: Record<string, number>;
}

function segment(im: ImageF32, o: ResolvedOptions): Superpixels {
  return slic(im, {
    segments: Math.min(o.superpixels ?? defaultSegmentCount(im.width, im.height), im.width * im.height),
    compactness: o.compactness,
    // Working images are small (SLIC takes a few ms here), so converge more tightly than the
    // speed-oriented default; the quality tables in docs/superpixel.md were measured this way.
    tolerance: 0.05,
  });
}

/** The reference's side of the matching: working copy, superpixels, super-features per layer, mean colours. */
interface ReferenceSide {
  rWork: ImageF32;
  spR: Superpixels;
  superFeatures: Float32Array[];
  means: Float32Array;
}

/** Reference sides of recent calls, by content and settings (a clip's frames share one reference). */
const referenceCache = new Map<string, ReferenceSide>();
const REFERENCE_CACHE_SIZE = 2;

/**
 * Forgets the reference sides kept between calls (they are reused while a reference with the same
 * content comes again with the same settings, e.g. every frame of a clip).
 *
 * @example
 * ```ts
 * import { clearSuperpixelReferenceCache } from 'colorize-toolkit/internals';
 * console.log(clearSuperpixelReferenceCache() >= 0); // true
 * ```
 */
export function clearSuperpixelReferenceCache(): number {
  const n = referenceCache.size;
  referenceCache.clear();
  return n;
}

/** FNV-1a over the float bits of the planes (the reference's content, not its identity). */
function contentKey(im: ImageF32): string {
  let h = 0x811c9dc5;
  for (const p of im.channels) {
    const bits = new Uint32Array(p.buffer, p.byteOffset, p.length);
    for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 0x01000193);
  }
  return `${im.width}x${im.height}x${im.channels.length}:${(h >>> 0).toString(16)}`;
}

async function referenceSide(
  mode: Mode,
  reference: ImageF32,
  o: ResolvedOptions,
  extractor: FeatureExtractor,
  lap: (stage: string) => void,
): Promise<ReferenceSide> {
  // Built-in extractors only: a caller's own extractor object may change between calls.
  const key =
    typeof o.features === 'string'
      ? [contentKey(reference), mode, o.workingSize, o.superpixels ?? '', o.compactness, extractor.name].join(
          '|',
        )
      : null;
  const hit = key === null ? undefined : referenceCache.get(key);
  if (hit) {
    // Most recently used last.
    referenceCache.delete(key as string);
    referenceCache.set(key as string, hit);
    return hit;
  }
  const rs = fitWithin(reference.width, reference.height, o.workingSize);
  const rWork = resizeImage(reference, rs.width, rs.height, 'area');
  const rMatch = mode === 'colorize' ? fromPlanes(rs.width, rs.height, [lumaOf(rWork)]) : rWork;
  lap('resize');
  const spR = segment(rMatch, o);
  lap('slic');
  const fR = await extractor.extract(rMatch);
  lap('features');
  const side: ReferenceSide = {
    rWork,
    spR,
    superFeatures: fR.map((m) => superFeatures(m, spR)),
    means: superpixelMeans(rWork.channels, spR),
  };
  lap('sfe');
  if (key !== null) {
    referenceCache.set(key, side);
    while (referenceCache.size > REFERENCE_CACHE_SIZE)
      referenceCache.delete(referenceCache.keys().next().value as string);
  }
  return side;
}

async function match(
  mode: Mode,
  target: ImageF32,
  reference: ImageF32,
  o: ResolvedOptions,
): Promise<Matched> {
  if (reference.channels.length !== 3) {
    throw new ColorizeError(
      mode === 'transfer'
        ? 'the reference image is gray: superpixel transfer needs a colour reference (to colour a gray target from a colour reference use `colorize exemplar`)'
        : 'the reference image is gray: exemplar colorization needs a colour reference',
      'input',
    );
  }
  if (mode === 'transfer' && target.channels.length !== 3) {
    throw new ColorizeError(
      'the target image is gray: use `colorize exemplar GRAY REFERENCE` to colour it',
      'input',
    );
  }
  checkSizes(target, reference);
  const timings: Record<string, number> = {};
  const lap = stageTimer(timings);
  const notices: string[] = [];
  const { extractor, notice } = chooseExtractor(o.features);
  if (notice) notices.push(notice);

  // §3.1: work on down-sized copies (area averaging).
  const ts = fitWithin(target.width, target.height, o.workingSize);
  const tWork = resizeImage(target, ts.width, ts.height, 'area');
  // Alg. 4: matching runs on gray images, the reference made gray as 0.299R + 0.587G + 0.114B.
  const tMatch = mode === 'colorize' ? fromPlanes(ts.width, ts.height, [lumaOf(tWork).slice()]) : tWork;
  lap('resize');
  const spT = segment(tMatch, o);
  lap('slic');
  const fT = await extractor.extract(tMatch);
  lap('features');
  // The reference's side (resize, SLIC, features, super-features, mean colours) depends on the
  // reference and the options alone: a clip coloured frame by frame from one reference reuses it.
  const ref = await referenceSide(mode, reference, o, extractor, lap);
  const { rWork, spR } = ref;
  const layers: LayerSuperFeatures[] = fT.map((m, l) => ({
    target: superFeatures(m, spT),
    reference: ref.superFeatures[l],
    channels: m.channels,
  }));
  lap('sfe');

  const NT = spT.count;
  const NR = spR.count;
  const A = await attentionGemm(mode, layers, NT, NR, o.tau, o.layerWeights);
  lap('sfm');

  // Ī_R(j): mean reference colour per superpixel (RGB); C_i = Σ_j A(i, j) Ī_R(j).
  const refMeans = ref.means;
  const C = new Float32Array(NT * 3);
  for (let i = 0; i < NT; i++) {
    let r = 0;
    let g = 0;
    let b = 0;
    const row = i * NR;
    for (let j = 0; j < NR; j++) {
      const a = A[row + j];
      if (a < 1e-12) continue;
      r += a * refMeans[j * 3];
      g += a * refMeans[j * 3 + 1];
      b += a * refMeans[j * 3 + 2];
    }
    C[i * 3] = r;
    C[i * 3 + 1] = g;
    C[i * 3 + 2] = b;
  }
  return { target, tWork, rWork, tMatch, spT, spR, A, C, features: extractor.name, notices, timings };
}

/** Eq. 4–6 colour fusion and the final step on a matched pair. */
function fuseAndFinish(m: Matched, o: ResolvedOptions): SuperpixelResult {
  const { target, tWork, rWork, tMatch, spT, spR, A, C } = m;
  const ts = { width: tWork.width, height: tWork.height };
  const timings = { ...m.timings };
  const lap = stageTimer(timings);
  const report: FusionReport = { effectiveSuperpixels: 0, termsPerPixel: 0 };
  const fused = colourFusion(tMatch.channels, spT, C, fusionOptionsOf(o), report);
  lap('fusion');

  const fusedRgb = fromPlanes(ts.width, ts.height, fused);
  const lab = rgbImageToLab(fusedRgb);
  const chroma = fromPlanes(ts.width, ts.height, [lab.channels[1], lab.channels[2]]);
  const rgb =
    o.finishMode === 'rgb'
      ? resizeImage(fusedRgb, target.width, target.height, 'bilinear')
      : o.finishMode === 'paper'
        ? finish({ original: target, chroma, space: 'lab' }, { upsample: 'bilinear', keep: 'lightness' })
        : finish({ original: target, chroma, space: 'lab' }, o.finish);
  lap('finish');

  const result: SuperpixelResult = {
    rgb,
    chroma,
    features: m.features,
    notices: [...m.notices],
    timings,
    superpixels: { target: spT.count, reference: spR.count },
    fusion: report,
  };
  if (o.debug)
    result.debug = debugPictures({ target: tWork, reference: rWork, spT, spR, A, fused: fusedRgb, C });
  return result;
}

async function run(
  mode: Mode,
  target: ImageF32,
  reference: ImageF32,
  options: SuperpixelOptions,
): Promise<SuperpixelResult> {
  const o = resolveOptions(options);
  return fuseAndFinish(await match(mode, target, reference, o), o);
}

/** Options that only change the colour fusion and the final step. */
export type FusionVariant = Pick<
  SuperpixelOptions,
  'deltaS' | 'deltaC' | 'sigmaG' | 'fusionNormalise' | 'cutoff' | 'finishMode' | 'finish'
>;

/**
 * Exemplar colorization (`mode` 'colorize', Algorithm 4) or colour transfer ('transfer',
 * Algorithm 3) with several fusion / final-step settings, matching once: one result per variant,
 * each equal to a run with `{ ...options, ...variant }`. For parameter studies (eq. 6 δs, δc, σ_g,
 * the final step).
 *
 * @example
 * ```ts
 * import { readImage, superpixelFusionVariants } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const ref = (await readImage('examples/scene.png')).image;
 * const [a, b] = await superpixelFusionVariants('colorize', gray, ref, { workingSize: 64 },
 *   [{ finishMode: 'edge-aware' }, { finishMode: 'paper' }]);
 * console.log(a.rgb.width === b.rgb.width); // true
 * ```
 */
export async function superpixelFusionVariants(
  mode: Mode,
  target: ImageF32,
  reference: ImageF32,
  options: SuperpixelOptions,
  variants: FusionVariant[],
): Promise<SuperpixelResult[]> {
  const m = await match(mode, target, reference, resolveOptions(options));
  return variants.map((v) => fuseAndFinish(m, resolveOptions({ ...options, ...v })));
}

/**
 * Exemplar colorization of a gray target from a colour reference (Algorithm 4).
 *
 * @example
 * ```ts
 * import { readImage, superpixelColorize } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const ref = (await readImage('examples/scene.png')).image;
 * const { rgb, features, timings } = await superpixelColorize(gray, ref, { workingSize: 128 });
 * console.log(rgb.width === gray.width, features, Object.keys(timings));
 * ```
 */
export function superpixelColorize(
  gray: ImageF32,
  reference: ImageF32,
  options: SuperpixelOptions = {},
): Promise<SuperpixelResult> {
  return run('colorize', gray, reference, options);
}

/**
 * Colour transfer between two colour images (Algorithm 3): the target keeps its lightness and
 * structure and takes the reference's colours.
 *
 * @example
 * ```ts
 * import { readImage, superpixelTransfer } from 'colorize-toolkit/internals';
 * const target = (await readImage('examples/scene.png')).image;
 * const ref = (await readImage('examples/scene.png')).image;
 * const { rgb } = await superpixelTransfer(target, ref, { features: 'handcrafted' });
 * console.log(rgb.channels.length); // 3
 * ```
 */
export function superpixelTransfer(
  target: ImageF32,
  reference: ImageF32,
  options: SuperpixelOptions = {},
): Promise<SuperpixelResult> {
  return run('transfer', target, reference, options);
}

export type { ExemplarCandidates };

/**
 * Matches a gray target to a colour reference (Algorithm 4 up to the fusion) and returns the
 * top-k attention colours per target superpixel and the fused colour per pixel.
 *
 * @example
 * ```ts
 * import { readImage, superpixelCandidates } from 'colorize-toolkit/internals';
 * const gray = (await readImage('examples/scene_gray.png')).image;
 * const ref = (await readImage('examples/scene.png')).image;
 * const c = await superpixelCandidates(gray, ref, { workingSize: 64, features: 'handcrafted' }, 3);
 * console.log(c.k, c.a.length === c.segments * 3); // 3 true
 * ```
 */
export async function superpixelCandidates(
  gray: ImageF32,
  reference: ImageF32,
  options: SuperpixelOptions,
  k: number,
): Promise<ExemplarCandidates> {
  const o = resolveOptions(options);
  const m = await match('colorize', gray, reference, o);
  const fused = colourFusion(m.tMatch.channels, m.spT, m.C, fusionOptionsOf(o));
  const fusedLab = rgbImageToLab(fromPlanes(m.tWork.width, m.tWork.height, fused));
  const NT = m.spT.count;
  const NR = m.spR.count;
  const K = Math.max(1, Math.min(k, NR));
  const refMeans = superpixelMeans(m.rWork.channels, m.spR);
  const refLab = rgbImageToLab(
    fromPlanes(
      NR,
      1,
      [0, 1, 2].map((c) => Float32Array.from({ length: NR }, (_, j) => refMeans[j * 3 + c])),
    ),
  );
  const a = new Float32Array(NT * K);
  const b = new Float32Array(NT * K);
  const weight = new Float32Array(NT * K);
  const idx = new Int32Array(K);
  const val = new Float64Array(K);
  for (let i = 0; i < NT; i++) {
    val.fill(-1);
    const row = i * NR;
    for (let j = 0; j < NR; j++) {
      const v = m.A[row + j];
      if (v <= val[K - 1]) continue;
      let t = K - 1;
      while (t > 0 && val[t - 1] < v) {
        val[t] = val[t - 1];
        idx[t] = idx[t - 1];
        t--;
      }
      val[t] = v;
      idx[t] = j;
    }
    let s = 0;
    for (let t = 0; t < K; t++) s += Math.max(0, val[t]);
    for (let t = 0; t < K; t++) {
      a[i * K + t] = refLab.channels[1][idx[t]];
      b[i * K + t] = refLab.channels[2][idx[t]];
      weight[i * K + t] = s > 0 ? Math.max(0, val[t]) / s : 1 / K;
    }
  }
  return {
    width: m.tWork.width,
    height: m.tWork.height,
    labels: m.spT.labels,
    segments: NT,
    k: K,
    a,
    b,
    weight,
    fusedA: fusedLab.channels[1],
    fusedB: fusedLab.channels[2],
    features: m.features,
    notices: m.notices,
  };
}
