#!/usr/bin/env node
// Set-up step run by .ci/run after the build: converts every registered model whose files are
// found (COLORIZE_MODELS, models/, ../shared/models) into the cached ONNX file the methods load
// (models/cache/, git-ignored), like `colorize models --convert`. Methods also convert on first
// use; this only moves that second out of the tests.
import '../dist/models/catalogue.js';
import { listModels, modelStatus } from '../dist/models/registry.js';

for (const entry of listModels()) {
  const status = modelStatus(entry.name);
  if (!status.available) {
    console.log(`${entry.name}: not installed (${Object.keys(status.searched).join(', ')} missing)`);
  } else if (entry.convert) {
    console.log(`${entry.name}: ${await entry.convert()}`);
  } else {
    console.log(`${entry.name}: ok`);
  }
}
