import type { ImageF32 } from '../image/image.js';

/** Throws a RangeError when two images differ in size or channel count. */
export function assertSameShape(a: ImageF32, b: ImageF32): void {
  if (a.width !== b.width || a.height !== b.height || a.channels.length !== b.channels.length) {
    throw new RangeError(
      `images differ in shape: ${a.width}×${a.height}×${a.channels.length} vs ${b.width}×${b.height}×${b.channels.length}`,
    );
  }
}
