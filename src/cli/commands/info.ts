/** `colorize info IMAGE...`: what the decoder sees (size, bit depth, gray, alpha). */
import type { Command } from 'commander';
import { readImage } from '../../image/io.js';
import { type GlobalOptions, readOptions } from '../shared-options.js';

export function registerInfo(program: Command): void {
  program
    .command('info')
    .summary('show how images are decoded')
    .description(
      'Prints, for each image, its size after EXIF rotation, source format, bit depth, whether it is ' +
        'gray (one channel, or RGB with R = G = B), whether it has alpha, and how many frames an animated or multi-page file holds.',
    )
    .argument('<images...>', 'image files')
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { json?: boolean }, cmd: Command) => {
      const readOpts = readOptions(cmd.optsWithGlobals<GlobalOptions>());
      const out = [];
      for (const f of files) {
        const d = await readImage(f, { ...readOpts, firstFrame: true });
        out.push({
          file: f,
          width: d.image.width,
          height: d.image.height,
          format: d.format,
          bitDepth: d.bitDepth,
          gray: d.isGray,
          storedAsRgb: d.storedAsRgb,
          alpha: d.alpha !== null,
          frames: d.frames,
        });
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else
        for (const o of out)
          process.stdout.write(
            `${o.file}: ${o.width}×${o.height} ${o.format} ${o.bitDepth}-bit ${o.gray ? (o.storedAsRgb ? 'gray (stored as RGB)' : 'gray') : 'colour'}${o.alpha ? ' +alpha' : ''}${o.frames > 1 ? `, ${o.frames} frames (the first is shown)` : ''}\n`,
          );
    });
}
