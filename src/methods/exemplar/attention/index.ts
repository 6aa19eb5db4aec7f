/** Attention-based exemplar colorization (Gorriz Blanch et al.), see README.md. */
export * from './features.js';
export * from './network.js';
export * from './pipeline.js';
