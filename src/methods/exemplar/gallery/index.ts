/** Reference retrieval from a gallery of colour images (report §4.4.3). */
export * from './descriptor.js';
export * from './gallery.js';
export * from './gallery-index.js';
