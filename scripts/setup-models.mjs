#!/usr/bin/env node
import { findModelFile } from '../dist/models/locate.js';
// Set-up step run by .ci/run after the build: converts model weights found in COLORIZE_MODELS,
// models/ or ../shared/models into the cached ONNX files the methods load (models/cache/,
// git-ignored). Methods also convert on first use; this only moves that second out of the tests.
import { ensureVgg19Onnx } from '../dist/models/vgg19.js';

if (findModelFile('vgg19/group8-shard1of1')) {
  console.log(`vgg19: ${await ensureVgg19Onnx()}`);
} else {
  console.log('vgg19: weights not found (exemplar superpixel will use handcrafted features)');
}
