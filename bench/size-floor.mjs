/**
 * The floor of bench/size.bench.ts, run as its child: decode one image and write it back through
 * the command line's output code (the same readImage and writeResult the method commands use, from
 * dist/), nothing else. Its peak RSS is what any method pays for the I/O alone. Plain JavaScript,
 * so that it runs without a TypeScript loader, like the command line.
 *
 *   node bench/size-floor.mjs IN OUT
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: size-floor.mjs IN OUT');
const io = await import(pathToFileURL(path.join(root, 'dist/image/io.js')).href);
const out = await import(pathToFileURL(path.join(root, 'dist/cli/output.js')).href);
const decoded = await io.readImage(input);
await out.writeResult(output, decoded.image, decoded);
