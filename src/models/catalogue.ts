/** The built-in models of the registry (see registry.ts), in the order `colorize models` lists them. */

import { DEEPLAB_MODELS, type DeeplabVariant, ensureDeeplabOnnx } from './deeplab.js';
import { ensureMobileNetV2Onnx, MOBILENET_V2_LABELS, MOBILENET_V2_TFLITE } from './mobilenet-v2.js';
import { registerModel } from './registry.js';
import { ensureVgg19Onnx, ensureVgg19ReluOnnx } from './vgg19.js';

const VGG_SHARDS = Array.from({ length: 8 }, (_, i) => `vgg19/group${i + 1}-shard1of1`);

registerModel({
  name: 'vgg19',
  description: 'VGG-19 (ImageNet) blocks 1–3, converted to ONNX on first use',
  files: VGG_SHARDS,
  usedBy: ['exemplar superpixel', 'exemplar gram', 'exemplar attention'],
  source: 'Simonyan & Zisserman 2015, Keras weights via DavidCai1993/vgg19-tensorflowjs-model (MIT)',
  // Both graphs: conv1_2/conv2_2/conv3_4 (superpixel, gram) and relu1_1/2_1/3_1 (attention).
  convert: async () => {
    await ensureVgg19ReluOnnx();
    return ensureVgg19Onnx();
  },
});

registerModel({
  name: 'color-bins',
  description: 'the 313 quantised ab colours of Zhang et al. 2016',
  files: ['color-bins/pts_in_hull.f32'],
  usedBy: ['auto cnn', 'auto cnn-tv'],
  source: 'Zhang, Isola & Efros 2016 via ColorfulSoft/StyleTransfer-Colorization-SuperResolution (MIT)',
});

registerModel({
  name: 'mobilenet-v2',
  description: 'MobileNetV2 1.0/224 (ImageNet), uint8 TFLite converted to a float ONNX graph on first use',
  files: [MOBILENET_V2_TFLITE, MOBILENET_V2_LABELS],
  usedBy: ['auto cnn', 'auto cnn-tv', 'exemplar attention'],
  source: 'Sandler et al. 2018, google-coral/test_data (Apache-2.0)',
  convert: ensureMobileNetV2Onnx,
});

registerModel({
  name: 'cnn-tv-head',
  description: 'our 313-bin colour-distribution head on MobileNetV2 features, trained here (training/cnn)',
  files: ['cnn-tv/head.onnx'],
  usedBy: ['auto cnn', 'auto cnn-tv'],
  source: 'this project (MIT), trained on ../shared/data/train',
});

for (const [variant, spec] of Object.entries(DEEPLAB_MODELS) as Array<
  [DeeplabVariant, (typeof DEEPLAB_MODELS)[DeeplabVariant]]
>) {
  registerModel({
    name: `deeplab-${variant}`,
    description: `DeepLab v3 segmentation (${spec.classes} classes), uint8 TFLite converted to a float ONNX graph on first use`,
    files: [spec.file, spec.labels],
    usedBy: ['auto cheng (semantic features)'],
    source: 'Chen et al. 2017, google-coral/test_data (Apache-2.0)',
    convert: () => ensureDeeplabOnnx(variant),
  });
}

registerModel({
  name: 'cheng',
  description:
    'Deep Colorization ensemble: global and 4 seed siblings, 3 ablation, 68 cluster and a warm-style MLP (float16), trained here (training/cheng)',
  files: ['cheng/model.json', 'cheng/weights.bin'],
  usedBy: ['auto cheng'],
  source: 'this project (MIT), trained on ../shared/data/train',
});

registerModel({
  name: 'attention',
  description:
    'attention-based exemplar network (axial attention, pyramid decoder) on VGG-19/MobileNetV2 features, trained here at 128² (training/attention)',
  files: ['attention/net.onnx'],
  usedBy: ['exemplar attention'],
  source: 'this project (MIT), trained on ../shared/data/train',
});
