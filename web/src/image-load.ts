/** Decoding photos in the browser into the library's planar images, and back to canvases. */
import { lumaOf } from '../../src/color/linear-spaces.js';
import { type ImageF32, isNeutralGray } from '../../src/image/image.js';
import { planesToRgba } from './rgba.js';

export interface LoadedPhoto {
  /** One-channel luma (what strokes colour). */
  gray: ImageF32;
  /** The photo's own colours, or null when it is gray. */
  colour: ImageF32 | null;
  /** The file as given (sent to the service for server-side methods). */
  blob: Blob;
  name: string;
}

/** Decodes a file or blob (EXIF orientation applied by the browser). */
export async function decodePhoto(blob: Blob, name: string): Promise<LoadedPhoto> {
  let bmp: ImageBitmap;
  try {
    bmp = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new Error(`${name}: not an image this browser can decode`);
  }
  const rgb = bitmapToPlanes(bmp);
  bmp.close();
  // The same gray test as the decoder of the command line: R = G = B at every pixel within one level.
  const isGray = isNeutralGray(rgb, 1 / 255);
  return {
    gray: { width: rgb.width, height: rgb.height, channels: [lumaOf(rgb)] },
    colour: isGray ? null : rgb,
    blob,
    name,
  };
}

export function bitmapToPlanes(bmp: ImageBitmap): ImageF32 {
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const g = c.getContext('2d')!;
  g.drawImage(bmp, 0, 0);
  const data = g.getImageData(0, 0, bmp.width, bmp.height).data;
  const n = bmp.width * bmp.height;
  const ch = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    ch[0][i] = data[j] / 255;
    ch[1][i] = data[j + 1] / 255;
    ch[2][i] = data[j + 2] / 255;
  }
  return { width: bmp.width, height: bmp.height, channels: ch };
}

/** A canvas holding an image (gray or RGB planes). */
export function planesToCanvas(img: ImageF32): HTMLCanvasElement {
  const rgba = planesToRgba(img);
  return rgbaToCanvas(rgba, img.width, img.height);
}

export function rgbaToCanvas(rgba: Uint8ClampedArray, width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  return c;
}

/** Planes copied for sending to the worker (the page keeps its own). */
export function copyPlanes(img: ImageF32): ImageF32 {
  return { width: img.width, height: img.height, channels: img.channels.map((c) => c.slice()) };
}

/** Saves a blob under a file name (a download in the browser). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
