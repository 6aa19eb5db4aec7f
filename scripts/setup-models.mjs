#!/usr/bin/env node
// Set-up step run by .ci/run after the build: converts model weights found in COLORIZE_MODELS,
// models/ or ../shared/models into the cached ONNX files the methods load (models/cache/,
// git-ignored). Methods also convert on first use; this only moves that second out of the tests.
import { DEEPLAB_MODELS, ensureDeeplabOnnx } from '../dist/models/deeplab.js';
import { findModelFile } from '../dist/models/locate.js';
import { ensureMobileNetV2Onnx, MOBILENET_V2_TFLITE } from '../dist/models/mobilenet-v2.js';
import { ensureVgg19Onnx } from '../dist/models/vgg19.js';

if (findModelFile('vgg19/group8-shard1of1')) {
  console.log(`vgg19: ${await ensureVgg19Onnx()}`);
} else {
  console.log('vgg19: weights not found (exemplar superpixel will use handcrafted features)');
}

// MobileNet V2 and DeepLab v3 ship as uint8 TensorFlow Lite files; they are converted to float ONNX.
if (findModelFile(MOBILENET_V2_TFLITE)) {
  console.log(`mobilenet_v2: ${await ensureMobileNetV2Onnx()}`);
} else {
  console.log(`mobilenet_v2: ${MOBILENET_V2_TFLITE} not found`);
}
for (const [variant, { file }] of Object.entries(DEEPLAB_MODELS)) {
  if (findModelFile(file)) {
    console.log(`deeplab ${variant}: ${await ensureDeeplabOnnx(variant)}`);
  } else {
    console.log(`deeplab ${variant}: ${file} not found`);
  }
}
