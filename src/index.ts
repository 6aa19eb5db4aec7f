/**
 * Public API of the colorization toolkit (Node entry; image I/O uses sharp).
 * Browser-safe code lives in every module except `image/io`.
 */

export * from './color/ab-bins.js';
export * from './color/gamut.js';
export * from './color/hsv.js';
export * from './color/lab.js';
export * from './color/linear-spaces.js';
export * from './color/srgb.js';
export * from './errors.js';
export * from './features/feature-extractor.js';
export * from './features/handcrafted-features.js';
export * from './features/vgg19-features.js';
export * from './filters/bilateral.js';
export * from './filters/box.js';
export * from './filters/edges.js';
export * from './filters/gaussian.js';
export * from './filters/guided.js';
export * from './filters/histogram-match.js';
export * from './filters/wavelet.js';
export * from './finish/finish.js';
export * from './image/image.js';
export * from './image/io.js';
export * from './image/resize.js';
export * from './methods/automatic/cnn-tv/candidates.js';
export * from './methods/automatic/cnn-tv/network.js';
export * from './methods/automatic/cnn-tv/pipeline.js';
export * from './solve/coupled-tv.js';

import './methods/automatic/builtin.js';

export * from './methods/automatic/registry.js';
export * from './models/registry.js';

import './models/catalogue.js';

export * from './methods/exemplar/gallery/index.js';
export * from './methods/exemplar/gram/index.js';
export * from './methods/exemplar/superpixel/index.js';
export * from './methods/scribbles/levin/affinity.js';
export * from './methods/scribbles/levin/levin.js';
export * from './methods/scribbles/levin/preview.js';
export * from './methods/scribbles/poisson/poisson.js';
export * from './methods/scribbles/strokes.js';
export * from './methods/transfer/builtin.js';
export * from './methods/transfer/edge-aware/edge-aware.js';
export * from './methods/transfer/histogram-lut/histogram-lut.js';
export * from './methods/transfer/histogram-lut/histogram-yuv.js';
export * from './methods/transfer/histogram-lut/normalize.js';
export * from './methods/transfer/registry.js';
export * from './methods/transfer/reinhard/lalphabeta.js';
export * from './methods/transfer/reinhard/reinhard.js';
export * from './methods/transfer/wavelet/contrast.js';
export * from './methods/transfer/wavelet/merge.js';
export * from './methods/transfer/wavelet/wavelet-transfer.js';
export * from './methods/transfer/welsh/sampling.js';
export * from './methods/transfer/welsh/welsh.js';
export * from './metrics/ciede2000.js';
export * from './metrics/colorfulness.js';
export * from './metrics/evaluate.js';
export * from './metrics/histogram-intersection.js';
export * from './metrics/psnr.js';
export * from './metrics/saturation.js';
export * from './metrics/ssim.js';
export * from './models/deeplab.js';
export * from './models/locate.js';
export * from './models/mobilenet-v2.js';
export * from './models/onnx-builder.js';
export * from './models/protobuf.js';
export * from './models/runtime.js';
export * from './models/tflite/cache.js';
export * from './models/tflite/schema.js';
export * from './models/tflite/to-onnx.js';
export * from './models/vgg19.js';
export * from './models/vgg19-grad.js';
export * from './random.js';
export * from './segment/connectivity.js';
export * from './segment/slic.js';
export { buildServer } from './server/app.js';
export * from './server/catalogue.js';
export { formatFromAccept, type ServerOptions } from './server/limits.js';
export * from './server/option-specs.js';
export * from './solve/banded-cholesky.js';
export * from './solve/dirichlet.js';
export * from './solve/multigrid.js';
export * from './solve/pcg.js';
export * from './solve/spd-solve.js';
export * from './solve/stencil9.js';
export * from './version.js';
