/**
 * Image decoding and encoding with sharp (Node only). Decoding applies EXIF orientation,
 * converts embedded ICC profiles to sRGB, keeps 16-bit precision and alpha, and recognises
 * gray images stored as RGB. Encoding picks the format from the extension and writes to a
 * temporary name first, so a failure never leaves a half-written file.
 */

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ColorizeError, fsProblem } from '../errors.js';
import { createImage, type ImageF32, isNeutralGray } from './image.js';
import type { OutputMetadata, SourceMetadata } from './metadata.js';
import { withVipsDetail } from './vips-lock.js';

/** Default decode limit: 100 megapixels. */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/** File extensions of the image formats the decoder reads (folder jobs and galleries list these). */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff', '.gif', '.avif'];

export interface ReadOptions {
  /** Refuse images with more pixels than this (default 100 MP, or env COLORIZE_MAX_PIXELS). */
  maxPixels?: number;
  /**
   * Decode a damaged JPEG (corrupt entropy data, stray markers: libjpeg warns and guesses the
   * damaged blocks) instead of refusing it (default false, or env COLORIZE_ACCEPT_DAMAGED=1).
   */
  acceptDamaged?: boolean;
  /**
   * Decode the first frame of an animated GIF/WebP or a multi-page TIFF instead of refusing it
   * (default false: a method would colour one frame of many without a word).
   */
  firstFrame?: boolean;
  /**
   * Told the size the decoded image will have (EXIF rotation applied) once the header has been
   * read and checked, before the pixels are decoded: work that needs only the size can start
   * (the command line's `prepare`).
   */
  onSize?: (width: number, height: number) => void;
}

export interface DecodedImage {
  /** One channel (gray) or three (sRGB), values in [0, 1]. */
  image: ImageF32;
  /** Alpha in [0, 1], or null when the file has none. */
  alpha: Float32Array | null;
  /** Bit depth per sample of the source: 8 or 16. */
  bitDepth: 8 | 16;
  /** True when the pixels carry no colour (one channel, or RGB with R = G = B at every pixel within one code value). */
  isGray: boolean;
  /** True when the file stored three colour channels (even if their content is gray). */
  storedAsRgb: boolean;
  /** Decoder format name (jpeg, png, webp, tiff, heif, gif, ...). */
  format: string;
  /** Where the pixels came from (a path or "<buffer>"). */
  source: string;
  /** Frames (pages) in the file: more than 1 for an animated GIF/WebP or a multi-page TIFF. */
  frames: number;
  /** The raw EXIF, XMP and IPTC blocks of the file, for outputs to carry over (image/metadata.ts). */
  metadata: SourceMetadata;
}

function envMaxPixels(): number {
  const v = process.env.COLORIZE_MAX_PIXELS;
  if (v === undefined || v === '') return DEFAULT_MAX_PIXELS;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ColorizeError(`COLORIZE_MAX_PIXELS=${v} is invalid: expected a positive number`, 'usage');
  }
  return n;
}

/** Explains a decoder's complaint about damaged JPEG data, with the way to accept it anyway. */
export function damagedJpegMessage(detail: string): string {
  return (
    `damaged JPEG data (${detail}); the decoder would fill the damaged part with guesses, so it is ` +
    'refused (accept it with --accept-damaged, or acceptDamaged=true over HTTP)'
  );
}

function describeSharpError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/Corrupt JPEG data|VipsJpeg: .*(marker|Huffman|Bogus)/i.test(msg))
    return damagedJpegMessage(msg.trim().split('\n')[0]);
  if (/unsupported image format/i.test(msg)) return 'not an image in a supported format';
  if (/premature end|truncated|unexpected end|read error|Invalid PNG|corrupt/i.test(msg))
    return `truncated or corrupt image data (${msg.trim()})`;
  if (/pixel limit/i.test(msg)) return msg.trim();
  return msg.trim();
}

/** "24000000 pixels (24.0 MP)": exact, so a count just over a limit never reads as equal to it. */
function pixelCount(n: number): string {
  return `${n} pixels (${(n / 1e6).toFixed(1)} MP)`;
}

