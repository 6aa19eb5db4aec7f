/** The exemplar family's public functions: `import { exemplar } from 'colorize-toolkit'`. */
export { attentionColorize } from './attention/pipeline.js';
export { type Gallery, openGallery } from './gallery/gallery.js';
export { gramColorize } from './gram/pipeline.js';
export type { SuperpixelOptions } from './superpixel/options.js';
export { superpixelColorize, superpixelTransfer } from './superpixel/pipeline.js';
