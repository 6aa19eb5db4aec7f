/** withVipsDetail: a failed libvips operation is retried alone, so its message keeps libvips' detail. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { readImage } from '../../src/image/io.js';
import { withVipsDetail } from '../../src/image/vips-lock.js';
import { dataPath } from '../helpers/shared.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withVipsDetail', () => {
  it('retries a failed operation only after the work in flight ends, and starts none meanwhile', async () => {
    const log: string[] = [];
    const slow = withVipsDetail(async () => {
      log.push('a start');
      await sleep(40);
      log.push('a end');
      return 'a';
    });
    let tries = 0;
    const failing = withVipsDetail(async () => {
      tries++;
      log.push(`b try ${tries}`);
      await sleep(tries === 2 ? 30 : 0);
      if (tries === 2) log.push('b retry end');
      throw new Error(`detail of try ${tries}`);
    });
    await sleep(5); // b's first try has failed; its retry waits for a
    const late = withVipsDetail(async () => {
      log.push('c start');
      return 'c';
    });
    await assert.rejects(failing, /detail of try 2/);
    assert.equal(await slow, 'a');
    assert.equal(await late, 'c');
    assert.deepEqual(log, ['a start', 'b try 1', 'a end', 'b try 2', 'b retry end', 'c start']);
  });

  it('keeps the detail of a damaged JPEG decoded beside good images', async () => {
    // Without the retry 7 of 30 rounds lost it ("Warning treated as error due to failOn setting").
    const bad = Buffer.from(readFileSync(dataPath('val/bsds500_100007.jpg')));
    bad.write('\xff\xd9', Math.floor(bad.length * 0.6), 'latin1'); // an EOI inside the entropy data
    const good = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    for (let round = 0; round < 30; round++) {
      const failed = readImage(bad).then(
        () => 'decoded',
        (e: Error) => e.message,
      );
      const others = Array.from({ length: 6 }, () => readImage(good));
      const [message] = await Promise.all([failed, ...others]);
      assert.match(message, /damaged JPEG data \(.*Corrupt JPEG data/, `round ${round}`);
    }
  });
});
