import { readImage, writeImage } from '../src/image/io.js';
import { resizeImage } from '../src/image/resize.js';
import { createImage } from '../src/image/image.js';
const [out, ...files] = process.argv.slice(2);
const H = 160;
const ims = [];
for (const f of files) {
  let { image } = await readImage(f);
  if (image.channels.length === 1) image = { ...image, channels: [image.channels[0], image.channels[0], image.channels[0]] };
  ims.push(resizeImage(image, Math.round((image.width * H) / image.height), H, 'area'));
}
const W = ims.reduce((a, i) => a + i.width, 0);
const m = createImage(W, H, 3);
let x0 = 0;
for (const im of ims) {
  for (let k = 0; k < 3; k++) for (let y = 0; y < H; y++) for (let x = 0; x < im.width; x++) m.channels[k][y * W + x0 + x] = im.channels[k][y * im.width + x];
  x0 += im.width;
}
await writeImage(out, m);