/**
 * Decodes an image file or buffer into planar float channels.
 *
 * @example
 * ```ts
 * import { readImage } from 'colorize-toolkit';
 * const { image, isGray, bitDepth } = await readImage('photo.jpg');
 * console.log(image.width, image.height, isGray, bitDepth);
 * ```
 */
export async function readImage(input: string | Buffer, options: ReadOptions = {}): Promise<DecodedImage> {
  const source = typeof input === 'string' ? input : '<buffer>';
  const maxPixels = options.maxPixels ?? envMaxPixels();
  if (typeof input === 'string') {
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const what = code === 'ENOENT' ? 'file not found' : fsProblem(err);
      throw new ColorizeError(`${source}: ${what}`, 'io', source);
    }
    if (st.isDirectory())
      throw new ColorizeError(`${source}: is a folder, expected an image file`, 'io', source);
    if (st.size === 0) throw new ColorizeError(`${source}: empty file, not an image`, 'input', source);
  }
  let meta: sharp.Metadata;
  try {
    // limitInputPixels is checked by us below so the message can name the limit we use.
    meta = await withVipsDetail(() => sharp(input, { limitInputPixels: false, pages: 1 }).metadata());
  } catch (err) {
    throw new ColorizeError(`${source}: ${describeSharpError(err)}`, 'input', source);
  }
  const w0 = meta.width ?? 0;
  const h0 = meta.height ?? 0;
  if (w0 === 0 || h0 === 0) throw new ColorizeError(`${source}: image has 0 pixels`, 'input', source);
  const frames = meta.pages ?? 1;
  if (frames > 1 && !options.firstFrame)
    throw new ColorizeError(
      `${source}: has ${frames} frames (an animated ${meta.format?.toUpperCase() ?? 'image'} or a multi-page file); only single images are coloured: extract the frames first (e.g. ffmpeg -i in.gif frame%04d.png) and colour the folder`,
      'input',
      source,
    );
  if (w0 * h0 > maxPixels) {
    throw new ColorizeError(
      `${source}: ${w0}×${h0} = ${pixelCount(w0 * h0)} exceeds the pixel limit of ${pixelCount(maxPixels)} (raise it with --max-pixels or COLORIZE_MAX_PIXELS)`,
      'input',
      source,
    );
  }
  // EXIF orientations 5–8 turn the image a quarter: .rotate() below swaps its sides.
  if ((meta.orientation ?? 1) >= 5) options.onSize?.(h0, w0);
  else options.onSize?.(w0, h0);
  const is16 =
    meta.depth === 'ushort' || meta.depth === 'short' || meta.depth === 'uint' || meta.depth === 'float';
  const srcChannels = meta.channels ?? 3;
  const hasAlpha = meta.hasAlpha === true;
  const colourChannels = srcChannels - (hasAlpha ? 1 : 0);
  const oneChannel = colourChannels === 1 && meta.space !== 'cmyk';
  // Gray + alpha is decoded as RGB + alpha (R = G = B) and its R kept: libvips' b-w and grey16
  // conversions drop the alpha.
  const target = oneChannel && !hasAlpha ? (is16 ? 'grey16' : 'b-w') : is16 ? 'rgb16' : 'srgb';

  let data: Buffer;
  let info: sharp.OutputInfo;
  // libjpeg only warns about damaged entropy data and decodes guesses: strict unless accepted.
  const acceptDamaged = options.acceptDamaged ?? process.env.COLORIZE_ACCEPT_DAMAGED === '1';
  const failOn = meta.format === 'jpeg' && !acceptDamaged ? 'warning' : 'truncated';
  try {
    ({ data, info } = await withVipsDetail(() =>
      sharp(input, { limitInputPixels: false, pages: 1, failOn })
        .rotate() // applies EXIF orientation
        .toColourspace(target)
        .raw({ depth: is16 ? 'ushort' : 'uchar' })
        .toBuffer({ resolveWithObject: true }),
    ));
  } catch (err) {
    throw new ColorizeError(`${source}: ${describeSharpError(err)}`, 'input', source);
  }
  const { width, height, channels } = info;
  const outColour = oneChannel ? 1 : 3;
  const withAlpha = channels > outColour;
  const n = width * height;
  const samples: Uint8Array | Uint16Array = is16
    ? new Uint16Array(data.buffer, data.byteOffset, data.length / 2)
    : new Uint8Array(data.buffer, data.byteOffset, data.length);
  const scale = 1 / (is16 ? 65535 : 255);
  const alpha = withAlpha ? new Float32Array(n) : null;
  // Alpha is the last sample of a pixel (after 1 or 3 colour samples).
  if (alpha) for (let i = 0, j = channels - 1; i < n; i++, j += channels) alpha[i] = samples[j] * scale;
  // Gray only when every pixel is neutral to within one code value: never by an average, which
  // would read a photo with a few coloured strokes as gray and drop the strokes' colour. Tested
  // on the codes, so that a gray photo stored as RGB becomes its luma plane without three
  // colour planes first.
  const isGray = oneChannel || neutralCodes(samples, n, channels);
  let result: ImageF32;
  if (isGray && !oneChannel) result = { width, height, channels: [lumaOfCodes(samples, n, channels, scale)] };
  else {
    result = createImage(width, height, outColour);
    for (let k = 0; k < outColour; k++) {
      const p = result.channels[k];
      for (let i = 0, j = k; i < n; i++, j += channels) p[i] = samples[j] * scale;
    }
  }
  return {
    image: result,
    alpha,
    bitDepth: is16 ? 16 : 8,
    isGray,
    storedAsRgb: !oneChannel,
    format: meta.format ?? 'unknown',
    frames,
    metadata: { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc },
    source,
  };
}

