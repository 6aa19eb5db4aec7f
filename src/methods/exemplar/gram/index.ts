/** Gram-matrix (Gatys et al.) exemplar colorization, report chapter 4. */
export * from './network.js';
