/** The stroke family's public functions: `import { scribbles } from 'colorize-toolkit'`. */
export { AFFINITY_DEFAULTS, type AffinityOptions } from './levin/affinity.js';
export {
  type ChromaResult,
  colorizeLevin,
  LEVIN_SYSTEMS,
  LEVIN_TOLERANCE,
  type LevinOptions,
  type LevinSystem,
  SCRIBBLE_SPACES,
} from './levin/levin.js';
export { DEFAULT_PREVIEW_PIXELS, ScribblePreview } from './levin/preview.js';
export { colorizePoisson, POISSON_OUTPUTS, type PoissonOptions } from './poisson/poisson.js';
export {
  MARKED_THRESHOLD,
  markedImage,
  rasterizeStrokes,
  type StrokeSet,
  strokesFromJson,
  strokesFromMarked,
  strokesFromMask,
} from './strokes.js';
