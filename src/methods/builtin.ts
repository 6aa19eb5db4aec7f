/**
 * Registers every built-in method with the catalogue: the browser-capable ones, then those that
 * need Node (ONNX Runtime models). One line per method; importing this module is what makes them
 * available to the command line, the service and its job workers. Their heavy pipelines load on
 * first use.
 */
import './browser-builtin.js';
import '../models/catalogue.js';
import { chengMethod } from './automatic/cheng/auto-method.js';
import { cnnMethod, cnnTvMethod } from './automatic/cnn-tv/auto-method.js';
import { registerMethod } from './catalogue/catalogue.js';
import { attentionMethod } from './exemplar/attention/method.js';
import { gramMethod } from './exemplar/gram/method.js';
import { superpixelMethod } from './exemplar/superpixel/method.js';
import { fuseMethod } from './fuse/method.js';

registerMethod(superpixelMethod);
registerMethod(gramMethod);
registerMethod(attentionMethod);
registerMethod(cnnTvMethod);
registerMethod(cnnMethod);
registerMethod(chengMethod);
registerMethod(fuseMethod);
