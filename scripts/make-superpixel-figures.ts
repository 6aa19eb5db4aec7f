/**
 * Project-owned pictures for docs/superpixel.md (no third-party pixels): the IPOL paper's τ and
 * δs/δc sensitivity figures (Figures 6, 7, 11, 12), the number of superpixels (Figure 4) and its
 * final-step comparison (Figures 3 and 9:
 * resizing with and without CIELAB, beside our edge-aware finish) reproduced on examples/scene.png,
 * examples/scene_gray.png and examples/sunset.png. The colorization reference is
 * examples/scene.png mirrored and re-cropped (made here, in memory). Outputs go to
 * docs/img/superpixel/ at half size. Run: node --import tsx scripts/make-superpixel-figures.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImage, type ImageF32 } from '../src/image/image.js';
import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import type { SuperpixelOptions } from '../src/methods/exemplar/superpixel/options.js';
import {
  superpixelColorize,
  superpixelFusionVariants,
  superpixelTransfer,
} from '../src/methods/exemplar/superpixel/pipeline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/img/superpixel');
mkdirSync(out, { recursive: true });
const scene = (await readImage(path.join(root, 'examples/scene.png'))).image;
const gray = (await readImage(path.join(root, 'examples/scene_gray.png'))).image;
const sunset = (await readImage(path.join(root, 'examples/sunset.png'))).image;

/** Mirrored, 10 %-cropped copy of the scene: a "different view" colour reference. */
function mirroredCrop(img: ImageF32): ImageF32 {
  const cw = Math.round(img.width * 0.9);
  const ch = Math.round(img.height * 0.9);
  const o = createImage(cw, ch, 3);
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++)
      for (let c = 0; c < 3; c++)
        o.channels[c][y * cw + x] = img.channels[c][(y + img.height - ch) * img.width + (cw - 1 - x)];
  return o;
}
const reference = mirroredCrop(scene);
const half = (im: ImageF32) => resizeImage(im, Math.round(im.width / 2), Math.round(im.height / 2), 'area');
const save = (name: string, im: ImageF32) => writeImage(path.join(out, `${name}.png`), half(im));

await save('colorize-reference', reference);
const base: SuperpixelOptions = { workingSize: 256 };
for (const tau of [0.15, 0.015, 0.0015, 0.00015]) {
  await save(`transfer-tau-${tau}`, (await superpixelTransfer(scene, sunset, { ...base, tau })).rgb);
}
for (const tau of [0.15, 0.015]) {
  await save(`colorize-tau-${tau}`, (await superpixelColorize(gray, reference, { ...base, tau })).rgb);
}
for (const [deltaC, deltaS] of [
  [10, 0.1],
  [0.1, 10],
]) {
  await save(
    `transfer-dc-${deltaC}-ds-${deltaS}`,
    (await superpixelTransfer(scene, sunset, { ...base, deltaC, deltaS })).rgb,
  );
  await save(
    `colorize-dc-${deltaC}-ds-${deltaS}`,
    (await superpixelColorize(gray, reference, { ...base, deltaC, deltaS })).rgb,
  );
}
// Figures 3 and 9: the final step. Working size 128 (a third of the 384-px examples) so that the
// up-sizing shows; saved at full size.
const finishes = ['rgb', 'paper', 'edge-aware'] as const;
for (const [mode, t, r] of [
  ['transfer', scene, sunset],
  ['colorize', gray, reference],
] as const) {
  const res = await superpixelFusionVariants(
    mode,
    t,
    r,
    { workingSize: 128 },
    finishes.map((finishMode) => ({ finishMode })),
  );
  for (const [k, f] of finishes.entries())
    await writeImage(path.join(out, `${mode}-finish-${f}.png`), res[k].rgb);
}

// Figure 4: number of superpixels k⌊√(HW)⌋ of the working image (both images), colour transfer.
{
  const n = Math.floor(Math.sqrt(256 * Math.round((256 * scene.height) / scene.width)));
  for (const k of [1, 2, 3, 4])
    await save(
      `transfer-superpixels-${k}`,
      (await superpixelTransfer(scene, sunset, { ...base, superpixels: k * n })).rgb,
    );
}

const dbg = await superpixelColorize(gray, reference, { ...base, debug: true });
await writeImage(path.join(out, 'colorize-matches.png'), dbg.debug!.matches);
console.log(`features: ${dbg.features}; written to ${path.relative(root, out)}`);
