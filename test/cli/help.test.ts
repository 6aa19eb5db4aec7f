/**
 * Issue 22: `--help` of the family commands fits 80 columns without re-wrapping its own line
 * breaks into half-empty lines, a reader that stops early (`colorize --help | head -1`) is no
 * crash, and a multi-frame file is shown as such and refused rather than coloured from frame 1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('help text', () => {
  it('every family command’s help fits 80 columns and has no orphaned one- or two-word lines in its prose', async () => {
    for (const command of ['scribble', 'transfer', 'exemplar', 'auto']) {
      const r = await runCli([command, '--help']);
      assert.equal(r.code, 0);
      const lines = r.stdout.split('\n');
      for (const line of lines) assert.ok(line.length <= 80, `${command}: ${line.length} columns: ${line}`);
      // A prose line (not indented) followed by a line of one or two words and then a
      // blank line is the mark of a source line break wrapped again.
      for (let i = 1; i + 1 < lines.length; i++) {
        const orphan =
          /^\S/.test(lines[i]) && lines[i].trim().split(/\s+/).length <= 2 && lines[i + 1] === '';
        const afterProse = /^\S/.test(lines[i - 1]) && lines[i - 1].length > 60;
        assert.ok(!(orphan && afterProse), `${command}: orphaned "${lines[i]}"`);
      }
    }
  });

  it('colorize info shows the frames of an animated GIF, which the colour commands refuse with a hint', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'colorize-frames-'));
    try {
      const gif = path.join(dir, 'anim.gif');
      // Two different frames (the encoder merges identical ones).
      const frames = Buffer.alloc(4 * 8 * 3);
      for (let i = 0; i < 16; i++) {
        frames[i * 3] = 255;
        frames[48 + i * 3 + 2] = 255;
      }
      await sharp(frames, { raw: { width: 4, height: 8, channels: 3, pageHeight: 4 } } as never)
        .gif()
        .toFile(gif);
      const info = await runCli(['info', gif]);
      assert.equal(info.code, 0, info.stderr);
      assert.match(info.stdout, /4×4 gif 8-bit colour.*, 2 frames \(the first is shown\)/);
      const r = await runCli(['auto', gif, '-o', path.join(dir, 'out.png')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /anim\.gif: has 2 frames .*extract the frames first/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a reader that closes early ends the command quietly with exit 0', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/entry.ts'), 'transfer', '--help'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Closed before the child writes anything: its first write meets a broken pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE/);
  });
});
