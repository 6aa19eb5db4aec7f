/**
 * Registers the methods that run in a browser (no Node-only code): what the studio's Web Worker
 * imports. One line per method; methods/builtin.ts adds the others.
 */
import { registerMethod } from './catalogue/catalogue.js';
import { levinMethod } from './scribbles/levin/method.js';
import { poissonMethod } from './scribbles/poisson/method.js';
import { edgeAwareMethod } from './transfer/edge-aware/method.js';
import { histogramMethod, histogramYuvMethod } from './transfer/histogram-lut/method.js';
import { reinhardMethod } from './transfer/reinhard/method.js';
import { waveletMethod } from './transfer/wavelet/method.js';
import { welshMethod } from './transfer/welsh/method.js';

registerMethod(levinMethod);
registerMethod(poissonMethod);
registerMethod(histogramMethod);
registerMethod(histogramYuvMethod);
registerMethod(reinhardMethod);
registerMethod(waveletMethod);
registerMethod(edgeAwareMethod);
registerMethod(welshMethod);
