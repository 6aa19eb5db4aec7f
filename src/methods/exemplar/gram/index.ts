/** Gram-matrix (Gatys et al.) exemplar colorization, report chapter 4. */
export * from './loss.js';
export * from './matrix-ops.js';
export * from './network.js';
export * from './objective.js';
export * from './optimizers.js';
export * from './options.js';
export * from './pipeline.js';
