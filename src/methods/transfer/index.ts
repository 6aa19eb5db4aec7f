/** The transfer family's public functions: `import { transfer } from 'colorize-toolkit'`. */
export { edgeAwareTransfer } from './edge-aware/edge-aware.js';
export { histogramLutTransfer } from './histogram-lut/histogram-lut.js';
export { histogramYuvTransfer } from './histogram-lut/histogram-yuv.js';
export { reinhardTransfer } from './reinhard/reinhard.js';
export { waveletTransfer } from './wavelet/wavelet-transfer.js';
export { welshTransfer } from './welsh/welsh.js';
