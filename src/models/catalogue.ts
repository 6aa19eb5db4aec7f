/** The built-in models of the registry (see registry.ts), in the order `colorize models` lists them. */
import { registerModel } from './registry.js';
import { ensureVgg19Onnx } from './vgg19.js';

const VGG_SHARDS = Array.from({ length: 8 }, (_, i) => `vgg19/group${i + 1}-shard1of1`);

registerModel({
  name: 'vgg19',
  description: 'VGG-19 (ImageNet) blocks 1–3, converted to ONNX on first use',
  files: VGG_SHARDS,
  usedBy: ['exemplar superpixel', 'exemplar gram'],
  source: 'Simonyan & Zisserman 2015, Keras weights via DavidCai1993/vgg19-tensorflowjs-model (MIT)',
  convert: ensureVgg19Onnx,
});

registerModel({
  name: 'color-bins',
  description: 'the 313 quantised ab colours of Zhang et al. 2016',
  files: ['color-bins/pts_in_hull.f32'],
  usedBy: ['auto cnn', 'auto cnn-tv'],
  source: 'Zhang, Isola & Efros 2016 via ColorfulSoft/StyleTransfer-Colorization-SuperResolution (MIT)',
});
