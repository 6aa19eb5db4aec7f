/** The automatic family's public functions: `import { automatic } from 'colorize-toolkit'`. */
export { colorizeCheng } from './cheng/pipeline.js';
export { colorizeCnn, colorizeCnnTv } from './cnn-tv/pipeline.js';