/**
 * Whether R, G and B differ by at most one code value at every one of the `n` pixels of
 * interleaved `samples` (`channels` per pixel, colour first): {@link isNeutralGray}'s test on the
 * codes themselves.
 */
function neutralCodes(samples: Uint8Array | Uint16Array, n: number, channels: number): boolean {
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = samples[j];
    const g = samples[j + 1];
    const b = samples[j + 2];
    if (r - g > 1 || g - r > 1 || g - b > 1 || b - g > 1 || r - b > 1 || b - r > 1) return false;
  }
  return true;
}

/**
 * Rec. 601 luma (0.299 R + 0.587 G + 0.114 B, the gray the data sets use) of interleaved codes,
 * each first rounded to a float as a colour plane would hold it: the same values as the luma of
 * the decoded planes. A private twin of color/linear-spaces lumaOf: image/ sits below color/.
 */
function lumaOfCodes(
  samples: Uint8Array | Uint16Array,
  n: number,
  channels: number,
  scale: number,
): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = Math.fround(samples[j] * scale);
    const g = Math.fround(samples[j + 1] * scale);
    const b = Math.fround(samples[j + 2] * scale);
    out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return out;
}

export type OutputFormat = 'png' | 'jpeg' | 'webp' | 'tiff';

/** Output format implied by a file name's extension. */
export function formatFromPath(file: string): OutputFormat {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.png':
      return 'png';
    case '.jpg':
    case '.jpeg':
      return 'jpeg';
    case '.webp':
      return 'webp';
    case '.tif':
    case '.tiff':
      return 'tiff';
    default:
      throw new ColorizeError(
        `${file}: cannot tell the output format from the extension "${ext}"; use .png, .jpg, .webp or .tif`,
        'usage',
        file,
      );
  }
}

export interface WriteOptions {
  /** Alpha plane to append, values in [0, 1] (passed through from the input). */
  alpha?: Float32Array | null;
  /** 16 writes 16-bit samples where the format allows it (PNG, TIFF); default 8. */
  bitDepth?: 8 | 16;
  /** JPEG/WebP quality, default 92. */
  quality?: number;
  /** EXIF fields and an XMP packet to write (see image/metadata.ts). */
  metadata?: OutputMetadata;
}

