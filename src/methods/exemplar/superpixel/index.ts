/** Superpixel non-local matching of deep features (Carrillo et al. 2022; IPOL 2024). */

export * from './debug.js';
export * from './features.js';
export * from './fusion.js';
export * from './method.js';
export * from './options.js';
export * from './pipeline.js';
export * from './sfe.js';
export * from './sfm.js';
