/**
 * The `colorize` command line. Every subcommand has --help; failures print one line
 * "colorize: <message>" and exit 1 (2 for usage errors).
 */
import { Command, CommanderError, Help } from 'commander';
import { ColorizeError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerEval } from './commands/eval.js';
import { registerFamilyCommands } from './commands/families.js';
import { registerInfo } from './commands/info.js';
import { registerMethods } from './commands/methods.js';
import { registerModels } from './commands/models.js';
import { registerQueue } from './commands/queue.js';
import { registerServe } from './commands/serve.js';
import { registerStudio } from './commands/studio.js';
import { registerVideo } from './commands/video.js';
import { registerWorker } from './commands/worker.js';

/**
 * Help text wrapping by paragraph: a paragraph with indented lines (a table, examples) is kept as
 * written; the others are re-flowed to the terminal width as one text, so the line breaks of the
 * source do not leave half-empty lines.
 */
function wrapParagraphs(this: Help, str: string, width: number): string {
  return str
    .split(/\n\s*\n/)
    .map((para) =>
      /\n[^\S\r\n]/.test(`\n${para}`)
        ? para
        : Help.prototype.boxWrap.call(this, para.replace(/\s*\n\s*/g, ' '), width),
    )
    .join('\n\n');
}

export function buildProgram(): Command {
  const program = new Command();
  program.configureHelp({ boxWrap: wrapParagraphs });
  program
    .name('colorize')
    .description('Colorize grayscale photos and film frames, and measure the results.')
    .version(VERSION)
    .option('--max-pixels <n>', 'refuse images larger than this many pixels (default 100000000)')
    .option('--overwrite', 'folder jobs: redo outputs that already exist (by default a re-run skips them)')
    .option('--accept-damaged', 'decode damaged JPEGs (corrupt data, stray markers) instead of refusing them')
    .option(
      '--strip-metadata',
      "outputs without the input's EXIF/XMP (captions, copyright, dates) and without the record of the colourisation",
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerFamilyCommands(program);
  registerVideo(program);
  registerEval(program);
  registerInfo(program);
  registerMethods(program);
  registerModels(program);
  registerServe(program);
  registerStudio(program);
  registerQueue(program);
  registerWorker(program);
  for (const c of program.commands) c.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0)
        return 0;
      if (err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof ColorizeError) {
      process.stderr.write(`colorize: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`colorize: internal error: ${e?.stack ?? String(err)}\n`);
    return 1;
  }
}
