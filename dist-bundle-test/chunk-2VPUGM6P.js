import {
  VGG19_BGR_MEAN,
  VGG19_OUTPUTS,
  ensureVgg19Onnx
} from "./chunk-C7DXZTIV.js";
import {
  loadOrt,
  onnxSession
} from "./chunk-ZWSHODDX.js";
import {
  ColorizeError
} from "./chunk-QUYJNQPH.js";

// dist/features/vgg19-features.js
function vggInput(image) {
  const n = image.width * image.height;
  const out = new Float32Array(3 * n);
  const ch = image.channels;
  if (ch.length !== 1 && ch.length !== 3)
    throw new ColorizeError(`vgg19: expected 1 or 3 channels, got ${ch.length}`, "input");
  const R = ch.length === 3 ? ch[0] : ch[0];
  const G = ch.length === 3 ? ch[1] : ch[0];
  const B = ch.length === 3 ? ch[2] : ch[0];
  for (let i = 0; i < n; i++) {
    out[i] = B[i] * 255 - VGG19_BGR_MEAN[0];
    out[n + i] = G[i] * 255 - VGG19_BGR_MEAN[1];
    out[2 * n + i] = R[i] * 255 - VGG19_BGR_MEAN[2];
  }
  return out;
}
var Vgg19Features = class {
  name = "vgg19";
  description = "VGG-19 conv1_2, conv2_2, conv3_4 (ReLU, average pooling)";
  async extract(image) {
    if (image.width < 4 || image.height < 4) {
      throw new ColorizeError(`vgg19: image ${image.width}\xD7${image.height} is too small (at least 4\xD74)`, "input");
    }
    const [ort, session] = await Promise.all([
      loadOrt(),
      ensureVgg19Onnx().then((file) => onnxSession(file, { spinning: false }))
    ]);
    const input = new ort.Tensor("float32", vggInput(image), [1, 3, image.height, image.width]);
    const out = await session.run({ input });
    return VGG19_OUTPUTS.map((name) => {
      const t = out[name];
      const [, c, h, w] = t.dims;
      return { channels: c, width: w, height: h, data: t.data };
    });
  }
};

export {
  vggInput,
  Vgg19Features
};
