/**
 * The catalogue's typed option metadata for every method (what the CLI's help, the service's
 * option schemas and the studio's controls are built from), gray-target hints, and notes
 * reported through the run context.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cliGrayHint } from '../../src/cli/family-command.js';
import { run } from '../../src/cli/main.js';
import { sharedFlagHelp } from '../../src/cli/method-flags.js';
import { createImage, type ImageF32 } from '../../src/image/image.js';
import { encodeImage } from '../../src/image/io.js';
import '../../src/methods/builtin.js';
import { getMethod, listMethods } from '../../src/methods/catalogue/catalogue.js';
import { optionHelp as flagHelp } from '../../src/methods/catalogue/options.js';
import type { MethodOption as TransferFlag } from '../../src/methods/catalogue/types.js';
import { superpixelTransfer } from '../../src/methods/exemplar/superpixel/pipeline.js';
import { runWithReference } from '../../src/methods/transfer/declare.js';

const getTransferMethod = (name: string) => {
  const m = getMethod(name);
  return { ...m, flags: m.options };
};
const listTransferMethods = () => listMethods('transfer').map((m) => ({ ...m, flags: m.options }));

function colourImage(width = 40, height = 28, hue = 0): ImageF32 {
  const img = createImage(width, height, 3);
  for (let i = 0; i < width * height; i++) {
    const x = (i % width) / width;
    const y = Math.floor(i / width) / height;
    for (let c = 0; c < 3; c++)
      img.channels[c][i] = 0.5 + 0.35 * Math.cos(2 * Math.PI * (x + hue + c / 3)) * (0.6 + 0.4 * y);
  }
  return img;
}

/** Why `value` is not a valid value of `flag`, or undefined when it is. */
function invalidReason(flag: TransferFlag, value: unknown): string | undefined {
  const inRange = (v: number) =>
    Number.isFinite(v) &&
    (!flag.integer || Number.isInteger(v)) &&
    (flag.min === undefined || v >= flag.min) &&
    (flag.max === undefined || v <= flag.max);
  switch (flag.type) {
    case 'number':
      return typeof value === 'number' && inRange(value) ? undefined : 'not a number in range';
    case 'number-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'number' && inRange(v))
        ? undefined
        : 'not a list of numbers in range';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'not a boolean';
    case 'string':
      if (typeof value !== 'string') return 'not a string';
      return flag.choices && !flag.choices.includes(value) ? 'not one of the choices' : undefined;
  }
}

const allFlags = () => listMethods().flatMap((m) => m.options.map((f) => ({ method: m.name, flag: f })));

