/** `colorize(inputs, { method, ...options })`, the one-call entry of the public API. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { colorize, getMethod, listMethods, readImage, scribbles, transfer } from '../../src/index.js';
import * as internals from '../../src/internals.js';
import { REPO_ROOT } from '../helpers/shared.js';

const ex = (n: string) => path.join(REPO_ROOT, 'examples', n);

function maxDiff(a: { channels: Float32Array[] }, b: { channels: Float32Array[] }): number {
  let d = 0;
  for (let c = 0; c < a.channels.length; c++)
    for (let i = 0; i < a.channels[c].length; i++)
      d = Math.max(d, Math.abs(a.channels[c][i] - b.channels[c][i]));
  return d;
}

describe('colorize()', () => {
  it('runs a method from files with the same result as its family function', async () => {
    const gray = (await readImage(ex('scene_gray.png'))).image;
    const strokesText = await import('node:fs').then((fs) =>
      fs.readFileSync(ex('scene_strokes.json'), 'utf8'),
    );
    const { rgb, summary } = await colorize(
      { gray: ex('scene_gray.png'), strokes: JSON.parse(strokesText) },
      { method: 'levin', system: 'symmetric' },
    );
    const direct = scribbles.colorizeLevin(
      gray,
      scribbles.strokesFromJson(strokesText, gray.width, gray.height),
      { system: 'symmetric' },
    );
    assert.equal(maxDiff(rgb, direct.rgb), 0);
    assert.match(summary ?? '', /^levin \(symmetric system, yuv\), \d+ stroke pixels/);

    const target = ex('scene.png');
    const reference = ex('sunset.png');
    const viaCall = await colorize({ target, reference }, { method: 'reinhard', space: 'lalphabeta' });
    const [t, r] = [(await readImage(target)).image, (await readImage(reference)).image];
    assert.equal(maxDiff(viaCall.rgb, transfer.reinhardTransfer(t, r, { space: 'lalphabeta' })), 0);
  });

  it('refuses what the front ends refuse, with their messages', async () => {
    await assert.rejects(
      colorize(ex('scene.png'), { method: 'histogram' }),
      /histogram needs one of the inputs "reference" or "gallery"/,
    );
    await assert.rejects(
      colorize({ target: ex('scene.png'), reference: ex('sunset.png') }, { method: 'histogram', bins: 1 }),
      /option "bins" = 1 is invalid: expected an integer in \[2, 65536\]/,
    );
    await assert.rejects(
      colorize(ex('scene.png'), { method: 'nope' }),
      /unknown method "nope"; known methods: levin/,
    );
    await assert.rejects(
      colorize({ target: ex('scene.png'), reference: ex('scene_gray.png') }, { method: 'histogram' }),
      /the reference is gray/,
    );
  });

  it('context.signal cancels a long run at its next progress report', async () => {
    const ac = new AbortController();
    const stages: string[] = [];
    const run = colorize(
      { target: ex('scene_gray.png'), reference: ex('sunset.png') },
      { method: 'gram', workingSize: 32, iterations: 200, levels: 1 },
      {
        signal: ac.signal,
        progress: (_f, stage) => {
          stages.push(stage ?? '');
          if (stages.length === 3) ac.abort();
        },
      },
    );
    await assert.rejects(run, /cancelled \(at iteration \d+/);
    assert.equal(stages.length, 3, 'nothing reported after the abort');
  });

  it('a levin solve reports its iterations as progress, and a cancel stops it at the next report', async () => {
    const inputs = { gray: ex('scene_gray.png'), marked: ex('scene_marked.png') };
    const seen: Array<[number, string]> = [];
    await colorize(inputs, { method: 'levin' }, { progress: (f, stage) => seen.push([f, stage ?? '']) });
    const solving = seen.filter(([, stage]) => stage.startsWith('solving (iteration'));
    assert.ok(solving.length >= 2, JSON.stringify(seen));
    for (let k = 1; k < solving.length; k++) assert.ok(solving[k][0] > solving[k - 1][0], 'never goes back');
    assert.ok(solving.every(([f]) => f > 0.1 && f <= 0.9));
    const ac = new AbortController();
    const stages: string[] = [];
    const run = colorize(
      inputs,
      { method: 'levin' },
      {
        signal: ac.signal,
        progress: (_f, stage) => {
          stages.push(stage ?? '');
          if (stage?.startsWith('solving (iteration')) ac.abort();
        },
      },
    );
    await assert.rejects(run, /cancelled \(at solving \(iteration \d+\)\)/);
    assert.ok(stages.at(-1)?.startsWith('solving (iteration'), 'nothing reported after the abort');
    assert.equal(internals.reservedLevinGrid(), null, 'the reservation was handed back');
  });

  it('every catalogue method has its family, a paper, at least one input, and options with a flag', () => {
    for (const m of listMethods()) {
      assert.ok(m.paper.length > 3, m.name);
      assert.ok(m.inputs.length > 0, m.name);
      for (const o of m.options) assert.match(o.flags, /^--[a-z0-9-]+( <[^>]+>)?$/, `${m.name}: ${o.flags}`);
    }
    assert.equal(getMethod('levin').family, 'scribbles');
  });
  it('reserves the solve’s memory from the first header and hands it back when the run fails', async () => {
    const sizes: Array<[number, number]> = [];
    // A marked image of another size: refused after the gray was decoded and the arena reserved.
    const small = new Uint8Array(
      await (await import('sharp'))
        .default({ create: { width: 20, height: 10, channels: 3, background: '#808080' } })
        .png()
        .toBuffer(),
    );
    await assert.rejects(
      colorize(
        { gray: ex('scene_gray.png'), marked: small },
        { method: 'levin' },
        {},
        {
          onSize: (w, h) => sizes.push([w, h]),
        },
      ),
      /size/,
    );
    const gray = (await readImage(ex('scene_gray.png'))).image;
    // The caller's own onSize still hears of both images; the reservation did not outlive the run.
    assert.deepEqual(sizes, [
      [gray.width, gray.height],
      [20, 10],
    ]);
    assert.equal(internals.reservedLevinGrid(), null);
    // The hook itself: a reservation made and not taken is dropped.
    const levin = getMethod('levin');
    levin.prepare?.({ width: gray.width, height: gray.height }, {});
    assert.deepEqual(internals.reservedLevinGrid(), { width: gray.width, height: gray.height });
    levin.release?.();
    assert.equal(internals.reservedLevinGrid(), null);
  });
  it('says that --balance off on a photo of 1 MP or more may not converge, and not below', async () => {
    const notices = async (size: number, balance: string) => {
      const gray = internals.createImage(size, size, 1);
      gray.channels[0].fill(0.5);
      const said: string[] = [];
      const strokes = { strokes: [{ points: [[10, 10]], width: 5, color: '#c04020' }] };
      await colorize({ gray, strokes }, { method: 'levin', balance }, { notice: (t) => said.push(t) });
      return said.filter((t) => t.startsWith('--balance off'));
    };
    assert.equal((await notices(1000, 'off')).length, 1);
    assert.equal((await notices(1000, 'auto')).length, 0);
    assert.equal((await notices(999, 'off')).length, 0);
  });
});
