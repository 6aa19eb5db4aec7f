/** Colour conversions: `import { color } from 'colorize-toolkit'`. */
export * from './ab-bins.js';
export * from './gamut.js';
export * from './hsv.js';
export * from './lab.js';
export * from './linear-spaces.js';
export * from './srgb.js';