describe('catalogue: typed option metadata', () => {
  it('every flag has a type, and a default that validates against its own choices and range (or a stated rule)', () => {
    assert.ok(allFlags().length > 60);
    for (const { method, flag } of allFlags()) {
      const id = `${method} ${flag.flags}`;
      assert.ok(['number', 'string', 'boolean', 'number-list'].includes(flag.type), `${id}: type`);
      assert.equal(/<[^>]+>/.test(flag.flags), flag.type !== 'boolean', `${id}: a value flag unless boolean`);
      if (!flag.cliOnly)
        assert.ok(flag.default !== undefined || flag.defaultText !== undefined, `${id}: no default`);
      if (flag.default !== undefined)
        assert.equal(invalidReason(flag, flag.default), undefined, `${id}: default ${flag.default}`);
      if (flag.choices) assert.equal(flag.type, 'string', `${id}: choices of a non-string`);
      if (flag.min !== undefined && flag.max !== undefined) assert.ok(flag.min < flag.max, id);
      if (flag.type === 'boolean')
        assert.equal(flag.default, flag.flags.startsWith('--no-'), `${id}: a --no- flag defaults to on`);
    }
  });

  it('methods of a family that share a flag agree on its key and type', () => {
    const seen = new Map<string, TransferFlag>();
    for (const { flag } of listTransferMethods().flatMap((m) => m.flags.map((f) => ({ flag: f })))) {
      const first = seen.get(flag.flags) ?? flag;
      seen.set(flag.flags, first);
      assert.deepEqual([flag.key, flag.type], [first.key, first.type], flag.flags);
    }
  });

  it('the stated defaults are what each method does without options', async () => {
    const target = colourImage();
    const reference = colourImage(36, 30, 0.45);
    for (const m of listTransferMethods()) {
      if (m.name === 'superpixel') continue; // slow; its defaults are SUPERPIXEL_DEFAULTS themselves
      const defaults = Object.fromEntries(
        m.flags.filter((f) => f.default !== undefined).map((f) => [f.key, f.default]),
      );
      const plain = await runWithReference(getMethod(m.name), target, reference, {});
      const explicit = await runWithReference(getMethod(m.name), target, reference, defaults);
      assert.deepEqual(explicit.channels, plain.channels, `${m.name} with ${JSON.stringify(defaults)}`);
    }
  });

  it('the CLI help of a flag is built from the typed fields, as it read before', () => {
    const users = (flags: string) =>
      listTransferMethods().flatMap((m) =>
        m.flags.filter((f) => f.flags === flags).map((f) => ({ method: m.name, flag: f })),
      );
    assert.equal(
      sharedFlagHelp(users('--space <space>')),
      'reinhard: lab|lalphabeta (default lab); wavelet: rgb|yuv|lab (default rgb); welsh: lab|yuv (default lab)',
    );
    assert.equal(sharedFlagHelp(users('--bins <n>')), 'LUT levels per channel (default 256, report §2.1.2)');
    assert.equal(
      sharedFlagHelp(users('--exact')),
      'full-resolution float CDF matching instead of the binned LUT',
    );
    assert.equal(
      sharedFlagHelp(users('--no-rgb-first')),
      'histogram-yuv: match YUV directly, without RGB matching first (report figure 8)',
    );
    const wavelet = getTransferMethod('wavelet').flags;
    assert.deepEqual(wavelet.map(flagHelp), [
      'decomposition levels k (default |λ|−1, or 10)',
      'k+1 weights in [0,1], λ₀ (low-pass) then coarse→fine (default 0,0.2,0.4,0.6,0.8,1,…)',
      'haar|db2|db4 (default haar)',
      'rgb|yuv|lab (default rgb)',
      'histogram-match RGB before merging (report figure 14)',
      'localized contrast gain on the target first (default 1 = off)',
      'σ of the local mean for --contrast (default 8 px)',
      // Every transfer and exemplar method: the region mask's feather (issue 18).
      'with a mask: σ of the Gaussian that softens the region’s edge (0: a hard edge) (default 4 px)',
    ]);
  });

  it('gray-target hints are typed, and the CLI words them as before', () => {
    const reinhard = getMethod('reinhard');
    assert.equal(reinhard.grayAlternative?.method, 'welsh');
    assert.equal(
      cliGrayHint(reinhard),
      'use --method welsh for a gray target (or --gray-target mean-chroma for the constant-cast baseline)',
    );
    // superpixel takes gray targets itself (Algorithm 4), so it needs no hint.
    assert.equal(cliGrayHint(getMethod('superpixel')), undefined);
    assert.equal(cliGrayHint(getMethod('welsh')), undefined);
  });
});

describe('catalogue: notes through the run context', () => {
  it('superpixel reports the pipeline’s notes through context.notice, never on stderr', async () => {
    const target = colourImage(48, 32);
    const reference = colourImage(48, 32, 0.4);
    const options = { workingSize: 32 };
    const expected = (await superpixelTransfer(target, reference, options)).notices;
    const notes: string[] = [];
    const write = process.stderr.write;
    let stderr = '';
    process.stderr.write = ((s: string | Uint8Array) => {
      stderr += String(s);
      return true;
    }) as typeof process.stderr.write;
    try {
      const rgb = await runWithReference(getMethod('superpixel'), target, reference, options, {
        notice: (n) => notes.push(n),
      });
      assert.deepEqual([rgb.width, rgb.height, rgb.channels.length], [48, 32, 3]);
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(notes, expected);
    assert.equal(stderr, '');
  });

  it('colorize transfer prints a method’s notes as "note: …" on stderr, once per command', async () => {
    // The service tests' fixture: a transfer method that returns the target with a note.
    await import('../server/fixtures/notice-method.js');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'colorize-notes-'));
    try {
      await fs.mkdir(path.join(dir, 'in'));
      for (const n of ['a.png', 'b.png'])
        await fs.writeFile(path.join(dir, 'in', n), await encodeImage(colourImage(), 'png'));
      await fs.writeFile(path.join(dir, 'ref.png'), await encodeImage(colourImage(30, 20, 0.3), 'png'));
      const write = process.stderr.write;
      let stderr = '';
      process.stderr.write = ((s: string | Uint8Array) => {
        stderr += String(s);
        return true;
      }) as typeof process.stderr.write;
      let code: number;
      try {
        code = await run([
          'node',
          'colorize',
          'transfer',
          path.join(dir, 'in'),
          path.join(dir, 'ref.png'),
          '-o',
          path.join(dir, 'out'),
          '--method',
          'test-notes',
        ]);
      } finally {
        process.stderr.write = write;
      }
      assert.equal(code, 0, stderr);
      assert.equal(stderr.match(/note: a fallback was taken\n/g)?.length, 1, stderr);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
