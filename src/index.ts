/**
 * The public API of the colorization toolkit, kept small on purpose:
 *
 * - `colorize(inputs, { method, ...options })`: any method in one call;
 * - the method catalogue: `listMethods`, `getMethod`, `describeMethod`, `registerMethod` and the
 *   declaration types and helpers (`transferMethod`, `automaticMethod`, `validateOptions`);
 * - image I/O (`readImage`, `writeImage`, …), image helpers, metrics, the finish stage (chroma
 *   recombined with the original luminance) and colour conversions (`color`);
 * - each family's functions under a namespace: `scribbles`, `transfer`, `exemplar`, `automatic`;
 * - `buildServer` to embed the HTTP service.
 *
 * Everything else (solver kernels, filters, network builders, model readers) is reachable from
 * `colorize-toolkit/internals`, without a promise that it stays as it is.
 */
export * as color from './color/index.js';
export { type ColorizeInputs, type ColorizeRequest, colorize, type ImageSource } from './colorize.js';
export * from './errors.js';
export { type FinishOptions, finish } from './finish/finish.js';
export * from './image/image.js';
export * from './image/io.js';
export * from './image/resize.js';
export { type AutomaticDeclaration, automaticMethod } from './methods/automatic/declare.js';
export * as automatic from './methods/automatic/index.js';
export * from './methods/catalogue/catalogue.js';
export * from './methods/catalogue/inputs.js';
export * from './methods/catalogue/options.js';
export * from './methods/catalogue/types.js';
export { type Gallery, openGallery } from './methods/exemplar/gallery/gallery.js';
export * as exemplar from './methods/exemplar/index.js';
export * as scribbles from './methods/scribbles/index.js';
export { type TransferDeclaration, transferMethod } from './methods/transfer/declare.js';
export * as transfer from './methods/transfer/index.js';
export * from './metrics/ciede2000.js';
export * from './metrics/colorfulness.js';
export * from './metrics/evaluate.js';
export * from './metrics/histogram-intersection.js';
export * from './metrics/psnr.js';
export * from './metrics/saturation.js';
export * from './metrics/ssim.js';
export { buildServer } from './server/app.js';
export { formatFromAccept, type ServerOptions } from './server/limits.js';
export * from './version.js';