/** Quantises planar [0,1] data (plus optional alpha) into interleaved 8- or 16-bit samples. */
export function quantize(img: ImageF32, alpha: Float32Array | null, bits: 8 | 16): Uint8Array | Uint16Array {
  const n = img.width * img.height;
  const c = img.channels.length + (alpha ? 1 : 0);
  const max = bits === 16 ? 65535 : 255;
  const out = bits === 16 ? new Uint16Array(n * c) : new Uint8Array(n * c);
  const planes = alpha ? [...img.channels, alpha] : img.channels;
  // (v·max + 0.5) | 0 is Math.round(v·max) here, twice as fast: v is a float32 and max < 2¹⁷, so
  // v·max and v·max + 0.5 are exact in double precision (and positive, so | 0 is the floor).
  for (let k = 0; k < c; k++) {
    const p = planes[k];
    for (let i = 0, j = k; i < n; i++, j += c) {
      const v = p[i];
      out[j] = v <= 0 ? 0 : v >= 1 ? max : (v * max + 0.5) | 0;
    }
  }
  return out;
}

/** Encodes an image to a buffer in the given format. */
export async function encodeImage(
  img: ImageF32,
  format: OutputFormat,
  options: WriteOptions = {},
): Promise<Buffer> {
  const nc = img.channels.length;
  if (nc !== 1 && nc !== 3) throw new RangeError(`cannot encode an image with ${nc} channels (need 1 or 3)`);
  if (img.width === 0 || img.height === 0)
    throw new ColorizeError('cannot encode an image with 0 pixels', 'input');
  const alpha = options.alpha ?? null;
  if (alpha && alpha.length !== img.width * img.height) {
    throw new RangeError(`alpha has ${alpha.length} samples, image has ${img.width * img.height}`);
  }
  const deep = options.bitDepth === 16 && (format === 'png' || format === 'tiff');
  const bits = deep ? 16 : 8;
  const samples = quantize(img, alpha, bits);
  const channels = (nc + (alpha ? 1 : 0)) as 1 | 2 | 3 | 4;
  let pipe = sharp(samples, { raw: { width: img.width, height: img.height, channels } });
  if (deep) pipe = pipe.toColourspace(nc === 1 ? 'grey16' : 'rgb16');
  else if (nc === 1) pipe = pipe.toColourspace('b-w');
  const quality = options.quality ?? 92;
  if (options.metadata?.exif) pipe = pipe.withExif(options.metadata.exif);
  if (options.metadata?.xmp) pipe = pipe.withXmp(options.metadata.xmp);
  switch (format) {
    case 'png':
      pipe = pipe.png({ compressionLevel: 6 });
      break;
    case 'jpeg':
      pipe = pipe.jpeg({ quality, chromaSubsampling: '4:4:4' });
      break;
    case 'webp':
      pipe = pipe.webp({ quality });
      break;
    case 'tiff':
      pipe = pipe.tiff({ compression: 'lzw' });
      break;
  }
  // A clone per try: a retry must not reuse the pipeline the failed try ran.
  const encoder = pipe;
  return withVipsDetail(() => encoder.clone().toBuffer());
}

/**
 * Writes an image atomically: encodes, writes `<name>.tmp-<random>` beside the target, renames.
 *
 * @example
 * ```ts
 * import { createImage, writeImage } from 'colorize-toolkit';
 * const img = createImage(8, 8, 3);
 * img.channels[0].fill(1); // red
 * await writeImage('red.png', img);
 * ```
 */
export async function writeImage(file: string, img: ImageF32, options: WriteOptions = {}): Promise<void> {
  const format = formatFromPath(file);
  const buf = await encodeImage(img, format, options);
  await writeFileAtomic(file, buf);
}

/**
 * True when process `pid` exists (EPERM: it does, under another user). Temporary names of
 * {@link writeFileAtomic} and the service's working folders carry the writer's pid; this tells
 * a dead writer's leftovers from a live one's.
 *
 * @example
 * ```ts
 * import { processAlive } from 'colorize-toolkit';
 * console.log(processAlive(process.pid)); // true
 * ```
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes bytes to `file` through a temporary sibling and a rename. */
export async function writeFileAtomic(file: string, data: Buffer | string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ColorizeError(`${file}: output folder ${dir} does not exist`, 'io', file);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw new ColorizeError(`${file}: cannot write (${(err as Error).message})`, 'io', file);
  }
}
